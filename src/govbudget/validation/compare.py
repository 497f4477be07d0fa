"""Comparing a printed figure with the sum it should equal, allowing for rounding.

Published figures are rounded to the printed precision, so a sum of rounded
addends may miss the rounded total by up to half a unit of the last printed
digit of each addend and of the total. That slack is the tolerance: a
difference within it is reported as ``info`` with the slack used, beyond it as
the rule's severity. Two printings of the same figure at the same precision get
no slack. Figures in different units are compared in yuan.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

import attrs

from ..amounts import UNIT_FACTORS, plain
from ..model import Cell
from ..provenance import Finding, Provenance, Severity

__all__ = ["Term", "half_unit", "compare", "term"]

_ZERO = Decimal(0)


@attrs.frozen
class Term:
    """One printed figure in a comparison, with what it is and where it stands."""

    value: Decimal
    unit: str | None
    label: str
    provenance: Provenance | None = None

    def yuan(self) -> Decimal:
        return self.value * UNIT_FACTORS.get(self.unit or "", Decimal(1))

    def slack(self) -> Decimal:
        """Half a unit of the last printed digit, in yuan."""
        return half_unit(self.value) * UNIT_FACTORS.get(self.unit or "", Decimal(1))


def term(cell: Cell | None, unit: str | None, label: str) -> Term | None:
    """The term of a cell, or ``None`` for a blank or absent cell."""
    if cell is None or cell.value is None:
        return None
    return Term(cell.value, unit, label, cell.provenance)


def half_unit(value: Decimal) -> Decimal:
    """0.005 for ``54.07``, 0.5 for ``76306134``."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def _tolerance(actual: Term | None, terms: list[Term]) -> Decimal:
    """The rounding slack: half a unit of every figure in a sum; none between two figures of one precision.

    Two printings of one figure at the same precision round the same value the same
    way, so they must agree exactly; at different precisions the coarser one's half
    unit is all the room there is.
    """
    if actual is not None and len(terms) == 1:
        return max(actual.slack(), terms[0].slack()) if actual.slack() != terms[0].slack() else _ZERO
    return sum((t.slack() for t in terms), _ZERO) + (actual.slack() if actual is not None else _ZERO)


def _in_unit(yuan: Decimal, unit: str | None) -> Decimal:
    return yuan / UNIT_FACTORS.get(unit or "", Decimal(1))


def compare(
    rule: str,
    severity: Severity,
    what: str,
    actual: Term | None,
    parts: Iterable[Term | None],
    *,
    entity: str,
    table: str | None,
    row: str | None,
    measure: str | None,
) -> Finding | None:
    """A finding when ``actual`` differs from the sum of ``parts`` (blank parts count as nothing).

    Nothing when both sides are blank, or when they agree exactly.
    """
    terms = [p for p in parts if p is not None]
    if actual is None and not any(t.value != 0 for t in terms):
        return None
    expected_yuan = sum((t.yuan() for t in terms), _ZERO)
    actual_yuan = actual.yuan() if actual is not None else _ZERO
    difference = actual_yuan - expected_yuan
    if difference == 0:
        return None
    unit = actual.unit if actual is not None else (terms[0].unit if terms else None)
    tolerance = _tolerance(actual, terms)
    within = abs(difference) <= tolerance
    provenance = tuple(p for p in [actual.provenance if actual else None, *(t.provenance for t in terms)] if p)
    shown = [plain(_in_unit(x, unit).normalize()) if x != 0 else "0" for x in (expected_yuan, difference, tolerance)]
    printed = plain(actual.value) if actual is not None else "blank"
    sources = " + ".join(f"{t.label} {plain(t.value)}" for t in terms) or "nothing"
    unit_text = f" {unit}" if unit else ""
    if within:
        message = (f"{what}: {printed} against {sources} = {shown[0]}{unit_text}; "
                   f"differs by {shown[1]}, within the rounding slack of {shown[2]}")
    else:
        message = (f"{what}: {printed}{unit_text} printed, but {sources} = {shown[0]}{unit_text} "
                   f"(difference {shown[1]}, rounding allows {shown[2]})")
    return Finding(
        rule,
        Severity.INFO if within else severity,
        message,
        entity=entity,
        table=table,
        row=row,
        measure=measure,
        expected=shown[0],
        actual=printed if actual is not None else None,
        provenance=provenance,
        difference=shown[1],
        tolerance=shown[2],
    )
