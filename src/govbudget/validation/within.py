"""The identities inside one table: parents and children, totals and parts, both sides of a 收支总表."""

from __future__ import annotations

from typing import Iterator

from ..model import Report, Row, Table
from ..provenance import Finding, Severity
from ..recognise.gridrows import dedupe
from .compare import Term, compare, term

__all__ = ["table_rules"]

_SPENDING_PARTS = ("project", "operating", "remit_to_superior", "grants_to_affiliates", "reserve")
_INCOME_SOURCES = ("special_account", "business", "operating", "superior_grants", "affiliate_remittance", "other",
                   "unit_funds")
_FUNDS = ("general_budget", "gov_fund", "state_capital")
_ECONOMIC_TABLES = ("general_budget_basic", "fiscal_basic", "admin_operating_cost")
_PURPOSE_LINES = ("item:expenditure.basic", "item:expenditure.project", "item:expenditure.reserve")


class _Table:
    """A table with the comparisons it needs at hand."""

    def __init__(self, report: Report, table: Table) -> None:
        self.report, self.table = report, table
        self.rows = {r.key: r for r in table.rows}
        printed = [c.measure for r in table.rows for c in r.cells]
        self.measures = dedupe([c.measure for c in table.columns] + printed)

    def term(self, row: Row | None, measure: str, label: str | None = None) -> Term | None:
        if row is None:
            return None
        return term(row.cell(measure), row.unit or self.table.unit, label or f"{row.key} {measure}")

    def check(self, rule: str, what: str, row: Row | None, measure: str, actual: Term | None,
              parts: list[Term | None], severity: Severity = Severity.ERROR) -> Finding | None:
        return compare(rule, severity, what, actual, parts, entity=self.report.entity, table=self.table.id,
                       row=row.key if row else None, measure=measure)


def _code(key: str) -> tuple[str, str]:
    scheme, _, code = key.partition(":")
    return scheme, code


def children_sum(t: _Table) -> Iterator[Finding | None]:
    """``sum.children``: a class or sub-class equals the sum of the codes printed under it."""
    for key, row in t.rows.items():
        scheme, code = _code(key)
        if scheme not in ("fn", "econ"):
            continue
        kids = [r for k, r in t.rows.items() if _code(k)[0] == scheme and len(_code(k)[1]) == len(code) + 2
                and _code(k)[1].startswith(code)]
        if not kids:
            continue
        for m in t.measures:
            if any(k.cell(m) is not None and k.cell(m).value is not None for k in kids) or row.value(m) is not None:
                yield t.check("sum.children", f"{key} {m} is the sum of its {len(kids)} sub-codes", row, m,
                              t.term(row, m), [t.term(k, m, k.key) for k in kids])


def classes_sum(t: _Table) -> Iterator[Finding | None]:
    """``sum.classes``: the 合计 line equals the sum of the classes, in every measure the classes print."""
    total = t.rows.get("item:total")
    classes = [r for k, r in t.rows.items() if _code(k)[0] in ("fn", "econ") and len(_code(k)[1]) == 3]
    if total is None or not classes:
        return
    for m in t.measures:
        # A 合计 line that prints nothing in a measure (公开06表 prints only 人员/公用经费合计) is no claim.
        if total.value(m) is not None and any(r.value(m) is not None for r in classes):
            yield t.check("sum.classes", f"the 合计 line's {m} is the sum of the classes", total, m,
                          t.term(total, m, "合计"), [t.term(r, m, r.key) for r in classes])


