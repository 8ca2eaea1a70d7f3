"""The automata agree with Python's ``re``: for random patterns, whether one pattern accepts a value the
other refuses is what trying every short value with ``re.fullmatch`` says, and the value found is one."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.model.pattern_language import Undecided, refused_value

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
