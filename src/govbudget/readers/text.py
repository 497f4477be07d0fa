"""Plain text and markdown disclosures into the neutral grid.

Handles the shapes text extraction tools produce:

- ``tabs``: one table row per line, cells separated by tabs (text pulled from
  PDF, markdown with tab tables), blank lines allowed inside a table;
- ``cells``: one cell per tab-indented line, rows separated by blank lines
  (text pulled from DOCX);
- ``spaces``: text pulled from PDF with runs of spaces collapsed to one, codes
  glued to names (``2013802一般行政管理事务``); column positions are lost, so
  these rows are marked unaligned;
- markdown pipe tables and HTML ``<table>`` blocks, in any of the above.

UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 are read; form feeds
separate pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..grid import Block, GridCell, GridRow, GridTable, Paragraph, SourceDocument
from ..provenance import Provenance
from ..textnorm import compact, strip_markup
from . import ReaderSpec, read_bytes, register
from .markup import html_table, is_pipe_row, is_pipe_rule, pipe_table
from .spacerows import space_cells, split_glued
from .textdecode import decode

__all__ = ["decode", "parse_text", "read", "sniff"]

NAME = "text"
EXTENSIONS = ("txt", "text", "md", "markdown", "htm", "html")
DEFAULT_CELL_MODE_SHARE = 0.8  # share of tab lines that hold one cell each in DOCX-style text
DEFAULT_MIN_SPACE_ROWS = 5
DEFAULT_TITLE_CHARS = 40
DEFAULT_PROSE_CHARS = 60

_BOOKMARK = re.compile(r"^\s*\[bookmark:[^\]]*\]\s*")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_LIST = re.compile(r"^\s*(?:[-*+]\s+)")
_TAG = re.compile(r"<[^>]+>")
_TITLE_LIKE = re.compile(r"表$")


def sniff(head: bytes, path: Path) -> bool:
    """Text files are claimed by extension only: any bytes could be text."""
    return False


def read(path: Path) -> SourceDocument:
    """Read a text or markdown disclosure file into the neutral grid."""
    return parse_text(decode(read_bytes(path), path), Path(path).name)


class _Line:
    __slots__ = ("no", "page", "text")

    def __init__(self, no: int, page: int | None, text: str) -> None:
        self.no, self.page, self.text = no, page, text


def _lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paged = "\f" in text
    out, page = [], 1
    for no, raw in enumerate(text.split("\n"), start=1):
        pieces = raw.split("\f")
        for i, piece in enumerate(pieces):
            if i:
                page += 1
            # A line that only starts with a form feed (``\fNext page``) is
            # not preceded by a blank line: a blank would end a table.
            if piece or (i == 0 and not raw.strip("\f")):
                out.append(_Line(no, page if paged else None, piece))
    return out


def _mode(lines: list[_Line]) -> str:
    tab_lines = [ln for ln in lines if "\t" in ln.text]
    if tab_lines:
        single = sum(1 for ln in tab_lines if re.match(r"^\t[^\t]*$", ln.text))
        return "cells" if single / len(tab_lines) >= DEFAULT_CELL_MODE_SHARE else "tabs"
    rows = sum(1 for ln in lines if space_cells(ln.text) is not None)
    return "spaces" if rows >= DEFAULT_MIN_SPACE_ROWS else "tabs"


def parse_text(text: str, file: str) -> SourceDocument:
    """Split a document's text into paragraphs and grid tables."""
    return _Segmenter(_lines(text), file).run()


