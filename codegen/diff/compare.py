"""The diff stage: what changed between two versions of a service model.

Works on two models read by the model layer (``codegen.model.shapes``: every
shape validated and classified as for ``generate``) and knows nothing about
rendering. It computes

* the public AWS API changelog's view: new operations, and for updated ones
  the tree of what their request and response gained (members added to a
  structure, values added to an enum, at any depth);
* what that changelog is blind to: removed operations, members and enum
  values, required-ness changes, type and target changes, constraint and
  (optionally) documentation changes, each under a stable rule ID with two
  verdicts (``codegen.diff.rules``): on the wire, and for code written against
  the generated package. A member that now refers to another shape is compared
  by what that shape is (kind, constraints, members, values), not its name.
  A changed pattern is compared by the values it matches
  (``codegen.model.pattern_language``), with an example where it refuses one.

Shape pairs are compared once and memoised: two full SageMaker models (~3,000
shapes each) diff in a few seconds at most, most of it spent comparing changed
patterns (1.34.157 -> 1.44.8: 43 pattern pairs, ~1.7 s of 2.4 s). Paths are relative to each
operation's request or response and stop where they would repeat a shape pair
(a recursive model); a result cut short at a cycle through an ancestor is never
reused from another root, so what is found does not depend on the selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from codegen.diff.rules import RULES, Verdict
from codegen.errors import ModelError
from codegen.model import names
from codegen.model.build import build_service
from codegen.model.ir import EnumShape, Structure, Union
from codegen.model.automata import Undecided
from codegen.model.pattern_language import refused_value
from codegen.model.patterns import pattern_check
from codegen.model.select import operations_matching, select
from codegen.model.shapes import DOCUMENT, SIZED_KINDS, Model, ShapeDef

Direction = Literal["request", "response"]
Severity = Literal["breaking", "compatible"]
Axis = Literal["wire", "python", "any"]


@dataclass(frozen=True, slots=True)
class Change:
    """One change the public changelog does not show, at a path below an operation's request or response."""

    direction: Direction
    path: str  # wire path from the request/response root, e.g. "AutoMLJobObjective.MetricName"
    shape: str  # the shape that changed
    rule: str  # its stable ID in codegen.diff.rules.RULES, e.g. request-enum-value-removed
    detail: str
    effect: str  # the effect on the generated Python API, e.g. "AutoMLMetricEnum (- AUC)"
    # A value of the changed shape that the old model accepted and the new one refuses (pattern rules).
    witness: str | None = None

    @property
    def wire(self) -> Verdict:
        return RULES[self.rule].wire

    @property
    def python(self) -> Verdict:
        return RULES[self.rule].python

    @property
    def severity(self) -> Severity:
        """Breaking on either axis."""
        return "breaking" if "breaking" in (self.wire, self.python) else "compatible"


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
        updated = sorted(
            (o for o in self.operations if o.status == "updated" and (o.request or o.response)), key=lambda o: o.name
        )
        return new + updated

    def changes(self, severity: Severity | None = None) -> list[tuple[str, Change]]:
        """(operation, change) pairs by operation name, optionally only those of one severity."""
        return [
            (o.name, c)
            for o in sorted(self.operations, key=lambda o: o.name)
            for c in o.changes
            if severity is None or c.severity == severity
        ]

    def breaking(self, axis: Axis = "any") -> list[tuple[str, Change]]:
        """The changes breaking on the wire, for the Python API, or on either."""
        return [
            (op, c)
            for op, c in self.changes("breaking")
            if axis == "any" or (c.wire if axis == "wire" else c.python) == "breaking"
        ]


