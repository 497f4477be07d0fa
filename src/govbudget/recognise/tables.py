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
from ..grid import GridCell, GridRow, Paragraph
from ..model import Cell, Column, Row, Table
from ..provenance import Finding, Provenance, Severity
from .columns import ColumnSpec, classify_columns, header_paths, lost_code_columns
from .flatheader import compact_text, header_words, leaves, three_public_leaves
from .gridrows import (
    amount_or_blank,
    decimal_like,
    dedupe,
    header_words_only,
    is_data_row,
    is_marker_row,
    row_texts,
    split_part_labels,
)
from .labels import clean_code, display_name, is_code, normalise, split_code
from .placement import Hints, Option, Pending, options_for, resolve
from .purchases import PurchaseRows
from .rowkeys import code_key, econ_class, function_class, is_total, stats_item, stats_section, three_public_item
from .sources import SourceRows
from .transposed import TransposedRows
from .twosided import TwoSidedRows

__all__ = ["TableBuilder"]

DEFAULT_WIDTH_SLACK = 2  # a continued table may lose or gain a column or two in extraction


class TableBuilder(TwoSidedRows, TransposedRows, SourceRows, PurchaseRows):
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
        self.income_line: str | None = None
        self.source_group: str | None = None
        self.purchase_letter: str | None = None
        self.purchase_path: list[str] = []
        self.two_sided_seen: set[str] = set()
        self.stats_context: str | None = None
        self.class_code: str | None = None
        self.sub_code: str | None = None
        self.misprinted_class: str | None = None
        self.empty_note: Paragraph | None = None  # the note under the table saying it is empty
        self.two_sided_measures: tuple[list[str], list[str]] = (["amount"], ["amount"])
        self.name_columns: list[int] = []
        self.transposed: list[tuple[int, str, str, str]] = []
        self.unread: dict[int, list[GridCell]] = {}
        self.header_lines: set[str] = set()
        self.open_readings = None
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
        if self.specs and rows and rows[0].aligned:
            rows = [_pad_left(r, lost_code_columns(self.specs, len(r.cells))) for r in rows]
        marked = False
        for row in rows:
            if not any(t for t in row_texts(row)):
                continue
            if is_marker_row(row) and not data:
                marked = True  # the 栏次 line closes the header: what follows is data, figures or not
                continue
            if self.table_id == "disclosure_stats" and not data and stats_section(row_texts(row)[0]):
                self.stats_context = stats_section(row_texts(row)[0])
                continue
            split = split_part_labels(row) if not data and self.specs is None else None
            if split:
                header.append(split[0])
                data.append(split[1])
            elif data or marked or is_data_row(row) or self._continues(row):
                data.append(row)
            else:
                header.append(row)
        if self.specs is None:
            self._code_labels_in_total_line(header, data)
            self._read_header(header, rows, header_text)
        elif header:
            self._repeated_header(header)
        for row in data:
            if is_marker_row(row) or self._is_header_repeat(row) or header_words_only(row):
                continue
            if self.specs and len(row.cells) < len(self.specs) - 1:
                row = self._widened(row) or row
            self._data_row(row)

    @staticmethod
    def _code_labels_in_total_line(header: list[GridRow], data: list[GridRow]) -> None:
        """类 | 款 | 项 printed in the line of 合计 below the header: they head the code columns."""
        if not data:
            return
        row = data[0]
        parts = [i for i, t in enumerate(row_texts(row)) if normalise(t) in ("类", "款", "项")]
        if len(parts) < 2:
            return
        labels = tuple(attrs.evolve(c, text=c.text if i in parts else "") for i, c in enumerate(row.cells))
        figures = tuple(attrs.evolve(c, text="" if i in parts else c.text) for i, c in enumerate(row.cells))
        header.append(attrs.evolve(row, cells=labels))
        data[0] = attrs.evolve(row, cells=figures)

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

    def _repeated_header(self, header: list[GridRow]) -> None:
        for row in header:
            if not self._is_header_repeat(row) and not is_marker_row(row):
                self.note("row.skipped", Severity.INFO,
                          f"text inside the table not read: {' | '.join(t for t in row_texts(row) if t)!r}",
                          row.provenance)

    def _continues(self, row: GridRow) -> bool:
        """In a later piece of a table with aligned columns, a row that repeats no header is a line of it.

        (A two-sided table's lines without figures, 二十一、粮油物资储备支出, hold no figure or code;
        after a page break a piece may open with rows holding only whole numbers, a 行次 and a count.)
        """
        return (self.specs is not None and row.aligned and (self.layout == "two_sided" or self.data_seen > 0)
                and not self._is_header_repeat(row) and not header_words_only(row))

    def _is_header_repeat(self, row: GridRow) -> bool:
        texts = [normalise(t) for t in row_texts(row)]
        return any(texts == h for h in self.header_texts) and not any(decimal_like(t) for t in row_texts(row))

    def fits(self, rows: list[GridRow]) -> bool:
        """Whether rows could continue this table: about as many columns, or positions lost anyway."""
        if not rows or not rows[0].aligned or not self.specs:
            return True
        width = max(len(r.cells) for r in rows)
        slack = DEFAULT_WIDTH_SLACK if len(self.specs) > 6 else 1
        return abs(width - len(self.specs)) <= slack or all(self._widened(r) is not None for r in rows)

    def _widened(self, row: GridRow) -> GridRow | None:
        """A row whose one label cell spans the code and name columns (a page holding only 合计), widened.

        Only when the rest of the row is exactly one figure or blank per measure column,
        and those columns are the table's last: the label goes to the name column.
        """
        if self.specs is None or self.layout != "rows" or not row.aligned or not self.name_columns:
            return None
        measures = [s.index for s in self.specs if s.role == "measure"]
        n = len(row.cells) - 1
        if n < 1 or n != len(measures) or measures != list(range(len(self.specs) - n, len(self.specs))):
            return None
        label, rest = row.cells[0], row.cells[1:]
        if not label.text.strip() or is_code(label.text) or not all(amount_or_blank(c.text) for c in rest):
            return None
        blank = [attrs.evolve(label, text="") for _ in range(len(self.specs) - n)]
        blank[self.name_columns[0]] = label
        return attrs.evolve(row, cells=tuple(blank) + tuple(rest))

    # -- data rows --------------------------------------------------------------
    def _data_row(self, row: GridRow) -> None:
        self.data_seen += 1
        if self.layout == "two_sided":
            self._two_sided_row(row)
        elif self.layout == "transposed":
            self._transposed_row(row)
        elif self.layout == "blocks":
            self._blocks_row(row)
        elif self.layout == "sources":
            self._source_row(row)
        elif self.layout == "purchases":
            self._purchase_row(row)
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
            elif s.role in ("text", "empty") and decimal_like(row.cells[s.index].text):
                self.unread.setdefault(s.index, []).append(row.cells[s.index])
        return out

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
        # A 款 or 项 part is a two-digit field: ``301 | 2`` is 30102, never 3012.
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
        # A 款 or 项 part is two digits; spreadsheets print 02 as 2 when the cell is a number.
        by = {p: t.zfill(2) if p in ("sub", "item") and len(t) == 1 and t.isdigit() else t for p, t in by.items()}
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
        if V.EMPTY_TABLE.search(norm) and not self._has_values(row):
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
        severity = Severity.WARNING if self._has_values(row) else Severity.INFO
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

    @staticmethod
    def _has_values(row: GridRow) -> bool:
        return any(decimal_like(t) or (t.strip().isdigit() and len(t.strip()) < 3) for t in row_texts(row)[1:])

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


    # -- result ---------------------------------------------------------------
    def has_no_figures(self) -> bool:
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
        self.unplaced_readings()
        if self.layout == "two_sided":
            self._settle_totals()
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
        if self.empty_note is not None and not self.has_no_figures():
            self.note("table.empty_note", Severity.WARNING,
                      f"the note under the table says it is empty ({self.empty_note.text.strip()[:60]!r}), "
                      "but it prints figures; the figures are kept", self.empty_note.provenance,
                      actual=self.empty_note.text.strip()[:200])
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
        columns = tuple(_unique_columns(self.columns_for_model))
        table = Table(self.table_id, self.title, self.unit, columns, tuple(self.rows), self.provenance, self.label)
        return table, self.findings


def _pad_left(row: GridRow, count: int) -> GridRow:
    """The row with ``count`` empty cells in front, where its piece printed fewer code columns."""
    if not count:
        return row
    blank = GridCell("", attrs.evolve(row.provenance, column=None))
    return attrs.evolve(row, cells=(blank,) * count + row.cells)


def _unique_columns(columns: list[Column]) -> list[Column]:
    seen: set[str] = set()
    out = []
    for c in columns:
        if c.measure not in seen:
            seen.add(c.measure)
            out.append(c)
    return out

