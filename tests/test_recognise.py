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


def merged(d: SourceDocument) -> SourceDocument:
    """The document with ``<`` cells covered by the cell to their left and ``^`` by the one above."""
    from govbudget.grid import GridTable

    blocks = []
    for block in d.blocks:
        if not isinstance(block, GridTable):
            blocks.append(block)
            continue
        origin: dict[tuple[int, int], tuple[int, int]] = {}
        rows = []
        for r, row in enumerate(block.rows):
            cells = []
            for c, cell in enumerate(row.cells):
                if cell.text in ("<", "^"):
                    source = origin[(r, c - 1) if cell.text == "<" else (r - 1, c)]
                    origin[(r, c)] = source
                    cells.append(GridCell("", cell.provenance, merged_from=source))
                else:
                    origin[(r, c)] = (r, c)
                    cells.append(cell)
            rows.append(GridRow(tuple(cells), row.provenance, row.aligned))
        blocks.append(GridTable(tuple(rows), block.provenance))
    return SourceDocument(d.source, d.reader, tuple(blocks))


# 收支预算总表 in three blocks: income | expenditure by function | expenditure by purpose.
THREE_BLOCKS = [
    ["收入", "<", "支出", "<", "<", "<"],
    ["项目名称", "金额", "功能分类", "<", "支出用途", "<"],
    ["^", "^", "功能科目名称", "金额", "项目名称", "金额"],
    ["一、财政拨款", "100.00", "一、一般公共服务支出", "", "一、基本支出", "60.00"],
    ["1.一般公共预算", "100.00", "四、公共安全支出", "90.00", "二、项目支出", "30.00"],
    ["三、其他资金", "", "八、社会保障和就业支出", "10.00", "三、单位预留机动经费", "10.00"],
    ["当年收入小计", "100.00", "当年支出小计", "<", "<", "100.00"],
    ["上年结转资金", "", "结转下年资金", "<", "<", ""],
    ["收入合计", "100.00", "支出合计", "<", "<", "100.00"],
]


def test_three_blocks_and_totals_merged_across_them() -> None:
    d = recognise(merged(doc("某某院 2017 年部门预算", "收支预算总表", "单位：万元", THREE_BLOCKS)))
    table = d.reports[0].table("summary")
    got = {r.key: r.value("amount") for r in table.rows if r.value("amount") is not None}
    assert got == {
        "item:income.fiscal": Decimal("100.00"), "item:income.general_budget": Decimal("100.00"),
        "item:expenditure.basic": Decimal("60.00"), "item:expenditure.project": Decimal("30.00"),
        "item:expenditure.reserve": Decimal("10.00"), "fn:204": Decimal("90.00"), "fn:208": Decimal("10.00"),
        # 当年…小计 is the current total; 收入合计 under it and 上年结转 the grand total.
        "item:income.current_total": Decimal("100.00"), "item:expenditure.current_total": Decimal("100.00"),
        "item:income.grand_total": Decimal("100.00"), "item:expenditure.grand_total": Decimal("100.00"),
    }
    assert {"item:income.other", "item:income.carryover", "item:expenditure.carryover"} <= {r.key for r in table.rows}
    assert not {f.code for f in d.all_findings()} & {"row.unrecognised", "cell.unplaced"}


def test_a_lone_total_line_closing_a_two_sided_table_is_its_grand_total() -> None:
    rows = [
        ["收入", "<", "支出", "<"],
        ["项目名称", "金额", "支出用途", "<"],
        ["^", "^", "项目名称", "金额"],
        ["一、一般公共预算", "100.00", "一、基本支出", "100.00"],
        ["收入合计", "100.00", "支出合计", "100.00"],
    ]
    d = recognise(merged(doc("某某院 2017 年部门预算", "财政拨款收支预算总表", "单位：万元", rows)))
    keys = [r.key for r in d.reports[0].table("fiscal_summary").rows]
    assert keys == ["item:income.general_budget", "item:expenditure.basic", "item:income.grand_total",
                    "item:expenditure.grand_total"]


def test_a_bare_total_below_the_current_total_is_the_grand_total_and_qizhong_lines_are_parts() -> None:
    rows = [
        ["收入", "", "支出", ""],
        ["项目", "决算数", "项目(按功能分类)", "决算数"],
        ["一、财政拨款收入", "100.00", "五、教育支出", "120.00"],
        ["其中：政府性基金预算财政拨款", "1.00", "", ""],
        ["六、其他收入", "20.00", "", ""],
        ["其中：捐赠收入", "2.00", "", ""],
        ["本年收入合计", "120.00", "本年支出合计", "120.00"],
        ["上年结转和结余", "5.00", "年末结转和结余", "5.00"],
        ["合计", "125.00", "合计", "125.00"],
    ]
    d = recognise(doc("某某大学 2023 年部门决算", "收支决算总表", "单位：万元", rows))
    got = {r.key: r.value("amount") for r in d.reports[0].table("summary").rows}
    assert got["item:income.fiscal.gov_fund"] == Decimal("1.00")
    assert got["item:income.other.donation"] == Decimal("2.00")
    assert got["item:income.grand_total"] == got["item:expenditure.grand_total"] == Decimal("125.00")
    assert got["item:income.current_total"] == Decimal("120.00")
    assert "row.unrecognised" not in codes(d)


