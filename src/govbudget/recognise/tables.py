"""Grid tables into model tables, whatever their layout.

Four layouts cover the annex tables seen so far:

- ``rows``: one row per code or item, measures in columns (most tables);
- ``two_sided``: income lines on the left, expenditure lines on the right
  (收支总表, 财政拨款收支总表);
- ``transposed``: a 三公 table printed as one data row with the items as columns;
- ``blocks``: several code / name / amount blocks side by side (公开06表).

A table may arrive in pieces (page breaks, interrupted text): :meth:`TableBuilder.add`
takes each piece; repeated headers are skipped.
"""

from __future__ import annotations

import re
import attrs

from .. import vocabulary as V
from ..amounts import NotAnAmount, is_blank, parse_amount
from ..grid import GridCell, GridRow
from ..model import Cell, Column, Row, Table
from ..provenance import Finding, Provenance, Severity
from .columns import ColumnSpec, amount_measure, classify_columns, header_paths
from .labels import clean_code, display_name, is_code, normalise, split_code
from .placement import Hints, Option, Pending, options_for, resolve, three_public_options
from .rowkeys import (
    code_key,
    econ_class,
    expenditure_item,
    function_class,
    income_item,
    is_total,
    stats_item,
    stats_section,
    three_public_item,
)

__all__ = ["TableBuilder", "is_marker_row", "is_data_row"]

_INT = re.compile(r"^\d{1,3}$")
DEFAULT_WIDTH_SLACK = 2  # a continued table may lose or gain a column or two in extraction


def _texts(row: GridRow) -> list[str]:
    return [c.text.strip() for c in row.cells]


def is_marker_row(row: GridRow) -> bool:
    """A 栏次 row (column numbers) or a row of consecutive column numbers."""
    texts = [normalise(t) for t in _texts(row) if t.strip()]
    if not texts:
        return False
    if texts[0] in ("栏次", "栏号"):
        return True
    if len(texts) >= 3 and all(_INT.match(t) for t in texts):
        nums = [int(t) for t in texts]
        return nums == sorted(nums) and len(set(nums)) == len(nums) and nums[0] <= 2
    return False


def _decimal_like(text: str) -> bool:
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
    texts = _texts(row)
    if any(_decimal_like(t) for t in texts):
        return True
    non_blank = [t for t in texts if t]
    if non_blank and is_total(non_blank[0]) and all(_amount_or_blank(t) for t in non_blank[1:]):
        return True  # the 合计 line of a table printed without figures
    codes = [t for t in non_blank if is_code(t)]
    return bool(codes) and any(not is_code(t) and not _INT.match(t) for t in non_blank) and not any(
        re.search(r"编码|代码|名称", t) for t in non_blank
    )


@attrs.define
class _Segment:
    label: str
    label_cell: GridCell | None
    amounts: list[GridCell] = attrs.field(factory=list)


