"""Many files at once: ``govbudget facts`` and ``batch`` with and without ``--jobs``; prints figures.

Each command runs as a child process (as a user runs it) over the published PDFs
and the seeds printed to PDF, and, for memory, over the five seed texts repeated
until there are ``--copies`` inputs; wall time (min / median / max over the runs)
and, for serial runs, the command's peak resident set are printed.

Run from the project root: ``python benchmarks/many.py [--runs N] [--copies N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pdfs() -> list[Path]:
    published = sorted((ROOT / "fixtures" / "realworld").glob("*.pdf"))
    return published + sorted((ROOT / "fixtures" / "pdf" / "seeds").glob("*.pdf"))


# Runs the command and prints its peak resident set: a fresh process per measurement, because a process's
# figure for its children is the largest child it ever waited for.
_PROBE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(args: list[str]) -> tuple[float, float]:
    """Wall seconds and the command's peak RSS in MB."""
    command = [sys.executable, "-c", "import sys; from govbudget.cli import main; sys.exit(main(sys.argv[1:]))", *args]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    t0 = time.perf_counter()
    probe = subprocess.run([sys.executable, "-c", _PROBE, *command], env=env, capture_output=True, text=True,
                           check=True)
    wall = time.perf_counter() - t0
    return wall, int(probe.stdout.split()[-1]) / 1024


def spread(values: list[float]) -> str:
    return f"{min(values):7.1f} {statistics.median(values):7.1f} {max(values):7.1f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1000)
    opts = ap.parse_args()
    files = [str(p) for p in pdfs()]
    print(f"{len(files)} PDFs, {os.cpu_count()} processors, {opts.runs} runs; seconds min / median / max")
    with tempfile.TemporaryDirectory() as tmp:
        for label, args in [
            ("facts           ", ["facts", *files, "-o", f"{tmp}/f.csv"]),
            ("facts --jobs 0  ", ["facts", *files, "-o", f"{tmp}/f.csv", "--jobs", "0"]),
            ("batch xlsx      ", ["batch", *files, "-o", tmp, "--to", "xlsx"]),
            ("batch xlsx -j 0 ", ["batch", *files, "-o", tmp, "--to", "xlsx", "--jobs", "0"]),
        ]:
            runs = [measure(args) for _ in range(opts.runs)]
            # Workers start from a fork server, outside the probe's reach: only a serial run's peak is whole.
            peak = "" if "--jobs" in args else f"   peak RSS {max(p for _, p in runs):.0f} MB"
            print(f"{label} {spread([w for w, _ in runs])}{peak}")
        seeds = sorted(str(p) for p in (ROOT / "fixtures" / "seeds").glob("*.txt"))
        many = (seeds * (opts.copies // len(seeds) + 1))[: opts.copies]
        wall, peak = measure(["facts", *many, "-o", f"{tmp}/many.csv"])
        rows = sum(1 for _ in open(f"{tmp}/many.csv", encoding="utf-8")) - 1
        print(f"facts over {len(many)} seed texts: {wall:.1f} s, {rows} facts, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
