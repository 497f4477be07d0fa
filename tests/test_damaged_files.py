"""Damaged copies of real inputs: every reader answers with a govbudget error or a model, never a bare exception.

Each example takes a fixture of one format and damages its bytes the ways files
are damaged in practice (cut off, overwritten, a run zeroed, a run repeated);
reading, listing the facts and validating must then either work or raise one of
:mod:`govbudget.errors`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govbudget
from govbudget.errors import GovbudgetError, InternalError

_SOURCES = {
    "docx": FIXTURES / "office" / "final_accounts.docx",
    "xlsx": FIXTURES / "office" / "final_accounts.xlsx",
    "pdf": FIXTURES / "pdf" / "unruled_unit.pdf",
    "txt": FIXTURES / "seeds" / "004_957c36ad5378e025.txt",
    "json": FIXTURES / "json" / "003_schema_1.0.json",
}


@st.composite
def damage(draw, size: int) -> tuple[str, int, int, bytes]:
    """How to damage a file of ``size`` bytes: (what, where, how much, bytes to write)."""
    how = draw(st.sampled_from(["cut", "overwrite", "zero", "repeat"]))
    at = draw(st.integers(0, size - 1))
    length = draw(st.integers(1, 400))
    return how, at, length, draw(st.binary(min_size=length, max_size=length))


def _damaged(data: bytes, how: str, at: int, length: int, junk: bytes) -> bytes:
    if how == "cut":
        return data[:at]
    if how == "overwrite":
        return data[:at] + junk + data[at + length:]
    if how == "zero":
        return data[:at] + bytes(length) + data[at + length:]
    return data[:at] + data[at:at + length] + data[at:]


class _Sources(dict):
    def __repr__(self) -> str:  # a failing example prints its draws, not megabytes of fixtures
        return f"<the bytes of {', '.join(self)}>"


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, bytes]:
    out = _Sources((kind, path.read_bytes()) for kind, path in _SOURCES.items())
    xbrl = tmp_path_factory.mktemp("xbrl") / "seed.xbrl"
    govbudget.write(govbudget.read(_SOURCES["txt"]), xbrl, format="xbrl")
    out["xbrl"] = xbrl.read_bytes()
    return out


def _read_all(path: Path) -> None:
    d = govbudget.read(path)
    d.facts()
    govbudget.validate(d)


@pytest.mark.parametrize("kind", [*_SOURCES, "xbrl"])
@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_file_is_read_or_refused_with_a_govbudget_error(kind: str, sources: dict[str, bytes],
                                                                   tmp_path: Path, data) -> None:
    original = sources[kind]
    how, at, length, junk = data.draw(damage(len(original)))
    path = tmp_path / f"damaged.{kind}"
    path.write_bytes(_damaged(original, how, at, length, junk))
    refused: GovbudgetError | None = None
    try:
        _read_all(path)
    except GovbudgetError as err:  # anything else fails the test as it is
        refused = err
    if refused is not None:
        assert not isinstance(refused, InternalError), refused  # our own defect, wrapped
        assert "damaged." in str(refused)  # names the file
