"""Every pattern the validator checks, it checks in time linear in the value: re where its backtracking
cannot take longer, the generator's deterministic automaton where it could, nothing (and listed) where
neither can be had."""

from __future__ import annotations

import re
from typing import Any

import pytest

from codegen.emit.conversions import untranslatable_patterns
from codegen.emit.type_table import TypeTable
from codegen.model import patterns
from codegen.runtime._validator import StringRule, Validator
from tests.conftest import build_ir

PATTERNS = {
    # rds DBProxyName: exponential in re (6.9 s for 29 characters)
    "ProxyName": ("[a-zA-Z](?:-?[a-zA-Z0-9]+)*", 63),
    # SageMaker S3Uri: quadratic in re
    "Uri": ("^(https|s3)://([^/]+)/?(.*)$", 1024),
    # kendra FeedbackToken: quadratic, through a negated Unicode category (thousands of ranges)
    "Feedback": ("^\\P{C}*.\\P{C}*$", 2048),
    # linear in re: checked by re
    "JobName": ("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}", 32),
    "RoleArn": ("^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$", 2048),
    # a look-ahead at the start over a linear rest: re
    "TagKey": ("^(?!aws:)[a-zA-Z+-=._:/]+$", 128),
    # a look-ahead re could meet at every character, over a rest re could take long on: no automaton can
    # be built for a look-around, so it is not checked
    "Tricky": ("(?:(?!--)[a-z-])*x(?:[a-z]*[a-z0-9]*)", 64),
}


def model() -> dict[str, Any]:
    shapes: dict[str, Any] = {
        name: {"type": "string", "max": maximum, "pattern": pattern} for name, (pattern, maximum) in PATTERNS.items()
    }
    shapes["Req"] = {"type": "structure", "members": {name: {"shape": name} for name in PATTERNS}}
    return {
        "metadata": {"serviceFullName": "Tiny Service", "serviceId": "Tiny", "apiVersion": "1"},
        "operations": {"DoIt": {"input": {"shape": "Req"}}},
        "shapes": shapes,
    }


@pytest.fixture(scope="module")
def table() -> TypeTable:
    return TypeTable(build_ir(model(), ".*"))


@pytest.fixture(scope="module")
def rules(table: TypeTable) -> dict[str, Any]:
    return table.rules()


@pytest.fixture(scope="module")
def validator(table: TypeTable) -> Validator:
    return Validator(table.rules(), automata=table.automata())


def test_each_pattern_is_checked_by_re_by_an_automaton_or_not_at_all(table: TypeTable, rules: dict[str, Any]) -> None:
    automata = table.automata()
    how = {}
    for name in PATTERNS:
        rule = rules[name]
        assert isinstance(rule, StringRule)
        how[name] = "unchecked" if rule.pattern is None else "automaton" if rule.pattern in automata else "re"
    assert how == {
        "ProxyName": "automaton",
        "Uri": "automaton",
        "Feedback": "automaton",
        "JobName": "re",
        "RoleArn": "re",
        "TagKey": "re",
        "Tricky": "unchecked",
    }
    service = build_ir(model(), ".*")
    assert untranslatable_patterns(service, rules) == [("Tricky", PATTERNS["Tricky"][0])]


@pytest.mark.parametrize(
    ("shape", "value"),
    [
        ("ProxyName", "my-proxy-1"),
        ("ProxyName", "a" * 28 + "!"),  # re: seconds; the automaton: 29 steps
        ("ProxyName", "a" * 62 + "-"),
        ("ProxyName", "a--b"),
        ("Uri", "s3://bucket/key/data.csv"),
        ("Uri", "s3://" + "a" * 1000 + "\n"),
        ("Uri", "s3://" + "/" * 1000),
        ("Uri", "ftp://x"),
        ("Uri", "https://é/ü"),
        ("Feedback", "a" * 2047 + "\n"),
        ("Feedback", "token é 中文"),
        ("Feedback", "a\x00b"),
    ],
)
def test_an_automaton_answers_as_re_would(validator: Validator, shape: str, value: str) -> None:
    pattern, maximum = PATTERNS[shape]
    translated = patterns.translate(pattern)
    assert translated is not None
    expected = re.fullmatch(translated, value) is not None if len(value) < 40 or shape == "Uri" else None
    found = validator.validate_shape(shape, value) == []
    if expected is not None:
        assert found == expected
    else:  # re would take too long to ask: the pattern, read by hand, refuses a value ending in "!"
        assert found is False


def test_the_automaton_is_walked_once_per_character(table: TypeTable, rules: dict[str, Any]) -> None:
    """Each character is one step, remembered per state: a 1,000-character value costs 1,000 steps, and a
    repeated one costs nothing new (the cache holds one entry per state and character met)."""
    validator = Validator(rules, automata=table.automata())
    value = "s3://" + "a" * 1000 + "/x"
    assert validator.validate_shape("Uri", value) == []
    automaton = table.automata()[rules["Uri"].pattern]
    steps = validator._steps[rules["Uri"].pattern]
    assert sum(len(row) for row in steps) <= len(set(value)) * len(automaton.table)
