"""Which figures of a disclosure to trust: the accounting identities and other checks as findings.

``validate(disclosure)`` returns the findings made while reading followed by
those of every rule in :data:`RULES`. Each rule has a stable id, a severity and a
one-line description; its findings name the entity, table, row and measure,
the expected and actual figures, their difference, the rounding slack allowed
and where both sides were printed.
"""

from __future__ import annotations

from typing import Iterator

import attrs

from ..model import Disclosure
from ..provenance import Finding, Severity
from .across import disclosure_rules, report_rules
from .codes import code_rules
from .narrative import narrative_rules
from .other import other_rules
from .within import table_rules

__all__ = ["Rule", "RULES", "check"]


@attrs.frozen
class Rule:
    """A check: its stable id, the severity of a break, and what it checks."""

    id: str
    severity: Severity
    description: str


RULES: tuple[Rule, ...] = (
    Rule("sum.children", Severity.ERROR, "a class or sub-class equals the sum of the codes under it, in every measure"),
    Rule("sum.classes", Severity.ERROR, "a table's 合计 line equals the sum of its classes"),
    Rule("total.parts", Severity.ERROR, "合计 = 基本支出 + 项目支出 (+ 经营支出 + 上缴上级 + 对附属单位补助)"),
    Rule("basic.parts", Severity.ERROR, "基本支出 = 人员经费 + 公用经费"),
    Rule("income.total", Severity.ERROR, "收入总表: 合计 = 本年收入 + 上年结转"),
    Rule("income.sources", Severity.ERROR, "收入总表: 本年收入 = the sum of its sources"),
    Rule("income.carryover_parts", Severity.ERROR, "收入总表: 上年结转 = the sum of its funds"),
    Rule("summary.balance", Severity.ERROR, "收支总表: 收入总计 = 支出总计"),
    Rule("summary.income_total", Severity.ERROR, "收入总计 = 本年收入合计 + 上年结转 (+ 使用非财政拨款结余)"),
    Rule("summary.income_lines", Severity.ERROR, "本年收入合计 = the income lines above it"),
    Rule("summary.fiscal_parts", Severity.ERROR, "财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营"),
    Rule("summary.carryover_parts", Severity.ERROR, "结转 = the sum of its funds"),
    Rule("summary.expenditure_total", Severity.ERROR, "支出总计 = 本年支出合计 + 年末结转 (+ 结余分配)"),
    Rule("summary.expenditure_lines", Severity.ERROR, "本年支出合计 = the sum of the function classes"),
    Rule("fund.parts", Severity.ERROR, "财政拨款收支总表: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营"),
    Rule("three_public.vehicles", Severity.ERROR, "公务用车购置及运行费 = 购置费 + 运行费"),
    Rule("three_public.outbound", Severity.ERROR, "因公出国(境)费 = its parts"),
    Rule("three_public.sum", Severity.ERROR, "“三公”经费 = 因公出国 + 公务用车 + 公务接待"),
    Rule("three_public.total", Severity.ERROR, "三公 table 合计 = “三公”经费 (+ 会议费 + 培训费)"),
    Rule("cross.summary_expenditure", Severity.ERROR, "支出总表 = 收支总表's expenditure lines"),
    Rule("cross.summary_income", Severity.ERROR, "收入总表's columns = 收支总表's income lines"),
    Rule("cross.fiscal_general_budget", Severity.ERROR, "一般公共预算支出表 = 财政拨款收支总表's 一般公共预算"),
    Rule("cross.gov_fund", Severity.ERROR, "政府性基金预算支出表 合计 = 财政拨款收支总表's 政府性基金"),
    Rule("cross.state_capital", Severity.ERROR, "国有资本经营预算支出表 合计 = 财政拨款收支总表's 国有资本经营"),
    Rule("cross.basic_detail", Severity.ERROR, "基本支出表 = 一般公共预算支出表's 基本支出"),
    Rule("cross.three_public_basic", Severity.WARNING, "basic spending on a 三公 item ≤ the 三公 table's figure"),
    Rule("reports.department_sum", Severity.ERROR, "a department's figures = the sums of its units' in the file"),
    Rule("unit.disagree", Severity.ERROR, "two figures that must agree differ exactly by a unit factor"),
    Rule("narrative.table", Severity.ERROR, "a figure the text states equals the table figure it describes"),
    Rule("code.unknown", Severity.WARNING, "a code not in the official list (info when well formed)"),
    Rule("code.name_mismatch", Severity.WARNING, "a code printed with another code's name, or a name not its own"),
    Rule("table.missing", Severity.WARNING, "a standard annex table the report should print is missing"),
)


def check(disclosure: Disclosure) -> Iterator[Finding]:
    """The findings of every rule, report by report, then across reports."""
    for report in disclosure.reports:
        yield from table_rules(report)
        yield from report_rules(report)
        yield from narrative_rules(report)
        yield from code_rules(report)
        yield from other_rules(report)
    yield from disclosure_rules(disclosure)
