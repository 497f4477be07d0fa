"""Codes against the official lists: unknown codes, and codes printed with another code's name."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from .. import codelists
from ..model import Report, Row
from ..provenance import Finding, Severity
from ..recognise.labels import strip_ordinal

__all__ = ["code_rules"]

DEFAULT_CLOSE_NAME = 0.8  # share of characters two names must share to count as one name misprinted


def _close(a: str, b: str) -> bool:
    shared = sum((Counter(a) & Counter(b)).values())
    return shared / max(len(a), len(b), 1) >= DEFAULT_CLOSE_NAME


def _check_row(report: Report, table: str, row: Row) -> Iterator[Finding]:
    scheme, _, code = row.key.partition(":")
    if scheme not in ("fn", "econ") or not code.isdigit():
        return
    entry = codelists.lookup(scheme, code, report.year)
    if entry is None:
        problem = codelists.structural_problem(scheme, code)
        yield Finding(
            "code.unknown", Severity.WARNING if problem else Severity.INFO,
            f"{row.key} ({row.name}) is not in the official list"
            + (f": {problem}" if problem else "; it is well formed and its parent is known"),
            entity=report.entity, table=table, row=row.key, actual=row.name, provenance=(row.provenance,))
        return
    printed = strip_ordinal(row.name)
    names = [e.name for e in codelists.entries(scheme) if e.code == code and e.covers(report.year)] or [entry.name]
    if not printed or any(codelists.names_match(printed, n) for n in names):
        return
    others = [e.code for e in codelists.by_name(scheme, printed, report.year) if e.code != code]
    if others:
        message = (f"{row.key} is printed with the name of {scheme}:{others[0]} ({printed}); "
                   f"its own name is {entry.name}")
        severity = Severity.WARNING
    elif _close(printed, entry.name):
        message = f"{row.key} is printed as {printed!r}; the list names it {entry.name!r}"
        severity = Severity.INFO
    else:
        message = f"{row.key} is printed as {printed!r}, which is not its name ({entry.name})"
        severity = Severity.WARNING
    yield Finding("code.name_mismatch", severity, message, entity=report.entity, table=table, row=row.key,
                  expected=entry.name, actual=printed, provenance=(row.provenance,))


def code_rules(report: Report) -> Iterator[Finding]:
    """``code.unknown`` and ``code.name_mismatch`` for every coded line of the report's tables."""
    for table in report.tables:
        for row in table.rows:
            yield from _check_row(report, table.id, row)
