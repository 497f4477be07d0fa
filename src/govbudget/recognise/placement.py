"""Figures whose columns the source lost, placed by the disclosure's own sums or reported.

Text pulled from a PDF with runs of spaces collapsed keeps a row's figures in
order but not which blank columns lie between them: ``201 一般公共服务支出
3,353,072 3,353,072`` under 合计 | 基本支出 | 项目支出 could be either. A figure is
placed only when exactly one reading survives:

- the row's own identities (合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费,
  收入合计 = sum of the sources);
- what other tables of the report state about the same row or column (``Hints``:
  a 事业收入 line printed blank in the 收支总表 means the 收入总表's 事业收入 column is
  blank; the 支出总表's 项目支出 of ``fn:201`` is the 收支总表's);
- every family summing up in every measure (a class equals the sum of its
  items, the total line the sum of the classes).

Anything else stays unplaced and is reported, never guessed.
"""

from __future__ import annotations

import itertools
from collections import deque
from decimal import Decimal
from typing import Mapping

import attrs

from ..amounts import NotAnAmount, parse_amount
from ..grid import GridCell
from ..provenance import Provenance

__all__ = ["Pending", "Hints", "Option", "options_for", "resolve", "three_public_options"]

DEFAULT_MAX_STATES = 100_000
_ZERO = Decimal(0)
_EXPENDITURE_PARTS = ("basic", "project", "operating", "remit_to_superior", "grants_to_affiliates")
_INCOME_SOURCES = (
    "fiscal", "general_budget", "gov_fund", "state_capital", "special_account", "business", "operating",
    "superior_grants", "affiliate_remittance", "other", "unit_funds",
)

Option = dict[str, Decimal]


@attrs.frozen
class Pending:
    """A row's figures in printed order and the measures they may fill, in order."""

    key: str
    name: str
    amounts: tuple[GridCell, ...]
    measures: tuple[str, ...]
    provenance: Provenance


@attrs.frozen
class Hints:
    """What the report's other tables say: measures blank throughout, and known figures per row."""

    zero: frozenset[str] = frozenset()
    values: Mapping[str, Mapping[str, Decimal]] = attrs.field(factory=dict)
    limits: Mapping[str, Mapping[str, Decimal]] = attrs.field(factory=dict)


def _value(gc: GridCell) -> Decimal | None:
    try:
        return parse_amount(gc.text)
    except NotAnAmount:
        return None


def _get(o: Option, m: str) -> Decimal:
    return o.get(m, _ZERO)


def _row_consistent(o: Option) -> bool:
    parts = [m for m in _EXPENDITURE_PARTS if m in o]
    staff = [m for m in ("personnel", "public_funds") if m in o]
    basic = o.get("basic", _get(o, "personnel") + _get(o, "public_funds"))
    if staff and basic != _get(o, "personnel") + _get(o, "public_funds"):
        return False
    if "total" in o and (parts or staff):
        spent = basic + sum((_get(o, m) for m in _EXPENDITURE_PARTS if m != "basic"), _ZERO)
        if o["total"] != spent:
            return False
    sources = [m for m in _INCOME_SOURCES if m in o and m != "fiscal"]
    if sources and ("current_total" in o or "total" in o):
        current = o.get("current_total", o.get("total", _ZERO) - _get(o, "carryover"))
        fiscal_parts = [m for m in ("general_budget", "gov_fund", "state_capital") if m in o]
        if "fiscal" in o and fiscal_parts:
            if o["fiscal"] != sum((o[m] for m in fiscal_parts), _ZERO):
                return False
        income = sum((o[m] for m in sources if not ("fiscal" in o and m in fiscal_parts)), _ZERO) + _get(o, "fiscal")
        if current != income:
            return False
    return True


def _fits_hints(o: Option, measures: tuple[str, ...], hints: Hints, key: str) -> bool:
    if any(_get(o, m) != 0 for m in hints.zero):
        return False
    for m, v in hints.limits.get(key, {}).items():
        if _get(o, m) > v:
            return False
    known = hints.values.get(key, {})
    for m, v in known.items():
        if m in measures and _get(o, m) != v:
            return False
        if m == "basic" and "basic" not in measures and {"personnel", "public_funds"} <= set(measures):
            if _get(o, "personnel") + _get(o, "public_funds") != v:
                return False
    return True


def options_for(p: Pending, hints: Hints = Hints()) -> list[Option]:
    """Order-keeping readings of a row's figures that its identities and the hints allow.

    When the hints rule out every reading (the other table disagrees), they are
    set aside for this row: a disagreement is for validation to report.
    """
    values = [_value(a) for a in p.amounts]
    if any(v is None for v in values) or len(values) > len(p.measures):
        return []
    out = []
    for cols in itertools.combinations(range(len(p.measures)), len(values)):
        o = {p.measures[c]: v for c, v in zip(cols, values)}
        # A line that prints any part prints its total.
        if "total" in p.measures and "total" not in o:
            continue
        if _row_consistent(o):
            out.append(o)
    hinted = [o for o in out if _fits_hints(o, p.measures, hints, p.key)]
    return hinted or out


def _family_parent(key: str, keys: set[str], two_sided: bool) -> str | None:
    scheme, _, code = key.partition(":")
    if scheme in ("fn", "econ") and len(code) > 3:
        parent = f"{scheme}:{code[:-2]}"
        return parent if parent in keys else None
    if scheme in ("fn", "econ") and len(code) == 3:
        if two_sided:
            for parent in ("item:expenditure.current_total", "item:expenditure.grand_total"):
                if parent in keys:
                    return parent
            return None
        return "item:total" if "item:total" in keys else None
    return None


