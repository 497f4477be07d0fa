"""A table of stated figures (情况说明中的数字) read back into narrative rows, keyed as written."""

from __future__ import annotations

from decimal import Decimal

from conftest import grid_doc

from govbudget.recognise import recognise
from govbudget.recognise.stated import is_stated_title

STATED = [
    ["单位名称：示例区民政局", "", "2024年度单位预算", ""],
    ["代码", "名称", "金额", "单位"],
    ["item:income.grand_total", "收入总计", "1,234.50", "万元"],
    ["fn:208", "社会保障和就业支出", "12", "元"],
    ["item:basic", "基本支出", "0.00", ""],
]


def test_stated_figures_become_narrative_rows_of_the_entity() -> None:
    d = recognise(grid_doc("情况说明中的数字", STATED))
    (report,) = d.reports
    assert (report.entity, report.kind.value, report.year, report.scope.value) == ("示例区民政局", "budget", 2024, "unit")
    assert report.tables == ()
    assert [(r.key, r.name, r.cells[0].measure, r.cells[0].value, r.unit) for r in report.narrative] == [
        ("item:income.grand_total", "收入总计", "amount", Decimal("1234.50"), "万元"),
        ("fn:208", "社会保障和就业支出", "amount", Decimal("12"), "元"),
        ("item:basic", "基本支出", "amount", Decimal("0.00"), None),
    ]
    assert report.narrative[0].cells[0].provenance.column == 2
    facts = {(f.row, f.yuan) for f in d.facts()}
    assert facts == {("item:income.grand_total", "12345000"), ("fn:208", "12"), ("item:basic", "")}


def test_lines_without_a_key_or_a_figure_are_findings_not_guesses() -> None:
    rows = STATED[:2] + [["收入总计", "收入总计", "1.00", "万元"], ["fn:210", "卫生健康支出", "1.0 2", "万元"],
                         ["fn:221", "住房保障支出", "", "万元"]]
    d = recognise(grid_doc("情况说明中的数字", rows))
    assert d.reports[0].narrative == ()
    found = [(f.code, f.severity.value, f.entity) for f in d.all_findings()]
    assert found == [("row.skipped", "warning", "示例区民政局"), ("cell.not_amount", "warning", "示例区民政局")]


def test_only_the_exact_title_marks_the_table() -> None:
    assert is_stated_title(["2.情况说明中的数字", "情况说明中的数字"])
    assert is_stated_title(["情况说明中 的数字"])
    assert not is_stated_title(["三、情况说明", "数字"])
