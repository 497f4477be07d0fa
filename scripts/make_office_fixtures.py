"""Build the Word and Excel fixtures in fixtures/office/ (run from the project root).

The documents look like published ones and carry the quirks the readers must
handle: merged header cells (gridSpan, vMerge), a 序号 column and 栏次 row, codes
split over 类|款|项, rows indented with gridBefore, a table continued under a 续表
title with its header repeated, name-only rows indented by level, a table wrapped in
a one-cell layout table, several entities in one file; in Excel one table per sheet
and several stacked on one sheet, merged headers, numbers as numbers, as text with
thousands separators and as formulas, hidden rows and columns. All figures add up.
Excel files are passed through LibreOffice so that formulas carry cached values.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "office"

UNITS = {
    "301001": {
        "name": "临江区卫生健康局本级",
        "summary": [("一、一般公共预算拨款收入", "300.00", "一、社会保障和就业支出", "50.00"),
                    ("二、事业收入", "", "二、卫生健康支出", "250.00"),
                    ("本年收入合计", "300.00", "本年支出合计", "300.00"),
                    ("收入总计", "300.00", "支出总计", "300.00")],
        "expenditure": [("", "合计", "300.00", "200.00", "100.00"),
                        ("208", "社会保障和就业支出", "50.00", "50.00", ""),
                        ("20805", "行政事业单位养老支出", "50.00", "50.00", ""),
                        ("2080505", "机关事业单位基本养老保险缴费支出", "50.00", "50.00", ""),
                        ("210", "卫生健康支出", "250.00", "150.00", "100.00"),
                        ("21001", "卫生健康管理事务", "250.00", "150.00", "100.00"),
                        ("2100101", "行政运行", "150.00", "150.00", ""),
                        ("2100102", "一般行政管理事务", "100.00", "", "100.00")],
        "three_public": ("5.00", "", "4.00", "", "4.00", "1.00"),
    },
    "301002": {
        "name": "临江区疾病预防控制中心",
        "summary": [("一、一般公共预算拨款收入", "200.00", "一、社会保障和就业支出", "30.00"),
                    ("二、事业收入", "20.00", "二、卫生健康支出", "190.00"),
                    ("本年收入合计", "220.00", "本年支出合计", "220.00"),
                    ("收入总计", "220.00", "支出总计", "220.00")],
        "expenditure": [("", "合计", "220.00", "170.00", "50.00"),
                        ("208", "社会保障和就业支出", "30.00", "30.00", ""),
                        ("20805", "行政事业单位养老支出", "30.00", "30.00", ""),
                        ("2080505", "机关事业单位基本养老保险缴费支出", "30.00", "30.00", ""),
                        ("210", "卫生健康支出", "190.00", "140.00", "50.00"),
                        ("21004", "公共卫生", "190.00", "140.00", "50.00"),
                        ("2100401", "疾病预防控制机构", "140.00", "140.00", ""),
                        ("2100409", "重大公共卫生服务", "50.00", "", "50.00")],
        "three_public": ("2.00", "", "2.00", "", "2.00", ""),
    },
}
DEPARTMENT = {
    "name": "临江区卫生健康局",
    "summary": [("一、一般公共预算拨款收入", "500.00", "一、社会保障和就业支出", "80.00"),
                ("二、事业收入", "20.00", "二、卫生健康支出", "440.00"),
                ("本年收入合计", "520.00", "本年支出合计", "520.00"),
                ("收入总计", "520.00", "支出总计", "520.00")],
    "expenditure": [("", "合计", "520.00", "370.00", "150.00"),
                    ("208", "社会保障和就业支出", "80.00", "80.00", ""),
                    ("20805", "行政事业单位养老支出", "80.00", "80.00", ""),
                    ("2080505", "机关事业单位基本养老保险缴费支出", "80.00", "80.00", ""),
                    ("210", "卫生健康支出", "440.00", "290.00", "150.00"),
                    ("21001", "卫生健康管理事务", "250.00", "150.00", "100.00"),
                    ("2100101", "行政运行", "150.00", "150.00", ""),
                    ("2100102", "一般行政管理事务", "100.00", "", "100.00"),
                    ("21004", "公共卫生", "190.00", "140.00", "50.00"),
                    ("2100401", "疾病预防控制机构", "140.00", "140.00", ""),
                    ("2100409", "重大公共卫生服务", "50.00", "", "50.00")],
    "general_budget": [("合计", "500.00", "350.00", "150.00", 0),
                       ("社会保障和就业支出", "80.00", "80.00", "", 0),
                       ("行政事业单位养老支出", "80.00", "80.00", "", 1),
                       ("机关事业单位基本养老保险缴费支出", "80.00", "80.00", "", 2),
                       ("卫生健康支出", "420.00", "270.00", "150.00", 0),
                       ("卫生健康管理事务", "250.00", "150.00", "100.00", 1),
                       ("行政运行", "150.00", "150.00", "", 2),
                       ("一般行政管理事务", "100.00", "", "100.00", 2),
                       ("公共卫生", "170.00", "120.00", "50.00", 1),
                       ("疾病预防控制机构", "120.00", "120.00", "", 2),
                       ("重大公共卫生服务", "50.00", "", "50.00", 2)],
    "three_public": ("7.00", "", "6.00", "", "6.00", "1.00"),
}


# -- Word -------------------------------------------------------------------------


def _font(doc: Document) -> None:
    style = doc.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")


def _fill(table, rows: list[list[str]], top: int = 0) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:  # an empty value would blank a merged cell's origin
                table.cell(top + r, c).text = value


def _summary(doc: Document, rows: list[tuple[str, str, str, str]]) -> None:
    table = doc.add_table(rows=3 + len(rows), cols=5)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "序号"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "收入"
    table.cell(0, 3).merge(table.cell(0, 4)).text = "支出"
    _fill(table, [["", "项  目", "预算数", "项  目", "预算数"]], top=1)
    _fill(table, [["栏次", "1", "2", "3", "4"]], top=2)
    _fill(table, [[str(i + 1), *row] for i, row in enumerate(rows)], top=3)


def _expenditure(doc: Document, rows, *, split_codes: bool, indent_total: bool = False) -> None:
    """支出总表: 科目编码 merged over two header rows, optionally split over 类|款|项."""
    code_cols = 3 if split_codes else 1
    table = doc.add_table(rows=2 + len(rows), cols=code_cols + 4)
    table.style = "Table Grid"
    code = table.cell(0, 0).merge(table.cell(0, code_cols - 1)) if split_codes else table.cell(0, 0)
    code.text = "科目编码"
    if split_codes:
        _fill(table, [["类", "款", "项"]], top=1)
    else:
        table.cell(0, 0).merge(table.cell(1, 0))
    for k, label in enumerate(["科目名称", "合计", "基本支出", "项目支出"]):
        table.cell(0, code_cols + k).merge(table.cell(1, code_cols + k)).text = label
    for r, (c, name, total, basic, project) in enumerate(rows):
        parts = ([c[:3], c[3:5], c[5:7]] if split_codes else [c])
        _fill(table, [[*parts, name, total, basic, project]], top=2 + r)
    if indent_total:
        _grid_before(table.rows[2], 1)


def _grid_before(row, count: int) -> None:
    """Indent a row: drop its first cell and say so with gridBefore, as some exporters write."""
    tr = row._tr
    first = tr.findall(qn("w:tc"))[0]
    tr.remove(first)
    pr = tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), str(count))
    pr.insert(0, before)


def _three_public(doc: Document, figures: tuple[str, ...], *, wrapped: bool) -> None:
    holder = doc
    if wrapped:
        layout = doc.add_table(rows=1, cols=1)
        holder = layout.cell(0, 0)
        holder.paragraphs[0].text = ""
    table = holder.add_table(rows=3, cols=6)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "合计"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "因公出国（境）费"
    table.cell(0, 2).merge(table.cell(0, 4)).text = "公务用车购置及运行费"
    table.cell(0, 5).merge(table.cell(1, 5)).text = "公务接待费"
    _fill(table, [["", "", "小计", "公务用车购置费", "公务用车运行费", ""]], top=1)
    _fill(table, [list(figures)], top=2)
    if wrapped:
        # python-docx leaves the outer cell's paragraph first; the table must be its only content.
        cell = holder._tc
        for p in cell.findall(qn("w:p")):
            cell.remove(p)
        cell.append(OxmlElement("w:p"))


def _general_budget(doc: Document, rows) -> None:
    """Name-only rows indented by level, split into two printed tables (续表 with the header repeated)."""
    header = ["科目名称", "合计", "基本支出", "项目支出"]

    def part(chunk) -> None:
        table = doc.add_table(rows=1 + len(chunk), cols=4)
        table.style = "Table Grid"
        _fill(table, [header])
        for r, (name, total, basic, project, level) in enumerate(chunk):
            _fill(table, [["\u3000" * (2 * level) + name, total, basic, project]], top=1 + r)

    part(rows[:7])
    doc.add_paragraph("第 3 页")
    doc.add_paragraph("一般公共预算支出表（续表）")
    doc.add_paragraph("单位：万元")
    part(rows[7:])


def word_department(path: Path) -> None:
    doc = Document()
    _font(doc)
    doc.add_heading("临江区卫生健康局 2024 年部门预算", level=1)
    doc.add_heading("一、部门预算收支情况", level=2)
    doc.add_paragraph("2024 年收入总计 520.00 万元，其中一般公共预算拨款收入 500.00 万元，事业收入 20.00 万元。"
                      "支出总计 520.00 万元，比上年增加 12.00 万元。")
    doc.add_heading("二、“三公”经费预算情况", level=2)
    doc.add_paragraph("“三公”经费预算 7.00 万元，其中：公务用车运行费 6.00 万元，公务接待费 1.00 万元。")
    doc.add_paragraph("部门预算收支总表")
    doc.add_paragraph("部门名称：301-临江区卫生健康局")
    doc.add_paragraph("单位：万元")
    _summary(doc, DEPARTMENT["summary"])
    doc.add_paragraph("部门预算支出总表")
    doc.add_paragraph("单位：万元")
    _expenditure(doc, DEPARTMENT["expenditure"], split_codes=True)
    doc.add_paragraph("一般公共预算支出表")
    doc.add_paragraph("单位：万元")
    _general_budget(doc, DEPARTMENT["general_budget"])
    doc.add_paragraph("一般公共预算“三公”经费支出表")
    doc.add_paragraph("单位：万元")
    _three_public(doc, DEPARTMENT["three_public"], wrapped=False)
    for code, unit in UNITS.items():
        doc.add_page_break()
        doc.add_heading(f"{unit['name']} 2024 年单位预算", level=1)
        doc.add_paragraph("单位预算收支总表")
        doc.add_paragraph(f"单位名称：{code}-{unit['name']}")
        doc.add_paragraph("单位：万元")
        _summary(doc, unit["summary"])
        doc.add_paragraph("单位预算支出总表")
        doc.add_paragraph("单位：万元")
        _expenditure(doc, unit["expenditure"], split_codes=False, indent_total=code == "301002")
        doc.add_paragraph("单位预算一般公共预算“三公”经费支出表")
        doc.add_paragraph("单位：万元")
        _three_public(doc, unit["three_public"], wrapped=code == "301001")
    doc.save(path)


# -- Excel ------------------------------------------------------------------------


def excel_department(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def cell(ws, ref: str, value, *, bold: bool = False, number: bool = False) -> None:
        c = ws[ref]
        c.value = value
        c.border = box
        c.alignment = Alignment(horizontal="center" if not number else "right", vertical="center", wrap_text=True)
        if bold:
            c.font = Font(bold=True)
        if number:
            c.number_format = "#,##0.00"

    # 表1: the 收支总表, figures as numbers; the totals as formulas.
    ws = wb.active
    ws.title = "表1"
    ws.merge_cells("A1:D1")
    ws["A1"] = "部门预算收支总表"
    ws["A2"] = "部门名称：301-临江区卫生健康局"
    ws["D2"] = "单位：万元"
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:D3")
    cell(ws, "A3", "收入", bold=True)
    cell(ws, "C3", "支出", bold=True)
    for col, label in zip("ABCD", ["项目", "预算数", "项目", "预算数"]):
        cell(ws, f"{col}4", label, bold=True)
    rows = DEPARTMENT["summary"]
    for r, (a, b, c, d) in enumerate(rows, start=5):
        cell(ws, f"A{r}", a)
        cell(ws, f"C{r}", c)
        cell(ws, f"B{r}", float(b) if b else None, number=True)
        cell(ws, f"D{r}", float(d) if d else None, number=True)
    cell(ws, "B7", "=B5+B6", number=True)
    cell(ws, "D7", "=D5+D6", number=True)
    cell(ws, "B8", "=B7", number=True)
    cell(ws, "D8", "=D7", number=True)

    # 表2: the 支出总表, with a hidden working column and a hidden row, figures as text with separators.
    ws = wb.create_sheet("表2")
    ws.merge_cells("A1:E1")
    ws["A1"] = "部门预算支出总表"
    ws["A2"] = "单位：万元"
    for col, label in zip("ABCDEF", ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "校验"]):
        cell(ws, f"{col}3", label, bold=True)
    for r, (code, name, total, basic, project) in enumerate(DEPARTMENT["expenditure"], start=4):
        cell(ws, f"A{r}", code)
        cell(ws, f"B{r}", name, bold=len(code) == 3 or not code)
        for col, value in zip("CDE", (total, basic, project)):
            cell(ws, f"{col}{r}", f"{float(value):,.2f}" if value else None)
        cell(ws, f"F{r}", f"=C{r}-D{r}-E{r}" if total else None)
    ws.column_dimensions["F"].hidden = True
    hidden = 4 + len(DEPARTMENT["expenditure"])
    ws[f"A{hidden}"] = "999"
    ws[f"B{hidden}"] = "草稿行（隐藏）"
    ws[f"C{hidden}"] = 12345.0
    ws.row_dimensions[hidden].hidden = True

    # 三公: two tables stacked on one sheet (the department's and the first unit's).
    ws = wb.create_sheet("三公经费")
    top = 1
    for title, entity, figures in (("一般公共预算“三公”经费支出表", "部门名称：301-临江区卫生健康局",
                                    DEPARTMENT["three_public"]),
                                   ("单位预算一般公共预算“三公”经费支出表", "单位名称：301001-临江区卫生健康局本级",
                                    UNITS["301001"]["three_public"])):
        ws.merge_cells(f"A{top}:F{top}")
        ws[f"A{top}"] = title
        ws[f"A{top + 1}"] = entity
        ws[f"F{top + 1}"] = "单位：万元"
        h = top + 2
        for col in "ABF":
            ws.merge_cells(f"{col}{h}:{col}{h + 1}")
        ws.merge_cells(f"C{h}:E{h}")
        for col, label in zip("ABCF", ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"]):
            cell(ws, f"{col}{h}", label, bold=True)
        for col, label in zip("CDE", ["小计", "公务用车购置费", "公务用车运行费"]):
            cell(ws, f"{col}{h + 1}", label, bold=True)
        for col, value in zip("ABCDEF", figures):
            cell(ws, f"{col}{h + 2}", float(value) if value else None, number=True)
        top = h + 5
    wb.save(path)


def through_libreoffice(path: Path) -> None:
    """Open and save with LibreOffice so that formulas get cached values, as Excel would store them."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        sys.exit("LibreOffice is needed to store the formulas' values")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{folder}/p", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", folder, str(path)], check=True,
                       capture_output=True)
        shutil.copy(Path(folder) / path.name, path)




def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    word_department(OUT / "department_units.docx")
    excel_department(OUT / "department.xlsx")
    through_libreoffice(OUT / "department.xlsx")
    excel_department(OUT / "formulas_uncached.xlsx")  # as openpyxl writes it: formulas without values
    print("written:", ", ".join(p.name for p in sorted(OUT.iterdir())))


if __name__ == "__main__":
    main()
