"""The Word reader: the XML walked once into paragraphs and expanded tables, then the fixtures end to end."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES
from ooxml import docx, p, simple, tbl, tc, tr

import govbudget
from govbudget.errors import InputError
from govbudget.grid import GridTable, Paragraph
from govbudget.readers import docx as docx_reader

OFFICE = FIXTURES / "office"


def read(tmp_path: Path, body: str, **kw):
    return docx_reader.read(docx(tmp_path / "t.docx", body, **kw))


def tables(doc) -> list[GridTable]:
    return [b for b in doc.blocks if isinstance(b, GridTable)]


def texts(table: GridTable) -> list[list[str]]:
    return [row.texts for row in table.rows]


def origins(table: GridTable) -> list[list[tuple[int, int] | None]]:
    return [[c.merged_from for c in row.cells] for row in table.rows]


# -- merged cells ------------------------------------------------------------------


def test_spans_and_vertical_merges_expand_to_every_grid_position(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("序号", vmerge="restart"), tc("收入", span=2), tc("支出", span=2)),
        tr(tc(vmerge="continue"), tc("项目"), tc("预算数"), tc("项目"), tc("预算数")),
        tr(tc("1"), tc("一、一般公共预算拨款收入"), tc("3659.22"), tc("一、一般公共服务支出"), tc("")),
        cols=5)
    (t,) = tables(read(tmp_path, body))
    assert texts(t) == [["序号", "收入", "", "支出", ""],
                        ["", "项目", "预算数", "项目", "预算数"],
                        ["1", "一、一般公共预算拨款收入", "3659.22", "一、一般公共服务支出", ""]]
    assert origins(t) == [[None, None, (0, 1), None, (0, 3)],
                          [(0, 0), None, None, None, None],
                          [None] * 5]


def test_a_vertical_merge_covers_exactly_its_continuation_rows(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("合计", vmerge="restart"), tc("a")),
        tr(tc(vmerge=""), tc("b")),  # a bare <w:vMerge/> continues
        tr(tc(vmerge="continue"), tc("c")),
        tr(tc("x"), tc("d")),  # no vMerge: the merge has ended
        tr(tc("y", vmerge="restart"), tc("e")),
        tr(tc(vmerge="continue"), tc("f")),
        cols=2)
    (t,) = tables(read(tmp_path, body))
    assert [row[0] for row in origins(t)] == [None, (0, 0), (0, 0), None, None, (4, 0)]
    assert [row[0] for row in texts(t)] == ["合计", "", "", "x", "y", ""]


def test_a_continuation_with_nothing_above_is_a_cell_of_its_own(tmp_path: Path) -> None:
    body = tbl(tr(tc("a", vmerge="continue"), tc("b")), tr(tc(vmerge="continue"), tc("c")), cols=2)
    (t,) = tables(read(tmp_path, body))
    assert origins(t) == [[None, None], [(0, 0), None]]
    assert texts(t)[0] == ["a", "b"]


def test_a_vertical_merge_of_a_spanning_cell_covers_all_its_columns(tmp_path: Path) -> None:
    body = tbl(tr(tc("公务用车购置及运行费", span=2, vmerge="restart"), tc("公务接待费")),
               tr(tc(span=2, vmerge="continue"), tc("1.00")), cols=3)
    (t,) = tables(read(tmp_path, body))
    assert origins(t) == [[None, (0, 0), None], [(0, 0), (0, 0), None]]


def test_grid_before_and_after_place_cells_in_their_true_columns(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("科目编码"), tc("科目名称"), tc("合计"), tc("人员经费")),
        tr(tc("合计"), tc("2791.92"), tc("2462.38"), before=1),  # the empty code cell left out
        tr(tc("301"), tc("工资福利支出"), tc("2462.38"), after=1),
        tr(tc("2"), tc("3"), before=2, after=0),
        cols=4)
    (t,) = tables(read(tmp_path, body))
    assert texts(t) == [["科目编码", "科目名称", "合计", "人员经费"],
                        ["", "合计", "2791.92", "2462.38"],
                        ["301", "工资福利支出", "2462.38", ""],
                        ["", "", "2", "3"]]
    assert all(c.merged_from is None for row in t.rows for c in row.cells)


def test_a_vertical_merge_continues_under_a_row_indented_by_grid_before(tmp_path: Path) -> None:
    body = tbl(tr(tc("a"), tc("合计", vmerge="restart")), tr(tc(vmerge="continue"), before=1), cols=2)
    (t,) = tables(read(tmp_path, body))
    assert origins(t) == [[None, None], [None, (0, 1)]]


def test_legacy_horizontal_merge(tmp_path: Path) -> None:
    body = tbl(tr(tc("本年收入", extra='<w:hMerge w:val="restart"/>'), tc(extra="<w:hMerge/>"), tc("上年结转")),
               cols=3)
    (t,) = tables(read(tmp_path, body))
    assert origins(t) == [[None, (0, 0), None]]


def test_the_table_grid_sets_the_width(tmp_path: Path) -> None:
    (t,) = tables(read(tmp_path, tbl(tr(tc("a"), tc("b")), cols=4)))
    assert texts(t) == [["a", "b", "", ""]]


# -- what is printed ---------------------------------------------------------------


def test_content_controls_are_read_through_at_every_level(tmp_path: Path) -> None:
    def sdt(content: str) -> str:
        return f'<w:sdt><w:sdtPr><w:tag w:val="x"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'

    run = sdt('<w:r><w:t>收支总表</w:t></w:r>')
    table = tbl(tr(tc("a"), sdt(tc("b"))), sdt(tr(tc("c"), tc("d"))), cols=2)
    body = sdt(p(runs=f"<w:r><w:t>部门预算</w:t></w:r>{run}") + table)
    doc = read(tmp_path, body)
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["部门预算收支总表"]
    assert texts(tables(doc)[0]) == [["a", "b"], ["c", "d"]]


def test_a_content_control_showing_its_prompt_is_not_read(tmp_path: Path) -> None:
    body = (p("标题") + '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
            + p("单击或点击此处输入文字。") + "</w:sdtContent></w:sdt>")
    doc = read(tmp_path, body)
    assert [b.text for b in doc.blocks] == ["标题"]


def test_hidden_deleted_and_moved_text_is_not_read_inserted_text_is(tmp_path: Path) -> None:
    runs = ('<w:r><w:t>共</w:t></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（初稿：9999.99万元）</w:t></w:r>'
            '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>有</w:t></w:r>'
            '<w:del w:id="1" w:author="a"><w:r><w:delText>3</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>2</w:t></w:r></w:ins>'
            '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
            '<w:r><w:t>个</w:t></w:r>')
    doc = read(tmp_path, p(runs=runs))
    assert [b.text for b in doc.blocks] == ["共有2个"]


def test_a_text_box_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    box = '<w:txbxContent>' + p("临江区卫生健康局2024年部门预算") + '</w:txbxContent>'
    runs = ('<w:r><w:t>封面</w:t></w:r><w:r><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')
    doc = read(tmp_path, p(runs=runs) + p("正文"))
    assert [b.text for b in doc.blocks] == ["封面", "临江区卫生健康局2024年部门预算", "正文"]


def test_manual_line_breaks_make_separate_lines_and_tabs_spaces(tmp_path: Path) -> None:
    runs = '<w:r><w:t>部门预算收支总表</w:t><w:br/><w:t>单位：</w:t><w:tab/><w:t>万元</w:t></w:r>'
    doc = read(tmp_path, p(runs=runs))
    assert [b.text for b in doc.blocks] == ["部门预算收支总表", "单位： 万元"]
    assert {b.provenance.line for b in doc.blocks} == {1}


def test_cell_paragraphs_join_like_wrapped_lines(tmp_path: Path) -> None:
    cell = tc(content=p("上解上级") + p("支出"))
    latin = tc(content=p("Total") + p("amount"))
    (t,) = tables(read(tmp_path, tbl(tr(cell, latin), cols=2)))
    assert texts(t) == [["上解上级支出", "Total amount"]]


def test_heading_levels_from_styles_and_outline_levels(tmp_path: Path) -> None:
    styles = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Title2"><w:name w:val="部分标题"/>'
              '<w:basedOn w:val="Heading2x"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2x"><w:name w:val="x"/>'
              '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文"/>'
              '<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>')
    body = (p("一", props='<w:pStyle w:val="Heading1"/>') + p("二", props='<w:pStyle w:val="Title2"/>')
            + p("三", props='<w:outlineLvl w:val="2"/>') + p("四", props='<w:pStyle w:val="Body"/>')
            + p("五", props='<w:pStyle w:val="Missing"/>'))
    doc = read(tmp_path, body, styles=styles)
    assert [(b.text, b.level) for b in doc.blocks] == [("一", 1), ("二", 2), ("三", 3), ("四", 0), ("五", 0)]


# -- nested and layout tables --------------------------------------------------------


def test_a_table_alone_in_a_one_cell_table_is_read_as_itself(tmp_path: Path) -> None:
    inner = simple([["合计", "公务接待费"], ["7.00", "1.00"]])
    body = tbl(tr(tc(content=inner + p())), cols=1)
    (t,) = tables(read(tmp_path, body))
    assert texts(t) == [["合计", "公务接待费"], ["7.00", "1.00"]]


def test_a_layout_table_gives_its_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    inner = simple([["合计", "公务接待费"], ["7.00", "1.00"]])
    body = tbl(tr(tc(content=p("“三公”经费支出表") + p("单位：万元"))), tr(tc(content=inner + p())), cols=1)
    doc = read(tmp_path, body)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "GridTable"]
    assert texts(doc.blocks[2]) == [["合计", "公务接待费"], ["7.00", "1.00"]]
    assert doc.blocks[2].provenance.table == 1


def test_a_table_inside_a_cell_of_a_table_with_figures_is_read_as_text_and_noted(tmp_path: Path) -> None:
    inner = simple([["其中", "3.00"]])
    body = tbl(tr(tc("合计"), tc("7.00")), tr(tc("说明"), tc(content=p("见下") + inner)), cols=2)
    doc = read(tmp_path, body)
    (t,) = tables(doc)
    assert texts(t) == [["合计", "7.00"], ["说明", "见下其中3.00"]]
    (f,) = doc.findings
    assert f.code == "docx.nested_table" and "1 table inside cells of table 1" in f.message


def test_empty_tables_are_left_out_and_tables_numbered_in_order(tmp_path: Path) -> None:
    body = simple([["", ""]]) + p("a") + simple([["x", "1.00"]]) + simple([["y", "2.00"]])
    doc = read(tmp_path, body)
    assert [t.provenance.table for t in tables(doc)] == [1, 2]
    assert tables(doc)[1].rows[0].cells[1].provenance.describe() == "t.docx table 2 row 1 col 2"


def test_every_cell_keeps_file_table_row_and_column(tmp_path: Path) -> None:
    body = p("标题") + simple([["a", "b"], ["c", "d"]])
    (t,) = tables(read(tmp_path, body))
    got = [(c.provenance.file, c.provenance.table, c.provenance.row, c.provenance.column)
           for row in t.rows for c in row.cells]
    assert got == [("t.docx", 1, 0, 0), ("t.docx", 1, 0, 1), ("t.docx", 1, 1, 0), ("t.docx", 1, 1, 1)]


def test_the_main_part_is_found_through_the_package_relationships(tmp_path: Path) -> None:
    doc = docx_reader.read(docx(tmp_path / "t.docx", p("正文"), main="word/document2.xml"))
    assert [b.text for b in doc.blocks] == ["正文"]


def test_an_imported_part_is_reported(tmp_path: Path) -> None:
    doc = read(tmp_path, p("正文") + '<w:altChunk r:id="rId9"/>')
    assert [f.code for f in doc.findings] == ["docx.embedded_part"]


def test_a_document_without_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"t\.docx: the document has no text"):
        read(tmp_path, p() + simple([["", ""]]))


# -- the fixtures --------------------------------------------------------------------


@pytest.fixture(scope="module")
def department() -> govbudget.Disclosure:
    return govbudget.read(OFFICE / "department_units.docx")


def test_the_department_and_its_units_are_three_reports(department: govbudget.Disclosure) -> None:
    got = [(r.entity, r.entity_code, r.scope.value, r.kind.value, r.year) for r in department.reports]
    assert got == [("临江区卫生健康局", "301", "department", "budget", 2024),
                   ("临江区卫生健康局本级", "301001", "unit", "budget", 2024),
                   ("临江区疾病预防控制中心", "301002", "unit", "budget", 2024)]
    assert all(len(r.tables) == 8 for r in department.reports)


def test_a_table_cut_in_two_with_its_header_repeated_is_one_table(department: govbudget.Disclosure) -> None:
    summary = department.reports[0].table("summary")
    assert summary.row("fn:221").value("amount") == Decimal("169.18")  # in the first Word table
    grand = summary.row("item:expenditure.grand_total")
    assert grand.value("amount") == Decimal("4159.72")
    assert (grand.provenance.table, grand.provenance.row) == (2, 14)  # the second Word table
    # 二十一 … 二十九 print no figure and come after the repeated header: still lines of the table.
    assert [summary.row(k).provenance.table for k in ("fn:222", "fn:227", "fn:233")] == [2, 2, 2]
    assert sum(1 for r in summary.rows if r.key.startswith("fn:")) == 29


def test_a_table_continued_under_a_continued_title_is_one_table(department: govbudget.Disclosure) -> None:
    table = department.reports[0].table("general_budget_expenditure")
    keys = [r.key for r in table.rows]
    assert keys[:3] == ["item:total", "fn:208", "fn:20805"] and keys[-1] == "fn:2210201"
    assert len(keys) == 18
    row = table.row("fn:2100101")  # 行政运行, printed by name only, indented by paragraph format
    assert (row.name, row.value("personnel"), row.provenance.table) == ("行政运行", Decimal("812.36"), 7)


def test_codes_split_over_class_sub_and_item_columns(department: govbudget.Disclosure) -> None:
    table = department.reports[0].table("expenditure")
    assert table.row("fn:2100401").value("total") == Decimal("1388.09")  # with 事业收入 spending
    assert table.row("fn:21004").value("project") == Decimal("525.80")
    assert [c.measure for c in table.columns] == ["total", "basic", "project"]


def test_serial_columns_and_column_number_rows_are_not_values(department: govbudget.Disclosure) -> None:
    income = department.reports[0].table("income")
    assert [c.measure for c in income.columns] == ["total", "current_total", "general_budget", "gov_fund",
                                                   "business", "carryover"]
    assert income.row("item:total").value("carryover") == Decimal("45.00")
    assert not any(c.text in ("栏次", "1", "2") for r in income.rows for c in r.cells)


def test_grid_before_content_controls_and_wrapped_tables(department: govbudget.Disclosure) -> None:
    dept = department.reports[0]
    basic = dept.table("general_budget_basic").row("item:total")
    assert (basic.value("total"), basic.provenance.row) == (Decimal("2791.92"), 2)
    fiscal = dept.table("fiscal_summary").row("item:income.general_budget")
    assert fiscal.value("amount") == Decimal("3659.22")  # a cell inside a content control
    three = dept.table("three_public")
    assert [(r.key, r.value("amount")) for r in three.rows] == [
        ("item:total", Decimal("42.10")), ("item:vehicles", Decimal("31.10")),
        ("item:vehicle_operation", Decimal("31.10")), ("item:reception", Decimal("11.00"))]


def test_the_narrative_is_read_and_agrees_with_the_tables(department: govbudget.Disclosure) -> None:
    said = {(r.key, r.value("amount")) for r in department.reports[0].narrative}
    assert said == {("item:income.grand_total", Decimal("4159.72")),
                    ("item:expenditure.grand_total", Decimal("4159.72")),
                    ("item:basic", Decimal("2791.92")), ("item:personnel", Decimal("2462.38")),
                    ("item:public_funds", Decimal("329.54")), ("item:three_public", Decimal("42.10")),
                    ("item:vehicle_operation", Decimal("31.10")), ("item:reception", Decimal("11.00"))}
    unit = {(r.key, r.value("amount")) for r in department.reports[1].narrative}
    assert ("item:expenditure.grand_total", Decimal("1692.70")) in unit
    assert not [f for f in govbudget.validate(department) if f.code.startswith("narrative")]


def test_text_not_printed_is_not_read() -> None:
    doc = docx_reader.read(OFFICE / "department_units.docx")
    lines = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert lines[0] == "临江区卫生健康局2024年部门预算"  # from the text box, once
    assert "二、一般公共预算基本支出情况" in lines  # 二、 is Word's list number, not in the paragraph's text
    assert "本部门纳入2024年部门预算编制范围的预算单位共2个，包括局本级和临江区疾病预防控制中心。" in lines
    assert not [t for t in lines if "4000.00" in t or "单击或点击" in t]


def test_a_misstated_figure_in_the_text_is_an_error() -> None:
    d = govbudget.read(OFFICE / "final_accounts.docx")
    narrative = [f for f in govbudget.validate(d) if f.code == "narrative.table"]
    assert [(f.row, f.measure, f.expected, f.actual) for f in narrative] == [
        ("item:reception", "actual", "17960", "16960.00")]
    stated = {r.key: r.value("amount") for r in d.reports[0].narrative}
    assert stated["item:expenditure.grand_total"] == Decimal("3171572.77")
    assert stated["item:reception"] == Decimal("16960.00")


def test_a_layout_table_may_hold_text_with_figures(tmp_path: Path) -> None:
    inner = simple([["合计", "公务接待费"], ["7.00", "1.00"]])
    body = tbl(tr(tc(content=p("“三公”经费预算7.00万元，其中公务接待费1.00万元。"))),
               tr(tc(content=inner + p())), cols=1)
    doc = read(tmp_path, body)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "GridTable"]


def test_equation_text_is_read_and_ruby_guides_are_not(tmp_path: Path) -> None:
    math = ('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>≥2</m:t></m:r>'
            '</m:oMath>')
    ruby = ('<w:r><w:ruby><w:rt><w:r><w:t>jīng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>经</w:t></w:r></w:rubyBase>'
            '</w:ruby></w:r>')
    doc = read(tmp_path, p(runs=f"<w:r><w:t>满意度</w:t></w:r>{math}") + p(runs=ruby + "<w:r><w:t>费</w:t></w:r>"))
    assert [b.text for b in doc.blocks] == ["满意度≥2", "经费"]


def test_a_short_bold_or_centred_line_is_a_heading(tmp_path: Path) -> None:
    bold = '<w:r><w:rPr><w:b/></w:rPr><w:t>部门预算收支情况</w:t></w:r>'
    body = (p(runs=bold) + p("临江区卫生健康局2024年部门预算", props='<w:jc w:val="center"/>')
            + p("单位：万元", props='<w:jc w:val="center"/>') + p("第 3 页", props='<w:jc w:val="center"/>')
            + p("2024年收入总计100.00万元。", props='<w:jc w:val="center"/>') + p("普通的一行文字"))
    doc = read(tmp_path, body)
    assert [b.level for b in doc.blocks] == [9, 9, 0, 0, 0, 0]


def test_a_title_set_off_by_formatting_does_not_swallow_the_first_sentence(tmp_path: Path) -> None:
    said = "2024年收入总计100.00万元，支出总计100.00万元，比上年增加1.00万元。"
    table = simple([["项目", "预算数", "项目", "预算数"], ["收入总计", "100.00", "支出总计", "100.00"]])
    path = docx(tmp_path / "t.docx", p("某某局2024年部门预算", props='<w:jc w:val="center"/>') + p(said)
                + p("部门预算收支总表") + p("单位：万元") + table)
    stated = {(r.key, r.value("amount")) for r in govbudget.read(path).reports[0].narrative}
    assert stated == {("item:income.grand_total", Decimal("100.00")),
                      ("item:expenditure.grand_total", Decimal("100.00"))}
