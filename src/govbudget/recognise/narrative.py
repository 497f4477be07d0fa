"""The figures a disclosure's text states, as keyed mentions: ``卫生健康支出 46.13 万元`` -> ``fn:210``.

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

from .. import vocabulary as V
from ..amounts import NotAnAmount, normalise_text, parse_amount
from ..grid import Paragraph
from ..provenance import Provenance
from ..textnorm import compact
from .fnpaths import econ_by_name, fn_by_name, fn_by_path, fn_name, fn_sub_by_name
from .labels import normalise

__all__ = ["Mention", "mentions", "printed_item", "CODE"]

DEFAULT_HEADING_CHARS = 50
DEFAULT_LABEL_CHARS = 60
# A line this short with no punctuation and no figure is a title (某某局2024年部门预算, 情况说明), never the
# start of a sentence broken over lines: a broken line runs the width of the page.
DEFAULT_TITLE_CHARS = 30

_FIGURE = re.compile(
    r"(?P<num>-?\d[\d,，]*(?:\.\s?\d+)?)\s*(?P<unit>亿元|万元|千元|元|万)(?![\u4e00-\u9fff]{0,2}[/／]|\w*(人|次|户))"
)
_CLAUSE_END = re.compile(r"[，。；;、：:！？\n]|(?<!\d),(?!\d)")
_CHANGE = re.compile(r"比|较|同比|增加|减少|增长|下降|降低|上升|节约|增幅|降幅|持平|相比|变化|差额|增减")
_OTHER_YEAR = re.compile(r"上年|去年|以前年度|执行数|预计数|决算数|完成|目标|指标值|成本|测算|单价|平方米")
_SECTION = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|#)")
_HEADING = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|#)")
CODE = re.compile(r"[（(](\d{3}(?:\d{2}){0,2})[）)]")
# A remark in brackets (以合同签订为准) is not part of the label; (境) is.
_REMARK = re.compile(r"\([^()]{3,}\)")
# A label that only says "the figure is" (支出决算为, 2024年预算安排): its item is the sentence's subject.
_BARE = re.compile(r"^(预算)?(支出|科目|金额)?$")
_BARE_SAYS = re.compile(r"决算|预算|安排|为|^支出$")
# The figures of one fund only, not of all the entity's money.
_FUND_SCOPE = re.compile(r"财政拨款|一般公共预算")
_SCOPED_ITEMS = {"item:basic", "item:project", "item:personnel", "item:public_funds"}
_FILLER_END = re.compile(r"(年初)?(财政拨款)?(预算数?|决算数?|支出数)?(安排|为|是|共|合计|总额|约)*$")

# Class names that also name spending by nature (本年支出包括：…其他支出): a function class
# only when the text marks it (类).
_GENERIC_CLASSES = {"其他支出", "债务还本支出", "债务付息支出", "债务发行费用支出", "转移性支出", "预备费"}
_SENTENCE_END = re.compile(r"[。；;！？!?：:]\s*$")
_PUNCTUATION = re.compile(r"[，,。；;、：:！？!?]")
_THREE_PUBLIC_KEYS = {"item:three_public", "item:outbound", "item:vehicles", "item:vehicle_purchase",
                      "item:vehicle_operation", "item:reception", "item:meetings", "item:training"}
# The document speaking of itself: 我校, 学校, 本部门 … (the entity's name is removed as well).
_SELF = re.compile(r"^(我校|本校|学校|我部门|本部门|我单位|本单位|各项)+")
_ORGANISATION = re.compile(r"^[\u4e00-\u9fff]{1,16}?(检察院|法院|大学|学院|办公厅|办公室|委员会|中心|局|厅)")


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
    scope: str | None = None  # "fiscal" for an item stated for 财政拨款 / 一般公共预算 money only


def _unit(u: str) -> str:
    return "万元" if u == "万" else u


def _strip(label: str, entity: str, *, filler: bool = True) -> str:
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


def printed_item(label: str) -> str:
    """The item's own name in ``卫生健康支出（类）…（款）其他…支出（项）（2101599）``."""
    s = normalise(label)
    s = s[: s.rfind("(" + CODE.findall(label)[-1])] if CODE.findall(label) else s
    s = re.split(r"\((?:类|款)\)", s)[-1]
    return re.sub(r"\(项\)$", "", s)


def _key(label: str, *, entity: str, year: int | None, three_public: bool,
         fn_parent: str | None, context: str | None = None) -> tuple[str, str] | None:
    codes = CODE.findall(label)
    if codes:
        code = codes[-1]
        scheme = "fn" if code.startswith("2") else "econ"
        name = fn_name(code, year) if scheme == "fn" else None
        return f"{scheme}:{code}", name or printed_item(label)
    path = fn_by_path(label, year, context)
    if path:
        return f"fn:{path[0]}", path[1]
    core = _strip(label, entity)
    whole = _strip(label, entity, filler=False)
    if not core or len(core) > DEFAULT_LABEL_CHARS:
        return None
    # 省检察院本年收入预算合计: a short name of the entity in front.
    shorter = (_ORGANISATION.sub("", core), _ORGANISATION.sub("", whole), _SELF.sub("", core), _SELF.sub("", whole))
    for key, pattern in V.NARRATIVE_ITEMS:
        if pattern.search(whole) or pattern.search(core) or any(pattern.search(t) for t in shorter):
            if key in _THREE_PUBLIC_KEYS and not three_public and key != "item:three_public":
                break  # 公务接待费 in a list of 商品和服务支出 is an economic item, read below
            return key, core
    # 其他支出 is a class only where the text marks it (类) or lists classes (fn_parent a class).
    listing = fn_parent is not None and len(fn_parent) == 3
    if core in V.FUNCTION_CLASSES and (core not in _GENERIC_CLASSES or listing
                                     or re.search(r"\(类\)", normalise(label))):
        return f"fn:{V.FUNCTION_CLASSES[core]}", core
    found = fn_by_name(core, year, fn_parent) if fn_parent else None
    found = found or (fn_sub_by_name(core, year) if listing else None)
    if found:
        return f"fn:{found[0]}", found[1]
    found = econ_by_name(core, year)
    if found:
        return f"econ:{found[0]}", found[1]
    return None


