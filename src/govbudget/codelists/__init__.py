"""The official classification codes (功能分类, 经济分类) with their names by year, from CSV package data."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

import attrs

__all__ = ["CodeEntry", "lookup", "entries", "by_name", "names_match", "structural_problem", "years"]

_FILES = {"fn": "function.csv", "econ": "econ_dept.csv", "gov_econ": "econ_gov.csv"}
_LENGTHS = {"fn": (3, 5, 7), "econ": (3, 5), "gov_econ": (3, 5)}
_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "【": "[", "】": "]", "［": "[", "］": "]",
                           "“": "", "”": "", '"': ""})


@attrs.frozen
class CodeEntry:
    """One code with one of its names, the years that print it and its source."""

    scheme: str
    code: str
    name: str
    level: str
    parent: str
    valid_from: int | None
    valid_to: int | None
    source: str
    staff_or_public: str = ""

    def covers(self, year: int | None) -> bool:
        """True when the row's years include ``year`` (rows of unknown years cover every year)."""
        if year is None or self.valid_from is None:
            return True
        return self.valid_from <= year <= (self.valid_to or self.valid_from)


def _normal(name: str) -> str:
    return re.sub(r"\s+", "", name).translate(_BRACKETS)


@lru_cache(maxsize=None)
def entries(scheme: str) -> tuple[CodeEntry, ...]:
    """Every row of one list."""
    text = resources.files(__package__).joinpath(_FILES[scheme]).read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        out.append(CodeEntry(
            scheme, row["code"], row["name"], row["level"], row["parent"],
            int(row["valid_from"]) if row["valid_from"] else None,
            int(row["valid_to"]) if row["valid_to"] else None,
            row["source"], row.get("staff_or_public") or "",
        ))
    return tuple(out)


@lru_cache(maxsize=None)
def _by_code(scheme: str) -> dict[str, tuple[CodeEntry, ...]]:
    index: dict[str, list[CodeEntry]] = {}
    for e in entries(scheme):
        index.setdefault(e.code, []).append(e)
    return {k: tuple(v) for k, v in index.items()}


def lookup(scheme: str, code: str, year: int | None = None) -> CodeEntry | None:
    """The row of a code for a year: one whose years cover it, else the latest; ``None`` if unknown."""
    rows = _by_code(scheme).get(code, ())
    if not rows:
        return None
    covering = [e for e in rows if e.covers(year) and e.valid_from is not None]
    pool = covering or rows
    return max(pool, key=lambda e: (e.valid_to or e.valid_from or 0, len(e.source)))


def names_match(a: str, b: str) -> bool:
    """Whether two printed names are the same name (spaces, bracket widths and quotes aside)."""
    return _normal(a) == _normal(b)


def by_name(scheme: str, name: str, year: int | None = None, parent: str | None = None) -> list[CodeEntry]:
    """The codes a name stands for (one entry per code), children of ``parent`` only when given.

    Rows printed in ``year`` win; a name seen only in other years still counts when no
    row of that year has it (the years are those of the documents that print it).
    """
    wanted = _normal(name)
    matching = [e for e in entries(scheme)
                if _normal(e.name) == wanted and not (parent and not e.code.startswith(parent)) and e.code != parent]
    in_year = [e for e in matching if e.valid_from is None or e.covers(year)]
    superseded = {e.code for e in entries(scheme) if e.valid_from is not None and e.covers(year)
                  and _normal(e.name) != wanted}
    pool = in_year or [e for e in matching if e.code not in superseded]
    found: dict[str, CodeEntry] = {}
    for e in pool:
        found.setdefault(e.code, e)
    return list(found.values())


def structural_problem(scheme: str, code: str) -> str | None:
    """Why a code cannot be one of the scheme's, or ``None`` when it is well formed and its parent known."""
    if not code.isdigit():
        return f"{scheme} code {code!r} is not all digits"
    if len(code) not in _LENGTHS[scheme]:
        return f"{scheme} code of {len(code)} digits"
    if len(code) > 3 and code[:-2] not in _by_code(scheme):
        return f"parent {code[:-2]} is not in the list"
    return None


def years() -> range:
    """The budget years the lists cover: from the first to the last year any row is dated."""
    known = [y for s in _FILES for e in entries(s) for y in (e.valid_from, e.valid_to) if y]
    return range(min(known), max(known) + 1)
