"""The diff stage: what changed between two versions of a service model.

Works on the two raw models and knows nothing about rendering. It computes

* the public AWS API changelog's view: new operations, and for updated ones
  the tree of what their request and response gained (members added to a
  structure, values added to an enum, at any depth);
* what that changelog is blind to: removed operations, members and enum
  values, required-ness changes, type and target changes, constraint and
  (optionally) documentation changes, each classified as breaking or
  compatible for code written against the generated package and the API.

Shape pairs are compared once and memoised, so two full SageMaker models
(~3,000 shapes each) diff in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from codegen import names
from codegen.errors import CodegenError, ModelError

Direction = Literal["request", "response"]
Severity = Literal["breaking", "compatible"]


@dataclass(frozen=True, slots=True)
class Change:
    """One change the public changelog does not show, at a path below an operation's request or response."""

    direction: Direction
    path: str  # wire path from the request/response root, e.g. "AutoMLJobObjective.MetricName"
    shape: str  # the shape that changed
    kind: str  # member-added, member-removed, enum-values-added, ... (see README)
    detail: str
    severity: Severity
    python: str  # the effect on the generated Python API


@dataclass(slots=True)
class OperationDiff:
    name: str
    status: Literal["new", "updated", "removed"]
    request: Any = None  # public change tree (dict/set/str) or None
    response: Any = None
    changes: list[Change] = field(default_factory=list)


@dataclass(slots=True)
class ModelDiff:
    service: str
    operations: list[OperationDiff]

    def public(self) -> list[OperationDiff]:
        """What the public changelog lists: new, then updated, each sorted by name."""
        new = sorted((o for o in self.operations if o.status == "new"), key=lambda o: o.name)
        updated = sorted((o for o in self.operations if o.status == "updated" and (o.request or o.response)),
                         key=lambda o: o.name)
        return new + updated

    def changes(self, severity: Severity | None = None) -> list[tuple[str, Change]]:
        """(operation, change) pairs by operation name, optionally only those of one severity."""
        return [(o.name, c) for o in sorted(self.operations, key=lambda o: o.name) for c in o.changes
                if severity is None or c.severity == severity]

    def breaking(self) -> list[tuple[str, Change]]:
        return self.changes("breaking")


def diff_models(old: dict[str, Any], new: dict[str, Any], operations_regex: str = ".*",
                docs: bool = False) -> ModelDiff:
    try:
        pattern = re.compile(operations_regex)
    except re.error as err:
        raise CodegenError(f"--operations {operations_regex!r}: invalid regular expression ({err})") from None
    differ = _Differ(old["shapes"], new["shapes"], docs)
    results = []
    old_ops, new_ops = old["operations"], new["operations"]
    for name in sorted(set(old_ops) | set(new_ops)):
        if not pattern.search(name):
            continue
        if name not in old_ops:
            results.append(OperationDiff(name, "new"))
        elif name not in new_ops:
            results.append(OperationDiff(name, "removed", changes=[Change(
                "request", "", name, "operation-removed", f"operation {name} removed", "breaking",
                f"{names.method_name(name)}() removed")]))
        else:
            results.append(differ.operation(name, old_ops[name], new_ops[name]))
    metadata = new.get("metadata", {})
    return ModelDiff(str(metadata.get("serviceFullName", "")), results)


