"""What every shape is in Python, decided once per render: the type table.

For each shape, one ``ShapeTypes``: its type where a value is sent (``input``: a
caller may pass a tuple or any mapping, and where a structure's two flavours differ,
either), its type as botocore returns it (``output``), a dataclass field's type
(``field``), the field's wire codec (``codec``, a ``_runtime.Codec`` expression) and the
rule the validator interprets (``rule``). Expressions carry their imports; the views
collect them, so no template writes an import.

One builder per shape kind, each in one place: what a kind means in every position is
read top to bottom in its builder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from codegen import symbols
from codegen.emit.annotations import TypeExpr
from codegen.model.patterns import pattern_check
from codegen.model.ir import EnumShape, ListShape, MapShape, Member, Scalar, Service, Shape, Structure, Union
from codegen.model.python_types import SCALARS, Flavour
from codegen.runtime._validator import (
    Automaton,
    BlobRule,
    EnumRule,
    ListRule,
    MapRule,
    NumberRule,
    PlainRule,
    Rule,
    StringRule,
    StructureRule,
)


@dataclass(frozen=True, slots=True)
class ShapeTypes:
    input: TypeExpr  # a TypedDict key's type where values are sent
    output: TypeExpr  # as botocore returns it
    field: TypeExpr  # a dataclass field's type
    codec: TypeExpr  # how models.py's wire table decodes and encodes the field
    rule: Rule  # what the validator checks

    def flavour(self, flavour: Flavour) -> TypeExpr:
        return self.input if flavour == "input" else self.output


class TypeTable:
    """``table[shape_name]``: the shape's ``ShapeTypes``, built on first use and kept for the render."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._types: dict[str, ShapeTypes] = {}

    def __getitem__(self, shape_name: str) -> ShapeTypes:
        try:
            return self._types[shape_name]
        except KeyError:
            shape = self.service.shapes[shape_name]
            built = self._types[shape_name] = _BUILDERS[type(shape)](self, shape)
            return built

    def member(self, member: Member, aio: bool = False) -> ShapeTypes:
        """What a member's value is: its target's types, but a streamed payload (the member or its target
        says so) is returned as botocore's StreamingBody; ``aio``: as aiobotocore returns the member
        (its own StreamingBody and AioEventStream)."""
        types = _streamed(self[member.target]) if member.streaming else self[member.target]
        target = self.service.shapes[member.target]
        if aio and member.streaming:
            body = TypeExpr('"aiobotocore.response.StreamingBody"', frozenset({symbols.AIO_RESPONSE}))
            return ShapeTypes(types.input, body, body, types.codec, types.rule)
        if aio and isinstance(target, Structure) and target.event_stream:
            events = target.typed_dicts.output
            stream = TypeExpr(
                f'"AioEventStream[{events}]"',
                frozenset({symbols.AIO_EVENT_STREAM, symbols.generated("type_defs", events)}),
            )
            return ShapeTypes(stream, stream, stream, types.codec, types.rule)
        return types

    def automata(self) -> dict[str, Automaton]:
        """The validator's automata: for each pattern re could take more than linear time on, once
        however many shapes share it (S3Uri and Url), the deterministic automaton checked instead."""
        found: dict[str, Automaton] = {}
        for shape in self.service.shapes.values():
            c = shape.constraints if isinstance(shape, Scalar) and shape.type == "string" else None
            check = pattern_check(c.pattern, c.min, c.max) if c is not None and c.pattern else None
            if check is not None and check[1] is not None:
                dfa = check[1]
                found[check[0]] = Automaton(dfa.accepting, dfa.starts, dfa.classes, dfa.table)
        return found

    def rules(self) -> dict[str, Rule]:
        """Every shape's rule, in model order: the validation module's table."""
        return {name: self[name].rule for name in self.service.shapes}


def _structure(table: TypeTable, shape: Shape) -> ShapeTypes:
    assert isinstance(shape, (Structure, Union))
    if isinstance(shape, Structure) and shape.event_stream:
        return _event_stream(shape)
    names = shape.typed_dicts
    output = TypeExpr(names.output, local_names=frozenset({names.output}))
    if names.input == names.output:
        sent = output
    else:
        # Where a value is sent, what botocore returned is accepted too (a described job's config
        # into a create request), as mypy-boto3 does: TypedDict keys are invariant, so the output
        # flavour must be its own arm at every input position, not a subtype of the input one.
        sent = TypeExpr(
            f"Union[{names.input}, {names.output}]",
            frozenset({symbols.Symbol("typing", "Union")}),
            frozenset({names.input, names.output}),
        )
    is_union = isinstance(shape, Union)
    members = tuple((m.wire_name, m.target) for m in shape.members)
    required = tuple(m.wire_name for m in shape.members if m.required)
    return ShapeTypes(
        input=sent,
        output=output,
        # a union decoded from a response may hold a member this model does not know
        field=(
            TypeExpr(f"{shape.class_name} | UnknownVariant", frozenset({symbols.UNKNOWN_VARIANT}))
            if is_union
            else TypeExpr(shape.class_name)
        ),
        codec=TypeExpr(f"model_of({shape.class_name})", frozenset({symbols.MODEL_OF})),
        rule=StructureRule(members, required, is_union),
    )


