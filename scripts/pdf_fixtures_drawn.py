"""The drawn PDF fixtures: their data (a department budget whose figures add up) and their pages.

Each readable fixture also gets ``<name>.figures.csv``: every figure a table
prints, with its page, table id, row key and measure, for the tests to find in
the facts.
"""

from __future__ import annotations

import csv
import subprocess
import tempfile
from pathlib import Path

from pdf_fixtures_draw import MARGIN, Sheet, Table, centred, draw_table, furniture, paragraph, unit_line
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

__all__ = ["build_all", "long_document"]

ENTITY = "临江区卫生健康局"


SUMMARY = Table(
    "summary", [150, 70, 150, 70],
    [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]],
    [["一、一般公共预算拨款收入", "500.00", "一、社会保障和就业支出", "80.00"],
     ["二、事业收入", "20.00", "二、卫生健康支出", "440.00"],
     ["本年收入合计", "520.00", "本年支出合计", "520.00"],
     ["收入总计", "520.00", "支出总计", "520.00"]],
    [None] * 4, [None, "amount", None, "amount"], spans=[(0, 0, 0, 1), (0, 2, 0, 3)])
SUMMARY_KEYS = [("item:income.general_budget", "fn:208"), ("item:income.business", "fn:210"),
                ("item:income.current_total", "item:expenditure.current_total"),
                ("item:income.grand_total", "item:expenditure.grand_total")]

EXPENDITURE_ROWS = [
    ("", "", "", "合计", "520.00", "370.00", "150.00", "item:total"),
    ("208", "", "", "社会保障和就业支出", "80.00", "80.00", "", "fn:208"),
    ("208", "05", "", "行政事业单位养老支出", "80.00", "80.00", "", "fn:20805"),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", "55.00", "55.00", "", "fn:2080505"),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", "25.00", "25.00", "", "fn:2080506"),
    ("210", "", "", "卫生健康支出", "440.00", "290.00", "150.00", "fn:210"),
    ("210", "01", "", "卫生健康管理事务", "250.00", "150.00", "100.00", "fn:21001"),
    ("210", "01", "01", "行政运行", "150.00", "150.00", "", "fn:2100101"),
    ("210", "01", "02", "一般行政管理事务", "100.00", "", "100.00", "fn:2100102"),
    ("210", "04", "", "公共卫生", "190.00", "140.00", "50.00", "fn:21004"),
    ("210", "04", "01", "疾病预防控制机构", "140.00", "140.00", "", "fn:2100401"),
    ("210", "04", "09", "重大公共卫生服务", "50.00", "", "50.00", "fn:2100409"),
]
EXPENDITURE = Table(
    "expenditure", [30, 30, 30, 130, 70, 70, 70],
    [["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"], ["类", "款", "项", "", "", "", ""]],
    [list(r[:7]) for r in EXPENDITURE_ROWS], [r[7] for r in EXPENDITURE_ROWS],
    [None, None, None, None, "total", "basic", "project"],
    spans=[(0, 0, 0, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 1, 5), (0, 6, 1, 6)])

GENERAL_ROWS = [
    ("", "合计", "500.00", "350.00", "300.00", "50.00", "150.00", "item:total"),
    ("208", "社会保障和就业支出", "80.00", "80.00", "80.00", "", "", "fn:208"),
    ("20805", "行政事业单位养老支出", "80.00", "80.00", "80.00", "", "", "fn:20805"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "55.00", "55.00", "55.00", "", "", "fn:2080505"),
    ("2080506", "机关事业单位职业年金缴费支出", "25.00", "25.00", "25.00", "", "", "fn:2080506"),
    ("210", "卫生健康支出", "420.00", "270.00", "220.00", "50.00", "150.00", "fn:210"),
    ("21001", "卫生健康管理事务", "250.00", "150.00", "120.00", "30.00", "100.00", "fn:21001"),
    ("2100101", "行政运行", "150.00", "150.00", "120.00", "30.00", "", "fn:2100101"),
    ("2100102", "一般行政管理事务", "100.00", "", "", "", "100.00", "fn:2100102"),
    ("21004", "公共卫生", "170.00", "120.00", "100.00", "20.00", "50.00", "fn:21004"),
    ("2100401", "疾病预防控制机构", "120.00", "120.00", "100.00", "20.00", "", "fn:2100401"),
    ("2100409", "重大公共卫生服务", "50.00", "", "", "", "50.00", "fn:2100409"),
]
GENERAL = Table(
    "general_budget_expenditure", [60, 150, 62, 62, 62, 62, 62],
    [["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"],
     ["", "", "", "小计", "人员经费", "公用经费", ""]],
    [list(r[:7]) for r in GENERAL_ROWS], [r[7] for r in GENERAL_ROWS],
    [None, None, "total", "basic", "personnel", "public_funds", "project"],
    spans=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 5), (0, 6, 1, 6)])

