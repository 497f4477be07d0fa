"""The taxonomy's names into its files: the schema, label, presentation and definition linkbases, package metadata.

Run ``python -m govbudget.taxonomy.build`` after changing the vocabulary or the
names to rewrite the files in this folder; a test fails while they are stale.
Output is deterministic: the same names always give the same bytes.
"""

from __future__ import annotations

import sys
from typing import Iterable

from lxml import etree

from . import BASE_URL, DIRECTORY, ENTRY_POINT, FILES, NAMESPACE, PREFIX, SCHEMA_FILE, VERSION
from . import names as N

__all__ = ["build", "write_all"]

XS = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DIM_ARCROLE = "http://xbrl.org/int/dim/arcrole/"
ROLE = NAMESPACE + "/role/"
LANGUAGES = (("zh", "zh-CN"), ("en", "en"))

# What each table's presentation shows: its row axes and its usual measures (DOMAIN's table of tables).
TABLE_VIEWS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "summary": (("item", "fn"), ("amount", "total", "general_budget", "gov_fund", "state_capital")),
    "income": (("fn", "unit"), ("total", "carryover", "current_total", "fiscal", "general_budget", "gov_fund",
                                "state_capital", "special_account", "business", "operating", "superior_grants",
                                "affiliate_remittance", "other", "business_fund_offset")),
    "expenditure": (("fn",), ("total", "basic", "project", "operating", "remit_to_superior",
                              "grants_to_affiliates")),
    "fiscal_summary": (("item", "fn"), ("amount", "total", "general_budget", "gov_fund", "state_capital")),
    "general_budget_expenditure": (("fn",), ("total", "basic", "personnel", "public_funds", "project")),
    "general_budget_basic": (("econ",), ("total", "personnel", "public_funds")),
    "three_public": (("item",), ("amount", "budget", "actual", "total", "general_budget")),
    "fiscal_expenditure": (("fn",), ("total", "basic", "personnel", "public_funds", "project")),
    "fiscal_basic": (("econ",), ("total", "personnel", "public_funds")),
    "admin_operating_cost": (("econ", "item"), ("amount",)),
    "gov_fund_expenditure": (("fn",), ("total", "basic", "project", "opening_balance", "income", "closing_balance")),
    "state_capital_expenditure": (("fn",), ("total", "basic", "project")),
    "project_expenditure": (("proj", "unit"), ("total", "carryover", "general_budget", "gov_fund", "state_capital",
                                               "special_account", "business", "operating", "other")),
    "procurement": (("other",), ("amount", "sme_amount", "small_micro_amount", "count", "unit_price")),
    "assets": (("item",), ("count", "amount")),
    "disclosure_stats": (("item",), ("amount", "count")),
    N.NARRATIVE: (("item", "fn", "econ"), ("amount",)),
}

# Definition roles: one per row axis (a fact is valid when one of them admits it), plus reports and tables.
LINE_ROLES = {"fn": "FunctionLines", "econ": "EconomicLines", "unit": "BudgetUnitLines", "proj": "ProjectLines",
              "item": "NamedLines", "other": "OtherLines"}
_ROLE_TITLES = {
    "Reports": "报告信息 Report information",
    "Tables": "表信息 Table information",
    "FunctionLines": "按功能分类科目的数据 Figures by function code",
    "EconomicLines": "按经济分类科目的数据 Figures by economic code",
    "BudgetUnitLines": "按预算单位的数据 Figures by budget unit",
    "ProjectLines": "按项目的数据 Figures by project",
    "NamedLines": "项目行的数据 Figures of named lines",
    "OtherLines": "其他行的数据 Figures of other lines",
    "Axes": "维度及成员 Axes and members",
    "Overview": "报告、表和行的说明 What describes reports, tables and lines",
}


def _table_role(table: str) -> str:
    return "Table_" + table


def _e(tag: str, attrib: dict[str, str] | None = None, text: str | None = None, **kw: str) -> etree._Element:
    el = etree.Element(tag, attrib or {}, **kw)
    el.text = text
    return el


def _q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


# --- what the taxonomy declares ----------------------------------------------


