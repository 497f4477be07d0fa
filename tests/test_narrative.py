"""Figures the text states, read from sentences of all five seeds."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from conftest import SEEDS, seed

import govbudget
from govbudget.grid import Paragraph
from govbudget.provenance import Provenance
from govbudget.recognise.narrative import mentions, narrative_rows


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
        # seed 004 (final accounts: 年初预算 is not the amount)
        ("卫生健康支出年初预算2734.34万元，支出决算2673.01万元，完成年初预算的97.76%", {}),
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


def test_a_figure_stated_twice_differently_is_kept_for_validation_and_reported() -> None:
    paragraphs = [Paragraph(t, Provenance("x.txt", line=i)) for i, t in
                  enumerate(["基本支出638.38万元。", "财政拨款基本支出638.39万元。"])]
    rows, findings = narrative_rows(paragraphs, entity="x", year=2023, kind="final_accounts")
    assert [(r.key, r.cells[0].text) for r in rows] == [("item:basic", "638.38"), ("item:basic", "638.39")]
    assert [f.code for f in findings] == ["narrative.conflict"]


def test_seed_002_narrative_facts_are_all_read() -> None:
    expected = list(csv.DictReader((SEEDS / "key_facts" / "002_ab694a835a5584ff.facts.csv").open(encoding="utf-8")))
    got = {(f.row, f.measure): f for f in govbudget.read(seed("002")).facts()}
    for e in expected:
        assert Decimal(got[(e["row"], e["measure"])].yuan) == Decimal(e["yuan"]), e["row"]
    assert got[("fn:2101506", "amount")].row_name == "医疗保障经办事务"
