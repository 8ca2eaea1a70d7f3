"""The diff's wire verdicts, judged by the package's own validator (requests) and decoders (responses).

For a random small model and a random change to it, the diff's request-side verdicts must hold:

* every request change wire-compatible: every request the old model's validator accepts is accepted by
  the new model's validator;
* a request change wire-breaking: some request the old validator accepts is refused by the new one (a
  witness), found among requests that reach the model's extremes, or the value the diff itself names
  for a pattern change (which the old validator must accept and the new one refuse).

Likewise for responses (below): a compatible change leaves every response the new service may send
decodable by the decoders generated from the old model; a breaking one comes with a witness.

The judges are the runtime validator of the generated package (``codegen/runtime/_validator.py``) over
the rule tables the generator writes for each model (``TypeTable.rules``). The default suite runs a
bounded number of examples; ``-m slow`` runs many more.
"""

from __future__ import annotations

import copy
import itertools
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.diff.compare import diff_models
from codegen.emit.type_table import TypeTable
from codegen.model.shapes import Model
from codegen.runtime._validator import Validator
from tests.conftest import build_ir

ENUM_VALUES = ["A", "B", "C", "D"]
PATTERNS = [None, "[a-z]+", "[a-z0-9]*", "^[abc]+$"]  # every string generate_value writes matches all of them
# Rewrites that change a pattern's spelling only: the diff must not call them breaking.
SAME_PATTERN = [lambda p: f"({p})", lambda p: f"^(?:{p})$", lambda p: f"(({p}))", lambda p: f"(?:{p}){{1,1}}"]
# Patterns a release might put in the place of another: tighter, looser, overlapping, or the same set of
# values spelled otherwise; some refuse only characters the request generator never writes.
OTHER_PATTERNS = [
    "[a-c]+",
    "[ab]+",
    "a[a-z]*",
    "[a-z]{2,}",
    "(a|b|c)+",
    "[^d]+",
    ".+",
    "[a-z0-9]+",
    "[b-z]*",
    "(ab|c|a|b)*",
    "[abc]{1,3}",
]


@st.composite
def base_models(draw: st.DrawFn) -> dict[str, Any]:
    shapes: dict[str, Any] = {}
    members: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 4))):
        name = f"S{index}"
        kind = draw(st.sampled_from(["string", "integer", "enum", "list"]))
        if kind == "string":
            low = draw(st.integers(1, 3))
            shapes[name] = {"type": "string", "min": low, "max": draw(st.integers(low, 8))}
            pattern = draw(st.sampled_from(PATTERNS))
            if pattern:
                shapes[name]["pattern"] = pattern
        elif kind == "integer":
            low = draw(st.integers(-5, 5))
            shapes[name] = {"type": "integer", "min": low, "max": draw(st.integers(low, 10))}
        elif kind == "enum":
            values = draw(st.lists(st.sampled_from(ENUM_VALUES), min_size=1, max_size=4, unique=True))
            shapes[name] = {"type": "string", "enum": values}
        else:
            shapes[f"{name}Item"] = {"type": "string", "min": 1, "max": 4}
            low = draw(st.integers(0, 2))
            shapes[name] = {
                "type": "list",
                "member": {"shape": f"{name}Item"},
                "min": low,
                "max": draw(st.integers(low, 4)),
            }
        members[f"M{index}"] = {"shape": name}
    required = draw(st.lists(st.sampled_from(sorted(members)), unique=True))
    shapes["Req"] = {"type": "structure", "members": members, "required": required}
    return {
        "metadata": {"serviceFullName": "Tiny Service", "serviceId": "Tiny", "apiVersion": "1"},
        "operations": {"DoIt": {"input": {"shape": "Req"}}},
        "shapes": shapes,
    }


