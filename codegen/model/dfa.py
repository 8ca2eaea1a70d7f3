"""A pattern's deterministic automaton: what the validator runs where re's backtracking could take more
than linear time (``codegen.model.backtracking``): one step per character."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from codegen.model.automata import States, Undecided, automaton, closure


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

    def plainclosure(state: int) -> States:  # away from the start and the end: unconditional moves only
        if state not in closures:
            closures[state] = closure(machine, frozenset({state}), False, False)
        return closures[state]

    first = closure(machine, frozenset({0}), True, False)
    index: dict[tuple[States, bool], int] = {(first, True): 0}
    order: list[tuple[States, bool]] = [(first, True)]
    accepting: list[int] = []
    table: list[tuple[int, ...]] = []
    size = len(starts) * 2
    while len(table) < len(order):
        states, at_start = order[len(table)]
        if machine.accept in closure(machine, states, at_start, True):
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
            key = (frozenset().union(*(plainclosure(t) for t in targets)), False)
            if key not in index:
                index[key] = len(order)
                order.append(key)
            row.append(index[key])
        table.append(tuple(row))
        size += len(row)
        if size > MAX_DFA_SIZE:
            raise Undecided(f"more than {MAX_DFA_SIZE} numbers")
    return Dfa(tuple(accepting), tuple(starts), tuple(classes), tuple(table))
