"""A disclosure into an Excel workbook in the standard annex-table layout (``.xlsx`` bytes).

One sheet per table, each entity's tables in the order of its kind's standard set,
then a sheet of the figures the text states (情况说明中的数字). Sheets print like the
annex templates: title, 公开NN表 label, the entity / period / unit line, merged
multi-row headers, codes and names in their own columns, class lines in bold,
figures as numbers at their printed precision, blanks blank. Reading the workbook
back with govbudget gives the same facts. The same model always gives the same
bytes: the workbook's times and the zip entries' dates are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

from ..amounts import plain
from ..model import Disclosure
from . import WriterSpec, register
from .xlsx_layout import Entry, SheetPlan, report_plans

__all__ = ["to_xlsx", "sheet_names", "DEFAULT_TIMESTAMP"]

# Workbook created/modified time and zip entry dates: fixed, so equal models give equal bytes.
DEFAULT_TIMESTAMP = dt.datetime(2000, 1, 1)
DEFAULT_FONT = "宋体"
DEFAULT_TITLE_SIZE = 16
DEFAULT_SIZE = 10
DEFAULT_MAX_SHEET_NAME = 31
DEFAULT_WIDE_COLUMNS = 6  # more columns than this print landscape
DEFAULT_INLINE_PERIOD = 5  # tables at least this wide print the period in the entity line
EXCEL_DIGITS = 15  # a figure with more significant digits is written as text, exactly
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
# Characters XML 1.0 cannot hold: left out of every text written.
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037\ufffe\uffff]")
_FORMULA_LEAD = ("=", "+", "-", "@")


def to_xlsx(disclosure: Disclosure) -> bytes:
    """The disclosure as workbook bytes; equal disclosures give equal bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    plans = [(i, plan) for i, report in enumerate(disclosure.reports, 1) for plan in report_plans(report)]
    names = sheet_names([(i if len(disclosure.reports) > 1 else None, p.sheet) for i, p in plans])
    styles = _Styles()
    for (_, plan), name in zip(plans, names):
        _render(wb.create_sheet(name), plan, styles)
    if not plans:
        ws = wb.create_sheet("说明")
        _text(ws.cell(1, 1), "没有可写出的报表。")
    first = disclosure.reports[0] if disclosure.reports else None
    wb.properties.creator = "govbudget"
    wb.properties.title = _ILLEGAL.sub("", " ".join(x for x in (first.entity if first else "", disclosure.source) if x))
    wb.properties.created = wb.properties.modified = DEFAULT_TIMESTAMP
    return _package(wb)


def sheet_names(wanted: list[tuple[int | None, str]]) -> list[str]:
    """Unique, valid sheet names: ``收支总表``, or ``2.收支总表`` for the second entity of a workbook.

    Names are at most 31 characters, hold none of ``[]:*?/\\`` and differ ignoring case.
    """
    out: list[str] = []
    taken: set[str] = set()
    for group, base in wanted:
        stem = _ILLEGAL.sub("", _BAD_SHEET_CHARS.sub("", base)).strip().strip("'") or "表"
        prefix = f"{group}." if group is not None else ""
        name = (prefix + stem)[:DEFAULT_MAX_SHEET_NAME]
        n = 2
        while name.lower() in taken:
            suffix = f"({n})"
            name = (prefix + stem)[: DEFAULT_MAX_SHEET_NAME - len(suffix)] + suffix
            n += 1
        taken.add(name.lower())
        out.append(name)
    return out


