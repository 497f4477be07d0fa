"""The figures a disclosure's text states, as keyed rows: ``卫生健康支出 46.13 万元`` -> ``fn:210``.

Text is cut into clauses at Chinese punctuation; a figure with a money unit is
read with the words right before it as its label. The label is keyed by a code
printed with it (``（2101401）``), by the narrative items of the vocabulary
(收入总计, 基本支出, 公务接待费 …), by a function-class name, or through the
official code lists by name. A change against another year (``比上年增加 4.25
万元``), a prior year's figure (``上年…``, ``2023 年执行数``), a share or a target
is never taken for the amount. Figures whose label names nothing known are left
alone: a text holds many figures that are not budget lines.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

import attrs

from ..amounts import NotAnAmount, normalise_text, parse_amount
from ..grid import Paragraph
from ..model import Cell, Row
from ..provenance import Finding, Provenance, Severity
from ..textnorm import compact
from .labels import normalise

__all__ = ["Mention", "mentions", "narrative_rows"]

DEFAULT_HEADING_CHARS = 50
DEFAULT_LABEL_CHARS = 60

_FIGURE = re.compile(
    r"(?P<num>-?\d[\d,，]*(?:\.\s?\d+)?)\s*(?P<unit>亿元|万元|千元|元|万)(?![\u4e00-\u9fff]{0,2}[/／]|\w*(人|次|户))"
)
_CLAUSE_END = re.compile(r"[，。；;、：:！？\n]|(?<!\d),(?!\d)")
_CHANGE = re.compile(r"比|较|同比|增加|减少|增长|下降|降低|上升|节约|增幅|降幅|持平|相比|变化|差额|增减")
_OTHER_YEAR = re.compile(r"上年|去年|以前年度|执行数|预计数|决算数|完成|目标|指标值|成本|测算|单价|平方米")
_SECTION = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|#)")
_HEADING = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|#)")
_CODE = re.compile(r"[（(](\d{3}(?:\d{2}){0,2})[）)]")
# A remark in brackets (以合同签订为准) is not part of the label; (境) is.
_REMARK = re.compile(r"\([^()]{3,}\)")
# ``A（类）B（款）C（项）`` or ``A-B-C``: a function item named by its place in the tree.
_PATH_MARK = re.compile(r"\((类|款|项)\)")
_PATH_DASH = re.compile(r"[-－—]+")
# A label that only says "the figure is" (支出决算为, 2024年预算安排): its item is the sentence's subject.
_BARE = re.compile(r"^(支出|科目|金额)?$")
_BARE_SAYS = re.compile(r"决算|预算|安排|为")
_FILLER_END = re.compile(r"(年初)?(财政拨款)?(预算数?|决算数?|支出数)?(安排|为|是|共|合计|总额|约)*$")

# Narrative items: (key, pattern on the compact label with filler removed). First match wins.
ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("item:income.grand_total", re.compile(r"^收入总(计|预算|额)$|^收入预算总(额|计)?$|^收入预算$|^收入支出总计$")),
    ("item:expenditure.grand_total", re.compile(r"^支出总(计|预算|额)$|^支出预算总(额|计)?$|^支出预算$")),
    ("item:income.current_total", re.compile(r"^本年收入(合计|小计)$")),
    ("item:expenditure.current_total", re.compile(r"^本年支出(合计|小计)$")),
    ("item:fiscal_income", re.compile(r"(?<!非同级)(?<!非)财政拨款(预算)?收入(预算)?$")),
    ("item:general_budget", re.compile(r"一般公共预算(财政)?拨款(收入|支出)?$|一般公共预算(财政拨款)?支出$")),
    ("item:income.business", re.compile(r"^事业收入$")),
    ("item:income.operating", re.compile(r"^(事业单位)?经营收入$")),
    ("item:income.other", re.compile(r"^其他收入$")),
    ("item:three_public", re.compile(r"三公经费(财政拨款)?(支出)?$|三公经费(年初)?(预算|决算)?$")),
    ("item:outbound", re.compile(r"因公出国\(境\)费?(用|支出)?$")),
    ("item:vehicles", re.compile(r"公务用车购置及运行(维护)?费(支出)?$")),
    ("item:vehicle_purchase", re.compile(r"公务用车购置(费|支出)?$")),
    ("item:vehicle_operation", re.compile(r"公务用车运行(维护)?费(支出)?$")),
    ("item:reception", re.compile(r"公务接待费(支出)?$")),
    ("item:admin_operating_cost", re.compile(r"机关运行经费(支出)?$")),
    ("item:procurement_goods", re.compile(r"政府采购货物(预算|支出)?$|^货物采购金额$")),
    ("item:procurement_works", re.compile(r"政府采购工程(预算|支出)?$|^工程采购金额$")),
    ("item:procurement_services", re.compile(r"政府采购服务(预算|支出)?$|^服务采购金额$")),
    ("item:procurement_total", re.compile(r"政府采购(预算|支出|金额)?(总额)?$")),
    ("item:personnel", re.compile(r"人员经费$")),
    ("item:public_funds", re.compile(r"公用经费$")),
    ("item:basic", re.compile(r"基本支出$")),
    ("item:project", re.compile(r"项目支出$")),
)
# Class names that also name spending by nature (本年支出包括：…其他支出): a function class
# only when the text marks it (类).
_GENERIC_CLASSES = {"其他支出", "债务还本支出", "债务付息支出", "债务发行费用支出", "转移性支出", "预备费"}
_SENTENCE_END = re.compile(r"[。；;！？!?：:]\s*$")
_THREE_PUBLIC_KEYS = {"item:three_public", "item:outbound", "item:vehicles", "item:vehicle_purchase",
                      "item:vehicle_operation", "item:reception"}


@attrs.frozen
class Mention:
    """One figure the text states, with its key, label as printed and place."""

    key: str
    name: str
    text: str
    value: Decimal
    unit: str
    provenance: Provenance
    printed_label: str


def _unit(u: str) -> str:
    return "万元" if u == "万" else u


def _strip(label: str, entity: str, year: int | None, *, filler: bool = True) -> str:
    s = normalise(re.sub(r"^\s*[-•·*]+\s*", "", label))
    s = s.replace(compact(entity), "") if entity else s
    s = re.sub(r"20\d\d年(度)?|本年度|全年", "", s)
    s = re.sub(r"\((类|款|项)\)", "", s)
    s = _REMARK.sub("", s)
    s = re.sub(r"^[(\[]+|[)\]]+$", "", s)
    s = re.sub(r"^(其中|包括|主要包括|主要用于|共计|合计|用于)+", "", s)
    previous = None if filler else s
    while previous != s:
        previous = s
        s = _FILLER_END.sub("", s) if not re.search(r"(基本|项目|公用|人员)(支出|经费)$", s) else s
    return s


def _printed_item(label: str) -> str:
    """The item's own name in ``卫生健康支出（类）…（款）其他…支出（项）（2101599）``."""
    s = normalise(label)
    s = s[: s.rfind("(" + _CODE.findall(label)[-1])] if _CODE.findall(label) else s
    s = re.split(r"\((?:类|款)\)", s)[-1]
    return re.sub(r"\(项\)$", "", s)


