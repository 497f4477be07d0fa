"""Word's automatic list numbers read as the text they print."""

from __future__ import annotations

from pathlib import Path

import pytest
from ooxml import docx, p

from govbudget.readers import docx as docx_reader
from govbudget.readers.wordnumbering import format_number

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
    '<w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '<w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
    '</w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/>'
    '</w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
)


def numbered(text: str, num: int, level: int = 0) -> str:
    return p(text, props=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def test_automatic_list_numbers_are_printed_text(tmp_path: Path) -> None:
    styles = ('<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/>'
              '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = (numbered("收支预算总体情况", 1) + p("收入预算情况", props='<w:pStyle w:val="H2"/>')
            + numbered("财政拨款", 1, 2) + p("支出预算情况", props='<w:pStyle w:val="H2"/>')
            + numbered("一般公共预算", 2) + numbered("跳号", 3) + numbered("要点", 4)
            + p("不编号", props='<w:numPr><w:numId w:val="0"/></w:numPr>'))
    doc = read(tmp_path, body, styles=styles, numbering=NUMBERING)
    assert [b.text for b in doc.blocks] == ["一、收支预算总体情况", "（一）收入预算情况", "一.1 财政拨款",
                                            "（二）支出预算情况", "二、一般公共预算", "九、跳号", "要点", "不编号"]



def read(tmp_path: Path, body: str, **kw):
    return docx_reader.read(docx(tmp_path / "t.docx", body, **kw))


@pytest.mark.parametrize("n, fmt, text", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (21, "chineseCountingThousand", "二十一"), (101, "chineseCounting", "一百零一"),
    (110, "chineseCounting", "一百一十"), (12, "ideographDigital", "一二"), (3, "ideographTraditional", "丙"),
    (13, "chineseLegalSimplified", "拾叁"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
    (28, "upperLetter", "BB"), (2, "decimalEnclosedCircle", "②"), (3, "decimalFullWidth", "３"),
    (5, "decimalZero", "05"), (7, "decimal", "7"), (7, "none", ""), (7, "someFutureFormat", "7"),
])
def test_counters_in_each_number_format(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def test_damaged_numbering_attributes_do_not_stop_the_read(tmp_path: Path) -> None:
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"><w:start w:val="-3"/>'
                 '<w:numFmt w:val="ideographDigital"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = p("甲", props='<w:numPr><w:ilvl w:val="zz"/><w:numId w:val="1"/></w:numPr>') + numbered("乙", 1, 12)
    assert [b.text for b in read(tmp_path, body, numbering=numbering).blocks] == ["-3、 甲", "乙"]
