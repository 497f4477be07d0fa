"""Characters into text: lines, spaces, wrapped cells and figures spaced apart."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govbudget.amounts import parse_amount
from govbudget.readers.pdf.celltext import cell_text, line_text, lines_of, looks_numeric
from govbudget.readers.pdf.objects import Char


def run(text: str, x: float = 0.0, top: float = 0.0, size: float = 9.0, gap: float = 0.0,
        width: float | None = None, spaced: set[int] = frozenset()) -> list[Char]:
    """Characters of ``text`` set left to right, ``gap`` points apart."""
    out = []
    for i, t in enumerate(text):
        w = width if width is not None else (size if ord(t) > 0x2e80 else size / 2)
        out.append(Char(t, x, x + w, top, top + size, size, True, i in spaced))
        x += w + gap
    return out


def test_lines_top_to_bottom_left_to_right() -> None:
    chars = run("收入", x=50, top=20) + run("一般公共", x=10, top=0) + run("预算", x=46, top=0.8)
    assert [[c.text for c in ln] for ln in lines_of(reversed(chars))] == [list("一般公共预算"), list("收入")]


def test_letter_spaced_cjk_has_no_spaces() -> None:
    assert line_text(run("一般公共服务支出", gap=4.0)) == "一般公共服务支出"


def test_latin_words_keep_one_space() -> None:
    chars = run("Total", x=0) + run("amount", x=40)
    assert line_text(chars) == "Total amount"


def test_a_space_glyph_is_a_word_break_however_narrow() -> None:
    chars = run("7", x=0) + run("1.17", x=6.5, spaced={0})
    assert line_text(chars) == "7 1.17"


def test_free_text_keeps_items_set_apart_on_one_line() -> None:
    chars = run("编制部门：某局", x=0) + run("单位：元", x=200)
    assert line_text(chars, separate=True) == "编制部门：某局 单位：元"
    assert line_text(chars) == "编制部门：某局单位：元"


def test_justified_text_with_even_gaps_is_not_separated() -> None:
    chars = run("一般公共预算收入", gap=6.8, size=16)
    assert line_text(chars, separate=True) == "一般公共预算收入"


def test_wrapped_cjk_cell_joins_without_space() -> None:
    chars = run("机关事业单位基本养老", top=0) + run("保险缴费支出", top=12)
    assert cell_text(chars) == "机关事业单位基本养老保险缴费支出"


def test_wrapped_latin_cell_joins_with_a_space() -> None:
    assert cell_text(run("PPP", top=0) + run("project", top=12)) == "PPP project"


def test_figures_spaced_apart_are_made_whole() -> None:
    assert cell_text(run("54.", x=0) + run("07", x=20)) == "54.07"
    assert cell_text(run("1,", x=0) + run("234.50", x=14)) == "1,234.50"
    assert cell_text(run("15", gap=6.0)) == "15"  # letter-spaced


def test_two_complete_figures_stay_apart() -> None:
    assert cell_text(run("7", x=0) + run("1.17", x=12)) == "7 1.17"


def test_a_figure_wrapped_over_two_lines_is_whole() -> None:
    assert cell_text(run("1,234,567.", top=0) + run("89", top=12)) == "1,234,567.89"


def test_turned_characters_read_top_to_bottom() -> None:
    chars = [Char(t, 10, 19, top, top + 9, 9, False) for t, top in (("计", 30), ("合", 20))]
    assert cell_text(chars) == "合计"


def test_dash_cells_are_numeric_words_are_not() -> None:
    assert looks_numeric("—") and looks_numeric("- 1,234.50") and looks_numeric("(12.00)")
    assert not looks_numeric("合计") and not looks_numeric("2013802一般行政管理事务") and not looks_numeric("")


_AMOUNTS = st.decimals(min_value=Decimal("0"), max_value=Decimal("999999999.99"), places=2,
                       allow_nan=False, allow_infinity=False)


@given(_AMOUNTS, st.booleans(), st.floats(min_value=0.0, max_value=18.0))
def test_letter_spacing_never_splits_a_figure(value: Decimal, commas: bool, gap: float) -> None:
    text = f"{value:,.2f}" if commas else f"{value:.2f}"
    got = cell_text(run(text, gap=gap))
    assert got == text and parse_amount(got) == value


@given(_AMOUNTS, st.floats(min_value=4.6, max_value=30.0), st.integers(min_value=0, max_value=50))
def test_a_gap_beside_a_separator_never_splits_a_figure(value: Decimal, gap: float, where: int) -> None:
    text = f"{value:,.2f}"
    marks = [i for i, t in enumerate(text) if t in ",."]
    cut = marks[where % len(marks)] + (where % 2)  # just before or just after a separator
    chars = run(text[:cut]) + run(text[cut:], x=(run(text[:cut])[-1].x1 if cut else 0) + gap)
    assert cell_text(chars) == text