BASIC_ROWS = [
    ("", "合计", "350.00", "300.00", "50.00", "item:total"),
    ("301", "工资福利支出", "280.00", "280.00", "", "econ:301"),
    ("30101", "基本工资", "120.00", "120.00", "", "econ:30101"),
    ("30102", "津贴补贴", "60.00", "60.00", "", "econ:30102"),
    ("30107", "绩效工资", "50.00", "50.00", "", "econ:30107"),
    ("30108", "机关事业单位基本养老保险缴费", "35.00", "35.00", "", "econ:30108"),
    ("30113", "住房公积金", "15.00", "15.00", "", "econ:30113"),
    ("302", "商品和服务支出", "50.00", "", "50.00", "econ:302"),
    ("30201", "办公费", "12.50", "", "12.50", "econ:30201"),
    ("30211", "差旅费", "8.00", "", "8.00", "econ:30211"),
    ("30217", "公务接待费", "1.00", "", "1.00", "econ:30217"),
    ("30231", "公务用车运行维护费", "6.00", "", "6.00", "econ:30231"),
    ("30299", "其他商品和服务支出", "22.50", "", "22.50", "econ:30299"),
    ("303", "对个人和家庭的补助", "20.00", "20.00", "", "econ:303"),
    ("30302", "退休费", "20.00", "20.00", "", "econ:30302"),
]
BASIC = Table(
    "general_budget_basic", [70, 190, 70, 70, 70],
    [["经济分类科目", "", "一般公共预算基本支出", "", ""], ["科目编码", "科目名称", "合计", "人员经费", "公用经费"]],
    [list(r[:5]) for r in BASIC_ROWS], [r[5] for r in BASIC_ROWS],
    [None, None, "total", "personnel", "public_funds"],
    spans=[(0, 0, 0, 1), (0, 2, 0, 4)])

THREE_PUBLIC = Table(
    "three_public", [70, 75, 70, 75, 75, 70],
    [["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
     ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]],
    [["7.00", "", "6.00", "", "6.00", "1.00"]], ["item:total"],
    [None] * 6, spans=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 1, 5)])
THREE_PUBLIC_ITEMS = ["item:total", "item:outbound", "item:vehicles", "item:vehicle_purchase",
                      "item:vehicle_operation", "item:reception"]

