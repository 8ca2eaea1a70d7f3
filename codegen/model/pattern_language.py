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
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Iterator
from typing import Any

from codegen.unicode_categories import category_runs

_PARSER: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")

Ranges = tuple[tuple[int, int], ...]  # sorted, disjoint, inclusive code point ranges
_ALL: Ranges = ((0, sys.maxunicode),)
_BEGIN, _END = "begin", "end"  # empty transitions allowed only at the value's start or end
# A walk longer than this many steps (pairs of state sets explored) is given up: undecided.
MAX_STEPS = 200_000


@lru_cache(maxsize=None)
def parse(pattern: str) -> Any:
    """re's parse of a pattern, once per pattern: the validator's checks, the analysis and the automata
    all read it, and parsing a translated Unicode category (thousands of ranges) is the slow part.
    The trees are only read."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # re's FutureWarnings on "[[" and "--": valid today
        return _PARSER.parse(pattern)


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
        _Builder(machine, bool(parsed.state.flags & re.DOTALL)).sequence(list(parsed), start, end)
    machine.accept = end
    return machine


class _Builder:
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
        elif self.assertions_empty and op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            machine.empty[start].append((None, end))
        else:
            raise Undecided(f"{op} is not modelled")

    def repeat(self, low: int, high: int, items: list[Any], start: int, end: int) -> None:
        if self.count_kept is not None and (high is _C.MAXREPEAT or high > self.count_kept):
            low, high = min(low, 1), _C.MAXREPEAT
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
        ranges = _merge(found + ([(0x5F, 0x5F)] if base == "WORD" else []))
    else:
        raise Undecided(f"{code} is not modelled")
    return _complement(ranges) if name.startswith("NOT_") else ranges


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


# --- how Python's backtracking engine fares on a pattern --------------------------------------------
#
# A backtracking matcher (Python's re, Java's) explores every path of the pattern's automaton that
# reads a prefix of the value before it gives up. Weideman et al. ("Analyzing Matching Time Behavior
# of Backtracking Regular Expression Matchers", 2016) show that this takes exponential time exactly
# when the automaton has exponential degree of ambiguity (EDA: two different paths from a state back
# to itself reading the same string) and polynomial time when it has infinite degree of ambiguity
# (IDA: states p != q and a string v that leads p to p, p to q and q to q); otherwise linear time.
# The test runs on the automaton without empty moves (one node per character-reading move), with each
# counted repetition {m,n} of more than a few copies read as {min(m,1),} (the uncounted form has every
# path the counted one has, so a pattern found linear is linear).

MAX_ANALYSED_NODES = 200  # larger automata are not analysed: they are called backtracking (safe side)
_COUNT_KEPT = 4  # {m,n} with n at most this is kept as written


@lru_cache(maxsize=None)
def backtracks(pattern: str) -> bool:
    """Whether ``re.fullmatch(pattern, value)`` may take more than linear time in ``len(value)``
    (or the pattern is beyond what this analysis models)."""
    try:
        parsed = parse(pattern)
    except re.error:
        return True
    if parsed.state.flags & (re.IGNORECASE | re.MULTILINE | re.ASCII | re.LOCALE):
        return True
    return _backtracks(list(parsed), bool(parsed.state.flags & re.DOTALL))


def _backtracks(items: list[Any], dotall: bool) -> bool:
    # A look-around is matched where the engine stands, each time it gets there: its own content must be
    # linear, and one that can read without bound may only stand at the start (where the engine is once).
    for content, leading in _lookarounds(items, True):
        if _backtracks(content, dotall):
            return True
        if not leading and _PARSER.SubPattern(_PARSER.State(), content).getwidth()[1] > _UNBOUNDED_WIDTH:
            return True
    if _loops(items) <= 1:
        return False
    machine = Automaton()
    start, end = machine.state(), machine.state()
    try:
        _Builder(machine, dotall, count_kept=_COUNT_KEPT, assertions_empty=True).sequence(items, start, end)
        machine.accept = end
        nodes, follows, initial = _positions(machine)
    except Undecided:
        return True
    if len(nodes) > MAX_ANALYSED_NODES:
        return True
    overlap = _Overlap(nodes)
    pairs = _pair_graph(follows, initial, overlap)
    plain = {pair: [successor for successor, _ in out] for pair, out in pairs.items()}
    components = _components(plain)
    return _has_eda(pairs, components) or _has_ida(nodes, follows, overlap, pairs, components)


_UNBOUNDED_WIDTH = 100_000  # re caps the widths it reports; anything this wide is unbounded here


def _lookarounds(items: list[Any], at_start: bool) -> Iterator[tuple[list[Any], bool]]:
    """Each look-around's content, and whether it stands at the start of the pattern (before anything
    that reads a character)."""
    for op, argument in items:
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            yield list(argument[1]), at_start
            continue
        if op is _C.AT:
            continue
        at_start = False
        if op is _C.SUBPATTERN:
            yield from _lookarounds(list(argument[3]), False)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            yield from _lookarounds(list(argument[2]), False)
        elif op is _C.BRANCH:
            for branch in argument[1]:
                yield from _lookarounds(list(branch), False)
        elif op is _C.ATOMIC_GROUP:
            yield from _lookarounds(list(argument), False)


def _loops(items: list[Any]) -> int:
    """How many repetitions of more than _COUNT_KEPT copies a path through ``items`` can meet, counting
    any repetition or alternation inside one twice (so that only a single loop over a plain sequence
    counts as 1). A pattern with at most one is matched in linear time: whatever precedes and follows
    it is bounded, and the engine gives back one iteration at a time.

    A loop over one class of characters that is followed by a character it cannot read
    (``[a-z\\-]*:`` in an ARN) is not counted: it has one way to match, the longest run, and each
    character given back fails at once on what follows."""
    found = 0
    for position, (op, argument) in enumerate(items):
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            inner = list(argument[2])
            if argument[1] is _C.MAXREPEAT or argument[1] > _COUNT_KEPT:
                if not _stops_at(inner, items[position + 1 : position + 2]):
                    found += 1 + 2 * _complex(inner)
            else:
                found += argument[1] * _loops(inner)
        elif op is _C.SUBPATTERN:
            found += _loops(list(argument[3]))
        elif op is _C.BRANCH:
            found += max(_loops(list(branch)) for branch in argument[1])
        elif op in (_C.ATOMIC_GROUP, _C.GROUPREF, _C.GROUPREF_EXISTS):
            found += 2  # not judged here (look-arounds are judged on their own, by _backtracks)
    return found


def _stops_at(body: list[Any], following: list[Any]) -> bool:
    """Whether a loop over ``body`` (one character class) is followed by one character it cannot read."""
    if len(body) != 1 or len(following) != 1:
        return False
    try:
        read, next_one = _single_class(body[0]), _single_class(following[0])
    except Undecided:
        return False
    return read is not None and next_one is not None and not _intersect(read, next_one)


def _single_class(item: Any) -> Ranges | None:
    op, argument = item
    if op is _C.LITERAL:
        return ((argument, argument),)
    if op is _C.IN:
        return _class(argument)
    return None  # . depends on DOTALL; anything else is not one character


def _complex(items: list[Any]) -> bool:
    """Whether a loop's body holds anything but single characters in sequence."""
    for op, argument in items:
        if op is _C.SUBPATTERN:
            if _complex(list(argument[3])):
                return True
        elif op not in (_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN):
            return True
    return False


