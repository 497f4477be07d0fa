"""The model flattened into facts: one row per published figure.

The columns and rules are those of ``docs/facts.md``: one fact per (entity,
kind, year, table, row, measure), blank cells give no fact, ``value`` keeps the
printed precision and ``yuan`` is the exact figure in yuan without trailing zeros.
"""

from __future__ import annotations

from typing import Iterator

import attrs

from .amounts import UNIT_FACTORS, plain, yuan_string
from .model import Disclosure, Report, Row

__all__ = ["FACT_COLUMNS", "Fact", "facts_of", "iter_facts"]

FACT_COLUMNS = (
    "source",
    "entity",
    "entity_code",
    "scope",
    "kind",
    "year",
    "table",
    "row",
    "row_name",
    "measure",
    "value",
    "unit",
    "yuan",
    "page",
)


@attrs.frozen
class Fact:
    """One published figure in the vocabulary of the facts table (all fields text)."""

    source: str
    entity: str
    entity_code: str
    scope: str
    kind: str
    year: str
    table: str
    row: str
    row_name: str
    measure: str
    value: str
    unit: str
    yuan: str
    page: str

    def as_dict(self) -> dict[str, str]:
        """The fact as a column -> text mapping in column order."""
        return {name: getattr(self, name) for name in FACT_COLUMNS}


def _rows(report: Report) -> Iterator[tuple[str, str | None, Row]]:
    for table in report.tables:
        for row in table.rows:
            yield table.id, table.unit, row
    for row in report.narrative:
        yield "narrative", None, row


def iter_facts(disclosure: Disclosure) -> Iterator[Fact]:
    """The facts of one disclosure in document order, duplicates of a key skipped."""
    seen: set[tuple[str, ...]] = set()
    for report in disclosure.reports:
        base = (
            disclosure.source,
            report.entity,
            report.entity_code or "",
            report.scope.value,
            report.kind.value if report.kind else "",
            str(report.year) if report.year is not None else "",
        )
        for table_id, table_unit, row in _rows(report):
            unit = row.unit or table_unit or ""
            for cell in row.cells:
                if cell.value is None:
                    continue
                key = (report.entity, base[4], base[5], table_id, row.key, cell.measure)
                if key in seen:
                    continue
                seen.add(key)
                p = cell.provenance
                page = p.page if p.page is not None else p.table
                yuan = yuan_string(cell.value, unit) if unit in UNIT_FACTORS and cell.measure != "count" else ""
                yield Fact(*base, table_id, row.key, row.name, cell.measure, plain(cell.value), unit, yuan,
                           "" if page is None else str(page))


def facts_of(disclosure: Disclosure) -> list[Fact]:
    """All facts of one disclosure."""
    return list(iter_facts(disclosure))