def _fn_by_path(label: str, year: int | None) -> tuple[str, str] | None:
    """The ``fn:`` code of ``A（类）B（款）C（项）`` or ``A-B-C``, walking the list down by name, with C's name."""
    from ..vocabulary import FUNCTION_CLASSES

    s = normalise(label)
    if _PATH_MARK.search(s):
        parts = [x for x in _PATH_MARK.split(s) if x not in ("类", "款", "项")]
        parts = parts[: len(_PATH_MARK.findall(s))]
    elif len(_PATH_DASH.findall(s)) >= 1:
        parts = _PATH_DASH.split(s)
        parts[-1] = re.sub(r"科目.*$", "", parts[-1])
    else:
        return None
    if len(parts) < 2:
        return None
    head = parts[0]
    cls = next((FUNCTION_CLASSES[n] for n in sorted(FUNCTION_CLASSES, key=len, reverse=True) if head.endswith(n)), None)
    if cls is None:
        return None
    from .. import codelists

    code, name = cls, head
    for part in parts[1:]:
        # Only the level below: 其他公共安全支出 names both 20499 and 2049999.
        found = [e for e in codelists.by_name("fn", part, year, parent=code) if len(e.code) == len(code) + 2]
        if len(found) != 1:
            return None
        code, name = found[0].code, found[0].name
    return code, name


def _fn_path_key(text: str, year: int | None) -> tuple[str, str] | None:
    found = _fn_by_path(text, year)
    return (f"fn:{found[0]}", found[1]) if found else None