class _Segmenter:
    def __init__(self, lines: list[_Line], file: str) -> None:
        self.lines = lines
        self.file = file
        self.mode = _mode(lines)
        self.blocks: list[Block] = []
        self.ordinal = 0
        self.in_region = False

    def run(self) -> SourceDocument:
        i = 0
        while i < len(self.lines):
            i = self._step(i)
        return SourceDocument(self.file, NAME, tuple(self.blocks))

    def _prov(self, ln: _Line, **kw: int) -> Provenance:
        return Provenance(self.file, page=ln.page, line=ln.no, **kw)

    def _row(self, ln: _Line, texts: list[str], ordinal: int, r: int, *, aligned: bool = True) -> GridRow:
        """Row ``r`` of table ``ordinal``: one cell per text, all from line ``ln``."""
        cells = tuple(GridCell(t, self._prov(ln, table=ordinal, row=r, column=c)) for c, t in enumerate(texts))
        return GridRow(cells, self._prov(ln, table=ordinal, row=r), aligned=aligned)

    def _next_ordinal(self) -> int:
        self.ordinal += 1
        return self.ordinal

    def _step(self, i: int) -> int:
        ln = self.lines[i]
        text = ln.text
        if re.search(r"<table\b", text, re.I):
            return self._html(i)
        if is_pipe_row(text) and i + 1 < len(self.lines) and is_pipe_rule(self.lines[i + 1].text):
            return self._pipe(i)
        if self.mode == "cells" and text.startswith("\t"):
            return self._cells(i)
        if self.mode == "tabs" and "\t" in text:
            return self._tabs(i)
        if self.mode == "spaces":
            stripped = compact(text)
            if _TITLE_LIKE.search(stripped) and len(stripped) <= DEFAULT_TITLE_CHARS:
                self.in_region = True
            elif self.in_region and space_cells(text) is not None:
                return self._spaces(i)
            elif len(stripped) > DEFAULT_PROSE_CHARS:
                # A line of prose ends the run of tables that began at a title.
                self.in_region = False
        self._paragraph(ln)
        return i + 1

    def _paragraph(self, ln: _Line) -> None:
        text = _BOOKMARK.sub("", ln.text)
        level = 0
        m = _HEADING.match(text)
        if m:
            level, text = len(m.group(1)), text[m.end():]
        text = _LIST.sub("", text)
        text = _TAG.sub("", strip_markup(text)).strip()
        if text:
            self.blocks.append(Paragraph(text, self._prov(ln), level))

    def _html(self, i: int) -> int:
        start = i
        chunk = []
        while i < len(self.lines):
            chunk.append(self.lines[i].text)
            i += 1
            if re.search(r"</table\s*>", chunk[-1], re.I):
                break
        html = "\n".join(chunk)
        html = html[re.search(r"<table\b", html, re.I).start():]
        ordinal = self._next_ordinal()
        table = html_table(html, self.lines[start].no, self.file, ordinal)
        self.blocks.append(_with_page(table, self.lines[start].page))
        return i

    def _pipe(self, i: int) -> int:
        start = i
        while i < len(self.lines) and is_pipe_row(self.lines[i].text):
            i += 1
        ordinal = self._next_ordinal()
        texts = [ln.text for ln in self.lines[start:i]]
        table = pipe_table(texts, self.lines[start].no, self.file, ordinal)
        self.blocks.append(_with_page(table, self.lines[start].page))
        return i

    def _cells(self, i: int) -> int:
        ordinal = self._next_ordinal()
        rows: list[GridRow] = []
        current: list[GridCell] = []
        first: _Line | None = None

        def close() -> None:
            nonlocal current, first
            if current and first is not None:
                r = len(rows)
                cells = tuple(
                    GridCell(c.text, Provenance(**{**_fields(c.provenance), "row": r, "column": k}))
                    for k, c in enumerate(current)
                )
                rows.append(GridRow(cells, self._prov(first, table=ordinal, row=r)))
            current, first = [], None

        start = self.lines[i]
        while i < len(self.lines):
            ln = self.lines[i]
            if ln.text.startswith("\t"):
                first = first or ln
                cell_text = _TAG.sub("", strip_markup(ln.text[1:])).strip()
                current.append(GridCell(cell_text, self._prov(ln, table=ordinal)))
            elif not ln.text.strip():
                close()
                if not _next_nonblank_startswith_tab(self.lines, i):
                    break
            else:
                break
            i += 1
        close()
        self.blocks.append(GridTable(tuple(rows), self._prov(start, table=ordinal)))
        return i

    def _tabs(self, i: int) -> int:
        ordinal = self._next_ordinal()
        rows: list[GridRow] = []
        start = self.lines[i]
        while i < len(self.lines):
            ln = self.lines[i]
            if "\t" in ln.text:
                texts = split_glued([_TAG.sub("", strip_markup(t)).strip() for t in ln.text.split("\t")])
                rows.append(self._row(ln, texts, ordinal, len(rows)))
            elif ln.text.strip() or not _next_nonblank_has_tab(self.lines, i):
                break
            i += 1
        self.blocks.append(GridTable(tuple(rows), self._prov(start, table=ordinal)))
        return i

    def _spaces(self, i: int) -> int:
        ordinal = self._next_ordinal()
        rows: list[GridRow] = []
        start = self.lines[i]
        while i < len(self.lines):
            ln = self.lines[i]
            texts = space_cells(ln.text)
            if texts is None:
                break
            rows.append(self._row(ln, texts, ordinal, len(rows), aligned=False))
            i += 1
        self.blocks.append(GridTable(tuple(rows), self._prov(start, table=ordinal)))
        return i


def _fields(p: Provenance) -> dict:
    return {k: getattr(p, k) for k in ("file", "page", "table", "row", "column", "line", "sheet", "bbox")}


def _with_page(table: GridTable, page: int | None) -> GridTable:
    if page is None:
        return table
    import attrs

    rows = tuple(
        attrs.evolve(
            r,
            provenance=attrs.evolve(r.provenance, page=page),
            cells=tuple(attrs.evolve(c, provenance=attrs.evolve(c.provenance, page=page)) for c in r.cells),
        )
        for r in table.rows
    )
    return attrs.evolve(table, rows=rows, provenance=attrs.evolve(table.provenance, page=page))


def _next_nonblank(lines: list[_Line], i: int) -> _Line | None:
    for ln in lines[i + 1:]:
        if ln.text.strip():
            return ln
    return None


def _next_nonblank_startswith_tab(lines: list[_Line], i: int) -> bool:
    ln = _next_nonblank(lines, i)
    return ln is not None and ln.text.startswith("\t")


def _next_nonblank_has_tab(lines: list[_Line], i: int) -> bool:
    ln = _next_nonblank(lines, i)
    return ln is not None and "\t" in ln.text


register(ReaderSpec(name=NAME, extensions=EXTENSIONS, sniff=sniff, read=read))