def _labelled() -> list[tuple[str, str, str]]:
    """(element name, zh label, en label) of every concept, axis, domain, member and hypercube."""
    out = [(c.name, c.zh, c.en) for c in N.CONCEPTS.values()]
    for axis in N.AXES.values():
        out.append((axis.name, axis.zh, axis.en))
        if axis.domain:
            out.append((axis.domain, axis.zh_domain, axis.en_domain))
    members = [*N.KIND_MEMBERS.values(), *N.TABLE_MEMBERS.values(), *N.SIDES.values(), *N.ITEM_MEMBERS.values(),
               *N.FUND_MEMBERS.values(), *N.TYPE_MEMBERS.values(), *N.COLUMN_MEMBERS.values()]
    out += [(m.name, m.zh, m.en) for m in members]
    out += [(f"{role}Hypercube", *_ROLE_TITLES[role].split(" ", 1)) for role in _cube_roles()]
    return out


def _cube_roles() -> list[str]:
    return ["Reports", "Tables", *LINE_ROLES.values()]


def _explicit_trees() -> dict[str, list[tuple[str, str, bool]]]:
    """Per explicit axis: (parent, child, usable) arcs below its domain, in order."""
    def tree(axis: str, members: Iterable[N.Member]) -> list[tuple[str, str, bool]]:
        domain = N.AXES[axis].domain
        assert domain is not None
        return [(m.parent or domain, m.name, True) for m in members]

    items = tree("item", N.ITEM_MEMBERS.values())
    sides = [(N.AXES["item"].domain, s.name, False) for s in N.SIDES.values()]
    first_side = next(i for i, (p, _, _) in enumerate(items) if p in {s.name for s in N.SIDES.values()})
    return {
        "kind": tree("kind", N.KIND_MEMBERS.values()),
        "table": tree("table", N.TABLE_MEMBERS.values()),
        "item": items[:first_side] + sides + items[first_side:],  # type: ignore[list-item]
        "fund": tree("fund", N.FUND_MEMBERS.values()),
        "type": tree("type", N.TYPE_MEMBERS.values()),
        "column": tree("column", N.COLUMN_MEMBERS.values()),
    }


# --- the schema ----------------------------------------------------------------


