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

from codegen.model.automata import Automaton, States, Undecided, automaton, closure

# A walk longer than this many steps (pairs of state sets explored) is given up: undecided.
MAX_STEPS = 200_000


def _accepts(machine: Automaton, states: States, at_start: bool) -> bool:
    return machine.accept in closure(machine, states, at_start, at_end=True)


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
                    closure(a, pair[0], at_start, False),
                    closure(b, pair[1], at_start, False),
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
