"""Printed figures and units into exact decimals: ``54. 07`` -> ``Decimal('54.07')``.

A blank cell (empty, or a dash such as ``-`` / ``——``) is no value, never zero.
Parsing is strict by default: whitespace may only stray next to the decimal
point or a thousands separator (``54. 07``, ``1, 234.50``), never between digits,
so that ``7 1.17`` (two figures run together) is refused instead of read as
71.17. Readers whose cell text comes from spaced-out glyphs pass ``loose=True``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

__all__ = [
    "NotAnAmount",
    "UNIT_FACTORS",
    "normalise_text",
    "is_blank",
    "parse_amount",
    "looks_like_amount",
    "parse_unit",
    "to_yuan",
    "plain",
    "yuan_string",
]

UNIT_FACTORS: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "百万元": Decimal(1000000),
    "亿元": Decimal(100000000),
}

_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "，": ",",
        "（": "(",
        "）": ")",
        "＋": "+",
        "－": "-",
        "−": "-",
        "\u3000": " ",
        "\xa0": " ",
    }
)
_DASHES = "-–—―─━－"
_BLANK_RE = re.compile(rf"^(?:[{_DASHES}/\\]*|[·•・…．.]{{2,}})$")
_SPACE_NEAR_MARK = re.compile(r"\s*([.,])\s*")
_AMOUNT_RE = re.compile(r"^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_UNIT_RE = re.compile(r"(?:金额|价值)?单位\s*[:：]?\s*(?:人民币)?\s*(百万元|千元|万元|亿元|元)")
_BARE_UNIT_RE = re.compile(r"^[(（]?\s*(百万元|千元|万元|亿元|元)\s*[)）]?$")


class NotAnAmount(ValueError):
    """The text is neither a blank nor a single figure."""


def normalise_text(text: str) -> str:
    """Full-width digits and marks to ASCII, odd spaces to plain spaces, trimmed."""
    return text.translate(_FULLWIDTH).strip()


def is_blank(text: str | None) -> bool:
    """True for an empty cell or a dash-only placeholder such as ``——``."""
    if text is None:
        return True
    return bool(_BLANK_RE.match(re.sub(r"\s+", "", normalise_text(text))))


def parse_amount(text: str | None, *, loose: bool = False) -> Decimal | None:
    """The exact figure a cell prints, ``None`` for a blank.

    Accepts thousands separators, a leading sign and accounting parentheses for
    negatives. Raises :class:`NotAnAmount` for anything else (words, percents,
    two figures in one cell).
    """
    if is_blank(text):
        return None
    assert text is not None
    s = normalise_text(text)
    if loose:
        s = re.sub(r"\s+", "", s)
    else:
        s = _SPACE_NEAR_MARK.sub(r"\1", s)
        s = re.sub(r"^([+-])\s+", r"\1", s)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    m = _AMOUNT_RE.match(s)
    if not m:
        raise NotAnAmount(text)
    sign, whole, frac = m.groups()
    try:
        value = Decimal(whole.replace(",", "") + (frac or ""))
    except InvalidOperation as err:  # pragma: no cover - the regex admits only digits
        raise NotAnAmount(text) from err
    if negative or sign == "-":
        value = -value
    return value


def looks_like_amount(text: str | None, *, loose: bool = False) -> bool:
    """True when the text is a single figure (not a blank)."""
    try:
        return parse_amount(text, loose=loose) is not None
    except NotAnAmount:
        return False


def parse_unit(text: str) -> str | None:
    """The money unit a line states: ``金额单位：万元`` -> ``万元``; ``None`` if none."""
    s = normalise_text(text)
    m = _UNIT_RE.search(s) or _BARE_UNIT_RE.match(s)
    return m.group(1) if m else None


def plain(value: Decimal) -> str:
    """A decimal in positional notation exactly as held: ``54.07``, ``0.00``."""
    text = format(value, "f")
    return "0" + text[2:] if text.startswith("-0") and value == 0 else text


def _digits(value: Decimal) -> int:
    return len(value.as_tuple().digits)


def to_yuan(value: Decimal, unit: str) -> Decimal:
    """The same figure in yuan, exact: 54.07 万元 -> 540700.00."""
    try:
        factor = UNIT_FACTORS[unit]
    except KeyError:
        raise ValueError(f"unknown money unit {unit!r}") from None
    with localcontext() as ctx:
        # Wide enough for the whole product: the default 28 digits would round it.
        ctx.prec = max(ctx.prec, _digits(value) + _digits(factor))
        return value * factor


def yuan_string(value: Decimal, unit: str) -> str:
    """The figure in yuan with trailing zeros removed: ``540700``, ``12.5``, ``0``."""
    y = to_yuan(value, unit)
    if y == 0:
        return "0"
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, _digits(y))
        return format(y.normalize(), "f")
