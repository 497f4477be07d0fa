"""Grid rows sorted into what they are: header, 栏次 marker, repeated header or data."""

from __future__ import annotations

import re

from ..amounts import NotAnAmount, parse_amount
from ..grid import GridRow
from .labels import is_code, normalise
from .rowkeys import is_total

__all__ = [
    "row_texts",
    "is_marker_row",
    "is_data_row",
    "decimal_like",
    "amount_or_blank",
    "header_words_only",
    "dedupe",
    "split_part_labels",
    "has_values",
]

_INT = re.compile(r"^\d{1,3}$")


def row_texts(row: GridRow) -> list[str]:
    return [c.text.strip() for c in row.cells]


def is_marker_row(row: GridRow) -> bool:
    """A 栏次 row (column numbers) or a row of consecutive column numbers."""
    texts = [normalise(t) for t in row_texts(row) if t.strip()]
    if not texts:
        return False
    if texts[0] in ("栏次", "栏号"):
        return True
    if len(texts) >= 3 and all(_INT.match(t) for t in texts):
        nums = [int(t) for t in texts]
        return nums == sorted(nums) and len(set(nums)) == len(nums) and nums[0] <= 2
    return False


def decimal_like(text: str) -> bool:
    if not re.search(r"[.,]", text):
        return False
    try:
        return parse_amount(text) is not None
    except NotAnAmount:
        return False


def is_data_row(row: GridRow) -> bool:
    """A row holding figures or a code: the end of the header."""
    if not row.aligned:
        return True
    texts = row_texts(row)
    if any(decimal_like(t) for t in texts):
        return True
    non_blank = [t for t in texts if t]
    if non_blank and is_total(non_blank[0]) and all(amount_or_blank(t) for t in non_blank[1:]):
        return True  # the 合计 line of a table printed without figures
    codes = [t for t in non_blank if is_code(t)]
    return bool(codes) and any(not is_code(t) and not _INT.match(t) for t in non_blank) and not any(
        re.search(r"编码|代码|名称", t) for t in non_blank
    )


_HEADER_WORDS = re.compile(
    r"^(项目|行次|栏次|序号|统计数|金额|预算数|决算数|科目编码|科目名称|科目代码|功能分类科目|经济分类科目|"
    r"收入|支出|本年收入|本年支出|基本支出|项目支出|人员经费|公用经费|小计|单位:?(万元|元)|金额单位:?(万元|元))$"
)


def header_words_only(row: GridRow) -> bool:
    """A repeated header line inside the data (项目 | 行次 | 统计数)."""
    texts = [normalise(t) for t in row_texts(row) if t.strip()]
    return bool(texts) and all(_HEADER_WORDS.match(t) for t in texts)


_PART_LABELS = ("类", "款", "项")


def split_part_labels(row: GridRow) -> tuple[GridRow, GridRow] | None:
    """``类 | 款 | 项 | 合计 | 2,946.25 …``: the header's code-part labels printed on the total line.

    Returns the labels as a header row and the rest as the data row, each with the
    other's cells blanked; ``None`` for any other row.
    """
    import attrs

    texts = [normalise(t) for t in row_texts(row)]
    lead = 0
    while lead < len(texts) and texts[lead] in _PART_LABELS:
        lead += 1
    if lead < 2 or texts[:lead] != list(_PART_LABELS[:lead]) or not any(decimal_like(t) for t in texts[lead:]):
        return None
    head = tuple(c if i < lead else attrs.evolve(c, text="") for i, c in enumerate(row.cells))
    body = tuple(attrs.evolve(c, text="") if i < lead else c for i, c in enumerate(row.cells))
    return attrs.evolve(row, cells=head), attrs.evolve(row, cells=body)


def has_values(row: GridRow) -> bool:
    """Figures (or small counts) anywhere after the row's first cell."""
    return any(decimal_like(t) or (t.strip().isdigit() and len(t.strip()) < 3) for t in row_texts(row)[1:])


def amount_or_blank(text: str) -> bool:
    try:
        parse_amount(text)
        return True
    except NotAnAmount:
        return False


def dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for i in items:
        if i not in out:
            out.append(i)
    return out
