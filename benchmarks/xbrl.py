"""Time and size of writing and reading XBRL per fixture, and of one Arelle run over them; prints, asserts nothing.

Run from the project root: ``python benchmarks/xbrl.py [--runs N] [--no-arelle]``.
Arelle (``pip install arelle-release``, in the test extra) validates offline against the taxonomy package.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govbudget  # noqa: E402
from govbudget.readers.xbrl import parse  # noqa: E402
from govbudget.taxonomy import package_bytes  # noqa: E402
from govbudget.writers.xbrl import to_xbrl  # noqa: E402


def _median_ms(func, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _arelle(paths: list[Path], package: Path) -> tuple[float, int]:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    class Count(logging.Handler):
        problems = 0

        def emit(self, record: logging.LogRecord) -> None:
            Count.problems += record.levelno > logging.INFO

    options = RuntimeOptions(entrypointFile=json.dumps([{"file": str(p)} for p in paths]), packages=[str(package)],
                             validate=True, internetConnectivity="offline", disablePersistentConfig=True,
                             logLevel="INFO")
    start = time.perf_counter()
    with Session() as session:
        session.run(options, logHandler=Count())
    return time.perf_counter() - start, Count.problems


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-arelle", action="store_true")
    args = ap.parse_args()
    fixtures = ROOT / "fixtures"
    files = sorted((fixtures / "seeds").glob("*.txt")) + sorted((fixtures / "realworld").glob("*.txt"))
    files += sorted((fixtures / "flavours").iterdir()) + sorted((fixtures / "office").iterdir())
    print(f"{'file':<44} {'facts':>6} {'KB':>7} {'write ms':>9} {'read ms':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        written = []
        for path in files:
            d = govbudget.read(path)
            data = to_xbrl(d)
            out = Path(tmp) / f"{path.name}.xbrl"
            out.write_bytes(data)
            written.append(out)
            write_ms = _median_ms(lambda: to_xbrl(d), args.runs)
            read_ms = _median_ms(lambda: parse(data, out.name), args.runs)
            print(f"{path.name:<44} {len(d.facts()):>6} {len(data) / 1024:>7.1f} {write_ms:>9.1f} {read_ms:>8.1f}")
        if not args.no_arelle:
            package = Path(tmp) / "govbudget-taxonomy.zip"
            package.write_bytes(package_bytes())
            seconds, problems = _arelle(written, package)
            print(f"Arelle, one run over {len(written)} instances: {seconds:.1f} s, "
                  f"{problems} messages above info")


if __name__ == "__main__":
    main()
