"""The XBRL reader: our instances back into the same facts; hostile or foreign XML refused by name."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import input_fixtures, read_fixture, seed
from hypothesis import HealthCheck, given, settings
from xbrl_models import disclosures

import govbudget
from govbudget.errors import EmptyInputError, SchemaError
from govbudget.model import Disclosure
from govbudget.readers.xbrl import parse, sniff
from govbudget.writers.xbrl import to_xbrl

CASES = input_fixtures()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_reading_an_instance_back_gives_the_same_facts(path: Path) -> None:
    d = read_fixture(path)
    back = parse(to_xbrl(d), "x.xbrl")
    assert back.facts() == d.facts()
    assert [(t.id, t.title, t.unit, t.label) for r in back.reports for t in r.tables] == [
        (t.id, t.title, t.unit, t.label) for r in d.reports for t in r.tables]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(disclosures())
def test_any_model_of_the_vocabulary_comes_back_with_the_same_facts(d: Disclosure) -> None:
    data = to_xbrl(d)
    back = parse(data, "x.xbrl")
    assert back.facts() == d.facts()
    assert to_xbrl(back) == data


def test_a_figure_comes_back_as_printed_with_its_unit() -> None:
    back = parse(to_xbrl(govbudget.read(seed("000"))), "000.xbrl")
    report = back.reports[0]
    table = report.table("summary")
    cell = table.row("item:income.general_budget").cell("amount")
    assert (cell.value, str(cell.value), table.unit) == (Decimal("54.07"), "54.07", "万元")
    assert (report.entity, report.entity_code, report.scope.value, report.kind.value, report.year) == (
        "曾都区医疗保障信息中心", "032004", "unit", "budget", 2023)
    assert back.source == "000_0ed4365c30f949d8.txt"
    narrative = {r.key: r for r in report.narrative}
    assert narrative["item:reception"].cells[0].value == Decimal("0.14")
    assert narrative["item:reception"].unit == "万元"


def test_cli_converts_to_xbrl_and_reads_its_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govbudget.cli import main

    out = tmp_path / "004.xbrl"
    assert main(["convert", str(seed("004")), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["facts", str(seed("004"))]) == 0
    direct = capsys.readouterr().out
    assert main(["facts", str(out)]) == 0
    assert capsys.readouterr().out == direct
    assert "count,1,辆,,11" in direct


def test_an_instance_is_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    data = to_xbrl(govbudget.read(seed("002")))
    assert sniff(data[:8192], Path("x.xml"))
    path = tmp_path / "report.xml"
    path.write_bytes(data)
    assert read_fixture(path).facts() == govbudget.read(seed("002")).facts()
    assert not sniff(b"<html><body>instance</body></html>", Path("x.html"))
    assert not sniff(b'{"schema": "http://www.xbrl.org/2003/instance"}', Path("x.json"))


def _instance(body: str, head: str = "") -> bytes:
    return (f'<?xml version="1.0"?>{head}<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" '
            'xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'xmlns:gb="https://govbudget.example/taxonomy/2026">'
            '<link:schemaRef xlink:type="simple" '
            'xlink:href="https://govbudget.example/taxonomy/2026/govbudget-2026.xsd"/>'
            f'{body}</xbrli:xbrl>').encode()


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    head = f'<!DOCTYPE xbrli:xbrl [<!ENTITY x SYSTEM "file://{secret}">]>'
    data = _instance('<gb:SourceFile contextRef="c1">&x;</gb:SourceFile>', head)
    with pytest.raises(SchemaError, match="DOCTYPE") as err:
        parse(data, "evil.xbrl")
    assert "TOP-SECRET" not in str(err.value)


def test_entity_expansion_is_refused() -> None:
    head = ('<!DOCTYPE xbrli:xbrl [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    with pytest.raises(SchemaError, match="evil.xbrl: an XBRL instance with a DOCTYPE"):
        parse(_instance('<gb:SourceFile contextRef="c1">&c;</gb:SourceFile>', head), "evil.xbrl")


def test_a_network_doctype_is_refused_without_fetching() -> None:
    head = '<!DOCTYPE xbrli:xbrl SYSTEM "http://203.0.113.1/evil.dtd">'
    with pytest.raises(SchemaError, match="DOCTYPE"):
        parse(_instance("", head), "evil.xbrl")


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"<xbrli:xbrl", r"x.xbrl: line 1: not well-formed XML"),
     (b'<?xml version="1.0"?><html/>', "not an XBRL instance"),
     (_instance("").replace(b"govbudget-2026.xsd", b"other.xsd"),
      r"another taxonomy \(https://govbudget.example/taxonomy/2026/other.xsd\)"),
     (_instance('<gb:Total contextRef="c9" unitRef="CNY" decimals="0">1</gb:Total>'),
      "refers to a context that is not there"),
     (_instance('<gb:Nonsense contextRef="c9">1</gb:Nonsense>'), "gb:Nonsense is not a concept"),
     (_instance('<gb:FigureLineItems contextRef="c9">1</gb:FigureLineItems>'), "is not a concept"),
     (_instance('<xbrli:context id="c1"><xbrli:entity><xbrli:identifier scheme="s">x</xbrli:identifier>'
                '</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate>'
                '<xbrli:endDate>2024-06-30</xbrli:endDate></xbrli:period></xbrli:context>'
                '<gb:EntityName contextRef="c1">x</gb:EntityName>'), "not a fiscal year"),
     (_instance('<xbrli:context id="c1"><xbrli:entity><xbrli:identifier scheme="s">x</xbrli:identifier>'
                '</xbrli:entity><xbrli:period><xbrli:forever/></xbrli:period></xbrli:context>' * 2),
      "two contexts with the id 'c1'"),
     ],
    ids=["broken", "html", "foreign", "no-context", "unknown-concept", "abstract", "half-year", "twice"],
)
def test_what_is_not_our_instance_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        parse(data, "x.xbrl")


def _figure(value: str, decimals: str = "-2", unit: str = "CNY", extra: str = "") -> bytes:
    """A one-figure instance of a summary line in a 万元 table."""
    return _instance(
        '<xbrli:context id="c1"><xbrli:entity><xbrli:identifier scheme="s">x</xbrli:identifier>'
        '<xbrli:segment><xbrldi:explicitMember xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
        'dimension="gb:TableAxis">gb:SummaryTableMember</xbrldi:explicitMember>'
        '<xbrldi:explicitMember xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
        f'dimension="gb:LineItemAxis">gb:TotalLineMember</xbrldi:explicitMember>{extra}</xbrli:segment>'
        '</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate>'
        '<xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>'
        '<xbrli:context id="c0"><xbrli:entity><xbrli:identifier scheme="s">x</xbrli:identifier>'
        '</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate>'
        '<xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>'
        '<xbrli:unit id="CNY"><xbrli:measure xmlns:iso4217="http://www.xbrl.org/2003/iso4217">iso4217:CNY'
        '</xbrli:measure></xbrli:unit><xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>'
        '<gb:ReportScope contextRef="c0">unit</gb:ReportScope>'
        '<xbrli:context id="c2"><xbrli:entity><xbrli:identifier scheme="s">x</xbrli:identifier><xbrli:segment>'
        '<xbrldi:explicitMember xmlns:xbrldi="http://xbrl.org/2006/xbrldi" dimension="gb:TableAxis">'
        'gb:SummaryTableMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity><xbrli:period>'
        '<xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period>'
        '</xbrli:context><gb:PrintedUnit contextRef="c2">万元</gb:PrintedUnit>'
        f'<gb:Amount contextRef="c1" unitRef="{unit}" decimals="{decimals}">{value}</gb:Amount>')


def test_a_hand_made_instance_of_our_taxonomy_is_read() -> None:
    (fact,) = parse(_figure("540700"), "x.xbrl").facts()
    assert (fact.table, fact.row, fact.measure, fact.value, fact.unit, fact.yuan) == (
        "summary", "item:total", "amount", "54.07", "万元", "540700")


@pytest.mark.parametrize(
    ("data", "message"),
    [(_figure("540712"), r"summary item:total amount: 54.0712 has more places than its decimals allow"),
     (_figure("5.4E5"), "'5.4E5' is not a decimal number"),
     (_figure("NaN"), "'NaN' is not a decimal number"),
     (_figure("540700", decimals="INF"), "decimals 'INF'"),
     (_figure("540700", decimals="999999999"), "decimals '999999999'"),
     (_figure("540700", unit="pure"), "needs the unit CNY"),
     (_figure("540700", extra='<xbrldi:explicitMember xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
                              'dimension="gb:FundSourceAxis">gb:NoSuchMember</xbrldi:explicitMember>'),
      "'gb:NoSuchMember' is no member of FundSourceAxis"),
     (_figure("540700", extra='<xbrldi:explicitMember xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
                              'dimension="gb:ExpenditureTypeAxis">gb:BasicExpenditureMember</xbrldi:explicitMember>'
                              ), "with these fund and expenditure members stands for no measure")],
    ids=["too-fine", "exponent", "nan", "inf", "huge-decimals", "unit", "member", "no-measure"],
)
def test_a_figure_that_is_not_as_we_write_it_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        parse(data, "x.xbrl")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.xbrl"
    path.write_bytes(b"  \n")
    with pytest.raises(EmptyInputError, match="empty.xbrl: the file is empty"):
        read_fixture(path)
