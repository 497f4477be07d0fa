"""Every fixture written as XBRL validates with Arelle, offline, against the packaged taxonomy, and reads back.

Arelle runs once, in this process, over all the instances (it takes seconds per run, not per
file). The taxonomy comes from the package made by ``govbudget.taxonomy.package_bytes``: no
network is used. A deliberately broken instance shows that the check can fail.
"""

from __future__ import annotations

import json
import logging
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from conftest import SEEDS, input_fixtures, read_fixture, require_module

import govbudget
from govbudget.model import Cell, Column, Disclosure, Kind, Report, Row, Scope, Table
from govbudget.provenance import Provenance
from govbudget.readers.xbrl import parse
from govbudget.taxonomy import ENTRY_POINT, package_bytes
from govbudget.writers.xbrl import to_xbrl

CASES = input_fixtures()


def edge_model() -> Disclosure:
    """What the fixtures lack: balances, a year-less report, unlisted lines, unread columns, awkward text."""
    p = Provenance("edge.txt", page=3)
    nasty = 'A<&"]]>\tB'

    def row(key: str, **figures: str) -> Row:
        return Row(key, nasty, tuple(Cell(m, v, Decimal(v), p) for m, v in figures.items()), p)

    def table(table_id: str, *rows: Row, unit: str = "万元") -> Table:
        measures = dict.fromkeys(c.measure for r in rows for c in r.cells)
        return Table(table_id, nasty, unit, tuple(Column(m, m) for m in measures), rows, p, "公开07表")

    final = Report(nasty, None, Scope.DEPARTMENT, Kind.FINAL_ACCOUNTS, 2023, "元", (
        table("gov_fund_expenditure", row("fn:2296002", opening_balance="1.50", income="10.00", total="9.00",
                                          basic="1.00", project="8.00", closing_balance="2.50"), unit="千元"),
        table("summary", row("item:income.其他来源", column1="1.00", column2="2.00"), row("fn:2080", amount="3")),
        table("disclosure_stats", Row("item:vehicles_total", "车辆数", (Cell("count", "2", Decimal("2"), p),), p,
                                      "辆")),
        table("expenditure", row("fn:208", total="5.00", operating="1.00", remit_to_superior="0.00")),
        table("income", row("unit:450002", total="5", operating="1", carryover_fiscal="2", nonfiscal_carryover="1")),
        table("project_expenditure", row("proj:42130322032R000000161", total="7.1234", business_tuition="1.1")),
    ), (attrs.evolve(row("econ:30101", amount="69.14"), unit="万元"),))
    yearless = Report("", None, Scope.UNIT, None, None, None, (table("three_public", row("item:meetings",
                                                                                          budget="1", actual="2")),))
    return Disclosure("edge.txt", "text", (final, yearless))


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _file_of(record: logging.LogRecord) -> str:
    refs = getattr(record, "refs", None) or [{}]
    return Path(str(refs[0].get("href", "")).partition("#")[0]).name


@pytest.fixture(scope="module")
def validated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[logging.LogRecord]]:
    require_module("arelle", "arelle-release, in the test extra, needs Python 3.11 or newer")
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    folder = tmp_path_factory.mktemp("xbrl")
    package = folder / "govbudget-taxonomy.zip"
    package.write_bytes(package_bytes())
    files = []
    for path in CASES:
        out = folder / f"{path.name}.xbrl"
        out.write_bytes(to_xbrl(read_fixture(path)))
        files.append(out)
    (folder / "edge.xbrl").write_bytes(to_xbrl(edge_model()))
    broken = to_xbrl(govbudget.read(SEEDS / "002_ab694a835a5584ff.txt"))
    # A figure without its table, and a function code that is no code.
    broken = broken.replace(b'<xbrldi:explicitMember dimension="gb:TableAxis">gb:NarrativeMember'
                            b'</xbrldi:explicitMember>', b"", 1).replace(b">208<", b">20x<", 1)
    (folder / "broken.xbrl").write_bytes(broken)
    entries = [{"file": str(f)} for f in [*files, folder / "edge.xbrl", folder / "broken.xbrl"]]
    entries.append({"file": ENTRY_POINT})
    options = RuntimeOptions(entrypointFile=json.dumps(entries), packages=[str(package)], validate=True,
                             internetConnectivity="offline", disablePersistentConfig=True, logLevel="INFO")
    handler = _Records()
    with Session() as session:
        session.run(options, logHandler=handler)
    by_file: dict[str, list[logging.LogRecord]] = {}
    for record in handler.records:
        by_file.setdefault(_file_of(record), []).append(record)
    return by_file


def _problems(records: list[logging.LogRecord]) -> list[str]:
    return [f"{r.levelname} {getattr(r, 'messageCode', '')}: {r.getMessage()}" for r in records
            if r.levelno > logging.INFO]


def _was_validated(records: list[logging.LogRecord]) -> bool:
    return any(r.getMessage().startswith("validated in") for r in records)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_fixture_validates_and_reads_back(path: Path, validated: dict[str, list[logging.LogRecord]]) -> None:
    records = validated.get(f"{path.name}.xbrl", [])
    assert _was_validated(records)
    assert _problems(records) == []
    d = read_fixture(path)
    assert parse(to_xbrl(d), f"{path.name}.xbrl").facts() == d.facts()


def test_the_unusual_parts_of_the_model_validate_and_read_back(validated: dict[str, list[logging.LogRecord]]) -> None:
    records = validated.get("edge.xbrl", [])
    assert _was_validated(records)
    assert _problems(records) == []
    d = edge_model()
    assert parse(to_xbrl(d), "edge.xbrl").facts() == d.facts()
    assert len(d.facts()) == 22


def test_the_taxonomy_itself_validates(validated: dict[str, list[logging.LogRecord]]) -> None:
    records = validated.get("govbudget-2026.xsd", [])
    assert _was_validated(records)
    assert _problems(records) == []
    assert _problems(validated.get("govbudget-taxonomy.zip", [])) == []


def test_a_broken_instance_is_caught(validated: dict[str, list[logging.LogRecord]]) -> None:
    codes = {getattr(r, "messageCode", "") for r in validated.get("broken.xbrl", []) if r.levelno > logging.INFO}
    assert {"xmlSchema:valueError", "xbrldie:PrimaryItemDimensionallyInvalidError"} <= codes


def test_nothing_else_was_reported(validated: dict[str, list[logging.LogRecord]]) -> None:
    known = {f"{p.name}.xbrl" for p in CASES} | {"edge.xbrl", "broken.xbrl", "govbudget-2026.xsd",
                                                  "govbudget-taxonomy.zip"}
    stray = {name: _problems(records) for name, records in validated.items() if name not in known}
    assert {name: problems for name, problems in stray.items() if problems} == {}