def diff_models(old: Model, new: Model, operations_regex: str = ".*", docs: bool = False) -> ModelDiff:
    """Compare the operations ``operations_regex`` finds in either model; none found is an error."""
    operations = operations_matching(operations_regex, sorted(set(old.operation_names) | set(new.operation_names)))
    differ = _Differ(
        old,
        new,
        docs,
        _package_classes(old, operations, operations_regex),
        _package_classes(new, operations, operations_regex),
    )
    results = []
    for name in operations:
        if not old.has_operation(name):
            results.append(OperationDiff(name, "new"))
        elif not new.has_operation(name):
            results.append(
                OperationDiff(
                    name,
                    "removed",
                    changes=[
                        Change(
                            "request",
                            "",
                            name,
                            "operation-removed",
                            f"operation {name} removed",
                            f"{names.method_name(name)}() removed",
                        )
                    ],
                )
            )
        else:
            try:
                results.append(differ.operation(name))
            except RecursionError:
                sources = " and ".join(s for s in dict.fromkeys((old.source, new.source)) if s) or None
                raise ModelError(name, "nests shapes too deeply to compare", source=sources) from None
    return ModelDiff(new.full_name, results)


def _package_classes(model: Model, operations: tuple[str, ...], operations_regex: str) -> dict[str, str]:
    """The class name of each shape in the package generated from ``model`` for these operations:
    read from the IR the generator builds (which validates everything the report will read), so a
    name in the report is the name the package has."""
    if not any(model.has_operation(op) and not model.operation(op).streams_input for op in operations):
        return {}  # the package would have none of them (botocore's clients leave out input event streams)
    service = build_service(model, select(model, operations_regex), operations_regex)
    return {name: shape.class_name for name, shape in service.shapes.items() if isinstance(shape, _CLASSED)}


_CLASSED = (Structure, Union, EnumShape)


# A result computed below a cycle that was cut at an ancestor depends on the path that led to it,
# so it is kept only for that path; results whose cycles all close at the shape itself are memoised.
_Cut = frozenset[tuple[str, str]]


