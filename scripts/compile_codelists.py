"""Compile src/govbudget/codelists/*.csv from the transcribed seeds and the codes printed in real disclosures.

Run from the project root with the shared material beside it:
    python scripts/compile_codelists.py ../shared

Sources, recorded per row:
- the hand-transcribed seed lists in shared/spec/codelists (their own source keys: T1, T2, R, S1, K);
- ``R:<file>`` — a code printed with this name in an annex table of a real disclosure (PDF text by
  ``pdftotext -layout``, which must be installed, or text files);
- ``K`` rows in scripts/codelists_known.csv — names known from the 政府收支分类科目 but printed in
  none of the documents above (each is listed there for review).
A row's validity years are the years of the documents that print it (the seeds' rows carry none).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "govbudget" / "codelists"
CODE_NAME = re.compile(r"(?<![\d.,])((?:2\d{2}|3\d{2}|5\d{2})(?:\d{2}){0,2})(?![\d.,])\s*"
                       r"([\u4e00-\u9fff][\u4e00-\u9fff（）()、]{1,39})")


def _norm(name: str) -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from govbudget.recognise.labels import strip_ordinal

    return strip_ordinal(name.replace("(", "（").replace(")", "）")).strip("、")


def _documents(shared: Path) -> list[tuple[str, int, str]]:
    docs = []
    for pdf in sorted((shared / "realworld").glob("*.pdf")):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        docs.append((pdf.name, int(re.search(r"_(20\d\d)_", pdf.name).group(1)), text))
    return docs


def _read_rows(shared: Path) -> list[tuple[str, int, str, str]]:
    """(file, year, key, name) of the coded rows govbudget itself reads from the text disclosures."""
    sys.path.insert(0, str(ROOT / "src"))
    import govbudget

    out = []
    files = sorted((shared / "realworld").glob("*.txt")) + [p for p in sorted((shared / "seeds").glob("*.txt"))
                                                             if not p.name.startswith("002_")]
    for path in files:
        for report in govbudget.read(path).reports:
            for table in report.tables:
                for row in table.rows:
                    if row.key.startswith(("fn:", "econ:")) and row.name:
                        out.append((path.name, report.year, row.key, row.name))
    return out


def _table_lines(text: str) -> list[str]:
    """Lines that look like annex table rows: a code and a name followed by figures or separators."""
    out = []
    for line in text.splitlines():
        if re.search(r"\d\s*[.,]\s*\d|\t|\s{2,}", line) and not re.search(r"[，。；]", line):
            out.append(line.replace("\t", "  "))
    return out


def main(shared: Path) -> None:
    seen: dict[tuple[str, str, str], dict] = {}
    for scheme, path, level_of in (("fn", "func_classes.csv", None), ("econ", "dept_econ_basic_subset.csv", None),
                                   ("econ", "dept_econ_classes.csv", None), ("gov_econ", "gov_econ_classes.csv", None)):
        for row in csv.DictReader((shared / "spec" / "codelists" / path).open(encoding="utf-8")):
            key = (scheme, row["code"], _norm(row["name"]))
            entry = seen.setdefault(key, {"years": set(), "sources": [], "staff": row.get("staff_or_public", "")})
            entry["sources"].append(row["source"])
    for name, year, text in _documents(shared):
        for line in _table_lines(text):
            for m in CODE_NAME.finditer(line):
                code, printed = m.group(1), _norm(re.split(r"\s", m.group(2))[0])
                if re.match(r"[万元亿千人次个户辆家]", printed):
                    continue  # a figure with its unit, not a code with its name
                scheme = "fn" if code[0] == "2" else "econ" if code[0] == "3" else "gov_econ"
                if scheme == "fn" and len(code) not in (3, 5, 7) or scheme != "fn" and len(code) not in (3, 5):
                    continue
                key = (scheme, code, printed)
                entry = seen.setdefault(key, {"years": set(), "sources": [], "staff": ""})
                entry["years"].add(year)
                if f"R:{name}" not in entry["sources"]:
                    entry["sources"].append(f"R:{name}")
    for name, year, key, printed in _read_rows(shared):
        scheme, _, code = key.partition(":")
        entry = seen.setdefault((scheme, code, _norm(printed)), {"years": set(), "sources": [], "staff": ""})
        entry["years"].add(year)
        if f"R:{name}" not in entry["sources"]:
            entry["sources"].append(f"R:{name}")
    known = ROOT / "scripts" / "codelists_known.csv"
    for row in csv.DictReader(known.open(encoding="utf-8")):
        key = (row["scheme"], row["code"], _norm(row["name"]))
        entry = seen.setdefault(key, {"years": set(), "sources": [], "staff": ""})
        entry["sources"].append("K")
        if row["from"]:
            entry["years"].update({int(row["from"]), int(row["to"] or row["from"])})
    rejected = {(r["scheme"], r["code"], _norm(r["name"])) for r in
                csv.DictReader((ROOT / "scripts" / "codelists_rejected.csv").open(encoding="utf-8"))}
    # A name wrapped over several lines of a PDF cell comes out in pieces: a piece that is part
    # of a longer name of the same code is that name, not another one.
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for scheme, code, printed in seen:
        names[(scheme, code)].append(printed)
    for (scheme, code, printed) in list(seen):
        sources = seen[(scheme, code, printed)]["sources"]
        if not all(s.startswith("R:") for s in sources):
            continue  # a transcribed official name is never a piece of another
        from_pdf_only = all(s.endswith(".pdf") for s in sources)
        longer = [n for n in names[(scheme, code)] if n != printed
                  and (n.startswith(printed) or (from_pdf_only and printed in n))]
        if longer:
            whole = seen[(scheme, code, max(longer, key=len))]
            piece = seen.pop((scheme, code, printed))
            whole["years"] |= piece["years"]
            whole["sources"] += [s for s in piece["sources"] if s not in whole["sources"]]
    by_scheme: dict[str, list[dict]] = defaultdict(list)
    for (scheme, code, printed), entry in sorted(seen.items()):
        if (scheme, code, printed) in rejected:
            continue
        level = {3: "类", 5: "款", 7: "项"}[len(code)]
        years = sorted(entry["years"])
        by_scheme[scheme].append({
            "code": code, "name": printed, "level": level, "parent": code[:-2] if len(code) > 3 else "",
            "valid_from": years[0] if years else "", "valid_to": years[-1] if years else "",
            "source": ";".join(entry["sources"]), "staff_or_public": entry["staff"],
        })
    OUT.mkdir(exist_ok=True)
    for scheme, file in (("fn", "function.csv"), ("econ", "econ_dept.csv"), ("gov_econ", "econ_gov.csv")):
        fields = ["code", "name", "level", "parent", "valid_from", "valid_to", "source"]
        if scheme == "econ":
            fields.append("staff_or_public")
        with (OUT / file).open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fields, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            w.writerows(by_scheme[scheme])
        print(f"{file}: {len(by_scheme[scheme])} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
