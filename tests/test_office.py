"""What the Word and Excel readers share: refusing bad files clearly, the fixtures' consistency, the command line."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from conftest import FIXTURES, ROOT, program

import govbudget
from govbudget import cli
from govbudget.errors import (
    DamagedFileError,
    EmptyInputError,
    EncryptedFileError,
    InputError,
    NotADisclosureError,
    UnsupportedFormatError,
)
from govbudget.readers import docx as docx_reader
from govbudget.readers import xlsx as xlsx_reader
from govbudget.validation import RULES

OFFICE = FIXTURES / "office"
REFUSED = FIXTURES / "office_refused"  # files every reader must refuse
CONSISTENT = ["department_units.docx", "department.xlsx", "final_accounts.docx", "final_accounts_lo.docx",
              "final_accounts.xlsx"]


def facts(path: Path, *, tables_only: bool = True) -> list[tuple]:
    return [(f.entity, f.entity_code, f.kind, f.year, f.table, f.row, f.measure, f.value, f.unit, f.yuan)
            for f in govbudget.read(path).facts() if not (tables_only and f.table == "narrative")]


# -- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize("name, what", [("final_accounts.docx", "Word document"),
                                        ("final_accounts.xlsx", "Excel workbook")])
def test_a_truncated_file_is_damaged(tmp_path: Path, name: str, what: str) -> None:
    data = (OFFICE / name).read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedFileError, match=rf"{name}: a damaged or truncated {what}"):
        govbudget.read(cut)


def _corrupt_member(source: Path, target: Path, member: str) -> None:
    """A copy whose ``member`` has garbled compressed bytes (the zip directory intact)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as z:
        info = z.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + min(info.compress_size, 400), 7):
        data[i] ^= 0x5A
    target.write_bytes(bytes(data))


@pytest.mark.parametrize("name, member, what", [("final_accounts.docx", "word/document.xml", "Word document"),
                                                ("final_accounts.xlsx", "xl/worksheets/sheet1.xml",
                                                 "Excel workbook")])
def test_a_corrupt_part_is_damaged(tmp_path: Path, name: str, member: str, what: str) -> None:
    bad = tmp_path / name
    _corrupt_member(OFFICE / name, bad, member)
    with pytest.raises(DamagedFileError, match=rf"{name}: a damaged {what}"):
        govbudget.read(bad)


def _garble_directory(source: Path, target: Path, how: str) -> None:
    """A copy whose first zip directory entry asks for an unknown zip version or names itself in broken UTF-8."""
    data = bytearray(source.read_bytes())
    at = data.index(b"PK\x01\x02")
    if how == "version":
        data[at + 6] = 75  # "version needed to extract" 7.5: zipfile refuses it (NotImplementedError)
    else:
        data[at + 9] |= 0x08  # bit 11 of the flags (their high byte): the name is UTF-8
        data[at + 46] = 0xFF  # ... and its first byte is not (UnicodeDecodeError)
    target.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["version", "name"])
@pytest.mark.parametrize("name, what", [("final_accounts.docx", "Word document"),
                                        ("final_accounts.xlsx", "Excel workbook")])
def test_a_garbled_zip_directory_is_damaged(tmp_path: Path, name: str, what: str, how: str) -> None:
    bad = tmp_path / name
    _garble_directory(OFFICE / name, bad, how)
    with pytest.raises(DamagedFileError, match=rf"{name}: a damaged or truncated {what}"):
        govbudget.read(bad)


@pytest.mark.parametrize("name, member, what", [
    ("final_accounts.docx", "word/document.xml", "Word document"),
    ("final_accounts.xlsx", "xl/worksheets/sheet1.xml", "Excel workbook"),
    ("final_accounts.xlsx", "xl/styles.xml", "Excel workbook"),  # parsed by the standard library's ElementTree
])
def test_malformed_xml_is_damaged(tmp_path: Path, name: str, member: str, what: str) -> None:
    bad = tmp_path / name
    with zipfile.ZipFile(OFFICE / name) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[:-200] if info.filename == member else data)
    with pytest.raises(DamagedFileError, match=rf"{name}: a damaged {what}: .*line"):
        govbudget.read(bad)


