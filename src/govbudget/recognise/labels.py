"""Printed labels into the compact form rules match against, and codes out of them.

``八、 社会保障和就 业支出`` -> ``社会保障和就业支出``; ``2013802一般行政管理事务`` ->
(``2013802``, ``一般行政管理事务``); ``42130322032R0000 00161`` -> one project code.
"""

from __future__ import annotations

import re

from ..amounts import normalise_text
from ..textnorm import compact, squeeze

__all__ = ["normalise", "strip_ordinal", "display_name", "split_code", "is_code", "clean_code"]

_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十廿卅百]+[、.．,，]|[(（][一二三四五六七八九十廿卅百\d]+[)）][、.．]?"
    r"|\d{1,2}[、．.](?!\d)|[①-⑳]|[a-zA-Z][、.](?![a-zA-Z]))\s*"
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "：": ":", "【": "[", "】": "]"})
_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})(?!\d)\s*(.*)$")


def strip_ordinal(text: str) -> str:
    """Remove list ordinals such as ``一、``, ``(八)``, ``1.``, ``其中：``."""
    s = text.strip()
    for _ in range(3):
        before = s
        s = _ORDINAL.sub("", s).strip()
        s = re.sub(r"^其中\s*[:：]\s*", "", s)
        s = re.sub(r"^其中\s*", "", s) if s.startswith("其中") and len(s) > 4 else s
        if s == before:
            break
    return s


def normalise(text: str) -> str:
    """The compact matching form: ASCII brackets and quotes, no whitespace, no ordinal."""
    s = compact(normalise_text(text).translate(_QUOTES))
    s = strip_ordinal(s)
    s = s.replace('"', "").replace("'", "")
    return s


def display_name(text: str) -> str:
    """A label as printed, with line wraps and stray spaces between CJK repaired."""
    return squeeze(text)


def is_code(text: str) -> bool:
    """True for a classification code: 3, 5 or 7 digits (spaces inside allowed)."""
    return bool(re.fullmatch(r"\d{3}(\d{2}){0,2}", compact(text)))


def clean_code(text: str) -> str:
    """A code cell with wraps and spaces removed."""
    return compact(normalise_text(text))


def split_code(text: str) -> tuple[str | None, str]:
    """A leading 3/5/7-digit code glued to or spaced from its name, and the name."""
    s = squeeze(normalise_text(text))
    m = _CODE.match(s)
    if m and m.group(2) and not re.match(r"^[\d.,%]", m.group(2)):
        return m.group(1), m.group(2).strip()
    return None, s
