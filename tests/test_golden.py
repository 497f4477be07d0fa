"""Whole outputs against reviewed golden files: every fact and every finding of each fixture.

The findings files hold what ``govbudget.validate`` reports: the doubts of reading and
the results of every check; ``docs/findings-on-the-seeds.md`` says which are real
breaks in the documents.

Rewrite them after a deliberate change with ``GOVBUDGET_REGEN_GOLDEN=1`` and review the diff;
the flag left on fails the run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES, GOLDEN, SEEDS, UNREADABLE_PDF, read_fixture

import govbudget
from govbudget.writers.facts import facts_csv

REGEN = os.environ.get("GOVBUDGET_REGEN_GOLDEN") == "1"

CASES = sorted(
    list(SEEDS.glob("*.txt"))
    + list((FIXTURES / "realworld").glob("*.txt"))
    + [p for p in (FIXTURES / "flavours").iterdir() if not p.name.startswith("reader_")]
    # Legacy .doc/.xls need LibreOffice; tests/test_office.py compares them with these.
    + [p for p in (FIXTURES / "office").iterdir() if p.suffix in (".docx", ".xlsx")]
    + [p for p in (FIXTURES / "pdf").rglob("*.pdf") if p.name not in UNREADABLE_PDF]
)


def findings_text(d: govbudget.Disclosure) -> str:
    lines = []
    for f in govbudget.validate(d):
        where = f.provenance[0].describe() if f.provenance else ""
        fields = [f.severity.value, f.code, f.entity or "", f.table or "", f.row or "", f.measure or "",
                  f.expected or "", f.actual or "", f.difference or "", f.tolerance or "", where, f.message]
        lines.append("\t".join(x.replace("\t", " ").replace("\n", " ") for x in fields))
    return "\n".join(lines) + "\n"


def check(golden: Path, got: str) -> None:
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with GOVBUDGET_REGEN_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_facts_match_golden(path: Path) -> None:
    got = facts_csv(read_fixture(path).facts()).decode("utf-8")
    check(GOLDEN / f"{path.name}.facts.csv", got)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_findings_match_golden(path: Path) -> None:
    check(GOLDEN / f"{path.name}.findings.tsv", findings_text(read_fixture(path)))


def test_every_golden_file_belongs_to_a_case() -> None:
    names = {f"{p.name}.facts.csv" for p in CASES} | {f"{p.name}.findings.tsv" for p in CASES}
    # The real PDFs' warnings and errors (tests/test_realworld.py); their facts are checked against transcriptions.
    names |= {f"{p.name}.findings.tsv" for p in (FIXTURES / "realworld").glob("*.pdf")}
    assert {p.name for p in GOLDEN.iterdir() if p.is_file()} <= names


def test_regeneration_flag_is_off() -> None:
    assert not REGEN, "GOVBUDGET_REGEN_GOLDEN is set: golden files were rewritten instead of checked"
