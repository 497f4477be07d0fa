"""The ten 公开表 of a final account (部门决算), derived from an entity's spending, in 元.

Laid out like the national template: 行次 columns on the two-sided tables, 栏次
rows, the 基本支出 detail printed as a 人员经费 block beside a 公用经费 block, and
the empty fund tables kept with their 合计 line and a 本表无数据 note. Income by
function differs from spending by what the opening and closing balances carry.
"""

from __future__ import annotations

from decimal import Decimal as D

from .figures import (
    CLASS_CODES,
    FINAL_CLASSES,
    SPENDING,
    Entity,
    Printed,
    Z,
    _blank,
    _sum,
    by_fund,
    class_totals,
    econ_lines,
    fn_lines,
    ordinal,
    three_public_figures,
)

PUBLIC_TITLES = {
    "01": "收入支出决算总表", "02": "收入决算表", "03": "支出决算表", "04": "财政拨款收入支出决算总表",
    "05": "一般公共预算财政拨款支出决算表", "06": "一般公共预算财政拨款基本支出决算明细表",
    "07": "政府性基金预算财政拨款收入支出决算表", "08": "国有资本经营预算财政拨款支出决算表",
    "09": "财政拨款“三公”经费支出决算表", "10": "部门决算公开相关信息统计表",
}
PROCUREMENT = {"goods": D("102380.00"), "works": Z, "services": D("50000.00")}
VEHICLES = 2


def _rows(left: list[tuple[str, D | None]], right: list[tuple[str, list[D | None]]], start_right: int):
    """Two-sided rows with 行次: the income side numbered from 1, the expenditure side from ``start_right``."""
    n = max(len(left), len(right))
    left = left + [("", None)] * (n - len(left))
    right = right + [("", [None])] * (n - len(right))
    return [[a, str(i + 1), _blank(b), c, str(start_right + i), *map(_blank, d)]
            for i, ((a, b), (c, d)) in enumerate(zip(left, right))]


def opening(e: Entity) -> D:
    return _sum(e.spend, "carried") + e.closing


def summary(e: Entity) -> Printed:
    gb = _sum(by_fund(e, "general_budget"), "total") - _sum(e.spend, "carried")
    other = _sum(by_fund(e, "other"), "total")
    current_in = gb + other
    current_out = _sum(e.spend, "total")
    classes = class_totals(e.spend)
    left = [("一、一般公共预算财政拨款收入", gb), ("二、政府性基金预算财政拨款收入", None),
            ("三、国有资本经营预算财政拨款收入", None), ("四、上级补助收入", None), ("五、事业收入", None),
            ("六、经营收入", None), ("七、附属单位上缴收入", None), ("八、其他收入", other)]
    right = [(ordinal(i + 1) + n, [classes.get(CLASS_CODES.get(n, ""))]) for i, n in enumerate(FINAL_CLASSES)]
    body = _rows(left, right, len(FINAL_CLASSES) + 6)
    k, m = len(body), len(body) + len(FINAL_CLASSES) + 5
    body += [["本年收入合计", str(k + 1), current_in, "本年支出合计", str(m + 1), current_out],
             ["使用非财政拨款结余和专用结余", str(k + 2), None, "结余分配", str(m + 2), None],
             ["年初结转和结余", str(k + 3), opening(e), "年末结转和结余", str(m + 3), _blank(e.closing)],
             ["", str(k + 4), None, "", str(m + 4), None],
             ["总计", str(k + 5), current_in + opening(e), "总计", str(m + 5), current_out + e.closing]]
    header = [["收入", "", "", "支出", "", ""], ["项目", "行次", "金额", "项目", "行次", "金额"]]
    return Printed("summary", PUBLIC_TITLES["01"], header, [(0, 0, 0, 2), (0, 3, 0, 5)], body,
                   marker=["栏次", "", "1", "栏次", "", "2"], label="公开01表", name_column=0)


def income(e: Entity) -> Printed:
    measures = {
        "current": lambda s: _sum([x for x in s if x.fund in ("general_budget", "other")], "total")
        - _sum(s, "carried"),
        "fiscal": lambda s: _sum([x for x in s if x.fund == "general_budget"], "total") - _sum(s, "carried"),
        "other": lambda s: _sum([x for x in s if x.fund == "other"], "total"),
    }
    lines = [("", "合计", {m: f(e.spend) for m, f in measures.items()})] + fn_lines(e.spend, measures)
    body = [[c, n, _blank(v["current"]), _blank(v["fiscal"]), None, None, None, None, _blank(v["other"])]
            for c, n, v in lines]
    body[0][:2] = ["合计", ""]
    header = [["项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入",
               "其他收入"], ["科目代码", "科目名称", "", "", "", "", "", "", ""]]
    merges = [(0, 0, 0, 1)] + [(0, c, 1, c) for c in range(2, 9)]
    return Printed("income", PUBLIC_TITLES["02"], header, merges, body,
                   marker=["栏次", "", *map(str, range(1, 8))], label="公开02表")


