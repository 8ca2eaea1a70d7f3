"""Stage 3, IR: the selected part of the model as small immutable objects.

``build_service`` validates the raw model while it converts it: a broken
shape reference, an unknown shape type, a malformed constraint or a required
member that does not exist is a ``ModelError`` naming the shape. Names come
from ``codegen.names`` and are fixed here; nothing is mutated afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from codegen import names
from codegen.response_overrides import optional_in_responses
from codegen.errors import ModelError
from codegen.select import Selection, operation_refs, reachable, shape_refs

SCALAR_TYPES = frozenset({"string", "integer", "long", "float", "double", "boolean", "blob", "timestamp"})
# A structure marked "document": true holds any JSON value; it is treated as a scalar of this type.
DOCUMENT = "document"
# Scalar types whose Python type differs between what a caller may send and
# what botocore hands back (see codegen.annotations).
FLAVOURED_SCALARS = frozenset({"blob", "timestamp"})


@dataclass(frozen=True, slots=True)
class Constraints:
    min: float | None = None
    max: float | None = None
    pattern: str | None = None


@dataclass(frozen=True, slots=True)
class Member:
    wire_name: str
    python_name: str
    target: str
    required: bool  # in requests, as the model says
    required_in_response: bool  # the same, unless responses are known to lack it (codegen/response_overrides.py)
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class TypedDictNames:
    """What a structure's TypedDicts are called from input and from output positions.

    ``input`` and ``output`` are equal when the two Python types would be
    identical; ``emit_input`` is false for shapes only ever returned.
    """

    input: str
    output: str
    emit_input: bool
    emit_output: bool


@dataclass(frozen=True, slots=True)
class Structure:
    name: str
    class_name: str
    members: tuple[Member, ...]
    typed_dicts: TypedDictNames
    is_response: bool  # an operation's output: carries ResponseMetadata
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class UnionVariant:
    member: Member
    input_name: str  # the single-key TypedDict for this variant
    output_name: str


@dataclass(frozen=True, slots=True)
class Union:
    """A tagged union (``"union": true``): exactly one member is set."""

    name: str
    class_name: str
    members: tuple[Member, ...]
    variants: tuple[UnionVariant, ...]
    typed_dicts: TypedDictNames
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class ListShape:
    name: str
    member: str
    constraints: Constraints
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class MapShape:
    name: str
    key: str
    value: str
    constraints: Constraints
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class EnumValue:
    value: str
    member_name: str


@dataclass(frozen=True, slots=True)
class EnumShape:
    name: str
    class_name: str
    literal_name: str
    values: tuple[EnumValue, ...]
    constraints: Constraints
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class Scalar:
    name: str
    type: str
    constraints: Constraints
    sensitive: bool
    docs: str


Shape = Structure | Union | ListShape | MapShape | EnumShape | Scalar


@dataclass(frozen=True, slots=True)
class Operation:
    name: str
    method_name: str
    input: str | None
    output: str | None
    errors: tuple[str, ...]
    docs: str  # deprecation, where the model marks it, is stated in the docs


@dataclass(frozen=True, slots=True)
class Paginator:
    """From the model's paginators-1: how an operation's pages chain and which member holds the items."""

    operation: str
    input_token: str
    output_token: str
    result_key: str
    item_shape: str  # the shape of one item of result_key


@dataclass(frozen=True, slots=True)
class Service:
    full_name: str
    service_id: str
    api_version: str
    operations: tuple[Operation, ...]
    shapes: Mapping[str, Shape]  # in selection order; read-only
    paginators: tuple[Paginator, ...] = ()

    def structures(self) -> list[Structure]:
        return [s for s in self.shapes.values() if isinstance(s, Structure)]

    def unions(self) -> list[Union]:
        return [s for s in self.shapes.values() if isinstance(s, Union)]

    def enums(self) -> list[EnumShape]:
        return [s for s in self.shapes.values() if isinstance(s, EnumShape)]


def build_service(raw: dict[str, Any], selection: Selection, paginators: dict[str, Any] | None = None) -> Service:
    metadata = raw.get("metadata", {})
    if not isinstance(metadata, dict):
        metadata = {}
    raw_shapes = raw["shapes"]
    ops = [_operation(name, raw["operations"][name]) for name in selection.operations]
    input_shapes = reachable(raw_shapes, [(op.name, "input", op.input) for op in ops if op.input])
    output_shapes = reachable(raw_shapes, [(op.name, "output", s) for op in ops for s in (op.output, *op.errors) if s])
    responses = {op.output for op in ops if op.output}
    optional = optional_in_responses(str(metadata.get("serviceId", "")))
    differ = _flavour_differs(raw_shapes, selection.shapes, optional)
    public_names = _PublicNames(raw_shapes, selection.shapes, differ, input_shapes, output_shapes)

    _check_nesting(raw_shapes, selection.shapes)
    shapes: dict[str, Shape] = {}
    for name in selection.shapes:
        shapes[name] = _shape(name, raw_shapes[name], raw_shapes, public_names, is_response=name in responses,
                              optional_in_responses=optional)
    return Service(
        full_name=str(metadata.get("serviceFullName", "")),
        service_id=str(metadata.get("serviceId", "")),
        api_version=str(metadata.get("apiVersion", "")),
        operations=tuple(ops),
        shapes=MappingProxyType(shapes),
        paginators=_paginators(raw_shapes, ops, (paginators or {}).get("pagination", {})),
    )


def _paginators(raw_shapes: dict[str, Any], ops: list[Operation], config: Any) -> tuple[Paginator, ...]:
    """Simple token paginators of the selected operations (one token, one result key)."""
    found = []
    for op in ops:
        entry = config.get(op.name) if isinstance(config, dict) else None
        if not isinstance(entry, dict) or not op.input or not op.output:
            continue
        tokens = [entry.get("input_token"), entry.get("output_token"), entry.get("result_key")]
        if not all(isinstance(t, str) for t in tokens):
            continue  # multi-token paginators are left to botocore's own
        input_token, output_token, result_key = (str(t) for t in tokens)
        if any(not t.isidentifier() for t in (input_token, output_token, result_key)):
            continue  # JMESPath expressions (Kinesis: StreamDescription.Shards[-1].ShardId) stay with botocore
        output_members = raw_shapes[op.output].get("members", {})
        if result_key not in output_members or output_token not in output_members:
            raise ModelError(op.output, f"paginator names {result_key!r}/{output_token!r}, which it lacks")
        result_shape = raw_shapes[output_members[result_key]["shape"]]
        if result_shape.get("type") != "list":
            continue
        found.append(Paginator(op.name, input_token, output_token, result_key, result_shape["member"]["shape"]))
    return tuple(found)


# Lists of lists of lists...: generated expressions nest one level per list or map, and
# Python's parser refuses more than 200 nested brackets; no real model comes close.
MAX_CONTAINER_NESTING = 40


def _check_nesting(raw_shapes: dict[str, Any], selected: tuple[str, ...]) -> None:
    depth: dict[str, int] = {}
    for name in selected:
        chain = []
        current = name
        while raw_shapes[current].get("type") in ("list", "map") and current not in depth:
            if current in chain:
                raise ModelError(current, "a list or map contains itself with no structure in between")
            chain.append(current)
            inner = raw_shapes[current].get("member" if raw_shapes[current]["type"] == "list" else "value")
            if not isinstance(inner, dict) or inner.get("shape") not in raw_shapes:
                break
            current = inner["shape"]
        base = depth.get(current, 0)
        for offset, shape in enumerate(reversed(chain), start=1):
            depth[shape] = base + offset
            if depth[shape] > MAX_CONTAINER_NESTING:
                raise ModelError(shape, f"nests lists and maps {depth[shape]} deep; at most "
                                        f"{MAX_CONTAINER_NESTING} are supported")


def _operation(name: str, raw: dict[str, Any]) -> Operation:
    refs = list(operation_refs(name, raw))
    by_kind = {kind: target for _, kind, target in refs if kind in ("input", "output")}
    return Operation(
        name=name,
        method_name=names.method_name(name),
        input=by_kind.get("input"),
        output=by_kind.get("output"),
        errors=tuple(target for _, kind, target in refs if kind == "errors"),
        docs=_docs(name, raw),
    )


def _flavour_differs(raw_shapes: dict[str, Any], selected: tuple[str, ...],
                     optional_in_responses: frozenset[tuple[str, str]]) -> frozenset[str]:
    """Shapes whose input and output Python types differ, to a fixed point (recursion-safe).

    A structure with a member required in requests only differs too (NotRequired in its output flavour).
    """
    differs = {n for n in selected if raw_shapes[n].get("type") in ("list", "map", *FLAVOURED_SCALARS)}
    differs |= {shape for shape, _ in optional_in_responses if shape in selected}
    changed = True
    while changed:
        changed = False
        for name in selected:
            if name not in differs and any(t in differs for _, _, t in shape_refs(name, raw_shapes[name])):
                differs.add(name)
                changed = True
    return frozenset(differs)


class _PublicNames:
    """Allocates every public class and alias name from one namespace, in model order.

    Keys are ``class:<shape>``, ``literal:<shape>``, ``input:<shape>[.<member>]``
    and ``output:<shape>[.<member>]`` (the latter two: TypedDict names, the
    member part for tagged-union variants). A structure whose two flavours are
    identical gets one TypedDict name for both keys.
    """

    def __init__(self, raw_shapes: dict[str, Any], selected: tuple[str, ...], differ: frozenset[str],
                 input_shapes: frozenset[str], output_shapes: frozenset[str]) -> None:
        wanted: list[tuple[tuple[str, ...], str]] = []  # (keys sharing the name, candidate)
        enums = [n for n in selected if raw_shapes[n].get("type") == "string" and "enum" in raw_shapes[n]]
        structures = [n for n in selected if raw_shapes[n].get("type") == "structure"]
        with_class = set(enums) | set(structures)
        wanted += [((f"class:{name}",), names.class_name(name)) for name in selected if name in with_class]
        wanted += [((f"literal:{name}",), names.class_name(name) + "Type") for name in enums]
        for name in structures:
            base = names.class_name(name)
            suffixes = [""]  # the structure itself, then one single-key TypedDict per tagged-union member
            if raw_shapes[name].get("union"):
                suffixes += [f".{member}" for member in raw_shapes[name].get("members", {})]
            for suffix in suffixes:
                stem = base + names.identifier(suffix, "Member") if suffix else base
                if name in differ and name in input_shapes and name in output_shapes:
                    wanted.append(((f"input:{name}{suffix}",), stem + "TypeDef"))
                    wanted.append(((f"output:{name}{suffix}",), stem + "OutputTypeDef"))
                else:
                    wanted.append(((f"input:{name}{suffix}", f"output:{name}{suffix}"), stem + "TypeDef"))
        allocated = names.deduplicate((candidate for _, candidate in wanted), names.GENERATED_TYPE_NAMES)
        self._names = {key: final for (keys, _), final in zip(wanted, allocated) for key in keys}
        self.input_shapes = input_shapes
        self.output_shapes = output_shapes

    def __getitem__(self, key: str) -> str:
        return self._names[key]

    def typed_dicts(self, name: str) -> TypedDictNames:
        input_name, output_name = self[f"input:{name}"], self[f"output:{name}"]
        in_input = name in self.input_shapes
        return TypedDictNames(
            input=input_name,
            output=output_name,
            emit_input=in_input,
            emit_output=name in self.output_shapes and (output_name != input_name or not in_input),
        )


def _shape(name: str, raw: dict[str, Any], raw_shapes: dict[str, Any], public: _PublicNames, *,
           is_response: bool, optional_in_responses: frozenset[tuple[str, str]]) -> Shape:
    kind = raw.get("type")
    docs = _docs(name, raw)
    sensitive = bool(raw.get("sensitive"))
    if kind == "structure" and raw.get("document"):
        return Scalar(name, DOCUMENT, Constraints(), sensitive, docs)
    if kind == "structure":
        members = _members(name, raw, raw_shapes, optional_in_responses)
        if raw.get("union"):
            variants = tuple(
                UnionVariant(m, public[f"input:{name}.{m.wire_name}"], public[f"output:{name}.{m.wire_name}"])
                for m in members
            )
            if not variants:
                raise ModelError(name, "tagged union has no members")
            return Union(name, public[f"class:{name}"], members, variants, public.typed_dicts(name),
                         sensitive, docs)
        return Structure(name, public[f"class:{name}"], members, public.typed_dicts(name), is_response, sensitive,
                         docs)
    constraints = _constraints(name, raw)
    if kind == "list":
        if "member" not in raw:
            raise ModelError(name, "list shape has no 'member'")
        return ListShape(name, raw["member"]["shape"], constraints, sensitive, docs)
    if kind == "map":
        if "key" not in raw or "value" not in raw:
            raise ModelError(name, "map shape needs both 'key' and 'value'")
        return MapShape(name, raw["key"]["shape"], raw["value"]["shape"], constraints, sensitive, docs)
    if kind == "string" and "enum" in raw:
        return _enum(name, raw, public, constraints, sensitive, docs)
    if kind in SCALAR_TYPES:
        return Scalar(name, kind, constraints, sensitive, docs)
    raise ModelError(name, f"unknown shape type {kind!r}")


def _holds_secret(name: str, raw_shapes: dict[str, Any]) -> bool:
    """Whether a value of this shape is, or holds in its lists and maps, a sensitive value
    (a structure inside masks its own sensitive fields). The selection already checked every
    reference on the way, so the shapes walked here exist."""
    seen: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        raw = raw_shapes[current]
        if raw.get("sensitive"):
            return True
        seen.add(current)
        if raw.get("type") in ("list", "map"):
            pending += [target for _, _, target in shape_refs(current, raw) if target not in seen]
    return False


def _members(name: str, raw: dict[str, Any], raw_shapes: dict[str, Any],
             optional_in_responses: frozenset[tuple[str, str]]) -> tuple[Member, ...]:
    raw_members: dict[str, Any] = raw.get("members", {})
    required = raw.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        raise ModelError(name, "'required' is not a list of member names")
    for missing in [r for r in required if r not in raw_members]:
        raise ModelError(name, f"lists {missing!r} as required but has no such member")
    python_names = names.deduplicate(names.snake_case(wire) for wire in raw_members)
    members = []
    for (wire, ref), python_name in zip(raw_members.items(), python_names):
        target = ref["shape"]
        target_shape = raw_shapes[target]
        members.append(Member(
            wire_name=wire,
            python_name=python_name,
            target=target,
            required=wire in required,
            required_in_response=wire in required and (name, wire) not in optional_in_responses,
            sensitive=bool(ref.get("sensitive")) or _holds_secret(target, raw_shapes),
            docs=_docs(name, ref) or _docs(target, target_shape),
        ))
    return tuple(members)


def _enum(name: str, raw: dict[str, Any], public: _PublicNames, constraints: Constraints, sensitive: bool,
          docs: str) -> EnumShape:
    values = raw["enum"]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ModelError(name, "'enum' is not a list of strings")
    unique_values = list(dict.fromkeys(values))  # duplicates in the model carry no meaning
    if not unique_values:
        raise ModelError(name, "enum has no values")
    member_names = names.deduplicate(names.enum_member_name(v) for v in unique_values)
    return EnumShape(name, public[f"class:{name}"], public[f"literal:{name}"],
                     tuple(EnumValue(v, n) for v, n in zip(unique_values, member_names)),
                     constraints, sensitive, docs)


def _constraints(name: str, raw: dict[str, Any]) -> Constraints:
    for key in ("min", "max"):
        if key in raw and (isinstance(raw[key], bool) or not isinstance(raw[key], (int, float))):
            raise ModelError(name, f"{key!r} is not a number")
    if "pattern" in raw and not isinstance(raw["pattern"], str):
        raise ModelError(name, "'pattern' is not a string")
    return Constraints(raw.get("min"), raw.get("max"), raw.get("pattern"))


def _docs(name: str, raw: dict[str, Any]) -> str:
    docs = raw.get("documentation", "")
    if not isinstance(docs, str):
        raise ModelError(name, "documentation is not a string")
    if raw.get("deprecated"):
        message = raw.get("deprecatedMessage")
        docs = f"<p>Deprecated.{' ' + message if isinstance(message, str) else ''}</p>{docs}"
    return docs
