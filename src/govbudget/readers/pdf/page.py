"""One page's objects into its items in reading order: grid tables and lines of free text.

Ruled tables come first (their rules are certain); the characters outside them
make printed lines, among which runs aligned in columns become tables without
rules. What is left stays lines, grouped into paragraphs for the whole document
(a paragraph may run over a page break). Doubts about the page (no text layer,
unreadable glyphs, mixed writing directions in a cell) come back as findings.
"""

from __future__ import annotations

from ...grid import GridTable
from ...provenance import Finding, Provenance, Severity
from .aligned import aligned_tables
from .objects import Char, PageObjects
from .ruled import ruled_table
from .ruling import find_rulings
from .textlines import TextLine, text_lines

__all__ = ["PageItems", "read_page", "DEFAULT_SCANNED_SHARE", "DEFAULT_SCANNED_CHARS"]

DEFAULT_SCANNED_SHARE = 0.3  # images over this share of a page with (almost) no text: a scan
DEFAULT_SCANNED_CHARS = 10


class PageItems:
    """What one page holds, top to bottom: ``(top, table)`` and ``(top, line)`` items."""

    __slots__ = ("number", "width", "height", "items", "findings", "tables")

    def __init__(self, number: int, width: float, height: float) -> None:
        self.number = number
        self.width = width
        self.height = height
        self.items: list[tuple[float, GridTable | TextLine]] = []
        self.findings: list[Finding] = []
        self.tables = 0


def read_page(objs: PageObjects, file: str, first_table: int) -> PageItems:
    """The items of one page; tables are numbered from ``first_table`` on."""
    out = PageItems(objs.number, objs.width, objs.height)
    page_prov = Provenance(file, page=objs.number)
    _page_findings(objs, out, page_prov)
    rulings = find_rulings(objs.hsegs, objs.vsegs)
    inside: list[list[Char]] = [[] for _ in rulings]
    free: list[Char] = []
    boxes = [r.bbox for r in rulings]
    for ch in objs.chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        for k, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                inside[k].append(ch)
                break
        else:
            free.append(ch)
    ordinal = first_table
    loose: list[Char] = []
    for ruling, chars in zip(rulings, inside):
        if not chars:
            continue
        result = ruled_table(ruling, chars, file, objs.number, ordinal)
        if result.table is None:
            loose.extend(chars)  # a framed heading or note: its text reads as lines
            continue
        ordinal += 1
        out.items.append((result.bbox[1], result.table))
        for prov in result.mixed:
            out.findings.append(Finding(
                "cell.mixed_direction", Severity.WARNING,
                "cell mixes upright and rotated characters; its text may be out of order",
                provenance=(prov,)))
    lines = text_lines(free + loose)
    tables, rest = aligned_tables(lines, file, objs.number, ordinal)
    for table in tables:
        ordinal += 1
        assert table.provenance.bbox is not None
        out.items.append((table.provenance.bbox[1], table))
    out.items.extend((ln.top, ln) for ln in rest)
    out.items.sort(key=lambda item: item[0])
    out.tables = ordinal - first_table
    return out


def _page_findings(objs: PageObjects, out: PageItems, prov: Provenance) -> None:
    if len(objs.chars) < DEFAULT_SCANNED_CHARS and objs.image_share() >= DEFAULT_SCANNED_SHARE:
        out.findings.append(Finding(
            "page.no_text_layer", Severity.ERROR,
            f"page {objs.number} has no text layer (an image of text): OCR needed; its figures are not read",
            provenance=(prov,)))
    if objs.cid_chars:
        out.findings.append(Finding(
            "page.unreadable_text", Severity.ERROR,
            f"page {objs.number} has {objs.cid_chars} characters without a Unicode mapping ((cid:…) glyphs): "
            "its text cannot be read reliably; OCR needed",
            actual=str(objs.cid_chars), provenance=(prov,)))
