"""Patterns as automata: Thompson's construction over Python's own parse of a pattern (``re._parser``),
matched against whole values, and the character-class arithmetic the construction needs.

What reads these: the diff (``pattern_language``: does one pattern accept every value another does),
the validator's safety check (``backtracking``: could re take more than linear time on a pattern) and
the deterministic automata the validator runs where it could (``dfa``). Python's meaning of ``.``,
``\\d``, ``\\w``, ``\\s`` is modelled (the last three from the generator's Unicode table); a construct
this module does not model (look-arounds, back-references, atomic groups, case-insensitive matching,
word boundaries) raises Undecided.
"""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from codegen.unicode_categories import category_runs

PARSER: Any = importlib.import_module("re._parser")
CONSTANTS: Any = importlib.import_module("re._constants")

Ranges = tuple[tuple[int, int], ...]  # sorted, disjoint, inclusive code point ranges
_ALL: Ranges = ((0, sys.maxunicode),)
_BEGIN, _END = "begin", "end"  # empty transitions allowed only at the value's start or end


@lru_cache(maxsize=None)
def parse(pattern: str) -> Any:
    """re's parse of a pattern, once per pattern: the validator's checks, the analysis and the automata
    all read it, and parsing a translated Unicode category (thousands of ranges) is the slow part.
    The trees are only read."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # re's FutureWarnings on "[[" and "--": valid today
        return PARSER.parse(pattern)


class Undecided(Exception):
    """The pattern uses a construct this module does not model, or the walk is too long."""


@dataclass(slots=True)
class Automaton:
    """Thompson's construction: state 0 starts, ``accept`` accepts; empty moves may be conditional."""

    accept: int = 0
    empty: list[list[tuple[str | None, int]]] = field(default_factory=list)
    moves: list[list[tuple[Ranges, int]]] = field(default_factory=list)

    def state(self) -> int:
        self.empty.append([])
        self.moves.append([])
        return len(self.moves) - 1


@lru_cache(maxsize=512)
def automaton(pattern: str | None) -> Automaton:
    """The automaton of a Python pattern matched against whole values (None: every value matches)."""
    machine = Automaton()
    start, end = machine.state(), machine.state()
    if pattern is None:
        machine.moves[start].append((_ALL, start))
        machine.empty[start].append((None, end))
    else:
        try:
            parsed = parse(pattern)
        except re.error as err:
            raise Undecided(f"does not compile: {err}") from None
        if parsed.state.flags & (re.IGNORECASE | re.MULTILINE | re.ASCII | re.LOCALE):
            raise Undecided("flags")
        Builder(machine, bool(parsed.state.flags & re.DOTALL)).sequence(list(parsed), start, end)
    machine.accept = end
    return machine


class Builder:
    def __init__(
        self, machine: Automaton, dotall: bool, count_kept: int | None = None, assertions_empty: bool = False
    ) -> None:
        # For the ambiguity analysis: a repetition {m,n} with n above count_kept is built as {min(m,1),},
        # and a zero-width assertion (look-around, \\b) as an empty move (more paths, never fewer).
        self.machine, self.dotall, self.count_kept = machine, dotall, count_kept
        self.assertions_empty = assertions_empty

    def sequence(self, items: list[Any], start: int, end: int) -> None:
        current = start
        for op, argument in items:
            after = self.machine.state()
            self.item(op, argument, current, after)
            current = after
        self.machine.empty[current].append((None, end))

    def item(self, op: Any, argument: Any, start: int, end: int) -> None:
        machine = self.machine
        if op is CONSTANTS.LITERAL:
            machine.moves[start].append((((argument, argument),), end))
        elif op is CONSTANTS.NOT_LITERAL:
            machine.moves[start].append((_complement(((argument, argument),)), end))
        elif op is CONSTANTS.ANY:
            machine.moves[start].append((_ALL if self.dotall else _complement(((10, 10),)), end))
        elif op is CONSTANTS.IN:
            machine.moves[start].append((class_ranges(argument), end))
        elif op is CONSTANTS.BRANCH:
            for branch in argument[1]:
                self.sequence(list(branch), start, end)
        elif op is CONSTANTS.SUBPATTERN:
            if argument[1] or argument[2]:
                raise Undecided("inline flags in a group")
            self.sequence(list(argument[3]), start, end)
        elif op in (CONSTANTS.MAX_REPEAT, CONSTANTS.MIN_REPEAT):
            self.repeat(argument[0], argument[1], list(argument[2]), start, end)
        elif op is CONSTANTS.AT and argument in (CONSTANTS.AT_BEGINNING, CONSTANTS.AT_BEGINNING_STRING):
            machine.empty[start].append((_BEGIN, end))
        elif op is CONSTANTS.AT and argument in (CONSTANTS.AT_END, CONSTANTS.AT_END_STRING):
            machine.empty[start].append((_END, end))
        elif self.assertions_empty and op in (CONSTANTS.AT, CONSTANTS.ASSERT, CONSTANTS.ASSERT_NOT):
            machine.empty[start].append((None, end))
        else:
            raise Undecided(f"{op} is not modelled")

    def repeat(self, low: int, high: int, items: list[Any], start: int, end: int) -> None:
        if self.count_kept is not None and (high is CONSTANTS.MAXREPEAT or high > self.count_kept):
            low, high = min(low, 1), CONSTANTS.MAXREPEAT
        current = start
        for _ in range(low):
            after = self.machine.state()
            self.sequence(items, current, after)
            current = after
        if high is CONSTANTS.MAXREPEAT:
            loop = self.machine.state()
            self.machine.empty[current].append((None, loop))
            self.sequence(items, loop, loop)
            self.machine.empty[loop].append((None, end))
            return
        for _ in range(high - low):
            after = self.machine.state()
            self.machine.empty[current].append((None, end))
            self.sequence(items, current, after)
            current = after
        self.machine.empty[current].append((None, end))