def _schema() -> etree._Element:
    nsmap = {"xs": XS, "xbrli": XBRLI, "link": LINK, "xlink": XLINK, "xbrldt": XBRLDT, PREFIX: NAMESPACE}
    root = etree.Element(_q(XS, "schema"), nsmap=nsmap, targetNamespace=NAMESPACE,
                         elementFormDefault="qualified", attributeFormDefault="unqualified")
    appinfo = etree.SubElement(etree.SubElement(root, _q(XS, "annotation")), _q(XS, "appinfo"))
    for file, kind in ((FILES[1], "label"), (FILES[2], "label"), (FILES[3], "presentation"),
                       (FILES[4], "definition")):
        appinfo.append(_e(_q(LINK, "linkbaseRef"), {
            _q(XLINK, "type"): "simple", _q(XLINK, "href"): file,
            _q(XLINK, "role"): f"http://www.xbrl.org/2003/role/{kind}LinkbaseRef",
            _q(XLINK, "arcrole"): "http://www.w3.org/1999/xlink/properties/linkbase"}))
    for role, used in _roles():
        rt = etree.SubElement(appinfo, _q(LINK, "roleType"), roleURI=ROLE + role, id=role)
        etree.SubElement(rt, _q(LINK, "definition")).text = _ROLE_TITLES.get(role) or _table_title(role)
        for link in used:
            etree.SubElement(rt, _q(LINK, "usedOn")).text = f"link:{link}"
    etree.SubElement(root, _q(XS, "import"), namespace=XBRLI,
                     schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd")
    etree.SubElement(root, _q(XS, "import"), namespace=XBRLDT,
                     schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd")

    def element(name: str, type_: str, group: str = "xbrli:item", period: str = "duration",
                abstract: bool = False, **extra: str) -> None:
        attrib = {"name": name, "id": f"{PREFIX}_{name}", "type": type_, "substitutionGroup": group,
                  _q(XBRLI, "periodType"): period, "nillable": "true"}
        if abstract:
            attrib["abstract"] = "true"
        attrib.update(extra)
        etree.SubElement(root, _q(XS, "element"), attrib)

    types = {"money": "xbrli:monetaryItemType", "count": "xbrli:integerItemType",
             "integer": "xbrli:integerItemType", "text": "xbrli:stringItemType", "abstract": "xbrli:stringItemType"}
    for c in N.CONCEPTS.values():
        element(c.name, types[c.kind], period="instant" if c.instant else "duration", abstract=c.kind == "abstract")
    for role in _cube_roles():
        element(f"{role}Hypercube", "xbrli:stringItemType", group="xbrldt:hypercubeItem", abstract=True)
    for axis in N.AXES.values():
        extra = {_q(XBRLDT, "typedDomainRef"): f"#{PREFIX}_{axis.typed}"} if axis.typed else {}
        element(axis.name, "xbrli:stringItemType", group="xbrldt:dimensionItem", abstract=True, **extra)
    for axis in N.AXES.values():
        if axis.domain:
            element(axis.domain, "xbrli:stringItemType", abstract=True)
    for name, _, _ in _labelled():
        if name.endswith("Member") and not any(a.domain == name for a in N.AXES.values()):
            element(name, "xbrli:stringItemType", abstract=True)
    for axis in N.AXES.values():
        if not axis.typed:
            continue
        el = etree.SubElement(root, _q(XS, "element"), name=axis.typed, id=f"{PREFIX}_{axis.typed}")
        restriction = etree.SubElement(etree.SubElement(el, _q(XS, "simpleType")), _q(XS, "restriction"),
                                       base="xs:token" if axis.pattern else "xs:string")
        if axis.pattern:
            etree.SubElement(restriction, _q(XS, "pattern"), value=axis.pattern)
        else:
            etree.SubElement(restriction, _q(XS, "minLength"), value="1")
    return root


def _roles() -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = [("Overview", ("presentationLink",))]
    out += [(_table_role(t), ("presentationLink",)) for t in TABLE_VIEWS]
    out += [("Axes", ("definitionLink", "presentationLink"))]
    out += [(r, ("definitionLink",)) for r in _cube_roles()]
    return out


def _table_title(role: str) -> str:
    table = role.removeprefix("Table_")
    zh, en = N.TABLE_MEMBERS[table].zh, N.TABLE_MEMBERS[table].en
    return f"{zh} {en}"


# --- linkbases -----------------------------------------------------------------


class _Link:
    """An extended link: locators made once per element, arcs in the order added."""

    def __init__(self, parent: etree._Element, tag: str, role: str) -> None:
        self.el = etree.SubElement(parent, _q(LINK, tag), {_q(XLINK, "type"): "extended", _q(XLINK, "role"): role})
        self.arcs: list[etree._Element] = []
        self.locs: set[str] = set()

    def loc(self, name: str) -> str:
        if name not in self.locs:
            self.locs.add(name)
            self.el.append(_e(_q(LINK, "loc"), {_q(XLINK, "type"): "locator",
                                                _q(XLINK, "href"): f"{SCHEMA_FILE}#{PREFIX}_{name}",
                                                _q(XLINK, "label"): name}))
        return name

    def arc(self, tag: str, arcrole: str, source: str, target: str, order: int | None = None,
            **extra: str) -> None:
        attrib = {_q(XLINK, "type"): "arc", _q(XLINK, "arcrole"): arcrole,
                  _q(XLINK, "from"): self.loc(source), _q(XLINK, "to"): self.loc(target)}
        if order is not None:
            attrib["order"] = str(order)
        attrib.update(extra)
        self.arcs.append(_e(_q(LINK, tag), attrib))

    def close(self) -> None:
        self.el.extend(self.arcs)


def _linkbase(role_refs: Iterable[str] = (), arcrole_refs: Iterable[str] = ()) -> etree._Element:
    root = etree.Element(_q(LINK, "linkbase"), nsmap={"link": LINK, "xlink": XLINK, "xbrldt": XBRLDT, "xsi": XSI})
    root.set(_q(XSI, "schemaLocation"), f"{LINK} http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd")
    for role in role_refs:
        root.append(_e(_q(LINK, "roleRef"), {"roleURI": ROLE + role, _q(XLINK, "type"): "simple",
                                            _q(XLINK, "href"): f"{SCHEMA_FILE}#{role}"}))
    for arcrole in arcrole_refs:
        root.append(_e(_q(LINK, "arcroleRef"), {"arcroleURI": DIM_ARCROLE + arcrole, _q(XLINK, "type"): "simple",
                                               _q(XLINK, "href"): f"http://www.xbrl.org/2005/xbrldt-2005.xsd#{arcrole}"}))
    return root


def _labels(lang_key: str, lang: str) -> etree._Element:
    root = _linkbase()
    link = etree.SubElement(root, _q(LINK, "labelLink"), {_q(XLINK, "type"): "extended",
                                                          _q(XLINK, "role"): "http://www.xbrl.org/2003/role/link"})
    arcs = []
    for name, zh, en in _labelled():
        link.append(_e(_q(LINK, "loc"), {_q(XLINK, "type"): "locator",
                                         _q(XLINK, "href"): f"{SCHEMA_FILE}#{PREFIX}_{name}",
                                         _q(XLINK, "label"): name}))
        link.append(_e(_q(LINK, "label"), {_q(XLINK, "type"): "resource", _q(XLINK, "label"): f"label_{name}",
                                           _q(XLINK, "role"): "http://www.xbrl.org/2003/role/label",
                                           XML_LANG: lang}, zh if lang_key == "zh" else en))
        arcs.append(_e(_q(LINK, "labelArc"), {_q(XLINK, "type"): "arc",
                                              _q(XLINK, "arcrole"): "http://www.xbrl.org/2003/arcrole/concept-label",
                                              _q(XLINK, "from"): name, _q(XLINK, "to"): f"label_{name}"}))
    link.extend(arcs)
    return root


_PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"


def _presentation() -> etree._Element:
    roles = [r for r, used in _roles() if "presentationLink" in used]
    root = _linkbase(roles)
    overview = _Link(root, "presentationLink", ROLE + "Overview")
    for head, concepts in (("ReportLineItems", N.REPORT_CONCEPTS), ("TableLineItems", N.TABLE_CONCEPTS),
                           ("FigureLineItems", N.ROW_CONCEPTS)):
        for i, c in enumerate(concepts, 1):
            overview.arc("presentationArc", _PARENT_CHILD, head, c, i)
    overview.close()
    for table, (row_axes, measures) in TABLE_VIEWS.items():
        link = _Link(root, "presentationLink", ROLE + _table_role(table))
        top = N.TABLE_MEMBERS[table].name
        children = [N.AXES[a].name for a in row_axes] + ["LineName"]
        axes: list[str] = []
        for m in measures:
            names = N.measure_names(m, table)
            assert names is not None, m
            children.append(names[0])
            axes += [N.AXES[a].name for a, _ in names[1]]
        children += axes
        for i, child in enumerate(dict.fromkeys(children), 1):
            link.arc("presentationArc", _PARENT_CHILD, top, child, i)
        link.close()
    axes = _Link(root, "presentationLink", ROLE + "Axes")
    trees = _explicit_trees()
    for key, axis in N.AXES.items():
        if axis.domain:
            axes.arc("presentationArc", _PARENT_CHILD, axis.name, axis.domain, 1)
            for i, (parent, child, _) in enumerate(trees[key], 1):
                axes.arc("presentationArc", _PARENT_CHILD, parent, child, i)
    axes.close()
    return root


def _definition() -> etree._Element:
    arcroles = ("all", "hypercube-dimension", "dimension-domain", "domain-member", "dimension-default")
    root = _linkbase([r for r, used in _roles() if "definitionLink" in used], arcroles)
    axes_role = ROLE + "Axes"
    shared = _Link(root, "definitionLink", axes_role)
    trees = _explicit_trees()
    for key, axis in N.AXES.items():
        if not axis.domain:
            continue
        usable = {} if axis.default else {_q(XBRLDT, "usable"): "false"}
        shared.arc("definitionArc", DIM_ARCROLE + "dimension-domain", axis.name, axis.domain, 1, **usable)
        for i, (parent, child, use) in enumerate(trees[key], 1):
            shared.arc("definitionArc", DIM_ARCROLE + "domain-member", parent, child, i,
                       **({} if use else {_q(XBRLDT, "usable"): "false"}))
    shared.close()
    # Defaults apply whatever the role; kept apart so that no two arcs join the same pair in one link.
    defaults = _Link(root, "definitionLink", "http://www.xbrl.org/2003/role/link")
    for axis in N.AXES.values():
        if axis.default and axis.domain:
            defaults.arc("definitionArc", DIM_ARCROLE + "dimension-default", axis.name, axis.domain, 1)
    defaults.close()
    cubes = [("Reports", "ReportLineItems", N.REPORT_CONCEPTS, ("kind",)),
             ("Tables", "TableLineItems", N.TABLE_CONCEPTS, ("kind", "table"))]
    figures = (*N.FIGURE_CONCEPTS, *N.ROW_CONCEPTS)
    cubes += [(role, "FigureLineItems", figures, ("kind", "table", axis, *N.MEASURE_AXES))
              for axis, role in LINE_ROLES.items()]
    for role, head, concepts, axes in cubes:
        link = _Link(root, "definitionLink", ROLE + role)
        cube = f"{role}Hypercube"
        link.arc("definitionArc", DIM_ARCROLE + "all", head, cube, 1,
                 **{_q(XBRLDT, "closed"): "true", _q(XBRLDT, "contextElement"): "segment"})
        for i, c in enumerate(concepts, 1):
            link.arc("definitionArc", DIM_ARCROLE + "domain-member", head, c, i)
        for i, key in enumerate(axes, 1):
            axis = N.AXES[key]
            extra = {} if axis.typed else {_q(XBRLDT, "targetRole"): axes_role}
            link.arc("definitionArc", DIM_ARCROLE + "hypercube-dimension", cube, axis.name, i, **extra)
        link.close()
    return root


# --- package metadata -----------------------------------------------------------

TP = "http://xbrl.org/2016/taxonomy-package"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"


def _package() -> etree._Element:
    root = etree.Element(_q(TP, "taxonomyPackage"), nsmap={"tp": TP})
    root.set(XML_LANG, "en")
    for tag, text in (("identifier", NAMESPACE), ("name", f"govbudget taxonomy {VERSION} (unofficial)"),
                      ("description", "An unofficial taxonomy for Chinese department budget and final-accounts "
                                      "disclosures (部门预算/部门决算公开), as read by govbudget. No Chinese "
                                      "authority publishes one; this is not a Chinese standard."),
                      ("version", VERSION), ("publisher", "govbudget"), ("publicationDate", f"{VERSION}-01-01")):
        etree.SubElement(root, _q(TP, tag)).text = text
    point = etree.SubElement(etree.SubElement(root, _q(TP, "entryPoints")), _q(TP, "entryPoint"))
    etree.SubElement(point, _q(TP, "name")).text = f"govbudget {VERSION}"
    etree.SubElement(point, _q(TP, "entryPointDocument"), href=ENTRY_POINT)
    return root


def _catalog() -> etree._Element:
    root = etree.Element(_q(CATALOG, "catalog"), nsmap={None: CATALOG})
    etree.SubElement(root, _q(CATALOG, "rewriteURI"), uriStartString=BASE_URL, rewritePrefix="../")
    return root


def build() -> dict[str, bytes]:
    """Every taxonomy file by its name in :data:`~govbudget.taxonomy.FILES`."""
    trees = [_schema(), _labels(*LANGUAGES[0]), _labels(*LANGUAGES[1]), _presentation(), _definition(),
             _package(), _catalog()]
    return {name: etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
            for name, tree in zip(FILES, trees)}


def write_all() -> list[str]:
    """Rewrite the taxonomy files in the package folder; the names of those that changed."""
    changed = []
    for name, data in build().items():
        path = DIRECTORY / name
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            changed.append(name)
    return changed


if __name__ == "__main__":  # pragma: no cover - a development command
    for name in write_all():
        print(f"rewrote {name}", file=sys.stderr)
