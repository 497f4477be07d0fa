"""Damaged PDFs: what pdfminer skips becomes a finding on its page, what it cannot read a short, clear error."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from govbudget.errors import DamagedFileError
from govbudget.readers import pdf

_PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>")


def _pdf(content: bytes, page: bytes = _PAGE) -> bytes:
    """A one-page PDF with Helvetica as /F1 and ``content`` as the page's (uncompressed) stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_TEXT = b"BT /F1 12 Tf 72 700 Td (Total 10.00) Tj ET\n"
_BROKEN = b"BT /F1 12 Tf 72 680 Td /q Tj ET\n"  # a name where a string must be: pdfminer skips it


def test_content_pdfminer_skips_is_a_finding_on_its_page(tmp_path: Path) -> None:
    path = tmp_path / "skipped.pdf"
    path.write_bytes(_pdf(_TEXT + _BROKEN))
    doc = pdf.read(path)
    (finding,) = [f for f in doc.findings if f.code == "page.damaged_content"]
    assert finding.severity.value == "warning" and finding.actual == "1"
    assert finding.provenance[0].page == 1 and finding.provenance[0].file == "skipped.pdf"
    assert "page 1: part of its content could not be decoded" in finding.message
    assert any("Total 10.00" in p.text for p in doc.blocks)


def test_a_sound_page_has_no_such_finding(tmp_path: Path) -> None:
    path = tmp_path / "sound.pdf"
    path.write_bytes(_pdf(_TEXT))
    doc = pdf.read(path)
    assert [f.code for f in doc.findings] == []


def test_the_warnings_are_not_printed_and_the_listener_is_removed(tmp_path: Path, capsys) -> None:
    path = tmp_path / "skipped.pdf"
    path.write_bytes(_pdf(_TEXT + _BROKEN))
    handlers = list(logging.getLogger("pdfminer").handlers)
    pdf.read(path)
    assert capsys.readouterr().err == ""
    assert logging.getLogger("pdfminer").handlers == handlers


def test_a_damaged_page_tree_is_a_damaged_file_in_a_short_message(tmp_path: Path) -> None:
    # pdfplumber lists the pages again when it closes the file: that second failure must not hide the first.
    path = tmp_path / "tree.pdf"
    path.write_bytes(_pdf(_TEXT, page=_PAGE.replace(b"/Contents 4 0 R", b"/Contents 4 0 R /Pad (" + b"x" * 400 + b") /Name")))
    with pytest.raises(DamagedFileError, match=r"tree\.pdf: damaged or truncated PDF \(PSSyntaxError: ") as caught:
        pdf.read(path)
    assert len(str(caught.value)) < 300
