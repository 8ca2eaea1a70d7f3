"""Naming: every Python name the generated code uses is decided here, once.

The IR builder calls these functions while it builds the (immutable) IR, so
nothing is renamed after the fact and templates never invent a name. Special
cases are the tables at the top of this module, not branches further down.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Iterable

from botocore import xform_name  # what boto3 uses for method and parameter names

# Field names that would shadow something a generated class relies on: Python
# keywords are syntax errors, builtins shadowed in a class body break later
# annotations that use them (``type: str`` then ``list[type]``), and the
# methods generated on every dataclass must stay reachable.
GENERATED_METHOD_NAMES = frozenset({"to_request_dict", "from_response_dict", "validate"})
RESERVED_FIELD_NAMES = (
    frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins)) | GENERATED_METHOD_NAMES
)
# Class and alias names share one module namespace with what the generated
# modules import, so those names are taken too.
RESERVED_CLASS_NAMES = frozenset(keyword.kwlist) | frozenset(
    {"Any", "Callable", "ClientError", "Config", "Enum", "IO", "Iterator", "Literal", "Mapping", "NotRequired",
     "ReadOnly", "Required", "Sequence", "TYPE_CHECKING", "TypedDict", "Union", "Unpack", "annotations", "datetime",
     "dataclass", "field"}
)
# Names the generator itself defines in the generated modules.
GENERATED_TYPE_NAMES = frozenset({"ResponseMetadataTypeDef", "EmptyResponseMetadataTypeDef", "WireEnum",
                                  "UnknownVariant", "ValidationError", "AutoMLClient", "AutoMLError",
                                  "JobFailedError", "WaitTimeoutError"})

# Enum member names: a value that does not start with a letter gets this prefix
# (``1D`` -> ``VALUE_1D``), and an empty value this name.
ENUM_MEMBER_PREFIX = "VALUE_"
EMPTY_ENUM_VALUE_NAME = "EMPTY"

_NOT_IDENTIFIER_CHARS = re.compile(r"[^0-9A-Za-z_]+")
_NON_ALNUM_RUN = re.compile(r"[^0-9A-Za-z]+")


def identifier(text: str, fallback_prefix: str) -> str:
    """``text`` made into an ASCII identifier; a leading digit gets ``fallback_prefix``."""
    cleaned = _NOT_IDENTIFIER_CHARS.sub("_", text).strip("_") or "_"
    if cleaned[0].isdigit() or cleaned == "_":
        cleaned = fallback_prefix + cleaned.lstrip("_")
    return cleaned


def snake_case(wire_name: str) -> str:
    """A member's Python field name: boto3's spelling, made safe to use as an attribute."""
    name = identifier(xform_name(wire_name), "field_").lower()
    return name + "_" if name in RESERVED_FIELD_NAMES else name


def class_name(shape_name: str) -> str:
    """A shape's Python class name: the shape name itself, made an identifier."""
    name = identifier(shape_name, "Shape")
    return name + "_" if name in RESERVED_CLASS_NAMES else name


def enum_member_name(value: str) -> str:
    """``text/csv;header=present`` -> ``TEXT_CSV_HEADER_PRESENT``, ``1D`` -> ``VALUE_1D``."""
    parts = [part for part in _NON_ALNUM_RUN.split(value) if part]
    if not parts:
        return EMPTY_ENUM_VALUE_NAME
    # CamelCase parts are split where boto3 would split them; ALLCAPS and digits stay whole.
    words = [xform_name(part) if any(c.islower() for c in part) else part for part in parts]
    name = "_".join(words).upper()
    return ENUM_MEMBER_PREFIX + name if name[0].isdigit() else name


def method_name(operation_name: str) -> str:
    """boto3's method name for an operation: ``CreateAutoMLJobV2`` -> ``create_auto_ml_job_v2``."""
    name = identifier(xform_name(operation_name), "op_").lower()
    return name + "_" if name in RESERVED_FIELD_NAMES else name


def deduplicate(candidates: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Resolve collisions in order: the first keeps its name, later ones get ``_2``, ``_3``..."""
    used = set(taken)
    result = []
    for candidate in candidates:
        name, counter = candidate, 1
        while name in used:
            counter += 1
            name = f"{candidate}_{counter}"
        used.add(name)
        result.append(name)
    return result
