"""Drawing pages like published disclosures with reportlab: justified text, tables cell by cell.

Text is set in the Adobe CID font STSong-Light (not embedded, so the files stay
small); lines of a paragraph are justified with character spacing, as Word does
for Chinese. Tables are drawn cell by cell like Word and WPS do: a white
background rectangle per cell, then the borders, then the text; each figure a
table prints can be recorded with its page, table id, row key and measure.
"""

from __future__ import annotations

import re

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

__all__ = ["Sheet", "Table", "wrap", "paragraph", "centred", "unit_line", "furniture", "draw_table",
           "width_of", "FONT", "MARGIN"]

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
MARGIN = 56.0


def width_of(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


class Sheet:
    """One page drawn with the origin at the top left, as the reader sees it."""

    def __init__(self, c: canvas.Canvas, width: float, height: float, number: int) -> None:
        self.c = c
        self.width = width
        self.height = height
        self.number = number

    def text(self, x: float, top: float, s: str, size: float = 10.5, *, bold: bool = False,
             char_space: float = 0.0, gray: float = 0.0) -> None:
        y = self.height - top - size * 0.88
        for dx in ((0.0, 0.35) if bold else (0.0,)):
            t = self.c.beginText(x + dx, y)
            t.setFont(FONT, size)
            t.setCharSpace(char_space)
            t.setFillGray(gray)
            t.textOut(s)
            self.c.drawText(t)

    def hline(self, x0: float, x1: float, top: float, *, gray: float = 0.0, width: float = 0.6) -> None:
        self.c.setStrokeGray(gray)
        self.c.setLineWidth(width)
        self.c.line(x0, self.height - top, x1, self.height - top)

    def vline(self, x: float, top: float, bottom: float, *, gray: float = 0.0, width: float = 0.6) -> None:
        self.c.setStrokeGray(gray)
        self.c.setLineWidth(width)
        self.c.line(x, self.height - top, x, self.height - bottom)

    def fill(self, x0: float, top: float, x1: float, bottom: float, gray: float) -> None:
        self.c.setFillGray(gray)
        self.c.rect(x0, self.height - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        self.c.setFillGray(0)


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Lines of at most ``width`` points (the first ``indent`` points narrower); figures are not broken."""
    lines, line = [], ""
    room = width - indent
    for token in re.findall(r"[0-9.,%]+|.", text):
        if line and width_of(line + token, size) > room:
            lines.append(line)
            line, room = "", width
        line += token
    if line:
        lines.append(line)
    return lines


def paragraph(sheet: Sheet, top: float, text: str, *, size: float = 10.5, indent: bool = True,
              lines_on_page: int | None = None) -> tuple[float, str]:
    """A justified paragraph from ``top``; returns the top below it and any text left for the next page."""
    left, right = MARGIN, sheet.width - MARGIN
    first_indent = 2 * size if indent else 0.0
    lines = wrap(text, right - left, size, first_indent)
    rest = ""
    if lines_on_page is not None and len(lines) > lines_on_page:
        rest = "".join(lines[lines_on_page:])
        lines = lines[:lines_on_page]
    for k, line in enumerate(lines):
        x = left + (first_indent if k == 0 else 0.0)
        last = k == len(lines) - 1 and not rest
        spare = (right - x) - width_of(line, size)
        space = 0.0 if last or len(line) < 2 else spare / (len(line) - 1)
        sheet.text(x, top, line, size, char_space=space)
        top += size * 1.6
    return top + size * 0.4, rest


def centred(sheet: Sheet, top: float, text: str, size: float, *, bold: bool = False) -> float:
    sheet.text((sheet.width - width_of(text, size)) / 2, top, text, size, bold=bold)
    return top + size * 2.0


def unit_line(sheet: Sheet, top: float, left: str, right: str = "单位：万元", size: float = 9.0) -> float:
    if left:
        sheet.text(MARGIN, top, left, size)
    sheet.text(sheet.width - MARGIN - width_of(right, size), top, right, size)
    return top + size * 1.8


def furniture(sheet: Sheet, running: str | None = None) -> None:
    """A running title at the top and ``- N -`` at the foot of the page."""
    if running:
        sheet.text((sheet.width - width_of(running, 8)) / 2, 24, running, 8, gray=0.3)
        sheet.hline(MARGIN, sheet.width - MARGIN, 36, width=0.4)
    number = f"- {sheet.number} -"
    sheet.text((sheet.width - width_of(number, 9)) / 2, sheet.height - 36, number, 9)


class Table:
    """A table to draw: rows of cell texts, merged spans, which cells are figures and whose they are.

    ``keys`` gives the row key of each data row (``None`` for rows without figures) and
    ``measures`` the measure of each column (``None`` for label columns).
    """

    def __init__(self, table_id: str, widths: list[float], header: list[list[str]], data: list[list[str]],
                 keys: list[str | None], measures: list[str | None],
                 spans: list[tuple[int, int, int, int]] = (), size: float = 9.0) -> None:
        self.table_id = table_id
        self.widths = widths
        self.header = header
        self.data = data
        self.keys = keys
        self.measures = measures
        self.spans = list(spans)
        self.size = size


def _is_figure(text: str) -> bool:
    s = text.replace(",", "").replace(" ", "")
    return bool(s) and s.replace(".", "", 1).lstrip("-").isdigit()


def draw_table(sheet: Sheet, x: float, top: float, table: Table, rows: list[int], *, ruled: bool = True,
               bold_rows: set[int] = frozenset(), spaced: set[tuple[int, int]] = frozenset(),
               figures: list[dict] | None = None, white_cells: bool = True,
               rules: str = "grid") -> float:
    """Draw the header and the data rows ``rows`` (indices into ``table.data``); returns the bottom.

    ``rules``: ``grid`` (every border), ``three`` (only rules above and below the header and
    below the table), or ignored when ``ruled`` is False.
    """
    size = table.size
    grid = [list(r) for r in table.header] + [list(table.data[i]) for i in rows]
    nh = len(table.header)
    spans = [s for s in table.spans if s[2] < nh]
    covered = {(r, c) for r0, c0, r1, c1 in spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    xs = [x]
    for w in table.widths:
        xs.append(xs[-1] + w)
    pad = 3.0
    line_h = size * 1.25
    heights = []
    for r, row in enumerate(grid):
        need = 1
        for c, text in enumerate(row):
            if (r, c) in covered and not any((r, c) == (s[0], s[1]) for s in spans):
                continue
            span = next((s for s in spans if (s[0], s[1]) == (r, c)), None)
            w = (xs[(span[3] if span else c) + 1] - xs[c]) - 2 * pad
            if text and not _is_figure(text) and not (span and span[2] > span[0]):
                need = max(need, len(wrap(text, w, size)))
        heights.append(need * line_h + 2 * pad)
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    regions = []
    for r, row in enumerate(grid):
        for c in range(len(row)):
            span = next((s for s in spans if (s[0], s[1]) == (r, c)), None)
            if span:
                regions.append((r, c, span[2], span[3]))
            elif (r, c) not in covered:
                regions.append((r, c, r, c))
    if white_cells:
        for r0, c0, r1, c1 in regions:
            sheet.fill(xs[c0] + 0.3, ys[r0] + 0.3, xs[c1 + 1] - 0.3, ys[r1 + 1] - 0.3, 1.0)
    if ruled and rules == "grid":
        for r0, c0, r1, c1 in regions:
            sheet.hline(xs[c0], xs[c1 + 1], ys[r0])
            sheet.hline(xs[c0], xs[c1 + 1], ys[r1 + 1])
            sheet.vline(xs[c0], ys[r0], ys[r1 + 1])
            sheet.vline(xs[c1 + 1], ys[r0], ys[r1 + 1])
    elif ruled and rules == "three":
        sheet.hline(xs[0], xs[-1], ys[0], width=1.0)
        sheet.hline(xs[0], xs[-1], ys[nh], width=0.5)
        sheet.hline(xs[0], xs[-1], ys[-1], width=1.0)
    for r0, c0, r1, c1 in regions:
        text = grid[r0][c0]
        if not text:
            continue
        w = xs[c1 + 1] - xs[c0] - 2 * pad
        data_row = r0 - nh
        bold = data_row >= 0 and rows[data_row] in bold_rows
        if _is_figure(text) and r0 >= nh:
            char_space = 2.2 if (rows[data_row], c0) in spaced else 0.0
            tw = width_of(text, size) + char_space * (len(text) - 1)
            tx = xs[c1 + 1] - pad - tw
            ttop = ys[r0] + pad
            sheet.text(tx, ttop, text, size, bold=bold, char_space=char_space)
            if figures is not None and table.keys[rows[data_row]] and table.measures[c0]:
                figures.append({"page": sheet.number, "table": table.table_id, "row": table.keys[rows[data_row]],
                                "measure": table.measures[c0], "value": text.replace(",", "")})
            continue
        lines = wrap(text, w, size)
        block = len(lines) * line_h
        ttop = (ys[r0] + ys[r1 + 1] - block) / 2 if r0 < nh else ys[r0] + pad
        for line in lines:
            tx = xs[c0] + pad if r0 >= nh else (xs[c0] + xs[c1 + 1] - width_of(line, size)) / 2
            sheet.text(tx, ttop, line, size, bold=bold)
            ttop += line_h
    return ys[-1]
