"""Printed figures into exact decimals, units into yuan; properties over generated figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.amounts import (
    NotAnAmount,
    is_blank,
    looks_like_amount,
    parse_amount,
    parse_unit,
    plain,
    to_yuan,
    yuan_string,
)


@pytest.mark.parametrize(
    "text, value",
    [
        ("54.07", "54.07"),
        ("54. 07", "54.07"),
        ("0. 4", "0.4"),
        ("1, 234.50", "1234.50"),
        ("76,306,134", "76306134"),
        ("５４．０７", "54.07"),
        ("-22.75", "-22.75"),
        ("－22.75", "-22.75"),
        ("(22.75)", "-22.75"),
        ("0.00", "0.00"),
        (" 17147.23 ", "17147.23"),
    ],
)
def test_printed_figures(text: str, value: str) -> None:
    got = parse_amount(text)
    assert got == Decimal(value)
    assert plain(got) == value


@pytest.mark.parametrize("text", ["", "  ", "-", "—", "——", "———", "－", "· · · · ·", None])
def test_blanks_are_no_value(text: str | None) -> None:
    assert is_blank(text)
    assert parse_amount(text) is None


@pytest.mark.parametrize("text", ["7 1.17", "3 4.76", "12%", "abc", "1,23", "2022年", "54.07支出", "1.2.3"])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(NotAnAmount):
        parse_amount(text)
    assert not looks_like_amount(text)


def test_loose_parsing_drops_the_spaces_of_spaced_out_glyphs() -> None:
    assert parse_amount("5 4 . 0 7", loose=True) == Decimal("54.07")
    with pytest.raises(NotAnAmount):
        parse_amount("5 4 . 0 7")


@pytest.mark.parametrize(
    "line, unit",
    [
        ("单位：万元", "万元"),
        ("金额单位：万元", "万元"),
        ("单位:元", "元"),
        ("价值（金额单位：万元）", "万元"),
        ("(万元)", "万元"),
        ("编制单位：某某街道办事处 单位：元", "元"),
        ("部门名称：某某局", None),
    ],
)
def test_unit_lines(line: str, unit: str | None) -> None:
    assert parse_unit(line) == unit


def test_yuan_is_exact_without_trailing_zeros() -> None:
    assert yuan_string(Decimal("54.07"), "万元") == "540700"
    assert yuan_string(Decimal("0.00"), "万元") == "0"
    assert yuan_string(Decimal("12.50"), "元") == "12.5"
    assert to_yuan(Decimal("1.5"), "千元") == Decimal("1500.0")
    with pytest.raises(ValueError, match="unknown money unit"):
        to_yuan(Decimal(1), "美元")


# Figures as disclosures print them: up to 12 digits, 0 to 4 decimal places.
figures = st.builds(lambda n, places: Decimal(n).scaleb(-places), st.integers(-10**12, 10**12), st.integers(0, 4))


def printed(value: Decimal, thousands: bool, stray_space: bool) -> str:
    text = f"{abs(value):,f}" if thousands else format(abs(value), "f")
    if stray_space and "." in text:
        text = text.replace(".", ". ", 1)
    return ("-" if value < 0 else "") + text


@given(figures, st.booleans(), st.booleans())
def test_any_printed_figure_parses_back_to_itself(value: Decimal, thousands: bool, stray_space: bool) -> None:
    assert parse_amount(printed(value, thousands, stray_space)) == value


@given(st.integers(1, 999), st.integers(0, 999))
def test_two_figures_run_together_are_never_read_as_one(a: int, b: int) -> None:
    with pytest.raises(NotAnAmount):
        parse_amount(f"{a} {b}")


@given(figures, st.sampled_from(["元", "千元", "万元", "亿元"]))
def test_yuan_string_is_the_exact_product_without_trailing_zeros(value: Decimal, unit: str) -> None:
    text = yuan_string(value, unit)
    assert Decimal(text) == to_yuan(value, unit)
    assert "E" not in text and not (("." in text) and text.endswith("0"))
