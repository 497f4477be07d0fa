"""Word's automatic list numbers (``一、``, ``（二）``, ``3.``) into the text of the paragraphs that print them.

A numbered paragraph stores no number: Word counts it from the numbering part
(``word/numbering.xml``) when it lays out the page. The labels are computed in one
pass in document order and written into the parsed tree as a first run, so that
every later step reads the paragraph as printed. Bullets print no text and are
left out.
"""

from __future__ import annotations

import re

from .wordml import W, tag

__all__ = ["number_paragraphs", "format_number"]

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CN = "零一二三四五六七八九"
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LEVELS = 9


def _chinese(n: int, digits: str = _CN, units: str = "十百千") -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero and out:
                out += digits[0]
            out += ("" if (unit == units[0] and d == 1 and not out) else digits[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 -> AA, 28 -> BB.
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """The counter ``n`` in a WordprocessingML number format (``chineseCounting`` -> 十一)."""
    if n < 0:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        s = _letters(n)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _val(el, default: str | None = None) -> str | None:
    return default if el is None else el.get(f"{W}val", default)


def _int(text: str | None, default: int = 0) -> int:
    """A number attribute; a damaged one counts as the default rather than stopping the read."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class _Lists:
    """The numbering part: each list's levels (format, text, start) and where its counters live."""

    def __init__(self, numbering) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int, str]]] = {}
        abstract: dict[str, dict[int, tuple[str, str, int, str]]] = {}
        for an in numbering.iter(f"{W}abstractNum"):
            abstract[an.get(f"{W}abstractNumId")] = {
                _int(lvl.get(f"{W}ilvl")): (
                    _val(lvl.find(f"{W}numFmt"), "decimal"), _val(lvl.find(f"{W}lvlText"), ""),
                    _int(_val(lvl.find(f"{W}start"))), _val(lvl.find(f"{W}suff"), "tab"))
                for lvl in an.iter(f"{W}lvl")}
        self.counter_key: dict[str, str] = {}
        for num in numbering.iter(f"{W}num"):
            num_id, abstract_id = num.get(f"{W}numId"), _val(num.find(f"{W}abstractNumId"))
            levels = dict(abstract.get(abstract_id or "", {}))
            restarted = False
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"))
                start = override.find(f"{W}startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _, suff = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(_val(start)), suff)
                    restarted = True
            self.levels[num_id] = levels
            # Lists sharing an abstract definition count on together unless one restarts.
            self.counter_key[num_id] = f"num:{num_id}" if restarted else f"abstract:{abstract_id}"


def _style_numbers(styles) -> dict[str, tuple[str, int]]:
    """The list (numId, level) each paragraph style numbers with, following ``basedOn``."""
    own: dict[str, tuple[tuple[str, int] | None, str | None]] = {}
    if styles is None:
        return {}
    for st in styles.iter(f"{W}style"):
        pr = st.find(f"{W}pPr/{W}numPr")
        num = None
        if pr is not None and _val(pr.find(f"{W}numId")):
            num = (_val(pr.find(f"{W}numId")), _int(_val(pr.find(f"{W}ilvl"))))
        own[st.get(f"{W}styleId")] = (num, _val(st.find(f"{W}basedOn")))

    def resolve(sid: str | None, depth: int = 0) -> tuple[str, int] | None:
        if sid is None or depth > 10 or sid not in own:
            return None
        num, based = own[sid]
        return num if num is not None else resolve(based, depth + 1)

    return {sid: n for sid in own if (n := resolve(sid)) is not None}


def _inside_fallback(p) -> bool:
    up = p.getparent()
    while up is not None:
        if tag(up) == _MC_FALLBACK:
            return True
        up = up.getparent()
    return False


def number_paragraphs(body, numbering, styles) -> None:
    """Write each numbered paragraph's label (``一、``) into it as its first run."""
    if numbering is None:
        return
    lists = _Lists(numbering)
    by_style = _style_numbers(styles)
    counters: dict[str, list[int | None]] = {}
    for p in body.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        pr = ppr.find(f"{W}numPr") if ppr is not None else None
        style = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        num_id, ilvl = None, 0
        if pr is not None:
            num_id = _val(pr.find(f"{W}numId"))
            ilvl = _int(_val(pr.find(f"{W}ilvl")))
            if num_id is None and style in by_style:
                num_id = by_style[style][0]
        elif style in by_style:
            num_id, ilvl = by_style[style]
        if not num_id or num_id == "0" or num_id not in lists.levels or _inside_fallback(p):
            continue
        levels = lists.levels[num_id]
        if ilvl not in levels or not 0 <= ilvl < _LEVELS:
            continue
        count = counters.setdefault(lists.counter_key[num_id], [None] * _LEVELS)
        fmt, text, start, suff = levels[ilvl]
        count[ilvl] = start if count[ilvl] is None else count[ilvl] + 1
        for deeper in range(ilvl + 1, _LEVELS):
            count[deeper] = None
        if fmt == "bullet":
            continue

        def placeholder(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            n = count[k] if count[k] is not None else levels.get(k, ("decimal", "", 1, ""))[2]
            return format_number(n, levels.get(k, ("decimal",))[0])

        label = re.sub(r"%([1-9])", placeholder, text or "")
        if not label:
            continue
        label += {"tab": " ", "space": " "}.get(suff or "tab", "")
        run = p.makeelement(f"{W}r")
        t = run.makeelement(f"{W}t")
        t.text = label
        run.append(t)
        p.insert(list(p).index(ppr) + 1 if ppr is not None else 0, run)
