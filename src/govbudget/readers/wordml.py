"""WordprocessingML elements into text and grids: paragraphs into lines, ``w:tbl`` into positioned cells.

Only what a reader of the printed page sees is kept: deleted and moved-away
revisions, hidden (``w:vanish``) runs, content-control placeholders and the
fallback copies of drawings are left out. A table becomes one entry per grid
position; a cell spanning columns (``gridSpan``, legacy ``hMerge``) or rows
(``vMerge``) holds its text at its top-left position and every other position
points there. Rows indented with ``gridBefore`` start at their true column.
"""

from __future__ import annotations

import re
from typing import Iterator

import attrs

from ..textnorm import join_wrapped

__all__ = ["W", "tag", "paragraph_lines", "text_boxes", "hidden_placeholder", "rows_of", "cells_of", "cell_text",
           "nested_tables", "unwrap", "is_layout", "TableGrid", "table_grid"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# Not printed (revisions removed, fallback copies, properties) or printed small above the text (ruby).
_SKIP = {f"{W}del", f"{W}moveFrom", f"{_MC}Fallback", f"{W}txbxContent", f"{W}pPr", f"{W}rPr",
         f"{W}delText", f"{W}instrText", f"{W}sdtPr", f"{W}sdtEndPr", f"{W}rt"}
_OFF = ("0", "false", "off")
# A cell that holds one figure (a layout table's cells hold titles, text and tables, not figures).
_FIGURE = re.compile(r"[-+(（]?\d{1,3}(?:,\d{3})+(?:\.\d+)?[)）]?|[-+(（]?\d+\.\d+[)）]?")


def tag(el) -> str:
    """The element's tag, or "" for comments and processing instructions."""
    t = el.tag
    return t if isinstance(t, str) else ""


def _on(el) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:vanish w:val="0"/>``) is set."""
    return el is not None and (el.get(f"{W}val") or "true").lower() not in _OFF


def hidden_placeholder(sdt) -> bool:
    """A content control showing its placeholder prompt (单击此处输入文字), not content."""
    return _on(sdt.find(f"{W}sdtPr/{W}showingPlcHdr"))


def paragraph_lines(p) -> list[str]:
    """The printed text of a paragraph, split at manual line breaks."""
    lines = [""]

    def walk(el) -> None:
        for child in el:
            t = tag(child)
            if not t or t in _SKIP:
                continue
            if t in (f"{W}t", f"{_MATH}t"):  # text, and the text of an equation
                lines[-1] += child.text or ""
            elif t == f"{W}r":
                if not _on(child.find(f"{W}rPr/{W}vanish")):
                    walk(child)
            elif t == f"{W}tab":
                lines[-1] += " "
            elif t in (f"{W}br", f"{W}cr"):
                lines.append("")
            elif t == f"{W}noBreakHyphen":
                lines[-1] += "-"
            elif t == f"{W}sdt":
                if not hidden_placeholder(child):
                    walk(child)
            else:
                walk(child)

    walk(p)
    return lines


def text_boxes(p) -> Iterator:
    """The ``w:txbxContent`` of text boxes drawn in a paragraph (the Fallback copies skipped)."""
    for box in p.iter(f"{W}txbxContent"):
        up = box.getparent()
        while up is not None and up is not p:
            if tag(up) in (f"{_MC}Fallback", f"{W}txbxContent"):
                break
            up = up.getparent()
        else:
            yield box


def _int(el, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{W}val"))
    except (TypeError, ValueError):
        return default


def _children(el, want: str) -> Iterator:
    """Child elements ``want`` of a table or row, through content controls and custom XML."""
    for child in el:
        t = tag(child)
        if t == want:
            yield child
        elif t == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _children(content, want)
        elif t == f"{W}customXml":
            yield from _children(child, want)


def rows_of(tbl) -> Iterator:
    """The ``w:tr`` of a table, in order, leaving out rows deleted as a tracked change."""
    for tr in _children(tbl, f"{W}tr"):
        if tr.find(f"{W}trPr/{W}del") is None:
            yield tr


def cells_of(tr) -> Iterator:
    """The ``w:tc`` of a row, in order."""
    return _children(tr, f"{W}tc")


def nested_tables(tc) -> list:
    """The tables directly inside a cell (through content controls), not those nested deeper."""
    return list(_children(tc, f"{W}tbl"))


def cell_text(tc) -> str:
    """A cell's paragraphs joined like wrapped lines; a table nested in it as its cells' text."""
    lines: list[str] = []

    def walk(el) -> None:
        for child in el:
            t = tag(child)
            if t == f"{W}p":
                lines.extend(paragraph_lines(child))
            elif t == f"{W}tbl":
                for tr in rows_of(child):
                    for inner in cells_of(tr):
                        lines.append(cell_text(inner))
            elif t == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None and not hidden_placeholder(child):
                    walk(content)
            elif t == f"{W}customXml":
                walk(child)

    walk(tc)
    return join_wrapped(lines)


def unwrap(tbl):
    """The table inside a layout table of one cell that holds nothing but that table."""
    while True:
        trs = list(rows_of(tbl))
        tcs = [tc for tr in trs for tc in cells_of(tr)]
        if len(tcs) != 1:
            return tbl
        inner = nested_tables(tcs[0])
        if len(inner) != 1:
            return tbl
        if any(line.strip() for p in tcs[0].iter(f"{W}p") if _outside(p, inner[0])
               for line in paragraph_lines(p)):
            return tbl
        tbl = inner[0]


def _outside(el, container) -> bool:
    up = el.getparent()
    while up is not None:
        if up is container:
            return False
        up = up.getparent()
    return True


def is_layout(tbl) -> bool:
    """A table used to lay out other tables: it holds tables and no figures of its own."""
    has_nested = False
    for tr in rows_of(tbl):
        for tc in cells_of(tr):
            if nested_tables(tc):
                has_nested = True
            elif _FIGURE.fullmatch(cell_text(tc).replace(" ", "")):
                return False
    return has_nested


@attrs.frozen
class TableGrid:
    """A table as grid positions: ``cells[r][c]`` is (text, origin of the merged cell covering it or None)."""

    cells: tuple[tuple[tuple[str, tuple[int, int] | None], ...], ...]
    nested: int = 0


def table_grid(tbl) -> TableGrid:
    """Expand a ``w:tbl`` into grid positions (merged cells point at their top-left origin)."""
    grid_cols = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
    placed: list[dict[int, tuple[str, tuple[int, int] | None]]] = []
    vertical: dict[int, tuple[int, int]] = {}
    nested = 0
    for r, tr in enumerate(rows_of(tbl)):
        row: dict[int, tuple[str, tuple[int, int] | None]] = {}
        below: dict[int, tuple[int, int]] = {}
        c = _int(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        previous: tuple[int, int] | None = None
        for tc in cells_of(tr):
            pr = tc.find(f"{W}tcPr")
            span = max(_int(pr.find(f"{W}gridSpan") if pr is not None else None, 1), 1)
            vmerge = pr.find(f"{W}vMerge") if pr is not None else None
            hmerge = pr.find(f"{W}hMerge") if pr is not None else None
            continues = vmerge is not None and (vmerge.get(f"{W}val") or "continue") == "continue"
            if hmerge is not None and (hmerge.get(f"{W}val") or "continue") == "continue" and previous:
                origin = previous  # legacy horizontal merge: part of the cell on its left
            elif continues and c in vertical:
                origin = vertical[c]
            else:
                origin = None
            if origin is not None:
                for k in range(span):
                    row[c + k] = ("", origin)
            else:
                nested += len(nested_tables(tc))
                origin = (r, c)
                row[c] = (cell_text(tc), None)
                for k in range(1, span):
                    row[c + k] = ("", origin)
            if vmerge is not None:
                below[c] = origin
            previous = origin
            c += span
        placed.append(row)
        vertical = below
    width = max([grid_cols] + [max(row) + 1 for row in placed if row])
    cells = tuple(tuple(row.get(c, ("", None)) for c in range(width)) for row in placed)
    return TableGrid(cells, nested)
