"""The canonical model into plain JSON-ready dicts and back, without loss.

Both directions share one configured cattrs converter: figures travel as decimal
strings exactly as ``str(Decimal)`` prints them (``"0.00"`` stays ``"0.00"``),
enums as their values, tuples as lists, and every field is written, ``None`` as
``null``. Reading is strict: a wrong type, a missing or unknown key, or a
document of another schema or a newer version is a :class:`SchemaError` that
names the file and the JSON path of the problem.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from enum import Enum
from typing import Any, Callable, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from .errors import InternalError, SchemaError
from .model import SCHEMA_NAME, SCHEMA_VERSION, Disclosure, Kind, Scope
from .provenance import Provenance, Severity

__all__ = ["unstructure", "structure", "DECIMAL_PATTERN"]

# What ``str(Decimal)`` prints for a finite value: positional, or scientific when
# the exponent is positive or the value very small (``1E+2``, ``1E-7``).
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?(E[+-][0-9]+)?$"
_DECIMAL = re.compile(DECIMAL_PATTERN)
_VERSION = re.compile(r"([0-9]+)\.([0-9]+)")
_MAX_MESSAGES = 5


class _Invalid(ValueError):
    """A JSON value of the wrong kind; the message is shown as is."""


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) <= 40 else "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__  # pragma: no cover - json.loads makes nothing else


# --- writing ---------------------------------------------------------------


def _unstructure_decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise InternalError(f"cannot write the figure {value!r}: only finite decimals are data")
    return str(value)


def _unstructure_bbox(bbox: tuple[float, ...] | None) -> list[float] | None:
    if bbox is None:
        return None
    numbers = [float(x) for x in bbox]
    if len(numbers) != 4 or not all(math.isfinite(x) for x in numbers):
        raise InternalError(f"cannot write the box {bbox!r}: it needs four finite numbers")
    return numbers


# --- reading ---------------------------------------------------------------


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"expected a string, got {_kind(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:  # bool is an int subclass; 12.0 is not an int
        raise _Invalid(f"expected an integer, got {_kind(value)}")
    return value


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Invalid(f"expected a finite number, got {_kind(value)}")
    return float(value)


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise _Invalid(f"expected a decimal string such as \"12.50\", got {_kind(value)}")
    return Decimal(value)


def _structure_bbox(value: object, _: type) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 4:
        raise _Invalid(f"expected a list of 4 numbers, got {_kind(value)}")
    x0, top, x1, bottom = (_structure_float(x, float) for x in value)
    return (x0, top, x1, bottom)


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(t: Any, converter: cattrs.Converter) -> Callable[[object, type], tuple]:
    as_list = list_structure_factory(list[get_args(t)[0]], converter)

    def structure_tuple(value: object, _: type) -> tuple:
        # cattrs would take any iterable, so a string would become a tuple of letters.
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, got {_kind(value)}")
        return tuple(as_list(value, t))

    return structure_tuple


def _enum_hook(t: type[Enum]) -> Callable[[object, type], Enum]:
    values = {m.value: m for m in t}

    def structure_enum(value: object, _: type) -> Enum:
        if isinstance(value, str) and value in values:
            return values[value]
        allowed = ", ".join(repr(v) for v in values)
        raise _Invalid(f"expected one of {allowed}, got {_kind(value)}")

    return structure_enum


def _attrs_hook(cl: type, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    overrides = {"bbox": override(struct_hook=_structure_bbox)} if cl is Provenance else {}
    inner = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True, **overrides)

    def structure_object(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(f"expected an object, got {_kind(value)}")
        return inner(value, cl)

    return structure_object


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_unstructure_hook(
        Provenance,
        make_dict_unstructure_fn(Provenance, conv, bbox=override(unstruct_hook=_unstructure_bbox)),
    )
    # The model's enums subclass str, which cattrs would otherwise pass through as is.
    for enum in (Scope, Kind, Severity):
        conv.register_unstructure_hook(enum, lambda e: e.value)
        conv.register_structure_hook(enum, _enum_hook(enum))
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook)
    return conv


_converter = _make_converter()


def unstructure(disclosure: Disclosure) -> dict[str, Any]:
    """The disclosure as a JSON-ready dict: schema and version, then every field of the model."""
    head: dict[str, Any] = {"schema": SCHEMA_NAME, "version": SCHEMA_VERSION}
    return head | _converter.unstructure(disclosure, Disclosure)


def _describe(exc: BaseException, t: type | None) -> str:
    if isinstance(exc, _Invalid):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown field(s) " + ", ".join(repr(k) for k in sorted(exc.extra_fields))
    return format_exception(exc, t)


def _schema_error(exc: BaseException, path: object) -> SchemaError:
    problems = [m.rpartition(" @ ") for m in cattrs.transform_error(exc, "$", _describe)]
    detail, _, where = problems[0]
    more = [f"{p}: {d}" for d, _, p in problems[1:_MAX_MESSAGES]]
    if more:
        detail += "; also " + "; ".join(more)
    if len(problems) > _MAX_MESSAGES:
        detail += f" (and {len(problems) - _MAX_MESSAGES} more problems)"
    return SchemaError(detail, path=path, where=where)


def _check_header(data: dict[str, Any], path: object) -> None:
    schema = data.get("schema")
    if schema != SCHEMA_NAME:
        found = "no \"schema\" key" if "schema" not in data else f"schema is {schema!r}"
        raise SchemaError(f"not a govbudget disclosure: {found}, expected {SCHEMA_NAME!r}", path=path)
    version = data.get("version")
    ours = _VERSION.fullmatch(SCHEMA_VERSION)
    assert ours is not None
    theirs = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if theirs is None:
        found = "no \"version\" key" if "version" not in data else f"version is {_kind(version)}"
        raise SchemaError(f"{found}, expected a version string such as {SCHEMA_VERSION!r}", path=path)
    major, minor = int(theirs[1]), int(theirs[2])
    if major != int(ours[1]):
        raise SchemaError(
            f"written by schema version {version}; this govbudget reads {ours[1]}.x", path=path
        )
    if minor > int(ours[2]):
        raise SchemaError(
            f"written by schema version {version}; this govbudget reads up to {SCHEMA_VERSION}",
            path=path,
        )


def structure(data: dict[str, Any], *, path: object) -> Disclosure:
    """The disclosure a parsed JSON document holds; :class:`SchemaError` if it holds none."""
    if not isinstance(data, dict):
        raise SchemaError(f"expected a JSON object, got {_kind(data)}", path=path)
    _check_header(data, path)
    body = {k: v for k, v in data.items() if k not in ("schema", "version")}
    try:
        return _converter.structure(body, Disclosure)
    except Exception as exc:  # every failure of the input's shape, however cattrs words it
        raise _schema_error(exc, path) from exc
