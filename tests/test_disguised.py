"""Files named .xls or .doc that hold a web page, MHT, RTF, Office 2003 XML or tab-separated text."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, program

import govbudget
from govbudget.errors import DamagedFileError
from govbudget.readers.disguised import CONVERTIBLE, TEXT, WEB_PAGE, what_it_holds

OFFICE = FIXTURES / "office"

# An "Excel" export as web systems write it: an HTML table, GB2312, Excel's styles in the head.
PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>td { mso-number-format:"\\@"; } .num { mso-number-format:"0.00"; }</style></head>
<body><table border="1">
<tr><td colspan="4" align="center">某某局2024年部门预算支出总表</td></tr>
<tr><td colspan="3">部门名称：某某局</td><td>单位：万元</td></tr>
<tr><td>科目编码</td><td>科目名称</td><td>合计</td><td>基本支出</td></tr>
<tr><td></td><td>合计</td><td class="num">12.50</td><td class="num">10.00</td></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td class="num">10.00</td><td class="num">10.00</td></tr>
<tr><td>210</td><td>卫生健康支出</td><td class="num">2.50</td><td></td></tr>
</table></body></html>
"""
EXPECTED = [("item:total", "total", Decimal("12.50")), ("item:total", "basic", Decimal("10.00")),
            ("fn:208", "total", Decimal("10.00")), ("fn:208", "basic", Decimal("10.00")),
            ("fn:210", "total", Decimal("2.50"))]


def figures(path: Path) -> list[tuple[str, str, Decimal]]:
    return [(f.row, f.measure, Decimal(f.value)) for f in govbudget.read(path).facts()]


def keyed(path: Path) -> list[tuple[str, str, str, str, str]]:
    return [(f.entity, f.table, f.row, f.measure, f.value) for f in govbudget.read(path).facts()]


@pytest.mark.parametrize("head, holds", [
    (PAGE.encode("gb18030"), WEB_PAGE),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body><table>", WEB_PAGE),
    (b"<!-- exported -->\n<table><tr><td>1</td></tr></table>", WEB_PAGE),
    (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n<html>', WEB_PAGE),
    (b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\nContent-Type: text/html\n", WEB_PAGE),
    (b"{\\rtf1\\ansi\\ansicpg936", CONVERTIBLE),
    (b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', CONVERTIBLE),
    ("科目编码\t科目名称\t合计\n208\t社会保障和就业支出\t10.00\n".encode("gb18030"), TEXT),
    ("\ufeff科目编码\t合计\n".encode("utf-16-le"), TEXT),
    (b"\x89PNG\r\n\x1a\n\x00\x00", None),
    (b"<?xml version='1.0'?><root/>", None),
    ("一行没有制表符的文字".encode(), None),
])
def test_what_a_file_holds_is_told_by_its_first_bytes(head: bytes, holds: str | None) -> None:
    assert what_it_holds(head) == holds


@pytest.mark.parametrize("name", ["export.xls", "export.doc", "export.xlsx"])
def test_a_web_page_named_as_an_office_file_is_read_as_a_web_page(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(PAGE.encode("gb18030"))
    d = govbudget.read(path)
    assert figures(path) == EXPECTED
    assert d.reports[0].entity == "某某局"
    (note,) = [f for f in d.findings if f.code == "file.named_otherwise"]
    assert note.message.startswith(f"named {path.suffix} but holds a web page")


def test_a_web_page_saved_as_one_mime_file_is_read_from_its_html_part(tmp_path: Path) -> None:
    import quopri

    body = quopri.encodestring(PAGE.encode("gb2312")).decode("ascii")
    message = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
               "------=_NextPart_01\r\nContent-Location: file:///C:/export.htm\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
               f"{body}\r\n------=_NextPart_01--\r\n")
    path = tmp_path / "export.doc"
    path.write_bytes(message.encode("ascii"))
    assert figures(path) == EXPECTED


def test_tab_separated_text_named_xls_is_read_as_text(tmp_path: Path) -> None:
    lines = ["某某局2024年部门预算支出总表", "单位：万元", "科目编码\t科目名称\t合计\t基本支出", "\t合计\t12.50\t10.00",
             "208\t社会保障和就业支出\t10.00\t10.00", "210\t卫生健康支出\t2.50\t"]
    path = tmp_path / "export.xls"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le"))  # Excel's "Unicode text"
    assert figures(path) == EXPECTED
    assert "holds tab-separated text" in govbudget.read(path).findings[0].message


def test_bytes_that_are_nothing_known_are_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.xls"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(DamagedFileError, match=r"image\.xls: not an Excel workbook: the file is not a zip package"):
        govbudget.read(path)


def saved_as(source: Path, kind: str, name: str, folder: Path) -> Path:
    """``source`` saved by LibreOffice as ``kind`` (``html``, ``rtf``) and renamed ``name``."""
    office = program("soffice")
    subprocess.run([office, "--headless", "--convert-to", kind, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return (folder / f"{source.stem}.{kind}").rename(folder / name)


def test_calcs_web_page_of_a_workbook_named_xls_gives_the_workbooks_figures(tmp_path: Path) -> None:
    exported = saved_as(OFFICE / "final_accounts.xlsx", "html", "final_accounts.xls", tmp_path)
    assert keyed(exported) == keyed(OFFICE / "final_accounts.xlsx")


def test_a_word_document_saved_as_rtf_and_named_doc_gives_the_documents_figures(tmp_path: Path) -> None:
    rtf = saved_as(OFFICE / "final_accounts.docx", "rtf", "final_accounts.doc", tmp_path)
    assert keyed(rtf) == keyed(OFFICE / "final_accounts.docx")
    assert govbudget.read(rtf).findings[0].code == "file.converted"


def test_an_excel_2003_xml_workbook_named_xls_is_converted(tmp_path: Path) -> None:
    program("soffice")
    rows = "".join(
        "<Row>" + "".join(f'<Cell><Data ss:Type="{t}">{v}</Data></Cell>' for t, v in cells) + "</Row>"
        for cells in [[("String", "某某局2024年部门预算支出总表")], [("String", "单位：万元")],
                      [("String", "科目编码"), ("String", "科目名称"), ("String", "合计")],
                      [("String", "208"), ("String", "社会保障和就业支出"), ("Number", "10.5")],
                      [("String", "210"), ("String", "卫生健康支出"), ("Number", "2.25")]])
    path = tmp_path / "spreadsheet2003.xls"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
                    f'<Worksheet ss:Name="表1"><Table>{rows}</Table></Worksheet></Workbook>', encoding="utf-8")
    assert figures(path) == [("fn:208", "total", Decimal("10.5")), ("fn:210", "total", Decimal("2.25"))]
