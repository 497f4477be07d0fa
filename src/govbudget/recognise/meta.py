"""Lines around tables into what they state: title, entity, year, unit, kind.

``部门名称：朔州市朔城区医疗保险服务中心`` names the entity, ``450001丰润区医疗保障局本级``
gives its code too, ``金额单位：万元`` the unit, ``预算年度：2023`` the year, and
``公开01表`` / ``收支总表`` the table.
"""

from __future__ import annotations

import re

import attrs

from .. import vocabulary as V
from ..amounts import normalise_text, parse_unit
from ..textnorm import compact
from .labels import normalise

__all__ = ["Meta", "read_meta", "table_id_of", "is_title_like", "document_title", "ENTITY_SUFFIX"]

DEFAULT_TITLE_MAX = 60

_LABELLED_ENTITY = re.compile(
    r"(?:部门名称|单位名称|预算单位名称|预算单位|编制单位|填报单位|部门\s*[/／]\s*单位|部门\s*[(（]单位[)）]|单位|部门)"
    r"\s*[:：]\s*(?P<name>[^\s:：]{2,60}?)\s*(?=$|\s|单位\s*[:：]|金额单位|预算年度|\d{4}\s*年)"
)
_CODED_ENTITY = re.compile(r"^(?P<code>\d{3}(?:\d{3}){0,3})\s*[-－—]?\s*(?P<name>[\u4e00-\u9fff（）()]{3,60})$")
_YEAR = re.compile(r"(?:预算年度|年度)\s*[:：]\s*(20\d\d)|(20\d\d)\s*年")
_PUBLIC = re.compile(r"公开\s*(\d{1,2})\s*表")
_TITLE_END = re.compile(r"(表|预算|决算)(\([^()]{1,12}\)|（[^（）]{1,12}）)?(续表|续)?$")
# A name ending like this is an organisation, not a sentence fragment.
ENTITY_SUFFIX = re.compile(
    r"(局|厅|委|办|办公室|办公厅|中心|院|所|站|队|会|部|处|社|馆|校|学|大学|学院|政府|法院|检察院|"
    r"街道办事处|办事处|委员会|管理处|服务中心|事务中心|(本级)|（本级）)$"
)
_DOC_TITLE = re.compile(
    r"^(?P<name>.+?)\s*(?P<year>20\d\d)\s*年(?:度)?\s*(?:区级|市级|县级|省级)?\s*"
    r"(?P<scope>部门|单位)?\s*(?P<kind>预算|决算)"
)


@attrs.frozen
class Meta:
    """What one line states; every field ``None`` when the line does not say."""

    entity: str | None = None
    entity_code: str | None = None
    entity_labelled: bool = False
    year: int | None = None
    unit: str | None = None
    kind: str | None = None
    scope_word: str | None = None
    table_id: str | None = None
    public_label: str | None = None


def _kind_of(text: str) -> str | None:
    if "决算" in text:
        return "final_accounts"
    if "预算" in text:
        return "budget"  # 公开01表：收支预算总表 is a budget's table, labelled like final accounts'
    if _PUBLIC.search(text):
        return "final_accounts"
    return None


def table_id_of(text: str) -> str | None:
    """The table id a title names, or ``None``."""
    s = normalise(text)
    m = _PUBLIC.search(s)
    if V.NOT_ANNEX.search(s):
        return None
    for table_id, rule in V.TABLE_TITLES:
        if rule.search(s):
            return table_id
    if m:
        return V.PUBLIC_LABELS.get(m.group(1).zfill(2))
    return None


def is_title_like(text: str) -> bool:
    """A short line that ends like a table title and is not a sentence."""
    s = compact(normalise_text(text))
    if not s or len(s) > DEFAULT_TITLE_MAX or re.search(r"[，。；;]", s):
        return False
    return bool(_TITLE_END.search(s)) or bool(_PUBLIC.search(s))


def read_meta(text: str) -> Meta:
    """What a paragraph or header cell states about the table or report."""
    s = normalise_text(text).strip()
    cs = compact(s)
    entity = code = None
    labelled = False
    m = _LABELLED_ENTITY.search(s)
    if m and not re.search(r"万元|元$", m.group("name")):
        entity, labelled = compact(m.group("name")), True
        coded = _CODED_ENTITY.match(entity)
        if coded:
            code, entity = coded.group("code"), coded.group("name")
    else:
        m2 = _CODED_ENTITY.match(cs)
        if m2:
            code, entity = m2.group("code"), m2.group("name")
    year = None
    y = _YEAR.search(s)
    if y:
        year = int(y.group(1) or y.group(2))
    pub = _PUBLIC.search(cs)
    return Meta(
        entity=entity,
        entity_code=code,
        entity_labelled=labelled,
        year=year,
        unit=parse_unit(s),
        kind=_kind_of(cs) if (is_title_like(s) or pub) else None,
        scope_word=_scope_word(cs),
        table_id=table_id_of(s) if is_title_like(s) else None,
        public_label=pub.group(1).zfill(2) if pub else None,
    )


def _scope_word(text: str) -> str | None:
    if "单位预算" in text or "单位决算" in text:
        return "unit"
    if "部门预算" in text or "部门决算" in text:
        return "department"
    return None


def document_title(text: str) -> tuple[str | None, int | None, str | None, str | None]:
    """Entity, year, scope word and kind from a heading like ``X 2023 年部门预算``."""
    s = normalise_text(text).strip().lstrip("#").strip()
    m = _DOC_TITLE.match(s)
    if not m:
        return None, None, None, None
    # A part heading (第二部分 江苏省高级人民法院2017年度部门预算表) names the entity after the part.
    name = re.sub(r"^第[一二三四五六七八九十]+部分", "", compact(m.group("name")))
    kind = "final_accounts" if m.group("kind") == "决算" else "budget"
    scope = {"部门": "department", "单位": "unit"}.get(m.group("scope") or "")
    if not ENTITY_SUFFIX.search(name):
        name = None
    return name, int(m.group("year")), scope, kind
