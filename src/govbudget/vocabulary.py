"""The domain's words as data: table ids and titles, measures, row items, classes.

Everything here is matched against labels in their compact form (no
whitespace, ordinals stripped, full-width brackets and quotes made ASCII; see
``recognise.labels.normalise``). Order matters: the first rule that matches wins.
"""

from __future__ import annotations

import re

__all__ = [
    "TABLE_IDS",
    "TABLE_TITLES",
    "PUBLIC_LABELS",
    "STANDARD_SETS",
    "TWO_SIDED",
    "CODE_SCHEME",
    "FUNCTION_CLASSES",
    "ECON_CLASSES",
    "INCOME_ITEMS",
    "EXPENDITURE_ITEMS",
    "THREE_PUBLIC_ITEMS",
    "STATS_ITEMS",
    "MEASURE_RULES",
    "FUND_MEASURES",
    "COUNT_UNITS",
    "NARRATIVE_ITEMS",
]

TABLE_IDS = (
    "summary",
    "income",
    "expenditure",
    "fiscal_summary",
    "general_budget_expenditure",
    "general_budget_basic",
    "three_public",
    "fiscal_expenditure",
    "fiscal_basic",
    "admin_operating_cost",
    "gov_fund_expenditure",
    "state_capital_expenditure",
    "project_expenditure",
    "procurement",
    "assets",
    "disclosure_stats",
)

# Title rules, tried in order on the compact title. A title matching the
# "not an annex table" rule (performance targets, 目录 lines) is never a table id.
NOT_ANNEX = re.compile(r"绩效|目录|机构设置|人员情况|申报表|自评")
TABLE_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("disclosure_stats", re.compile(r"相关信息统计表")),
    ("three_public", re.compile(r"三公")),
    ("admin_operating_cost", re.compile(r"机关运行经费")),
    ("procurement", re.compile(r"政府采购")),
    ("assets", re.compile(r"(国有|固定)资产.*(占用|情况)")),
    ("project_expenditure", re.compile(r"^(?!.*一般公共预算).*项目支出(预算|决算)?表")),
    ("gov_fund_expenditure", re.compile(r"政府性?基金")),
    ("state_capital_expenditure", re.compile(r"国有资本经营")),
    ("general_budget_basic", re.compile(r"一般公共预算.*基本支出")),
    ("general_budget_expenditure", re.compile(r"一般公共预算.*支出")),
    ("fiscal_basic", re.compile(r"财政拨款基本支出")),
    ("fiscal_summary", re.compile(r"财政拨款收(入)?支(出)?")),
    ("fiscal_expenditure", re.compile(r"财政拨款支出")),
    ("summary", re.compile(r"收(入)?支(出)?(决算|预算)?总表|收支(决算|预算)表")),
    ("income", re.compile(r"收入(决算|预算)?(总)?表")),
    ("expenditure", re.compile(r"支出(决算|预算)?(总)?表")),
)

PUBLIC_LABELS = {
    "01": "summary",
    "02": "income",
    "03": "expenditure",
    "04": "fiscal_summary",
    "05": "general_budget_expenditure",
    "06": "general_budget_basic",
    "07": "gov_fund_expenditure",
    "08": "state_capital_expenditure",
    "09": "three_public",
    "10": "disclosure_stats",
}

# The annex tables each kind of report is expected to print (for inspect and validation).
STANDARD_SETS = {
    "budget": (
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "general_budget_expenditure",
        "general_budget_basic",
        "three_public",
        "gov_fund_expenditure",
    ),
    "final_accounts": tuple(PUBLIC_LABELS.values()),
}

TWO_SIDED = frozenset({"summary", "fiscal_summary"})

# Words a table prints instead of lines when it has none (a row label, or a note under it).
EMPTY_TABLE = re.compile(r"此表为空|本表为空|本表无数据|^无数据$|空表列示")

# The scheme of a table's codes when its header does not say.
CODE_SCHEME = {
    "income": "fn",
    "expenditure": "fn",
    "general_budget_expenditure": "fn",
    "fiscal_expenditure": "fn",
    "gov_fund_expenditure": "fn",
    "state_capital_expenditure": "fn",
    "general_budget_basic": "econ",
    "fiscal_basic": "econ",
    "admin_operating_cost": "econ",
    "project_expenditure": "proj",
}

