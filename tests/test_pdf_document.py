"""Pages into the document's blocks: furniture dropped, paragraphs across page breaks."""

from __future__ import annotations

import pytest
from test_pdf_celltext import run

from govbudget.grid import GridCell, GridRow, GridTable, Paragraph
from govbudget.provenance import Provenance
from govbudget.readers.pdf.document import assemble, is_page_number
from govbudget.readers.pdf.page import PageItems
from govbudget.readers.pdf.textlines import text_lines

W, H = 595.0, 842.0


def page(number: int, *items) -> PageItems:
    p = PageItems(number, W, H)
    for it in items:
        p.items.append((it.top if hasattr(it, "top") else it.provenance.bbox[1], it))
    p.items.sort(key=lambda t: t[0])
    return p


def text(s: str, top: float, x: float = 60.0, size: float = 10.5, right: float | None = None):
    gap = 0.0
    if right is not None and len(s) > 1:
        gap = (right - x - size * len(s)) / (len(s) - 1)
    (ln,) = text_lines(run(s, x=x, top=top, size=size, gap=gap))
    return ln


def table(pg: int, rows: list[list[str]], top: float = 300.0, ordinal: int = 1) -> GridTable:
    grid_rows = tuple(
        GridRow(tuple(GridCell(t, Provenance("t.pdf", page=pg, table=ordinal, row=r, column=c))
                      for c, t in enumerate(cells)), Provenance("t.pdf", page=pg, table=ordinal, row=r))
        for r, cells in enumerate(rows))
    return GridTable(grid_rows, Provenance("t.pdf", page=pg, table=ordinal, bbox=(60.0, top, 530.0, top + 100)))


@pytest.mark.parametrize("s", ["8", "- 8 -", "—12—", "第 3 页", "第3页，共21页", "3/21", "Page 4"])
def test_page_numbers(s: str) -> None:
    assert is_page_number(s)


@pytest.mark.parametrize("s", ["2,946.25", "合计", "第二部分", "8 家单位"])
def test_not_page_numbers(s: str) -> None:
    assert not is_page_number(s)


def body(top: float) -> list:
    """A paragraph of two full lines and a short last one."""
    return [text("正文写满一整行正文写满一整行正文写满一整行正文写满一整", top + 16 * k, right=530)
            for k in range(2)] + [text("完。", top + 32)]


def test_page_numbers_and_running_titles_are_dropped() -> None:
    pages = [page(n, text("某局2024年部门预算", 30, x=240), *body(100), text(f"- {n} -", 800, x=280))
             for n in (1, 2, 3)]
    blocks = assemble(pages, "t.pdf")
    assert [(b.text[:4], b.text[-2:], b.provenance.page) for b in blocks] == [
        ("正文写满", "完。", 1), ("正文写满", "完。", 2), ("正文写满", "完。", 3)]


def test_a_unit_line_repeated_at_the_top_of_pages_is_kept() -> None:
    pages = [page(n, text("单位：万元", 30, x=480), table(n, [["项目", "金额"], ["合计", "1.00"]], 60, n))
             for n in (1, 2, 3)]
    blocks = assemble(pages, "t.pdf")
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["单位：万元"] * 3


def test_a_paragraph_cut_by_the_page_break_is_joined() -> None:
    p1 = page(1, text("标题", 60, x=270, size=16),
              text("收入总计五百二十万元，其中事业收入二十万元；本部门机关运行经费预算", 700, right=530),
              text("- 1 -", 800, x=280))
    p2 = page(2, text("45.00万元，主要用于办公费。", 60), text("下一段首行缩进，与上一段无关。", 80, x=81))
    blocks = assemble([p1, p2], "t.pdf")
    texts = [b.text for b in blocks]
    assert texts[1] == "收入总计五百二十万元，其中事业收入二十万元；本部门机关运行经费预算45.00万元，主要用于办公费。"
    assert blocks[1].provenance.page == 1 and blocks[1].provenance.bbox[1] == 700
    assert blocks[0].level == 1 and texts[2].startswith("下一段")