@pytest.mark.parametrize("name, what", [("encrypted.xlsx", "Excel workbook"), ("encrypted.docx", "Word document")])
def test_a_password_protected_file_says_so(name: str, what: str) -> None:
    with pytest.raises(EncryptedFileError, match=rf"{name}: a password-protected {what}: open it, remove the "
                                                 "password"):
        govbudget.read(REFUSED / name)


@pytest.mark.parametrize("name, what, prefix", [("notes.docx", "Word document", "word/"),
                                                ("notes.xlsx", "Excel workbook", "xl/")])
def test_a_zip_that_is_no_office_package(tmp_path: Path, name: str, what: str, prefix: str) -> None:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "部门预算")
    with pytest.raises(DamagedFileError, match=rf"{name}: a zip file, but not an? {what}: it has no {prefix} parts"):
        govbudget.read(path)


def test_a_zip_by_its_own_name_has_no_reader(tmp_path: Path) -> None:
    path = tmp_path / "notes.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "部门预算")
    with pytest.raises(UnsupportedFormatError, match=r"notes\.zip: not a format govbudget reads"):
        govbudget.read(path)


def test_other_bytes_under_an_office_name(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)  # (a %PDF- header would be read as PDF)
    with pytest.raises(DamagedFileError, match=r"report\.docx: not a Word document: the file is not a zip package"):
        govbudget.read(path)


def test_an_empty_office_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError, match=r"empty\.xlsx: the file is empty"):
        govbudget.read(path)


def test_strict_open_xml_is_refused_with_a_way_out(tmp_path: Path) -> None:
    path = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", '<Relationships><Relationship Type="http://purl.oclc.org/ooxml/officeDocument/'
                                  'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DamagedFileError, match=r"strict\.xlsx: an? Excel workbook saved as Strict Open XML"):
        govbudget.read(path)


def test_the_content_decides_not_the_name(tmp_path: Path) -> None:
    renamed = tmp_path / "really_a_workbook.docx"
    renamed.write_bytes((OFFICE / "final_accounts.xlsx").read_bytes())
    assert govbudget.read(renamed).reader == "xlsx"


def test_a_legacy_file_under_a_current_name_is_converted(tmp_path: Path) -> None:
    program("soffice")
    renamed = tmp_path / "final_accounts.docx"
    renamed.write_bytes((OFFICE / "final_accounts.doc").read_bytes())
    assert facts(renamed) == facts(OFFICE / "final_accounts.docx")


@pytest.mark.parametrize("legacy, current, reader", [("final_accounts.doc", "final_accounts.docx", docx_reader),
                                                     ("final_accounts.xls", "final_accounts.xlsx", xlsx_reader)])
def test_a_legacy_file_is_converted_with_libreoffice(legacy: str, current: str, reader: ModuleType) -> None:
    program("soffice")
    doc = reader.read(OFFICE / legacy)
    assert doc.findings[0].code == "file.converted"
    assert doc.source == legacy
    converted = govbudget.read(OFFICE / legacy).facts()
    original = govbudget.read(OFFICE / current).facts()
    assert [(f.table, f.row, f.measure, f.value) for f in converted] == [
        (f.table, f.row, f.measure, f.value) for f in original]


@pytest.mark.parametrize("legacy, target, reader", [("final_accounts.doc", "docx", docx_reader),
                                                    ("final_accounts.xls", "xlsx", xlsx_reader)])
def test_a_legacy_file_without_libreoffice_says_how_to_convert(monkeypatch: pytest.MonkeyPatch, legacy: str,
                                                              target: str, reader: ModuleType) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    suffix = Path(legacy).suffix
    with pytest.raises(UnsupportedFormatError,
                       match=rf"{legacy}: a legacy binary file \({suffix}\) and LibreOffice is not installed: "
                             rf"convert it to \.{target} first"):
        reader.read(OFFICE / legacy)


def test_a_document_without_a_budget_table(tmp_path: Path) -> None:
    from ooxml import docx, p

    path = docx(tmp_path / "minutes.docx", p("会议纪要") + p("与会人员：张三、李四。"))
    with pytest.raises(NotADisclosureError, match=r"minutes\.docx: no annex table and no disclosure title"):
        govbudget.read(path)


def test_every_refusal_is_an_input_error() -> None:
    for cls in (DamagedFileError, EncryptedFileError, EmptyInputError, NotADisclosureError):
        assert issubclass(cls, InputError) and issubclass(cls, ValueError)