# 支出功能分类 classes (类), with the names earlier years used.
FUNCTION_CLASSES: dict[str, str] = {
    "一般公共服务支出": "201",
    "外交支出": "202",
    "国防支出": "203",
    "公共安全支出": "204",
    "教育支出": "205",
    "科学技术支出": "206",
    "文化旅游体育与传媒支出": "207",
    "文化体育与传媒支出": "207",
    "社会保障和就业支出": "208",
    "社会保险基金支出": "209",
    "卫生健康支出": "210",
    "医疗卫生与计划生育支出": "210",
    "医疗卫生支出": "210",
    "节能环保支出": "211",
    "城乡社区支出": "212",
    "农林水支出": "213",
    "交通运输支出": "214",
    "资源勘探工业信息等支出": "215",
    "资源勘探信息等支出": "215",
    "商业服务业等支出": "216",
    "金融支出": "217",
    "援助其他地区支出": "219",
    "自然资源海洋气象等支出": "220",
    "国土海洋气象等支出": "220",
    "住房保障支出": "221",
    "粮油物资储备支出": "222",
    "国有资本经营预算支出": "223",
    "灾害防治及应急管理支出": "224",
    "预备费": "227",
    "其他支出": "229",
    "转移性支出": "230",
    "债务还本支出": "231",
    "债务付息支出": "232",
    "债务发行费用支出": "233",
    "抗疫特别国债安排的支出": "234",
}

# 部门预算支出经济分类 classes (类).
ECON_CLASSES: dict[str, str] = {
    "工资福利支出": "301",
    "商品和服务支出": "302",
    "对个人和家庭的补助": "303",
    "对个人和家庭的补助支出": "303",
    "债务利息及费用支出": "307",
    "资本性支出(基本建设)": "309",
    "资本性支出": "310",
    "对企业补助(基本建设)": "311",
    "对企业补助": "312",
    "对社会保障基金补助": "313",
    "其他支出": "399",
}

# Lines of two-sided tables. Keys are suffixes of ``item:income.`` / ``item:expenditure.``.
INCOME_ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("grand_total", re.compile(r"^(收入)?总(计|数)$|^收入总(计|数)$")),
    ("current_total", re.compile(r"^(本年|当年)收入(合计|小计)?$|^收入合计$")),
    ("nonfiscal_balance_used", re.compile(r"使用非财政拨款结余")),
    ("business_fund_offset", re.compile(r"用事业基金弥补")),
    ("carryover", re.compile(r"^(上年|年初)(财政拨款)?结转(和|及)?(结余)?(资金)?$|^上年结余$")),
    ("general_budget", re.compile(r"一般公共预算")),
    ("gov_fund", re.compile(r"政府性?基金")),
    ("state_capital", re.compile(r"国有资本经营")),
    ("special_account", re.compile(r"财政转?专户")),  # 财政转专户管理资金 is printed too
    ("fiscal", re.compile(r"^财政拨款(收入)?$")),
    ("operating", re.compile(r"经营收入")),
    ("business", re.compile(r"^事业收入")),
    ("superior_grants", re.compile(r"上级补助")),
    ("affiliate_remittance", re.compile(r"附属单位上缴")),
    ("other", re.compile(r"^其他(收入|资金)")),
)
# 其中 lines under an income line are its parts: item:income.<line>.<part> (其中：捐赠收入 under
# 其他收入); a fund named there (其中：政府性基金预算财政拨款) is read by INCOME_ITEMS.
INCOME_PART_ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("donation", re.compile(r"捐赠")),
    ("tuition", re.compile(r"教育收费")),
    # The parts of the fund groups of a 收入预算总表 that lists sources (recognise.sources).
    ("appropriation", re.compile(r"财政拨款\(补助\)资金|^公共财政拨款")),
    ("earmarked", re.compile(r"^专项收入$")),
    ("other_nontax", re.compile(r"^其他非税收入$")),
    ("debt", re.compile(r"^债务资金|银行贷款")),
    ("used", re.compile(r"^动用上年结转")),
)
# Fund lines that follow a carry-over line are its parts: item:income.carryover.<fund>.
CARRYOVER_PARTS = frozenset({"general_budget", "gov_fund", "state_capital", "special_account", "fiscal"})

EXPENDITURE_ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("grand_total", re.compile(r"^(支出)?总(计|数)$|^支出总(计|数)$")),
    ("current_total", re.compile(r"^(本年|当年)支出(合计|小计)?$|^支出合计$")),
    ("surplus_distribution", re.compile(r"^结余分配$")),
    ("carryover", re.compile(r"^(年终|年末)(财政拨款)?结转(和|及)?(结余)?$|^结转下年(资金)?$")),
    ("basic", re.compile(r"^基本支出$")),
    ("project", re.compile(r"^项目支出$")),
    ("reserve", re.compile(r"^单位预留机动经费$")),
    ("remit_to_superior", re.compile(r"上缴上级|上解上级")),
    ("operating", re.compile(r"经营支出")),
    ("grants_to_affiliates", re.compile(r"对附属单位补助|对下级单位补助")),
)