class TableBuilder:
    """Collects the pieces of one printed table and builds the model table."""

    def __init__(self, table_id: str, title: str, kind: str | None, unit: str | None,
                 provenance: Provenance, label: str | None = None) -> None:
        self.table_id = table_id
        self.title = title
        self.kind = kind
        self.unit = unit
        self.provenance = provenance
        self.label = label
        self.rows: list[Row] = []
        self.index: dict[str, int] = {}
        self.findings: list[Finding] = []
        self.specs: list[ColumnSpec] | None = None
        self.layout = "rows"
        self.header_texts: list[list[str]] = []
        self.pending: list[Pending] = []
        self.placed: list[Pending] = []
        self.data_seen = 0
        self.income_context = "current"
        self.stats_context: str | None = None
        self.class_code: str | None = None
        self.sub_code: str | None = None
        self.two_sided_measures: tuple[list[str], list[str]] = (["amount"], ["amount"])
        self.name_columns: list[int] = []
        self.transposed: list[tuple[int, str, str, str]] = []
        self.unread: dict[int, list[GridCell]] = {}
        self.header_lines: set[str] = set()
        self.columns_for_model: list[Column] = []
        self.unaligned_measures: list[str] = []
        self.unaligned_sides: tuple[list[str], list[str]] = (["amount"], ["amount"])

    # -- findings -------------------------------------------------------------
    def note(self, code: str, severity: Severity, message: str, prov: Provenance | None = None,
             row: str | None = None, measure: str | None = None, actual: str | None = None,
             expected: str | None = None) -> None:
        self.findings.append(
            Finding(code, severity, message, table=self.table_id, row=row, measure=measure,
                    expected=expected, actual=actual, provenance=(prov,) if prov else ())
        )

    # -- pieces ---------------------------------------------------------------
    def add(self, rows: list[GridRow], header_text: list[str] | None = None) -> None:
        """Take one printed piece of the table (its rows after any title rows)."""
        header: list[GridRow] = []
        data: list[GridRow] = []
        for row in rows:
            if not any(t for t in _texts(row)):
                continue
            if is_marker_row(row) and not data:
                continue
            if self.table_id == "disclosure_stats" and not data and stats_section(_texts(row)[0]):
                self.stats_context = stats_section(_texts(row)[0])
                continue
            if data or is_data_row(row):
                data.append(row)
            else:
                header.append(row)
        if self.specs is None:
            self._read_header(header, rows, header_text)
        elif header:
            self._repeated_header(header)
        for row in data:
            if is_marker_row(row) or self._is_header_repeat(row) or _header_words_only(row):
                continue
            self._data_row(row)

    def _read_header(self, header: list[GridRow], rows: list[GridRow], header_text: list[str] | None) -> None:
        width = max((len(r.cells) for r in rows), default=0)
        self.header_texts = [[normalise(t) for t in _texts(r)] for r in header]
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
                    vehicles = any("公务用车" in g for g in labels) or self._vehicle_parts_follow(s.index, paths)
                    item = "vehicles" if vehicles else None
                else:
                    item = three_public_item(label)
                if item:
                    name = printed
                    break
            if item is None and labels and re.search(r"三公.*合", "".join(labels)):
                item, name = "total", "".join(raw)
            if item:
                groups = [g for g in labels if re.search(r"预算|决算", g)]
                self.transposed.append((s.index, item, amount_measure("three_public", self.kind, groups), name or item))

    def _vehicle_parts_follow(self, index: int, paths: list[list[str]]) -> bool:
        after = ["".join(normalise(t) for t in p) for p in paths[index + 1 : index + 3]]
        return any(re.search(r"购置|运行", a) for a in after)

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
            sides = [_header_words(p, self.table_id, self.kind) for p in parts[1:3]]
            while len(sides) < 2:
                sides.append([])
            cleaned = []
            for words in sides:
                leaves = _leaves(words)
                if len(leaves) > 1 and leaves[0] == "amount":
                    leaves = leaves[1:]
                cleaned.append(leaves or ["amount"])
            self.two_sided_measures = (cleaned[0][:1] if len(cleaned[0]) > 1 and cleaned[0][0] == "amount" else cleaned[0], cleaned[1])
            self.columns_for_model = [Column(m, m) for m in _dedupe(cleaned[0] + cleaned[1])]
            return
        self.layout = "transposed" if self.table_id == "three_public" else "rows"
        if self.layout == "transposed":
            self.unaligned_measures = _three_public_leaves(text)
        else:
            words = _header_words(text, self.table_id, self.kind)
            # The label column's 项目 runs into the next word (项目支出预算); the
            # figures start at the first total column.
            if "total" in words:
                words = words[words.index("total"):]
            self.unaligned_measures = _leaves(words)
        self.columns_for_model = [Column(m, m) for m in self.unaligned_measures]

    def _repeated_header(self, header: list[GridRow]) -> None:
        for row in header:
            if not self._is_header_repeat(row) and not is_marker_row(row):
                self.note("row.skipped", Severity.INFO,
                          f"text inside the table not read: {' | '.join(t for t in _texts(row) if t)!r}",
                          row.provenance)

    def _is_header_repeat(self, row: GridRow) -> bool:
        texts = [normalise(t) for t in _texts(row)]
        return any(texts == h for h in self.header_texts) and not any(_decimal_like(t) for t in _texts(row))

    def fits(self, rows: list[GridRow]) -> bool:
        """Whether rows could continue this table: about as many columns, or positions lost anyway."""
        if not rows or not rows[0].aligned or not self.specs:
            return True
        width = max(len(r.cells) for r in rows)
        slack = DEFAULT_WIDTH_SLACK if len(self.specs) > 6 else 1
        return abs(width - len(self.specs)) <= slack

    # -- data rows --------------------------------------------------------------
    def _data_row(self, row: GridRow) -> None:
        self.data_seen += 1
        if self.layout == "two_sided":
            self._two_sided_row(row)
        elif self.layout == "transposed":
            self._transposed_row(row)
        elif self.layout == "blocks":
            self._blocks_row(row)
        elif not row.aligned:
            self._unaligned_row(row)
        else:
            self._plain_row(row)

    def _cell(self, measure: str, gc: GridCell, key: str) -> Cell | None:
        text = gc.text.strip()
        if is_blank(text):
            return Cell(measure, text, None, gc.provenance) if text else None
        try:
            value = parse_amount(text)
        except NotAnAmount:
            self.note("cell.not_amount", Severity.WARNING,
                      f"cell {text!r} of {key} / {measure} is not a single figure; not read",
                      gc.provenance, row=key, measure=measure, actual=text)
            return None
        return Cell(measure, text, value, gc.provenance)

    def _emit(self, key: str, name: str, cells: list[Cell], prov: Provenance, unit: str | None = None) -> None:
        if key in self.index:
            first = self.rows[self.index[key]]
            same = all(first.value(c.measure) == c.value for c in cells)
            if not cells or same:
                self.note("row.repeated", Severity.INFO, f"row {key} ({name}) printed again with the same figures",
                          prov, row=key)
                return
            self.note(
                "row.duplicate", Severity.WARNING,
                f"row {key} ({name}) printed twice with different figures; the first is kept",
                prov, row=key,
                expected="; ".join(f"{c.measure}={c.text}" for c in first.cells if c.value is not None),
                actual="; ".join(f"{c.measure}={c.text}" for c in cells if c.value is not None),
            )
            return
        self.index[key] = len(self.rows)
        self.rows.append(Row(key, name, tuple(cells), prov, unit))

    def _cells_at(self, row: GridRow, specs: list[ColumnSpec], key: str) -> list[Cell]:
        out = []
        for s in specs:
            if s.index >= len(row.cells):
                continue
            if s.role == "measure" and s.measure:
                c = self._cell(s.measure, row.cells[s.index], key)
                if c is not None:
                    out.append(c)
            elif s.role in ("text", "empty") and _decimal_like(row.cells[s.index].text):
                self.unread.setdefault(s.index, []).append(row.cells[s.index])
        return out

    def _plain_row(self, row: GridRow, specs: list[ColumnSpec] | None = None) -> None:
        specs = self.specs if specs is None else specs
        assert specs is not None
        texts = _texts(row)

        def at(i: int) -> str:
            return texts[i] if i < len(texts) else ""

        code_parts = [(s.code_part, at(s.index)) for s in specs if s.role == "code"]
        names = [at(s.index) for s in specs if s.role == "name" and at(s.index)]
        name = names[0] if names else ""
        scheme = next((s.scheme for s in specs if s.role == "code" and s.scheme), V.CODE_SCHEME.get(self.table_id))
        code = self._join_code(code_parts)
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
            if section and not self._has_values(row):
                self.stats_context = section
                return None
            item = stats_item(name, self.stats_context)
            if item:
                return f"item:{item}"
        if not norm and not code:
            if self.data_seen == 1 and self._has_values(row):
                return "item:total"
            if self._has_values(row):
                self.note("row.unlabelled", Severity.WARNING, "a row with figures but no code or name; not read",
                          row.provenance)
            return None
        if is_total(name):
            return "item:total"
        if scheme in ("fn", None):
            fn = function_class(name)
            if fn:
                return f"fn:{fn}"
        if scheme == "econ":
            ec = econ_class(name)
            if ec:
                return f"econ:{ec}"
        severity = Severity.WARNING if self._has_values(row) else Severity.INFO
        self.note("row.unrecognised", severity,
                  f"row label {display_name(name)!r} has no code and is not a known line; kept as item:{norm}",
                  row.provenance, row=f"item:{norm}", actual=display_name(name))
        return f"item:{norm}"

    @staticmethod
    def _has_values(row: GridRow) -> bool:
        return any(_decimal_like(t) or (t.strip().isdigit() and len(t.strip()) < 3) for t in _texts(row)[1:])

    # -- blocks (公开06表) -------------------------------------------------------
    def _blocks_row(self, row: GridRow) -> None:
        assert self.specs is not None
        texts = _texts(row)
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
            if index not in mapped and _decimal_like(gc.text):
                self.unread.setdefault(index, []).append(gc)
        for item, cells in by_item.items():
            self._emit(f"item:{item}", names[item], cells, row.provenance)

    # -- unaligned rows (spaces collapsed) ----------------------------------------
    def _unaligned_row(self, row: GridRow) -> None:
        texts = _texts(row)
        code = texts[0] if texts and is_code(texts[0]) else ""
        rest = row.cells[1:] if code else row.cells
        name_cells = [c for c in rest if c.text.strip() and not _amount_or_blank(c.text)]
        name = name_cells[0].text.strip() if name_cells else ""
        amounts = [c for c in rest if _amount_or_blank(c.text) and c.text.strip()]
        measures = self.unaligned_measures or ["total"]
        scheme = V.CODE_SCHEME.get(self.table_id)
        if self.layout == "transposed" and not name:
            self._unaligned_three_public(amounts, row)
            return
        key = self._key(code, name, scheme, row)
        if key is None:
            return
        self._emit_or_defer(key, display_name(name), amounts, measures, row.provenance)

    def _emit_or_defer(self, key: str, name: str, amounts: list[GridCell], measures: list[str],
                       prov: Provenance) -> None:
        """Figures that fill every column are read; fewer wait for :meth:`resolve`."""
        if len(amounts) == len(measures) or not amounts:
            cells = [c for c in (self._cell(m, a, key) for m, a in zip(measures, amounts)) if c is not None]
            self._emit(key, name, cells, prov)
        else:
            if key not in self.index:
                self._emit(key, name, [], prov)
            self.pending.append(Pending(key, name, tuple(amounts), tuple(measures), prov))

    def _unaligned_three_public(self, amounts: list[GridCell], row: GridRow) -> None:
        """A 三公 figures row whose blanks were lost: placed only if the 三公 sums decide it."""
        items = self.unaligned_measures
        options = three_public_options(amounts, items, self.kind)
        if len(options) == 1:
            measure = "amount" if self.kind != "final_accounts" else "budget"
            for item, gc in options[0]:
                cell = self._cell(measure, gc, f"item:{item}")
                if cell is not None:
                    self._emit(f"item:{item}", _ITEM_NAMES.get(item, item), [cell], row.provenance)
            self.note("cell.placed", Severity.INFO,
                      "the source lost the column positions of the 三公 figures; placed by the 三公 sums",
                      row.provenance, actual=" ".join(a.text for a in amounts))
            return
        readings = "; ".join(
            ", ".join(f"{item}={gc.text.strip()}" for item, gc in option) for option in options[:4]
        )
        self.note("cell.unplaced", Severity.WARNING,
                  f"the source lost the column positions of the 三公 figures {' '.join(a.text for a in amounts)}; "
                  f"{len(options) or 'no'} readings fit the columns {', '.join(items)}"
                  + (f" ({readings})" if readings else "") + "; not read",
                  row.provenance, actual=" ".join(a.text for a in amounts))

    # -- result ---------------------------------------------------------------
    def is_blank(self) -> bool:
        """True when no figure has been read (placed or not) from the table."""
        return not self.pending and not any(c.value is not None for r in self.rows for c in r.cells)

    def known_values(self) -> dict[str, Option]:
        """The figures of every row read so far, by key and measure (blank as absent)."""
        return {r.key: {c.measure: c.value for c in r.cells if c.value is not None} for r in self.rows}

    def resolve(self, hints: Hints = Hints()) -> None:
        """Place deferred figures that the sums (and the hints) decide; keep the rest deferred."""
        if not self.pending:
            return
        pending_keys = {p.key for p in self.pending}
        known = {k: v for k, v in self.known_values().items() if k not in pending_keys}
        options = {p.key: options_for(p, hints) for p in self.pending}
        resolve(known, options, two_sided=self.layout == "two_sided")
        still = []
        for p in self.pending:
            opts = options.get(p.key, [])
            if len(opts) != 1:
                still.append(p)
                continue
            reading = opts[0]
            cells, rest = [], list(p.amounts)
            for measure in p.measures:
                if measure in reading:
                    gc = next(a for a in rest if parse_amount(a.text) == reading[measure])
                    rest.remove(gc)
                    cells.append(Cell(measure, gc.text.strip(), reading[measure], gc.provenance))
            i = self.index[p.key]
            self.rows[i] = attrs.evolve(self.rows[i], cells=tuple(cells))
            self.placed.append(p)
        self.pending = still

    def finish(self) -> tuple[Table, list[Finding]]:
        """The model table and what was doubted while building it."""
        for index, cells in self.unread.items():
            label = self.specs[index].label if self.specs and index < len(self.specs) else ""
            self.note("column.unread", Severity.WARNING,
                      f"column {index + 1} ({label or 'no header'}) holds {len(cells)} figures but is not a known "
                      "measure; they are not read", cells[0].provenance, actual=label or None)
        if self.placed:
            self.findings.append(Finding(
                "cell.placed", Severity.INFO,
                f"the source lost the column positions of {len(self.placed)} rows; their figures were placed by "
                f"the sums they must satisfy: {', '.join(p.key for p in self.placed[:8])}"
                + (" …" if len(self.placed) > 8 else ""),
                table=self.table_id, provenance=tuple(p.provenance for p in self.placed),
            ))
        if self.pending:
            listed = "; ".join(f"{p.key} ({' '.join(a.text.strip() for a in p.amounts)})" for p in self.pending[:6])
            self.findings.append(Finding(
                "cell.unplaced", Severity.WARNING,
                f"the source lost the column positions of {len(self.pending)} rows and more than one reading fits "
                f"the columns {', '.join(self.pending[0].measures)}; their figures are not read: {listed}"
                + (" …" if len(self.pending) > 6 else ""),
                table=self.table_id, actual=str(len(self.pending)),
                provenance=tuple(p.provenance for p in self.pending),
            ))
        columns = tuple(_dedupe_columns(self.columns_for_model))
        table = Table(self.table_id, self.title, self.unit, columns, tuple(self.rows), self.provenance, self.label)
        return table, self.findings


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


