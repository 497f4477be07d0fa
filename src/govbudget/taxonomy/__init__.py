"""The govbudget XBRL taxonomy: where its files are, its namespace, and a taxonomy package for validators.

The taxonomy is unofficial: no Chinese authority publishes an XBRL taxonomy for
department budgets and final accounts. Its files in this folder are generated
from the vocabulary by :mod:`govbudget.taxonomy.build`; :func:`package_bytes`
zips them as an XBRL taxonomy package, so that a validator resolves the
schema's web address offline.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

__all__ = [
    "NAMESPACE",
    "PREFIX",
    "VERSION",
    "BASE_URL",
    "ENTRY_POINT",
    "DIRECTORY",
    "FILES",
    "package_bytes",
]

VERSION = "2026"
NAMESPACE = f"https://govbudget.example/taxonomy/{VERSION}"
PREFIX = "gb"
BASE_URL = NAMESPACE + "/"
SCHEMA_FILE = f"govbudget-{VERSION}.xsd"
ENTRY_POINT = BASE_URL + SCHEMA_FILE
DIRECTORY = Path(__file__).resolve().parent
FILES = (
    SCHEMA_FILE,
    f"govbudget-{VERSION}-lab-zh.xml",
    f"govbudget-{VERSION}-lab-en.xml",
    f"govbudget-{VERSION}-pre.xml",
    f"govbudget-{VERSION}-def.xml",
    "META-INF/taxonomyPackage.xml",
    "META-INF/catalog.xml",
)
PACKAGE_FOLDER = f"govbudget-taxonomy-{VERSION}"
# A fixed time for every zip entry: the same files always give the same package.
DEFAULT_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def package_bytes() -> bytes:
    """The taxonomy as a taxonomy package (a zip with ``META-INF/catalog.xml``), byte for byte reproducible."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in FILES:
            info = zipfile.ZipInfo(f"{PACKAGE_FOLDER}/{name}", date_time=DEFAULT_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, (DIRECTORY / name).read_bytes())
    return buf.getvalue()
