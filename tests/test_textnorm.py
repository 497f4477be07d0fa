"""Small text repairs: wrapped lines, stray spaces between Chinese, inline markup."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.textnorm import compact, is_cjk, join_wrapped, squeeze, strip_markup


@pytest.mark.parametrize(
    "ch, expected",
    [
        ("中", True),
        ("㐀", True),
        ("，", True),
        ("（", True),
        ("“", True),
        ("\u3000", True),
        ("a", False),
        ("1", False),
        (" ", False),
        ("", False),
    ],
)
def test_is_cjk(ch: str, expected: bool) -> None:
    assert is_cjk(ch) is expected


@pytest.mark.parametrize(
    "parts, joined",
    [
        (["一般公共预算拨款收", "入"], "一般公共预算拨款收入"),
        (["社会保障和就业", "支出"], "社会保障和就业支出"),
        (["DIP", "payment"], "DIP payment"),
        (["2024", "年"], "2024年"),
        (["（一）", "Item"], "（一）Item"),
        (["  财政拨款  ", "", "   ", " 收入 "], "财政拨款收入"),
        (["Section", "", "two"], "Section two"),
        ([], ""),
        (["", "  "], ""),
    ],
)
def test_join_wrapped_adds_a_space_only_between_latin_parts(parts: list[str], joined: str) -> None:
    assert join_wrapped(parts) == joined


@pytest.mark.parametrize(
    "text, squeezed",
    [
        ("社会保障和就 业支出", "社会保障和就业支出"),
        ("收 入 总 计", "收入总计"),
        ("八、 社会保障和就业支出", "八、社会保障和就业支出"),
        ("2024 年 部门预算", "2024年部门预算"),
        ("“三公” 经费", "“三公”经费"),
        ("  DIP   payment\t\nsystem ", "DIP payment system"),
        ("一般\u3000公共\xa0预算", "一般公共预算"),
        ("PPP 项目", "PPP项目"),
    ],
)
def test_squeeze_drops_spaces_next_to_chinese_and_collapses_the_rest(text: str, squeezed: str) -> None:
    assert squeeze(text) == squeezed


@pytest.mark.parametrize(
    "text, compacted",
    [(" 合 计 ", "合计"), ("一般\u3000公共\xa0预算\n支出", "一般公共预算支出"), ("DIP payment", "DIPpayment")],
)
def test_compact_removes_all_whitespace(text: str, compacted: str) -> None:
    assert compact(text) == compacted


@pytest.mark.parametrize(
    "text, stripped",
    [
        ("<b>208</b>", "208"),
        ("<B>208</B>", "208"),
        ('<strong class="x">合计</strong>', "合计"),
        ('<span style="color:red">54.07</span>', "54.07"),
        ("<em>注</em>：<i>单位</i><u>万元</u>", "注：单位万元"),
        ("10<sup>2</sup>", "102"),
        ("**x**", "x"),
        ("**（二）内设机构**", "（二）内设机构"),
        ("__强调__", "强调"),
        ("甲<br>乙", "甲\n乙"),
        ("甲<br/>乙<BR />丙", "甲\n乙\n丙"),
        ("<table><td>1</td>", "<table><td>1</td>"),
        ("收入<支出", "收入<支出"),
    ],
)
def test_strip_markup_drops_emphasis_only(text: str, stripped: str) -> None:
    assert strip_markup(text) == stripped


_pieces = st.lists(
    st.text(alphabet=st.sampled_from("社会保障和就业支出ABCxyz0123456789.,（）、 \t"), max_size=8), max_size=6
)


@given(_pieces)
def test_join_wrapped_never_loses_a_printed_character(parts: list[str]) -> None:
    assert compact(join_wrapped(parts)) == compact("".join(parts))


_words = st.lists(
    st.builds(
        lambda pad, word: pad + word + pad,
        st.sampled_from(["", " ", "\t"]),
        st.text(alphabet=st.sampled_from("社会保障和就业支出ABCxyz0123456789.,（）、"), max_size=8),
    ),
    max_size=6,
)


@given(_words)
def test_join_wrapped_puts_a_space_only_between_two_latin_ends(parts: list[str]) -> None:
    joined = join_wrapped(parts)
    words = [p.strip() for p in parts if p.strip()]
    assert joined.count(" ") == sum(1 for a, b in zip(words, words[1:]) if not is_cjk(a[-1]) and not is_cjk(b[0]))
    assert joined.replace(" ", "") == "".join(words)


@given(st.text(alphabet=st.sampled_from("社会保障ABC123 \t\n\u3000\xa0"), max_size=20))
def test_squeeze_is_idempotent_and_keeps_every_printed_character(text: str) -> None:
    once = squeeze(text)
    assert squeeze(once) == once
    assert compact(once) == compact(text)
    assert "  " not in once and once == once.strip()
