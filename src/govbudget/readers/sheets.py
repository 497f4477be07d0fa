"""One worksheet into blocks: caption lines as paragraphs, runs of rows as tables, doubts as findings.

A sheet is read as printed, top to bottom. Rows that hold only captions (a
table title, ``单位：万元``, ``部门名称：…``, a year line, a ``注：`` note) become
paragraphs and end the table above them; so does a blank printed row. The rows
in between are a table, cut to the columns they use. Tables printed side by side,
parted by empty columns, are read one band of columns after the other, left
first, when each band has a title of its own and reads as a table. Rows and columns that are
hidden, or outside the print area, are not printed and not read; a finding says
so when they hold figures. Cells become the text the printed sheet shows (see
:mod:`.numformat`); a formula without a stored value and an error value are
read as blank and reported as errors, never as zero.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal

from ..grid import Block, GridCell, GridRow, GridTable, Paragraph
from ..provenance import Finding, Provenance, Severity
from .numformat import displayed

__all__ = ["SheetReader", "stored_cells", "DEFAULT_SHEET_NAME", "DEFAULT_LISTED_CELLS"]

DEFAULT_LISTED_CELLS = 8
DEFAULT_TITLE_MAX = 60
DEFAULT_BAND_ROWS = 2  # rows of several cells a band of columns needs to be a table beside another
DEFAULT_SHEET_NAME = re.compile(r"(?i)^(sheet|工作表)\s*\d*$")
_CAPTION = re.compile(
    r"^\s*(?:注|说明|备注|填报说明)\s*[:：\d１-９、.]"
    r"|单位\s*[:：]|金额单位|(?:部门|单位|预算单位|编制单位|填报单位)(?:名称)?\s*[:：]"
    r"|^\s*(?:预算)?年度\s*[:：]?\s*20\d\d|^\s*20\d\d\s*年度?\s*$"
    r"|^\s*公开\s*\d{1,2}\s*表\s*$|^\s*(?:附)?表\s*[\d一二三四五六七八九十]+(?:\s*[-－]\s*\d+)?\s*$"
)
_TITLE_END = re.compile(r"表\s*(?:[(（]续表?[)）]|续表)?$")
_DOC_TITLE = re.compile(r"20\d\d\s*年.*(?:预算|决算)")
# Text that reads as a figure: with a decimal point or thousands separators (bare digits may be codes).
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMERIC_TEXT = re.compile(r"^[-+(（]?\s*(?:\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+\.\d+)\s*[)）]?$")


def is_caption(text: str) -> bool:
    """A line that titles or describes a table rather than being one of its cells."""
    s = text.strip()
    if _CAPTION.search(s):
        return True
    compact = re.sub(r"\s+", "", s)
    if len(compact) > DEFAULT_TITLE_MAX or re.search(r"[，。；;]", compact):
        return False
    return bool(_TITLE_END.search(compact) or _DOC_TITLE.search(compact))


def stored_cells(ws) -> list:
    """The cells a sheet stores, in row order.

    ``iter_rows`` walks the whole rectangle up to the last cell, creating every empty
    position: one stray formatted cell at XFD1048576 would mean billions of them.
    openpyxl keeps the stored cells in a dict; its name is private, so the rectangle
    remains the fallback.
    """
    cells = getattr(ws, "_cells", None)
    if isinstance(cells, dict):
        return [cells[k] for k in sorted(cells)]
    return [cell for row in ws.iter_rows() for cell in row]


def _listed(items: list[str]) -> str:
    head = ", ".join(items[:DEFAULT_LISTED_CELLS])
    return head + (f" and {len(items) - DEFAULT_LISTED_CELLS} more" if len(items) > DEFAULT_LISTED_CELLS else "")


def _ranges(area: str | None) -> list[tuple[int, int, int, int]] | None:
    """A print area (``'表1'!$A$1:$F$20,…``) as (min_col, min_row, max_col, max_row); None when unset."""
    if not area:
        return None
    from openpyxl.utils.cell import range_boundaries

    out = []
    for part in area.split(","):
        ref = part.rsplit("!", 1)[-1].replace("$", "").strip()
        try:
            c0, r0, c1, r1 = range_boundaries(ref)
        except (ValueError, TypeError):
            return None  # an area we cannot read limits nothing
        out.append((c0 or 1, r0 or 1, c1 or 1 << 14, r1 or 1 << 20))
    return out or None


class SheetReader:
    """Reads one visible worksheet; ``blocks()`` gives its paragraphs and tables in order."""

    def __init__(self, ws, file: str, uncached: set[tuple[int, int]]) -> None:
        self.ws = ws
        self.file = file
        self.uncached = uncached
        self.findings: list[Finding] = []
        self.hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
        self.hidden_cols: set[int] = set()
        for d in ws.column_dimensions.values():
            if d.hidden and d.min:
                self.hidden_cols.update(range(d.min, (d.max or d.min) + 1))
        self.area = _ranges(ws.print_area)
        self.figures: set[tuple[int, int]] = set()  # positions of printed figures
        # (row, col), 1-based -> origin of the merged range, for every covered position.
        self.merged: dict[tuple[int, int], tuple[int, int]] = {}
        self.span: dict[tuple[int, int], int] = {}
        for rng in ws.merged_cells.ranges:
            origin = (rng.min_row, rng.min_col)
            self.span[origin] = rng.max_col - rng.min_col + 1
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != origin:
                        self.merged[(r, c)] = origin

    # -- places -----------------------------------------------------------------
    def _prov(self, r: int | None = None, c: int | None = None) -> Provenance:
        return Provenance(self.file, sheet=self.ws.title, row=None if r is None else r - 1,
                          column=None if c is None else c - 1)

    def _printed(self, r: int, c: int) -> bool:
        if self.area is None:
            return True
        return any(c0 <= c <= c1 and r0 <= r <= r1 for c0, r0, c1, r1 in self.area)

    def _report(self, code: str, severity: Severity, cells: list[tuple[int, int]], message: str) -> None:
        from openpyxl.utils import get_column_letter

        refs = [f"{get_column_letter(c)}{r}" for r, c in cells]
        n = len(refs)
        self.findings.append(Finding(
            code, severity, message.format(n=n, s="s" if n > 1 else "", are="are" if n > 1 else "is",
                                           cells=_listed(refs), sheet=self.ws.title),
            actual=", ".join(refs), provenance=tuple(self._prov(r, c) for r, c in cells)))

    # -- cells --------------------------------------------------------------------
    def _texts(self) -> dict[tuple[int, int], str]:
        """The text of every printed cell that shows any, with the doubts found on the way."""
        texts: dict[tuple[int, int], str] = {}
        unprinted: dict[str, list[tuple[int, int]]] = {"row": [], "column": [], "area": []}
        uncached: list[tuple[int, int]] = []
        errors: list[tuple[int, int]] = []
        rounded: list[tuple[int, int]] = []
        for cell in stored_cells(self.ws):
            r, c = cell.row, cell.column
            value = cell.value
            if value is None and (r, c) not in self.uncached:
                continue
            why = ("row" if r in self.hidden_rows else "column" if c in self.hidden_cols
                   else None if self._printed(r, c) else "area")
            if why:
                if self._is_figure(cell):
                    unprinted[why].append((r, c))
                continue
            if (r, c) in self.uncached:
                uncached.append((r, c))
                continue
            if cell.data_type == "e":
                errors.append((r, c))
                continue
            text, lost = self._text(value, cell.number_format)
            if lost is not None:
                rounded.append((r, c))
            if text:
                texts[(r, c)] = text
                if self._is_figure(cell):
                    self.figures.add((r, c))
        if uncached:
            self._report("cell.formula_uncached", Severity.ERROR, uncached,
                         "{n} formula{s} on sheet {sheet!r} ({cells}) with no stored value, read as blank: the "
                         "file was saved by a program that does not calculate; open and save it in Excel or "
                         "LibreOffice")
        if errors:
            self._report("cell.error_value", Severity.ERROR, errors,
                          "{n} cell{s} on sheet {sheet!r} ({cells}) show an error value (#DIV/0!, #REF! …) "
                          "instead of a figure, read as blank")
        if rounded:
            self._report("cell.rounded", Severity.WARNING, rounded,
                         "{n} cell{s} on sheet {sheet!r} ({cells}) store more decimal places than their number "
                         "format shows; read as shown")
        where = {"row": "in hidden rows", "column": "in hidden columns", "area": "outside the print area"}
        for why, cells in unprinted.items():
            if cells:
                self._report(f"sheet.unprinted_{why}", Severity.WARNING, cells,
                             "{n} figure{s} on sheet {sheet!r} " + where[why] + " ({cells}): not printed, "
                             "so not read")
        return texts

    def _is_figure(self, cell) -> bool:
        value = cell.value
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return True
        if (cell.row, cell.column) in self.uncached:
            return True
        return isinstance(value, str) and bool(_NUMERIC_TEXT.match(value.strip()))

    @staticmethod
    def _text(value, number_format: str | None) -> tuple[str, str | None]:
        if isinstance(value, str):
            return value.strip(), None
        if isinstance(value, bool):
            return ("TRUE" if value else "FALSE"), None
        if isinstance(value, (int, float, Decimal)):
            return displayed(value, number_format)
        if isinstance(value, dt.datetime):
            return (value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")), None
        if isinstance(value, (dt.date, dt.time)):
            return value.isoformat(), None
        return str(value).strip(), None

    # -- blocks -------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        """The sheet's name (unless a default one), then its caption lines and tables in printed order.

        Tables printed side by side (parted by empty columns) are read left band first.
        """
        out: list[Block] = []
        if not DEFAULT_SHEET_NAME.match(self.ws.title.strip()):
            out.append(Paragraph(self.ws.title.strip(), self._prov()))
        texts = self._texts()
        for first, last in self._bands(texts):
            out.extend(self._blocks_of({(r, c): t for (r, c), t in texts.items() if first <= c <= last}))
        return out

    def _bands(self, texts: dict[tuple[int, int], str]) -> list[tuple[int, int]]:
        """The column ranges of tables side by side, or the whole sheet as one.

        Columns with no text (hidden ones aside) part bands; a title merged across
        them joins them. The sheet is parted only when every band reads as a table of
        its own (:meth:`_table_like`).
        """
        used = {c for _, c in texts} | {c for (r, c), origin in self.merged.items() if origin in texts}
        if not used:
            return [(1, 1)]
        cols = sorted(used)
        bands = [[cols[0], cols[0]]]
        for c in cols[1:]:
            gap = [x for x in range(bands[-1][1] + 1, c) if x not in self.hidden_cols]
            if gap:
                bands.append([c, c])
            else:
                bands[-1][1] = c
        if len(bands) > 1 and all(self._table_like(texts, first, last) for first, last in bands):
            return [(first, last) for first, last in bands]
        return [(cols[0], cols[-1])]

    def _table_like(self, texts: dict[tuple[int, int], str], first: int, last: int) -> bool:
        """A band with a title of its own above its figures, labels, and rows of several cells.

        Blocks of one table printed side by side (公开06表's code | name | amount blocks)
        have labels and figures too, but no title each.
        """
        cells = {(r, c): t for (r, c), t in texts.items() if first <= c <= last}
        figure_rows = [r for r, c in cells if (r, c) in self.figures]
        if not figure_rows:
            return False
        titled = any(r < min(figure_rows) and _TITLE_END.search(re.sub(r"\s+", "", t)) for (r, _), t in cells.items())
        labels = any(_CJK.search(t) and not is_caption(t) for k, t in cells.items() if k not in self.figures)
        per_row = Counter(r for r, _ in cells)
        return titled and labels and sum(1 for n in per_row.values() if n > 1) >= DEFAULT_BAND_ROWS

    def _blocks_of(self, texts: dict[tuple[int, int], str]) -> list[Block]:
        out: list[Block] = []
        rows = sorted({r for r, _ in texts})
        columns: dict[int, list[int]] = {}
        for r, c in sorted(texts):
            columns.setdefault(r, []).append(c)
        run: list[int] = []

        def flush() -> None:
            if run:
                out.append(self._table(list(run), texts))
                run.clear()

        for i, r in enumerate(rows):
            present = columns[r]
            if i and any(x not in self.hidden_rows for x in range(rows[i - 1] + 1, r)):
                flush()  # a blank printed row ends a table
            cells = [texts[(r, c)] for c in present]
            if all(is_caption(t) for t in cells):
                flush()
                out.extend(Paragraph(t, self._prov(r, c)) for t, c in zip(cells, present))
                continue
            if len(present) == 1 and not run:
                # A lone cell starts a table only when a row of several cells follows right below it.
                nxt = rows[i + 1] if i + 1 < len(rows) else None
                below = nxt is not None and all(x in self.hidden_rows for x in range(r + 1, nxt))
                if not (below and len(columns[nxt]) > 1):
                    out.append(Paragraph(cells[0], self._prov(r, present[0])))
                    continue
            run.append(r)
        flush()
        return out

    def _table(self, rows: list[int], texts: dict[tuple[int, int], str]) -> GridTable:
        row_set = set(rows)
        used = {c for (r, c) in texts if r in row_set}
        used |= {c for (r, c), origin in self.merged.items() if r in row_set and origin in texts}
        first, last = min(used), max(used)
        cols = [c for c in range(first, last + 1) if c not in self.hidden_cols]
        grid_rows = []
        for r in rows:
            cells = []
            for c in cols:
                origin = self.merged.get((r, c))
                cells.append(GridCell("" if origin else texts.get((r, c), ""), self._prov(r, c),
                                      merged_from=(origin[0] - 1, origin[1] - 1) if origin else None))
            grid_rows.append(GridRow(tuple(cells), self._prov(r)))
        return GridTable(tuple(grid_rows), self._prov(rows[0]))
