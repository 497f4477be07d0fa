"""Page objects: what is visible, rules from lines and rectangles, doubled characters kept once."""

from __future__ import annotations

import pdfplumber
import pytest
from conftest import FIXTURES

from govbudget.readers.pdf.objects import Char, dedupe_chars, is_white, page_objects

PDF = FIXTURES / "pdf"


def ch(text: str, x: float, top: float, size: float = 10.0) -> Char:
    return Char(text, x, x + size, top, top + size, size)


@pytest.mark.parametrize("color", [1, 1.0, (1,), (1.0, 1.0, 1.0), [1, 1, 1], (0, 0, 0, 0)])
def test_white_in_every_colour_space(color) -> None:
    assert is_white(color)


@pytest.mark.parametrize("color", [0, (0,), (0, 0, 0), (0, 0, 0, 1), 0.9, (1, 1, 0.5), None, "P1", (1, "x", 1)])
def test_other_colours_and_patterns_are_visible(color) -> None:
    assert not is_white(color)


def test_fake_bold_drawn_twice_is_kept_once_in_drawing_order() -> None:
    chars = [ch("合", 100, 50), ch("合", 100.4, 50.1), ch("计", 110, 50), ch("计", 110.35, 49.8)]
    out = dedupe_chars(chars)
    assert [(c.text, c.x0) for c in out] == [("合", 100), ("计", 110)]


def test_equal_glyphs_side_by_side_are_not_duplicates() -> None:
    chars = [ch("0", 100, 50, 5), ch("0", 105, 50, 5), ch("0", 100, 56, 5)]
    assert dedupe_chars(chars) is chars


def test_duplicates_across_a_hash_cell_border_are_found() -> None:
    # 9.9 and 10.3 fall in different one-point cells; the neighbourhood lookup still pairs them.
    chars = [ch("5", 9.9, 19.95), ch("5", 10.3, 20.05)]
    assert [c.x0 for c in dedupe_chars(chars)] == [9.9]


def _objects(name: str, page: int):
    with pdfplumber.open(PDF / name) as pdf:
        p = pdf.pages[page - 1]
        try:
            return page_objects(p), p.rects, p.lines
        finally:
            p.close()


def test_white_and_off_page_rules_are_dropped() -> None:
    objs, _, lines = _objects("ruled_department.pdf", 1)
    # The page draws three rules: the running title's, a white one and one left of the page.
    assert len(lines) == 3
    assert [(round(h.y), round(h.x0), round(h.x1)) for h in objs.hsegs] == [(36, 56, 539)]
    assert objs.vsegs == []


def test_white_cell_backgrounds_leave_no_edges() -> None:
    objs, rects, _ = _objects("ruled_department.pdf", 2)
    backgrounds = [r for r in rects if r["non_stroking_color"] in ((1,), (1.0,), 1)]
    assert len(backgrounds) > 20
    edges = {round(v.x, 1) for v in objs.vsegs}
    assert not any(round(r["x0"], 1) in edges for r in backgrounds)


@pytest.mark.parametrize("page, title", [(1, "临江区卫生健康局2024年部门收入预算总表"),
                                         (3, "临江区卫生健康局2024年一般公共预算基本支出表")])
def test_turned_page_reads_upright_in_its_shown_size(page: int, title: str) -> None:
    objs, _, _ = _objects("landscape_rotated.pdf", page)
    assert (round(objs.width), round(objs.height)) == (842, 595)
    assert all(c.upright for c in objs.chars)
    big = sorted((c for c in objs.chars if c.size > 12), key=lambda c: c.x0)
    assert "".join(c.text for c in big) == title
    assert len({round(c.top) for c in big}) == 1


def test_space_glyphs_mark_the_next_character() -> None:
    objs, _, _ = _objects("seeds/000_0ed4365c30f949d8.pdf", 11)
    marked = [c for c in objs.chars if c.space_before]
    assert marked and not any(c.text.isspace() for c in objs.chars)


def test_image_share_of_a_scanned_page() -> None:
    objs, _, _ = _objects("scanned.pdf", 1)
    assert objs.chars == [] and objs.image_share() == pytest.approx(1.0, abs=0.01)