FISCAL = Table(
    "fiscal_summary", [120, 55, 110, 55, 55, 55],
    [["收入", "", "支出", "", "", ""], ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"]],
    [["一、一般公共预算拨款", "500.00", "一、社会保障和就业支出", "80.00", "80.00", ""],
     ["二、政府性基金预算拨款", "", "二、卫生健康支出", "420.00", "420.00", ""],
     ["收入总计", "500.00", "支出总计", "500.00", "500.00", ""]],
    [None] * 3, [None] * 6, spans=[(0, 0, 0, 1), (0, 2, 0, 5)])

NARRATIVE = (
    "2024年，临江区卫生健康局收入总计520.00万元，其中一般公共预算拨款收入500.00万元，事业收入20.00万元；"
    "支出总计520.00万元，其中基本支出370.00万元，项目支出150.00万元。与上年相比，支出总计增加12.00万元，"
    "主要是公共卫生项目增加。一般公共预算拨款支出500.00万元，主要用于卫生健康管理事务和公共卫生。")
NARRATIVE_2 = (
    "“三公”经费预算7.00万元，其中：因公出国（境）费0万元，公务用车运行费6.00万元，公务接待费1.00万元。"
    "本部门机关运行经费预算45.00万元，主要用于办公费、差旅费、公务接待费等日常公用经费支出，"
    "比上年减少2.00万元，主要是压减一般性支出。")


def _summary_figures(sheet: Sheet, figures: list[dict]) -> None:
    for (left, right), row in zip(SUMMARY_KEYS, SUMMARY.data):
        for key, text in ((left, row[1]), (right, row[3])):
            if text:
                figures.append({"page": sheet.number, "table": "summary", "row": key, "measure": "amount",
                                "value": text})


def _three_public_figures(sheet: Sheet, figures: list[dict]) -> None:
    for key, text in zip(THREE_PUBLIC_ITEMS, THREE_PUBLIC.data[0]):
        if text:
            figures.append({"page": sheet.number, "table": "three_public", "row": key, "measure": "amount",
                            "value": text})


def _fiscal_figures(sheet: Sheet, figures: list[dict]) -> None:
    keys = [("item:income.general_budget", "fn:208"), ("item:income.gov_fund", "fn:210"),
            ("item:income.grand_total", "item:expenditure.grand_total")]
    for (left, right), row in zip(keys, FISCAL.data):
        if row[1]:
            figures.append({"page": sheet.number, "table": "fiscal_summary", "row": left, "measure": "amount",
                            "value": row[1]})
        for measure, text in zip(("total", "general_budget", "gov_fund"), row[3:]):
            if text:
                figures.append({"page": sheet.number, "table": "fiscal_summary", "row": right, "measure": measure,
                                "value": text})


def _write_figures(path: Path, figures: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["page", "table", "row", "measure", "value"], lineterminator="\n")
        w.writeheader()
        w.writerows(figures)


def _new_page(c: canvas.Canvas, size: tuple[float, float], number: int) -> Sheet:
    c.setPageSize(size)
    return Sheet(c, size[0], size[1], number)


def ruled_department(out: Path, *, encrypt=None, scan: Path | None = None) -> list[dict]:
    """A department budget: narrative over a page break, ruled tables with every quirk listed above."""
    figures: list[dict] = []
    c = canvas.Canvas(str(out), pagesize=A4, encrypt=encrypt, pageCompression=1, invariant=1)
    running = f"{ENTITY}2024年部门预算"
    # Page 1: title, narrative; the second paragraph runs over to page 2.
    s = _new_page(c, A4, 1)
    furniture(s, running)
    top = centred(s, 70, f"{ENTITY}2024年部门预算", 18, bold=True)
    s.text(MARGIN, top, "一、部门预算收支情况", 12, bold=True)
    top += 24
    top, _ = paragraph(s, top, NARRATIVE)
    s.text(MARGIN, top, "二、“三公”经费和机关运行经费预算情况", 12, bold=True)
    top = 700
    top, rest = paragraph(s, top, NARRATIVE_2, lines_on_page=2)
    # A white rule across the page and a rule beyond its edge: neither is a table border.
    s.hline(MARGIN, s.width - MARGIN, 650, gray=1.0)
    s.hline(-80, -10, 300)
    c.showPage()
    # Page 2: the rest of the paragraph, then two tables with titles, units and notes between them.
    s = _new_page(c, A4, 2)
    furniture(s, running)
    top, _ = paragraph(s, 56, rest, indent=False)
    top = centred(s, top + 10, "部门预算收支总表", 14, bold=True)
    top = unit_line(s, top, f"部门名称：{ENTITY}")
    top = draw_table(s, MARGIN, top, SUMMARY, list(range(4)), bold_rows={2, 3})
    _summary_figures(s, figures)
    top += 6
    s.text(MARGIN, top, "注：本表反映部门预算收支总体情况。", 9)
    top = centred(s, top + 30, "部门预算支出总表", 14, bold=True)
    top = unit_line(s, top, "")
    draw_table(s, MARGIN, top, EXPENDITURE, list(range(len(EXPENDITURE_ROWS))), bold_rows={0},
               spaced={(5, 4), (6, 5)}, figures=figures)
    c.showPage()
    # Pages 3-5: a table over a page break with its header repeated, then one without.
    s = _new_page(c, A4, 3)
    furniture(s, running)
    top = centred(s, 56, "一般公共预算支出表", 14, bold=True)
    top = unit_line(s, top, "")
    draw_table(s, MARGIN, top, GENERAL, list(range(8)), bold_rows={0}, figures=figures)
    c.showPage()
    s = _new_page(c, A4, 4)
    furniture(s, running)
    top = draw_table(s, MARGIN, 56, GENERAL, list(range(8, len(GENERAL_ROWS))), figures=figures)
    top = centred(s, top + 30, "一般公共预算基本支出表", 14, bold=True)
    top = unit_line(s, top, "")
    draw_table(s, MARGIN, top, BASIC, list(range(9)), bold_rows={0}, figures=figures)
    c.showPage()
    s = _new_page(c, A4, 5)
    furniture(s, running)
    basic_rest = Table(BASIC.table_id, BASIC.widths, [], BASIC.data, BASIC.keys, BASIC.measures)
    top = draw_table(s, MARGIN, 56, basic_rest, list(range(9, len(BASIC_ROWS))), figures=figures)
    s.text(MARGIN, top + 6, "注：本表反映一般公共预算基本支出按经济分类的情况。", 9)
    # Two more tables on the page, the 三公 table with its headers merged over two rows.
    top = centred(s, top + 40, "财政拨款收支总表", 14, bold=True)
    top = unit_line(s, top, "")
    top = draw_table(s, MARGIN, top, FISCAL, list(range(3)), bold_rows={2})
    _fiscal_figures(s, figures)
    top = centred(s, top + 30, "一般公共预算“三公”经费支出表", 14, bold=True)
    top = unit_line(s, top, "")
    top = draw_table(s, MARGIN, top, THREE_PUBLIC, [0])
    _three_public_figures(s, figures)
    s.text(MARGIN, top + 6, "注：本单位无因公出国（境）费和公务用车购置费预算。", 9)
    c.showPage()
    if scan is not None:
        # A page pasted in as a picture, as when a signed page is scanned into the file.
        c.drawImage(str(scan), 0, 0, A4[0], A4[1])
        c.showPage()
    c.save()
    return figures


UNIT = "临江区疾病预防控制中心"
INCOME_ROWS = [
    ("", "合计", "220.00", "200.00", "20.00", "item:total"),
    ("208", "社会保障和就业支出", "30.00", "30.00", "", "fn:208"),
    ("20805", "行政事业单位养老支出", "30.00", "30.00", "", "fn:20805"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "30.00", "30.00", "", "fn:2080505"),
    ("210", "卫生健康支出", "190.00", "170.00", "20.00", "fn:210"),
    ("21004", "公共卫生", "190.00", "170.00", "20.00", "fn:21004"),
    ("2100401", "疾病预防控制机构", "140.00", "120.00", "20.00", "fn:2100401"),
    ("2100409", "重大公共卫生服务", "50.00", "50.00", "", "fn:2100409"),
]
INCOME = Table(
    "income", [60, 160, 80, 90, 70],
    [["科目编码", "科目名称", "本年收入", "", ""], ["", "", "合计", "一般公共预算拨款", "事业收入"]],
    [list(r[:5]) for r in INCOME_ROWS], [r[5] for r in INCOME_ROWS],
    [None, None, "current_total", "general_budget", "business"], spans=[(0, 2, 0, 4)], size=10)
UNIT_EXP_ROWS = [
    ("", "合计", "220.00", "170.00", "50.00", "item:total"),
    ("208", "社会保障和就业支出", "30.00", "30.00", "", "fn:208"),
    ("210", "卫生健康支出", "190.00", "140.00", "50.00", "fn:210"),
]
UNIT_EXP = Table(
    "expenditure", [60, 160, 80, 80, 80], [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
    [list(r[:5]) for r in UNIT_EXP_ROWS], [r[5] for r in UNIT_EXP_ROWS],
    [None, None, "total", "basic", "project"], size=10)


def unruled_unit(out: Path) -> list[dict]:
    """A unit budget whose tables have no rules: columns only from the alignment of the text."""
    figures: list[dict] = []
    c = canvas.Canvas(str(out), pagesize=A4, pageCompression=1, invariant=1)
    s = _new_page(c, A4, 1)
    furniture(s)
    top = centred(s, 60, f"{UNIT}2024年单位预算", 16, bold=True)
    top, _ = paragraph(s, top, f"2024年{UNIT}收入总计220.00万元，支出总计220.00万元，其中基本支出170.00万元，"
                       "项目支出50.00万元。")
    top = centred(s, top + 10, "单位预算收入总表", 13)
    top = unit_line(s, top, f"单位名称：{UNIT}")
    top = draw_table(s, MARGIN, top, INCOME, list(range(len(INCOME_ROWS))), ruled=False, white_cells=False,
                     figures=figures)
    top = centred(s, top + 30, "单位预算支出总表", 13)
    top = unit_line(s, top, "")
    top = draw_table(s, MARGIN, top, UNIT_EXP, list(range(len(UNIT_EXP_ROWS))), rules="three", white_cells=False,
                     figures=figures)
    s.text(MARGIN, top + 8, "注：本表只有表头和表尾的横线，没有竖线。", 9)
    c.showPage()
    c.save()
    return figures


WIDE_ROWS = [
    ("", "", "", "合计", "520.00", "500.00", "20.00", "", "", "item:total"),
    ("208", "", "", "社会保障和就业支出", "80.00", "80.00", "", "", "", "fn:208"),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", "55.00", "55.00", "", "", "", "fn:2080505"),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", "25.00", "25.00", "", "", "", "fn:2080506"),
    ("210", "", "", "卫生健康支出", "440.00", "420.00", "20.00", "", "", "fn:210"),
    ("210", "01", "01", "行政运行", "150.00", "150.00", "", "", "", "fn:2100101"),
    ("210", "01", "02", "一般行政管理事务", "100.00", "100.00", "", "", "", "fn:2100102"),
    ("210", "04", "01", "疾病预防控制机构", "140.00", "120.00", "20.00", "", "", "fn:2100401"),
    ("210", "04", "09", "重大公共卫生服务", "50.00", "50.00", "", "", "", "fn:2100409"),
]
WIDE = Table(
    "income", [32, 32, 32, 190, 80, 90, 80, 90, 80],
    [["项目", "", "", "", "收入预算", "", "", "", ""],
     ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入",
      "其他收入"],
     ["类", "款", "项", "", "", "", "", "", ""]],
    [list(r[:9]) for r in WIDE_ROWS], [r[9] for r in WIDE_ROWS],
    [None, None, None, None, "total", "fiscal", "business", "operating", "other"],
    spans=[(0, 0, 0, 3), (0, 4, 0, 8), (1, 0, 1, 2), (1, 3, 2, 3), (1, 4, 2, 4), (1, 5, 2, 5), (1, 6, 2, 6),
           (1, 7, 2, 7), (1, 8, 2, 8)])


