"""The pieces of one printed table into a model table, whatever its layout.

A table may arrive in pieces (page breaks, interrupted text): :meth:`TableBuilder.add`
takes each piece, reads the header of the first (:mod:`.layout`) and skips repeated
ones; each data row goes to the reader of the table's layout:

- ``rows`` and ``blocks``: one line per code or item (:mod:`.plainrows`);
- ``two_sided``: income lines on the left, expenditure lines on the right (:mod:`.twosided`);
- ``transposed``: a 三公 table printed as one data row with the items as columns (:mod:`.transposed`);
- ``sources``: an income table listing fund sources (:mod:`.sources`);
- ``purchases``: a 政府采购 tree (:mod:`.purchases`).
"""

from __future__ import annotations

import attrs

from ..amounts import NotAnAmount, is_blank, parse_amount
from ..grid import GridCell, GridRow, Paragraph
from ..model import Cell, Column, Row, Table
from ..provenance import Finding, Provenance, Severity
from .columns import ColumnSpec, lost_code_columns
from .gridrows import (
    amount_or_blank,
    decimal_like,
    header_words_only,
    is_data_row,
    is_marker_row,
    row_texts,
    split_part_labels,
)
from .labels import is_code, normalise
from .layout import HeaderLayout
from .placement import Hints, Option, Pending, options_for, resolve
from .plainrows import PlainRows
from .purchases import PurchaseRows
from .rowkeys import stats_section
from .sources import SourceRows
from .transposed import TransposedRows
from .twosided import TwoSidedRows

__all__ = ["TableBuilder"]

DEFAULT_WIDTH_SLACK = 2  # a continued table may lose or gain a column or two in extraction


class TableBuilder(HeaderLayout, PlainRows, TwoSidedRows, TransposedRows, SourceRows, PurchaseRows):
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
            self._read_header(header, rows, header_text)
        elif header:
            self._repeated_header(header)
        for row in data:
            if is_marker_row(row) or self._is_header_repeat(row) or header_words_only(row):
                continue
            if self.specs and len(row.cells) < len(self.specs) - 1:
                row = self._widened(row) or row
            self._data_row(row)

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
