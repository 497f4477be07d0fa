"""The model's vocabulary as XBRL names: measures into concepts and members, row keys into dimensions.

One place decides how a figure of the model (table id, row key, measure) is
spelled in an instance of the govbudget taxonomy, and back. The lists of tables,
line items and fund sources are taken from :mod:`govbudget.vocabulary`; the
labels in :mod:`govbudget.taxonomy.labels`. The writer, the reader and the
generator of the taxonomy files all use these functions, so they cannot disagree.
"""

from __future__ import annotations

import re

import attrs

from .. import vocabulary as V
from .labels import FUND_LABELS, ITEM_LABELS, SIDE_LABELS, TABLE_LABELS, TYPE_LABELS

__all__ = [
    "Concept",
    "Axis",
    "Member",
    "NARRATIVE",
    "CONCEPTS",
    "FIGURE_CONCEPTS",
    "AXES",
    "MEASURES",
    "TABLE_MEMBERS",
    "ITEM_MEMBERS",
    "FUND_MEMBERS",
    "TYPE_MEMBERS",
    "COLUMN_MEMBERS",
    "MEASURE_AXES",
    "KIND_MEMBERS",
    "ROW_AXES",
    "FUND_TABLES",
    "measure_names",
    "measure_of",
    "row_dimension",
    "row_key",
]

NARRATIVE = "narrative"
# Tables whose columns are sources of money: 经营收入 there, 经营支出 elsewhere.
FUND_TABLES = frozenset({"income", "project_expenditure", "procurement"})


@attrs.frozen
class Concept:
    """A reportable element: ``kind`` is money, count, integer or text; ``instant`` opening or closing."""

    name: str
    kind: str
    zh: str
    en: str
    instant: str | None = None


@attrs.frozen
class Member:
    """A member of an explicit axis; ``parent`` is the member above it (``None``: under the domain)."""

    name: str
    zh: str
    en: str
    parent: str | None = None


@attrs.frozen
class Axis:
    """A dimension: explicit (members, maybe a default) or typed (a pattern on its codes)."""

    name: str
    zh: str
    en: str
    domain: str | None = None
    default: bool = False
    typed: str | None = None
    pattern: str | None = None
    zh_domain: str = ""
    en_domain: str = ""