def spending_parts(t: _Table) -> Iterator[Finding | None]:
    """``total.parts`` and ``basic.parts``: 合计 = 基本支出 + 项目支出 (+ …); 基本支出 = 人员经费 + 公用经费."""
    has = set(t.measures)
    for row in t.table.rows:
        if "basic" in has and has & {"personnel", "public_funds"}:
            yield t.check("basic.parts", f"{row.key} 基本支出 = 人员经费 + 公用经费", row, "basic",
                          t.term(row, "basic", "基本支出"),
                          [t.term(row, "personnel", "人员经费"), t.term(row, "public_funds", "公用经费")])
        if "total" not in has:
            continue
        staff = [t.term(row, "personnel", "人员经费"), t.term(row, "public_funds", "公用经费")]
        basic = [t.term(row, "basic", "基本支出")] if "basic" in has else staff
        if "basic" in has or (has & set(_SPENDING_PARTS)) or (has & {"personnel", "public_funds"}):
            if t.table.id in ("income", "project_expenditure", "procurement"):
                continue
            parts_printed = any(row.value(m) is not None for m in ("basic", "personnel", "public_funds",
                                                                   *_SPENDING_PARTS))
            if t.table.id in _ECONOMIC_TABLES and (not parts_printed or row.value("total") is None):
                continue  # 公开06表 prints one 决算数 per economic line and splits only its 合计
            yield t.check("total.parts", f"{row.key} 合计 = 基本支出 + 项目支出", row, "total",
                          t.term(row, "total", "合计"),
                          basic + [t.term(row, m, m) for m in _SPENDING_PARTS if m in has])


def income_parts(t: _Table) -> Iterator[Finding | None]:
    """``income.total``, ``income.sources``: 合计 = 上年结转 + 本年收入; 本年收入 = the sources."""
    if t.table.id != "income":
        return
    has = set(t.measures)
    fiscal = ["fiscal"] if "fiscal" in has else [m for m in _FUNDS if m in has]
    sources = fiscal + [m for m in _INCOME_SOURCES if m in has]
    carry_parts = [m for m in has if m.startswith("carryover_")]
    for row in t.table.rows:
        current = [t.term(row, "current_total", "本年收入")] if "current_total" in has else [
            t.term(row, m, m) for m in sources]
        if "total" in has:
            yield t.check("income.total", f"{row.key} 合计 = 本年收入 + 上年结转", row, "total",
                          t.term(row, "total", "合计"), current + [t.term(row, "carryover", "上年结转")])
        if "current_total" in has and sources:
            yield t.check("income.sources", f"{row.key} 本年收入 = the sum of its sources", row, "current_total",
                          t.term(row, "current_total", "本年收入"), [t.term(row, m, m) for m in sources])
        if "carryover" in has and carry_parts:
            yield t.check("income.carryover_parts", f"{row.key} 上年结转 = the sum of its funds", row, "carryover",
                          t.term(row, "carryover", "上年结转"), [t.term(row, m, m) for m in sorted(carry_parts)])


def two_sided(t: _Table) -> Iterator[Finding | None]:
    """The 收支总表 identities: totals balance, each total is its lines, each side adds up."""
    if t.table.id not in ("summary", "fiscal_summary"):
        return
    rows = t.rows

    def side(m: str, *keys: str) -> list[Term | None]:
        return [t.term(rows.get(k), m, k.split(".")[-1]) for k in keys]

    income = "amount"
    spending = [m for m in t.measures if m != "amount"] or ["amount"]
    grand_in, grand_out = rows.get("item:income.grand_total"), rows.get("item:expenditure.grand_total")
    first = spending[0]
    if grand_in is not None and grand_out is not None:
        yield t.check("summary.balance", "收入总计 = 支出总计", grand_out, first, t.term(grand_out, first, "支出总计"),
                      [t.term(grand_in, income, "收入总计")])
    sources = ["item:income.fiscal"] if "item:income.fiscal" in rows else [f"item:income.{m}" for m in _FUNDS]
    sources += [f"item:income.{m}" for m in _INCOME_SOURCES]
    current_in = rows.get("item:income.current_total")
    if grand_in is not None:
        current = ["item:income.current_total"] if current_in is not None else sources
        yield t.check("summary.income_total", "收入总计 = 本年收入 + 结转 (+ 使用非财政拨款结余)", grand_in, income,
                      t.term(grand_in, income, "收入总计"),
                      side(income, *current, "item:income.carryover", "item:income.nonfiscal_balance_used"))
    if current_in is not None:
        yield t.check("summary.income_lines", "本年收入合计 = the income lines", current_in, income,
                      t.term(current_in, income, "本年收入"), side(income, *sources))
    if "item:income.fiscal" in rows and any(f"item:income.{m}" in rows for m in _FUNDS):
        yield t.check("summary.fiscal_parts", "财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营",
                      rows["item:income.fiscal"], income, t.term(rows["item:income.fiscal"], income, "财政拨款收入"),
                      side(income, *(f"item:income.{m}" for m in _FUNDS)))
    carry = rows.get("item:income.carryover")
    parts = [k for k in rows if k.startswith("item:income.carryover.")]
    if carry is not None and parts:
        yield t.check("summary.carryover_parts", "结转 = the sum of its funds", carry, income,
                      t.term(carry, income, "结转"), side(income, *parts))
    classes = [k for k in rows if k.startswith("fn:")]
    # Some layouts print the spending a second time by purpose: 基本支出, 项目支出, 单位预留机动经费.
    purposes = [k for k in _PURPOSE_LINES if k in rows]
    current_out = rows.get("item:expenditure.current_total")
    for m in spending:
        if grand_out is not None:
            lines = ["item:expenditure.carryover", "item:expenditure.surplus_distribution"]
            lines += ["item:expenditure.current_total"] if current_out is not None else classes or purposes
            yield t.check("summary.expenditure_total", "支出总计 = 本年支出 + 结转 (+ 结余分配)", grand_out, m,
                          t.term(grand_out, m, "支出总计"), side(m, *lines))
        if current_out is not None and classes:
            yield t.check("summary.expenditure_lines", "本年支出合计 = the function classes", current_out, m,
                          t.term(current_out, m, "本年支出"), side(m, *classes))
        if current_out is not None and purposes:
            yield t.check("summary.expenditure_lines", "本年支出合计 = the purpose lines", current_out, m,
                          t.term(current_out, m, "本年支出"), side(m, *purposes))
    if t.table.id == "fiscal_summary" and "total" in spending and set(_FUNDS) & set(spending):
        for row in t.table.rows:
            if row.key.startswith("item:income."):
                continue
            yield t.check("fund.parts", f"{row.key} 合计 = 一般公共预算 + 政府性基金 + 国有资本经营", row, "total",
                          t.term(row, "total", "合计"), [t.term(row, m, m) for m in _FUNDS if m in spending])