def test_an_income_table_that_lists_fund_sources() -> None:
    rows = [
        ["项目名称", "<", "金额"],
        ["收入总计", "<", "100.00"],
        ["一般公共预算资金", "小计", "90.00"],
        ["^", "公共财政拨款(补助)资金", "90.00"],
        ["^", "专项收入", ""],
        ["财政转专户管理资金", "小计", ""],
        ["其他资金", "小计", "10.00"],
        ["^", "其他收入", "10.00"],
    ]
    # A page break: the group's cell is printed again, empty, over the rest of its lines.
    tail = [["", "债务资金(银行贷款)", "0.00"], ["上年结转和结余资金", "小计", ""],
            ["^", "其中：动用上年结转和结余资金", ""]]
    d = recognise(merged(doc("某某院 2017 年部门预算", "收入预算总表", "单位：万元", rows, "3", tail)))
    table = d.reports[0].table("income")
    assert [(r.key, r.value("amount")) for r in table.rows] == [
        ("item:income.grand_total", Decimal("100.00")),
        ("item:income.general_budget", Decimal("90.00")),
        ("item:income.general_budget.appropriation", Decimal("90.00")),
        ("item:income.general_budget.earmarked", None),
        ("item:income.special_account", None),
        ("item:income.other", Decimal("10.00")),
        ("item:income.other.other", Decimal("10.00")),
        ("item:income.other.debt", Decimal("0.00")),
        ("item:income.carryover", None),
        ("item:income.carryover.used", None),
    ]
    assert table.row("item:income.general_budget").name == "一般公共预算资金小计"
    assert "row.unrecognised" not in codes(d)


def test_reserve_funds_and_the_admin_operating_cost_column() -> None:
    spending = [["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"], ["10.00", "6.00", "3.00", "1.00", ""]]
    admin = [["科目编码", "科目名称", "机关运行经费支出"], ["", "合计", "2.00"], ["302", "商品和服务支出", "2.00"]]
    d = recognise(doc("某某院 2017 年部门预算", "支出预算总表", "单位：万元", spending,
                      "一般公共预算机关运行经费支出预算表", "单位：万元", admin))
    assert values(d, "expenditure", "item:total") == {
        "total": Decimal("10.00"), "basic": Decimal("6.00"), "project": Decimal("3.00"), "reserve": Decimal("1.00")}
    assert values(d, "admin_operating_cost", "econ:302") == {"amount": Decimal("2.00")}
    assert "column.unread" not in codes(d)


PURCHASES = [
    ["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"],
    ["合计", "", "", "", "", "30.00"],
    ["一、货物A", "", "", "", "", "10.00"],
    ["", "审判专项业务费", "办公设备购置", "", "", "10.00"],
    ["", "", "", "PC 服务器", "部门集中采购", "4.00"],
    ["^", "^", "^", "其他办公设备", "分散自行组织", "6.00"],
    ["三、服务C", "", "", "", "", "20.00"],
    ["", "审判专项业务费", "会议费", "", "", "5.00"],
    ["", "", "", "会议服务", "分散自行组织", "5.00"],
]
# The next page: the title and header printed again, then more lines of 三、服务C.
MORE_PURCHASES = [
    PURCHASES[0],
    ["", "物业管理费", "物业管理费", "", "", "15.00"],
    ["", "", "", "物业管理服务", "部门集中采购", "10.00"],
    ["^", "^", "^", "^", "分散自行组织", "5.00"],
]


