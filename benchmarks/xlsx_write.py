"""Time and peak memory of writing the XLSX workbook; prints figures, asserts nothing.

Models: the largest seed (001: a department and two units, 33 tables), seed 004 (one
report of the ten 公开NN表 tables), and a generated ten-table report of 1,000 function
lines per table for scale. The model is read once; only ``to_xlsx`` is timed.

Run from the project root: ``python benchmarks/xlsx_write.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govbudget  # noqa: E402
from govbudget.model import Cell, Column, Disclosure, Kind, Provenance, Report, Row, Scope, Table  # noqa: E402
from govbudget.writers.xlsx import to_xlsx  # noqa: E402

DEFAULT_LINES = 1000
_MEASURES = ("total", "basic", "project")
_TABLES = ("expenditure", "general_budget_expenditure", "fiscal_expenditure", "gov_fund_expenditure",
           "state_capital_expenditure", "income", "general_budget_basic", "fiscal_basic", "admin_operating_cost",
           "project_expenditure")


def generated(lines: int = DEFAULT_LINES) -> Disclosure:
    """One report with ten code-keyed tables of ``lines`` rows and three figures each."""
    p = Provenance("generated.txt")
    tables = []
    for n, table_id in enumerate(_TABLES):
        scheme = "econ" if table_id in ("general_budget_basic", "fiscal_basic", "admin_operating_cost") else "fn"
        rows = []
        for i in range(lines):
            code = f"{301 + i // 100}{i % 100:02d}" if scheme == "econ" else f"{201 + i // 100}{i % 100:02d}01"
            figures = tuple(Cell(m, "", Decimal(i * 7 + k).scaleb(-2), p) for k, m in enumerate(_MEASURES))
            rows.append(Row(f"{scheme}:{code}", f"第{i}行科目名称", figures, p))
        tables.append(Table(table_id, table_id, "万元", tuple(Column(m, m) for m in _MEASURES), tuple(rows), p))
    report = Report("示例区民政局", "301", Scope.DEPARTMENT, Kind.BUDGET, 2024, "万元", tuple(tables))
    return Disclosure("generated.txt", "text", (report,))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    models = [
        (seeds[1].name, govbudget.read(seeds[1])),
        (seeds[4].name, govbudget.read(seeds[4])),
        (f"generated 10 tables x {DEFAULT_LINES} lines", generated()),
    ]
    print(f"{'model':<40} {'tables':>6} {'facts':>6} {'KB':>6} {'min ms':>8} {'median':>8} {'max':>8} {'peak MB':>8}")
    for name, d in models:
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            data = to_xlsx(d)
            times.append((time.perf_counter() - t0) * 1000)
        tracemalloc.start()
        to_xlsx(d)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        tables = sum(len(r.tables) for r in d.reports)
        print(f"{name[:40]:<40} {tables:>6} {len(d.facts()):>6} {len(data) / 1024:>6.0f} {min(times):>8.1f} "
              f"{statistics.median(times):>8.1f} {max(times):>8.1f} {peak:>8.1f}")


if __name__ == "__main__":
    main()
