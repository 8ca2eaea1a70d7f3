"""Python expressions that carry the imports they need, and the import lines a module's expressions add up to.

Templates never write an import themselves: they receive the union of the
imports of every expression they place (``codegen.emit.type_table`` builds the
expressions of every shape).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from codegen.model.python_types import Flavour, Import

__all__ = ["Flavour", "Import", "TypeExpr", "import_lines"]


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


def import_lines(
    imports: Iterable[Import], typing_only: Iterable[Import] = (), reexported: Iterable[Import] = ()
) -> list[str]:
    """``from x import a, b`` lines, grouped as isort would: standard library, third party, siblings.

    ``typing_only``: what only annotations (and quoted ``cast`` targets) use. Under
    ``from __future__ import annotations`` nothing evaluates them at run time, so they
    go under ``if TYPE_CHECKING:``: importing the module does not import what they
    name (``models`` does not load ``type_defs``). ``typing`` itself is always loaded,
    so its names stay ordinary imports.

    ``reexported``: names a stub imports to export them (``from x import a as a``).
    """
    runtime = set(imports) | {(module, f"{name} as {name}") for module, name in reexported}
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
        if module == "__future__":
            return -1
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


_THIRD_PARTY = frozenset({"typing_extensions", "botocore", "aiobotocore"})