def three_public(t: _Table) -> Iterator[Finding | None]:
    """``three_public.*``: 车 = 购置 + 运行; 三公 = 出国 + 车 + 接待; 合计 = 三公 + 会议 + 培训."""
    if t.table.id != "three_public":
        return
    rows = t.rows

    def get(key: str, m: str, label: str) -> Term | None:
        return t.term(rows.get(f"item:{key}"), m, label)

    for m in t.measures:
        vehicles = rows.get("item:vehicles")
        parts = [get("vehicle_purchase", m, "购置费"), get("vehicle_operation", m, "运行费")]
        if vehicles is not None:
            yield t.check("three_public.vehicles", "公务用车购置及运行费 = 购置费 + 运行费", vehicles, m,
                          get("vehicles", m, "公务用车购置及运行费"), parts)
        vehicle_terms = [get("vehicles", m, "公务用车")] if vehicles is not None else parts
        outbound = rows.get("item:outbound")
        if outbound is not None and ("item:outbound.academic" in rows or "item:outbound.other" in rows):
            yield t.check("three_public.outbound", "因公出国(境)费 = its parts", outbound, m,
                          get("outbound", m, "因公出国"), [get("outbound.academic", m, "教学科研人员"),
                                                           get("outbound.other", m, "其他")])
        three = [get("outbound", m, "因公出国"), *vehicle_terms, get("reception", m, "公务接待费")]
        subtotal = rows.get("item:three_public")
        if subtotal is not None:
            yield t.check("three_public.sum", "“三公”经费 = 因公出国 + 公务用车 + 公务接待", subtotal, m,
                          get("three_public", m, "“三公”经费"), three)
            three = [get("three_public", m, "“三公”经费")]
        total = rows.get("item:total")
        if total is not None:
            yield t.check("three_public.total", "合计 = “三公”经费 (+ 会议费 + 培训费)", total, m,
                          get("total", m, "合计"), three + [get("meetings", m, "会议费"), get("training", m, "培训费")])


TABLE_RULES = (children_sum, classes_sum, spending_parts, income_parts, two_sided, three_public)


def table_rules(report: Report) -> Iterator[Finding]:
    """Every within-table finding of a report."""
    for table in report.tables:
        t = _Table(report, table)
        for rule in TABLE_RULES:
            for finding in rule(t):
                if finding is not None:
                    yield finding
