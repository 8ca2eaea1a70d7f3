"""Stage 2, select: which operations to cover, every shape they reach, and in which direction.

The closure follows structure members, list members, map keys and values,
and each operation's input, output and error shapes. Shapes come out in the
model's own order (botocore keeps shapes sorted by name), so the generated
files do not change when an unrelated part of the model does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codegen import defaults
from codegen.errors import CodegenError, ModelError
from codegen.model.shapes import Model


@dataclass(frozen=True, slots=True)
class Selection:
    operations: tuple[str, ...]
    shapes: tuple[str, ...]  # in model order
    input_shapes: frozenset[str]  # reachable from a request
    output_shapes: frozenset[str]  # reachable from a response or an error
    # Error shapes nothing else refers to: the client raises them as exceptions named like boto3's
    # (client.exceptions.ResourceNotFound), so they get no dataclass of the same name.
    error_only: frozenset[str] = frozenset()


def operations_matching(operations_regex: str, names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The names ``operations_regex`` finds, sorted; none is an error naming the regex."""
    try:
        pattern = re.compile(operations_regex)
    except re.error as err:
        raise CodegenError(f"--operations {operations_regex!r}: invalid regular expression ({err})") from None
    matched = tuple(sorted(name for name in names if pattern.search(name)))
    if not matched:
        raise CodegenError(f"--operations {operations_regex!r} matches no operation of the model")
    return matched


def select(model: Model, operations_regex: str = defaults.OPERATIONS) -> Selection:
    """The operations ``operations_regex`` finds, but those that send an event stream: botocore's
    clients leave them out (bidirectional streams; botocore's handlers remove each such method)."""
    matched = operations_matching(operations_regex, model.operation_names)
    operations = tuple(name for name in matched if not model.operation(name).streams_input)
    if not operations:
        raise CodegenError(
            f"--operations {operations_regex!r} matches only operations that send event streams, "
            "which botocore's clients do not offer"
        )
    refs = [ref for name in operations for ref in model.operation_refs(name)]
    inputs = model.reachable(ref for ref in refs if ref[1] == "input")
    outputs = model.reachable(ref for ref in refs if ref[1] != "input")  # responses and errors
    reached = inputs | outputs
    shapes = tuple(name for name in model.shape_names if name in reached)
    _check_nesting(model, shapes)
    # Referred to otherwise: an operation's input or output, or any selected shape's member.
    referred = {target for _, part, target in refs if part != "errors"}
    referred |= {target for name in shapes for _, target in model.shape(name).refs()}
    errors = {target for _, part, target in refs if part == "errors"}
    return Selection(operations, shapes, inputs, outputs, frozenset(errors - referred))


# Lists of lists of lists...: generated expressions nest one level per list or map, and
# Python's parser refuses more than 200 nested brackets; no real model comes close.
MAX_CONTAINER_NESTING = 40


def _check_nesting(model: Model, selected: tuple[str, ...]) -> None:
    depth: dict[str, int] = {}
    for name in selected:
        chain: list[str] = []
        current = model.shape(name)
        while current.kind in ("list", "map") and current.name not in depth:
            if current.name in chain:
                raise ModelError(current.name, "a list or map contains itself with no structure in between")
            chain.append(current.name)
            current = model.shape(str(current.item if current.kind == "list" else current.value))
        base = depth.get(current.name, 0)
        for offset, shape in enumerate(reversed(chain), start=1):
            depth[shape] = base + offset
            if depth[shape] > MAX_CONTAINER_NESTING:
                raise ModelError(
                    shape,
                    f"nests lists and maps {depth[shape]} deep; at most " f"{MAX_CONTAINER_NESTING} are supported",
                )
