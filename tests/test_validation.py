"""The checks: each rule fires when its identity breaks and stays silent when it holds."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import FIXTURES, grid_doc, seed

import govbudget
from govbudget.provenance import Finding, Severity
from govbudget.recognise import recognise
from govbudget.validation import RULES, check

UNIT = "单位：万元"
BLOCKS: dict[str, list[list[str]]] = {
    "收支总表": [
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", "100.00", "八、社会保障和就业支出", "20.00"],
        ["二、事业收入", "10.00", "十、卫生健康支出", "90.00"],
        ["本年收入合计", "110.00", "本年支出合计", "110.00"],
        ["上年结转结余", "5.00", "年终结转结余", "5.00"],
        ["收入总计", "115.00", "支出总计", "115.00"],
    ],
    "收入总表": [
        ["科目编码", "科目名称", "合计", "本年收入", "", "", "上年结转"],
        ["", "", "", "小计", "财政拨款收入", "事业收入", ""],
        ["", "合计", "115.00", "110.00", "100.00", "10.00", "5.00"],
        ["208", "社会保障和就业支出", "20.00", "20.00", "20.00", "", ""],
        ["210", "卫生健康支出", "95.00", "90.00", "80.00", "10.00", "5.00"],
    ],
    "支出总表": [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "110.00", "80.00", "30.00"],
        ["208", "社会保障和就业支出", "20.00", "20.00", ""],
        ["210", "卫生健康支出", "90.00", "60.00", "30.00"],
        ["21015", "医疗保障管理事务", "90.00", "60.00", "30.00"],
        ["2101501", "行政运行", "60.00", "60.00", ""],
        ["2101502", "一般行政管理事务", "30.00", "", "30.00"],
    ],
    "财政拨款收支总表": [
        ["项目", "预算数", "项目", "合计", "一般公共预算财政拨款"],
        ["一、本年收入", "100.00", "一、本年支出", "100.00", "100.00"],
        ["一般公共预算拨款", "100.00", "八、社会保障和就业支出", "20.00", "20.00"],
        ["", "", "十、卫生健康支出", "80.00", "80.00"],
        ["收入总计", "100.00", "支出总计", "100.00", "100.00"],
    ],
    "一般公共预算支出表": [
        ["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"],
        ["", "", "", "小计", "人员经费", "公用经费", ""],
        ["", "合计", "100.00", "75.00", "70.00", "5.00", "25.00"],
        ["208", "社会保障和就业支出", "20.00", "20.00", "20.00", "", ""],
        ["210", "卫生健康支出", "80.00", "55.00", "50.00", "5.00", "25.00"],
    ],
    "一般公共预算基本支出表": [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["", "合计", "75.00", "70.00", "5.00"],
        ["301", "工资福利支出", "70.00", "70.00", ""],
        ["30101", "基本工资", "70.00", "70.00", ""],
        ["302", "商品和服务支出", "5.00", "", "5.00"],
        ["30201", "办公费", "4.00", "", "4.00"],
        ["30217", "公务接待费", "1.00", "", "1.00"],
    ],
    '一般公共预算"三公"经费支出表': [
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
        ["3.00", "", "2.00", "", "2.00", "1.00"],
    ],
}
TEXT = [
    "示例区医疗保障局 2024 年部门预算",
    "一、收支预算情况",
    "收入总计 115.00 万元，支出总计 115.00 万元。",
    "基本支出 75.00 万元，项目支出 25.00 万元。",
    "二、“三公”经费预算情况说明",
    "“三公”经费预算 3.00 万元，其中：公务接待费 1.00 万元，比上年增加 0.20 万元。",
]


def build(change: dict[tuple[str, int, int], str] | None = None, text: list[str] | None = None) -> govbudget.Disclosure:
    blocks = copy.deepcopy(BLOCKS)
    for (title, r, c), value in (change or {}).items():
        blocks[title][r][c] = value
    parts: list = list(TEXT if text is None else text)
    for title, rows in blocks.items():
        parts += [title, UNIT, rows]
    return recognise(grid_doc(*parts))


def findings(d: govbudget.Disclosure, rule: str | None = None) -> list[Finding]:
    return [f for f in check(d) if rule is None or f.code == rule]


def test_a_consistent_budget_gets_no_identity_finding() -> None:
    d = build()
    assert [(f.code, f.message) for f in check(d) if f.code != "table.missing"] == []
    assert {t.id for t in d.reports[0].tables} >= {"summary", "income", "expenditure", "fiscal_summary",
                                                    "general_budget_expenditure", "general_budget_basic", "three_public"}


def test_every_rule_has_a_stable_id_and_a_description() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.description for r in RULES)


@pytest.mark.parametrize(
    "change, rule, row, expected, actual",
    [
        ({("支出总表", 4, 2): "91.00"}, "sum.children", "fn:21015", "90", "91.00"),
        ({("支出总表", 1, 2): "111.00"}, "sum.classes", "item:total", "110", "111.00"),
        ({("支出总表", 2, 2): "21.00"}, "total.parts", "fn:208", "20", "21.00"),
        ({("一般公共预算支出表", 3, 4): "19.00"}, "basic.parts", "fn:208", "19", "20.00"),
        ({("收入总表", 3, 2): "21.00"}, "income.total", "fn:208", "20", "21.00"),
        ({("收入总表", 3, 4): "19.00"}, "income.sources", "fn:208", "19", "20.00"),
        ({("收支总表", 5, 1): "116.00"}, "summary.balance", "item:expenditure.grand_total", "116", "115.00"),
        ({("收支总表", 3, 1): "111.00"}, "summary.income_lines", "item:income.current_total", "110", "111.00"),
        ({("收支总表", 3, 3): "111.00"}, "summary.expenditure_lines", "item:expenditure.current_total", "110",
         "111.00"),
        ({("收支总表", 4, 3): "6.00"}, "summary.expenditure_total", "item:expenditure.grand_total", "116", "115.00"),
        ({("财政拨款收支总表", 2, 3): "21.00"}, "fund.parts", "fn:208", "20", "21.00"),
        ({('一般公共预算"三公"经费支出表', 2, 2): "2.50"}, "three_public.vehicles", "item:vehicles", "2", "2.50"),
        ({('一般公共预算"三公"经费支出表', 2, 0): "3.50"}, "three_public.total", "item:total", "3", "3.50"),
    ],
)
def test_within_table_rules_fire_when_broken(change, rule: str, row: str, expected: str, actual: str) -> None:
    found = findings(build(change), rule)
    assert found, f"{rule} did not fire"
    f = next(f for f in found if f.row == row)
    assert (f.severity, f.expected, f.actual) == (Severity.ERROR, expected, actual)
    assert f.entity == "示例区医疗保障局" and f.provenance


@pytest.mark.parametrize(
    "change, rule",
    [
        ({("支出总表", 3, 2): "91.00", ("支出总表", 3, 3): "61.00", ("支出总表", 1, 2): "111.00",
          ("支出总表", 1, 3): "81.00", ("支出总表", 4, 2): "91.00", ("支出总表", 4, 3): "61.00",
          ("支出总表", 5, 2): "61.00", ("支出总表", 5, 3): "61.00"}, "cross.summary_expenditure"),
        ({("收入总表", 2, 5): "11.00", ("收入总表", 2, 3): "111.00", ("收入总表", 2, 2): "116.00",
          ("收入总表", 4, 5): "11.00", ("收入总表", 4, 3): "91.00", ("收入总表", 4, 2): "96.00"}, "cross.summary_income"),
        ({("一般公共预算支出表", 2, 2): "101.00", ("一般公共预算支出表", 2, 6): "26.00",
          ("一般公共预算支出表", 4, 2): "81.00", ("一般公共预算支出表", 4, 6): "26.00"}, "cross.fiscal_general_budget"),
        ({("一般公共预算基本支出表", 1, 2): "76.00", ("一般公共预算基本支出表", 1, 4): "6.00",
          ("一般公共预算基本支出表", 4, 2): "6.00", ("一般公共预算基本支出表", 4, 4): "6.00",
          ("一般公共预算基本支出表", 5, 2): "5.00", ("一般公共预算基本支出表", 5, 4): "5.00"}, "cross.basic_detail"),
        ({("一般公共预算基本支出表", 6, 2): "1.50", ("一般公共预算基本支出表", 6, 4): "1.50",
          ("一般公共预算基本支出表", 5, 2): "3.50", ("一般公共预算基本支出表", 5, 4): "3.50"},
         "cross.three_public_basic"),
    ],
)
def test_across_table_rules_fire_only_for_the_broken_relation(change, rule: str) -> None:
    d = build(change, text=TEXT[:1])
    codes = {f.code for f in check(d) if f.code != "table.missing"}
    assert codes == {rule}


def test_a_basic_line_numbered_otherwise_is_not_a_three_public_item() -> None:
    # The document numbers its 302 items its own way: 30217 is 福利费 there, not 公务接待费.
    change = {("一般公共预算基本支出表", 6, 1): "福利费", ("一般公共预算基本支出表", 6, 2): "1.50",
              ("一般公共预算基本支出表", 6, 4): "1.50", ("一般公共预算基本支出表", 5, 2): "3.50",
              ("一般公共预算基本支出表", 5, 4): "3.50"}
    assert findings(build(change, text=TEXT[:1]), "cross.three_public_basic") == []


def test_units_that_disagree_are_told_apart_from_a_wrong_sum() -> None:
    d = build({("支出总表", 1, 2): "1100000.00"})
    assert any(f.code == "unit.disagree" and f.table == "expenditure" for f in check(d))


def test_a_zero_against_a_figure_elsewhere_is_a_plain_disagreement() -> None:
    d = build({("支出总表", 1, 2): "0.00"})
    found = findings(d, "cross.summary_expenditure")
    assert [(f.table, f.row, f.actual) for f in found] == [("expenditure", "item:total", "0.00")]
    assert not any(f.code == "unit.disagree" for f in check(d))


def test_rounding_slack_at_its_edge() -> None:
    # 21015 = 2101501 + 2101502: two addends and a total at 0.01 allow 0.015.
    within = findings(build({("支出总表", 5, 2): "60.01"}), "sum.children")
    beyond = findings(build({("支出总表", 5, 2): "60.01", ("支出总表", 6, 2): "30.01"}), "sum.children")
    (f,) = [f for f in within if f.row == "fn:21015" and f.measure == "total"]
    assert (f.severity, f.difference, f.tolerance) == (Severity.INFO, "-0.01", "0.015")
    (g,) = [f for f in beyond if f.row == "fn:21015" and f.measure == "total"]
    assert (g.severity, g.difference, g.tolerance) == (Severity.ERROR, "-0.02", "0.015")


def test_two_printings_of_one_figure_must_agree_exactly() -> None:
    text = TEXT[:3] + ["基本支出 75.01 万元。"]
    (f,) = findings(build(text=text), "narrative.table")
    assert (f.severity, f.expected, f.actual, f.difference) == (Severity.ERROR, "75", "75.01", "0.01")


def test_narrative_figures_against_the_tables() -> None:
    text = TEXT[:4] + ["二、“三公”经费预算情况说明", "“三公”经费预算 3.00 万元，其中：公务接待费 1.20 万元。"]
    (f,) = findings(build(text=text), "narrative.table")
    assert (f.row, f.expected, f.actual, f.table) == ("item:reception", "1", "1.20", "three_public")


def test_a_department_equals_the_sum_of_its_units() -> None:
    d = govbudget.read(seed("001"))
    assert findings(d, "reports.department_sum") == []


def test_final_accounts_missing_a_standard_table_are_warned() -> None:
    d = govbudget.read(FIXTURES / "flavours" / "html_final_accounts.md")
    missing = {f.table for f in findings(d, "table.missing")}
    assert "fiscal_summary" in missing
    assert all(f.severity is Severity.WARNING for f in findings(d, "table.missing"))


def test_unnumbered_final_accounts_stating_the_statistics_in_the_text_lack_no_table() -> None:
    table = [["科目编码", "科目名称", "本年支出合计"], ["208", "社会保障和就业支出", "10.00"]]
    text = "某某局2024年度部门决算"
    said = recognise(grid_doc(text, "支出决算表", UNIT, table, "机关运行经费支出10.23万元，比2023年度增加1.00万元。"))
    (stats,) = [f for f in check(said) if f.code == "table.missing" and f.table == "disclosure_stats"]
    assert stats.severity is Severity.INFO
    silent = recognise(grid_doc(text, "支出决算表", UNIT, table))
    (stats,) = [f for f in check(silent) if f.code == "table.missing" and f.table == "disclosure_stats"]
    assert stats.severity is Severity.WARNING


def test_validate_from_the_api_adds_the_checks_to_the_reading_findings(tmp_path: Path) -> None:
    d = build({("支出总表", 4, 2): "91.00"})
    all_findings = govbudget.validate(d)
    errors = govbudget.validate(d, min_severity=Severity.ERROR)
    assert any(f.code == "sum.children" for f in errors)
    assert len(all_findings) >= len(errors)


YUAN = FIXTURES / "flavours" / "yuan_budget.md"


def yuan_variant(tmp_path: Path, old: str, new: str) -> govbudget.Disclosure:
    text = YUAN.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "variant.md"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return govbudget.read(path)


def test_a_consistent_budget_in_yuan_with_a_three_public_table_in_wan_yuan_gets_no_finding() -> None:
    d = govbudget.read(YUAN)
    assert govbudget.validate(d) == []
    units = {t.id: t.unit for t in d.reports[0].tables}
    assert units["summary"] == "元" and units["three_public"] == "万元"


@pytest.mark.parametrize(
    "old, new, rule",
    [
        ("1、一般公共预算\t4,800,000", "1、一般公共预算\t4,700,000", "summary.fiscal_parts"),
        ("收入总计\t5,000,000\t支出总计\t5,000,000\t2,750,000", "收入总计\t5,100,000\t支出总计\t5,000,000\t2,750,000",
         "summary.income_total"),
        ("\t合计\t200,000\t\t200,000", "\t合计\t210,000\t\t210,000", "cross.gov_fund"),
        ("12.00\t\t10.00\t\t10.00\t2.00", "12.00\t\t10.00\t\t10.00\t2.50", "three_public.total"),
        ("30217\t公务接待费\t20,000\t\t20,000", "30217\t公务接待费\t30,000\t\t30,000", "cross.three_public_basic"),
    ],
)
def test_rules_on_the_yuan_budget(tmp_path: Path, old: str, new: str, rule: str) -> None:
    d = yuan_variant(tmp_path, old, new)
    assert rule in {f.code for f in check(d)}


def test_a_department_that_is_not_the_sum_of_its_units(tmp_path: Path) -> None:
    text = seed("001").read_text(encoding="utf-8")
    # The department's 收支总表 expenditure total, printed first in the file.
    path = tmp_path / "001.txt"
    path.write_text(text.replace("\t本年支出合计\n\t17257.23", "\t本年支出合计\n\t17257.33", 1), encoding="utf-8")
    found = findings(govbudget.read(path), "reports.department_sum")
    assert [(f.table, f.row, f.expected, f.actual) for f in found] == [
        ("summary", "item:expenditure.current_total", "17257.23", "17257.33")]


def test_code_rules_on_a_hand_built_table() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"],
            ["20805", "行政事业单位养老支出", "10.00"], ["2080505", "机关事业单位职业年金缴费支出", "10.00"],
            ["2089801", "不存在的科目", "0.00"]]
    d = recognise(grid_doc("某局 2023 年部门预算", "支出总表", UNIT, rows))
    by_code = {f.row: f for f in check(d) if f.code.startswith("code.")}
    assert by_code["fn:2080505"].code == "code.name_mismatch"
    assert "2080506" in by_code["fn:2080505"].message
    assert by_code["fn:2089801"].code == "code.unknown"
    assert by_code["fn:2089801"].severity is Severity.WARNING


# A 收支预算总表 in three blocks (income | by function | by purpose) and a 支出预算总表 with reserve funds.
PURPOSES = [
    ["收入", "", "支出", "", "", ""],
    ["项目名称", "金额", "功能分类", "", "支出用途", ""],
    ["", "", "功能科目名称", "金额", "项目名称", "金额"],
    ["一、财政拨款", "100.00", "四、公共安全支出", "90.00", "一、基本支出", "60.00"],
    ["三、其他资金", "", "八、社会保障和就业支出", "10.00", "二、项目支出", "30.00"],
    ["", "", "", "", "三、单位预留机动经费", "10.00"],
    ["当年收入小计", "100.00", "当年支出小计", "", "", "100.00"],
    ["上年结转资金", "", "结转下年资金", "", "", ""],
    ["收入合计", "100.00", "支出合计", "", "", "100.00"],
]
SPENDING = [["合计", "基本支出", "项目支出", "单位预留机动经费"], ["100.00", "60.00", "30.00", "10.00"]]


def purposes(change: dict[tuple[str, int, int], str] | None = None, text: tuple[str, ...] = ()) -> govbudget.Disclosure:
    tables = {"收支预算总表": copy.deepcopy(PURPOSES), "支出预算总表": copy.deepcopy(SPENDING)}
    for (title, r, c), value in (change or {}).items():
        tables[title][r][c] = value
    parts: list = ["某某院 2017 年部门预算", *text]
    for title, rows in tables.items():
        parts += [title, UNIT, rows]
    return recognise(grid_doc(*parts))


def test_spending_by_purpose_and_reserve_funds_hold() -> None:
    assert [(f.code, f.message) for f in check(purposes()) if f.code != "table.missing"] == []


@pytest.mark.parametrize(
    "change, rule, row",
    [
        ({("收支预算总表", 3, 5): "61.00"}, "summary.expenditure_lines", "item:expenditure.current_total"),
        ({("支出预算总表", 1, 3): "11.00"}, "total.parts", "item:total"),
    ],
)
def test_spending_by_purpose_and_reserve_funds_break(change, rule: str, row: str) -> None:
    found = [f for f in check(purposes(change)) if f.code == rule and f.row == row]
    assert found and found[0].severity is Severity.ERROR


@pytest.mark.parametrize("said, broken", [("10.00", False), ("11.00", True)])
def test_reserve_funds_in_the_text_against_the_tables(said: str, broken: bool) -> None:
    d = purposes(text=(f"单位预留机动经费预算数为{said}万元。",))
    found = [f for f in check(d) if f.code == "narrative.table"]
    assert [(f.row, f.severity) for f in found] == ([("item:reserve", Severity.ERROR)] if broken else [])