def _positions(machine: Automaton) -> tuple[list[Ranges], list[dict[int, int]], set[int]]:
    """The automaton without empty moves: one node per character-reading move, labelled with what it
    reads; a node follows another when the second move can come right after the first, by one route
    of empty moves or by several (2 stands for "more than one"): ``(a*)*`` and ``(a|a)*`` (which re's
    parser turns into ``a(?:|)``) have one node each, but two routes from it back to itself, and
    a backtracking matcher tries both."""
    moves = [(source, ranges, target) for source, out in enumerate(machine.moves) for ranges, target in out]
    by_source: dict[int, list[int]] = {}
    for index, (source, _, _) in enumerate(moves):
        by_source.setdefault(source, []).append(index)

    def routes(state: int) -> dict[int, int]:
        """Moves reachable from ``state`` by empty moves (under any condition: more paths, never fewer),
        with the number of routes to each, capped at 2. A route may pass a state twice: once around a
        cycle of empty moves is how a loop ends one iteration and starts the next (``(a*)*``: leave the
        inner loop, end the outer iteration, start another, enter the inner loop); twice around would be
        an iteration that matched nothing, which re does not repeat."""
        count: dict[int, int] = {}
        budget = [10_000]

        def walk(current: int, visits: dict[int, int]) -> None:
            budget[0] -= 1
            if budget[0] < 0:
                raise Undecided("too many routes of empty moves")
            for index in by_source.get(current, ()):
                count[index] = min(count.get(index, 0) + 1, 2)
            for _, target in machine.empty[current]:
                if visits.get(target, 0) < 2:
                    walk(target, {**visits, target: visits.get(target, 0) + 1})

        walk(state, {state: 1})
        return count

    follows = [routes(target) for _, _, target in moves]
    return [ranges for _, ranges, _ in moves], follows, set(routes(0))