def resolve(
    known: Mapping[str, Option],
    options: dict[str, list[Option]],
    *,
    two_sided: bool = False,
) -> None:
    """Narrow each pending row's readings until every family can still sum up.

    ``known`` holds the figures of fully read rows; ``options`` (changed in place)
    the readings still open for each pending row.
    """
    keys = set(known) | set(options)
    families: dict[str, list[str]] = {}
    member_of: dict[str, list[str]] = {}
    for key in sorted(keys):
        parent = _family_parent(key, keys, two_sided)
        if parent:
            families.setdefault(parent, []).append(key)
            member_of.setdefault(key, []).append(parent)
            if parent not in member_of.get(parent, []):
                member_of.setdefault(parent, []).append(parent)
    # A worklist, widest families first (their decisions bound the ones below); a family
    # is looked at again only when one of its members lost a reading.
    todo = deque(sorted(families, key=_depth))
    queued = set(todo)
    while todo:
        parent = todo.popleft()
        queued.discard(parent)
        before = {k: len(options[k]) for k in [parent, *families[parent]] if k in options}
        if not _narrow(parent, families[parent], known, options):
            continue
        for key, n in before.items():
            if len(options[key]) < n:
                for family in member_of.get(key, []):
                    if family not in queued:
                        queued.add(family)
                        todo.append(family)


def _depth(key: str) -> int:
    return len(key.partition(":")[2]) if key.startswith(("fn:", "econ:")) else 0


def _candidates(key: str, known: Mapping[str, Option], options: dict[str, list[Option]]) -> list[Option]:
    if key in options:
        return options[key]
    return [known.get(key, {})]


def _narrow(parent: str, children: list[str], known: Mapping[str, Option], options: dict[str, list[Option]]) -> bool:
    """Keep the children's readings that some complete reading of the family uses."""
    if not any(c in options and len(options[c]) > 1 for c in children + [parent]):
        return False
    parent_options = _candidates(parent, known, options)
    child_options = [_candidates(c, known, options) for c in children]
    if not all(child_options) or not parent_options:
        return False
    combinations = 1
    for opts in child_options:
        combinations *= len(opts)
    if len(parent_options) > 1 and combinations > DEFAULT_MAX_STATES:
        return False  # with the parent open too, nothing bounds the search: wait for the parent
    measures = sorted({m for o in parent_options for m in o} | {m for opts in child_options for o in opts for m in o})
    # With no negative figures a partial sum above every goal can be dropped at once.
    non_negative = all(v >= 0 for opts in child_options for o in opts for v in o.values())
    bound = [max(_get(o, m) for o in parent_options) for m in measures]
    # Forward: the partial sums reachable after each child.
    layers: list[dict[tuple[Decimal, ...], None]] = [{tuple(_ZERO for _ in measures): None}]
    for opts in child_options:
        nxt: dict[tuple[Decimal, ...], None] = {}
        for state in layers[-1]:
            for o in opts:
                new = tuple(s + _get(o, m) for s, m in zip(state, measures))
                if non_negative and any(v > b for v, b in zip(new, bound)):
                    continue
                nxt[new] = None
                if len(nxt) > DEFAULT_MAX_STATES:
                    return False
        layers.append(nxt)
    goals = {tuple(_get(o, m) for m in measures): o for o in parent_options}
    # Backward: which partial sums can still reach a goal.
    alive: list[set[tuple[Decimal, ...]]] = [set() for _ in layers]
    alive[-1] = {s for s in layers[-1] if s in goals}
    for k in range(len(child_options) - 1, -1, -1):
        for state in layers[k]:
            for o in child_options[k]:
                if tuple(s + _get(o, m) for s, m in zip(state, measures)) in alive[k + 1]:
                    alive[k].add(state)
                    break
    changed = False
    for k, child in enumerate(children):
        if child not in options:
            continue
        kept = [o for o in options[child]
                if any(tuple(s + _get(o, m) for s, m in zip(state, measures)) in alive[k + 1] for state in alive[k])]
        if kept and len(kept) < len(options[child]):
            options[child] = kept
            changed = True
    if parent in options:
        kept = [o for o in options[parent] if tuple(_get(o, m) for m in measures) in alive[-1]]
        if kept and len(kept) < len(options[parent]):
            options[parent] = kept
            changed = True
    return changed


def three_public_options(amounts: list[GridCell], items: list[str]) -> list[list[tuple[str, GridCell]]]:
    """Order-keeping readings of a 三公 figures row that satisfy the 三公 sums.

    ``total`` = outbound + reception + vehicles; vehicles = purchase + operation.
    """
    values = [_value(a) for a in amounts]
    if any(v is None for v in values) or len(values) > len(items):
        return []
    out = []
    for cols in itertools.combinations(range(len(items)), len(values)):
        placed = {items[c]: v for c, v in zip(cols, values)}
        if "total" in items and "total" not in placed:
            continue
        vehicles = placed.get("vehicles", _get(placed, "vehicle_purchase") + _get(placed, "vehicle_operation"))
        if vehicles != _get(placed, "vehicle_purchase") + _get(placed, "vehicle_operation"):
            continue
        if "total" in placed and placed["total"] != _get(placed, "outbound") + _get(placed, "reception") + vehicles:
            continue
        out.append([(items[c], amounts[k]) for k, c in enumerate(cols)])
    return out
