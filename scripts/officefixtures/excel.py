"""Printed tables into Excel workbooks: one table per sheet or several stacked, as budget offices lay them out.

Figures go in as numbers with a ``#,##0.00`` format, as text with thousands
separators, or as formulas whose values LibreOffice stores when it saves the
file; merged header cells, hidden rows, columns and sheets and a print area
come from openpyxl.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .figures import BUREAU, CDC, DEPARTMENT, INSPECTORATE, Printed, budget_tables
from .final import final_tables

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MONEY = "#,##0.00"
YEAR = 2024


def _cell(ws, r: int, c: int, value, *, bold: bool = False, number: bool = False, box: bool = True) -> None:
    cell = ws.cell(row=r, column=c, value=value)
    if box:
        cell.border = BOX
    cell.alignment = Alignment(horizontal="right" if number else "center" if bold else "left",
                               vertical="center", wrap_text=bold)
    if bold:
        cell.font = Font(bold=True)
    if number:
        cell.number_format = MONEY


def title_row(ws, r: int, text: str, width: int) -> None:
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    cell = ws.cell(row=r, column=1, value=text)
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(horizontal="center")
    ws.row_dimensions[r].height = 24


def caption_row(ws, r: int, texts: list[str], width: int) -> None:
    """Captions spread over a row: the first at the left, the last at the right edge, any other in the middle."""
    places = [1, width] if len(texts) == 2 else [1, max(2, width // 2), width][:len(texts)]
    for c, text in zip(places, texts):
        ws.cell(row=r, column=c, value=text)


def write_table(ws, top: int, t: Printed, *, numbers: str = "number", sum_rows: dict[int, list[int]] | None = None,
                ) -> int:
    """Write header, 栏次 row and body from row ``top``; returns the first row after the table.

    ``numbers`` is ``number`` or ``text`` (thousands separators); ``sum_rows`` maps a body row to
    the body rows its figures are the sum of, written as formulas.
    """
    for r, row in enumerate(t.header):
        for c, text in enumerate(row):
            _cell(ws, top + r, c + 1, text or None, bold=True)
    for r0, c0, r1, c1 in t.merges:
        ws.merge_cells(start_row=top + r0, start_column=c0 + 1, end_row=top + r1, end_column=c1 + 1)
    r = top + len(t.header)
    if t.marker:
        for c, text in enumerate(t.marker):
            _cell(ws, r, c + 1, text or None)
        r += 1
    first = r
    for i, row in enumerate(t.body):
        for c, value in enumerate(row):
            if isinstance(value, Decimal):
                parts = (sum_rows or {}).get(i)
                if parts is not None:
                    col = get_column_letter(c + 1)
                    _cell(ws, r, c + 1, "=" + "+".join(f"{col}{first + k}" for k in parts), number=True)
                elif numbers == "text":
                    _cell(ws, r, c + 1, f"{value:,.2f}", number=False)
                else:
                    _cell(ws, r, c + 1, float(value), number=True)
            else:
                _cell(ws, r, c + 1, value or None)
        r += 1
    for c in range(t.width):
        # Wide enough for the longest label (a CJK character takes two widths).
        longest = max((len(str(row[c])) for row in t.body if isinstance(row[c], str)), default=0)
        letter = get_column_letter(c + 1)
        wanted = min(40, max(14, 2 * longest + 2))
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, wanted)
    return r


def _class_rows(t: Printed) -> list[int]:
    """Body rows of 3-digit codes (the classes a 合计 line sums)."""
    code = 0 if t.header and t.header[0][0] in ("科目编码", "功能分类科目", "经济分类科目") else None
    return [i for i, row in enumerate(t.body) if code is not None and isinstance(row[code], str)
            and len(row[code]) == 3]


def department(path: Path) -> None:
    """部门预算 of 临江区卫生健康局 one table a sheet, its units' tables stacked on a sheet each."""
    wb = Workbook()
    wb.remove(wb.active)
    entity = "部门名称：301-临江区卫生健康局"
    for n, t in enumerate(budget_tables(DEPARTMENT, "部门预算"), start=1):
        sheet_title = t.title if t.kind == "general_budget_expenditure" else f"表{n}"
        ws = wb.create_sheet(sheet_title)
        top = 1
        if t.kind == "general_budget_expenditure":
            caption_row(ws, 1, [entity, "单位：万元"], t.width)  # the sheet's name is its only title
            top = 2
        else:
            title_row(ws, 1, t.title, t.width)
            caption_row(ws, 2, [entity, f"预算年度：{YEAR}", "单位：万元"], t.width)
            top = 3
        if t.kind == "summary":
            end = _summary_with_formulas(ws, top, t)
        elif t.kind == "income":
            end = write_table(ws, top, t, numbers="text")
        elif t.kind == "expenditure":
            end = write_table(ws, top, t, sum_rows={0: _class_rows(t)})
            _working_column(ws, top + len(t.header), end, t.width + 1)
            _draft_row(ws, end)
            end += 1
        else:
            end = write_table(ws, top, t)
        if t.kind == "general_budget_basic":
            ws.cell(row=top, column=t.width + 2, value="备注")
            ws.cell(row=top + 2, column=t.width + 2, value=123.45)
            ws.print_area = f"A1:{get_column_letter(t.width)}{end}"
        if t.note:
            ws.cell(row=end, column=1, value=t.note)
    draft = wb.create_sheet("底稿")
    draft.append(["科目", "测算数"])
    draft.append(["人员经费测算", 2462.38])
    draft.sheet_state = "hidden"
    for unit, gap in ((BUREAU, 1), (CDC, 0)):
        ws = wb.create_sheet(f"单位预算-{unit.code}")
        top = 1
        for t in budget_tables(unit, "单位预算"):
            title_row(ws, top, t.title, t.width)
            caption_row(ws, top + 1, [f"单位名称：{unit.code}-{unit.name}", "单位：万元"], t.width)
            top = write_table(ws, top + 2, t)
            if t.note:
                ws.cell(row=top, column=1, value=t.note)
                top += 1
            top += gap  # a blank row between the tables, or none: the next title row ends the table
    _stamp(wb)
    wb.save(path)


