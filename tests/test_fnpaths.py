"""Function items named in running text: paths of 类 / 款 / 项 names, their context, misprinted names."""

from __future__ import annotations

import pytest

from govbudget.recognise.fnpaths import fn_by_path, fn_sub_by_name


@pytest.mark.parametrize(
    "label, year, context, expected",
    [
        # the whole path, with marks or dashes; the class named with or without its 支出
        ("住房保障支出（类）住房改革支出（款）住房公积金（项）", 2024, None, ("2210201", "住房公积金", True)),
        ("一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行", 2024, None, ("2010301", "行政运行", True)),
        ("（一）公共安全（类）", 2017, None, ("204", "公共安全支出", True)),
        # from the 款 down: under the class spoken of, or the only 款 of that name
        ("法院（款）行政运行（项）支出", 2017, "204", ("2040501", "行政运行", True)),
        ("法院（款）行政运行（项）支出", 2017, None, ("2040501", "行政运行", True)),
        # a 项 alone hangs from the 款 spoken of last
        ("行政运行（项）支出", 2018, "20404", ("2040401", "行政运行", True)),
        ("行政运行（项）支出", 2018, None, None),
        # misprinted names: the nearest child of the year, named by the list
        ("法院（款）一般行政事务管理（项）", 2017, "204", ("2040502", "一般行政管理事务", False)),
        ("未归口管理行政单位离退休费（项）", 2018, "20805", ("2080504", "未归口管理的行政单位离退休", False)),
        ("机关事业单位基本养老保险缴费（项）", 2018, "20805", ("2080505", "机关事业单位基本养老保险缴费支出", False)),
        # not a path: no marks, or marks and dashes at once
        ("住房公积金", 2024, "22102", None),
        ("一般公共服务支出(类）-宣传事务（款）-一般行政管理事务（项）", 2026, None, None),
    ],
)
def test_paths(label: str, year: int, context: str | None, expected) -> None:
    assert fn_by_path(label, year, context) == expected


def test_a_sub_class_by_its_name_alone_when_only_one_has_it() -> None:
    assert fn_sub_by_name("住房改革支出", 2021) == ("22102", "住房改革支出")
    assert fn_sub_by_name("行政运行", 2021) is None  # a 项 name, and many of them
