"""Row keys into the labels printed for them, so that a workbook reads back to the same keys.

A line keeps the name it was printed with when that name reads back as its key
(``一、一般公共预算拨款收入`` is ``item:income.general_budget``); otherwise it gets the
standard name of its key (a 三公 line read from a transposed header as ``小计`` is
written ``公务用车购置及运行费``). Codes go in the code column.
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from ..recognise.labels import normalise
from ..recognise.rowkeys import (
    expenditure_item,
    function_class,
    income_item,
    is_total,
    stats_item,
    stats_section,
    three_public_item,
)
from ..recognise.sources import income_part

__all__ = ["INCOME_NAMES", "PART_NAMES", "EXPENDITURE_NAMES", "income_label", "expenditure_label", "item_label",
           "stats_section_of", "STATS_HEADINGS", "is_code_like"]

INCOME_NAMES = {
    "general_budget": "一般公共预算拨款收入",
    "gov_fund": "政府性基金预算拨款收入",
    "state_capital": "国有资本经营预算拨款收入",
    "special_account": "财政专户管理资金收入",
    "fiscal": "财政拨款收入",
    "business": "事业收入",
    "operating": "事业单位经营收入",
    "superior_grants": "上级补助收入",
    "affiliate_remittance": "附属单位上缴收入",
    "other": "其他收入",
    "current_total": "本年收入合计",
    "nonfiscal_balance_used": "使用非财政拨款结余",
    "business_fund_offset": "用事业基金弥补收支差额",
    "carryover": "上年结转结余",
    "grand_total": "收入总计",
}
# The standard names of the parts of an income line (``recognise.sources.income_part`` reads them).
PART_NAMES = {
    "donation": "捐赠收入",
    "tuition": "教育收费",
    "appropriation": "公共财政拨款(补助)资金",
    "earmarked": "专项收入",
    "other_nontax": "其他非税收入",
    "debt": "债务资金(银行贷款)",
    "used": "动用上年结转和结余资金",
    "business": "事业收入",
    "operating": "经营收入",
    "other": "其他收入",
}
EXPENDITURE_NAMES = {
    "current_total": "本年支出合计",
    "surplus_distribution": "结余分配",
    "carryover": "年末结转和结余",
    "grand_total": "支出总计",
    "basic": "基本支出",
    "project": "项目支出",
    "remit_to_superior": "上缴上级支出",
    "operating": "经营支出",
    "grants_to_affiliates": "对附属单位补助支出",
}
_THREE_PUBLIC_NAMES = {
    "total": "合计",
    "three_public": "“三公”经费小计",
    "outbound": "因公出国（境）费",
    "outbound.academic": "教学科研人员因公出国（境）费",
    "outbound.other": "其他因公出国（境）费",
    "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "reception": "公务接待费",
    "meetings": "会议费",
    "training": "培训费",
    "admin_operating_cost": "机关运行经费",
}
_STATS_NAMES = {
    "procurement_total": "合计",
    "procurement_goods": "货物",
    "procurement_works": "工程",
    "procurement_services": "服务",
    "admin_operating_cost": "合计",
    "admin_operating_cost.admin": "行政单位",
    "admin_operating_cost.civil_service": "参照公务员法管理事业单位",
    "vehicles_total": "车辆数合计",
    "vehicles.senior_officials": "副部（省）级及以上领导用车",
    "vehicles.principal": "主要负责人用车",
    "vehicles.confidential": "机要通信用车",
    "vehicles.emergency": "应急保障用车",
    "vehicles.law_enforcement": "执法执勤用车",
    "vehicles.special": "特种专业技术用车",
    "vehicles.retirees": "离退休干部服务用车",
    "vehicles.other": "其他用车",
    "equipment_over_1m": "单价100万元以上设备",
}
# The heading line that opens each section of the 公开10表 (read as a section, not a row).
STATS_HEADINGS = {
    "procurement": "政府采购支出",
    "admin_operating_cost": "机关运行经费支出",
    "assets": "国有资产占用情况",
}
_CLASS_NAMES: dict[str, str] = {}
for _name, _code in V.FUNCTION_CLASSES.items():
    _CLASS_NAMES.setdefault(_code, _name)


def stats_section_of(suffix: str) -> str | None:
    """The 公开10表 section an item belongs to (``procurement_goods`` -> ``procurement``)."""
    if suffix.startswith("procurement"):
        return "procurement"
    if suffix.startswith("admin_operating_cost"):
        return "admin_operating_cost"
    if suffix.startswith(("vehicles", "equipment")):
        return "assets"
    return None


def _unknown(name: str, norm: str) -> str:
    """An unrecognised line's name, or its key's own words when the name reads otherwise."""
    return name if normalise(name) == norm else norm


def income_label(suffix: str, name: str) -> str:
    """The label of an ``item:income.<suffix>`` line (``carryover.<fund>`` under a carry-over line)."""
    own = suffix.split(".", 1)[1] if suffix.startswith("carryover.") else suffix
    if own in INCOME_NAMES or own in V.CARRYOVER_PARTS:
        return name if income_item(name) == own else INCOME_NAMES[own]
    line, _, part = suffix.partition(".")
    if line in INCOME_NAMES and part and "." not in part:
        # 其中：捐赠收入 right under 其他收入: a part of the line above it.
        if re.match(r"\s*其中", name) and income_part(name) == part:
            return name
        return "其中：" + (PART_NAMES.get(part) or INCOME_NAMES.get(part) or part)
    if income_item(name) is None and function_class(name) is None:
        return _unknown(name, suffix)
    return suffix


def expenditure_label(key: str, name: str) -> str:
    """The label of an expenditure line of a two-sided table (``fn:208``, ``item:expenditure.*``)."""
    if expenditure_item(name) == key:
        return name
    if key.startswith("fn:"):
        return _CLASS_NAMES.get(key[3:], name)
    suffix = key.removeprefix("item:expenditure.")
    if suffix in EXPENDITURE_NAMES:
        return EXPENDITURE_NAMES[suffix]
    return _unknown(name, suffix) if expenditure_item(name) is None else suffix


def item_label(table_id: str, suffix: str, name: str, section: str | None) -> str:
    """The label of an ``item:<suffix>`` line of a table laid out in rows."""
    if table_id == "three_public" and suffix in _THREE_PUBLIC_NAMES:
        return name if three_public_item(name) == suffix else _THREE_PUBLIC_NAMES[suffix]
    if table_id == "disclosure_stats" and suffix in _STATS_NAMES:
        fits = stats_item(name, section) == suffix and stats_section(name) is None
        return name if fits else _STATS_NAMES[suffix]
    if suffix == "total":
        return name if is_total(name) else "合计"
    return _unknown(name, suffix)


def is_code_like(text: str) -> bool:
    """A line key that was a malformed code (``item:032004`` under function codes)."""
    return bool(re.fullmatch(r"[0-9A-Za-z]+", text)) and any(ch.isdigit() for ch in text)
