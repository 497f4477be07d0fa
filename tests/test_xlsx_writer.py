"""The XLSX writer: the annex-table layout, round trips through our own reader, safety, determinism.

Golden sheet dumps live in ``tests/golden_xlsx/``; rewrite them after a deliberate
change with ``GOVBUDGET_REGEN_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from conftest import FIXTURES, input_fixtures, program, read_fixture, seed
from hypothesis import HealthCheck, given, settings
from strategies import disclosures

import govbudget
from govbudget import cli
from govbudget.model import Cell, Column, Disclosure, Kind, Provenance, Report, Row, Scope, Table
from govbudget.writers.facts import facts_csv
from govbudget.writers.xlsx import DEFAULT_TIMESTAMP, sheet_names, to_xlsx

GOLDEN = Path(__file__).resolve().parent / "golden_xlsx"
REGEN = os.environ.get("GOVBUDGET_REGEN_GOLDEN") == "1"
CASES = input_fixtures()
KEY = ("entity", "kind", "year", "table", "row", "measure")


def facts_by_key(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[tuple[str, ...], dict[str, str]]:
    """``govbudget facts PATH`` as CSV, by fact key."""
    assert cli.main(["facts", str(path)]) == 0
    out, _ = capsys.readouterr()
    return by_key(out)


def by_key(csv_text: str) -> dict[tuple[str, ...], dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    got = {tuple(r[k] for k in KEY): r for r in rows}
    assert len(got) == len(rows), "a fact key twice"
    return got


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every fixture converted once with ``govbudget convert X -o X.xlsx``."""
    folder = tmp_path_factory.mktemp("xlsx")
    out = {}
    for path in CASES:
        target = folder / f"{path.name}.xlsx"
        assert cli.main(["convert", str(path), "-o", str(target)]) == 0
        out[path.name] = target
    return out


