"""Excel workbooks (``.xlsx``, ``.xlsm``; ``.xls`` through LibreOffice) into the neutral grid.

openpyxl opens the workbook in normal mode with ``data_only=True`` (read-only
mode has no merged cells, and budget workbooks are small): each formula gives
its stored value. A pass over the sheets' XML finds the formulas that have none
(files written by programs that do not calculate). Each visible sheet is then
read by :class:`~.sheets.SheetReader`; a hidden sheet is not printed and not
read, and a finding says so when it holds figures. Tables are numbered in
workbook order; every cell keeps its sheet, row and column.
"""

from __future__ import annotations

import warnings
import zipfile
from decimal import Decimal
from pathlib import Path, PurePosixPath

import attrs

from ..errors import InputError
from ..grid import Block, GridRow, GridTable, SourceDocument
from ..provenance import Finding, Provenance, Severity
from . import ReaderSpec, register
from .numformat import displayed
from .office import damaged, is_ole, parse_errors, read_package, sniff_ooxml
from .sheets import SheetReader, stored_cells

__all__ = ["read", "sniff", "displayed"]

NAME = "xlsx"
WHAT = "Excel workbook"
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TEXT_TYPES = ("str", "inlineStr", "s")


def sniff(head: bytes, path: Path) -> bool:
    """A zip package holding ``xl/`` parts, or a legacy ``.xls``."""
    return sniff_ooxml(head, path, "xl/") or (path.suffix.lower() in (".xls", ".xlt") and is_ole(head))


def read(path: Path) -> SourceDocument:
    """Read an Excel disclosure into the neutral grid.

    Raises :class:`~govbudget.errors.DamagedFileError`,
    :class:`~govbudget.errors.EncryptedFileError` or another
    :class:`~govbudget.errors.InputError` naming the file when it cannot be read.
    """
    return read_package(path, _read, what=WHAT, prefix="xl/", target="xlsx", legacy="Excel")


def _read(path: Path, name: str) -> SourceDocument:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it drops (data validation, slicers); they hold no figures.
            warnings.simplefilter("ignore")
            # A file object, so that openpyxl does not judge the content by the file's extension.
            with path.open("rb") as fh:
                workbook = openpyxl.load_workbook(fh, data_only=True, keep_links=False)
        uncached = _uncached_formulas(path)
    except InputError:
        raise
    except (InvalidFileException, OSError, *parse_errors()) as err:
        raise damaged(name, WHAT, err) from err
    findings: list[Finding] = []
    blocks: list[Block] = []
    ordinal = 0
    try:
        for ws in workbook.worksheets:
            if ws.sheet_state != "visible":
                findings.extend(_hidden_sheet(ws, name, uncached.get(ws.title, set())))
                continue
            sheet = SheetReader(ws, name, uncached.get(ws.title, set()))
            for block in sheet.blocks():
                if isinstance(block, GridTable):
                    ordinal += 1
                    block = _numbered(block, ordinal)
                blocks.append(block)
            findings.extend(sheet.findings)
    finally:
        workbook.close()
    if not any(isinstance(b, GridTable) for b in blocks) and not any(
            b.text.strip() and b.provenance.row is not None for b in blocks):
        raise InputError("the workbook has no text in any visible sheet", path=name)
    return SourceDocument(name, NAME, tuple(blocks), tuple(findings))


def _hidden_sheet(ws, name: str, uncached: set[tuple[int, int]]) -> list[Finding]:
    """A finding for a hidden sheet: a warning when it holds figures, a note when only text."""
    figures = texts = 0
    for cell in stored_cells(ws):
        if isinstance(cell.value, (int, float, Decimal)) and not isinstance(cell.value, bool):
            figures += 1
        elif (cell.row, cell.column) in uncached:
            figures += 1
        elif cell.value is not None:
            texts += 1
    prov = (Provenance(name, sheet=ws.title),)
    if figures:
        return [Finding("sheet.hidden", Severity.WARNING,
                        f"hidden sheet {ws.title!r} holds {figures} figure{'s' if figures > 1 else ''}: not printed, "
                        "so not read", actual=str(figures), provenance=prov)]
    if texts:
        return [Finding("sheet.hidden", Severity.INFO, f"hidden sheet {ws.title!r} (text only) not read",
                        provenance=prov)]
    return []


def _numbered(table: GridTable, ordinal: int) -> GridTable:
    """The table's ordinal in the workbook on every provenance (the facts' ``page`` for non-PDF files)."""

    def number(p: Provenance) -> Provenance:
        return attrs.evolve(p, table=ordinal)

    rows = tuple(
        GridRow(tuple(attrs.evolve(c, provenance=number(c.provenance)) for c in row.cells), number(row.provenance))
        for row in table.rows
    )
    return GridTable(rows, number(table.provenance))


def _uncached_formulas(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Per sheet name, the (row, col) of formula cells that carry no stored value."""
    from lxml import etree
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    out: dict[str, set[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return out
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        workbook = etree.fromstring(z.read("xl/workbook.xml"), parser)
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"), parser)
        targets = {r.get("Id"): r.get("Target") for r in rels}
        for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
            target = targets.get(sheet.get(_REL))
            if not target:
                continue
            part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            if part not in names:
                continue
            found: set[tuple[int, int]] = set()
            at = (0, 0)  # the last cell seen: cells may leave out their reference (r)
            with z.open(part) as fh:
                for _, c in etree.iterparse(fh, tag=f"{{{_NS['m']}}}c", resolve_entities=False, no_network=True):
                    ref = c.get("r")
                    if ref:
                        letters, row = coordinate_from_string(ref)
                        at = (row, column_index_from_string(letters))
                    else:
                        parent = c.getparent()
                        row = int(parent.get("r")) if parent is not None and parent.get("r") else at[0] or 1
                        at = (row, at[1] + 1 if row == at[0] else 1)
                    f = c.find("m:f", _NS)
                    if f is not None:
                        v = c.find("m:v", _NS)
                        # An empty <v/> is a stored empty string only for a text result.
                        if v is None or (not (v.text or "") and c.get("t") not in _TEXT_TYPES):
                            found.add(at)
                    c.clear()
            if found:
                out[sheet.get("name")] = found
    return out


register(ReaderSpec(name=NAME, extensions=("xlsx", "xlsm", "xltx", "xls", "xlt"), sniff=sniff, read=read))
