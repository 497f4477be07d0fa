"""The pages' items into the document's blocks: page furniture dropped, lines made paragraphs.

Page numbers (``8``, ``- 8 -``, ``第 8 页``, ``8/21``) in the top or bottom band
of a page, and running titles repeated in those bands on many pages, are not
content. The remaining lines become paragraphs; a paragraph cut by a page break
(the last line of a page running to the margin, the next page going on without
indent) is joined again, so that a figure and its unit stay together. Table pieces
are repaired where a page break cut them (:mod:`.pieces`); joining the pieces of a
table is the recogniser's work.
"""

from __future__ import annotations

import re
from collections import Counter

from ...grid import Block, GridTable, Paragraph
from ...provenance import Provenance
from ...textnorm import compact, join_wrapped
from .page import PageItems
from .pieces import repair_pieces
from .textlines import DEFAULT_LONG_LINE, TextLine, continues, margins, paragraphs

__all__ = ["assemble", "is_page_number", "DEFAULT_BAND", "DEFAULT_RUNNING_PAGES"]

DEFAULT_BAND = 0.12  # the top and bottom share of a page where headers and footers sit
DEFAULT_RUNNING_PAGES = 3  # a line repeated in the bands of this many pages is a running title
DEFAULT_HEADING_RATIO = 1.25  # a line this much larger than the body text is a heading
DEFAULT_HEADING_CHARS = 40
DEFAULT_PAGE_LINES = 3  # long lines a page needs to tell its own margins

_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–~]*\s*\d{1,4}\s*[-－—–~]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.I,
)


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
    return repair_pieces([_paragraph(b, file, body) if isinstance(b, _Para) else b for b in blocks])


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
