"""Patterns never hang validation: linear-time equivalents for the slow ones, every pattern probed."""

from __future__ import annotations

import json
import re
import select
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.model import patterns
from codegen.emit.conversions import untranslatable_patterns
from codegen.emit.type_table import TypeTable
from codegen.model.patterns import LINEAR_EQUIVALENTS
from tests.conftest import ROOT, build_ir


@pytest.mark.parametrize("original", sorted(LINEAR_EQUIVALENTS))
def test_each_linear_equivalent_matches_exactly_what_the_original_matches(original: str) -> None:
    slow, fast = re.compile(original), re.compile(LINEAR_EQUIVALENTS[original])
    prefix = "https://" if original.startswith("https://") else ""

    @settings(max_examples=3000, deadline=None)
    @given(st.text(alphabet="ab-/._Z\n!", max_size=14))
    def agree(text: str) -> None:
        value = prefix + text  # short enough for the original to answer quickly
        assert (slow.fullmatch(value) is None) == (fast.fullmatch(value) is None), value

    agree()


# Runs in a child that reports each shape as it finishes, so that a catastrophic pattern is a
# failure naming its shape, not a hung suite.
PROBE = textwrap.dedent("""
    import json, sys, time
    from sagemaker_automl.validation import validate_shape
    for line in sys.stdin:
        shape, maximum = json.loads(line)
        lengths = {64, 1024, 100_000} | ({maximum, maximum + 1} if maximum is not None else set())
        worst = 0.0
        for n in sorted(lengths):
            for prefix in ("", "s3://", "https://"):
                for char in "a/:.-_ 0A\\u00e9":
                    for tail in ("\\n", "!", "\\x00", "/", " "):
                        value = prefix + char * n + tail
                        start = time.perf_counter()
                        validate_shape(shape, value)
                        worst = max(worst, time.perf_counter() - start)
        print(json.dumps([shape, worst]), flush=True)
""")


