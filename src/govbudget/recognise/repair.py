"""Names garbled by extraction repaired where the code makes the line certain.

Vertical text in a PDF cell comes out scrambled (``部医保信中管区疗障息心`` for
曾都区医疗保障信息中心). When the same code is printed elsewhere with a clean
name — another table's row of that unit, the report's own entity, or the
official code list — and the garbled name shares most of its characters with it,
the clean name replaces it and a ``name.repaired`` finding keeps the printed one.
"""

from __future__ import annotations

from collections import Counter

import attrs

from .. import codelists
from ..model import Table
from ..provenance import Finding, Severity
from .labels import normalise
from .meta import ENTITY_SUFFIX

__all__ = ["repair_names"]

DEFAULT_SHARED = 0.6  # share of the clean name's characters a garbled one must hold


DEFAULT_IN_ORDER = 0.7  # a name keeping this share of its characters in order is a misprint, not a scramble


def _shared(garbled: str, clean: str) -> float:
    return sum((Counter(garbled) & Counter(clean)).values()) / max(len(clean), 1)


def _in_order(a: str, b: str) -> float:
    """Longest common subsequence of two names, as a share of the first."""
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0]
        for j, other in enumerate(b):
            cur.append(prev[j] + 1 if ch == other else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / max(len(a), 1)


def _scrambled(printed: str, clean: str) -> bool:
    """Most characters of the clean name, but out of order: vertical text read across."""
    # All but one character in order (退休费 for 离休费) is another word or a misprint, never a scramble.
    in_order = _in_order(printed, clean)
    return (_shared(printed, clean) >= DEFAULT_SHARED and len(printed) <= len(clean) + 2
            and in_order < DEFAULT_IN_ORDER and round(in_order * len(printed)) < len(printed) - 1)


def _clean_names(tables: list[Table], entity: str, entity_code: str | None) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    if entity_code:
        names.setdefault(f"unit:{entity_code}", []).append(entity)
    for table in tables:
        for row in table.rows:
            if row.key.startswith("unit:") and row.name:
                names.setdefault(row.key, []).append(row.name)
    return names


def _list_names(key: str, year: int | None) -> list[str]:
    scheme, _, code = key.partition(":")
    if scheme not in ("fn", "econ"):
        return []
    return [e.name for e in codelists.entries(scheme) if e.code == code and e.covers(year)]


def repair_names(tables: list[Table], *, entity: str, entity_code: str | None,
                 year: int | None) -> tuple[list[Table], list[Finding]]:
    """The tables with garbled names replaced, and a finding for each replacement."""
    units = _clean_names(tables, entity, entity_code)
    findings: list[Finding] = []
    out = []
    for table in tables:
        rows = []
        for row in table.rows:
            printed = normalise(row.name)
            if row.key.startswith("unit:"):
                # An organisation's name ends like one (…中心, …局); a scrambled one rarely does.
                if ENTITY_SUFFIX.search(printed):
                    rows.append(row)
                    continue
                known = [n for n in units.get(row.key, []) if ENTITY_SUFFIX.search(normalise(n))]
            else:
                known = _list_names(row.key, year)
            clean = [n for n in known if normalise(n) != printed]
            if printed and clean and (row.key.startswith("unit:") or all(normalise(n) != printed for n in known)):
                best = max(clean, key=lambda n: _shared(printed, normalise(n)))
                if _scrambled(printed, normalise(best)):
                    findings.append(Finding(
                        "name.repaired", Severity.INFO,
                        f"{row.key} printed as {row.name!r}, garbled in extraction; named {best!r} as the code "
                        "is elsewhere", entity=entity, table=table.id, row=row.key, expected=best, actual=row.name,
                        provenance=(row.provenance,)))
                    row = attrs.evolve(row, name=best)
            rows.append(row)
        out.append(attrs.evolve(table, rows=tuple(rows)))
    return out, findings
