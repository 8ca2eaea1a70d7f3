"""Views for the object-style modules: dataclass fields with their conversions, and the validation table.

Each dataclass field knows, as Python source decided here, its type, how to
decode it from a wire value and how to encode it back. Every wire name is
written into the generated code, so nothing is case-converted at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from codegen import symbols
from codegen.emit import docs
from codegen.emit.annotations import Import
from codegen.symbols import Symbol
from codegen.emit.type_table import TypeTable
from codegen.model.ir import Member, Scalar, Service, Structure, Union
from codegen.runtime._validator import Rule, StringRule


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
    def table_helper(self) -> Symbol:
        """The ``_runtime`` function that declares the field in its class's wire table."""
        return symbols.REQUIRED_FIELD if self.required else symbols.OPTIONAL_FIELD

    @property
    def table_entry(self) -> str:
        """The field in its class's wire table."""
        secret = ", secret=True" if self.sensitive else ""
        return f"{self.table_helper.name}({self.name!r}, {self.wire_name!r}, {self.codec}{secret})"


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
    def base(self) -> Symbol:
        """The run-time base class that interprets the class's wire table."""
        return symbols.WIRE_UNION if self.is_union else symbols.WIRE_STRUCTURE

    @property
    def decoded_type(self) -> str:
        """What from_response_dict returns: a union may hold a member this model does not know."""
        return f"{self.name} | {symbols.UNKNOWN_VARIANT.name}" if self.is_union else self.name


def model_views(table: TypeTable, html_to_text: Callable[[str], str]) -> list[ModelView]:
    service = table.service
    views = []
    for shape in service.with_dataclass():
        # A field is required only if responses always carry it: the same dataclass decodes them.
        members = (
            sorted(shape.members, key=lambda m: not m.required_in_response)
            if isinstance(shape, Structure)
            else list(shape.members)
        )
        fields = tuple(_field(table, m, shape.sensitive, html_to_text) for m in members)
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
                docs=docs.shape_docs(shape),
                fields=fields,
                is_union=isinstance(shape, Union),
                request_type=request_type,
                request_typed_dict=typed_dict,
                any_sensitive=any(f.sensitive for f in fields),
            )
        )
    return views


def _field(table: TypeTable, member: Member, shape_sensitive: bool, html_to_text: Callable[[str], str]) -> FieldView:
    types = table.member(member)
    type_, field_codec = types.field, types.codec
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