@st.composite
def changed(draw: st.DrawFn, old: dict[str, Any]) -> dict[str, Any]:
    """``old`` with one change a release might make."""
    new = copy.deepcopy(old)
    shapes, request = new["shapes"], new["shapes"]["Req"]
    members = sorted(request["members"])
    member = draw(st.sampled_from(members))
    target = request["members"][member]["shape"]
    shape = shapes[target]
    kind = draw(
        st.sampled_from(
            ["add-optional", "add-required", "remove", "flip-required", "enum", "bound", "pattern", "retarget"]
        )
    )
    if kind in ("add-optional", "add-required"):
        shapes["New"] = {"type": "string", "min": 1, "max": 3}
        request["members"]["Added"] = {"shape": "New"}
        if kind == "add-required":
            request["required"].append("Added")
    elif kind == "remove":
        del request["members"][member]
        request["required"] = [r for r in request["required"] if r != member]
    elif kind == "flip-required":
        request["required"] = sorted(set(request["required"]) ^ {member})
    elif kind == "enum" and "enum" in shape:
        values = shape["enum"]
        grown = [v for v in ENUM_VALUES if v not in values]
        if grown and draw(st.booleans()):
            values.append(draw(st.sampled_from(grown)))
        elif len(values) > 1:
            values.remove(draw(st.sampled_from(values)))
    elif kind == "bound" and shape["type"] in ("string", "integer", "list") and "enum" not in shape:
        bound = draw(st.sampled_from(["min", "max"]))
        if draw(st.booleans()) and bound in shape:
            del shape[bound]
        else:
            shape[bound] = shape.get(bound, 0) + draw(st.integers(-2, 2))
            if shape.get("min", 0) > shape.get("max", 10**6):
                shape["min"], shape["max"] = shape["max"], shape["min"]
            if shape["type"] == "string":
                shape["min"] = max(shape.get("min", 1), 1)  # the patterns' + needs a character
                shape["max"] = max(shape.get("max", 8), shape["min"])
    elif kind == "pattern" and shape["type"] == "string" and "enum" not in shape:
        respell: bool = draw(st.booleans())
        if shape.get("pattern") and respell:
            shape["pattern"] = draw(st.sampled_from(SAME_PATTERN))(shape["pattern"].strip("^$"))
        else:
            shape["pattern"] = draw(st.sampled_from(OTHER_PATTERNS))
    elif kind == "retarget":
        shapes["Renamed"] = copy.deepcopy(shape)
        request["members"][member] = {"shape": "Renamed"}
    return new


def generate_value(shapes: dict[str, Any], name: str, rng: random.Random) -> Any:
    """A value of shape ``name`` within its constraints, often at one of its extremes."""
    shape = shapes[name]
    if "enum" in shape:
        return rng.choice(shape["enum"])
    low, high = shape.get("min"), shape.get("max")
    if shape["type"] == "integer":
        low = -5 if low is None else low
        high = 10 if high is None else high
        return rng.choice([low, high, rng.randint(low, high)])
    low = (1 if shape["type"] == "string" else 0) if low is None else low
    high = low + 4 if high is None else high
    length = rng.choice([low, high, rng.randint(low, high)])
    if shape["type"] == "list":
        return [generate_value(shapes, shape["member"]["shape"], rng) for _ in range(length)]
    return "".join(rng.choice("abc") for _ in range(length))


def generate_request(model: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    request = model["shapes"]["Req"]
    return {
        member: generate_value(model["shapes"], ref["shape"], rng)
        for member, ref in request["members"].items()
        if member in request["required"] or rng.random() < 0.6
    }


def validator(model: dict[str, Any]) -> Validator:
    table = TypeTable(build_ir(model, ".*"))
    return Validator(table.rules(), automata=table.automata())


def judge(old: dict[str, Any], new: dict[str, Any], seed: int) -> None:
    changes = [c for _, c in diff_models(Model(old), Model(new)).changes() if c.direction == "request"]
    breaking = [c for c in changes if c.wire == "breaking"]
    before, after = validator(old), validator(new)
    rng = random.Random(seed)
    # The diff's own examples, each set on a request that is otherwise valid.
    examples = [{**generate_request(old, rng), c.path: c.witness} for c in changes if c.witness is not None]
    requests = [generate_request(old, rng) for _ in range(300)] + examples
    for request in requests:
        assert before.validate_shape("Req", request) == [], ("not a valid old request", request)
    refused = [r for r in requests if after.validate_shape("Req", r)]
    if not breaking:
        assert refused == [], (f"classified wire-compatible: {[c.rule for c in changes]}", refused[:3])
    else:
        assert refused, f"classified wire-breaking without a witness: {[(c.rule, c.detail) for c in breaking]}"
    for example in examples:
        assert after.validate_shape("Req", example), ("the diff's example is not refused", example)


@st.composite
def transitions(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    old = draw(base_models())
    return old, draw(changed(old))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transitions(), st.integers(0, 2**32 - 1))
def test_request_verdicts_hold_for_the_validator(transition: tuple[dict[str, Any], dict[str, Any]], seed: int) -> None:
    judge(*transition, seed)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transitions(), st.integers(0, 2**32 - 1))
def test_request_verdicts_hold_for_the_validator_at_length(
    transition: tuple[dict[str, Any], dict[str, Any]], seed: int
) -> None:
    judge(*transition, seed)


# --- responses, judged by the decoders ----------------------------------------------------------------
#
# The same models, with the structure as the operation's response. A response change is wire-compatible
# when everything the new service may send still decodes with the decoders generated from the old model
# (what clients in the field run); wire-breaking only with a witness: a response valid for the new model
# that the old decoders refuse. The judge is the validator's decode check, which is what
# from_response_dict applies (types and required keys; bounds, patterns and enum values do not stop it).