def _spending(kind: str, label: str, spends, group: str, total_word: str) -> Printed:
    lines = [("", "合计", {m: SPENDING[m](spends) for m in SPENDING})] + fn_lines(spends, SPENDING)
    body = [[c, n, _blank(v["total"]), _blank(v["basic"]), _blank(v["project"])] for c, n, v in lines]
    body[0][:2] = ["合计", ""]
    header = [["项目", "", group, "", ""], ["科目代码", "科目名称", total_word, "基本支出", "项目支出"]]
    return Printed(kind, PUBLIC_TITLES[label], header, [(0, 0, 0, 1), (0, 2, 0, 4)], body,
                   marker=["栏次", "", "1", "2", "3"], label=f"公开{label}表")


def expenditure(e: Entity) -> Printed:
    lines = [("", "合计", {m: SPENDING[m](e.spend) for m in SPENDING})] + fn_lines(e.spend, SPENDING)
    body = [[c, n, _blank(v["total"]), _blank(v["basic"]), _blank(v["project"]), None, None, None]
            for c, n, v in lines]
    body[0][:2] = ["合计", ""]
    header = [["项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
              ["科目代码", "科目名称", "", "", "", "", "", ""]]
    merges = [(0, 0, 0, 1)] + [(0, c, 1, c) for c in range(2, 8)]
    return Printed("expenditure", PUBLIC_TITLES["03"], header, merges, body,
                   marker=["栏次", "", *map(str, range(1, 7))], label="公开03表")


def fiscal_summary(e: Entity) -> Printed:
    gb_spend = by_fund(e, "general_budget")
    gb_out = _sum(gb_spend, "total")
    gb_in = gb_out - _sum(e.spend, "carried")
    classes = class_totals(gb_spend)
    left = [("一、一般公共预算财政拨款", gb_in), ("二、政府性基金预算财政拨款", None),
            ("三、国有资本经营预算财政拨款", None)]
    right = []
    for i, n in enumerate(FINAL_CLASSES):
        v = classes.get(CLASS_CODES.get(n, ""))
        right.append((ordinal(i + 1) + n, [v, v, None, None]))
    body = _rows(left, right, len(FINAL_CLASSES) + 7)
    k, m = len(body), len(body) + len(FINAL_CLASSES) + 6
    body += [["本年收入合计", str(k + 1), gb_in, "本年支出合计", str(m + 1), gb_out, gb_out, None, None],
             ["年初财政拨款结转和结余", str(k + 2), opening(e), "年末财政拨款结转和结余", str(m + 2),
              _blank(e.closing), _blank(e.closing), None, None],
             ["一般公共预算财政拨款", str(k + 3), opening(e), "", str(m + 3), None, None, None, None],
             ["政府性基金预算财政拨款", str(k + 4), None, "", str(m + 4), None, None, None, None],
             ["国有资本经营预算财政拨款", str(k + 5), None, "", str(m + 5), None, None, None, None],
             ["总计", str(k + 6), gb_in + opening(e), "总计", str(m + 6), gb_out + e.closing,
              gb_out + e.closing, None, None]]
    header = [["收入", "", "", "支出", "", "", "", "", ""],
              ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
               "国有资本经营预算财政拨款"]]
    return Printed("fiscal_summary", PUBLIC_TITLES["04"], header, [(0, 0, 0, 2), (0, 3, 0, 8)], body,
                   marker=["栏次", "", "1", "栏次", "", "2", "3", "4", "5"], label="公开04表", name_column=0)