THREE_PUBLIC_ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("three_public", re.compile(r"三公.*小计$|^三公经费$|三公经费(预算|决算)?数?$")),
    ("total", re.compile(r"^(合|总)计$|三公.*合计$")),
    ("outbound.academic", re.compile(r"教学科研人员因公出国")),
    ("outbound.other", re.compile(r"^其他因公出国")),
    ("outbound", re.compile(r"因公出国")),
    ("vehicle_purchase", re.compile(r"公务用车购置(费)?$|^购置(费)?$")),
    ("vehicle_operation", re.compile(r"公务用车运行(维护|维修)?(费)?$|^运行(维护)?费$")),
    ("vehicles", re.compile(r"公务用车")),
    ("reception", re.compile(r"公务接待")),
    ("meetings", re.compile(r"会议费")),
    ("training", re.compile(r"培训费")),
    ("admin_operating_cost", re.compile(r"机关运行经费")),
)

# 公开10表 lines; the section heading decides which reading a bare 合计 gets.
STATS_SECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("procurement", re.compile(r"政府采购")),
    ("admin_operating_cost", re.compile(r"机关运行经费")),
    ("assets", re.compile(r"国有资产|资产占用")),
)
STATS_ITEMS: tuple[tuple[str, str | None, re.Pattern[str]], ...] = (
    ("procurement_total", "procurement", re.compile(r"^(合计|政府采购(支出)?(合计|总额))$")),
    ("procurement_goods", "procurement", re.compile(r"货物")),
    ("procurement_works", "procurement", re.compile(r"工程")),
    ("procurement_services", "procurement", re.compile(r"服务")),
    ("admin_operating_cost", "admin_operating_cost", re.compile(r"^(合计|机关运行经费)$")),
    ("admin_operating_cost.admin", "admin_operating_cost", re.compile(r"^行政单位$")),
    ("admin_operating_cost.civil_service", "admin_operating_cost", re.compile(r"参照公务员法管理")),
    ("vehicles_total", None, re.compile(r"车辆数?合计|车辆总数")),
    ("vehicles.senior_officials", None, re.compile(r"(副部|省).*领导用车|部级领导")),
    ("vehicles.principal", None, re.compile(r"主要(负责人|领导干部)用车")),
    ("vehicles.confidential", None, re.compile(r"机要通信用车")),
    ("vehicles.emergency", None, re.compile(r"应急保障用车")),
    ("vehicles.law_enforcement", None, re.compile(r"执法执勤用车")),
    ("vehicles.special", None, re.compile(r"特种专业技术用车")),
    ("vehicles.retirees", None, re.compile(r"离退休干部(服务)?用车")),
    ("vehicles.other", None, re.compile(r"其他用车")),
    ("equipment_over_1m", None, re.compile(r"100万元.*设备")),
)
COUNT_UNITS = {"vehicles": "辆", "equipment": "台(套)"}

# Categories of a 政府采购预算表 (一、货物A …) with the letters of the 政府采购品目分类目录: the line is
# item:procurement_<category>, the lines under it item:<letter>/<专项名称>/<经济科目>[/<物品>/<组织形式>].
PROCUREMENT_CATEGORIES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("goods", "A", re.compile(r"货物")),
    ("works", "B", re.compile(r"工程")),
    ("services", "C", re.compile(r"服务")),
)

# Column headers -> measures. Each rule: (measure, pattern). Context-dependent
# words (合计, 小计, 预算数 ...) are settled in recognise.columns.
MEASURE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("current_total", re.compile(r"^本年收入(合计|小计)$")),
    ("total", re.compile(r"^本年支出(合计|小计)$")),
    ("business_fund_offset", re.compile(r"用事业基金弥补")),
    ("nonfiscal_balance_used", re.compile(r"使用非财政拨款结余")),
    ("opening_balance", re.compile(r"^年初结转(和|及)?结余$")),
    ("closing_balance", re.compile(r"^年末结转(和|及)?结余$")),
    ("nonfiscal_carryover", re.compile(r"^非财政拨款结转(和|及)?(结余)?$")),
    ("carryover", re.compile(
        r"^(上年|年初)(财政拨款)?结转(和|及)?(结余)?(收入)?$|^上年结余$|^结转结余$|^财政拨款结转(和|及)?(结余)?$"
    )),
    ("grants_to_affiliates", re.compile(r"对附属单位补助|对下级单位补助")),
    ("remit_to_superior", re.compile(r"上缴上级|上解上级")),
    ("operating", re.compile(r"经营(收入|支出)|^事业单位经营$")),
    ("general_budget", re.compile(r"一般公共预算")),
    ("gov_fund", re.compile(r"政府性?基金|^基金预算")),
    ("state_capital", re.compile(r"国有资本经营")),
    ("special_account", re.compile(r"财政专户|专户管理|专户(收入|资金)")),
    ("fiscal", re.compile(r"^财政拨款(收入)?$")),
    ("business_nontuition", re.compile(r"非教育收费")),
    ("business_tuition", re.compile(r"教育收费")),
    ("business", re.compile(r"^事业收入|^事业$")),
    ("superior_grants", re.compile(r"上级补助")),
    ("affiliate_remittance", re.compile(r"附属单位上缴")),
    ("other", re.compile(r"^其他(收入|资金)")),
    ("unit_funds", re.compile(r"^单位(自有)?资金$")),
    ("reserve", re.compile(r"^单位预留机动经费$")),
    ("capital_construction", re.compile(r"^基本建设(资金)?支出$")),  # 其中：基本建设资金支出, a part of project
    ("personnel", re.compile(r"人员经费|人员支出|工资福利")),
    ("public_funds", re.compile(r"公用经费|公用支出")),
    ("basic", re.compile(r"基本支出$")),
    ("project", re.compile(r"项目支出$")),
    ("income", re.compile(r"^本年收入$")),
    ("count", re.compile(r"^数量$")),
)
FUND_MEASURES = frozenset(
    {"general_budget", "gov_fund", "state_capital", "special_account", "fiscal", "unit_funds", "other"}
)