def as_response(model: dict[str, Any]) -> dict[str, Any]:
    response = copy.deepcopy(model)
    response["operations"] = {"DoIt": {"output": {"shape": "Req"}}}
    return response


def judge_responses(old: dict[str, Any], new: dict[str, Any], seed: int) -> None:
    old, new = as_response(old), as_response(new)
    changes = [c for _, c in diff_models(Model(old), Model(new)).changes() if c.direction == "response"]
    breaking = [c for c in changes if c.wire == "breaking"]
    before, after = validator(old), validator(new)
    rng = random.Random(seed)
    responses = [generate_request(new, rng) for _ in range(300)]  # what the new service may send
    for response in responses:
        assert after.response_problem("Req", response) is None and "cannot be decoded" in after.decode_problem(
            "Req", response
        ), ("not a valid new response", response)
    refused = [r for r in responses if "cannot be decoded" not in before.decode_problem("Req", r)]
    if not breaking:
        assert refused == [], (f"classified wire-compatible: {[c.rule for c in changes]}", refused[:3])
    else:
        assert refused, f"classified wire-breaking without a witness: {[(c.rule, c.detail) for c in breaking]}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transitions(), st.integers(0, 2**32 - 1))
def test_response_verdicts_hold_for_the_decoders(transition: tuple[dict[str, Any], dict[str, Any]], seed: int) -> None:
    judge_responses(*transition, seed)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transitions(), st.integers(0, 2**32 - 1))
def test_response_verdicts_hold_for_the_decoders_at_length(
    transition: tuple[dict[str, Any], dict[str, Any]], seed: int
) -> None:
    judge_responses(*transition, seed)


# --- patterns, judged by the validator on many values -------------------------------------------------
#
# A pattern change is compared by the values the two patterns match. Here both patterns come from one pool
# (so tighter, looser, overlapping and equal pairs all occur), with random bounds; the judge tries every
# short value over a small alphabet that the old validator accepts, and the diff's own example.

PATTERN_POOL = PATTERNS[1:] + OTHER_PATTERNS + ["(a|b)(a|b|c)*", "[a-c][a-c]?[a-c]?", "a*b*c*", "[a-z]+|[0-9]+"]
ALPHABET = "abcd0!"


def values_up_to(length: int) -> list[str]:
    values = [""]
    for size in range(1, length + 1):
        values += ["".join(chars) for chars in itertools.product(ALPHABET, repeat=size)]
    return values


SHORT_VALUES = values_up_to(4)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERN_POOL), st.sampled_from(PATTERN_POOL), st.integers(0, 3), st.integers(1, 4))
def test_pattern_verdicts_hold_for_the_validator(before: str, after: str, low: int, high: int) -> None:
    judge_patterns(before, after, low, high)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(PATTERN_POOL), st.sampled_from(PATTERN_POOL), st.integers(0, 3), st.integers(1, 4))
def test_pattern_verdicts_hold_for_the_validator_at_length(before: str, after: str, low: int, high: int) -> None:
    judge_patterns(before, after, low, high)


def judge_patterns(before: str, after: str, low: int, high: int) -> None:
    high = max(low, high)
    old, new = tiny_string_model(before, low, high), tiny_string_model(after, low, high)
    found = [c for _, c in diff_models(Model(old), Model(new)).changes() if c.direction == "request"]
    assert len(found) <= 1
    change = found[0] if found else None
    accepts_before, accepts_after = validator(old), validator(new)
    valid = [{"M0": v} for v in SHORT_VALUES if not accepts_before.validate_shape("Req", {"M0": v})]
    refused = [r for r in valid if accepts_after.validate_shape("Req", r)]
    if change is None or change.wire == "compatible":
        assert refused == [], (change, refused[:3])
    else:
        assert change.witness is not None, change  # every pattern in the pool is decided
        example = {"M0": change.witness}
        assert not accepts_before.validate_shape("Req", example) and accepts_after.validate_shape("Req", example)
    newly = [v for v in SHORT_VALUES if accepts_before.validate_shape("Req", {"M0": v})]
    newly = [v for v in newly if not accepts_after.validate_shape("Req", {"M0": v})]
    if newly or refused:
        assert change is not None, f"the patterns differ on {(newly + [r['M0'] for r in refused])[:3]}: not reported"


def tiny_string_model(pattern: str, low: int, high: int) -> dict[str, Any]:
    return {
        "metadata": {"serviceFullName": "Tiny Service", "serviceId": "Tiny", "apiVersion": "1"},
        "operations": {"DoIt": {"input": {"shape": "Req"}}},
        "shapes": {
            "Req": {"type": "structure", "members": {"M0": {"shape": "S0"}}, "required": ["M0"]},
            "S0": {"type": "string", "min": low, "max": high, "pattern": pattern},
        },
    }
