"""One disclosure into one per entity, each with the file name it is written to.

``OUT.xlsx`` becomes ``OUT-1-450.xlsx``, ``OUT-2-450001.xlsx`` …: the entity's
1-based place in the file, then its code, or its name where it has no code.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from .model import Disclosure

__all__ = ["per_entity", "split_path", "DEFAULT_NAME_CHARS"]

DEFAULT_NAME_CHARS = 40
_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def per_entity(disclosure: Disclosure) -> list[Disclosure]:
    """One disclosure per report, each keeping the file-level findings."""
    return [attrs.evolve(disclosure, reports=(report,)) for report in disclosure.reports]


def split_path(path: Path, index: int, disclosure: Disclosure) -> Path:
    """The file the ``index``-th (1-based) entity of a split is written to, beside ``path``."""
    report = disclosure.reports[0] if disclosure.reports else None
    tag = (report.entity_code or report.entity) if report else ""
    tag = _UNSAFE.sub("_", tag).strip("._")[:DEFAULT_NAME_CHARS]
    name = f"{path.stem}-{index}" + (f"-{tag}" if tag else "") + path.suffix
    return path.with_name(name)
