"""Build the Word and Excel fixtures in fixtures/office/ (run from anywhere; LibreOffice needed).

    pip install -e '.[fixtures]'   # msoffcrypto-tool, for the encrypted files
    python scripts/make_office_fixtures.py

The figures and tables come from ``officefixtures.figures`` (all identities hold)
and ``officefixtures.final``; see those modules for what each file carries. The
files python-docx and openpyxl write are byte-for-byte reproducible with the same
library versions (fixed zip dates and document properties); those saved through
LibreOffice carry its own time stamps. Written:

- department_units.docx   部门预算 + two 单位预算, 万元, every Word table quirk
- final_accounts.docx     单位决算 公开01-10表, 元, text with one misstated figure
- final_accounts_lo.docx  the same saved by LibreOffice Writer
- final_accounts.doc      the same as a legacy Word 97 file
- department.xlsx         the budget workbook saved by LibreOffice Calc (formulas with stored values)
- formulas_uncached.xlsx  the same workbook as openpyxl writes it: formulas without stored values
- final_accounts.xlsx     the final account, one 公开NN表 sheet each, 元
- final_accounts.xls      the same as a legacy Excel 97 file
- number_formats.xlsx     stored figures against their number formats, error values, print area

and in fixtures/office_refused/, files every reader must refuse:

- encrypted.xlsx, encrypted.docx  password-protected (password: budget)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from officefixtures import excel, quirks, worddocs  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "office"
REFUSED = OUT.parent / "office_refused"
FIXED_DATE = (2024, 1, 15, 9, 0, 0)
PASSWORD = "budget"


def normalise_zip(path: Path) -> None:
    """Rewrite a package with fixed entry dates and save time, so that the same content gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    entries = [(name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-15T09:00:00Z", data)
                if name == "docProps/core.xml" else data) for name, data in entries]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def office() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        sys.exit("LibreOffice (soffice) is needed to build the fixtures")
    return found


def convert(source: Path, target: Path, filter_name: str) -> None:
    """Save ``source`` as ``target`` through LibreOffice with the named export filter."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / f"in{source.suffix}"
        shutil.copyfile(source, work)
        out = Path(folder) / "out"
        subprocess.run([office(), "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
                        "--convert-to", f"{target.suffix.lstrip('.')}:{filter_name}", "--outdir", str(out),
                        str(work)], check=True, capture_output=True, timeout=300)
        shutil.copyfile(out / f"in{target.suffix}", target)


def encrypt(source: Path, target: Path) -> None:
    """A password-protected copy (an OLE file holding the encrypted package), as Office writes one."""
    try:
        import msoffcrypto.format.ooxml as ooxml
    except ImportError:
        sys.exit("msoffcrypto-tool is needed for the encrypted fixtures: pip install -e '.[fixtures]'")
    with source.open("rb") as plain, target.open("wb") as sealed:
        ooxml.OOXMLFile(plain).encrypt(PASSWORD, sealed)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    REFUSED.mkdir(exist_ok=True)
    built = []

    def made(path: Path, reproducible: bool = True) -> Path:
        if reproducible:
            normalise_zip(path)
        built.append(path.relative_to(OUT))
        return path

    for name, build in (("department_units.docx", worddocs.department_units),
                        ("final_accounts.docx", worddocs.final_accounts)):
        build(OUT / name)
        made(OUT / name)
    excel.department(OUT / "formulas_uncached.xlsx")
    made(OUT / "formulas_uncached.xlsx")
    convert(OUT / "formulas_uncached.xlsx", OUT / "department.xlsx", "Calc MS Excel 2007 XML")
    made(OUT / "department.xlsx", reproducible=False)
    excel.final_accounts(OUT / "final_accounts.xlsx")
    made_xlsx = made(OUT / "final_accounts.xlsx")
    made_docx = OUT / "final_accounts.docx"
    convert(made_docx, OUT / "final_accounts_lo.docx", "MS Word 2007 XML")
    made(OUT / "final_accounts_lo.docx", reproducible=False)
    convert(made_docx, OUT / "final_accounts.doc", "MS Word 97")
    made(OUT / "final_accounts.doc", reproducible=False)
    convert(made_xlsx, OUT / "final_accounts.xls", "MS Excel 97")
    made(OUT / "final_accounts.xls", reproducible=False)
    quirks.number_formats(OUT / "number_formats.xlsx")
    made(OUT / "number_formats.xlsx")
    for name in ("encrypted.xlsx", "encrypted.docx"):
        encrypt(OUT / name.replace("encrypted", "final_accounts"), REFUSED / name)
        built.append(Path("..") / REFUSED.name / name)
    print("written:", ", ".join(str(p) for p in built))


if __name__ == "__main__":
    main()
