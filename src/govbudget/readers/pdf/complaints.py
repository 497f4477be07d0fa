"""What pdfminer says, while a file is read, about content it had to skip.

pdfminer reads around damage: an operator with broken operands, a stream that
does not inflate, an object missing from the cross-reference table. It logs a
warning and goes on, so a page can come out with figures missing and nothing
raised. Its ``pdfminer`` logger is listened to while a file is read; what it
says becomes a finding on the page being read (or on the file), instead of
lines on stderr that nobody ties to a figure.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["Complaints", "listening"]


class Complaints(logging.Handler):
    """The warnings pdfminer logs in this thread, kept until taken."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._thread = threading.get_ident()  # another thread may be reading another file
        self._messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self._thread:
            return
        try:
            self._messages.append(record.getMessage())
        except Exception:  # a record whose arguments do not fit its message
            self._messages.append(str(record.msg))

    def take(self) -> list[str]:
        """The messages since the last call, oldest first."""
        taken, self._messages = self._messages, []
        return taken


@contextmanager
def listening() -> Iterator[Complaints]:
    """Collect pdfminer's warnings for the duration of the block."""
    handler = Complaints()
    logger = logging.getLogger("pdfminer")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
