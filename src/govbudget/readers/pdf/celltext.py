"""Characters into text: lines by position, words by gaps, wrapped lines joined, numbers made whole.

A gap wider than a share of the font size (:data:`DEFAULT_SPACE_RATIO`) is a
space, so the wide letter-spacing of justified CJK text and of PDF ``Tc`` does not
split words; spaces next to a CJK character are dropped anyway (Chinese has
none). Lines of a wrapped cell join without a space where either side is CJK.
A cell that reads as a figure once its spaces are gone (``54. 07``,
``1, 234.50``) loses them all: a cell holds one value.
"""

from __future__ import annotations

import re
from typing import Iterable

from ...textnorm import is_cjk, join_wrapped
from .objects import Char

__all__ = [
    "lines_of",
    "line_text",
    "cell_text",
    "looks_numeric",
    "DEFAULT_SPACE_RATIO",
    "DEFAULT_LINE_OVERLAP",
]

DEFAULT_SPACE_RATIO = 0.5  # a gap of half the font size between two characters is a space
DEFAULT_LINE_OVERLAP = 0.5  # characters whose boxes overlap this much vertically share a line
DEFAULT_SEPARATE_EM = 0.8  # in free text, a gap this wide ...
DEFAULT_SEPARATE_FACTOR = 3.0  # ... and this many times the line's usual gap parts two items

_NUMERIC = re.compile(r"[-－—+(（]?[\d,，.．]+%?[)）]?|[-－—]+")
_SPACES = re.compile(r"[\s\u3000\xa0]+")
_COMPLETE = re.compile(r"[-－—+(（]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?[)）]?")


def lines_of(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters grouped into printed lines, top to bottom, each left to right.

    Upright characters share a line when their boxes overlap vertically by at least
    :data:`DEFAULT_LINE_OVERLAP` of the smaller height. Characters that are not
    upright (rotated text in a narrow cell) are read top to bottom, column by column.
    """
    upright = []
    turned = []
    for c in chars:
        (upright if c.upright else turned).append(c)
    lines: list[list[Char]] = []
    bounds: list[list[float]] = []
    for c in sorted(upright, key=lambda c: (c.top, c.x0)):
        h = c.bottom - c.top
        if lines:
            top, bottom = bounds[-1]
            overlap = min(bottom, c.bottom) - max(top, c.top)
            if overlap >= DEFAULT_LINE_OVERLAP * min(h, bottom - top):
                lines[-1].append(c)
                bounds[-1] = [min(top, c.top), max(bottom, c.bottom)]
                continue
        lines.append([c])
        bounds.append([c.top, c.bottom])
    for line in lines:
        line.sort(key=lambda c: c.x0)
    if turned:
        width = max(c.x1 - c.x0 for c in turned) or 1.0
        lines.append(sorted(turned, key=lambda c: (round(c.x0 / width), c.top)))
    return lines


def line_text(line: list[Char], space_ratio: float = DEFAULT_SPACE_RATIO, *, separate: bool = False) -> str:
    """One printed line as text: a space for each wide gap or space glyph, none next to a CJK character.

    With ``separate`` (free text, not a cell), a gap that stands out (wider than
    :data:`DEFAULT_SEPARATE_EM` font sizes and :data:`DEFAULT_SEPARATE_FACTOR` times the
    line's usual gap) keeps one space even between CJK characters: it parts two items
    set on one line (``编制部门：…    单位：元``), while the even gaps of justified text do not.
    """
    parts: list[str] = []
    prev: Char | None = None
    wide = float("inf")
    if separate and len(line) > 2:
        gaps = sorted(b.x0 - a.x1 for a, b in zip(line, line[1:]))
        usual = max(gaps[len(gaps) // 2], 0.0)
        size = sorted(c.size for c in line)[len(line) // 2]
        wide = max(DEFAULT_SEPARATE_EM * size, DEFAULT_SEPARATE_FACTOR * usual)
    for c in line:
        if prev is not None and c.upright and prev.upright:
            gap = c.x0 - prev.x1
            if gap > wide:
                parts.append(" ")
            elif c.space_before or gap > space_ratio * max(min(c.size, prev.size), 1.0):
                if not (is_cjk(prev.text[-1]) or is_cjk(c.text[0])):
                    parts.append(" ")
        parts.append(c.text)
        prev = c
    return "".join(parts)


def looks_numeric(text: str) -> bool:
    """Whether the text is a figure (or a dash) once its spaces are removed."""
    s = _SPACES.sub("", text)
    return bool(s) and bool(_NUMERIC.fullmatch(s)) and any(ch.isdigit() or ch in "-－—" for ch in s)


def cell_text(chars: Iterable[Char]) -> str:
    """The text of one cell: its lines joined like wrapped lines, a figure without spaces.

    A figure spaced apart (``54. 07``, ``1, 234.50``, letter-spaced ``1 5``) is made
    whole; figures that are each complete and not letter-spaced (``7 1.17``) are two
    printed values and stay apart, for the recogniser to doubt.
    """
    lines = [line_text(line) for line in lines_of(chars)]
    text = join_wrapped(lines)
    if looks_numeric(text):
        tokens = text.split()
        if (len(tokens) > 1 and all(_COMPLETE.fullmatch(t) for t in tokens)
                and not all(len(t) == 1 for t in tokens)):
            return " ".join(tokens)
        return _SPACES.sub("", text)
    return text