def test_no_pattern_of_the_whole_sagemaker_model_backtracks_for_long(whole_sagemaker: Path) -> None:
    """Adversarial values (a run of one character, then one that cannot end a match) at lengths up to
    each shape's maximum and past it; a generous bound, since a catastrophic pattern takes seconds
    to hours where a linear one takes microseconds."""
    from codegen.model.load import load_model

    shapes = load_model("installed").model.raw["shapes"]
    by_pattern: dict[str, tuple[str, int | None]] = {}
    for name, shape in shapes.items():
        if shape.get("type") == "string" and shape.get("pattern") and "enum" not in shape:
            by_pattern.setdefault(shape["pattern"], (name, shape.get("max")))
    slow = {}
    child = subprocess.Popen(
        [sys.executable, "-c", PROBE], cwd=whole_sagemaker, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("".join(json.dumps(entry) + "\n" for entry in by_pattern.values()))
    child.stdin.close()
    try:
        for pattern, (shape, _) in by_pattern.items():
            ready, _, _ = select.select([child.stdout], [], [], 20)
            line = child.stdout.readline() if ready else ""
            if not line:
                slow[shape] = f"{pattern!r}: no answer within 20 s"
                break
            reported, worst = json.loads(line)
            assert reported == shape
            # Linear checks of 100,000 characters take milliseconds, up to ~60 ms on this 2-core machine
            # while another suite runs beside this one; a catastrophic pattern takes seconds on 30.
            if worst > 0.5:
                slow[shape] = f"{pattern!r}: {worst * 1000:.0f} ms"
    finally:
        child.kill()
        child.wait()
    assert slow == {}


UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"


@pytest.mark.parametrize(
    ("pattern", "low", "high", "checked"),
    [
        (UUID, 32, 32, False),  # apprunner ServiceId: 36-character pattern, exactly 32 characters allowed
        (UUID, 36, 36, True),
        (UUID, None, None, True),
        ("[a-z]{1,3}", 5, None, False),  # longest match is shorter than the minimum
        ("[a-z]+", 5, 10, True),
        ("\\p{L}{2}", None, 1, False),  # widths are read through the translation
    ],
)
def test_a_pattern_no_string_within_the_length_bounds_matches_is_not_checked(
    pattern: str, low: int | None, high: int | None, checked: bool
) -> None:
    assert (patterns.checked_pattern(pattern, low, high) is not None) == checked


def test_the_validator_accepts_what_a_contradictory_pattern_would_refuse() -> None:
    raw = {
        "metadata": {"serviceFullName": "T", "apiVersion": "1"},
        "operations": {"DoAutoML": {"input": {"shape": "Req"}}},
        "shapes": {
            "Req": {"type": "structure", "members": {"ServiceId": {"shape": "ServiceId"}}},
            "ServiceId": {"type": "string", "min": 32, "max": 32, "pattern": UUID},
        },
    }
    service = build_ir(raw)
    table = TypeTable(service).rules()
    assert table["ServiceId"].pattern is None
    assert untranslatable_patterns(service, table) == [("ServiceId", UUID)]


REGEX_PIECES = st.sampled_from(
    ["(", ")", "(?<=", "(?<!", "(?=", "(?!", "(?:", "a", "bc", ".", "*", "+", "?", "{2}", "{1,3}", "|", "[a-z]",
     "[^\\d]", "[", "]", "\\", "\\w", "^", "$", "\\b", "\\u00e9", "\\U0001F600", "-", "\\p{L}", "(?P<n>", "(?P=n)"]
)  # fmt: skip


def _compile_verdict(pattern: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(pattern)
    except re.error:
        return False
    return True


@given(st.lists(REGEX_PIECES, max_size=12).map("".join))
def test_a_pattern_is_accepted_exactly_when_re_compiles_it(pattern: str) -> None:
    assert (patterns.compiled_widths(pattern) is not None) == _compile_verdict(pattern)


def test_a_variable_width_look_behind_is_refused_even_deep_inside() -> None:
    assert patterns.compiled_widths("(?<=ab)c") == (1, 1)
    assert patterns.compiled_widths("x(y|(?<!a+)z)") is None
    assert patterns.compiled_widths("(?:a(?<=b|cd))*") is None


# --- Java's set operations inside a character class ----------------------------------------------


@pytest.mark.parametrize(
    "java",
    [
        "[\\p{Print}&&[^|:/]]+",  # autoscaling-plans ScalingPlanName: printable but not |, : or /
        "[a-z&&[^e]]",
        "[a-z[0-9]]+",  # a union
        "[\\w[-]]",
    ],
)
def test_a_class_with_javas_intersection_or_a_nested_class_is_not_checked(java: str) -> None:
    # Python reads "&&" and "[" inside a class as characters: the translation would refuse valid
    # values ("myplan" as a ScalingPlanName), which is worse than not checking.
    assert patterns.translate(java) is None


@pytest.mark.parametrize(
    ("java", "valid", "invalid"),
    [
        ("[\\p{L}||\\p{N}]+", ["a", "a1", "|", "é9"], ["", "-", " "]),  # omics: "||" is two "|" in Java
        ("[a~~b]", ["a", "~", "b"], ["~~", "c"]),
        ("[\\[a]+", ["[a"], ["b"]),  # an escaped bracket is a bracket
        ("a&&b", ["a&&b"], ["ab"]),  # outside a class "&&" is text
    ],
)
def test_what_python_reads_differently_inside_a_class_is_escaped(
    java: str, valid: list[str], invalid: list[str]
) -> None:
    translated = patterns.translate(java)
    assert translated is not None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # re's FutureWarning about a future meaning of "||" or "~~"
        compiled = re.compile(translated + "(?#uncached)")
    assert [v for v in valid if not compiled.fullmatch(v)] == []
    assert [v for v in invalid if compiled.fullmatch(v)] == []


def test_every_translated_pattern_of_the_whole_sagemaker_model_compiles_without_warnings(
    whole_sagemaker: Path,
) -> None:
    table = (whole_sagemaker / "sagemaker_automl" / "validation.py").read_text()
    found = re.findall(r"pattern=('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", table)
    assert len(found) > 200
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for pattern in found:
            re.compile(eval(pattern) + "(?#uncached)")


@pytest.mark.slow
def test_every_services_translated_patterns_compile_without_warnings() -> None:
    from botocore.loaders import Loader

    loader = Loader()
    compiled = 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for service in loader.list_available_services("service-2"):
            for shape in loader.load_service_model(service, "service-2")["shapes"].values():
                translated = patterns.translate(shape["pattern"]) if "pattern" in shape else None
                if translated is not None:
                    re.compile(translated + "(?#uncached)")
                    compiled += 1
    assert compiled > 1000


# Every pattern of every botocore service, checked as the generated validator checks it (re, or the
# automaton, or not at all), in a child that reports each pattern as it finishes.
EVERY_SERVICE_PROBE = textwrap.dedent("""
    import json, sys, time
    from botocore.loaders import Loader
    from codegen.model.patterns import pattern_check
    from codegen.runtime._validator import Automaton, StringRule, Validator

    loader = Loader()
    seen = set()
    for service in loader.list_available_services("service-2"):
        for name, shape in loader.load_service_model(service, "service-2")["shapes"].items():
            key = (shape.get("pattern"), shape.get("min"), shape.get("max"))
            if shape.get("type") != "string" or not key[0] or "enum" in shape or key in seen:
                continue
            seen.add(key)
            check = pattern_check(*key)
            if check is None:
                continue
            pattern, dfa = check
            automaton = dfa and Automaton(dfa.accepting, dfa.starts, dfa.classes, dfa.table)
            automata = {pattern: automaton} if automaton else {}
            validator = Validator({"S": StringRule(None, None, pattern)}, automata=automata)
            longest = min(key[2] or 4096, 4096)
            worst = 0.0
            for n in sorted({30, longest}):
                for prefix in ("", "s3://", "https://", "arn:aws:"):
                    for char in "a/:.-_ 0A\\u00e9":
                        for tail in ("\\n", "!", "\\x00", "/", " "):
                            value = (prefix + char * n)[: n - 1] + tail
                            start = time.perf_counter()
                            validator.validate_shape("S", value)
                            worst = max(worst, time.perf_counter() - start)
            print(json.dumps([service, name, worst]), flush=True)
    print(json.dumps(["done", len(seen), 0.0]), flush=True)
""")


@pytest.mark.slow
def test_no_pattern_of_any_service_takes_long_on_adversarial_values() -> None:
    """The issue's 49 exponential patterns (rds DBProxyName: 6.9 s for 29 characters; ecr's
    ScanningRepositoryFilterValue: 33 s for 25) and every other: values of 30 characters and of each
    shape's maximum (at most 4,096), a run of one character and one that cannot end a match."""
    child = subprocess.Popen([sys.executable, "-c", EVERY_SERVICE_PROBE], cwd=ROOT, text=True, stdout=subprocess.PIPE)
    assert child.stdout is not None
    slow: dict[str, str] = {}
    checked = 0
    try:
        while True:
            ready, _, _ = select.select([child.stdout], [], [], 60)
            line = child.stdout.readline() if ready else ""
            if not line:
                slow["?"] = f"no answer within 60 s after {checked} patterns"
                break
            service, shape, worst = json.loads(line)
            if service == "done":
                break
            checked += 1
            # Linear checks of 4,096 characters take well under a millisecond; a catastrophic one takes
            # seconds on 30 characters, a quadratic one tens of milliseconds on 4,096.
            if worst > 0.05:
                slow[f"{service}.{shape}"] = f"{worst * 1000:.0f} ms"
    finally:
        child.kill()
        child.wait()
    assert slow == {} and checked > 5000