# -- round trips -----------------------------------------------------------------------------
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_fixture_reads_back_to_the_same_facts(path: Path, workbooks: dict[str, Path],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # The source's facts as `govbudget facts` prints them, from the one reading of it the tests share.
    want = by_key(facts_csv(read_fixture(path).facts()).decode("utf-8"))
    got = facts_by_key(workbooks[path.name], capsys)
    assert want, "a fixture without facts proves nothing"
    assert got.keys() == want.keys()
    for key, fact in want.items():
        other = got[key]
        assert (other["yuan"], other["value"], other["unit"], other["entity_code"], other["scope"]) == (
            fact["yuan"], fact["value"], fact["unit"], fact["entity_code"], fact["scope"]), key


OTHER_INPUTS = [FIXTURES / "json" / "003_schema_1.0.json"]


@pytest.mark.parametrize("path", OTHER_INPUTS, ids=lambda p: p.name)
def test_our_json_input_reads_back_to_the_same_facts(path: Path, tmp_path: Path) -> None:
    d = govbudget.read(path)
    back = govbudget.read(govbudget.write(d, tmp_path / "x.xlsx"))
    key = lambda f: (f.entity, f.kind, f.year, f.table, f.row, f.measure)  # noqa: E731
    want = {key(f): (f.value, f.unit, f.yuan, f.entity_code, f.scope) for f in d.facts()}
    assert want and {key(f): (f.value, f.unit, f.yuan, f.entity_code, f.scope) for f in back.facts()} == want


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_table_reads_back_present_under_its_id(path: Path, workbooks: dict[str, Path]) -> None:
    before, after = read_fixture(path), govbudget.read(workbooks[path.name])
    assert [(r.entity, r.kind, r.year) for r in after.reports] == [(r.entity, r.kind, r.year) for r in before.reports]
    for a, b in zip(before.reports, after.reports):
        assert sorted((t.id, t.empty, t.unit) for t in b.tables) == sorted((t.id, t.empty, t.unit) for t in a.tables)
        assert [(r.key, r.name, r.unit, [(c.measure, c.value) for c in r.cells]) for r in b.narrative] == [
            (r.key, r.name, r.unit, [(c.measure, c.value) for c in r.cells]) for r in a.narrative]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_reading_our_own_workbook_doubts_only_what_the_source_left_unread(path: Path,
                                                                        workbooks: dict[str, Path]) -> None:
    """Only lines the source printed outside the vocabulary stay doubtful (``item:…`` keys)."""
    source = {(f.code, f.table, f.row) for f in read_fixture(path).all_findings()}
    again = [f for f in govbudget.read(workbooks[path.name]).all_findings()]
    assert all(f.code == "row.unrecognised" for f in again)
    assert {(f.code, f.table, f.row) for f in again} <= source


# -- layout ------------------------------------------------------------------------------------
def load(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def cells(ws) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_one_sheet_per_table_in_the_standard_order_with_standard_titles(workbooks: dict[str, Path]) -> None:
    wb = load(workbooks[seed("004").name])
    assert wb.sheetnames == [
        "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
        "财政拨款“三公”经费支出决算表", "部门决算公开相关信息统计表", "情况说明中的数字",
    ]
    first = cells(wb["收入支出决算总表"])
    assert first[0][0] == "收入支出决算总表"
    assert first[1][0] == "公开01表"
    assert first[2][0] == "2023年度单位决算"
    assert first[3][0] == "单位名称：060002-朔州市朔城区医疗保险服务中心" and first[3][-1] == "金额单位：万元"


def test_a_budget_department_with_units_gets_a_group_of_sheets_per_entity(workbooks: dict[str, Path]) -> None:
    wb = load(workbooks[seed("001").name])
    groups = [name.split(".", 1) for name in wb.sheetnames]
    assert [g for g, _ in groups].count("1") == 12 and [g for g, _ in groups].count("3") == 12
    assert groups[:9] == [["1", "收支总表"], ["1", "收入总表"], ["1", "支出总表"], ["1", "财政拨款收支总表"],
                          ["1", "一般公共预算支出表"], ["1", "一般公共预算基本支出表"], ["1", "“三公”经费支出表"],
                          ["1", "政府性基金预算支出表"], ["1", "国有资本经营预算支出表"]]
    assert groups[9:12] == [["1", "政府采购预算表"], ["1", "固定资产占用情况表"], ["1", "情况说明中的数字"]]
    assert cells(wb["1.收支总表"])[0][0] == "部门收支总表"
    assert cells(wb["2.收支总表"])[0][0] == "单位收支总表"
    assert cells(wb["2.收支总表"])[1][0] == "2023年度单位预算"
    assert cells(wb["2.收支总表"])[2][0] == "单位名称：450001-丰润区医疗保障局本级"
    assert cells(wb["2.支出总表"])[1] == ["单位名称：450001-丰润区医疗保障局本级", None, "2023年度单位预算", None,
                                      "单位：万元"]


def test_expenditure_header_groups_codes_under_function_classes(workbooks: dict[str, Path]) -> None:
    ws = load(workbooks[seed("001").name])["1.支出总表"]
    rows = cells(ws)
    assert rows[2] == ["功能分类科目", None, "合计", "基本支出", "项目支出"]
    assert rows[3] == ["科目编码", "科目名称", None, None, None]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A3:B3", "C3:C4", "D3:D4", "E3:E4"} <= merged
    assert rows[4] == [None, "合计", 17257.23, 913.37, 16343.86]
    assert rows[5] == ["208", "社会保障和就业支出", 129.3, 122.3, 7]
    assert ws["B6"].font.b and not ws["B7"].font.b  # class lines bold
    assert ws["B7"].alignment.indent == 1 and ws["B8"].alignment.indent == 2  # 款 and 项 indented
    assert ws["A6"].data_type == "s" and ws["A6"].value == "208"  # codes are text


def test_income_header_groups_funds_under_this_years_income(workbooks: dict[str, Path]) -> None:
    rows = cells(load(workbooks[seed("000").name])["收入总表"])
    assert rows[2][:6] == ["单位编码", "单位名称", "合计", "本年收入", None, None]
    assert rows[3][3:5] == ["小计", "一般公共预算"]
    assert rows[3][rows[2].index("上年结转"):] == ["小计", "一般公共预算", "政府性基金预算", "国有资本经营预算",
                                                 "财政专户管理资金", "单位资金"]


def test_basic_expenditure_groups_personnel_and_public_funds(workbooks: dict[str, Path]) -> None:
    ws = load(workbooks["031_shpt_shiquanlu_jiedao_2026_dwys.txt"])["一般公共预算基本支出表"]
    rows = cells(ws)
    assert rows[2] == ["经济分类科目", None, "合计", "人员经费", "公用经费"]
    ws = load(workbooks["031_shpt_shiquanlu_jiedao_2026_dwys.txt"])["收支总表"]
    rows = cells(ws)
    assert rows[2] == ["收入", None, "支出", None, None, None, None, None]
    assert rows[3] == ["项目", "预算数", "项目", "合计", "基本支出", None, None, "项目支出"]
    assert rows[4][4:7] == ["小计", "人员经费", "公用经费"]


def test_two_sided_tables_put_income_left_and_expenditure_right_totals_level(workbooks: dict[str, Path]) -> None:
    rows = cells(load(workbooks[seed("001").name])["1.收支总表"])
    body = [r for r in rows[5:] if any(v is not None for v in r)]
    assert body[0] == ["一、一般公共预算拨款收入", 17147.23, "一、一般公共服务支出", None]
    assert body[-1] == ["收入总计", 17257.23, "支出总计", 17257.23]
    assert ["本年收入合计", 17147.23, "本年支出合计", 17257.23] in body
    assert all(r[0] is None or not str(r[0]).endswith("支出") for r in body)


def test_final_accounts_tables_print_a_column_number_row(workbooks: dict[str, Path]) -> None:
    rows = cells(load(workbooks[seed("004").name])["支出决算表"])
    marker = next(r for r in rows if r[0] == "栏次")
    assert [v for v in marker[2:] if v] == ["1", "2", "3"]


def test_amounts_are_numbers_at_their_printed_precision_and_blanks_stay_blank(workbooks: dict[str, Path]) -> None:
    ws = load(workbooks[seed("001").name])["1.收支总表"]
    assert ws["A6"].value == "一、一般公共预算拨款收入" and ws["C6"].value == "一、一般公共服务支出"
    assert ws["B6"].value == 17147.23 and ws["B6"].number_format == "#,##0.00"
    assert ws["D6"].value is None  # 一般公共服务支出 printed blank: no 0
    yuan = load(workbooks["yuan_budget.md"])["收支总表"]
    assert yuan["B5"].value == 5000000 and yuan["B5"].number_format == "#,##0"
    assert yuan["B8"].value is None and yuan["A8"].value == "二、事业收入"
    empty = [c for r in load(workbooks[seed("004").name]).worksheets for row in r.iter_rows() for c in row
             if c.value == 0 and c.data_type == "n"]
    assert all(c.number_format.startswith("#,##0") for c in empty)  # printed 0.00 stays a figure


def test_figures_are_stored_as_exact_decimal_text(tmp_path: Path) -> None:
    d = small_disclosure(values=(Decimal("9.95"), Decimal("0.10"), Decimal("12345678901234567.89")))
    with zipfile.ZipFile(io.BytesIO(to_xlsx(d))) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>9.95</v>" in sheet and "<v>0.10</v>" in sheet  # not 9.949999999999999
    assert "12345678901234567.89" in sheet  # too long for a double: kept as text, every digit


def test_an_empty_table_is_written_with_its_header_and_a_no_data_line(workbooks: dict[str, Path]) -> None:
    rows = cells(load(workbooks[seed("001").name])["1.政府性基金预算支出表"])
    assert rows[3][:2] == ["科目编码", "科目名称"]
    assert rows[4] == [None] * 5  # a blank line, then the note: no rows
    assert rows[-1][0] == "注：本表无数据。"
    again = govbudget.read(workbooks[seed("001").name])
    assert again.reports[0].table("gov_fund_expenditure").empty


def test_sheets_freeze_their_headers_and_print_fitted_to_the_page(workbooks: dict[str, Path]) -> None:
    ws = load(workbooks[seed("000").name])["收入总表"]
    assert ws.freeze_panes == "C5"  # below the header, right of code and name
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$4"
    wb = load(workbooks[seed("001").name])
    assert wb["1.收支总表"].page_setup.orientation == "portrait"
    assert wb["1.收支总表"].freeze_panes == "B6"
    assert wb["1.收入总表"].column_dimensions["B"].width >= 38  # 财政对城乡居民基本医疗保险基金的补助 fits


def test_stated_figures_get_a_sheet_of_their_own(workbooks: dict[str, Path]) -> None:
    rows = cells(load(workbooks[seed("002").name])["情况说明中的数字"])
    first = govbudget.read(seed("002")).reports[0].narrative[0]
    assert rows[3] == ["代码", "名称", "金额", "单位"]
    assert rows[4] == [first.key, first.name, float(first.cells[0].value), first.unit]
    assert rows[4] == ["item:fiscal_income", "财政拨款收入", 429.75, "万元"]


# -- lines keyed by where they stand, and the scope -------------------------------------------------
def one_report(*tables: Table, scope: Scope = Scope.DEPARTMENT, code: str | None = None) -> Disclosure:
    report = Report("江苏省示例法院", code, scope, Kind.BUDGET, 2017, "万元", tables)
    return Disclosure("x.pdf", "pdf", (report,))


def lines(key_names: list[tuple[str, str, str | None]]) -> tuple[Row, ...]:
    p = Provenance("x.pdf")
    return tuple(Row(k, n, (Cell("amount", v, Decimal(v), p),) if v else (), p) for k, n, v in key_names)


def read_back(d: Disclosure, tmp_path: Path) -> tuple[Disclosure, openpyxl.Workbook]:
    path = tmp_path / "x.xlsx"
    path.write_bytes(to_xlsx(d))
    return govbudget.read(path), load(path)


def same_facts(a: Disclosure, b: Disclosure) -> None:
    key = lambda f: (f.entity, f.kind, f.year, f.table, f.row, f.measure)  # noqa: E731
    want = {key(f): (f.value, f.unit, f.yuan, f.entity_code, f.scope) for f in a.facts()}
    assert want and {key(f): (f.value, f.unit, f.yuan, f.entity_code, f.scope) for f in b.facts()} == want


def test_an_income_table_of_fund_sources_prints_groups_and_their_lines(tmp_path: Path) -> None:
    p = Provenance("x.pdf")
    rows = lines([("item:income.grand_total", "收入总计", "28849.38"),
                  ("item:income.general_budget", "一般公共预算资金小计", "28849.38"),
                  ("item:income.general_budget.appropriation", "公共财政拨款(补助)资金", "28849.38"),
                  ("item:income.general_budget.earmarked", "专项收入", None),
                  ("item:income.gov_fund", "政府性基金小计", None),
                  ("item:income.other", "小计", "10.00"),  # a name that says nothing of its fund
                  ("item:income.other.debt", "贷款", "10.00"),  # nor of its part
                  ("item:income.carryover", "上年结转和结余资金小计", None),
                  ("item:income.carryover.used", "其中：动用上年结转和结余资金", None)])
    d = one_report(Table("income", "收入预算总表", "万元", (Column("amount", "金额"),), rows, p))
    back, wb = read_back(d, tmp_path)
    got = cells(wb["收入总表"])
    assert got[3][:2] == ["项目名称", None] and "A4:B4" in {str(r) for r in wb["收入总表"].merged_cells.ranges}
    assert [r[:3] for r in got[4:]] == [
        ["收入总计", None, 28849.38], ["一般公共预算资金", "小计", 28849.38], [None, "公共财政拨款(补助)资金", 28849.38],
        [None, "专项收入", None], ["政府性基金", "小计", None], ["其他资金", "小计", 10], [None, "债务资金(银行贷款)", 10],
        ["上年结转和结余资金", "小计", None], [None, "其中：动用上年结转和结余资金", None]]
    assert [r.key for r in back.reports[0].table("income").rows] == [r.key for r in rows]
    same_facts(d, back)
    assert not list(back.all_findings())


def test_a_procurement_tree_prints_each_part_of_a_path_where_it_changes(tmp_path: Path) -> None:
    p = Provenance("x.pdf")
    rows = lines([("item:total", "合计", "1000.00"), ("item:procurement_goods", "货物", "100.00"),
                  ("item:A/审判专项业务费/办公设备购置", "审判专项业务费/办公设备购置", "60.00"),
                  ("item:A/审判专项业务费/办公设备购置/其他办公设备/分散自行组织", "其他办公设备/分散自行组织", "60.00"),
                  ("item:A/审判专项业务费/印刷费", "审判专项业务费/印刷费", "40.00"),
                  ("item:A/审判专项业务费/印刷费/印刷品/分散自行组织", "印刷品/分散自行组织", "40.00"),
                  ("item:procurement_services", "三、服务C", "900.00"),
                  ("item:C/案件审判经费/维修（护）费", "案件审判经费/维修（护）费", "900.00"),
                  ("item:C/案件审判经费/维修（护）费/租赁服务（不带操作员）/政府集中采购",
                   "租赁服务（不带操作员）/政府集中采购", "900.00")])
    d = one_report(Table("procurement", "政府采购预算表", "万元", (Column("amount", "总计"),), rows, p))
    back, wb = read_back(d, tmp_path)
    got = cells(wb["政府采购预算表"])
    assert got[2][:5] == ["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式"]
    assert [r[:5] for r in got[3:]] == [
        ["合计", None, None, None, None], ["货物", None, None, None, None],
        [None, "审判专项业务费", "办公设备购置", None, None], [None, None, None, "其他办公设备", "分散自行组织"],
        [None, None, "印刷费", None, None], [None, None, None, "印刷品", "分散自行组织"],
        ["三、服务C", None, None, None, None], [None, "案件审判经费", "维修（护）费", None, None],
        [None, None, None, "租赁服务（不带操作员）", "政府集中采购"]]
    assert [r.key for r in back.reports[0].table("procurement").rows] == [r.key for r in rows]  # （护） kept
    same_facts(d, back)
    assert not list(back.all_findings())


def test_income_parts_print_as_qizhong_lines_under_their_line(tmp_path: Path) -> None:
    p = Provenance("x.pdf")
    rows = lines([("item:income.fiscal", "一、财政拨款收入", "100.00"),
                  ("item:income.fiscal.gov_fund", "政府性基金", "10.00"),
                  ("item:income.other", "二、其他收入", "5.00"), ("item:income.other.donation", "其中：捐赠收入", "1.00"),
                  ("fn:204", "公共安全支出", "105.00"), ("item:income.grand_total", "收入总计", "105.00"),
                  ("item:expenditure.grand_total", "支出总计", "105.00")])
    d = one_report(Table("summary", "收支总表", "万元", (Column("amount", "金额"),), rows, p))
    back, wb = read_back(d, tmp_path)
    assert [r[0] for r in cells(wb["收支总表"])[5:9]] == [
        "一、财政拨款收入", "其中：政府性基金预算拨款收入", "二、其他收入", "其中：捐赠收入"]
    same_facts(d, back)
    assert not list(back.all_findings())


@pytest.mark.parametrize("code", [None, "305000", "301"])
def test_a_department_alone_reads_back_as_a_department(code: str | None, tmp_path: Path) -> None:
    p = Provenance("x.pdf")
    d = one_report(Table("expenditure", "支出总表", "万元", (Column("total", "合计"),),
                         lines([("fn:204", "公共安全支出", "1.00")]), p), code=code)
    back, wb = read_back(d, tmp_path)
    assert cells(wb["支出总表"])[2][0] == "编制部门：" + (f"{code}-" if code else "") + "江苏省示例法院"
    assert back.reports[0].scope is Scope.DEPARTMENT and back.reports[0].entity_code == code
    assert not list(back.all_findings())  # no report.scope_inferred: the workbook states it
    unit = attrs.evolve(d, reports=(attrs.evolve(d.reports[0], scope=Scope.UNIT),))
    again, wb = read_back(unit, tmp_path)
    assert cells(wb["支出总表"])[2][0].startswith("单位名称：") and again.reports[0].scope is Scope.UNIT


# -- safety ------------------------------------------------------------------------------------
def small_disclosure(names: tuple[str, ...] = ("一般公共服务支出",), entity: str = "示例区民政局",
                     values: tuple[Decimal | None, ...] = (Decimal("1.50"),)) -> Disclosure:
    p = Provenance("x.txt")
    rows = tuple(Row(f"fn:{201 + i}", names[i % len(names)], (Cell("total", "", v, p),), p)
                 for i, v in enumerate(values))
    table = Table("expenditure", "支出总表", "万元", (Column("total", "合计"),), rows, p)
    report = Report(entity, None, Scope.UNIT, Kind.BUDGET, 2024, "万元", (table,),
                    narrative=(Row("item:basic", names[0], (Cell("amount", "1.50", Decimal("1.50"), p),), p, "万元"),))
    return Disclosure("x.txt", "text", (report,))


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\")"])
def test_text_that_looks_like_a_formula_is_written_as_text(text: str, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(to_xlsx(small_disclosure(names=(text,), entity=text)))
    wb = load(path)
    found = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None
             and str(c.value).endswith(text)]
    assert len(found) >= 3  # an entity line, a row name, a stated figure's name
    assert all(c.data_type == "s" for c in found)
    assert all(c.quotePrefix for c in found if c.value == text)  # Excel keeps them text when edited too
    with zipfile.ZipFile(path) as z:
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets"))


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(disclosures)
def test_any_model_gives_a_workbook_that_opens(d: Disclosure) -> None:
    data = to_xlsx(d)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in wb.sheetnames)


