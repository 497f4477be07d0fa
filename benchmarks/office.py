"""Time and peak memory of reading the Word and Excel fixtures (grid only, and ``read`` + ``facts``); prints figures.

Run from the project root: ``python benchmarks/office.py [--runs N]``. The final accounts
are the 10-table files (公开01-10表); the department files hold 24 and 26 tables. The
last lines read one long generated table (2,000 rows of 8 cells) to show the Word
reader stays linear where python-docx's cell API is quadratic.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govbudget  # noqa: E402
from govbudget.readers import docx as docx_reader  # noqa: E402
from govbudget.readers import xlsx as xlsx_reader  # noqa: E402

FILES = ["final_accounts.docx", "final_accounts.xlsx", "department_units.docx", "department.xlsx"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def measure(work, runs: int) -> tuple[list[float], float, object]:
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - t0) * 1000)
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return times, peak, result


def line(name: str, size: float, count: object, times: list[float], peak: float) -> None:
    print(f"{name:<40} {size:>6.0f} {count!s:>7} {min(times):>8.1f} {statistics.median(times):>8.1f} "
          f"{max(times):>8.1f} {peak:>8.1f}")


def long_table(path: Path, rows: int, cols: int = 8) -> Path:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    body = "".join("<w:tr>" + "".join(cell.format(f"{r}.{c:02d}") for c in range(cols)) + "</w:tr>"
                   for r in range(rows))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body><w:p><w:r><w:t>支出总表</w:t>'
                f'</w:r></w:p><w:tbl><w:tblGrid>{"<w:gridCol/>" * cols}</w:tblGrid>{body}</w:tbl></w:body>'
                "</w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document)
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    print(f"{'file (what)':<40} {'KB':>6} {'count':>7} {'min ms':>8} {'median':>8} {'max':>8} {'peak MB':>8}")
    for name in FILES:
        path = ROOT / "fixtures" / "office" / name
        reader = docx_reader if path.suffix == ".docx" else xlsx_reader
        size = path.stat().st_size / 1024
        times, peak, doc = measure(lambda: reader.read(path), args.runs)
        tables = sum(1 for b in doc.blocks if hasattr(b, "rows"))
        line(f"{name} (grid, tables)", size, tables, times, peak)
        times, peak, facts = measure(lambda: govbudget.read(path).facts(), args.runs)
        line(f"{name} (read + facts)", size, len(facts), times, peak)
    with tempfile.TemporaryDirectory() as folder:
        for rows in (500, 2000):
            path = long_table(Path(folder) / f"long{rows}.docx", rows)
            times, peak, doc = measure(lambda: docx_reader.read(path), max(3, args.runs // 2))
            line(f"{rows}-row table (grid, rows)", path.stat().st_size / 1024, len(doc.blocks[-1].rows), times, peak)


if __name__ == "__main__":
    main()