def _camel(key: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[._]", key) if part)


# --- concepts ---------------------------------------------------------------

_FIGURES = (
    Concept("Amount", "money", "金额", "Amount"),
    Concept("Total", "money", "合计", "Total"),
    Concept("BudgetAmount", "money", "预算数", "Budgeted amount"),
    Concept("ActualAmount", "money", "决算数", "Actual amount"),
    Concept("Income", "money", "本年收入", "Income of the year"),
    Concept("Carryover", "money", "上年结转", "Carry-over from the previous year", instant="opening"),
    Concept("OpeningBalance", "money", "年初结转和结余", "Opening carry-over and balance", instant="opening"),
    Concept("ClosingBalance", "money", "年末结转和结余", "Closing carry-over and balance", instant="closing"),
    Concept("SmeReservedAmount", "money", "面向中小企业预留金额", "Amount reserved for SMEs"),
    Concept("SmallMicroReservedAmount", "money", "面向小微企业预留金额", "Amount reserved for small and micro firms"),
    Concept("UnitPrice", "money", "单价", "Unit price"),
    Concept("Count", "count", "数量", "Count"),
    Concept("UnreadColumnFigure", "money", "未识别列的数字", "Figure of a column whose header was not read"),
)
_DESCRIPTIONS = (
    Concept("SourceFile", "text", "来源文件", "Source file"),
    Concept("GovbudgetVersion", "text", "govbudget 版本", "govbudget version"),
    Concept("SourceReader", "text", "读取方式", "Reader"),
    Concept("EntityName", "text", "单位名称", "Entity name"),
    Concept("EntityCode", "text", "单位编码", "Entity code"),
    Concept("ReportScope", "text", "部门或单位", "Department or unit"),
    Concept("PrintedUnit", "text", "计量单位（原文）", "Unit as printed"),
    Concept("TableTitle", "text", "表名（原文）", "Table title as printed"),
    Concept("TableLabel", "text", "表号", "Table label"),
    Concept("LineName", "text", "行名称（原文）", "Line name as printed"),
    Concept("SourcePage", "integer", "页码", "Page"),
    Concept("SourceTableOrdinal", "integer", "表序号", "Table ordinal"),
)
# Headings for the definition and presentation linkbases (abstract).
HEADINGS = (
    Concept("ReportLineItems", "abstract", "报告信息", "Report information"),
    Concept("TableLineItems", "abstract", "表信息", "Table information"),
    Concept("FigureLineItems", "abstract", "数据", "Figures"),
)
FIGURE_CONCEPTS = {c.name: c for c in _FIGURES}
CONCEPTS = {c.name: c for c in (*_FIGURES, *_DESCRIPTIONS, *HEADINGS)}
REPORT_CONCEPTS = ("SourceFile", "GovbudgetVersion", "SourceReader", "EntityName", "EntityCode", "ReportScope",
                   "PrintedUnit")
TABLE_CONCEPTS = ("TableTitle", "TableLabel", "PrintedUnit")
ROW_CONCEPTS = ("LineName", "PrintedUnit", "SourcePage", "SourceTableOrdinal")

# --- explicit members -------------------------------------------------------

KIND_MEMBERS = {
    "budget": Member("BudgetReportMember", "预算", "Budget"),
    "final_accounts": Member("FinalAccountsReportMember", "决算", "Final accounts"),
}

TABLE_MEMBERS = {
    t: Member(("NarrativeMember" if t == NARRATIVE else f"{_camel(t)}TableMember"), *TABLE_LABELS[t])
    for t in (*V.TABLE_IDS, NARRATIVE)
}

# Fund sources: (measure, parent measure). Each is also a fund member of FundSourceAxis.
_FUND_TREE = (
    ("current_total", None),
    ("fiscal", "current_total"),
    ("general_budget", "fiscal"),
    ("gov_fund", "fiscal"),
    ("state_capital", "fiscal"),
    ("special_account", "current_total"),
    ("business", "current_total"),
    ("business_nontuition", "business"),
    ("business_tuition", "business"),
    ("operating", "current_total"),
    ("superior_grants", "current_total"),
    ("affiliate_remittance", "current_total"),
    ("other", "current_total"),
    ("unit_funds", "current_total"),
    ("business_fund_offset", None),
    ("nonfiscal_balance_used", None),
    ("nonfiscal", None),
)
_FUND_NAMES = {"current_total": "CurrentYearIncome", "fiscal": "FiscalAppropriation", "operating": "OperatingIncome",
               "other": "OtherIncome", "business": "BusinessIncome", "business_nontuition": "BusinessIncomeNonTuition",
               "business_tuition": "BusinessIncomeTuition", "gov_fund": "GovernmentFund"}
FUND_MEMBERS = {
    m: Member(f"{_FUND_NAMES.get(m, _camel(m))}Member", *FUND_LABELS[m],
              parent=None if p is None else f"{_FUND_NAMES.get(p, _camel(p))}Member")
    for m, p in _FUND_TREE
}

_TYPE_TREE = (
    ("basic", None), ("personnel", "basic"), ("public_funds", "basic"), ("project", None),
    ("capital_construction", "project"), ("operating", None), ("remit_to_superior", None),
    ("grants_to_affiliates", None), ("reserve", None),
)
_TYPE_NAMES = {"basic": "BasicExpenditure", "project": "ProjectExpenditure", "operating": "OperatingExpenditure"}
TYPE_MEMBERS = {
    m: Member(f"{_TYPE_NAMES.get(m, _camel(m))}Member", *TYPE_LABELS[m],
              parent=None if p is None else f"{_TYPE_NAMES.get(p, _camel(p))}Member")
    for m, p in _TYPE_TREE
}


# Parents of named lines where the key does not say (``outbound.academic`` says ``outbound``).
_ITEM_PARENTS = {
    "outbound": "three_public", "vehicles": "three_public", "reception": "three_public",
    "vehicle_purchase": "vehicles", "vehicle_operation": "vehicles",
    "procurement_goods": "procurement_total", "procurement_works": "procurement_total",
    "procurement_services": "procurement_total", "personnel": "basic", "public_funds": "basic",
}
SIDES = {side: Member(f"{_camel(side)}SideMember", *SIDE_LABELS[side]) for side in ("income", "expenditure")}


_INCOME_PARTS = (
    "fiscal.gov_fund", "other.donation", "general_budget.appropriation", "general_budget.earmarked",
    "special_account.tuition", "special_account.other_nontax", "other.business", "other.operating", "other.other",
    "other.debt", "carryover.used",
)


def _item_parent(key: str) -> str | None:
    if key.startswith("vehicles."):
        return "vehicles_total"
    return _ITEM_PARENTS.get(key) or key.rpartition(".")[0] or None


def _item_keys() -> list[str]:
    """Every named line of the vocabulary (key suffixes), parents before their children."""
    keys = ["total"]
    keys += [f"income.{k}" for k, _ in V.INCOME_ITEMS]
    keys += [f"income.carryover.{k}" for k, _ in V.INCOME_ITEMS if k in V.CARRYOVER_PARTS]
    keys += [f"expenditure.{k}" for k, _ in V.EXPENDITURE_ITEMS]
    keys += [k for k, _ in V.THREE_PUBLIC_ITEMS]
    keys += [k for k, _, _ in V.STATS_ITEMS]
    # Parts of income lines: 其中 lines, and the lines of a 收入预算总表 that lists fund sources.
    keys += [f"income.{k}" for k in _INCOME_PARTS]
    # Lines only the narrative names (vocabulary.NARRATIVE_ITEMS; a test compares them).
    keys += ["fiscal_income", "general_budget", "basic", "personnel", "public_funds", "project", "reserve", "gov_fund",
             "fiscal_grand_total"]
    unique = list(dict.fromkeys(keys))
    ordered: list[str] = []

    def place(key: str) -> None:
        if key in ordered:
            return
        parent = _item_parent(key)
        if parent in unique:
            place(parent)
        ordered.append(key)

    for key in unique:
        place(key)
    return ordered


def _item_member(key: str, keys: list[str]) -> Member:
    parent = _item_parent(key)
    if parent in keys:
        parent_name = f"{_camel(parent)}LineMember"
    elif key.startswith(("income.", "expenditure.")):
        parent_name = SIDES[key.partition(".")[0]].name
    else:
        parent_name = None
    return Member(f"{_camel(key)}LineMember", *ITEM_LABELS[key], parent=parent_name)


_ITEM_KEYS = _item_keys()
ITEM_MEMBERS = {f"item:{k}": _item_member(k, _ITEM_KEYS) for k in _ITEM_KEYS}


# A two-sided table whose header cannot be read keeps its figures as column1, column2 … of each side.
DEFAULT_UNREAD_COLUMNS = 12
COLUMN_MEMBERS = {
    f"column{i}": Member(f"UnreadColumn{i}Member", f"未识别的第{i}列", f"Unread column {i}")
    for i in range(1, DEFAULT_UNREAD_COLUMNS + 1)
}

# --- axes -------------------------------------------------------------------

_FN = r"[0-9]{3}([0-9]{2}){0,2}"
_ECON = r"[0-9]{3}([0-9]{2})?"
_CODE = r"[0-9A-Za-z][0-9A-Za-z._\-]*"

AXES = {
    "kind": Axis("ReportKindAxis", "预算或决算", "Budget or final accounts", domain="ReportKindDomain",
                 default=True, zh_domain="全部", en_domain="Any"),
    "table": Axis("TableAxis", "表", "Table", domain="TableDomain", zh_domain="全部表", en_domain="All tables"),
    "fn": Axis("FunctionAxis", "支出功能分类科目", "Function classification", typed="FunctionCode", pattern=_FN),
    "econ": Axis("EconomicAxis", "支出经济分类科目", "Economic classification", typed="EconomicCode", pattern=_ECON),
    "unit": Axis("BudgetUnitAxis", "预算单位", "Budget unit", typed="BudgetUnitCode", pattern=_CODE),
    "proj": Axis("ProjectAxis", "项目", "Project", typed="ProjectCode", pattern=_CODE),
    "item": Axis("LineItemAxis", "项目行", "Named line", domain="LineItemDomain", zh_domain="全部行",
                 en_domain="All lines"),
    "other": Axis("OtherLineAxis", "其他行", "Other line", typed="RowKey"),
    "fund": Axis("FundSourceAxis", "资金来源", "Fund source", domain="AllSourcesMember", default=True,
                 zh_domain="全部资金", en_domain="All sources"),
    "type": Axis("ExpenditureTypeAxis", "支出类型", "Kind of expenditure", domain="AllExpenditureMember",
                 default=True, zh_domain="全部支出", en_domain="All expenditure"),
    "column": Axis("UnreadColumnAxis", "未识别的列", "Unread column", domain="ReadColumnsMember", default=True,
                   zh_domain="已识别的列", en_domain="Columns read"),
}
ROW_AXES = ("fn", "econ", "unit", "proj", "item", "other")
_ROW_PATTERNS = {s: re.compile(AXES[s].pattern + r"\Z") for s in ("fn", "econ", "unit", "proj")}

# --- measures ---------------------------------------------------------------

_PLAIN = {
    "amount": "Amount", "budget": "BudgetAmount", "actual": "ActualAmount", "total": "Total", "income": "Income",
    "carryover": "Carryover", "opening_balance": "OpeningBalance", "closing_balance": "ClosingBalance",
    "sme_amount": "SmeReservedAmount", "small_micro_amount": "SmallMicroReservedAmount", "unit_price": "UnitPrice",
    "count": "Count",
}
MeasureNames = tuple[str, tuple[tuple[str, str], ...]]
"""A concept and the (axis key, member key) pairs of the measure axes (fund, type, column) it takes."""


def _measures() -> dict[str, MeasureNames]:
    out: dict[str, MeasureNames] = {m: (c, ()) for m, c in _PLAIN.items()}
    for m in FUND_MEMBERS:
        if m != "nonfiscal":
            out[m] = ("Total", (("fund", m),))
    for m in TYPE_MEMBERS:
        out.setdefault(m, ("Total", (("type", m),)))  # operating stays a fund here; see measure_names
    for m in sorted(V.FUND_MEASURES):
        out[f"carryover_{m}"] = ("Carryover", (("fund", m),))
    out["nonfiscal_carryover"] = ("Carryover", (("fund", "nonfiscal"),))
    for m in COLUMN_MEMBERS:
        out[m] = ("UnreadColumnFigure", (("column", m),))
    return out


MEASURES = _measures()
"""Every measure the taxonomy expresses, with its concept and measure-axis members."""
MEASURE_AXES = ("fund", "type", "column")
_BY_NAMES = {v: m for m, v in MEASURES.items()}
_BY_NAMES[("Total", (("type", "operating"),))] = "operating"


def measure_names(measure: str, table: str) -> MeasureNames | None:
    """The concept and measure-axis members of a measure in a table, ``None`` if the taxonomy has none."""
    if measure == "operating" and table not in FUND_TABLES:
        return ("Total", (("type", "operating"),))
    return MEASURES.get(measure)


def measure_of(concept: str, members: dict[str, str]) -> str | None:
    """The measure a concept and its measure-axis members stand for, ``None`` if none."""
    return _BY_NAMES.get((concept, tuple((a, members[a]) for a in MEASURE_AXES if a in members)))


def row_dimension(key: str) -> tuple[str, str]:
    """The row axis (``fn``, ``econ``, ``unit``, ``proj``, ``item`` or ``other``) and its value for a row key.

    Codes go to their typed axis when well formed, known lines to a member of
    LineItemAxis; anything else keeps its whole key on OtherLineAxis.
    """
    scheme, sep, code = key.partition(":")
    if sep and scheme in _ROW_PATTERNS and _ROW_PATTERNS[scheme].match(code):
        return scheme, code
    if key in ITEM_MEMBERS:
        return "item", key
    return "other", key


def row_key(axis: str, value: str) -> str:
    """The row key a row axis and value stand for (inverse of :func:`row_dimension`)."""
    return value if axis in ("item", "other") else f"{axis}:{value}"
