"""The shipped code lists: lookups and renames by year, names with bracket variants, structure, the data's
own consistency, and coverage of every code printed in the real documents and the fixtures."""

from __future__ import annotations

import csv
import re
from importlib import resources
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

import govbudget
from govbudget import codelists

REALWORLD_CODES = Path(__file__).resolve().parent / "data" / "realworld_codes.csv"
SCHEMES = ("fn", "econ", "gov_econ")

# Printed names that are not the classification's name for the code. They stay out of the lists (a list that
# "fixed" them would hide the break validation should find); each is checked below to be absent.
MISPRINTS = {
    # seed 002 labels 2101506 (医疗保障经办事务) with the name of 2101599, on purpose (spec/DOMAIN.md) ...
    ("002_ab694a835a5584ff.txt", "2101506", "其他医疗保障管理事务支出"),
    # ... and 2101505 (医疗保障政策管理) the same way in the paragraph before.
    ("002_ab694a835a5584ff.txt", "2101505", "其他医疗保障管理事务支出"),
    # seed 003's 支出总表 drops the last two characters (支出) of the item's name; its other tables print it whole.
    ("003_b4e440192d61d51e.txt", "2080505", "机关事业单位基本养老保险缴费"),
    # seed 004's 公开06表 prints 构建 for 购建.
    ("004_957c36ad5378e025.txt", "30901", "房屋建筑物构建"),
    ("004_957c36ad5378e025.txt", "31001", "房屋建筑物构建"),
    # realworld 014 (上海市普陀区社会福利院 2024) numbers its 302/303 items in its own sequence (302 02 咨询费,
    # 302 10 车辆运行费, 303 离退休人员经费 …) and misprints 30108 as …基本养老保险费: not the official codes.
    *{("014_shpt_shehuifuliyuan_2024_dwys.pdf", code, name) for code, name in (
        ("30108", "机关事业单位基本养老保险费"), ("30202", "咨询费"), ("30203", "水费"), ("30204", "电费"),
        ("30205", "邮电费"), ("30206", "办公设备购置费"), ("30207", "工会经费"), ("30208", "福利费"),
        ("30210", "车辆运行费"), ("30211", "事业单位离退休人员福利费"), ("30212", "机关事业单位退休人员活动费"),
        ("30213", "其他商品和服务支出"), ("303", "离退休人员经费"), ("30301", "退休费"))},
}


def scheme_of(code: str) -> str:
    return {"2": "fn", "3": "econ", "5": "gov_econ"}[code[0]]


def names_for(scheme: str, code: str, year: int | None) -> list[str]:
    """The list's names of a code that hold in a year (undated rows hold in every year)."""
    names = [e.name for e in codelists.entries(scheme) if e.code == code and e.covers(year)]
    entry = codelists.lookup(scheme, code, year)
    return names or ([entry.name] if entry else [])


# -- lookups and renames ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "scheme, code, year, name",
    [
        ("fn", "210", 2017, "医疗卫生与计划生育支出"),
        ("fn", "210", 2023, "卫生健康支出"),
        ("fn", "207", 2017, "文化体育与传媒支出"),
        ("fn", "207", 2024, "文化旅游体育与传媒支出"),
        ("fn", "220", 2018, "国土海洋气象等支出"),
        ("fn", "220", 2024, "自然资源海洋气象等支出"),
        ("fn", "215", 2017, "资源勘探信息等支出"),
        ("fn", "215", 2024, "资源勘探工业信息等支出"),
        ("fn", "20805", 2017, "行政事业单位离退休"),
        ("fn", "20805", 2024, "行政事业单位养老支出"),
        ("econ", "30307", 2017, "医疗费"),
        ("econ", "30307", 2024, "医疗费补助"),
        ("econ", "30311", 2017, "住房公积金"),
        ("econ", "30311", 2024, "代缴社会保险费"),
        ("econ", "310", 2017, "其他资本性支出"),
        ("econ", "310", 2025, "资本性支出"),
        ("gov_econ", "501", None, "机关工资福利支出"),
    ],
)
def test_lookup_gives_the_name_of_the_year(scheme: str, code: str, year: int | None, name: str) -> None:
    entry = codelists.lookup(scheme, code, year)
    assert entry is not None and entry.name == name
    assert entry.scheme == scheme and entry.code == code


