"""The recogniser on hand-built grids: whole tables, their layouts, pieces and code columns."""

from __future__ import annotations

from decimal import Decimal

from recognise_grids import codes, doc, values

from govbudget.grid import GridCell, GridRow, SourceDocument
from govbudget.model import Kind
from govbudget.recognise import recognise

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
