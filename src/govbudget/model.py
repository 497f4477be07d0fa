"""The canonical model: one disclosure file as reports, tables, rows and cells.

Frozen attrs classes with no parsing, I/O or accounting rules inside. Every
figure is a :class:`~decimal.Decimal` (``None`` for a blank cell) that keeps the
text it was printed as and its provenance. Table ids, row keys and measures use
the vocabulary of ``docs/model.md`` (DOMAIN: ``summary``, ``fn:208``, ``basic`` ...).
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Iterator

import attrs

from .provenance import Finding, Provenance, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .facts import Fact

__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "Scope",
    "Kind",
    "Cell",
    "Row",
    "Column",
    "Table",
    "Report",
    "Disclosure",
    "Finding",
    "Provenance",
    "Severity",
]

SCHEMA_NAME = "govbudget.disclosure"
SCHEMA_VERSION = "1.1"


class Scope(str, Enum):
    """Whether a report covers a whole department or one budget unit."""

    DEPARTMENT = "department"
    UNIT = "unit"


class Kind(str, Enum):
    """Budget (预算) before the year, final accounts (决算) after it."""

    BUDGET = "budget"
    FINAL_ACCOUNTS = "final_accounts"


@attrs.frozen
class Cell:
    """One printed figure: its measure, the text as printed and its exact value."""

    measure: str
    text: str
    value: Decimal | None
    provenance: Provenance


@attrs.frozen
class Row:
    """A keyed line of a table (``fn:2080505``, ``item:total`` ...) and its figures.

    ``unit`` overrides the table's unit for rows that count things (vehicles).
    """

    key: str
    name: str
    cells: tuple[Cell, ...]
    provenance: Provenance
    unit: str | None = None

    def cell(self, measure: str) -> Cell | None:
        """The cell of one measure, or ``None`` when the row has no such column."""
        for c in self.cells:
            if c.measure == measure:
                return c
        return None

    def value(self, measure: str) -> Decimal | None:
        """The figure of one measure, ``None`` when blank or absent."""
        c = self.cell(measure)
        return None if c is None else c.value


@attrs.frozen
class Column:
    """A measure column and its header as printed (levels joined by ``/``)."""

    measure: str
    label: str


@attrs.frozen
class Table:
    """One annex table: its id, title as printed, unit, columns and rows.

    A table printed empty (无数据, 空表列示) is present with no figures.
    """

    id: str
    title: str
    unit: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    provenance: Provenance
    label: str | None = None

    @property
    def empty(self) -> bool:
        """True when no cell of the table holds a figure."""
        return not any(c.value is not None for r in self.rows for c in r.cells)

    def row(self, key: str) -> Row | None:
        """The row with this key, or ``None``."""
        for r in self.rows:
            if r.key == key:
                return r
        return None


@attrs.frozen
class Report:
    """What one entity discloses in one file: its tables and narrative figures."""

    entity: str
    entity_code: str | None
    scope: Scope
    kind: Kind | None
    year: int | None
    unit: str | None
    tables: tuple[Table, ...]
    narrative: tuple[Row, ...] = ()
    findings: tuple[Finding, ...] = ()

    def table(self, table_id: str) -> Table | None:
        """The first table with this id, or ``None``."""
        for t in self.tables:
            if t.id == table_id:
                return t
        return None


@attrs.frozen
class Disclosure:
    """One source file read into the canonical model."""

    source: str
    reader: str
    reports: tuple[Report, ...]
    findings: tuple[Finding, ...] = ()

    def facts(self) -> list[Fact]:
        """One row per published figure, as the facts table documents."""
        from .facts import facts_of

        return facts_of(self)

    def all_findings(self) -> Iterator[Finding]:
        """File-level findings, then each report's."""
        yield from self.findings
        for r in self.reports:
            yield from r.findings
