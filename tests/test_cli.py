"""The command line: outputs, fixed exit codes, errors that name the file, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, seed

import govbudget
from govbudget import cli
from govbudget.facts import FACT_COLUMNS


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_facts_to_standard_output_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "facts", seed("004"))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert tuple(rows[0]) == FACT_COLUMNS
    first = rows[0]
    assert (first["table"], first["row"], first["measure"], first["value"], first["unit"], first["yuan"]) == (
        "summary", "item:income.general_budget", "amount", "2673.01", "万元", "26730100")
    assert first["page"] == "2"  # the summary is the file's second table


def test_facts_of_several_files_to_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "facts.jsonl"
    code, _, _ = run(capsys, "facts", seed("003"), seed("004"), "-o", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0
    assert list(lines[0]) == list(FACT_COLUMNS)
    assert {line["source"] for line in lines} == {seed("003").name, seed("004").name}


def test_a_bad_input_among_several_is_reported_and_the_rest_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "facts.csv"
    code, _, err = run(capsys, "facts", empty, seed("004"), "-o", out)
    assert code == 3
    assert "empty.txt" in err and "empty" in err
    assert "朔州市朔城区医疗保险服务中心" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\x00", "NUL"),
        (b"\xc3\x28 \x81\x30", "neither UTF-8"),
        ("今天天气很好。\n".encode(), "no annex table"),
    ],
)
def test_unreadable_inputs_exit_3_naming_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "facts", bad)
    assert code == 3
    assert "bad.txt" in err and message in err
    assert "Traceback" not in err


def test_a_missing_file_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "inspect", "no-such-file.txt")
    assert (code, "no-such-file.txt: no such file" in err) == (3, True)


def test_convert_to_json_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "001.json"
    code, _, _ = run(capsys, "convert", seed("001"), "-o", out)
    assert code == 0
    assert govbudget.read(out).facts() == govbudget.read(seed("001")).facts()
    assert [p.name for p in tmp_path.iterdir()] == ["001.json"]  # no temporary file left behind


def test_convert_refuses_to_overwrite_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "x.json"
    govbudget.write(govbudget.read(seed("004")), src)
    before = src.read_bytes()
    code, _, err = run(capsys, "convert", src, "-o", src)
    assert code == 2 and "overwrite" in err
    assert src.read_bytes() == before


def test_an_unknown_output_format_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", seed("004"), "-o", tmp_path / "x.docx")
    assert code == 4 and "x.docx" in err


def test_an_output_folder_that_does_not_exist_exits_5(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", seed("004"), "-o", tmp_path / "missing" / "x.json")
    assert code == 5 and "does not exist" in err


def test_inspect_lists_entities_tables_and_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "inspect", seed("003"))
    assert code == 0
    assert "重庆市綦江区医疗保障事务中心" in out
    for table in ("fiscal_summary", "general_budget_expenditure", "general_budget_basic", "three_public",
                  "gov_fund_expenditure", "income", "expenditure"):
        assert table in out
    assert "not found: summary" in out
    assert "table.foreign_entity" in out


def test_validate_as_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", seed("003"), "--format", "jsonl")
    findings = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert {"rule", "severity", "entity", "table", "row", "measure", "expected", "actual", "message"} <= set(findings[0])
    foreign = [f for f in findings if f["rule"] == "table.foreign_entity"]
    assert foreign[0]["actual"] == "天津市蓟江区医疗保障事务中心"


def test_batch_converts_each_file_and_reports_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    outdir = tmp_path / "out"
    outdir.mkdir()
    code, out, _ = run(capsys, "batch", seed("003"), bad, seed("004"), "-o", outdir)
    lines = out.splitlines()
    assert code == 3
    assert [line.split("\t")[0] for line in lines] == ["ok", "failed", "ok"]
    assert sorted(p.name for p in outdir.iterdir()) == [seed("003").stem + ".json", seed("004").stem + ".json"]


def test_batch_inputs_sharing_a_stem_keep_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = FIXTURES / "office"
    docx, xlsx = office / "final_accounts.docx", office / "final_accounts.xlsx"
    outdir = tmp_path / "out"
    outdir.mkdir()
    code, out, _ = run(capsys, "batch", docx, xlsx, seed("004"), "-o", outdir, "--to", "csv")
    assert code == 0
    names = sorted(p.name for p in outdir.iterdir())
    assert names == sorted(["final_accounts.docx.csv", "final_accounts.xlsx.csv", seed("004").stem + ".csv"])
    assert (outdir / "final_accounts.docx.csv").read_text(encoding="utf-8").count("\n") > 20
    assert all(line.startswith("ok\t") for line in out.splitlines())


@pytest.mark.parametrize("jobs", ["2", "0"])
def test_batch_in_several_processes_reports_in_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           jobs: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    inputs = [seed("003"), bad, seed("004"), FIXTURES / "office" / "final_accounts.xlsx"]
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    serial.mkdir()
    parallel.mkdir()
    code_1, out_1, _ = run(capsys, "batch", *inputs, "-o", serial, "--to", "csv")
    code_n, out_n, _ = run(capsys, "batch", *inputs, "-o", parallel, "--to", "csv", "--jobs", jobs)
    assert code_n == code_1 == 3
    assert out_n.replace(str(parallel), "OUT") == out_1.replace(str(serial), "OUT")
    assert [line.split("\t")[1] for line in out_n.splitlines()] == [str(p) for p in inputs]
    for f in serial.iterdir():
        assert (parallel / f.name).read_bytes() == f.read_bytes()


@pytest.mark.parametrize("command", ["batch", "facts"])
@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_jobs_must_be_a_count(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, jobs: str) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main([command, str(seed("004")), "-o", str(tmp_path / "out.csv"), "--jobs", jobs])
    assert stop.value.code == 2
    assert f"argument -j/--jobs: takes 0 (one per processor) or a number of processes, not '{jobs}'" in \
        capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_facts_in_several_processes_equal_the_facts_read_one_by_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    inputs = [seed("003"), bad, FIXTURES / "office" / "final_accounts.docx", seed("004")]
    serial, parallel = tmp_path / f"serial.{fmt}", tmp_path / f"parallel.{fmt}"
    code_1, _, err_1 = run(capsys, "facts", *inputs, "-o", serial)
    code_n, _, err_n = run(capsys, "facts", *inputs, "-o", parallel, "--jobs", "2")
    assert code_1 == code_n == 3 and err_1 == err_n and "bad.txt: the file is empty" in err_n
    assert parallel.read_bytes() == serial.read_bytes()
    whole = b"".join(_encoded(p, fmt) for p in inputs if p != bad)
    assert serial.read_bytes() == ((",".join(FACT_COLUMNS) + "\n").encode() if fmt == "csv" else b"") + whole


def _encoded(path: Path, fmt: str) -> bytes:
    from govbudget.writers.facts import facts_csv, facts_jsonl

    facts = govbudget.read(path).facts()
    return facts_csv(facts, header=False) if fmt == "csv" else facts_jsonl(facts)


def test_an_internal_defect_exits_70_without_a_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_doc: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("govbudget.api.recognise", broken)
    code, _, err = run(capsys, "facts", seed("004"))
    assert code == 70
    assert "internal error" in err and "004_957c36ad5378e025.txt" in err
    assert "Traceback" not in err


def test_python_dash_m_runs_the_command_line() -> None:
    p = subprocess.run([sys.executable, "-m", "govbudget", "facts", str(seed("004"))],
                       capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0] == ",".join(FACT_COLUMNS)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["convert", str(seed("004"))])
    assert exc.value.code == 2


def test_shipped_markdown_fixture_through_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "facts", FIXTURES / "flavours" / "html_final_accounts.md")
    assert code == 0
    assert "item:vehicles.other,2.其他用车,count,2,辆," in out


def test_outputs_get_ordinary_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os
    import stat

    out = tmp_path / "x.json"
    run(capsys, "convert", seed("004"), "-o", out)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_validate_groups_findings_by_entity_and_table_and_strict_fails_on_errors(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", seed("004"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "004_957c36ad5378e025.txt: 1 error, 1 warning, 7 info"
    assert lines[1].strip() == "朔州市朔城区医疗保险服务中心"
    assert "expected       638.38  actual       638.39  diff 0.01 (±0)" in out
    code, _, _ = run(capsys, "validate", "--strict", seed("004"))
    assert code == 1
    code, _, _ = run(capsys, "validate", "--strict", seed("001"))
    assert code == 0
