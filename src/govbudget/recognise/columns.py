"""Multi-row table headers into column roles: serial, code, name, or a measure.

Each column's header path is its labels top to bottom, a group label spanning
the columns under it. The bottom label decides the measure; group labels refine
it (``小计`` under 本年收入 is ``current_total``, under 基本支出 ``basic``; a fund
under 上年结转 becomes ``carryover_<fund>``). A label garbled by extraction is
matched approximately against the known words and reported as a finding.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from .. import vocabulary as V
from ..grid import GridRow
from .labels import normalise

__all__ = ["ColumnSpec", "header_paths", "classify_columns", "amount_measure", "rule_measure", "lost_code_columns"]

DEFAULT_FUZZY_MIN = 0.6

_SERIAL = re.compile(r"^(序号|行次|栏次|编号)$")
_CODE_LABEL = re.compile(r"(编码|代码|^类$|^款$|^项$|^科目$|类款项)$")
_NAME_LABEL = re.compile(r"(名称|^项目$|^科目名称$|^收入$|^支出$|^(收入|支出)项目$|^项目\(名称\)$)")
_PART = {"类": "class", "款": "sub", "项": "item"}
_AMOUNT_WORDS = re.compile(r"(预算数|决算数|金额|统计数|数额|预算|决算|执行数|本年数|^\d{4}年?(预算|决算)?数?$)")
_BARE_AMOUNT = r"金额|预算数|决算数|数额"
# Income sources, whose columns a layout may split into 金额 and a 其中 part.
_SOURCE_MEASURES = V.FUND_MEASURES | {"business", "operating", "superior_grants", "affiliate_remittance"}
_CARRYOVER_GROUP = re.compile(r"(上年|年初).*结转|结转.*结余|财政拨款结转|上年结余")
_CURRENT_GROUP = re.compile(r"本年收入|本年拨款")
_BASIC_GROUP = re.compile(r"^基本支出$")
_PROJECT_GROUP = re.compile(r"^项目支出$")
_EXPENDITURE_GROUP = re.compile(r"本年支出")


@attrs.frozen
class ColumnSpec:
    """What one column of a table holds."""

    index: int
    role: str  # serial | code | name | measure | text
    label: str
    measure: str | None = None
    code_part: str | None = None
    scheme: str | None = None
    fuzzy: bool = False


def header_paths(rows: list[GridRow], width: int) -> list[list[str]]:
    """Each column's header labels, top to bottom, with group labels spread over their span."""
    grid = [[c.text.strip() for c in r.cells] + [""] * (width - len(r.cells)) for r in rows]
    # ``merged_from`` is in the source's coordinates (those of the cells' provenance), which
    # differ from positions in ``rows`` when title rows were taken off the top or the table
    # starts further down a sheet.
    origin = {(c.provenance.row, c.provenance.column): c.text.strip() for row in rows for c in row.cells}
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            if cell.merged_from is not None and cell.merged_from != (cell.provenance.row, cell.provenance.column):
                grid[r][c] = origin.get(cell.merged_from, grid[r][c])
    for r in range(len(grid) - 2, -1, -1):
        for c in range(1, width):
            if not grid[r][c] and grid[r][c - 1] and grid[r + 1][c] and not _covered(rows, r, c):
                # A group label is printed once, in the first column it spans.
                grid[r][c] = grid[r][c - 1]
    paths = []
    for c in range(width):
        path: list[str] = []
        for r in range(len(grid)):
            t = grid[r][c]
            if t and (not path or path[-1] != t):
                path.append(t)
        paths.append(path)
    return paths


def _covered(rows: list[GridRow], r: int, c: int) -> bool:
    cells = rows[r].cells
    return c < len(cells) and cells[c].covered


def rule_measure(label: str) -> str | None:
    for measure, rule in V.MEASURE_RULES:
        if rule.search(label):
            return measure
    return None


_FUZZY_WORDS: tuple[tuple[str, str], ...] = (
    ("一般公共预算", "general_budget"),
    ("政府性基金预算", "gov_fund"),
    ("国有资本经营预算", "state_capital"),
    ("财政专户管理资金", "special_account"),
    ("事业收入", "business"),
    ("事业单位经营收入", "operating"),
    ("上级补助收入", "superior_grants"),
    ("附属单位上缴收入", "affiliate_remittance"),
    ("其他收入", "other"),
    ("单位资金", "unit_funds"),
    ("基本支出", "basic"),
    ("人员经费", "personnel"),
    ("公用经费", "public_funds"),
    ("项目支出", "project"),
    ("合计", "total"),
)


