"""Shanghai 普陀区 disclosures as published: every transcribed fact read exactly, the real breaks found.

The six PDFs of the family (WPS and ONLYOFFICE output; budgets in 元 with a 三公 table in 万元,
final accounts in 万元). ``tests/data/realworld_expected/<stem>.expected.csv`` holds the facts
read by eye from the rendered pages; ``docs/pdf-realworld.md`` says what each file prints, what is
keyed how, and which breaks of the documents the findings report.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from decimal import Decimal

import pytest
from realworld import disclosure, expected_facts, findings_golden, got_facts, key, pdf, serious_findings, yuan

REGEN = os.environ.get("GOVBUDGET_REGEN_GOLDEN") == "1"

SHANGHAI = [
    "001_shpt_wanli_jiedao_2024_bmys",
    "004_shpt_zfban_2025_bmys",
    "005_shpt_zfban_2025_dwys",
    "009_shpt_caizhengju_2024_bmjs",
    "011_shpt_shehuigongzuobu_2024_bmjs",
    "014_shpt_shehuifuliyuan_2024_dwys",
]

# Expected facts not read yet, by file, each with its reason. Every one of them is read now.
KNOWN_GAPS: dict[str, dict[tuple[str, ...], str]] = {stem: {} for stem in SHANGHAI}


@pytest.mark.parametrize("stem", SHANGHAI)
def test_every_transcribed_fact_is_read_exactly(stem: str) -> None:
    got = {key(f): f for f in got_facts(stem)}
    missing, wrong = [], []
    for e in expected_facts(stem):
        k = key(e)
        if k in KNOWN_GAPS[stem]:
            assert k not in got, f"{k} is read now: take it off the known gaps"
            continue
        g = got.get(k)
        if g is None:
            missing.append(k)
            continue
        if (Decimal(g["yuan"]), g["unit"]) != (yuan(e["value"], e["unit"]), e["unit"]):
            wrong.append((k, e["value"], e["unit"], g["value"], g["unit"]))
        elif e["table"] != "narrative" and g["page"] != e["page"]:
            # Narrative figures carry the page their sentence starts on; table figures their own.
            wrong.append((k, "page", e["page"], g["page"]))
    assert missing == [] and wrong == []


@pytest.mark.parametrize("stem", SHANGHAI)
def test_nothing_is_read_that_was_not_transcribed(stem: str) -> None:
    expected = {key(e) for e in expected_facts(stem)}
    assert [k for k in (key(f) for f in got_facts(stem)) if k not in expected] == []


@pytest.mark.parametrize("stem", SHANGHAI)
def test_one_fact_per_key(stem: str) -> None:
    counts = Counter(key(f) for f in got_facts(stem))
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("stem", SHANGHAI)
def test_warnings_and_errors_are_the_documents_own_breaks(stem: str) -> None:
    golden = findings_golden(stem)
    got = serious_findings(stem)
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with GOVBUDGET_REGEN_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")


def test_the_fixtures_are_the_published_files() -> None:
    # Byte for byte as published: the transcriptions were made from these very files.
    digests = {stem: hashlib.sha256(pdf(stem).read_bytes()).hexdigest()[:16] for stem in SHANGHAI}
    assert digests == {
        "001_shpt_wanli_jiedao_2024_bmys": "9cf8afd0f960aea9",
        "004_shpt_zfban_2025_bmys": "ef2db536657de0a0",
        "005_shpt_zfban_2025_dwys": "6a138c25953bd95f",
        "009_shpt_caizhengju_2024_bmjs": "d45e923176f9fe4b",
        "011_shpt_shehuigongzuobu_2024_bmjs": "44874c062a89c26e",
        "014_shpt_shehuifuliyuan_2024_dwys": "b302f0a0ac964398",
    }


@pytest.mark.parametrize("stem, scope, tables", [
    ("001_shpt_wanli_jiedao_2024_bmys", "department", 9),
    ("005_shpt_zfban_2025_dwys", "unit", 9),
    ("011_shpt_shehuigongzuobu_2024_bmjs", "department", 9),
])
def test_one_report_with_the_nine_tables_and_the_empty_ones_present(stem: str, scope: str, tables: int) -> None:
    (report,) = disclosure(stem).reports
    assert report.scope.value == scope
    assert len(report.tables) == tables
    assert report.table("gov_fund_expenditure").empty and report.table("state_capital_expenditure").empty
