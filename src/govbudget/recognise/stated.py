"""A table of the figures a text states (情况说明中的数字: 代码, 名称, 金额, 单位) into narrative rows.

govbudget's own workbooks keep a report's narrative figures on a sheet of their
own, one figure per line with its row key; reading that sheet gives the same
narrative rows back, keyed as written rather than guessed from sentences.
"""

from __future__ import annotations

import re

from ..amounts import NotAnAmount, parse_amount, parse_unit
from ..grid import GridRow
from ..model import Cell, Row
from ..provenance import Finding, Severity
from ..textnorm import compact

__all__ = ["STATED_TITLE", "STATED_HEADERS", "is_stated_title", "stated_rows"]

STATED_TITLE = "情况说明中的数字"
# Column headers and the field each holds.
STATED_HEADERS = {"代码": "key", "名称": "name", "金额": "amount", "单位": "unit"}
_KEY = re.compile(r"^(fn|econ|unit|proj|item):\S+$")


def is_stated_title(texts: list[str]) -> bool:
    """True when one of the lines before a table is the stated-figures title."""
    return any(compact(t) == STATED_TITLE for t in texts)


def stated_rows(rows: list[GridRow]) -> tuple[list[Row], list[Finding]]:
    """One narrative row per line under the 代码 / 名称 / 金额 / 单位 header."""
    out: list[Row] = []
    findings: list[Finding] = []
    where: dict[str, int] | None = None
    for row in rows:
        texts = [c.text.strip() for c in row.cells]
        if where is None:
            found = {STATED_HEADERS[t]: i for i, t in enumerate(texts) if t in STATED_HEADERS}
            if "key" in found and "amount" in found:
                where = found
            continue
        if not any(texts):
            continue

        def at(field: str) -> str:
            i = where.get(field) if where else None
            return texts[i] if i is not None and i < len(texts) else ""

        key, text = at("key"), at("amount")
        amount_cell = row.cells[where["amount"]] if where["amount"] < len(row.cells) else None
        prov = amount_cell.provenance if amount_cell is not None else row.provenance
        if not _KEY.match(key):
            findings.append(Finding("row.skipped", Severity.WARNING,
                                    f"stated figure without a row key ({key!r}); not read",
                                    actual=" | ".join(t for t in texts if t) or None, provenance=(row.provenance,)))
            continue
        try:
            value = parse_amount(text)
        except NotAnAmount:
            findings.append(Finding("cell.not_amount", Severity.WARNING,
                                    f"stated figure {text!r} of {key} is not a single figure; not read",
                                    table="narrative", row=key, measure="amount", actual=text, provenance=(prov,)))
            continue
        if value is None:
            continue
        unit_text = at("unit")
        unit = parse_unit(unit_text) or unit_text or None
        out.append(Row(key, at("name"), (Cell("amount", text, value, prov),), row.provenance, unit))
    return out, findings