# -- cells -------------------------------------------------------------------------------
def _text(cell, text: str) -> None:
    """A string cell, never a formula, whatever the text begins with."""
    text = _ILLEGAL.sub("", text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(_FORMULA_LEAD):
        cell.quotePrefix = True


def _number(cell, value: Decimal) -> str:
    """A figure as a number cell holding its exact decimal text; returns the number format."""
    if not value.is_finite() or len(value.as_tuple().digits) > EXCEL_DIGITS:
        _text(cell, plain(value))  # Excel would round it (or has no such number); the text keeps it
        return "@"
    places = max(0, -int(value.as_tuple().exponent))
    fmt = "#,##0" + ("." + "0" * places if places else "")
    cell.value = 0
    # openpyxl prints numbers through a float ("%.16g": 9.95 -> 9.949999999999999); the exact
    # decimal text goes in the file instead, which Excel and LibreOffice read as the same number.
    cell._value = plain(value)
    return fmt


class _Styles:
    """The few cell styles a sheet uses, applied by name: ``apply(cell, "bold", "center", border=True)``."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fonts = {"title": Font(name=DEFAULT_FONT, size=DEFAULT_TITLE_SIZE, bold=True),
                      "plain": Font(name=DEFAULT_FONT, size=DEFAULT_SIZE),
                      "bold": Font(name=DEFAULT_FONT, size=DEFAULT_SIZE, bold=True)}
        self.aligns = {"center": Alignment(horizontal="center", vertical="center", wrap_text=True),
                       "middle": Alignment(horizontal="center", vertical="center"),
                       "left": Alignment(horizontal="left", vertical="center"),
                       "right": Alignment(horizontal="right", vertical="center"),
                       "figure": Alignment(horizontal="right", vertical="center", indent=1),
                       **{f"indent{i}": Alignment(horizontal="left", vertical="center", indent=i, wrap_text=True)
                          for i in range(4)}}
        self.arrays: dict[tuple, object] = {}

    def apply(self, cell, font: str, align: str | None, *, border: bool = False, fmt: str | None = None) -> None:
        """Set a cell's font, alignment, border and number format.

        Setting them one by one makes openpyxl hash each style object again for every
        cell; a combination already seen is copied from the first cell that had it.
        """
        from copy import copy

        key = (font, align, border, fmt)
        done = self.arrays.get(key)
        if done is not None:
            cell._style = copy(done)
            return
        cell.font = self.fonts[font]
        if align:
            cell.alignment = self.aligns[align]
        if border:
            cell.border = self.border
        if fmt:
            cell.number_format = fmt
        self.arrays[key] = copy(cell._style)


# -- sheets ------------------------------------------------------------------------------
def _render(ws, plan: SheetPlan, st: _Styles) -> None:
    width = len(plan.columns)
    r = 1
    _merged_line(ws, r, 1, width, plan.title, st, "title", "center")
    ws.row_dimensions[r].height = 30
    r += 1
    if plan.label:
        _merged_line(ws, r, 1, width, plan.label, st, "plain", "right")
        r += 1
    entity, period, unit = plan.meta
    # The period shares the entity line on wide tables; narrow ones print it under the title.
    inline = width >= DEFAULT_INLINE_PERIOD and bool(re.search(r"\d{4}", period))
    if period and not inline:
        _merged_line(ws, r, 1, width, period, st, "plain", "center")
        r += 1
    if entity or unit or inline:
        r = _meta_line(ws, r, width, entity, period if inline else "", unit, st)
    header_top = r
    r = _header(ws, r, plan, st)
    if plan.marker:
        r = _marker(ws, r, plan, st)
    body_top = r
    for entries in plan.rows:
        for c, (col, entry) in enumerate(zip(plan.columns, entries), 1):
            _body_cell(ws.cell(r, c), col.kind, entry, st)
        r += 1
    if plan.note:
        _merged_line(ws, r + 1, 1, width, plan.note, st, "plain", "left")
    ws.freeze_panes = ws.cell(body_top, plan.frozen_columns + 1).coordinate
    _widths(ws, plan)
    _print_setup(ws, plan, header_top, body_top - 1)


def _merged_line(ws, r: int, first: int, last: int, text: str, st: _Styles, font: str, align: str) -> None:
    cell = ws.cell(r, first)
    st.apply(cell, font, align)  # the style first: it replaces the cell's whole style, quote prefix too
    _text(cell, text)
    if last > first:
        ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=last)


def _meta_line(ws, r: int, width: int, entity: str, period: str, unit: str, st: _Styles) -> int:
    """``部门名称：…`` left, the period in the middle, ``单位：万元`` right, each in its own cell."""
    last = width - 1 if unit and width > 1 else width
    split = max(1, width // 2) if period else last
    if entity:
        _merged_line(ws, r, 1, split, entity, st, "plain", "left")
    if period:
        _merged_line(ws, r, split + 1, last, period, st, "plain", "middle")
    if unit:
        _merged_line(ws, r, width, width, unit, st, "plain", "right")
    return r + 1


def _header(ws, top: int, plan: SheetPlan, st: _Styles) -> int:
    """Header rows: a group label merged over the columns it spans, a leaf label down to the last row."""
    depth = max(len(c.path) for c in plan.columns)
    paths = [c.path for c in plan.columns]
    for row in range(top, top + depth):
        for c in range(1, len(paths) + 1):
            cell = ws.cell(row, c)
            st.apply(cell, "bold", "center", border=True)
    merges = []
    for c, path in enumerate(paths):
        for level, label in enumerate(path):
            if level < len(path) - 1:
                if c > 0 and paths[c - 1][: level + 1] == path[: level + 1] and len(paths[c - 1]) > level + 1:
                    continue  # the group label is already written in the first column it spans
                end = c
                while end + 1 < len(paths) and paths[end + 1][: level + 1] == path[: level + 1] \
                        and len(paths[end + 1]) > level + 1:
                    end += 1
                merges.append((top + level, c + 1, top + level, end + 1))
            else:
                if c > 0 and paths[c - 1] == path and plan.columns[c - 1].kind == plan.columns[c].kind == "name":
                    continue  # one label over two name columns (项目名称 over a group and its lines)
                end = c
                while (end + 1 < len(paths) and paths[end + 1] == path
                       and plan.columns[c].kind == plan.columns[end + 1].kind == "name"):
                    end += 1
                merges.append((top + level, c + 1, top + depth - 1, end + 1))
            _text(ws.cell(top + level, c + 1), label)
    for r1, c1, r2, c2 in merges:
        if (r1, c1) != (r2, c2):
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    return top + depth


def _marker(ws, r: int, plan: SheetPlan, st: _Styles) -> int:
    """The 栏次 row of the final-accounts templates: column numbers under the figures."""
    number = 0
    for c, col in enumerate(plan.columns, 1):
        cell = ws.cell(r, c)
        if col.kind == "amount":
            number += 1
            _text(cell, str(number))
        elif c == 1 or (col.kind == "name" and plan.columns[c - 2].kind == "amount"):
            _text(cell, "栏次")
        st.apply(cell, "plain", "center", border=True)
    return r + 1


def _body_cell(cell, kind: str, entry: Entry, st: _Styles) -> None:
    font = "bold" if entry.bold else "plain"
    value = entry.value
    if value is None:
        st.apply(cell, font, None, border=True)
    elif isinstance(value, Decimal):
        st.apply(cell, font, "figure", border=True, fmt=_number(cell, value))
    else:
        st.apply(cell, font, f"indent{min(entry.indent, 3)}" if kind == "name" else "left", border=True)
        _text(cell, str(value))


# -- widths and printing ------------------------------------------------------------------
def _display_width(text: str) -> int:
    """Characters as Excel widths count them: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


DEFAULT_WIDTHS = {"code": (8, 16), "key": (12, 34), "name": (14, 44), "amount": (10, 18), "text": (6, 10)}
DEFAULT_WIDE_NAME = 64  # the most a name column widens to fit a narrow table's title


def _widths(ws, plan: SheetPlan) -> None:
    """Each column as wide as its longest entry within limits; headers wrap onto two lines."""
    from openpyxl.utils import get_column_letter

    widths = []
    for c, col in enumerate(plan.columns):
        low, high = DEFAULT_WIDTHS.get(col.kind, (8, 20))
        shown = [_display_width(f"{v:,f}" if isinstance(v, Decimal) else str(v)) + 2 * row[c].indent
                 for row in plan.rows if (v := row[c].value) is not None]
        want = max([_display_width(col.path[-1]) // 2 + 2, *shown]) + 2
        widths.append(max(low, min(high, want)))
    # A narrow table still shows its title and entity line whole: the name column takes what they lack.
    names = [c for c, col in enumerate(plan.columns) if col.kind == "name"]
    if names:
        title = _display_width(plan.title) * DEFAULT_TITLE_SIZE / DEFAULT_SIZE + 4
        lack = max(title - sum(widths), _display_width(plan.meta[0]) + 2 - sum(widths[:-1]))
        if lack > 0:
            widths[names[0]] = min(DEFAULT_WIDE_NAME, widths[names[0]] + round(lack))
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w


def _print_setup(ws, plan: SheetPlan, header_top: int, header_bottom: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    total = sum(ws.column_dimensions[k].width or 10 for k in ws.column_dimensions)
    ws.page_setup.orientation = "landscape" if len(plan.columns) > DEFAULT_WIDE_COLUMNS or total > 100 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    if header_bottom >= header_top:
        ws.print_title_rows = f"{header_top}:{header_bottom}"


# -- package -------------------------------------------------------------------------------
def _package(wb) -> bytes:
    """Save, then repack the zip with fixed entry dates so that equal workbooks are equal bytes."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        # ExcelWriter directly: ``Workbook.save`` would stamp the modified time with now.
        ExcelWriter(wb, archive).save()
    out = io.BytesIO()
    stamp = DEFAULT_TIMESTAMP.timetuple()[:6]
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info))
    return out.getvalue()


register(WriterSpec(name="xlsx", extensions=("xlsx",), write=to_xlsx))
