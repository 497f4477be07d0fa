"""Two-sided tables (收支总表, 财政拨款收支总表): income lines left, expenditure lines right.

Rows whose cells were shifted or merged by extraction are read as segments of a
label followed by its figures; the label's words tell which side it stands on.
"""

from __future__ import annotations

import re

import attrs

from .. import vocabulary as V
from ..amounts import NotAnAmount, is_blank, normalise_text, parse_amount
from ..grid import GridCell, GridRow
from ..provenance import Severity
from .labels import display_name, normalise
from .rowkeys import expenditure_item, function_class, income_item
from .sources import income_part

__all__ = ["TwoSidedRows"]

# Total lines that name no year: the current total where they stand alone or first,
# the grand total below a current total or a carry-over line.
_BARE_TOTALS = ({"合计", "收入合计"}, {"合计", "支出合计"})


@attrs.define
class _Segment:
    label: str
    label_cell: GridCell | None
    amounts: list[GridCell] = attrs.field(factory=list)
    block: int | None = None  # the block of columns the figures stand in, when positions are known


def _figures(cells: list[GridCell]) -> bool:
    return any(not is_blank(c.text) for c in cells)


class TwoSidedRows:
    """The two-sided layout, mixed into :class:`~govbudget.recognise.tables.TableBuilder`."""

    def _side_measures(self) -> tuple[list[str], list[str]]:
        """Each side's amount columns in order; an unreadable header gives ``amount``."""
        assert self.specs is not None
        names = self.name_columns
        sides: tuple[list[str], list[str]] = ([], [])
        for s in self.specs:
            if s.role in ("name", "serial", "code") or (len(names) >= 1 and s.index < names[0]):
                continue
            side = 0 if len(names) < 2 or s.index < names[1] else 1
            sides[side].append(s.measure or "")
        out = []
        for measures in sides:
            if len(measures) <= 1:
                out.append(["amount"])
            else:
                out.append([m or f"column{i + 1}" for i, m in enumerate(measures)])
        left, right = out
        if len(names) < 2 and len(sides[0]) <= 1:
            right = list(left)
        return left, right

    def _block_measures(self, block: int | None) -> list[str]:
        """The amount columns of one block; a single one is ``amount``."""
        assert self.specs is not None
        names = self.name_columns
        if block is None or len(names) == 2:
            return self.two_sided_measures[min(block or 0, 1)]
        end = names[block + 1] if block + 1 < len(names) else len(self.specs)
        measures = [s.measure or f"column{i + 1}" for i, s in enumerate(self.specs[names[block] + 1 : end])
                    if s.role not in ("serial", "code")]
        return measures if len(measures) > 1 else ["amount"]

    # -- two-sided tables -------------------------------------------------------
    def _segments(self, row: GridRow) -> list[_Segment]:
        assert self.specs is not None
        serial = {s.index for s in self.specs if s.role == "serial"} if row.aligned else set()
        segments: list[_Segment] = []
        current: _Segment | None = None
        self._after_blank = False
        for i, gc in enumerate(row.cells):
            if i in serial:
                continue
            text = gc.text.strip()
            if not text or is_blank(text):
                if current is not None:
                    current.amounts.append(gc)
                else:
                    self._after_blank = True
                continue
            try:
                is_amount = parse_amount(text) is not None
            except NotAnAmount:
                is_amount = False
            if is_amount:
                if current is None:
                    current = _Segment("", None)
                    segments.append(current)
                current.amounts.append(gc)
            else:
                current = _Segment(text, gc)
                segments.append(current)
        return segments

    def _positional_segments(self, row: GridRow) -> list[_Segment] | None:
        """Each block's label and figures by column; a label merged across blocks takes the last one's.

        Most tables print two blocks (income | expenditure); some three (income | expenditure by
        function | by purpose), with totals such as 当年支出小计 merged over the second block into
        the third's label column: their figure is the third block's.
        """
        assert self.specs is not None
        names = self.name_columns
        if not row.aligned or len(names) < 2 or len(row.cells) != len(self.specs):
            return None
        bounds = [*names, len(self.specs)]
        out: list[_Segment] = []
        for block, start in enumerate(names):
            label_cell = row.cells[start]
            amounts = [row.cells[s.index] for s in self.specs[start + 1 : bounds[block + 1]]
                       if s.role not in ("serial", "code")]
            spanned = next((seg for seg in out if seg.label_cell is not None and label_cell.covered
                            and label_cell.merged_from == (seg.label_cell.provenance.row,
                                                           seg.label_cell.provenance.column)), None)
            if (spanned is None and out and not label_cell.text.strip() and not label_cell.covered
                    and out[-1].label and _figures(amounts) and not _figures(out[-1].amounts)):
                spanned = out[-1]  # the same, where the source kept no merge: a label alone, then figures alone
            if spanned is not None:
                spanned.amounts = amounts
                spanned.block = block
                continue
            out.append(_Segment(label_cell.text.strip(), label_cell, amounts, block))
        return out

    def _two_sided_row(self, row: GridRow) -> None:
        segments = self._positional_segments(row)
        positional = segments is not None
        if segments is None:
            segments = self._segments(row)
        for i, seg in enumerate(segments):
            if not seg.label:
                if any(not is_blank(a.text) for a in seg.amounts):
                    self.note("cell.unplaced", Severity.WARNING,
                              "figures with no line label beside them; not read",
                              seg.amounts[0].provenance,
                              actual=" ".join(a.text for a in seg.amounts if a.text.strip()))
                continue
            side = min(seg.block or 0, 1) if positional else self._side_of(seg.label, i, len(segments),
                                                                             self._after_blank)
            measures = self._block_measures(seg.block) if positional else self.two_sided_measures[side]
            key = self._two_sided_key(seg.label, side, seg.label_cell)
            if key is None:
                continue
            if not row.aligned:
                figures = [a for a in seg.amounts if a.text.strip() and not is_blank(a.text)]
                prov = seg.label_cell.provenance if seg.label_cell else row.provenance
                self._emit_or_defer(key, display_name(seg.label), figures, list(measures), prov)
                continue
            cells = []
            for measure, gc in zip(measures, seg.amounts):
                c = self._cell(measure, gc, key)
                if c is not None:
                    cells.append(c)
            for gc in seg.amounts[len(measures):]:
                if not is_blank(gc.text):
                    self.note("cell.unplaced", Severity.WARNING,
                              f"figure {gc.text.strip()!r} after {key} has no column; not read",
                              gc.provenance, row=key, actual=gc.text.strip())
            prov = seg.label_cell.provenance if seg.label_cell else row.provenance
            self._emit(key, display_name(seg.label), cells, prov)

    def _side_of(self, label: str, position: int, count: int, after_blank: bool) -> int:
        """Which side a label stands on when the row lost its column positions."""
        if count >= 2:
            return min(position, 1)
        norm = normalise(label)
        if function_class(label) or norm.endswith("支出") or (expenditure_item(label) and not income_item(label)):
            return 1
        if income_item(label):
            return 0
        return 1 if after_blank else 0

    def _two_sided_key(self, label: str, side: int, cell: GridCell | None) -> str | None:
        key = self._two_sided_line(label, side, cell)
        if key is not None:
            self.two_sided_seen.add(key)
        return key

    def _two_sided_line(self, label: str, side: int, cell: GridCell | None) -> str | None:
        prov = cell.provenance if cell else None
        prefix = "item:income" if side == 0 else "item:expenditure"
        norm = normalise(label)
        if norm in _BARE_TOTALS[side]:
            # 收入合计 / 合计 under 当年收入小计 and 上年结转 is the grand total; alone, see _settle_totals.
            closed = {f"{prefix}.current_total", f"{prefix}.carryover"} & self.two_sided_seen
            return f"{prefix}.grand_total" if closed else f"{prefix}.current_total"
        if side == 0:
            part = self._part_of_line_above(label)
            if part is not None:
                return part
            item = income_item(label)
            if item == "carryover":
                self.income_context = "carryover"
            elif item in ("current_total", "grand_total", "nonfiscal_balance_used"):
                self.income_context = "after" if item != "current_total" else "current"
            elif item in V.CARRYOVER_PARTS and self.income_context == "carryover":
                return f"item:income.carryover.{item}"
            if item:
                self.income_line = f"item:income.{item}"
                return self.income_line
            fn = function_class(label)
            if fn:
                return f"fn:{fn}"
            self.note("row.unrecognised", Severity.WARNING,
                      f"income line {display_name(label)!r} is not a known line; kept as item:income.{norm}",
                      prov, row=f"item:income.{norm}", actual=display_name(label))
            return f"item:income.{norm}"
        key = expenditure_item(label)
        if key:
            return key
        self.note("row.unrecognised", Severity.INFO,
                  f"expenditure line {display_name(label)!r} is not a known line; kept as item:expenditure.{norm}",
                  prov, row=f"item:expenditure.{norm}", actual=display_name(label))
        return f"item:expenditure.{norm}"

    def _part_of_line_above(self, label: str) -> str | None:
        """``其中：捐赠收入`` under 其他收入 is ``item:income.other.donation``: a part of the line above."""
        if not re.match(r"^\s*其中", normalise_text(label)) or self.income_line is None:
            return None
        part = income_part(label)
        if part is None or self.income_line.endswith(f".{part}"):
            return None
        return f"{self.income_line}.{part}"

    def _settle_totals(self) -> None:
        """A lone 收入合计 / 支出合计 closing a table with no 总计 and no 结转 line is its grand total."""
        for prefix in ("item:income", "item:expenditure"):
            current, grand = f"{prefix}.current_total", f"{prefix}.grand_total"
            if current not in self.index or grand in self.index or f"{prefix}.carryover" in self.index:
                continue
            i = self.index[current]
            row = self.rows[i]
            side = 0 if prefix == "item:income" else 1
            own = [j for k, j in self.index.items() if k.startswith(prefix) or (side == 1 and k.startswith("fn:"))]
            if normalise(row.name) in _BARE_TOTALS[side] and i == max(own):  # the side's last line
                self.rows[i] = attrs.evolve(row, key=grand)
                self.index[grand] = self.index.pop(current)
