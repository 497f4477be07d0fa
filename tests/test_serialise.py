"""Round trips, schema conformance and refusals of the JSON serialisation."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from strategies import decimals, disclosures

from govbudget.errors import EmptyInputError, EncodingError, InternalError, SchemaError
from govbudget.model import (
    SCHEMA_NAME,
    SCHEMA_VERSION,
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
from govbudget.readers import READERS
from govbudget.readers.json import parse, read, sniff
from govbudget.serialise import DECIMAL_PATTERN, structure, unstructure
from govbudget.writers import WRITERS
from govbudget.writers.json import to_json

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "disclosure.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def small() -> Disclosure:
    prov = Provenance("部门预算.txt", line=12, table=1, row=3, column=2)
    return Disclosure(
        source="部门预算.txt",
        reader="text",
        reports=(
            Report(
                entity="某某街道办事处",
                entity_code="031001",
                scope=Scope.UNIT,
                kind=Kind.BUDGET,
                year=2026,
                unit="万元",
                tables=(
                    Table(
                        id="summary",
                        title="收支总表",
                        unit="万元",
                        columns=(Column("budget", "预算数"),),
                        rows=(
                            Row(
                                key="item:total",
                                name="合计",
                                cells=(
                                    Cell("budget", "0.00", Decimal("0.00"), prov),
                                    Cell("prior", "-", None, prov),
                                ),
                                provenance=prov,
                            ),
                        ),
                        provenance=Provenance("部门预算.txt", page=2, bbox=(1.5, 2.0, 300.0, 40.25)),
                    ),
                ),
            ),
        ),
        findings=(
            Finding(
                code="sum.mismatch",
                severity=Severity.WARNING,
                message="合计不等于各项之和",
                expected="12.50",
                actual="12.40",
                provenance=(prov, Provenance("部门预算.txt", line=13)),
            ),
        ),
    )


def write(tmp_path: Path, data: bytes | str, name: str = "d.json") -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


# --- round trips -----------------------------------------------------------


@given(disclosures)
@settings(max_examples=150, deadline=None)
def test_model_json_model(d: Disclosure) -> None:
    assert parse(to_json(d), "p.json") == d


@given(disclosures)
@settings(max_examples=150, deadline=None)
def test_json_model_json_is_byte_identical(d: Disclosure) -> None:
    first = to_json(d)
    assert to_json(parse(first, "p.json")) == first


@given(decimals)
def test_decimal_keeps_its_exponent(value: Decimal) -> None:
    cell = Cell("budget", str(value), value, Provenance("x"))
    row = Row("k", "n", (cell,), Provenance("x"))
    table = Table("t", "t", None, (), (row,), Provenance("x"))
    d = Disclosure("x", "text", (Report("e", None, Scope.UNIT, None, None, None, (table,)),))
    back = parse(to_json(d), "p.json").reports[0].tables[0].rows[0].cells[0].value
    assert back is not None
    assert back.as_tuple() == value.as_tuple()


@given(d=disclosures)
@settings(max_examples=100, deadline=None)
def test_output_validates_against_schema(d: Disclosure, validator) -> None:
    validator.validate(json.loads(to_json(d)))


def test_read_from_file(tmp_path: Path) -> None:
    assert read(write(tmp_path, to_json(small()))) == small()


# --- concrete output -------------------------------------------------------


def test_small_example_content(validator) -> None:
    raw = to_json(small())
    assert raw.endswith(b"}\n")
    assert "收支总表".encode("utf-8") in raw  # not \u escaped
    assert raw.startswith(b'{\n  "schema": "govbudget.disclosure",\n  "version": "1.1",\n')
    doc = json.loads(raw)
    validator.validate(doc)
    assert list(doc) == ["schema", "version", "source", "reader", "reports", "findings"]
    report = doc["reports"][0]
    assert list(report) == [
        "entity", "entity_code", "scope", "kind", "year", "unit", "tables", "narrative", "findings",
    ]
    assert (report["scope"], report["kind"], report["year"], report["narrative"]) == (
        "unit", "budget", 2026, [],
    )
    table = report["tables"][0]
    assert table["label"] is None
    assert table["provenance"]["bbox"] == [1.5, 2.0, 300.0, 40.25]
    row = table["rows"][0]
    assert row["unit"] is None
    assert row["cells"][0] == {
        "measure": "budget",
        "text": "0.00",
        "value": "0.00",
        "provenance": {
            "file": "部门预算.txt",
            "page": None,
            "table": 1,
            "row": 3,
            "column": 2,
            "line": 12,
            "sheet": None,
            "bbox": None,
        },
    }
    assert row["cells"][1]["value"] is None
    finding = doc["findings"][0]
    assert finding["severity"] == "warning"
    assert (finding["expected"], finding["actual"], finding["entity"]) == ("12.50", "12.40", None)
    assert len(finding["provenance"]) == 2


def test_unstructure_is_plain_json_data() -> None:
    doc = unstructure(small())
    assert doc == json.loads(json.dumps(doc))
    assert type(doc["reports"][0]["scope"]) is str


def test_schema_file_tracks_the_model_version() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["properties"]["schema"]["const"] == SCHEMA_NAME
    assert schema["properties"]["version"]["const"] == SCHEMA_VERSION
    assert schema["$defs"]["decimal"]["pattern"] == DECIMAL_PATTERN


def test_lone_surrogate_is_refused_on_write() -> None:
    d = Disclosure("x\ud800.txt", "text", ())
    with pytest.raises(InternalError, match="cannot be written as JSON"):
        to_json(d)


def test_nan_figure_is_refused_on_write() -> None:
    cell = Cell("m", "?", Decimal("NaN"), Provenance("x"))
    table = Table("t", "t", None, (), (Row("k", "n", (cell,), Provenance("x")),), Provenance("x"))
    d = Disclosure("x", "text", (Report("e", None, Scope.UNIT, None, None, None, (table,)),))
    with pytest.raises(InternalError, match="only finite decimals"):
        to_json(d)


def test_registered() -> None:
    assert WRITERS["json"].write is to_json
    assert READERS["json"].read is read
    assert READERS["json"].sniff is sniff


# --- refusals --------------------------------------------------------------


def doc_with(**changes: object) -> dict:
    doc = unstructure(small())
    doc.update(changes)
    return doc


def test_wrong_schema_name() -> None:
    with pytest.raises(SchemaError, match=r"not a govbudget disclosure: schema is 'other\.thing', expected 'govbudget\.disclosure'"):
        structure(doc_with(schema="other.thing"), path="x.json")


def test_missing_schema_key() -> None:
    doc = unstructure(small())
    del doc["schema"]
    with pytest.raises(SchemaError, match=r'x\.json: not a govbudget disclosure: no "schema" key'):
        structure(doc, path="x.json")


def test_future_major_version() -> None:
    with pytest.raises(SchemaError, match=r"written by schema version 2\.0; this govbudget reads 1\.x"):
        structure(doc_with(version="2.0"), path="x.json")


def test_newer_minor_version() -> None:
    with pytest.raises(SchemaError, match=r"written by schema version 1\.7; this govbudget reads up to 1\.1"):
        structure(doc_with(version="1.7"), path="x.json")


@pytest.mark.parametrize("version", [1.0, "1", "v1.0", None])
def test_malformed_version(version: object) -> None:
    with pytest.raises(SchemaError, match=r"version is .*, expected a version string such as '1\.1'"):
        structure(doc_with(version=version), path="x.json")


def test_missing_version_key() -> None:
    doc = unstructure(small())
    del doc["version"]
    with pytest.raises(SchemaError, match=r'x\.json: no "version" key'):
        structure(doc, path="x.json")


def test_missing_field() -> None:
    doc = unstructure(small())
    del doc["reports"][0]["tables"][0]["rows"][0]["key"]
    with pytest.raises(
        SchemaError, match=r"^x\.json: \$\.reports\[0\]\.tables\[0\]\.rows\[0\]\.key: required field missing$"
    ):
        structure(doc, path="x.json")


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("year",), "2026", r"\$\.reports\[0\]\.year: expected an integer, got the string '2026'"),
        (("year",), True, r"\$\.reports\[0\]\.year: expected an integer, got a boolean"),
        (("year",), 2026.0, r"\$\.reports\[0\]\.year: expected an integer, got the number 2026\.0"),
        (("entity",), 7, r"\$\.reports\[0\]\.entity: expected a string, got the number 7"),
        (("scope",), "city", r"\$\.reports\[0\]\.scope: expected one of 'department', 'unit', got the string 'city'"),
        (("kind",), 1, r"\$\.reports\[0\]\.kind: expected one of 'budget', 'final_accounts', got the number 1"),
        (("tables",), "abc", r"\$\.reports\[0\]\.tables: expected a list, got the string 'abc'"),
        (("tables", 0), [], r"\$\.reports\[0\]\.tables\[0\]: expected an object, got a list"),
        (("tables", 0, "rows", 0, "cells", 0, "value"), 0.0, r"\.cells\[0\]\.value: expected a decimal string"),
        (("tables", 0, "rows", 0, "cells", 0, "value"), "NaN", r"\.cells\[0\]\.value: expected a decimal string"),
        (("tables", 0, "rows", 0, "cells", 0, "value"), "1,234", r"\.cells\[0\]\.value: expected a decimal string"),
        (("tables", 0, "provenance", "bbox"), [1, 2, 3], r"\.provenance\.bbox: expected a list of 4 numbers"),
        (("tables", 0, "provenance", "bbox"), [1, 2, 3, "4"], r"\.provenance\.bbox: expected a finite number"),
        (("tables", 0, "provenance", "page"), "2", r"\.provenance\.page: expected an integer"),
        (("surplus",), 1, r"\$\.reports\[0\]: unknown field\(s\) 'surplus'"),
    ],
)
def test_wrong_value(where: tuple, value: object, message: str) -> None:
    doc = unstructure(small())
    target = doc["reports"][0]
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    with pytest.raises(SchemaError, match=r"^x\.json: .*" + message):
        structure(doc, path="x.json")


def test_several_problems_in_one_message() -> None:
    doc = unstructure(small())
    doc["source"] = None
    doc["findings"][0]["severity"] = "fatal"
    with pytest.raises(SchemaError) as info:
        structure(doc, path="x.json")
    text = str(info.value)
    assert "$.source: expected a string, got null" in text
    assert "$.findings[0].severity: expected one of 'error', 'warning', 'info'" in text
    assert info.value.path == "x.json"


def test_not_an_object() -> None:
    with pytest.raises(SchemaError, match=r"expected a JSON object, got a list"):
        structure([], path="x.json")  # type: ignore[arg-type]


def test_invalid_json_text(tmp_path: Path) -> None:
    p = write(tmp_path, '{\n  "schema": "govbudget.disclosure",\n  "version": "1.0",,\n}\n')
    with pytest.raises(SchemaError, match=r"d\.json: line 3 column 20: invalid JSON: Expecting property name"):
        read(p)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema": "govbudget.disclosure", "x": NaN}', r"invalid JSON: NaN is not a JSON number"),
        ('{"schema": "a", "schema": "govbudget.disclosure"}', r"invalid JSON: duplicate key 'schema'"),
        ("[" * 100_000 + "]" * 100_000, r"invalid JSON: nested too deeply"),
        ('"govbudget.disclosure"', r"expected a JSON object, got the string"),
    ],
)
def test_json_that_is_not_data(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        read(write(tmp_path, text))


@pytest.mark.parametrize("data", [b"", b"  \n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmptyInputError, match=r"d\.json: the file is empty"):
        read(write(tmp_path, data))


def test_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(EncodingError, match=r"JSON must be UTF-8"):
        read(write(tmp_path, '{"schema": "govbudget.disclosure", "source": "预算"}'.encode("gb18030")))


# --- sniffing --------------------------------------------------------------


def test_sniff_accepts_our_json() -> None:
    raw = to_json(small())
    assert sniff(raw[:8192], Path("a.json"))
    assert sniff(b"\xef\xbb\xbf" + raw, Path("a.bin"))
    assert sniff(b' \r\n\t{"schema":"govbudget.disclosure","version":"9.9"}', Path("a"))


def test_read_accepts_bom(tmp_path: Path) -> None:
    assert read(write(tmp_path, b"\xef\xbb\xbf" + to_json(small()))) == small()


@pytest.mark.parametrize(
    "head",
    [
        b'{"version": "1.0", "schema": "govbudget.disclosure"}',
        b'{"schema": "govbudget.disclosure.v2"}',
        b'{"schema": "other"}',
        b'[{"schema": "govbudget.disclosure"}]',
        b'{"data": {"schema": "govbudget.disclosure"}}',
        "收支总表\n合计\t12.50\n".encode("utf-8"),
        b"schema govbudget.disclosure",
        b"",
        b"\x00\x01\x02",
    ],
)
def test_sniff_rejects_other_content(head: bytes) -> None:
    assert not sniff(head, Path("a.json"))
