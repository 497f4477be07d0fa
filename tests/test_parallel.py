"""Jobs in worker processes: results in input order, and a worker that dies fails only its own job."""

from __future__ import annotations

import os

import pytest

from govbudget.parallel import DEFAULT_QUEUED, in_order, workers


def _square(n: int) -> int:
    return n * n


def _dies_on_7(n: int) -> int:
    if n == 7:
        os._exit(9)  # as a worker killed for memory would
    return n * n


def _died(n: int) -> int:
    return -n


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_results_come_in_input_order(processes: int) -> None:
    items = list(range(processes * DEFAULT_QUEUED * 3 + 1))  # more than one window of queued jobs
    assert list(in_order(_square, items, processes, _died)) == [n * n for n in items]


def test_a_job_that_kills_its_process_fails_alone() -> None:
    items = list(range(20))
    assert list(in_order(_dies_on_7, items, 2, _died)) == [-7 if n == 7 else n * n for n in items]


def test_two_jobs_that_kill_their_processes_each_fail_alone() -> None:
    def results(items: list[int]) -> list[int]:
        return list(in_order(_dies_on_7, items, 2, _died))

    assert results([7, 1, 7, 2, 3]) == [-7, 1, -7, 4, 9]


def test_no_items_and_one_item() -> None:
    assert list(in_order(_square, [], 4, _died)) == []
    assert list(in_order(_square, [3], 4, _died)) == [9]


def test_jobs_zero_is_one_per_processor() -> None:
    assert workers(0) == (os.cpu_count() or 1)
    assert workers(3) == 3
