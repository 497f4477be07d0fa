"""Table pieces cut by page breaks: columns aligned, header-only pieces and cut rows rejoined."""

from __future__ import annotations

import pytest
from test_pdf_document import table

from govbudget.grid import GridCell, GridRow, GridTable
from govbudget.provenance import Provenance
from govbudget.readers.pdf.pieces import align_columns, join_split_rows


def test_a_row_broken_by_the_page_break_is_made_whole() -> None:
    head = ["科目编码", "科目名称", "金额"]
    a = table(1, [head, ["2080505", "机关事业单位基本养老保险缴费支", "55.00"]])
    b = table(2, [head, ["", "出", ""], ["2080506", "机关事业单位职业年金缴费支出", "25.00"]], 60, 2)
    out = join_split_rows([a, b])
    assert [c.text for c in out[0].rows[-1].cells] == ["2080505", "机关事业单位基本养老保险缴费支出", "55.00"]
    assert [[c.text for c in r.cells] for r in out[1].rows] == [head, ["2080506", "机关事业单位职业年金缴费支出", "25.00"]]


@pytest.mark.parametrize("first", [["", "4.应急保障用车", "11"], ["208", "社会保障和就业支出", ""], ["", "其他", ""]])
def test_a_new_row_after_the_break_is_left_alone(first: list[str]) -> None:
    head = ["序号", "项目", "行次"]
    a = table(1, [head, ["", "3.机要通信用车", "10"], ["", "卫生健康支出", ""]])
    b = table(2, [first], 60, 2)
    out = join_split_rows([a, b])
    assert out == [a, b]


def test_a_piece_holding_only_headings_joins_the_next() -> None:
    a = table(1, [["合计", "公务用车购置及运行费", ""], ["", "小计", "公务用车购"]])
    b = table(2, [["", "", "置费"], ["7.00", "6.00", ""]], 60, 2)
    (joined,) = join_split_rows([a, b])
    assert [[c.text for c in r.cells] for r in joined.rows] == [
        ["合计", "公务用车购置及运行费", ""], ["", "小计", "公务用车购置费"], ["7.00", "6.00", ""]]
    moved = joined.rows[2].cells[0].provenance
    assert (moved.page, moved.row) == (2, 3)


def test_pieces_on_the_same_page_or_of_other_widths_are_not_joined() -> None:
    a = table(1, [["项目", "金额"], ["甲", "1.00"]])
    assert join_split_rows([a, table(1, [["", "续"]], 500)]) == [a, table(1, [["", "续"]], 500)]
    c = table(2, [["", "续", ""]], 60, 2)
    assert join_split_rows([a, c]) == [a, c]


def boxed(pg: int, rows: list[list[tuple[str, float, float]]], top: float) -> GridTable:
    """A ruled piece whose cells carry boxes: each cell (text, x0, x1)."""
    out = []
    for r, cells in enumerate(rows):
        y0, y1 = top + 20 * r, top + 20 * (r + 1)
        out.append(GridRow(tuple(GridCell(t, Provenance("t.pdf", page=pg, table=pg, row=r, column=c,
                                                       bbox=(x0, y0, x1, y1)))
                                 for c, (t, x0, x1) in enumerate(cells)), Provenance("t.pdf", page=pg, row=r)))
    return GridTable(tuple(out), Provenance("t.pdf", page=pg, table=pg, bbox=(60.0, top, 500.0, top + 20 * len(rows))))


def test_a_piece_without_the_narrow_header_columns_is_laid_on_them() -> None:
    a = boxed(1, [[("类", 60, 90), ("款", 90, 120), ("项", 120, 150), ("科目名称", 150, 300), ("合计", 300, 500)],
                  [("205", 60, 90), ("", 90, 120), ("", 120, 150), ("教育支出", 150, 300), ("1.00", 300, 500)]], 100)
    b = boxed(2, [[("2060201", 60, 150), ("机构运行", 150, 300), ("828.72", 300, 500)]], 60)
    (_, laid) = align_columns([a, b])
    cells = laid.rows[0].cells
    assert [c.text for c in cells] == ["2060201", "", "", "机构运行", "828.72"]
    assert [c.merged_from for c in cells] == [None, (0, 0), (0, 0), None, None]
    assert [c.provenance.column for c in cells] == [0, 1, 2, 3, 4]
    assert cells[1].provenance.bbox == (90, 60, 120, 80)


def test_pieces_whose_edges_differ_are_left_alone() -> None:
    a = boxed(1, [[("甲", 60, 200), ("乙", 200, 300), ("丙", 300, 500)]], 100)
    b = boxed(2, [[("甲", 60, 250), ("丙", 250, 500)]], 60)
    assert align_columns([a, b]) == [a, b]
