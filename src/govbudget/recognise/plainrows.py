"""Lines of one code or item each (the ``rows`` layout, 公开06表's ``blocks``) into keyed model rows.

A line's key comes from its code, joined from 类 | 款 | 项 parts where the layout
splits it (a part printed only where it changes repeats the one above), else from
its name: a known line, a function or economic class, or the official list under
the lines above it. Rows whose column positions were lost keep their figures in
order and wait for :meth:`~govbudget.recognise.tables.TableBuilder.resolve`.
"""

from __future__ import annotations

import re

import attrs

from .. import vocabulary as V
from ..amounts import is_blank
from ..grid import GridRow
from ..model import Cell
from ..provenance import Provenance, Severity
from .columns import ColumnSpec
from .gridrows import amount_or_blank, has_values, row_texts
from .labels import clean_code, display_name, is_code, normalise, split_code
from .rowkeys import code_key, econ_class, function_class, is_total, stats_item, stats_section, three_public_item

__all__ = ["PlainRows"]


class PlainRows:
    """The ``rows`` and ``blocks`` layouts, mixed into :class:`~govbudget.recognise.tables.TableBuilder`."""

    def _plain_row(self, row: GridRow, specs: list[ColumnSpec] | None = None) -> None:
        specs = self.specs if specs is None else specs
        assert specs is not None
        texts = row_texts(row)

        def at(i: int) -> str:
            return texts[i] if i < len(texts) else ""

        code_parts = [(s.code_part, at(s.index)) for s in specs if s.role == "code"]
        names = [at(s.index) for s in specs if s.role == "name" and at(s.index)]
        name = names[0] if names else ""
        scheme = next((s.scheme for s in specs if s.role == "code" and s.scheme), V.CODE_SCHEME.get(self.table_id))
        # A 款 or 项 part is a two-digit field: ``301 | 2`` is 30102, never 3012 (spreadsheets print 02 as 2
        # when the cell is a number).
        padded = [(p, "0" + clean_code(t) if p in ("sub", "item") and re.fullmatch(r"\d", clean_code(t)) else t)
                  for p, t in code_parts]
        code = self._join_code(padded)
        if code and not name and not re.search(r"\d", code):
            code, name = "", code  # 合计 printed in the 类 column: a label, not a code
        if not code and name:
            glued, rest = split_code(name)
            if glued:
                code, name = glued, rest
        if not code and not name:
            # A code column holding a label (合计 printed under 科目编码).
            labels = [t for t in code_parts if t[1] and not re.search(r"\d", t[1])]
            if labels:
                name = labels[0][1]
        key = self._key(code, name, scheme, row)
        if key is None:
            return
        if self.misprinted_class:
            self.note("row.bad_code", Severity.WARNING,
                      f"class part {self.misprinted_class!r} is not a class code; read as {key} from the class "
                      "and 款 of the rows above", row.provenance, row=key, actual=self.misprinted_class,
                      expected=key.split(":")[-1][:3])
            self.misprinted_class = None
        if padded != code_parts:
            self.note("row.code_padded", Severity.INFO,
                      f"code part printed with one digit ({' | '.join(t for _, t in code_parts if t)}); "
                      f"read as {key}", row.provenance, row=key,
                      actual=" | ".join(t for _, t in code_parts if t))
        unit = None
        cells = self._cells_at(row, specs, key)
        if self.table_id == "disclosure_stats" and re.match(r"item:(vehicles|equipment)", key):
            unit = V.COUNT_UNITS["vehicles" if "vehicles" in key else "equipment"]
            cells = [attrs.evolve(c, measure="count") for c in cells]
        if specs is self.specs:
            self._extra_cells(row, specs, key)
        self._emit(key, display_name(name), cells, row.provenance, unit)

    def _extra_cells(self, row: GridRow, specs: list[ColumnSpec], key: str) -> None:
        width = max((s.index for s in specs), default=-1) + 1
        for gc in row.cells[width:]:
            if gc.text.strip() and not is_blank(gc.text):
                self.note("cell.unplaced", Severity.WARNING,
                          f"cell {gc.text.strip()!r} of {key} lies beyond the header's columns; not read",
                          gc.provenance, row=key, actual=gc.text.strip())

    def _join_code(self, parts: list[tuple[str | None, str]]) -> str:
        if not parts:
            return ""
        if all(p is None for p, _ in parts):
            return next((clean_code(t) for _, t in parts if re.search(r"\d", t)), "")
        by = {p: clean_code(t) for p, t in parts if p}
        cls, sub, item = by.get("class", ""), by.get("sub", ""), by.get("item", "")
        if len(sub) > 2 or len(item) > 2:
            return sub if len(sub) > len(item) else item
        self.misprinted_class = None
        if cls and len(cls) != 3 and self.class_code and sub and sub == self.sub_code:
            # ``7 | 11 | 02`` under ``210 | 11``: a class part that is no class, inside the
            # class and 款 the rows above opened; the hierarchy says which it is.
            self.misprinted_class = cls
            cls = self.class_code
        # Some layouts print a part only where it changes: 208 | | then | 05 | then | | 05.
        if cls:
            self.class_code, self.sub_code = cls, sub or None
        elif sub and self.class_code:
            cls, self.sub_code = self.class_code, sub
        elif item and self.class_code and self.sub_code:
            cls, sub = self.class_code, self.sub_code
        if sub and cls:
            self.sub_code = sub
        return f"{cls}{sub if sub else ''}{item if sub and item else ''}" if cls else ""

    def _key(self, code: str, name: str, scheme: str | None, row: GridRow) -> str | None:
        norm = normalise(name)
        if code:
            key = code_key(code, scheme)
            if key:
                return key
            if is_code(code) or re.fullmatch(r"[0-9A-Za-z]+", clean_code(code)):
                self.note("row.bad_code", Severity.WARNING,
                          f"code {code!r} is not a well-formed {scheme or 'classification'} code",
                          row.provenance, actual=code)
                return f"item:{clean_code(code)}"
            norm = normalise(code + name)
            name = code + name
        if self.table_id == "three_public":
            item = three_public_item(name)
            if item:
                return f"item:{item}"
        if self.table_id == "disclosure_stats":
            section = stats_section(name)
            if section and not has_values(row):
                self.stats_context = section
                return None
            item = stats_item(name, self.stats_context)
            if item:
                return f"item:{item}"
        if not norm and not code:
            if self.data_seen == 1 and has_values(row):
                return "item:total"
            if has_values(row):
                self.note("row.unlabelled", Severity.WARNING, "a row with figures but no code or name; not read",
                          row.provenance)
            return None
        if is_total(name):
            return "item:total"
        if V.EMPTY_TABLE.search(norm) and not has_values(row):
            return None  # 此表为空 printed in the table: a note, not a line (the table is present and empty)
        if scheme in ("fn", None):
            fn = function_class(name)
            if fn:
                return f"fn:{fn}"
        if scheme == "econ":
            ec = econ_class(name)
            if ec:
                return f"econ:{ec}"
        if scheme in ("fn", "econ"):
            coded = self._code_from_name(scheme, name)
            if coded:
                self.note("row.code_from_name", Severity.INFO,
                          f"row {display_name(name)!r} printed without a code; keyed {coded} by the official list",
                          row.provenance, row=coded, actual=display_name(name))
                return coded
        severity = Severity.WARNING if has_values(row) else Severity.INFO
        self.note("row.unrecognised", severity,
                  f"row label {display_name(name)!r} has no code and is not a known line; kept as item:{norm}",
                  row.provenance, row=f"item:{norm}", actual=display_name(name))
        return f"item:{norm}"

    def _code_from_name(self, scheme: str, name: str) -> str | None:
        """The code a name-only row stands for, read under the rows printed above it."""
        from .. import codelists

        above = next((r.key.partition(":")[2] for r in reversed(self.rows) if r.key.startswith(f"{scheme}:")), "")
        for parent in (above, above[:-2], above[:3]) if above else ():
            if len(parent) < 3:
                continue
            found = codelists.by_name(scheme, name, parent=parent)
            if len(found) == 1:
                return f"{scheme}:{found[0].code}"
        found = codelists.by_name(scheme, name)
        return f"{scheme}:{found[0].code}" if len(found) == 1 else None

    # -- blocks (公开06表) -------------------------------------------------------
    def _blocks_row(self, row: GridRow) -> None:
        assert self.specs is not None
        texts = row_texts(row)
        starts = [s.index for s in self.specs if s.role == "code" and s.code_part in (None, "class")]
        bounds = starts + [len(self.specs)]
        consumed = -1
        for b in range(len(starts)):
            if bounds[b] <= consumed:
                continue
            block = [s for s in self.specs if bounds[b] <= s.index < bounds[b + 1]]
            first = texts[bounds[b]] if bounds[b] < len(texts) else ""
            if first and re.search(r"合计$", normalise(first)) and not is_code(first):
                consumed = self._block_total(row, bounds[b], first)
                continue
            block_texts = [texts[s.index] if s.index < len(texts) else "" for s in block]
            if not any(block_texts):
                continue
            self._plain_row(row, block)

    def _block_total(self, row: GridRow, index: int, label: str) -> int:
        """A 人员经费合计 / 公用经费合计 line: its figure is the next one printed after it."""
        norm = normalise(label)
        measure = "personnel" if "人员" in norm else "public_funds" if "公用" in norm else "total"
        for i in range(index + 1, len(row.cells)):
            gc = row.cells[i]
            if gc.text.strip() and not is_blank(gc.text):
                cell = self._cell(measure, gc, "item:total")
                if cell is not None:
                    self._emit_total_part(cell, display_name(label), row.provenance)
                return i
        return index

    def _emit_total_part(self, cell: Cell, name: str, prov: Provenance) -> None:
        if "item:total" in self.index:
            i = self.index["item:total"]
            row = self.rows[i]
            if row.cell(cell.measure) is None:
                self.rows[i] = attrs.evolve(row, cells=row.cells + (cell,))
                return
        self._emit("item:total", name, [cell], prov)

    # -- unaligned rows (spaces collapsed) ----------------------------------------
    def _unaligned_row(self, row: GridRow) -> None:
        texts = row_texts(row)
        code = texts[0] if texts and is_code(texts[0]) else ""
        rest = row.cells[1:] if code else row.cells
        name_cells = [c for c in rest if c.text.strip() and not amount_or_blank(c.text)]
        name = name_cells[0].text.strip() if name_cells else ""
        amounts = [c for c in rest if amount_or_blank(c.text) and c.text.strip()]
        measures = self.unaligned_measures or ["total"]
        scheme = V.CODE_SCHEME.get(self.table_id)
        if self.layout == "transposed" and not name:
            self._unaligned_three_public(amounts, row)
            return
        key = self._key(code, name, scheme, row)
        if key is None:
            return
        self._emit_or_defer(key, display_name(name), amounts, measures, row.provenance)
