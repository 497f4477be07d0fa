"""Printed figures and fiscal years into what an instance states, and back: yuan with decimals, periods.

Shared by the XBRL writer and reader so that both sides of the round trip use
one rule: a figure printed as 54.07 万元 is stated as 540700 yuan with
``decimals="-2"``, and 540700 with ``decimals="-2"`` in a 万元 table reads back
as 54.07. Arithmetic is :class:`~decimal.Decimal` only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext

from ..amounts import UNIT_FACTORS, to_yuan

__all__ = [
    "XBRLI",
    "XBRLDI",
    "LINK",
    "XLINK",
    "ISO4217",
    "SCHEME_CODE",
    "SCHEME_NAME",
    "Period",
    "period_of",
    "year_of",
    "decimals_of",
    "yuan_text",
    "printed_value",
    "count_value",
]

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
# Entity identifier schemes: the code the disclosure prints for the entity, else its name.
SCHEME_CODE = "https://govbudget.example/scheme/entity-code"
SCHEME_NAME = "https://govbudget.example/scheme/entity-name"

Period = tuple[str, ...]
"""``("duration", start, end)``, ``("instant", date)`` or ``("forever",)``; dates ISO 8601."""


def period_of(instant: str | None, year: int | None) -> Period | None:
    """The period of a figure of a fiscal year (the calendar year).

    Flows span the year; an opening balance is an instant at the end of the
    previous year (XBRL instants are end of day), a closing one at the end of
    the year. Without a year a flow is ``forever`` and a balance has no period (``None``).
    """
    if year is None:
        return None if instant else ("forever",)
    if instant == "opening":
        return ("instant", f"{year - 1:04d}-12-31")
    if instant == "closing":
        return ("instant", f"{year:04d}-12-31")
    return ("duration", f"{year:04d}-01-01", f"{year:04d}-12-31")


def year_of(instant: str | None, period: Period) -> int | None:
    """The fiscal year a period stands for, ``None`` for ``forever``; raises ValueError for any other period."""
    if period == ("forever",) and not instant:
        return None
    if period[0] == "duration" and not instant:
        start, end = dt.date.fromisoformat(period[1]), dt.date.fromisoformat(period[2])
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return start.year
    if period[0] == "instant" and instant:
        day = dt.date.fromisoformat(period[1])
        if (day.month, day.day) == (12, 31):
            return day.year + 1 if instant == "opening" else day.year
    raise ValueError(f"the period {' '.join(period)} is not a fiscal year for this concept")


def _scale(unit: str) -> int:
    return UNIT_FACTORS[unit].adjusted()


def decimals_of(value: Decimal, unit: str | None) -> int:
    """The accuracy in yuan of a figure as printed: 54.07 万元 -> -2, 1234.5 元 -> 1; a count's own places."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int), "only finite figures are written"
    return -exponent - (_scale(unit) if unit in UNIT_FACTORS else 0)


def yuan_text(value: Decimal, unit: str) -> str:
    """The figure in yuan as an ``xs:decimal``: exact, positional, without trailing zeros."""
    y = to_yuan(value, unit)
    if y == 0:
        return "0"
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, len(y.as_tuple().digits))
        return format(y.normalize(), "f")


def _quantised(number: Decimal, shift: int, places: int) -> Decimal:
    """``number`` × 10^shift with exactly ``places`` decimal places; ValueError if that would change it."""
    with localcontext() as ctx:
        # Wide enough that neither step rounds: the check below must see the exact figure.
        ctx.prec = max(ctx.prec, len(number.as_tuple().digits) + abs(shift) + abs(places) + 2)
        scaled = number.scaleb(shift)
        q = scaled.quantize(Decimal(1).scaleb(-places))
        if q != scaled:
            raise ValueError(f"{format(scaled, 'f')} has more places than its decimals allow ({places})")
        return q


def printed_value(yuan: Decimal, decimals: int, unit: str) -> Decimal:
    """The figure as printed in ``unit`` from its yuan and accuracy: (540700, -2, 万元) -> 54.07."""
    scale = _scale(unit)
    return _quantised(yuan, -scale, decimals + scale)


def count_value(number: Decimal, decimals: int) -> Decimal:
    """A count as printed from the integer stated and its accuracy: (3, 2) -> 3.00."""
    return _quantised(number, 0, decimals)
