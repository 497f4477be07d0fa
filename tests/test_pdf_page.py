"""One page's objects into items in reading order, and the page's doubts as findings."""

from __future__ import annotations

from test_pdf_celltext import run
from test_pdf_ruling import grid

from govbudget.grid import GridTable
from govbudget.readers.pdf.objects import Char, PageObjects
from govbudget.readers.pdf.page import read_page
from govbudget.readers.pdf.textlines import TextLine

BOX = (0.0, 0.0, 595.0, 842.0)


def test_tables_and_lines_in_reading_order() -> None:
    h, v = grid([60, 200, 300], [300, 320, 340])
    chars = (run("收支总表", x=200, top=270) + run("项目", x=70, top=305) + run("金额", x=210, top=305)
             + run("合计", x=70, top=325) + run("520.00", x=210, top=325) + run("注：无。", x=60, top=360))
    items = read_page(PageObjects(5, BOX, chars, h, v, []), "t.pdf", 3)
    kinds = [type(it).__name__ for _, it in items.items]
    assert kinds == ["TextLine", "GridTable", "TextLine"]
    table = items.items[1][1]
    assert isinstance(table, GridTable) and table.provenance.table == 3 and table.provenance.page == 5
    assert items.tables == 1 and items.findings == []


def test_a_framed_heading_reads_as_a_line() -> None:
    h, v = grid([60, 500], [100, 130])
    items = read_page(PageObjects(1, BOX, run("第二部分 部门预算表", x=200, top=110), h, v, []), "t.pdf", 1)
    assert [type(it) for _, it in items.items] == [TextLine] and items.tables == 0


def test_a_page_of_images_without_text_is_a_finding() -> None:
    items = read_page(PageObjects(7, BOX, [], [], [], [(0, 0, 595, 842)]), "t.pdf", 1)
    (finding,) = items.findings
    assert finding.code == "page.no_text_layer" and finding.severity.value == "error"
    assert "page 7 has no text layer" in finding.message and finding.provenance[0].page == 7


def test_a_blank_page_or_a_page_with_a_logo_is_not_a_scan() -> None:
    assert read_page(PageObjects(2, BOX, [], [], [], []), "t.pdf", 1).findings == []
    logo = [(20, 20, 120, 80)]
    assert read_page(PageObjects(2, BOX, run("正文", x=60, top=100), [], [], logo), "t.pdf", 1).findings == []


def test_unmapped_glyphs_are_a_finding() -> None:
    chars = [Char("(cid:1234)", 60 + 10 * i, 70 + 10 * i, 100, 110, 10) for i in range(3)]
    items = read_page(PageObjects(3, BOX, chars, [], [], [], cid_chars=3), "t.pdf", 1)
    (finding,) = items.findings
    assert finding.code == "page.unreadable_text" and "page 3" in finding.message and finding.actual == "3"


def test_a_cell_mixing_writing_directions_is_a_finding() -> None:
    h, v = grid([60, 200, 300], [300, 340])
    chars = run("合", x=70, top=305) + [Char("计", 70, 79, 320, 329, 9, False)] + run("1.00", x=210, top=305)
    items = read_page(PageObjects(1, BOX, chars, h, v, []), "t.pdf", 1)
    (finding,) = items.findings
    assert finding.code == "cell.mixed_direction" and finding.provenance[0].column == 0
