"""Printed tables into Word documents, with the quirks of real exported annexes.

python-docx builds the documents; what it cannot say (gridBefore, content
controls, text boxes, hidden runs, tracked revisions, indents) is written into
the XML directly.
"""

from __future__ import annotations

from decimal import Decimal

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from .figures import Printed

FONT = "Noto Serif CJK SC"
_EXTRA_NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
             'xmlns:v="urn:schemas-microsoft-com:vml" '
             'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def new_document(landscape: bool = True) -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(9)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    if landscape:
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.6))
    core = doc.core_properties
    core.author = core.last_modified_by = "临江区财政局"
    return doc


def money(places: int = 2, separators: bool = False):
    def fmt(v: Decimal) -> str:
        return f"{v:,.{places}f}" if separators else f"{v:.{places}f}"
    return fmt


def _text(value, fmt) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt(value)
    return str(value)


def _set(cell, text: str, indent: str | None = None) -> None:
    p = cell.paragraphs[0]
    if indent and text.startswith("\u3000"):
        level = len(text) - len(text.lstrip("\u3000"))
        text = text.lstrip("\u3000")
        p.paragraph_format.left_indent = Pt(9 * level)  # the indent as paragraph format, not spaces
    p.add_run(text)


def add_table(holder, t: Printed, fmt, *, serial: bool = False, body: list[list[object]] | None = None,
              first: int = 0, indent: str | None = None, meta: list[str] | None = None, header_flag: bool = False):
    """Add ``t`` (or the body rows given) as a bordered table to a document or cell; returns the table."""
    body = t.body if body is None else body
    lead = 1 if serial else 0
    width = t.width + lead
    rows = ([meta] if meta else []) + t.header + ([t.marker] if t.marker else []) + body
    table = holder.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    top = 1 if meta else 0
    grid = [r.cells for r in table.rows]
    if meta:
        for c, text in enumerate(meta):
            if text:
                _set(grid[0][c], text)
    for r, row in enumerate(t.header):
        for c, text in enumerate(row):
            if text:
                _set(grid[top + r][c + lead], text)
    for r0, c0, r1, c1 in t.merges:
        table.cell(top + r0, c0 + lead).merge(table.cell(top + r1, c1 + lead))
    if serial:
        table.cell(top, 0).merge(table.cell(top + len(t.header) - 1, 0))
        _set(table.cell(top, 0), "序号")
    r = top + len(t.header)
    if t.marker:
        if serial:
            _set(grid[r][0], "栏次")
        for c, text in enumerate(t.marker):
            if text:
                _set(grid[r][c + lead], text)
        r += 1
    for i, row in enumerate(body):
        if serial:
            _set(grid[r + i][0], str(first + i + 1))
        for c, value in enumerate(row):
            text = _text(value, fmt)
            if text:
                _set(grid[r + i][c + lead], text, indent if c == t.name_column else None)
    if header_flag:
        for k in range(top, top + len(t.header)):
            table.rows[k]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def indented(t: Printed, levels: dict[int, int]) -> Printed:
    """The table with its name column indented by level (two full-width spaces a level)."""
    body = [list(row) for row in t.body]
    for i, level in levels.items():
        body[i][t.name_column] = "\u3000" * (2 * level) + body[i][t.name_column]
    return Printed(t.kind, t.title, t.header, t.merges, body, t.marker, t.label, t.note, t.name_column)


def grid_before(row, count: int) -> None:
    """Leave out a row's first cells and say so with gridBefore, as some exporters write."""
    tr = row._tr
    for tc in tr.findall(qn("w:tc"))[:count]:
        tr.remove(tc)
    el = OxmlElement("w:gridBefore")
    el.set(qn("w:val"), str(count))
    tr.get_or_add_trPr().insert(0, el)


def grid_after(row, count: int) -> None:
    tr = row._tr
    for tc in tr.findall(qn("w:tc"))[-count:]:
        tr.remove(tc)
    el = OxmlElement("w:gridAfter")
    el.set(qn("w:val"), str(count))
    tr.get_or_add_trPr().append(el)


def block_control(table, tag: str) -> None:
    """Wrap a table in a block-level content control."""
    tbl = table._tbl
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent/></w:sdt>')
    tbl.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(tbl)


def cell_control(table, r: int, c: int) -> None:
    """Wrap one cell of a table in a cell-level content control."""
    tcs = table.rows[r]._tr.findall(qn("w:tc"))
    tc = tcs[c]
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:tag w:val="figure"/></w:sdtPr><w:sdtContent/></w:sdt>')
    tc.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(tc)


def run_control(paragraph) -> None:
    """Put the paragraph's first run inside an inline content control."""
    r = paragraph.runs[0]._r
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:tag w:val="text"/></w:sdtPr><w:sdtContent/></w:sdt>')
    r.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(r)


def placeholder_control(doc) -> None:
    """An empty content control showing its grey prompt, which is not content."""
    doc.element.body.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>'
        '<w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    body = doc.element.body
    body.append(body.find(qn("w:sectPr")))  # the section properties stay last


def hidden_run(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.hidden = True


def revisions(paragraph, deleted: str, inserted: str) -> None:
    """A tracked deletion (not printed) and a tracked insertion (printed)."""
    p = paragraph._p
    p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="审核" w:date="2024-01-05T00:00:00Z"><w:r>'
                       f'<w:delText>{deleted}</w:delText></w:r></w:del>'))
    p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="审核" w:date="2024-01-05T00:00:00Z"><w:r>'
                       f'<w:t>{inserted}</w:t></w:r></w:ins>'))


def text_box(doc, text: str) -> None:
    """A paragraph anchoring a text box, written as Word does: a DrawingML choice and a VML fallback."""
    box = (f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="44"/></w:rPr>'
           f'<w:t>{text}</w:t></w:r></w:p></w:txbxContent>')
    xml = (
        f'<w:p {nsdecls("w", "wp", "a")} {_EXTRA_NS}><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="5400000" cy="720000"/><wp:docPr id="1" name="title"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="720000"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{box}</wps:txbx>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape style="width:425pt;height:57pt"><v:textbox>{box}</v:textbox></v:shape>'
        '</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    body = doc.element.body
    body.find(qn("w:sectPr")).addprevious(parse_xml(xml))


def wrap_in_cell(doc, table) -> None:
    """Move a table into a one-cell layout table that holds nothing else."""
    layout = doc.add_table(rows=1, cols=1)
    cell = layout.cell(0, 0)._tc
    for p in cell.findall(qn("w:p")):
        cell.remove(p)
    table._tbl.addprevious(layout._tbl)
    cell.append(table._tbl)
    cell.append(OxmlElement("w:p"))  # a cell ends with a paragraph


def framed(doc, lines: list[str], build) -> None:
    """A two-row layout table: the title lines in the first row, the table ``build(cell)`` makes in the second."""
    layout = doc.add_table(rows=2, cols=1)
    top = layout.cell(0, 0)
    top.paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        top.add_paragraph(line)
    bottom = layout.cell(1, 0)
    build(bottom)
    inner = bottom._tc
    first = inner.find(qn("w:p"))
    inner.remove(first)
    inner.append(OxmlElement("w:p"))


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def chinese_list(doc) -> str:
    """A numbering definition printing 一、二、三、 (as Chinese templates number their sections); its numId."""
    numbering = doc.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(ids, default=0) + 1, max(nums, default=0) + 1
    numbering.insert(len(ids), parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '<w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{abstract_id}"/></w:num>'))
    return str(num_id)


def numbered(paragraph, num_id: str) -> None:
    """Number a paragraph from a list: the number is not in its text, Word prints it."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