class _Overlap:
    """Whether two nodes read a common character; computed once per pair of distinct labels (a pattern
    has few, and a label translated from a Unicode category has hundreds of ranges)."""

    def __init__(self, nodes: list[Ranges]) -> None:
        self.labels = list(dict.fromkeys(nodes))
        number = {label: index for index, label in enumerate(self.labels)}
        self.label = [number[label] for label in nodes]
        self.meets: dict[tuple[int, int], bool] = {}

    def __getitem__(self, pair: tuple[int, int]) -> bool:
        key = (self.label[pair[0]], self.label[pair[1]])
        found = self.meets.get(key)
        if found is None:
            found = self.meets[key] = _intersect(self.labels[key[0]], self.labels[key[1]])
        return found


def _intersect(a: Ranges, b: Ranges) -> bool:
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i][1] < b[j][0]:
            i += 1
        elif b[j][1] < a[i][0]:
            j += 1
        else:
            return True
    return False


PairGraph = dict[tuple[int, int], list[tuple[tuple[int, int], bool]]]


def _pair_graph(follows: list[dict[int, int]], initial: set[int], overlap: _Overlap) -> PairGraph:
    """Pairs of nodes two paths reading the same string can be at, from the start, with their successors;
    a successor is marked when two paths at one node part there (by different routes to one node)."""
    graph: PairGraph = {}
    todo = [(i, j) for i in initial for j in initial if overlap[(i, j)]]
    while todo:
        pair = todo.pop()
        if pair in graph:
            continue
        i, j = pair
        graph[pair] = [
            ((k, m), i == j and k == m and routes > 1)
            for k, routes in follows[i].items()
            for m in follows[j]
            if overlap[(k, m)]
        ]
        todo.extend(successor for successor, _ in graph[pair])
    return graph


def _components(graph: dict[Any, list[Any]]) -> list[list[Any]]:
    """Strongly connected components (iterative Tarjan)."""
    index: dict[Any, int] = {}
    low: dict[Any, int] = {}
    on_stack: set[Any] = set()
    stack: list[Any] = []
    found: list[list[Any]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph.get(nxt, ()))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    return found


def _has_eda(pairs: PairGraph, components: list[list[tuple[int, int]]]) -> bool:
    """Two different paths from a node back to itself reading one string: a strongly connected set of
    pairs that holds a node paired with itself and either two different nodes or two routes that part."""
    for component in components:
        members = set(component)
        if not any(p == q for p, q in members):
            continue
        parting = any(part and successor in members for pair in members for successor, part in pairs[pair])
        cyclic = len(component) > 1 or any(s == component[0] for s, _ in pairs[component[0]])
        if cyclic and (parting or any(p != q for p, q in members)):
            return True
    return False


def _has_ida(
    nodes: list[Ranges],
    follows: list[dict[int, int]],
    overlap: _Overlap,
    pairs: PairGraph,
    components: list[list[tuple[int, int]]],
) -> bool:
    """Nodes p != q and one string leading p to p, p to q and q to q: (p, p, q) reaches (p, q, q) in
    the product of three copies. Candidates: pairs the pair graph reaches, of two nodes on cycles."""
    on_cycle = {
        p
        for component in components
        if len(component) > 1 or any(s == component[0] for s, _ in pairs[component[0]])
        for p, q in component
        if p == q
    }
    common: dict[tuple[int, int, int], bool] = {}

    def readable(x: int, y: int, z: int) -> bool:
        if (x, y, z) not in common:
            common[(x, y, z)] = overlap[(x, y)] and overlap[(y, z)] and _intersect(_meet(nodes[x], nodes[y]), nodes[z])
        return common[(x, y, z)]

    for p, q in pairs:
        if p == q or p not in on_cycle or q not in on_cycle:
            continue
        start, goal = (p, p, q), (p, q, q)
        seen, todo = {start}, [start]
        while todo:
            a, b, c = todo.pop()
            for x in follows[a]:
                for y in follows[b]:
                    if not overlap[(x, y)]:
                        continue
                    for z in follows[c]:
                        if (x, y, z) not in seen and readable(x, y, z):
                            if (x, y, z) == goal:
                                return True
                            seen.add((x, y, z))
                            todo.append((x, y, z))
    return False


