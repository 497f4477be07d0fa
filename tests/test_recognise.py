"""The recogniser on hand-built grids: titles, headers, row keys, layouts and what it doubts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import grid_doc

from govbudget.errors import NotADisclosureError
from govbudget.grid import GridCell, GridRow, SourceDocument
from govbudget.model import Disclosure, Kind, Scope
from govbudget.provenance import Provenance
from govbudget.recognise import recognise
from govbudget.recognise.columns import classify_columns, header_paths
from govbudget.recognise.labels import normalise, split_code, strip_ordinal
from govbudget.recognise.meta import document_title, is_title_like, read_meta, table_id_of
from govbudget.recognise.rowkeys import expenditure_item, function_class, income_item, three_public_item

F = "t.txt"


def grid_rows(rows: list[list[str]], *, aligned: bool = True, table: int = 1) -> tuple[GridRow, ...]:
    return tuple(
        GridRow(
            tuple(GridCell(t, Provenance(F, table=table, row=r, column=c)) for c, t in enumerate(cells)),
            Provenance(F, table=table, row=r),
            aligned=aligned,
        )
        for r, cells in enumerate(rows)
    )


def doc(*blocks: str | list[list[str]], aligned: bool = True) -> SourceDocument:
    return grid_doc(*blocks, file=F, aligned=aligned)


def values(d: Disclosure, table: str, key: str, report: int = 0) -> dict[str, Decimal]:
    row = d.reports[report].table(table).row(key)
    assert row is not None, f"{table} has no row {key}"
    return {c.measure: c.value for c in row.cells if c.value is not None}


def codes(d: Disclosure, report: int = 0) -> set[str]:
    return {f.code for f in d.all_findings()}


# -- titles and lines around tables ------------------------------------------------


@pytest.mark.parametrize(
    "title, table_id",
    [
        ("收支总表", "summary"),
        ("部门收支预算总表", "summary"),
        ("[bookmark: _Toc]部门预算收支总表", "summary"),
        ("收入支出决算总表", "summary"),
        ("2026年预算单位财务收支预算总表", "summary"),
        ("部门收入总表", "income"),
        ("单位预算收入总表", "income"),
        ("收入决算表", "income"),
        ("部门预算支出总表", "expenditure"),
        ("支出决算表", "expenditure"),
        ("财政拨款收支总表", "fiscal_summary"),
        ("财政拨款收入支出决算总表", "fiscal_summary"),
        ("一般公共预算支出表", "general_budget_expenditure"),
        ("部门预算一般公共预算财政拨款支出表", "general_budget_expenditure"),
        ("一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        ("2026年预算单位一般公共预算支出功能分类预算表", "general_budget_expenditure"),
        ("一般公共预算基本支出表", "general_budget_basic"),
        ("一般公共预算财政拨款基本支出决算明细表", "general_budget_basic"),
        ("天津市蓟江区医疗保障事务中心一般公共预算财政拨款基本支出预算", "general_budget_basic"),
        ('一般公共预算"三公"经费支出表', "three_public"),
        ("部门预算财政拨款“三公”经费支出表", "three_public"),
        ("2026年单位“三公”经费和机关运行经费预算表", "three_public"),
        ("财政拨款支出预算表（功能科目）", "fiscal_expenditure"),
        ("财政拨款基本支出预算表（经济科目）", "fiscal_basic"),
        ("机关运行经费支出预算表", "admin_operating_cost"),
        ("政府性基金预算支出表", "gov_fund_expenditure"),
        ("部门预算政府基金预算财政拨款支出表", "gov_fund_expenditure"),
        ("国有资本经营预算财政拨款支出决算表", "state_capital_expenditure"),
        ("项目支出表", "project_expenditure"),
        ("政府采购预算表", "procurement"),
        ("部门政府采购预算", "procurement"),
        ("部门固定资产占用情况表", "assets"),
        ("部门决算公开相关信息统计表", "disclosure_stats"),
        ("公开07表", "gov_fund_expenditure"),
    ],
)
def test_titles_name_their_table(title: str, table_id: str) -> None:
    assert is_title_like(title)
    assert table_id_of(title) == table_id


@pytest.mark.parametrize("text", ["部门整体支出绩效目标申报表", "1、基金监管费绩效目标表", "目 录"])
def test_performance_and_contents_lines_are_not_annex_tables(text: str) -> None:
    assert table_id_of(text) is None


@pytest.mark.parametrize(
    "text",
    ["（三）财政拨款支出情况", "2023年度一般公共预算支出 54.07万元，比上年预算 76.82万元减少 22.75万元。"],
)
def test_sentences_are_not_titles(text: str) -> None:
    assert not is_title_like(text)


@pytest.mark.parametrize(
    "line, entity, code, unit, year",
    [
        ("部门/单位: 曾都区医疗保障信息中心", "曾都区医疗保障信息中心", None, None, None),
        ("部门名称：朔州市朔城区医疗保险服务中心", "朔州市朔城区医疗保险服务中心", None, None, None),
        ("编制单位：上海市普陀区人民政府石泉路街道办事处（本级） 单位：元",
         "上海市普陀区人民政府石泉路街道办事处(本级)", None, "元", None),
        ("450001丰润区医疗保障局本级", "丰润区医疗保障局本级", "450001", None, None),
        ("预算单位：201003-临江区医疗保障事务中心", "临江区医疗保障事务中心", "201003", None, None),
        ("金额单位：万元", None, None, "万元", None),
        ("预算年度：2023", None, None, None, 2023),
    ],
)
def test_lines_state_entity_unit_and_year(line: str, entity, code, unit, year) -> None:
    m = read_meta(line)
    assert (m.entity, m.entity_code, m.unit, m.year) == (entity, code, unit, year)


def test_document_titles_give_entity_year_and_kind() -> None:
    assert document_title("曾都区医疗保障信息中心 2023 年部门预算") == ("曾都区医疗保障信息中心", 2023, "department", "budget")
    assert document_title("# 重庆市綦江区医疗保障事务中心 2022 年部门预算情况说明")[:2] == ("重庆市綦江区医疗保障事务中心", 2022)
    assert document_title("上海市普陀区2026年区级单位预算") == (None, 2026, "unit", "budget")
    assert document_title("第二部分 江苏省高级人民法院2017年度部门预算表")[:2] == ("江苏省高级人民法院", 2017)


def test_a_public_table_label_on_a_budget_title_is_a_budget() -> None:
    assert read_meta("公开01表：收支预算总表").kind == "budget"
    assert read_meta("公开01表").kind == "final_accounts"
    assert read_meta("收入支出决算总表").kind == "final_accounts"


# -- labels and row keys -------------------------------------------------------


@pytest.mark.parametrize(
    "label, stripped",
    [
        ("八、社会保障和就业支出", "社会保障和就业支出"),
        ("廿一、其他支出", "其他支出"),
        ("二十、住房保障支出", "住房保障支出"),
        ("(一)一般公共预算拨款", "一般公共预算拨款"),
        ("（廿三） 其他支出", "其他支出"),
        ("其中：公务用车购置费", "公务用车购置费"),
        ("1、一般公共预算", "一般公共预算"),
        ("一般公共预算拨款", "一般公共预算拨款"),
    ],
)
def test_ordinals_are_not_part_of_the_label(label: str, stripped: str) -> None:
    assert strip_ordinal(label) == stripped


def test_wrapped_labels_compact_to_their_words() -> None:
    assert normalise("二、政府性基金预算 拨款收入") == "政府性基金预算拨款收入"
    assert normalise("收 入 总 计") == "收入总计"


@pytest.mark.parametrize(
    "label, key",
    [
        ("八、社会保障和就业支出", "fn:208"),
        ("十、卫生健康支出", "fn:210"),
        ("医疗卫生与计划生育支出", "fn:210"),
        ("(十九)粮油物资储备 支出", "fn:222"),
        ("廿一、其他支出", "fn:229"),
        ("本年支出合计", "item:expenditure.current_total"),
        ("年终结转结余", "item:expenditure.carryover"),
        ("年末财政拨款结转和结余", "item:expenditure.carryover"),
        ("支 出 总 计", "item:expenditure.grand_total"),
        ("结余分配", "item:expenditure.surplus_distribution"),
    ],
)
def test_expenditure_lines(label: str, key: str) -> None:
    assert expenditure_item(label) == key


@pytest.mark.parametrize(
    "label, item",
    [
        ("一、一般公共预算拨款收入", "general_budget"),
        ("二、政府性基金预算 拨款收入", "gov_fund"),
        ("三、国有资本经营预算财政拨款收入", "state_capital"),
        ("四、财政专户管理资金收入", "special_account"),
        ("五、事业收入", "business"),
        ("六、事业单位经营收入", "operating"),
        ("七、上级补助收入", "superior_grants"),
        ("八、附属单位上缴收入", "affiliate_remittance"),
        ("九、其他收入", "other"),
        ("本年收入合计", "current_total"),
        ("一、本年收入", "current_total"),
        ("上年结转结余", "carryover"),
        ("年初财政拨款结转和结余", "carryover"),
        ("使用非财政拨款结余和专用结余", "nonfiscal_balance_used"),
        ("收入总数", "grand_total"),
        ("一、财政拨款收入", "fiscal"),
    ],
)
def test_income_lines(label: str, item: str) -> None:
    assert income_item(label) == item


@pytest.mark.parametrize(
    "label, item",
    [
        ("合计", "total"),
        ('"三公"经费合计', "total"),
        ("“三公”经费小计", "three_public"),
        ("一、因公出国（境）费", "outbound"),
        ("其中：教学科研人员因公出国（境）费", "outbound.academic"),
        ("二、公务用车购置及运维费", "vehicles"),
        ("其中：公务用车购置费", "vehicle_purchase"),
        ("公务用车运行维护费", "vehicle_operation"),
        ("三、公务接待费", "reception"),
        ("四、会议费", "meetings"),
        ("五、培训费", "training"),
    ],
)
def test_three_public_items(label: str, item: str) -> None:
    assert three_public_item(label) == item


def test_codes_glued_to_names_are_split() -> None:
    assert split_code("2013802一般行政管理事务") == ("2013802", "一般行政管理事务")
    assert split_code("208 社会保障和就业支出") == ("208", "社会保障和就业支出")
    assert split_code("2022年预算数") == (None, "2022年预算数")
    assert function_class("文化体育与传媒支出") == "207"


# -- headers --------------------------------------------------------------------


def measures(rows: list[list[str]], table_id: str, kind: str = "budget") -> list[str | None]:
    g = grid_rows(rows)
    width = max(len(r) for r in rows)
    return [s.measure if s.role == "measure" else s.role for s in
            classify_columns(header_paths(list(g), width), table_id, kind)]


def test_income_header_with_a_group_over_its_sources() -> None:
    rows = [
        ["序号", "功能分类科目", "", "合计", "本年收入", "", "", "上年结转"],
        ["", "科目    编码", "科目名称", "", "小计", "财政拨款 收入", "事业收入", ""],
    ]
    assert measures(rows, "income") == [
        "serial", "code", "name", "total", "current_total", "fiscal", "business", "carryover"]


def test_basic_spending_group_over_personnel_and_public_funds() -> None:
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"],
        ["", "", "", "小计", "人员经费", "公用经费", ""],
    ]
    assert measures(rows, "general_budget_expenditure") == [
        "code", "name", "total", "basic", "personnel", "public_funds", "project"]


def test_garbled_income_header_is_read_approximately_with_carry_over_block() -> None:
    rows = [
        ["部门(单", "部门(单", "", "", "", "", "Ž", "本年中", "", "", "Ŀ", ":年结", "转结"],
        ["位)代 码", "位) 名称", "合计", "小计", "一般公共预算", "性基 金预", "国 资 经 预", "事业",
         "其他 收入", "小计", "一般 公共 预算", "", "资本 经营"],
    ]
    assert measures(rows, "income") == [
        "code", "name", "total", "current_total", "general_budget", "gov_fund", "state_capital", "business",
        "other", "carryover", "carryover_general_budget", "carryover_gov_fund", "carryover_state_capital"]


def test_fund_columns_under_a_carry_over_group() -> None:
    rows = [
        ["项目编码", "项目名称", "合计", "本年拨款", "", "上年结转", ""],
        ["", "", "", "一般公共预算", "政府性基金预算", "一般公共预算", "政府性基金预算"],
    ]
    assert measures(rows, "project_expenditure") == [
        "code", "name", "total", "general_budget", "gov_fund", "carryover_general_budget", "carryover_gov_fund"]


# -- whole tables ----------------------------------------------------------------

SUMMARY = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", "54. 07", "一、一般公共服务支 出", "0.00"],
    ["", "", "六、社会保障和就业 支出", "4. 82"],
    ["", "(八) 卫生健康支出", "49. 25"],
    ["本年收入合计", "54. 07", "本年支出合计", "54. 07"],
    ["收 入 总 计", "54.07", "支 出 总 计", "54. 07"],
]


def test_two_sided_table_with_ragged_rows() -> None:
    d = recognise(doc("某某中心 2023 年部门预算", "收支总表", "单位：万元", SUMMARY))
    assert values(d, "summary", "item:income.general_budget") == {"amount": Decimal("54.07")}
    assert values(d, "summary", "fn:201") == {"amount": Decimal("0.00")}
    assert values(d, "summary", "fn:208") == {"amount": Decimal("4.82")}
    assert values(d, "summary", "fn:210") == {"amount": Decimal("49.25")}
    assert values(d, "summary", "item:expenditure.grand_total") == {"amount": Decimal("54.07")}
    assert d.reports[0].table("summary").unit == "万元"


def test_fund_lines_after_a_carry_over_line_are_its_parts() -> None:
    rows = [
        ["项目", "金额", "项目", "合计", "一般公共预算财政拨款"],
        ["一、一般公共预算拨款", "100.00", "十、卫生健康支出", "110.00", "110.00"],
        ["年初财政拨款结转和结余", "10.00", "", "", ""],
        ["一、一般公共预算拨款", "10.00", "", "", ""],
        ["收入总计", "110.00", "支出总计", "110.00", "110.00"],
    ]
    d = recognise(doc("某某局 2023 年部门预算", "财政拨款收支总表", "单位：万元", rows))
    assert values(d, "fiscal_summary", "item:income.general_budget") == {"amount": Decimal("100.00")}
    assert values(d, "fiscal_summary", "item:income.carryover.general_budget") == {"amount": Decimal("10.00")}
    assert values(d, "fiscal_summary", "fn:210") == {"total": Decimal("110.00"), "general_budget": Decimal("110.00")}


def test_serial_and_column_number_rows_are_never_values() -> None:
    rows = [
        ["序号", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["栏次", "1", "2", "3", "4", "5"],
        ["1", "", "合计", "10.00", "6.00", "4.00"],
        ["2", "208", "社会保障和就业支出", "10.00", "6.00", "4.00"],
    ]
    d = recognise(doc("某某局 2023 年部门预算", "支出总表", "单位：万元", rows))
    table = d.reports[0].table("expenditure")
    assert [r.key for r in table.rows] == ["item:total", "fn:208"]
    assert values(d, "expenditure", "fn:208") == {"total": Decimal("10.00"), "basic": Decimal("6.00"),
                                                   "project": Decimal("4.00")}


def test_a_column_number_row_closes_the_header_even_before_whole_numbers() -> None:
    rows = [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["栏次", "1", "栏次", "2"],
        ["一、一般公共预算拨款收入", "5", "一、一般公共服务支出", "5"],
        ["收入总计", "5", "支出总计", "5"],
    ]
    d = recognise(doc("某某局 2023 年部门预算", "收支总表", "单位：元", rows))
    assert values(d, "summary", "item:income.general_budget") == {"amount": Decimal("5")}
    assert values(d, "summary", "fn:201") == {"amount": Decimal("5")}


def test_income_and_expenditure_item_headers_are_name_columns() -> None:
    rows = [
        ["收入项目", "预算数", "支出项目", "预算数"],
        ["一、一般公共预算拨款", "1,206.50", "一、文化旅游体育与传媒支出", "1,206.50"],
        ["收入总计", "1,206.50", "支出总计", "1,206.50"],
    ]
    d = recognise(doc("某某局 2024 年部门预算", "财政拨款收支总表", "单位：万元", rows))
    assert values(d, "fiscal_summary", "item:income.general_budget") == {"amount": Decimal("1206.50")}
    assert values(d, "fiscal_summary", "fn:207") == {"amount": Decimal("1206.50")}
    assert "column.fuzzy" not in codes(d)


def test_codes_split_over_class_item_columns_inherit_the_parts_left_blank() -> None:
    rows = [
        ["类", "款", "项", "科目名称", "合计"],
        ["208", "", "", "社会保障和就业支出", "10.00"],
        ["", "05", "", "行政事业单位养老支出", "10.00"],
        ["", "", "05", "机关事业单位基本养老保险缴费支出", "7.00"],
        ["", "", "06", "机关事业单位职业年金缴费支出", "3.00"],
    ]
    d = recognise(doc("某某局 2023 年部门预算", "一般公共预算支出表", "单位：万元", rows))
    keys = [r.key for r in d.reports[0].table("general_budget_expenditure").rows]
    assert keys == ["fn:208", "fn:20805", "fn:2080505", "fn:2080506"]


def test_wrapped_project_codes_are_joined() -> None:
    rows = [
        ["项目编码", "项目名称", "合计"],
        ["", "", "14.03"],
        ["032004", "曾都区医疗保 障信息中心", "14.03"],
        ["42130322032R0000 00161", "基本工资", "14.03"],
    ]
    d = recognise(doc("曾都区医疗保障信息中心 2023 年部门预算", "项目支出表", "单位：万元", rows))
    table = d.reports[0].table("project_expenditure")
    assert [r.key for r in table.rows] == ["item:total", "unit:032004", "proj:42130322032R000000161"]
    assert table.row("unit:032004").name == "曾都区医疗保障信息中心"
    assert d.reports[0].entity_code == "032004"


def test_three_public_printed_as_one_row_with_the_items_as_columns() -> None:
    rows = [
        ["2022年预算数", "", "", "", "", ""],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
        ["1.00", "", "", "", "0.40", "0.60"],
    ]
    d = recognise(doc("某某中心 2022 年部门预算", '一般公共预算"三公"经费支出表', "单位：万元", rows))
    assert values(d, "three_public", "item:total") == {"amount": Decimal("1.00")}
    assert values(d, "three_public", "item:vehicle_operation") == {"amount": Decimal("0.40")}
    assert values(d, "three_public", "item:reception") == {"amount": Decimal("0.60")}


def test_three_public_final_accounts_split_budget_and_actual() -> None:
    rows = [
        ["预算数", "", "决算数", ""],
        ["合计", "公务接待费", "合计", "公务接待费"],
        ["1.80", "1.80", "1.50", "1.50"],
    ]
    d = recognise(doc("某某中心", "2023年度单位决算公开", "财政拨款“三公”经费支出决算表", "公开09表",
                      "金额单位：万元", rows))
    assert d.reports[0].kind is Kind.FINAL_ACCOUNTS
    assert values(d, "three_public", "item:reception") == {"budget": Decimal("1.80"), "actual": Decimal("1.50")}


def test_side_by_side_blocks_of_economic_classes() -> None:
    rows = [
        ["人员经费", "", "", "公用经费", "", ""],
        ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"],
        ["301", "工资福利支出", "612.89", "302", "商品和服务支出", "15.73"],
        ["30101", "基本工资", "612.89", "30201", "办公费", "15.73"],
        ["人员经费合计", "", "612.89", "公用经费合计", "", "15.73"],
    ]
    d = recognise(doc("某某中心 2023 年度单位决算", "一般公共预算财政拨款基本支出决算明细表", "金额单位：万元", rows))
    assert values(d, "general_budget_basic", "econ:302") == {"total": Decimal("15.73")}
    assert values(d, "general_budget_basic", "econ:30101") == {"total": Decimal("612.89")}
    assert values(d, "general_budget_basic", "item:total") == {
        "personnel": Decimal("612.89"), "public_funds": Decimal("15.73")}


def test_a_table_interrupted_by_a_stray_line_is_one_table() -> None:
    head = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"]]
    tail = [["210", "卫生健康支出", "5.00"]]
    d = recognise(doc("某某局 2023 年部门预算", "支出总表", "单位：万元", head, "第 3 页", tail))
    (report,) = d.reports
    assert len(report.tables) == 1
    assert [r.key for r in report.tables[0].rows] == ["fn:208", "fn:210"]


def test_a_new_coded_entity_line_starts_a_new_report() -> None:
    table = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"]]
    d = recognise(doc(
        "部门预算支出总表", "部门名称：某某局", "单位：万元", table,
        "单位预算支出总表", [["450001某某局本级", "", "单位：万元"], *table],
        "单位预算支出总表", [["450002某某中心", "", "单位：万元"], *table],
    ))
    assert [r.entity for r in d.reports] == ["某某局", "某某局本级", "某某中心"]
    assert [r.entity_code for r in d.reports] == [None, "450001", "450002"]
    assert all(r.scope is Scope.UNIT for r in d.reports)


def test_doubts_become_findings() -> None:
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出"],
        ["208", "社会保障和就业支出", "10.00", "7 1.17"],
        ["208", "社会保障和就业支出", "12.00", ""],
        ["", "不是科目的行", "3.00", ""],
    ]
    d = recognise(doc("某某局 2023 年部门预算", "支出总表", "单位：万元", rows, "杂项表格", [["甲", "乙"], ["1.00", "2.00"]]))
    found = codes(d)
    assert {"cell.not_amount", "row.duplicate", "row.unrecognised", "table.unrecognised"} <= found
    # The first printing of a duplicated row is kept; the unreadable cell gives no figure.
    assert values(d, "expenditure", "fn:208") == {"total": Decimal("10.00")}


def test_a_title_with_another_entity_is_reported() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["30101", "基本工资", "1.00"]]
    d = recognise(doc("重庆市綦江区医疗保障事务中心 2022 年部门预算情况说明",
                      "天津市蓟江区医疗保障事务中心一般公共预算财政拨款基本支出预算", "单位：万元", rows))
    (finding,) = [f for f in d.all_findings() if f.code == "table.foreign_entity"]
    assert finding.actual == "天津市蓟江区医疗保障事务中心"
    assert finding.expected == "重庆市綦江区医疗保障事务中心"


def test_a_table_without_a_unit_takes_the_reports_and_says_so() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"]]
    d = recognise(doc("某某局 2023 年部门预算", "支出总表", rows, "一般公共预算支出表", "单位：万元", rows))
    assert [t.unit for t in d.reports[0].tables] == ["万元", "万元"]
    assert "unit.inferred" in codes(d)


def test_text_with_no_table_and_no_title_is_not_a_disclosure() -> None:
    with pytest.raises(NotADisclosureError, match="no annex table"):
        recognise(doc("今天天气很好。", "明天也很好。"))


def test_a_heading_naming_another_entity_gives_it_the_text_that_follows() -> None:
    table = [["项目", "预算数", "项目", "预算数"], ["一、一般公共预算拨款收入", "100.00", "一、一般公共服务支出", "100.00"],
             ["收入总计", "100.00", "支出总计", "100.00"]]
    said = "2024年收入总计{0}万元，支出总计{0}万元，比上年增加1.00万元，主要是人员经费增加。"
    d = recognise(doc(
        "某某局2024年部门预算", "一、收支总体情况", said.format("100.00"), "部门预算收支总表", "部门名称：某某局", "单位：万元", table,
        "某某中心2024年单位预算", "一、收支总体情况", said.format("40.00"), "单位预算收支总表", "单位名称：某某中心", "单位：万元",
        table,
    ))
    assert [r.entity for r in d.reports] == ["某某局", "某某中心"]
    stated = [{(r.key, r.value("amount")) for r in report.narrative} for report in d.reports]
    assert stated == [{("item:income.grand_total", Decimal("100.00")), ("item:expenditure.grand_total", Decimal("100.00"))},
                      {("item:income.grand_total", Decimal("40.00")), ("item:expenditure.grand_total", Decimal("40.00"))}]


def test_a_heading_repeating_the_entity_keeps_its_report() -> None:
    table = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"]]
    d = recognise(doc("某某局2024年部门预算", "支出总表", "单位：万元", table,
                      "第二部分某某局2024年部门预算表", "收入总表", "单位：万元", table))
    assert [r.entity for r in d.reports] == ["某某局"]


def test_lines_without_figures_after_a_repeated_header_continue_a_two_sided_table() -> None:
    header = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    first = [*header, ["一、一般公共预算拨款收入", "10.00", "八、社会保障和就业支出", "10.00"]]
    second = [*header, ["", "", "二十一、粮油物资储备支出", ""], ["", "", "二十九、债务发行费用支出", ""],
              ["收入总计", "10.00", "支出总计", "10.00"]]
    d = recognise(doc("某某局2024年部门预算", "部门预算收支总表", "单位：万元", first, second))
    (table,) = d.reports[0].tables
    assert [r.key for r in table.rows] == ["item:income.general_budget", "fn:208", "fn:222", "fn:233",
                                           "item:income.grand_total", "item:expenditure.grand_total"]
    assert "row.skipped" not in codes(d)


def test_a_report_printed_without_a_year_takes_the_files_and_says_so() -> None:
    table = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"]]
    d = recognise(doc("部门预算支出总表", "部门名称：某某局", "预算年度：2024", "单位：万元", table,
                      "单位预算支出总表", "单位名称：450002-某某中心", "单位：万元", table))
    assert [r.year for r in d.reports] == [2024, 2024]
    (note,) = [f for f in d.all_findings() if f.code == "report.year_inferred"]
    assert note.entity == "某某中心" and "2024" in note.message


def test_a_continued_piece_whose_rows_hold_only_whole_numbers_is_read() -> None:
    # A PDF page break inside 公开10表: the rows on the next page hold a 行次 and a count only.
    head = [["一、政府采购情况", "", ""], ["项目", "行次", "统计数"], ["合计", "1", "3.50"], ["服务", "4", "3.50"],
            ["三、国有资产占用情况", "", ""], ["(一)车辆数合计(辆)", "7", "2"], ["1.副部(省)级及以上领导用车", "8", ""]]
    rest = [["2.主要负责人用车", "9", "1"], ["8.其他用车", "15", "1"]]
    d = recognise(doc("朔州市某中心2023年度部门决算", "部门决算公开相关信息统计表", "金额单位：万元", head, rest))
    assert values(d, "disclosure_stats", "item:vehicles.other") == {"count": Decimal("1")}
    assert values(d, "disclosure_stats", "item:vehicles.principal") == {"count": Decimal("1")}
    assert "row.skipped" not in codes(d)


def test_code_part_labels_printed_in_the_total_line_head_the_code_columns() -> None:
    # 收入决算表 as some final accounts print it: 类 | 款 | 项 share the line of 合计.
    rows = [
        ["项目", "", "", "", "本年收入合计", "财政拨款收入", "其他收入"],
        ["支出功能分类科目编码", "", "", "科目名称", "", "", ""],
        ["类", "款", "项", "合计", "2,946.25", "2,940.05", "6.20"],
        ["201", "", "", "一般公共服务支出", "2,112.86", "2,106.66", "6.20"],
        ["201", "06", "", "财政事务", "2,112.86", "2,106.66", "6.20"],
        ["201", "06", "01", "行政运行", "1,511.90", "1,511.89", "0.01"],
    ]
    d = recognise(doc("上海市普陀区财政局2024年度部门决算", "收入决算表", "单位：万元", rows))
    assert values(d, "income", "fn:2010601") == {
        "current_total": Decimal("1511.90"), "fiscal": Decimal("1511.89"), "other": Decimal("0.01")}
    assert values(d, "income", "fn:20106")["fiscal"] == Decimal("2106.66")
    assert values(d, "income", "item:total")["current_total"] == Decimal("2946.25")


def test_a_code_part_printed_without_its_leading_zero_is_padded() -> None:
    rows = [["类", "款", "经济分类科目名称", "合计"], ["301", "", "工资福利支出", "10.00"],
            ["301", "2", "津贴补贴", "6.00"], ["301", "07", "绩效工资", "4.00"]]
    d = recognise(doc("某街道办事处2024年部门预算", "一般公共预算基本支出表", "单位：元", rows))
    assert values(d, "general_budget_basic", "econ:30102") == {"total": Decimal("6.00")}
    assert values(d, "general_budget_basic", "econ:30107") == {"total": Decimal("4.00")}
