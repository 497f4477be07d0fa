"""Word documents rendered to PDF by LibreOffice, as most published disclosures are made.

``seed_docx`` lays out a seed disclosure (read by govbudget's own text reader) as
a Word document: its lines as paragraphs, its tables as bordered Word tables with
their merged cells, a page number in the footer, and each table's header rows
repeated on the next page when the table runs over a page break.
``to_pdf`` converts with ``soffice --headless``; ``strip_unicode_maps`` turns a
PDF's fonts into ones without a ToUnicode map (text that extracts as ``(cid:…)``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

__all__ = ["seed_docx", "to_pdf", "strip_unicode_maps", "base_document", "add_table", "page_number_footer"]

FONT = "Noto Serif CJK SC"
_META = re.compile(r"单位\s*[:：]|预算年度|^\s*\d{3,}\D")


def base_document(*, landscape: bool = False, size: float = 10.5) -> Document:
    """An empty A4 document in a CJK serif font, portrait or landscape."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin = section.bottom_margin = Cm(2)
    return doc


def page_number_footer(doc: Document) -> None:
    """``- N -`` centred in the footer, as a PAGE field."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = 1
    p.add_run("- ")
    run = p.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    p.add_run(" -")


def add_table(doc: Document, rows: list[list[str]], merges: list[tuple[int, int, int, int]] = (),
              header_rows: int = 0, size: float | None = None) -> None:
    """A bordered table; ``merges`` are (row0, col0, row1, col1) spans; header rows repeat on each page."""
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    covered = set()
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value and (r, c) not in covered:
                cell = table.cell(r, c)
                cell.text = value
                if size:
                    for run in cell.paragraphs[0].runs:
                        run.font.size = Pt(size)
    for r in range(header_rows):
        pr = table.rows[r]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        pr.append(el)


def seed_docx(source, path: Path) -> None:
    """A seed's grid (paragraphs and tables from the text reader) as a Word document."""
    from govbudget.grid import GridTable

    widest = max((max(len(r.cells) for r in b.rows) for b in source.blocks
                  if isinstance(b, GridTable) and b.rows), default=0)
    doc = base_document(landscape=widest > 8, size=9 if widest > 8 else 10.5)
    page_number_footer(doc)
    for block in source.blocks:
        if not isinstance(block, GridTable):
            text = block.text.strip()
            if text:
                doc.add_paragraph(text)
            continue
        rows = _aligned_rows([[c.text for c in r.cells] for r in block.rows])
        width = len(rows[0])
        merges = _merges(block)
        meta = 0
        while meta < len(rows) and _META.search(" ".join(rows[meta])):
            meta += 1
        header = meta
        for r in block.rows[meta:]:
            if any(re.search(r"\d[\d,]*\.\d", c.text) for c in r.cells):
                break
            header += 1
        # The headings repeat on each page the table runs over, unless title, unit or section
        # rows sit above them in the table (Word repeats only the table's first rows).
        if meta or sum(1 for t in rows[0] if t.strip()) < 2:
            header = 0
        add_table(doc, rows, merges, header_rows=header, size=8 if width > 8 else None)
        doc.add_paragraph("")
    doc.save(path)


def _figure(text: str) -> bool:
    return bool(re.fullmatch(r"[-\d,. ]*\d[-\d,. ]*", text.strip()))


def _aligned_rows(rows: list[list[str]]) -> list[list[str]]:
    """Rows padded to the table's width; a short row (cells lost in extraction) has its
    cells put in the next column of their kind (words or figures), as the full rows show."""
    width = max(len(r) for r in rows)
    full = [r for r in rows if len(r) == width and any(_figure(t) for t in r)] or [r for r in rows if len(r) == width]
    kinds = []
    for c in range(width):
        figures = sum(_figure(r[c]) for r in full if r[c].strip())
        words = sum(not _figure(r[c]) for r in full if r[c].strip())
        kinds.append("figure" if figures > words else "words")
    out = []
    for r in rows:
        if len(r) == width:
            out.append(list(r))
            continue
        placed = [""] * width
        j = 0
        for t in r:
            kind = None if not t.strip() else ("figure" if _figure(t) else "words")
            while j < width and kind is not None and kinds[j] != kind:
                j += 1
            if j >= width:
                placed = r + [""] * (width - len(r))
                break
            placed[j] = t
            j += 1
        out.append(placed)
    return out


def _merges(table) -> list[tuple[int, int, int, int]]:
    spans: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell.merged_from is not None:
                origin = cell.merged_from
                span = spans.setdefault(origin, [origin[0], origin[1], origin[0], origin[1]])
                span[2], span[3] = max(span[2], r), max(span[3], c)
    return [tuple(s) for s in spans.values()]  # type: ignore[misc]


def to_pdf(docx: Path, out: Path) -> Path:
    """The Word document rendered to ``out`` by LibreOffice."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SystemExit("LibreOffice (soffice) is needed to render the Word fixtures")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{folder}/p", "--convert-to", "pdf",
                        "--outdir", folder, str(docx)], check=True, capture_output=True)
        shutil.copy(Path(folder) / (docx.stem + ".pdf"), out)
    return out


def strip_unicode_maps(pdf: Path) -> None:
    """Rename every ``/ToUnicode`` key in place (same length, so offsets stay valid)."""
    data = pdf.read_bytes()
    if b"/ToUnicode" not in data:
        raise SystemExit(f"{pdf.name}: no ToUnicode maps to strip (compressed object streams?)")
    pdf.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))