def basic_detail(e: Entity) -> Printed:
    """公开06表: the 人员经费 lines beside the 公用经费 lines, each block code | name | 决算数."""
    lines = econ_lines(e)
    staff = [x for x in lines if x[0].startswith("301")]
    funds = [x for x in lines if x[0].startswith("302")]
    n = max(len(staff), len(funds))
    body = []
    for i in range(n):
        a = list(staff[i]) if i < len(staff) else ["", "", None]
        b = list(funds[i]) if i < len(funds) else ["", "", None]
        body.append([a[0], a[1], _blank(a[2]), b[0], b[1], _blank(b[2])])
    body.append(["人员经费合计", "", sum((x[2] for x in staff if len(x[0]) == 3), Z), "公用经费合计", "",
                 sum((x[2] for x in funds if len(x[0]) == 3), Z)])
    header = [["人员经费", "", "", "公用经费", "", ""],
              ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"]]
    return Printed("general_budget_basic", PUBLIC_TITLES["06"], header, [(0, 0, 0, 2), (0, 3, 0, 5)], body,
                   label="公开06表")


def empty_gov_fund() -> Printed:
    header = [["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
              ["科目代码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""]]
    merges = [(0, 0, 0, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 0, 6), (0, 7, 1, 7)]
    return Printed("gov_fund_expenditure", PUBLIC_TITLES["07"], header, merges, [["合计", "", *[None] * 6]],
                   marker=["栏次", "", *map(str, range(1, 7))], label="公开07表",
                   note="注：本单位2023年度没有政府性基金预算财政拨款收入、支出，本表无数据。")


def empty_state_capital() -> Printed:
    t = _spending("state_capital_expenditure", "08", [], "本年支出", "合计")
    t.body = [["合计", "", None, None, None]]
    t.note = "注：本单位2023年度没有国有资本经营预算财政拨款支出，本表无数据。"
    return t


def three_public(e: Entity) -> Printed:
    groups = ["合计", "因公出国(境)费", "公务用车购置及运行维护费", "", "", "公务接待费"]
    parts = ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""]
    header = [["预算数"] + [""] * 5 + ["决算数"] + [""] * 5, groups + groups, parts + parts]
    merges = [(0, 0, 0, 5), (0, 6, 0, 11)]
    for base in (0, 6):
        merges += [(1, base, 2, base), (1, base + 1, 2, base + 1), (1, base + 2, 1, base + 4),
                   (1, base + 5, 2, base + 5)]
    body = [three_public_figures(e.budget_three_public) + three_public_figures(e.three_public)]
    return Printed("three_public", PUBLIC_TITLES["09"], header, merges, body,
                   marker=[str(i) for i in range(1, 13)], label="公开09表", name_column=-1)


def disclosure_stats(e: Entity) -> Printed:
    procurement = sum(PROCUREMENT.values(), Z)
    public = sum((v for k, v in e.econ.items() if k.startswith("302")), Z)
    body = [["一、政府采购情况", "", None], ["项目", "行次", "统计数"],
            ["合计", "1", procurement], ["货物", "2", _blank(PROCUREMENT["goods"])],
            ["工程", "3", _blank(PROCUREMENT["works"])], ["服务", "4", _blank(PROCUREMENT["services"])],
            ["二、机关运行经费", "", None], ["项目", "", "统计数"],
            ["（一）行政单位", "5", public], ["（二）参照公务员法管理事业单位", "6", None],
            ["三、国有资产占用情况", "", None], ["（一）车辆数合计（辆）", "7", D(VEHICLES)],
            ["1.执法执勤用车", "12", D(VEHICLES)], ["（二）单价100万元（含）以上设备（不含车辆）", "17", None]]
    return Printed("disclosure_stats", PUBLIC_TITLES["10"], [], [], body, label="公开10表", name_column=0)


def final_tables(e: Entity) -> list[Printed]:
    """The ten 公开表 in order."""
    gb = by_fund(e, "general_budget")
    return [summary(e), income(e), expenditure(e), fiscal_summary(e),
            _spending("general_budget_expenditure", "05", gb, "本年支出", "小计"), basic_detail(e),
            empty_gov_fund(), empty_state_capital(), three_public(e), disclosure_stats(e)]


def final_narrative(e: Entity, *, wrong_reception: D | None = None) -> list[str]:
    """The 情况说明 of the final account; ``wrong_reception`` misstates 公务接待费 on purpose."""
    gb = by_fund(e, "general_budget")
    grand = _sum(e.spend, "total") + e.closing
    basic = _sum(gb, "personnel") + _sum(gb, "public")
    three = three_public_figures(e.three_public)
    reception = wrong_reception if wrong_reception is not None else three[5]
    fmt = "{:,.2f}".format
    return [
        f"2023年度收入总计{fmt(grand)}元，支出总计{fmt(grand)}元。与上年相比，收入总计增加152,360.00元，增长5.05%。",
        f"2023年度一般公共预算财政拨款基本支出{fmt(basic)}元，其中：人员经费{fmt(_sum(gb, 'personnel'))}元，"
        f"公用经费{fmt(_sum(gb, 'public'))}元。",
        f"2023年度“三公”经费支出{fmt(three[0])}元，其中：公务用车运行维护费{fmt(three[4])}元，"
        f"公务接待费{fmt(reception)}元。",
        f"2023年度机关运行经费支出{fmt(_sum(gb, 'public'))}元。",
    ]
