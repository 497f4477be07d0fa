"""govbudget's own XBRL instances straight back into a :class:`~govbudget.model.Disclosure`.

The inverse of :mod:`govbudget.writers.xbrl`: contexts give the entity, kind,
year, table and row key; concepts with their fund and expenditure-type members
give the measure; yuan with ``decimals`` and the printed unit give the figure as
printed (540700 with ``decimals="-2"`` in a 万元 table is 54.07). The XML is
parsed with entity expansion and network access off; a DOCTYPE is refused.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..amounts import UNIT_FACTORS, plain
from ..errors import EmptyInputError, SchemaError
from ..model import Cell, Column, Disclosure, Kind, Report, Row, Scope, Table
from ..provenance import Provenance
from ..taxonomy import ENTRY_POINT, NAMESPACE
from ..taxonomy import names as N
from ..taxonomy.instance import ISO4217, LINK, XBRLDI, XBRLI, XLINK, Period, count_value, printed_value, year_of
from . import ReaderSpec, read_bytes, register

if TYPE_CHECKING:  # pragma: no cover
    from lxml import etree

__all__ = ["sniff", "parse", "read"]

_XBRLI_BYTES = XBRLI.encode()
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"[+-]?\d+")
_AXIS_KEYS = {a.name: k for k, a in N.AXES.items()}
_MEMBER_KEYS = {
    "kind": {m.name: k for k, m in N.KIND_MEMBERS.items()},
    "table": {m.name: k for k, m in N.TABLE_MEMBERS.items()},
    "item": {m.name: k for k, m in N.ITEM_MEMBERS.items()},
    "fund": {m.name: k for k, m in N.FUND_MEMBERS.items()},
    "type": {m.name: k for k, m in N.TYPE_MEMBERS.items()},
    "column": {m.name: k for k, m in N.COLUMN_MEMBERS.items()},
}
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
# More places than any printed figure has; bounds the work a hostile ``decimals`` can ask for.
DEFAULT_MAX_DECIMALS = 1000


def sniff(head: bytes, path: Path) -> bool:
    """True when the bytes open an XML document that names the XBRL instance namespace."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<") and _XBRLI_BYTES in head


@attrs.define
class _Context:
    entity: tuple[str, str]
    dims: dict[str, str]
    period: Period


@attrs.define
class _Rows:
    """What the instance says about one table (or the narrative) of a report, in order."""

    meta: dict[str, str] = attrs.Factory(dict)
    rows: dict[str, dict[str, str]] = attrs.Factory(dict)
    cells: dict[str, list[tuple[str, Decimal, int, str, str]]] = attrs.Factory(dict)


@attrs.define
class _Report:
    entity: tuple[str, str]
    kind: str | None
    year: int | None
    meta: dict[str, str] = attrs.Factory(dict)
    tables: dict[str, _Rows] = attrs.Factory(dict)