def landscape_pages(out: Path) -> list[dict]:
    """A wide table twice: on a page turned with /Rotate 90 and on a landscape page."""
    figures: list[dict] = []
    c = canvas.Canvas(str(out), pagesize=A4, pageCompression=1, invariant=1)
    wide = landscape(A4)
    # Page 1: a portrait page shown turned by 90 degrees; the drawing is turned the other way.
    # (reportlab takes the page size as shown and writes the media box turned back.)
    c.setPageSize(wide)
    c.setPageRotation(90)
    c.saveState()
    c.translate(A4[0], 0)
    c.rotate(90)
    s = Sheet(c, wide[0], wide[1], 1)
    # Inside the turned drawing, y runs from the top of the landscape view.
    s.height = wide[1]
    _wide_page(s, figures)
    c.restoreState()
    c.showPage()
    c.setPageRotation(0)
    s = _new_page(c, wide, 2)
    furniture(s)
    top = centred(s, 50, f"{ENTITY}2024年一般公共预算支出表", 14, bold=True)
    top = unit_line(s, top, f"编制部门：{ENTITY}", "单位：万元")
    draw_table(s, MARGIN, top, GENERAL, list(range(len(GENERAL_ROWS))), bold_rows={0}, figures=figures)
    c.showPage()
    c.save()
    return figures


