"""Checks that are not sums: the standard tables a report should print."""

from __future__ import annotations

from typing import Iterator

from .. import vocabulary as V
from ..model import Kind, Report
from ..provenance import Finding, Severity

__all__ = ["other_rules"]


_STATS_IN_TEXT = {"item:admin_operating_cost", "item:procurement_total"}


def missing_tables(report: Report) -> Iterator[Finding]:
    """``table.missing``: final accounts print all ten 公开表; budgets vary by region, so less is noted."""
    if report.kind is None:
        return
    if not report.tables:
        yield Finding("table.missing", Severity.INFO, "the report prints no annex tables; only its text has figures",
                      entity=report.entity)
        return
    severity = Severity.WARNING if report.kind is Kind.FINAL_ACCOUNTS else Severity.INFO
    # Templates that do not number their tables 公开01表… (Shanghai's nine tables) state the
    # statistics of 公开10表 in the text instead: 机关运行经费, 政府采购, 车辆.
    stats_in_text = not any(t.label for t in report.tables) and any(
        r.key in _STATS_IN_TEXT for r in report.narrative)
    for table_id in V.STANDARD_SETS[report.kind.value]:
        if report.table(table_id) is None:
            if table_id == "disclosure_stats" and stats_in_text:
                yield Finding("table.missing", Severity.INFO,
                              f"no {table_id} table in the report; the text states its figures",
                              entity=report.entity, table=table_id)
                continue
            yield Finding("table.missing", severity, f"no {table_id} table in the report", entity=report.entity,
                          table=table_id)


def other_rules(report: Report) -> Iterator[Finding]:
    """Every other finding of one report."""
    yield from missing_tables(report)