def test_procurement_lines_are_keyed_by_their_whole_path() -> None:
    d = recognise(merged(doc("某某院 2017 年部门预算", "2017年政府采购预算表", "部门：某某院 单位：万元", PURCHASES,
                             "2017年政府采购预算表", "部门：某某院 单位：万元", MORE_PURCHASES)))
    (table,) = d.reports[0].tables
    assert [(r.key, r.value("amount")) for r in table.rows] == [
        ("item:total", Decimal("30.00")),
        ("item:procurement_goods", Decimal("10.00")),
        ("item:A/审判专项业务费/办公设备购置", Decimal("10.00")),
        ("item:A/审判专项业务费/办公设备购置/PC服务器/部门集中采购", Decimal("4.00")),
        ("item:A/审判专项业务费/办公设备购置/其他办公设备/分散自行组织", Decimal("6.00")),
        ("item:procurement_services", Decimal("20.00")),
        # The same 专项 under another category and another 经济科目: its own key.
        ("item:C/审判专项业务费/会议费", Decimal("5.00")),
        ("item:C/审判专项业务费/会议费/会议服务/分散自行组织", Decimal("5.00")),
        ("item:C/物业管理费/物业管理费", Decimal("15.00")),
        ("item:C/物业管理费/物业管理费/物业管理服务/部门集中采购", Decimal("10.00")),
        ("item:C/物业管理费/物业管理费/物业管理服务/分散自行组织", Decimal("5.00")),
    ]
    assert not {"row.unrecognised", "row.duplicate", "row.unlabelled"} & codes(d)


def test_procurement_path_parts_keep_the_characters_printed() -> None:
    """Full-width brackets stay full-width in the key (only whitespace goes), as the row name keeps them."""
    rows = [PURCHASES[0], ["合计", "", "", "", "", "3.00"], ["二、工程B", "", "", "", "", "3.00"],
            ["", "商品和服务支出", "维修 （护） 费", "", "", "3.00"],
            ["", "", "", "租赁服务(不带操作员)", "分散自行组织", "1.00"],
            ["", "", "", "租赁服务（不带操作员）", "分散自行组织", "2.00"]]
    d = recognise(doc("某某院 2017 年部门预算", "2017年政府采购预算表", "部门：某某院 单位：万元", rows))
    (table,) = d.reports[0].tables
    assert [r.key for r in table.rows[2:]] == [
        "item:B/商品和服务支出/维修（护）费",
        "item:B/商品和服务支出/维修（护）费/租赁服务(不带操作员)/分散自行组织",
        "item:B/商品和服务支出/维修（护）费/租赁服务（不带操作员）/分散自行组织",  # printed otherwise: another line
    ]
    assert table.rows[2].name == "商品和服务支出/维修（护）费"


def test_a_piece_that_prints_the_split_code_in_one_column_lines_up_from_the_right() -> None:
    head = [
        ["科目编码", "<", "<", "科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "合计", "12.00", "10.00", "2.00"],
        ["206", "<", "<", "科学技术支出", "12.00", "10.00", "2.00"],
    ]
    tail = [["20602", "基础研究", "12.00", "10.00", "2.00"], ["2060201", "机构运行", "10.00", "10.00", ""],
            ["2060204", "实验室及相关设施", "2.00", "", "2.00"]]
    d = recognise(merged(doc("某某大学 2023 年部门决算", "财政拨款支出决算表", "单位：万元", head, "15", tail)))
    assert values(d, "fiscal_expenditure", "fn:2060201") == {"total": Decimal("10.00"), "basic": Decimal("10.00")}
    assert values(d, "fiscal_expenditure", "fn:2060204") == {"total": Decimal("2.00"), "project": Decimal("2.00")}
    assert values(d, "fiscal_expenditure", "item:total")["project"] == Decimal("2.00")
    assert not {"row.unrecognised", "code.name_mismatch"} & codes(d)


def test_a_table_that_says_it_is_empty_is_present_and_empty() -> None:
    rows = [["功能科目代码", "功能科目名称", "金额"], ["", "合计", ""], ["此表为空", "", ""]]
    d = recognise(doc("某某院 2018 年部门预算", "公开10表：政府性基金支出预算表", "部门：某某院 单位：万元", rows))
    table = d.reports[0].table("gov_fund_expenditure")
    assert table.empty and [r.key for r in table.rows] == ["item:total"]
    assert "row.unrecognised" not in codes(d)


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


def test_class_item_labels_printed_on_the_total_line_are_header() -> None:
    rows = [
        ["项目", "", "", "", "本年支出合计", "基本支出", "项目支出"],
        ["支出功能分类科目编码", "", "", "科目名称", "", "", ""],
        ["类", "款", "项", "合计", "10.00", "6.00", "4.00"],
        ["208", "", "", "社会保障和就业支出", "10.00", "6.00", "4.00"],
        ["208", "05", "", "行政事业单位养老支出", "10.00", "6.00", "4.00"],
        ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "10.00", "6.00", "4.00"],
    ]
    d = recognise(doc("某某局 2023 年部门决算", "支出决算表", "单位：万元", rows))
    table = d.reports[0].table("expenditure")
    assert [r.key for r in table.rows] == ["item:total", "fn:208", "fn:20805", "fn:2080505"]
    assert values(d, "expenditure", "item:total") == {"total": Decimal("10.00"), "basic": Decimal("6.00"),
                                                      "project": Decimal("4.00")}
    assert "row.duplicate" not in codes(d)