def _fuzzy_measure(label: str) -> str | None:
    """The measure whose words share most characters with a garbled label, if clear."""
    if len(label) < 3 or not re.search(r"[\u4e00-\u9fff]", label):
        return None
    bag = Counter(label)
    scored = []
    for word, measure in _FUZZY_WORDS:
        overlap = sum((bag & Counter(word)).values())
        scored.append((overlap / len(label), overlap / len(word), measure))
    scored.sort(reverse=True)
    best = scored[0]
    if best[0] >= DEFAULT_FUZZY_MIN and best[1] >= 0.5 and (len(scored) < 2 or scored[1][:2] < best[:2]):
        return best[2]
    return None


def amount_measure(table_id: str, kind: str | None, groups: list[str]) -> str:
    """The measure of a bare amount column (预算数, 金额, 决算数 ...)."""
    if table_id == "three_public":
        joined = "".join(groups)
        if "决算" in joined:
            return "actual"
        if "预算" in joined and kind == "final_accounts":
            return "budget"
        return "amount"
    if table_id in V.TWO_SIDED or table_id in ("disclosure_stats", "procurement", "assets", "admin_operating_cost"):
        return "amount"
    return "total"


def _total_measure(groups: list[str], table_id: str) -> str:
    joined = "".join(groups)
    if _CARRYOVER_GROUP.search(joined) and table_id in ("income", "project_expenditure"):
        return "carryover"
    if _CURRENT_GROUP.search(joined) and table_id == "income":
        return "current_total"
    if any(_BASIC_GROUP.match(g) for g in groups):
        return "basic"
    if any(_PROJECT_GROUP.match(g) for g in groups):
        return "project"
    return "total"


def _measure(path: list[str], table_id: str, kind: str | None) -> tuple[str | None, bool]:
    labels = [normalise(t) for t in path]
    labels = [t for t in labels if t]
    if not labels:
        return None, False
    bottom, groups = labels[-1], labels[:-1]
    if table_id == "procurement":
        return _procurement_measure(bottom, "".join(labels)), False
    if table_id == "admin_operating_cost" and re.fullmatch(r"机关运行经费(支出|预算数?|决算数?)?", bottom):
        return "amount", False  # the one figure column, headed with the table's own name
    candidates = [bottom, "".join(labels)] + list(reversed(groups))
    measure = None
    if (groups and re.fullmatch(_BARE_AMOUNT, bottom) and table_id not in V.TWO_SIDED
            and rule_measure(groups[-1]) in _SOURCE_MEASURES):
        # 事业收入 over 金额 | 其中：教育收费: the group names the column, 金额 only says it holds money.
        candidates = [groups[-1]]
    for i, label in enumerate(candidates):
        if re.fullmatch(r"(合计|总计|小计)", label):
            measure = _total_measure(groups if i <= 1 else groups[: len(groups) - (i - 1)], table_id)
        elif _AMOUNT_WORDS.search(label) and not rule_measure(label):
            measure = amount_measure(table_id, kind, labels)
        else:
            measure = rule_measure(label)
        if measure:
            break
    fuzzy = False
    if measure is None and table_id not in ("procurement", "assets", "disclosure_stats"):
        for label in [bottom] + list(reversed(groups)):
            measure = _fuzzy_measure(label)
            if measure:
                fuzzy = True
                break
    if measure is None:
        return None, False
    if table_id == "gov_fund_expenditure" and measure == "carryover":
        measure = "opening_balance"
    if measure in V.FUND_MEASURES and any(_CARRYOVER_GROUP.search(g) for g in groups):
        measure = f"carryover_{measure}"
    return measure, fuzzy


def _procurement_measure(bottom: str, joined: str) -> str | None:
    """Procurement columns: amounts by fund source, SME shares, quantity and price."""
    fund = rule_measure(bottom)
    if fund and fund not in ("count",):
        return fund
    if bottom in ("合计", "小计", "总计"):
        return "amount"
    if "小微" in joined:
        return "small_micro_amount"
    if "中小企业" in joined:
        return "sme_amount"
    if re.search(r"采购金额|预算金额|合计|金额", joined) and "单价" not in joined:
        return "amount"
    if re.search(r"采购数量|^数量$", joined):
        return "count"
    if "单价" in joined:
        return "unit_price"
    return None


def _role(path: list[str]) -> tuple[str, str | None]:
    labels = [normalise(t) for t in path if normalise(t)]
    if not labels:
        return "empty", None
    if any(_SERIAL.match(t) for t in labels):
        return "serial", None
    if len(labels) > 1 and labels[-1] in ("合计", "总计") and any(
            _CODE_LABEL.search(t) or _NAME_LABEL.search(t) for t in labels[1:-1]):
        # The total line's label printed on the header's last line, under 科目编码 / 科目名称.
        labels = labels[:-1]
    bottom, joined = labels[-1], "".join(labels)
    for label in (bottom, joined):
        if label in _PART:
            return "code", _PART[label]
        if _CODE_LABEL.search(label) and not re.search(r"名称", label):
            return "code", None
        if _NAME_LABEL.search(label):
            return ("text" if label == "项目单位" else "name"), None
    return "measure", None


