"""The raw model, validated and classified: the only code that indexes botocore's JSON.

``Model`` wraps the parsed ``service-2.json`` (and ``paginators-1.json``). Each
shape and operation is read once, on first use, into a small immutable record
(``ShapeDef``, ``OperationDef``) whose fields are checked: a broken reference, an
unknown type, a malformed constraint, a required member that does not exist or
an operation whose input is not a structure is a ``ModelError`` naming the shape.
Everything downstream (selection, IR, names, diff) reads these records, so the
model is classified in one place and one way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from codegen.errors import ModelError, SourceError

SCALAR_TYPES = frozenset({"string", "integer", "long", "float", "double", "boolean", "blob", "timestamp"})
# A structure marked "document": true holds any JSON value: a scalar of this kind.
DOCUMENT = "document"
# Kinds whose min and max bound a length or a count, not a value.
SIZED_KINDS = frozenset({"string", "list", "map", "blob", "enum"})

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Constraints:
    min: float | None = None
    max: float | None = None
    pattern: str | None = None


@dataclass(frozen=True, slots=True)
class MemberDef:
    """A structure member as the model declares it (the reference, not the target shape)."""

    target: str
    sensitive: bool
    docs: str  # the reference's own documentation (HTML), deprecation stated
    streaming: bool = False  # the reference says its blob is a streamed payload (S3's Body)


@dataclass(frozen=True, slots=True)
class ShapeDef:
    name: str
    kind: str  # structure, union, list, map, enum, document or one of SCALAR_TYPES
    docs: str  # HTML, deprecation stated
    sensitive: bool = False
    members: Mapping[str, MemberDef] = field(default_factory=lambda: _EMPTY)  # structure and union, model order
    required: frozenset[str] = frozenset()
    item: str | None = None  # list: the member shape
    key: str | None = None  # map
    value: str | None = None  # map
    values: tuple[str, ...] = ()  # enum, unique, in model order
    event_stream: bool = False  # a structure of events, sent or received as a stream
    streaming: bool = False  # a blob (or string) payload read as a stream: botocore returns a StreamingBody
    constraints: Constraints = field(default_factory=Constraints)

    def refs(self) -> Iterator[tuple[str, str]]:
        """(member or part, target) for every shape this one refers to directly."""
        for name, member in self.members.items():
            yield name, member.target
        for part, target in (("member", self.item), ("key", self.key), ("value", self.value)):
            if target is not None:
                yield part, target


@dataclass(frozen=True, slots=True)
class OperationDef:
    name: str
    input: str | None  # always a structure
    output: str | None  # always a structure
    errors: tuple[str, ...]
    docs: str
    streams_input: bool = False  # sends an event stream: botocore's clients do not offer it


@dataclass(frozen=True, slots=True)
class PaginatorDef:
    """A token paginator from paginators-1: one token each way, one result key or several (S3's
    ListObjectsV2: Contents and CommonPrefixes), and the member saying whether more pages follow."""

    operation: str
    input_token: str
    output_token: str
    result_keys: tuple[str, ...]
    more_results: str | None = None


@dataclass(frozen=True, slots=True)
class WaiterDef:
    """A waiter from botocore's waiters-2: it polls ``operation`` every ``delay`` seconds, at most
    ``max_attempts`` times, until its acceptors (read by botocore itself) say it is done."""

    name: str  # botocore's, e.g. EndpointInService
    operation: str
    delay: float
    max_attempts: int


Ref = tuple[str, "str | None", str]  # (referring shape or operation, member, target shape)


class Model:
    """A service model, read shape by shape on demand; every read is validated once."""

    def __init__(self, raw: Any, paginators: Any = None, source: str | None = None, waiters: Any = None) -> None:
        self.source = source  # named in every ModelError when known (see ``ModelError.located``)
        shapes = raw.get("shapes") if isinstance(raw, dict) else None
        operations = raw.get("operations") if isinstance(raw, dict) else None
        if not isinstance(shapes, dict) or not isinstance(operations, dict):
            raise SourceError(
                f"{source or 'the model'}: not a botocore service model (no 'shapes' and 'operations' objects)"
            )
        self.raw: dict[str, Any] = raw  # the parsed document, as read (for tests; nothing else reads it)
        metadata = raw.get("metadata")
        metadata = metadata if isinstance(metadata, dict) else {}
        self.service_id = _text(metadata.get("serviceId"))
        self.full_name = _text(metadata.get("serviceFullName"))
        self.api_version = _text(metadata.get("apiVersion"))
        self.shape_names: tuple[str, ...] = tuple(shapes)  # model order (botocore keeps them sorted)
        self.operation_names: tuple[str, ...] = tuple(sorted(operations))
        self._raw_shapes = shapes
        self._raw_operations = operations
        self._raw_paginators = paginators.get("pagination") if isinstance(paginators, dict) else None
        self._raw_waiters = waiters.get("waiters") if isinstance(waiters, dict) else None
        self._shapes: dict[str, ShapeDef] = {}
        self._operations: dict[str, OperationDef] = {}

    # --- reading ----------------------------------------------------------------------------------

    def shape(self, name: str, referrer: str | None = None, member: str | None = None) -> ShapeDef:
        """The shape ``name``; a missing one is a ModelError naming who refers to it."""
        found = self._shapes.get(name)
        if found is None:
            if name not in self._raw_shapes:
                if referrer is None:
                    raise ModelError(name, "referenced but not defined in the model", source=self.source)
                raise ModelError(referrer, f"refers to missing shape {name!r}", member, self.source)
            try:
                found = self._shapes[name] = _shape(name, self._raw_shapes[name])
            except ModelError as err:
                raise err.located(self.source) from None
        return found

    def operation(self, name: str) -> OperationDef:
        found = self._operations.get(name)
        if found is None:
            try:
                found = _operation(name, self._raw_operations[name])
            except ModelError as err:
                raise err.located(self.source) from None
            parts = [("input", found.input), ("output", found.output), *(("errors", e) for e in found.errors)]
            for part, target in parts:
                if target is not None and self.shape(target, name, part).kind != "structure":
                    raise ModelError(
                        name, f"{part} shape {target!r} is not a structure", source=self.source, kind="operation"
                    )
            if found.input is not None:
                request = self.shape(found.input)
                streams = any(
                    self.shape(ref.target, request.name, member).event_stream for member, ref in request.members.items()
                )
                found = replace(found, streams_input=streams)
            self._operations[name] = found
        return found

    def has_operation(self, name: str) -> bool:
        return name in self._raw_operations

    def waiters(self) -> list[WaiterDef]:
        """botocore's waiters (``waiters-2``) that name an operation of the model, with a positive delay
        and attempts, by name; others are left out (botocore's own client still has them)."""
        raw = self._raw_waiters if isinstance(self._raw_waiters, dict) else {}
        found = []
        for name in sorted(raw):
            entry = raw[name]
            if not (isinstance(name, str) and name.isidentifier() and isinstance(entry, dict)):
                continue
            operation, delay, attempts = entry.get("operation"), entry.get("delay"), entry.get("maxAttempts")
            if not (isinstance(operation, str) and operation in self._raw_operations):
                continue
            if not (isinstance(delay, (int, float)) and isinstance(attempts, int)):
                continue
            if isinstance(delay, bool) or isinstance(attempts, bool):
                continue
            if 0 < delay < 86_400 and 0 < attempts < 100_000:
                found.append(WaiterDef(name, operation, float(delay), attempts))
        return found

    def streamed(self, ref: MemberDef) -> bool:
        """Whether a member is a payload read as a stream (the reference or its blob says so)."""
        target = self.shape(ref.target)
        return (ref.streaming and target.kind in ("blob", "string")) or target.streaming

    def holds_stream(self, name: str) -> bool:
        """Whether a structure has a member botocore returns as a stream: a streamed payload, or a
        stream of events. aiobotocore returns its own kinds of both, so the async client's types differ."""
        members = self.shape(name).members.values()
        return any(self.streamed(ref) or self.shape(ref.target).event_stream for ref in members)

    def reachable(self, refs: Iterable[Ref]) -> frozenset[str]:
        """Every shape ``refs`` lead to, directly or not, each validated on the way."""
        reached: set[str] = set()
        pending = list(refs)
        while pending:
            referrer, member, name = pending.pop()
            if name in reached:
                continue
            shape = self.shape(name, referrer, member)
            reached.add(name)
            pending.extend((name, part, target) for part, target in shape.refs())
        return frozenset(reached)

    def operation_refs(self, name: str) -> Iterator[Ref]:
        operation = self.operation(name)
        for part, target in (("input", operation.input), ("output", operation.output)):
            if target is not None:
                yield name, part, target
        for error in operation.errors:
            yield name, "errors", error

    def paginator(self, operation: str) -> PaginatorDef | None:
        """The operation's paginator if it is a simple one; others are left to botocore's own."""
        entry = self._raw_paginators.get(operation) if isinstance(self._raw_paginators, dict) else None
        if not isinstance(entry, dict):
            return None
        result = entry.get("result_key")
        keys = result if isinstance(result, list) else [result]
        more = entry.get("more_results")
        names = [entry.get("input_token"), entry.get("output_token"), *keys, *([more] if more is not None else [])]
        if not keys or not all(isinstance(t, str) and t.isidentifier() for t in names):
            return None  # several tokens, or JMESPath (Kinesis: StreamDescription.Shards[-1].ShardId)
        return PaginatorDef(
            operation,
            str(entry["input_token"]),
            str(entry["output_token"]),
            tuple(str(k) for k in keys),
            None if more is None else str(more),
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _operation(name: str, raw: Any) -> OperationDef:
    if not isinstance(raw, dict):
        raise ModelError(name, "not an object", kind="operation")
    targets = {part: _target(name, part, raw[part], "operation") for part in ("input", "output") if part in raw}
    errors = raw.get("errors", [])
    if not isinstance(errors, list):
        raise ModelError(name, "errors is not a list", kind="operation")
    return OperationDef(
        name,
        targets.get("input"),
        targets.get("output"),
        tuple(dict.fromkeys(_target(name, "errors", e, "operation") for e in errors)),
        docs(name, raw, "operation"),
    )


def _target(owner: str, member: str, ref: Any, kind: str = "shape") -> str:
    if not isinstance(ref, dict) or not isinstance(ref.get("shape"), str):
        raise ModelError(owner, "reference has no 'shape' name", member, kind=kind)
    return str(ref["shape"])


def _shape(name: str, raw: Any) -> ShapeDef:
    if not isinstance(raw, dict):
        raise ModelError(name, "shape is not an object")
    kind = raw.get("type")
    common: dict[str, Any] = {"docs": docs(name, raw), "sensitive": bool(raw.get("sensitive"))}
    if kind == "structure" and raw.get("document"):
        return ShapeDef(name, DOCUMENT, **common)
    if kind == "structure":
        members = raw.get("members", {})
        if not isinstance(members, dict):
            raise ModelError(name, "members is not an object")
        defs = {
            wire: MemberDef(
                _target(name, wire, ref), bool(ref.get("sensitive")), docs(name, ref), bool(ref.get("streaming"))
            )
            for wire, ref in members.items()
        }
        required = raw.get("required", [])
        if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
            raise ModelError(name, "'required' is not a list of member names")
        for missing in [r for r in required if r not in members]:
            raise ModelError(name, f"lists {missing!r} as required but has no such member")
        if raw.get("union") and not defs:
            raise ModelError(name, "tagged union has no members")
        return ShapeDef(
            name,
            "union" if raw.get("union") else "structure",
            members=MappingProxyType(defs),
            required=frozenset(required),
            event_stream=bool(raw.get("eventstream")),
            **common,
        )
    constraints = _constraints(name, raw)
    if kind == "list":
        if "member" not in raw:
            raise ModelError(name, "list shape has no 'member'")
        return ShapeDef(name, "list", item=_target(name, "member", raw["member"]), constraints=constraints, **common)
    if kind == "map":
        if "key" not in raw or "value" not in raw:
            raise ModelError(name, "map shape needs both 'key' and 'value'")
        return ShapeDef(
            name,
            "map",
            key=_target(name, "key", raw["key"]),
            value=_target(name, "value", raw["value"]),
            constraints=constraints,
            **common,
        )
    if kind == "string" and "enum" in raw:
        values = raw["enum"]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ModelError(name, "'enum' is not a list of strings")
        if not values:
            raise ModelError(name, "enum has no values")
        # Duplicates in the model carry no meaning.
        return ShapeDef(name, "enum", values=tuple(dict.fromkeys(values)), constraints=constraints, **common)
    if kind in SCALAR_TYPES:
        streaming = kind in ("blob", "string") and bool(raw.get("streaming"))
        return ShapeDef(name, str(kind), constraints=constraints, streaming=streaming, **common)
    raise ModelError(name, f"unknown shape type {kind!r}")


_LARGEST_BOUND = 2**64


def _constraints(name: str, raw: dict[str, Any]) -> Constraints:
    for key in ("min", "max"):
        if key not in raw:
            continue
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ModelError(name, f"{key!r} is not a number")
        if isinstance(value, float) and not math.isfinite(value):
            raise ModelError(name, f"{key!r} is {value!r}, not a finite number")
        if abs(value) > _LARGEST_BOUND:  # an int of any size parses; no AWS bound needs more than 64 bits
            raise ModelError(name, f"{key!r} is out of range (more than 64 bits)")
    if "pattern" in raw and not isinstance(raw["pattern"], str):
        raise ModelError(name, "'pattern' is not a string")
    return Constraints(raw.get("min"), raw.get("max"), raw.get("pattern"))


def docs(name: str, raw: dict[str, Any], kind: str = "shape") -> str:
    """A shape's, member's or operation's documentation (HTML), its deprecation stated first."""
    text = raw.get("documentation", "")
    if not isinstance(text, str):
        raise ModelError(name, "documentation is not a string", kind=kind)
    if raw.get("deprecated"):
        message = raw.get("deprecatedMessage")
        text = f"<p>Deprecated.{' ' + message if isinstance(message, str) else ''}</p>{text}"
    return text