class _Differ:
    def __init__(
        self, old: Model, new: Model, docs: bool, old_classes: dict[str, str], new_classes: dict[str, str]
    ) -> None:
        self.old, self.new, self.docs = old, new, docs
        self.old_classes, self.new_classes = old_classes, new_classes  # as each generated package names them
        self._public: dict[Any, Any] = {}
        self._detailed: dict[Any, Any] = {}

    def operation(self, name: str) -> OperationDiff:
        old_op, new_op = self.old.operation(name), self.new.operation(name)
        result = OperationDiff(name, "updated")
        directions: tuple[tuple[str | None, str | None, Direction], ...] = (
            (old_op.input, new_op.input, "request"),
            (old_op.output, new_op.output, "response"),
        )
        for old_ref, new_ref, direction in directions:
            if new_ref is None and old_ref is None:
                continue
            if old_ref is None:
                assert new_ref is not None
                tree = self.added(new_ref, frozenset())
                result.changes.append(
                    Change(
                        direction,
                        "",
                        new_ref,
                        f"{direction}-shape-added",
                        f"{direction} shape added",
                        f"{names.method_name(name)}() {direction} added",
                    )
                )
            elif new_ref is None:
                tree = None
                result.changes.append(
                    Change(
                        direction,
                        "",
                        old_ref,
                        f"{direction}-shape-removed",
                        f"{direction} shape removed",
                        f"{names.method_name(name)}() {direction} removed",
                    )
                )
            else:
                tree, _ = self.public(old_ref, new_ref, ())
                found, _ = self.detailed(old_ref, new_ref, direction, ())
                result.changes.extend(found)
            setattr(result, direction, tree)
        return result

    # --- the public changelog's view ---------------------------------------------------------------

    def public(self, old_name: str, new_name: str, visiting: tuple[tuple[str, str], ...]) -> tuple[Any, _Cut]:
        """What the new shape gained, as the public changelog renders it (None if nothing), and the
        ancestors at which cycles below it were cut."""
        return self._memoised(self._public, (old_name, new_name), (old_name, new_name), visiting, None, self._public_of)

    def _public_of(self, old_name: str, new_name: str, visiting: tuple[tuple[str, str], ...]) -> tuple[Any, set[Any]]:
        old, new = self.old.shape(old_name), self.new.shape(new_name)
        result: Any = None
        cut: set[tuple[str, str]] = set()
        if new.kind != old.kind:
            result = None  # a type change is reported by the extended report, not the public format
        elif new.kind in ("structure", "union"):
            tree = {}
            for member, ref in new.members.items():
                if member not in old.members:
                    tree[member] = self.added(ref.target, frozenset())
                else:
                    inner, inner_cut = self.public(old.members[member].target, ref.target, visiting)
                    cut |= inner_cut
                    if inner is not None:
                        tree[member] = inner
            result = tree or None
        elif new.kind == "list":
            result, inner_cut = self.public(str(old.item), str(new.item), visiting)
            cut |= inner_cut
        elif new.kind == "map":
            result, inner_cut = self.public(str(old.value), str(new.value), visiting)
            cut |= inner_cut
        elif new.kind == "enum":
            added = set(new.values) - set(old.values)
            result = added or None
        return result, cut

    @staticmethod
    def _memoised(
        memo: dict[Any, Any],
        key: Any,
        pair: tuple[str, str],
        visiting: tuple[tuple[str, str], ...],
        at_cycle: Any,
        compute: Any,
    ) -> tuple[Any, _Cut]:
        """``compute(old, new, visiting)`` for a shape pair, cut short (``at_cycle``) where the pair is
        already being visited. The result is memoised only if every cycle below closed at the pair
        itself: one cut at an ancestor depends on the path that led here."""
        if key in memo:
            return memo[key], frozenset()
        if pair in visiting:
            return at_cycle, frozenset({pair})
        result, cut = compute(*pair, (*visiting, pair))
        cut = frozenset(cut) - {pair}
        if not cut:
            memo[key] = result
        return result, cut

    def added(self, name: str, ancestors: frozenset[str]) -> Any:
        """A newly added shape, rendered in full as the public changelog does."""
        if name in ancestors:
            return ()  # a recursive reference; the public format prints it as ()
        shape = self.new.shape(name)
        ancestors = ancestors | {name}
        if shape.kind in ("structure", "union"):
            return {m: self.added(ref.target, ancestors) for m, ref in shape.members.items()}
        if shape.kind == "list":
            return [self.added(str(shape.item), ancestors)]
        if shape.kind == "map":
            return {self.added(str(shape.key), ancestors): self.added(str(shape.value), ancestors)}
        if shape.kind == "enum":
            return " | ".join(shape.values)
        return "structure" if shape.kind == DOCUMENT else shape.kind

    # --- what the public changelog is blind to -------------------------------------------------------------

    def detailed(
        self, old_name: str, new_name: str, direction: Direction, visiting: tuple[tuple[str, str], ...]
    ) -> tuple[list[Change], _Cut]:
        """Every change below a shape pair, with paths relative to it, and the ancestors at which
        cycles below it were cut."""
        return self._memoised(
            self._detailed,
            (old_name, new_name, direction),
            (old_name, new_name),
            visiting,
            [],
            lambda old, new, path: self._detailed_of(old, new, direction, path),
        )

    def _detailed_of(
        self, old_name: str, new_name: str, direction: Direction, visiting: tuple[tuple[str, str], ...]
    ) -> tuple[list[Change], set[Any]]:
        old, new = self.old.shape(old_name), self.new.shape(new_name)
        changes: list[Change] = []
        cut: set[tuple[str, str]] = set()
        request = direction == "request"

        def note(path: str, rule: str, detail: str, effect: str, witness: str | None = None) -> None:
            changes.append(Change(direction, path, new_name, rule, detail, effect, witness))

        def below(step: str, old_target: str, new_target: str) -> None:
            inner, inner_cut = self.detailed(old_target, new_target, direction, visiting)
            cut.update(inner_cut)
            changes.extend(_below(step, c) for c in inner)

        if old.kind != new.kind:
            note(
                "",
                f"{direction}-type-changed",
                f"{new_name}: {old.kind} -> {new.kind}",
                f"{new_name}: type changes from {old.kind} to {new.kind}",
            )
        elif new.kind in ("structure", "union"):
            self._structure(old, new, direction, note, below)
        elif new.kind == "list":
            below("[]", str(old.item), str(new.item))
        elif new.kind == "map":
            below("{key}", str(old.key), str(new.key))
            below("{}", str(old.value), str(new.value))
        elif new.kind == "enum":
            added = [v for v in new.values if v not in old.values]
            removed = [v for v in old.values if v not in new.values]
            cls = self.new_classes.get(new_name, new_name)  # only on event-stream paths
            if added:
                note(
                    "",
                    f"{direction}-enum-value-added",
                    f"{new_name}: values added {added}",
                    f"{cls} (+ {', '.join(added)})",
                )
            if removed:
                note(
                    "",
                    f"{direction}-enum-value-removed",
                    f"{new_name}: values removed {removed}",
                    f"{cls} (- {', '.join(removed)})",
                )
        if new.kind not in ("structure", "union") and old.kind == new.kind:
            for bound in ("min", "max"):
                before, after = getattr(old.constraints, bound), getattr(new.constraints, bound)
                if bound == "min" and new.kind in SIZED_KINDS:
                    before, after = before or 0, after or 0  # no minimum size is a minimum of 0
                if before != after:
                    tighter = after is not None and (
                        before is None or (after > before if bound == "min" else after < before)
                    )
                    how = "tightened" if tighter else "loosened"
                    note(
                        "",
                        f"request-bound-{how}" if request else "response-bound-changed",
                        f"{new_name}: {bound} {before} -> {after} ({how})",
                        f"{new_name}: no change to its type",
                    )
            pattern_change = _pattern_change(old, new, direction)
            if pattern_change is not None:
                rule, how, witness = pattern_change
                note(
                    "",
                    rule,
                    f"{new_name}: pattern {old.constraints.pattern!r} -> {new.constraints.pattern!r}{how}",
                    f"{new_name}: no change to its type",
                    witness,
                )
        if self.docs and old.docs != new.docs:
            note("", "docs-changed", f"{new_name}: documentation changed", f"{new_name}: docstring")
        return changes, cut

    def _structure(self, old: ShapeDef, new: ShapeDef, direction: Direction, note: Any, below: Any) -> None:
        request = direction == "request"
        cls = self.new_classes.get(new.name, new.name)
        new_fields = dict(zip(new.members, names.member_names(new.members)))
        old_fields = dict(zip(old.members, names.member_names(old.members)))
        for member, ref in new.members.items():
            field_name = f"{cls}.{new_fields[member]}"
            if member not in old.members:
                required = member in new.required
                note(
                    member,
                    "request-required-member-added" if request and required else f"{direction}-member-added",
                    f"{new.name}.{member} added{' (required)' if required else ''}",
                    f"{field_name}: new {'required' if required else 'optional'} field",
                )
                continue
            old_ref = old.members[member]
            was, now = member in old.required, member in new.required
            if was != now:
                # Requests: a newly required member breaks callers. Responses: a member that may now be
                # absent breaks readers.
                note(
                    member,
                    f"{direction}-member-became-{'required' if now else 'optional'}",
                    f"{new.name}.{member} became {'required' if now else 'optional'}",
                    f"{field_name}: now {'required' if now else 'optional'}",
                )
            old_kind, new_kind = self.old.shape(old_ref.target).kind, self.new.shape(ref.target).kind
            if old_ref.target != ref.target and old_kind == new_kind:  # a kind change is reported one level down
                # What the new target is, is compared below; the retarget itself only renames a Python type,
                # and only shapes with a Python name of their own have one to lose.
                old_class = self.old_classes.get(old_ref.target, old_ref.target)
                new_class = self.new_classes.get(ref.target, ref.target)
                if new_kind not in _NAMED_KINDS:
                    rule = "member-shape-renamed"
                elif old_class in self.new_classes.values():
                    rule = "member-class-replaced"
                else:
                    rule = "member-class-renamed"
                note(
                    member,
                    rule,
                    f"{new.name}.{member}: shape {old_ref.target} -> {ref.target}",
                    (
                        f"{field_name}: type {old_class} -> {new_class}"
                        if new_kind in _NAMED_KINDS
                        else f"{field_name}: no change to its type"
                    ),
                )
            below(member, old_ref.target, ref.target)
            if self.docs and old_ref.docs != ref.docs:
                note(
                    member,
                    "docs-changed",
                    f"{new.name}.{member}: documentation changed",
                    f"{field_name}: docstring",
                )
        for member in old.members:
            if member not in new.members:
                # A response member clients decoded as optional may go without breaking the wire.
                optional_reply = not request and member not in old.required
                note(
                    member,
                    "response-optional-member-removed" if optional_reply else f"{direction}-member-removed",
                    f"{new.name}.{member} removed",
                    f"{cls}.{old_fields[member]}: field removed",
                )


