"""Narrative rows from the figures the text states: repeats, conflicts, restatements for one fund, misprinted names."""

from __future__ import annotations

from decimal import Decimal

from govbudget.grid import Paragraph
from govbudget.provenance import Provenance
from govbudget.recognise.narrative import mentions
from govbudget.recognise.narrativerows import narrative_rows


def test_a_restated_item_with_another_figure_is_a_conflict() -> None:
    paragraphs = [Paragraph("31.“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
                            "2023年当年预算执行数为348.52万元,2024年预算安排352.67万元。", Provenance("x.txt", line=1))]
    rows, findings = narrative_rows(paragraphs, entity="某某局", year=2024, kind="budget")
    assert [(r.key, r.cells[0].text) for r in rows] == [("fn:2210201", "350.35"), ("fn:2210201", "352.67")]
    assert [(f.code, f.expected, f.actual) for f in findings] == [("narrative.conflict", "350.35", "352.67")]


def test_a_figure_stated_twice_differently_is_kept_for_validation_and_reported() -> None:
    paragraphs = [Paragraph(t, Provenance("x.txt", line=i)) for i, t in
                  enumerate(["基本支出638.38万元。", "财政拨款基本支出638.39万元。"])]
    rows, findings = narrative_rows(paragraphs, entity="x", year=2023, kind="final_accounts")
    assert [(r.key, r.cells[0].text) for r in rows] == [("item:basic", "638.38"), ("item:basic", "638.39")]
    assert [f.code for f in findings] == ["narrative.conflict"]


RESTATED = ["学校2023年度各项支出总计457,676.75万元，其中基本支出359,781.59万元。",
            "学校2023年度财政拨款支出总计为237,100.00万元，其中基本支出199,015.13万元，占总支出的83.94%；"
            "项目支出38,084.87万元。"]


def test_an_item_restated_for_fiscal_money_only_is_no_conflict_where_that_moneys_table_prints_it() -> None:
    paragraphs = [Paragraph(t, Provenance("x.txt", line=i)) for i, t in enumerate(RESTATED)]
    found = list(mentions(paragraphs, entity="西南大学", year=2023, kind="final_accounts"))
    assert [(m.key, m.text, m.scope) for m in found] == [
        ("item:expenditure.grand_total", "457,676.75", None), ("item:basic", "359,781.59", None),
        ("item:basic", "199,015.13", "fiscal"), ("item:project", "38,084.87", "fiscal")]
    printed = {"item:basic": {Decimal("1990151300")}}
    rows, findings = narrative_rows(paragraphs, entity="西南大学", year=2023, kind="final_accounts",
                                    scoped=lambda key: printed.get(key, set()))
    assert [(r.key, r.cells[0].text) for r in rows] == [
        ("item:expenditure.grand_total", "457,676.75"), ("item:basic", "359,781.59"), ("item:basic", "199,015.13"),
        ("item:project", "38,084.87")]
    assert findings == []
    # Without a fund table that prints it, the restatement is a conflict like any other.
    _, findings = narrative_rows(paragraphs, entity="西南大学", year=2023, kind="final_accounts")
    assert [f.code for f in findings] == ["narrative.conflict"]


def test_a_misprinted_name_in_a_path_is_read_and_noted() -> None:
    lines = ["（一）公共安全（类）", "2．法院（款）一般行政事务管理（项）支出6432.89万元。", "3．法院（款）机关服务（项）支出1600万元。"]
    paragraphs = [Paragraph(t, Provenance("x.txt", line=i)) for i, t in enumerate(lines)]
    rows, findings = narrative_rows(paragraphs, entity="某某院", year=2017, kind="budget")
    assert [(r.key, r.name) for r in rows] == [("fn:2040502", "一般行政管理事务"), ("fn:2040503", "机关服务")]
    assert [(f.code, f.severity.value, f.actual, f.expected) for f in findings] == [
        ("code.name_mismatch", "info", "一般行政事务管理", "一般行政管理事务")]
