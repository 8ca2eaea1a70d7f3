"""Whether Python's backtracking engine could take more than linear time on a pattern.

The validator calls ``re.fullmatch`` where this says no, and runs the pattern's deterministic automaton
(``codegen.model.dfa``) where it says yes (docs/designs/linear-patterns.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from codegen.model.automata import (
    CONSTANTS,
    PARSER,
    Automaton,
    Builder,
    Ranges,
    Undecided,
    intersect,
    meet,
    parse,
)

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
        if not leading and PARSER.SubPattern(PARSER.State(), content).getwidth()[1] > _UNBOUNDED_WIDTH:
            return True
    if _loops(items) <= 1:
        return False
    machine = Automaton()
    start, end = machine.state(), machine.state()
    try:
        Builder(machine, dotall, count_kept=_COUNT_KEPT, assertions_empty=True).sequence(items, start, end)
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
        if op in (CONSTANTS.ASSERT, CONSTANTS.ASSERT_NOT):
            yield list(argument[1]), at_start
            continue
        if op is CONSTANTS.AT:
            continue
        at_start = False
        if op is CONSTANTS.SUBPATTERN:
            yield from _lookarounds(list(argument[3]), False)
        elif op in (CONSTANTS.MAX_REPEAT, CONSTANTS.MIN_REPEAT, CONSTANTS.POSSESSIVE_REPEAT):
            yield from _lookarounds(list(argument[2]), False)
        elif op is CONSTANTS.BRANCH:
            for branch in argument[1]:
                yield from _lookarounds(list(branch), False)
        elif op is CONSTANTS.ATOMIC_GROUP:
            yield from _lookarounds(list(argument), False)


def _loops(items: list[Any]) -> int:
    """How many repetitions of more than _COUNT_KEPT copies a path through ``items`` can meet, counting
    any repetition or alternation inside one twice (so that only a single loop over a plain sequence
    counts as 1). A pattern with at most one is matched in linear time: whatever precedes and follows
    it is bounded, and the engine gives back one iteration at a time."""
    found = 0
    for op, argument in items:
        if op in (CONSTANTS.MAX_REPEAT, CONSTANTS.MIN_REPEAT, CONSTANTS.POSSESSIVE_REPEAT):
            inner = list(argument[2])
            if argument[1] is CONSTANTS.MAXREPEAT or argument[1] > _COUNT_KEPT:
                found += 1 + 2 * _complex(inner)
            else:
                found += argument[1] * _loops(inner)
        elif op is CONSTANTS.SUBPATTERN:
            found += _loops(list(argument[3]))
        elif op is CONSTANTS.BRANCH:
            found += max(_loops(list(branch)) for branch in argument[1])
        elif op in (CONSTANTS.ATOMIC_GROUP, CONSTANTS.GROUPREF, CONSTANTS.GROUPREF_EXISTS):
            found += 2  # not judged here (look-arounds are judged on their own, by _backtracks)
    return found


def _complex(items: list[Any]) -> bool:
    """Whether a loop's body holds anything but single characters in sequence."""
    for op, argument in items:
        if op is CONSTANTS.SUBPATTERN:
            if _complex(list(argument[3])):
                return True
        elif op not in (CONSTANTS.LITERAL, CONSTANTS.NOT_LITERAL, CONSTANTS.ANY, CONSTANTS.IN):
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
            found = self.meets[key] = intersect(self.labels[key[0]], self.labels[key[1]])
        return found


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
            common[(x, y, z)] = overlap[(x, y)] and overlap[(y, z)] and intersect(meet(nodes[x], nodes[y]), nodes[z])
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
