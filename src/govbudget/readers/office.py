"""What the Word and Excel readers share: telling a package from a broken, encrypted or legacy file.

An Office file is checked before a library parses it, so that a user reads why it
cannot be opened (truncated, not an Office package, password-protected, saved as
Strict Open XML) instead of a library's traceback. Legacy binary files (``.doc``,
``.xls``, or one renamed ``.docx``) are converted with LibreOffice when installed;
so are RTF and Office 2003 XML. A ``.xls`` or ``.doc`` that is really a web page
or tab-separated text is read as one (:mod:`.disguised`).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Callable, Iterator

import attrs

from ..errors import DamagedFileError, EmptyInputError, EncryptedFileError, InputError, UnsupportedFormatError
from ..grid import SourceDocument
from ..provenance import Finding, Provenance, Severity
from .disguised import CONVERTIBLE, DEFAULT_HEAD_BYTES, TEXT, WEB_PAGE, read_web_page, what_it_holds

__all__ = [
    "read_package",
    "sniff_ooxml",
    "is_ole",
    "check_package",
    "damaged",
    "convert_legacy",
    "parse_errors",
    "DEFAULT_CONVERT_SECONDS",
    "DEFAULT_MAX_UNPACKED_BYTES",
    "PACKAGE",
    "LEGACY",
    "CONVERTIBLE",
    "WEB_PAGE",
    "TEXT",
]

DEFAULT_CONVERT_SECONDS = 180
# Budget workbooks and documents unpack to a few megabytes; far more is a broken or hostile file.
DEFAULT_MAX_UNPACKED_BYTES = 512 * 2**20
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What check_package finds a file holds, besides the kinds of .disguised.
PACKAGE, LEGACY = "package", "legacy"
# An encrypted OOXML file is an OLE container holding this stream (MS-OFFCRYPTO).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_STRICT = b"purl.oclc.org/ooxml/"


def read_package(path: Path, read: Callable[[Path, str], SourceDocument], *, what: str, prefix: str,
                 target: str, legacy: str) -> SourceDocument:
    """An Office file read by ``read(path, name)``, after :func:`check_package`.

    A legacy binary file (``legacy``: ``Word``, ``Excel``), RTF or 2003 XML is read after
    LibreOffice converts it to ``target``, with a ``file.converted`` finding that says so;
    a web page or tab-separated text by the text reader, with ``file.named_otherwise``.
    """
    path = Path(path)
    holds = check_package(path, path.name, what, prefix)
    if holds == PACKAGE:
        return read(path, path.name)
    if holds in (WEB_PAGE, TEXT):
        doc = read_web_page(path, path.name)
        note = Finding("file.named_otherwise", Severity.INFO,
                       f"named {path.suffix or 'without extension'} but holds "
                       f"{'a web page' if holds == WEB_PAGE else 'tab-separated text'} (as web systems export "
                       f"{legacy} files): read as such", provenance=(Provenance(path.name),))
        return attrs.evolve(doc, findings=(note, *doc.findings))
    with convert_legacy(path, target, path.name) as converted:
        doc = read(converted, path.name)
    kind = f"a legacy binary {legacy} file" if holds == LEGACY else f"{legacy} content saved as RTF or 2003 XML"
    note = Finding("file.converted", Severity.INFO, f"{kind}: read after LibreOffice converted it to .{target}",
                   provenance=(Provenance(path.name),))
    return attrs.evolve(doc, findings=(note, *doc.findings))


def _a(thing: str) -> str:
    """``thing`` with its article: a Word document, an Excel workbook."""
    return f"{'an' if thing[:1].lower() in tuple('aeiou') else 'a'} {thing}"


def parse_errors() -> tuple[type[BaseException], ...]:
    """The exceptions a damaged package makes the parsers raise (lxml imported on first use)."""
    import zlib
    from xml.etree.ElementTree import ParseError  # openpyxl parses some parts with the standard library

    from lxml import etree

    return (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError,
            IndexError, AttributeError, NotImplementedError, ParseError, etree.LxmlError)


def sniff_ooxml(head: bytes, path: Path, part: str) -> bool:
    """A zip package with parts under ``part`` (``word/``, ``xl/``)."""
    if not head.startswith(b"PK\x03\x04"):
        return False
    if part.encode() in head:
        return True
    try:  # the part names may come after a large first entry
        with zipfile.ZipFile(path) as z:
            return any(n.startswith(part) for n in z.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        # A directory zipfile cannot list (cut off, an unknown zip version, names in broken
        # UTF-8): not known by content; the reader chosen by the file's extension says why.
        return False


def is_ole(head: bytes) -> bool:
    """An OLE compound file: a legacy ``.doc`` / ``.xls`` or an encrypted Office file."""
    return head.startswith(_OLE)


def check_package(path: Path, name: str, what: str, prefix: str) -> str:
    """Check an Office file before parsing: what it holds.

    ``PACKAGE`` (an Office Open XML package), ``LEGACY`` (a binary file for LibreOffice
    to convert), ``CONVERTIBLE`` (RTF or Office 2003 XML, likewise), ``WEB_PAGE`` or
    ``TEXT`` (read by the text reader; see :mod:`.disguised`).

    Raises :class:`~govbudget.errors.EncryptedFileError` for a password-protected
    file and :class:`~govbudget.errors.DamagedFileError` for a truncated file, a zip
    that is not a ``what`` (no parts under ``prefix``), a Strict Open XML package
    or one that unpacks to too much.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(DEFAULT_HEAD_BYTES)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=name) from err
    if size == 0:
        raise EmptyInputError("the file is empty", path=name)
    if is_ole(head):
        if _ENCRYPTED_STREAM in path.read_bytes():
            raise EncryptedFileError(
                f"a password-protected {what}: open it, remove the password (File > Info > Protect) and save "
                "it again", path=name)
        return LEGACY
    if not head.startswith(b"PK"):
        holds = what_it_holds(head)
        if holds is None:
            raise DamagedFileError(f"not {_a(what)}: the file is not a zip package (damaged, or another format)",
                                   path=name)
        return holds
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or not any(n.startswith(prefix) for n in names):
                raise DamagedFileError(f"a zip file, but not {_a(what)}: it has no {prefix} parts", path=name)
            if sum(i.file_size for i in infos) > DEFAULT_MAX_UNPACKED_BYTES:
                raise DamagedFileError(
                    f"unpacks to more than {DEFAULT_MAX_UNPACKED_BYTES // 2**20} MiB: not read", path=name)
            rels = z.read("_rels/.rels") if "_rels/.rels" in names else b""
    except zipfile.BadZipFile as err:
        raise DamagedFileError(f"a damaged or truncated {what} (the zip package cannot be opened: {err})",
                               path=name) from err
    except DamagedFileError:
        raise
    except Exception as err:  # OSError, EOFError, zlib.error from a corrupt or cut-off package
        raise DamagedFileError(f"a damaged or truncated {what}: {err}", path=name) from err
    if _STRICT in rels:
        raise DamagedFileError(
            f"{_a(what)} saved as Strict Open XML, which is not read: save it again in the ordinary format "
            f"(Save As \"{'Excel Workbook' if prefix.startswith('xl') else 'Word Document'}\")", path=name)
    return PACKAGE


