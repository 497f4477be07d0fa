"""Report drafts, as the walk over a document leaves them, into model reports.

A draft holds what the walk gathered for one entity: its tables' builders, its
paragraphs, the kinds and years its titles state. Finishing it settles the year
and kind, gives tables without a unit the report's, places figures that lost their
columns, reads the narrative figures, repairs garbled names and decides whether
the report is a department's or a unit's.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Iterable

import attrs

from ..amounts import UNIT_FACTORS
from ..grid import Block, GridTable, Paragraph
from ..model import Kind, Report, Row, Scope, Table
from ..provenance import Finding, Severity
from ..textnorm import compact
from .hints import report_hints
from .meta import read_meta
from .narrativerows import fund_figures, narrative_rows
from .repair import repair_names
from .tables import TableBuilder

__all__ = ["ReportDraft", "discover_codes", "finish_reports"]

DEFAULT_PLACEMENT_PASSES = 4
# A sentence in which a department names the units its budget or accounts take in:
# 本部门纳入本年预算的下属单位如下, 部门预算包括大学、附属中学及附属小学, 部门决算包括…下属行政事业单位决算.
# A count of nought (所属0个行政单位) names none.
_DEPARTMENT_WORDS = re.compile(r"部门(汇总)?(预算|决算)|本部门|单位构成")
_UNITS_BENEATH = re.compile(
    r"(下属|所属|附属|派出)(?![^，。；]{0,2}[0０]\s*[个家])[^，。；]{0,12}?(单位|中学|小学|机构)"
)


@attrs.define
class ReportDraft:
    """What the walk gathered for one entity, before it becomes a :class:`~govbudget.model.Report`."""

    entity: str
    code: str | None
    scope_word: str | None = None
    department_label: bool = False
    kinds: Counter = attrs.field(factory=Counter)
    years: Counter = attrs.field(factory=Counter)
    builders: list[TableBuilder] = attrs.field(factory=list)
    paragraphs: list[Paragraph] = attrs.field(factory=list)
    findings: list[Finding] = attrs.field(factory=list)
    titles: list[str] = attrs.field(factory=list)
    stated: list[Row] = attrs.field(factory=list)


def discover_codes(drafts: list[ReportDraft], blocks: Iterable[Block]) -> None:
    """Give drafts without an entity code the one the document prints beside their name."""
    names = {compact(d.entity): d for d in drafts if d.entity and not d.code}
    if not names:
        return
    for block in blocks:
        rows = block.rows if isinstance(block, GridTable) else ()
        texts = [c.text for r in rows for c in r.cells] if rows else [block.text]
        for i, t in enumerate(texts):
            # ``060002-朔州市…`` in a line or cell, or a code cell beside a name cell.
            for m in re.finditer(r"(?<!\d)(\d{3,12})\s*[-－—]?\s*([^\s:：，,；;]+)", t):
                if compact(m.group(2)) in names:
                    names[compact(m.group(2))].code = m.group(1)
            if rows and re.fullmatch(r"\d{3,12}", compact(t)) and i + 1 < len(texts):
                if compact(texts[i + 1]) in names:
                    names[compact(texts[i + 1])].code = compact(t)


def finish_reports(drafts: list[ReportDraft], *, kind: str | None, year: int | None,
                   scope: str | None) -> tuple[Report, ...]:
    """The model reports of the drafts; ``kind``, ``year`` and ``scope`` are what the document's title states."""
    reports = tuple(_report(d, drafts, kind, year) for d in drafts)
    return _scopes(reports, drafts, scope)


