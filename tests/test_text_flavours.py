"""The text reader: every flavour of extracted text into the grid, encodings, markup tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, seed

import govbudget
from govbudget.errors import EmptyInputError, EncodingError
from govbudget.grid import GridTable, Paragraph, SourceDocument
from govbudget.readers.markup import html_table, pipe_table
from govbudget.readers.text import parse_text, read
from govbudget.textnorm import join_wrapped, squeeze, strip_markup

SMALL = "某某局 2024 年部门预算\n\n支出总表\n\n科目编码\t科目名称\t合计\n208\t社会保障和就业支出\t10.00\n"


def tables(doc: SourceDocument) -> list[GridTable]:
    return [b for b in doc.blocks if isinstance(b, GridTable)]


def paragraphs(doc: SourceDocument) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


# -- text repairs ------------------------------------------------------------------


def test_wrapped_cell_text_joins_without_spaces_between_chinese() -> None:
    assert join_wrapped(["一般公共预算拨款收", "入"]) == "一般公共预算拨款收入"
    assert join_wrapped(["DIP", "payment"]) == "DIP payment"
    assert squeeze("社会保障和就 业支出") == "社会保障和就业支出"
    assert squeeze("八、 社会保障和就业支出") == "八、社会保障和就业支出"
    assert strip_markup("<b>208</b>") == "208"
    assert strip_markup("**（二）内设机构**") == "（二）内设机构"
    assert strip_markup("甲<br>乙") == "甲\n乙"


# -- the flavours of the seeds ---------------------------------------------------------


def test_tab_rows_from_pdf_keep_cells_as_printed() -> None:
    doc = read(seed("000"))
    first = tables(doc)[0]
    assert len(first.rows) == 29
    assert first.rows[2].texts == ["一、一般公共预算拨款收入", "54. 07", "一、一般公共服务支 出", "0.00"]
    assert first.rows[2].cells[1].provenance.line == 125
    # a figure run into the next label is split back into two cells
    fiscal = tables(doc)[3]
    assert ["收 入 总 计", "54.07", "支 出 总 计", "54. 07"] in [r.texts for r in fiscal.rows]


def test_one_cell_per_line_from_docx() -> None:
    doc = read(seed("001"))
    first = tables(doc)[0]
    assert first.rows[0].texts == ["450丰润区医疗保障局", "", "预算年度：2023", "单位：万元", ""]
    assert first.rows[4].texts == ["1", "一、一般公共预算拨款收入", "17147.23", "一、一般公共服务支出", ""]
    assert [c.provenance.line for c in first.rows[4].cells] == [29, 30, 31, 32, 33]
    texts = [p.text for p in paragraphs(doc)]
    assert "部门预算收支总表" in texts and not any("bookmark" in t for t in texts)


def test_markdown_with_tab_tables_and_bold_tags() -> None:
    doc = read(seed("003"))
    expenditure = tables(doc)[1]
    assert expenditure.rows[3].texts == ["208", "社会保障和就业支出", "49.04", "49.04", ""]
    headings = [p for p in paragraphs(doc) if p.level]
    assert headings[0].text == "重庆市綦江区医疗保障事务中心 2022 年部门预算情况说明"
    assert headings[0].level == 1


def test_collapsed_spaces_give_unaligned_rows_with_codes_split_from_names() -> None:
    doc = read(next((FIXTURES / "realworld").glob("031_*.txt")))
    rows = [r for t in tables(doc) for r in t.rows]
    assert all(not r.aligned for r in rows)
    texts = [r.texts for r in rows]
    assert ["2013802", "一般行政管理事务", "225,872", "225,872"] in texts
    assert ["30101", "基本工资", "2,724,912", "2,724,912"] in texts
    assert ["三、国有资本经营预算", "三、教育支出", "180,000", "180,000"] in texts
    assert ["8.53", "1.53", "7", "7", "386.02"] in texts
    # pages come from the form feeds of the extracted text
    assert rows[0].provenance.page == 12


# -- markdown tables --------------------------------------------------------------


def test_pipe_tables_skip_the_rule_and_keep_escaped_pipes() -> None:
    lines = ["| 项目 | 金额 |", "|---|:---:|", "| 一般公共预算\\|拨款 | 1.00 |", "| 事业<br>收入 | 2.00 |"]
    t = pipe_table(lines, 10, "x.md", 1)
    assert [r.texts for r in t.rows] == [["项目", "金额"], ["一般公共预算|拨款", "1.00"], ["事业收入", "2.00"]]
    assert [r.provenance.line for r in t.rows] == [10, 12, 13]


def test_html_tables_expand_merged_cells() -> None:
    html = """<table>
<tr><th colspan="2">项目</th><th rowspan="2">合计</th></tr>
<tr><th>科目代码</th><th>科目名称</th></tr>
<tr><td>208</td><td>社会保障和<br/>就业支出</td><td>10.00</td></tr>
</table>"""
    t = html_table(html, 5, "x.md", 1)
    assert [r.texts for r in t.rows] == [["项目", "", "合计"], ["科目代码", "科目名称", ""], ["208", "社会保障和就业支出", "10.00"]]
    assert t.rows[0].cells[1].merged_from == (0, 0)
    assert t.rows[1].cells[2].merged_from == (0, 2)
    assert not t.rows[2].cells[2].covered
    assert [r.provenance.line for r in t.rows] == [6, 7, 8]


def test_markdown_fixtures_with_pipe_and_html_tables() -> None:
    pipe = govbudget.read(FIXTURES / "flavours" / "pipe_budget.md")
    assert pipe.reports[0].table("expenditure").row("fn:2101501").value("basic") == Decimal("820.80")
    html = govbudget.read(FIXTURES / "flavours" / "html_final_accounts.md")
    assert html.reports[0].table("income").row("fn:210").value("business") == Decimal("20.00")


# -- encodings and bad bytes -----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_every_supported_encoding_reads_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(SMALL.encode(encoding))
    assert read(path).blocks == parse_text(SMALL, "d.txt").blocks


def test_the_gb18030_fixture_reads_like_utf8() -> None:
    d = govbudget.read(FIXTURES / "flavours" / "gb18030_budget.txt")
    assert d.reports[0].entity == "示例镇人民政府"
    assert d.reports[0].table("general_budget_expenditure").row("fn:2010302").name == "一般行政管理事务"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t "])
def test_an_empty_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError, match="empty.txt: the file is empty"):
        read(path)


def test_binary_content_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(EncodingError, match="image.txt: binary content"):
        read(path)


def test_bytes_in_no_supported_encoding_are_an_error(tmp_path: Path) -> None:
    data = b"\xc3\x28 \x81\x30"
    for codec in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(codec)
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(EncodingError, match="neither UTF-8 .* nor GB18030"):
        read(path)
