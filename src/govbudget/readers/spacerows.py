"""Rows of text whose column positions were lost: cells from codes, labels and figures.

Text pulled from a PDF with runs of spaces collapsed to one keeps no columns; a
row is rebuilt from what its words are: a code (``2013802``, ``301 01``, perhaps
glued to its name), labels, and figures.
"""

from __future__ import annotations

import re

from ..amounts import looks_like_amount
from ..textnorm import compact

__all__ = ["space_cells", "split_glued", "ORDINAL_START", "DEFAULT_LABEL_CHARS"]

DEFAULT_LABEL_CHARS = 40  # a longer cell is prose, not a row label
_GLUED_AMOUNT = re.compile(r"^\s*(-?\d[\d,]*\.\s*\d+)\s*((?![万千亿元])[\u4e00-\u9fff（(].*)$")
_CODE_GLUED = re.compile(r"^(\d{3}|\d{5}|\d{7})([\u4e00-\u9fff].*)$")
_ECON_SPLIT = re.compile(r"^(\d{2})([\u4e00-\u9fff].*)$")
ORDINAL_START = re.compile(
    r"^(?:[一二三四五六七八九十廿卅]+[、.．]|[(（][一二三四五六七八九十廿]+[)）]|\d{1,2}[、．](?!\d))"
)


def split_glued(texts: list[str]) -> list[str]:
    """Split cells where PDF extraction ran a figure into the next label (``54.07支出总计``)."""
    out = []
    for t in texts:
        m = _GLUED_AMOUNT.match(t)
        if m and looks_like_amount(m.group(1)):
            out.extend([m.group(1), m.group(2)])
        else:
            out.append(t)
    return out


def space_cells(line: str) -> list[str] | None:
    """The cells of a space-separated table row, or ``None`` if the line is not one.

    A row starts with a code (``2013802``, ``301 01``, possibly glued to its
    name), or is a label followed by figures, or figures only, or a bare total.
    """
    tokens = line.split()
    if not tokens:
        return None
    cells: list[str] = []
    k = 0
    head = tokens[0]
    m = _CODE_GLUED.match(head)
    if re.fullmatch(r"\d{3}|\d{5}|\d{7}", head) and len(tokens) > 1:
        econ = _ECON_SPLIT.match(tokens[1]) if len(head) == 3 else None
        if econ:
            cells += [head + econ.group(1), econ.group(2)]
            k = 2
        elif re.fullmatch(r"\d{2}", tokens[1]) and len(head) == 3:
            cells.append(head + tokens[1])
            k = 2
        else:
            cells.append(head)
            k = 1
    elif m:
        cells += [m.group(1), m.group(2)]
        k = 1
    has_code = bool(cells)
    label: list[str] = []
    amounts = 0
    for tok in tokens[k:]:
        if looks_like_amount(tok):
            if label:
                cells.append("".join(label))
                label = []
            cells.append(tok)
            amounts += 1
        else:
            if label and ORDINAL_START.match(tok):
                cells.append("".join(label))
                label = []
            label.append(tok)
    if label:
        cells.append("".join(label))
    ends_with_amount = looks_like_amount(tokens[-1])
    labels = len(cells) - amounts - (1 if has_code else 0)
    if any(len(c) > DEFAULT_LABEL_CHARS or re.search(r"[，。；]", c) for c in cells):
        return None
    if has_code:
        return cells
    if amounts and ends_with_amount and labels >= 1:
        return cells
    if amounts >= 2 and labels == 0:
        return cells
    if len(tokens) == 1 and compact(tokens[0]) in ("合计", "总计"):
        return cells
    return None
