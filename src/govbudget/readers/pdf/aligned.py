"""Printed lines aligned in columns (a table without rules) into grid tables.

A data line has at least two fragments and ends in a figure. Runs of data lines
(with wrapped labels between them) whose figures line up, right or left edges,
are a table; the column spans are the gaps no data fragment crosses. Header lines
just above the run are placed on those columns: a label over several columns
spans them (``merged_from``), and a label wrapped over two lines of one column is
joined. Narrative lines, even justified with wide gaps, do not end in aligned
figures and stay text.
"""

from __future__ import annotations

import re

from ...grid import GridCell, GridRow, GridTable
from ...provenance import Provenance
from ...textnorm import join_wrapped
from .celltext import cell_text, looks_numeric
from .textlines import Fragment, TextLine

__all__ = ["aligned_tables", "is_data_line", "DEFAULT_ALIGN", "DEFAULT_MIN_DATA_LINES"]

DEFAULT_ALIGN = 2.0  # figures whose right (or left) edges are this close are in one column
DEFAULT_MIN_DATA_LINES = 2
DEFAULT_ALIGNED_SHARE = 0.6  # this share of data lines must line up with another
DEFAULT_ROW_GAP = 2.5  # lines further apart than this many font sizes end the table
DEFAULT_HEADER_LINES = 4
DEFAULT_HEADER_CHARS = 24  # a header label is short
DEFAULT_LABEL_CHARS = 40  # a row label longer than this is a sentence
DEFAULT_WRAP_GAP = 0.6  # two header lines of one column this close are one wrapped label

_LABELLED = re.compile(r"[:：]")
_PROSE = re.compile(r"[，。；;！？]")
_TITLE_END = re.compile(r"表\s*$|(预算|决算)\s*$")


def _figure(f: Fragment) -> bool:
    return looks_numeric(f.text) and any(ch.isdigit() for ch in f.text)


def is_data_line(ln: TextLine) -> bool:
    """A line of a table without rules: two fragments or more, the last a figure or a dash, no prose.

    A justified sentence can end in a figure at the right margin (``…各增加 3,958.98``);
    its words run long and carry sentence punctuation, which a table's labels do not.
    """
    frags = ln.fragments
    return (len(frags) >= 2 and looks_numeric(frags[-1].text) and any(_figure(f) for f in frags[1:])
            and not any(_PROSE.search(f.text) or len(f.text) > DEFAULT_LABEL_CHARS for f in frags))


def aligned_tables(lines: list[TextLine], file: str, page: int,
                   first_ordinal: int) -> tuple[list[GridTable], list[TextLine]]:
    """The tables without rules among a page's free lines, and the lines left over."""
    used = [False] * len(lines)
    tables: list[GridTable] = []
    i = 0
    ordinal = first_ordinal
    while i < len(lines):
        if not is_data_line(lines[i]):
            i += 1
            continue
        end = _run_end(lines, i)
        data = [k for k in range(i, end + 1) if is_data_line(lines[k])]
        if len(data) >= DEFAULT_MIN_DATA_LINES and _aligned([lines[k] for k in data]):
            start = _header_start(lines, i, used)
            table = _build(lines, start, i, end, data, file, page, ordinal)
            if table is not None:
                tables.append(table)
                ordinal += 1
                for k in range(start, end + 1):
                    used[k] = True
        i = end + 1
    return tables, [ln for ln, u in zip(lines, used) if not u]


def _gap_ok(above: TextLine, below: TextLine) -> bool:
    return below.top - above.bottom <= DEFAULT_ROW_GAP * max(above.size, below.size, 1.0)


def _run_end(lines: list[TextLine], i: int) -> int:
    """The last line of the run of data lines starting at ``i`` (wrapped labels may sit between)."""
    end = i
    k = i + 1
    first_figure = min(f.x0 for f in lines[i].fragments if _figure(f))
    while k < len(lines) and _gap_ok(lines[k - 1], lines[k]):
        ln = lines[k]
        if is_data_line(ln):
            end = k
        elif not (len(ln.fragments) <= 2 and ln.x1 < first_figure and len(ln.text) <= DEFAULT_HEADER_CHARS):
            break
        k += 1
    return end


