"""The automata agree with Python's ``re``: for random patterns, whether one pattern accepts a value the
other refuses is what trying every short value with ``re.fullmatch`` says, and the value found is one."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.model.automata import Undecided
from codegen.model.backtracking import backtracks
from codegen.model.dfa import Dfa, dfa
from codegen.model.pattern_language import refused_value

# Values over these characters tell every pattern below apart: the letters the patterns name, one they
# never name, a digit and a space (\d, \s), a character \w does not match, and the newline "." does not.
ALPHABET = "abcd0 !\n"
MAX_LENGTH = 3
VALUES = ["".join(chars) for size in range(MAX_LENGTH + 1) for chars in itertools.product(ALPHABET, repeat=size)]

atoms = st.sampled_from(["a", "b", "c", "[ab]", "[^a]", "[a-c]", ".", "\\w", "[\\d\\s]"])


def patterns() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map("|".join),
            inner.map(lambda p: f"({p})"),
            inner.map(lambda p: f"(?:{p})*"),
            inner.map(lambda p: f"(?:{p})+"),
            inner.map(lambda p: f"(?:{p})?"),
            inner.map(lambda p: f"(?:{p})*?"),
            st.tuples(inner, st.integers(0, 2), st.integers(0, 2)).map(
                lambda t: f"(?:{t[0]}){{{min(t[1], t[2])},{max(t[1], t[2])}}}"
            ),
        )

    body = st.recursive(atoms, extend, max_leaves=5)
    return st.tuples(st.sampled_from(["", "^"]), body, st.sampled_from(["", "$"])).map("".join)


def brute_force(old: str, new: str, low: int, high: int) -> list[str]:
    return [v for v in VALUES if low <= len(v) <= high and re.fullmatch(old, v) and not re.fullmatch(new, v)]


@settings(max_examples=400, deadline=None)
@given(patterns(), patterns(), st.integers(0, 2), st.integers(0, MAX_LENGTH))
def test_refused_value_agrees_with_re(old: str, new: str, low: int, high: int) -> None:
    high = max(low, high)
    witnesses = brute_force(old, new, low, high)
    found = refused_value(old, new, low, high)
    if found is None:
        assert witnesses == [], (old, new, witnesses[:3])
    else:
        assert low <= len(found) <= high
        assert re.fullmatch(old, found) and not re.fullmatch(new, found), (old, new, found)
        assert witnesses and len(found) == len(witnesses[0]), "the walk finds a shortest value"


@settings(max_examples=200, deadline=None)
@given(patterns())
def test_a_pattern_refuses_nothing_it_accepts(pattern: str) -> None:
    assert refused_value(pattern, pattern, 0, None) is None
    assert refused_value(f"(?:{pattern})", f"(?:(?:{pattern}))", 0, 10) is None
    # No pattern (None) accepts every value: the pattern refuses one of them, or it too accepts all.
    refused = refused_value(None, pattern, 0, MAX_LENGTH)
    assert (refused is None) == all(re.fullmatch(pattern, v) for v in VALUES)


def test_without_a_maximum_the_walk_ends_and_finds_long_values() -> None:
    assert refused_value("a*", "a{0,40}", 0, None) == "a" * 41
    assert refused_value("a{0,40}", "a*", 0, None) is None
    assert refused_value("(?:aa)*", "(?:aaa)*", 0, None) == "aa"


@pytest.mark.parametrize("pattern", ["(?=a)a", "(a)\\1", "(?>a*)", "(?i)a", "\\ba", "a(?!b)"])
def test_what_is_not_modelled_is_undecided(pattern: str) -> None:
    with pytest.raises(Undecided):
        refused_value(pattern, "a", 0, 3)


# --- the deterministic automaton the validator runs for patterns re could take long on ----------------


def run(automaton: Dfa, value: str) -> bool:
    """The runtime's walk (codegen/runtime/_validator.py), over the generator's automaton."""
    from codegen.runtime._validator import Automaton, Validator

    return Validator({})._run(
        "pattern", Automaton(automaton.accepting, automaton.starts, automaton.classes, automaton.table), value
    )


@settings(max_examples=300, deadline=None)
@given(patterns())
def test_the_automaton_matches_exactly_what_re_matches(pattern: str) -> None:
    machine = dfa(pattern)
    for value in VALUES:
        assert run(machine, value) == bool(re.fullmatch(pattern, value)), (pattern, value)


@pytest.mark.parametrize(
    ("pattern", "slow"),
    [
        # exponential: two ways around a loop
        ("[a-zA-Z](?:-?[a-zA-Z0-9]+)*", True),  # rds DBProxyName (6.9 s for 29 characters)
        ("(a|a)*", True),  # re's parser makes it a(?:|): two empty routes
        ("(a*)*", True),
        ("(?:a+)+", True),
        ("(a|ab|b)*", True),
        ("[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?", True),  # SageMaker, before LINEAR_EQUIVALENTS
        # polynomial: two loops one string can stay in or move between
        ("[a-z]*[a-z0-9]*", True),
        ("(https|s3)://([^/]+)/?(.*)", True),
        (".*a.*", True),
        # linear
        ("[a-z]+", False),
        (".*", False),
        ("(ab)*", False),
        ("[a-z]+-[a-z]+", False),  # the hyphen separates the loops
        ("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", False),
        ("arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+", False),
        ("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?", False),
        ("x(ab|c)y[a-z]*", False),
    ],
)
def test_which_patterns_backtracking_may_take_long_on(pattern: str, slow: bool) -> None:
    assert backtracks(pattern) is slow


@pytest.mark.parametrize("pattern", ["[a-zA-Z](?:-?[a-zA-Z0-9]+)*", "(a|a)*", "(?:a+)+", "[a-z]*[a-z0-9]*"])
def test_the_automaton_answers_at_once_where_re_would_not(pattern: str) -> None:
    """re takes seconds to hours on these values (exponential ones at 30 characters, polynomial ones at
    length); the automaton takes one step per character. Counted, not timed: the walk is a loop over
    the value that never goes back."""
    machine = dfa(pattern)
    for value in ("a" * 28 + "!", "a" * 5000 + "!"):
        assert run(machine, value) is False
    assert run(machine, "a" * 5000) is True
