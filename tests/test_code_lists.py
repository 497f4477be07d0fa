"""The shipped code lists: lookups by year and name, structure, and coverage of every printed code."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEEDS

import govbudget
from govbudget import codelists


def test_renamed_classes_by_year() -> None:
    assert codelists.lookup("fn", "210", 2017).name == "医疗卫生与计划生育支出"
    assert codelists.lookup("fn", "210", 2023).name == "卫生健康支出"
    assert codelists.lookup("fn", "20805", 2018).name == "行政事业单位离退休"
    assert codelists.lookup("fn", "20805", 2024).name == "行政事业单位养老支出"
    assert codelists.lookup("fn", "2999999") is None


def test_names_match_whatever_the_bracket_width() -> None:
    assert [e.code for e in codelists.by_name("econ", "维修(护)费")] == ["30213"]
    assert codelists.names_match("维修（护）费", "维修 (护) 费")
    assert [e.code for e in codelists.by_name("fn", "行政运行", parent="21015")] == ["2101501"]
    assert len(codelists.by_name("fn", "行政运行")) > 1  # a 项 name repeats under many 款


def test_a_name_seen_only_in_other_years_counts_when_no_row_of_the_year_has_it() -> None:
    assert [e.code for e in codelists.by_name("econ", "住房公积金", 2023)] == ["30113"]
    assert [e.code for e in codelists.by_name("econ", "住房公积金", 2017)] == ["30311"]
    assert [e.code for e in codelists.by_name("fn", "其他医疗保障管理事务支出", 2030)] == ["2101599"]


@pytest.mark.parametrize(
    "scheme, code, problem",
    [
        ("fn", "208999", "fn code of 6 digits"),
        ("fn", "2089801", "parent 20898 is not in the list"),
        ("econ", "3011", "econ code of 4 digits"),
        ("fn", "20A", "not all digits"),
        ("fn", "2080505", None),
        ("econ", "30113", None),
    ],
)
def test_structural_problems(scheme: str, code: str, problem: str | None) -> None:
    got = codelists.structural_problem(scheme, code)
    assert (got is None) if problem is None else (problem in got)


def test_every_row_names_its_source_and_a_known_level() -> None:
    for scheme in ("fn", "econ", "gov_econ"):
        for e in codelists.entries(scheme):
            assert e.source, e
            assert e.level in ("类", "款", "项")
            assert len(e.code) == {"类": 3, "款": 5, "项": 7}[e.level]
            assert e.parent == (e.code[:-2] if len(e.code) > 3 else "")


def _printed_codes() -> list[tuple[str, str, int | None, str]]:
    files = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "realworld").glob("*.txt")) + sorted(
        p for p in (FIXTURES / "flavours").iterdir() if not p.name.startswith("reader_"))
    out = []
    for path in files:
        for report in govbudget.read(path).reports:
            for table in report.tables:
                out += [(path.name, r.key, report.year, r.name) for r in table.rows if r.key[:3] in ("fn:", "eco")]
            out += [(path.name, r.key, report.year, r.name) for r in report.narrative if r.key[:3] in ("fn:", "eco")]
    return out


def test_every_code_printed_in_the_fixtures_is_in_the_lists() -> None:
    printed = _printed_codes()
    assert len(printed) > 500
    missing = sorted({(f, key) for f, key, year, _ in printed
                      if codelists.lookup(*key.split(":"), year) is None})
    assert missing == []
