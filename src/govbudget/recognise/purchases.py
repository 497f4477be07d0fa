"""政府采购预算表 printed as a tree of purchases into one row key per line.

The layout lists a category (一、货物A / 二、工程B / 三、服务C), under it each 专项 and
经济科目 with their subtotal, and under those the purchases (采购物品名称, 采购组织形式).
A cell left blank or merged repeats the one above it, so a line's key is its whole
path, the category's letter first::

    一、货物A                                        -> item:procurement_goods
      | 审判专项业务费 | 办公设备购置 |               -> item:A/审判专项业务费/办公设备购置
      |               |             | 其他办公设备 | 分散自行组织
                                                     -> item:A/审判专项业务费/办公设备购置/其他办公设备/分散自行组织

Without the path the keys would collide: one purchase (会议服务, 分散自行组织) is bought
under several 专项. Whitespace is removed from the parts; their characters are kept.
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from ..grid import GridRow
from ..provenance import Severity
from ..textnorm import compact
from .gridrows import row_texts
from .labels import display_name
from .rowkeys import is_total

__all__ = ["PurchaseRows", "DEFAULT_MIN_LABEL_COLUMNS"]

DEFAULT_MIN_LABEL_COLUMNS = 3  # category, 专项 / 经济科目, 物品: fewer is a plain list of purchases



class PurchaseRows:
    """The purchase-tree layout, mixed into :class:`~govbudget.recognise.tables.TableBuilder`."""

    def _is_purchase_tree(self) -> bool:
        """A procurement table whose figures follow three or more label columns."""
        assert self.specs is not None
        measures = [s.index for s in self.specs if s.role == "measure"]
        return (self.table_id == "procurement" and bool(measures)
                and sum(1 for s in self.specs[: measures[0]] if s.role != "serial") >= DEFAULT_MIN_LABEL_COLUMNS)

    def _purchase_row(self, row: GridRow) -> None:
        assert self.specs is not None
        texts = row_texts(row)
        first = next(s.index for s in self.specs if s.role == "measure")
        labels = [s.index for s in self.specs[:first] if s.role != "serial"]
        printed = {i: compact(texts[i]) for i in labels if i < len(texts) and texts[i] and not row.cells[i].covered}
        covered = {i for i in labels if i < len(row.cells) and row.cells[i].covered}
        if not printed:
            if any(texts[first:]):
                self.note("row.unlabelled", Severity.WARNING, "a purchase line with figures but no label; not read",
                          row.provenance)
            return
        head, rest = labels[0], labels[1:]
        if head in printed:
            key, name = self._purchase_heading(texts[head], row)
        else:
            last = max(i for i in printed)
            path = []
            for depth, i in enumerate(i for i in rest if i <= last):
                part = printed.get(i) or (self.purchase_path[depth] if depth < len(self.purchase_path)
                                          and (i in covered or i not in printed) else "")
                path.append(part)
            self.purchase_path = path
            prefix = [self.purchase_letter] if self.purchase_letter else []
            key = "item:" + "/".join(prefix + path)
            name = "/".join(display_name(p) for p in path[-2:] if p)
        self._emit(key, name, self._cells_at(row, self.specs, key), row.provenance)

    def _purchase_heading(self, text: str, row: GridRow) -> tuple[str, str]:
        """合计, or a category line (一、货物A): where the paths below it start."""
        self.purchase_path = []
        if is_total(text):
            self.purchase_letter = None
            return "item:total", display_name(text)
        for word, letter, rule in V.PROCUREMENT_CATEGORIES:
            if rule.search(text):
                m = re.search(r"([A-Z])\s*$", text)
                self.purchase_letter = m.group(1) if m else letter
                return f"item:procurement_{word}", display_name(text)
        self.purchase_letter = compact(text)
        self.note("row.unrecognised", Severity.WARNING,
                  f"procurement category {display_name(text)!r} is not goods, works or services; "
                  f"kept as item:{compact(text)}", row.provenance, actual=display_name(text))
        return f"item:{compact(text)}", display_name(text)
