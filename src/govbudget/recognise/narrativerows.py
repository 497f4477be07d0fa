"""Figures the text states into narrative rows, with the doubts about them as findings.

The first statement of each key is its row; a later statement of another figure
is kept for validation and reported as ``narrative.conflict`` unless it restates
the item for 财政拨款 / 一般公共预算 money only and a table of that money prints
it. A code printed with another code's name is a ``code.name_mismatch``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Collection, Iterable

from .. import codelists
from ..amounts import UNIT_FACTORS
from ..grid import Paragraph
from ..model import Cell, Row
from ..provenance import Finding, Severity
from .fnpaths import fn_name, path_item
from .narrative import CODE, Mention, mentions, printed_item

__all__ = ["narrative_rows", "fund_figures", "FUND_TABLES"]

# Tables of 财政拨款 or 一般公共预算 money only, and what their lines say of the text's items.
FUND_TABLES = ("fiscal_expenditure", "fiscal_basic", "general_budget_expenditure", "general_budget_basic")
_BASIC_TABLES = ("fiscal_basic", "general_budget_basic")


def narrative_rows(paragraphs: list[Paragraph], *, entity: str, year: int | None, kind: str | None,
                   scoped: Callable[[str], Collection[Decimal]] | None = None) -> tuple[list[Row], list[Finding]]:
    """A row per statement of a figure; a repeat with the same figure is dropped.

    The facts table keeps the first statement of each key; a later one with another
    figure is kept in the model for validation and reported as ``narrative.conflict``,
    unless it states the item for 财政拨款 money only and ``scoped`` (the figures in yuan
    the fund-scope tables print for a key) holds it: then it is another scope, not a conflict.
    """
    rows: list[Row] = []
    first_of: dict[str, Row] = {}
    findings: list[Finding] = []
    for m in mentions(paragraphs, entity=entity, year=year, kind=kind):
        mismatch = _name_mismatch(m, entity, year)
        if mismatch is not None and not any(f.row == m.key and f.code == mismatch.code for f in findings):
            findings.append(mismatch)
        cell = Cell("amount", m.text, m.value, m.provenance)
        row = Row(m.key, m.name, (cell,), m.provenance, m.unit)
        if m.key not in first_of:
            first_of[m.key] = row
            rows.append(row)
            continue
        first = first_of[m.key]
        first_value = first.cells[0].value
        assert first_value is not None
        if _yuan(first_value, first.unit) != _yuan(m.value, m.unit) and all(
                _yuan(r.cells[0].value, r.unit) != _yuan(m.value, m.unit) for r in rows if r.key == m.key):
            rows.append(row)
            if m.scope is not None and scoped is not None and _yuan(m.value, m.unit) in scoped(m.key):
                continue
            findings.append(Finding(
                "narrative.conflict", Severity.WARNING,
                f"the text states {m.key} ({m.printed_label}) as {m.text} {m.unit}, "
                f"but earlier as {first.cells[0].text} {first.unit}",
                entity=entity, table="narrative", row=m.key, measure="amount",
                expected=first.cells[0].text, actual=m.text, provenance=(first.provenance, m.provenance)))
    return rows, findings


def _name_mismatch(m: Mention, entity: str, year: int | None) -> Finding | None:
    """``code.name_mismatch`` when the text prints a code with another name (2101506 as 2101599's)."""
    if not m.key.startswith("fn:"):
        return None
    if not CODE.findall(m.printed_label):
        return _misprinted_path(m, entity, year)
    code = m.key[3:]
    printed = printed_item(m.printed_label)
    own = [e.name for e in codelists.entries("fn") if e.code == code]
    if not own or not printed or any(codelists.names_match(printed, n) for n in own):
        return None
    others = [e.code for e in codelists.by_name("fn", printed, year) if e.code != code]
    whose = f"the name of fn:{others[0]} ({printed})" if others else f"the name {printed!r}"
    return Finding("code.name_mismatch", Severity.WARNING,
                   f"the text prints {m.key} with {whose}; its own name is {own[0]}",
                   entity=entity, table="narrative", row=m.key, expected=own[0], actual=printed,
                   provenance=(m.provenance,))


def _misprinted_path(m: Mention, entity: str, year: int | None) -> Finding | None:
    """``code.name_mismatch`` (info) for an item named by a path whose last name the text misprints."""
    printed = path_item(m.printed_label)
    own = fn_name(m.key[3:], year)
    # 公共安全（类） names its class without 支出; the tail of a name cut at 、 is the clause, not the text.
    if (not printed or not own or codelists.names_match(printed, own) or codelists.names_match(printed + "支出", own)
            or own.endswith(printed)):
        return None
    return Finding("code.name_mismatch", Severity.INFO,
                   f"the text names {m.key} {printed!r}, a misprint of its name {own}",
                   entity=entity, table="narrative", row=m.key, expected=own, actual=printed,
                   provenance=(m.provenance,))


def fund_figures(tables: Iterable[tuple[str, str | None, Iterable[Row]]]) -> Callable[[str], set[Decimal]]:
    """The figures in yuan the fund-scope tables print for each narrative key (``item:basic``, ``fn:205``)."""
    by_key: dict[str, set[Decimal]] = {}
    for table_id, unit, rows in tables:
        if table_id not in FUND_TABLES:
            continue
        for row in rows:
            for cell in row.cells:
                if cell.value is None:
                    continue
                keys = []
                if row.key == "item:total" and cell.measure in ("basic", "project", "personnel", "public_funds"):
                    keys.append(f"item:{cell.measure}")
                elif row.key == "item:total" and cell.measure == "total" and table_id in _BASIC_TABLES:
                    keys.append("item:basic")
                elif row.key.startswith(("fn:", "econ:")) and cell.measure == "total":
                    keys.append(row.key)
                for key in keys:
                    by_key.setdefault(key, set()).add(_yuan(cell.value, row.unit or unit))
    return lambda key: by_key.get(key, set())


def _yuan(value: Decimal, unit: str | None) -> Decimal:
    return value * UNIT_FACTORS.get(unit or "", Decimal(1))