# Items the narrative names (情况说明: 收入总计, 基本支出, 公务接待费 …): (row key, rule on the compact label
# with the filler words around it removed). First match wins.
NARRATIVE_ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("item:income.grand_total", re.compile(
        r"^收入总(计|预算|额)$|^收入预算总(额|计)?$|^收入预算$|^收入支出总计$|^收支总(预算|计|额)$")),
    ("item:expenditure.grand_total", re.compile(r"^支出总(计|预算|额)$|^支出预算总(额|计)?$|^支出预算$")),
    ("item:income.current_total", re.compile(r"^本年收入(预算(合计|小计)?|合计|小计)$|^本年预算收入$")),
    ("item:expenditure.current_total", re.compile(r"^本年支出(预算(合计|小计)?|合计|小计)$|^本年预算支出$")),
    ("item:fiscal_grand_total", re.compile(r"^财政拨款收入支出总计$")),
    ("item:income.nonfiscal_balance_used", re.compile(r"^使用非财政拨款结余$")),
    ("item:income.carryover", re.compile(r"^上年结转$")),
    ("item:expenditure.carryover", re.compile(r"^结转下年$")),
    ("item:fiscal_income", re.compile(r"(?<!非同级)(?<!非)财政拨款(预算)?收入(预算)?(总计|总额|合计)?$")),
    ("item:general_budget", re.compile(
        r"一般公共预算(财政)?拨款(收入|支出)?$|一般公共预算(财政拨款)?支出$|^一般公共预算收入$")),
    ("item:income.business", re.compile(r"^事业收入$")),
    ("item:income.operating", re.compile(r"^(事业单位)?经营收入$")),
    ("item:income.other", re.compile(r"^其他收入$|^其他资金(收入)?(预算)?(总计|合计)?$")),
    ("item:gov_fund", re.compile(r"^政府性基金支出(预算)?(支出)?$")),
    ("item:reserve", re.compile(r"预留机动经费$")),
    ("item:three_public", re.compile(r"三公经费(财政拨款)?(支出)?$|三公经费(年初)?(预算|决算)?$")),
    ("item:outbound", re.compile(r"因公出国\(境\)费?(用|支出|预算支出)?$")),
    ("item:vehicles", re.compile(r"公务用车购置及运行(维护)?费(支出|预算支出)?$")),
    ("item:vehicle_purchase", re.compile(r"公务用车购置(费|支出|预算支出)?$")),
    ("item:vehicle_operation", re.compile(r"公务用车运行(维护)?费(支出|预算支出)?$")),
    ("item:reception", re.compile(r"公务接待费(支出|预算支出)?$")),
    ("item:meetings", re.compile(r"会议费(预算)?(支出)?$")),
    ("item:training", re.compile(r"培训费(预算)?(支出)?$")),
    ("item:admin_operating_cost", re.compile(r"机关运行经费(支出|预算支出)?$")),
    ("item:procurement_goods", re.compile(r"政府采购货物(预算|支出)?$|^货物采购金额$|^拟(采购|购买)货物(支出)?$")),
    ("item:procurement_works", re.compile(r"政府采购工程(预算|支出)?$|^工程采购金额$|^拟(采购|购买)工程(支出)?$")),
    ("item:procurement_services", re.compile(
        r"政府采购服务(预算|支出)?$|^服务采购金额$|^拟(采购|购买)服务(支出)?$")),
    ("item:procurement_total", re.compile(r"政府采购(预算|支出|金额)*(总)?(金额|额)?$")),
    ("item:personnel", re.compile(r"人员经费$")),
    ("item:public_funds", re.compile(r"公用经费$")),
    ("item:basic", re.compile(r"基本支出$")),
    ("item:project", re.compile(r"项目支出$")),
)