def _aligned(data: list[TextLine]) -> bool:
    edges = [[(f.x0, f.x1) for f in ln.fragments if _figure(f)] for ln in data]
    hits = 0
    for n, mine in enumerate(edges):
        others = [e for m, es in enumerate(edges) if m != n for e in es]
        if any(abs(a1 - b1) <= DEFAULT_ALIGN or abs(a0 - b0) <= DEFAULT_ALIGN
               for a0, a1 in mine for b0, b1 in others):
            hits += 1
    return hits >= DEFAULT_ALIGNED_SHARE * len(data)


def _header_like(ln: TextLine) -> bool:
    texts = [f.text for f in ln.fragments]
    return (not any(_figure(f) for f in ln.fragments)
            and all(len(t) <= DEFAULT_HEADER_CHARS and not _LABELLED.search(t) for t in texts)
            and not (len(texts) == 1 and _TITLE_END.search(texts[0])))


def _header_start(lines: list[TextLine], i: int, used: list[bool]) -> int:
    start = i
    while (start > 0 and i - start < DEFAULT_HEADER_LINES and not used[start - 1]
           and _header_like(lines[start - 1]) and _gap_ok(lines[start - 1], lines[start])):
        start -= 1
    return start


def _columns(data: list[TextLine]) -> list[list[float]]:
    """Column spans ``[x0, x1]``: the gaps that no fragment of a data line crosses."""
    spans = sorted([f.x0, f.x1] for ln in data for f in ln.fragments)
    out: list[list[float]] = []
    for x0, x1 in spans:
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return out


def _cover(cols: list[list[float]], f: Fragment) -> list[int]:
    hit = [j for j, (x0, x1) in enumerate(cols) if min(x1, f.x1) - max(x0, f.x0) > 0]
    if hit:
        return hit
    centre = (f.x0 + f.x1) / 2
    return [min(range(len(cols)), key=lambda j: abs((cols[j][0] + cols[j][1]) / 2 - centre))]


def _spans(cols: list[list[float]], header: list[TextLine]) -> list[list[tuple[list[int], Fragment]]]:
    """Each header fragment with the columns it heads.

    A label with two labels or more of the next header line under it (within the
    room halfway to its neighbours) is a group label: it heads their columns.
    """
    out = []
    for n, ln in enumerate(header):
        frags = sorted(ln.fragments, key=lambda f: f.x0)
        placed = []
        for k, f in enumerate(frags):
            lo = (frags[k - 1].x1 + f.x0) / 2 if k else float("-inf")
            hi = (f.x1 + frags[k + 1].x0) / 2 if k + 1 < len(frags) else float("inf")
            below = [g for g in header[n + 1].fragments if lo <= (g.x0 + g.x1) / 2 <= hi] if n + 1 < len(header) else []
            if len(below) >= 2:
                span = sorted({j for g in below for j in _cover(cols, g)})
                span = list(range(span[0], span[-1] + 1))
            else:
                span = _cover(cols, f)
            placed.append((span, f))
        out.append(placed)
    return out


