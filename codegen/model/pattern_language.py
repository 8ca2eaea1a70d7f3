"""What a pattern matches: the set of strings as an automaton, and whether one set holds another.

The diff asks whether a changed pattern refuses a value the old one accepted (breaking) or only accepts
more (compatible). For patterns matched against a whole value of bounded length this is decidable: both
patterns become automata (Thompson's construction over Python's own parse of the pattern), and a
breadth-first walk of the pair of their subset automata, one layer per value length, finds the shortest
value the old pattern accepts and the new one refuses, or proves there is none.

Only what the validator checks is compared: the Python translation (``patterns.checked_pattern``), with
Python's meaning of ``.``, ``\\d``, ``\\w``, ``\\s``. A construct whose language this module does not model
(look-arounds, back-references, atomic groups, case-insensitive matching, word boundaries) makes the
answer None: undecided, and the diff stays on the safe side.
"""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_PARSER: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")

Ranges = tuple[tuple[int, int], ...]  # sorted, disjoint, inclusive code point ranges
_ALL: Ranges = ((0, sys.maxunicode),)
_BEGIN, _END = "begin", "end"  # empty transitions allowed only at the value's start or end
# A walk longer than this many steps (pairs of state sets explored) is given up: undecided.
MAX_STEPS = 200_000


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
            parsed = _PARSER.parse(pattern)
        except re.error as err:
            raise Undecided(f"does not compile: {err}") from None
        if parsed.state.flags & (re.IGNORECASE | re.MULTILINE | re.ASCII | re.LOCALE):
            raise Undecided("flags")
        _Builder(machine, bool(parsed.state.flags & re.DOTALL)).sequence(list(parsed), start, end)
    machine.accept = end
    return machine


class _Builder:
    def __init__(self, machine: Automaton, dotall: bool) -> None:
        self.machine, self.dotall = machine, dotall

    def sequence(self, items: list[Any], start: int, end: int) -> None:
        current = start
        for op, argument in items:
            after = self.machine.state()
            self.item(op, argument, current, after)
            current = after
        self.machine.empty[current].append((None, end))

    def item(self, op: Any, argument: Any, start: int, end: int) -> None:
        machine = self.machine
        if op is _C.LITERAL:
            machine.moves[start].append((((argument, argument),), end))
        elif op is _C.NOT_LITERAL:
            machine.moves[start].append((_complement(((argument, argument),)), end))
        elif op is _C.ANY:
            machine.moves[start].append((_ALL if self.dotall else _complement(((10, 10),)), end))
        elif op is _C.IN:
            machine.moves[start].append((_class(argument), end))
        elif op is _C.BRANCH:
            for branch in argument[1]:
                self.sequence(list(branch), start, end)
        elif op is _C.SUBPATTERN:
            if argument[1] or argument[2]:
                raise Undecided("inline flags in a group")
            self.sequence(list(argument[3]), start, end)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            self.repeat(argument[0], argument[1], list(argument[2]), start, end)
        elif op is _C.AT and argument in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING):
            machine.empty[start].append((_BEGIN, end))
        elif op is _C.AT and argument in (_C.AT_END, _C.AT_END_STRING):
            machine.empty[start].append((_END, end))
        else:
            raise Undecided(f"{op} is not modelled")

    def repeat(self, low: int, high: int, items: list[Any], start: int, end: int) -> None:
        current = start
        for _ in range(low):
            after = self.machine.state()
            self.sequence(items, current, after)
            current = after
        if high is _C.MAXREPEAT:
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


def _class(items: list[Any]) -> Ranges:
    ranges: list[tuple[int, int]] = []
    negate = False
    for op, argument in items:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.LITERAL:
            ranges.append((argument, argument))
        elif op is _C.RANGE:
            ranges.append(argument)
        elif op is _C.CATEGORY:
            ranges.extend(_category(argument))
        else:
            raise Undecided(f"{op} in a character class is not modelled")
    merged = _merge(ranges)
    return _complement(merged) if negate else merged


_CATEGORY_PATTERNS = {"DIGIT": r"\d", "SPACE": r"\s", "WORD": r"\w"}


@lru_cache(maxsize=None)
def _category(code: Any) -> Ranges:
    """Python's Unicode ``\\d``, ``\\s``, ``\\w`` (and their negations) as ranges, read from ``re`` itself."""
    name = str(code).removeprefix("CATEGORY_")
    negated = name.startswith("NOT_")
    base = _CATEGORY_PATTERNS.get(name.removeprefix("NOT_"))
    if base is None:
        raise Undecided(f"{code} is not modelled")
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    points = [match.start() for match in re.finditer(base, everything)]
    ranges = _merge([(p, p) for p in points])
    return _complement(ranges) if negated else ranges


