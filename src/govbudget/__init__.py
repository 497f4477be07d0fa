"""govbudget: Chinese government budget and final-accounts disclosures into exact data.

>>> import govbudget
>>> d = govbudget.read("fixtures/seeds/004_957c36ad5378e025.txt")   # doctest: +SKIP
>>> d.facts()[0].yuan                                                 # doctest: +SKIP
'26730100'
"""

from .api import read, validate, write
from .errors import GovbudgetError
from .model import Cell, Column, Disclosure, Kind, Report, Row, Scope, Table
from .provenance import Finding, Provenance, Severity

__all__ = [
    "read",
    "write",
    "validate",
    "Disclosure",
    "Report",
    "Table",
    "Row",
    "Cell",
    "Column",
    "Scope",
    "Kind",
    "Finding",
    "Provenance",
    "Severity",
    "GovbudgetError",
    "__version__",
]

__version__ = "0.1.0"
