"""The documentation against the code: every finding code the code emits is documented."""

from __future__ import annotations

import re

from conftest import GOLDEN, ROOT

from govbudget.validation import RULES

SOURCE = ROOT / "src" / "govbudget"
# A finding made in place: Finding("row.skipped", …), builder.note("unit.inferred", Severity.INFO, …) and the
# like, maybe after a line break.
_MADE = re.compile(r'(?:Finding|note)\(\s*"([a-z_]+(?:\.[a-z_0-9]+)+)"|\(\s*"([a-z_]+(?:\.[a-z_0-9]+)+)",\s*Severity\.')


def emitted_codes() -> set[str]:
    """The codes of the findings the source makes, of the validation rules, and of every golden findings file."""
    codes = {m.group(1) or m.group(2) for p in SOURCE.rglob("*.py") for m in _MADE.finditer(p.read_text(encoding="utf-8"))}
    codes |= {r.id for r in RULES}
    for golden in GOLDEN.glob("*.findings.tsv"):
        codes |= {line.split("\t")[1] for line in golden.read_text(encoding="utf-8").splitlines() if line}
    return codes


def documented_codes() -> set[str]:
    text = "".join((ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("model.md", "validation.md"))
    return set(re.findall(r"`([a-z_]+(?:\.[a-z_0-9]+)+)`", text))


def test_the_codes_are_found() -> None:
    # Guards the helper: an empty parse would make the test below pass on nothing.
    codes = emitted_codes()
    assert {"row.unrecognised", "unit.inferred", "code.name_mismatch", "page.blank", "sum.children"} <= codes
    assert len(codes) > 60


def test_every_finding_code_is_documented() -> None:
    assert sorted(emitted_codes() - documented_codes()) == []
