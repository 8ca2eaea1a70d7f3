"""The validator's interpreter: checks values against per-shape rules.

Copied verbatim into every generated package (automl-codegen's runtime source,
type-checked and tested as such); the package's ``validation`` module holds the
rules of its model and exposes ``validate_shape`` and ``decode_problem``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple, Union

from ._runtime import timestamp


class StructureRule(NamedTuple):
    members: tuple[tuple[str, str], ...]  # (wire name, target shape), in model order
    required: tuple[str, ...]
    union: bool  # a tagged union: exactly one member set


class ListRule(NamedTuple):
    item: str
    min: float | None
    max: float | None


class MapRule(NamedTuple):
    key: str
    value: str
    min: float | None
    max: float | None


class EnumRule(NamedTuple):
    values: tuple[str, ...]


class Automaton(NamedTuple):
    """A deterministic automaton over code points, for a pattern that a backtracking engine (re's)
    could take more than linear time on: each character costs one step. State 0 starts; a value
    matches if it ends in one of the ``accepting`` states. The code points from ``starts[i]`` up to
    the next start are in class ``classes[i]``; ``table[state][class]`` is the next state (-1: the
    value cannot match)."""

    accepting: tuple[int, ...]
    starts: tuple[int, ...]
    classes: tuple[int, ...]
    table: tuple[tuple[int, ...], ...]


class StringRule(NamedTuple):
    min: float | None
    max: float | None
    pattern: str | None  # Python syntax, matched against the whole value


class NumberRule(NamedTuple):
    integral: bool
    min: float | None
    max: float | None


class BlobRule(NamedTuple):
    min: float | None
    max: float | None


class PlainRule(NamedTuple):
    """A kind with nothing to check beyond its type: boolean, timestamp, document."""

    kind: str


Rule = Union[
    StructureRule,
    ListRule,
    MapRule,
    EnumRule,
    StringRule,
    NumberRule,
    BlobRule,
    PlainRule,
]


# Deeper than any request the service takes; a recursive shape nested further, or a value that contains
# itself, is reported at this depth (the checks recurse: Python's limit is about 1,000 frames).
MAX_DEPTH = 200


class ValidationError(ValueError):
    """Raised with every problem found; ``errors`` holds one message per problem."""

    def __init__(self, shape: str, errors: list[str]) -> None:
        super().__init__(f"invalid {shape}: " + "; ".join(errors))
        self.shape = shape
        self.errors = errors

    def __reduce__(self) -> tuple[Any, ...]:
        # From its own arguments, not Exception's args: it pickles and copies.
        return (type(self), (self.shape, self.errors))


class Validator:
    """Checks values against ``rules`` (shape name -> rule).

    ``secret_shapes`` and ``secret_members`` ((structure, member) pairs): no message
    shows their values, nor anything inside them. ``optional_in_responses``: members
    required in requests that responses may lack. ``model_patterns``: the model's text
    of patterns whose Python translation differs, for messages.
    """

    def __init__(
        self,
        rules: Mapping[str, Rule],
        *,
        secret_shapes: frozenset[str] = frozenset(),
        secret_members: frozenset[tuple[str, str]] = frozenset(),
        optional_in_responses: frozenset[tuple[str, str]] = frozenset(),
        model_patterns: Mapping[str, str] | None = None,
        automata: Mapping[str, Automaton] | None = None,
    ) -> None:
        self._rules = rules
        # Patterns re could take more than linear time on, each with the automaton checked instead
        # (one per pattern, however many shapes share it).
        self._automata = automata or {}
        self._secret_shapes = secret_shapes
        self._secret_members = secret_members
        self._optional_in_responses = optional_in_responses
        self._model_patterns = model_patterns or {}
        self._compiled: dict[str, re.Pattern[str]] = {}
        # Per pattern's automaton, per state: the next state of each character met so far.
        self._steps: dict[str, list[dict[str, int]]] = {}

    def validate_shape(self, shape: str, value: Any, path: str = "") -> list[str]:
        """Every constraint ``value`` breaks, as ``path: problem`` messages (empty: valid).

        Raises ``LookupError`` if this package has no shape named ``shape``.
        """
        if shape not in self._rules:
            raise LookupError(
                f"validate_shape: no shape {_short(shape)} in this package"
            )
        errors: list[str] = []
        self._check(shape, value, path, errors)
        return errors

    def _run(self, pattern: str, automaton: Automaton, value: str) -> bool:
        """Whether ``automaton`` (``pattern``'s) accepts ``value``: one step per character,
        remembered per state."""
        steps = self._steps.get(pattern)
        if steps is None:
            steps = self._steps.setdefault(pattern, [{} for _ in automaton.table])
        state = 0
        for char in value:
            following = steps[state].get(char)
            if following is None:
                kind = automaton.classes[bisect_right(automaton.starts, ord(char)) - 1]
                following = automaton.table[state][kind]
                steps[state][char] = following
            if following < 0:
                return False
            state = following
        return state in automaton.accepting

    def shape_pattern(self, shape: str) -> str:
        """The pattern as the model writes it (messages quote the model, not the translation)."""
        rule = self._rules[shape]
        return self._model_patterns.get(shape) or str(getattr(rule, "pattern", None))

    def _check(
        self,
        shape: str,
        value: Any,
        path: str,
        errors: list[str],
        secret: bool = False,
        depth: int = 0,
    ) -> None:
        rule = self._rules[shape]
        where = path or shape
        if depth > MAX_DEPTH:
            # A value nested deeper than any request (or one that contains itself): named, not a
            # RecursionError from deep inside.
            errors.append(
                f"{where}: nested more than {MAX_DEPTH} levels deep, or contains itself"
            )
            return
        secret = secret or shape in self._secret_shapes
        # Most frequent first; exact classes: a rule is never subclassed.
        if type(rule) is StringRule:
            if not isinstance(value, str):
                errors.append(f"{where}: expected a string, got {type(value).__name__}")
                return
            before = len(errors)
            _check_size(value, rule.min, rule.max, "characters", where, errors)
            # A value that breaks its length bound is never matched: patterns may take time
            # that grows with the length, and the value is already invalid.
            if rule.pattern is not None and len(errors) == before:
                automaton = self._automata.get(rule.pattern)
                if automaton is not None:
                    matched = self._run(rule.pattern, automaton, value)
                else:
                    compiled = self._compiled.get(
                        rule.pattern
                    ) or self._compiled.setdefault(
                        rule.pattern, re.compile(rule.pattern)
                    )
                    matched = compiled.fullmatch(value) is not None
                if not matched:
                    shown = _short(value, secret=secret)
                    errors.append(
                        f"{where}: {shown} does not match pattern {self.shape_pattern(shape)!r}"
                    )
        elif type(rule) is StructureRule:
            self._check_structure(
                shape, rule, value, path, where, errors, secret, depth
            )
        elif type(rule) is EnumRule:
            if value not in rule.values:
                allowed = ", ".join(repr(v) for v in rule.values)
                errors.append(
                    f"{where}: {_short(value, secret=secret)} is not one of {allowed}"
                )
        elif type(rule) is ListRule:
            if isinstance(value, (str, bytes, Mapping)) or not hasattr(
                value, "__iter__"
            ):
                errors.append(f"{where}: expected a list, got {type(value).__name__}")
                return
            items = list(value)
            _check_size(items, rule.min, rule.max, "items", where, errors)
            for index, item in enumerate(items):
                self._check(
                    rule.item, item, f"{path}[{index}]", errors, secret, depth + 1
                )
        elif type(rule) is MapRule:
            if not isinstance(value, Mapping):
                errors.append(f"{where}: expected a map, got {type(value).__name__}")
                return
            _check_size(value, rule.min, rule.max, "entries", where, errors)
            for key, item in value.items():
                shown = _short(key, secret=secret)
                where_key = f"{path}[{shown}]"
                self._check(
                    rule.key, key, f"{where_key} (key)", errors, secret, depth + 1
                )
                self._check(rule.value, item, where_key, errors, secret, depth + 1)
        elif type(rule) is NumberRule:
            _check_number(rule, value, where, errors, secret)
        elif type(rule) is BlobRule:
            if isinstance(value, (bytes, bytearray, str)):
                _check_size(value, rule.min, rule.max, "bytes", where, errors)
            elif not hasattr(value, "read"):
                errors.append(
                    f"{where}: expected bytes or a file, got {type(value).__name__}"
                )
        elif type(rule) is PlainRule and rule.kind == "boolean":
            if not isinstance(value, bool):
                errors.append(
                    f"{where}: expected a boolean, got {type(value).__name__}"
                )
        elif type(rule) is PlainRule and rule.kind == "timestamp":
            if not isinstance(value, (datetime, str, int, float)) or isinstance(
                value, bool
            ):
                errors.append(
                    f"{where}: expected a datetime, got {type(value).__name__}"
                )
            elif not isinstance(value, datetime):
                # Text must be ISO 8601 and a number epoch seconds a datetime can hold (nan, inf
                # and 1e20 are none): what decoding accepts, decided in one place (timestamp()).
                try:
                    timestamp(value)
                except ValueError:
                    shown = _short(value, secret=secret)
                    errors.append(f"{where}: {shown} is not an ISO 8601 timestamp")
        # documents: any JSON value

    def _check_structure(
        self,
        shape: str,
        rule: StructureRule,
        value: Any,
        path: str,
        where: str,
        errors: list[str],
        secret: bool,
        depth: int,
    ) -> None:
        if not isinstance(value, Mapping):
            errors.append(
                f"{where}: expected a structure (dict), got {type(value).__name__}"
            )
            return
        known = dict(rule.members)
        prefix = f"{path}." if path else ""
        for key in value:
            if key not in known:
                errors.append(
                    f"{prefix}{_short(key, quoted=False, secret=secret)}: unknown key"
                )
        for key in rule.required:
            if key not in value:
                errors.append(f"{prefix}{key}: required key missing")
            elif value[key] is None:
                errors.append(f"{prefix}{key}: required key is None")
        if rule.union:
            present = [name for name, _ in rule.members if value.get(name) is not None]
            if len(present) != 1:
                names = ", ".join(name for name, _ in rule.members)
                errors.append(
                    f"{where}: exactly one of {names} must be set, got {', '.join(present) or 'none'}"
                )
        for key, item in value.items():
            if key in known and item is not None:
                member_secret = secret or (shape, key) in self._secret_members
                self._check(
                    known[key], item, f"{prefix}{key}", errors, member_secret, depth + 1
                )

    def decode_problem(self, shape: str, value: Any) -> str:
        """Why a wire value cannot be decoded as ``shape``: the first value of a wrong type, or the
        first required key missing or None, named by its path. Only types count: constraints,
        unknown keys and enum values added later do not stop decoding."""
        return (
            self._decode_problem(shape, value, shape, False)
            or f"{shape}: cannot be decoded"
        )

    def response_problem(self, shape: str, value: Any) -> str | None:
        """A required key of the response ``shape`` that ``value`` lacks (or a value that is no
        structure), named; None when it has them all. What a truncated body loses, which botocore
        reads as an empty response: the top level, checked in ~1 µs (the whole description of a job,
        192 keys, takes ``decode_problem`` ~260 µs, more than the call; ``send()`` decodes it all)."""
        rule = self._rules[shape]
        if type(rule) is not StructureRule:
            return None
        if not isinstance(value, Mapping):
            return f"{shape}: expected a structure, got {type(value).__name__}"
        return self._missing_in_response(shape, rule, value, shape)

    def _missing_in_response(
        self, shape: str, rule: StructureRule, value: Mapping[str, Any], where: str
    ) -> str | None:
        """The first key a response of ``shape`` must carry that ``value`` lacks (or holds as None)."""
        for key in rule.required:
            if (
                value.get(key) is None
                and (shape, key) not in self._optional_in_responses
            ):
                return f"{where}.{key}: required key {'missing' if key not in value else 'is None'}"
        return None

    def _decode_problem(
        self, shape: str, value: Any, where: str, secret: bool, depth: int = 0
    ) -> str | None:
        if depth > MAX_DEPTH:
            return (
                f"{where}: nested more than {MAX_DEPTH} levels deep, or contains itself"
            )
        depth += 1
        rule = self._rules[shape]
        secret = secret or shape in self._secret_shapes
        got = type(value).__name__
        if type(rule) is StructureRule:
            if not isinstance(value, Mapping):
                return f"{where}: expected a structure, got {got}"
            missing = self._missing_in_response(shape, rule, value, where)
            if missing:
                return missing
            present = [
                (key, target)
                for key, target in rule.members
                if value.get(key) is not None
            ]
            # A union with none of its members (only unknown keys) decodes as an unknown variant;
            # one that names members must set exactly one.
            if (
                rule.union
                and len(present) != 1
                and (present or any(key in value for key, _ in rule.members))
            ):
                names = ", ".join(key for key, _ in present) or "none"
                return (
                    f"{where}: a tagged union needs exactly one member set, got {names}"
                )
            for key, target in present:
                member_secret = secret or (shape, key) in self._secret_members
                problem = self._decode_problem(
                    target, value[key], f"{where}.{key}", member_secret, depth
                )
                if problem:
                    return problem
            return None
        if type(rule) is ListRule:
            if not isinstance(value, (list, tuple)):
                return f"{where}: expected a list, got {got}"
            for index, item in enumerate(value):
                problem = self._decode_problem(
                    rule.item, item, f"{where}[{index}]", secret, depth
                )
                if problem:
                    return problem
            return None
        if type(rule) is MapRule:
            if not isinstance(value, Mapping):
                return f"{where}: expected a map, got {got}"
            for key, item in value.items():
                shown = _short(key, secret=secret)
                problem = self._decode_problem(
                    rule.key, key, f"{where}[{shown}] (key)", secret, depth
                ) or self._decode_problem(
                    rule.value, item, f"{where}[{shown}]", secret, depth
                )
                if problem:
                    return problem
            return None
        if isinstance(rule, (StringRule, EnumRule)):
            return (
                None
                if isinstance(value, str)
                else f"{where}: expected a string, got {got}"
            )
        if type(rule) is NumberRule:
            wanted: tuple[type, ...] = (int,) if rule.integral else (int, float)
            if type(value) in wanted:
                return None
            return f"{where}: expected {'an integer' if rule.integral else 'a number'}, got {got}"
        if type(rule) is PlainRule and rule.kind == "boolean":
            return (
                None
                if type(value) is bool
                else f"{where}: expected a boolean, got {got}"
            )
        if type(rule) is PlainRule and rule.kind == "timestamp":
            try:
                timestamp(value)  # what decoding accepts, decided in one place
                return None
            except TypeError:
                return f"{where}: expected a timestamp, got {got}"
            except ValueError:
                return f"{where}: {_short(value, secret=secret)} is not an ISO 8601 timestamp"
        return None  # blobs and documents: botocore's own types


def _check_number(
    rule: NumberRule, value: Any, where: str, errors: list[str], secret: bool
) -> None:
    wanted = int if rule.integral else (int, float)
    if isinstance(value, bool) or not isinstance(value, wanted):
        expected = "an integer" if rule.integral else "a number"
        errors.append(f"{where}: expected {expected}, got {type(value).__name__}")
        return
    if value != value:
        errors.append(f"{where}: NaN is not a number AWS accepts")
        return
    if rule.min is not None and value < rule.min:
        errors.append(
            f"{where}: {_short(value, secret=secret)} is less than the minimum {rule.min}"
        )
    if rule.max is not None and value > rule.max:
        errors.append(
            f"{where}: {_short(value, secret=secret)} is more than the maximum {rule.max}"
        )


def _check_size(
    value: Any, minimum: Any, maximum: Any, unit: str, where: str, errors: list[str]
) -> None:
    size = len(value)
    if minimum is not None and size < minimum:
        errors.append(f"{where}: {size} {unit}, fewer than the minimum {minimum}")
    if maximum is not None and size > maximum:
        errors.append(f"{where}: {size} {unit}, more than the maximum {maximum}")


def _short(value: Any, quoted: bool = True, secret: bool = False) -> str:
    """A value as it goes into a message: repr'd (unless ``quoted`` is off for a str), at most 80
    characters, and ``'***'`` if it is secret."""
    if secret:
        return "'***'"
    if isinstance(value, int) and value.bit_length() > 256:
        # repr() refuses integers of more than 4,300 digits (ValueError), and no message needs them
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    text = value if isinstance(value, str) and not quoted else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