def _wide_page(s: Sheet, figures: list[dict]) -> None:
    furniture(s)
    top = centred(s, 50, f"{ENTITY}2024年部门收入预算总表", 14, bold=True)
    top = unit_line(s, top, f"编制部门：{ENTITY}", "单位：万元")
    draw_table(s, MARGIN, top, WIDE, list(range(len(WIDE_ROWS))), bold_rows={0}, figures=figures)


def scanned(out: Path, source: Path) -> None:
    """Page 2 of ``source`` as a grey image only: no text layer; and the same page appended to
    the ruled department file (``partly_scanned.pdf`` beside ``out``)."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "2", "-l", "2", "-png", str(source),
                        f"{folder}/page"], check=True)
        png = next(Path(folder).glob("page*.png"))
        c = canvas.Canvas(str(out), pagesize=A4, pageCompression=1, invariant=1)
        c.drawImage(str(png), 0, 0, A4[0], A4[1])
        c.showPage()
        c.save()
        ruled_department(out.parent / "partly_scanned.pdf", scan=png)


def build_all(folder: Path) -> None:
    """Every drawn fixture, with its printed figures."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    folder.mkdir(parents=True, exist_ok=True)
    _write_figures(folder / "ruled_department.figures.csv", ruled_department(folder / "ruled_department.pdf"))
    _write_figures(folder / "unruled_unit.figures.csv", unruled_unit(folder / "unruled_unit.pdf"))
    _write_figures(folder / "landscape_rotated.figures.csv", landscape_pages(folder / "landscape_rotated.pdf"))
    ruled_department(folder / "encrypted.pdf", encrypt=StandardEncryption("secret", "owner", canPrint=1))
    data = (folder / "ruled_department.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) * 3 // 5])
    scanned(folder / "scanned.pdf", folder / "ruled_department.pdf")



def long_document(out: Path, pages: int = 200) -> None:
    """A long department file for the benchmark: one unit's ruled tables per five pages."""
    c = canvas.Canvas(str(out), pagesize=A4, pageCompression=1, invariant=1)
    number = 0
    unit = 0
    while number < pages:
        unit += 1
        name = f"{ENTITY}第{unit}分支机构"
        for k, (title, table, rows) in enumerate([
                ("单位预算收支总表", SUMMARY, list(range(4))),
                ("单位预算支出总表", EXPENDITURE, list(range(len(EXPENDITURE_ROWS)))),
                ("一般公共预算支出表", GENERAL, list(range(len(GENERAL_ROWS)))),
                ("一般公共预算基本支出表", BASIC, list(range(len(BASIC_ROWS)))),
                ("一般公共预算“三公”经费支出表", THREE_PUBLIC, [0])]):
            number += 1
            if number > pages:
                break
            s = _new_page(c, A4, number)
            furniture(s, f"{ENTITY}2024年部门预算")
            top = 56
            if k == 0:
                top, _ = paragraph(s, top, NARRATIVE)
            top = centred(s, top + 10, title, 14, bold=True)
            top = unit_line(s, top, f"单位名称：{301000 + unit}-{name}")
            draw_table(s, MARGIN, top, table, rows)
            c.showPage()
    c.save()
