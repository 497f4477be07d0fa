"""One disclosure into one per entity, and the predictable names of their files."""

from __future__ import annotations

from pathlib import Path

from conftest import seed

import govbudget
from govbudget.model import Disclosure, Finding, Kind, Report, Scope, Severity
from govbudget.split import per_entity, split_path


def report(entity: str, code: str | None) -> Report:
    return Report(entity, code, Scope.UNIT, Kind.BUDGET, 2024, "万元", ())


def test_each_entity_becomes_a_disclosure_keeping_the_file_findings() -> None:
    note = Finding("x.y", Severity.INFO, "file-level")
    d = Disclosure("a.txt", "text", (report("甲", "1"), report("乙", None)), (note,))
    parts = per_entity(d)
    assert [p.reports for p in parts] == [(d.reports[0],), (d.reports[1],)]
    assert all(p.findings == (note,) and p.source == "a.txt" for p in parts)


def test_files_are_named_by_place_then_code_or_name() -> None:
    out = Path("/tmp/out/x.xlsx")
    one = Disclosure("a.txt", "text", (report("甲局", "450001"),))
    named = Disclosure("a.txt", "text", (report("上海市 某局/办公室:1", None),))
    nameless = Disclosure("a.txt", "text", (report("", None),))
    assert split_path(out, 1, one) == Path("/tmp/out/x-1-450001.xlsx")
    assert split_path(out, 2, named) == Path("/tmp/out/x-2-上海市_某局_办公室_1.xlsx")
    assert split_path(out, 3, nameless) == Path("/tmp/out/x-3.xlsx")


def test_split_json_reads_back_one_entity_per_file(tmp_path: Path) -> None:
    paths = govbudget.write(govbudget.read(seed("001")), tmp_path / "d.json", split=True)
    assert [p.name for p in paths] == ["d-1-450.json", "d-2-450001.json", "d-3-450002.json"]
    assert [govbudget.read(p).reports[0].entity for p in paths] == ["丰润区医疗保障局", "丰润区医疗保障局本级",
                                                                   "丰润区医疗保险事业管理中心"]
