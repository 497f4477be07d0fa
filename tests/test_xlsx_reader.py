"""The Excel reader: sheets into captions and tables as printed, figures as shown, doubts as findings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES
from openpyxl import Workbook

import govbudget
from govbudget.errors import InputError, NotADisclosureError
from govbudget.grid import GridTable, Paragraph
from govbudget.readers import xlsx as xlsx_reader

OFFICE = FIXTURES / "office"


def save(tmp_path: Path, wb: Workbook, name: str = "t.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def read(tmp_path: Path, wb: Workbook):
    return xlsx_reader.read(save(tmp_path, wb))


def tables(doc) -> list[GridTable]:
    return [b for b in doc.blocks if isinstance(b, GridTable)]


def lines(doc) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def texts(table: GridTable) -> list[list[str]]:
    return [row.texts for row in table.rows]


def sheet(*rows: list, title: str = "Sheet") -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    return wb


# -- tables on a sheet ------------------------------------------------------------------


def test_tables_stacked_on_a_sheet_split_at_blank_rows_and_title_rows(tmp_path: Path) -> None:
    wb = sheet(["部门预算支出总表"], ["单位名称：301001-本级", None, "单位：万元"],
               ["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", 1.5],
               [None],
               ["单位预算收入总表"], ["科目编码", "科目名称", "合计"], ["210", "卫生健康支出", 2.0],
               ["一般公共预算“三公”经费支出表（续表）"], ["合计", "公务接待费"], [1, 1])
    doc = read(tmp_path, wb)
    assert lines(doc) == ["部门预算支出总表", "单位名称：301001-本级", "单位：万元", "单位预算收入总表",
                          "一般公共预算“三公”经费支出表（续表）"]
    assert [texts(t) for t in tables(doc)] == [
        [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "1.5"]],
        [["科目编码", "科目名称", "合计"], ["210", "卫生健康支出", "2"]],
        [["合计", "公务接待费"], ["1", "1"]]]
    assert [t.provenance.table for t in tables(doc)] == [1, 2, 3]


def test_a_lone_cell_starts_a_table_only_above_a_row_of_several(tmp_path: Path) -> None:
    wb = sheet(["本单位2024年部门预算公开"], [None],
               ["一、政府采购情况"], ["项目", "行次", "统计数"], ["合计", 1, 3.5],
               ["二、机关运行经费"], ["行政单位", 5, 1])
    doc = read(tmp_path, wb)
    assert lines(doc) == ["本单位2024年部门预算公开"]
    (t,) = tables(doc)
    assert [row[0] for row in texts(t)] == ["一、政府采购情况", "项目", "合计", "二、机关运行经费", "行政单位"]


def test_a_table_is_cut_to_the_columns_it_uses(tmp_path: Path) -> None:
    wb = sheet(["a", "b", None, None], [1, 2, None, None], [None], [None, None, "c", "d"], [None, None, 3, 4])
    first, second = tables(read(tmp_path, wb))
    assert texts(first) == [["a", "b"], ["1", "2"]]
    assert texts(second) == [["c", "d"], ["3", "4"]]
    assert second.rows[0].cells[0].provenance.column == 2


def _side_by_side(gap: int = 1) -> Workbook:
    """收入总表 in columns A-C and 支出总表 to its right, past ``gap`` empty columns, each with its title and unit."""
    pad = [None] * gap
    return sheet(["部门收入总表", None, None, *pad, "部门支出总表", None, None],
                 ["单位：万元", None, None, *pad, "单位：万元", None, None],
                 ["项目", "合计", "一般公共预算拨款收入", *pad, "科目编码", "科目名称", "合计"],
                 ["合计", 12.5, 12.5, *pad, "208", "社会保障和就业支出", 10],
                 ["其他", 0, 0, *pad, "210", "卫生健康支出", 2.5],
                 title="表1")


@pytest.mark.parametrize("gap", [1, 2])
def test_tables_side_by_side_are_read_left_then_right_each_under_its_title(tmp_path: Path, gap: int) -> None:
    doc = read(tmp_path, _side_by_side(gap))
    left, right = tables(doc)
    assert texts(left)[0] == ["项目", "合计", "一般公共预算拨款收入"]
    assert texts(right)[1] == ["208", "社会保障和就业支出", "10"]
    assert right.rows[0].cells[0].provenance.column == 3 + gap
    assert [b.text if isinstance(b, Paragraph) else "table" for b in doc.blocks] == [
        "表1", "部门收入总表", "单位：万元", "table", "部门支出总表", "单位：万元", "table"]


def test_tables_side_by_side_are_two_tables_in_the_model(tmp_path: Path) -> None:
    (report,) = govbudget.read(save(tmp_path, _side_by_side())).reports
    assert [t.id for t in report.tables] == ["income", "expenditure"]
    assert report.table("expenditure").row("fn:210").value("total") == Decimal("2.5")


def test_blocks_of_one_table_side_by_side_stay_one_table(tmp_path: Path) -> None:
    # 公开06表 prints code | name | amount blocks side by side; a spacer column between them parts no table.
    wb = sheet(["一般公共预算财政拨款基本支出决算表"], ["单位：万元"],
               ["科目编码", "科目名称", "决算数", None, "科目编码", "科目名称", "决算数"],
               ["30101", "基本工资", 5.5, None, "30201", "办公费", 1.25],
               ["30102", "津贴补贴", 2.25, None, "30205", "水费", 0.5])
    (table,) = tables(read(tmp_path, wb))
    assert texts(table)[1] == ["30101", "基本工资", "5.5", "", "30201", "办公费", "1.25"]


def test_an_empty_column_inside_one_table_does_not_split_it(tmp_path: Path) -> None:
    # Names on the left of a blank spacer column, figures on its right: one table (the right side has no labels).
    wb = sheet(["科目编码", "科目名称", None, "合计", "基本支出"],
               ["208", "社会保障和就业支出", None, 10, 10],
               ["210", "卫生健康支出", None, 2.5, 2.5])
    (table,) = tables(read(tmp_path, wb))
    assert texts(table)[0] == ["科目编码", "科目名称", "", "合计", "基本支出"]


def test_merged_header_cells_point_at_their_origin_in_sheet_coordinates(tmp_path: Path) -> None:
    wb = sheet(["收支总表"], ["收入", None, "支出", None], ["项目", "预算数", "项目", "预算数"],
               ["一、一般公共预算拨款收入", 3659.22, "一、一般公共服务支出", None])
    wb.active.merge_cells("A2:B2")
    wb.active.merge_cells("C2:D2")
    (t,) = tables(read(tmp_path, wb))
    header = t.rows[0]
    assert header.texts == ["收入", "", "支出", ""]
    assert [c.merged_from for c in header.cells] == [None, (1, 0), None, (1, 2)]
    assert header.cells[1].provenance.describe() == "t.xlsx sheet Sheet table 1 row 2 col 2"


def test_every_cell_keeps_file_sheet_table_row_and_column(tmp_path: Path) -> None:
    wb = sheet(["表1"], ["项目", "金额"], ["合计", 7], title="表1")
    wb.create_sheet("表2").append(["项目", "金额"])
    wb["表2"].append(["合计", 8])
    doc = read(tmp_path, wb)
    cell = tables(doc)[1].rows[1].cells[1]
    p = cell.provenance
    assert (p.file, p.sheet, p.table, p.row, p.column) == ("t.xlsx", "表2", 2, 1, 1)
    assert cell.text == "8"


def test_sheet_names_are_lines_unless_a_default_name(tmp_path: Path) -> None:
    wb = sheet(["合计", 1], title="Sheet1")
    wb.create_sheet("公开01表").append(["合计", 2])
    wb.create_sheet("一般公共预算支出表").append(["合计", 3])
    doc = read(tmp_path, wb)
    assert lines(doc) == ["公开01表", "一般公共预算支出表"]


# -- figures as shown -------------------------------------------------------------------


def test_numbers_text_dates_and_booleans_read_as_printed(tmp_path: Path) -> None:
    wb = sheet(["项目", "数", "文本", "日期", "真"], ["合计", 1234.5, "1,234.50", dt.date(2024, 1, 15), True])
    ws = wb.active
    ws["B2"].number_format = "#,##0.00"
    (t,) = tables(read(tmp_path, wb))
    assert texts(t)[1] == ["合计", "1234.50", "1,234.50", "2024-01-15", "TRUE"]


def test_a_figure_stored_with_more_places_than_shown_is_read_as_shown_and_reported(tmp_path: Path) -> None:
    wb = sheet(["项目", "金额"], ["公务接待费", 6.796], ["公务用车运行费", 18.5])
    for r in (2, 3):
        wb.active[f"B{r}"].number_format = "0.00"
    doc = read(tmp_path, wb)
    assert texts(tables(doc)[0])[1:] == [["公务接待费", "6.80"], ["公务用车运行费", "18.50"]]
    (f,) = doc.findings
    assert (f.code, f.severity.value, f.actual) == ("cell.rounded", "warning", "B2")


def test_a_formula_without_a_stored_value_is_an_error_never_a_zero(tmp_path: Path) -> None:
    wb = sheet(["项目", "金额"], ["一般公共预算拨款收入", 3659.22], ["本年收入合计", "=B2"], title="表1")
    doc = read(tmp_path, wb)
    assert texts(tables(doc)[0])[2] == ["本年收入合计", ""]
    (f,) = doc.findings
    assert (f.code, f.severity.value, f.actual) == ("cell.formula_uncached", "error", "B3")
    assert "sheet '表1' (B3)" in f.message
    assert (f.provenance[0].sheet, f.provenance[0].row, f.provenance[0].column) == ("表1", 2, 1)


def test_a_stored_formula_value_is_read() -> None:
    d = govbudget.read(OFFICE / "department.xlsx")  # saved by LibreOffice: its formulas carry values
    summary = d.reports[0].table("summary")
    assert summary.row("item:income.current_total").value("amount") == Decimal("4114.72")
    assert summary.row("item:income.grand_total").value("amount") == Decimal("4159.72")
    assert d.reports[0].table("expenditure").row("item:total").value("total") == Decimal("4159.72")
    assert not [f for f in govbudget.validate(d) if f.code == "cell.formula_uncached"]


def test_an_error_value_is_an_error_and_a_blank(tmp_path: Path) -> None:
    wb = sheet(["项目", "金额"], ["办公费", "#DIV/0!"])
    doc = read(tmp_path, wb)
    assert texts(tables(doc)[0])[1] == ["办公费", ""]
    assert [(f.code, f.severity.value, f.actual) for f in doc.findings] == [("cell.error_value", "error", "B2")]


# -- what is not printed --------------------------------------------------------------


def test_hidden_rows_and_columns_are_not_read_and_their_figures_reported(tmp_path: Path) -> None:
    wb = sheet(["项目", "金额", "校验"], ["合计", 7, 0], ["草稿", 9.5, None], ["备注", "无", None])
    ws = wb.active
    ws.column_dimensions["C"].hidden = True
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True  # text only: nothing to report
    doc = read(tmp_path, wb)
    assert texts(tables(doc)[0]) == [["项目", "金额"], ["合计", "7"]]
    assert [(f.code, f.actual) for f in doc.findings] == [("sheet.unprinted_row", "B3"),
                                                          ("sheet.unprinted_column", "C2")]


def test_figures_outside_the_print_area_are_not_read(tmp_path: Path) -> None:
    wb = sheet(["项目", "金额", None, "测算"], ["合计", 7, None, 99.5])
    wb.active.print_area = "A1:B2"
    doc = read(tmp_path, wb)
    assert texts(tables(doc)[0]) == [["项目", "金额"], ["合计", "7"]]
    assert [(f.code, f.actual) for f in doc.findings] == [("sheet.unprinted_area", "D2")]


def test_hidden_sheets_are_not_read_and_reported(tmp_path: Path) -> None:
    wb = sheet(["项目", "金额"], ["合计", 7])
    draft = wb.create_sheet("底稿")
    draft.append(["测算", 9.5])
    draft.sheet_state = "hidden"
    notes = wb.create_sheet("说明")
    notes.append(["仅文字"])
    notes.sheet_state = "veryHidden"
    doc = read(tmp_path, wb)
    assert len(tables(doc)) == 1
    assert [(f.code, f.severity.value, f.provenance[0].sheet) for f in doc.findings] == [
        ("sheet.hidden", "warning", "底稿"), ("sheet.hidden", "info", "说明")]


# -- errors ---------------------------------------------------------------------------


def test_a_workbook_without_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"t\.xlsx: the workbook has no text in any visible sheet"):
        read(tmp_path, sheet(title="表1"))


def test_a_workbook_with_no_budget_table_is_not_a_disclosure(tmp_path: Path) -> None:
    path = save(tmp_path, sheet(["购物清单"], ["苹果", 3], ["梨", 2]), "list.xlsx")
    with pytest.raises(NotADisclosureError, match=r"list\.xlsx: no annex table and no disclosure title"):
        govbudget.read(path)


# -- the fixtures ----------------------------------------------------------------------


def test_the_budget_workbook_reads_every_table_of_every_report() -> None:
    d = govbudget.read(OFFICE / "department.xlsx")
    assert [(r.entity_code, r.year, len(r.tables)) for r in d.reports] == [
        ("301", 2024, 8), ("301001", 2024, 8), ("301002", 2024, 8)]
    cdc = d.reports[2]
    assert cdc.table("summary").row("item:income.grand_total").value("amount") == Decimal("2467.02")
    assert cdc.table("gov_fund_expenditure").row("fn:2120803").value("project") == Decimal("300.00")
    # The sheet's name is the only title of this table.
    assert d.reports[0].table("general_budget_expenditure").title == "部门预算一般公共预算支出表"
    income = d.reports[0].table("income").row("item:total")  # figures typed as text: 4,159.72
    assert (income.cell("total").text, income.value("total")) == ("4,159.72", Decimal("4159.72"))


def test_number_formats_end_to_end() -> None:
    d = govbudget.read(OFFICE / "number_formats.xlsx")
    three = d.reports[0].table("three_public")
    assert [(r.key, r.cell("amount").text) for r in three.rows] == [
        ("item:total", "25.30"), ("item:outbound", "0.00"), ("item:vehicles", "18.50"),
        ("item:vehicle_purchase", "0.00"), ("item:vehicle_operation", "18.50"), ("item:reception", "6.80")]
    basic = d.reports[0].table("general_budget_basic")
    assert basic.unit == "千元"
    assert basic.row("econ:30101").cell("total").text == "700.4"  # 700400 元 shown in 千元
    assert basic.row("econ:30299") is not None and basic.row("econ:30299").value("total") is None
    codes = sorted({f.code for f in govbudget.validate(d) if f.code.startswith(("cell.", "sheet."))})
    assert codes == ["cell.error_value", "cell.rounded", "sheet.unprinted_area"]


def test_a_sheet_name_can_be_the_only_title(tmp_path: Path) -> None:
    rows = [["科目代码", "科目名称", "小计", "基本支出", "项目支出"], ["210", "卫生健康支出", 5, 3, 2]]
    wb = sheet(["部门名称：某某中心", "2023年度", None, None, "金额单位：元"], *rows, title="公开05表")
    budget = wb.create_sheet("部门预算支出总表")
    budget.append(["单位：万元"])
    for row in rows:
        budget.append(row)
    d = govbudget.read(save(tmp_path, wb))
    assert [(t.id, t.title) for t in d.reports[0].tables] == [
        ("general_budget_expenditure", "公开05表"), ("expenditure", "部门预算支出总表")]


def test_a_blank_row_inside_a_table_does_not_cut_it_in_the_model(tmp_path: Path) -> None:
    wb = sheet(["部门预算收支总表"], ["部门名称：某某局", None, "预算年度：2024", "单位：万元"],
               ["项目", "预算数", "项目", "预算数"], ["一、一般公共预算拨款收入", 10, "八、社会保障和就业支出", 10],
               [None], ["收入总计", 10, "支出总计", 10])
    for r in (4, 6):
        for c in "BD":
            wb.active[f"{c}{r}"].number_format = "0.00"
    path = save(tmp_path, wb)
    assert len(tables(xlsx_reader.read(path))) == 2  # printed as two blocks …
    (table,) = govbudget.read(path).reports[0].tables  # … one table in the model
    assert [r.key for r in table.rows] == ["item:income.general_budget", "fn:208", "item:income.grand_total",
                                           "item:expenditure.grand_total"]


def test_a_stray_cell_far_away_does_not_make_the_sheet_huge(tmp_path: Path) -> None:
    wb = sheet(["项目", "金额"], ["合计", 7])
    wb.active["XFD1048576"].number_format = "0.00"  # stored, empty, at the sheet's last position
    doc = read(tmp_path, wb)
    assert texts(tables(doc)[0]) == [["项目", "金额"], ["合计", "7"]]