def test_a_misprinted_class_part_is_read_from_the_rows_above_and_reported() -> None:
    rows = [
        ["类", "款", "项", "科目名称", "合计"],
        ["210", "", "", "卫生健康支出", "5.00"],
        ["210", "11", "", "行政事业单位医疗", "5.00"],
        ["7", "11", "02", "事业单位医疗", "5.00"],
    ]
    d = recognise(doc("某某院 2024 年单位预算", "支出总表", "单位：元", rows))
    keys = [r.key for r in d.reports[0].table("expenditure").rows]
    assert keys == ["fn:210", "fn:21011", "fn:2101102"]
    (bad,) = [f for f in d.all_findings() if f.code == "row.bad_code"]
    assert (bad.row, bad.actual, bad.expected) == ("fn:2101102", "7", "210")


def test_a_total_printed_in_the_class_column_keeps_its_name() -> None:
    rows = [["类", "款", "项", "科目名称", "合计"], ["208", "", "", "社会保障和就业支出", "1.00"], ["合计", "", "", "", "1.00"]]
    d = recognise(doc("某某局 2024 年部门预算", "一般公共预算支出表", "单位：元", rows))
    assert [(r.key, r.name) for r in d.reports[0].tables[0].rows] == [
        ("fn:208", "社会保障和就业支出"), ("item:total", "合计")]


def test_a_one_digit_item_part_is_a_two_digit_field() -> None:
    rows = [
        ["类", "款", "经济分类科目名称", "合计", "人员经费", "公用经费"],
        ["301", "", "工资福利支出", "3.00", "3.00", "0"],
        ["301", "01", "基本工资", "1.00", "1.00", "0"],
        ["301", "2", "津贴补贴", "2.00", "2.00", "0"],
    ]
    d = recognise(doc("某某局 2024 年部门预算", "一般公共预算基本支出表", "单位：元", rows))
    keys = [r.key for r in d.reports[0].table("general_budget_basic").rows]
    assert keys == ["econ:301", "econ:30101", "econ:30102"]
    (note,) = [f for f in d.all_findings() if f.code == "row.code_padded"]
    assert note.row == "econ:30102" and note.actual == "301 | 2"


def test_a_page_holding_only_the_total_line_continues_the_table() -> None:
    header = [["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"]]
    rows = [["208", "", "", "社会保障和就业支出", "10.00", "6.00", "4.00"]]
    # The next page's grid has one cell for the label spanning the code and name columns.
    d = recognise(doc("某某局 2024 年部门预算", "支出总表", "单位：万元", header + rows, [["合计", "10.00", "6.00", "4.00"]]))
    assert values(d, "expenditure", "item:total") == {"total": Decimal("10.00"), "basic": Decimal("6.00"),
                                                      "project": Decimal("4.00")}
    assert "table.unrecognised" not in codes(d)


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


def test_transposed_items_are_named_by_their_own_label() -> None:
    rows = [
        ["财政拨款“三公”经费", "", "", "", "", ""],
        ["合计", "因公出国（境）", "公务用车购置及运行费", "", "", "公务接待费"],
        ["", "费", "小计", "公务用车购置费", "公务用车运行费", ""],
        ["1.00", "0", "0.40", "", "0.40", "0.60"],
    ]
    d = recognise(doc("某某中心 2022 年部门预算", '一般公共预算"三公"经费支出表', "单位：万元", rows))
    names = {r.key: r.name for r in d.reports[0].table("three_public").rows}
    # 小计 is named by its group; a label wrapped over two lines stays whole.
    assert names["item:vehicles"] == "公务用车购置及运行费"
    assert names["item:outbound"] == "因公出国（境）费"
    assert names["item:reception"] == "公务接待费"


def test_a_subtotal_column_totals_the_group_right_above_it() -> None:
    rows = [
        ["合计", "“三公”经费", "<", "<", "<", "<", "<", "会议费", "培训费"],
        ["^", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "<", "<", "公务接待费", "^", "^"],
        ["^", "^", "^", "小计", "公务用车购置费", "公务用车运行维护费", "^", "^", "^"],
        ["10.00", "6.00", "1.00", "3.00", "", "3.00", "2.00", "1.50", "2.50"],
    ]
    d = recognise(merged(doc("某某院 2017 年部门预算", "“三公”经费、会议费、培训费支出预算表", "单位：万元", rows)))
    got = {r.key: r.value("amount") for r in d.reports[0].table("three_public").rows}
    assert got == {"item:total": Decimal("10.00"), "item:three_public": Decimal("6.00"),
                   "item:outbound": Decimal("1.00"), "item:vehicles": Decimal("3.00"),
                   "item:vehicle_operation": Decimal("3.00"), "item:reception": Decimal("2.00"),
                   "item:meetings": Decimal("1.50"), "item:training": Decimal("2.50")}


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
