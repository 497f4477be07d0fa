"""The neutral grid into the canonical model: one recogniser for every format.

Walks a :class:`~govbudget.grid.SourceDocument` in reading order. Paragraphs set
the context (entity, year, kind, unit, the next table's title); each grid table
becomes a model table by its title, or continues the previous one when it has
none; a new entity line (``450001丰润区医疗保障局本级``, ``单位名称：…``) starts a new
report. The walk leaves a draft per entity, which :mod:`.reports` finishes.
Whatever is not understood becomes a finding, never a silent drop.
"""

from __future__ import annotations

import re

import attrs

from .. import vocabulary as V
from ..errors import NotADisclosureError
from ..grid import GridRow, GridTable, Paragraph, SourceDocument
from ..model import Disclosure
from ..provenance import Finding, Provenance, Severity
from ..textnorm import compact
from .gridrows import decimal_like
from .labels import is_code, normalise
from .meta import ENTITY_SUFFIX, Meta, document_title, heading_words, is_title_like, read_meta, table_id_of
from .reports import ReportDraft, discover_codes, finish_reports
from .rowkeys import is_total
from .stated import is_stated_title, stated_rows
from .tables import TableBuilder

__all__ = ["recognise"]

DEFAULT_DOC_TITLE_LINES = 40
DEFAULT_HEADING_CHARS = 40
# What may stand between two pieces of one table: a repeated header, a page footer, a wrapped fragment.
DEFAULT_INTERRUPTION_LINES = 3
DEFAULT_INTERRUPTION_CHARS = 30
_CONTINUED = re.compile(r"[（(]续表?[)）]$|续表$|^续表")
_KIND_LINE = re.compile(r"(预算|决算)公开|年度?(部门|单位)(预算|决算)")
# Running text, not a title or a line about the table: a sentence, or one that introduces what follows
# (a field label such as 单位名称： is short).
_BODY_TEXT = re.compile(r"[。；]|^.{12,}[:：]$")
# A note under a table (注：…, 说明：…) speaks of that table, never of the next one.
_NOTE = re.compile(r"^(注|说明|备注)\d*[:：]")
# A note saying the table above is empty: 故本表为空表, 本表无数据, 空表列示.
_EMPTY_NOTE = re.compile(r"本表为空表|本表无数据|故本表无|空表列示|此表为空")


def recognise(doc: SourceDocument) -> Disclosure:
    """Build the model of one document from its grid."""
    return _Walker(doc).run()


