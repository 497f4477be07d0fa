"""Figures the text states, read from sentences of all five seeds."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from conftest import SEEDS, seed

import govbudget
from govbudget.grid import Paragraph
from govbudget.provenance import Provenance
from govbudget.recognise.narrative import mentions


def read(*lines: str, entity: str = "某某中心", year: int = 2023, kind: str = "budget") -> dict[str, str]:
    paragraphs = [Paragraph(t, Provenance("x.txt", line=i + 1)) for i, t in enumerate(lines)]
    return {m.key: f"{m.text} {m.unit}" for m in mentions(paragraphs, entity=entity, year=year, kind=kind)}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # seed 000
        ("收入总计54.07万元,其中财政拨款收入54.07万元。", {"item:income.grand_total": "54.07 万元",
                                                "item:fiscal_income": "54.07 万元"}),
        ("- 2. 卫生健康支出(类)46.13万元:行政事业单位医疗2.1万元,医疗保障管理事务44.03万元。",
         {"fn:210": "46.13 万元", "fn:21011": "2.1 万元", "fn:21015": "44.03 万元"}),
        ("(基本工资14.03 万、津贴补贴 2.85 万、奖金 15.17 万)", {"econ:30101": "14.03 万元", "econ:30102": "2.85 万元",
                                                    "econ:30103": "15.17 万元"}),
        # seed 001
        ("2023年，丰润区医疗保障局安排政府采购预算0.00万元。具体内容见下表。", {"item:procurement_total": "0.00 万元"}),
        # seed 002
        ("盐池县医疗保险服务中心 2024 年财政拨款收入预算 429.75 万元，其中：本年收入 429.75 万元，包括一般公共预算拨款 429.75 万元",
         {"item:fiscal_income": "429.75 万元", "item:general_budget": "429.75 万元"}),
        ("卫生健康支出（类）优抚对象医疗（款）优抚对象医疗补助（项）（2101401）2024 年预算 5.00 万元，比 2023 年执行数（决算数）减少 5.00 万元，下降 50%。",
         {"fn:2101401": "5.00 万元"}),
        ("人员经费 262.41 万元，主要包括：基本工资 69.14 万元、津贴补贴 53.83 万元", {
            "item:personnel": "262.41 万元", "econ:30101": "69.14 万元", "econ:30102": "53.83 万元"}),
        # seed 003
        ("（一）收入预算：2022年年初预算数 552.8 万元，其中：一般公共预算拨款 552.8 万元（基本支出预算 537.2 万元、项目支出预算 15.6 万元）",
         {"item:general_budget": "552.8 万元", "item:basic": "537.2 万元", "item:project": "15.6 万元"}),
        # seed 004 (final accounts: 年初预算 is not the amount; the bare 支出决算 that follows is its item's)
        ("卫生健康支出年初预算2734.34万元，支出决算2673.01万元，完成年初预算的97.76%", {"fn:210": "2673.01 万元"}),
        ("1、财政对城乡居民基本医疗保险的补助年初预算2112万元，支出决算2034.05万元", {}),
        ("2023年度收入总计2,673.01万元，支出总计2,673.01万元。", {"item:income.grand_total": "2,673.01 万元",
                                                      "item:expenditure.grand_total": "2,673.01 万元"}),
    ],
)
def test_sentences(sentence: str, expected: dict[str, str]) -> None:
    year = 2024 if "2024" in sentence else 2022 if "2022" in sentence else 2023
    entity = "盐池县医疗保险服务中心" if "盐池" in sentence else "某某中心"
    kind = "final_accounts" if "决算" in sentence else "budget"
    assert read(sentence, entity=entity, year=year, kind=kind) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        # an item named by its place in the tree, with 类/款/项 marks or dashes; its restatement is the same key
        (["31.“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
          "2023年当年预算执行数为348.52万元，2024年预算安排350.35万元。"], {"fn:2210201": "350.35 万元"}),
        (["1.“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。"],
         {"fn:2010301": "1,202.95 万元"}),
        # a 款 and its 项 of one name: the path says which
        (["8.“公共安全支出（类）其他公共安全支出（款）其他公共安全支出（项）”133.30万元"], {"fn:2049999": "133.30 万元"}),
        # the class under its pre-2018 name
        (["5.“医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元"], {"fn:2101102": "50.37 万元"}),
        # final accounts: the path is the sentence's subject, 年初预算 is not the amount, 支出决算 is; a sentence
        # broken over lines is one sentence
        (["5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休",
          "（项）。主要用于：退休人员经费支出。年初预算为85.55万元，支出决算为84.65万元。"], {"fn:2080501": "84.65 万元"}),
        (["“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%"],
         {"item:three_public": "0.00 万元"}),
        # totals, income lines and procurement as these documents word them
        (["某某局2024年度收入支出总计2995.39万元。"], {"item:income.grand_total": "2995.39 万元"}),
        (["本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；"],
         {"item:income.current_total": "2946.25 万元", "item:fiscal_income": "2940.05 万元",
          "item:income.other": "6.2 万元"}),
        (["本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；"],
         {"item:expenditure.current_total": "2940.05 万元", "item:basic": "2336.91 万元"}),
        (["2024年，某某局收入预算1,212.12万元，其中：财政拨款收入950.12万元，比2023年预算增加0.46万元；事业收入262.00万元；"
          "事业单位经营收入0.00万元；其他收入0.00万元。"],
         {"item:income.grand_total": "1,212.12 万元", "item:fiscal_income": "950.12 万元",
          "item:income.business": "262.00 万元", "item:income.operating": "0.00 万元", "item:income.other": "0.00 万元"}),
        (["支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元。财政拨款支出预算中，一般公共预算拨款支出预算9,101.68万元"],
         {"item:expenditure.grand_total": "9,101.68 万元", "item:general_budget": "9,101.68 万元"}),
        (["某某局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、"
          "服务采购金额246.47万元。"],
         {"item:procurement_total": "251.25 万元", "item:procurement_goods": "4.79 万元",
          "item:procurement_works": "0 万元", "item:procurement_services": "246.47 万元"}),
        (["机关运行经费支出184.65万元，比2023年度增加2.55万元。"], {"item:admin_operating_cost": "184.65 万元"}),
        # the fiscal summary's grand total
        (["某某局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。"],
         {"item:fiscal_grand_total": "0.3 万元"}),
    ],
)
def test_shanghai_wordings(lines: list[str], expected: dict[str, str]) -> None:
    kind = "final_accounts" if any("决算" in t or "收入支出总计" in t for t in lines) else "budget"
    assert read(*lines, entity="某某局", year=2024, kind=kind) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "比上年增加 4.25 万元，增长 1.48%。",
        "上年支出总计 133.32 万元。",
        "(上年财政拨款收入76.82万元,其他收入56.5万元,收入总计133.32万元)",
        "基本支出比去年增加了 4.25万元。",
        "2023 年执行数 12.00 万元。",
        "1. 网络线路租用成本，指标值 53.7 万元/年；",
    ],
)
def test_changes_and_other_years_are_never_the_amount(sentence: str) -> None:
    assert read(sentence) == {}


def test_three_public_items_in_a_three_public_section_but_economic_items_elsewhere() -> None:
    got = read("一、支出情况", "商品和服务支出 4.02 万元（办公费 1 万、公务接待费 0.12 万）",
               "二、“三公”经费预算情况说明", "公务接待费 0.14 万元。")
    assert got == {"econ:302": "4.02 万元", "econ:30201": "1 万元", "econ:30217": "0.12 万元",
                   "item:reception": "0.14 万元"}


def test_a_sentence_broken_over_lines_is_joined() -> None:
    assert read("其他对个人和家庭的补助支出 0.00 万元、住", "房公积金 2.13 万元；") == {"econ:30113": "2.13 万元"}


def test_seed_002_narrative_facts_are_all_read() -> None:
    expected = list(csv.DictReader((SEEDS / "key_facts" / "002_ab694a835a5584ff.facts.csv").open(encoding="utf-8")))
    got = {(f.row, f.measure): f for f in govbudget.read(seed("002")).facts()}
    for e in expected:
        assert Decimal(got[(e["row"], e["measure"])].yuan) == Decimal(e["yuan"]), e["row"]
    assert got[("fn:2101506", "amount")].row_name == "医疗保障经办事务"


@pytest.mark.parametrize(
    "lines, entity, year, kind, expected",
    [
        # Jiangsu: totals by source and by purpose, reserve funds, 三公 with 会议费 and 培训费, procurement
        (["1．财政拨款收入预算总计28849.38万元。", "一般公共预算收入预算28849.38万元，与上年相比增加1808.29万元。",
          "某某院本年收入预算合计28849.38万元，其中：", "单位预留机动经费预算数为182.92万元。与上年一致。"],
         "某某院", 2017, "budget",
         {"item:fiscal_income": "28849.38 万元", "item:general_budget": "28849.38 万元",
          "item:income.current_total": "28849.38 万元", "item:reserve": "182.92 万元"}),
        # the entity by a short name of its own (省检察院 for 江苏省人民检察院)
        (["省检察院本年支出预算合计 21,955.35万元，其中：", "2．其他资金收入预算总计14.39万元。"], "江苏省人民检察院", 2018,
         "budget", {"item:expenditure.current_total": "21,955.35 万元", "item:income.other": "14.39 万元"}),
        (["十一、“三公”经费、会议费、培训费支出预算表情况说明", "（1）公务用车购置预算支出0万元。",
          "（2）公务用车运行维护费预算支出304.4万元，本年数与上年数持平。",
          "某某院2017年度一般公共预算拨款安排的会议费预算支出228万元。",
          "某某院2017年度一般公共预算拨款安排的培训费预算支出1701.25万元。"], "某某院", 2017, "budget",
         {"item:vehicle_purchase": "0 万元", "item:vehicle_operation": "304.4 万元", "item:meetings": "228 万元",
          "item:training": "1701.25 万元"}),
        (["2017年我部门政府采购预算总金额为3742.4万元。其中拟购买货物525.4万元；拟购买工程500万元；拟购买服务2717万元。",
          "某某院2017年政府性基金支出预算支出0万元。"], "某某院", 2017, "budget",
         {"item:procurement_total": "3742.4 万元", "item:procurement_goods": "525.4 万元",
          "item:procurement_works": "500 万元", "item:procurement_services": "2717 万元", "item:gov_fund": "0 万元"}),
        # items named from the 款 or the 项 down, under the class or 款 the text spoke of last; misprinted names
        (["（一）公共安全（类）", "1．法院（款）行政运行（项）支出11786.92万元，与上年相比增加10.44万元。",
          "2．法院（款）一般行政事务管理（项）支出6432.89万元。"], "某某院", 2017, "budget",
         {"fn:2040501": "11786.92 万元", "fn:2040502": "6432.89 万元"}),
        (["（一）公共安全支出（类）", "检察（款）: 2018年预算支出合计16,444.36万元。其中：",
          "1．行政运行（项）支出 10,883.36万元，与上年相比增加 2,915.22万元。",
          "3．公诉、审判、侦查、执行等检察监督支出（项）1,895万元。",
          "（二）社会保障和就业支出（类）", "行政事业单位离退休（款）：2018年预算支出合计1,836.22万元。其中:",
          "1．未归口管理行政单位离退休费（项）支出371.92万元。",
          "（三）住房保障支出（类）", "住房改革支出(款): 2018年预算支出合计3,660.38万元。其中:",
          "1.住房公积金(项):支出1,073.77万元。"], "某某院", 2018, "budget",
         {"fn:20404": "16,444.36 万元", "fn:2040401": "10,883.36 万元", "fn:2040405": "1,895 万元",
          "fn:20805": "1,836.22 万元", "fn:2080504": "371.92 万元", "fn:22102": "3,660.38 万元",
          "fn:2210201": "1,073.77 万元"}),
        # a university: the school speaks of itself; 上年结转 is this year's carry-over
        (["我校2021年收支总预算490,808.40万元，其中本年收入预算390,140.45万元，使用非财政拨款结余18,953.73万元，"
          "上年结转81,714.17万元；本年支出预算415,808.40万元，结转下年75,000.00万元。"], "西南大学", 2021, "budget",
         {"item:income.grand_total": "490,808.40 万元", "item:income.current_total": "390,140.45 万元",
          "item:income.nonfiscal_balance_used": "18,953.73 万元", "item:income.carryover": "81,714.17 万元",
          "item:expenditure.current_total": "415,808.40 万元", "item:expenditure.carryover": "75,000.00 万元"}),
        # final accounts: the code printed before the figure names it; 决算数 of the year is the amount
        (["1.小学教育（2050202），2023年度决算数为7,970.38万元，比2022年度决算数增长0.39%。",
          "按照支出功能科目划分，教育支出425,287.27万元，占总支出的92.92%；其他支出109.50万元，占总支出的0.02%。"],
         "西南大学", 2023, "final_accounts",
         {"fn:2050202": "7,970.38 万元", "fn:205": "425,287.27 万元", "fn:229": "109.50 万元"}),
    ],
)
def test_jiangsu_and_university_wordings(lines: list[str], entity: str, year: int, kind: str,
                                         expected: dict[str, str]) -> None:
    assert read(*lines, entity=entity, year=year, kind=kind) == expected


def test_an_other_spending_line_outside_a_list_of_classes_is_no_class() -> None:
    assert read("本年支出包括：其他支出 5.00 万元。") == {}


@pytest.mark.parametrize("lines", [
    ["2024年收入总计100.00万元。"],
    ["某某局2024年部门预算", "2024年收入总计100.00万元。"],
    ["部门预算情况说明", "2024年收入总计100.00万元。"],
    ["情况说明", "收入总计100.00万元"],
])
def test_a_lone_short_sentence_is_read_also_right_under_a_plain_title(lines: list[str]) -> None:
    assert read(*lines, entity="某某局", year=2024) == {"item:income.grand_total": "100.00 万元"}


def test_a_sentence_broken_after_a_short_piece_with_a_figure_is_still_joined() -> None:
    assert read("基本支出 5.00 万元，公用经费", "2.00 万元。", year=2024) == {
        "item:basic": "5.00 万元", "item:public_funds": "2.00 万元"}


@pytest.mark.parametrize("path, key", [
    ("住房保障支出（类）住房改革支出（款）住房公积金（项）", "fn:2210201"),
    ("一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行", "fn:2010301"),
])
def test_a_line_naming_an_item_is_joined_to_the_figure_under_it(path: str, key: str) -> None:
    assert read(path, "支出决算为84.65万元。", kind="final_accounts") == {key: "84.65 万元"}