def _build(lines: list[TextLine], start: int, first: int, end: int, data_idx: list[int],
           file: str, page: int, ordinal: int) -> GridTable | None:
    data = [lines[k] for k in data_idx]
    cols = _columns(data)
    if len(cols) < 2:
        return None
    width = len(cols)
    texts: dict[tuple[int, int], list[Fragment]] = {}
    merged: dict[tuple[int, int], tuple[int, int]] = {}
    header = lines[start:first]
    placed = _spans(cols, header)
    wraps = [[_wrapped_above(placed, header, n, span, f) for span, f in items] for n, items in enumerate(placed)]
    # A header line whose labels all continue the line above gets no row of its own.
    rows_of: list[int | None] = []
    row = 0
    for ws in wraps:
        rows_of.append(row if any(w is None for w in ws) else None)
        row += rows_of[-1] is not None
    for n, items in enumerate(placed):
        for (span, f), above in zip(items, wraps[n]):
            origin = (rows_of[above[0]], above[1]) if above is not None else (rows_of[n], span[0])
            texts.setdefault(origin, []).append(f)  # type: ignore[arg-type]
            if rows_of[n] is None:
                continue
            for j in span:
                if (rows_of[n], j) != origin:
                    merged[(rows_of[n], j)] = origin  # type: ignore[assignment]
    last_data_row = None
    for k in range(first, end + 1):
        ln = lines[k]
        if is_data_line(ln):
            target = row
            last_data_row = row
            row += 1
        else:
            # A wrapped label continues the row above, or opens the row below when none is open.
            target = last_data_row if last_data_row is not None else row
        for f in ln.fragments:
            texts.setdefault((target, _cover(cols, f)[0]), []).append(f)
    return _grid(texts, merged, row, cols, lines[start:end + 1], file, page, ordinal, width)


def _wrapped_above(placed: list[list[tuple[list[int], Fragment]]], header: list[TextLine], n: int,
                   span: list[int], f: Fragment) -> tuple[int, int] | None:
    """The header cell one line up in the same single column that this label continues."""
    if n == 0 or len(span) != 1:
        return None
    if f.top - header[n - 1].bottom > DEFAULT_WRAP_GAP * max(header[n].size, 1.0):
        return None
    for up_span, _ in placed[n - 1]:
        if up_span == span:
            # Find the origin of that cell (it may itself continue a line further up).
            r = n - 1
            while r > 0 and any(s == span for s, _ in placed[r - 1]) and \
                    header[r].top - header[r - 1].bottom <= DEFAULT_WRAP_GAP * max(header[r].size, 1.0):
                r -= 1
            return (r, span[0])
    return None


def _grid(texts: dict[tuple[int, int], list[Fragment]], merged: dict[tuple[int, int], tuple[int, int]],
          nrows: int, cols: list[list[float]], lines: list[TextLine], file: str, page: int, ordinal: int,
          width: int) -> GridTable:
    x0 = min(cols[0][0], min(ln.x0 for ln in lines))
    x1 = max(cols[-1][1], max(ln.x1 for ln in lines))
    top, bottom = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
    bbox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
    rows = []
    for r in range(nrows):
        cells = []
        row_frags = [f for (rr, _), fs in texts.items() if rr == r for f in fs]
        rtop = min((f.top for f in row_frags), default=top)
        rbottom = max((f.bottom for f in row_frags), default=bottom)
        for c in range(width):
            frags = texts.get((r, c), [])
            if frags:
                box = (min(f.x0 for f in frags), min(f.top for f in frags),
                       max(f.x1 for f in frags), max(f.bottom for f in frags))
                text = _text(frags)
            else:
                box = (cols[c][0], rtop, cols[c][1], rbottom)
                text = ""
            prov = Provenance(file, page=page, table=ordinal, row=r, column=c,
                              bbox=tuple(round(v, 2) for v in box))  # type: ignore[arg-type]
            cells.append(GridCell(text, prov, merged_from=merged.get((r, c))))
        row_prov = Provenance(file, page=page, table=ordinal, row=r,
                              bbox=(bbox[0], round(rtop, 2), bbox[2], round(rbottom, 2)))
        rows.append(GridRow(tuple(cells), row_prov))
    return GridTable(tuple(rows), Provenance(file, page=page, table=ordinal, bbox=bbox))


def _text(frags: list[Fragment]) -> str:
    if len(frags) == 1:
        return cell_text(frags[0].chars)
    ordered = sorted(frags, key=lambda f: (round(f.top), f.x0))
    return join_wrapped([cell_text(f.chars) for f in ordered])
