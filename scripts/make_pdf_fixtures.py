"""Build the PDF fixtures in fixtures/pdf/ (run from the project root; needs the `fixtures` extra).

- ``seeds/<seed>.pdf``: each seed disclosure laid out as a Word document (its lines as
  paragraphs, its tables as bordered Word tables whose headings repeat on each page)
  and rendered by LibreOffice; the tests expect the seed's own facts back.
- ``word_department.pdf``: the Word fixture of fixtures/office rendered by LibreOffice.
- ``cid_font.pdf``: a LibreOffice rendering whose fonts lost their ToUnicode maps.
- drawn with reportlab (CID font STSong-Light, not embedded): ruled tables with merged
  headers, a table over two pages with and without its heading repeated, two tables on
  a page with titles, units and notes between them, wrapped cells, spaced-out figures,
  doubled characters (fake bold), white and off-page rules, page numbers and a running
  title; tables without rules; a landscape page and a page turned with /Rotate 90; an
  encrypted file, a truncated one and an image-only (scanned) one.

Each drawn fixture also gets ``<name>.figures.csv``: every figure printed, with its page,
table, row key and measure, which the tests look for in the facts.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "pdf"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))


def seeds() -> None:
    from pdf_fixtures_word import seed_docx, to_pdf

    from govbudget.readers.text import read

    folder = OUT / "seeds"
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
        docx = folder / f"{seed.stem}.docx"
        seed_docx(read(seed), docx)
        to_pdf(docx, folder / f"{seed.stem}.pdf")
        docx.unlink()


def word() -> None:
    from pdf_fixtures_word import strip_unicode_maps, to_pdf

    to_pdf(ROOT / "fixtures" / "office" / "department_units.docx", OUT / "word_department.pdf")
    cid = to_pdf(ROOT / "fixtures" / "office" / "department_units.docx", OUT / "cid_font.pdf")
    strip_unicode_maps(cid)


def drawn() -> None:
    import pdf_fixtures_drawn as drawn_fixtures

    drawn_fixtures.build_all(OUT)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    which = set(sys.argv[1:]) or {"seeds", "word", "drawn"}
    if "seeds" in which:
        seeds()
    if "word" in which:
        word()
    if "drawn" in which:
        drawn()
    print("written:", ", ".join(str(p.relative_to(OUT)) for p in sorted(OUT.rglob("*.pdf"))))


if __name__ == "__main__":
    main()
