"""The published PDFs in fixtures/realworld: all read and inspect; figures checked by eye are right.

The files are copied byte for byte from the disclosures' publishers. The figures
asserted here were read off the rendered pages; the rest of each file's figures
are not yet checked (see docs/pdf.md for what is recognised per file).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from conftest import FIXTURES

import govbudget
from govbudget.cli import main as cli_main

REAL = sorted((FIXTURES / "realworld").glob("*.pdf"))


@lru_cache(maxsize=None)
def read(name: str) -> govbudget.Disclosure:
    return govbudget.read(FIXTURES / "realworld" / name)


def test_the_published_pdfs_are_here() -> None:
    assert len(REAL) == 12


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name[:3])
def test_reads_with_every_figure_placed_on_a_page(path: Path) -> None:
    d = read(path.name)
    facts = d.facts()
    assert len(facts) > 100 and d.reports[0].entity
    assert all(f.page for f in facts)
    for t in d.reports[0].tables:
        for row in t.rows:
            for cell in row.cells:
                assert cell.provenance.page and cell.provenance.bbox, (t.id, row.key)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name[:3])
def test_inspect_runs(path: Path, capsys) -> None:
    assert cli_main(["inspect", str(path)]) == 0
    assert path.name in capsys.readouterr().out


# (file, table, row, measure, value as printed, unit, page), read off the rendered pages.
CHECKED = [
    ("004_shpt_zfban_2025_bmys.pdf", "income", "fn:201", "total", "82096797.42", "元", "9"),
    ("004_shpt_zfban_2025_bmys.pdf", "income", "fn:2010301", "total", "12029501.84", "元", "9"),
    ("009_shpt_caizhengju_2024_bmjs.pdf", "income", "item:total", "current_total", "2946.25", "万元", "8"),
    ("009_shpt_caizhengju_2024_bmjs.pdf", "income", "fn:201", "fiscal", "2106.66", "万元", "8"),
    ("009_shpt_caizhengju_2024_bmjs.pdf", "income", "fn:201", "other", "6.20", "万元", "8"),
    ("016_js_sheng_fayuan_2017_bmys.pdf", "summary", "item:income.current_total", "amount", "28849.38", "万元", "12"),
    ("016_js_sheng_fayuan_2017_bmys.pdf", "fiscal_expenditure", "fn:204", "total", "23513.11", "万元", "13"),
    ("016_js_sheng_fayuan_2017_bmys.pdf", "fiscal_expenditure", "fn:2040501", "total", "11786.92", "万元", "13"),
    ("024_js_sheng_renda_2019_bmys_tables.pdf", "summary", "fn:201", "amount", "13907.78", "万元", "1"),
    ("035_cq_xinandaxue_2023_bmjs.pdf", "income", "fn:205", "current_total", "399693.48", "万元", "10"),
    ("035_cq_xinandaxue_2023_bmjs.pdf", "income", "fn:205", "fiscal", "220752.34", "万元", "10"),
    ("035_cq_xinandaxue_2023_bmjs.pdf", "income", "fn:2050205", "current_total", "363483.12", "万元", "10"),
]


@pytest.mark.parametrize("name, table, row, measure, value, unit, page", CHECKED)
def test_figures_checked_on_the_page(name, table, row, measure, value, unit, page) -> None:
    facts = {(f.table, f.row, f.measure): f for f in read(name).facts()}
    fact = facts[(table, row, measure)]
    assert (fact.value, fact.unit, fact.page) == (value, unit, page)
