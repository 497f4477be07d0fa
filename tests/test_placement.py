"""Placing figures whose column positions were lost, by the disclosure's own sums."""

from __future__ import annotations

from decimal import Decimal as D

from govbudget.grid import GridCell
from govbudget.provenance import Provenance
from govbudget.recognise.placement import Hints, Pending, options_for, resolve, three_public_options

P = Provenance("x.txt")


def pending(key: str, *figures: str, measures: tuple[str, ...] = ("total", "basic", "project")) -> Pending:
    return Pending(key, key, tuple(GridCell(f, P) for f in figures), measures, P)


def test_a_full_row_has_one_reading() -> None:
    assert options_for(pending("fn:208", "10", "6", "4")) == [{"total": D(10), "basic": D(6), "project": D(4)}]


def test_a_row_that_breaks_its_own_identity_has_no_reading() -> None:
    assert options_for(pending("fn:208", "10", "3")) == []


def test_two_equal_figures_leave_two_readings() -> None:
    assert options_for(pending("fn:201", "5", "5")) == [{"total": D(5), "basic": D(5)}, {"total": D(5), "project": D(5)}]


def test_the_family_sums_decide() -> None:
    known = {"item:total": {"total": D(15), "basic": D(10), "project": D(5)},
             "fn:208": {"total": D(10), "basic": D(10)}}
    options = {"fn:201": options_for(pending("fn:201", "5", "5"))}
    resolve(known, options)
    assert options["fn:201"] == [{"total": D(5), "project": D(5)}]


def test_decisions_flow_down_the_hierarchy() -> None:
    known = {"item:total": {"total": D(8), "basic": D(3), "project": D(5)}, "fn:208": {"total": D(3), "basic": D(3)}}
    options = {key: options_for(pending(key, "5", "5")) for key in ("fn:201", "fn:20101", "fn:2010101")}
    resolve(known, options)
    assert all(o == [{"total": D(5), "project": D(5)}] for o in options.values())


def test_an_undecidable_family_keeps_every_reading() -> None:
    known = {"item:total": {"total": D(10), "basic": D(5), "project": D(5)}}
    options = {key: options_for(pending(key, "5", "5")) for key in ("fn:201", "fn:208")}
    resolve(known, options)
    assert len(options["fn:201"]) == len(options["fn:208"]) == 2


def test_hints_from_other_tables_narrow_the_readings() -> None:
    income = ("total", "fiscal", "business", "other")
    p = pending("fn:201", "5", "5", measures=income)
    assert len(options_for(p)) == 3
    assert options_for(p, Hints(zero=frozenset({"business", "other"}))) == [{"total": D(5), "fiscal": D(5)}]
    summary = ("total", "personnel", "public_funds", "project")
    q = pending("fn:212", "10", "4", "6", measures=summary)
    assert options_for(q, Hints(values={"fn:212": {"basic": D(4)}})) == [
        {"total": D(10), "personnel": D(4), "project": D(6)}, {"total": D(10), "public_funds": D(4), "project": D(6)}]
    assert options_for(q, Hints(limits={"fn:212": {"project": D(5)}})) == [
        {"total": D(10), "personnel": D(4), "public_funds": D(6)}]
    # Hints that rule out every reading are set aside: the disagreement is for validation.
    assert len(options_for(q, Hints(values={"fn:212": {"project": D(1)}}))) == 3


def test_three_public_row_placed_only_when_the_sums_decide() -> None:
    items = ["total", "outbound", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"]
    cells = [GridCell(t, P) for t in ("8.53", "1.53", "7", "7")]
    readings = three_public_options(cells, items)
    assert len(readings) == 4  # 1.53 outbound or reception, 7 purchase or operation
    cells = [GridCell(t, P) for t in ("10", "1", "2", "3", "4")]
    (reading,) = three_public_options(cells, items)
    assert [(item, gc.text) for item, gc in reading] == [
        ("total", "10"), ("outbound", "1"), ("reception", "2"), ("vehicle_purchase", "3"), ("vehicle_operation", "4")]
