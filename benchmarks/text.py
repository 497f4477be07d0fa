"""Time and peak memory of ``read`` + ``facts`` on the text fixtures; prints figures, asserts nothing.

Run from the project root: ``python benchmarks/text.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govbudget  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    files = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    files += sorted((ROOT / "fixtures" / "realworld").glob("*.txt"))
    files += sorted(p for p in (ROOT / "fixtures" / "flavours").iterdir() if p.suffix in (".md", ".txt"))
    print(f"{'file':<44} {'KB':>6} {'facts':>6} {'min ms':>8} {'median':>8} {'max':>8} {'peak MB':>8}")
    for path in files:
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            facts = govbudget.read(path).facts()
            times.append((time.perf_counter() - t0) * 1000)
        tracemalloc.start()
        govbudget.read(path).facts()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"{path.name[:44]:<44} {path.stat().st_size / 1024:>6.0f} {len(facts):>6} {min(times):>8.1f} "
              f"{statistics.median(times):>8.1f} {max(times):>8.1f} {peak:>8.1f}")


if __name__ == "__main__":
    main()