def test_lookup_without_a_covering_year_gives_the_latest_name() -> None:
    assert codelists.lookup("fn", "210").name == "卫生健康支出"
    assert codelists.lookup("fn", "210", 2031).name == "卫生健康支出"
    assert codelists.lookup("fn", "20805", 2021).name == "行政事业单位养老支出"  # no document of 2020–2021


def test_unknown_codes_have_no_entry() -> None:
    assert codelists.lookup("fn", "2999999") is None
    assert codelists.lookup("econ", "30230") is None
    assert codelists.lookup("gov_econ", "301") is None


def test_entries_carry_level_parent_and_the_staff_split() -> None:
    e = codelists.lookup("fn", "2080505", 2024)
    assert (e.level, e.parent, e.name) == ("项", "20805", "机关事业单位基本养老保险缴费支出")
    assert codelists.lookup("fn", "208").level == "类" and codelists.lookup("fn", "208").parent == ""
    assert codelists.lookup("econ", "30101").staff_or_public == "人员经费"
    assert codelists.lookup("econ", "30239").staff_or_public == "公用经费"
    assert codelists.lookup("econ", "30701").staff_or_public == ""


# -- names ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("printed", ["维修（护）费", "维修(护)费", "维修 (护) 费", "维修（护)费", " 维修〔护〕费"])
def test_by_name_whatever_the_brackets_and_spaces(printed: str) -> None:
    assert [e.code for e in codelists.by_name("econ", printed)] == ["30213"]


def test_by_name_with_a_parent_and_a_year() -> None:
    assert [e.code for e in codelists.by_name("fn", "行政运行", parent="21015")] == ["2101501"]
    assert [e.code for e in codelists.by_name("fn", "行政运行", 2024, parent="20139")] == ["2013901"]
    assert [e.code for e in codelists.by_name("fn", "政府办公厅(室)及相关机构事务")] == ["20103"]
    assert [e.code for e in codelists.by_name("econ", "因公出国(境)费用")] == ["30212"]
    assert len(codelists.by_name("fn", "行政运行")) > 5  # an item name repeated under many 款
    assert [e.code for e in codelists.by_name("econ", "住房公积金", 2017)] == ["30311"]
    assert [e.code for e in codelists.by_name("econ", "住房公积金", 2024)] == ["30113"]
    assert [e.code for e in codelists.by_name("fn", "医疗卫生与计划生育支出")] == ["210"]
    assert codelists.by_name("fn", "没有这个科目") == []


def test_names_match() -> None:
    assert codelists.names_match("维修（护）费", "维修(护)费")
    assert codelists.names_match("因公出国【境】费用", "因公出国[境]费用")
    assert codelists.names_match("合   计", "合计")
    assert codelists.names_match("“三公”经费", '"三公"经费')
    assert not codelists.names_match("医疗费", "医疗费补助")


# -- structure ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "scheme, code, problem",
    [
        ("fn", "208999", "fn code of 6 digits"),
        ("fn", "2089801", "parent 20898 is not in the list"),
        ("fn", "20898", None),  # well formed and its parent 208 is listed, though 20898 itself is not
        ("fn", "29901", "parent 299 is not in the list"),
        ("econ", "3011", "econ code of 4 digits"),
        ("econ", "3010101", "econ code of 7 digits"),
        ("gov_econ", "50101", None),
        ("fn", "20A", "not all digits"),
        ("fn", "2080505", None),
        ("econ", "30113", None),
    ],
)
def test_structural_problems(scheme: str, code: str, problem: str | None) -> None:
    got = codelists.structural_problem(scheme, code)
    assert (got is None) if problem is None else (got is not None and problem in got)


