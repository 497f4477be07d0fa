"""The public API: read, write and validate, their round trips and their errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS, seed

import govbudget
from govbudget.errors import InputError, UnknownFormatError, UnsupportedFormatError
from govbudget.provenance import Severity
from govbudget.readers.json import parse
from govbudget.writers.json import to_json

ALL = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "realworld").glob("*.txt")) + sorted(
    p for p in (FIXTURES / "flavours").iterdir() if not p.name.startswith("reader_"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_model_to_json_to_model_is_equal(path: Path, tmp_path: Path) -> None:
    d = govbudget.read(path)
    out = govbudget.write(d, tmp_path / "x.json")
    assert govbudget.read(out) == d


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_json_to_model_to_json_is_byte_identical(path: Path) -> None:
    data = to_json(govbudget.read(path))
    assert to_json(parse(data, "x.json")) == data


def test_facts_survive_the_json_round_trip_with_their_provenance(tmp_path: Path) -> None:
    d = govbudget.read(seed("000"))
    back = govbudget.read(govbudget.write(d, tmp_path / "000.json"))
    assert back.facts() == d.facts()
    cell = back.reports[0].table("summary").row("fn:210").cell("amount")
    assert (cell.text, cell.provenance.line, cell.provenance.table) == ("46. 13", 131, 1)


def test_write_picks_the_format_from_the_extension(tmp_path: Path) -> None:
    d = govbudget.read(seed("004"))
    csv_path = govbudget.write(d, tmp_path / "facts.csv")
    assert csv_path.read_text(encoding="utf-8").startswith("source,entity,entity_code,")
    jsonl = govbudget.write(d, tmp_path / "facts.txt", format="jsonl")
    assert jsonl.read_text(encoding="utf-8").startswith('{"source": "004_957c36ad5378e025.txt"')


def test_write_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="cannot tell the output format"):
        govbudget.write(govbudget.read(seed("004")), tmp_path / "x.pdf")
    with pytest.raises(UnknownFormatError, match="unknown output format 'xml'"):
        govbudget.write(govbudget.read(seed("004")), tmp_path / "x.json", format="xml")


def test_read_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.txt: no such file"):
        govbudget.read(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="is a folder"):
        govbudget.read(tmp_path)
    odd = tmp_path / "scan.tiff"
    odd.write_bytes(b"II*\x00" + bytes(64))
    with pytest.raises(UnsupportedFormatError, match="scan.tiff: not a format govbudget reads"):
        govbudget.read(odd)


def test_a_named_reader_skips_detection(tmp_path: Path) -> None:
    renamed = tmp_path / "disclosure.data"
    renamed.write_bytes(seed("004").read_bytes())
    assert govbudget.read(renamed, format="text").reports[0].entity == "朔州市朔城区医疗保险服务中心"
    with pytest.raises(UnsupportedFormatError, match="no reader named 'nosuch'"):
        govbudget.read(renamed, format="nosuch")


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    before = seed("001").read_bytes()
    govbudget.write(govbudget.read(seed("001")), tmp_path / "x.json")
    assert seed("001").read_bytes() == before


def test_validate_lists_the_findings_above_a_severity() -> None:
    d = govbudget.read(seed("000"))
    everything = govbudget.validate(d)
    warnings = govbudget.validate(d, min_severity=Severity.WARNING)
    assert len(everything) > len(warnings) > 0
    assert all(f.severity is not Severity.INFO for f in warnings)
    assert {f.code for f in warnings} >= {"cell.not_amount", "row.unrecognised"}


def test_a_file_of_the_previous_schema_version_still_reads() -> None:
    old = FIXTURES / "json" / "003_schema_1.0.json"
    assert b'"version": "1.0"' in old.read_bytes()
    d = govbudget.read(old)
    assert d.reports[0].table("fiscal_summary").row("fn:210").value("general_budget") == Decimal("479.24")
    assert all(f.difference is None for f in d.all_findings())


def test_reading_text_needs_neither_cattrs_nor_lxml() -> None:
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys, govbudget; govbudget.read(sys.argv[1]).facts(); "
            "print(sorted(m for m in ('cattrs', 'lxml') if m in sys.modules))")
    p = subprocess.run([sys.executable, "-c", code, str(seed("004"))], capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"
