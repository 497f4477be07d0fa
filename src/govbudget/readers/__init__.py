"""The reader registry: which reader takes a file, by content first, then extension.

A reader turns a file into a :class:`~govbudget.grid.SourceDocument` (to be
recognised) or, for our own JSON, straight into a
:class:`~govbudget.model.Disclosure`. The registry is a plain dict, in the order
readers are tried; third parties add theirs with :func:`register` or through the
``govbudget.readers`` entry-point group (an object with the fields of
:class:`ReaderSpec`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import attrs

from ..errors import InputError, UnsupportedFormatError
from ..grid import SourceDocument
from ..model import Disclosure

__all__ = ["ReaderSpec", "READERS", "register", "detect", "read_bytes", "SNIFF_BYTES"]

SNIFF_BYTES = 8192


@attrs.frozen
class ReaderSpec:
    """A reader: its name, the extensions it claims and how to spot its content.

    ``sniff(head, path)`` gets the first :data:`SNIFF_BYTES` of the file and says
    whether the content is this reader's; ``read(path)`` does the work.
    """

    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes, Path], bool]
    read: Callable[[Path], SourceDocument | Disclosure]


READERS: dict[str, ReaderSpec] = {}
_entry_points_loaded = False


def register(spec: ReaderSpec) -> ReaderSpec:
    """Add (or replace) a reader; later registrations are tried after earlier ones."""
    READERS[spec.name] = spec
    return spec


def read_bytes(path: Path) -> bytes:
    """The whole content of an input file; an :class:`~govbudget.errors.InputError` naming it if it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from err


def _load_builtin() -> None:
    # Imported here so that ``import govbudget`` stays light: each reader module
    # registers itself and imports its heavy dependency only when reading.
    from . import docx as _docx  # noqa: F401
    from . import json as _json  # noqa: F401
    from . import pdf as _pdf  # noqa: F401
    from . import text as _text  # noqa: F401
    from . import xbrl as _xbrl  # noqa: F401
    from . import xlsx as _xlsx  # noqa: F401


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    from importlib import metadata

    for ep in metadata.entry_points(group="govbudget.readers"):
        register(ep.load())


def detect(path: Path, head: bytes, *, format: str | None = None) -> ReaderSpec:
    """The reader for a file: named by ``format``, else by content, else by extension."""
    _load_builtin()
    _load_entry_points()
    if format is not None:
        try:
            return READERS[format]
        except KeyError:
            known = ", ".join(READERS)
            raise UnsupportedFormatError(f"no reader named {format!r} (known: {known})", path=path) from None
    for spec in READERS.values():
        if spec.sniff(head, path):
            return spec
    suffix = path.suffix.lower().lstrip(".")
    for spec in READERS.values():
        if suffix in spec.extensions:
            return spec
    raise UnsupportedFormatError(
        "not a format govbudget reads (text, markdown, Word, Excel, PDF, JSON, XBRL); convert it first", path=path
    )