# Shape kinds whose Python type has a name of its own (a dataclass and TypedDicts, a Literal alias and an
# enum class), which a member's retarget renames.
_NAMED_KINDS = frozenset({"structure", "union", "enum"})


def _pattern_change(old: ShapeDef, new: ShapeDef, direction: Direction) -> tuple[str, str, str | None] | None:
    """The rule for a changed pattern, what it now refuses or accepts, and a value it refuses that it
    accepted; or None if the two patterns match the same values of a length both shapes allow (what the
    validators check: the Python translations)."""
    old_pattern, new_pattern = old.constraints.pattern, new.constraints.pattern
    if _normalised(old_pattern) == _normalised(new_pattern):
        return None
    lows = [b for b in (old.constraints.min, new.constraints.min) if b is not None]
    highs = [b for b in (old.constraints.max, new.constraints.max) if b is not None]
    low, high = int(max(lows, default=0)), (int(min(highs)) if highs else None)
    if high is not None and low > high:
        return None  # no value fits both shapes' bounds; the bound change says it all
    old_checked, new_checked = _checked(old), _checked(new)
    try:
        refused = refused_value(old_checked, new_checked, low, high)
        accepted = refused_value(new_checked, old_checked, low, high)
    except Undecided:
        return f"{direction}-pattern-changed", " (not decided whether it only grew)", None
    if refused is None and accepted is None:
        return None
    if direction == "response":
        return "response-pattern-changed", "", None
    if refused is None:
        return "request-pattern-loosened", f" (now also accepts {accepted!r})", None
    if accepted is None:
        return "request-pattern-tightened", f" (refuses {refused!r})", refused
    return "request-pattern-changed", f" (refuses {refused!r}, accepts {accepted!r})", refused


