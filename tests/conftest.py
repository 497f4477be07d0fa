"""Shared paths for the tests: fixtures are found from this file, never the working directory."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"


def seed(prefix: str) -> Path:
    """The seed disclosure whose file name starts with ``prefix`` (``"000"``)."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def grid_doc(*blocks: "str | list[list[str]]", file: str = "t.txt", aligned: bool = True):
    """A source document from paragraphs (strings) and tables (lists of rows of cell texts)."""
    from govbudget.grid import GridCell, GridRow, GridTable, Paragraph, SourceDocument
    from govbudget.provenance import Provenance

    out = []
    ordinal = 0
    for i, block in enumerate(blocks):
        if isinstance(block, str):
            out.append(Paragraph(block, Provenance(file, line=i + 1)))
            continue
        ordinal += 1
        rows = tuple(
            GridRow(
                tuple(GridCell(t, Provenance(file, table=ordinal, row=r, column=c)) for c, t in enumerate(cells)),
                Provenance(file, table=ordinal, row=r),
                aligned=aligned,
            )
            for r, cells in enumerate(block)
        )
        out.append(GridTable(rows, Provenance(file, table=ordinal)))
    return SourceDocument(file, "test", tuple(out))


def program(name: str) -> str:
    """The path of an external program a test needs (``soffice``, ``pdftoppm``).

    Missing, the test is skipped with the reason, except where ``GOVBUDGET_REQUIRE_PROGRAMS=1``
    (set by ``.ci/run``, which installs them): there a missing program fails the run.
    """
    import os
    import shutil

    import pytest

    found = shutil.which(name) or (shutil.which("libreoffice") if name == "soffice" else None)
    if found:
        return found
    if os.environ.get("GOVBUDGET_REQUIRE_PROGRAMS") == "1":
        pytest.fail(f"{name} is required here (GOVBUDGET_REQUIRE_PROGRAMS=1) but not installed")
    pytest.skip(f"{name} is not installed")


def require_module(name: str, why: str) -> None:
    """Skip the test, saying ``why``, when the test dependency ``name`` cannot be imported.

    Under ``GOVBUDGET_REQUIRE_PROGRAMS=1`` (``.ci/run``) a missing dependency fails the run instead.
    """
    import importlib.util
    import os

    import pytest

    if importlib.util.find_spec(name) is not None:
        return
    if os.environ.get("GOVBUDGET_REQUIRE_PROGRAMS") == "1":
        pytest.fail(f"{name} is required here (GOVBUDGET_REQUIRE_PROGRAMS=1) but not installed")
    pytest.skip(f"{name} is not installed: {why}")


# PDF fixtures that cannot be read (encrypted, truncated, scanned, unmapped glyphs): tested for their errors.
UNREADABLE_PDF = frozenset({"encrypted.pdf", "truncated.pdf", "scanned.pdf", "cid_font.pdf"})


def input_fixtures() -> list[Path]:
    """Every fixture that reads into a model, of every input format.

    Legacy ``.doc``/``.xls`` are left out: once LibreOffice converts them they are their
    ``.docx``/``.xlsx`` twins (tests/test_office.py compares them).
    """
    return sorted(
        list(SEEDS.glob("*.txt"))
        + list((FIXTURES / "realworld").iterdir())
        + list((FIXTURES / "flavours").iterdir())
        + [p for p in (FIXTURES / "office").iterdir() if p.suffix in (".docx", ".xlsx")]
        + [p for p in (FIXTURES / "pdf").rglob("*.pdf") if p.name not in UNREADABLE_PDF]
    )


_read_cache: dict[Path, object] = {}


def read_fixture(path: Path):
    """``govbudget.read(path)``, once per test run: models are frozen, so tests can share them."""
    import govbudget

    if path not in _read_cache:
        _read_cache[path] = govbudget.read(path)
    return _read_cache[path]
