"""Two-sided tables (收支总表, 财政拨款收支总表): income lines left, expenditure lines right.

Rows whose cells were shifted or merged by extraction are read as segments of a
label followed by its figures; the label's words tell which side it stands on.
"""

from __future__ import annotations

import attrs

from .. import vocabulary as V
from ..amounts import NotAnAmount, is_blank, parse_amount
from ..grid import GridCell, GridRow
from ..provenance import Severity
from .labels import display_name, normalise
from .rowkeys import expenditure_item, function_class, income_item

__all__ = ["TwoSidedRows"]


@attrs.define
class _Segment:
    label: str
    label_cell: GridCell | None
    amounts: list[GridCell] = attrs.field(factory=list)


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
        assert self.specs is not None
        names = self.name_columns
        if not row.aligned or len(names) != 2 or len(row.cells) != len(self.specs):
            return None
        out = []
        for side, start in enumerate(names):
            end = names[1] if side == 0 else len(self.specs)
            label_cell = row.cells[start]
            amounts = [row.cells[s.index] for s in self.specs[start + 1 : end] if s.role not in ("serial", "code")]
            out.append(_Segment(label_cell.text.strip(), label_cell, amounts))
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
            side = i if positional else self._side_of(seg.label, i, len(segments), self._after_blank)
            measures = self.two_sided_measures[side]
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
        prov = cell.provenance if cell else None
        if side == 0:
            item = income_item(label)
            if item == "carryover":
                self.income_context = "carryover"
            elif item in ("current_total", "grand_total", "nonfiscal_balance_used"):
                self.income_context = "after" if item != "current_total" else "current"
            elif item in V.CARRYOVER_PARTS and self.income_context == "carryover":
                return f"item:income.carryover.{item}"
            if item:
                return f"item:income.{item}"
            norm = normalise(label)
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
        norm = normalise(label)
        self.note("row.unrecognised", Severity.INFO,
                  f"expenditure line {display_name(label)!r} is not a known line; kept as item:expenditure.{norm}",
                  prov, row=f"item:expenditure.{norm}", actual=display_name(label))
        return f"item:expenditure.{norm}"