# -- determinism and atomic writing --------------------------------------------------------------
def test_the_same_model_gives_the_same_bytes(workbooks: dict[str, Path]) -> None:
    first = govbudget.read(seed("001"))
    again = govbudget.read(seed("001"))
    assert to_xlsx(first) == to_xlsx(again) == workbooks[seed("001").name].read_bytes()
    wb = load(workbooks[seed("001").name])
    assert wb.properties.created == wb.properties.modified == DEFAULT_TIMESTAMP
    with zipfile.ZipFile(workbooks[seed("001").name]) as z:
        assert {i.date_time for i in z.infolist()} == {DEFAULT_TIMESTAMP.timetuple()[:6]}


def test_write_goes_through_the_atomic_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import govbudget.api as api

    written = []
    monkeypatch.setattr(api, "atomic_write", lambda p, data: written.append((p, data)) or p)
    govbudget.write(govbudget.read(seed("004")), tmp_path / "x.xlsx")
    ((path, data),) = written
    assert path == tmp_path / "x.xlsx" and data[:2] == b"PK"
    assert not list(tmp_path.iterdir())


# -- sheet names and splitting -------------------------------------------------------------------
def test_sheet_names_are_valid_unique_and_short() -> None:
    names = sheet_names([(None, "a/b:c"), (None, "A/B:C"), (1, "x" * 40), (1, "x" * 40), (None, "[]"), (2, "'q'")])
    assert names == ["abc", "ABC(2)", "1." + "x" * 29, "1." + "x" * 26 + "(2)", "表", "2.q"]


