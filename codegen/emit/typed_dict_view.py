"""The view type_defs.py.j2 receives: every TypedDict and union alias in dependency order, with the
imports they need (their keys' types come from the type table)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from codegen import symbols
from codegen.emit import docs
from codegen.emit.annotations import Flavour, Import, TypeExpr
from codegen.emit.type_table import TypeTable
from codegen.model.ir import ListShape, MapShape, Member, Service, Structure, Union
from codegen.model.names import PYTHON_KEYWORDS

TYPING_EXTENSIONS = symbols.TYPING_EXTENSIONS


@dataclass(frozen=True, slots=True)
class KeyView:
    name: str
    annotation: str
    docs: str


@dataclass(frozen=True, slots=True)
class TypedDictView:
    name: str
    docs: str
    keys: tuple[KeyView, ...]
    functional: bool  # a key is no usable identifier: TypedDict("Name", {...}) syntax
    is_union: bool = False
    variants: tuple[str, ...] = ()


# --- type_defs.py -------------------------------------------------------------------------------

_RESPONSE_METADATA = KeyView(
    "ResponseMetadata",
    symbols.RESPONSE_METADATA.name,
    "Request id, HTTP status and headers, and retry count, added by botocore.",
)
_OUTPUT_NOTE = "\n\nAs returned by botocore: lists are ``list``, maps ``dict``, timestamps ``datetime``."
_ASYNC_NOTE = (
    "\n\nAs the async client returns it: aiobotocore's StreamingBody\n(``await body.read()``) and"
    " AioEventStream (``async for``)."
)


def type_def_views(types: TypeTable) -> tuple[list[TypedDictView], set[Import]]:
    """TypedDicts and union aliases in dependency order, with the imports they need."""
    service = types.service
    # ResponseMetadataTypeDef, always there, needs NotRequired.
    imports: set[Import] = {(TYPING_EXTENSIONS, "TypedDict"), (TYPING_EXTENSIONS, "NotRequired")}
    views: list[TypedDictView] = []
    defined = {symbols.RESPONSE_METADATA.name}
    emitted: set[str] = set()

    def emit(root: Structure | Union) -> None:
        """Depth first, dependencies before dependents; a shape on the current path is a cycle (quoted)."""
        on_path: set[str] = {root.name}
        stack = [(root, iter(_structure_dependencies(service, root)))]
        while stack:
            shape, dependencies = stack[-1]
            dependency = next((d for d in dependencies if d.name not in emitted and d.name not in on_path), None)
            if dependency is not None:
                on_path.add(dependency.name)
                stack.append((dependency, iter(_structure_dependencies(service, dependency))))
                continue
            stack.pop()
            on_path.discard(shape.name)
            emitted.add(shape.name)
            for flavour in _flavours(shape):
                views.extend(_views_for(types, shape, flavour, defined, imports))
            if isinstance(shape, Structure) and shape.async_typed_dict:
                views.extend(_views_for(types, shape, "output", defined, imports, aio=True))

    for shape in service.shapes.values():
        if isinstance(shape, (Structure, Union)) and shape.name not in emitted:
            emit(shape)
    return views, imports


def _flavours(shape: Structure | Union) -> list[Flavour]:
    names = shape.typed_dicts
    flavours: list[Flavour] = ["input"] if names.emit_input else []
    return flavours + (["output"] if names.emit_output else [])


def _structure_dependencies(service: Service, shape: Structure | Union) -> list[Structure | Union]:
    """Structures a structure's members refer to, through lists and maps, in member order."""
    found: list[Structure | Union] = []
    pending = [member.target for member in reversed(shape.members)]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        target = service.shapes[name]
        if isinstance(target, (Structure, Union)):
            found.append(target)
        elif isinstance(target, ListShape):
            pending.append(target.member)
        elif isinstance(target, MapShape):
            pending.extend((target.value, target.key))
    return found


def _views_for(
    types: TypeTable,
    shape: Structure | Union,
    flavour: Flavour,
    defined: set[str],
    imports: set[Import],
    aio: bool = False,
) -> list[TypedDictView]:
    """The TypedDicts of a shape in one flavour; ``aio``: a response as the async client returns it (its
    streams are aiobotocore's)."""
    shape_docs = docs.shape_docs(shape)
    if flavour == "output" and shape.typed_dicts.emit_input:
        shape_docs += _OUTPUT_NOTE
    name = shape.typed_dicts.input if flavour == "input" else shape.typed_dicts.output
    if aio:
        assert isinstance(shape, Structure) and shape.async_typed_dict
        name = shape.async_typed_dict
        shape_docs += _ASYNC_NOTE
    if isinstance(shape, Union):
        views = []
        # Every variant declares the other members as never set: reading a union back then
        # type-checks in every checker (cfg.get("K") is K's type or None; after "K" in cfg,
        # cfg["K"] is K's type), while a literal with two members or none is still an error.
        never = TypeExpr("Never", frozenset({(TYPING_EXTENSIONS, "Never")}))
        never = never.wrap("NotRequired[{}]", (TYPING_EXTENSIONS, "NotRequired"))
        for variant in shape.variants:
            variant_name = variant.input_name if flavour == "input" else variant.output_name
            key = _key_view(types, variant.member, flavour, defined, imports, required=True)
            others = [KeyView(m.wire_name, never.text, "") for m in shape.members if m is not variant.member]
            if others:
                imports.update(never.imports)
            views.append(
                TypedDictView(
                    variant_name,
                    f"{shape.name} with only {variant.member.wire_name} set; the other keys are never set.",
                    (key, *others),
                    _needs_functional([key, *others]),
                )
            )
            defined.add(variant_name)
        imports.add(("typing", "Union"))
        union_docs = shape_docs + "\n\nA tagged union: exactly one of its keys is set."
        views.append(TypedDictView(name, union_docs, (), False, is_union=True, variants=tuple(v.name for v in views)))
        defined.add(name)
        return views
    keys = [
        _key_view(
            types,
            member,
            flavour,
            defined,
            imports,
            required=member.required if flavour == "input" else member.required_in_response,
            aio=aio,
        )
        for member in shape.members
    ]
    if shape.is_response and flavour == "output":
        keys.append(_RESPONSE_METADATA)
    defined.add(name)
    return [TypedDictView(name, shape_docs, tuple(keys), _needs_functional(keys))]


def _key_view(
    types: TypeTable,
    member: Member,
    flavour: Flavour,
    defined: set[str],
    imports: set[Import],
    *,
    required: bool,
    aio: bool = False,
) -> KeyView:
    # Keys are writable, in both flavours: requests are built step by step (req["Tags"] = ...,
    # req.update(...)) by the SageMaker SDK, Airflow and AWS's examples. Output values are accepted
    # as input by the input type itself (type_table).
    expr = types.member(member, aio).flavour(flavour)
    if not required:
        expr = expr.wrap("NotRequired[{}]", (TYPING_EXTENSIONS, "NotRequired"))
    imports.update(expr.imports)
    return KeyView(member.wire_name, expr.quoting(defined), docs.html_to_text(member.docs))


_IDENTIFIER_IN_ANNOTATION = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def _needs_functional(keys: list[KeyView]) -> bool:
    """Class syntax cannot hold keywords or non-identifiers, nor a key that shadows a name its annotations use."""
    used = {word for key in keys for word in _IDENTIFIER_IN_ANNOTATION.findall(key.annotation)}
    # ASCII only: which non-ASCII names are identifiers depends on the running Python's Unicode version.
    return any(
        not (key.name.isascii() and key.name.isidentifier()) or key.name in PYTHON_KEYWORDS or key.name in used
        for key in keys
    )
