"""Output files written whole or not at all: a temporary file renamed into place."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from .errors import OutputError

__all__ = ["atomic_write", "atomic_open"]


def atomic_write(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; a reader never sees a half-written file."""
    with atomic_open(path) as fh:
        fh.write(data)
    return Path(path)


@contextmanager
def atomic_open(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: renamed into place when the block ends, removed if it fails."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError("the output folder does not exist", path=target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private; the output gets the usual permissions instead.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as err:
        _remove(tmp)
        raise OutputError(f"cannot write: {err.strerror or err}", path=target) from err
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
