"""Characters outside ruled tables into printed lines, and lines into paragraphs.

A line is split into fragments at gaps wider than :data:`DEFAULT_COLUMN_GAP` font
sizes; fragments are what a table without rules aligns. Lines join into a
paragraph while they continue one another: same size, no first-line indent, the
line before running to the right margin and no wide vertical gap.
"""

from __future__ import annotations

import re
from typing import Iterable

from .celltext import line_text, lines_of
from .objects import Char

__all__ = ["Fragment", "TextLine", "text_lines", "margins", "paragraphs", "continues", "DEFAULT_COLUMN_GAP"]

DEFAULT_COLUMN_GAP = 1.0  # a gap of one font size between characters separates two fragments
DEFAULT_INDENT = 1.0  # a line starting this many font sizes right of the margin begins a paragraph
DEFAULT_MAX_INDENT = 4.0  # a line starting further right is centred or set right, not indented
DEFAULT_SHORT = 1.5  # a line ending this many font sizes before the right margin ends its paragraph
DEFAULT_PARAGRAPH_GAP = 1.2  # a vertical gap of this many font sizes separates paragraphs
DEFAULT_SIZE_CHANGE = 0.15
DEFAULT_LONG_LINE = 8  # characters in a line that can tell where the margins are
DEFAULT_EDGE_TOLERANCE = 2.0  # a font size differing by this share starts a new paragraph


_SENTENCE_END = re.compile(r"[。；;：:！？!?）)]\s*$")
ORDINAL_START = re.compile(
    r"^\s*(第[一二三四五六七八九十]+[部分章节]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d{1,2}[、.．](?!\d)|[①-⑳])")


class Fragment:
    """A run of characters on one line with no wide gap inside."""

    __slots__ = ("chars", "text", "x0", "x1", "top", "bottom")

    def __init__(self, chars: list[Char]) -> None:
        self.chars = chars
        self.text = line_text(chars)
        self.x0 = min(c.x0 for c in chars)
        self.x1 = max(c.x1 for c in chars)
        self.top = min(c.top for c in chars)
        self.bottom = max(c.bottom for c in chars)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)

    def __repr__(self) -> str:
        return f"Fragment({self.text!r}, {self.x0:.1f}-{self.x1:.1f})"


class TextLine:
    """One printed line of free text with its fragments."""

    __slots__ = ("chars", "fragments", "x0", "x1", "top", "bottom", "size")

    def __init__(self, chars: list[Char]) -> None:
        self.chars = chars
        self.x0 = min(c.x0 for c in chars)
        self.x1 = max(c.x1 for c in chars)
        self.top = min(c.top for c in chars)
        self.bottom = max(c.bottom for c in chars)
        sizes = sorted(c.size for c in chars)
        self.size = sizes[len(sizes) // 2]
        self.fragments = _fragments(chars)

    @property
    def text(self) -> str:
        """The line's text; items set apart on the line (a label and a unit) keep one space."""
        return line_text(self.chars, separate=True)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)

    def __repr__(self) -> str:
        return f"TextLine({self.text!r}, top={self.top:.1f})"


def _fragments(chars: list[Char]) -> list[Fragment]:
    out: list[Fragment] = []
    run: list[Char] = []
    for c in chars:
        if run and c.x0 - run[-1].x1 > DEFAULT_COLUMN_GAP * max(min(c.size, run[-1].size), 1.0):
            out.append(Fragment(run))
            run = []
        run.append(c)
    if run:
        out.append(Fragment(run))
    return out


def text_lines(chars: Iterable[Char]) -> list[TextLine]:
    """Free characters as printed lines, top to bottom."""
    return [TextLine(line) for line in lines_of(chars) if line]


def margins(lines: list[TextLine], boxes: list[tuple[float, float]] = ()) -> tuple[float, float]:
    """The left and right edges of a page's body text.

    The outermost edges shared by two longer lines or more, so that a stray label
    (a chart caption, a number in the margin) does not move the margin. ``boxes``
    are the left and right edges of tables, which span the text width as a rule.
    """
    full = [(ln.x0, ln.x1) for ln in lines if len(ln.chars) >= DEFAULT_LONG_LINE] + list(boxes)
    if not full:
        full = [(ln.x0, ln.x1) for ln in lines]
    return _shared_edge([a for a, _ in full], min), _shared_edge([b for _, b in full], max)


def _shared_edge(values: list[float], pick) -> float:
    ordered = sorted(values)
    shared = [v for a, v in zip(ordered, ordered[1:]) if v - a <= DEFAULT_EDGE_TOLERANCE]
    shared += [a for a, v in zip(ordered, ordered[1:]) if v - a <= DEFAULT_EDGE_TOLERANCE]
    return pick(shared) if shared else pick(values)


def paragraphs(lines: list[TextLine], left: float, right: float) -> list[list[TextLine]]:
    """Consecutive lines grouped into paragraphs (each a list of lines), in order."""
    groups: list[list[TextLine]] = []
    for ln in lines:
        if groups and continues(groups[-1][-1], ln, left, right):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def continues(prev: TextLine, ln: TextLine, left: float, right: float, *, next_page: bool = False) -> bool:
    """Whether ``ln`` continues the paragraph whose last line is ``prev``.

    ``next_page``: ``ln`` opens the next page, so the vertical gap says nothing.
    """
    size = max(prev.size, ln.size, 1.0)
    if abs(prev.size - ln.size) > DEFAULT_SIZE_CHANGE * size:
        return False
    if not next_page and ln.top - prev.bottom > DEFAULT_PARAGRAPH_GAP * size:
        return False
    if prev.x1 < right - DEFAULT_SHORT * size:
        return False  # the line before stops short: its paragraph ended
    if prev.x0 > left + DEFAULT_MAX_INDENT * size:
        return False  # the line before is centred or set right (a title, a unit line)
    if ln.x0 > left + DEFAULT_INDENT * size:
        return False  # a first-line indent
    if _SENTENCE_END.search(prev.text) and ORDINAL_START.match(ln.text):
        return False  # a numbered heading or item after a finished sentence
    return True
