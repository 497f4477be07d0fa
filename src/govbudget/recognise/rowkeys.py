"""Row labels and codes into row keys: ``八、社会保障和就业支出`` -> ``fn:208``.

Keys follow ``SCHEME:CODE``: ``fn:`` / ``econ:`` classification codes, ``unit:`` budget
units, ``proj:`` projects and ``item:`` named lines (``item:total``,
``item:income.general_budget`` ...).
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from .labels import clean_code, normalise

__all__ = [
    "TOTAL_WORDS",
    "is_total",
    "function_class",
    "econ_class",
    "income_item",
    "expenditure_item",
    "three_public_item",
    "stats_section",
    "stats_item",
    "code_key",
]

TOTAL_WORDS = re.compile(r"^(合计|总计|共计)$")
_FN_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_ECON_CODE = re.compile(r"^\d{3}(\d{2})?$")


def is_total(label: str) -> bool:
    """``合计`` / ``总计`` however spaced."""
    return bool(TOTAL_WORDS.match(normalise(label)))


def function_class(label: str) -> str | None:
    """The 类 code of a function-class name, or ``None``."""
    return V.FUNCTION_CLASSES.get(normalise(label))


def econ_class(label: str) -> str | None:
    """The 类 code of an economic-class name, or ``None``."""
    return V.ECON_CLASSES.get(normalise(label))


def _first(rules: tuple[tuple[str, re.Pattern[str]], ...], label: str) -> str | None:
    for key, rule in rules:
        if rule.search(label):
            return key
    return None


def income_item(label: str) -> str | None:
    """The ``item:income.*`` suffix of an income line of a two-sided table."""
    return _first(V.INCOME_ITEMS, normalise(label))


def expenditure_item(label: str) -> str | None:
    """``fn:208`` for a function class, else ``item:expenditure.*`` for a summary line."""
    code = function_class(label)
    if code:
        return f"fn:{code}"
    suffix = _first(V.EXPENDITURE_ITEMS, normalise(label))
    return f"item:expenditure.{suffix}" if suffix else None


def three_public_item(label: str) -> str | None:
    """The 三公 item a label names (``total``, ``outbound``, ``vehicle_operation`` ...)."""
    return _first(V.THREE_PUBLIC_ITEMS, normalise(label))


def stats_section(label: str) -> str | None:
    """The section of the 公开10表 a heading line opens, or ``None``."""
    s = normalise(label)
    if len(s) > 20:
        return None
    return _first(V.STATS_SECTIONS, s)


def stats_item(label: str, section: str | None) -> str | None:
    """The ``item:`` suffix of a 公开10表 line, read in its section."""
    s = normalise(label)
    for key, needs, rule in V.STATS_ITEMS:
        if needs is not None and needs != section:
            continue
        if rule.search(s):
            return key
    return None


def code_key(code: str, scheme: str | None) -> str | None:
    """``fn:2080505`` for a well-formed code of the scheme, else ``None``."""
    c = clean_code(code)
    if not c:
        return None
    if scheme == "econ":
        return f"econ:{c}" if _ECON_CODE.match(c) else None
    if scheme == "unit":
        return f"unit:{c}" if re.fullmatch(r"\d{3,12}", c) else None
    if scheme == "proj":
        if re.fullmatch(r"\d{3}|\d{6}", c):
            return f"unit:{c}"
        return f"proj:{c}" if re.fullmatch(r"[0-9A-Za-z\-_.]+", c) else None
    return f"fn:{c}" if _FN_CODE.match(c) else None
