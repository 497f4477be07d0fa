"""Stored spreadsheet numbers and their number formats into the exact text a printed cell shows.

openpyxl hands numbers over as Python floats. A float is never turned into a
decimal directly (``Decimal(0.1)`` is 0.1000000000000000055…): it is first cut
to the 15 significant digits Excel keeps and shows, then rounded half away from
zero to the decimal places of the format section that applies (``#,##0.00`` ->
two). Percent formats multiply by 100, trailing commas (``#,##0.0,``) divide by
1000. Thousands separators and colours are presentation and are left out, and
the sign is always kept, so the text is one plain decimal figure.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = ["EXCEL_DIGITS", "to_decimal", "displayed", "format_places"]

# Excel keeps and shows 15 significant digits; a float's 16th and 17th are binary noise (0.1 + 0.2).
EXCEL_DIGITS = 15
_NOISE = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
_DIGIT = re.compile(r"[0#?]")


def to_decimal(value: int | float | Decimal) -> Decimal:
    """The exact decimal of a stored number: a float through its 15 significant digits."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(format(value, f".{EXCEL_DIGITS}g"))


def _sections(fmt: str) -> list[str]:
    """The ``;``-separated sections of a format, ignoring ``;`` inside quotes and brackets."""
    out, current, quoted, bracket = [], "", False, False
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "\\" and i + 1 < len(fmt):
            current += fmt[i:i + 2]
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == "[" and not quoted:
            bracket = True
        elif ch == "]" and not quoted:
            bracket = False
        if ch == ";" and not quoted and not bracket:
            out.append(current)
            current = ""
        else:
            current += ch
        i += 1
    out.append(current)
    return out


def format_places(section: str) -> tuple[int | None, bool, int]:
    """Decimal places a format section shows (``None``: as stored), whether it is a percent, thousands scaling."""
    s = _NOISE.sub("", section).strip()
    if not s or s.lower() == "general" or not _DIGIT.search(s) or re.search(r"[eE][+-]|/", s):
        return None, "%" in s, 0
    m = re.search(r"\.([0#?]+)", s)
    places = len(m.group(1)) if m else 0
    # Commas right after the last digit placeholder divide by 1000 each (#,##0.0, -> thousands).
    tail = re.search(r"[0#?](,+)(?![0#?,])", s)
    last = max(s.rfind(c) for c in "0#?")
    scale = len(tail.group(1)) if tail and tail.end() > last else 0
    return places, "%" in s, scale


def _applicable(fmt: str, value: Decimal) -> str:
    sections = _sections(fmt or "General")
    if value < 0 and len(sections) >= 2 and _DIGIT.search(_NOISE.sub("", sections[1])):
        return sections[1]
    # A zero section of a dash padded by ? placeholders (accounting formats) shows no digit of its own.
    if value == 0 and len(sections) >= 3 and re.search(r"[0#]", _NOISE.sub("", sections[2])):
        return sections[2]
    return sections[0]


def displayed(value: int | float | Decimal, number_format: str | None) -> tuple[str, str | None]:
    """A number as its cell format shows it, and the stored figure when the format hides digits.

    ``displayed(1234.5, "#,##0.00") == ("1234.50", None)``;
    ``displayed(0.125, "0.00") == ("0.13", "0.125")``. A zero shown by its format as
    a dash keeps its value (``0.00``): the workbook says it is zero.
    """
    exact = to_decimal(value)
    places, percent, scale = format_places(_applicable(number_format or "General", exact))
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, len(exact.as_tuple().digits) + 6)
        stored = exact * 100 if percent else exact
        stored = stored.scaleb(-3 * scale)
        shown = stored if places is None else stored.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    lost = None if shown == stored else _plain(stored)
    return _plain(shown) + ("%" if percent else ""), lost


def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return "0" + text[2:] if text.startswith("-0") and d == 0 else text
