"""What each table of a report says about the others, for placing figures that lost their columns.

Only relations that hold in a correct disclosure of the same fund scope are used:
the 收支总表's income lines against the 收入总表's columns, the 支出总表's 基本 /
项目 split against the 收支总表's expenditure lines, and the three fund tables
against the 财政拨款收支总表's columns.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping

from .placement import Hints, Option

__all__ = ["report_hints"]

_ZERO = Decimal(0)
_INCOME_LINES = {
    "fiscal": "item:income.fiscal",
    "special_account": "item:income.special_account",
    "business": "item:income.business",
    "operating": "item:income.operating",
    "superior_grants": "item:income.superior_grants",
    "affiliate_remittance": "item:income.affiliate_remittance",
    "other": "item:income.other",
    "carryover": "item:income.carryover",
}
_TOTAL_LINES = ("item:expenditure.current_total", "item:expenditure.grand_total")


def _blank(row: Option | None) -> bool:
    return row is not None and all(v == 0 for v in row.values())


def report_hints(tables: Mapping[str, Mapping[str, Option]], printed: set[str]) -> dict[str, Hints]:
    """Hints per table id, from the figures already read in each table (by id, key, measure).

    ``printed`` names the tables that print at least one figure (read or not yet placed).
    """
    out: dict[str, Hints] = {}
    summary = tables.get("summary", {})
    if summary:
        zero = frozenset(m for m, key in _INCOME_LINES.items() if _blank(summary.get(key)))
        out["income"] = Hints(zero=zero)
    expenditure = tables.get("expenditure", {})
    if expenditure:
        # A fund's spending on a line is part of the line's spending from all funds.
        # A blank cell of a row that prints its total is a zero for this purpose.
        limits = {k: {m: row.get(m, _ZERO) for m in ("basic", "project", "total")}
                  for k, row in expenditure.items() if "total" in row}
        for fund_table in ("general_budget_expenditure", "gov_fund_expenditure", "state_capital_expenditure"):
            out[fund_table] = Hints(limits=limits)
        values: dict[str, dict[str, Decimal]] = {}
        for key, row in expenditure.items():
            split = {m: row[m] for m in ("basic", "project") if m in row}
            if key.startswith("fn:") and split:
                values[key] = split
            if key == "item:total" and split:
                for line in _TOTAL_LINES:
                    values[line] = split
        out["summary"] = Hints(values=values)
    fund_tables = {
        "general_budget": "general_budget_expenditure",
        "gov_fund": "gov_fund_expenditure",
        "state_capital": "state_capital_expenditure",
    }
    funds = {m: tables.get(t) for m, t in fund_tables.items()}
    printed = {f"{m}:table" for m, t in fund_tables.items() if t in printed}
    if any(t is not None for t in funds.values()):
        values = {}
        for measure, table in funds.items():
            if table is None:
                continue
            for key, row in table.items():
                if "total" not in row:
                    continue
                if key == "item:total":
                    targets = list(_TOTAL_LINES)
                else:
                    targets = [key] if key.startswith("fn:") and len(key) == 6 else []
                for target in targets:
                    values.setdefault(target, {})[measure] = row["total"]
        # A fund table printed empty says that fund is blank in every line.
        zero = frozenset(m for m, t in funds.items() if t is not None and f"{m}:table" not in printed)
        out["fiscal_summary"] = Hints(zero=zero, values=values)
    return out
