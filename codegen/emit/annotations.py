"""Python type expressions for shapes, each knowing the imports it needs.

Two flavours (``codegen.model.python_types``): ``input``, what a caller may pass
(lists and maps are ``Sequence`` and ``Mapping``: a tuple or any mapping will do; a
structure whose two flavours differ is ``Union[XTypeDef, XOutputTypeDef]``), and
``output``, what botocore returns (``list``, ``dict``).

Templates never write an import themselves: they receive the union of the
imports of every expression they place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from codegen.model.ir import EnumShape, ListShape, MapShape, Scalar, Service, Structure, Union
from codegen.model.python_types import SCALARS, Flavour, Import

__all__ = ["Flavour", "Import", "TypeExpr", "annotation", "import_lines", "per_service", "scalar_type"]

P = ParamSpec("P")
R = TypeVar("R")


def per_service(function: Callable[Concatenate[Service, P], R]) -> Callable[Concatenate[Service, P], R]:
    """``function``, a pure function of a service and hashable arguments, working each result out once
    per service: a shape's type is asked for by every member that refers to it (the whole SageMaker
    model built 31,000 type expressions for 6,500 members). Only the last service's results are kept,
    so a long-running process (the test suite) does not hold every service it has built."""
    held: list[object] = [None]  # the service the results belong to, compared by identity
    results: dict[tuple[Hashable, ...], R] = {}

    def cached(service: Service, /, *args: P.args, **kwargs: P.kwargs) -> R:
        assert not kwargs, "positional arguments only: they are the key"
        if held[0] is not service:
            held[0] = service
            results.clear()
        try:
            return results[args]
        except KeyError:
            result = results[args] = function(service, *args, **kwargs)
            return result

    return cached


@dataclass(frozen=True, slots=True)
class TypeExpr:
    """A Python expression (a type, or code such as a field's conversion) and the imports it needs."""

    text: str
    imports: frozenset[Import] = frozenset()
    local_names: frozenset[str] = frozenset()  # TypedDicts of the same module it refers to

    def wrap(self, template: str, *imports: Import) -> TypeExpr:
        """``template`` with ``{}`` replaced by this expression, e.g. ``NotRequired[{}]``."""
        return TypeExpr(template.replace("{}", self.text), self.imports | frozenset(imports), self.local_names)

    def quoting(self, defined: set[str]) -> str:
        """The text with every local name not yet ``defined`` quoted as a forward reference.

        The type_defs module cannot use ``from __future__ import annotations``:
        on Python 3.11 TypedDict would then lose track of which keys are
        ``NotRequired``. So definitions come in dependency order and only
        references around a cycle are quoted.
        """
        pending = self.local_names - defined
        if not pending:
            return self.text
        pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, pending))) + r")\b")
        return pattern.sub(r'"\1"', self.text)


@per_service
def annotation(service: Service, shape_name: str, flavour: Flavour) -> TypeExpr:
    shape = service.shapes[shape_name]
    if isinstance(shape, (Structure, Union)):
        names = shape.typed_dicts
        if flavour == "output" or names.input == names.output:
            name = names.input if flavour == "input" else names.output
            return TypeExpr(name, local_names=frozenset({name}))
        # Where a value is sent, what botocore returned is accepted too (a described job's config
        # into a create request), as mypy-boto3 does: TypedDict keys are invariant, so the output
        # flavour must be its own arm at every input position, not a subtype of the input one.
        return TypeExpr(
            f"Union[{names.input}, {names.output}]",
            frozenset({("typing", "Union")}),
            frozenset({names.input, names.output}),
        )
    if isinstance(shape, ListShape):
        item = annotation(service, shape.member, flavour)
        if flavour == "input":
            return item.wrap("Sequence[{}]", ("collections.abc", "Sequence"))
        return item.wrap("list[{}]")
    if isinstance(shape, MapShape):
        key, value = annotation(service, shape.key, flavour), annotation(service, shape.value, flavour)
        container = "Mapping" if flavour == "input" else "dict"
        extra = [("collections.abc", "Mapping")] if flavour == "input" else []
        return TypeExpr(
            f"{container}[{key.text}, {value.text}]",
            key.imports | value.imports | frozenset(extra),
            key.local_names | value.local_names,
        )
    if isinstance(shape, EnumShape):
        return TypeExpr(shape.literal_name, frozenset({(".literals", shape.literal_name)}))
    assert isinstance(shape, Scalar)
    text, imports = SCALARS[shape.type][flavour]
    return TypeExpr(text, imports)


def scalar_type(shape: Scalar, flavour: Flavour) -> str:
    """The Python type a scalar shape has (``str``, ``int``, ``datetime``...)."""
    return SCALARS[shape.type][flavour][0]


def import_lines(imports: Iterable[Import], typing_only: Iterable[Import] = ()) -> list[str]:
    """``from x import a, b`` lines, grouped as isort would: standard library, third party, siblings.

    ``typing_only``: what only annotations (and quoted ``cast`` targets) use. Under
    ``from __future__ import annotations`` nothing evaluates them at run time, so they
    go under ``if TYPE_CHECKING:``: importing the module does not import what they
    name (``models`` does not load ``type_defs``). ``typing`` itself is always loaded,
    so its names stay ordinary imports.
    """
    runtime = set(imports)
    deferred = {i for i in typing_only if i[0] != "typing"} - runtime
    runtime |= {i for i in typing_only if i[0] == "typing"}
    if not deferred:
        return _grouped(runtime)
    runtime.add(("typing", "TYPE_CHECKING"))
    return [
        *_grouped(runtime),
        "",
        "if TYPE_CHECKING:",
        *(f"    {line}" if line else "" for line in _grouped(deferred)),
    ]


def _grouped(imports: set[Import]) -> list[str]:
    by_module: dict[str, set[str]] = {}
    for module, name in imports:
        by_module.setdefault(module, set()).add(name)

    def group(module: str) -> int:
        return 2 if module.startswith(".") else 1 if module.split(".")[0] in _THIRD_PARTY else 0

    lines: list[str] = []
    previous = ""
    for module in sorted(by_module, key=lambda m: (group(m), m)):
        if lines and group(module) != group(previous):
            lines.append("")
        names = sorted(by_module[module] - {""})
        if "" in by_module[module]:
            lines.append(f"import {module}")
        if names:
            lines.append(f"from {module} import {', '.join(names)}")
        previous = module
    return lines


_THIRD_PARTY = frozenset({"typing_extensions", "botocore"})
