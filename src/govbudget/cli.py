"""The ``govbudget`` command: the public API on the command line.

Exit codes (fixed, documented in the README):
0 success; 1 ``validate --strict`` found an error-level finding; 2 usage error;
3 an input could not be read; 4 no reader or writer for a format; 5 an output
could not be written; 70 an internal defect.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Sequence

from . import __version__
from ._atomic import atomic_open
from .api import read, validate, write
from .errors import (
    GovbudgetError,
    InputError,
    InternalError,
    OutputError,
    UnknownFormatError,
    UnsupportedFormatError,
)
from .model import Disclosure
from .parallel import in_order, workers
from .provenance import Finding, Severity
from .writers.facts import facts_csv, facts_jsonl

__all__ = ["main", "EXIT_CODES"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_FORMAT = 4
EXIT_OUTPUT = 5
EXIT_INTERNAL = 70
_DIED = "the process reading it died (out of memory, or a crash)"

EXIT_CODES: dict[type[GovbudgetError], int] = {
    UnsupportedFormatError: EXIT_FORMAT,
    UnknownFormatError: EXIT_FORMAT,
    InputError: EXIT_INPUT,
    OutputError: EXIT_OUTPUT,
    InternalError: EXIT_INTERNAL,
}


def exit_code(err: GovbudgetError) -> int:
    """The fixed exit code of an error class (most specific class first)."""
    for cls in type(err).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_INTERNAL


def _error(err: GovbudgetError) -> int:
    for line in _error_lines(err):
        print(line, file=sys.stderr)
    return exit_code(err)


def _error_lines(err: GovbudgetError) -> list[str]:
    if isinstance(err, InternalError):
        return [f"govbudget: internal error: {err}",
                "govbudget: this is a defect in govbudget; please report it with the input file"]
    return [f"govbudget: error: {err}"]


class _Status:
    """The worst exit code so far of a command working through several files."""

    def __init__(self) -> None:
        self.code = EXIT_OK

    def failed(self, code: int) -> None:
        self.code = max(self.code, code)


def _each_read(paths: Sequence[str], status: _Status) -> Iterator[Disclosure]:
    """Each input read in turn (one in memory at a time), failures reported one per file and passed over."""
    for p in paths:
        try:
            d = read(p)
        except GovbudgetError as err:
            status.failed(_error(err))
            continue
        yield d


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def cmd_convert(args: argparse.Namespace) -> int:
    if _same_file(args.input, args.output):
        print("govbudget: error: the output would overwrite the input", file=sys.stderr)
        return EXIT_USAGE
    disclosure = read(args.input)
    if args.split:
        from .split import per_entity, split_path

        out = Path(args.output)
        if any(_same_file(args.input, split_path(out, i, d)) for i, d in enumerate(per_entity(disclosure), 1)):
            print("govbudget: error: an output would overwrite the input", file=sys.stderr)
            return EXIT_USAGE
        for written in write(disclosure, out, format=args.format, split=True):
            print(written)
        return EXIT_OK
    write(disclosure, args.output, format=args.format)
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    if args.output and any(_same_file(i, args.output) for i in args.inputs):
        print("govbudget: error: the output would overwrite an input", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "csv")
    if fmt not in ("csv", "jsonl"):
        print(f"govbudget: error: facts are written as csv or jsonl, not {fmt!r}", file=sys.stderr)
        return EXIT_USAGE
    status = _Status()
    with _facts_output(args.output) as out:
        if fmt == "csv":
            out.write(facts_csv(()))  # the header, once
        # Each file's facts are written as soon as it is read: memory holds one file, not the whole set.
        for chunk, errors, code in in_order(_facts_job, [(p, fmt) for p in args.inputs], workers(args.jobs),
                                            _facts_job_died):
            out.write(chunk)
            for line in errors:
                print(line, file=sys.stderr)
            status.failed(code)
    return status.code


@contextmanager
def _facts_output(path: str | None) -> Iterator[BinaryIO]:
    if path:
        with atomic_open(path) as fh:
            yield fh
    else:
        yield sys.stdout.buffer
        sys.stdout.flush()


def _facts_job(job: tuple[str, str]) -> tuple[bytes, list[str], int]:
    """One input's facts, encoded without a header: (bytes, error lines, exit code)."""
    path, fmt = job
    try:
        facts = read(path).facts()
    except GovbudgetError as err:
        return b"", _error_lines(err), exit_code(err)
    except Exception as err:  # a defect: reported for this file, the others still read
        failure = InternalError(f"unexpected {type(err).__name__}: {err}", path=path)
        return b"", _error_lines(failure), EXIT_INTERNAL
    return (facts_csv(facts, header=False) if fmt == "csv" else facts_jsonl(facts)), [], EXIT_OK


