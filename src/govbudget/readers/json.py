"""govbudget's own JSON files straight into a :class:`~govbudget.model.Disclosure`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import EmptyInputError, EncodingError, SchemaError
from ..model import SCHEMA_NAME, Disclosure
from . import SNIFF_BYTES, ReaderSpec, read_bytes, register

__all__ = ["sniff", "parse", "read"]

_BOM = b"\xef\xbb\xbf"
_HEAD = re.compile(
    rb'^(?:\xef\xbb\xbf)?[ \t\r\n]*\{[ \t\r\n]*"schema"[ \t\r\n]*:[ \t\r\n]*"'
    + re.escape(SCHEMA_NAME.encode())
    + rb'"'
)


def sniff(head: bytes, path: Path) -> bool:
    """True when the bytes open a JSON object whose first key names our schema."""
    return _HEAD.match(head[:SNIFF_BYTES]) is not None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # dict() would keep the last of two equal keys and silently drop the first.
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r} in an object")
        seen.add(key)
    return dict(pairs)


def parse(data: bytes, path: Path | str) -> Disclosure:
    """The disclosure held by the bytes of a govbudget JSON file."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise EncodingError(f"JSON must be UTF-8 (byte {err.start}: {err.reason})", path=path) from err
    try:
        doc = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno} column {err.colno}"
        raise SchemaError(f"invalid JSON: {err.msg}", path=path, where=where) from err
    except ValueError as err:
        raise SchemaError(f"invalid JSON: {err}", path=path) from err
    except RecursionError as err:
        raise SchemaError("invalid JSON: nested too deeply", path=path) from err
    from ..serialise import structure  # cattrs is imported only when JSON is read

    return structure(doc, path=path)


def read(path: Path) -> Disclosure:
    """Read a govbudget JSON file back into the model it was written from."""
    return parse(read_bytes(path), path)


register(ReaderSpec(name="json", extensions=("json",), sniff=sniff, read=read))