def _meet(a: Ranges, b: Ranges) -> Ranges:
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


# --- a deterministic automaton, for the patterns backtracking cannot be trusted with -----------------


@dataclass(frozen=True, slots=True)
class Dfa:
    """State 0 starts; ``accepting`` lists the states where a value may end. Characters fall into
    classes that every state treats alike: the code points from ``starts[i]`` up to the next start are
    in class ``classes[i]``; ``table[state][class]`` is the next state (-1: the value cannot match)."""

    accepting: tuple[int, ...]
    starts: tuple[int, ...]
    classes: tuple[int, ...]
    table: tuple[tuple[int, ...], ...]


# The generated validation module holds each automaton as data: past this many numbers (a few tens of
# kilobytes of source), the pattern is not checked at all rather than make the module huge.
MAX_DFA_SIZE = 20_000
# Automata of more states than this (long counted repetitions: https://([^/]+)/?.{3,1016}) almost never
# determinise within MAX_DFA_SIZE, and trying costs up to a second each: they are not tried.
MAX_DFA_SOURCE = 1000


def dfa(pattern: str) -> Dfa:
    """The deterministic automaton of ``pattern`` matched against whole values. Raises Undecided for what
    is not modelled or past MAX_DFA_SIZE numbers."""
    machine = automaton(pattern)
    if len(machine.moves) > MAX_DFA_SOURCE:
        raise Undecided(f"more than {MAX_DFA_SOURCE} states before determinisation")
    moves = [(source, ranges, target) for source, out in enumerate(machine.moves) for ranges, target in out]
    # Split the code points where any move's ranges begin or end; intervals read by the same moves are
    # one class.
    events: dict[int, list[tuple[int, int]]] = {0: []}
    for number, (_, ranges, _) in enumerate(moves):
        for low, high in ranges:
            events.setdefault(low, []).append((1, number))
            events.setdefault(high + 1, []).append((-1, number))
    active: dict[int, int] = {}
    signatures: dict[frozenset[int], int] = {}
    starts: list[int] = []
    classes: list[int] = []
    for point in sorted(events):
        if point > sys.maxunicode:
            break
        for delta, number in events[point]:
            active[number] = active.get(number, 0) + delta
        signature = frozenset(number for number, n in active.items() if n > 0)
        kind = signatures.setdefault(signature, len(signatures))
        if classes and classes[-1] == kind:
            continue
        starts.append(point)
        classes.append(kind)
    # move -> the classes whose characters it reads; state -> its moves
    read_by: list[list[int]] = [[] for _ in moves]
    for kind, reading in enumerate(signatures):
        for number in reading:
            read_by[number].append(kind)
    leaving: dict[int, list[int]] = {}
    for number, (source, _, _) in enumerate(moves):
        leaving.setdefault(source, []).append(number)
    closures: dict[int, States] = {}

    def plain_closure(state: int) -> States:  # away from the start and the end: unconditional moves only
        if state not in closures:
            closures[state] = _closure(machine, frozenset({state}), False, False)
        return closures[state]

    first = _closure(machine, frozenset({0}), True, False)
    index: dict[tuple[States, bool], int] = {(first, True): 0}
    order: list[tuple[States, bool]] = [(first, True)]
    accepting: list[int] = []
    table: list[tuple[int, ...]] = []
    size = len(starts) * 2
    while len(table) < len(order):
        states, at_start = order[len(table)]
        if machine.accept in _closure(machine, states, at_start, True):
            accepting.append(len(table))
        reached: list[set[int]] = [set() for _ in signatures]
        for state in states:
            for number in leaving.get(state, ()):
                for kind in read_by[number]:
                    reached[kind].add(moves[number][2])
        row = []
        for targets in reached:
            if not targets:
                row.append(-1)
                continue
            key = (frozenset().union(*(plain_closure(t) for t in targets)), False)
            if key not in index:
                index[key] = len(order)
                order.append(key)
            row.append(index[key])
        table.append(tuple(row))
        size += len(row)
        if size > MAX_DFA_SIZE:
            raise Undecided(f"more than {MAX_DFA_SIZE} numbers")
    return Dfa(tuple(accepting), tuple(starts), tuple(classes), tuple(table))
