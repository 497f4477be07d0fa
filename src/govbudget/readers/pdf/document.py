"""The pages' items into the document's blocks: page furniture dropped, lines made paragraphs.

Page numbers (``8``, ``- 8 -``, ``第 8 页``, ``8/21``) in the top or bottom band
of a page, and running titles repeated in those bands on many pages, are not
content. The remaining lines become paragraphs; a paragraph cut by a page break
(the last line of a page running to the margin, the next page going on without
indent) is joined again, so that a figure and its unit stay together. Tables are
left as the pages give them: joining a table's pieces is the recogniser's work.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from ...grid import Block, GridCell, GridTable, Paragraph
from ...provenance import Provenance
from ...textnorm import compact, join_wrapped
from .celltext import looks_numeric
from .page import PageItems
from .textlines import DEFAULT_LONG_LINE, ORDINAL_START, TextLine, continues, margins, paragraphs

__all__ = ["assemble", "align_columns", "join_split_rows", "is_page_number", "DEFAULT_BAND", "DEFAULT_RUNNING_PAGES"]

DEFAULT_BAND = 0.12  # the top and bottom share of a page where headers and footers sit
DEFAULT_RUNNING_PAGES = 3  # a line repeated in the bands of this many pages is a running title
DEFAULT_HEADING_RATIO = 1.25  # a line this much larger than the body text is a heading
DEFAULT_HEADING_CHARS = 40
DEFAULT_PAGE_LINES = 3  # long lines a page needs to tell its own margins
DEFAULT_EDGE_TOLERANCE = 3.0  # column edges of two pieces of a table this close are the same edge

_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–~]*\s*\d{1,4}\s*[-－—–~]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.I,
)


_CLOSED = re.compile(r"[。）)]$|(支出|收入|合计|小计|总计|费)$")


def is_page_number(text: str) -> bool:
    """A page number as printed in a header or footer."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def _in_band(ln: TextLine, page: PageItems) -> bool:
    band = DEFAULT_BAND * page.height
    return ln.bottom <= band or ln.top >= page.height - band


def _edge_lines(page: PageItems) -> list[TextLine]:
    """The lines before the first and after the last other item of the page that sit in its bands."""
    items = [it for _, it in page.items]
    out: list[TextLine] = []
    for seq in (items, items[::-1]):
        for it in seq[:2]:
            if not isinstance(it, TextLine) or not _in_band(it, page):
                break
            out.append(it)
    return out


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", compact(text))


def _furniture(pages: list[PageItems]) -> set[int]:
    """The ids of the lines that are page numbers or running titles."""
    drop: set[int] = set()
    keys: Counter = Counter()
    edges = {p.number: _edge_lines(p) for p in pages}
    for lines in edges.values():
        for key in {_running_key(ln.text) for ln in lines}:
            keys[key] += 1
    for lines in edges.values():
        for ln in lines:
            text = ln.text
            if is_page_number(text):
                drop.add(id(ln))
            elif (keys[_running_key(text)] >= DEFAULT_RUNNING_PAGES and "单位" not in text
                  and not re.search(r"表\s*$", text)):
                drop.add(id(ln))
    return drop


class _Para:
    __slots__ = ("lines", "page", "width", "left", "right", "first", "last")

    def __init__(self, lines: list[TextLine], page: int, width: float, left: float, right: float) -> None:
        self.lines = lines
        self.page = page
        self.width = width
        self.left = left
        self.right = right
        self.first = False  # the first item of its page
        self.last = False  # the last item of its page


def _margins(pages: list[PageItems], items: dict[int, list]) -> dict[int, tuple[float, float]]:
    """Each page's text margins: its own where it has enough text, else those of its document.

    A page holding tables and a few short lines cannot tell where its margins are;
    its tables (which span the text width as a rule) and the pages of the same width can.
    """
    long: dict[int, list[TextLine]] = {}
    boxes: dict[int, list[tuple[float, float]]] = {}
    by_width: dict[int, tuple[list[TextLine], list[tuple[float, float]]]] = {}
    for page in pages:
        long[page.number] = [it for it in items[page.number]
                             if isinstance(it, TextLine) and len(it.chars) >= DEFAULT_LONG_LINE]
        boxes[page.number] = [(it.provenance.bbox[0], it.provenance.bbox[2]) for it in items[page.number]
                              if isinstance(it, GridTable) and it.provenance.bbox]
        group = by_width.setdefault(round(page.width), ([], []))
        group[0].extend(long[page.number])
        group[1].extend(boxes[page.number])
    document = {w: margins(lines, bx) for w, (lines, bx) in by_width.items() if lines or bx}
    out = {}
    for page in pages:
        lines = [it for it in items[page.number] if isinstance(it, TextLine)]
        if len(long[page.number]) >= DEFAULT_PAGE_LINES or round(page.width) not in document:
            out[page.number] = margins(lines, boxes[page.number]) if lines else (0.0, page.width)
        else:
            out[page.number] = document[round(page.width)]
    return out


def assemble(pages: list[PageItems], file: str) -> list[Block]:
    """All pages' items as grid tables and paragraphs in reading order."""
    drop = _furniture(pages)
    sizes = Counter(round(ln.size) for p in pages for _, ln in p.items if isinstance(ln, TextLine))
    body = sizes.most_common(1)[0][0] if sizes else 0
    stream: list[_Para | GridTable] = []
    page_items = {page.number: [it for _, it in page.items if not (isinstance(it, TextLine) and id(it) in drop)]
                  for page in pages}
    edges = _margins(pages, page_items)
    for page in pages:
        items = page_items[page.number]
        left, right = edges[page.number]
        here: list[_Para | GridTable] = []
        run: list[TextLine] = []
        for it in items + [None]:
            if isinstance(it, TextLine):
                run.append(it)
                continue
            here.extend(_Para(g, page.number, page.width, left, right) for g in paragraphs(run, left, right))
            run = []
            if it is not None:
                here.append(it)
        if here:
            if isinstance(here[0], _Para):
                here[0].first = True
            if isinstance(here[-1], _Para):
                here[-1].last = True
        stream.extend(here)
    blocks: list[Block] = []
    prev: _Para | None = None
    for entry in stream:
        if isinstance(entry, GridTable):
            blocks.append(entry)
            prev = None
            continue
        if (prev is not None and prev.last and entry.first and entry.page == prev.page + 1
                and abs(entry.width - prev.width) < 1
                and continues(prev.lines[-1], entry.lines[0], min(entry.left, prev.left), prev.right,
                              next_page=True)):
            prev.lines.extend(entry.lines)
            prev.last = entry.last
            continue
        blocks.append(entry)  # type: ignore[arg-type]
        prev = entry
    return join_split_rows(align_columns([_paragraph(b, file, body) if isinstance(b, _Para) else b for b in blocks]))


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


def _paragraph(para: _Para, file: str, body: float) -> Paragraph:
    lines = para.lines
    text = join_wrapped([ln.text for ln in lines])
    # The box on the paragraph's first page (lines further on lie on the next page).
    on_first = lines[:1]
    for ln in lines[1:]:
        if ln.top < on_first[-1].top:
            break
        on_first.append(ln)
    bbox = (round(min(ln.x0 for ln in on_first), 2), round(on_first[0].top, 2),
            round(max(ln.x1 for ln in on_first), 2), round(max(ln.bottom for ln in on_first), 2))
    size = lines[0].size
    level = 1 if body and size >= DEFAULT_HEADING_RATIO * body and len(compact(text)) <= DEFAULT_HEADING_CHARS else 0
    return Paragraph(text, Provenance(file, page=para.page, bbox=bbox), level)