# -- the fixtures --------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [("final_accounts.docx", "final_accounts_lo.docx"),
                                  ("final_accounts.docx", "final_accounts.xlsx"),
                                  ("department_units.docx", "department.xlsx")])
def test_the_same_tables_read_the_same_from_every_format(a: str, b: str) -> None:
    assert facts(OFFICE / a) == facts(OFFICE / b)


@pytest.mark.parametrize("name", CONSISTENT)
def test_the_consistent_fixtures_break_no_identity(name: str) -> None:
    identities = {r.id for r in RULES}
    broken = [(f.code, f.row) for f in govbudget.validate(govbudget.read(OFFICE / name)) if f.code in identities
              and f.severity.value != "info"]
    # The final account's text misstates 公务接待费 on purpose; nothing else disagrees.
    assert broken == ([("narrative.table", "item:reception")] if name.startswith("final_accounts") and
                      name.endswith(".docx") else [])


def test_the_department_is_the_sum_of_its_units() -> None:
    d = govbudget.read(OFFICE / "department_units.docx")
    dept, units = d.reports[0], d.reports[1:]
    for table in dept.tables:
        for row in table.rows:
            for cell in row.cells:
                parts = [u.table(table.id).row(row.key) for u in units]
                total = sum((r.value(cell.measure) or 0) for r in parts if r is not None)
                assert cell.value == total, (table.id, row.key, cell.measure)


def test_the_generator_reproduces_the_committed_fixtures(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_office_fixtures as make
        from officefixtures import excel, quirks, worddocs
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    builds = {"department_units.docx": worddocs.department_units, "final_accounts.docx": worddocs.final_accounts,
              "final_accounts.xlsx": excel.final_accounts, "formulas_uncached.xlsx": excel.department,
              "number_formats.xlsx": quirks.number_formats}
    for name, build in builds.items():
        build(tmp_path / name)
        make.normalise_zip(tmp_path / name)
        # Byte for byte with the library versions that built them; the same reading with any.
        fresh, committed = govbudget.read(tmp_path / name), govbudget.read(OFFICE / name)
        assert fresh.facts() == committed.facts(), name
        assert govbudget.validate(fresh) == govbudget.validate(committed), name


def test_what_is_read_is_what_is_printed(tmp_path: Path) -> None:
    office, pdftotext = program("soffice"), program("pdftotext")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                        "--outdir", str(tmp_path), str(OFFICE / "department_units.docx")],
                       check=True, capture_output=True, timeout=300)
    printed = subprocess.run([pdftotext, str(tmp_path / "department_units.pdf"), "-"], check=True,
                             capture_output=True).stdout.decode()
    values = {f.value for f in govbudget.read(OFFICE / "department_units.docx").facts()}
    assert values and all(v in printed for v in values)
    assert "4000.00" not in printed  # the hidden draft figure: neither printed nor read


# -- command line ------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_inspect_a_word_and_an_excel_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "inspect", OFFICE / "department_units.docx", OFFICE / "final_accounts.xlsx")
    assert code == 0
    assert "department_units.docx  (reader: docx)" in out and "final_accounts.xlsx  (reader: xlsx)" in out
    assert "临江区卫生健康局 [301]  department  budget  2024  unit 万元" in out
    assert "临江区卫生健康综合监督执法局  unit  final_accounts  2023  unit 元" in out
    assert "disclosure_stats             9 rows, 6 figures" in out


def test_facts_of_a_word_and_an_excel_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "facts", OFFICE / "final_accounts.docx", OFFICE / "final_accounts.xlsx")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    grand = [(r["source"], r["value"], r["yuan"], r["page"]) for r in rows
             if r["table"] == "summary" and r["row"] == "item:income.grand_total"]
    assert grand == [("final_accounts.docx", "3171572.77", "3171572.77", "1"),
                     ("final_accounts.xlsx", "3171572.77", "3171572.77", "1")]


def test_a_bad_office_file_exits_3_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "facts", REFUSED / "encrypted.xlsx")
    assert code == 3
    assert "encrypted.xlsx: a password-protected Excel workbook" in err and "Traceback" not in err


def test_a_legacy_file_libreoffice_cannot_convert_is_damaged(tmp_path: Path) -> None:
    program("soffice")
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    with pytest.raises(DamagedFileError, match=r"broken\.doc: LibreOffice could not convert it to \.docx"):
        govbudget.read(path)
