"""Printed figures into yuan with decimals and back; fiscal years into periods and back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.amounts import UNIT_FACTORS, plain
from govbudget.taxonomy.instance import count_value, decimals_of, period_of, printed_value, year_of, yuan_text


@pytest.mark.parametrize(
    ("printed", "unit", "value", "decimals"),
    [
        # The table of XBRL.md: the accuracy of the published figure, in yuan.
        ("1234567.89", "元", "1234567.89", 2),
        ("1234568", "元", "1234568", 0),
        ("123.46", "万元", "1234600", -2),
        ("123", "万元", "1230000", -4),
        ("1.23", "亿元", "123000000", -6),
        ("54.07", "万元", "540700", -2),
        ("0.00", "万元", "0", -2),
        ("-5.10", "千元", "-5100", -1),
        ("1E+2", "万元", "1000000", -6),
    ],
)
def test_a_printed_figure_is_stated_in_yuan_with_its_precision(printed: str, unit: str, value: str,
                                                               decimals: int) -> None:
    figure = Decimal(printed)
    assert (yuan_text(figure, unit), decimals_of(figure, unit)) == (value, decimals)
    back = printed_value(Decimal(value), decimals, unit)
    assert str(back) == str(figure) or (figure == 0 and plain(back) == plain(figure))


def test_long_figures_keep_every_digit() -> None:
    figure = Decimal("12345678901234567890123456789.123")
    assert yuan_text(figure, "万元") == "123456789012345678901234567891230"
    assert printed_value(Decimal(yuan_text(figure, "万元")), decimals_of(figure, "万元"), "万元") == figure


def test_a_stated_figure_finer_than_its_decimals_is_refused() -> None:
    with pytest.raises(ValueError, match="more places than its decimals allow"):
        printed_value(Decimal("540712"), -2, "万元")


@given(
    st.builds(lambda sign, digits, exp: Decimal((sign, tuple(digits), exp)), st.integers(0, 1),
              st.lists(st.integers(0, 9), min_size=1, max_size=20), st.integers(-6, 3)),
    st.sampled_from(sorted(UNIT_FACTORS)),
)
def test_every_printed_figure_comes_back_as_printed(figure: Decimal, unit: str) -> None:
    back = printed_value(Decimal(yuan_text(figure, unit)), decimals_of(figure, unit), unit)
    assert plain(back) == plain(figure)
    assert back.as_tuple().exponent == figure.as_tuple().exponent


def test_counts_keep_their_printed_places() -> None:
    assert decimals_of(Decimal("3.00"), None) == 2
    assert str(count_value(Decimal("3"), 2)) == "3.00"
    assert str(count_value(Decimal("12"), 0)) == "12"


def test_periods_of_a_fiscal_year() -> None:
    assert period_of(None, 2024) == ("duration", "2024-01-01", "2024-12-31")
    # XBRL instants are the end of a day: the opening balance is stated at the end of the previous year.
    assert period_of("opening", 2024) == ("instant", "2023-12-31")
    assert period_of("closing", 2024) == ("instant", "2024-12-31")
    assert period_of(None, None) == ("forever",)
    assert period_of("opening", None) is None
    for instant in (None, "opening", "closing"):
        assert year_of(instant, period_of(instant, 2024)) == 2024


@pytest.mark.parametrize(
    ("instant", "period"),
    [(None, ("duration", "2024-01-01", "2024-06-30")), (None, ("instant", "2024-12-31")),
     ("opening", ("duration", "2024-01-01", "2024-12-31")), ("closing", ("instant", "2024-06-30")),
     ("closing", ("forever",))],
)
def test_a_period_that_is_no_fiscal_year_is_refused(instant: str | None, period: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="not a fiscal year"):
        year_of(instant, period)
