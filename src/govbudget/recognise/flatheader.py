"""Headers of tables whose column positions were lost: a flattened run of words into columns.

Text pulled from a PDF with runs of spaces collapsed prints a multi-level header
as lines of words glued together (``功能分类科目名称 合计 基本支出 项目支出``). The
leaf columns are rebuilt from the words in printed order.
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from .columns import amount_measure, rule_measure
from .gridrows import dedupe

__all__ = ["compact_text", "header_words", "leaves", "three_public_leaves"]

_WORD = re.compile(
    r"(?P<scope>(一般公共预算|政府性基金(预算)?|国有资本经营(预算)?|财政拨款)(基本)?支出)|本年收入合计|本年支出合计|合计|小计|财政拨款收入|一般公共预算|政府性基金(预算)?|国有资本经营(预算)?|"
    r"事业单位经营收入|事业收入|其他收入|上年结转|基本支出|项目支出|人员经费|公用经费|预算数|决算数|金额"
)


def compact_text(text: str) -> str:
    """The text with all whitespace removed."""
    return re.sub(r"\s+", "", text)


def header_words(text: str, table_id: str, kind: str | None) -> list[str]:
    """Measures of the column words in a flattened header, in printed order."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if m.group("scope"):
            continue  # 一般公共预算支出 over the columns names the table's scope, not a column
        if word in ("预算数", "决算数", "金额"):
            out.append(amount_measure(table_id, kind, [word]))
        elif word in ("合计", "小计"):
            out.append("total")
        elif word == "财政拨款收入" and table_id in V.TWO_SIDED:
            continue
        else:
            measure = rule_measure(word)
            if measure:
                out.append(measure)
    return out


def leaves(measures: list[str]) -> list[str]:
    """Columns as printed: a group printed above its parts is replaced by them."""
    out = dedupe(measures)
    if "basic" in out and "personnel" in out and "public_funds" in out:
        out.remove("personnel")
        out.remove("public_funds")
        i = out.index("basic")
        out[i : i + 1] = ["personnel", "public_funds"]
    return out


_TP_WORDS = (
    ("total", r"合计"),
    ("outbound", r"因公出国\(境\)费?"),
    ("reception", r"公务接待费?"),
    ("vehicles", r"公务用车购置及运行(维护)?费"),
    ("vehicles", r"小计"),
    ("vehicle_purchase", r"(公务用车)?购置费"),
    ("vehicle_operation", r"(公务用车)?运行(维护)?费"),
)


def three_public_leaves(text: str) -> list[str]:
    """The 三公 items a flattened header names, in printed order, 机关运行经费 last."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for item, pattern in _TP_WORDS:
        for m in re.finditer(pattern, text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), item))
            break
    items = [i for _, i in sorted(found)]
    if "vehicles" in items and "vehicle_purchase" in items:
        # The group is printed before its parts but its 小计 column sits with them.
        items.remove("vehicles")
        items.insert(items.index("vehicle_purchase"), "vehicles")
    if "机关运行经费" in text:
        items.append("admin_operating_cost")
    return dedupe(items)
