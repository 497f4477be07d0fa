"""Printed figures into exact decimals: strict and loose parsing, blanks, units, yuan."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govbudget.amounts import (
    UNIT_FACTORS,
    NotAnAmount,
    is_blank,
    looks_like_amount,
    normalise_text,
    parse_amount,
    parse_unit,
    plain,
    to_yuan,
    yuan_string,
)

# -- strict parsing --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("54.07", "54.07"),
        ("54. 07", "54.07"),
        ("54 .07", "54.07"),
        ("1, 234.50", "1234.50"),
        ("1 ,234", "1234"),
        ("76,306,134", "76306134"),
        ("５４．０７", "54.07"),
        ("１，２３４．５０", "1234.50"),
        ("－22.75", "-22.75"),
        ("−22.75", "-22.75"),
        ("- 22.75", "-22.75"),
        ("+5", "5"),
        ("(22.75)", "-22.75"),
        ("（22.75）", "-22.75"),
        ("( 22.75 )", "-22.75"),
        ("0.00", "0.00"),
        ("\u300017147.23\xa0", "17147.23"),
    ],
)
def test_strict_parsing_reads_printed_figures(text: str, expected: str) -> None:
    value = parse_amount(text)
    assert value == Decimal(expected)
    assert plain(value) == expected


def test_zero_keeps_its_printed_decimal_places() -> None:
    value = parse_amount("0.00")
    assert value.as_tuple().exponent == -2
    assert plain(value) == "0.00"
    assert plain(parse_amount("0")) == "0"


def test_negative_zero_prints_without_a_sign() -> None:
    assert plain(Decimal("-0.00")) == "0.00"
    assert plain(Decimal("-0")) == "0"
    assert plain(Decimal("-0.50")) == "-0.50"


def test_plain_never_uses_exponent_notation() -> None:
    assert plain(Decimal("1E+2")) == "100"
    assert plain(Decimal("1E-7")) == "0.0000001"
    assert plain(Decimal("540700.00")) == "540700.00"


@pytest.mark.parametrize("text", ["", "  ", "\u3000", "-", "—", "——", "———", "－", "· · ·", "…… ", "- -", "/", None])
def test_blank_placeholders_are_no_value(text: str | None) -> None:
    assert is_blank(text)
    assert parse_amount(text) is None
    assert not looks_like_amount(text)


@pytest.mark.parametrize("text", ["0", "0.00", "合计", "."])
def test_zero_and_words_are_not_blank(text: str) -> None:
    assert not is_blank(text)


@pytest.mark.parametrize(
    "text",
    [
        "7 1.17",
        "3 4.76",
        "1 234",
        "12%",
        "abc",
        "1,23",
        "1, 23",
        "12,3456",
        "2022年",
        "54.07支出",
        "1.2.3",
        ".5",
        "5.",
        "1e5",
        "-(5)",
    ],
)
def test_strict_parsing_refuses_anything_but_one_figure(text: str) -> None:
    with pytest.raises(NotAnAmount, match=f"^{re.escape(text)}$"):
        parse_amount(text)
    assert not looks_like_amount(text)


def test_not_an_amount_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_amount("万元")


# -- loose parsing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [("5 4 . 0 7", "54.07"), ("1 2 3", "123"), ("- 5", "-5"), ("( 1 2 . 5 )", "-12.5"), ("7 6 , 3 0 6", "76306")],
)
def test_loose_parsing_drops_every_space(text: str, expected: str) -> None:
    assert parse_amount(text, loose=True) == Decimal(expected)


def test_spaced_out_glyphs_need_loose_parsing() -> None:
    with pytest.raises(NotAnAmount):
        parse_amount("5 4 . 0 7")
    assert looks_like_amount("5 4 . 0 7", loose=True)
    assert not looks_like_amount("5 4 . 0 7")


def test_loose_parsing_still_refuses_words() -> None:
    with pytest.raises(NotAnAmount):
        parse_amount("5 4 万 元", loose=True)


def test_normalise_text_maps_full_width_marks_to_ascii() -> None:
    assert normalise_text("\u3000（１，２３４．５０）\xa0") == "(1,234.50)"


# -- units -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, unit",
    [
        ("单位：万元", "万元"),
        ("金额单位：万元", "万元"),
        ("单位:元", "元"),
        ("单位 ： 千元", "千元"),
        ("价值（金额单位：万元）", "万元"),
        ("（单位：万元）", "万元"),
        ("(万元)", "万元"),
        ("（亿元）", "亿元"),
        ("万元", "万元"),
        ("单位：人民币万元", "万元"),
        ("单位：百万元", "百万元"),
        ("编制单位：某某街道办事处 单位：元", "元"),
        ("数量单位：辆 金额单位：万元", "万元"),
        ("部门名称：某某局", None),
        ("收入总计54.07万元", None),
    ],
)
def test_parse_unit_finds_the_money_unit_a_line_states(line: str, unit: str | None) -> None:
    assert parse_unit(line) == unit


# -- yuan ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, unit, yuan",
    [
        ("54.07", "万元", "540700"),
        ("0.00", "万元", "0"),
        ("-0.00", "万元", "0"),
        ("12.5", "元", "12.5"),
        ("12.50", "元", "12.5"),
        ("1.5", "千元", "1500"),
        ("0.0001", "万元", "1"),
        ("-54.07", "万元", "-540700"),
        ("3.2", "亿元", "320000000"),
        ("1E+2", "元", "100"),
    ],
)
def test_yuan_string_is_exact_without_trailing_zeros(value: str, unit: str, yuan: str) -> None:
    assert yuan_string(Decimal(value), unit) == yuan


def test_to_yuan_keeps_the_printed_exponent() -> None:
    assert to_yuan(Decimal("54.07"), "万元") == Decimal("540700")
    assert str(to_yuan(Decimal("54.07"), "万元")) == "540700.00"


def test_figures_longer_than_the_default_precision_stay_exact() -> None:
    value = parse_amount("1,234,567,890,123,456,789,012,345.67")
    assert to_yuan(value, "万元") == Decimal("12345678901234567890123456700.00")
    assert yuan_string(value, "万元") == "12345678901234567890123456700"
    assert yuan_string(Decimal("12345678901234567890123456789"), "元") == "12345678901234567890123456789"


@pytest.mark.parametrize("unit", ["美元", "", "万", "千万元"])
def test_an_unknown_unit_is_refused(unit: str) -> None:
    with pytest.raises(ValueError, match="unknown money unit"):
        to_yuan(Decimal(1), unit)
    with pytest.raises(ValueError, match="unknown money unit"):
        yuan_string(Decimal(1), unit)


# -- properties ------------------------------------------------------------------------

figures = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(-(10**15), 10**15),
    st.integers(0, 4),
)


def _printed(value: Decimal, thousands: bool) -> str:
    return f"{abs(value):,f}" if thousands else format(abs(value), "f")


@given(figures, st.booleans(), st.booleans(), st.sampled_from(["-", "－", "()"]))
@example(Decimal("54.07"), False, True, "-")
@example(Decimal("-1234.50"), True, True, "()")
def test_a_printed_figure_parses_back_to_itself(value: Decimal, thousands: bool, stray: bool, minus: str) -> None:
    text = _printed(value, thousands)
    if stray and "." in text:
        text = text.replace(".", ". ", 1)
    if value < 0:
        text = f"({text})" if minus == "()" else minus + text
    parsed = parse_amount(text)
    assert parsed == value
    assert parsed.as_tuple().exponent == value.as_tuple().exponent


@given(figures, st.data())
def test_a_stray_space_after_any_thousands_separator_is_harmless(value: Decimal, data: st.DataObject) -> None:
    text = _printed(value, True)
    commas = [i for i, ch in enumerate(text) if ch == ","]
    if commas:
        at = data.draw(st.sampled_from(commas))
        text = text[: at + 1] + " " + text[at + 1 :]
    assert parse_amount(("-" if value < 0 else "") + text) == value


digit_groups = st.from_regex(r"\A[0-9]{1,6}([.,][0-9]{1,3})?\Z")


@given(
    digit_groups, digit_groups, st.sampled_from([" ", "  ", "\u3000", "\xa0", "\t"]), st.sampled_from(["", "-", "("])
)
@example("7", "1.17", " ", "")
def test_two_digit_groups_with_only_a_space_between_are_never_one_figure(
    left: str, right: str, gap: str, prefix: str
) -> None:
    text = prefix + left + gap + right + (")" if prefix == "(" else "")
    with pytest.raises(NotAnAmount):
        parse_amount(text)
    assert not looks_like_amount(text)


@given(figures, st.sampled_from(sorted(UNIT_FACTORS)))
def test_yuan_string_is_the_exact_product_without_trailing_zeros(value: Decimal, unit: str) -> None:
    text = yuan_string(value, unit)
    assert Decimal(text) == value * UNIT_FACTORS[unit]
    assert "E" not in text and "e" not in text
    if "." in text:
        assert not text.endswith("0") and not text.endswith(".")
    if value == 0:
        assert text == "0"


@given(st.integers(-(10**40), 10**40), st.integers(0, 6), st.sampled_from(sorted(UNIT_FACTORS)))
@example(12345678901234567890123456789, 0, "元")
def test_yuan_string_is_exact_for_figures_of_any_length(n: int, places: int, unit: str) -> None:
    value = Decimal(f"{n}E-{places}")
    text = yuan_string(value, unit)
    assert Fraction(text) == Fraction(n * int(UNIT_FACTORS[unit]), 10**places)
    assert "E" not in text
