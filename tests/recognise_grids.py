"""Hand-built grids for the recogniser's tests: rows of text as a source document, and what to read back."""

from __future__ import annotations

from decimal import Decimal

from conftest import grid_doc

from govbudget.grid import GridCell, GridRow, SourceDocument
from govbudget.model import Disclosure
from govbudget.provenance import Provenance

F = "t.txt"


def grid_rows(rows: list[list[str]], *, aligned: bool = True, table: int = 1) -> tuple[GridRow, ...]:
    return tuple(
        GridRow(
            tuple(GridCell(t, Provenance(F, table=table, row=r, column=c)) for c, t in enumerate(cells)),
            Provenance(F, table=table, row=r),
            aligned=aligned,
        )
        for r, cells in enumerate(rows)
    )


def doc(*blocks: str | list[list[str]], aligned: bool = True) -> SourceDocument:
    return grid_doc(*blocks, file=F, aligned=aligned)


def values(d: Disclosure, table: str, key: str, report: int = 0) -> dict[str, Decimal]:
    row = d.reports[report].table(table).row(key)
    assert row is not None, f"{table} has no row {key}"
    return {c.measure: c.value for c in row.cells if c.value is not None}


def codes(d: Disclosure, report: int = 0) -> set[str]:
    return {f.code for f in d.all_findings()}
