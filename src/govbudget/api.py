"""The whole flow on one screen: detect the reader, read, recognise, write.

``read(path)`` -> :class:`~govbudget.model.Disclosure`; ``write(disclosure,
path)`` picks the writer from the extension; ``validate(disclosure)`` lists the
findings. Every failure is a :class:`~govbudget.errors.GovbudgetError`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, overload

from ._atomic import atomic_write
from .errors import GovbudgetError, InputError, InternalError
from .model import Disclosure
from .provenance import Finding, Severity
from .readers import SNIFF_BYTES, detect
from .recognise import recognise
from .writers import WriterSpec, for_output

__all__ = ["read", "write", "validate"]


def read(path: str | os.PathLike[str], *, format: str | None = None) -> Disclosure:
    """Read one disclosure file (text, markdown, Word, Excel or our JSON) into the model.

    ``format`` names a reader and skips detection. Raises an
    :class:`~govbudget.errors.InputError` subclass for input that cannot be read.
    """
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path=p)
    if p.is_dir():
        raise InputError("is a folder, not a file", path=p)
    try:
        with p.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=p) from err
    spec = detect(p, head, format=format)
    try:
        result = spec.read(p)
        return result if isinstance(result, Disclosure) else recognise(result)
    except GovbudgetError:
        raise
    except Exception as err:  # a defect of ours: say so, with the file, never a bare traceback
        raise InternalError(f"unexpected {type(err).__name__} while reading: {err}", path=p) from err


@overload
def write(disclosure: Disclosure, path: str | os.PathLike[str], format: str | None = None, *,
          split: Literal[False] = False) -> Path: ...


@overload
def write(disclosure: Disclosure, path: str | os.PathLike[str], format: str | None = None, *,
          split: Literal[True]) -> list[Path]: ...


def write(disclosure: Disclosure, path: str | os.PathLike[str], format: str | None = None, *,
          split: bool = False) -> Path | list[Path]:
    """Write a disclosure atomically; the format comes from ``format`` or the extension.

    With ``split=True`` each entity (report) goes to a file of its own beside ``path``
    (``out.xlsx`` -> ``out-1-450.xlsx``, ``out-2-450001.xlsx``; see ``govbudget.split``)
    and the list of files written is returned.
    """
    p = Path(path)
    spec = for_output(p, format)
    if split:
        from .split import per_entity, split_path

        parts = per_entity(disclosure)
        return [atomic_write(split_path(p, i, part), _bytes(spec, part, p)) for i, part in enumerate(parts, 1)]
    return atomic_write(p, _bytes(spec, disclosure, p))


def _bytes(spec: WriterSpec, disclosure: Disclosure, p: Path) -> bytes:
    try:
        return spec.write(disclosure)
    except GovbudgetError:
        raise
    except Exception as err:
        raise InternalError(f"unexpected {type(err).__name__} while writing {spec.name}: {err}", path=p) from err


def validate(disclosure: Disclosure, *, min_severity: Severity = Severity.INFO) -> list[Finding]:
    """What to doubt in a disclosure: the findings made while reading, then those of every check.

    The checks are the accounting identities within and across tables and reports
    (``govbudget.validation.RULES``). ``min_severity`` drops the less severe ones.
    """
    from .validation import check

    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    limit = order[min_severity]
    findings = [*disclosure.all_findings(), *check(disclosure)]
    return [f for f in findings if order[f.severity] <= limit]
