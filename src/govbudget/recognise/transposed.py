"""三公 tables printed as one row of figures under item headers."""

from __future__ import annotations

import re
from decimal import Decimal

from ..amounts import UNIT_FACTORS, parse_amount
from ..grid import GridCell, GridRow
from ..model import Cell
from ..provenance import Severity
from .columns import amount_measure
from .gridrows import decimal_like
from .labels import display_name, normalise
from .placement import three_public_options
from .rowkeys import three_public_item

__all__ = ["TransposedRows"]

_ITEM_NAMES = {
    "total": "合计",
    "three_public": "“三公”经费",
    "outbound": "因公出国（境）费",
    "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
    "meetings": "会议费",
    "training": "培训费",
    "admin_operating_cost": "机关运行经费",
}


class TransposedRows:
    """The transposed 三公 layout, mixed into :class:`~govbudget.recognise.tables.TableBuilder`."""

    def _transposed_columns(self, paths: list[list[str]]) -> None:
        self.transposed = []
        assert self.specs is not None
        for s in self.specs:
            path = paths[s.index] if s.index < len(paths) else []
            labels = [normalise(t) for t in path if normalise(t)]
            item = name = None
            raw = [t for t in path if normalise(t)]
            candidates = [(labels[-1], raw[-1]), ("".join(labels), "".join(raw))] if labels else []
            candidates += list(zip(reversed(labels[:-1]), reversed(raw[:-1])))
            for label, printed in candidates:
                if label == "小计":
                    item = self._subtotal_item(labels, s.index, paths)
                else:
                    item = three_public_item(label)
                if item:
                    name = self._item_name(item, label, printed, labels, raw)
                    break
            if item is None and labels and re.search(r"三公.*合", "".join(labels)):
                item, name = "total", "".join(raw)
            if item:
                groups = [g for g in labels if re.search(r"预算|决算", g)]
                self.transposed.append((s.index, item, amount_measure("three_public", self.kind, groups), name or item))

    @staticmethod
    def _item_name(item: str, label: str, printed: str, labels: list[str], raw: list[str]) -> str:
        """The item's own label: 公务用车购置及运行费 over its 小计, 公务接待费 between 财政拨款“三公”经费 and
        预算数; a label wrapped over lines (因公出国(境) / 费) stays whole."""
        own = [r for lab, r in zip(labels, raw) if three_public_item(lab) == item]
        if label == "小计" and own:
            return own[-1]
        if label == "".join(labels) and len(labels) > 1:
            # The whole path matched: leave out the groups over the items and the 预算数 / 决算数 under them.
            words = "".join(r for lab, r in zip(labels, raw) if not re.search(r"三公|预算|决算|合计", lab))
            return words if words and three_public_item(normalise(words)) == item else printed
        return printed

    def _subtotal_item(self, labels: list[str], index: int, paths: list[list[str]]) -> str | None:
        """What a 小计 column totals: the group right above it, else the 公务用车 parts beside it."""
        parent = labels[-2] if len(labels) >= 2 else ""
        if "公务用车" in parent:
            return "vehicles"
        if parent and three_public_item(parent) == "three_public":
            return "three_public"
        vehicles = any("公务用车" in g for g in labels) or self._vehicle_parts_follow(index, paths)
        return "vehicles" if vehicles else None

    def _vehicle_parts_follow(self, index: int, paths: list[list[str]]) -> bool:
        after = ["".join(normalise(t) for t in p) for p in paths[index + 1 : index + 3]]
        return any(re.search(r"购置|运行", a) for a in after)

    # -- transposed 三公 ----------------------------------------------------------
    def _transposed_row(self, row: GridRow) -> None:
        by_item: dict[str, list[Cell]] = {}
        names: dict[str, str] = {}
        if not row.aligned:
            self._unaligned_row(row)
            return
        mapped = set()
        for index, item, measure, name in self.transposed:
            mapped.add(index)
            if index < len(row.cells):
                c = self._cell(measure, row.cells[index], f"item:{item}")
                if c is not None:
                    by_item.setdefault(item, []).append(c)
                    names.setdefault(item, display_name(name))
        for index, gc in enumerate(row.cells):
            if index not in mapped and decimal_like(gc.text):
                self.unread.setdefault(index, []).append(gc)
        for item, cells in by_item.items():
            self._emit(f"item:{item}", names[item], cells, row.provenance)

    def _unaligned_three_public(self, amounts: list[GridCell], row: GridRow) -> None:
        """A 三公 figures row whose blanks were lost: placed only if the 三公 sums decide it."""
        items = self.unaligned_measures
        options = three_public_options(amounts, items)
        if len(options) == 1:
            self._place_three_public(options[0], row, "the 三公 sums")
            return
        self.open_readings = (amounts, items, options, row)

    def _place_three_public(self, reading: list[tuple[str, GridCell]], row: GridRow, by: str) -> None:
        measure = "amount" if self.kind != "final_accounts" else "budget"
        for item, gc in reading:
            cell = self._cell(measure, gc, f"item:{item}")
            if cell is not None:
                self._emit(f"item:{item}", _ITEM_NAMES.get(item, item), [cell], row.provenance)
        self.note("cell.placed", Severity.INFO,
                  f"the source lost the column positions of the 三公 figures; placed by {by}",
                  row.provenance, actual=" ".join(gc.text for _, gc in reading))

    def use_text(self, said: dict[str, Decimal]) -> None:
        """Settle open 三公 readings by the figures the text states (in yuan, by item key)."""
        if self.open_readings is None:
            return
        amounts, items, options, row = self.open_readings
        factor = UNIT_FACTORS.get(self.unit or "", Decimal(1))

        def agrees(reading: list[tuple[str, GridCell]]) -> bool:
            placed = {item: parse_amount(gc.text) for item, gc in reading}
            for item in items:
                if f"item:{item}" in said:
                    value = (placed.get(item) or Decimal(0)) * factor
                    if value != said[f"item:{item}"]:
                        return False
            return True

        fitting = [o for o in options if agrees(o)]
        if len(fitting) == 1:
            self.open_readings = None
            self._place_three_public(fitting[0], row, "the 三公 sums and the figures the text states")

    def unplaced_readings(self) -> None:
        """Report 三公 figures still open when the table is finished."""
        if self.open_readings is None:
            return
        amounts, items, options, row = self.open_readings
        readings = "; ".join(
            ", ".join(f"{item}={gc.text.strip()}" for item, gc in option) for option in options[:4]
        )
        self.note("cell.unplaced", Severity.WARNING,
                  f"the source lost the column positions of the 三公 figures {' '.join(a.text for a in amounts)}; "
                  f"{len(options) or 'no'} readings fit the columns {', '.join(items)}"
                  + (f" ({readings})" if readings else "") + "; not read",
                  row.provenance, actual=" ".join(a.text for a in amounts))
