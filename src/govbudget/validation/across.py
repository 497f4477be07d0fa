"""The identities between tables of one report, and between a department and its units.

Only tables of the same fund scope are compared: all funds (收支总表, 收入总表,
支出总表), 财政拨款 (财政拨款收支总表 and the three fund tables), 一般公共预算
(一般公共预算支出表 and 基本支出表). Figures are compared in yuan, so a 三公 table
in 万元 meets a 基本支出表 in 元. A difference that is exactly a power of ten
(万元 printed as 元) is reported as ``unit.disagree`` instead.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Disclosure, Report, Row, Scope
from ..provenance import Finding, Severity
from .compare import Term, compare, term

__all__ = ["report_rules", "disclosure_rules"]

_FUNDS = ("general_budget", "gov_fund", "state_capital")
_INCOME_COLUMNS = ("special_account", "business", "operating", "superior_grants", "affiliate_remittance", "other")
_POWERS = tuple(Decimal(10) ** k for k in (3, 4, 8))


def _cell(report: Report, table_id: str, key: str, *measures: str) -> Term | None:
    """The first of ``measures`` the row prints, or ``None``."""
    table = report.table(table_id)
    row = table.row(key) if table else None
    if table is None or row is None:
        return None
    for m in measures:
        t = term(row.cell(m), row.unit or table.unit, f"{table_id} {key} {m}")
        if t is not None:
            return t
    return None


def _has(report: Report, table_id: str, *measures: str) -> bool:
    """Whether the table prints a column of one of ``measures``."""
    table = report.table(table_id)
    if table is None:
        return False
    printed = {c.measure for c in table.columns} | {c.measure for r in table.rows for c in r.cells}
    return bool(printed & set(measures))


def _spending(report: Report, table_id: str, *measures: str) -> Term | None:
    """本年支出合计 of a two-sided table, or 支出总计 when it prints no current line and no carry-over."""
    current = _cell(report, table_id, "item:expenditure.current_total", *measures)
    if current is not None:
        return current
    if _cell(report, table_id, "item:expenditure.carryover", *measures) is None:
        return _cell(report, table_id, "item:expenditure.grand_total", *measures)
    return None


def _blank(t: Term | None) -> bool:
    return t is None or t.value == 0


def _present(report: Report, *table_ids: str) -> bool:
    return all(report.table(t) is not None for t in table_ids)


class _Checker:
    def __init__(self, report: Report) -> None:
        self.report = report

    def same(self, rule: str, what: str, actual: Term | None, expected: list[Term | None], table: str, row: str,
             measure: str, severity: Severity = Severity.ERROR) -> Finding | None:
        """``actual`` against the sum of ``expected``, or a unit mismatch when they differ by a power of ten.

        Nothing when either side is not printed at all: that is for ``table.missing`` to say.
        """
        parts = [e for e in expected if e is not None]
        if actual is None or not parts:
            return None
        if len(parts) == 1 and actual.yuan() != parts[0].yuan() and 0 not in (actual.yuan(), parts[0].yuan()):
            ratio = actual.yuan() / parts[0].yuan()
            if ratio in _POWERS or (1 / ratio) in _POWERS:
                return Finding("unit.disagree", Severity.ERROR,
                               f"{what}: {actual.value} {actual.unit or ''} against {parts[0].value} "
                               f"{parts[0].unit or ''} — the figures agree but the units do not",
                               entity=self.report.entity, table=table, row=row, measure=measure,
                               expected=str(parts[0].value), actual=str(actual.value),
                               provenance=tuple(p for p in (actual.provenance, parts[0].provenance) if p))
        return compare(rule, severity, what, actual, expected, entity=self.report.entity, table=table, row=row,
                       measure=measure)


def _classes(report: Report, table_id: str) -> list[Row]:
    table = report.table(table_id)
    return [r for r in table.rows if r.key.startswith("fn:") and len(r.key) == 6] if table else []


def report_rules(report: Report) -> Iterator[Finding]:
    """Every across-table finding of one report."""
    c = _Checker(report)
    r = report
    found: list[Finding | None] = []
    if _present(r, "summary", "expenditure"):
        found.append(c.same("cross.summary_expenditure", "支出总表 合计 = 收支总表 本年支出合计",
                            _cell(r, "expenditure", "item:total", "total"),
                            [_spending(r, "summary", "amount", "total")],
                            "expenditure", "item:total", "total"))
        for row in _classes(r, "summary"):
            found.append(c.same("cross.summary_expenditure", f"支出总表 {row.key} = 收支总表 {row.key}",
                                _cell(r, "expenditure", row.key, "total"),
                                [_cell(r, "summary", row.key, "amount", "total")], "expenditure", row.key, "total"))
    if _present(r, "summary", "income"):
        found.append(c.same("cross.summary_income", "收入总表 本年收入 = 收支总表 本年收入合计",
                            _cell(r, "income", "item:total", "current_total"),
                            [_cell(r, "summary", "item:income.current_total", "amount")],
                            "income", "item:total", "current_total"))
        found.append(c.same("cross.summary_income", "收入总表 上年结转 = 收支总表 上年结转",
                            _cell(r, "income", "item:total", "carryover"),
                            [_cell(r, "summary", "item:income.carryover", "amount")],
                            "income", "item:total", "carryover"))
        summary_fiscal = ([_cell(r, "summary", "item:income.fiscal", "amount")]
                          if _cell(r, "summary", "item:income.fiscal", "amount")
                          else [_cell(r, "summary", f"item:income.{m}", "amount") for m in _FUNDS])
        found.append(c.same("cross.summary_income", "收入总表 财政拨款收入 = 收支总表 财政拨款",
                            _cell(r, "income", "item:total", "fiscal"), summary_fiscal, "income", "item:total",
                            "fiscal"))
        for m in _FUNDS + _INCOME_COLUMNS:
            if not _has(r, "income", m):
                continue
            found.append(c.same("cross.summary_income", f"收入总表 {m} = 收支总表 {m}",
                                _cell(r, "income", "item:total", m),
                                [_cell(r, "summary", f"item:income.{m}", "amount")], "income", "item:total", m))
    # Without a 一般公共预算 column, the 财政拨款 figures are the general budget's only when the
    # other two funds are blank.
    gb_measure = "general_budget" if _has(r, "fiscal_summary", "general_budget") else (
        "amount" if all(_blank(_cell(r, "fiscal_summary", f"item:income.{m}", "amount")) for m in _FUNDS[1:])
        else None)
    if _present(r, "fiscal_summary", "general_budget_expenditure") and gb_measure:
        fiscal_gb = (_spending(r, "fiscal_summary", gb_measure)
                     or _cell(r, "fiscal_summary", "item:income.general_budget", "amount"))
        found.append(c.same("cross.fiscal_general_budget", "一般公共预算支出表 合计 = 财政拨款收支总表 一般公共预算",
                            _cell(r, "general_budget_expenditure", "item:total", "total"), [fiscal_gb],
                            "general_budget_expenditure", "item:total", "total"))
        for row in _classes(r, "fiscal_summary"):
            what = f"一般公共预算支出表 {row.key} = 财政拨款收支总表 {row.key}"
            found.append(c.same("cross.fiscal_general_budget", what,
                                _cell(r, "general_budget_expenditure", row.key, "total"),
                                [_cell(r, "fiscal_summary", row.key, gb_measure)],
                                "general_budget_expenditure", row.key, "total"))
    for fund, table_id in (("gov_fund", "gov_fund_expenditure"), ("state_capital", "state_capital_expenditure")):
        if _present(r, "fiscal_summary", table_id):
            found.append(c.same(f"cross.{fund}", f"{table_id} 合计 = 财政拨款收支总表 {fund}",
                                _cell(r, table_id, "item:total", "total"),
                                [_spending(r, "fiscal_summary", fund)
                                 or _cell(r, "fiscal_summary", f"item:income.{fund}", "amount")],
                                table_id, "item:total", "total"))
    if _present(r, "general_budget_basic", "general_budget_expenditure"):
        total = _cell(r, "general_budget_basic", "item:total", "total")
        staff = [_cell(r, "general_budget_basic", "item:total", "personnel"),
                 _cell(r, "general_budget_basic", "item:total", "public_funds")]
        found.append(c.same("cross.basic_detail", "一般公共预算支出表 基本支出 = 基本支出表 合计",
                            _cell(r, "general_budget_expenditure", "item:total", "basic"),
                            [total] if total is not None else staff, "general_budget_expenditure", "item:total",
                            "basic"))
        for m in ("personnel", "public_funds"):
            if not _has(r, "general_budget_expenditure", m):
                continue
            found.append(c.same("cross.basic_detail", f"一般公共预算支出表 {m} = 基本支出表 {m}",
                                _cell(r, "general_budget_expenditure", "item:total", m),
                                [_cell(r, "general_budget_basic", "item:total", m)],
                                "general_budget_expenditure", "item:total", m))
    found.extend(_three_public_vs_basic(r))
    yield from (f for f in found if f is not None)


_THREE_PUBLIC_ECON = (("reception", "econ:30217"), ("vehicle_operation", "econ:30231"),
                      ("outbound", "econ:30212"), ("vehicle_purchase", "econ:31013"))
# The words the item's line must print to be that item: a document that numbers its 302 items
# its own way (30212 机关事业单位退休人员活动费) has another item under the code (code.name_mismatch says so).
_THREE_PUBLIC_WORDS = {"reception": "接待", "vehicle_operation": "车", "outbound": "出国", "vehicle_purchase": "车"}


def _three_public_vs_basic(r: Report) -> Iterator[Finding]:
    """``cross.three_public_basic``: basic spending on a 三公 item cannot exceed the 三公 table's figure."""
    if not _present(r, "three_public", "general_budget_basic") or r.table("three_public").empty:
        return
    for item, econ in _THREE_PUBLIC_ECON:
        line = r.table("general_budget_basic").row(econ)
        if line is not None and line.name and _THREE_PUBLIC_WORDS[item] not in line.name:
            continue
        basic = _cell(r, "general_budget_basic", econ, "total", "public_funds")
        three = _cell(r, "three_public", f"item:{item}", "actual", "amount", "total", "general_budget")
        if basic is None or basic.value == 0:
            continue
        if three is None or basic.yuan() > three.yuan() + three.slack() + basic.slack():
            shown = "blank" if three is None else f"{three.value} {three.unit or ''}"
            yield Finding(
                "cross.three_public_basic", Severity.WARNING,
                f"基本支出表 {econ} is {basic.value} {basic.unit or ''}, more than the 三公 table's {item} ({shown})",
                entity=r.entity, table="three_public", row=f"item:{item}",
                expected=f"at least {basic.value}", actual=None if three is None else str(three.value),
                provenance=tuple(p for p in (basic.provenance, three.provenance if three else None) if p))


def disclosure_rules(d: Disclosure) -> Iterator[Finding]:
    """``reports.department_sum``: a department's figures are the sums of its units' in the same file."""
    for dept in d.reports:
        if dept.scope is not Scope.DEPARTMENT or not dept.entity_code:
            continue
        units = [u for u in d.reports if u is not dept and u.entity_code
                 and u.entity_code.startswith(dept.entity_code)]
        if not units:
            continue
        c = _Checker(dept)
        for table in dept.tables:
            for row in table.rows:
                for cell in row.cells:
                    actual = term(cell, row.unit or table.unit, f"{dept.entity} {row.key}")
                    if actual is None:
                        continue
                    parts = [_cell(u, table.id, row.key, cell.measure) for u in units]
                    finding = c.same("reports.department_sum",
                                     f"{table.id} {row.key} {cell.measure} of the department = the sum of its units",
                                     actual, parts, table.id, row.key, cell.measure)
                    if finding is not None:
                        yield finding
