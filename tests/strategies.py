"""Hypothesis strategies that build whole, valid canonical models for property tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget.model import (
    Cell,
    Column,
    Disclosure,
    Finding,
    Kind,
    Provenance,
    Report,
    Row,
    Scope,
    Severity,
    Table,
)

__all__ = [
    "texts",
    "decimals",
    "provenances",
    "findings",
    "cells",
    "rows",
    "tables",
    "reports",
    "disclosures",
]

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PRINTED = st.sampled_from("0123456789.,-—（）()、：:/ \t\n\"\\合计万元一般公共预算支出")

_ANY = st.characters(exclude_categories=("Cs",))  # lone surrogates are not text
texts = st.text(alphabet=st.one_of(_CJK, _PRINTED, _ANY), max_size=12)
"""CJK, the marks budget tables print, and any other character (controls, quotes)."""

short = st.text(alphabet=st.one_of(_CJK, st.characters(codec="ascii")), min_size=1, max_size=8)
optional_texts = st.none() | texts

_SAMPLES = ["0", "0.00", "-0.00", "-0", "12.50", "-1234.56", "1E+2", "1E-7", "0E-7", "540700.00"]

decimals = st.one_of(
    st.sampled_from([Decimal(s) for s in _SAMPLES]),
    st.builds(
        lambda sign, digits, exp: Decimal((sign, tuple(digits), exp)),
        st.integers(0, 1),
        st.lists(st.integers(0, 9), min_size=1, max_size=16),
        st.integers(-10, 3),
    ),
)
"""Finite decimals of any sign and exponent, including negative zero and ``0.00``."""

_ints = st.none() | st.integers(min_value=0, max_value=10**6)
_bboxes = st.none() | st.tuples(*[st.floats(allow_nan=False, allow_infinity=False)] * 4)

provenances = st.builds(
    Provenance,
    file=short,
    page=_ints,
    table=_ints,
    row=_ints,
    column=_ints,
    line=_ints,
    sheet=optional_texts,
    bbox=_bboxes,
)

findings = st.builds(
    Finding,
    code=short,
    severity=st.sampled_from(Severity),
    message=texts,
    entity=optional_texts,
    table=optional_texts,
    row=optional_texts,
    measure=optional_texts,
    expected=optional_texts,
    actual=optional_texts,
    provenance=st.lists(provenances, max_size=3).map(tuple),
    difference=optional_texts,
    tolerance=optional_texts,
)

cells = st.builds(
    Cell,
    measure=short,
    text=texts,
    value=st.none() | decimals,
    provenance=provenances,
)

rows = st.builds(
    Row,
    key=short,
    name=texts,
    cells=st.lists(cells, max_size=4).map(tuple),
    provenance=provenances,
    unit=optional_texts,
)

columns = st.builds(Column, measure=short, label=texts)

tables = st.builds(
    Table,
    id=short,
    title=texts,
    unit=optional_texts,
    columns=st.lists(columns, max_size=4).map(tuple),
    rows=st.lists(rows, max_size=4).map(tuple),
    provenance=provenances,
    label=optional_texts,
)

reports = st.builds(
    Report,
    entity=texts,
    entity_code=optional_texts,
    scope=st.sampled_from(Scope),
    kind=st.none() | st.sampled_from(Kind),
    year=st.none() | st.integers(min_value=1949, max_value=2100),
    unit=optional_texts,
    tables=st.lists(tables, max_size=3).map(tuple),
    narrative=st.lists(rows, max_size=2).map(tuple),
    findings=st.lists(findings, max_size=2).map(tuple),
)

disclosures = st.builds(
    Disclosure,
    source=short,
    reports=st.lists(reports, max_size=3).map(tuple),
    reader=st.sampled_from(["text", "json", "pdf"]),
    findings=st.lists(findings, max_size=3).map(tuple),
)
