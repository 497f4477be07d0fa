"""Speed and memory of the PDF reader against bare pdfplumber table extraction; prints figures, asserts nothing.

For each PDF (the fixtures, the seeds printed to PDF and the published files) the
whole ``govbudget.read(path).facts()`` is timed against ``page.extract_tables()``
over the same pages with pdfplumber alone, the two interleaved in each run so
that both see the same machine; the ratio ours / pdfplumber is given as
min / median / max over the runs, per file and for all files together. Peak
memory (resident set) is measured in a child process on a 200-page file drawn
on the fly (needs the ``fixtures`` extra), for both.

Run from the project root: ``python benchmarks/pdf.py [--runs N] [--pages N] [--quick]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govbudget  # noqa: E402

UNREADABLE = {"encrypted.pdf", "truncated.pdf", "scanned.pdf", "cid_font.pdf"}


def files() -> list[Path]:
    out = sorted(p for p in (ROOT / "fixtures" / "pdf").rglob("*.pdf") if p.name not in UNREADABLE)
    shared = ROOT.parent / "shared" / "realworld"
    real = shared if shared.is_dir() else ROOT / "fixtures" / "realworld"
    return out + sorted(real.glob("*.pdf"))


def ours(path: Path) -> float:
    t0 = time.perf_counter()
    govbudget.read(path).facts()
    return time.perf_counter() - t0


def baseline(path: Path) -> float:
    import pdfplumber

    t0 = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
    return time.perf_counter() - t0


def spread(values: list[float]) -> str:
    return f"{min(values):>6.2f} {statistics.median(values):>6.2f} {max(values):>6.2f}"


def timing(paths: list[Path], runs: int) -> None:
    print(f"{'file':<42} {'pages':>5} {'ours ms':>8} {'plumb ms':>8}   ratio min/median/max")
    total_ours = [0.0] * runs
    total_base = [0.0] * runs
    for path in paths:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        ours(path), baseline(path)  # warm the file cache and the imports
        mine, theirs = [], []
        for k in range(runs):
            a, b = (ours(path), baseline(path)) if k % 2 == 0 else (baseline(path), ours(path))[::-1]
            mine.append(a)
            theirs.append(b)
            total_ours[k] += a
            total_base[k] += b
        ratios = [a / b for a, b in zip(mine, theirs)]
        print(f"{path.name[:42]:<42} {pages:>5} {statistics.median(mine) * 1000:>8.0f} "
              f"{statistics.median(theirs) * 1000:>8.0f}   {spread(ratios)}")
    ratios = [a / b for a, b in zip(total_ours, total_base)]
    print(f"{'all files':<42} {'':>5} {statistics.median(total_ours) * 1000:>8.0f} "
          f"{statistics.median(total_base) * 1000:>8.0f}   {spread(ratios)}")


_CHILD = """
import resource, sys, time
sys.path.insert(0, {src!r})
t0 = time.perf_counter()
if {mode!r} == "ours":
    import govbudget
    n = len(govbudget.read({path!r}).facts())
else:
    import pdfplumber
    n = 0
    with pdfplumber.open({path!r}) as pdf:
        for page in pdf.pages:
            n += len(page.extract_tables())
            page.close()
print(n, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(pages: int) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from pdf_fixtures_drawn import long_document
    except ImportError:
        print("memory: reportlab is not installed (pip install -e '.[fixtures]'); skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"long_{pages}.pdf"
        long_document(path, pages)
        print(f"\n{pages}-page file: {path.stat().st_size / 1024:.0f} KB")
        for mode in ("ours", "pdfplumber"):
            code = _CHILD.format(src=str(ROOT / "src"), mode=mode, path=str(path))
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            count, seconds, rss_kb = out.split()
            what = "facts" if mode == "ours" else "tables"
            print(f"{mode:<11} {float(seconds):>7.1f} s  peak RSS {int(rss_kb) / 1024:>6.0f} MB  ({count} {what})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--quick", action="store_true", help="the published files only, three runs")
    args = ap.parse_args()
    paths = files()
    if args.quick:
        paths = [p for p in paths if "realworld" in str(p.parent)]
        args.runs = 3
    timing(paths, args.runs)
    memory(args.pages)


if __name__ == "__main__":
    main()
