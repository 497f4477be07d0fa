"""Figures the text states against the table figures they describe (``narrative.table``).

A narrative line names a figure without saying which table it comes from, so
each narrative key has candidate table lines (``item:basic`` is the 基本支出 of
the 一般公共预算支出表 or of the 支出总表). The statement holds when one printed
candidate agrees; when none does, the finding shows the text beside the first.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..model import Report, Row
from ..provenance import Finding, Severity
from .compare import compare, term

__all__ = ["narrative_rules", "CANDIDATES"]

_THREE_PUBLIC = ("actual", "amount", "total", "general_budget")
_ONE = ("amount", "total")

CANDIDATES: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "item:income.grand_total": (("summary", "item:income.grand_total", _ONE),),
    "item:expenditure.grand_total": (("summary", "item:expenditure.grand_total", _ONE),),
    "item:income.current_total": (("summary", "item:income.current_total", _ONE),),
    "item:expenditure.current_total": (("summary", "item:expenditure.current_total", _ONE),),
    "item:fiscal_grand_total": (
        ("fiscal_summary", "item:income.grand_total", _ONE),
        ("fiscal_summary", "item:expenditure.grand_total", ("total", "amount")),
    ),
    "item:fiscal_income": (
        ("fiscal_summary", "item:income.current_total", _ONE),
        ("fiscal_summary", "item:income.grand_total", _ONE),
        ("summary", "item:income.fiscal", _ONE),
        ("income", "item:total", ("fiscal",)),
    ),
    "item:general_budget": (
        ("fiscal_summary", "item:income.general_budget", _ONE),
        ("summary", "item:income.general_budget", _ONE),
        ("general_budget_expenditure", "item:total", ("total",)),
    ),
    "item:basic": (
        ("general_budget_expenditure", "item:total", ("basic",)),
        ("expenditure", "item:total", ("basic",)),
        ("general_budget_basic", "item:total", ("total",)),
        ("fiscal_expenditure", "item:total", ("basic",)),
        ("fiscal_basic", "item:total", ("total",)),
    ),
    "item:personnel": (
        ("general_budget_basic", "item:total", ("personnel",)),
        ("general_budget_expenditure", "item:total", ("personnel",)),
    ),
    "item:public_funds": (
        ("general_budget_basic", "item:total", ("public_funds",)),
        ("general_budget_expenditure", "item:total", ("public_funds",)),
    ),
    "item:project": (
        ("general_budget_expenditure", "item:total", ("project",)),
        ("expenditure", "item:total", ("project",)),
        ("fiscal_expenditure", "item:total", ("project",)),
    ),
    "item:reserve": (("expenditure", "item:total", ("reserve",)), ("summary", "item:expenditure.reserve", _ONE)),
    "item:income.nonfiscal_balance_used": (("summary", "item:income.nonfiscal_balance_used", _ONE),),
    "item:income.carryover": (("summary", "item:income.carryover", _ONE),),
    "item:expenditure.carryover": (("summary", "item:expenditure.carryover", _ONE),),
    "item:gov_fund": (("gov_fund_expenditure", "item:total", ("total",)),),
    "item:three_public": (
        ("three_public", "item:three_public", _THREE_PUBLIC),
        ("three_public", "item:total", _THREE_PUBLIC),
    ),
    "item:admin_operating_cost": (
        ("three_public", "item:admin_operating_cost", _THREE_PUBLIC),
        ("admin_operating_cost", "item:total", _ONE),
        ("disclosure_stats", "item:admin_operating_cost", _ONE),
    ),
}
for _item in ("outbound", "vehicles", "vehicle_purchase", "vehicle_operation", "reception", "meetings", "training"):
    CANDIDATES[f"item:{_item}"] = (("three_public", f"item:{_item}", _THREE_PUBLIC),)
for _item in ("business", "operating", "other"):
    CANDIDATES[f"item:income.{_item}"] = (("summary", f"item:income.{_item}", _ONE), ("income", "item:total", (_item,)))
for _item in ("procurement_total", "procurement_goods", "procurement_works", "procurement_services"):
    # A 政府采购预算表 prints the total and the categories too.
    _line = "item:total" if _item == "procurement_total" else f"item:{_item}"
    CANDIDATES[f"item:{_item}"] = (("disclosure_stats", f"item:{_item}", _ONE), ("procurement", _line, _ONE))


def _candidates(key: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    if key.startswith("fn:"):
        return (("expenditure", key, ("total",)), ("summary", key, _ONE), ("fiscal_expenditure", key, ("total",)),
                ("general_budget_expenditure", key, ("total",)), ("fiscal_summary", key, ("total", "amount")))
    if key.startswith("econ:"):
        return (("general_budget_basic", key, ("total",)), ("fiscal_basic", key, ("total",)))
    return CANDIDATES.get(key, ())


def _check(report: Report, row: Row) -> Finding | None:
    said = term(row.cells[0], row.unit, "the text")
    if said is None:
        return None
    printed = []
    for table_id, key, measures in _candidates(row.key):
        table = report.table(table_id)
        line = table.row(key) if table else None
        if table is None or line is None:
            continue
        for m in measures:
            t = term(line.cell(m), line.unit or table.unit, f"{table_id} {key} {m}")
            if t is not None:
                printed.append((table_id, m, t))
                break
    if not printed:
        return None
    outcomes = []
    for table_id, m, t in printed:
        finding = compare("narrative.table", Severity.ERROR, f"the text's {row.key} ({row.name}) against the "
                          f"{table_id} table", said, [t], entity=report.entity, table=table_id, row=row.key,
                          measure=m)
        if finding is None or finding.severity is Severity.INFO:
            return finding
        outcomes.append(finding)
    # Against the table it comes nearest to: 财政拨款 items in the text are the general-budget
    # table's, not the all-funds expenditure table's.
    return min(outcomes, key=lambda f: abs(Decimal(f.difference)) if f.difference else Decimal("Infinity"))


def narrative_rules(report: Report) -> Iterator[Finding]:
    """``narrative.table``: each figure the text states equals a table figure it describes."""
    for row in report.narrative:
        finding = _check(report, row)
        if finding is not None:
            yield finding