def test_split_writes_one_workbook_per_entity_with_predictable_names(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["convert", str(seed("001")), "-o", str(tmp_path / "out.xlsx"), "--split"])
    out, _ = capsys.readouterr()
    names = ["out-1-450.xlsx", "out-2-450001.xlsx", "out-3-450002.xlsx"]
    assert code == 0 and out.splitlines() == [str(tmp_path / n) for n in names]
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    whole = {tuple(r[k] for k in KEY): r["yuan"] for r in facts_rows(seed("001"), capsys)}
    parts = {}
    for n in names:
        d = govbudget.read(tmp_path / n)
        assert len(d.reports) == 1
        parts.update({tuple(r[k] for k in KEY): r["yuan"] for r in facts_rows(tmp_path / n, capsys)})
    assert parts == whole


def test_split_refuses_to_overwrite_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "x-1-032004.xlsx"
    govbudget.write(govbudget.read(seed("000")), source)
    before = source.read_bytes()
    assert cli.main(["convert", str(source), "-o", str(tmp_path / "x.xlsx"), "--split"]) == 2
    assert "overwrite the input" in capsys.readouterr().err
    assert source.read_bytes() == before and len(list(tmp_path.iterdir())) == 1


def test_split_through_the_api_returns_the_files(tmp_path: Path) -> None:
    paths = govbudget.write(govbudget.read(seed("000")), tmp_path / "x.xlsx", split=True)
    assert paths == [tmp_path / "x-1-032004.xlsx"]
    assert govbudget.read(paths[0]).reports[0].entity_code == "032004"


