"""Excel workbooks (``.xlsx``, ``.xlsm``; ``.xls`` through LibreOffice) into the neutral grid.

Each visible sheet is read top to bottom: its name, then its rows split into
paragraphs (titles, entity and unit lines, notes) and tables (runs of rows with
two or more cells, ended by a blank row or a wide title row). Cells become the
text a reader of the printed sheet sees: numbers at the precision their format
shows (``#,##0.00`` -> ``1234.50``), never through a binary float, so that every
reader hands the recogniser the same kind of text. A formula's cached value is
read; a formula without one is an error finding and a blank cell, never a zero.
Hidden rows, columns and sheets are not printed, so they are not read (a
finding says what was left out).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..grid import Block, GridCell, GridRow, GridTable, Paragraph, SourceDocument
from ..provenance import Finding, Provenance, Severity
from . import ReaderSpec, register
from .office import convert_legacy, open_zip_error, sniff_ooxml

__all__ = ["read", "sniff", "displayed"]

NAME = "xlsx"
# Excel stores 15 significant digits; a float's 16th and 17th are binary noise (0.1 + 0.2).
EXCEL_DIGITS = 15
_DEFAULT_SHEET = re.compile(r"(?i)^(sheet|工作表)\s*\d*$")
_NOTE = re.compile(r"^\s*(注|说明|备注|填报说明)\s*[:：\d１-９、.]")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sniff(head: bytes, path: Path) -> bool:
    """A zip package holding ``xl/`` parts, or a legacy ``.xls``."""
    return sniff_ooxml(head, path, "xl/") or (path.suffix.lower() == ".xls" and head.startswith(b"\xd0\xcf\x11\xe0"))


def read(path: Path) -> SourceDocument:
    """Read an Excel disclosure into the neutral grid."""
    path = Path(path)
    if path.suffix.lower() == ".xls":
        with convert_legacy(path, "xlsx") as converted:
            return _read(converted, path.name)
    return _read(path, path.name)


def _read(path: Path, name: str) -> SourceDocument:
    import openpyxl

    try:
        # Normal mode: read-only mode has no merged cells (budget workbooks are small).
        workbook = openpyxl.load_workbook(path, data_only=True)
        uncached = _uncached_formulas(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as err:
        raise open_zip_error(path, name, "Excel workbook", err) from err
    findings: list[Finding] = []
    blocks: list[Block] = []
    ordinal = 0
    try:
        for ws in workbook.worksheets:
            if ws.sheet_state != "visible":
                findings.append(Finding("sheet.hidden", Severity.INFO, f"hidden sheet {ws.title!r} not read",
                                        provenance=(Provenance(name, sheet=ws.title),)))
                continue
            sheet = _Sheet(ws, name, uncached.get(ws.title, set()), findings)
            for block in sheet.blocks():
                if isinstance(block, GridTable):
                    ordinal += 1
                    block = _numbered(block, ordinal)
                blocks.append(block)
    finally:
        workbook.close()
    if not any(isinstance(b, GridTable) for b in blocks) and not any(b.text.strip() for b in blocks):
        raise InputError("the workbook has no text in any visible sheet", path=name)
    return SourceDocument(name, NAME, tuple(blocks), tuple(findings))


class _Sheet:
    def __init__(self, ws, file: str, uncached: set[tuple[int, int]], findings: list[Finding]) -> None:
        self.ws = ws
        self.file = file
        self.uncached = uncached
        self.findings = findings
        self.hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
        self.hidden_cols: set[int] = set()
        for d in ws.column_dimensions.values():
            if d.hidden and d.min:
                self.hidden_cols.update(range(d.min, (d.max or d.min) + 1))
        # (row, col), 1-based -> origin of the merged range, for every covered position.
        self.merged: dict[tuple[int, int], tuple[int, int]] = {}
        self.span: dict[tuple[int, int], int] = {}
        for rng in ws.merged_cells.ranges:
            origin = (rng.min_row, rng.min_col)
            self.span[origin] = rng.max_col - rng.min_col + 1
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != origin:
                        self.merged[(r, c)] = origin

    def _prov(self, r: int | None = None, c: int | None = None) -> Provenance:
        return Provenance(self.file, sheet=self.ws.title, row=None if r is None else r - 1,
                          column=None if c is None else c - 1)

    def _note(self, code: str, severity: Severity, message: str, r: int | None = None, c: int | None = None,
              actual: str | None = None) -> None:
        self.findings.append(Finding(code, severity, message, actual=actual, provenance=(self._prov(r, c),)))

    def _rows(self) -> tuple[list[int], list[int], dict[tuple[int, int], str]]:
        """The visible rows and columns that hold text, and the text of each cell."""
        from openpyxl.utils import get_column_letter

        texts: dict[tuple[int, int], str] = {}
        hidden_figures: dict[str, set[int]] = {"row": set(), "column": set()}
        uncached: list[tuple[int, int]] = []
        for row in self.ws.iter_rows():
            for cell in row:
                r, c = cell.row, cell.column
                hidden = r in self.hidden_rows or c in self.hidden_cols
                if (r, c) in self.uncached and not hidden:
                    uncached.append((r, c))
                if hidden:
                    if isinstance(cell.value, (int, float, Decimal)) or (r, c) in self.uncached:
                        hidden_figures["row" if r in self.hidden_rows else "column"].add(
                            r if r in self.hidden_rows else c)
                    continue
                text = self._text(cell)
                if text:
                    texts[(r, c)] = text
        if uncached:
            refs = [f"{get_column_letter(c)}{r}" for r, c in uncached]
            self.findings.append(Finding(
                "cell.formula_uncached", Severity.ERROR,
                f"{len(refs)} formula{'s' if len(refs) > 1 else ''} on sheet {self.ws.title!r} "
                f"({_listed(refs)}) {'have' if len(refs) > 1 else 'has'} no stored value (the file was saved by a "
                f"program that does not calculate) and {'are' if len(refs) > 1 else 'is'} read as blank: open and save it in Excel or LibreOffice",
                actual=", ".join(refs), provenance=tuple(self._prov(r, c) for r, c in uncached)))
        for what, where in hidden_figures.items():
            if where:
                names = [str(w) if what == "row" else get_column_letter(w) for w in sorted(where)]
                plural = len(names) > 1
                self._note(f"sheet.hidden_{what}", Severity.WARNING,
                           f"hidden {what}{'s' if plural else ''} {_listed(names)} of sheet {self.ws.title!r} "
                           f"{'hold' if plural else 'holds'} figures that are not printed and were not read",
                           actual=", ".join(names))
        rows = sorted({r for r, _ in texts})
        cols = sorted({c for _, c in texts} | {c for (r, c) in self.merged if r in rows and (r, c) not in texts
                                               and self.merged[(r, c)] in texts
                                               and c not in self.hidden_cols})
        return rows, cols, texts

    def _text(self, cell) -> str:
        value = cell.value
        if value is None:
            return ""
        if isinstance(value, str):
            if cell.data_type == "e":
                self._note("cell.error_value", Severity.WARNING,
                           f"cell {cell.coordinate} shows the error {value}", cell.row, cell.column, actual=value)
            return value.strip()
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, (int, float, Decimal)):
            text, lost = displayed(value, cell.number_format)
            if lost:
                self._note("cell.rounded", Severity.INFO,
                           f"cell {cell.coordinate} stores {lost} and shows {text}; read as shown",
                           cell.row, cell.column, actual=lost)
            return text
        if isinstance(value, dt.datetime):
            return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
        if isinstance(value, (dt.date, dt.time)):
            return value.isoformat()
        return str(value).strip()

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        if not _DEFAULT_SHEET.match(self.ws.title.strip()):
            out.append(Paragraph(self.ws.title.strip(), self._prov()))
        rows, cols, texts = self._rows()
        if not rows:
            return out
        width = len(cols)
        run: list[int] = []
        previous: int | None = None

        def flush() -> None:
            if run:
                out.append(self._table(run, cols, texts))
                run.clear()

        for r in rows:
            present = [c for c in cols if (r, c) in texts]
            gap = previous is not None and any(
                x not in self.hidden_rows for x in range(previous + 1, r))  # a blank printed row
            previous = r
            if gap:
                flush()
            if len(present) == 1:
                c = present[0]
                wide = self.span.get((r, c), 1) >= max(3, width // 2)
                if not run or wide or _NOTE.match(texts[(r, c)]):
                    flush()
                    out.append(Paragraph(texts[(r, c)], self._prov(r, c)))
                    continue
            run.append(r)
        flush()
        return out

    def _table(self, rows: list[int], cols: list[int], texts: dict[tuple[int, int], str]) -> GridTable:
        grid_rows = []
        for r in rows:
            cells = []
            for c in cols:
                origin = self.merged.get((r, c))
                cells.append(GridCell(
                    "" if origin else texts.get((r, c), ""),
                    self._prov(r, c),
                    merged_from=(origin[0] - 1, origin[1] - 1) if origin else None,
                ))
            grid_rows.append(GridRow(tuple(cells), self._prov(r)))
        return GridTable(tuple(grid_rows), self._prov(rows[0]))


def _listed(items: list[str], limit: int = 8) -> str:
    return ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _numbered(table: GridTable, ordinal: int) -> GridTable:
    """The table's ordinal in the workbook on every provenance (the facts' ``page`` for non-PDF files)."""
    import attrs

    def number(p: Provenance) -> Provenance:
        return attrs.evolve(p, table=ordinal)

    rows = tuple(
        GridRow(tuple(attrs.evolve(c, provenance=number(c.provenance)) for c in row.cells), number(row.provenance))
        for row in table.rows
    )
    return GridTable(rows, number(table.provenance))


def displayed(value: int | float | Decimal, number_format: str | None) -> tuple[str, str | None]:
    """A number as its cell format shows it, and the stored figure when the format hides digits.

    Floats go through their 15 significant digits (what Excel keeps), never
    ``Decimal(float)``; the format's decimal places then fix the printed precision.
    Percentages show as ``12.50%``; thousands separators are left out.
    """
    exact = Decimal(value) if isinstance(value, int) else (
        value if isinstance(value, Decimal) else Decimal(format(value, f".{EXCEL_DIGITS}g")))
    places, percent = _format_places(number_format or "General")
    if percent:
        exact = exact * 100
    if places is None:
        shown = exact
    else:
        shown = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    lost = None if shown == exact else _plain(exact)
    return _plain(shown) + ("%" if percent else ""), lost


def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return "0" + text[2:] if text.startswith("-0") and d == 0 else text


def _format_places(fmt: str) -> tuple[int | None, bool]:
    """Decimal places shown by a number format's positive section (None for General) and whether it is a %."""
    section = _QUOTED.sub("", fmt.split(";")[0])
    if not section or section.strip().lower() == "general" or not re.search(r"[0#?]", section):
        return None, "%" in section
    m = re.search(r"\.([0#?]+)", section)
    return (len(m.group(1)) if m else 0), "%" in section


def _uncached_formulas(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Per sheet name, the (row, col) of formula cells that carry no stored value."""
    from lxml import etree
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    out: dict[str, set[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return out
        workbook = etree.fromstring(z.read("xl/workbook.xml"))
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
            target = targets.get(sheet.get(_REL))
            if not target:
                continue
            part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            if part not in names:
                continue
            found: set[tuple[int, int]] = set()
            with z.open(part) as fh:
                for _, c in etree.iterparse(fh, tag=f"{{{_NS['m']}}}c"):
                    f = c.find("m:f", _NS)
                    v = c.find("m:v", _NS)
                    if f is not None and (v is None or not (v.text or "").strip()) and c.get("t") != "inlineStr":
                        letters, row = coordinate_from_string(c.get("r"))
                        found.add((row, column_index_from_string(letters)))
                    c.clear()
            if found:
                out[sheet.get("name")] = found
    return out


register(ReaderSpec(name=NAME, extensions=("xlsx", "xlsm", "xls"), sniff=sniff, read=read))
