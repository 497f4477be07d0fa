"""A ruling and its characters into a grid table with merged cells, pages and boxes."""

from __future__ import annotations

from test_pdf_celltext import run
from test_pdf_ruling import grid

from govbudget.readers.pdf.objects import HSeg, VSeg
from govbudget.readers.pdf.ruled import ruled_table
from govbudget.readers.pdf.ruling import find_rulings


def test_cells_merged_headers_and_boxes() -> None:
    h, v = grid([0, 100, 200, 300], [0, 20, 40, 60])
    v = [s for s in v if s.x != 200] + [VSeg(200, 20, 60)]  # 收入预算 over two columns
    h = [s for s in h if s.y != 20] + [HSeg(20, 100, 300)]  # 项目 down two rows
    (ruling,) = find_rulings(h, v)
    chars = (run("项目", x=30, top=25) + run("收入预算", x=130, top=5) + run("合计", x=130, top=25)
             + run("事业收入", x=210, top=25) + run("合计", x=10, top=45) + run("5 4 . 0 7", x=110, top=45)
             + run("1,234.50", x=210, top=45))
    result = ruled_table(ruling, [c for c in chars if c.text != " "], "t.pdf", 4, 2)
    table = result.table
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["项目", "收入预算", ""], ["", "合计", "事业收入"], ["合计", "54.07", "1,234.50"]]
    assert [[c.merged_from for c in r.cells] for r in table.rows] == [
        [None, None, (0, 1)], [(0, 0), None, None], [None, None, None]]
    origin = table.rows[0].cells[0].provenance
    assert (origin.page, origin.table, origin.row, origin.column, origin.bbox) == (4, 2, 0, 0, (0, 0, 100, 40))
    assert table.rows[2].cells[1].provenance.bbox == (100, 40, 200, 60)
    assert table.provenance.bbox == (0, 0, 300, 60) and table.rows[2].provenance.bbox == (0, 40, 300, 60)


def test_a_box_of_one_column_is_text() -> None:
    h, v = grid([0, 300], [0, 20, 40])
    (ruling,) = find_rulings(h, v)
    result = ruled_table(ruling, run("目录", x=10, top=5) + run("一、部门职能", x=10, top=25), "t.pdf", 1, 1)
    assert result.table is None
    assert [t for t, _ in result.texts] == ["目录", "一、部门职能"]


def test_a_framed_single_text_is_text() -> None:
    h, v = grid([0, 100, 300], [0, 20])
    (ruling,) = find_rulings(h, v)
    result = ruled_table(ruling, run("说明", x=10, top=5), "t.pdf", 1, 1)
    assert result.table is None and [t for t, _ in result.texts] == ["说明"]
