"""Ruling segments into table grids: where the tables are, their rows, columns and merged cells.

Segments are snapped (lines within a few points are one line) and joined; the
segments that touch each other form one table. Row and column boundaries are the
distinct positions of its horizontal and vertical rules plus the table's outer
box, so a table drawn without side borders keeps its outer columns. A boundary
is present between two grid positions where a rule covers most of their shared
edge; positions not separated by a rule form one merged cell.

Word tables whose rows are drawn with slightly different column edges give many
narrow columns; a boundary that never separates two cells holding text, and
that does not run through the whole table, is dropped so that each printed
column is one grid column.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Sequence

from .objects import HSeg, VSeg

__all__ = [
    "Ruling",
    "find_rulings",
    "snap",
    "DEFAULT_SNAP",
    "DEFAULT_JOIN",
    "DEFAULT_COVER",
]

DEFAULT_SNAP = 3.0  # rules this close are the same rule (double borders, Word's drift)
DEFAULT_JOIN = 3.0  # collinear pieces this close are one rule
DEFAULT_COVER = 0.5  # a rule covering this share of a cell edge is a border there
DEFAULT_DRIFT = 8.0  # column rules this close that rule different rows are one (Word's per-row borders)
DEFAULT_KEEP_SHARE = 0.5  # a boundary ruled along this share of the table is a real column or row
DEFAULT_MIN_TABLE = 8.0  # a table smaller than this in either direction is a decoration


class Ruling:
    """One ruled table: its boundaries and which grid positions form one cell.

    ``xs`` and ``ys`` are the column and row boundaries (left to right, top to
    bottom); ``owner[r][c]`` is the (row, column) of the top-left position of the
    cell that covers position (r, c).
    """

    __slots__ = ("xs", "ys", "owner", "hsegs", "vsegs")

    def __init__(self, xs: list[float], ys: list[float], hsegs: list[HSeg], vsegs: list[VSeg]) -> None:
        self.xs = xs
        self.ys = ys
        self.hsegs = hsegs
        self.vsegs = vsegs
        self.owner: list[list[tuple[int, int]]] = []

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.ys) - 1, len(self.xs) - 1)

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """The grid position holding the point, or ``None`` outside the table."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        c = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        r = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return r, c

    def cell_box(self, r: int, c: int) -> tuple[float, float, float, float]:
        """The box of the merged cell whose top-left position is (r, c)."""
        r1, c1 = r, c
        rows, cols = self.shape
        while r1 + 1 < rows and self.owner[r1 + 1][c] == (r, c):
            r1 += 1
        while c1 + 1 < cols and self.owner[r][c1 + 1] == (r, c):
            c1 += 1
        return (self.xs[c], self.ys[r], self.xs[c1 + 1], self.ys[r1 + 1])


def snap(values: Sequence[float], tolerance: float = DEFAULT_SNAP) -> list[float]:
    """Sorted positions with those closer than ``tolerance`` to their neighbour merged (their mean)."""
    out: list[float] = []
    group: list[float] = []
    for v in sorted(values):
        if group and v - group[-1] > tolerance:
            out.append(sum(group) / len(group))
            group = []
        group.append(v)
    if group:
        out.append(sum(group) / len(group))
    return out


def _join(segs: list, kind: type) -> list:
    """Segments (``HSeg`` or ``VSeg``: position, start, end) snapped to common lines and joined where they touch."""
    out = []
    for at, members in _groups(segs, key=lambda s: s[0]):
        members.sort(key=lambda s: s[1])
        start, end = members[0][1], members[0][2]
        for s in members[1:]:
            if s[1] <= end + DEFAULT_JOIN:
                end = max(end, s[2])
            else:
                out.append(kind(at, start, end))
                start, end = s[1], s[2]
        out.append(kind(at, start, end))
    return out


def _groups(segs: list, key: Callable) -> list[tuple[float, list]]:
    ordered = sorted(segs, key=key)
    groups: list[list] = []
    for s in ordered:
        if groups and key(s) - key(groups[-1][-1]) <= DEFAULT_SNAP:
            groups[-1].append(s)
        else:
            groups.append([s])
    return [(sum(key(s) for s in g) / len(g), g) for g in groups]