def _merge(ranges: list[tuple[int, int]]) -> Ranges:
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


# --- the walk --------------------------------------------------------------------------------------

States = frozenset[int]


def _closure(machine: Automaton, states: States, at_start: bool, at_end: bool) -> States:
    seen, todo = set(states), list(states)
    while todo:
        for condition, target in machine.empty[todo.pop()]:
            allowed = condition is None or (condition == _BEGIN and at_start) or (condition == _END and at_end)
            if allowed and target not in seen:
                seen.add(target)
                todo.append(target)
    return frozenset(seen)


def _accepts(machine: Automaton, states: States, at_start: bool) -> bool:
    return machine.accept in _closure(machine, states, at_start, at_end=True)


def _steps(old: Automaton, new: Automaton, closed: tuple[States, States]) -> list[tuple[str, tuple[States, States]]]:
    """One character further from a pair of closed state sets: for each class of characters both
    automata treat alike (and the old one can read), a character of the class and the pair of state
    sets it leads to."""
    labelled = [(0, ranges, target) for s in closed[0] for ranges, target in old.moves[s]]
    labelled += [(1, ranges, target) for s in closed[1] for ranges, target in new.moves[s]]
    events: dict[int, list[tuple[int, int, int]]] = {}  # code point -> (+1 starts / -1 ends, side, target)
    for side, ranges, target in labelled:
        for low, high in ranges:
            events.setdefault(low, []).append((1, side, target))
            events.setdefault(high + 1, []).append((-1, side, target))
    active: dict[tuple[int, int], int] = {}
    successors: dict[tuple[States, States], str] = {}
    points = sorted(events)
    for index, point in enumerate(points):
        for delta, side, target in events[point]:
            active[(side, target)] = active.get((side, target), 0) + delta
        if index + 1 == len(points):
            break
        olds = frozenset(t for (side, t), n in active.items() if n > 0 and side == 0)
        if olds:  # a character the old pattern cannot read leads nowhere worth following
            news = frozenset(t for (side, t), n in active.items() if n > 0 and side == 1)
            char = _readable(point, points[index + 1] - 1)
            known = successors.get((olds, news))
            if known is None or (_shown_plainly(char) and not _shown_plainly(known)):
                successors[(olds, news)] = char
    return [(char, nxt) for nxt, char in successors.items()]


def _readable(low: int, high: int) -> str:
    """A character of [low, high], printable ASCII where the range has one (witnesses are shown)."""
    for preferred in (0x61, 0x41, 0x30, 0x2D, 0x21):
        if low <= preferred <= high:
            return chr(preferred)
    return chr(max(low, 0x21) if max(low, 0x21) <= high else low)


def _shown_plainly(char: str) -> bool:
    return "!" <= char <= "~"


def refused_value(old: str | None, new: str | None, min_length: int, max_length: int | None) -> str | None:
    """The shortest value (of ``min_length`` to ``max_length`` characters) that pattern ``old`` accepts and
    ``new`` refuses, or None if there is none. Raises Undecided."""
    a, b = automaton(old), automaton(new)
    start: tuple[States, States] = (frozenset({0}), frozenset({0}))
    layer: dict[tuple[States, States], str] = {start: ""}
    seen_layers: set[frozenset[tuple[States, States]]] = set()
    memo: dict[tuple[States, States], list[tuple[str, tuple[States, States]]]] = {}
    closures: dict[tuple[tuple[States, States], bool], tuple[States, States]] = {}
    judged: dict[tuple[States, States], bool] = {}  # accepted by the old automaton and not the new (length > 0)
    length, steps = 0, 0
    while layer and (max_length is None or length <= max_length):
        at_start = length == 0
        if length >= min_length:
            for pair, value in layer.items():
                if pair not in judged:
                    judged[pair] = _accepts(a, pair[0], at_start) and not _accepts(b, pair[1], at_start)
                if judged[pair]:
                    return value
            key = frozenset(layer)
            if key in seen_layers:  # every longer value leads to a layer already judged
                return None
            seen_layers.add(key)
        following: dict[tuple[States, States], str] = {}
        for pair, value in layer.items():
            if (pair, at_start) not in closures:
                closures[(pair, at_start)] = (
                    _closure(a, pair[0], at_start, False),
                    _closure(b, pair[1], at_start, False),
                )
            closed = closures[(pair, at_start)]
            if closed not in memo:
                memo[closed] = _steps(a, b, closed)
            for char, nxt in memo[closed]:
                following.setdefault(nxt, value + char)
                steps += 1
        if steps > MAX_STEPS:
            raise Undecided("the walk is too long")
        layer, length = following, length + 1
        if length == 1:
            judged.clear()  # judged at the start, where ^ could still match; never again
    return None
