"""Word documents (``.docx``) into the neutral grid: paragraphs and tables in document order.

The document XML is walked once (python-docx opens the package; its table API
repeats merged cells, mis-handles ``gridBefore`` and is quadratic). Merged cells
(``gridSpan``, ``vMerge``) are expanded into grid positions pointing at their
origin; rows indented by ``gridBefore`` start at their true column; a table
holding nothing but one nested table is read as that table, other nested tables
as text of their cell. ``.doc`` files are converted with LibreOffice when it is
installed.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..grid import Block, GridCell, GridRow, GridTable, Paragraph, SourceDocument
from ..provenance import Provenance
from ..textnorm import join_wrapped
from . import ReaderSpec, register
from .office import convert_legacy, open_zip_error, sniff_ooxml

__all__ = ["read", "sniff"]

NAME = "docx"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"(?i)^(?:heading|标题)\s*(\d)$|^(\d)$")


def sniff(head: bytes, path: Path) -> bool:
    """A zip package holding ``word/`` parts, or a legacy ``.doc``."""
    return sniff_ooxml(head, path, "word/") or (path.suffix.lower() == ".doc" and head.startswith(b"\xd0\xcf\x11\xe0"))


def read(path: Path) -> SourceDocument:
    """Read a Word disclosure into the neutral grid."""
    path = Path(path)
    if path.suffix.lower() == ".doc":
        with convert_legacy(path, "docx") as converted:
            return _read(converted, path.name)
    return _read(path, path.name)


def _read(path: Path, name: str) -> SourceDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise open_zip_error(path, name, "Word document", err) from err
    styles = {s.style_id: s.name for s in document.styles if s.style_id}
    walker = _Walker(name, styles)
    walker.body(document.element.body)
    if not walker.blocks:
        raise InputError("the document has no text", path=name)
    return SourceDocument(name, NAME, tuple(walker.blocks))


class _Walker:
    def __init__(self, file: str, styles: dict[str, str]) -> None:
        self.file = file
        self.styles = styles
        self.blocks: list[Block] = []
        self.ordinal = 0
        self.paragraph = 0

    def body(self, element) -> None:
        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                self._paragraph(child)
            elif child.tag == f"{_W}tbl":
                self._table(_unwrap(child))
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.body(content)

    def _paragraph(self, p) -> None:
        self.paragraph += 1
        text = _text(p).strip()
        if not text:
            return
        level = 0
        style = p.find(f"{_W}pPr/{_W}pStyle")
        if style is not None:
            name = self.styles.get(style.get(f"{_W}val"), style.get(f"{_W}val") or "")
            m = _HEADING_STYLE.match(name.strip())
            if m:
                level = int(m.group(1) or m.group(2))
        self.blocks.append(Paragraph(text, Provenance(self.file, line=self.paragraph), level))

    def _table(self, tbl) -> None:
        self.ordinal += 1
        ordinal = self.ordinal
        placed: dict[tuple[int, int], tuple[str, tuple[int, int] | None]] = {}
        vertical: dict[int, tuple[int, int]] = {}
        trs = tbl.findall(f"{_W}tr")
        for r, tr in enumerate(trs):
            c = _int(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
            for tc in _cells(tr):
                span = max(_int(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1), 1)
                merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                continues = merge is not None and merge.get(f"{_W}val") in (None, "continue")
                if continues and c in vertical:
                    origin = vertical[c]
                    for k in range(span):
                        placed[(r, c + k)] = ("", origin)
                else:
                    placed[(r, c)] = (_cell_text(tc), None)
                    for k in range(1, span):
                        placed[(r, c + k)] = ("", (r, c))
                    if merge is not None:
                        vertical[c] = (r, c)
                    else:
                        vertical.pop(c, None)
                c += span
        width = max((col for _, col in placed), default=-1) + 1
        rows = []
        for r in range(len(trs)):
            cells = tuple(
                GridCell(placed.get((r, c), ("", None))[0],
                         Provenance(self.file, table=ordinal, row=r, column=c),
                         merged_from=placed.get((r, c), ("", None))[1])
                for c in range(width)
            )
            rows.append(GridRow(cells, Provenance(self.file, table=ordinal, row=r)))
        self.blocks.append(GridTable(tuple(rows), Provenance(self.file, table=ordinal)))


def _int(element, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(f"{_W}val"))
    except (TypeError, ValueError):
        return default


def _cells(tr) -> Iterator:
    for child in tr.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from (tc for tc in content.iterchildren() if tc.tag == f"{_W}tc")


def _unwrap(tbl):
    """The table inside a layout table of one cell that holds only that table."""
    while True:
        tcs = tbl.findall(f"{_W}tr/{_W}tc")
        if len(tcs) != 1:
            return tbl
        inner = tcs[0].findall(f"{_W}tbl")
        if len(inner) != 1 or any(_text(p).strip() for p in tcs[0].findall(f"{_W}p")):
            return tbl
        tbl = inner[0]


def _text(p) -> str:
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc) -> str:
    """A cell's paragraphs joined like wrapped lines; a nested table's cells likewise."""
    lines: list[str] = []
    for p in tc.iter(f"{_W}p"):
        lines.extend(_text(p).split("\n"))
    return join_wrapped(lines)


register(ReaderSpec(name=NAME, extensions=("docx", "doc"), sniff=sniff, read=read))
