"""Table pieces on either side of a page break repaired: columns aligned, cut headers and rows rejoined.

Each page's piece of a table stays its own grid table (the recogniser joins
them). The reader only undoes what the break did to the grid: a piece that lost
the header rows ruling narrow columns is laid on the columns of the piece
before, a piece holding only headings joins the next, and a row whose label the
break cut is made whole.
"""

from __future__ import annotations

import re

import attrs

from ...grid import Block, GridCell, GridTable
from ...provenance import Provenance
from ...textnorm import compact, join_wrapped
from .celltext import looks_numeric
from .textlines import ORDINAL_START

__all__ = ["repair_pieces", "align_columns", "join_split_rows", "DEFAULT_EDGE_TOLERANCE"]

DEFAULT_EDGE_TOLERANCE = 3.0  # column edges of two pieces of a table this close are the same edge

# A label ending like this is finished: the row after the break is a new row.
_CLOSED = re.compile(r"[。）)]$|(支出|收入|合计|小计|总计|费)$")


def repair_pieces(blocks: list[Block]) -> list[Block]:
    """The document's blocks with the pieces of tables cut by page breaks repaired."""
    return join_split_rows(align_columns(blocks))


def align_columns(blocks: list[Block]) -> list[Block]:
    """A table piece on the next page laid on the columns of the piece before it.

    A page break can leave a piece without the header that ruled narrow columns
    (类 | 款 | 项 over a code, which the rows below span as one cell): its grid then
    has fewer columns than the piece before. When the later piece's column edges
    are all edges of the earlier one, its cells are spread over those columns as
    merged cells, so that the pieces have the same columns.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (isinstance(block, GridTable) and isinstance(prev, GridTable)
                and block.provenance.page == (prev.provenance.page or 0) + 1):
            block = _on_columns(block, _edges(prev)) or block
        out.append(block)
    return out


def _edges(table: GridTable) -> list[float] | None:
    row = table.rows[-1] if table.rows else None
    if row is None or any(c.provenance.bbox is None for c in row.cells):
        return None
    return [c.provenance.bbox[0] for c in row.cells] + [row.cells[-1].provenance.bbox[2]]


def _on_columns(table: GridTable, target: list[float] | None) -> GridTable | None:
    mine = _edges(table)
    if target is None or mine is None or len(mine) >= len(target):
        return None
    near = DEFAULT_EDGE_TOLERANCE
    if abs(mine[0] - target[0]) > near or abs(mine[-1] - target[-1]) > near:
        return None
    index = []
    for x in mine:
        k = min(range(len(target)), key=lambda i: abs(target[i] - x))
        if abs(target[k] - x) > near:
            return None
        index.append(k)
    rows = []
    for row in table.rows:
        cells = []
        for j, cell in enumerate(row.cells):
            first, last = index[j], index[j + 1]
            p = cell.provenance
            origin = None if cell.merged_from is None else (cell.merged_from[0], index[cell.merged_from[1]])
            cells.append(attrs.evolve(cell, provenance=attrs.evolve(p, column=first), merged_from=origin))
            for k in range(first + 1, last):
                assert p.bbox is not None
                box = (round(target[k], 2), p.bbox[1], round(target[k + 1], 2), p.bbox[3])
                cells.append(GridCell("", attrs.evolve(p, column=k, bbox=box), merged_from=origin or (p.row, first)))
        rows.append(attrs.evolve(row, cells=tuple(cells)))
    return attrs.evolve(table, rows=tuple(rows))


def join_split_rows(blocks: list[Block]) -> list[Block]:
    """Table rows broken by a page break made whole again.

    When a table piece opens the page right after a piece of the same width:
    if the piece before holds only headings (the break fell inside the header),
    the two are one table; if the first row below any repeated header holds only
    words, in columns where the last row before holds unfinished words, those
    words end that row.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (isinstance(block, GridTable) and isinstance(prev, GridTable) and block.rows and prev.rows
                and block.provenance.page == (prev.provenance.page or 0) + 1
                and len(block.rows[0].cells) == len(prev.rows[-1].cells)):
            if _headings_only(prev):
                joined = _join_rows(prev, block, repeated_header=False)
                out[-1] = _concatenate(*joined) if joined is not None else _concatenate(prev, block)
                continue
            joined = _join_rows(prev, block)
            if joined is not None:
                out[-1], block = joined
        out.append(block)
    return out


def _headings_only(table: GridTable) -> bool:
    """No figure, code or row number in the piece, apart from a 栏次 row of column numbers."""
    for r in table.rows:
        texts = [compact(c.text) for c in r.cells if c.text.strip()]
        if texts and texts[0] in ("栏次", "栏号"):
            continue
        if any(looks_numeric(t) or _figure_or_code(t) for t in texts):
            return False
    return True


def _figure_or_code(text: str) -> bool:
    s = compact(text)
    return bool(re.fullmatch(r"\d{3}(\d{2}){0,2}", s)) or (looks_numeric(s) and bool(re.search(r"\d[.,]\d", s)))


def _concatenate(a: GridTable, b: GridTable) -> GridTable:
    """Two pieces as one table; the second's positions shifted below the first's."""
    shift = max(c.provenance.row or 0 for r in a.rows for c in r.cells) + 1

    def moved(prov: Provenance) -> Provenance:
        return attrs.evolve(prov, row=None if prov.row is None else prov.row + shift)

    rows = []
    for r in b.rows:
        cells = tuple(attrs.evolve(c, provenance=moved(c.provenance),
                                   merged_from=None if c.merged_from is None
                                   else (c.merged_from[0] + shift, c.merged_from[1]))
                      for c in r.cells)
        rows.append(attrs.evolve(r, cells=cells, provenance=moved(r.provenance)))
    return attrs.evolve(a, rows=a.rows + tuple(rows))


def _join_rows(a: GridTable, b: GridTable, *, repeated_header: bool = True) -> tuple[GridTable, GridTable] | None:
    heads = [[c.text for c in r.cells] for r in a.rows]
    k = 0
    while (repeated_header and k < len(b.rows) and k < len(heads)
           and [c.text for c in b.rows[k].cells] == heads[k]):
        k += 1
    if k >= len(b.rows):
        return None
    tail, head = a.rows[-1], b.rows[k]
    words = [(i, c.text) for i, c in enumerate(head.cells) if c.text.strip()]
    if not words or any(c.covered for c in head.cells):
        return None
    for i, text in words:
        above = tail.cells[i].text
        if (not above.strip() or _figure_or_code(above) or _figure_or_code(text) or _CLOSED.search(above)
                or compact(text).isdigit() or ORDINAL_START.match(text)):
            return None  # a finished label, a figure, a row number or a new numbered item
    cells = list(tail.cells)
    for i, text in words:
        cells[i] = attrs.evolve(cells[i], text=join_wrapped([cells[i].text, text]))
    new_tail = attrs.evolve(tail, cells=tuple(cells))
    return (attrs.evolve(a, rows=a.rows[:-1] + (new_tail,)),
            attrs.evolve(b, rows=b.rows[:k] + b.rows[k + 1:]))
