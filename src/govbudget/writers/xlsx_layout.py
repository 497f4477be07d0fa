"""A report's tables into sheet plans: title lines, header columns and body rows, no styling.

A :class:`SheetPlan` says what each sheet prints, in the layout of the annex
templates: the title, the 公开NN表 label, the entity / period / unit line, the
columns with their header paths (group labels over their parts), a 栏次 row on
final-accounts tables, and the rows with codes and names in their own columns.
Two-sided tables (收支总表, 财政拨款收支总表) put the income lines on the left and the
expenditure lines on the right. ``writers.xlsx`` turns plans into a workbook.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from .. import vocabulary as V
from ..amounts import plain
from ..model import Report, Row, Table
from ..recognise.stated import STATED_HEADERS, STATED_TITLE
from . import xlsx_headers as H
from .xlsx_lists import PURCHASE_HEADERS, SOURCE_HEADER, purchase_lines, source_lines
from .xlsx_rows import (
    STATS_HEADINGS,
    expenditure_label,
    income_label,
    is_code_like,
    item_label,
    stats_section_of,
)

__all__ = ["Column", "Entry", "SheetPlan", "report_plans", "EMPTY_NOTE"]

EMPTY_NOTE = "注：本表无数据。"
_CODE_KEY = re.compile(r"^(fn|econ|unit|proj):(.+)$")
# Measures printed when an empty table names none.
_DEFAULT_MEASURES = {
    "income": ("total", "current_total", "general_budget", "gov_fund", "state_capital", "business", "operating",
               "other", "carryover"),
    "general_budget_basic": ("total", "personnel", "public_funds"),
    "fiscal_basic": ("total", "personnel", "public_funds"),
    "assets": ("count", "amount"),
    "procurement": ("amount",),
    "disclosure_stats": ("amount",),
    "admin_operating_cost": ("total",),
    "project_expenditure": ("total",),
}
_INCOME_FOOTER = ("item:income.current_total", "item:income.carryover", "item:income.nonfiscal_balance_used",
                  "item:income.business_fund_offset", "item:income.grand_total")
_EXPENDITURE_FOOTER = ("item:expenditure.current_total", "item:expenditure.carryover",
                       "item:expenditure.surplus_distribution", "item:expenditure.grand_total")


@attrs.frozen
class Column:
    """One printed column: ``code``, ``name`` or ``amount`` (of a measure), and its header labels."""

    kind: str
    path: tuple[str, ...]
    measure: str | None = None


@attrs.frozen
class Entry:
    """One body cell: text, an exact figure or blank; ``bold`` for class and total lines."""

    value: str | Decimal | None
    bold: bool = False
    indent: int = 0


@attrs.frozen
class SheetPlan:
    """What one sheet prints, top to bottom."""

    sheet: str
    title: str
    label: str | None
    meta: tuple[str, str, str]
    columns: tuple[Column, ...]
    rows: tuple[tuple[Entry, ...], ...]
    marker: bool = False
    note: str | None = None
    frozen_columns: int = 1


def report_plans(report: Report) -> list[SheetPlan]:
    """The sheets of one report: its tables in the standard order, then the figures its text states."""
    kind = report.kind.value if report.kind else None
    order = H.table_order(kind)
    rank = {t: i for i, t in enumerate(order)}
    tables = sorted(enumerate(report.tables), key=lambda it: (rank.get(it[1].id, len(order)), it[0]))
    plans = [_table_plan(report, t) for _, t in tables]
    if report.narrative or not plans:
        # A report with nothing else still gets its (empty) sheet of stated figures, so that it reads back.
        plans.append(_stated_plan(report))
    return plans


# -- lines above the table ------------------------------------------------------------
def _meta(report: Report, table: Table | None) -> tuple[str, str, str]:
    # 编制部门 heads the tables of a department's own disclosure; 部门名称 is printed by units too.
    label = "编制部门" if report.scope.value == "department" else "单位名称"
    name = report.entity
    code = report.entity_code
    # ``450002-名称`` is read back as code and name only when the name is all Chinese.
    coded = bool(code) and bool(re.fullmatch(r"[\u4e00-\u9fff（）()]{3,60}", name))
    entity = f"{label}：{code}-{name}" if coded else (f"{label}：{name}" if name else "")
    words = {"budget": "预算", "final_accounts": "决算"}
    scope = "部门" if report.scope.value == "department" else "单位"
    period = (f"{report.year}年度" if report.year else "") + (scope + words[report.kind.value] if report.kind else "")
    unit = table.unit if table is not None else None
    label = "金额单位：" if report.kind and report.kind.value == "final_accounts" else "单位："
    return entity, period, label + unit if unit else ""


# -- columns ---------------------------------------------------------------------------
def _measures(table: Table, rows: list[Row] | None = None) -> list[str]:
    """The measures the cells of a table (or of some of its rows) use, in the order first met."""
    seen: list[str] = []
    for row in (table.rows if rows is None else rows):
        for c in row.cells:
            if c.measure not in seen:
                seen.append(c.measure)
    return seen


def _ordered(measures: list[str], after_others: bool = False) -> list[str]:
    """Measures in printed order; ``after_others`` when figure columns stand before these (two-sided)."""
    known = [m for m in H.MEASURE_ORDER if m in measures]
    if "personnel" in known and "basic" not in known and "total" in known:
        first = known.index("total") == 0 and not after_others
        if known.index("personnel") == known.index("total") + 1 and not first:
            # 合计 right before 人员经费, after other figures, reads as 基本支出: print the group's 小计 too.
            known.insert(known.index("personnel"), "basic")
    return known + [m for m in measures if m not in H.MEASURE_ORDER]


def _amount_columns(table: Table, kind: str | None, measures: list[str], side: str | None = None,
                    group: str | None = None) -> list[Column]:
    labels = {c.measure: c.label.split("/")[-1] for c in table.columns}
    order = _ordered(measures, after_others=side == "expenditure")
    paths = {m: H.measure_path(table.id, kind, m, side) or (labels.get(m) or m,) for m in order}
    # A group left with only its 小计 prints as one label (上年结转, 基本支出, 本年收入合计).
    heads = [p[0] for p in paths.values() if len(p) > 1]
    for m, p in paths.items():
        if len(p) == 2 and p[1] == "小计" and heads.count(p[0]) == 1:
            paths[m] = (H.GROUP_ALONE.get(p[0], p[0]),)
    prefix = (group,) if group else ()
    return [Column("amount", prefix + p, m) for m, p in paths.items()]


def _scheme(table: Table) -> str | None:
    schemes = [m.group(1) for r in table.rows if (m := _CODE_KEY.match(r.key))]
    if "proj" in schemes:
        return "proj"
    if schemes:
        return max(set(schemes), key=schemes.count)
    return None if table.id in H.NAME_ONLY else V.CODE_SCHEME.get(table.id)


def _empty_measures(table: Table, kind: str | None) -> list[str]:
    named = [c.measure for c in table.columns if H.measure_path(table.id, kind, c.measure)]
    if named:
        return named
    if table.id == "three_public":
        return ["budget", "actual"] if kind == "final_accounts" else ["amount"]
    if table.id == "gov_fund_expenditure" and kind == "final_accounts":
        return ["opening_balance", "income", "total", "basic", "project", "closing_balance"]
    return list(_DEFAULT_MEASURES.get(table.id, ("total", "basic", "project")))


# -- tables ----------------------------------------------------------------------------
def _table_plan(report: Report, table: Table) -> SheetPlan:
    kind = report.kind.value if report.kind else None
    title = H.title_of(table.id, kind, report.scope.value) or table.title or table.id
    sheet = H.sheet_title_of(table.id, kind) or title
    common = dict(sheet=sheet, title=title, label=H.public_label_of(table.id, kind, table.label),
                  meta=_meta(report, table), marker=kind == "final_accounts")
    if table.id in V.TWO_SIDED:
        columns, rows = _two_sided(table, kind)
        frozen = 1
    else:
        columns, rows = _in_rows(table, kind)
        frozen = sum(1 for c in columns if c.kind != "amount")
    if table.empty:
        rows = []
    # A 栏次 line closes the header; a budget table gets one too when its first line holds
    # only whole numbers and no code, which a reader would otherwise take for a header line.
    common["marker"] = common["marker"] or bool(rows) and not _reads_as_data(rows[0])
    return SheetPlan(columns=tuple(columns), rows=tuple(rows), note=EMPTY_NOTE if table.empty else None,
                     frozen_columns=frozen, **common)


def _reads_as_data(entries: tuple[Entry, ...]) -> bool:
    """Whether a body line, as a workbook reader shows it, is told apart from header lines."""
    from ..grid import GridCell, GridRow
    from ..provenance import Provenance
    from ..recognise.gridrows import is_data_row

    where = Provenance("")
    texts = [plain(e.value) if isinstance(e.value, Decimal) else (e.value or "") for e in entries]
    return is_data_row(GridRow(tuple(GridCell(t, where) for t in texts), where))


def _in_rows(table: Table, kind: str | None) -> tuple[list[Column], list[tuple[Entry, ...]]]:
    listed = _labelled_paths(table, kind)
    if listed is not None:
        return listed
    scheme = _scheme(table)
    heads = H.code_columns(scheme)
    columns: list[Column] = []
    if heads:
        columns += [Column("code", heads[0]), Column("name", heads[1])]
    else:
        columns.append(Column("name", ("项目名称",) if table.id == "procurement" else ("项目",)))
    measures = _measures(table) if not table.empty else _empty_measures(table, kind)
    counted = table.id == "disclosure_stats" and "count" in measures
    if counted:
        # One 统计数 column as the template prints it: vehicle lines hold counts, the rest money.
        measures = [m for m in measures if m != "count"] or ["amount"]
    amounts = _amount_columns(table, kind, measures)
    columns += amounts
    rows: list[tuple[Entry, ...]] = []
    section: str | None = None
    for row in _tree_order(table.rows):
        if table.id == "disclosure_stats" and row.key.startswith("item:"):
            wanted = stats_section_of(row.key[5:])
            if wanted and wanted != section:
                rows.append(_blank_line(heads, STATS_HEADINGS[wanted], len(amounts), bold=True))
                section = wanted
        code, name, bold, indent = _row_head(table.id, row, scheme, section)
        head = (Entry(code), Entry(name, bold, indent)) if heads else (Entry(name, bold, indent),)
        figures = [row.value(c.measure) for c in amounts]
        if counted and row.unit and row.cell("count") is not None:
            figures = [row.value("count")] + figures[1:]
        rows.append(head + tuple(Entry(v, bold) for v in figures))
    return columns, rows


def _labelled_paths(table: Table, kind: str | None) -> tuple[list[Column], list[tuple[Entry, ...]]] | None:
    """A fund-source income list or a procurement tree: label columns, then the figures."""
    sources = source_lines(table) if not table.empty else None
    tree = purchase_lines(table) if not table.empty else None
    if sources is not None:
        heads = [Column("name", (SOURCE_HEADER,)), Column("name", (SOURCE_HEADER,))]
        lines = sources
    elif tree is not None:
        width, lines = tree
        # A path deeper than the template's (none seen yet) gets numbered columns after 采购组织形式.
        names = PURCHASE_HEADERS + tuple(f"{PURCHASE_HEADERS[-1]}{i}" for i in range(len(PURCHASE_HEADERS), width))
        heads = [Column("name", (names[i],)) for i in range(width)]
    else:
        return None
    amounts = _amount_columns(table, kind, _measures(table))
    rows = []
    for labels, row in lines:
        # Totals and the procurement categories in bold, as class lines are.
        bold = row.key in ("item:total", "item:income.grand_total") or (tree is not None and labels[0] is not None)
        rows.append(tuple(Entry(t, bold) for t in labels) + tuple(Entry(row.value(c.measure), bold) for c in amounts))
    return heads + amounts, rows


def _tree_order(rows: tuple[Row, ...]) -> list[Row]:
    """Rows as printed; code lines put in code order when the source printed classes interleaved.

    A 公开06表 prints its 人员经费 and 公用经费 codes in side-by-side blocks, read row by
    row across them (301, 302, 30101, 30201 …); one column of rows shows them by class.
    """
    coded = [(i, r) for i, r in enumerate(rows) if _CODE_KEY.match(r.key)]
    classes = [r.key.split(":")[1][:3] for _, r in coded]
    runs = [c for k, c in enumerate(classes) if k == 0 or c != classes[k - 1]]
    if len(runs) == len(set(runs)):
        return list(rows)
    out = list(rows)
    ordered = sorted((r for _, r in coded), key=lambda r: (r.key.split(":")[0], r.key.split(":")[1]))
    for (i, _), r in zip(coded, ordered):
        out[i] = r
    return out


def _blank_line(heads: object, text: str, width: int, bold: bool = False) -> tuple[Entry, ...]:
    lead = (Entry(None), Entry(text, bold)) if heads else (Entry(text, bold),)
    return lead + (Entry(None),) * width


def _row_head(table_id: str, row: Row, scheme: str | None, section: str | None) -> tuple[str | None, str, bool, int]:
    """Code, name, boldness and indent of a line."""
    m = _CODE_KEY.match(row.key)
    if m:
        code = m.group(2)
        level = {5: 1, 7: 2}.get(len(code), 0) if m.group(1) in ("fn", "econ") else 0
        return code, row.name, m.group(1) in ("fn", "econ") and len(code) == 3, level
    suffix = row.key.removeprefix("item:")
    if scheme and is_code_like(suffix) and suffix != "total":
        return suffix, row.name, False, 0
    return None, item_label(table_id, suffix, row.name, section), suffix == "total", 0


# -- two-sided tables --------------------------------------------------------------------
def _two_sided(table: Table, kind: str | None) -> tuple[list[Column], list[tuple[Entry, ...]]]:
    left = [r for r in table.rows if r.key.startswith("item:income.")]
    right = [r for r in table.rows if not r.key.startswith("item:income.")]
    if table.empty:
        lm = ["amount"]
        rm = [c.measure for c in table.columns if c.measure != "amount"] or ["amount"]
    else:
        lm = _measures(table, left) or ["amount"]
        rm = _measures(table, right) or ["amount"]
    lcols = _amount_columns(table, kind, lm, "income", "收入")
    rcols = _amount_columns(table, kind, rm, "expenditure", "支出")
    columns = [Column("name", ("收入", "项目")), *lcols, Column("name", ("支出", "项目")), *rcols]
    lines = _pair(left, right, _INCOME_FOOTER, _EXPENDITURE_FOOTER)
    rows = []
    for lrow, rrow in lines:
        rows.append(_side(lrow, lcols, "income") + _side(rrow, rcols, "expenditure"))
    return columns, rows


def _side(row: Row | None, cols: list[Column], side: str) -> tuple[Entry, ...]:
    if row is None:
        return (Entry(None),) * (len(cols) + 1)
    if side == "income":
        label = income_label(row.key.removeprefix("item:income."), row.name)
    else:
        label = expenditure_label(row.key, row.name)
    bold = row.key.endswith(("current_total", "grand_total"))
    return (Entry(label, bold),) + tuple(Entry(row.value(c.measure), bold) for c in cols)


def _pair(left: list[Row], right: list[Row], lfoot: tuple[str, ...],
          rfoot: tuple[str, ...]) -> list[tuple[Row | None, Row | None]]:
    """Lines side by side: the body lines, then the totals, 收入总计 level with 支出总计 at the bottom."""
    def split(rows: list[Row], footer: tuple[str, ...]) -> tuple[list[Row], list[Row], list[Row]]:
        i = next((k for k, r in enumerate(rows) if r.key in footer), len(rows))
        body, foot = rows[:i], rows[i:]
        last = [foot.pop()] if foot and foot[-1].key == footer[-1] else []
        return body, foot, last

    out: list[tuple[Row | None, Row | None]] = []
    for a, b in zip(split(left, lfoot), split(right, rfoot)):
        for k in range(max(len(a), len(b))):
            out.append((a[k] if k < len(a) else None, b[k] if k < len(b) else None))
    return out


# -- stated figures ----------------------------------------------------------------------
def _stated_plan(report: Report) -> SheetPlan:
    kinds = {"key": "key", "name": "name", "amount": "amount", "unit": "text"}
    columns = tuple(Column(kinds[field], (header,)) for header, field in STATED_HEADERS.items())
    rows = []
    for row in report.narrative:
        for cell in row.cells:
            rows.append((Entry(row.key), Entry(row.name), Entry(cell.value), Entry(row.unit)))
    entity, period, _ = _meta(report, None)
    return SheetPlan(sheet=STATED_TITLE, title=STATED_TITLE, label=None, meta=(entity, period, ""),
                     columns=columns, rows=tuple(rows), frozen_columns=2)