class _Reader:
    def __init__(self, root: etree._Element, path: Path | str) -> None:
        self.root = root
        self.path = path
        self.contexts: dict[str, _Context] = {}
        self.units: dict[str, str] = {}
        self.reports: dict[tuple[object, ...], _Report] = {}

    def fail(self, message: str, el: etree._Element | None = None) -> SchemaError:
        where = f"line {el.sourceline}" if el is not None and el.sourceline else None
        return SchemaError(message, path=self.path, where=where)

    def qname(self, el: etree._Element, text: str) -> tuple[str | None, str]:
        prefix, _, local = text.strip().rpartition(":")
        return el.nsmap.get(prefix or None), local

    # --- contexts and units ---------------------------------------------------

    def context(self, el: etree._Element) -> None:
        ident = el.find(f"{{{XBRLI}}}entity/{{{XBRLI}}}identifier")
        if ident is None:
            raise self.fail("a context without an entity identifier", el)
        dims: dict[str, str] = {}
        for member in el.iterfind(f"{{{XBRLI}}}entity/{{{XBRLI}}}segment/*"):
            ns, axis_name = self.qname(member, member.get("dimension", ""))
            axis = _AXIS_KEYS.get(axis_name) if ns == NAMESPACE else None
            if axis is None or member.tag not in (f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"):
                raise self.fail(f"a segment member of an axis the govbudget taxonomy does not have "
                                f"({member.get('dimension')!r})", member)
            if N.AXES[axis].typed:
                value = member.find(f"{{{NAMESPACE}}}{N.AXES[axis].typed}")
                if value is None or not value.text:
                    raise self.fail(f"the typed member of {axis_name} holds no {N.AXES[axis].typed}", member)
                dims[axis] = value.text
            else:
                ns, name = self.qname(member, member.text or "")
                key = _MEMBER_KEYS[axis].get(name) if ns == NAMESPACE else None
                if key is None:
                    raise self.fail(f"{member.text!r} is no member of {axis_name}", member)
                dims[axis] = key
        if el.find(f"{{{XBRLI}}}scenario") is not None:
            raise self.fail("govbudget instances put their dimensions in the segment, not the scenario", el)
        period = el.find(f"{{{XBRLI}}}period")
        parts = [] if period is None else [(p.tag.rpartition("}")[2], (p.text or "").strip()) for p in period]
        tags = tuple(t for t, _ in parts)
        if tags == ("forever",):
            span: Period = ("forever",)
        elif tags == ("instant",):
            span = ("instant", parts[0][1])
        elif tags == ("startDate", "endDate"):
            span = ("duration", parts[0][1], parts[1][1])
        else:
            raise self.fail("a context whose period is neither forever, an instant nor a start and end date", el)
        if el.get("id", "") in self.contexts:
            raise self.fail(f"two contexts with the id {el.get('id')!r}", el)
        self.contexts[el.get("id", "")] = _Context((ident.get("scheme", ""), ident.text or ""), dims, span)

    def unit(self, el: etree._Element) -> None:
        measures = [self.qname(m, m.text or "") for m in el.iterfind(f"{{{XBRLI}}}measure")]
        kinds = {(ISO4217, "CNY"): "CNY", (XBRLI, "pure"): "pure"}
        if len(measures) != 1 or measures[0] not in kinds:
            raise self.fail("a unit that is neither iso4217:CNY nor xbrli:pure", el)
        self.units[el.get("id", "")] = kinds[measures[0]]

    # --- facts ------------------------------------------------------------------

    def fact(self, el: etree._Element) -> None:
        name = el.tag.rpartition("}")[2]
        concept = N.CONCEPTS.get(name)
        if concept is None or concept.kind == "abstract":
            raise self.fail(f"gb:{name} is not a concept of the govbudget taxonomy", el)
        if el.get(_XSI_NIL) in ("true", "1"):
            raise self.fail(f"a nil gb:{name}: govbudget instances state no nil facts", el)
        ctx = self.contexts.get(el.get("contextRef", ""))
        if ctx is None:
            raise self.fail(f"gb:{name} refers to a context that is not there ({el.get('contextRef')!r})", el)
        try:
            year = year_of(concept.instant, ctx.period)
        except ValueError as err:
            raise self.fail(f"gb:{name}: {err}", el) from err
        report = self.reports.setdefault((ctx.entity, ctx.dims.get("kind"), year),
                                         _Report(ctx.entity, ctx.dims.get("kind"), year))
        rows = [a for a in N.ROW_AXES if a in ctx.dims]
        text = el.text or ""
        if "table" not in ctx.dims:
            if name not in N.REPORT_CONCEPTS:
                raise self.fail(f"gb:{name} needs a table and a row in its context", el)
            report.meta.setdefault(name, text)
            return
        table = report.tables.setdefault(ctx.dims["table"], _Rows())
        if not rows:
            if name not in N.TABLE_CONCEPTS:
                raise self.fail(f"gb:{name} needs a row in its context", el)
            table.meta.setdefault(name, text)
            return
        if len(rows) > 1:
            raise self.fail(f"a context with two row axes ({', '.join(rows)})", el)
        key = N.row_key(rows[0], ctx.dims[rows[0]])
        row = table.rows.setdefault(key, {})
        cells = table.cells.setdefault(key, [])
        if name in N.ROW_CONCEPTS:
            if concept.kind == "integer" and not _INTEGER.fullmatch(text.strip()):
                raise self.fail(f"gb:{name} {text!r} is not a whole number", el)
            row.setdefault(name, text)
            return
        measure = N.measure_of(name, {a: ctx.dims[a] for a in N.MEASURE_AXES if a in ctx.dims})
        if measure is None:
            raise self.fail(f"gb:{name} with these fund and expenditure members stands for no measure", el)
        number, decimals = self.number(el, "pure" if concept.kind == "count" else "CNY")
        cells.append((measure, number, decimals, concept.kind, f"line {el.sourceline}"))

    def number(self, el: etree._Element, unit: str) -> tuple[Decimal, int]:
        text = (el.text or "").strip()
        if not _DECIMAL.fullmatch(text):
            raise self.fail(f"{text!r} is not a decimal number", el)
        if self.units.get(el.get("unitRef", "")) != unit:
            raise self.fail(f"this figure needs the unit {unit} (unitRef {el.get('unitRef')!r})", el)
        decimals = el.get("decimals", "")
        if not _INTEGER.fullmatch(decimals) or abs(int(decimals)) > DEFAULT_MAX_DECIMALS:
            raise self.fail(f"decimals {decimals!r}: govbudget states the printed precision as an integer", el)
        return Decimal(text), int(decimals)

    # --- the model -------------------------------------------------------------

    def disclosure(self) -> Disclosure:
        for el in self.root:
            if not isinstance(el.tag, str):
                continue
            if el.tag == f"{{{XBRLI}}}context":
                self.context(el)
            elif el.tag == f"{{{XBRLI}}}unit":
                self.unit(el)
        for el in self.root:
            if isinstance(el.tag, str) and el.tag.startswith(f"{{{NAMESPACE}}}"):
                self.fact(el)
        metas = [r.meta for r in self.reports.values()]
        source = next((m["SourceFile"] for m in metas if "SourceFile" in m), Path(self.path).name)
        reader = next((m["SourceReader"] for m in metas if "SourceReader" in m), "xbrl")
        return Disclosure(source, reader, tuple(self.report(r, source) for r in self.reports.values()))

    def report(self, r: _Report, source: str) -> Report:
        scope = r.meta.get("ReportScope")
        if scope not in {s.value for s in Scope}:
            raise self.fail(f"the report of {r.entity[1]!r} states no scope (department or unit)")
        tables, narrative = [], ()
        for table_id, t in r.tables.items():
            rows = self.rows(t, source, t.meta.get("PrintedUnit"), f"{r.entity[1]} {table_id}")
            if table_id == N.NARRATIVE:
                narrative = tuple(rows)
                continue
            measures = dict.fromkeys(c.measure for row in rows for c in row.cells)
            tables.append(Table(table_id, t.meta.get("TableTitle", ""), t.meta.get("PrintedUnit"),
                                tuple(Column(m, "") for m in measures), tuple(rows), Provenance(source),
                                t.meta.get("TableLabel")))
        return Report(r.meta.get("EntityName", r.entity[1]), r.meta.get("EntityCode"), Scope(scope),
                      Kind(r.kind) if r.kind else None, r.year, r.meta.get("PrintedUnit"), tuple(tables),
                      narrative)

    def rows(self, t: _Rows, source: str, table_unit: str | None, where: str) -> list[Row]:
        out = []
        for key, meta in t.rows.items():
            prov = Provenance(source, page=_int(meta.get("SourcePage")), table=_int(meta.get("SourceTableOrdinal")))
            unit = meta.get("PrintedUnit") or table_unit
            cells = []
            for measure, number, decimals, kind, line in t.cells[key]:
                try:
                    if kind == "count":
                        value = count_value(number, decimals)
                    elif unit in UNIT_FACTORS:
                        value = printed_value(number, decimals, unit)
                    else:
                        raise ValueError(f"its printed unit {unit!r} is no money unit")
                except ValueError as err:
                    raise SchemaError(f"{where} {key} {measure}: {err}", path=self.path, where=line) from err
                cells.append(Cell(measure, plain(value), value, prov))
            out.append(Row(key, meta.get("LineName", ""), tuple(cells), prov, meta.get("PrintedUnit")))
        return out


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def parse(data: bytes, path: Path | str) -> Disclosure:
    """The disclosure held by the bytes of a govbudget XBRL instance."""
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path)
    from lxml import etree  # imported only when XBRL is read

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise SchemaError(f"not well-formed XML: {err.msg}", path=path, where=f"line {err.lineno}") from err
    if root.getroottree().docinfo.doctype:
        raise SchemaError("an XBRL instance with a DOCTYPE: govbudget does not read document type declarations",
                          path=path)
    if root.tag != f"{{{XBRLI}}}xbrl":
        raise SchemaError(f"not an XBRL instance (the root element is {root.tag})", path=path)
    refs = [r.get(f"{{{XLINK}}}href") for r in root.iterfind(f"{{{LINK}}}schemaRef")]
    if refs != [ENTRY_POINT]:
        raise SchemaError(f"an XBRL instance of another taxonomy ({', '.join(map(str, refs)) or 'no schemaRef'}); "
                          f"govbudget reads instances of its own, {ENTRY_POINT}", path=path)
    return _Reader(root, path).disclosure()


def read(path: Path) -> Disclosure:
    """Read a govbudget XBRL instance back into the model it was written from (its facts)."""
    return parse(read_bytes(path), path)


register(ReaderSpec(name="xbrl", extensions=("xbrl",), sniff=sniff, read=read))