def find_rulings(hsegs: list[HSeg], vsegs: list[VSeg]) -> list[Ruling]:
    """The ruled tables formed by a page's segments, top to bottom."""
    hs = _join(hsegs, HSeg)
    vs = _join(vsegs, VSeg)
    if not hs or not vs:
        return []
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    t = DEFAULT_SNAP
    by_x = sorted(range(len(vs)), key=lambda j: vs[j].x)
    vx = [vs[j].x for j in by_x]
    for i, h in enumerate(hs):
        lo = bisect_right(vx, h.x0 - t - 1e-9)
        for k in range(lo, len(vx)):
            v = vs[by_x[k]]
            if v.x > h.x1 + t:
                break
            if v.top - t <= h.y <= v.bottom + t:
                a, b = find(i), find(len(hs) + by_x[k])
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[HSeg], list[VSeg]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    tables = []
    for h_members, v_members in groups.values():
        if len(h_members) < 2 or not v_members:
            continue
        ruling = _build(h_members, v_members)
        if ruling is not None:
            tables.append(ruling)
    tables.sort(key=lambda r: (r.ys[0], r.xs[0]))
    return tables


def _build(hs: list[HSeg], vs: list[VSeg]) -> Ruling | None:
    x0 = min(min(h.x0 for h in hs), min(v.x for v in vs))
    x1 = max(max(h.x1 for h in hs), max(v.x for v in vs))
    top = min(min(v.top for v in vs), min(h.y for h in hs))
    bottom = max(max(v.bottom for v in vs), max(h.y for h in hs))
    if x1 - x0 < DEFAULT_MIN_TABLE or bottom - top < DEFAULT_MIN_TABLE:
        return None
    xs = _bounded(snap([v.x for v in vs]), x0, x1)
    ys = _bounded(snap([h.y for h in hs]), top, bottom)
    if len(xs) < 2 or len(ys) < 2:
        return None
    xs, vs = _align_drift(xs, ys, vs)
    ruling = Ruling(xs, ys, hs, vs)
    ruling.owner = _owners(ruling)
    return ruling


def _align_drift(xs: list[float], ys: list[float], vs: list[VSeg]) -> tuple[list[float], list[VSeg]]:
    """Column rules a few points apart that rule different rows are one column rule.

    Word draws each row's cell borders itself; when rows were sized apart, the
    header's rule and the body's rule of one column miss each other by a few points.
    The rule ruling fewer rows moves onto the other.
    """
    while True:
        spans: list[list[tuple[float, float]]] = [[] for _ in xs]
        for v in vs:
            j = _nearest(xs, v.x)
            if j is not None:
                spans[j].append((v.top, v.bottom))
        for j in range(1, len(xs) - 2):
            a, b = spans[j], spans[j + 1]
            if xs[j + 1] - xs[j] > DEFAULT_DRIFT or not a or not b or _overlap(a, b):
                continue
            keep, drop = (j, j + 1) if _share(a, ys[0], ys[-1]) >= _share(b, ys[0], ys[-1]) else (j + 1, j)
            moved = [VSeg(xs[keep], v.top, v.bottom) if _nearest(xs, v.x) == drop else v for v in vs]
            xs = [x for k, x in enumerate(xs) if k != drop]
            vs = moved
            break
        else:
            return xs, vs


