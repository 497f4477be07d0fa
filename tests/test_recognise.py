"""The recogniser on hand-built grids: titles, lines around tables, labels, row keys and headers."""

from __future__ import annotations

import pytest
from recognise_grids import grid_rows

from govbudget.recognise.columns import classify_columns, header_paths
from govbudget.recognise.labels import normalise, split_code, strip_ordinal
from govbudget.recognise.meta import document_title, is_title_like, read_meta, table_id_of
from govbudget.recognise.rowkeys import expenditure_item, function_class, income_item, three_public_item

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
    # The year first, as a cover line: the whole line, so that a table title is not taken for it.
    assert document_title("2017年度江苏省高级人民法院部门预算公开") == ("江苏省高级人民法院", 2017, "department", "budget")
    assert document_title("2017年度江苏省高级人民法院部门收支预算总表") == (None, None, None, None)
    # A part label in front (a contents line) is not part of the name.
    assert document_title("第二部分中共上海市普陀区委社会工作部2024年度部门决算表一、收入支出决算总表") == (
        "中共上海市普陀区委社会工作部", 2024, "department", "final_accounts")
    assert document_title("第二部分 江苏省高级人民法院 2017 年部门预算")[0] == "江苏省高级人民法院"
    assert document_title("第二部分 江苏省高级人民法院2017年度部门预算表")[:2] == ("江苏省高级人民法院", 2017)


@pytest.mark.parametrize(
    "title, kind",
    [
        ("公开01表：收支预算总表", "budget"),  # a budget numbered like the final accounts
        ("公开07表：一般公共预算支出预算表", "budget"),
        ("公开05表 一般公共预算财政拨款支出表", "final_accounts"),  # 预算 of a fund name says nothing
        ("公开01表", "final_accounts"),
        ("一般公共预算支出表", "budget"),
    ],
)
def test_the_words_of_a_title_decide_its_kind_before_its_label(title: str, kind: str) -> None:
    assert read_meta(title).kind == kind


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


def test_the_total_lines_label_on_the_headers_last_line_is_no_column() -> None:
    # 合计 (the total line's label) printed on the line of 合计 | 基本支出 | 项目支出 under 本年支出.
    rows = [
        ["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
        ["功能分类科目编码", "科目名称", "", "", "", "", "", ""],
        ["合计", "", "", "", "合计", "基本支出", "项目支出", ""],
    ]
    assert measures(rows, "gov_fund_expenditure", "final_accounts") == [
        "code", "name", "opening_balance", "income", "total", "basic", "project", "closing_balance"]


def test_a_total_beside_the_basic_group_is_the_whole_total() -> None:
    # 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出: no 小计, 基本支出 printed only as its parts.
    rows = [
        ["本年收入", "", "本年支出", "", "", "", ""],
        ["项目", "预算数", "项目", "预算数", "", "", ""],
        ["", "", "", "合计", "基本支出", "", "项目支出"],
        ["", "", "", "", "人员经费", "公用经费", ""],
    ]
    assert measures(rows, "summary") == [
        "name", "amount", "name", "total", "personnel", "public_funds", "project"]


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


def test_a_group_names_the_money_column_under_it_and_its_parts() -> None:
    income = [
        ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "事业收入", "", "其他收入"],
        ["", "", "", "", "金额", "其中：教育收费", ""],
    ]
    assert measures(income, "income") == [
        "code", "name", "current_total", "fiscal", "business", "business_tuition", "other"]
    spending = [
        ["科目编码", "科目名称", "本年支出", "", "", ""],
        ["", "", "合计", "基本支出", "项目支出", ""],
        ["", "", "", "", "小计", "其中：基本建设资金支出"],
    ]
    assert measures(spending, "fiscal_expenditure", "final_accounts") == [
        "code", "name", "total", "basic", "project", "capital_construction"]
