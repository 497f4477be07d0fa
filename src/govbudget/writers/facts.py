"""Facts as CSV or JSON Lines, exactly the columns of the facts table."""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable

from ..facts import FACT_COLUMNS, Fact
from ..model import Disclosure
from . import WriterSpec, register

__all__ = ["facts_csv", "facts_jsonl"]


def facts_csv(facts: Iterable[Fact], *, header: bool = True) -> bytes:
    """UTF-8 CSV with a header row (unless ``header`` is false), ``\\n`` line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if header:
        writer.writerow(FACT_COLUMNS)
    for f in facts:
        writer.writerow([getattr(f, c) for c in FACT_COLUMNS])
    return buf.getvalue().encode("utf-8")


def facts_jsonl(facts: Iterable[Fact]) -> bytes:
    """One JSON object per fact and line, keys in column order."""
    return "".join(json.dumps(f.as_dict(), ensure_ascii=False) + "\n" for f in facts).encode("utf-8")


def _csv(d: Disclosure) -> bytes:
    return facts_csv(d.facts())


def _jsonl(d: Disclosure) -> bytes:
    return facts_jsonl(d.facts())


register(WriterSpec(name="csv", extensions=("csv",), write=_csv))
register(WriterSpec(name="jsonl", extensions=("jsonl", "ndjson"), write=_jsonl))
