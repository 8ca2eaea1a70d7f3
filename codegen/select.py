"""Stage 2, select: which operations to cover and every shape they reach.

The closure follows structure members, list members, map keys and values,
and each operation's input, output and error shapes. Shapes come out in the
model's own order (botocore keeps shapes sorted by name), so the generated
files do not change when an unrelated part of the model does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from codegen.errors import CodegenError, ModelError

DEFAULT_OPERATIONS = "AutoML"


@dataclass(frozen=True, slots=True)
class Selection:
    operations: tuple[str, ...]
    shapes: tuple[str, ...]


def select(raw: dict[str, Any], operations_regex: str = DEFAULT_OPERATIONS) -> Selection:
    try:
        pattern = re.compile(operations_regex)
    except re.error as err:
        raise CodegenError(f"--operations {operations_regex!r}: invalid regular expression ({err})") from None
    operations = tuple(sorted(name for name in raw["operations"] if pattern.search(name)))
    if not operations:
        raise CodegenError(f"--operations {operations_regex!r} matches no operation of the model")
    shapes = raw["shapes"]
    reached = reachable(shapes, [ref for name in operations for ref in operation_refs(name, raw["operations"][name])])
    return Selection(operations, tuple(name for name in shapes if name in reached))


Ref = tuple[str, "str | None", str]  # (referring shape or operation, member, target shape)


def reachable(shapes: dict[str, Any], refs: list[Ref]) -> frozenset[str]:
    """Every shape ``refs`` lead to, directly or not; a reference to a missing shape is a ModelError."""
    reached: set[str] = set()
    pending = list(refs)
    while pending:
        referrer, member, name = pending.pop()
        if name in reached:
            continue
        if name not in shapes:
            raise ModelError(referrer, f"refers to missing shape {name!r}", member)
        reached.add(name)
        pending.extend(shape_refs(name, shapes[name]))
    return frozenset(reached)


def operation_refs(name: str, operation: Any) -> Iterator[Ref]:
    if not isinstance(operation, dict):
        raise ModelError(name, "operation is not an object")
    for key in ("input", "output"):
        if key in operation:
            yield name, key, _target(name, key, operation[key])
    errors = operation.get("errors", [])
    if not isinstance(errors, list):
        raise ModelError(name, "operation errors is not a list")
    for error in errors:
        yield name, "errors", _target(name, "errors", error)


def shape_refs(name: str, shape: Any) -> Iterator[Ref]:
    """The shapes one shape refers to directly, with the member that refers."""
    if not isinstance(shape, dict):
        raise ModelError(name, "shape is not an object")
    members = shape.get("members", {})
    if not isinstance(members, dict):
        raise ModelError(name, "members is not an object")
    for member_name, member in members.items():
        yield name, member_name, _target(name, member_name, member)
    for key in ("member", "key", "value"):
        if key in shape:
            yield name, key, _target(name, key, shape[key])


def _target(owner: str, member: str, ref: Any) -> str:
    if not isinstance(ref, dict) or not isinstance(ref.get("shape"), str):
        raise ModelError(owner, "reference has no 'shape' name", member)
    return str(ref["shape"])
