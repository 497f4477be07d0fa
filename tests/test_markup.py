"""Markdown pipe tables and HTML tables into grid tables, merged cells expanded."""

from __future__ import annotations

import pytest

from govbudget.grid import GridTable
from govbudget.provenance import Provenance
from govbudget.readers.markup import html_table, is_pipe_row, is_pipe_rule, pipe_table


def texts(table: GridTable) -> list[list[str]]:
    return [r.texts for r in table.rows]


# -- pipe tables -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("|---|---|", True),
        ("| --- | :---: | ---: |", True),
        ("|:---|---:|", True),
        ("---|---", True),
        ("|-|-|", True),
        ("| :-: | -: |", True),
        ("| 项目 | 金额 |", False),
        ("| - 项目 |", False),
        ("-", False),
        ("- 项目", False),
        ("", False),
    ],
)
def test_is_pipe_rule(line: str, expected: bool) -> None:
    assert is_pipe_rule(line) is expected


@pytest.mark.parametrize("line, expected", [("| a |", True), ("   | a", True), ("a | b", False), ("", False)])
def test_is_pipe_row(line: str, expected: bool) -> None:
    assert is_pipe_row(line) is expected


def test_pipe_table_skips_the_rule_and_numbers_rows_and_lines() -> None:
    lines = ["| 项目 | 预算数 |", "|:---|---:|", "| 一般公共预算拨款 | 1,206.50 |", "| 政府性基金预算拨款 | 80.00 |"]
    t = pipe_table(lines, 20, "d.md", 3)
    assert texts(t) == [["项目", "预算数"], ["一般公共预算拨款", "1,206.50"], ["政府性基金预算拨款", "80.00"]]
    assert [r.provenance.line for r in t.rows] == [20, 22, 23]
    assert t.rows[2].cells[1].provenance == Provenance("d.md", table=3, row=2, column=1, line=23)
    assert t.provenance == Provenance("d.md", table=3, line=20)
    assert all(r.aligned for r in t.rows)


def test_pipe_table_keeps_escaped_pipes_inside_a_cell() -> None:
    t = pipe_table(["| 项目 | 说明 |", "|---|---|", "| 一般公共预算\\|拨款 | A\\|B |"], 1, "d.md", 1)
    assert t.rows[1].texts == ["一般公共预算|拨款", "A|B"]


def test_pipe_table_joins_the_lines_of_a_br_cell() -> None:
    t = pipe_table(
        ["| 项目 | 金额 |", "|---|---|", "| 文化旅游体育与<br>传媒支出 | 1.00 |", "| DIP<br/>payment | 2.00 |"],
        1,
        "d.md",
        1,
    )
    assert texts(t)[1:] == [["文化旅游体育与传媒支出", "1.00"], ["DIP payment", "2.00"]]


def test_pipe_table_strips_bold_and_tags_and_keeps_empty_cells() -> None:
    t = pipe_table(["| 项目 | 金额 | 备注 |", "|---|---|---|", "| **收入总计** | <b>1,286.50</b> |  |"], 1, "d.md", 1)
    assert t.rows[1].texts == ["收入总计", "1,286.50", ""]


def test_pipe_table_rows_without_outer_pipes() -> None:
    t = pipe_table(["| 项目 | 金额", "|---|---", "| 合计 | 3.00"], 1, "d.md", 1)
    assert texts(t) == [["项目", "金额"], ["合计", "3.00"]]


def test_short_rule_is_skipped_under_the_header_but_a_row_of_dashes_is_kept() -> None:
    t = pipe_table(["| 合计 | 因公出国（境）费 |", "|:-:|:-:|", "| - | - |"], 1, "d.md", 1)
    assert texts(t) == [["合计", "因公出国（境）费"], ["-", "-"]]


# -- html tables -----------------------------------------------------------------------

MERGED = """<table>
<tr><th colspan="2">项目</th><th rowspan="2">合计</th><th colspan="2">其中</th></tr>
<tr><th>科目编码</th><th>科目名称</th><th>基本支出</th><th>项目支出</th></tr>
<tr><td rowspan="2" colspan="2">合计</td><td>30.00</td><td>10.00</td><td>20.00</td></tr>
<tr><td>30.00</td><td>10.00</td><td>20.00</td></tr>
<tr><td>208</td><td>社会保障和<br/>就业支出</td><td>30.00</td><td>10.00</td><td>20.00</td></tr>
</table>"""


def test_html_table_expands_rowspan_and_colspan() -> None:
    t = html_table(MERGED, 10, "d.md", 2)
    assert texts(t) == [
        ["项目", "", "合计", "其中", ""],
        ["科目编码", "科目名称", "", "基本支出", "项目支出"],
        ["合计", "", "30.00", "10.00", "20.00"],
        ["", "", "30.00", "10.00", "20.00"],
        ["208", "社会保障和就业支出", "30.00", "10.00", "20.00"],
    ]


