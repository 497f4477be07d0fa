"""Markdown pipe tables and HTML ``<table>`` blocks into grid tables.

PDF-to-markdown tools emit both. HTML tables may merge cells with ``rowspan`` /
``colspan``: they are expanded to one grid position each, the covered ones
left empty and pointing at the span's first cell, so that header logic sees the same shape as
for any other format.
"""

from __future__ import annotations

import re

from ..grid import GridCell, GridRow, GridTable
from ..provenance import Provenance
from ..textnorm import join_wrapped, strip_markup

__all__ = ["is_pipe_row", "is_pipe_rule", "pipe_table", "html_table"]

_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# GitHub-flavoured markdown takes a single hyphen per column (``|:-:|-|``) when
# the line has a pipe; a body row of ``-`` placeholders looks the same, so a
# short rule is only skipped right under the header line.
_SHORT_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
DEFAULT_MAX_SPAN = 200  # a span wider than any annex table is a typo, not a layout


def is_pipe_row(line: str) -> bool:
    """A markdown table line: starts with a pipe after optional indentation."""
    return line.lstrip().startswith("|")


def is_pipe_rule(line: str) -> bool:
    """The ``|---|:---:|`` (or ``|-|:-:|``) line under a markdown table header."""
    return bool(_PIPE_RULE.match(line)) or ("|" in line and bool(_SHORT_PIPE_RULE.match(line)))


def _cell_text(raw: str) -> str:
    return join_wrapped(strip_markup(raw.replace("\\|", "|")).split("\n"))


def pipe_table(lines: list[str], first_line: int, file: str, ordinal: int) -> GridTable:
    """A markdown pipe table (its lines, the 1-based number of the first) as a grid."""
    rows: list[GridRow] = []
    for offset, line in enumerate(lines):
        if _PIPE_RULE.match(line) or (offset == 1 and is_pipe_rule(line)):
            continue
        body = line.strip()
        if body.startswith("|"):
            body = body[1:]
        if body.endswith("|") and not body.endswith("\\|"):
            body = body[:-1]
        lineno = first_line + offset
        r = len(rows)
        cells = tuple(
            GridCell(_cell_text(raw), Provenance(file, table=ordinal, row=r, column=c, line=lineno))
            for c, raw in enumerate(_PIPE_SPLIT.split(body))
        )
        rows.append(GridRow(cells, Provenance(file, table=ordinal, row=r, line=lineno)))
    return GridTable(tuple(rows), Provenance(file, table=ordinal, line=first_line))


def _span(value: str | None) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(n, 1), DEFAULT_MAX_SPAN)


def html_table(html: str, first_line: int, file: str, ordinal: int) -> GridTable:
    """An HTML ``<table>`` block as a grid, merged cells expanded.

    Nested tables are flattened into their cell's text, their cells joined like
    wrapped lines (no space between Chinese, one between figures); the markup is parsed by
    lxml's HTML parser, which neither fetches nor resolves external entities.
    """
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    # A ``<br>`` is a line break inside its cell; replaced after parsing so
    # that the source lines of the rows after it stay as in the file.
    for br in list(root.iter("br")):
        br.tail = "\n" + (br.tail or "")
        br.drop_tree()
    table = root.find(".//table")
    if table is not None:
        # The cells of a nested table are separate pieces of text: kept apart
        # like wrapped lines, so that ``12`` and ``34`` never read as ``1234``.
        for inner in table.iterdescendants("td", "th"):
            if next(inner.iterancestors("table")) is not table:
                inner.text = "\n" + (inner.text or "")
                inner.tail = "\n" + (inner.tail or "")
    placed: dict[tuple[int, int], tuple[str, tuple[int, int] | None]] = {}
    lines: dict[int, int] = {}
    trs = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr") if table is not None else []
    for r, tr in enumerate(trs):
        lines[r] = first_line + (tr.sourceline or 1) - 1
        c = 0
        for td in tr.xpath("./td|./th"):
            while (r, c) in placed:
                c += 1
            text = join_wrapped(td.text_content().split("\n"))
            rs, cs = _span(td.get("rowspan")), _span(td.get("colspan"))
            for dr in range(rs):
                for dc in range(cs):
                    placed.setdefault((r + dr, c + dc), (text, None) if dr == dc == 0 else ("", (r, c)))
            c += cs
    height = len(trs)
    width = max((c for (_, c) in placed), default=-1) + 1
    rows = []
    for r in range(height):
        line = lines.get(r, first_line)
        cells = tuple(
            GridCell(
                placed.get((r, c), ("", None))[0],
                Provenance(file, table=ordinal, row=r, column=c, line=line),
                merged_from=placed.get((r, c), ("", None))[1],
            )
            for c in range(width)
        )
        rows.append(GridRow(cells, Provenance(file, table=ordinal, row=r, line=line)))
    return GridTable(tuple(rows), Provenance(file, table=ordinal, line=first_line))
