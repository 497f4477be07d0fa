"""Tables keyed by paths of labels into the label columns they are printed with.

Two layouts key their lines by where they stand rather than by a code, so that a
workbook prints them the way the published tables do and reads back to the same keys:

- an income table that lists fund sources (收入总计 | 一般公共预算资金 小计 | 公共财政拨款(补助)资金 …):
  the fund group in the first column on its first line, its 小计 and parts in the second;
- a 政府采购预算表 printed as a tree (采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 | 采购组织形式):
  the category in the first column, each part of a line's path in its own column, printed
  where it differs from the line above (a blank cell repeats the one above).
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from ..model import Row, Table
from ..recognise.labels import normalise
from ..recognise.rowkeys import income_item, is_total
from ..recognise.sources import income_part
from ..textnorm import compact
from .xlsx_rows import INCOME_NAMES, PART_NAMES

__all__ = ["SOURCE_HEADER", "PURCHASE_HEADERS", "source_lines", "purchase_lines"]

SOURCE_HEADER = "项目名称"
PURCHASE_HEADERS = ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式")
# The group labels of a fund-source list, where a line's own name does not read back as its fund.
_GROUP_NAMES = {
    "grand_total": "收入总计",
    "general_budget": "一般公共预算资金",
    "gov_fund": "政府性基金",
    "state_capital": "国有资本经营预算资金",
    "special_account": "财政专户管理资金",
    "other": "其他资金",
    "carryover": "上年结转和结余资金",
}


# -- fund-source income lists --------------------------------------------------------------
def source_lines(table: Table) -> list[tuple[tuple[str | None, str | None], Row]] | None:
    """Each line's (group, sub-line) labels, or ``None`` when the table is no fund-source list.

    A list is an income table whose lines are all ``item:income.*`` with one figure, ``amount``.
    """
    if table.id != "income" or not table.rows:
        return None
    if not all(r.key.startswith("item:income.") for r in table.rows):
        return None
    if any(c.measure != "amount" for r in table.rows for c in r.cells):
        return None
    out = []
    group: str | None = None
    for row in table.rows:
        fund, _, part = row.key.removeprefix("item:income.").partition(".")
        label = _group_label(fund, row.name)
        if not part:
            subtotal = normalise(row.name).endswith("小计") or any(
                r.key.startswith(f"{row.key}.") for r in table.rows)
            out.append(((label, "小计" if subtotal else None), row))
        else:
            sub = row.name if income_part(row.name) == part or normalise(row.name) == part else (
                PART_NAMES.get(part, part))
            out.append(((label if fund != group else None, sub), row))
        group = fund
    return out


def _group_label(fund: str, name: str) -> str:
    """The fund group's label: the line's own words without 小计 when they name the fund."""
    own = name.strip()
    if normalise(own).endswith("小计"):
        own = own[: own.rfind("小计")].strip()
    if income_item(own) == fund or (fund not in _GROUP_NAMES and fund not in INCOME_NAMES):
        return own or fund
    return _GROUP_NAMES.get(fund) or INCOME_NAMES.get(fund, fund)


# -- procurement trees ----------------------------------------------------------------------
def purchase_lines(table: Table) -> tuple[int, list[tuple[tuple[str | None, ...], Row]]] | None:
    """The number of label columns and each line's labels, or ``None`` for a plain list of purchases.

    A path's first part is the letter of the category line above it (``A`` under 一、货物A).
    """
    if table.id != "procurement" or not any("/" in r.key for r in table.rows):
        return None
    rows = list(table.rows)
    width = max(3, max(len(r.key.split("/")) for r in rows))  # the category, then the parts of a path
    out: list[tuple[tuple[str | None, ...], Row]] = []
    letter: str | None = None
    above: list[str] | None = None
    for i, row in enumerate(rows):
        suffix = row.key.removeprefix("item:")
        if "/" not in suffix:
            below = next((r.key.removeprefix("item:").split("/")[0] for r in rows[i + 1:] if "/" in r.key), None)
            head, letter = _heading(suffix, row.name, below)
            out.append(((head,) + (None,) * (width - 1), row))
            above = None  # a heading starts the paths afresh
            continue
        parts = suffix.split("/")
        path = parts[1:] if letter is not None and parts[0] == letter else parts
        labels: list[str | None] = [None]
        for d, part in enumerate(path):
            same = above is not None and d < len(above) and above[: d + 1] == path[: d + 1]
            labels.append(None if same and d < len(path) - 1 else part)
        out.append((tuple(labels) + (None,) * (width - len(labels)), row))
        above = path
    return width, out


def _heading(suffix: str, name: str, letter: str | None) -> tuple[str, str | None]:
    """合计, a category line (一、货物A) or one the vocabulary does not know; and the letter it opens."""
    if suffix == "total":
        return (name if is_total(name) else "合计"), None
    word = suffix.removeprefix("procurement_")
    for ordinal, (known, default, rule) in zip("一二三", V.PROCUREMENT_CATEGORIES):
        if word != known:
            continue
        others = [r for w, _, r in V.PROCUREMENT_CATEGORIES if w != known]
        m = re.search(r"([A-Z])\s*$", name)
        opens = m.group(1) if m else default
        if rule.search(name) and not any(r.search(name) for r in others) and opens == (letter or opens):
            return name, opens
        words = {"goods": "货物", "works": "工程", "services": "服务"}[known]
        return f"{ordinal}、{words}{letter or default}", letter or default
    return name, compact(name)
