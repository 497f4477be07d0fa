"""Jiangsu provincial and 西南大学 disclosures as published: every transcribed fact read exactly, the real breaks found.

Four Jiangsu department budgets (Word 2007, Acrobat Distiller and Excel 2010 output; 万元; a
收支预算总表 in three blocks, a 收入预算总表 listing fund sources, 政府采购预算表 trees) and a
central-government university's budget and final accounts (万元; 其中 lines, a 栏次 row, a
财政拨款支出决算表 whose code splits into 类 | 款 | 项 and whose second page does not).
``tests/data/realworld_expected/<stem>.expected.csv`` holds the facts read by eye from the rendered
pages; ``docs/pdf-realworld.md`` says what each file prints, how it is keyed and which breaks of
the documents the findings report.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from decimal import Decimal

import pytest
from realworld import disclosure, expected_facts, findings_golden, got_facts, key, pdf, serious_findings, yuan

REGEN = os.environ.get("GOVBUDGET_REGEN_GOLDEN") == "1"

FAMILY = [
    "016_js_sheng_fayuan_2017_bmys",
    "020_js_sheng_jianchayuan_2018_bmys",
    "024_js_sheng_renda_2019_bmys_tables",
    "028_js_zhengxie_2017_bmys_tables",
    "032_cq_xinandaxue_2021_bmys",
    "035_cq_xinandaxue_2023_bmjs",
]

# Expected facts not read yet, by file, each with its reason. Every one of them is read now.
KNOWN_GAPS: dict[str, dict[tuple[str, ...], str]] = {stem: {} for stem in FAMILY}


@pytest.mark.parametrize("stem", FAMILY)
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
            # Narrative figures are the first statement of their key, which may sit on another page.
            wrong.append((k, "page", e["page"], g["page"]))
    assert missing == [] and wrong == []


@pytest.mark.parametrize("stem", FAMILY)
def test_nothing_is_read_that_was_not_transcribed(stem: str) -> None:
    expected = {key(e) for e in expected_facts(stem)}
    assert [k for k in (key(f) for f in got_facts(stem)) if k not in expected] == []


@pytest.mark.parametrize("stem", FAMILY)
def test_one_fact_per_key(stem: str) -> None:
    counts = Counter(key(f) for f in got_facts(stem))
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("stem", FAMILY)
def test_warnings_and_errors_are_the_documents_own_breaks(stem: str) -> None:
    golden = findings_golden(stem)
    got = serious_findings(stem)
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with GOVBUDGET_REGEN_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")


def test_the_fixtures_are_the_published_files() -> None:
    # Byte for byte as published: the start of each file's SHA-256.
    digests = {stem: hashlib.sha256(pdf(stem).read_bytes()).hexdigest()[:16] for stem in FAMILY}
    assert digests == {
        "016_js_sheng_fayuan_2017_bmys": "324795c7efce9893",
        "020_js_sheng_jianchayuan_2018_bmys": "b6f855786225b37b",
        "024_js_sheng_renda_2019_bmys_tables": "2baf474e2d655648",
        "028_js_zhengxie_2017_bmys_tables": "42d4fd889f7a012f",
        "032_cq_xinandaxue_2021_bmys": "1ba4abe76dc535dc",
        "035_cq_xinandaxue_2023_bmjs": "86287b24a9397e33",
    }


@pytest.mark.parametrize("stem, kind, tables", [
    ("016_js_sheng_fayuan_2017_bmys", "budget", 12),
    ("020_js_sheng_jianchayuan_2018_bmys", "budget", 12),  # numbered 公开01表…, yet a budget
    ("024_js_sheng_renda_2019_bmys_tables", "budget", 12),
    ("028_js_zhengxie_2017_bmys_tables", "budget", 12),  # 政府采购 over two pages under one title
    ("032_cq_xinandaxue_2021_bmys", "budget", 4),
    ("035_cq_xinandaxue_2023_bmjs", "final_accounts", 4),
])
def test_one_department_report_with_its_tables(stem: str, kind: str, tables: int) -> None:
    (report,) = disclosure(stem).reports
    assert (report.scope.value, report.kind.value, len(report.tables)) == ("department", kind, tables)
    assert len({t.id for t in report.tables}) == tables
    if "_js_" in stem:
        assert report.table("gov_fund_expenditure").empty  # printed with a blank 合计 (020: 此表为空)


def test_the_summary_reads_its_three_blocks_in_printed_order() -> None:
    table = disclosure("016_js_sheng_fayuan_2017_bmys").reports[0].table("summary")
    assert [r.key for r in table.rows[:6]] == [
        "item:income.fiscal", "fn:201", "item:expenditure.basic",
        "item:income.general_budget", "fn:202", "item:expenditure.project"]
    # 当年支出小计 is merged over the function block into the purpose block's label column.
    assert table.row("item:expenditure.current_total").value("amount") == Decimal("28849.38")
