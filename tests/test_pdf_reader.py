"""The PDF reader end to end: detection, bad input, every printed figure, pages and boxes, round trips."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS

import govbudget
from govbudget.cli import main as cli_main
from govbudget.errors import DamagedFileError, EmptyInputError, EncryptedFileError, InputError, PdfReadError
from govbudget.readers import detect
from govbudget.readers.pdf import read as read_pdf
from govbudget.readers.pdf import sniff

PDF = FIXTURES / "pdf"
DRAWN = ["ruled_department", "unruled_unit", "landscape_rotated", "partly_scanned"]


def test_sniff_and_detection() -> None:
    assert sniff(b"%PDF-1.7\n%\xe2\xe3", Path("x"))
    assert sniff(b"\x00" * 100 + b"%PDF-1.4", Path("x"))
    assert not sniff(b"PK\x03\x04word/", Path("x.pdf"))
    assert detect(Path("report.bin"), b"%PDF-1.4").name == "pdf"
    assert detect(Path("report.pdf"), b"garbage").name == "pdf"


@pytest.mark.parametrize("name, error, message", [
    ("encrypted.pdf", EncryptedFileError, r"^encrypted\.pdf: the PDF is encrypted and needs a password"),
    ("truncated.pdf", DamagedFileError, r"^truncated\.pdf: damaged or truncated PDF"),
    ("scanned.pdf", PdfReadError, r"^scanned\.pdf: no text layer on any page \(page 1: .*OCR needed"),
    ("cid_font.pdf", PdfReadError, r"^cid_font\.pdf: \d+ of \d+ characters have no Unicode mapping.*OCR needed"),
])
def test_bad_pdfs_raise_a_clear_error(name: str, error: type, message: str) -> None:
    with pytest.raises(error, match=message) as info:
        govbudget.read(PDF / name)
    assert isinstance(info.value, InputError)


def test_empty_and_mislabelled_files(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(EmptyInputError, match="empty.pdf: the file is empty"):
        govbudget.read(tmp_path / "empty.pdf")
    (tmp_path / "notes.pdf").write_text("单位：万元\n合计 1.00\n", encoding="utf-8")
    with pytest.raises(DamagedFileError, match="notes.pdf: not a PDF: no %PDF- header"):
        govbudget.read(tmp_path / "notes.pdf")
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    with pytest.raises(DamagedFileError, match="cut.pdf: damaged or truncated PDF"):
        govbudget.read(tmp_path / "cut.pdf")


def test_the_command_line_reports_a_bad_pdf_with_the_input_exit_code(capsys) -> None:
    assert cli_main(["inspect", str(PDF / "encrypted.pdf")]) == 3
    assert "encrypted.pdf: the PDF is encrypted" in capsys.readouterr().err


def test_a_scanned_page_in_a_readable_file_is_a_finding() -> None:
    d = govbudget.read(PDF / "partly_scanned.pdf")
    (finding,) = [f for f in d.findings if f.code == "page.no_text_layer"]
    assert finding.provenance[0].page == 6 and "page 6 has no text layer" in finding.message
    assert len(d.facts()) == len(govbudget.read(PDF / "ruled_department.pdf").facts())


def printed(name: str) -> list[dict[str, str]]:
    source = "ruled_department" if name == "partly_scanned" else name
    with (PDF / f"{source}.figures.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", DRAWN)
def test_every_printed_figure_is_a_fact_on_its_page(name: str) -> None:
    facts = {(f.table, f.row, f.measure): f for f in govbudget.read(PDF / f"{name}.pdf").facts()}
    figures = printed(name)
    assert len(figures) > 25
    for fig in figures:
        fact = facts.get((fig["table"], fig["row"], fig["measure"]))
        assert fact is not None, fig
        assert (Decimal(fact.value), fact.page, fact.unit) == (Decimal(fig["value"]), fig["page"], "万元"), fig


@pytest.mark.parametrize("path", [PDF / f"{n}.pdf" for n in DRAWN] + sorted((PDF / "seeds").glob("*.pdf")),
                         ids=lambda p: p.name)
def test_every_value_keeps_its_page_and_box(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        boxes = {p.page_number: (p.width, p.height) for p in pdf.pages}
    d = govbudget.read(path)
    rows = [row for r in d.reports for t in r.tables for row in t.rows] + [row for r in d.reports for row in r.narrative]
    cells = [c for row in rows for c in row.cells if c.value is not None]
    assert cells
    for cell in cells:
        p = cell.provenance
        assert p.file == path.name and p.page in boxes and p.bbox is not None, p
        x0, top, x1, bottom = p.bbox
        width, height = boxes[p.page]
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height, p
    assert all(b.provenance.page in boxes and b.provenance.bbox for b in read_pdf(path).blocks)


def test_the_narrative_figure_cut_by_a_page_break_is_read() -> None:
    facts = {(f.table, f.row): f for f in govbudget.read(PDF / "ruled_department.pdf").facts()}
    assert facts[("narrative", "item:admin_operating_cost")].value == "45.00"
    assert facts[("narrative", "item:income.grand_total")].yuan == "5200000"


def test_the_ruled_fixture_raises_no_doubt_about_its_figures() -> None:
    d = govbudget.read(PDF / "ruled_department.pdf")
    found = {f.code for f in govbudget.validate(d)}
    assert found <= {"report.scope_inferred", "table.missing"}


def _keyed(path: Path) -> dict[tuple[str, ...], str]:
    return {(f.entity.replace(" ", ""), f.kind, f.year, f.table, f.row, f.measure): f.yuan
            for f in govbudget.read(path).facts()}


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_a_seed_laid_out_in_word_and_printed_to_pdf_gives_the_seeds_facts(seed: Path) -> None:
    assert _keyed(PDF / "seeds" / f"{seed.stem}.pdf") == _keyed(seed)


def test_the_word_fixture_printed_to_pdf_gives_the_same_facts() -> None:
    assert _keyed(PDF / "word_department.pdf") == _keyed(FIXTURES / "office" / "department_units.docx")
