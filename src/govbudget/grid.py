"""The format-neutral grid every reader produces: paragraphs and tables of cells.

A reader turns bytes into a :class:`SourceDocument` and knows nothing else; the
recogniser turns the grid into the model. Tables are expanded to one cell per
grid position: a position covered by a merged cell has empty text and
``merged_from`` pointing at the span's top-left cell, which holds the text, as the
(row, column) of that cell's provenance.
"""

from __future__ import annotations

import attrs

from .provenance import Finding, Provenance

__all__ = ["GridCell", "GridRow", "GridTable", "Paragraph", "Block", "SourceDocument"]


@attrs.frozen
class GridCell:
    """The text of one grid position, as printed (line wraps already joined)."""

    text: str
    provenance: Provenance
    merged_from: tuple[int, int] | None = None

    @property
    def covered(self) -> bool:
        """True for a position inside a merged cell other than its top-left one."""
        return self.merged_from is not None


@attrs.frozen
class GridRow:
    """A printed row of cells.

    ``aligned`` is False when the source lost the column positions (text pulled
    from a PDF with runs of spaces collapsed): the cells are then in reading
    order but blanks are missing, and the recogniser must place them.
    """

    cells: tuple[GridCell, ...]
    provenance: Provenance
    aligned: bool = True

    @property
    def texts(self) -> list[str]:
        """The cells' texts."""
        return [c.text for c in self.cells]


@attrs.frozen
class GridTable:
    """A table as printed: rows of cells with their provenance."""

    rows: tuple[GridRow, ...]
    provenance: Provenance


@attrs.frozen
class Paragraph:
    """A line or paragraph of text outside tables; ``level`` > 0 marks a heading."""

    text: str
    provenance: Provenance
    level: int = 0


Block = Paragraph | GridTable


@attrs.frozen
class SourceDocument:
    """A whole input file as blocks in reading order, with the reader's doubts."""

    source: str
    reader: str
    blocks: tuple[Block, ...]
    findings: tuple[Finding, ...] = ()
