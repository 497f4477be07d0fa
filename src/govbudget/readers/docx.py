"""Word documents (``.docx``, ``.docm``; ``.doc`` through LibreOffice) into the neutral grid, in document order.

The package is opened with :mod:`zipfile` and its main part walked once with
lxml (python-docx's table API repeats merged cells, mis-handles ``gridBefore``
and is quadratic). Paragraphs become :class:`~govbudget.grid.Paragraph` blocks,
one per printed line, with their heading level; text boxes follow the paragraph
that anchors them. Tables become :class:`~govbudget.grid.GridTable` blocks with
merged cells expanded (see :mod:`.wordml`); a table that only lays out other
tables is read as the tables and paragraphs in its cells; content controls and
custom XML are read through. Headers, footers, footnotes and comments are not
part of the disclosure's body and are not read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from ..errors import DamagedFileError, InputError
from ..grid import Block, GridCell, GridRow, GridTable, Paragraph, SourceDocument
from ..provenance import Finding, Provenance, Severity
from . import ReaderSpec, register
from .office import damaged, is_ole, parse_errors, read_package, sniff_ooxml
from .wordml import (
    W,
    cells_of,
    hidden_placeholder,
    is_layout,
    paragraph_lines,
    rows_of,
    table_grid,
    tag,
    text_boxes,
    unwrap,
)
from .wordnumbering import number_paragraphs

__all__ = ["read", "sniff"]

NAME = "docx"
WHAT = "Word document"
DEFAULT_MAIN_PART = "word/document.xml"
_HEADING_STYLE = re.compile(r"(?i)^(?:heading|标题)\s*(\d)$")
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_BODY_LEVEL = 9  # outlineLvl 9 is body text
# A line set off by formatting alone (bold or centred, no outline level) is a heading of unknown rank.
DEFAULT_EMPHASIS_LEVEL = 9
# Such a line: short, at least four Chinese characters, no sentence or label punctuation (单位：万元, 第 3 页).
_TITLE_LINE = re.compile(r"(?=(?:.*[\u4e00-\u9fff]){4})[^，。；;：:！？!?]{4,40}")


def sniff(head: bytes, path: Path) -> bool:
    """A zip package holding ``word/`` parts, or a legacy ``.doc``."""
    return sniff_ooxml(head, path, "word/") or (path.suffix.lower() in (".doc", ".dot") and is_ole(head))


def read(path: Path) -> SourceDocument:
    """Read a Word disclosure into the neutral grid.

    Raises :class:`~govbudget.errors.DamagedFileError`,
    :class:`~govbudget.errors.EncryptedFileError` or another
    :class:`~govbudget.errors.InputError` naming the file when it cannot be read.
    """
    return read_package(path, _read, what=WHAT, prefix="word/", target="docx", legacy="Word")


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)


def _target(rels: bytes, kind: str, base: str) -> str | None:
    """The part a relationship of type ``…/kind`` points to, resolved against the folder ``base``."""
    from lxml import etree

    for rel in etree.fromstring(rels, _parser()).iter(_REL):
        if (rel.get("Type") or "").endswith(f"/{kind}") and rel.get("TargetMode") != "External":
            target = rel.get("Target") or ""
            if target.startswith("/"):
                return target.lstrip("/")
            parts: list[str] = []
            for piece in (PurePosixPath(base) / target).parts:
                if piece == "..":
                    if parts:
                        parts.pop()
                elif piece != ".":
                    parts.append(piece)
            return "/".join(parts)
    return None


def _read(path: Path, name: str) -> SourceDocument:
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            main = (_target(z.read("_rels/.rels"), "officeDocument", "") if "_rels/.rels" in names
                    else None) or DEFAULT_MAIN_PART
            if main not in names:
                raise DamagedFileError(f"a zip file, but not a {WHAT}: its main part {main} is missing", path=name)
            root = etree.fromstring(z.read(main), _parser())
            folder = str(PurePosixPath(main).parent)
            rels_name = f"{folder}/_rels/{PurePosixPath(main).name}.rels"
            rels = z.read(rels_name) if rels_name in names else None
            parts = {}
            for kind in ("styles", "numbering"):
                part = _target(rels, kind, folder) if rels is not None else None
                parts[kind] = etree.fromstring(z.read(part), _parser()) if part and part in names else None
    except InputError:
        raise
    except parse_errors() as err:
        raise damaged(name, WHAT, err) from err
    except OSError as err:
        raise damaged(name, WHAT, err) from err
    body = root.find(f"{W}body")
    if body is None:
        raise DamagedFileError(f"a zip file, but not a {WHAT}: {main} has no document body", path=name)
    number_paragraphs(body, parts["numbering"], parts["styles"])
    walker = _Walker(name, _Styles(parts["styles"]))
    walker.body(body)
    if not walker.blocks:
        raise InputError("the document has no text", path=name)
    return SourceDocument(name, NAME, tuple(walker.blocks), tuple(walker.findings))


class _Styles:
    """What paragraph styles say about a line: heading level (1-9, 0 for body text), bold, centred.

    Each property follows ``basedOn`` to the style that sets it.
    """

    def __init__(self, styles) -> None:
        self.own: dict[str, dict[str, object]] = {}
        for st in styles.iter(f"{W}style") if styles is not None else ():
            sid = st.get(f"{W}styleId")
            if not sid:
                continue
            props: dict[str, object] = {}
            outline = st.find(f"{W}pPr/{W}outlineLvl")
            name = st.find(f"{W}name")
            m = _HEADING_STYLE.match((name.get(f"{W}val") or "").strip()) if name is not None else None
            if outline is not None and (outline.get(f"{W}val") or "").isdigit():
                value = int(outline.get(f"{W}val"))
                props["level"] = value + 1 if value < _BODY_LEVEL else 0
            elif m:
                props["level"] = int(m.group(1))
            bold = st.find(f"{W}rPr/{W}b")
            if bold is not None:
                props["bold"] = _on(bold)
            jc = st.find(f"{W}pPr/{W}jc")
            if jc is not None:
                props["centered"] = jc.get(f"{W}val") == "center"
            based = st.find(f"{W}basedOn")
            props["based"] = based.get(f"{W}val") if based is not None else None
            self.own[sid] = props

    def get(self, sid: str | None, key: str, default: object) -> object:
        for _ in range(10):
            props = self.own.get(sid or "")
            if props is None:
                return default
            if key in props:
                return props[key]
            sid = props.get("based")  # type: ignore[assignment]
        return default


def _on(el) -> bool:
    return el is not None and (el.get(f"{W}val") or "true").lower() not in ("0", "false", "off")


class _Walker:
    """One pass over the body, appending blocks in document order."""

    def __init__(self, file: str, styles: _Styles) -> None:
        self.file = file
        self.styles = styles
        self.blocks: list[Block] = []
        self.findings: list[Finding] = []
        self.ordinal = 0
        self.count = 0

    def body(self, element) -> None:
        for child in element:
            t = tag(child)
            if t == f"{W}p":
                self.paragraph(child)
            elif t == f"{W}tbl":
                self.table(child)
            elif t == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None and not hidden_placeholder(child):
                    self.body(content)
            elif t == f"{W}customXml":
                self.body(child)
            elif t == f"{W}altChunk":
                self.findings.append(Finding(
                    "docx.embedded_part", Severity.WARNING,
                    "the document imports another file (altChunk) whose content is not read",
                    provenance=(Provenance(self.file, line=self.count + 1),)))

    def paragraph(self, p) -> None:
        self.count += 1
        prov = Provenance(self.file, line=self.count)
        lines = [line.strip() for line in paragraph_lines(p) if line.strip()]
        level = self._level(p, lines)
        for line in lines:
            self.blocks.append(Paragraph(line, prov, level))
        for box in text_boxes(p):
            self.body(box)

    def _level(self, p, lines: list[str]) -> int:
        """The outline level; a short bold or centred line that is no sentence is a heading too."""
        outline = p.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and (outline.get(f"{W}val") or "").isdigit():
            value = int(outline.get(f"{W}val"))
            return value + 1 if value < _BODY_LEVEL else 0
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(f"{W}val") if style is not None else None
        level = int(self.styles.get(sid, "level", 0))  # type: ignore[arg-type]
        if level or len(lines) != 1 or not _TITLE_LINE.fullmatch(lines[0]):
            return level
        jc = p.find(f"{W}pPr/{W}jc")
        centered = jc.get(f"{W}val") == "center" if jc is not None else self.styles.get(sid, "centered", False)
        runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
        style_bold = bool(self.styles.get(sid, "bold", False))
        bold = bool(runs) and all(_on(r.find(f"{W}rPr/{W}b")) if r.find(f"{W}rPr/{W}b") is not None
                                  else style_bold for r in runs)
        return DEFAULT_EMPHASIS_LEVEL if centered or bold else 0

    def table(self, tbl) -> None:
        tbl = unwrap(tbl)
        if is_layout(tbl):
            for tr in rows_of(tbl):
                for tc in cells_of(tr):
                    self.body(tc)
            return
        grid = table_grid(tbl)
        if not any(text.strip() for row in grid.cells for text, _ in row):
            return
        self.ordinal += 1
        ordinal = self.ordinal
        rows = tuple(
            GridRow(tuple(GridCell(text, Provenance(self.file, table=ordinal, row=r, column=c), merged_from=origin)
                          for c, (text, origin) in enumerate(row)),
                    Provenance(self.file, table=ordinal, row=r))
            for r, row in enumerate(grid.cells)
        )
        self.blocks.append(GridTable(rows, Provenance(self.file, table=ordinal)))
        if grid.nested:
            self.findings.append(Finding(
                "docx.nested_table", Severity.INFO,
                f"{grid.nested} table{'s' if grid.nested > 1 else ''} inside cells of table {ordinal} "
                f"read as the text of {'their' if grid.nested > 1 else 'its'} cell",
                provenance=(Provenance(self.file, table=ordinal),)))


register(ReaderSpec(name=NAME, extensions=("docx", "docm", "doc", "dotx", "dot"), sniff=sniff, read=read))