def damaged(name: str, what: str, err: BaseException) -> DamagedFileError:
    """The error for a package whose parts a parser could not read."""
    detail = str(err).strip() or type(err).__name__
    return DamagedFileError(f"a damaged {what}: {detail}", path=name)


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextlib.contextmanager
def convert_legacy(path: Path, target: str, name: str | None = None) -> Iterator[Path]:
    """A legacy binary file converted to ``target`` (``docx``, ``xlsx``) by LibreOffice, in a temporary folder."""
    name = name or path.name
    office = _office()
    if office is None:
        raise UnsupportedFormatError(
            f"a legacy binary file ({path.suffix or 'no extension'}) and LibreOffice is not installed: convert it "
            f"to .{target} first (for example `soffice --headless --convert-to {target} {path.name}`, "
            f"or Save As .{target} in an office suite)", path=name)
    with tempfile.TemporaryDirectory(prefix="govbudget-") as folder:
        # A copy with a plain name: LibreOffice picks the filter by content, and names its output
        # after the input, which must not collide with the converted file.
        source = Path(folder) / f"input{path.suffix.lower() or '.bin'}"
        shutil.copyfile(path, source)
        out = Path(folder) / "out"
        try:
            done = subprocess.run(
                [office, "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
                 "--convert-to", target, "--outdir", str(out), str(source)],
                capture_output=True, timeout=DEFAULT_CONVERT_SECONDS, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as err:
            raise InputError(f"LibreOffice did not convert it to .{target} within {DEFAULT_CONVERT_SECONDS} s",
                             path=name) from err
        except OSError as err:
            raise InputError(f"LibreOffice could not be run to convert it to .{target}: {err}", path=name) from err
        converted = out / f"input.{target}"
        if not converted.exists():
            said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            detail = f" ({said[-1]})" if said else ""
            raise DamagedFileError(
                f"LibreOffice could not convert it to .{target}: damaged, password-protected or not an office "
                f"file{detail}", path=name)
        yield converted