def _scheme(path: list[str], table_id: str) -> str | None:
    joined = "".join(normalise(t) for t in path)
    if re.search(r"单位|部门", joined) and not re.search(r"经济分类|功能分类", joined):
        return "unit"
    if re.search(r"项目(编码|代码|编号)", joined):
        return "proj"
    if "经济" in joined:
        return "econ"
    if "功能" in joined:
        return "fn"
    return V.CODE_SCHEME.get(table_id)


def classify_columns(paths: list[list[str]], table_id: str, kind: str | None) -> list[ColumnSpec]:
    """Role and measure of every column, from its header path."""
    specs: list[ColumnSpec] = []
    for index, path in enumerate(paths):
        label = "/".join(path)
        role, part = _role(path)
        if role == "code":
            specs.append(ColumnSpec(index, "code", label, code_part=part, scheme=_scheme(path, table_id)))
        elif role == "measure":
            measure, fuzzy = _measure(path, table_id, kind)
            specs.append(ColumnSpec(index, "measure" if measure else "text", label, measure, fuzzy=fuzzy))
        else:
            specs.append(ColumnSpec(index, role, label))
    return _settle(specs, table_id)


_FUND_ORDER = ("general_budget", "gov_fund", "state_capital", "special_account")


def _settle(specs: list[ColumnSpec], table_id: str) -> list[ColumnSpec]:
    """Resolve what only neighbours tell.

    A 小计 before 人员经费 is ``basic``; in an income table a 小计 right after 合计 is
    ``current_total`` and a later one opens the carry-over block; a fund repeated
    after its first block is a carry-over; an unlabelled column between two funds
    of the standard order is the fund between them.
    """
    out = list(specs)
    opened: set[int] = set()
    measures = [s for s in out if s.role == "measure"]
    for k, s in enumerate(measures):
        if s.measure != "total":
            continue
        before = [t.measure for t in measures[:k]]
        after = [t.measure for t in measures[k + 1 : k + 3]]
        if not before:
            continue
        # ...unless the header prints the 基本支出 group over 人员经费 and this column outside it (合计 |
        # 基本支出: 人员经费 | 公用经费 | 项目支出): then it is the whole total.
        grouped = (k + 1 < len(measures) and "基本支出" in measures[k + 1].label.split("/")
                   and "基本支出" not in s.label.split("/"))
        if after[:1] == ["personnel"] and not grouped:
            out[s.index] = attrs.evolve(s, measure="basic")
        elif table_id in ("income", "project_expenditure") and "total" in before:
            measure = "current_total" if before[-1] == "total" else "carryover"
            out[s.index] = attrs.evolve(s, measure=measure)
            if measure == "carryover":
                opened.add(s.index)
    carry = False
    seen: set[str] = set()
    for i, s in enumerate(out):
        if s.role != "measure" or s.measure is None:
            continue
        if s.measure == "carryover":
            carry = i in opened
        elif s.measure in V.FUND_MEASURES and (carry or s.measure in seen):
            out[i] = s = attrs.evolve(s, measure=f"carryover_{s.measure}")
        seen.add(s.measure)
    for i in range(1, len(out) - 1):
        s, left, right = out[i], out[i - 1], out[i + 1]
        if s.role not in ("empty", "text") or left.measure is None or right.measure is None:
            continue
        prefix = "carryover_" if left.measure.startswith("carryover_") else ""
        lm, rm = left.measure.removeprefix(prefix), right.measure.removeprefix(prefix)
        if lm in _FUND_ORDER and rm in _FUND_ORDER and _FUND_ORDER.index(rm) - _FUND_ORDER.index(lm) == 2:
            middle = _FUND_ORDER[_FUND_ORDER.index(lm) + 1]
            out[i] = attrs.evolve(s, role="measure", measure=prefix + middle, fuzzy=True)
    return out


def lost_code_columns(specs: list[ColumnSpec], width: int) -> int:
    """How many code columns a narrower piece of a table printed as one (类 | 款 | 项 -> 科目编码).

    The header splits the code over several columns; a piece on the next page may print
    it in one. Its cells then line up with the header's from the right.
    """
    leading = 0
    for s in specs:
        if s.role != "code":
            break
        leading += 1
    lost = len(specs) - width
    return lost if 0 < lost < leading else 0