class _Walker:
    def __init__(self, doc: SourceDocument) -> None:
        self.doc = doc
        self.reports: list[ReportDraft] = []
        self.current: ReportDraft | None = None
        self.pending: list[Paragraph] = []
        self.builder: TableBuilder | None = None
        self.findings: list[Finding] = list(doc.findings)
        self.doc_entity: str | None = None
        self.doc_year: int | None = None
        self.doc_kind: str | None = None
        self.doc_scope: str | None = None
        self.preamble: list[Paragraph] = []

    # -- walk ---------------------------------------------------------------
    def run(self) -> Disclosure:
        self._document_context()
        for block in self.doc.blocks:
            if isinstance(block, Paragraph):
                self._paragraph(block)
            else:
                self._table(block)
        return self._finish()

    def _document_context(self) -> None:
        seen = 0
        for block in self.doc.blocks:
            if not isinstance(block, Paragraph):
                continue
            seen += 1
            if seen > DEFAULT_DOC_TITLE_LINES:
                break
            meta = read_meta(block.text)
            if meta.entity and meta.entity_labelled and self.doc_entity is None and ENTITY_SUFFIX.search(meta.entity):
                self.doc_entity = meta.entity
            name, year, scope, kind = document_title(block.text)
            if year and self.doc_year is None and (name or kind):
                self.doc_year, self.doc_kind = year, kind
                self.doc_scope = self.doc_scope or scope
            if name and self.doc_entity is None:
                self.doc_entity = name
        if self.doc_entity is None:
            first = next((b for b in self.doc.blocks if isinstance(b, Paragraph)), None)
            name = heading_words(first.text) if first is not None else ""
            if ENTITY_SUFFIX.search(name) and len(name) <= 40:
                self.doc_entity = name
        if self.doc_kind is None:
            for block in self.doc.blocks[:200]:
                if isinstance(block, Paragraph) and _KIND_LINE.search(block.text):
                    self.doc_kind = "final_accounts" if "决算" in block.text else "budget"
                    break

    def _paragraph(self, p: Paragraph) -> None:
        if self.builder is not None and not self.pending and _EMPTY_NOTE.search(compact(p.text)):
            self.builder.empty_note = p  # the note right under the table
        self._entity_heading(p)
        self.pending.append(p)
        if self.current is not None:
            self.current.paragraphs.append(p)
        else:
            self.preamble.append(p)

    def _entity_heading(self, p: Paragraph) -> None:
        """A heading naming another entity's disclosure (``X中心2024年单位预算``) starts that entity's report.

        Its text (情况说明) then belongs to that report, not to the one whose tables came before.
        """
        text = compact(p.text)
        if self.current is None or len(text) > DEFAULT_HEADING_CHARS or re.search(r"[，。；;：:]", text):
            return
        name, _, _, _ = document_title(p.text)
        name = re.sub(r"^第[一二三四五六七八九十\d]+部分", "", name or "")
        if name and self.current.entity and name != compact(self.current.entity):
            self.current = self._report_for(name, None)

    def _report_for(self, entity: str | None, code: str | None) -> ReportDraft:
        for r in self.reports:
            if (code and r.code == code) or (entity and r.entity == entity and (not code or not r.code)):
                if code and not r.code:
                    r.code = code
                return r
        draft = ReportDraft(entity or self.doc_entity or "", code)
        self.reports.append(draft)
        return draft

    # -- tables ---------------------------------------------------------------
    def _table(self, grid: GridTable) -> None:
        rows = list(grid.rows)
        metas: list[Meta] = []
        title_cells: list[str] = []
        while rows and self._is_meta_row(rows[0]):
            for t in rows[0].texts:
                if t.strip():
                    metas.append(read_meta(t))
                    if is_title_like(t) and table_id_of(t):
                        title_cells.append(t.strip())
            rows = rows[1:]
        paragraphs = self.pending
        self.pending = []
        para_metas = [read_meta(p.text) for p in paragraphs]
        title, table_id, public = self._title(paragraphs, para_metas, title_cells)
        all_metas = para_metas + metas
        entity, code = self._entity(all_metas)
        unit = next((m.unit for m in reversed(all_metas) if m.unit), None) or self._header_unit(rows)
        # The year from the table's own titles and lines: running text and notes (those under the table
        # before, of another unit perhaps) speak of other years too.
        lines = [m for p, m in zip(paragraphs, para_metas) if not _running_text(p.text)]
        year = next((m.year for m in lines + metas if m.year), None)
        not_annex = any(is_title_like(p.text) and V.NOT_ANNEX.search(normalise(p.text)) for p in paragraphs[-3:])
        # govbudget's own sheet of the figures the text states (情况说明中的数字).
        stated = table_id is None and is_stated_title([p.text for p in paragraphs[-3:]])

        open_table = self._open_table()
        if (table_id is None and not stated and not not_annex and open_table is not None and entity is None
                and not title_cells and _interruption(paragraphs, open_table.header_lines)
                and open_table.fits(rows)):
            open_table.add(rows)
            self._note_skipped(paragraphs)
            return
        if (table_id is not None and open_table is not None and open_table.table_id == table_id
                and (_CONTINUED.search(compact(title)) or compact(title) == compact(open_table.title))
                and entity in (None, self.current and self.current.entity) and open_table.fits(rows)):
            # 一般公共预算支出表（续表）, or the same title printed again over the next page's
            # piece of the table: it continues the table before it.
            open_table.add(rows)
            self._note_skipped([p for p in paragraphs if p.text.strip() != title and not read_meta(p.text).unit])
            return
        if table_id is None and not stated:
            self.builder = None
            text = title or next((t for r in rows[:2] for t in r.texts if t.strip()), "")
            severity = Severity.WARNING if not not_annex and _looks_like_annex(rows) else Severity.INFO
            self.findings.append(Finding(
                "table.unrecognised", severity,
                f"table not recognised as a standard annex table: {text[:60]!r}",
                actual=text[:200] or None, provenance=(grid.provenance,),
            ))
            return

        report = self._switch_report(entity, code)
        kind = next((m.kind for m in [*para_metas, *metas] if m.kind), None)
        if kind:
            report.kinds[kind] += 1
        if year:
            report.years[year] += 1
        scope_word = next((m.scope_word for m in [*para_metas, *metas] if m.scope_word), None)
        if scope_word and report.scope_word is None:
            report.scope_word = scope_word
        report.department_label = report.department_label or any(m.department_label for m in all_metas)
        if stated:
            self.builder = None
            figures, notes = stated_rows(rows)
            report.stated.extend(figures)
            report.findings.extend(attrs.evolve(f, entity=report.entity) for f in notes)
            return
        report.titles.append(title)
        header_text = self._header_text(paragraphs, title) if rows and not rows[0].aligned else None
        builder = TableBuilder(table_id, title, kind or self.doc_kind, unit, grid.provenance, public)
        builder.add(rows, header_text)
        report.builders.append(builder)
        self.builder = builder
        self._foreign_title(report, title, table_id, grid.provenance)

    def _open_table(self) -> TableBuilder | None:
        """The table a following piece may continue: the last one, if it belongs to the report being read.

        A heading naming another entity (某某中心2024年单位预算) between the two has started another report.
        """
        if self.builder is None or self.current is None:
            return self.builder
        return self.builder if any(b is self.builder for b in self.current.builders) else None

    def _is_meta_row(self, row: GridRow) -> bool:
        texts = [t.strip() for t in row.texts if t.strip()]
        if not texts:
            return False
        for t in texts:
            m = read_meta(t)
            if m.entity_code or m.entity_labelled or m.unit or (m.year and re.search(r"年度|年\s*$", t)):
                continue
            if is_title_like(t) and table_id_of(t):
                continue
            if re.fullmatch(r"(公开)?\d{0,2}表|附表\s*[\d\-]+|单位\s*[:：]?.*元", compact(t)):
                continue
            return False
        return True

    @staticmethod
    def _header_unit(rows: list[GridRow]) -> str | None:
        from ..amounts import parse_unit

        for row in rows[:4]:
            for t in row.texts:
                u = parse_unit(t)
                if u and re.search(r"单位", t):
                    return u
        return None

    def _title(
        self, paragraphs: list[Paragraph], metas: list[Meta], title_cells: list[str]
    ) -> tuple[str, str | None, str | None]:
        public = next((m.public_label for m in metas if m.public_label), None)
        for t in title_cells:
            return t, table_id_of(t), public
        # A title belongs to the table only when no running text stands between them: the
        # contents page's 四、财政拨款收入支出决算总表 is not the title of a list of units after
        # several pages of prose.
        body = [i for i, p in enumerate(paragraphs) if _BODY_TEXT.search(compact(p.text))]
        if body:
            paragraphs, metas = paragraphs[body[-1] + 1:], metas[body[-1] + 1:]
        named = [(p, m) for p, m in zip(paragraphs, metas)
                 if m.table_id and not re.fullmatch(r"公开\d{1,2}表", compact(p.text))]
        # A named title (收入支出决算总表) is preferred to a bare label (公开01表), and one
        # ending in 表 to a header line that merely ends in 预算.
        for p, m in reversed(named):
            if re.search(r"表(\(续\)|（续）|续)?$", compact(p.text)):
                return p.text.strip(), m.table_id, public
        for p, m in reversed(named):
            return p.text.strip(), m.table_id, public
        for p, m in zip(reversed(paragraphs), reversed(metas)):
            if m.table_id:
                return p.text.strip(), m.table_id, public
        if public:
            return f"公开{public}表", V.PUBLIC_LABELS.get(public), public
        titles = [p.text.strip() for p in paragraphs if is_title_like(p.text)]
        return (titles[-1] if titles else ""), None, public

    def _entity(self, metas: list[Meta]) -> tuple[str | None, str | None]:
        for m in metas:
            if m.entity_code and m.entity:
                return m.entity, m.entity_code
        for m in metas:
            if m.entity_labelled and m.entity:
                return m.entity, None
        return None, None

    def _switch_report(self, entity: str | None, code: str | None) -> ReportDraft:
        if self.current is None:
            self.current = self._report_for(entity or self.doc_entity, code)
            # The text before the first table (概况, 情况说明) belongs to the first report.
            self.current.paragraphs[:0] = self.preamble
        elif entity and (
            (code and code != self.current.code)
            or (not code and compact(entity) != compact(self.current.entity))
        ):
            self.current = self._report_for(entity, code)
        elif entity and not self.current.entity:
            self.current.entity = entity
        return self.current

    def _header_text(self, paragraphs: list[Paragraph], title: str) -> list[str]:
        lines: list[str] = []
        after = False
        for p in paragraphs:
            if p.text.strip() == title:
                after = True
                continue
            if after:
                m = read_meta(p.text)
                if m.entity_labelled or (m.unit and len(compact(p.text)) < 30 and "单位" in p.text):
                    continue
                lines.append(p.text)
        return lines

    def _note_skipped(self, paragraphs: list[Paragraph]) -> None:
        for p in paragraphs:
            if self.builder is not None and p.text.strip() and compact(p.text) not in self.builder.header_lines:
                self.builder.note("row.skipped", Severity.INFO,
                                  f"text between the parts of the table not read: {p.text.strip()[:80]!r}",
                                  p.provenance)

    def _foreign_title(self, report: ReportDraft, title: str, table_id: str, prov: Provenance) -> None:
        """A title naming another entity (天津市蓟江区… in a 綦江区 file) is worth a look."""
        if not report.entity:
            return
        # Only the words after a part label, an ordinal or the year can name an entity.
        norm = heading_words(title)
        m = re.match(r"^(.{4,40}?(?:局|中心|院|办公室|办公厅|委员会|政府|街道办事处|部|委|厅))", norm)
        entity = heading_words(report.entity)
        if m and self._table_words(m.group(1)) is False and m.group(1) != entity:
            if not entity.startswith(m.group(1)) and not m.group(1).startswith(entity):
                report.findings.append(Finding(
                    "table.foreign_entity", Severity.WARNING,
                    f"table titled with another entity's name: {m.group(1)!r} in the report of {report.entity!r}",
                    entity=report.entity, table=table_id, expected=report.entity, actual=m.group(1),
                    provenance=(prov,),
                ))

    @staticmethod
    def _table_words(prefix: str) -> bool:
        return bool(re.search(r"预算|决算|收支|支出|收入|财政拨款|一般公共", prefix))

    # -- result -----------------------------------------------------------------
    def _finish(self) -> Disclosure:
        if not self.reports:
            if self.doc_entity or self.doc_year:
                self.reports.append(ReportDraft(self.doc_entity or "", None, paragraphs=self.preamble))
            else:
                raise NotADisclosureError(
                    "no annex table and no disclosure title found: is this a budget or final-accounts disclosure?",
                    path=self.doc.source,
                )
        discover_codes(self.reports, self.doc.blocks)
        reports = finish_reports(self.reports, kind=self.doc_kind, year=self.doc_year, scope=self.doc_scope)
        return Disclosure(source=self.doc.source, reader=self.doc.reader, reports=reports,
                          findings=tuple(self.findings))


def _interruption(paragraphs: list[Paragraph], header_lines: set[str]) -> bool:
    """Only a repeated header or a few short lines (a page footer, a wrapped fragment) between two parts."""
    other = [p for p in paragraphs if compact(p.text) not in header_lines]
    return len(other) <= DEFAULT_INTERRUPTION_LINES and all(
        len(compact(p.text)) <= DEFAULT_INTERRUPTION_CHARS and p.level == 0 and not is_title_like(p.text)
        for p in other
    )


def _running_text(text: str) -> bool:
    """A sentence or a note, not a title or a line about the table."""
    s = compact(text)
    return bool(_BODY_TEXT.search(s) or _NOTE.match(s))


def _looks_like_annex(rows: list[GridRow]) -> bool:
    """Figures keyed by classification codes or a 合计 line: probably an annex table we missed."""
    has_figures = any(decimal_like(t) for r in rows for t in r.texts)
    keyed = any(is_code(t) or is_total(t) for r in rows for t in r.texts[:3])
    return has_figures and keyed
