"""Ruling segments into table grids, from hand-made segment lists."""

from __future__ import annotations

from govbudget.readers.pdf.objects import HSeg, VSeg
from govbudget.readers.pdf.ruling import find_rulings, simplify, snap


def grid(xs: list[float], ys: list[float]) -> tuple[list[HSeg], list[VSeg]]:
    """Every border of a plain grid."""
    return ([HSeg(y, xs[0], xs[-1]) for y in ys], [VSeg(x, ys[0], ys[-1]) for x in xs])


def test_snap_merges_close_positions() -> None:
    assert [round(v, 2) for v in snap([10.0, 11.5, 40.0, 100.0, 102.0, 104.5])] == [10.75, 40.0, 102.17]


def test_plain_grid() -> None:
    h, v = grid([0, 100, 200, 300], [0, 20, 40])
    (r,) = find_rulings(h, v)
    assert r.shape == (2, 3)
    assert r.owner == [[(0, 0), (0, 1), (0, 2)], [(1, 0), (1, 1), (1, 2)]]
    assert r.bbox == (0, 0, 300, 40)


def test_merged_header_cell_across_columns() -> None:
    h, v = grid([0, 100, 200, 300], [0, 20, 40])
    v = [s for s in v if s.x != 200] + [VSeg(200, 20, 40)]  # 收入预算 over two columns
    (r,) = find_rulings(h, v)
    assert r.owner[0] == [(0, 0), (0, 1), (0, 1)]
    assert r.owner[1] == [(1, 0), (1, 1), (1, 2)]
    assert r.cell_box(0, 1) == (100, 0, 300, 20)


def test_merged_cell_down_two_rows() -> None:
    h, v = grid([0, 100, 200], [0, 20, 40, 60])
    h = [s for s in h if s.y != 20] + [HSeg(20, 100, 200)]  # 科目名称 over two header rows
    (r,) = find_rulings(h, v)
    assert [r.owner[i][0] for i in range(3)] == [(0, 0), (0, 0), (2, 0)]
    assert r.cell_box(0, 0) == (0, 0, 100, 40)


def test_table_without_side_borders_keeps_its_outer_columns() -> None:
    h = [HSeg(y, 0, 300) for y in (0, 20, 40)]
    v = [VSeg(x, 0, 40) for x in (100, 200)]
    (r,) = find_rulings(h, v)
    assert r.xs == [0, 100, 200, 300] and r.shape == (2, 3)


def test_double_borders_and_drift_are_one_rule() -> None:
    h = [HSeg(0, 0, 200), HSeg(1.5, 0, 200), HSeg(20.4, 0, 200), HSeg(40, 0, 200)]
    v = [VSeg(0, 0, 40), VSeg(99.2, 0, 20), VSeg(100.6, 20, 40), VSeg(200, 0, 40)]
    (r,) = find_rulings(h, v)
    assert r.shape == (2, 2)
    assert r.owner[1] == [(1, 0), (1, 1)]


def test_rules_drawn_in_pieces_are_joined() -> None:
    h = [HSeg(0, 0, 120), HSeg(0, 121.5, 200), HSeg(20, 0, 200)]
    v = [VSeg(0, 0, 20), VSeg(200, 0, 20), VSeg(100, 0, 9.5), VSeg(100, 11, 20)]
    (r,) = find_rulings(h, v)
    assert r.owner == [[(0, 0), (0, 1)]]


def test_separate_tables_on_one_page_top_to_bottom() -> None:
    h1, v1 = grid([0, 100, 200], [300, 320, 340])
    h2, v2 = grid([0, 50, 200], [50, 70, 90])
    rulings = find_rulings(h1 + h2, v1 + v2)
    assert [r.ys[0] for r in rulings] == [50, 300]


def test_decorations_are_not_tables() -> None:
    assert find_rulings([HSeg(36, 56, 539)], []) == []
    assert find_rulings([HSeg(10, 0, 100)], [VSeg(0, 10, 60)]) == []  # an L corner: one horizontal
    assert find_rulings([HSeg(10, 0, 5), HSeg(14, 0, 5)], [VSeg(0, 10, 14)]) == []  # too small


def test_locate_points_inside_and_outside() -> None:
    h, v = grid([0, 100, 200], [0, 20, 40])
    (r,) = find_rulings(h, v)
    assert r.locate(150, 30) == (1, 1)
    assert r.locate(200, 40) == (1, 1)
    assert r.locate(250, 30) is None


def test_word_per_row_borders_a_few_points_apart_are_one_column() -> None:
    # The header's column rule at 100, the body's at 107: one column, not a narrow extra one.
    h = [HSeg(y, 0, 300) for y in (0, 20, 40, 60)]
    v = [VSeg(0, 0, 60), VSeg(300, 0, 60), VSeg(100, 0, 20), VSeg(107, 20, 60)]
    (r,) = find_rulings(h, v)
    assert r.xs == [0, 107, 300]
    assert r.owner == [[(0, 0), (0, 1)], [(1, 0), (1, 1)], [(2, 0), (2, 1)]]


def test_close_rules_in_the_same_rows_are_two_columns() -> None:
    h = [HSeg(y, 0, 300) for y in (0, 20, 40)]
    v = [VSeg(0, 0, 40), VSeg(300, 0, 40), VSeg(100, 0, 40), VSeg(107, 0, 40)]
    (r,) = find_rulings(h, v)
    assert r.shape == (2, 3)


def test_short_rules_that_never_separate_text_are_dropped() -> None:
    # A rule in one row of three, far from any other, between a text and an empty cell.
    h = [HSeg(y, 0, 300) for y in (0, 20, 40, 60)]
    v = [VSeg(0, 0, 60), VSeg(300, 0, 60), VSeg(150, 20, 40)]
    (r,) = find_rulings(h, v)
    assert r.shape == (3, 2)
    simpler = simplify(r, lambda i, j: j == 0)
    assert simpler.shape == (3, 1)


def test_a_ruled_column_empty_on_this_page_stays() -> None:
    h, v = grid([0, 100, 200, 300], [0, 20, 40])
    (r,) = find_rulings(h, v)
    simpler = simplify(r, lambda i, j: j == 0)
    assert simpler is r


def test_a_boundary_between_two_texts_stays() -> None:
    h = [HSeg(y, 0, 300) for y in (0, 20, 40, 60)]
    v = [VSeg(0, 0, 60), VSeg(300, 0, 60), VSeg(150, 0, 20)]  # ruled in one row of three
    (r,) = find_rulings(h, v)
    kept = simplify(r, lambda i, j: (i, j) in {(0, 0), (0, 1), (1, 0)})
    assert kept.shape == (3, 2)
