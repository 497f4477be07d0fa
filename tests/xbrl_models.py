"""Hypothesis strategies for whole models within the vocabulary, the ones an XBRL instance can carry.

Unlike ``strategies.py`` (any text anywhere), these use the table ids, row keys, measures and
money units of the vocabulary, texts that XML can hold (quotes, ``<&``, ``]]>``, tabs, CR, CJK),
one entity per report, a table id once per report and a row key once per table.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget import vocabulary as V
from govbudget.amounts import UNIT_FACTORS
from govbudget.model import Cell, Column, Disclosure, Kind, Report, Row, Scope, Table
from govbudget.provenance import Provenance
from govbudget.taxonomy import names as N

__all__ = ["disclosures"]

_XML_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0xFFFD) | st.sampled_from("\t\n\r")
texts = st.text(alphabet=_XML_CHARS | st.sampled_from(list('<&">]]>合计万元一般公共')), max_size=10)
_MONEY_UNITS = sorted(UNIT_FACTORS)
_INSTANT = {m for m, (c, _) in N.MEASURES.items() if N.FIGURE_CONCEPTS[c].instant}

row_keys = st.one_of(
    st.from_regex(r"\Afn:[0-9]{3}([0-9]{2}){0,2}\Z"),
    st.from_regex(r"\Aecon:[0-9]{3}([0-9]{2})?\Z"),
    st.from_regex(r"\Aunit:[0-9]{3,12}\Z"),
    st.from_regex(r"\Aproj:[0-9A-Z]{4,22}\Z"),
    st.sampled_from(sorted(N.ITEM_MEMBERS)),
    texts.filter(bool).map(lambda t: f"item:{t}"),
    st.sampled_from(["fn:2080", "econ:3", "item:"]),
)
figures = st.builds(
    lambda sign, digits, exp: Decimal((sign, tuple(digits), exp)),
    st.integers(0, 1), st.lists(st.integers(0, 9), min_size=1, max_size=14), st.integers(-4, 2),
)
counts = st.integers(0, 10**6).flatmap(lambda n: st.sampled_from([Decimal(n), Decimal(n).quantize(Decimal("0.00"))]))


@st.composite
def _rows(draw: st.DrawFn, table_unit: str | None, with_year: bool) -> tuple[Row, ...]:
    keys = draw(st.lists(row_keys, max_size=4, unique=True))
    measures = sorted(m for m in N.MEASURES if with_year or m not in _INSTANT)
    out = []
    for key in keys:
        # One provenance per row: the instance states a row's page once.
        prov = Provenance("x.txt", page=draw(st.none() | st.integers(1, 500)),
                          table=draw(st.none() | st.integers(1, 60)))
        cells = []
        for measure in draw(st.lists(st.sampled_from(measures), max_size=4, unique=True)):
            value = draw(st.none() | (counts if measure == "count" else figures))
            cells.append(Cell(measure, "", value, prov))
        unit = draw(st.none() | st.sampled_from(["辆", "台(套)", *_MONEY_UNITS]))
        money = any(c.measure != "count" and c.value is not None for c in cells)
        if money and (unit or table_unit) not in UNIT_FACTORS:
            unit = draw(st.sampled_from(_MONEY_UNITS))
        out.append(Row(key, draw(texts), tuple(cells), prov, unit))
    return tuple(out)


@st.composite
def _report(draw: st.DrawFn, entity: str) -> Report:
    year = draw(st.none() | st.integers(1990, 2100))
    tables = []
    for table_id in draw(st.lists(st.sampled_from(V.TABLE_IDS), max_size=3, unique=True)):
        unit = draw(st.sampled_from(_MONEY_UNITS))
        rows = draw(_rows(unit, year is not None))
        columns = tuple(Column(m, "") for m in dict.fromkeys(c.measure for r in rows for c in r.cells))
        tables.append(Table(table_id, draw(texts), unit, columns, rows, Provenance("x.txt"),
                            draw(st.none() | texts)))
    narrative = draw(_rows(None, year is not None))
    return Report(entity, draw(st.none() | texts.filter(bool)), draw(st.sampled_from(Scope)),
                  draw(st.none() | st.sampled_from(Kind)), year, draw(st.none() | st.sampled_from(_MONEY_UNITS)),
                  tuple(tables), narrative)


@st.composite
def disclosures(draw: st.DrawFn) -> Disclosure:
    """A disclosure of up to three reports, each of another entity."""
    entities = draw(st.lists(texts, max_size=3, unique=True))
    reports = tuple(draw(_report(e)) for e in entities)
    return Disclosure(draw(texts.filter(bool)), draw(st.sampled_from(["text", "docx", "json"])), reports)