def _facts_job_died(job: tuple[str, str]) -> tuple[bytes, list[str], int]:
    return b"", [f"govbudget: error: {job[0]}: {_DIED}"], EXIT_INTERNAL


def _finding_line(f: Finding) -> str:
    where = f.provenance[0].describe() if f.provenance else ""
    parts = [f"{f.severity.value:<7}", f.code]
    if f.table:
        parts.append(f"[{f.table}{' ' + f.row if f.row else ''}{' ' + f.measure if f.measure else ''}]")
    parts.append(f.message)
    if f.expected is not None or f.actual is not None:
        parts.append(f"(expected {f.expected!s}, actual {f.actual!s})" if f.expected is not None else f"({f.actual})")
    if where:
        parts.append(f"@ {where}")
    return " ".join(parts)


def cmd_inspect(args: argparse.Namespace) -> int:
    status = _Status()
    for d in _each_read(args.inputs, status):
        print(f"{d.source}  (reader: {d.reader})")
        for r in d.reports:
            code = f" [{r.entity_code}]" if r.entity_code else ""
            kind = r.kind.value if r.kind else "?"
            entity = r.entity or "(no entity)"
            print(f"  {entity}{code}  {r.scope.value}  {kind}  {r.year or '?'}  unit {r.unit or '?'}")
            for t in r.tables:
                figures = sum(1 for row in t.rows for c in row.cells if c.value is not None)
                state = "empty" if t.empty else f"{len(t.rows)} rows, {figures} figures"
                print(f"    {t.id:<28} {state:<24} {t.unit or '?':<4} {t.title}")
            from .vocabulary import STANDARD_SETS

            if r.kind is not None:
                missing = [i for i in STANDARD_SETS[r.kind.value] if r.table(i) is None]
                if missing:
                    print(f"    not found: {', '.join(missing)}")
        findings = list(d.all_findings())
        counts = Counter(f.severity.value for f in findings)
        if findings:
            print(f"  findings: {', '.join(f'{n} {s}' for s, n in sorted(counts.items()))}")
            for f in findings:
                if f.severity != Severity.INFO or args.verbose:
                    print(f"    {_finding_line(f)}")
        print()
    return status.code


def cmd_validate(args: argparse.Namespace) -> int:
    status = _Status()
    worst_error = False
    for d in _each_read(args.inputs, status):
        findings = validate(d)
        worst_error |= any(f.severity == Severity.ERROR for f in findings)
        if args.format == "jsonl":
            for f in findings:
                print(json.dumps(_finding_json(d, f), ensure_ascii=False))
        else:
            _validation_report(d, findings, verbose=args.verbose)
    if status.code:
        return status.code
    return EXIT_FINDINGS if args.strict and worst_error else EXIT_OK


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _validation_report(d: Disclosure, findings: list[Finding], *, verbose: bool) -> None:
    """Findings grouped by entity and table, the figures side by side; info only with ``-v``."""
    counts = Counter(f.severity.value for f in findings)
    summary = ", ".join(f"{counts[s.value]} {s.value}" for s in Severity if counts[s.value])
    print(f"{d.source}: {summary or 'no findings'}")
    shown = [f for f in findings if verbose or f.severity is not Severity.INFO]
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in shown:
        groups.setdefault((f.entity or "(file)", f.table or "(report)"), []).append(f)
    entity = None
    for (who, table), items in groups.items():
        if who != entity:
            print(f"  {who}")
            entity = who
        print(f"    {table}")
        for f in sorted(items, key=lambda f: _ORDER[f.severity]):
            figures = ""
            if f.expected is not None or f.actual is not None:
                expected = f.expected if f.expected is not None else "-"
                figures = f"  expected {expected:>12}  actual {f.actual or '-':>12}"
                if f.difference is not None:
                    figures += f"  diff {f.difference} (±{f.tolerance})"
            where = f"  @ {f.provenance[0].describe()}" if f.provenance else ""
            target = " ".join(x for x in (f.row, f.measure) if x)
            print(f"      {f.severity.value:<7} {f.code:<28} {target:<30}{figures}")
            print(f"              {f.message}{where}")
    hidden = len(findings) - len(shown)
    if hidden:
        print(f"  ({hidden} info findings not shown; -v lists them)")