def class_ranges(items: list[Any]) -> Ranges:
    ranges: list[tuple[int, int]] = []
    negate = False
    for op, argument in items:
        if op is CONSTANTS.NEGATE:
            negate = True
        elif op is CONSTANTS.LITERAL:
            ranges.append((argument, argument))
        elif op is CONSTANTS.RANGE:
            ranges.append(argument)
        elif op is CONSTANTS.CATEGORY:
            ranges.extend(_category(argument))
        else:
            raise Undecided(f"{op} in a character class is not modelled")
    merged = merge(ranges)
    return _complement(merged) if negate else merged


# Python's \s: what str.isspace() accepts (a fixed list since Unicode 4: Zs, and the separators and
# controls that Python counts as whitespace).
_SPACE: Ranges = (
    (0x09, 0x0D), (0x1C, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
    (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
)  # fmt: skip


@lru_cache(maxsize=None)
def _category(code: Any) -> Ranges:
    """Python's Unicode ``\\d`` (decimal digits, Nd), ``\\w`` (letters and numbers, L* and N*, and
    ``_``) and ``\\s`` and their negations, from the generator's Unicode table: an automaton never
    depends on the Python that builds it."""
    name = str(code).removeprefix("CATEGORY_")
    base = name.removeprefix("NOT_")
    if base == "SPACE":
        ranges = _SPACE
    elif base in ("DIGIT", "WORD"):
        wanted = ("Nd",) if base == "DIGIT" else ("L", "N")
        found = [(low, high) for low, high, category in category_runs() if category.startswith(wanted)]
        ranges = merge(found + ([(0x5F, 0x5F)] if base == "WORD" else []))
    else:
        raise Undecided(f"{code} is not modelled")
    return _complement(ranges) if name.startswith("NOT_") else ranges


def merge(ranges: list[tuple[int, int]]) -> Ranges:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


def _complement(ranges: Ranges) -> Ranges:
    out, next_low = [], 0
    for low, high in ranges:
        if low > next_low:
            out.append((next_low, low - 1))
        next_low = high + 1
    if next_low <= sys.maxunicode:
        out.append((next_low, sys.maxunicode))
    return tuple(out)


States = frozenset[int]


def closure(machine: Automaton, states: States, at_start: bool, at_end: bool) -> States:
    seen, todo = set(states), list(states)
    while todo:
        for condition, target in machine.empty[todo.pop()]:
            allowed = condition is None or (condition == _BEGIN and at_start) or (condition == _END and at_end)
            if allowed and target not in seen:
                seen.add(target)
                todo.append(target)
    return frozenset(seen)


def intersect(a: Ranges, b: Ranges) -> bool:
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i][1] < b[j][0]:
            i += 1
        elif b[j][1] < a[i][0]:
            j += 1
        else:
            return True
    return False


def meet(a: Ranges, b: Ranges) -> Ranges:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if low <= high:
            out.append((low, high))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)