class _Differ:
    def __init__(self, old: dict[str, Any], new: dict[str, Any], docs: bool) -> None:
        self.old, self.new, self.docs = old, new, docs
        self._public: dict[tuple[str, str], Any] = {}
        self._detailed: dict[tuple[str, str, Direction], list[Change]] = {}

    def operation(self, name: str, old_op: dict[str, Any], new_op: dict[str, Any]) -> OperationDiff:
        result = OperationDiff(name, "updated")
        directions: tuple[tuple[str, Direction], ...] = (("input", "request"), ("output", "response"))
        for key, direction in directions:
            old_ref, new_ref = old_op.get(key, {}).get("shape"), new_op.get(key, {}).get("shape")
            if new_ref is None and old_ref is None:
                continue
            if old_ref is None:
                tree = self.added(new_ref, frozenset())
                result.changes.append(Change(direction, "", new_ref, "shape-added", f"{direction} shape added",
                                             "compatible", f"{names.method_name(name)}() {direction} added"))
            elif new_ref is None:
                tree = None
                result.changes.append(Change(direction, "", old_ref, "shape-removed", f"{direction} shape removed",
                                             "breaking", f"{names.method_name(name)}() {direction} removed"))
            else:
                tree = self.public(old_ref, new_ref, frozenset())
                result.changes.extend(self.detailed(old_ref, new_ref, direction, frozenset()))
            setattr(result, direction, tree)
        return result

    # --- the public changelog's view ---------------------------------------------------------------

    def public(self, old_name: str, new_name: str, visiting: frozenset[tuple[str, str]]) -> Any:
        """What the new shape gained, as the public changelog renders it; None if nothing."""
        key = (old_name, new_name)
        if key in self._public:
            return self._public[key]
        if key in visiting:
            return None
        visiting = visiting | {key}
        old, new = self._shape(self.old, old_name), self._shape(self.new, new_name)
        result: Any = None
        kind = new.get("type")
        if kind != old.get("type"):
            result = None  # a type change is reported by the extended report, not the public format
        elif kind == "structure":
            old_members, new_members = old.get("members", {}), new.get("members", {})
            tree = {}
            for member, ref in new_members.items():
                if member not in old_members:
                    tree[member] = self.added(ref["shape"], frozenset())
                else:
                    inner = self.public(old_members[member]["shape"], ref["shape"], visiting)
                    if inner is not None:
                        tree[member] = inner
            result = tree or None
        elif kind == "list":
            result = self.public(old["member"]["shape"], new["member"]["shape"], visiting)
        elif kind == "map":
            result = self.public(old["value"]["shape"], new["value"]["shape"], visiting)
        elif "enum" in new:
            added = set(new["enum"]) - set(old.get("enum", []))
            result = added or None
        self._public[key] = result
        return result

    def added(self, name: str, ancestors: frozenset[str]) -> Any:
        """A newly added shape, rendered in full as the public changelog does."""
        if name in ancestors:
            return ()  # a recursive reference; the public format prints it as ()
        shape = self._shape(self.new, name)
        ancestors = ancestors | {name}
        kind = shape.get("type")
        if kind == "structure":
            return {m: self.added(ref["shape"], ancestors) for m, ref in shape.get("members", {}).items()}
        if kind == "list":
            return [self.added(shape["member"]["shape"], ancestors)]
        if kind == "map":
            return {self.added(shape["key"]["shape"], ancestors): self.added(shape["value"]["shape"], ancestors)}
        if "enum" in shape:
            return " | ".join(shape["enum"])
        return str(kind)

    # --- what the public changelog is blind to -------------------------------------------------------------

    def detailed(self, old_name: str, new_name: str, direction: Direction,
                 visiting: frozenset[tuple[str, str]]) -> list[Change]:
        """Every change below a shape pair, with paths relative to it."""
        key = (old_name, new_name, direction)
        if key in self._detailed:
            return self._detailed[key]
        if (old_name, new_name) in visiting:
            return []
        visiting = visiting | {(old_name, new_name)}
        old, new = self._shape(self.old, old_name), self._shape(self.new, new_name)
        changes: list[Change] = []
        request = direction == "request"

        def note(path: str, kind: str, detail: str, breaking: bool, python: str, shape: str = new_name) -> None:
            changes.append(Change(direction, path, shape, kind, detail, "breaking" if breaking else "compatible",
                                  python))

        old_kind, new_kind = _kind(old), _kind(new)
        if old_kind != new_kind:
            note("", "type-changed", f"{new_name}: {old_kind} -> {new_kind}", True,
                 f"{new_name}: type changes from {old_kind} to {new_kind}")
        elif new_kind in ("structure", "union"):
            changes += self._structure(old_name, old, new_name, new, direction, visiting, note)
        elif new_kind in ("list", "map"):
            for part, step in (("member", "[]"), ("key", "{key}"), ("value", "{}")):
                if part in new and part in old:
                    inner = self.detailed(old[part]["shape"], new[part]["shape"], direction, visiting)
                    changes += [_below(step, c) for c in inner]
        elif new_kind == "enum":
            added = [v for v in new["enum"] if v not in old["enum"]]
            removed = [v for v in old["enum"] if v not in new["enum"]]
            cls = names.class_name(new_name)
            if added:
                note("", "enum-values-added", f"{new_name}: values added {added}", False,
                     f"{cls} (+ {', '.join(added)})")
            if removed:
                note("", "enum-values-removed", f"{new_name}: values removed {removed}", True,
                     f"{cls} (- {', '.join(removed)})")
        if new_kind not in ("structure", "union") and old_kind == new_kind:
            for bound in ("min", "max"):
                before, after = old.get(bound), new.get(bound)
                if bound == "min" and new_kind in _SIZED_KINDS:
                    before, after = before or 0, after or 0  # no minimum size is a minimum of 0
                if before != after:
                    tighter = after is not None and (before is None or (after > before if bound == "min"
                                                                        else after < before))
                    note("", f"{bound}-changed", f"{new_name}: {bound} {before} -> {after}", request and tighter,
                         f"{new_name}: {bound} {before} -> {after} ({'tightened' if tighter else 'loosened'})")
            if _unanchored(old.get("pattern")) != _unanchored(new.get("pattern")):
                note("", "pattern-changed", f"{new_name}: pattern {old.get('pattern')!r} -> {new.get('pattern')!r}",
                     request, f"{new_name}: pattern changed")
        if self.docs and old.get("documentation") != new.get("documentation"):
            note("", "docs-changed", f"{new_name}: documentation changed", False, f"{new_name}: docstring")
        self._detailed[key] = changes
        return changes

    def _structure(self, old_name: str, old: dict[str, Any], new_name: str, new: dict[str, Any],
                   direction: Direction, visiting: frozenset[tuple[str, str]], note: Any) -> list[Change]:
        changes: list[Change] = []
        request = direction == "request"
        cls = names.class_name(new_name)
        old_members, new_members = old.get("members", {}), new.get("members", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for member, ref in new_members.items():
            field_name = f"{cls}.{names.snake_case(member)}"
            if member not in old_members:
                required = member in new_required
                note(member, "member-added", f"{new_name}.{member} added{' (required)' if required else ''}",
                     request and required, f"{field_name}: new {'required' if required else 'optional'} field")
                continue
            old_target, new_target = old_members[member]["shape"], ref["shape"]
            was, now = member in old_required, member in new_required
            if was != now:
                # Requests: a newly required member breaks callers. Responses: a member that may now be
                # absent breaks readers.
                note(member, "became-required" if now else "became-optional",
                     f"{new_name}.{member} became {'required' if now else 'optional'}",
                     (request and now) or (not request and not now),
                     f"{field_name}: now {'required' if now else 'optional'}")
            same_kind = _kind(self._shape(self.old, old_target)) == _kind(self._shape(self.new, new_target))
            if old_target != new_target and same_kind:  # a kind change is reported one level down
                note(member, "target-changed", f"{new_name}.{member}: shape {old_target} -> {new_target}", True,
                     f"{field_name}: type {names.class_name(old_target)} -> {names.class_name(new_target)}")
            changes += [_below(member, c) for c in self.detailed(old_target, new_target, direction, visiting)]
            if self.docs and old_members[member].get("documentation") != ref.get("documentation"):
                note(member, "docs-changed", f"{new_name}.{member}: documentation changed", False,
                     f"{field_name}: docstring")
        for member in old_members:
            if member not in new_members:
                note(member, "member-removed", f"{new_name}.{member} removed", True,
                     f"{cls}.{names.snake_case(member)}: field removed")
        return changes

    @staticmethod
    def _shape(shapes: dict[str, Any], name: str) -> dict[str, Any]:
        shape = shapes.get(name)
        if not isinstance(shape, dict):
            raise ModelError(name, "referenced but not defined in the model")
        return shape


# Kinds whose min and max bound a length or a count, not a value.
_SIZED_KINDS = frozenset({"string", "list", "map", "blob", "enum"})


def _unanchored(pattern: str | None) -> str | None:
    """Patterns are matched against the whole value, so ``^...$`` anchors change nothing."""
    if pattern is None:
        return None
    return pattern.removeprefix("^").removesuffix("$") if not pattern.endswith("\\$") else pattern.removeprefix("^")


def _kind(shape: dict[str, Any]) -> str:
    if shape.get("type") == "string" and "enum" in shape:
        return "enum"
    if shape.get("type") == "structure" and shape.get("union"):
        return "union"
    return str(shape.get("type"))


def _below(step: str, change: Change) -> Change:
    """``change`` seen from one level up: ``Member`` + ``.Path``, or a list/map step + ``[]``/``{}``."""
    tail = change.path
    if not tail:
        path = step
    elif tail.startswith(("[", "{")):
        path = step + tail
    else:
        path = f"{step}.{tail}"
    return Change(change.direction, path, change.shape, change.kind, change.detail, change.severity, change.python)
