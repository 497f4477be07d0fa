"""The text reader: decoding, the three layouts of extracted text, markdown tables, pages."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from govbudget.errors import EmptyInputError, EncodingError, InputError
from govbudget.grid import GridTable, Paragraph, SourceDocument
from govbudget.provenance import Provenance
from govbudget.readers.text import decode, parse_text, read

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FLAVOURS = FIXTURES / "flavours"


def seed(prefix: str) -> Path:
    (path,) = (FIXTURES / "seeds").glob(f"{prefix}_*.txt")
    return path


def tables(doc: SourceDocument) -> list[GridTable]:
    return [b for b in doc.blocks if isinstance(b, GridTable)]


def paragraphs(doc: SourceDocument) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def rows(table: GridTable) -> list[list[str]]:
    return [r.texts for r in table.rows]


DISCLOSURE = (
    "示例镇人民政府 2024 年单位预算\n"
    "\n"
    "一般公共预算支出表\n"
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "201\t一般公共服务支出\t120.00\t100.00\t20.00\n"
    "2010301\t行政运行\t100.00\t100.00\t\n"
    "2010302\t一般行政管理事务\t20.00\t\t20.00\n"
    "\n"
    "注：本表无政府性基金预算。\n"
)

# -- tabs: one row per line ---------------------------------------------------------------


def test_tab_rows_become_one_table_between_paragraphs() -> None:
    doc = parse_text(DISCLOSURE, "d.txt")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "Paragraph", "GridTable", "Paragraph"]
    (table,) = tables(doc)
    assert rows(table) == [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["201", "一般公共服务支出", "120.00", "100.00", "20.00"],
        ["2010301", "行政运行", "100.00", "100.00", ""],
        ["2010302", "一般行政管理事务", "20.00", "", "20.00"],
    ]
    assert all(r.aligned for r in table.rows)
    assert doc.source == "d.txt" and doc.reader == "text"


def test_tab_table_provenance_numbers_rows_columns_and_lines() -> None:
    (table,) = tables(parse_text(DISCLOSURE, "d.txt"))
    assert table.provenance == Provenance("d.txt", table=1, line=5)
    assert table.rows[2].provenance == Provenance("d.txt", table=1, row=2, line=7)
    assert table.rows[2].cells[1].provenance == Provenance("d.txt", table=1, row=2, column=1, line=7)


def test_blank_lines_inside_a_tab_table_are_skipped() -> None:
    text = "收支总表\n项目\t预算数\n\n\n一、本年收入\t54.07\n\n收入总计\t54.07\n\n说明\n"
    (table,) = tables(parse_text(text, "d.txt"))
    assert rows(table) == [["项目", "预算数"], ["一、本年收入", "54.07"], ["收入总计", "54.07"]]
    assert [r.provenance.line for r in table.rows] == [2, 5, 7]


def test_a_line_without_tabs_ends_a_tab_table() -> None:
    text = "项目\t预算数\n合计\t1.00\n附表2\n项目\t决算数\n合计\t2.00\n"
    doc = parse_text(text, "d.txt")
    assert [rows(t) for t in tables(doc)] == [
        [["项目", "预算数"], ["合计", "1.00"]],
        [["项目", "决算数"], ["合计", "2.00"]],
    ]
    assert [t.provenance.table for t in tables(doc)] == [1, 2]
    assert [p.text for p in paragraphs(doc)] == ["附表2"]


@pytest.mark.parametrize(
    "cell, split",
    [
        ("54.07支 出 总 计", ["54.07", "支 出 总 计"]),
        ("54. 07支出总计", ["54. 07", "支出总计"]),
        ("1,234.50（一）一般公共服务支出", ["1,234.50", "（一）一般公共服务支出"]),
        ("-22.75减少", ["-22.75", "减少"]),
    ],
)
def test_a_figure_run_into_the_next_label_is_split(cell: str, split: list[str]) -> None:
    (table,) = tables(parse_text(f"收入总计\t{cell}\t54.07\n", "d.txt"))
    assert table.rows[0].texts == ["收入总计", *split, "54.07"]
    assert [c.provenance.column for c in table.rows[0].cells] == [0, 1, 2, 3]


@pytest.mark.parametrize("cell", ["54.07万元", "2.5亿元", "208社会保障和就业支出", "2023年", "1.2.3支出"])
def test_a_figure_with_its_unit_or_a_code_with_its_name_is_not_split(cell: str) -> None:
    (table,) = tables(parse_text(f"项目\t{cell}\n", "d.txt"))
    assert table.rows[0].texts == ["项目", cell]


def test_tags_and_bold_are_stripped_from_tab_cells() -> None:
    text = "<b>208</b>\t<b>社会保障和就业支出</b>\t**49.04**\t<span>49.04</span>\t\n"
    (table,) = tables(parse_text(text, "d.md"))
    assert table.rows[0].texts == ["208", "社会保障和就业支出", "49.04", "49.04", ""]


# -- cells: one cell per tab-indented line ------------------------------------------------

DOCX = (
    "[bookmark: _Toc_1]部门预算支出总表\n"
    "\t科目编码\n\t科目名称\n\t合计\n"
    "\n"
    "\t208\n\t社会保障和就业支出\n\t<b>10.00</b>\n"
    "\n"
    "\n"
    "\t\n\t合计\n\t10.00\n"
    "\n"
    "注：单位万元\n"
)


def test_one_cell_per_line_rows_split_at_blank_lines() -> None:
    doc = parse_text(DOCX, "d.txt")
    (table,) = tables(doc)
    assert rows(table) == [
        ["科目编码", "科目名称", "合计"],
        ["208", "社会保障和就业支出", "10.00"],
        ["", "合计", "10.00"],
    ]
    assert [r.provenance.line for r in table.rows] == [2, 6, 11]
    assert [c.provenance.line for c in table.rows[2].cells] == [11, 12, 13]
    assert table.rows[1].cells[2].provenance == Provenance("d.txt", table=1, row=1, column=2, line=8)
    assert [p.text for p in paragraphs(doc)] == ["部门预算支出总表", "注：单位万元"]


def test_a_few_full_tab_rows_do_not_turn_docx_text_into_tab_rows() -> None:
    text = "\t项目\n\t金额\n\n\t合计\n\t1.00\n\n\t备注\n\t无\n\n甲\t乙\n"
    doc = parse_text(text, "d.txt")
    assert rows(tables(doc)[0]) == [["项目", "金额"], ["合计", "1.00"], ["备注", "无"]]


# -- spaces: text pulled from PDF with runs of spaces collapsed ---------------------------

SPACED = (
    "示例街道办事处2026年单位预算\n"
    "2026年预算单位一般公共预算支出功能分类预算表\n"
    "编制单位：示例街道办事处 单位：元\n"
    "201 一般公共服务支出 3,353,072 3,353,072\n"
    "20105 统计信息事务 501,200 501,200\n"
    "2010506统计管理 1,200 1,200\n"
    "\f2010507 专项普查活动 500,000 500,000\n"
    "合计 3,353,072 3,353,072\n"
    "\f其他相关情况说明\n"
    "2026年预算单位一般公共预算基本支出部门预算经济分类预算表\n"
    "301 01基本工资 2,724,912 2,724,912\n"
    "302 01 办公费 300,000 300,000\n"
    "一、财政拨款收入 76,306,134 一、一般公共服务支出 3,353,072\n"
    "合计 3,024,912 3,024,912\n"
)


def test_space_separated_rows_are_unaligned_with_codes_split_from_names() -> None:
    doc = parse_text(SPACED, "d.txt")
    first, second = tables(doc)
    assert rows(first) == [
        ["201", "一般公共服务支出", "3,353,072", "3,353,072"],
        ["20105", "统计信息事务", "501,200", "501,200"],
        ["2010506", "统计管理", "1,200", "1,200"],
        ["2010507", "专项普查活动", "500,000", "500,000"],
        ["合计", "3,353,072", "3,353,072"],
    ]
    assert rows(second) == [
        ["30101", "基本工资", "2,724,912", "2,724,912"],
        ["30201", "办公费", "300,000", "300,000"],
        ["一、财政拨款收入", "76,306,134", "一、一般公共服务支出", "3,353,072"],
        ["合计", "3,024,912", "3,024,912"],
    ]
    assert not any(r.aligned for t in (first, second) for r in t.rows)


def test_form_feeds_give_pages_and_do_not_break_a_table() -> None:
    doc = parse_text(SPACED, "d.txt")
    first, second = tables(doc)
    assert [(r.provenance.line, r.provenance.page) for r in first.rows] == [(4, 1), (5, 1), (6, 1), (7, 2), (8, 2)]
    assert first.rows[3].cells[0].provenance == Provenance("d.txt", page=2, table=1, row=3, column=0, line=7)
    assert second.provenance.page == 3
    assert [(p.text, p.provenance.page) for p in paragraphs(doc)][-2:] == [
        ("其他相关情况说明", 3),
        ("2026年预算单位一般公共预算基本支出部门预算经济分类预算表", 3),
    ]


def test_space_rows_before_any_table_title_stay_paragraphs() -> None:
    text = SPACED.replace("2026年预算单位一般公共预算支出功能分类预算表\n", "")
    doc = parse_text(text, "d.txt")
    assert [rows(t)[0] for t in tables(doc)] == [["30101", "基本工资", "2,724,912", "2,724,912"]]
    assert "201 一般公共服务支出 3,353,072 3,353,072" in [p.text for p in paragraphs(doc)]


def test_too_few_space_rows_leave_the_text_as_paragraphs() -> None:
    text = "收支预算总表\n201 一般公共服务支出 120 120\n合计 120 120\n说明：无。\n"
    doc = parse_text(text, "d.txt")
    assert tables(doc) == []
    assert [p.text for p in paragraphs(doc)] == [
        "收支预算总表",
        "201 一般公共服务支出 120 120",
        "合计 120 120",
        "说明：无。",
    ]


def test_pages_count_every_form_feed() -> None:
    doc = parse_text("甲\f乙\n丙\f\f丁\n\f\n戊\n", "d.txt")
    assert [(p.text, p.provenance.line, p.provenance.page) for p in paragraphs(doc)] == [
        ("甲", 1, 1),
        ("乙", 1, 2),
        ("丙", 2, 2),
        ("丁", 2, 4),
        ("戊", 4, 5),
    ]


def test_without_form_feeds_there_are_no_pages() -> None:
    doc = parse_text(DISCLOSURE, "d.txt")
    assert {b.provenance.page for b in doc.blocks} == {None}


# -- markdown: paragraphs, pipe and HTML tables ------------------------------------------


def test_markdown_headings_lists_and_bookmarks() -> None:
    text = (
        "# 示例局 2024 年部门预算\n"
        "\n"
        "[bookmark: _Toc_2_2_0000000001]## **二、部门预算单位构成**\n"
        "   ### （一）职能职责\n"
        "- 1、贯彻执行有关法律法规。\n"
        "* 2、拟订年度工作计划。\n"
        "+ 3、承担基金预算决算工作。\n"
        "####### 不是标题\n"
        "#没有空格\n"
        "<b>收入</b>总计 **54.07** 万元\n"
    )
    doc = parse_text(text, "d.md")
    assert [(p.text, p.level, p.provenance.line) for p in paragraphs(doc)] == [
        ("示例局 2024 年部门预算", 1, 1),
        ("二、部门预算单位构成", 2, 3),
        ("（一）职能职责", 3, 4),
        ("1、贯彻执行有关法律法规。", 0, 5),
        ("2、拟订年度工作计划。", 0, 6),
        ("3、承担基金预算决算工作。", 0, 7),
        ("####### 不是标题", 0, 8),
        ("#没有空格", 0, 9),
        ("收入总计 54.07 万元", 0, 10),
    ]


def test_a_pipe_table_on_a_later_page_carries_the_page() -> None:
    text = "前言\f财政拨款收支总表\n| 项目 | 预算数 |\n|---|---|\n| 合计 | 1.00 |\n"
    (table,) = tables(parse_text(text, "d.md"))
    assert rows(table) == [["项目", "预算数"], ["合计", "1.00"]]
    assert table.provenance == Provenance("d.md", page=2, table=1, line=2)
    assert table.rows[1].cells[1].provenance == Provenance("d.md", page=2, table=1, row=1, column=1, line=4)


def test_a_pipe_row_without_a_rule_under_it_is_a_paragraph() -> None:
    doc = parse_text("| 不是表格 |\n正文\n", "d.md")
    assert tables(doc) == []
    assert [p.text for p in paragraphs(doc)] == ["| 不是表格 |", "正文"]


def test_an_html_table_inside_text_is_read_from_its_first_tag() -> None:
    text = "说明\n前文<table>\n<tr><td>合计</td><td>1.00</td></tr>\n</table>\n后文\n"
    doc = parse_text(text, "d.md")
    (table,) = tables(doc)
    assert rows(table) == [["合计", "1.00"]]
    assert table.rows[0].provenance.line == 3
    assert [p.text for p in paragraphs(doc)] == ["说明", "后文"]


def test_tables_of_every_kind_are_numbered_in_reading_order() -> None:
    text = (
        "项目\t金额\n合计\t1.00\n"
        "说明\n"
        "| 项目 | 金额 |\n|---|---|\n| 合计 | 2.00 |\n"
        "说明\n"
        "<table><tr><td>合计</td><td>3.00</td></tr></table>\n"
    )
    doc = parse_text(text, "d.md")
    assert [(t.provenance.table, rows(t)[-1]) for t in tables(doc)] == [
        (1, ["合计", "1.00"]),
        (2, ["合计", "2.00"]),
        (3, ["合计", "3.00"]),
    ]


# -- decoding ----------------------------------------------------------------------------


def _utf16be_with_bom(text: str) -> bytes:
    return codecs.BOM_UTF16_BE + text.encode("utf-16-be")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        _utf16be_with_bom,
        lambda t: t.encode("gb18030"),
        lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "gb18030", "gb18030-crlf"],
)
def test_every_supported_encoding_gives_the_same_blocks(tmp_path: Path, encode) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(encode(DISCLOSURE))
    assert read(path).blocks == parse_text(DISCLOSURE, "d.txt").blocks
    assert decode(path.read_bytes(), path).replace("\r\n", "\n") == DISCLOSURE


def test_gb18030_bytes_are_not_utf8() -> None:
    data = DISCLOSURE.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data, "d.txt") == DISCLOSURE


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"  \n\n\t ",
        b"\r\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b" \n",
        " \n".encode("utf-16"),
        "\u3000\n".encode("utf-8"),
    ],
)
def test_a_file_without_text_is_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(EmptyInputError, match=r"empty\.txt: the file is empty"):
        read(path)


def test_nul_bytes_mean_binary_content(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(EncodingError, match=r"image\.txt: binary content \(NUL bytes\)"):
        read(path)


def test_utf16_without_a_bom_is_refused_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(DISCLOSURE.encode("utf-16-le"))
    with pytest.raises(EncodingError, match="binary content"):
        read(path)


@pytest.mark.parametrize(
    "data",
    ["单位：万元".encode("gb18030") + b"\xff", b"\x80abc", "合计".encode("gb18030") + b"\x81\x30"],
)
def test_bytes_in_neither_utf8_nor_gb18030_are_refused(tmp_path: Path, data: bytes) -> None:
    for codec in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(codec)
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(EncodingError, match=r"bad\.txt: neither UTF-8 \(byte \d+: .*\) nor GB18030 text"):
        read(path)


def test_gb18030_that_decodes_only_into_control_characters_is_refused(tmp_path: Path) -> None:
    data = b"\x01\x02\x03\x04\x05" * 6 + "测".encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("gb18030").endswith("测")
    path = tmp_path / "ctl.txt"
    path.write_bytes(data)
    with pytest.raises(EncodingError, match="only into control characters"):
        read(path)


@pytest.mark.parametrize(
    "data, message",
    [
        (codecs.BOM_UTF8 + "合计".encode("gb18030"), r"marked as UTF-8 but not UTF-8 \(byte 3: invalid"),
        (
            codecs.BOM_UTF16_LE + "合计".encode("utf-16-le") + b"A",
            r"marked as UTF-16 but not UTF-16 \(truncated data\)",
        ),
        (codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", r"marked as UTF-16 but not UTF-16 \(illegal UTF-16 surrogate\)"),
    ],
)
def test_bytes_that_break_their_byte_order_mark_are_an_encoding_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    with pytest.raises(EncodingError, match=r"bom\.txt: " + message):
        read(path)


def test_a_folder_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read(tmp_path)


# -- the seeds ---------------------------------------------------------------------------


def test_seed_000_tab_rows_from_pdf_keep_cells_as_printed() -> None:
    doc = read(seed("000"))
    ts = tables(doc)
    assert [len(t.rows) for t in ts] == [29, 5, 15, 33, 16, 23, 3, 3, 33, 4, 23]
    first = ts[0]
    assert first.rows[2].texts == ["一、一般公共预算拨款收入", "54. 07", "一、一般公共服务支 出", "0.00"]
    assert first.rows[2].cells[1].provenance == Provenance(seed("000").name, table=1, row=2, column=1, line=125)
    assert first.rows[28].texts == ["收 入 总 计", "54. 07", "支 出 总 计", "54. 07"]
    assert first.rows[28].provenance.line == 152
    assert ts[2].rows[2].texts == ["208", "社会保障和就 业支出", "4. 82", "4. 82", "0.00"]
    assert all(r.aligned for t in ts for r in t.rows)


def test_seed_000_glued_total_is_split_into_two_cells() -> None:
    fiscal = tables(read(seed("000")))[3]
    assert fiscal.rows[28].texts == ["收 入 总 计", "54.07", "支 出 总 计", "54. 07"]
    assert fiscal.rows[28].provenance.line == 223


def test_seed_001_one_cell_per_line_from_docx() -> None:
    doc = read(seed("001"))
    first = tables(doc)[0]
    assert len(first.rows) == 38
    assert first.rows[0].texts == ["450丰润区医疗保障局", "", "预算年度：2023", "单位：万元", ""]
    assert first.rows[4].texts == ["1", "一、一般公共预算拨款收入", "17147.23", "一、一般公共服务支出", ""]
    assert [c.provenance.line for c in first.rows[4].cells] == [29, 30, 31, 32, 33]
    assert first.rows[4].provenance.line == 29
    heading = next(p for p in paragraphs(doc) if p.provenance.line == 4)
    assert heading.text == "部门预算收支总表"
    assert not any("bookmark" in p.text for p in paragraphs(doc))


def test_seed_002_markdown_without_tables() -> None:
    doc = read(seed("002"))
    assert tables(doc) == []
    by_line = {p.provenance.line: p for p in paragraphs(doc)}
    assert (by_line[3].text, by_line[3].level) == ("盐池县医疗保险服务中心 2024 年部门预算", 1)
    assert (by_line[10].text, by_line[10].level) == ("二、部门预算单位构成", 0)
    assert (by_line[60].text, by_line[60].level) == ("二、部门预算单位构成", 2)


def test_seed_003_markdown_with_tab_tables_and_bold_tags() -> None:
    doc = read(seed("003"))
    ts = tables(doc)
    assert [len(t.rows) for t in ts] == [12, 17, 29, 4, 2, 17, 16, 16, 13, 1, 14, 4]
    assert ts[1].rows[3].texts == ["208", "社会保障和就业支出", "49.04", "49.04", ""]
    assert ts[1].rows[3].provenance.line == 115
    assert ts[0].rows[3].texts == ["一般公共预算拨款", "552.80", "八、 社会保障和就业支出", "49.04", "49.04", "", ""]
    by_line = {p.provenance.line: p for p in paragraphs(doc)}
    assert (by_line[3].text, by_line[3].level) == ("重庆市綦江区医疗保障事务中心 2022 年部门预算情况说明", 1)
    assert (by_line[9].text, by_line[9].level) == ("（一）职能职责", 3)
    assert by_line[11].text.startswith("1、贯彻执行国家、市、区关于医疗保障的法律")


def test_seed_004_tab_tables() -> None:
    ts = tables(read(seed("004")))
    assert len(ts) == 13
    assert len(ts[1].rows) == 34
    assert ts[1].rows[3].texts == ["一、一般公共预算财政拨款收入", "1", "2673.01", "一、一般公共服务支出", "32", ""]
    assert ts[1].rows[3].provenance.line == 125
    assert ts[1].rows[-1].texts == ["总计", "31", "2673.01", "总计", "62", "2673.01"]


def test_realworld_031_space_rows_with_pages() -> None:
    path = next((FIXTURES / "realworld").glob("031_*.txt"))
    ts = tables(read(path))
    assert [len(t.rows) for t in ts] == [11, 73, 73, 11, 13, 16, 16, 16, 8, 7, 1, 34, 1]
    assert not any(r.aligned for t in ts for r in t.rows)
    income = ts[1]
    row = next(r for r in income.rows if r.provenance.line == 204)
    assert row.texts == ["2013802", "一般行政管理事务", "225,872", "225,872"]
    assert row.provenance.page == 14
    assert income.provenance.page == 13
    assert sorted({r.provenance.page for r in income.rows}) == [13, 14, 15, 16, 17]
    assert income.rows[-1].texts == ["合计", "76,306,134", "76,306,134"]
    basic = ts[11]
    assert basic.rows[1].texts == ["30101", "基本工资", "2,724,912", "2,724,912"]
    assert (basic.rows[1].provenance.line, basic.rows[1].provenance.page) == (477, 31)
    assert ts[0].rows[0].texts == ["一、财政拨款收入", "76,306,134", "一、一般公共服务支出", "3,353,072", "3,353,072"]
    assert ts[0].rows[0].provenance.page == 12
    assert ts[0].rows[3].texts == ["3、国有资本经营预算", "四、科学技术支出", "100,000", "100,000"]
    assert ts[10].rows[0].texts == ["合计"]
    assert ts[12].rows[0].texts == ["8.53", "1.53", "7", "7", "386.02"]


# -- the reader fixtures -----------------------------------------------------------------


def test_reader_gb18030_fixture() -> None:
    path = FLAVOURS / "reader_gb18030.txt"
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read(path)
    assert [p.text for p in paragraphs(doc)][:2] == ["示例县农业农村局 2024 年部门预算", "一、部门收支总体情况"]
    (table,) = tables(doc)
    assert len(table.rows) == 12
    assert table.rows[0].texts == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    assert table.rows[1].texts == ["", "合计", "356.40", "296.40", "60.00"]
    assert table.rows[5].texts == ["2130122", "农业生产发展", "60.00", "", "60.00"]
    assert table.rows[8].texts == ["2080505", "机关事业单位基本养老保险缴费支出", "24.60", "24.60", ""]
    assert table.provenance.line == 11
    assert doc.blocks == parse_text(data.decode("gb18030"), path.name).blocks


def test_reader_markdown_pipe_fixture() -> None:
    doc = read(FLAVOURS / "reader_markdown_pipe.md")
    headings = [(p.text, p.level) for p in paragraphs(doc) if p.level]
    assert headings == [("示例市文化和旅游局 2024 年部门预算", 1), ("一、部门主要职责", 2), ("二、财政拨款收支总表", 2)]
    assert "贯彻执行文化和旅游工作的方针政策。" in [p.text for p in paragraphs(doc)]
    (table,) = tables(doc)
    assert rows(table) == [
        ["收入项目", "预算数", "支出项目", "预算数"],
        ["一、一般公共预算拨款", "1,206.50", "一、文化旅游体育与传媒支出", "1,118.30"],
        ["二、政府性基金预算拨款", "80.00", "二、社会保障和就业支出", "96.40"],
        ["三、国有资本经营预算拨款", "-", "三、卫生健康支出", "31.20"],
        ["", "", "四、住房保障支出", "40.60"],
        ["收入总计", "1,286.50", "支出总计", "1,286.50"],
    ]
    assert [r.provenance.line for r in table.rows] == [12, 14, 15, 16, 17, 18]


def test_reader_markdown_html_fixture() -> None:
    doc = read(FLAVOURS / "reader_markdown_html.md")
    assert [(p.text, p.level) for p in paragraphs(doc) if p.level] == [
        ("示例区民政局 2023 年部门决算", 1),
        ("一般公共预算财政拨款支出决算表", 2),
    ]
    (table,) = tables(doc)
    assert len(table.rows) == 12
    assert rows(table)[:3] == [
        ["项目", "", "合计", "基本支出", "项目支出"],
        ["科目代码", "科目名称", "", "", ""],
        ["合计", "", "842.16", "512.36", "329.80"],
    ]
    assert table.rows[0].cells[1].merged_from == (0, 0)
    assert [c.merged_from for c in table.rows[1].cells[2:]] == [(0, 2), (0, 3), (0, 4)]
    assert table.rows[2].cells[1].merged_from == (2, 0)
    assert table.rows[6].texts == ["2080208", "基层政权建设和社区治理", "329.80", "", "329.80"]
    assert not any(c.covered for c in table.rows[6].cells)
    assert table.rows[-1].texts == ["2210201", "住房公积金", "60.20", "60.20", ""]
    assert [r.provenance.line for r in table.rows] == list(range(8, 20))
    assert table.provenance.line == 7
