"""Views for the object-style modules: dataclass fields with their conversions, and the validation table.

Each dataclass field knows, as Python source decided here, its type, how to
decode it from a wire value and how to encode it back. Every wire name is
written into the generated code, so nothing is case-converted at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from codegen.emit.annotations import Import, TypeExpr, annotation, per_service, scalar_type
from codegen.model.ir import EnumShape, ListShape, MapShape, Member, Scalar, Service, Shape, Structure, Union
from codegen.emit.patterns import checked_pattern
from codegen.runtime._validator import (
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
class FieldView:
    name: str  # Python field name
    wire_name: str
    type: str  # without "| None"
    required: bool
    sensitive: bool
    codec: str  # a _runtime.Codec expression
    docs: str
    type_imports: frozenset[Import]  # what the type needs: annotations only
    code_imports: frozenset[Import]  # what the codec needs at run time

    @property
    def declaration(self) -> str:
        """The dataclass field, as models.py and its stub models.pyi both declare it."""
        if self.required:
            return f"{self.name}: {self.type}"
        return f"{self.name}: {self.type} | None = None"

    @property
    def table_helper(self) -> str:
        """The ``_runtime`` function that declares the field in its class's wire table."""
        return "required" if self.required else "optional"

    @property
    def table_entry(self) -> str:
        """The field in its class's wire table."""
        secret = ", secret=True" if self.sensitive else ""
        return f"{self.table_helper}({self.name!r}, {self.wire_name!r}, {self.codec}{secret})"


@dataclass(frozen=True, slots=True)
class ModelView:
    name: str  # the dataclass
    shape: str
    docs: str
    fields: tuple[FieldView, ...]  # required first, then optional, each in model order
    is_union: bool
    request_type: str  # what to_request_dict is typed as
    request_typed_dict: str | None  # the TypedDict it names, None for dict[str, Any]
    any_sensitive: bool

    @property
    def decorator(self) -> str:
        return f"@dataclass(kw_only=True, slots=True{', repr=False' if self.any_sensitive else ''})"

    @property
    def base(self) -> str:
        """The run-time base class that interprets the class's wire table."""
        return "WireUnion" if self.is_union else "WireStructure"

    @property
    def decoded_type(self) -> str:
        """What from_response_dict returns: a union may hold a member this model does not know."""
        return f"{self.name} | UnknownVariant" if self.is_union else self.name


def model_views(service: Service, html_to_text: Callable[[str], str]) -> list[ModelView]:
    views = []
    for shape in service.with_dataclass():
        # A field is required only if responses always carry it: the same dataclass decodes them.
        members = (
            sorted(shape.members, key=lambda m: not m.required_in_response)
            if isinstance(shape, Structure)
            else list(shape.members)
        )
        fields = tuple(_field(service, m, shape.sensitive, html_to_text) for m in members)
        names = shape.typed_dicts
        if isinstance(shape, Structure) and shape.is_response:
            # The response TypedDict promises ResponseMetadata, which only botocore adds.
            request_type, typed_dict = "dict[str, Any]", None
        else:
            request_type = typed_dict = names.input if names.emit_input else names.output
        views.append(
            ModelView(
                name=shape.class_name,
                shape=shape.name,
                docs=html_to_text(shape.docs) or f"The {shape.name} structure.",
                fields=fields,
                is_union=isinstance(shape, Union),
                request_type=request_type,
                request_typed_dict=typed_dict,
                any_sensitive=any(f.sensitive for f in fields),
            )
        )
    return views


def _field(service: Service, member: Member, shape_sensitive: bool, html_to_text: Callable[[str], str]) -> FieldView:
    type_ = model_type(service, member.target)
    field_codec = codec(service, member.target)
    return FieldView(
        name=member.python_name,
        wire_name=member.wire_name,
        type=type_.text,
        required=member.required_in_response,
        sensitive=member.sensitive or shape_sensitive,
        codec=field_codec.text,
        docs=html_to_text(member.docs),
        type_imports=type_.imports,
        code_imports=field_codec.imports,
    )


@per_service
def model_type(service: Service, name: str) -> TypeExpr:
    """A dataclass field's type: the nested dataclasses, enums' Literal aliases, scalars."""
    shape = service.shapes[name]
    if isinstance(shape, Structure):
        return TypeExpr(shape.class_name)
    if isinstance(shape, Union):
        return TypeExpr(f"{shape.class_name} | UnknownVariant", frozenset({_runtime("UnknownVariant")}))
    if isinstance(shape, ListShape):
        return model_type(service, shape.member).wrap("list[{}]")
    if isinstance(shape, MapShape):
        key, value = model_type(service, shape.key), model_type(service, shape.value)
        return TypeExpr(f"dict[{key.text}, {value.text}]", key.imports | value.imports)
    if isinstance(shape, EnumShape):
        # The Literal alias, which holds the enum's members too: a misspelled value or a member of
        # another enum is a type error. (A value added to the API after generation is decoded as its
        # str, as in the TypedDicts: the alias is what the model knew.)
        return annotation(service, name, "output")
    return annotation(service, name, "output")  # a scalar: what botocore returns


