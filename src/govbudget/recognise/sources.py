"""Income tables that list fund sources, not function codes, into ``item:income.*`` rows.

Some budgets print their 收入预算总表 as one column of figures beside a two-level
list: a fund group (一般公共预算资金, 其他资金, 上年结转和结余资金) merged down over its
lines, its 小计 and its parts (公共财政拨款(补助)资金, 事业收入 …)::

    收入总计          |                       | 100.00   -> item:income.grand_total
    一般公共预算资金  | 小计                  |  90.00   -> item:income.general_budget
                      | 公共财政拨款(补助)资金 |  90.00   -> item:income.general_budget.appropriation
    其他资金          | 小计                  |  10.00   -> item:income.other
                      | 其他收入              |  10.00   -> item:income.other.other

The figure column is ``amount``, as on the 收支总表's income side.
"""

from __future__ import annotations

from .. import vocabulary as V
from ..grid import GridRow
from ..provenance import Severity
from .gridrows import has_values, row_texts
from .labels import display_name, normalise
from .rowkeys import income_item

__all__ = ["SourceRows", "income_part"]


def income_part(label: str) -> str | None:
    """The part an income sub-line names: a source (事业收入 -> business) or a part word (专项收入)."""
    part = income_item(label)
    if part is not None:
        return part
    norm = normalise(label)
    return next((key for key, rule in V.INCOME_PART_ITEMS if rule.search(norm)), None)


class SourceRows:
    """The fund-source layout, mixed into :class:`~govbudget.recognise.tables.TableBuilder`."""

    def _is_source_list(self) -> bool:
        """An income table with no code column and a single figure column."""
        assert self.specs is not None
        measures = [s for s in self.specs if s.role == "measure"]
        return (self.table_id == "income" and not any(s.role == "code" for s in self.specs)
                and len(measures) == 1 and measures[0].index == len(self.specs) - 1)

    def _source_row(self, row: GridRow) -> None:
        assert self.specs is not None
        texts = row_texts(row)
        figure = self.specs[-1].index
        labels = [(i, texts[i]) for i in range(min(figure, len(texts)))
                  if texts[i] and not row.cells[i].covered]
        if not labels:
            if any(texts[figure:]):
                self.note("row.unlabelled", Severity.WARNING, "a row with figures but no label; not read",
                          row.provenance)
            return
        if labels[0][0] == 0:
            self.source_group = labels[0][1]
        group = self.source_group or ""
        sub = labels[-1][1] if labels[-1][0] > 0 else ""
        key, name = self._source_key(group, sub, row)
        if key is None:
            return
        cells = []
        if figure < len(row.cells):
            cell = self._cell("amount", row.cells[figure], key)
            if cell is not None:
                cells.append(cell)
        self._emit(key, name, cells, row.provenance)

    def _source_key(self, group: str, sub: str, row: GridRow) -> tuple[str | None, str]:
        fund = income_item(group)
        if fund is None:
            label = display_name(sub or group)
            norm = normalise(f"{group}{sub}")
            self.note("row.unrecognised", Severity.WARNING if has_values(row) else Severity.INFO,
                      f"income line {label!r} is not a known fund source; kept as item:income.{norm}",
                      row.provenance, row=f"item:income.{norm}", actual=label)
            return f"item:income.{norm}", label
        if not sub:
            return f"item:income.{fund}", display_name(group)
        if normalise(sub) == "小计":
            return f"item:income.{fund}", display_name(group + sub)
        part = income_part(sub)
        if part is None:
            norm = normalise(sub)
            self.note("row.unrecognised", Severity.WARNING if has_values(row) else Severity.INFO,
                      f"line {display_name(sub)!r} under {display_name(group)!r} is not a known part; "
                      f"kept as item:income.{fund}.{norm}",
                      row.provenance, row=f"item:income.{fund}.{norm}", actual=display_name(sub))
            part = norm
        return f"item:income.{fund}.{part}", display_name(sub)
