"""A ruled table and the characters inside it into a grid table with page and box for every cell.

Each character goes to the cell holding its centre (pdfplumber's rule), found by
bisection on the boundaries, so the cost is one lookup per character and no text
extraction per cell. A box holding a single column or a single cell of text (a
framed heading, a boxed note) is text, not a table.
"""

from __future__ import annotations

from ...grid import GridCell, GridRow, GridTable
from ...provenance import Provenance
from .celltext import cell_text
from .objects import Char
from .ruling import Ruling, simplify

__all__ = ["assign", "ruled_table", "RuledResult"]


class RuledResult:
    """A ruled table read: the grid table, or the texts of a box that is not a table."""

    __slots__ = ("table", "texts", "mixed", "bbox")

    def __init__(self, table: GridTable | None, texts: list[tuple[str, tuple[float, float, float, float]]],
                 mixed: list[Provenance], bbox: tuple[float, float, float, float]) -> None:
        self.table = table
        self.texts = texts
        self.mixed = mixed
        self.bbox = bbox


def assign(ruling: Ruling, chars: list[Char]) -> dict[tuple[int, int], list[Char]]:
    """The characters of each cell, keyed by the cell's top-left position."""
    out: dict[tuple[int, int], list[Char]] = {}
    owner = ruling.owner
    for c in chars:
        where = ruling.locate((c.x0 + c.x1) / 2, (c.top + c.bottom) / 2)
        if where is not None:
            out.setdefault(owner[where[0]][where[1]], []).append(c)
    return out


def _round(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


def ruled_table(ruling: Ruling, chars: list[Char], file: str, page: int, ordinal: int) -> RuledResult:
    """The grid table of one ruling (``ordinal`` is its number in the document)."""
    cells = assign(ruling, chars)
    simpler = simplify(ruling, lambda r, c: (r, c) in cells)
    if simpler is not ruling:
        ruling = simpler
        cells = assign(ruling, chars)
    rows, cols = ruling.shape
    bbox = _round(ruling.bbox)
    texts = {pos: cell_text(cs) for pos, cs in cells.items()}
    filled = [pos for pos in sorted(texts) if texts[pos]]
    if cols == 1 or len(filled) <= 1:
        return RuledResult(None, [(texts[pos], _round(ruling.cell_box(*pos))) for pos in filled], [], bbox)
    mixed = []
    table_prov = Provenance(file, page=page, table=ordinal, bbox=bbox)
    grid_rows = []
    for r in range(rows):
        out = []
        for c in range(cols):
            origin = ruling.owner[r][c]
            if origin == (r, c):
                box = _round(ruling.cell_box(r, c))
                prov = Provenance(file, page=page, table=ordinal, row=r, column=c, bbox=box)
                out.append(GridCell(texts.get((r, c), ""), prov))
                chars_here = cells.get((r, c), ())
                if chars_here and len({ch.upright for ch in chars_here}) > 1:
                    mixed.append(prov)
            else:
                box = _round((ruling.xs[c], ruling.ys[r], ruling.xs[c + 1], ruling.ys[r + 1]))
                prov = Provenance(file, page=page, table=ordinal, row=r, column=c, bbox=box)
                out.append(GridCell("", prov, merged_from=origin))
        row_box = _round((ruling.xs[0], ruling.ys[r], ruling.xs[-1], ruling.ys[r + 1]))
        grid_rows.append(GridRow(tuple(out), Provenance(file, page=page, table=ordinal, row=r, bbox=row_box)))
    return RuledResult(GridTable(tuple(grid_rows), table_prov), [], mixed, bbox)