@per_service
def codec(service: Service, name: str) -> TypeExpr:
    """The Python expression of a field's codec (``_runtime.Codec``): how models.py's table decodes
    the field's wire value and encodes it back."""
    shape = service.shapes[name]
    if isinstance(shape, ListShape):
        return codec(service, shape.member).wrap("list_of({})", _runtime("list_of"))
    if isinstance(shape, MapShape):
        key, value = codec(service, shape.key), codec(service, shape.value)
        return TypeExpr(f"map_of({key.text}, {value.text})", key.imports | value.imports | {_runtime("map_of")})
    if isinstance(shape, (Structure, Union)):
        return TypeExpr(f"model_of({shape.class_name})", frozenset({_runtime("model_of")}))
    if isinstance(shape, EnumShape):
        return TypeExpr(f"enum_of({shape.class_name})", frozenset({_runtime("enum_of"), (".enums", shape.class_name)}))
    scalar = "TIMESTAMP" if shape.type == "timestamp" else _SCALAR_CODECS.get(scalar_type(shape, "output"), "AS_IS")
    return TypeExpr(scalar, frozenset({_runtime(scalar)}))


def _runtime(helper: str) -> Import:
    return ("._runtime", helper)


# The check a decoded scalar of each Python type must pass (a value of another type raises, and
# from_response_dict then names its path). Timestamps go through TIMESTAMP; blobs and documents
# (AS_IS) are botocore's own. validation.decode_problem applies the same rules.
_SCALAR_CODECS = {"str": "STRING", "int": "INTEGER", "float": "FLOAT", "bool": "BOOLEAN"}


# --- validation table ----------------------------------------------------------------------------


def validation_table(service: Service) -> dict[str, Rule]:
    """Per shape, the rule the package's validator interprets (``codegen/runtime/_validator.py``)."""
    table: dict[str, Rule] = {}
    for name, shape in service.shapes.items():
        if isinstance(shape, (Structure, Union)):
            members = tuple((m.wire_name, m.target) for m in shape.members)
            required = tuple(m.wire_name for m in shape.members if m.required)
            table[name] = StructureRule(members, required, isinstance(shape, Union))
        elif isinstance(shape, ListShape):
            table[name] = ListRule(shape.member, shape.constraints.min, shape.constraints.max)
        elif isinstance(shape, MapShape):
            table[name] = MapRule(shape.key, shape.value, shape.constraints.min, shape.constraints.max)
        elif isinstance(shape, EnumShape):
            table[name] = EnumRule(tuple(v.value for v in shape.values))
        elif shape.type == "string":
            c = shape.constraints
            pattern = checked_pattern(c.pattern, c.min, c.max) if c.pattern else None
            table[name] = StringRule(c.min, c.max, pattern)
        elif shape.type in ("integer", "long", "float", "double"):
            table[name] = NumberRule(shape.type in ("integer", "long"), shape.constraints.min, shape.constraints.max)
        elif shape.type == "blob":
            table[name] = BlobRule(shape.constraints.min, shape.constraints.max)
        else:
            table[name] = PlainRule(shape.type)
    return table


def translated_patterns(service: Service, table: dict[str, Rule]) -> list[tuple[str, str]]:
    """(shape, model pattern) pairs the validator checks through a translation that differs from the model's text."""
    return [(name, model) for name, model, checked in _string_patterns(service, table) if checked not in (None, model)]


def untranslatable_patterns(service: Service, table: dict[str, Rule]) -> list[tuple[str, str]]:
    """(shape, pattern) pairs whose check the generated validator skips (see ``patterns.checked_pattern``)."""
    return [(name, model) for name, model, checked in _string_patterns(service, table) if checked is None]


def _string_patterns(service: Service, table: dict[str, Rule]) -> list[tuple[str, str, str | None]]:
    """(shape, the model's pattern, the one the validator checks or None) of every string shape with a pattern."""
    found = []
    for name, shape in service.shapes.items():
        rule = table[name]
        if isinstance(shape, Scalar) and shape.constraints.pattern and isinstance(rule, StringRule):
            found.append((name, shape.constraints.pattern, rule.pattern))
    return found


def secret_shapes(service: Service) -> list[str]:
    """Shapes marked sensitive: the validator never shows their values."""
    return [name for name, shape in service.shapes.items() if shape.sensitive]


def secret_members(service: Service) -> list[tuple[str, str]]:
    """(structure, wire name) of members marked sensitive (on the member or its target)."""
    return [
        (name, m.wire_name)
        for name, shape in service.shapes.items()
        if isinstance(shape, (Structure, Union))
        for m in shape.members
        if m.sensitive
    ]


def response_optional_members(service: Service) -> list[tuple[str, str]]:
    """(structure, wire name) of members required in requests that responses may lack."""
    return [
        (name, m.wire_name)
        for name, shape in service.shapes.items()
        if isinstance(shape, (Structure, Union))
        for m in shape.members
        if m.required and not m.required_in_response
    ]