def _overlap(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return any(min(a1, b1) - max(a0, b0) > DEFAULT_SNAP for a0, a1 in a for b0, b1 in b)


def _bounded(positions: list[float], lo: float, hi: float) -> list[float]:
    """Positions with the outer box added where no rule lies on it."""
    inner = [p for p in positions if lo + DEFAULT_SNAP < p < hi - DEFAULT_SNAP]
    return [lo, *inner, hi]


def _covered(intervals: list[tuple[float, float]], lo: float, hi: float) -> bool:
    """Whether the intervals cover at least :data:`DEFAULT_COVER` of ``[lo, hi]``."""
    need = (hi - lo) * DEFAULT_COVER
    got = 0.0
    for a, b in intervals:
        w = min(b, hi) - max(a, lo)
        if w > 0:
            got += w
            if got >= need:
                return True
    return got >= need


def _rules_at(ruling: Ruling) -> tuple[list[list[tuple[float, float]]], list[list[tuple[float, float]]]]:
    """For each column boundary the vertical spans ruled on it; likewise for row boundaries."""
    xs, ys = ruling.xs, ruling.ys
    at_x: list[list[tuple[float, float]]] = [[] for _ in xs]
    at_y: list[list[tuple[float, float]]] = [[] for _ in ys]
    for v in ruling.vsegs:
        j = _nearest(xs, v.x)
        if j is not None:
            at_x[j].append((v.top, v.bottom))
    for h in ruling.hsegs:
        i = _nearest(ys, h.y)
        if i is not None:
            at_y[i].append((h.x0, h.x1))
    return at_x, at_y


def _nearest(positions: list[float], p: float) -> int | None:
    k = bisect_right(positions, p)
    best = None
    for j in (k - 1, k):
        if 0 <= j < len(positions) and abs(positions[j] - p) <= DEFAULT_SNAP:
            if best is None or abs(positions[j] - p) < abs(positions[best] - p):
                best = j
    return best


def _owners(ruling: Ruling) -> list[list[tuple[int, int]]]:
    """Union the grid positions not separated by a rule; each gets its cell's top-left position."""
    xs, ys = ruling.xs, ruling.ys
    rows, cols = len(ys) - 1, len(xs) - 1
    at_x, at_y = _rules_at(ruling)
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            # The smaller index (upper, then lefter) stays the root: the top-left position.
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(rows):
        for c in range(1, cols):
            if not _covered(at_x[c], ys[r], ys[r + 1]):
                union(r * cols + c - 1, r * cols + c)
    for r in range(1, rows):
        for c in range(cols):
            if not _covered(at_y[r], xs[c], xs[c + 1]):
                union((r - 1) * cols + c, r * cols + c)
    return [[divmod(find(r * cols + c), cols) for c in range(cols)] for r in range(rows)]


def ruled_boundaries(ruling: Ruling) -> tuple[set[int], set[int]]:
    """The column and row boundaries ruled along at least half the table (never dropped)."""
    at_x, at_y = _rules_at(ruling)
    xs, ys = ruling.xs, ruling.ys
    cols = {j for j in range(1, len(xs) - 1) if _share(at_x[j], ys[0], ys[-1]) >= DEFAULT_KEEP_SHARE}
    rows = {i for i in range(1, len(ys) - 1) if _share(at_y[i], xs[0], xs[-1]) >= DEFAULT_KEEP_SHARE}
    return cols, rows


def _share(intervals: list[tuple[float, float]], lo: float, hi: float) -> float:
    covered = 0.0
    end = lo
    for a, b in sorted(intervals):
        a, b = max(a, end), min(b, hi)
        if b > a:
            covered += b - a
            end = b
    return covered / (hi - lo) if hi > lo else 0.0


def simplify(ruling: Ruling, has_text: Callable[[int, int], bool]) -> Ruling:
    """The ruling without boundaries that never separate two cells holding text.

    ``has_text(r, c)`` tells whether the cell whose top-left position is (r, c)
    holds text. A boundary ruled along half the table or more always stays (a
    column empty on this page is still a column, and the next page must have as
    many), and a boundary whose removal would merge two cells holding text stays too.
    """
    rows, cols = ruling.shape
    full_cols, full_rows = ruled_boundaries(ruling)
    owner = ruling.owner
    drop_cols = []
    for j in range(1, cols):
        if j in full_cols:
            continue
        if not any(owner[r][j - 1] != owner[r][j] and has_text(*owner[r][j - 1]) and has_text(*owner[r][j])
                   for r in range(rows)):
            drop_cols.append(j)
    drop_rows = []
    for i in range(1, rows):
        if i in full_rows:
            continue
        if not any(owner[i - 1][c] != owner[i][c] and has_text(*owner[i - 1][c]) and has_text(*owner[i][c])
                   for c in range(cols)):
            drop_rows.append(i)
    if not drop_cols and not drop_rows:
        return ruling
    texts = {owner[r][c] for r in range(rows) for c in range(cols) if owner[r][c] == (r, c) and has_text(r, c)}
    current = ruling
    for kind, index in [("col", j) for j in drop_cols] + [("row", i) for i in drop_rows]:
        pos = ruling.xs[index] if kind == "col" else ruling.ys[index]
        xs = [x for x in current.xs if x != pos] if kind == "col" else current.xs
        ys = [y for y in current.ys if y != pos] if kind == "row" else current.ys
        trial = Ruling(xs, ys, ruling.hsegs, ruling.vsegs)
        trial.owner = _owners(trial)
        if _keeps_apart(ruling, trial, texts):
            current = trial
    return current


def _keeps_apart(old: Ruling, new: Ruling, texts: set[tuple[int, int]]) -> bool:
    """Whether every cell holding text of ``old`` still lies in a cell of its own in ``new``."""
    seen: dict[tuple[int, int], tuple[int, int]] = {}
    for r, c in texts:
        x = (old.xs[c] + old.xs[c + 1]) / 2
        y = (old.ys[r] + old.ys[r + 1]) / 2
        where = new.locate(x, y)
        if where is None:
            return False
        cell = new.owner[where[0]][where[1]]
        if cell in seen and seen[cell] != (r, c):
            return False
        seen[cell] = (r, c)
    return True
