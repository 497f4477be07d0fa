"""The five seed disclosures: hand-checked key facts, entities, the tables each one holds."""

from __future__ import annotations

import csv
import re
from collections import Counter
from decimal import Decimal

import pytest
from conftest import SEEDS, seed

import govbudget
from govbudget.model import Kind, Scope

KEY_FACTS = sorted((SEEDS / "key_facts").glob("*.facts.csv"))
TABLE_SEEDS = ["000", "001", "003", "004"]


def _key(row: dict[str, str]) -> tuple[str, ...]:
    return (re.sub(r"\s+", "", row["entity"]), row["kind"], row["year"], row["table"], row["row"], row["measure"])


@pytest.mark.parametrize("prefix", TABLE_SEEDS)
def test_every_key_fact_is_read_with_its_exact_value(prefix: str) -> None:
    (expected_file,) = [p for p in KEY_FACTS if p.name.startswith(prefix)]
    expected = list(csv.DictReader(expected_file.open(encoding="utf-8")))
    got = {_key(f.as_dict()): f for f in govbudget.read(seed(prefix)).facts()}
    missing = [(_key(e), e["yuan"]) for e in expected
               if _key(e) not in got or Decimal(got[_key(e)].yuan) != Decimal(e["yuan"])]
    assert not missing
    assert len(expected) > 20


def test_the_key_facts_of_the_table_seeds_number_167() -> None:
    total = sum(1 for p in KEY_FACTS if p.name[:3] in TABLE_SEEDS for _ in csv.DictReader(p.open(encoding="utf-8")))
    assert total == 167


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_fact_key_is_repeated(prefix: str) -> None:
    facts = govbudget.read(seed(prefix)).facts()
    counts = Counter((f.entity, f.kind, f.year, f.table, f.row, f.measure) for f in facts)
    assert [k for k, n in counts.items() if n > 1] == []


def test_seed_001_holds_the_department_and_its_two_units() -> None:
    d = govbudget.read(seed("001"))
    assert [(r.entity, r.entity_code, r.scope) for r in d.reports] == [
        ("丰润区医疗保障局", "450", Scope.DEPARTMENT),
        ("丰润区医疗保障局本级", "450001", Scope.UNIT),
        ("丰润区医疗保险事业管理中心", "450002", Scope.UNIT),
    ]
    department, own, centre = d.reports
    # The department's total spending is the sum of its units'.
    totals = [r.table("summary").row("item:expenditure.grand_total").value("amount") for r in d.reports]
    assert totals == [Decimal("17257.23"), Decimal("1673.53"), Decimal("15583.70")]
    assert totals[0] == totals[1] + totals[2]


@pytest.mark.parametrize(
    "prefix, entity, code, kind, year",
    [
        ("000", "曾都区医疗保障信息中心", "032004", Kind.BUDGET, 2023),
        ("002", "盐池县医疗保险服务中心", None, Kind.BUDGET, 2024),
        ("003", "重庆市綦江区医疗保障事务中心", None, Kind.BUDGET, 2022),
        ("004", "朔州市朔城区医疗保险服务中心", "060002", Kind.FINAL_ACCOUNTS, 2023),
    ],
)
def test_single_entity_seeds_name_their_unit(prefix: str, entity: str, code: str | None, kind: Kind, year: int) -> None:
    (report,) = govbudget.read(seed(prefix)).reports
    assert (report.entity, report.entity_code, report.scope, report.kind, report.year) == (
        entity, code, Scope.UNIT, kind, year)


@pytest.mark.parametrize(
    "prefix, tables",
    [
        ("000", ["summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
                 "general_budget_basic", "three_public", "gov_fund_expenditure", "project_expenditure",
                 "procurement"]),
        ("001", ["summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
                 "general_budget_basic", "gov_fund_expenditure", "state_capital_expenditure", "three_public",
                 "procurement", "assets"]),
        ("003", ["fiscal_summary", "general_budget_expenditure", "general_budget_basic", "three_public",
                 "gov_fund_expenditure", "income", "expenditure"]),
        ("004", ["summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
                 "general_budget_basic", "gov_fund_expenditure", "state_capital_expenditure", "three_public",
                 "disclosure_stats"]),
    ],
)
def test_every_printed_annex_table_is_recognised_in_order(prefix: str, tables: list[str]) -> None:
    for report in govbudget.read(seed(prefix)).reports:
        assert [t.id for t in report.tables] == tables


def test_tables_printed_empty_are_present_and_empty() -> None:
    d = govbudget.read(seed("004"))
    (report,) = d.reports
    assert report.table("gov_fund_expenditure").empty
    assert report.table("state_capital_expenditure").empty
    assert not report.table("summary").empty


def test_seed_002_has_no_tables_and_reads_without_error() -> None:
    (report,) = govbudget.read(seed("002")).reports
    assert report.tables == ()


def test_shanghai_tables_keep_their_own_units() -> None:
    from conftest import FIXTURES

    (report,) = govbudget.read(next((FIXTURES / "realworld").glob("031_*.txt"))).reports
    units = {t.id: t.unit for t in report.tables}
    assert units["summary"] == "元" and units["three_public"] == "万元"
