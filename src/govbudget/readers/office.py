"""What the Word and Excel readers share: spotting OOXML packages, clear errors, legacy conversion."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Iterator

from ..errors import InputError, UnsupportedFormatError

__all__ = ["sniff_ooxml", "open_zip_error", "convert_legacy", "DEFAULT_CONVERT_SECONDS"]

DEFAULT_CONVERT_SECONDS = 180
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_ooxml(head: bytes, path: Path, part: str) -> bool:
    """A zip package with parts under ``part`` (``word/``, ``xl/``)."""
    if not head.startswith(b"PK\x03\x04"):
        return False
    if part.encode() in head:
        return True
    try:  # the part names may come after a large first entry
        with zipfile.ZipFile(path) as z:
            return any(n.startswith(part) for n in z.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def open_zip_error(path: Path, name: str, what: str, err: BaseException) -> InputError:
    """The reason an Office file cannot be opened, in words a user can act on."""
    try:
        head = path.read_bytes()[:8]
    except OSError as io_err:
        return InputError(f"cannot read: {io_err.strerror or io_err}", path=name)
    if head.startswith(_OLE):
        return InputError(
            f"an encrypted (password-protected) or legacy binary {what}: remove the password, "
            "or save it in the current format (.docx / .xlsx)", path=name)
    if not zipfile.is_zipfile(path):
        return InputError(f"not a {what}: the file is not a zip package (damaged or truncated?)", path=name)
    return InputError(f"a zip file, but not a readable {what}: {err}", path=name)


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextlib.contextmanager
def convert_legacy(path: Path, target: str) -> Iterator[Path]:
    """A legacy ``.doc`` / ``.xls`` converted to ``target`` by LibreOffice, in a temporary folder."""
    office = _office()
    if office is None:
        raise UnsupportedFormatError(
            f"a legacy .{path.suffix.lower().lstrip('.')} file and LibreOffice is not installed: convert it to "
            f".{target} first (for example `soffice --headless --convert-to {target} {path.name}`)", path=path.name)
    with tempfile.TemporaryDirectory(prefix="govbudget-") as folder:
        try:
            subprocess.run(
                [office, "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
                 "--convert-to", target, "--outdir", folder, str(path)],
                capture_output=True, timeout=DEFAULT_CONVERT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise InputError(f"LibreOffice could not convert it to .{target}: {err}", path=path.name) from err
        converted = Path(folder) / f"{path.stem}.{target}"
        if not converted.exists():
            raise InputError(f"LibreOffice could not convert it to .{target} (damaged or encrypted?)",
                             path=path.name)
        yield converted