def _fn_by_name(name: str, year: int | None, parent: str | None) -> tuple[str, str] | None:
    from .. import codelists

    found = codelists.by_name("fn", name, year, parent=parent)
    return (found[0].code, found[0].name) if len(found) == 1 else None


def _econ_by_name(name: str, year: int | None) -> tuple[str, str] | None:
    from .. import codelists

    found = codelists.by_name("econ", name, year)
    return (found[0].code, found[0].name) if len(found) == 1 else None


def _fn_name(code: str, year: int | None) -> str | None:
    from .. import codelists

    entry = codelists.lookup("fn", code, year)
    return entry.name if entry else None


def _key(label: str, clause: str, *, entity: str, year: int | None, three_public: bool,
         fn_parent: str | None) -> tuple[str, str] | None:
    codes = _CODE.findall(label)
    if codes:
        code = codes[-1]
        scheme = "fn" if code.startswith("2") else "econ"
        name = _fn_name(code, year) if scheme == "fn" else None
        return f"{scheme}:{code}", name or _printed_item(label)
    path = _fn_by_path(label, year)
    if path:
        return f"fn:{path[0]}", path[1]
    core = _strip(label, entity, year)
    whole = _strip(label, entity, year, filler=False)
    if not core or len(core) > DEFAULT_LABEL_CHARS:
        return None
    for key, pattern in ITEMS:
        if pattern.search(whole) or pattern.search(core):
            if key in _THREE_PUBLIC_KEYS and not three_public and key != "item:three_public":
                break  # 公务接待费 in a list of 商品和服务支出 is an economic item, read below
            return key, core
    from ..vocabulary import FUNCTION_CLASSES

    if core in FUNCTION_CLASSES and (core not in _GENERIC_CLASSES or re.search(r"\(类\)", normalise(label))):
        return f"fn:{FUNCTION_CLASSES[core]}", core
    found = _fn_by_name(core, year, fn_parent) if fn_parent else None
    if found:
        return f"fn:{found[0]}", found[1]
    found = _econ_by_name(core, year)
    if found:
        return f"econ:{found[0]}", found[1]
    return None


def mentions(paragraphs: list[Paragraph], *, entity: str, year: int | None, kind: str | None) -> Iterator[Mention]:
    """Every keyed figure the paragraphs state, in order."""
    three_public = False
    for p, text in _passages(paragraphs):
        text = _PRIOR.sub("", text)  # (上年财政拨款收入76.82万元, 收入总计133.32万元…) speaks of another year
        short = len(compact(text)) <= DEFAULT_HEADING_CHARS
        # A section (一、… or a markdown heading) sets the context; its （一）sub-items keep it.
        if p.level or (short and _SECTION.match(text)):
            three_public = "三公" in text
        in_three_public = three_public or "三公" in text
        fn_parent: str | None = None
        # The item a passage speaks of (``…（类）…（款）…（项）。…支出决算为 X 万元``), for bare labels.
        subject: tuple[str, str] | None = None
        start = 0
        for m in list(_CLAUSE_END.finditer(text)) + [None]:
            end = m.start() if m else len(text)
            clause = text[start:end]
            start = m.end() if m else len(text)
            after = 0
            if not _FIGURE.search(clause):
                subject = _fn_path_key(clause, year) or subject
            for f in _FIGURE.finditer(clause):
                # A comma before a year (万元,2024年…) does not end a clause; it is no part of the label.
                label = clause[after : f.start()].strip().lstrip(",").strip()
                after = f.end()
                if not label or _CHANGE.search(label) or _OTHER_YEAR.search(label):
                    continue
                if kind == "final_accounts" and re.search(r"年初预算|全年预算|调整预算", label):
                    # Not the amount, but it names what the next bare figure (支出决算为…) is.
                    named = re.sub(r"(年初|全年|调整)预算.*$", "", label)
                    if _strip(named, entity, year):
                        subject = _key(named, clause, entity=entity, year=year, three_public=in_three_public,
                                       fn_parent=fn_parent)
                    continue
                years = [int(y) for y in re.findall(r"(20\d\d)\s*年", label)]
                if year and any(y != year for y in years):
                    continue
                try:
                    value = parse_amount(f.group("num").replace("，", ","))
                except NotAnAmount:
                    continue
                if value is None:
                    continue
                keyed = _key(label, clause, entity=entity, year=year, three_public=in_three_public,
                             fn_parent=fn_parent)
                bare = bool(_BARE_SAYS.search(label) and _BARE.match(_strip(label, entity, year)))
                if keyed is None and bare:
                    keyed = subject
                if keyed is None:
                    subject = subject if bare else None  # the text now speaks of something unknown
                    continue
                subject = keyed
                key, name = keyed
                if key.startswith("fn:") and len(key) == 6:
                    fn_parent = key[3:]
                yield Mention(key, name, f.group("num"), value, _unit(f.group("unit")), p.provenance, label)