def test_years_cover_the_documents() -> None:
    span = codelists.years()
    assert 2017 in span and 2026 in span and span.start <= 2014


# -- the data itself ------------------------------------------------------------------------------------------

SOURCE = re.compile(r"T1|T2|S1|K|R:\d{3}_[a-z0-9_]+\.(?:pdf|txt)(?: p\d+)?|seed:\d{3}|W:https?://\S+|F:\d+"
                    r"|repo:[\w.-]+/[\w.-]+:\S+")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_row_is_well_formed_and_sourced(scheme: str) -> None:
    rows = codelists.entries(scheme)
    assert len({(e.code, e.name) for e in rows}) == len(rows), "one row per (code, name)"
    codes = {e.code for e in rows}
    for e in rows:
        assert e.level == {3: "类", 5: "款", 7: "项"}[len(e.code)], e
        assert e.parent == (e.code[:-2] if len(e.code) > 3 else ""), e
        assert not e.parent or e.parent in codes, f"{e.code}'s parent is missing"
        assert e.name and e.name == e.name.strip() and "(" not in e.name, e  # names keep full-width brackets
        keys = e.source.split(";")
        assert all(SOURCE.fullmatch(k) for k in keys), e.source
        assert keys == ["K"] or "K" not in keys, f"K beside a real source: {e}"
        if e.valid_from or e.valid_to:
            assert e.valid_from and e.valid_to and e.valid_from <= e.valid_to, e
        if scheme == "econ":
            assert e.staff_or_public in ("人员经费", "公用经费", "")
            if e.code[:3] in ("301", "303"):
                assert e.staff_or_public == "人员经费", e
            if e.code[:3] in ("302", "310"):
                assert e.staff_or_public == "公用经费", e


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_names_of_one_code_do_not_share_a_year(scheme: str) -> None:
    by_code: dict[str, list] = {}
    for e in codelists.entries(scheme):
        if e.valid_from:
            by_code.setdefault(e.code, []).append(e)
    for code, rows in by_code.items():
        rows.sort(key=lambda e: e.valid_from)
        for a, b in zip(rows, rows[1:]):
            assert a.valid_to < b.valid_from, f"{code}: {a.name} {a.valid_from}-{a.valid_to} / {b.name}"


def test_all_classes_and_the_economic_items() -> None:
    fn_classes = {e.code for e in codelists.entries("fn") if e.level == "类"}
    assert {str(c) for c in (*range(201, 218), *range(219, 225), 227, 229, *range(230, 235))} <= fn_classes
    econ = {e.code for e in codelists.entries("econ")}
    assert {"301", "302", "303", "307", "309", "310", "311", "312", "313", "399"} <= econ
    assert len([c for c in econ if c.startswith("302")]) >= 28
    assert {str(c) for c in range(501, 515)} | {"599"} <= {e.code for e in codelists.entries("gov_econ")}


def test_the_lists_are_package_data() -> None:
    files = {p.name for p in resources.files("govbudget.codelists").iterdir()}
    assert {"function.csv", "econ_dept.csv", "econ_gov.csv"} <= files
    assert '"codelists/*.csv"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


# -- coverage: the real documents -----------------------------------------------------------------------------

def realworld_rows() -> list[dict[str, str]]:
    with REALWORLD_CODES.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_code_printed_in_the_real_documents_is_listed_with_its_printed_name() -> None:
    rows = realworld_rows()
    assert len(rows) > 900 and len({r["file"] for r in rows}) == 18
    wrong = []
    for r in rows:
        code, name, year = r["code"], r["name"], int(r["year"])
        if (r["file"], code, name) in MISPRINTS:
            continue
        names = names_for(scheme_of(code), code, year)
        if not any(codelists.names_match(name, n) for n in names):
            wrong.append((r["file"], code, name, names))
    assert wrong == []


