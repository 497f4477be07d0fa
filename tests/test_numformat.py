"""Stored spreadsheet numbers shown through their number formats: exact decimals at the printed precision."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.readers.numformat import displayed, format_places, to_decimal

ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '


@pytest.mark.parametrize(
    "value, fmt, shown, stored",
    [
        (1234.5, "#,##0.00", "1234.50", None),
        (0.1 + 0.2, "0.00", "0.30", None),  # binary noise beyond 15 digits is not a stored digit
        (0.1 + 0.2, "General", "0.3", None),
        (0.125, "0.00", "0.13", "0.125"),  # half away from zero, as Excel shows it
        (-0.125, "0.00", "-0.13", "-0.125"),
        (2.675, "0.00", "2.68", "2.675"),  # the float is 2.67499999…; Excel's 15 digits make it 2.675
        (Decimal("1.005"), "0.00", "1.01", "1.005"),
        (1234567.891, "#,##0", "1234568", "1234567.891"),
        (1234567, "#,##0.0,", "1234.6", "1234.567"),  # a trailing comma shows thousands
        (1234567, "0.00,,", "1.23", "1.234567"),
        (0.9543, "0.00%", "95.43%", None),
        (0, ACCOUNTING, "0.00", None),  # the zero section prints a dash: the value is still zero
        (-5, "#,##0.00;(#,##0.00)", "-5.00", None),
        (-5, "0.00;[Red]-0.000", "-5.000", None),  # the negative section's places
        (0, "0.00;-0.00;0", "0", None),  # the zero section's places
        (3, "General", "3", None),
        (3.5, None, "3.5", None),
        (7, '"¥"#,##0.00', "7.00", None),
        (7, '0.00"万元"', "7.00", None),
        (7, "[$-804]#,##0.00_);[Red](#,##0.00)", "7.00", None),
        (1, "@", "1", None),
        (15000, "0.0E+00", "15000", None),  # scientific: shown as stored
        (0.5, "# ?/?", "0.5", None),
        (12345678901234567890, "0", "12345678901234567890", None),
        (1e15, "0", "1000000000000000", None),
        (-0.004, "0.00", "0.00", "-0.004"),  # no negative zero
    ],
)
def test_a_number_shows_as_its_format_says(value, fmt, shown, stored) -> None:
    assert displayed(value, fmt) == (shown, stored)


def test_a_float_never_becomes_its_binary_expansion() -> None:
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal(0.1) != Decimal(0.1)
    assert to_decimal(1 / 3) == Decimal("0.333333333333333")


@pytest.mark.parametrize(
    "fmt, places",
    [("General", (None, False, 0)), ("0", (0, False, 0)), ("#,##0.00", (2, False, 0)), ("0.0%", (1, True, 0)),
     ("#,##0.000,", (3, False, 1)), ('"合计："0.00', (2, False, 0)), (r"0.00\,", (2, False, 0))],
)
def test_format_places(fmt: str, places: tuple) -> None:
    assert format_places(fmt) == places


# Published figures: up to 15 significant digits (what Excel keeps), 0 to 4 decimal places.
figures = st.builds(
    lambda digits, places, negative: Decimal(digits).scaleb(-places) * (-1 if negative else 1),
    st.integers(min_value=0, max_value=10**13 - 1), st.integers(min_value=0, max_value=4), st.booleans())


@given(figures, st.integers(min_value=0, max_value=4))
def test_a_stored_figure_reads_back_exactly_at_the_printed_precision(figure: Decimal, places: int) -> None:
    fmt = "#,##0" + ("." + "0" * places if places else "")
    shown, stored = displayed(float(figure), fmt)
    expected = figure.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert Decimal(shown) == expected
    assert len(shown.partition(".")[2]) == places
    assert (stored is None) == (expected == figure)
    if stored is not None:
        assert Decimal(stored) == figure


@given(figures)
def test_general_shows_the_stored_figure(figure: Decimal) -> None:
    shown, stored = displayed(float(figure), "General")
    assert Decimal(shown) == figure and stored is None