_PRIOR = re.compile(r"[(（][^()（）]*(上年|去年|上一年|同比|上年度)[^()（）]*[)）]")


def _passages(paragraphs: list[Paragraph]) -> Iterator[tuple[Paragraph, str]]:
    """Paragraphs with a sentence broken over lines or pages joined up again (``住`` + ``房公积金``)."""
    current: Paragraph | None = None
    text = ""
    current_heading = False
    for p in paragraphs:
        line = normalise_text(p.text)
        heading = bool(p.level > 0 or (len(compact(line)) <= DEFAULT_HEADING_CHARS and _HEADING.match(line)))
        if current is not None and not heading and not current_heading and text and not _SENTENCE_END.search(text):
            text += line
            continue
        if current is not None:
            yield current, text
        current, text, current_heading = p, line, heading
    if current is not None:
        yield current, text


def narrative_rows(paragraphs: list[Paragraph], *, entity: str, year: int | None,
                   kind: str | None) -> tuple[list[Row], list[Finding]]:
    """A row per statement of a figure; a repeat with the same figure is dropped.

    The facts table keeps the first statement of each key; a later one with another
    figure is kept in the model for validation and reported as ``narrative.conflict``.
    """
    rows: list[Row] = []
    first_of: dict[str, Row] = {}
    findings: list[Finding] = []
    for m in mentions(paragraphs, entity=entity, year=year, kind=kind):
        mismatch = _name_mismatch(m, entity, year)
        if mismatch is not None and not any(f.row == m.key and f.code == mismatch.code for f in findings):
            findings.append(mismatch)
        cell = Cell("amount", m.text, m.value, m.provenance)
        row = Row(m.key, m.name, (cell,), m.provenance, m.unit)
        if m.key not in first_of:
            first_of[m.key] = row
            rows.append(row)
            continue
        first = first_of[m.key]
        first_value = first.cells[0].value
        assert first_value is not None
        if _yuan(first_value, first.unit) != _yuan(m.value, m.unit) and all(
                _yuan(r.cells[0].value, r.unit) != _yuan(m.value, m.unit) for r in rows if r.key == m.key):
            rows.append(row)
            findings.append(Finding(
                "narrative.conflict", Severity.WARNING,
                f"the text states {m.key} ({m.printed_label}) as {m.text} {m.unit}, "
                f"but earlier as {first.cells[0].text} {first.unit}",
                entity=entity, table="narrative", row=m.key, measure="amount",
                expected=first.cells[0].text, actual=m.text, provenance=(first.provenance, m.provenance)))
    return rows, findings


def _name_mismatch(m: Mention, entity: str, year: int | None) -> Finding | None:
    """``code.name_mismatch`` when the text prints a code with another name (2101506 as 2101599's)."""
    from .. import codelists

    if not m.key.startswith("fn:") or not _CODE.findall(m.printed_label):
        return None
    code = m.key[3:]
    printed = _printed_item(m.printed_label)
    own = [e.name for e in codelists.entries("fn") if e.code == code]
    if not own or not printed or any(codelists.names_match(printed, n) for n in own):
        return None
    others = [e.code for e in codelists.by_name("fn", printed, year) if e.code != code]
    whose = f"the name of fn:{others[0]} ({printed})" if others else f"the name {printed!r}"
    return Finding("code.name_mismatch", Severity.WARNING,
                   f"the text prints {m.key} with {whose}; its own name is {own[0]}",
                   entity=entity, table="narrative", row=m.key, expected=own[0], actual=printed,
                   provenance=(m.provenance,))


def _yuan(value: Decimal, unit: str | None) -> Decimal:
    from ..amounts import UNIT_FACTORS

    return value * UNIT_FACTORS.get(unit or "", Decimal(1))
