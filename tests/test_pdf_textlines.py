"""Free text into lines, fragments and paragraphs."""

from __future__ import annotations

import pytest
from test_pdf_celltext import run

from govbudget.readers.pdf.textlines import continues, margins, paragraphs, text_lines

SIZE = 10.0


def line(text: str, top: float, x: float = 50.0, gap: float = 0.0, right: float | None = None):
    """One line of CJK text; with ``right`` it is justified to end there."""
    if right is not None and len(text) > 1:
        gap = (right - x - SIZE * len(text)) / (len(text) - 1)
    (ln,) = text_lines(run(text, x=x, top=top, size=SIZE, gap=gap))
    return ln


def test_fragments_split_at_wide_gaps() -> None:
    chars = run("科目名称", x=50, size=SIZE) + run("合计", x=200, size=SIZE) + run("54.07", x=300, size=SIZE)
    (ln,) = text_lines(chars)
    assert [f.text for f in ln.fragments] == ["科目名称", "合计", "54.07"]
    assert ln.text == "科目名称 合计 54.07"


def test_justified_lines_join_into_one_paragraph() -> None:
    lines = [line("一般公共预算拨款收入五百万元，", 0, x=70, right=250),
             line("事业收入二十万元。比上年增加十二", 16, right=250), line("万元。", 32)]
    assert [len(p) for p in paragraphs(lines, 50, 250)] == [3]


def test_an_indent_or_a_short_line_starts_a_paragraph() -> None:
    lines = [line("第一段文字写满了一整行到右边", 0, right=250), line("没有写满。", 16),
             line("第二段首行缩进两个字到这里", 32, x=70, right=250), line("续行。", 48)]
    assert [len(p) for p in paragraphs(lines, 50, 250)] == [2, 2]


def test_a_numbered_heading_after_a_finished_sentence_is_not_joined() -> None:
    prev = line("主要原因是科研经费收支预算小幅增加。", 0, right=250)
    assert not continues(prev, line("（二）收入预算情况说明", 16), 50, 250)
    assert continues(prev, line("收入预算情况说明继续", 16), 50, 250)


def test_a_centred_title_is_not_continued() -> None:
    title = line("部门预算收支总表", 0, x=100, right=250)
    assert not continues(title, line("单位：万元", 16), 50, 250)


def test_a_wide_gap_or_a_new_size_starts_a_paragraph() -> None:
    prev = line("写满一行的文字写满一行的文字写满一行", 0, right=250)
    assert not continues(prev, line("下一段", 60), 50, 250)
    assert continues(prev, line("下一页", 700), 50, 250, next_page=True)
    (big,) = text_lines(run("标题", x=50, top=16, size=16))
    assert not continues(prev, big, 50, 250)


def test_margins_are_the_edges_several_lines_share() -> None:
    lines = [line("正文正文正文正文正文正文正文", t, right=250) for t in (0, 16, 32)]
    lines.append(line("图表说明文字伸到很右边去了", 48, x=120, right=320))
    assert margins(lines) == (50.0, pytest.approx(250.0))
    assert margins([], [(40.0, 260.0), (40.0, 260.0)]) == (40.0, 260.0)
