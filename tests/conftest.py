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