def mentions(paragraphs: list[Paragraph], *, entity: str, year: int | None, kind: str | None) -> Iterator[Mention]:
    """Every keyed figure the paragraphs state, in order."""
    three_public = False
    # The function item the text spoke of last (a heading （一）公共安全（类）, a 款 stated), for
    # paths that start below the class (法院（款）…（项）, 行政运行（项）).
    context: str | None = None
    for p, text in _passages(paragraphs):
        text = _PRIOR.sub("", text)  # (上年财政拨款收入76.82万元, 收入总计133.32万元…) speaks of another year
        short = len(compact(text)) <= DEFAULT_HEADING_CHARS
        # A section (一、… or a markdown heading) sets the context; its （一）sub-items keep it.
        if p.level or (short and _SECTION.match(text)):
            three_public = "三公" in text
            context = None
        in_three_public = three_public or "三公" in text
        fn_parent: str | None = None
        # The item a passage speaks of (``…（类）…（款）…（项）。…支出决算为 X 万元``), for bare labels.
        subject: tuple[str, str] | None = None
        scope: str | None = None  # 财政拨款 / 一般公共预算 when the sentence speaks of that money only
        start = 0
        for m in list(_CLAUSE_END.finditer(text)) + [None]:
            end = m.start() if m else len(text)
            clause = text[start:end]
            start = m.end() if m else len(text)
            after = 0
            if not _FIGURE.search(clause):
                named = _subject(clause, year, context)
                if named is not None:
                    subject = named
                    context = _context_of(named[0]) or context
            for f in _FIGURE.finditer(clause):
                # A comma before a year (万元,2024年…) does not end a clause; it is no part of the label.
                label = clause[after : f.start()].strip().lstrip(",").strip()
                after = f.end()
                if not label or _CHANGE.search(label) or _other_year(label, kind):
                    continue
                if kind == "final_accounts" and re.search(r"年初预算|全年预算|调整预算", label):
                    # Not the amount, but it names what the next bare figure (支出决算为…) is.
                    named_label = re.sub(r"(年初|全年|调整)预算.*$", "", label)
                    if _strip(named_label, entity):
                        subject = _key(named_label, entity=entity, year=year, three_public=in_three_public,
                                       fn_parent=fn_parent, context=context)
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
                keyed = _key(label, entity=entity, year=year, three_public=in_three_public,
                             fn_parent=fn_parent, context=context)
                bare = bool(_BARE_SAYS.search(label) and _BARE.match(_strip(label, entity)))
                if keyed is None and bare:
                    keyed = subject
                if _FUND_SCOPE.search(label) and re.search(r"支出", label):
                    scope = "fiscal"  # 财政拨款支出预算 216,552.53 万元，其中教育支出… : that money only
                if keyed is None:
                    subject = subject if bare else None  # the text now speaks of something unknown
                    continue
                subject = keyed
                key, name = keyed
                if key.startswith("fn:") and len(key) == 6:
                    fn_parent = key[3:]
                context = _context_of(key) or context
                scoped = key in _SCOPED_ITEMS or key.startswith(("fn:", "econ:"))
                yield Mention(key, name, f.group("num"), value, _unit(f.group("unit")), p.provenance, label,
                              scope="fiscal" if scoped and (scope or _FUND_SCOPE.search(label)) else None)
            if m is not None and m.group() in "。！？":
                scope = None


def _subject(clause: str, year: int | None, context: str | None) -> tuple[str, str] | None:
    """The function item a clause without a figure names: a path, or a printed code (小学教育（2050202）)."""
    codes = CODE.findall(clause)
    if codes and codes[-1].startswith("2"):
        return f"fn:{codes[-1]}", fn_name(codes[-1], year) or printed_item(clause)
    found = fn_by_path(clause, year, context)
    return (f"fn:{found[0]}", found[1]) if found else None


def _context_of(key: str) -> str | None:
    """The code a path below it hangs from: a class or a 款 itself, a 项's 款."""
    if not key.startswith("fn:"):
        return None
    code = key[3:]
    return code[:5] if len(code) == 7 else code


def _other_year(label: str, kind: str | None) -> bool:
    """A figure of another year; 上年结转 is this year's carry-over, 决算数 the final accounts' own."""
    s = re.sub(r"(上年|年初)结转(和|及)?(结余)?(资金)?", "", label)
    if kind == "final_accounts":
        s = s.replace("决算数", "")
    return bool(_OTHER_YEAR.search(s))


_PRIOR = re.compile(r"[(（][^()（）]*(上年|去年|上一年|同比|上年度)[^()（）]*[)）]")


def _plain_title(line: str) -> bool:
    """A short line without punctuation or a figure: a title, which nothing after it continues.

    A line naming a function item (``…住房公积金（项）``, ``A-B-C``) is the start of the sentence
    that gives its figure (``支出决算为 84.65 万元``), not a title.
    """
    return (len(compact(line)) <= DEFAULT_TITLE_CHARS and not _PUNCTUATION.search(line)
            and not _FIGURE.search(line) and _subject(line, None, None) is None)


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
        current, text, current_heading = p, line, heading or _plain_title(line)
    if current is not None:
        yield current, text