def _finding_json(d: Disclosure, f: Finding) -> dict[str, object]:
    return {
        "source": d.source,
        "rule": f.code,
        "severity": f.severity.value,
        "entity": f.entity,
        "table": f.table,
        "row": f.row,
        "measure": f.measure,
        "expected": f.expected,
        "actual": f.actual,
        "message": f.message,
        "where": [p.describe() for p in f.provenance],
    }


def cmd_batch(args: argparse.Namespace) -> int:
    outdir = Path(args.output)
    if not outdir.is_dir():
        print(f"govbudget: error: {outdir}: not a folder", file=sys.stderr)
        return EXIT_USAGE
    stems = Counter(Path(p).stem for p in args.inputs)
    # Inputs sharing a stem (x.docx, x.pdf) keep their extension in the output's name, so none overwrites another.
    jobs = [(str(p), str(outdir / f"{Path(p).stem if stems[Path(p).stem] == 1 else Path(p).name}.{args.to}"), args.to)
            for p in args.inputs]
    status = _Status()
    for line, code in in_order(_convert_job, jobs, workers(args.jobs), _convert_job_died):
        print(line, flush=True)
        status.failed(code)
    return status.code


def _convert_job(job: tuple[str, str, str]) -> tuple[str, int]:
    """Read one input and write it: the result line (``ok`` or ``failed`` with the reason) and the exit code."""
    path, target, to = job
    try:
        d = read(path)
        write(d, target, format=to)
        facts = len(d.facts())
        findings = sum(1 for _ in d.all_findings())
        return f"ok\t{path}\t{target}\t{facts} facts\t{findings} findings", EXIT_OK
    except GovbudgetError as err:
        return f"failed\t{path}\t{err}", exit_code(err)
    except Exception as err:  # a defect: reported on its line, the other files still converted
        return f"failed\t{path}\t{InternalError(f'unexpected {type(err).__name__}: {err}', path=path)}", \
            EXIT_INTERNAL


def _convert_job_died(job: tuple[str, str, str]) -> tuple[str, int]:
    return f"failed\t{job[0]}\t{job[0]}: {_DIED}", EXIT_INTERNAL


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"takes 0 (one per processor) or a number of processes, not {text!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="govbudget", description="Budget and final-accounts disclosures into data.")
    ap.add_argument("--version", action="version", version=f"govbudget {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("convert", help="read a disclosure and write it in another format")
    p.add_argument("input")
    p.add_argument("-o", "--output", required=True,
                   help="output file; its extension picks the format (.json, .xlsx, .xbrl, .csv, .jsonl)")
    p.add_argument("--format", help="output format name (overrides the extension)")
    p.add_argument("--split", action="store_true",
                   help="one file per entity beside OUTPUT (OUT-1-CODE.xlsx …); prints the files written")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("facts", help="the facts table of one or more disclosures")
    p.add_argument("inputs", nargs="+")
    p.add_argument("-o", "--output", help="a .csv or .jsonl file (CSV to standard output if omitted)")
    p.add_argument("--format", choices=("csv", "jsonl"))
    p.add_argument("-j", "--jobs", type=_jobs, default=1,
                   help="files read at once, each in its own process (0: one per processor; default 1)")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("inspect", help="a readable summary: entities, tables, what was not understood")
    p.add_argument("inputs", nargs="+")
    p.add_argument("-v", "--verbose", action="store_true", help="list informational findings too")
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("validate", help="the findings about each disclosure")
    p.add_argument("inputs", nargs="+")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.add_argument("--strict", action="store_true", help="exit 1 when any finding is an error")
    p.add_argument("-v", "--verbose", action="store_true", help="list informational findings too")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("batch", help="convert many files into a folder, one result line per file")
    p.add_argument("inputs", nargs="+")
    p.add_argument("-o", "--output", required=True, help="the output folder")
    p.add_argument("--to", default="json", help="output format (json, xlsx, xbrl, csv, jsonl)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1,
                   help="files converted at once, each in its own process (0: one per processor; default 1)")
    p.set_defaults(func=cmd_batch)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except GovbudgetError as err:
        return _error(err)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a defect: say so plainly instead of a traceback
        return _error(InternalError(f"unexpected {type(err).__name__}: {err}"))
