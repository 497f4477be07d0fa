"""Helpers for the real published disclosures: their transcribed facts and their golden findings.

Each PDF in ``fixtures/realworld/`` has its facts transcribed by eye from the rendered pages in
``tests/data/realworld_expected/<stem>.expected.csv`` and its warning- and error-level findings in
``tests/golden/<file>.findings.tsv`` (the format of ``test_golden.findings_text``).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from conftest import FIXTURES, GOLDEN

import govbudget
from govbudget.amounts import UNIT_FACTORS

EXPECTED = Path(__file__).resolve().parent / "data" / "realworld_expected"
REALWORLD = FIXTURES / "realworld"
KEY = ("entity", "scope", "kind", "year", "table", "row", "measure")


def pdf(stem: str) -> Path:
    return REALWORLD / f"{stem}.pdf"


@lru_cache(maxsize=None)
def disclosure(stem: str) -> govbudget.Disclosure:
    """The model of one real PDF, read once per test run."""
    return govbudget.read(pdf(stem))


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


def findings_golden(stem: str) -> Path:
    return GOLDEN / f"{stem}.pdf.findings.tsv"
