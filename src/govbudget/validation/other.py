"""Checks that are not sums: the standard tables a report should print."""

from __future__ import annotations

from typing import Iterator

from .. import vocabulary as V
from ..model import Kind, Report
from ..provenance import Finding, Severity

__all__ = ["other_rules"]


def missing_tables(report: Report) -> Iterator[Finding]:
    """``table.missing``: final accounts print all ten 公开表; budgets vary by region, so less is noted."""
    if report.kind is None:
        return
    if not report.tables:
        yield Finding("table.missing", Severity.INFO, "the report prints no annex tables; only its text has figures",
                      entity=report.entity)
        return
    severity = Severity.WARNING if report.kind is Kind.FINAL_ACCOUNTS else Severity.INFO
    for table_id in V.STANDARD_SETS[report.kind.value]:
        if report.table(table_id) is None:
            yield Finding("table.missing", severity, f"no {table_id} table in the report", entity=report.entity,
                          table=table_id)


def other_rules(report: Report) -> Iterator[Finding]:
    """Every other finding of one report."""
    yield from missing_tables(report)
