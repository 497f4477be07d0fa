"""The govbudget taxonomy: every word of the vocabulary has a concept or member, and the files are current."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from govbudget import vocabulary as V
from govbudget.taxonomy import DIRECTORY, ENTRY_POINT, FILES, NAMESPACE, package_bytes
from govbudget.taxonomy import names as N
from govbudget.taxonomy.build import TABLE_VIEWS, build

MODEL_DOC = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return MODEL_DOC.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _documented(title: str, prefix: str = "") -> set[str]:
    """The backticked words of a section of docs/model.md, without placeholders (``<kind>``, ``…``)."""
    words = re.findall(r"`([^`]+)`", _section(title))
    return {w for w in words if w.startswith(prefix) and not re.search(r"[<…]", w) and " " not in w}


def vocabulary_measures() -> set[str]:
    measures = {m for m, _ in V.MEASURE_RULES} | set(V.FUND_MEASURES)
    measures |= {f"carryover_{m}" for m in V.FUND_MEASURES}
    # The section also names a finding (``column.fuzzy``); measures have no dots.
    return measures | {m for m in _documented("Measures") if "." not in m}


def vocabulary_items() -> set[str]:
    keys = {"item:total"}
    keys |= {f"item:income.{k}" for k, _ in V.INCOME_ITEMS}
    keys |= {f"item:income.carryover.{k}" for k in V.CARRYOVER_PARTS}
    keys |= {f"item:expenditure.{k}" for k, _ in V.EXPENDITURE_ITEMS}
    keys |= {f"item:{k}" for k, _ in V.THREE_PUBLIC_ITEMS}
    keys |= {f"item:{k}" for k, _, _ in V.STATS_ITEMS}
    keys |= {k for k, _ in V.NARRATIVE_ITEMS}
    return keys | _documented("Row keys", "item:") | _documented("Narrative figures", "item:")


def test_the_documented_lists_are_read() -> None:
    # Guards the two helpers above: an empty parse would make the tests below pass on nothing.
    assert {"amount", "business_tuition", "sme_amount", "nonfiscal_carryover"} <= _documented("Measures")
    assert {"item:income.carryover.general_budget", "item:equipment_over_1m"} <= _documented("Row keys", "item:")


@pytest.mark.parametrize("measure", sorted(vocabulary_measures()))
def test_every_measure_has_a_concept(measure: str) -> None:
    names = N.measure_names(measure, "income")
    assert names is not None, f"{measure} has no concept"
    concept, members = names
    assert N.measure_of(concept, dict(members)) == measure


def test_measures_and_their_names_are_one_to_one_in_every_table() -> None:
    for table in (*V.TABLE_IDS, N.NARRATIVE):
        seen: dict[object, str] = {}
        for measure in N.MEASURES:
            names = N.measure_names(measure, table)
            assert names is not None
            assert N.measure_of(names[0], dict(names[1])) == measure
            assert seen.setdefault(names, measure) == measure, f"{measure} and {seen[names]} share {names}"


def test_operating_is_income_in_source_tables_and_expenditure_elsewhere() -> None:
    assert N.measure_names("operating", "income") == ("Total", (("fund", "operating"),))
    assert N.measure_names("operating", "expenditure") == ("Total", (("type", "operating"),))


def test_unread_columns_of_two_sided_tables_have_members() -> None:
    assert N.measure_names("column1", "summary") == ("UnreadColumnFigure", (("column", "column1"),))
    assert N.measure_names(f"column{N.DEFAULT_UNREAD_COLUMNS + 1}", "summary") is None


@pytest.mark.parametrize("key", sorted(vocabulary_items()))
def test_every_named_line_has_a_member(key: str) -> None:
    assert N.row_dimension(key) == ("item", key)
    assert key in N.ITEM_MEMBERS


def test_every_table_id_has_a_member_and_a_presentation() -> None:
    assert set(N.TABLE_MEMBERS) == {*V.TABLE_IDS, N.NARRATIVE}
    assert list(TABLE_VIEWS) == [*V.TABLE_IDS, N.NARRATIVE]


@pytest.mark.parametrize(
    ("key", "axis", "value"),
    [("fn:2080505", "fn", "2080505"), ("fn:208", "fn", "208"), ("econ:30101", "econ", "30101"),
     ("unit:450002", "unit", "450002"), ("proj:42130322032R000000161", "proj", "42130322032R000000161"),
     ("item:income.general_budget", "item", "item:income.general_budget"),
     ("fn:2080", "other", "fn:2080"), ("econ:3010101", "other", "econ:3010101"),
     ("item:其他事项", "other", "item:其他事项"), ("item:expenditure.其他", "other", "item:expenditure.其他")],
)
def test_row_keys_go_to_their_axis(key: str, axis: str, value: str) -> None:
    assert N.row_dimension(key) == (axis, value)
    assert N.row_key(axis, value) == key


@given(st.text(min_size=1))
def test_any_row_key_comes_back(key: str) -> None:
    assert N.row_key(*N.row_dimension(key)) == key


def _elements() -> list[str]:
    schema = etree.parse(str(DIRECTORY / FILES[0]))
    return schema.xpath("//xs:element/@name", namespaces={"xs": "http://www.w3.org/2001/XMLSchema"})


def test_element_names_are_unique() -> None:
    assert [n for n, c in Counter(_elements()).items() if c > 1] == []


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_concept_and_member_has_a_label(lang: str) -> None:
    name = FILES[1] if lang == "zh-CN" else FILES[2]
    tree = etree.parse(str(DIRECTORY / name))
    ns = {"link": "http://www.xbrl.org/2003/linkbase", "xlink": "http://www.w3.org/1999/xlink"}
    labels = {el.get("{http://www.w3.org/1999/xlink}label").removeprefix("label_"): el.text
              for el in tree.iterfind(".//link:label", ns)}
    assert all(el.get("{http://www.w3.org/XML/1998/namespace}lang") == lang for el in tree.iterfind(".//link:label", ns))
    typed = {a.typed for a in N.AXES.values()}
    assert set(_elements()) - typed == set(labels)
    assert all(labels.values())
    if lang == "zh-CN":
        assert labels["GeneralBudgetMember"] == "一般公共预算" and labels["SummaryTableMember"] == "收支总表"


def test_balances_are_instants_and_counts_integers() -> None:
    schema = etree.parse(str(DIRECTORY / FILES[0]))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}

    def attr(name: str, attribute: str) -> str:
        (el,) = schema.xpath(f"//xs:element[@name='{name}']", namespaces=ns)
        return el.get(attribute)

    period = "{http://www.xbrl.org/2003/instance}periodType"
    assert [attr(c, period) for c in ("Carryover", "OpeningBalance", "ClosingBalance")] == ["instant"] * 3
    assert attr("Total", period) == "duration"
    assert attr("Total", "type") == "xbrli:monetaryItemType"
    assert attr("Count", "type") == "xbrli:integerItemType"
    assert attr("FunctionAxis", "{http://xbrl.org/2005/xbrldt}typedDomainRef") == "#gb_FunctionCode"


def test_the_taxonomy_files_are_generated_from_the_names() -> None:
    stale = [name for name, data in build().items() if (DIRECTORY / name).read_bytes() != data]
    assert stale == [], f"run python -m govbudget.taxonomy.build: {stale} are stale"


def test_the_package_maps_our_web_address_to_its_files() -> None:
    data = package_bytes()
    assert data == package_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == sorted(f"govbudget-taxonomy-2026/{f}" for f in FILES)
        catalog = zf.read("govbudget-taxonomy-2026/META-INF/catalog.xml").decode()
        manifest = zf.read("govbudget-taxonomy-2026/META-INF/taxonomyPackage.xml").decode()
    assert f'uriStartString="{NAMESPACE}/"' in catalog and 'rewritePrefix="../"' in catalog
    assert ENTRY_POINT in manifest and "unofficial" in manifest


def test_the_package_is_written_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govbudget.taxonomy.__main__ import main

    target = tmp_path / "t.zip"
    assert main([str(target)]) == 0
    assert target.read_bytes() == package_bytes()
    assert main([str(tmp_path / "missing" / "t.zip")]) == 5
    assert "the output folder does not exist" in capsys.readouterr().err
    assert main(["a.zip", "b.zip"]) == 2
