"""The Word fixtures: a department with two units (budget, 万元) and a unit's final account (元)."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from . import word as W
from .figures import BUREAU, DEPARTMENT, INSPECTORATE, UNITS, budget_narrative, budget_tables, spending_table
from .final import final_narrative, final_tables

YEAR = 2024


def _title(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    run = p.add_run(text)
    run.bold = True


def _levels(t) -> dict[int, int]:
    """Indent levels of a names-only function table's rows, from the codes of the same table with codes."""
    coded = spending_table(t.kind, t.title, [s for s in DEPARTMENT.spend if s.fund == "general_budget"],
                           staff=True)
    return {i: (len(row[0]) - 3) // 2 for i, row in enumerate(coded.body) if row[0]}


def _department_tables(doc) -> None:
    fmt = W.money()
    entity, unit = "部门名称：301-临江区卫生健康局", "单位：万元"
    for t in budget_tables(DEPARTMENT, "部门预算", split_codes=True, names_only=True):
        _title(doc, t.title)
        if t.kind == "general_budget_expenditure":
            # Printed over two pages: the second part under a 续表 title, its names indented by paragraph format.
            t = W.indented(t, _levels(t))
            doc.add_paragraph(unit)
            W.add_table(doc, t, fmt, body=t.body[:7])
            doc.add_paragraph("第 5 页")
            _title(doc, f"{t.title}（续表）")
            doc.add_paragraph(unit)
            W.add_table(doc, t, fmt, body=t.body[7:], indent="paragraph")
            continue
        doc.add_paragraph(entity)
        doc.add_paragraph(unit)
        if t.kind == "summary":
            # A long table an exporter cut in two, the header repeated on the second.
            W.add_table(doc, t, fmt, serial=True, body=t.body[:20])
            W.page_break(doc)
            W.add_table(doc, t, fmt, serial=True, body=t.body[20:], first=20)
        elif t.kind == "income":
            W.add_table(doc, t, fmt, serial=True)
        elif t.kind == "expenditure":
            W.add_table(doc, t, fmt, header_flag=True)
        elif t.kind == "fiscal_summary":
            table = W.add_table(doc, t, fmt)
            W.run_control(table.rows[4].cells[2].paragraphs[0])
            W.cell_control(table, 3, 1)
            W.block_control(table, "fiscal")
        elif t.kind == "general_budget_basic":
            table = W.add_table(doc, t, fmt)
            W.grid_before(table.rows[2], 1)  # the 合计 line leaves out its empty code cell
            W.grid_after(table.rows[3], 1)  # 工资福利支出 has no 公用经费 cell at all
        elif t.kind == "three_public":
            W.wrap_in_cell(doc, W.add_table(doc, t, fmt))
        else:
            W.add_table(doc, t, fmt)
        if t.note:
            doc.add_paragraph(t.note)


def _unit_tables(doc, unit) -> None:
    fmt = W.money()
    for t in budget_tables(unit, "单位预算"):
        if unit is BUREAU:
            # The entity, year and unit in the table's first row, as some exporters print them.
            _title(doc, t.title)
            meta = [f"{unit.code}{unit.name}"] + [""] * (t.width - 3) + [f"预算年度：{YEAR}", "单位：万元"]
            W.add_table(doc, t, fmt, meta=meta)
        elif t.kind in ("summary", "three_public"):
            W.framed(doc, [t.title, f"单位名称：{unit.code}-{unit.name}", "单位：万元"],
                     lambda cell, t=t: W.add_table(cell, t, fmt))
        else:
            _title(doc, t.title)
            doc.add_paragraph(f"单位名称：{unit.code}-{unit.name}")
            doc.add_paragraph("单位：万元")
            W.add_table(doc, t, fmt)
        if t.note:
            doc.add_paragraph(t.note)


def department_units(path: Path) -> None:
    """部门预算 of 临江区卫生健康局 and the 单位预算 of its two units, in one document."""
    doc = W.new_document()
    W.text_box(doc, f"临江区卫生健康局{YEAR}年部门预算")
    doc.add_heading("第一部分 部门预算情况说明", level=1)
    p = doc.add_paragraph("本部门纳入2024年部门预算编制范围的预算单位共")
    W.revisions(p, "3", "2")
    p.add_run("个，包括局本级和临江区疾病预防控制中心。")
    sections = W.chinese_list(doc)
    for i, (heading, line) in enumerate(zip(("收支预算总体情况", "一般公共预算基本支出情况", "“三公”经费预算情况"),
                                            budget_narrative(DEPARTMENT))):
        W.numbered(doc.add_paragraph(heading), sections)  # 一、二、三、 printed by Word, not in the text
        p = doc.add_paragraph(line)
        if i == 0:
            W.hidden_run(p, "（初稿：支出总计4000.00万元）")
    W.placeholder_control(doc)
    doc.add_heading("第二部分 部门预算表", level=1)
    _department_tables(doc)
    for unit in UNITS:
        W.page_break(doc)
        doc.add_heading(f"{unit.name}{YEAR}年单位预算", level=1)
        for line in budget_narrative(unit):
            doc.add_paragraph(line)
        _unit_tables(doc, unit)
    doc.save(path)


def _merge_sections(table) -> None:
    """公开10表: a section line (一、政府采购情况) spans the table's width."""
    for row in table.rows:
        texts = [c.text for c in row.cells]
        if texts[0][:2] in ("一、", "二、", "三、") and not any(texts[1:]):
            row.cells[0].merge(row.cells[-1])


def final_accounts(path: Path) -> None:
    """The 2023 final account of 临江区卫生健康综合监督执法局, in 元; its text misstates 公务接待费 once."""
    from decimal import Decimal

    e = INSPECTORATE
    doc = W.new_document()
    fmt = W.money(separators=True)
    doc.add_heading(f"{e.name}2023年度单位决算", level=1)
    doc.add_heading("第一部分 单位概况", level=2)
    doc.add_paragraph("主要职能：承担全区卫生健康领域的监督执法工作。本单位为行政单位，无下属预算单位。")
    doc.add_heading("第二部分 2023年度单位决算表", level=2)
    for t in final_tables(e):
        _title(doc, t.title)
        label = doc.add_paragraph(t.label)
        label.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        doc.add_paragraph(f"单位名称：{e.name}")
        doc.add_paragraph("2023年度")
        doc.add_paragraph("金额单位：元")
        table = W.add_table(doc, t, fmt)
        if t.kind == "disclosure_stats":
            _merge_sections(table)
        doc.add_paragraph(t.note or f"注：本表反映单位本年度{t.title.replace('决算', '').rstrip('表')}情况。")
    doc.add_heading("第三部分 2023年度单位决算情况说明", level=2)
    for line in final_narrative(e, wrong_reception=Decimal("16960.00")):
        doc.add_paragraph(line)
    doc.save(path)

