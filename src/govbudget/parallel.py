"""One job per file in worker processes: results in the order of the inputs; a dead worker fails only its file.

A worker killed for memory, or crashing inside a library, breaks the whole
process pool. The job that reported the break runs again in a process of its
own, so that only a job that kills its process fails (``died`` says how); the
others are resubmitted to a fresh pool. At most ``DEFAULT_QUEUED`` jobs per
worker are submitted ahead, so memory stays bounded whatever the number of files.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Callable, Iterable, Iterator, TypeVar

__all__ = ["in_order", "workers", "DEFAULT_QUEUED"]

DEFAULT_QUEUED = 3  # jobs per worker submitted ahead of the result being waited for

J = TypeVar("J")
R = TypeVar("R")


def workers(jobs: int) -> int:
    """The number of worker processes for ``--jobs``: 0 means one per processor."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def in_order(func: Callable[[J], R], items: Iterable[J], processes: int, died: Callable[[J], R]) -> Iterator[R]:
    """``func`` of each item, in the items' order, from ``processes`` worker processes (1: in this process).

    ``func`` and the items must be picklable (``func`` a module-level function).
    """
    items = list(items)
    if processes <= 1 or len(items) < 2:
        yield from map(func, items)
        return
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    processes = min(processes, len(items))
    pool = _pool(processes)
    pending: deque[tuple[J, Future]] = deque()
    rest = iter(items)
    try:
        while True:
            while len(pending) < processes * DEFAULT_QUEUED:
                try:
                    item = next(rest)
                except StopIteration:
                    break
                pending.append((item, _submit(pool, func, item)))
            if not pending:
                return
            item, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = _pool(processes)
                # Results that came in before the break stand; the rest runs again in the new pool.
                pending = deque((i, f if f.done() and not _broken(f) else _submit(pool, func, i)) for i, f in pending)
                result = _alone(func, item, died)
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(processes: int):
    """A process pool whose workers do not inherit this process's threads.

    Forking a process that runs threads (the pool's own, or a caller's) can deadlock
    the child; a fork server (POSIX) or fresh interpreters (elsewhere) cannot.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context(method))


def _submit(pool, func: Callable, item):
    """``pool.submit``; a pool that broke since the last result gives a future holding the break."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(func, item)
    except BrokenProcessPool as err:
        future: Future = Future()
        future.set_exception(err)
        return future


def _broken(future) -> bool:
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(future.exception(), BrokenProcessPool)


def _alone(func: Callable[[J], R], item: J, died: Callable[[J], R]) -> R:
    from concurrent.futures.process import BrokenProcessPool

    with _pool(1) as pool:
        try:
            return pool.submit(func, item).result()
        except BrokenProcessPool:
            return died(item)
