"""Function items named in running text into ``fn:`` codes: by their place in the tree or by name.

The text names an item as a path, ``公共安全（类）法院（款）行政运行（项）`` or
``一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行``, often starting below the class
(``法院（款）…（项）`` under a heading ``（一）公共安全（类）``, or ``行政运行（项）`` under
``检察（款）…``): the levels left out are those the text spoke of last. Each part is looked
up among the children of the part above. A name the text misprints (一般行政事务管理 for
一般行政管理事务, 未归口管理行政单位离退休费) is taken when one child's name is clearly
nearest; the item is then keyed by the code and named by the list.
"""

from __future__ import annotations

import re
from collections import Counter

from .labels import normalise

__all__ = ["fn_by_path", "path_item", "fn_by_name", "fn_sub_by_name", "fn_name", "econ_by_name", "DEFAULT_NEAR"]

DEFAULT_NEAR = 0.75  # share of characters two names must have in common to be taken for one another

# ``A（类）B（款）C（项）`` or ``A-B-C``: a function item named by its place in the tree.
_PATH_MARK = re.compile(r"\((类|款|项)\)")
_PATH_DASH = re.compile(r"[-－—]+")
_LEVELS = {"类": 3, "款": 5, "项": 7}


def _parts(label: str) -> list[tuple[str, int]] | None:
    """The named parts of a path with the code length of each, or ``None`` when it is no path."""
    s = normalise(label)
    if _PATH_MARK.search(s) and _PATH_DASH.search(s):
        return None  # marks and dashes at once (A(类)-B(款)-C(项)): a form not read yet
    if _PATH_MARK.search(s):
        pieces = _PATH_MARK.split(s)
        # split gives name, level, name, level, …, rest: pair each name with the mark after it.
        return [(pieces[i], _LEVELS[pieces[i + 1]]) for i in range(0, len(pieces) - 1, 2)]
    if _PATH_DASH.search(s):
        pieces = _PATH_DASH.split(s)
        pieces[-1] = re.sub(r"科目.*$", "", pieces[-1])
        if len(pieces) < 2 or len(pieces) > 3:
            return None
        return [(p, 3 + 2 * i) for i, p in enumerate(pieces)]
    return None


def _class_of(name: str) -> tuple[str, str] | None:
    from ..vocabulary import FUNCTION_CLASSES

    for known in sorted(FUNCTION_CLASSES, key=len, reverse=True):
        # 公共安全（类）: the class named without its 支出.
        if name.endswith(known) or name == known.removesuffix("支出"):
            return FUNCTION_CLASSES[known], known
    return None


def _plain(name: str) -> str:
    return re.sub(r"[、，,()（）\s]", "", name)


def _nearness(a: str, b: str) -> float:
    """1 when one name holds the other; else the share of characters they have in common."""
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    return common / max(len(a), len(b))


def _child(parent: str, name: str, year: int | None) -> tuple[str, str, bool] | None:
    """The child of ``parent`` a name stands for: ``(code, official name, exact)``."""
    from .. import codelists

    exact = [e for e in codelists.by_name("fn", name, year, parent=parent) if len(e.code) == len(parent) + 2]
    if len(exact) == 1:
        return exact[0].code, exact[0].name, True
    kids: dict[str, str] = {}
    rows = [e for e in codelists.entries("fn") if e.parent == parent and len(e.code) == len(parent) + 2]
    # Names of the year first: 行政单位离退休 (2080501, from 2024) is no reading of a 2018 text.
    dated = [e for e in rows if e.valid_from is not None and e.covers(year)]
    for e in dated or rows:
        kids.setdefault(e.code, e.name)
    scored = sorted(((_nearness(name, n), c, n) for c, n in kids.items()), reverse=True)
    if scored and scored[0][0] >= DEFAULT_NEAR and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1], scored[0][2], False
    return None


def fn_by_path(label: str, year: int | None, context: str | None = None) -> tuple[str, str, bool] | None:
    """``(code, name, exact)`` of the item a path names; ``context`` is the code the text spoke of last.

    A path may start at a 款 or a 项: it then hangs from the class or 款 of ``context``
    (a 款 is also found by its name alone when only one has it).
    """
    parts = _parts(label)
    if not parts:
        return None
    name, level = parts[0]
    exact = True
    if level == 3:
        found = _class_of(name)
        if found is None:
            return None
        code, name = found
    elif level == 5:
        step = _child(context[:3], name, year) if context else None
        if step is None:
            step = _only_one(name, year, 5)
        if step is None:
            return None
        code, name, exact = step
    elif level == 7 and context and len(context) >= 5:
        step = _child(context[:5], name, year)
        if step is None:
            return None
        code, name, exact = step
    else:
        return None
    for part, _ in parts[1:]:
        # Only the level below: 其他公共安全支出 names both 20499 and 2049999.
        step = _child(code, part, year)
        if step is None:
            return None
        code, name, near = step[0], step[1], step[2]
        exact = exact and near
    return code, name, exact


def path_item(label: str) -> str | None:
    """The last name of a path as printed (``一般行政事务管理`` in ``法院（款）一般行政事务管理（项）支出``)."""
    parts = _parts(label)
    return parts[-1][0] if parts else None


def _only_one(name: str, year: int | None, length: int) -> tuple[str, str, bool] | None:
    from .. import codelists

    found = [e for e in codelists.by_name("fn", name, year) if len(e.code) == length]
    return (found[0].code, found[0].name, True) if len(found) == 1 else None


def fn_by_name(name: str, year: int | None, parent: str | None) -> tuple[str, str] | None:
    """The ``fn`` code one name stands for, under ``parent`` when given."""
    from .. import codelists

    found = codelists.by_name("fn", name, year, parent=parent)
    return (found[0].code, found[0].name) if len(found) == 1 else None


def fn_sub_by_name(name: str, year: int | None) -> tuple[str, str] | None:
    """The 款 one name stands for in the whole list (住房改革支出 -> 22102), if only one."""
    found = _only_one(name, year, 5)
    return (found[0], found[1]) if found else None


def econ_by_name(name: str, year: int | None) -> tuple[str, str] | None:
    from .. import codelists

    found = codelists.by_name("econ", name, year)
    return (found[0].code, found[0].name) if len(found) == 1 else None


def fn_name(code: str, year: int | None) -> str | None:
    from .. import codelists

    entry = codelists.lookup("fn", code, year)
    return entry.name if entry else None