def _summary_with_formulas(ws, top: int, t: Printed) -> int:
    """收支总表 whose 合计 and 总计 lines are formulas over the lines above them."""
    n = len(t.body)
    current, carry, grand = n - 3, n - 2, n - 1
    end = write_table(ws, top, t)
    first = top + len(t.header) + (1 if t.marker else 0)
    for col, lines in (("B", range(0, 9)), ("D", range(0, current))):
        ws[f"{col}{first + current}"] = f"=SUM({col}{first + lines[0]}:{col}{first + lines[-1]})"
        ws[f"{col}{first + grand}"] = f"={col}{first + current}+{col}{first + carry}"
        for r in (current, grand):
            ws[f"{col}{first + r}"].number_format = MONEY
    return end


def _working_column(ws, first: int, end: int, col: int) -> None:
    """A hidden check column (合计 - 基本 - 项目) as budget offices keep beside a table."""
    letter = get_column_letter(col)
    ws.cell(row=first - 1, column=col, value="校验")
    for r in range(first, end):
        ws.cell(row=r, column=col, value=f"=C{r}-D{r}-E{r}")
    ws.column_dimensions[letter].hidden = True


def _draft_row(ws, before: int) -> None:
    """A hidden draft line under the table, holding a figure that is not printed."""
    ws.cell(row=before, column=1, value="2100199")
    ws.cell(row=before, column=2, value="其他卫生健康管理事务支出（草稿）")
    ws.cell(row=before, column=3, value=88.88)
    ws.row_dimensions[before].hidden = True


def final_accounts(path: Path) -> None:
    """The ten 公开表 of the final account, one sheet each named 公开NN表, in 元."""
    wb = Workbook()
    wb.remove(wb.active)
    for t in final_tables(INSPECTORATE):
        ws = wb.create_sheet(t.label)
        title_row(ws, 1, t.title, t.width)
        ws.cell(row=2, column=t.width, value=t.label)
        caption_row(ws, 3, [f"部门名称：{INSPECTORATE.name}", "2023年度", "金额单位：元"], t.width)
        end = write_table(ws, 4, t)
        note = t.note or f"注：本表反映单位本年度{t.title.replace('决算', '').rstrip('表')}情况。"
        ws.cell(row=end, column=1, value=note)
    _stamp(wb)
    wb.save(path)


def _stamp(wb) -> None:
    """Fixed document properties, so that the files come out the same on every run; pages fit their width."""
    import datetime as dt

    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0

    when = dt.datetime(2024, 1, 15, 9, 0, 0)
    wb.properties.creator = wb.properties.lastModifiedBy = "临江区财政局"
    wb.properties.created = wb.properties.modified = when

