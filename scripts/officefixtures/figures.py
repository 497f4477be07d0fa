"""The fixtures' disclosures as a few spending lines, and every annex table derived from them.

An entity is its spending lines (function code, personnel, public funds,
project, fund source) plus its economic breakdown and 三公 figures; parents,
totals, both sides of the 收支总表 and the department's sums of its units are
computed, so the identities hold unless a fixture breaks one on purpose.
Tables come out as :class:`Printed`: header rows with their merges, an optional
栏次 row, and body rows whose figures are Decimals (``None`` when blank).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal as D

Z = D("0.00")

FN_NAMES = {
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
    "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
    "210": "卫生健康支出", "21001": "卫生健康管理事务", "2100101": "行政运行", "2100102": "一般行政管理事务",
    "21004": "公共卫生", "2100401": "疾病预防控制机构", "2100409": "重大公共卫生服务",
    "21011": "行政事业单位医疗", "2101101": "行政单位医疗", "2101102": "事业单位医疗",
    "212": "城乡社区支出", "21208": "国有土地使用权出让收入安排的支出", "2120803": "城市建设支出",
    "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
}
ECON_NAMES = {
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
    "30113": "住房公积金", "302": "商品和服务支出", "30201": "办公费", "30205": "水费", "30206": "电费",
    "30211": "差旅费", "30217": "公务接待费", "30231": "公务用车运行维护费", "30299": "其他商品和服务支出",
}
# The 类 printed on the expenditure side of a 收支总表, in template order.
BUDGET_CLASSES = (
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
    "社会保障和就业支出", "社会保险基金支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出",
    "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出",
    "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出",
    "预备费", "其他支出", "转移性支出", "债务还本支出", "债务付息支出", "债务发行费用支出",
)
FINAL_CLASSES = BUDGET_CLASSES[:8] + BUDGET_CLASSES[9:23] + ("其他支出", "债务还本支出", "债务付息支出",
                                                           "抗疫特别国债安排的支出")
CLASS_CODES = {"社会保障和就业支出": "208", "卫生健康支出": "210", "城乡社区支出": "212", "住房保障支出": "221"}
_DIGITS = "一二三四五六七八九"


def ordinal(n: int) -> str:
    """Chinese ordinal prefix: 1 -> 一、, 12 -> 十二、, 29 -> 二十九、."""
    tens, ones = divmod(n, 10)
    word = ("" if tens < 2 else _DIGITS[tens - 1]) + ("十" if tens else "") + (_DIGITS[ones - 1] if ones else "")
    return word + "、"


@dataclass(frozen=True)
class Spend:
    """One spending line: a 项 code, its basic (personnel, public funds) and project parts, its fund."""

    code: str
    personnel: D = Z
    public: D = Z
    project: D = Z
    fund: str = "general_budget"  # general_budget | gov_fund | business | other
    carried: D = Z  # paid from the carry-over of earlier years (general budget)

    @property
    def total(self) -> D:
        return self.personnel + self.public + self.project


@dataclass
class Entity:
    """A department or unit: what it spends, how its general-budget basic spending splits, its 三公."""

    code: str | None
    name: str
    spend: list[Spend]
    econ: dict[str, D]
    three_public: dict[str, D]
    closing: D = Z  # final accounts: carried to next year (general budget)
    budget_three_public: dict[str, D] = field(default_factory=dict)  # final accounts: the year's budget

    def check(self) -> None:
        gb = [s for s in self.spend if s.fund == "general_budget"]
        personnel = sum((v for k, v in self.econ.items() if k.startswith("301")), Z)
        public = sum((v for k, v in self.econ.items() if k.startswith("302")), Z)
        assert personnel == sum((s.personnel for s in gb), Z), (self.name, "personnel", personnel)
        assert public == sum((s.public for s in gb), Z), (self.name, "public funds", public)
        assert self.three_public.get("operation", Z) == self.econ.get("30231", Z)
        assert self.three_public.get("reception", Z) == self.econ.get("30217", Z)


def department(code: str, name: str, units: list[Entity]) -> Entity:
    """The department as the sum of its units (same lines, economic items and 三公 figures)."""
    econ: dict[str, D] = {}
    three: dict[str, D] = {}
    for u in units:
        for k, v in u.econ.items():
            econ[k] = econ.get(k, Z) + v
        for k, v in u.three_public.items():
            three[k] = three.get(k, Z) + v
    return Entity(code, name, [s for u in units for s in u.spend], econ, three)


def _sum(spends, attr: str) -> D:
    return sum((getattr(s, attr) for s in spends), Z)


def fn_lines(spends: list[Spend], measures) -> list[tuple[str, str, dict[str, D]]]:
    """Class, 款 and 项 rows (code, name, figures) over ``spends``, each figure summing its children."""
    codes = sorted({s.code[:n] for s in spends for n in (3, 5, 7)})
    out = []
    for code in codes:
        under = [s for s in spends if s.code.startswith(code)]
        out.append((code, FN_NAMES[code], {m: f(under) for m, f in measures.items()}))
    return out


SPENDING = {"total": lambda s: _sum(s, "total"), "basic": lambda s: _sum(s, "personnel") + _sum(s, "public"),
            "personnel": lambda s: _sum(s, "personnel"), "public": lambda s: _sum(s, "public"),
            "project": lambda s: _sum(s, "project")}


def by_fund(e: Entity, *funds: str) -> list[Spend]:
    return [s for s in e.spend if s.fund in funds]


def class_totals(spends: list[Spend]) -> dict[str, D]:
    return {code: _sum([s for s in spends if s.code.startswith(code)], "total")
            for code in sorted({s.code[:3] for s in spends})}


def econ_lines(e: Entity) -> list[tuple[str, str, D]]:
    codes = sorted(set(e.econ) | {k[:3] for k in e.econ})
    return [(c, ECON_NAMES[c], sum((v for k, v in e.econ.items() if k.startswith(c)), Z)) for c in codes]


@dataclass
class Printed:
    """A table as printed: header rows (merges in their coordinates), an optional 栏次 row, the body."""

    kind: str
    title: str
    header: list[list[str]]
    merges: list[tuple[int, int, int, int]]
    body: list[list[object]]
    marker: list[str] | None = None
    label: str | None = None
    note: str | None = None
    name_column: int = 1  # the column whose labels name the rows (for indentation)

    @property
    def width(self) -> int:
        return len(self.header[0]) if self.header else len(self.body[0])


def _blank(v: D | None) -> D | None:
    return None if v is None or v == 0 else v


# -- budget tables (部门预算 / 单位预算) ---------------------------------------------


def budget_summary(e: Entity, title: str) -> Printed:
    gb, gf, biz = (_sum(by_fund(e, f), "total") for f in ("general_budget", "gov_fund", "business"))
    carried = _sum(e.spend, "carried")
    current = gb - carried + gf + biz
    income = [("一、一般公共预算拨款收入", gb - carried), ("二、政府性基金预算拨款收入", gf),
              ("三、国有资本经营预算拨款收入", None), ("四、财政专户管理资金收入", None), ("五、事业收入", biz),
              ("六、事业单位经营收入", None), ("七、上级补助收入", None), ("八、附属单位上缴收入", None),
              ("九、其他收入", None)]
    classes = class_totals(e.spend)
    spending = [(ordinal(i + 1) + name, classes.get(CLASS_CODES.get(name, ""))) for i, name in
                enumerate(BUDGET_CLASSES)]
    body = [[a, _blank(b), c, _blank(d)] for (a, b), (c, d) in
            zip(income + [("", None)] * (len(spending) - len(income)), spending)]
    body += [["本年收入合计", current, "本年支出合计", current + carried],
             ["上年结转结余", _blank(carried), "年终结转结余", None],
             ["收入总计", current + carried, "支出总计", current + carried]]
    return Printed("summary", title, [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]],
                   [(0, 0, 0, 1), (0, 2, 0, 3)], body, marker=["1", "2", "3", "4"])


def budget_income(e: Entity, title: str) -> Printed:
    measures = {
        "total": lambda s: _sum(s, "total"),
        "current": lambda s: _sum(s, "total") - _sum(s, "carried"),
        "gb": lambda s: _sum([x for x in s if x.fund == "general_budget"], "total") - _sum(s, "carried"),
        "gf": lambda s: _sum([x for x in s if x.fund == "gov_fund"], "total"),
        "biz": lambda s: _sum([x for x in s if x.fund == "business"], "total"),
        "carried": lambda s: _sum(s, "carried"),
    }
    order = ("total", "current", "gb", "gf", "biz", "carried")
    lines = [("", "合计", {m: f(e.spend) for m, f in measures.items()})] + fn_lines(e.spend, measures)
    body = [[code, name, *(_blank(v[m]) for m in order)] for code, name, v in lines]
    header = [["功能分类科目", "", "合计", "本年收入", "", "", "", "上年结转"],
              ["科目编码", "科目名称", "", "小计", "一般公共预算拨款收入", "政府性基金预算拨款收入", "事业收入", ""]]
    return Printed("income", title, header, [(0, 0, 0, 1), (0, 2, 1, 2), (0, 3, 0, 6), (0, 7, 1, 7)], body,
                   marker=[str(i) for i in range(1, 9)])


def spending_table(kind: str, title: str, spends: list[Spend], *, split_codes: bool = False,
                   staff: bool = False, codes: bool = True) -> Printed:
    """支出总表 and its kin: 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出 by function code."""
    order = ("total", "basic", "personnel", "public", "project") if staff else ("total", "basic", "project")
    lines = [("", "合计", {m: SPENDING[m](spends) for m in order})] + fn_lines(spends, SPENDING)
    figures = ["合计", "基本支出", "人员经费", "公用经费", "项目支出"] if staff else ["合计", "基本支出", "项目支出"]
    if split_codes:
        header = [["科目编码", "", "", "科目名称", *figures], ["类", "款", "项", "", *([""] * len(figures))]]
        merges = [(0, 0, 0, 2)] + [(0, c, 1, c) for c in range(3, 4 + len(figures))]
        body = [[c[:3], c[3:5], c[5:7], n, *(_blank(v[m]) for m in order)] for c, n, v in lines]
        return Printed(kind, title, header, merges, body, name_column=3)
    lead = ["科目编码", "科目名称"] if codes else ["科目名称"]
    if staff:
        header = [[*lead, "合计", "基本支出", "", "", "项目支出"], [*([""] * len(lead)), "", "小计", "人员经费",
                                                                 "公用经费", ""]]
        k = len(lead)
        merges = [(0, c, 1, c) for c in range(k + 1)] + [(0, k + 1, 0, k + 3), (0, k + 4, 1, k + 4)]
        order = ("total", "basic", "personnel", "public", "project")
    else:
        header, merges = [[*lead, *figures]], []
    body = [[*([c, n] if codes else [n]), *(_blank(v[m]) for m in order)] for c, n, v in lines]
    return Printed(kind, title, header, merges, body, name_column=1 if codes else 0)


def budget_fiscal_summary(e: Entity, title: str) -> Printed:
    gb_spend, gf_spend = by_fund(e, "general_budget"), by_fund(e, "gov_fund")
    carried = _sum(e.spend, "carried")
    gb, gf = _sum(gb_spend, "total"), _sum(gf_spend, "total")
    gb_cls, gf_cls = class_totals(gb_spend), class_totals(gf_spend)
    income = [("一、一般公共预算拨款", gb - carried), ("二、政府性基金预算拨款", gf),
              ("三、国有资本经营预算拨款", None)]
    body = []
    for i, name in enumerate(BUDGET_CLASSES):
        code = CLASS_CODES.get(name, "")
        a, b = gb_cls.get(code), gf_cls.get(code)
        total = (a or Z) + (b or Z)
        left = income[i] if i < len(income) else ("", None)
        body.append([left[0], _blank(left[1]), ordinal(i + 1) + name, _blank(total), _blank(a), _blank(b), None])
    body += [["本年收入合计", gb - carried + gf, "本年支出合计", gb + gf, gb, _blank(gf), None],
             ["上年结转", _blank(carried), "年终结转结余", None, None, None, None],
             ["一、一般公共预算拨款", _blank(carried), "", None, None, None, None],
             ["二、政府性基金预算拨款", None, "", None, None, None, None],
             ["收入总计", gb + gf, "支出总计", gb + gf, gb, _blank(gf), None]]
    header = [["收入", "", "支出", "", "", "", ""],
              ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]]
    return Printed("fiscal_summary", title, header, [(0, 0, 0, 1), (0, 2, 0, 6)], body,
                   marker=[str(i) for i in range(1, 8)])


def budget_basic(e: Entity, title: str) -> Printed:
    rows = econ_lines(e)
    personnel = sum((v for k, v in e.econ.items() if k.startswith("301")), Z)
    public = sum((v for k, v in e.econ.items() if k.startswith("302")), Z)
    body = [["", "合计", personnel + public, _blank(personnel), _blank(public)]]
    for code, name, v in rows:
        body.append([code, name, v, v if code.startswith("301") else None, v if code.startswith("302") else None])
    header = [["经济分类科目", "", "合计", "人员经费", "公用经费"], ["科目编码", "科目名称", "", "", ""]]
    return Printed("general_budget_basic", title, header, [(0, 0, 0, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4)],
                   body)


def three_public_figures(t: dict[str, D]) -> list[D | None]:
    vehicles = t.get("purchase", Z) + t.get("operation", Z)
    total = t.get("outbound", Z) + vehicles + t.get("reception", Z)
    return [total, _blank(t.get("outbound")), _blank(vehicles), _blank(t.get("purchase")),
            _blank(t.get("operation")), _blank(t.get("reception"))]


def budget_three_public(e: Entity, title: str) -> Printed:
    header = [["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
              ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]]
    return Printed("three_public", title, header, [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 1, 5)],
                   [three_public_figures(e.three_public)], name_column=-1)


def budget_tables(e: Entity, prefix: str, *, split_codes: bool = False,
                  names_only: bool = False) -> list[Printed]:
    """The eight tables of a 部门预算 (prefix 部门预算) or 单位预算, in the usual order."""
    gf = by_fund(e, "gov_fund")
    gov_fund = spending_table("gov_fund_expenditure", f"{prefix}政府性基金预算支出表", gf)
    if not gf:
        gov_fund.body = [["", "合计", None, None, None]]
        gov_fund.note = f"注：{e.name}2024年没有政府性基金预算拨款安排的支出，本表空表列示。"
    return [
        budget_summary(e, f"{prefix}收支总表"),
        budget_income(e, f"{prefix}收入总表"),
        spending_table("expenditure", f"{prefix}支出总表", e.spend, split_codes=split_codes),
        budget_fiscal_summary(e, f"{prefix}财政拨款收支总表"),
        spending_table("general_budget_expenditure", f"{prefix}一般公共预算支出表",
                       by_fund(e, "general_budget"), staff=True, codes=not names_only),
        budget_basic(e, f"{prefix}一般公共预算基本支出表"),
        budget_three_public(e, f"{prefix}一般公共预算“三公”经费支出表"),
        gov_fund,
    ]


def budget_narrative(e: Entity) -> list[str]:
    """What the 情况说明 of a budget states; every figure agrees with the tables."""
    gb = by_fund(e, "general_budget")
    grand = _sum(e.spend, "total")
    basic = _sum(gb, "personnel") + _sum(gb, "public")
    three = three_public_figures(e.three_public)
    return [
        f"2024年收入总计{grand}万元，支出总计{grand}万元，比上年增加12.34万元，增长0.52%。",
        f"一般公共预算基本支出{basic}万元，其中：人员经费{_sum(gb, 'personnel')}万元，"
        f"公用经费{_sum(gb, 'public')}万元。",
        f"“三公”经费预算{three[0]}万元，其中：公务用车运行费{three[4]}万元，公务接待费{three[5]}万元。",
    ]


# -- the entities -----------------------------------------------------------------

BUREAU = Entity("301001", "临江区卫生健康局本级", [
    Spend("2080505", personnel=D("136.42")), Spend("2080506", personnel=D("54.57")),
    Spend("2100101", personnel=D("812.36"), public=D("143.20")),
    Spend("2100102", project=D("386.50"), carried=D("45.00")),
    Spend("2101101", personnel=D("61.38")), Spend("2210201", personnel=D("98.27")),
], econ={"30101": D("402.18"), "30102": D("268.35"), "30107": D("141.83"), "30108": D("136.42"),
         "30109": D("54.57"), "30110": D("61.38"), "30113": D("98.27"), "30201": D("38.60"), "30211": D("21.40"),
         "30217": D("6.80"), "30231": D("18.50"), "30299": D("57.90")},
    three_public={"operation": D("18.50"), "reception": D("6.80")})
CDC = Entity("301002", "临江区疾病预防控制中心", [
    Spend("2080505", personnel=D("98.64")), Spend("2080506", personnel=D("39.46")),
    Spend("2100401", personnel=D("1046.25"), public=D("186.34")),
    Spend("2100401", personnel=D("120.00"), public=D("35.50"), fund="business"),
    Spend("2100409", project=D("525.80")), Spend("2101102", personnel=D("44.12")),
    Spend("2120803", project=D("300.00"), fund="gov_fund"), Spend("2210201", personnel=D("70.91")),
], econ={"30101": D("452.10"), "30102": D("301.24"), "30107": D("292.91"), "30108": D("98.64"),
         "30109": D("39.46"), "30110": D("44.12"), "30113": D("70.91"), "30201": D("52.30"), "30211": D("33.15"),
         "30217": D("4.20"), "30231": D("12.60"), "30299": D("84.09")},
    three_public={"operation": D("12.60"), "reception": D("4.20")})
UNITS = [BUREAU, CDC]
DEPARTMENT = department("301", "临江区卫生健康局", UNITS)

INSPECTORATE = Entity(None, "临江区卫生健康综合监督执法局", [
    Spend("2080505", personnel=D("210436.00")), Spend("2080506", personnel=D("84174.40")),
    Spend("2100101", personnel=D("1498763.52"), public=D("261447.18")),
    Spend("2100102", project=D("786215.60"), carried=D("40000.00")),
    Spend("2100102", project=D("50000.00"), fund="other"),
    Spend("2101101", personnel=D("95318.07")), Spend("2210201", personnel=D("105218.00")),
], econ={"30101": D("620412.35"), "30102": D("381230.00"), "30103": D("61500.00"), "30107": D("435621.17"),
         "30108": D("210436.00"), "30109": D("84174.40"), "30110": D("95318.07"), "30113": D("105218.00"),
         "30201": D("68120.50"), "30205": D("12034.60"), "30206": D("30115.28"), "30211": D("45368.00"),
         "30217": D("17960.00"), "30231": D("56218.30"), "30299": D("31630.50")},
    three_public={"operation": D("56218.30"), "reception": D("17960.00")},
    closing=D("80000.00"),
    budget_three_public={"operation": D("70000.00"), "reception": D("20000.00")})

for _e in (*UNITS, DEPARTMENT, INSPECTORATE):
    _e.check()
