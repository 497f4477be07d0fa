"""Hypothesis strategies for whole models in the shapes the annex tables print, for the XLSX round trip.

Unlike ``strategies.py`` (any model at all), these build reports whose tables use
real table ids, row keys, measures and units in the combinations disclosures print:
function and economic code trees, two-sided summaries with 其中 parts, 三公 and 公开10表 lines, projects,
income tables that list fund sources and procurement trees.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget.model import Cell, Column, Disclosure, Kind, Provenance, Report, Row, Scope, Table

__all__ = ["expressible_disclosures"]

P = Provenance("g.txt")
FN_TREE = (
    ("201", "一般公共服务支出"), ("20103", "政府办公厅（室）及相关机构事务"), ("2010301", "行政运行"),
    ("2010302", "一般行政管理事务"), ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
    ("2080505", "机关事业单位基本养老保险缴费支出"), ("2080506", "机关事业单位职业年金缴费支出"),
    ("210", "卫生健康支出"), ("21011", "行政事业单位医疗"), ("2101101", "行政单位医疗"),
    ("221", "住房保障支出"), ("22102", "住房改革支出"), ("2210201", "住房公积金"),
)
ECON_TREE = (
    ("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("30108", "机关事业单位基本养老保险缴费"),
    ("302", "商品和服务支出"), ("30201", "办公费"), ("30217", "公务接待费"), ("303", "对个人和家庭的补助"),
    ("30302", "退休费"),
)
EXPENDITURE = ("total", "basic", "personnel", "public_funds", "project", "operating", "remit_to_superior",
               "grants_to_affiliates")
INCOME = ("total", "current_total", "fiscal", "general_budget", "gov_fund", "state_capital", "special_account",
          "business", "business_nontuition", "business_tuition", "operating", "superior_grants",
          "affiliate_remittance", "other", "unit_funds", "business_fund_offset", "nonfiscal_balance_used",
          "carryover", "carryover_general_budget", "carryover_gov_fund", "carryover_state_capital",
          "carryover_special_account", "carryover_unit_funds", "carryover_other")
MEASURES = {
    "expenditure": EXPENDITURE,
    "general_budget_expenditure": EXPENDITURE[:5],
    "fiscal_expenditure": EXPENDITURE[:5],
    "state_capital_expenditure": ("total", "basic", "project"),
    "gov_fund_expenditure": ("opening_balance", "income", "total", "basic", "project", "closing_balance"),
    "general_budget_basic": ("total", "personnel", "public_funds"),
    "fiscal_basic": ("total", "personnel", "public_funds"),
    "admin_operating_cost": ("total",),
    "income": INCOME,
    "project_expenditure": INCOME[:15] + INCOME[17:],
}
RIGHT_SIDES = (("amount",), ("total", "general_budget", "gov_fund", "state_capital"), ("total", "basic", "project"),
               ("total", "personnel", "public_funds", "project"))
INCOME_BODY = ("general_budget", "gov_fund", "state_capital", "special_account", "fiscal", "business", "operating",
               "superior_grants", "affiliate_remittance", "other")
INCOME_NAMES = {"general_budget": "一、一般公共预算拨款收入", "gov_fund": "二、政府性基金预算拨款收入",
                "state_capital": "三、国有资本经营预算拨款收入", "special_account": "财政专户管理资金收入",
                "fiscal": "财政拨款收入", "business": "事业收入", "operating": "事业单位经营收入",
                "superior_grants": "上级补助收入", "affiliate_remittance": "附属单位上缴收入", "other": "其他收入",
                "current_total": "本年收入合计", "carryover": "上年结转结余", "nonfiscal_balance_used": "使用非财政拨款结余",
                "grand_total": "收入总计"}
THREE_PUBLIC = (("total", "合计"), ("three_public", "“三公”经费小计"), ("outbound", "因公出国（境）费"),
                ("vehicles", "公务用车购置及运行费"), ("vehicle_purchase", "公务用车购置费"),
                ("vehicle_operation", "公务用车运行维护费"), ("reception", "公务接待费"), ("meetings", "会议费"))
STATS = (("procurement_total", "合计", None), ("procurement_goods", "货物", None),
         ("procurement_services", "服务", None), ("admin_operating_cost", "机关运行经费", None),
         ("admin_operating_cost.admin", "行政单位", None), ("vehicles_total", "车辆数合计", "辆"),
         ("vehicles.other", "其他用车", "辆"))
# The parts printed under an income line (其中：…), by the line; either name reads back as the part.
INCOME_PARTS = {"fiscal": ("gov_fund", ("其中：政府性基金预算财政拨款", "政府性基金")),
                "other": ("donation", ("其中：捐赠收入", "捐赠"))}
# An income table that lists fund sources: (key, name), parts right under their group's line.
SOURCE_LINES = (("grand_total", "收入总计"), ("general_budget", "一般公共预算资金小计"),
                ("general_budget.appropriation", "公共财政拨款(补助)资金"), ("general_budget.earmarked", "专项收入"),
                ("gov_fund", "政府性基金"), ("special_account", "财政专户管理资金小计"),
                ("special_account.tuition", "专户管理教育收费"), ("other", "小计"), ("other.business", "事业收入"),
                ("other.debt", "债务资金（银行贷款）"), ("carryover", "上年结转和结余资金小计"),
                ("carryover.used", "其中：动用上年结转和结余资金"))
# A 政府采购预算表 printed as a tree: 专项, 经济科目, then purchases (物品, 组织形式); full-width brackets kept.
PURCHASE_TREE = (("A", "一、货物A", (("审判专项业务费", "办公设备购置", (("其他办公设备", "分散自行组织"),
                                                                  ("PC服务器", "部门集中采购"))),
                                    ("审判专项业务费", "印刷费", (("印刷品", "分散自行组织"),)))),
                 ("B", "二、工程B", (("商品和服务支出", "维修（护）费", (("修缮工程", "分散自行组织"),)),)),
                 ("C", "三、服务", (("物业管理费", "物业管理费", (("物业管理服务", "部门集中采购"),)),
                                   ("案件审判经费", "租赁费", (("租赁服务（不带操作员）", "政府集中采购"),)))))
BUDGET_TABLES = ("summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
                 "general_budget_basic", "three_public", "gov_fund_expenditure", "state_capital_expenditure",
                 "fiscal_expenditure", "fiscal_basic", "admin_operating_cost", "project_expenditure", "procurement")
FINAL_TABLES = ("summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
                "general_budget_basic", "gov_fund_expenditure", "state_capital_expenditure", "three_public",
                "disclosure_stats")

amounts = st.one_of(
    st.none(),
    st.integers(0, 10**9).map(Decimal),
    st.integers(-10**6, 10**9).map(lambda n: Decimal(n).scaleb(-2)),
)


def subsequence(items: tuple, min_size: int = 0) -> st.SearchStrategy[list]:
    """Some of the items, in their order."""
    return st.lists(st.booleans(), min_size=len(items), max_size=len(items)).map(
        lambda keep: [x for x, k in zip(items, keep) if k]).filter(lambda xs: len(xs) >= min_size)


def cells(draw, measures, empty: bool) -> tuple[Cell, ...]:
    out = []
    for m in measures:
        value = None if empty else draw(amounts)
        out.append(Cell(m, "" if value is None else str(value), value, P))
    return tuple(out)


@st.composite
def coded_table(draw, table_id: str, unit: str) -> Table:
    measures = draw(subsequence(MEASURES[table_id], 1))
    empty = draw(st.integers(0, 5)) == 0
    if table_id == "project_expenditure":
        lines = [("unit:301001", "示例区民政局机关")] + [(f"proj:301001{n:02d}R000000{n:03d}", f"项目{n}")
                                                        for n in range(1, draw(st.integers(1, 4)) + 1)]
    else:
        tree = ECON_TREE if table_id in ("general_budget_basic", "fiscal_basic", "admin_operating_cost") else FN_TREE
        scheme = "econ" if tree is ECON_TREE else "fn"
        lines = [(f"{scheme}:{c}", n) for c, n in draw(subsequence(tree, 1))]
    rows = [Row("item:total", "合计", cells(draw, measures, empty), P)]
    rows += [Row(k, n, cells(draw, measures, empty), P) for k, n in lines]
    return Table(table_id, table_id, unit, tuple(Column(m, m) for m in measures), tuple(rows), P)


@st.composite
def two_sided_table(draw, table_id: str, unit: str, kind: Kind | None) -> Table:
    right = draw(st.sampled_from(RIGHT_SIDES))
    empty = draw(st.integers(0, 5)) == 0
    left = []
    for k in draw(subsequence(INCOME_BODY, 1)):
        left.append(Row(f"item:income.{k}", INCOME_NAMES[k], cells(draw, ("amount",), empty), P))
        if k in INCOME_PARTS and draw(st.booleans()):
            part, names = INCOME_PARTS[k]
            left.append(Row(f"item:income.{k}.{part}", draw(st.sampled_from(names)),
                            cells(draw, ("amount",), empty), P))
    right_rows = [Row(f"fn:{c}", n, cells(draw, right, empty), P)
                  for c, n in draw(subsequence(tuple(x for x in FN_TREE if len(x[0]) == 3), 1))]
    footer = ["current_total", "carryover"]
    if kind is Kind.FINAL_ACCOUNTS:
        footer.append("nonfiscal_balance_used")
    left += [Row(f"item:income.{k}", INCOME_NAMES[k], cells(draw, ("amount",), empty), P)
             for k in draw(subsequence(tuple(footer)))]
    if any(r.key == "item:income.carryover" for r in left) and not any(r.key.endswith("nonfiscal_balance_used")
                                                                      for r in left):
        left += [Row(f"item:income.carryover.{k}", INCOME_NAMES[k], cells(draw, ("amount",), empty), P)
                 for k in draw(subsequence(("general_budget", "gov_fund")))]
    left.append(Row("item:income.grand_total", "收入总计", cells(draw, ("amount",), empty), P))
    right_rows += [Row("item:expenditure.current_total", "本年支出合计", cells(draw, right, empty), P),
                   Row("item:expenditure.grand_total", "支出总计", cells(draw, right, empty), P)]
    columns = tuple(Column(m, m) for m in dict.fromkeys(("amount", *right)))
    return Table(table_id, table_id, unit, columns, tuple(left + right_rows), P)


@st.composite
def item_table(draw, table_id: str, unit: str, kind: Kind | None) -> Table:
    empty = draw(st.integers(0, 5)) == 0
    if table_id == "three_public":
        if kind is Kind.FINAL_ACCOUNTS:
            measures: tuple[str, ...] = ("budget", "actual")
        else:
            measures = draw(st.sampled_from((("amount",), ("total", "general_budget"))))
        lines = [THREE_PUBLIC[0]] + draw(subsequence(THREE_PUBLIC[1:], 1))
        rows = [Row(f"item:{k}", n, cells(draw, measures, empty), P) for k, n in lines]
    else:
        rows = []
        for k, n, count in [STATS[0]] + draw(subsequence(STATS[1:], 1)):
            if count:
                value = None if empty else draw(st.integers(0, 30).map(Decimal))
                rows.append(Row(f"item:{k}", n, (Cell("count", str(value), value, P),), P, count))
            else:
                rows.append(Row(f"item:{k}", n, cells(draw, ("amount",), empty), P))
        measures = ("amount",)
    return Table(table_id, table_id, unit, tuple(Column(m, m) for m in measures), tuple(rows), P)


@st.composite
def source_list(draw, unit: str) -> Table:
    """An income table listing fund sources, one figure column."""
    empty = draw(st.integers(0, 5)) == 0
    lines = [SOURCE_LINES[0]] + draw(subsequence(SOURCE_LINES[1:], 1))
    rows = [Row(f"item:income.{k}", n, cells(draw, ("amount",), empty), P) for k, n in lines]
    return Table("income", "收入预算总表", unit, (Column("amount", "金额"),), tuple(rows), P)


@st.composite
def purchase_tree(draw, unit: str) -> Table:
    """A 政府采购预算表 printed as a tree: 合计, categories, subtotals and purchases keyed by their paths."""
    empty = draw(st.integers(0, 5)) == 0
    rows = [Row("item:total", "合计", cells(draw, ("amount",), empty), P)]
    words = {"A": "goods", "B": "works", "C": "services"}
    for letter, heading, subtotals in draw(subsequence(PURCHASE_TREE, 1)):
        rows.append(Row(f"item:procurement_{words[letter]}", heading, cells(draw, ("amount",), empty), P))
        for item, econ, purchases in draw(subsequence(subtotals, 1)):
            rows.append(Row(f"item:{letter}/{item}/{econ}", f"{item}/{econ}", cells(draw, ("amount",), empty), P))
            for what, how in draw(subsequence(purchases)):
                rows.append(Row(f"item:{letter}/{item}/{econ}/{what}/{how}", f"{what}/{how}",
                                cells(draw, ("amount",), empty), P))
    return Table("procurement", "政府采购预算表", unit, (Column("amount", "总计"),), tuple(rows), P)


@st.composite
def report(draw, entity: str, code: str | None, scope: Scope, kind: Kind | None, year: int) -> Report:
    ids = draw(subsequence(FINAL_TABLES if kind is Kind.FINAL_ACCOUNTS else BUDGET_TABLES))
    tables = []
    for table_id in ids:
        unit = draw(st.sampled_from(("万元", "元")))
        if table_id in ("summary", "fiscal_summary"):
            tables.append(draw(two_sided_table(table_id, unit, kind)))
        elif table_id in ("three_public", "disclosure_stats"):
            tables.append(draw(item_table(table_id, unit, kind)))
        elif table_id == "procurement":
            tables.append(draw(purchase_tree(unit)))
        elif table_id == "income" and draw(st.booleans()):
            tables.append(draw(source_list(unit)))
        else:
            tables.append(draw(coded_table(table_id, unit)))
    stated = draw(subsequence((("item:income.grand_total", "收入总计"), ("fn:208", "社会保障和就业支出"),
                               ("econ:30101", "基本工资"), ("item:basic", "基本支出"))))
    narrative = []
    for key, name in stated:
        value = draw(amounts.filter(lambda v: v is not None))
        narrative.append(Row(key, name, (Cell("amount", str(value), value, P),), P,
                             draw(st.sampled_from(("万元", "元")))))
    return Report(entity, code, scope, kind, year, None, tuple(tables), tuple(narrative))


@st.composite
def expressible_disclosures(draw) -> Disclosure:
    """One to three entities (a department and its units) with tables and stated figures."""
    # A report of no stated kind is not generated: titles such as 一般公共预算支出表 read as budget.
    kind = draw(st.sampled_from((Kind.BUDGET, Kind.FINAL_ACCOUNTS)))
    year = draw(st.integers(2015, 2030))
    n = draw(st.integers(1, 3))
    if n == 1:
        # A department alone, with a class-like code, a longer one or none: its sheets say 编制部门.
        who = [draw(st.sampled_from((("示例区民政局", "301", Scope.DEPARTMENT),
                                     ("示例区民政局", None, Scope.DEPARTMENT),
                                     ("示例区卫生健康委员会", "305000", Scope.DEPARTMENT),
                                     ("示例区民政局机关", "301001", Scope.UNIT),
                                     ("示例区社会福利院", None, Scope.UNIT))))]
    else:
        who = [("示例区民政局", "301", Scope.DEPARTMENT), ("示例区民政局机关", "301001", Scope.UNIT),
               ("示例区社会福利院", "301002", Scope.UNIT)][:n]
    reports = tuple(draw(report(e, c, s, kind, year)) for e, c, s in who)
    return Disclosure("g.txt", "text", reports)