def _report(d: ReportDraft, drafts: list[ReportDraft], doc_kind: str | None, doc_year: int | None) -> Report:
    tables: list[Table] = []
    findings = list(d.findings)
    kind = d.kinds.most_common(1)[0][0] if d.kinds else doc_kind
    # The year its titles and lines state, else the document's, else the first its own text states.
    year = d.years.most_common(1)[0][0] if d.years else doc_year or _text_year(d.paragraphs)
    others = Counter(y for r in drafts if r is not d for y in r.years.elements())
    if year is None and others:
        # A file holds one year's disclosures: a unit's tables printed without it share the others'.
        year = others.most_common(1)[0][0]
        findings.append(Finding("report.year_inferred", Severity.INFO,
                                f"no fiscal year printed with the report; taken as {year}, the year of the "
                                "file's other reports", entity=d.entity))
    _place(d.builders)
    stated = Counter(b.unit for b in d.builders if b.unit)
    prevailing = stated.most_common(1)[0][0] if stated else None
    # What the fund-scope tables print, for the text's restatements of an item for that money only.
    scoped = fund_figures((b.table_id, b.unit or prevailing, b.rows) for b in d.builders)
    narrative, notes = narrative_rows(d.paragraphs, entity=d.entity, year=year, kind=kind, scoped=scoped)
    narrative += d.stated
    said = {r.key: r.cells[0].value * UNIT_FACTORS.get(r.unit or "", Decimal(1))
            for r in reversed(narrative) if r.cells[0].value is not None}
    for b in d.builders:
        if b.unit is None:
            b.unit = prevailing
            if prevailing:
                b.note("unit.inferred", Severity.INFO,
                       f"no unit printed with the table; taken as {prevailing}, "
                       "the unit of the report's other tables",
                       b.provenance)
            else:
                b.note("unit.missing", Severity.WARNING, "no unit printed with the table or the report; "
                       "figures are kept but not converted to yuan", b.provenance)
        b.use_text(said)
        table, table_notes = b.finish()
        tables.append(table)
        findings.extend(attrs.evolve(f, entity=d.entity) for f in table_notes)
    if kind is None:
        findings.append(Finding("report.kind_missing", Severity.WARNING,
                                "neither budget nor final accounts is stated", entity=d.entity))
    if year is None:
        findings.append(Finding("report.year_missing", Severity.WARNING, "no fiscal year found", entity=d.entity))
    if not d.entity:
        findings.append(Finding("report.entity_missing", Severity.WARNING,
                                "no entity name found for the report"))
    findings.extend(notes)
    tables, notes = repair_names(tables, entity=d.entity, entity_code=d.code, year=year)
    findings.extend(notes)
    return Report(
        entity=d.entity,
        entity_code=d.code,
        scope=Scope.UNIT,
        kind=Kind(kind) if kind else None,
        year=year,
        unit=prevailing,
        tables=tuple(tables),
        narrative=tuple(narrative),
        findings=tuple(findings),
    )


def _text_year(paragraphs: list[Paragraph]) -> int | None:
    return next((year for year in (read_meta(p.text).year for p in paragraphs) if year), None)


def _place(builders: list[TableBuilder]) -> None:
    """Place figures that lost their columns: first by each table's sums, then with the others' help."""
    for b in builders:
        b.resolve()
    for _ in range(DEFAULT_PLACEMENT_PASSES):
        waiting = sum(len(b.pending) for b in builders)
        if not waiting:
            return
        read: dict[str, dict] = {}
        for b in builders:
            if b.table_id not in read:
                pending = {p.key for p in b.pending}
                read[b.table_id] = {k: v for k, v in b.known_values().items() if k not in pending}
        printed = {b.table_id for b in builders if b.pending or not b.has_no_figures()}
        hints = report_hints(read, printed)
        for b in builders:
            if b.pending and b.table_id in hints:
                b.resolve(hints[b.table_id])
        if sum(len(b.pending) for b in builders) == waiting:
            return


def _scopes(reports: tuple[Report, ...], drafts: list[ReportDraft], doc_scope: str | None) -> tuple[Report, ...]:
    """Department when units of the file sit under the entity's code, or the file says so."""
    out = []
    for r, draft in zip(reports, drafts):
        children = [o for o in reports if o is not r and r.entity_code and o.entity_code
                    and o.entity_code != r.entity_code and o.entity_code.startswith(r.entity_code)]
        # 单位预算 said anywhere (the cover, a title) outweighs a 部门： label.
        stated = "unit" if "unit" in (draft.scope_word, doc_scope) else draft.scope_word or doc_scope
        whole = stated == "department" and len(reports) == 1 and _department_evidence(draft)
        if children or whole:
            scope = Scope.DEPARTMENT
        elif stated == "department" and r.entity_code and len(r.entity_code) == 3:
            scope = Scope.DEPARTMENT
        else:
            scope = Scope.UNIT
        findings = r.findings
        if not children and not whole and stated != "unit" and not (r.entity_code and len(r.entity_code) == 3):
            # 部门预算 is printed by single units too; without units beneath it, take a unit.
            findings += (Finding(
                "report.scope_inferred", Severity.INFO,
                "no budget units listed under the entity and no 单位预算/单位决算 wording: taken as a unit",
                entity=r.entity),)
        out.append(attrs.evolve(r, scope=scope, findings=findings))
    return tuple(out)


def _department_evidence(draft: ReportDraft) -> bool:
    """One set of tables for a whole department: its tables say 部门：, or its text names its units."""
    if draft.department_label:
        return True
    for p in draft.paragraphs:
        for sentence in re.split(r"[。；;]", compact(p.text)):
            if _DEPARTMENT_WORDS.search(sentence) and _UNITS_BENEATH.search(sentence):
                return True
    return False