_WORD = re.compile(
    r"(?P<scope>(一般公共预算|政府性基金(预算)?|国有资本经营(预算)?|财政拨款)(基本)?支出)|本年收入合计|本年支出合计|合计|小计|财政拨款收入|一般公共预算|政府性基金(预算)?|国有资本经营(预算)?|"
    r"事业单位经营收入|事业收入|其他收入|上年结转|基本支出|项目支出|人员经费|公用经费|预算数|决算数|金额"
)


def compact_text(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _header_words(text: str, table_id: str, kind: str | None) -> list[str]:
    """Measures of the column words in a flattened header, in printed order."""
    from .columns import _rule_measure

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
            measure = _rule_measure(word)
            if measure:
                out.append(measure)
    return out


def _leaves(measures: list[str]) -> list[str]:
    """Columns as printed: a group printed above its parts is replaced by them."""
    out = _dedupe(measures)
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


def _three_public_leaves(text: str) -> list[str]:
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
    return _dedupe(items)


_HEADER_WORDS = re.compile(
    r"^(项目|行次|栏次|序号|统计数|金额|预算数|决算数|科目编码|科目名称|科目代码|功能分类科目|经济分类科目|"
    r"收入|支出|本年收入|本年支出|基本支出|项目支出|人员经费|公用经费|小计|单位:?(万元|元)|金额单位:?(万元|元))$"
)


def _header_words_only(row: GridRow) -> bool:
    """A repeated header line inside the data (项目 | 行次 | 统计数)."""
    texts = [normalise(t) for t in _texts(row) if t.strip()]
    return bool(texts) and all(_HEADER_WORDS.match(t) for t in texts)


def _amount_or_blank(text: str) -> bool:
    try:
        parse_amount(text)
        return True
    except NotAnAmount:
        return False


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for i in items:
        if i not in out:
            out.append(i)
    return out


def _dedupe_columns(columns: list[Column]) -> list[Column]:
    seen: set[str] = set()
    out = []
    for c in columns:
        if c.measure not in seen:
            seen.add(c.measure)
            out.append(c)
    return out

