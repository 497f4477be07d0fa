"""The recogniser on hand-built grids: entities and reports, scope, years, and what it doubts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from recognise_grids import codes, doc, values

from govbudget.errors import NotADisclosureError
from govbudget.model import Scope
from govbudget.recognise import recognise


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


def test_a_budget_taking_in_units_beneath_it_is_a_department_s() -> None:
    table = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "1.00"]]
    said = recognise(doc("某某局2025年部门预算",
                         "某某局部门预算是包括某某局本部以及下属1家事业单位的综合收支计划。", "支出总表", "单位：元", table))
    assert said.reports[0].scope is Scope.DEPARTMENT
    assert "report.scope_inferred" not in codes(said)
    # Its own 本级 only: a unit, as before.
    alone = recognise(doc("某某中心2024年部门预算",
                          "从预算单位构成看，某某中心部门预算包括：某某中心本级预算。", "支出总表", "单位：元", table))
    assert alone.reports[0].scope is Scope.UNIT


_TABLE = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"]]


@pytest.mark.parametrize(
    "blocks, scope",
    [
        # Tables headed 部门：X are a department's.
        (["收支预算总表", "部门：江苏省某某厅 单位：万元", _TABLE], Scope.DEPARTMENT),
        # 部门预算 wording and the units the department takes in.
        (["2017年度某某院部门预算公开", "本部门纳入本年预算的下属单位如下：某某法院。", "支出总表", "单位：万元", _TABLE],
         Scope.DEPARTMENT),
        (["某某大学 2021 年部门预算", "我校2021年度部门预算包括大学、附属中学及附属小学。", "支出总表", "单位：万元",
          _TABLE], Scope.DEPARTMENT),
        # Only itself, or units counted as none, or words about units in general: a unit.
        (["某某中心 2024 年部门预算", "某某中心部门预算包括：某某中心本级预算。", "支出总表", "单位：万元", _TABLE],
         Scope.UNIT),
        (["某某中心 2024 年部门预算", "某某中心本级及所属0个行政单位的机关运行经费为1万元。", "支出总表", "单位：万元",
          _TABLE], Scope.UNIT),
        (["某某中心 2022 年部门预算", "所属各预算单位政府采购预算总额 0 万元。", "支出总表", "单位：万元", _TABLE],
         Scope.UNIT),
        # 单位预算 stated wins over any 部门： label.
        (["某某中心 2024 年单位预算", "支出总表", "部门：某某中心 单位：万元", _TABLE], Scope.UNIT),
    ],
)
def test_one_set_of_tables_is_a_departments_when_the_file_says_it_covers_units(blocks, scope) -> None:
    (report,) = recognise(doc(*blocks)).reports
    assert report.scope is scope
    if scope is Scope.DEPARTMENT:
        assert "report.scope_inferred" not in {f.code for f in report.findings}


def test_a_contents_line_is_not_the_title_of_a_table_after_running_text() -> None:
    units = [["序号", "单位名称", "备注"], ["1", "某某局（本级）", ""], ["2", "某某所", "预算不单列，并入本级"]]
    table = [["科目编码", "科目名称", "本年支出合计"], ["208", "社会保障和就业支出", "10.00"]]
    d = recognise(doc("某某局2024年度部门决算", "目录", "四、财政拨款收入支出决算总表", "二、部门决算单位构成",
                      "纳入某某局2024年度部门决算编制范围的单位包括：", units, "支出决算表", "单位：万元", table))
    assert [t.id for t in d.reports[0].tables] == ["expenditure"]


def test_figures_under_a_note_saying_the_table_is_empty_are_kept_and_reported() -> None:
    rows = [["合计", "因公出国(境)费", "公务接待费"], ["1.35", "0", "1.35"]]
    d = recognise(doc("某某局2024年部门预算", "部门“三公”经费和机关运行经费预算表", "单位：万元", rows,
                      "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。"))
    assert values(d, "three_public", "item:reception") == {"amount": Decimal("1.35")}
    (note,) = [f for f in d.all_findings() if f.code == "table.empty_note"]
    assert note.table == "three_public" and "空表" in note.actual
    empty = recognise(doc("某某局2024年部门预算", "部门政府性基金预算支出功能分类预算表", "单位：元",
                          [["科目编码", "科目名称", "合计"]], "注:本部门2024年无政府性基金预算，故本表为空表。"))
    assert "table.empty_note" not in codes(empty)


def test_another_word_one_character_off_is_not_taken_for_a_scrambled_name() -> None:
    from govbudget.recognise.repair import repair_names

    rows = [["科目编码", "科目名称", "合计"], ["30301", "退休费", "1.00"]]
    d = recognise(doc("某某院2024年单位预算", "一般公共预算基本支出表", "单位：元", rows))
    tables, notes = repair_names(list(d.reports[0].tables), entity="某某院", entity_code=None, year=2024)
    assert tables[0].rows[0].name == "退休费" and notes == []
    assert "name.repaired" not in codes(d)


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


@pytest.mark.parametrize("title", [
    "2025年部门财务收支预算总表",             # the year in front: '2025年部' is no entity
    "2024年预算单位一般公共预算支出功能分类预算表",
    "一、2017年度某某省高级人民法院部门收支预算总表",  # ordinal and year before the report's own name
    "第二部分某某省高级人民法院一般公共预算支出表",
])
def test_titles_led_by_year_ordinal_or_part_label_are_not_foreign(title: str) -> None:
    rows = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "1.00"]]
    d = recognise(doc("第二部分某某省高级人民法院 2017 年部门预算", title, "单位：元", rows))
    assert d.reports[0].entity == "某某省高级人民法院"
    assert "table.foreign_entity" not in codes(d)


def test_another_name_after_the_year_is_still_foreign() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "1.00"]]
    d = recognise(doc("某某省高级人民法院 2017 年部门预算", "一、2017年度某某省人民检察院部门收支预算总表", "单位：元", rows))
    (finding,) = [f for f in d.all_findings() if f.code == "table.foreign_entity"]
    assert finding.actual == "某某省人民检察院"


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


def test_a_table_under_another_entitys_heading_is_not_continued_by_its_same_title() -> None:
    first = [["科目编码", "科目名称", "合计"], ["208", "社会保障和就业支出", "10.00"]]
    second = [["科目编码", "科目名称", "合计"], ["210", "卫生健康支出", "4.00"]]
    d = recognise(doc("某某局2024年部门预算", "支出总表", "单位：万元", first,
                      "某某中心2024年单位预算", "支出总表", "单位：万元", second))
    assert [r.entity for r in d.reports] == ["某某局", "某某中心"]
    assert [[(t.id, [r.key for r in t.rows]) for t in r.tables] for r in d.reports] == [
        [("expenditure", ["fn:208"])], [("expenditure", ["fn:210"])]]


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


def test_a_lone_sentence_under_the_document_title_is_a_narrative_figure() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["", "合计", "100.00"], ["210", "卫生健康支出", "100.00"]]
    d = recognise(doc("某某局2024年部门预算", "2024年收入总计100.00万元。", "收入总表", "单位：万元", rows))
    (report,) = d.reports
    assert [(r.key, r.cells[0].text, r.unit) for r in report.narrative] == [
        ("item:income.grand_total", "100.00", "万元")]
    assert values(d, "income", "fn:210") == {"total": Decimal("100.00")}


def test_a_note_under_one_units_table_says_nothing_of_the_next_units_year() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["", "合计", "10.00"], ["210", "卫生健康支出", "10.00"]]
    d = recognise(doc(
        "某某局2024年部门预算",
        "某某局本级2024年单位预算", "收入总表", "单位名称：某某局本级", "单位：万元", rows,
        "注：本单位2023年结转资金已于当年全部使用。",
        "某某中心2024年单位预算", "支出总表", "单位名称：某某中心", "单位：万元", rows,
    ))
    assert [(r.entity, r.year) for r in d.reports] == [("某某局本级", 2024), ("某某中心", 2024)]


def test_a_unit_that_prints_no_year_takes_the_files_not_the_year_of_a_note_before_it() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["", "合计", "10.00"], ["210", "卫生健康支出", "10.00"]]
    d = recognise(doc(
        "收入总表", "单位名称：301001-某某局本级", "预算年度：2024", "单位：万元", rows,
        "注：本单位2023年结转资金已于当年全部使用。",
        "支出总表", "单位名称：301002-某某中心", "单位：万元", rows,
    ))
    assert [(r.entity, r.year) for r in d.reports] == [("某某局本级", 2024), ("某某中心", 2024)]
    assert "report.year_inferred" in codes(d, report=1)


def test_a_report_whose_year_only_its_text_states_takes_it() -> None:
    rows = [["科目编码", "科目名称", "合计"], ["", "合计", "10.00"], ["210", "卫生健康支出", "10.00"]]
    d = recognise(doc("一、部门预算收支情况", "2024年，某某局收入总计10.00万元。", "收入总表",
                      "部门名称：某某局", "单位：万元", rows))
    assert [(r.entity, r.year) for r in d.reports] == [("某某局", 2024)]
    assert "report.year_inferred" not in codes(d) and "report.year_missing" not in codes(d)