def test_the_misprints_stay_out_of_the_lists() -> None:
    rows = {(r["file"], r["code"], r["name"]) for r in realworld_rows()}
    assert MISPRINTS <= rows, "each allowlisted misprint is one the documents print"
    for _, code, name in MISPRINTS:
        assert not any(codelists.names_match(name, e.name) for e in codelists.entries(scheme_of(code))
                       if e.code == code)
    assert codelists.lookup("fn", "2101506").name == "医疗保障经办事务"


def test_every_document_row_of_the_lists_is_in_the_extraction() -> None:
    """``R:<file>`` and ``seed:NNN`` sources are rows of ``realworld_codes.csv`` (seeds by their number)."""
    printed = set()
    for r in realworld_rows():
        name = re.sub(r"\s", "", r["name"]).replace("(", "（").replace(")", "）")
        seed = re.fullmatch(r"(\d{3})_[0-9a-f]{16}\.txt", r["file"])
        printed.add((r["code"], name, f"seed:{seed.group(1)}" if seed else f"R:{r['file']}"))
    for scheme in SCHEMES:
        for e in codelists.entries(scheme):
            for key in e.source.split(";"):
                if key.startswith(("R:", "seed:")):
                    assert (e.code, e.name, key.split(" ")[0]) in printed, (e, key)


# -- coverage: the fixtures -----------------------------------------------------------------------------------

CJK = "[\u4e00-\u9fff][\u4e00-\u9fff（）()、]*"
# a code, then its name: names may hold single spaces where a PDF cell wrapped (seed 000: 社会保障和就 业支出)
CODE_NAME = re.compile(rf"(?<![\d.,%])([235]\d{{2}}(?:\d{{2}}){{0,2}})(?![\d.,%])[\s|]*({CJK}(?: {CJK})*)")
FIXTURE_FILES = sorted(
    [*(FIXTURES / "seeds").glob("*.txt"), *(FIXTURES / "realworld").glob("*.txt"), *(FIXTURES / "flavours").iterdir()]
)


def fixture_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def printed_codes(path: Path) -> list[tuple[str, str, int | None]]:
    """(code, printed name, year) of every line where a 3/5/7-digit code is followed by a Chinese name."""
    text = fixture_text(path)
    year = re.search(r"(20\d\d)\s*年", text)
    out = []
    for line in text.splitlines():
        line = re.sub(r"<[^>]+>", "\t", re.sub(r"<br\s*/?>", "", line))  # HTML cells; <br> wraps a name
        for m in CODE_NAME.finditer(line):
            code, name = m.groups()
            cls = int(code[:3])
            fn = 201 <= cls <= 234 and len(code) in (3, 5, 7)
            econ = 301 <= cls <= 399 and len(code) in (3, 5)
            if (fn or econ) and not re.match(r"[万元亿千人次个户辆家年月日号项条台套名]", name):
                out.append((code, name, int(year.group(1)) if year else None))
    return out


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_code_printed_in_a_fixture_is_listed_with_its_printed_name(path: Path) -> None:
    wrong = []
    for code, name, year in printed_codes(path):
        if (path.name, code, name) in MISPRINTS:
            continue
        names = names_for(scheme_of(code), code, year)
        if not any(codelists.names_match(name, n) for n in names):
            wrong.append((code, name, year, names))
    assert wrong == []


def test_the_fixtures_print_codes() -> None:
    assert sum(len(printed_codes(p)) for p in FIXTURE_FILES) > 500


def test_every_key_the_reader_gives_is_a_listed_code() -> None:
    """The recogniser's row keys (codes printed or found by name) are all in the lists for the report's year."""
    keys = []
    for path in FIXTURE_FILES:
        if path.name.startswith("reader_"):
            continue
        for report in govbudget.read(path).reports:
            rows = [r for t in report.tables for r in t.rows] + list(report.narrative)
            keys += [(path.name, r.key, report.year) for r in rows if r.key.startswith(("fn:", "econ:"))]
    assert len(keys) > 500
    assert sorted({(f, k) for f, k, year in keys if codelists.lookup(*k.split(":"), year) is None}) == []
