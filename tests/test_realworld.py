"""The twelve published PDFs in fixtures/realworld: every transcribed fact read exactly, the real breaks found.

Three template families: six Shanghai 普陀区 disclosures (WPS and ONLYOFFICE output; budgets in 元
with a 三公 table in 万元, final accounts in 万元), four Jiangsu department budgets (Word 2007, Acrobat
Distiller and Excel 2010 output; 万元; a 收支预算总表 in three blocks, a 收入预算总表 listing fund sources,
政府采购预算表 trees) and a central-government university's budget and final accounts (万元; 其中 lines,
a 栏次 row, a 财政拨款支出决算表 whose code splits into 类 | 款 | 项 and whose second page does not).

The files are copied byte for byte from their publishers. ``tests/data/realworld_expected/<stem>.expected.csv``
holds the facts read by eye from the rendered pages, and ``tests/golden/<file>.findings.tsv`` the warning-
and error-level findings; ``docs/pdf-realworld.md`` says what each file prints, how it is keyed and which
breaks of the documents the findings report.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, GOLDEN, read_fixture

import govbudget
from govbudget.amounts import UNIT_FACTORS
from govbudget.cli import main as cli_main

REGEN = os.environ.get("GOVBUDGET_REGEN_GOLDEN") == "1"
EXPECTED = Path(__file__).resolve().parent / "data" / "realworld_expected"
REALWORLD = FIXTURES / "realworld"
KEY = ("entity", "scope", "kind", "year", "table", "row", "measure")

# Each file's stem with the start of its SHA-256: the transcriptions were made from these very files.
PUBLISHED = {
    "001_shpt_wanli_jiedao_2024_bmys": "9cf8afd0f960aea9",
    "004_shpt_zfban_2025_bmys": "ef2db536657de0a0",
    "005_shpt_zfban_2025_dwys": "6a138c25953bd95f",
    "009_shpt_caizhengju_2024_bmjs": "d45e923176f9fe4b",
    "011_shpt_shehuigongzuobu_2024_bmjs": "44874c062a89c26e",
    "014_shpt_shehuifuliyuan_2024_dwys": "b302f0a0ac964398",
    "016_js_sheng_fayuan_2017_bmys": "324795c7efce9893",
    "020_js_sheng_jianchayuan_2018_bmys": "b6f855786225b37b",
    "024_js_sheng_renda_2019_bmys_tables": "2baf474e2d655648",
    "028_js_zhengxie_2017_bmys_tables": "42d4fd889f7a012f",
    "032_cq_xinandaxue_2021_bmys": "1ba4abe76dc535dc",
    "035_cq_xinandaxue_2023_bmjs": "86287b24a9397e33",
}
STEMS = list(PUBLISHED)

# Expected facts not read yet, by file, each with its reason. Every one of them is read now.
KNOWN_GAPS: dict[str, dict[tuple[str, ...], str]] = {stem: {} for stem in STEMS}


def pdf(stem: str) -> Path:
    return REALWORLD / f"{stem}.pdf"


def disclosure(stem: str) -> govbudget.Disclosure:
    """The model of one real PDF, read once per test run."""
    return read_fixture(pdf(stem))


def expected_facts(stem: str) -> list[dict[str, str]]:
    with (EXPECTED / f"{stem}.expected.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def key(fact: dict[str, str]) -> tuple[str, ...]:
    return tuple(str(fact[k]) for k in KEY)


def yuan(value: str, unit: str) -> Decimal:
    """An expected figure in exact yuan."""
    return Decimal(value) * UNIT_FACTORS[unit]


def got_facts(stem: str) -> list[dict[str, str]]:
    return [{k: str(getattr(f, k)) for k in (*KEY, "row_name", "value", "unit", "yuan", "page")}
            for f in disclosure(stem).facts()]


def serious_findings(stem: str) -> str:
    """The warning- and error-level lines of ``findings_text``: what a reader must look at."""
    from test_golden import findings_text

    lines = findings_text(disclosure(stem)).splitlines()
    return "".join(line + "\n" for line in lines if not line.startswith("info\t"))


def test_the_published_pdfs_are_here() -> None:
    real = sorted(REALWORLD.glob("*.pdf"))
    assert len(real) == 12
    assert [p.stem for p in real] == STEMS


def test_the_fixtures_are_the_published_files() -> None:
    digests = {stem: hashlib.sha256(pdf(stem).read_bytes()).hexdigest()[:16] for stem in STEMS}
    assert digests == PUBLISHED


@pytest.mark.parametrize("stem", STEMS)
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
        if (g["value"], Decimal(g["yuan"]), g["unit"]) != (e["value"], yuan(e["value"], e["unit"]), e["unit"]):
            wrong.append((k, e["value"], e["unit"], g["value"], g["unit"]))
        elif e["table"] != "narrative" and g["page"] != e["page"]:
            # Narrative figures are the first statement of their key and carry the page their sentence
            # starts on, which may be another; table figures carry their own.
            wrong.append((k, "page", e["page"], g["page"]))
    assert missing == [] and wrong == []


@pytest.mark.parametrize("stem", STEMS)
def test_nothing_is_read_that_was_not_transcribed(stem: str) -> None:
    expected = {key(e) for e in expected_facts(stem)}
    assert [k for k in (key(f) for f in got_facts(stem)) if k not in expected] == []


@pytest.mark.parametrize("stem", STEMS)
def test_one_fact_per_key(stem: str) -> None:
    counts = Counter(key(f) for f in got_facts(stem))
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("stem", STEMS)
def test_warnings_and_errors_are_the_documents_own_breaks(stem: str) -> None:
    golden = GOLDEN / f"{stem}.pdf.findings.tsv"
    got = serious_findings(stem)
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with GOVBUDGET_REGEN_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", STEMS)
def test_every_figure_is_placed_on_a_page(stem: str) -> None:
    d = disclosure(stem)
    facts = d.facts()
    assert len(facts) > 100 and d.reports[0].entity
    assert all(f.page for f in facts)
    for t in d.reports[0].tables:
        for row in t.rows:
            for cell in row.cells:
                assert cell.provenance.page and cell.provenance.bbox, (t.id, row.key)


@pytest.mark.parametrize("stem", STEMS)
def test_inspect_runs(stem: str, capsys) -> None:
    assert cli_main(["inspect", str(pdf(stem))]) == 0
    assert f"{stem}.pdf" in capsys.readouterr().out


@pytest.mark.parametrize("stem, scope, kind, tables, empty", [
    ("001_shpt_wanli_jiedao_2024_bmys", "department", "budget", 9,
     ("gov_fund_expenditure", "state_capital_expenditure")),
    ("005_shpt_zfban_2025_dwys", "unit", "budget", 9, ("gov_fund_expenditure", "state_capital_expenditure")),
    ("011_shpt_shehuigongzuobu_2024_bmjs", "department", "final_accounts", 9,
     ("gov_fund_expenditure", "state_capital_expenditure")),
    # Printed with a blank 合计 (020: 此表为空).
    ("016_js_sheng_fayuan_2017_bmys", "department", "budget", 12, ("gov_fund_expenditure",)),
    ("020_js_sheng_jianchayuan_2018_bmys", "department", "budget", 12, ("gov_fund_expenditure",)),  # numbered 公开01表…, yet a budget
    ("024_js_sheng_renda_2019_bmys_tables", "department", "budget", 12, ("gov_fund_expenditure",)),
    # 政府采购 over two pages under one title.
    ("028_js_zhengxie_2017_bmys_tables", "department", "budget", 12, ("gov_fund_expenditure",)),
    ("032_cq_xinandaxue_2021_bmys", "department", "budget", 4, ()),
    ("035_cq_xinandaxue_2023_bmjs", "department", "final_accounts", 4, ()),
])
def test_one_report_with_its_tables_and_the_empty_ones_present(stem: str, scope: str, kind: str, tables: int,
                                                               empty: tuple[str, ...]) -> None:
    (report,) = disclosure(stem).reports
    assert (report.scope.value, report.kind.value, len(report.tables)) == (scope, kind, tables)
    assert len({t.id for t in report.tables}) == tables
    assert all(report.table(table_id).empty for table_id in empty)


def test_the_summary_reads_its_three_blocks_in_printed_order() -> None:
    table = disclosure("016_js_sheng_fayuan_2017_bmys").reports[0].table("summary")
    assert [r.key for r in table.rows[:6]] == [
        "item:income.fiscal", "fn:201", "item:expenditure.basic",
        "item:income.general_budget", "fn:202", "item:expenditure.project"]
    # 当年支出小计 is merged over the function block into the purpose block's label column.
    assert table.row("item:expenditure.current_total").value("amount") == Decimal("28849.38")
