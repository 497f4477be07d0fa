"""Tables without rules: columns from the alignment of the text."""

from __future__ import annotations

from test_pdf_celltext import run

from govbudget.readers.pdf.aligned import aligned_tables, is_data_line
from govbudget.readers.pdf.objects import Char
from govbudget.readers.pdf.textlines import text_lines

SIZE = 9.0


def right(text: str, x1: float, top: float) -> list[Char]:
    """A figure set flush right at ``x1``."""
    width = sum(SIZE if ord(t) > 0x2e80 else SIZE / 2 for t in text)
    return run(text, x=x1 - width, top=top, size=SIZE)


def left(text: str, x0: float, top: float) -> list[Char]:
    return run(text, x=x0, top=top, size=SIZE)


def centre(text: str, mid: float, top: float) -> list[Char]:
    return run(text, x=mid - SIZE * len(text) / 2, top=top, size=SIZE)


def table_chars() -> list[Char]:
    chars = centre("科目名称", 100, 0) + centre("本年收入", 330, 0)
    chars += centre("合计", 260, 14) + centre("一般公共预算", 330, 14) + centre("事业单位", 410, 14)
    chars += centre("经营收入", 410, 24)
    rows = [("合计", "220.00", "200.00", "20.00"), ("社会保障和就业支出", "30.00", "30.00", ""),
            ("机关事业单位基本养老保", "30.00", "30.00", ""), ("卫生健康支出", "190.00", "170.00", "20.00")]
    top = 40
    for label, *figures in rows:
        chars += left(label, 40, top)
        for x1, f in zip((290, 370, 440), figures):
            if f:
                chars += right(f, x1, top)
        top += 14
        if label.endswith("养老保"):
            chars += left("险缴费支出", 40, top)  # the label wraps; the figures sit on its first line
            top += 14
    return chars


def test_columns_headers_and_wrapped_labels() -> None:
    lines = text_lines(table_chars() + left("注：本表无竖线。", 40, 130))
    (table,), rest = aligned_tables(lines, "t.pdf", 3, 7)
    texts = [[c.text for c in r.cells] for r in table.rows]
    assert texts == [
        ["科目名称", "本年收入", "", ""],
        ["", "合计", "一般公共预算", "事业单位经营收入"],
        ["合计", "220.00", "200.00", "20.00"],
        ["社会保障和就业支出", "30.00", "30.00", ""],
        ["机关事业单位基本养老保险缴费支出", "30.00", "30.00", ""],
        ["卫生健康支出", "190.00", "170.00", "20.00"],
    ]
    assert [c.merged_from for c in table.rows[0].cells] == [None, None, (0, 1), (0, 1)]
    assert table.rows[1].cells[3].merged_from is None
    assert [ln.text for ln in rest] == ["注：本表无竖线。"]
    cell = table.rows[2].cells[1]
    assert (cell.provenance.page, cell.provenance.table, cell.provenance.row, cell.provenance.column) == (3, 7, 2, 1)
    x0, top, x1, bottom = cell.provenance.bbox
    assert x1 == 290 and top == 40 and bottom == 49


def test_justified_narrative_with_figures_is_not_a_table() -> None:
    chars = left("一般公共预算收入", 40, 0) + left("21,940.96", 200, 0) + left("万元，占", 260, 0)
    chars += left("增长", 40, 20) + left("20.52", 120, 20) + left("%。主要原因是", 200, 20)
    chars += left("比上年增加", 40, 40) + left("2,802.41", 150, 40) + left("万元", 230, 40)
    lines = text_lines(chars)
    assert not any(is_data_line(ln) for ln in lines[::2])
    tables, rest = aligned_tables(lines, "t.pdf", 1, 1)
    assert tables == [] and len(rest) == 3


def test_sentences_ending_in_a_figure_at_the_margin_are_not_a_table() -> None:
    chars = left("省检察院2018年度财政拨款收、支总预算", 90, 0) + right("21,940.96", 505, 0)
    chars += left("万元。与上年相比，财政拨款收、支总计各增加", 90, 20) + right("3,958.98", 505, 20)
    lines = text_lines(chars)
    assert not is_data_line(lines[1])
    tables, rest = aligned_tables(lines, "t.pdf", 1, 1)
    assert tables == [] and len(rest) == 2


def test_one_line_of_figures_is_not_a_table() -> None:
    lines = text_lines(left("合计", 40, 0) + right("520.00", 290, 0))
    assert is_data_line(lines[0])
    tables, _ = aligned_tables(lines, "t.pdf", 1, 1)
    assert tables == []


def test_figures_that_do_not_line_up_are_not_a_table() -> None:
    lines = text_lines(left("甲", 40, 0) + right("1.00", 200, 0) + left("乙", 40, 14) + right("2.00", 320, 14))
    tables, _ = aligned_tables(lines, "t.pdf", 1, 1)
    assert tables == []
