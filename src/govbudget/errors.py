"""The one exception hierarchy: every failure govbudget raises, with its wording.

Bad input (a file that cannot be read as a disclosure) is told apart from
internal defects. Each class also inherits the builtin it corresponds to, so
callers that catch ``ValueError`` or ``OSError`` keep working. Every message
names the file and, where known, the place in it.
"""

from __future__ import annotations

__all__ = [
    "GovbudgetError",
    "InputError",
    "EmptyInputError",
    "EncodingError",
    "UnsupportedFormatError",
    "NotADisclosureError",
    "DamagedFileError",
    "EncryptedFileError",
    "SchemaError",
    "PdfReadError",
    "OutputError",
    "UnknownFormatError",
    "InternalError",
]


class GovbudgetError(Exception):
    """Root of every error govbudget raises on purpose."""

    def __init__(self, message: str, *, path: object = None, where: str | None = None) -> None:
        self.path = None if path is None else str(path)
        self.where = where
        self.detail = message
        super().__init__(self._compose())

    def _compose(self) -> str:
        parts = [p for p in (self.path, self.where) if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.detail}" if prefix else self.detail


class InputError(GovbudgetError, ValueError):
    """The input cannot be read as a disclosure."""


class EmptyInputError(InputError):
    """The input file holds no text at all."""


class EncodingError(InputError):
    """The input's bytes are not text in any encoding we read (UTF-8, GB18030)."""


class UnsupportedFormatError(InputError):
    """No registered reader recognises the input."""


class NotADisclosureError(InputError):
    """The input is readable but holds neither annex tables nor budget figures."""


class DamagedFileError(InputError):
    """The file is damaged or truncated, or is not the format it claims (a zip that is no Office package)."""


class EncryptedFileError(InputError):
    """The file is password-protected; it must be saved without the password first."""


class SchemaError(InputError):
    """A govbudget JSON file of another schema or version, or malformed."""


class PdfReadError(InputError):
    """A PDF whose text cannot be read: no text layer (scanned pages) or glyphs without Unicode mapping."""


class OutputError(GovbudgetError, OSError):
    """An output file could not be written."""


class UnknownFormatError(GovbudgetError, ValueError):
    """An output format that no writer provides."""


class InternalError(GovbudgetError, RuntimeError):
    """A defect in govbudget itself, not a problem with the input."""
