"""Where a figure or a doubt came from: file, page or table, row, column.

Shared by the readers' neutral grid and the canonical model, so that a cell's
origin travels unchanged from the bytes to the facts table.
"""

from __future__ import annotations

from enum import Enum

import attrs

__all__ = ["Provenance", "Severity", "Finding"]


@attrs.frozen
class Provenance:
    """The place a piece of text was read from.

    ``page`` is the 1-based PDF page; for other formats it stays ``None`` and
    ``table`` (the 1-based ordinal of the table in the file) locates the figure.
    ``row`` and ``column`` are 0-based positions in the source table as printed.
    ``line`` is the 1-based line of a text file, ``sheet`` a workbook sheet name and
    ``bbox`` a PDF box (x0, top, x1, bottom) in points.
    """

    file: str
    page: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    sheet: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def describe(self) -> str:
        """A short human-readable location such as ``x.txt line 12 table 3 row 4 col 2``."""
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row + 1}")
        if self.column is not None:
            parts.append(f"col {self.column + 1}")
        return " ".join(parts)


class Severity(str, Enum):
    """How much a finding matters: an error means a figure is wrong or missing."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Finding:
    """A doubt about the input, recorded as data instead of guessed away.

    ``code`` is stable (``row.unrecognised``, ``cell.not_amount`` ...); the
    message is for people. ``expected`` / ``actual`` carry figures or text as
    printed when a finding compares two things; ``difference`` is actual minus
    expected and ``tolerance`` the rounding slack the comparison allowed.
    """

    code: str
    severity: Severity
    message: str
    entity: str | None = None
    table: str | None = None
    row: str | None = None
    measure: str | None = None
    expected: str | None = None
    actual: str | None = None
    provenance: tuple[Provenance, ...] = ()
    difference: str | None = None
    tolerance: str | None = None