def _checked(shape: ShapeDef) -> str | None:
    """The pattern the validator checks values of ``shape`` against (None: it checks none)."""
    c = shape.constraints
    check = pattern_check(c.pattern, c.min, c.max) if c.pattern else None
    return check[0] if check else None


def _normalised(pattern: str | None) -> str | None:
    """What a pattern means, as far as spelling goes: patterns are matched against the whole value, so
    ``^...$`` anchors change nothing, and neither do parentheses (capturing or not) around all of it."""
    if pattern is None:
        return None
    while True:
        stripped = pattern.removeprefix("^")
        if stripped.endswith("$") and not stripped.endswith("\\$"):
            stripped = stripped[:-1]
        for opening in ("(?:", "("):
            group = stripped.startswith(opening) and (opening == "(?:" or stripped[1:2] != "?")  # not (?=, (?P<
            if group and stripped.endswith(")") and _closes_at_end(stripped, len(opening)):
                stripped = stripped[len(opening) : -1]
                break
        if stripped == pattern:
            return pattern
        pattern = stripped


def _closes_at_end(pattern: str, start: int) -> bool:
    """Whether the group opened just before ``start`` closes at the pattern's last character (escapes and
    character classes respected), i.e. it encloses all of the rest."""
    depth, i, in_class = 1, start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # a ] right after [ is a character of the class
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i == len(pattern) - 1
        i += 1
    return False


def _below(step: str, change: Change) -> Change:
    """``change`` seen from one level up: ``Member`` + ``.Path``, or a list/map step + ``[]``/``{}``."""
    tail = change.path
    if not tail:
        path = step
    elif tail.startswith(("[", "{")):
        path = step + tail
    else:
        path = f"{step}.{tail}"
    return Change(change.direction, path, change.shape, change.rule, change.detail, change.effect, change.witness)
