"""The XBRL writer: real figures as facts with their dimensions, periods, units and decimals; golden instances."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, GOLDEN, seed
from lxml import etree

import govbudget
from govbudget.errors import OutputError
from govbudget.model import Cell, Column, Disclosure, Kind, Report, Row, Scope, Table
from govbudget.provenance import Provenance
from govbudget.readers.json import parse as parse_json
from govbudget.readers.xbrl import parse as parse_xbrl
from govbudget.taxonomy import ENTRY_POINT
from govbudget.writers.json import to_json
from govbudget.writers.xbrl import to_xbrl

REGEN = os.environ.get("GOVBUDGET_REGEN_GOLDEN") == "1"
XBRL_GOLDEN = GOLDEN / "xbrl"
GOLDEN_CASES = [FIXTURES / "flavours" / "reader_markdown_pipe.md", FIXTURES / "flavours" / "html_final_accounts.md"]
NS = {"xbrli": "http://www.xbrl.org/2003/instance", "xbrldi": "http://xbrl.org/2006/xbrldi",
      "gb": "https://govbudget.example/taxonomy/2026", "link": "http://www.xbrl.org/2003/linkbase"}


def stated(data: bytes) -> list[dict[str, object]]:
    """Every fact of an instance with its context spelled out, in document order."""
    root = etree.fromstring(data)
    contexts = {}
    for ctx in root.iterfind("xbrli:context", NS):
        ident = ctx.find("xbrli:entity/xbrli:identifier", NS)
        dims = {}
        for m in ctx.iterfind("xbrli:entity/xbrli:segment/*", NS):
            axis = m.get("dimension").removeprefix("gb:")
            dims[axis] = m.text.removeprefix("gb:") if m.tag.endswith("explicitMember") else m[0].text
        period = tuple(p.text or p.tag.rpartition("}")[2] for p in ctx.find("xbrli:period", NS))
        contexts[ctx.get("id")] = (ident.get("scheme").rpartition("/")[2], ident.text, dims, period)
    out = []
    for el in root:
        if el.tag.startswith("{" + NS["gb"]):
            scheme, ident, dims, period = contexts[el.get("contextRef")]
            out.append({"concept": el.tag.rpartition("}")[2], "scheme": scheme, "entity": ident, "dims": dims,
                        "period": period, "value": el.text, "unit": el.get("unitRef"),
                        "decimals": el.get("decimals")})
    return out


def figure(facts: list[dict[str, object]], concept: str, **dims: str) -> dict[str, object]:
    found = [f for f in facts if f["concept"] == concept and all(f["dims"].get(k) == v for k, v in dims.items())]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("path", GOLDEN_CASES, ids=lambda p: p.name)
def test_instances_match_golden(path: Path) -> None:
    got = to_xbrl(govbudget.read(path))
    golden = XBRL_GOLDEN / f"{path.name}.xbrl"
    if REGEN:
        golden.write_bytes(got)
    assert golden.exists(), f"no golden file {golden.name}: run with GOVBUDGET_REGEN_GOLDEN=1 and review it"
    assert got == golden.read_bytes()


def test_every_xbrl_golden_file_belongs_to_a_case() -> None:
    assert {p.name for p in XBRL_GOLDEN.iterdir()} <= {f"{p.name}.xbrl" for p in GOLDEN_CASES}


def test_the_same_model_gives_the_same_bytes() -> None:
    d = govbudget.read(seed("001"))
    data = to_xbrl(d)
    assert to_xbrl(d) == data
    assert to_xbrl(parse_json(to_json(d), "x.json")) == data


def test_a_figure_in_wan_yuan_is_stated_in_yuan_with_negative_decimals() -> None:
    facts = stated(to_xbrl(govbudget.read(seed("000"))))
    f = figure(facts, "Amount", TableAxis="SummaryTableMember", LineItemAxis="IncomeGeneralBudgetLineMember")
    assert (f["value"], f["unit"], f["decimals"]) == ("540700", "CNY", "-2")
    assert (f["scheme"], f["entity"]) == ("entity-code", "032004")
    assert f["period"] == ("2023-01-01", "2023-12-31")
    assert f["dims"]["ReportKindAxis"] == "BudgetReportMember"
    # 事业运行 of 2101550 in the 一般公共预算支出表: 公用经费 4.02 万元.
    f = figure(facts, "Total", TableAxis="GeneralBudgetExpenditureTableMember", FunctionAxis="2101550",
               ExpenditureTypeAxis="PublicFundsMember")
    assert (f["value"], f["decimals"]) == ("40200", "-2")


def test_a_figure_in_yuan_keeps_decimals_zero() -> None:
    facts = stated(to_xbrl(govbudget.read(FIXTURES / "realworld" / "031_shpt_shiquanlu_jiedao_2026_dwys.txt")))
    f = figure(facts, "Amount", TableAxis="SummaryTableMember", LineItemAxis="IncomeFiscalLineMember")
    assert (f["value"], f["decimals"]) == ("76306134", "0")
    assert f["scheme"] == "entity-name"


def test_several_entities_in_one_file_each_have_their_contexts() -> None:
    facts = stated(to_xbrl(govbudget.read(seed("001"))))
    names = {f["entity"]: f["value"] for f in facts if f["concept"] == "EntityName"}
    assert names == {"450": "丰润区医疗保障局", "450001": "丰润区医疗保障局本级", "450002": "丰润区医疗保险事业管理中心"}
    scopes = [f["value"] for f in facts if f["concept"] == "ReportScope"]
    assert scopes == ["department", "unit", "unit"]
    assert {f["value"] for f in facts if f["concept"] == "SourceFile"} == {seed("001").name}
    assert {f["value"] for f in facts if f["concept"] == "GovbudgetVersion"} == {govbudget.__version__}


def test_carry_overs_are_instants_at_the_end_of_the_previous_year() -> None:
    facts = stated(to_xbrl(govbudget.read(seed("000"))))
    carried = [f for f in facts if f["concept"] == "Carryover"]
    assert carried and all(f["period"] == ("2022-12-31",) for f in carried)
    assert {f["dims"].get("FundSourceAxis") for f in carried} == {
        None, "GeneralBudgetMember", "GovernmentFundMember", "StateCapitalMember", "SpecialAccountMember",
        "UnitFundsMember"}


def _gov_fund_report(year: int | None, measures: dict[str, str], unit: str | None = "万元") -> Disclosure:
    prov = Provenance("g.txt", table=1)
    cells = tuple(Cell(m, v, Decimal(v), prov) for m, v in measures.items())
    table = Table("gov_fund_expenditure", "政府性基金预算财政拨款收入支出决算表", unit,
                  tuple(Column(m, m) for m in measures), (Row("fn:2296002", "用于社会福利的彩票公益金支出", cells, prov),),
                  prov, "公开07表")
    report = Report("某单位", "123", Scope.UNIT, Kind.FINAL_ACCOUNTS, year, unit, (table,))
    return Disclosure("g.txt", "text", (report,))


def test_opening_and_closing_balances_and_the_flows_between_them() -> None:
    d = _gov_fund_report(2023, {"opening_balance": "1.50", "income": "10.00", "total": "9.00",
                                "closing_balance": "2.50"})
    facts = stated(to_xbrl(d))
    assert figure(facts, "OpeningBalance")["period"] == ("2022-12-31",)
    assert figure(facts, "ClosingBalance")["period"] == ("2023-12-31",)
    assert figure(facts, "Income")["period"] == ("2023-01-01", "2023-12-31")
    assert figure(facts, "Total", FunctionAxis="2296002")["dims"]["ReportKindAxis"] == "FinalAccountsReportMember"


def test_a_report_without_a_year_states_its_flows_for_ever() -> None:
    facts = stated(to_xbrl(_gov_fund_report(None, {"total": "9.00"})))
    assert figure(facts, "Total")["period"] == ("forever",)


def test_a_balance_without_a_year_cannot_be_dated() -> None:
    with pytest.raises(OutputError, match="states no year"):
        to_xbrl(_gov_fund_report(None, {"closing_balance": "2.50"}))


def test_counts_are_integers_in_a_pure_unit_with_their_printed_unit_beside() -> None:
    facts = stated(to_xbrl(govbudget.read(seed("004"))))
    f = figure(facts, "Count", LineItemAxis="VehiclesTotalLineMember")
    assert (f["value"], f["unit"], f["decimals"]) == ("1", "pure", "0")
    unit = [g for g in facts if g["concept"] == "PrintedUnit" and g["dims"] == f["dims"]]
    assert [g["value"] for g in unit] == ["辆"]


def test_blank_cells_give_no_fact_and_facts_keep_document_order() -> None:
    d = govbudget.read(seed("000"))
    figures = [f for f in stated(to_xbrl(d)) if f["unit"] == "CNY"]
    assert [f["value"] for f in figures] == [x.yuan for x in d.facts()]


def test_text_from_the_source_is_escaped() -> None:
    nasty = 'A<&"]]>\r\n\tB'
    prov = Provenance("n.txt", table=1)
    row = Row(f"item:{nasty}", nasty, (Cell("amount", "1.00", Decimal("1.00"), prov),), prov)
    table = Table("summary", nasty, "万元", (Column("amount", nasty),), (row,), prov, nasty)
    d = Disclosure(nasty, "text", (Report(nasty, nasty, Scope.UNIT, Kind.BUDGET, 2024, "万元", (table,)),))
    data = to_xbrl(d)
    assert b"A&lt;&amp;\"]]&gt;&#13;\n\tB" in data
    assert b"]]>" not in data
    back = parse_xbrl(data, "n.xbrl")
    assert back.facts() == d.facts()
    assert back.reports[0].tables[0].title == nasty


@pytest.mark.parametrize("text", ["a\x07b", "a\x00b", "\ufffe"])
def test_text_that_xml_cannot_hold_is_refused_by_name(text: str) -> None:
    d = _gov_fund_report(2023, {"total": "1.00"})
    d = Disclosure(d.source, d.reader, (Report(text, None, Scope.UNIT, None, 2023, None, d.reports[0].tables),))
    with pytest.raises(OutputError, match=r"g\.txt: the entity .* holds U\+[0-9A-F]{4}, which XML cannot carry"):
        to_xbrl(d)


@pytest.mark.parametrize(
    ("measures", "unit", "message"),
    [({"made_up": "1.00"}, "万元", "the measure 'made_up' has no concept"),
     ({"column13": "1.00"}, "万元", "the measure 'column13' has no concept"),
     ({"total": "1.00"}, None, r"the figure 1.00 has no money unit \(none stated\)"),
     ({"total": "1.00"}, "辆", r"the figure 1.00 has no money unit \(辆\)"),
     ({"count": "1.5"}, "万元", "the count 1.5 is not a whole number")],
)
def test_figures_the_taxonomy_cannot_state_are_refused_with_their_place(measures: dict[str, str], unit: str | None,
                                                                       message: str) -> None:
    with pytest.raises(OutputError, match=rf"g\.txt: 某单位 gov_fund_expenditure fn:2296002 \w+: {message}"):
        to_xbrl(_gov_fund_report(2023, measures, unit))


def test_an_unknown_table_id_is_refused() -> None:
    d = _gov_fund_report(2023, {"total": "1.00"})
    table = d.reports[0].tables[0]
    bad = Table("budget_of_x", table.title, table.unit, table.columns, table.rows, table.provenance)
    d = Disclosure(d.source, d.reader, (Report("某单位", None, Scope.UNIT, None, 2023, None, (bad,)),))
    with pytest.raises(OutputError, match="the table id 'budget_of_x' has no member"):
        to_xbrl(d)


def test_two_entities_printed_with_one_code_keep_apart() -> None:
    d = _gov_fund_report(2023, {"total": "1.00"})
    r = d.reports[0]
    twin = Report("另一单位", r.entity_code, r.scope, r.kind, r.year, r.unit, r.tables)
    d = Disclosure(d.source, d.reader, (r, twin))
    facts = stated(to_xbrl(d))
    assert {(f["scheme"], f["entity"]) for f in facts if f["concept"] == "EntityName"} == {
        ("entity-code", "123"), ("entity-name", "另一单位")}
    assert parse_xbrl(to_xbrl(d), "t.xbrl").facts() == d.facts()


def test_the_instance_refers_to_the_taxonomy_by_its_web_address() -> None:
    root = etree.fromstring(to_xbrl(govbudget.read(seed("002"))))
    (ref,) = root.iterfind("link:schemaRef", NS)
    assert ref.get("{http://www.w3.org/1999/xlink}href") == ENTRY_POINT


def test_the_writer_is_chosen_by_the_xbrl_extension(tmp_path: Path) -> None:
    out = govbudget.write(govbudget.read(seed("002")), tmp_path / "x.xbrl")
    assert out.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<xbrli:xbrl")
    other = govbudget.write(govbudget.read(seed("002")), tmp_path / "x.xml", format="xbrl")
    assert other.read_bytes() == out.read_bytes()
