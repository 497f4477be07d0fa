"""``python -m govbudget.taxonomy [OUT.zip]``: write the taxonomy package a validator needs to check our instances."""

from __future__ import annotations

import sys

from .._atomic import atomic_write
from ..errors import GovbudgetError
from . import PACKAGE_FOLDER, package_bytes

DEFAULT_OUTPUT = f"{PACKAGE_FOLDER}.zip"


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print("usage: python -m govbudget.taxonomy [OUT.zip]", file=sys.stderr)
        return 2
    target = argv[0] if argv else DEFAULT_OUTPUT
    try:
        atomic_write(target, package_bytes())
    except GovbudgetError as err:
        print(f"govbudget: error: {err}", file=sys.stderr)
        return 5
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
