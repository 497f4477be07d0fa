"""The text of a text file: byte-order marks, UTF-8, else GB18030, with a clear error for anything else."""

from __future__ import annotations

from pathlib import Path

from ..errors import EmptyInputError, EncodingError

__all__ = ["decode", "DEFAULT_CONTROL_SHARE"]

# Over this share of control characters, bytes that decode as GB18030 are not text.
DEFAULT_CONTROL_SHARE = 0.05


def decode(data: bytes, path: Path | str) -> str:
    """The file's text: BOM-marked encodings, else UTF-8, else GB18030."""
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path)
    text = _decode(data, path)
    if not text.strip():
        # A byte-order mark, or UTF-16 spaces, and nothing else.
        raise EmptyInputError("the file is empty", path=path)
    return text


def _decode(data: bytes, path: Path | str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict")
        except UnicodeDecodeError as err:
            raise EncodingError(
                f"marked as UTF-8 but not UTF-8 (byte {err.start + 3}: {err.reason})", path=path
            ) from err
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise EncodingError(f"marked as UTF-16 but not UTF-16 ({err.reason})", path=path) from err
    if b"\x00" in data[:8192]:
        raise EncodingError("binary content (NUL bytes): not a text file", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise EncodingError(
            f"neither UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) nor GB18030 text",
            path=path,
        ) from utf8_error
    if _control_share(text) > DEFAULT_CONTROL_SHARE:
        raise EncodingError("the bytes decode as GB18030 only into control characters", path=path)
    return text


def _control_share(text: str) -> float:
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / max(len(text), 1)