def _event_stream(shape: Structure) -> ShapeTypes:
    """A response's stream of events: botocore returns an ``EventStream`` that yields each event as a
    dict of this structure's TypedDict (one member set). Quoted: type_defs evaluates its annotations,
    and botocore is imported for type checkers only."""
    events = shape.typed_dicts.output
    # Quoted whole (a name inside is not quoted again), so the event TypedDict is imported by name.
    stream = TypeExpr(
        f'"EventStream[{events}]"', frozenset({symbols.EVENT_STREAM, symbols.generated("type_defs", events)})
    )
    return ShapeTypes(
        input=stream,  # never sent: botocore's clients leave out operations that send event streams
        output=stream,
        field=stream,  # the dataclass keeps botocore's stream: events arrive as it is read
        codec=TypeExpr(symbols.AS_IS.name, frozenset({symbols.AS_IS})),
        rule=PlainRule("event stream"),  # nothing to check: what arrives is botocore's object
    )


def _list(table: TypeTable, shape: Shape) -> ShapeTypes:
    assert isinstance(shape, ListShape)
    item = table[shape.member]
    return ShapeTypes(
        input=item.input.wrap("Sequence[{}]", symbols.Symbol("collections.abc", "Sequence")),
        output=item.output.wrap("list[{}]"),
        field=item.field.wrap("list[{}]"),
        codec=item.codec.wrap("list_of({})", symbols.LIST_OF),
        rule=ListRule(shape.member, shape.constraints.min, shape.constraints.max),
    )


def _map(table: TypeTable, shape: Shape) -> ShapeTypes:
    assert isinstance(shape, MapShape)
    key, value = table[shape.key], table[shape.value]

    def pair(template: str, position: Callable[[ShapeTypes], TypeExpr], *imports: symbols.Symbol) -> TypeExpr:
        k, v = position(key), position(value)
        return TypeExpr(
            template.format(k.text, v.text), k.imports | v.imports | frozenset(imports), k.local_names | v.local_names
        )

    return ShapeTypes(
        input=pair("Mapping[{}, {}]", lambda t: t.input, symbols.Symbol("collections.abc", "Mapping")),
        output=pair("dict[{}, {}]", lambda t: t.output),
        field=pair("dict[{}, {}]", lambda t: t.field),
        codec=pair("map_of({}, {})", lambda t: t.codec, symbols.MAP_OF),
        rule=MapRule(shape.key, shape.value, shape.constraints.min, shape.constraints.max),
    )


def _enum(table: TypeTable, shape: Shape) -> ShapeTypes:
    assert isinstance(shape, EnumShape)
    # The Literal alias everywhere, which holds the enum's members too: a misspelled value or a member
    # of another enum is a type error. (A value added to the API after generation is decoded as its
    # str: the alias is what the model knew.)
    alias = TypeExpr(shape.literal_name, frozenset({symbols.generated("literals", shape.literal_name)}))
    return ShapeTypes(
        input=alias,
        output=alias,
        field=alias,
        codec=TypeExpr(
            f"enum_of({shape.class_name})",
            frozenset({symbols.ENUM_OF, symbols.generated("enums", shape.class_name)}),
        ),
        rule=EnumRule(tuple(v.value for v in shape.values)),
    )


def _scalar(table: TypeTable, shape: Shape) -> ShapeTypes:
    assert isinstance(shape, Scalar)
    sent, returned = (TypeExpr(*SCALARS[shape.type][flavour]) for flavour in ("input", "output"))
    codec = symbols.SCALAR_CODECS.get(shape.type, symbols.AS_IS)
    plain = ShapeTypes(
        input=sent,
        output=returned,
        field=returned,  # what botocore returns
        codec=TypeExpr(codec.name, frozenset({codec})),
        rule=_scalar_rule(shape),
    )
    return _streamed(plain) if shape.streaming else plain


def _streamed(types: ShapeTypes) -> ShapeTypes:
    """A streamed payload: sent as bytes, text or a file; returned as botocore's StreamingBody (read() it),
    kept as it is by the dataclasses. Quoted: type_defs evaluates its annotations, and botocore is imported
    for type checkers only."""
    body = TypeExpr('"StreamingBody"', frozenset({symbols.STREAMING_BODY}))
    return ShapeTypes(
        input=TypeExpr(*SCALARS["blob"]["input"]),
        output=body,
        field=body,
        codec=TypeExpr(symbols.AS_IS.name, frozenset({symbols.AS_IS})),
        # bytes, text or a file (a streamed string too); botocore's own type when returned
        rule=types.rule if isinstance(types.rule, BlobRule) else BlobRule(None, None),
    )


def _scalar_rule(shape: Scalar) -> Rule:
    c = shape.constraints
    if shape.type == "string":
        check = pattern_check(c.pattern, c.min, c.max) if c.pattern else None
        return StringRule(c.min, c.max, check[0] if check else None)
    if shape.type in ("integer", "long", "float", "double"):
        return NumberRule(shape.type in ("integer", "long"), c.min, c.max)
    if shape.type == "blob":
        return BlobRule(c.min, c.max)
    return PlainRule(shape.type)


_BUILDERS: dict[type, Callable[[TypeTable, Shape], ShapeTypes]] = {
    Structure: _structure,
    Union: _structure,
    ListShape: _list,
    MapShape: _map,
    EnumShape: _enum,
    Scalar: _scalar,
}
