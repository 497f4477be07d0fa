"""Files named ``.doc`` or ``.xls`` that hold something else: web pages, RTF, Office 2003 XML, plain text.

Web systems export "Excel" files that are HTML tables and "Word" files that are
web pages (HTML, or MHT: the page and its parts in one MIME message), RTF or
Office 2003 XML. Web pages and text are read as what they are, through the text
reader's HTML tables; RTF and 2003 XML are left to LibreOffice, like a legacy
binary file.
"""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from ..errors import DamagedFileError
from ..grid import SourceDocument
from .text import parse_text
from .textdecode import decode

__all__ = ["what_it_holds", "read_web_page", "DEFAULT_HEAD_BYTES", "WEB_PAGE", "TEXT", "CONVERTIBLE"]

DEFAULT_HEAD_BYTES = 8192  # enough to see a page's first tags or a 2003 XML root's namespace
WEB_PAGE, TEXT, CONVERTIBLE = "web page", "text", "convertible"
_HTML = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
                   rb"<(?:!doctype\s+html|html|head|body|meta|table|style|title)\b", re.IGNORECASE | re.DOTALL)
_MHT = re.compile(rb"^\s*(?:mime-version|content-type|from|subject|date)\s*:", re.IGNORECASE)
_OFFICE_2003_XML = (b"urn:schemas-microsoft-com:office:spreadsheet", b"schemas.microsoft.com/office/word/2003/wordml")


def what_it_holds(head: bytes) -> str | None:
    """``WEB_PAGE``, ``TEXT``, ``CONVERTIBLE`` (RTF, Office 2003 XML) or None for anything else."""
    body = head.removeprefix(b"\xef\xbb\xbf")
    if body.startswith(b"{\\rtf"):
        return CONVERTIBLE
    if body.lstrip().startswith(b"<?xml") and any(ns in body for ns in _OFFICE_2003_XML):
        return CONVERTIBLE
    if _HTML.match(body) or (_MHT.match(body) and b"text/html" in body.lower()):
        return WEB_PAGE
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Excel saves "Unicode text"
        return TEXT if "\t" in body[: len(body) // 2 * 2].decode("utf-16", "ignore") else None
    if b"\x00" not in body and b"\t" in body and _texty(body):
        return TEXT  # tab-separated lines, as "Export to Excel" writes them
    return None


def _texty(head: bytes) -> bool:
    for codec in ("utf-8", "gb18030"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError as err:
            if err.start > len(head) - 4:  # a character cut at the end of the head
                text = head[: err.start].decode(codec, "ignore")
            else:
                continue
        return sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f") == 0
    return False


def read_web_page(path: Path, name: str) -> SourceDocument:
    """An HTML page, MHT message or tab-separated text into the neutral grid, as the text reader reads it."""
    data = path.read_bytes()
    if _MHT.match(data.removeprefix(b"\xef\xbb\xbf")):
        return parse_text(_html_of_message(data, name), name)
    return parse_text(decode(data, name), name)


def _html_of_message(data: bytes, name: str) -> str:
    """The HTML part of a MIME message (a web page saved as one file)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            try:
                return payload.decode(charset) if charset else decode(payload, name)
            except (LookupError, UnicodeDecodeError):
                return decode(payload, name)
    raise DamagedFileError("a web page saved as one file (MHT) with no HTML part", path=name)
