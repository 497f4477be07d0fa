"""The writer registry: output formats by name and file extension.

A writer turns a :class:`~govbudget.model.Disclosure` into bytes; the API writes
them atomically. Third parties add writers with :func:`register` or through the
``govbudget.writers`` entry-point group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import attrs

from ..errors import UnknownFormatError
from ..model import Disclosure

__all__ = ["WriterSpec", "WRITERS", "register", "for_output"]


@attrs.frozen
class WriterSpec:
    """A writer: its format name, the extensions that select it, and the work."""

    name: str
    extensions: tuple[str, ...]
    write: Callable[[Disclosure], bytes]


WRITERS: dict[str, WriterSpec] = {}
_entry_points_loaded = False


def register(spec: WriterSpec) -> WriterSpec:
    """Add (or replace) a writer."""
    WRITERS[spec.name] = spec
    return spec


def _load() -> None:
    global _entry_points_loaded
    from . import facts as _facts  # noqa: F401
    from . import json as _json  # noqa: F401
    from . import xbrl as _xbrl  # noqa: F401
    from . import xlsx as _xlsx  # noqa: F401

    if not _entry_points_loaded:
        _entry_points_loaded = True
        from importlib import metadata

        for ep in metadata.entry_points(group="govbudget.writers"):
            register(ep.load())


def for_output(path: Path, format: str | None = None) -> WriterSpec:
    """The writer named by ``format``, else the one whose extension ``path`` has."""
    _load()
    if format is not None:
        try:
            return WRITERS[format]
        except KeyError:
            raise UnknownFormatError(
                f"unknown output format {format!r} (known: {', '.join(WRITERS)})", path=path
            ) from None
    suffix = path.suffix.lower().lstrip(".")
    for spec in WRITERS.values():
        if suffix in spec.extensions:
            return spec
    raise UnknownFormatError(
        f"cannot tell the output format from the extension {path.suffix or '(none)'!r}; "
        f"pass format= one of {', '.join(WRITERS)}",
        path=path,
    )
