"""A table's first piece into its columns and layout: header rows (or header words) into measures.

The header decides how the rows below it are read: ``rows`` (one line per code or
item), ``two_sided``, ``transposed`` (三公 items as columns), ``blocks`` (公开06表),
``sources`` (an income table listing fund sources) or ``purchases`` (a 政府采购 tree).
"""

from __future__ import annotations

import re

import attrs

from .. import vocabulary as V
from ..grid import GridRow
from ..model import Column
from ..provenance import Severity
from .columns import ColumnSpec, classify_columns, header_paths
from .flatheader import compact_text, header_words, leaves, three_public_leaves
from .gridrows import dedupe, row_texts
from .labels import normalise

__all__ = ["HeaderLayout"]


class HeaderLayout:
    """Reading the header and choosing the layout, mixed into :class:`~govbudget.recognise.tables.TableBuilder`."""

    def _read_header(self, header: list[GridRow], rows: list[GridRow], header_text: list[str] | None) -> None:
        width = max((len(r.cells) for r in rows), default=0)
        self.header_texts = [[normalise(t) for t in row_texts(r)] for r in header]
        if header:
            paths = header_paths(header, width)
        elif header_text:
            paths = []
        else:
            paths = [[] for _ in range(width)]
        if not header and header_text:
            self.specs = []
            self._unaligned_header(header_text)
            return
        self.specs = classify_columns(paths, self.table_id, self.kind)
        self._choose_layout(paths)
        for s in self.specs:
            if s.fuzzy and s.role == "measure" and self.layout != "transposed":
                self.note("column.fuzzy", Severity.INFO,
                          f"column header {s.label!r} read approximately as {s.measure}",
                          measure=s.measure, actual=s.label)

    def _choose_layout(self, paths: list[list[str]]) -> None:
        assert self.specs is not None
        specs = self.specs
        self.name_columns = [s.index for s in specs if s.role == "name"]
        codes = [s.index for s in specs if s.role == "code" and s.code_part in (None, "class")]
        if self.table_id in V.TWO_SIDED:
            self.layout = "two_sided"
            self.two_sided_measures = self._side_measures()
        elif self.table_id == "three_public" and not self.name_columns:
            self._transposed_columns(paths)
            self.layout = "transposed" if len({t[1] for t in self.transposed}) >= 2 else "rows"
        elif len(codes) >= 2 and len(self.name_columns) >= 2:
            self.layout = "blocks"
        elif self._is_purchase_tree():
            self.layout = "purchases"
        elif self._is_source_list():
            self.layout = "sources"
            specs[-1] = attrs.evolve(specs[-1], measure="amount")
        else:
            self.layout = "rows"
        seen: dict[str, ColumnSpec] = {}
        for i, s in enumerate(specs):
            if s.role != "measure" or not s.measure or self.layout in ("two_sided", "transposed", "blocks"):
                continue
            if s.measure in seen:
                self.note("column.duplicate", Severity.WARNING,
                          f"columns {seen[s.measure].label!r} and {s.label!r} both read as {s.measure}; "
                          "the second is not read", measure=s.measure, actual=s.label)
                specs[i] = attrs.evolve(s, role="text", measure=None)
            else:
                seen[s.measure] = s
        self.columns_for_model = [Column(s.measure, s.label) for s in specs if s.role == "measure" and s.measure]
        if self.layout == "transposed":
            # Items are the columns here; the measures are the groups over them (预算数, 决算数).
            self.columns_for_model = [Column(m, m) for m in dedupe([t[2] for t in self.transposed])]

    def _unaligned_header(self, lines: list[str]) -> None:
        """Header words in printed order when the source kept no column positions.

        Multi-level headers flatten into one run of words; the leaf columns are
        rebuilt from it: a group (基本支出 over 人员经费 | 公用经费) gives way to its
        parts, and on two-sided tables the run splits at each 项目.
        """
        self.header_lines = {compact_text(t) for t in lines}
        text = "".join(normalise(t) for t in lines)
        self.specs = []
        if self.table_id in V.TWO_SIDED:
            self.layout = "two_sided"
            parts = re.split(r"项目(?!支出)", text)
            sides = [header_words(p, self.table_id, self.kind) for p in parts[1:3]]
            while len(sides) < 2:
                sides.append([])
            cleaned = []
            for words in sides:
                cols = leaves(words)
                if len(cols) > 1 and cols[0] == "amount":
                    cols = cols[1:]
                cleaned.append(cols or ["amount"])
            left = cleaned[0][:1] if len(cleaned[0]) > 1 and cleaned[0][0] == "amount" else cleaned[0]
            self.two_sided_measures = (left, cleaned[1])
            self.columns_for_model = [Column(m, m) for m in dedupe(cleaned[0] + cleaned[1])]
            return
        self.layout = "transposed" if self.table_id == "three_public" else "rows"
        if self.layout == "transposed":
            self.unaligned_measures = three_public_leaves(text)
        else:
            words = header_words(text, self.table_id, self.kind)
            # The label column's 项目 runs into the next word (项目支出预算); the
            # figures start at the first total column.
            if "total" in words:
                words = words[words.index("total"):]
            self.unaligned_measures = leaves(words)
        self.columns_for_model = [Column(m, m) for m in self.unaligned_measures]
