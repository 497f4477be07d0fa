"""Table ids and measures into the titles and column headers the annex templates print.

Each measure gets a header path (group labels, then its own label) chosen so that
govbudget's recogniser reads it back as the same measure: ``基本支出 / 人员经费`` is
``personnel``, ``上年结转 / 一般公共预算`` is ``carryover_general_budget``. Titles and
sheet names follow the standard set of each kind of report (``vocabulary.STANDARD_SETS``).
"""

from __future__ import annotations

from .. import vocabulary as V

__all__ = [
    "MEASURE_ORDER",
    "table_order",
    "title_of",
    "sheet_title_of",
    "public_label_of",
    "measure_path",
    "code_columns",
    "NAME_ONLY",
    "GROUP_ALONE",
]

# Tables beyond a kind's standard set follow it in this order.
_EXTRA_ORDER = (
    "state_capital_expenditure", "fiscal_expenditure", "fiscal_basic", "admin_operating_cost",
    "project_expenditure", "procurement", "assets", "disclosure_stats",
)


def table_order(kind: str | None) -> tuple[str, ...]:
    """Table ids in the order their sheets are written: the kind's standard set, then the rest."""
    standard = V.STANDARD_SETS.get(kind or "budget", V.STANDARD_SETS["budget"])
    return standard + tuple(t for t in (*_EXTRA_ORDER, *V.TABLE_IDS) if t not in standard)

# Budget titles without the 部门 / 单位 prefix.
_BUDGET_TITLES = {
    "summary": "收支总表",
    "income": "收入总表",
    "expenditure": "支出总表",
    "fiscal_summary": "财政拨款收支总表",
    "general_budget_expenditure": "一般公共预算支出表",
    "general_budget_basic": "一般公共预算基本支出表",
    "three_public": "一般公共预算“三公”经费支出表",
    "fiscal_expenditure": "财政拨款支出表",
    "fiscal_basic": "财政拨款基本支出表",
    "admin_operating_cost": "机关运行经费支出表",
    "gov_fund_expenditure": "政府性基金预算支出表",
    "state_capital_expenditure": "国有资本经营预算支出表",
    "project_expenditure": "项目支出表",
    "procurement": "政府采购预算表",
    "assets": "固定资产占用情况表",
    "disclosure_stats": "相关信息统计表",
}
# Final-accounts titles as the 公开NN表 templates print them.
_FINAL_TITLES = {
    "summary": "收入支出决算总表",
    "income": "收入决算表",
    "expenditure": "支出决算表",
    "fiscal_summary": "财政拨款收入支出决算总表",
    "general_budget_expenditure": "一般公共预算财政拨款支出决算表",
    "general_budget_basic": "一般公共预算财政拨款基本支出决算表",
    "gov_fund_expenditure": "政府性基金预算财政拨款收入支出决算表",
    "state_capital_expenditure": "国有资本经营预算财政拨款支出决算表",
    "three_public": "财政拨款“三公”经费支出决算表",
    "disclosure_stats": "部门决算公开相关信息统计表",
    "fiscal_expenditure": "财政拨款支出决算表",
    "fiscal_basic": "财政拨款基本支出决算表",
    "admin_operating_cost": "机关运行经费支出决算表",
    "project_expenditure": "项目支出决算表",
    "procurement": "政府采购支出决算表",
    "assets": "国有资产占用情况表",
}
_SCOPE_WORDS = {"department": "部门", "unit": "单位"}
_PUBLIC_OF = {table_id: label for label, table_id in V.PUBLIC_LABELS.items()}


def title_of(table_id: str, kind: str | None, scope: str) -> str | None:
    """The title printed over the table (``部门收支总表``, ``收入支出决算总表``); ``None`` for an unknown id."""
    if kind == "final_accounts":
        return _FINAL_TITLES.get(table_id)
    title = _BUDGET_TITLES.get(table_id)
    return _SCOPE_WORDS[scope] + title if title else None


def sheet_title_of(table_id: str, kind: str | None) -> str | None:
    """The short name a table's sheet is called by; ``None`` for an unknown id."""
    if kind == "final_accounts":
        return _FINAL_TITLES.get(table_id)
    title = _BUDGET_TITLES.get(table_id)
    return title.replace("一般公共预算“三公”", "“三公”") if title else None


def public_label_of(table_id: str, kind: str | None, label: str | None) -> str | None:
    """``公开01表`` for a final-accounts table of the standard set."""
    if kind != "final_accounts":
        return None
    number = label or _PUBLIC_OF.get(table_id)
    return f"公开{number}表" if number else None


# The order columns are printed in; measures not listed follow in the table's own order.
_FUNDS = ("fiscal", "general_budget", "gov_fund", "state_capital", "special_account")
MEASURE_ORDER = (
    "amount", "budget", "actual", "count", "unit_price", "opening_balance", "income",
    "total", "current_total", *_FUNDS, "business", "business_nontuition", "business_tuition", "operating",
    "superior_grants", "affiliate_remittance", "other", "unit_funds", "business_fund_offset",
    "nonfiscal_balance_used", "carryover", *(f"carryover_{f}" for f in (*_FUNDS, "unit_funds", "other")),
    "nonfiscal_carryover", "basic", "personnel", "public_funds", "project", "remit_to_superior",
    "grants_to_affiliates", "closing_balance", "sme_amount", "small_micro_amount",
)

