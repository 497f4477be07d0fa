"""A disclosure into an XBRL 2.1 instance with dimensions, against the govbudget taxonomy.

Each report gets contexts for its entity (identified by its printed code, else
its name), its kind (a dimension) and its fiscal year; each figure one fact of
the concept and dimension members its measure and row key stand for
(:mod:`govbudget.taxonomy.names`), in yuan with the ``decimals`` of its printed
precision. The facts are those of the facts table, in document order; the titles,
printed names, units and pages travel as string and integer facts of our own so
that :mod:`govbudget.readers.xbrl` gives the same facts back. Same model, same bytes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from ..amounts import UNIT_FACTORS
from ..errors import OutputError
from ..model import Disclosure, Report, Row
from ..taxonomy import ENTRY_POINT, NAMESPACE, PREFIX
from ..taxonomy import names as N
from ..taxonomy.instance import (
    ISO4217,
    LINK,
    SCHEME_CODE,
    SCHEME_NAME,
    XBRLDI,
    XBRLI,
    XLINK,
    Period,
    decimals_of,
    period_of,
    yuan_text,
)
from . import WriterSpec, register

if TYPE_CHECKING:  # pragma: no cover
    from lxml import etree

__all__ = ["to_xbrl"]

# Characters XML 1.0 cannot hold at all (not even escaped).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UNITS = {"CNY": (ISO4217, "CNY"), "pure": (XBRLI, "pure")}
_DIM_ORDER = ("kind", "table", *N.ROW_AXES, *N.MEASURE_AXES)
_MEMBERS = {"fund": N.FUND_MEMBERS, "type": N.TYPE_MEMBERS, "column": N.COLUMN_MEMBERS}

Dims = tuple[tuple[str, str], ...]


def _q(local: str) -> str:
    return f"{{{NAMESPACE}}}{local}"


class _Instance:
    """The instance being built: contexts and units made on first use, facts in order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.contexts: dict[tuple[object, ...], etree._Element] = {}
        self.units: set[str] = set()
        self.facts: list[etree._Element] = []
        self.stated: set[tuple[str, str]] = set()

    def context(self, entity: tuple[str, str], dims: Dims, period: Period) -> str:
        from lxml import etree  # imported only when XBRL is written

        key = (entity, dims, period)
        found = self.contexts.get(key)
        if found is not None:
            return str(found.get("id"))
        cid = f"c{len(self.contexts) + 1}"
        ctx = etree.Element(f"{{{XBRLI}}}context", id=cid)
        ent = etree.SubElement(ctx, f"{{{XBRLI}}}entity")
        ident = etree.SubElement(ent, f"{{{XBRLI}}}identifier", scheme=entity[0])
        ident.text = self._text(entity[1], "the entity")
        if dims:
            segment = etree.SubElement(ent, f"{{{XBRLI}}}segment")
            for axis_key, value in sorted(dims, key=lambda d: _DIM_ORDER.index(d[0])):
                axis = N.AXES[axis_key]
                if axis.typed:
                    member = etree.SubElement(segment, f"{{{XBRLDI}}}typedMember", dimension=f"{PREFIX}:{axis.name}")
                    etree.SubElement(member, _q(axis.typed)).text = self._text(value, "a row key")
                else:
                    member = etree.SubElement(segment, f"{{{XBRLDI}}}explicitMember",
                                              dimension=f"{PREFIX}:{axis.name}")
                    member.text = f"{PREFIX}:{value}"
        per = etree.SubElement(ctx, f"{{{XBRLI}}}period")
        if period[0] == "forever":
            etree.SubElement(per, f"{{{XBRLI}}}forever")
        elif period[0] == "instant":
            etree.SubElement(per, f"{{{XBRLI}}}instant").text = period[1]
        else:
            etree.SubElement(per, f"{{{XBRLI}}}startDate").text = period[1]
            etree.SubElement(per, f"{{{XBRLI}}}endDate").text = period[2]
        self.contexts[key] = ctx
        return cid

    def fact(self, concept: str, context: str, text: str, unit: str | None = None,
             decimals: str | None = None) -> None:
        """One fact; a second one of the same concept and context is dropped (the first printed wins)."""
        from lxml import etree

        if (concept, context) in self.stated:
            return
        self.stated.add((concept, context))
        el = etree.Element(_q(concept), contextRef=context)
        if unit is not None:
            self.units.add(unit)
            el.set("unitRef", unit)
            el.set("decimals", str(decimals))
        el.text = self._text(text, N.CONCEPTS[concept].en.lower())
        self.facts.append(el)

    def _text(self, text: str, what: str) -> str:
        bad = _NOT_XML.search(text)
        if bad:
            raise OutputError(f"{what} {text!r} holds U+{ord(bad.group()):04X}, which XML cannot carry; "
                              "write JSON instead", path=self.source)
        return text

    def tostring(self) -> bytes:
        from lxml import etree

        nsmap = {"xbrli": XBRLI, "link": LINK, "xlink": XLINK, "xbrldi": XBRLDI, "iso4217": ISO4217,
                 PREFIX: NAMESPACE}
        root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap=nsmap)
        etree.SubElement(root, f"{{{LINK}}}schemaRef", {f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": ENTRY_POINT})
        root.extend(self.contexts.values())
        for uid in sorted(self.units):
            unit = etree.SubElement(root, f"{{{XBRLI}}}unit", id=uid)
            ns, local = _UNITS[uid]
            etree.SubElement(unit, f"{{{XBRLI}}}measure").text = f"{'iso4217' if ns == ISO4217 else 'xbrli'}:{local}"
        root.extend(self.facts)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class _Writer:
    def __init__(self, disclosure: Disclosure) -> None:
        from .. import __version__

        self.d = disclosure
        self.version = __version__
        self.out = _Instance(disclosure.source)
        self.seen: set[tuple[object, ...]] = set()
        self.identifiers: dict[tuple[object, ...], str] = {}

    def fail(self, message: str, where: str) -> OutputError:
        return OutputError(message, path=self.d.source, where=where)

    def entity(self, report: Report) -> tuple[str, str]:
        # The code identifies the entity; a second entity printed with the same code keeps its name instead.
        kind = report.kind.value if report.kind else None
        if report.entity_code:
            key = (SCHEME_CODE, report.entity_code, kind, report.year)
            if self.identifiers.setdefault(key, report.entity) == report.entity:
                return SCHEME_CODE, report.entity_code
        return SCHEME_NAME, report.entity

    def write(self) -> bytes:
        for report in self.d.reports:
            self.report(report)
        return self.out.tostring()

    def report(self, r: Report) -> None:
        entity = self.entity(r)
        where = r.entity or "(no entity)"
        dims: Dims = (("kind", N.KIND_MEMBERS[r.kind.value].name),) if r.kind else ()
        year_period = period_of(None, r.year)
        assert year_period is not None
        ctx = self.out.context(entity, dims, year_period)
        for concept, text in (("SourceFile", self.d.source), ("GovbudgetVersion", self.version),
                              ("SourceReader", self.d.reader), ("EntityName", r.entity),
                              ("EntityCode", r.entity_code), ("ReportScope", r.scope.value),
                              ("PrintedUnit", r.unit)):
            if text is not None:
                self.out.fact(concept, ctx, text)
        tables = [(t.id, t.title, t.label, t.unit, t.rows) for t in r.tables]
        for table_id, title, label, unit, rows in [*tables, (N.NARRATIVE, None, None, None, r.narrative)]:
            member = N.TABLE_MEMBERS.get(table_id)
            if member is None:
                raise self.fail(f"the table id {table_id!r} has no member in the taxonomy", where)
            table_dims = (*dims, ("table", member.name))
            for concept, text in (("TableTitle", title), ("TableLabel", label), ("PrintedUnit", unit)):
                if text is not None:
                    self.out.fact(concept, self.out.context(entity, table_dims, year_period), text)
            for row in rows:
                self.row(r, entity, table_id, table_dims, unit, row, f"{where} {table_id} {row.key}")

    def row(self, r: Report, entity: tuple[str, str], table_id: str, dims: Dims, table_unit: str | None,
            row: Row, where: str) -> None:
        if not row.key:
            raise self.fail("a row without a key cannot be written", where)
        axis, value = N.row_dimension(row.key)
        row_dims = (*dims, (axis, N.ITEM_MEMBERS[value].name if axis == "item" else value))
        year_period = period_of(None, r.year)
        assert year_period is not None
        ctx = self.out.context(entity, row_dims, year_period)
        placed = next((c.provenance for c in row.cells if c.value is not None), None)
        prov = placed or (row.cells[0].provenance if row.cells else row.provenance)
        for concept, text in (("LineName", row.name), ("PrintedUnit", row.unit),
                              ("SourcePage", _int(prov.page)), ("SourceTableOrdinal", _int(prov.table))):
            if text is not None:
                self.out.fact(concept, ctx, text, "pure" if concept.startswith("Source") else None,
                              "INF" if concept.startswith("Source") else None)
        unit = row.unit or table_unit
        kind = r.kind.value if r.kind else ""
        for cell in row.cells:
            if cell.value is None:
                continue
            key = (r.entity, kind, r.year, table_id, row.key, cell.measure)
            if key in self.seen:
                continue
            self.seen.add(key)
            self.figure(r, entity, table_id, row_dims, unit, cell.measure, cell.value, f"{where} {cell.measure}")

    def figure(self, r: Report, entity: tuple[str, str], table_id: str, dims: Dims, unit: str | None,
               measure: str, value: Decimal, where: str) -> None:
        names = N.measure_names(measure, table_id)
        if names is None:
            raise self.fail(f"the measure {measure!r} has no concept in the taxonomy", where)
        concept_name, members = names
        concept = N.FIGURE_CONCEPTS[concept_name]
        if not value.is_finite():
            raise self.fail(f"the figure {value} is not a number", where)
        dims = (*dims, *((axis, _MEMBERS[axis][key].name) for axis, key in members))
        period = period_of(concept.instant, r.year)
        if period is None:
            raise self.fail("the report states no year, so this balance has no date to be stated at", where)
        ctx = self.out.context(entity, dims, period)
        if concept.kind == "count":
            if value != value.to_integral_value():
                raise self.fail(f"the count {value} is not a whole number", where)
            self.out.fact(concept_name, ctx, str(int(value)), "pure", str(decimals_of(value, None)))
        elif unit in UNIT_FACTORS:
            self.out.fact(concept_name, ctx, yuan_text(value, unit), "CNY", str(decimals_of(value, unit)))
        else:
            raise self.fail(f"the figure {value} has no money unit ({unit or 'none stated'}), so it has no "
                            "value in yuan; write JSON or CSV instead", where)


def _int(value: int | None) -> str | None:
    return None if value is None else str(value)


def to_xbrl(disclosure: Disclosure) -> bytes:
    """The disclosure as the bytes of an XBRL instance (UTF-8) that validates against the govbudget taxonomy."""
    return _Writer(disclosure).write()


register(WriterSpec(name="xbrl", extensions=("xbrl",), write=to_xbrl))
