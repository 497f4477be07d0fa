"""A small budget workbook whose stored numbers and number formats disagree, as hand-kept workbooks do.

三公 figures stored with a third decimal place but shown with two; a 基本支出 table
kept in 元 and shown in 千元 by a scaling format (``#,##0.0,``); an accounting
format that prints a zero as a dash; a negative in parentheses; an error value
where a figure should be; a figure outside the print area; a date and a percent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from .excel import _stamp, caption_row, title_row

ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '


def number_formats(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "表1"
    title_row(ws, 1, "单位预算一般公共预算“三公”经费支出表", 6)
    caption_row(ws, 2, ["单位名称：301003-临江区妇幼保健院", "预算年度：2024", "单位：万元"], 6)
    ws.append(["合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"])
    ws.append([None, None, "小计", "公务用车购置费", "公务用车运行费", None])
    for rng in ("A3:A4", "B3:B4", "C3:E3", "F3:F4"):
        ws.merge_cells(rng)
    # Stored with more places than shown: 18.504 shows 18.50 and 6.796 shows 6.80; the total is a float sum.
    ws.append([18.504 + 6.796, 0, 18.504, 0, 18.504, 6.796])
    for cell in ws[5]:
        cell.number_format = "0.00"
    ws["B5"].number_format = ACCOUNTING  # a zero printed as a dash
    ws["D5"].number_format = ACCOUNTING
    ws["H5"] = 99.5  # a working figure outside the print area
    ws.print_area = "A1:F5"

    ws = wb.create_sheet("表2")
    title_row(ws, 1, "单位预算一般公共预算基本支出表", 5)
    caption_row(ws, 2, ["单位名称：301003-临江区妇幼保健院", "预算年度：2024", "单位：千元"], 5)
    ws.append(["科目编码", "科目名称", "合计", "人员经费", "公用经费"])
    rows = [("", "合计", 1502100, 1201000, 301100), ("301", "工资福利支出", 1201000, 1201000, None),
            ("30101", "基本工资", 700400, 700400, None), ("30102", "津贴补贴", 500600, 500600, None),
            ("302", "商品和服务支出", 301100, None, 301100), ("30201", "办公费", 180000, None, 180000),
            ("30211", "差旅费", 121100, None, 121100), ("30299", "其他商品和服务支出", "#DIV/0!", None, "#DIV/0!")]
    for row in rows:
        ws.append(list(row))
    for r in range(4, 4 + len(rows)):
        for c in "CDE":
            ws[f"{c}{r}"].number_format = "#,##0.0,"  # 元 stored, 千元 shown
    ws.append(["", "调整数", -12300, None, None])
    ws.cell(row=ws.max_row, column=3).number_format = "#,##0.0,;(#,##0.0,)"

    ws = wb.create_sheet("说明")
    ws.append(["编制日期"])
    ws.append([dt.date(2024, 1, 15)])
    ws.append(["预算执行率", 0.9543])
    ws["B3"].number_format = "0.00%"
    _stamp(wb)
    wb.save(path)