# Tables whose figures are sources of money: 本年收入 / 上年结转 groups over fund columns.
_INCOME_LIKE = frozenset({"income", "project_expenditure"})
_FUND_LABELS = {
    "fiscal": "财政拨款收入",
    "general_budget": "一般公共预算",
    "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "special_account": "财政专户管理资金",
    "unit_funds": "单位资金",
    "other": "其他收入",
}
_LABELS = {
    "count": "数量",
    "unit_price": "单价",
    "opening_balance": "年初结转和结余",
    "income": "本年收入",
    "business": "事业收入",
    "superior_grants": "上级补助收入",
    "affiliate_remittance": "附属单位上缴收入",
    "business_fund_offset": "用事业基金弥补收支差额",
    "nonfiscal_balance_used": "使用非财政拨款结余",
    "nonfiscal_carryover": "非财政拨款结转结余",
    "personnel": "人员经费",
    "public_funds": "公用经费",
    "project": "项目支出",
    "remit_to_superior": "上缴上级支出",
    "grants_to_affiliates": "对附属单位补助支出",
    "closing_balance": "年末结转和结余",
    "sme_amount": "面向中小企业预留资金",
    "small_micro_amount": "面向小微企业预留资金",
}


def _amount_label(table_id: str, kind: str | None, measure: str) -> str:
    """预算数 / 决算数 / 金额 as the recogniser reads them for this table."""
    if measure == "budget":
        return "预算数"
    if measure == "actual":
        return "决算数"
    if table_id == "procurement":
        return "采购金额"
    if table_id == "disclosure_stats":
        return "统计数"
    if table_id == "three_public":
        return "预算数" if kind == "budget" else "金额"
    return {"budget": "预算数", "final_accounts": "决算数"}.get(kind or "", "金额")


def measure_path(table_id: str, kind: str | None, measure: str, side: str | None = None) -> tuple[str, ...] | None:
    """The header labels of a measure column, top to bottom; ``None`` when no label reads back as it.

    ``side`` is ``income`` or ``expenditure`` on two-sided tables.
    """
    income_like = table_id in _INCOME_LIKE or side == "income"
    if measure in ("amount", "budget", "actual"):
        return (_amount_label(table_id, kind, measure),)
    if measure == "total":
        if table_id == "procurement":
            return None  # 合计 there is the purchase amount
        return ("合计",)
    if measure == "basic":
        return ("基本支出", "小计")
    if measure in ("personnel", "public_funds"):
        # Economic tables are basic spending throughout: 人员经费 | 公用经费 with no group.
        return (_LABELS[measure],) if V.CODE_SCHEME.get(table_id) == "econ" else ("基本支出", _LABELS[measure])
    if measure == "current_total":
        # 小计 under 本年收入 is read as this year's income only on the 收入总表.
        return ("本年收入", "小计") if table_id == "income" else ("本年收入合计",)
    if measure == "operating":
        return ("本年收入", "事业单位经营收入") if income_like else ("事业单位经营支出",)
    if measure in ("business_nontuition", "business_tuition"):
        leaf = "非教育收费收入" if measure == "business_nontuition" else "教育收费收入"
        return ("本年收入", "事业收入", leaf) if income_like else ("事业收入", leaf)
    if measure == "carryover":
        if table_id in _INCOME_LIKE:
            return ("上年结转", "小计")
        return ("财政拨款结转",) if table_id == "procurement" else ("上年结转",)
    if measure.startswith("carryover_") and measure[len("carryover_"):] in _FUND_LABELS:
        return ("上年结转", _FUND_LABELS[measure[len("carryover_"):]])
    if measure in _FUND_LABELS or measure in ("business", "superior_grants", "affiliate_remittance"):
        label = _FUND_LABELS.get(measure) or _LABELS[measure]
        return ("本年收入", label) if income_like else (label,)
    if measure in _LABELS:
        return (_LABELS[measure],)
    return None


# A group whose only column is its 小计 prints as this one label.
GROUP_ALONE = {"上年结转": "上年结转", "本年收入": "本年收入合计", "基本支出": "基本支出", "本年支出": "本年支出合计"}

# Tables whose rows are named lines only (no code column unless a row has a code).
NAME_ONLY = frozenset({"three_public", "disclosure_stats", "assets", "procurement"})

_CODE_HEADERS = {
    "fn": (("功能分类科目", "科目编码"), ("功能分类科目", "科目名称")),
    "econ": (("经济分类科目", "科目编码"), ("经济分类科目", "科目名称")),
    "unit": (("单位编码",), ("单位名称",)),
    "proj": (("项目编码",), ("项目名称",)),
}


def code_columns(scheme: str | None) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The code and name column headers of a scheme, or ``None`` for a name column only."""
    return _CODE_HEADERS.get(scheme or "")
