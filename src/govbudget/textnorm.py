"""Small text repairs shared by readers and recogniser: wraps, stray spaces, markup.

Chinese text has no spaces between words, so a space between two CJK characters
is an extraction artefact (``社会保障和就 业支出``) and is removed; between two
Latin letters or digits it is kept.
"""

from __future__ import annotations

import re

__all__ = ["is_cjk", "join_wrapped", "squeeze", "strip_markup", "compact"]

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_TAGS = re.compile(r"</?(?:b|strong|i|em|u|span|font|sup|sub)(?:\s[^>]*)?>", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_BOLD = re.compile(r"\*\*|__")


def is_cjk(ch: str) -> bool:
    """True for a Chinese character or full-width punctuation."""
    return bool(ch) and bool(re.match(rf"[{_CJK}]", ch))


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of a wrapped cell: no space where either side is CJK."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(part[0])):
            out += " "
        out += part
    return out


def squeeze(text: str) -> str:
    """Collapse runs of whitespace and drop those next to a CJK character."""
    text = re.sub(r"\s+", " ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()
    return _CJK_GAP.sub("", text)


def compact(text: str) -> str:
    """All whitespace removed: the form labels are matched in."""
    return re.sub(r"\s+", "", text.replace("\u3000", "").replace("\xa0", ""))


def strip_markup(text: str) -> str:
    """Drop inline HTML emphasis tags and markdown bold markers; ``<br>`` becomes a newline."""
    text = _BR.sub("\n", text)
    text = _TAGS.sub("", text)
    return _BOLD.sub("", text)
