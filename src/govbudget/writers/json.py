"""A disclosure into govbudget's own JSON: UTF-8, indented, every field written."""

from __future__ import annotations

import json

from ..errors import InternalError
from ..model import Disclosure
from . import WriterSpec, register

__all__ = ["to_json"]


def to_json(disclosure: Disclosure) -> bytes:
    """The disclosure as JSON bytes that :func:`govbudget.readers.json.read` reads back equal."""
    from ..serialise import unstructure  # cattrs is imported only when JSON is written

    text = json.dumps(unstructure(disclosure), ensure_ascii=False, indent=2, allow_nan=False)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError as err:
        # Only a lone surrogate, which no decoded file holds, gets here.
        raise InternalError(f"text that is not Unicode ({err.reason}) cannot be written as JSON") from err


register(WriterSpec(name="json", extensions=("json",), write=to_json))