def facts_rows(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert cli.main(["facts", str(path)]) == 0
    out, _ = capsys.readouterr()
    return list(csv.DictReader(io.StringIO(out)))


# -- LibreOffice -----------------------------------------------------------------------------
def test_the_workbook_opens_in_libreoffice(workbooks: dict[str, Path], tmp_path: Path) -> None:
    soffice = program("soffice")
    source = workbooks[seed("004").name]
    done = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=240)
    pdf = tmp_path / (source.stem + ".pdf")
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    pdftoppm = program("pdftoppm")
    subprocess.run([pdftoppm, "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    (png,) = tmp_path.glob("page*.png")
    assert png.stat().st_size > 1000


# -- golden sheet dumps ------------------------------------------------------------------------
def dump(path: Path) -> str:
    """Every sheet as text: names, merged ranges, print set-up, then each row's cells."""
    wb = load(path)
    lines = []
    for ws in wb.worksheets:
        setup = ws.page_setup
        lines.append(f"## {ws.title}  freeze={ws.freeze_panes} {setup.orientation} titles={ws.print_title_rows}")
        lines.append("merged " + " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
        for row in ws.iter_rows():
            shown = []
            for c in row:
                if c.value is None:
                    shown.append("")
                    continue
                text = f"{c.value}|{c.number_format}" if c.data_type == "n" else str(c.value)
                shown.append(("*" if c.font.b else "") + text)
            lines.append("\t".join(shown).rstrip("\t"))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", [seed("004").name, "yuan_budget.md", "pipe_budget.md"])
def test_workbook_matches_golden(name: str, workbooks: dict[str, Path]) -> None:
    golden = GOLDEN / f"{name}.sheets.txt"
    got = dump(workbooks[name])
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with GOVBUDGET_REGEN_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")


def test_every_golden_sheet_dump_belongs_to_a_case() -> None:
    assert {p.name for p in GOLDEN.iterdir()} == {
        f"{n}.sheets.txt" for n in (seed("004").name, "yuan_budget.md", "pipe_budget.md")}


# -- round trips of generated models -------------------------------------------------------------
from xlsx_models import expressible_disclosures  # noqa: E402


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(expressible_disclosures())
def test_generated_models_read_back_to_the_same_facts(d: Disclosure) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.xlsx"
        path.write_bytes(to_xlsx(d))
        back = govbudget.read(path)
    key = lambda f: (f.entity, f.kind, f.year, f.table, f.row, f.measure)  # noqa: E731
    want = {key(f): (f.value, f.unit, f.yuan, f.entity_code, f.scope) for f in d.facts()}
    got = {key(f): (f.value, f.unit, f.yuan, f.entity_code, f.scope) for f in back.facts()}
    differ = sorted({k for k in want.keys() | got.keys() if want.get(k) != got.get(k)})
    assert not differ, [(k, want.get(k), got.get(k)) for k in differ[:4]]
    assert len(back.reports) == len(d.reports)
    for a, b in zip(d.reports, back.reports):
        assert sorted((t.id, t.empty, t.unit) for t in b.tables) == sorted((t.id, t.empty, t.unit) for t in a.tables)