def test_covered_cells_point_at_the_origin_of_their_span() -> None:
    t = html_table(MERGED, 10, "d.md", 2)
    merged = {
        (r, c): cell.merged_from for r, row in enumerate(t.rows) for c, cell in enumerate(row.cells) if cell.covered
    }
    assert merged == {
        (0, 1): (0, 0),
        (1, 2): (0, 2),
        (0, 4): (0, 3),
        (2, 1): (2, 0),
        (3, 0): (2, 0),
        (3, 1): (2, 0),
    }
    assert all(t.rows[r].cells[c].text == "" for r, c in merged)
    assert t.rows[2].cells[0].merged_from is None and t.rows[2].cells[0].text == "合计"


def test_html_table_provenance_has_the_line_of_each_tr() -> None:
    t = html_table(MERGED, 10, "d.md", 2)
    assert [r.provenance.line for r in t.rows] == [11, 12, 13, 14, 15]
    assert t.rows[3].cells[4].provenance == Provenance("d.md", table=2, row=3, column=4, line=14)
    assert t.provenance == Provenance("d.md", table=2, line=10)


def test_a_br_does_not_shift_the_lines_of_later_rows() -> None:
    html = "\n".join(
        [
            "<table>",
            "<tr><td>208</td><td>社会保障和<br>就业<br/>支出</td></tr>",
            "<tr><td>20805</td><td>行政事业单位养老支出</td></tr>",
            "<tr><td>2080505</td><td>机关事业单位基本养老保险缴费支出</td></tr>",
            "</table>",
        ]
    )
    t = html_table(html, 1, "d.md", 1)
    assert [r.provenance.line for r in t.rows] == [2, 3, 4]
    assert t.rows[0].texts == ["208", "社会保障和就业支出"]


def test_a_row_spread_over_several_lines_has_the_line_of_its_tr() -> None:
    html = "<table>\n<tr>\n<td>项目</td>\n<td>金额</td>\n</tr>\n<tr><td>合计</td><td>1.00</td></tr>\n</table>"
    t = html_table(html, 5, "d.md", 1)
    assert [r.provenance.line for r in t.rows] == [6, 10]


def test_th_header_and_thead_tbody_sections() -> None:
    html = """<table><thead><tr><th>项目</th><th>决算数</th></tr></thead>
<tbody><tr><td>一般公共预算财政拨款收入</td><td>2,673.01</td></tr></tbody>
<tfoot><tr><th>合计</th><td>2,673.01</td></tr></tfoot></table>"""
    t = html_table(html, 1, "d.md", 1)
    assert texts(t) == [["项目", "决算数"], ["一般公共预算财政拨款收入", "2,673.01"], ["合计", "2,673.01"]]
    assert [r.provenance.line for r in t.rows] == [1, 2, 3]


def test_nested_table_text_is_flattened_into_its_cell() -> None:
    html = """<table>
<tr><td><table><tr><td>一般公共预算</td></tr><tr><td>拨款收入</td></tr></table></td><td>10.00</td></tr>
<tr><td>事业收入<table><tr><td>DIP</td><td>payment</td></tr></table></td><td><table><tr><td>12</td><td>34</td></tr></table></td></tr>
</table>"""
    t = html_table(html, 1, "d.md", 1)
    assert texts(t) == [["一般公共预算拨款收入", "10.00"], ["事业收入DIP payment", "12 34"]]
    assert len(t.rows) == 2


def test_cell_text_is_stripped_of_markup_and_entities_decoded() -> None:
    html = "<table><tr><td> <b>合计</b>&nbsp;</td><td><span>1,234.50</span></td><td>A &amp; B</td></tr></table>"
    assert texts(html_table(html, 1, "d.md", 1)) == [["合计", "1,234.50", "A & B"]]


@pytest.mark.parametrize("span", ['rowspan="0"', 'rowspan="x"', 'colspan=""', 'colspan="-3"'])
def test_a_nonsense_span_counts_as_one(span: str) -> None:
    html = f"<table><tr><td {span}>合计</td><td>1.00</td></tr><tr><td>208</td><td>2.00</td></tr></table>"
    t = html_table(html, 1, "d.md", 1)
    assert texts(t) == [["合计", "1.00"], ["208", "2.00"]]
    assert not any(c.covered for r in t.rows for c in r.cells)


def test_an_absurdly_wide_span_is_capped() -> None:
    t = html_table('<table><tr><td colspan="100000">合计</td></tr></table>', 1, "d.md", 1)
    assert len(t.rows[0].cells) == 200


def test_a_span_past_the_last_row_adds_no_row() -> None:
    t = html_table('<table><tr><td rowspan="5">合计</td><td>1.00</td></tr><tr><td>2.00</td></tr></table>', 1, "d.md", 1)
    assert texts(t) == [["合计", "1.00"], ["", "2.00"]]
    assert t.rows[1].cells[0].merged_from == (0, 0)


def test_short_rows_are_padded_to_the_table_width() -> None:
    t = html_table(
        "<table><tr><td>项目</td><td>合计</td><td>基本支出</td></tr><tr><td>208</td></tr></table>", 1, "d.md", 1
    )
    assert texts(t) == [["项目", "合计", "基本支出"], ["208", "", ""]]
    assert t.rows[1].cells[2].merged_from is None


def test_markup_without_a_table_gives_an_empty_grid() -> None:
    t = html_table("<p>没有表格</p>", 4, "d.md", 1)
    assert t.rows == ()
    assert t.provenance.line == 4
