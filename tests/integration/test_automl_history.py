"""The diff over every change botocore ever made to the AutoML operations.

``tests/fixtures/automl-history.json.gz`` (made by ``make_automl_history.py`` from every botocore release)
holds the AutoML part of the SageMaker model in each release where it changed. For each transition:

* the public changelog's format is what an independent implementation of it (below, on the raw JSON,
  sharing no code with ``codegen.diff``) prints, byte for byte;
* the extended report is kept as a snapshot, one readable file for the whole history, so that a change to
  any verdict on a real release shows in review;
* the false alarms of issue 27 (a retarget to an equal shape, a loosened bound, a pattern that only gained
  parentheses) are compatible on both axes.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from typing import Any

import pytest

from codegen.diff.changelog import render_text
from codegen.diff.compare import diff_models
from codegen.model.shapes import Model
from tests.conftest import FIXTURES

HISTORY = FIXTURES / "automl-history.json.gz"
OPERATIONS = "AutoML"


@cache
def history() -> tuple[dict[str, Any], ...]:
    document = json.loads(gzip.decompress(HISTORY.read_bytes()))
    defs = document["shapes"]
    states = [
        {**state, "shapes": {name: defs[key] for name, key in state["shapes"].items()}} for state in document["states"]
    ]
    # Before AutoML: the same service with none of its operations, so the first transition is "N new".
    before = {"version": "before AutoML", "metadata": states[0]["metadata"], "operations": {}, "shapes": {}}
    return (before, *states)


def transitions() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    states = history()
    return list(zip(states, states[1:]))


def ids() -> list[str]:
    return [f"{old['version']}->{new['version']}" for old, new in transitions()]


# --- the public format, written again from its description ------------------------------------------


def rendered(value: Any) -> str:
    """A Python literal, dict keys and set members sorted."""
    if isinstance(value, dict):
        return "{%s}" % ", ".join("%s: %s" % (rendered(key), rendered(value[key])) for key in sorted(value))
    if isinstance(value, frozenset):
        return "{%s}" % ", ".join(repr(item) for item in sorted(value))
    if isinstance(value, list):
        return "[%s]" % ", ".join(rendered(item) for item in value)
    if value == ():
        return "()"
    return repr(value)


def kind(shape: dict[str, Any]) -> str:
    if shape["type"] == "string" and "enum" in shape:
        return "enum"
    if shape["type"] == "structure" and shape.get("union"):
        return "union"
    if shape["type"] == "structure" and shape.get("document"):
        return "document"
    return str(shape["type"])


def whole(shapes: dict[str, Any], name: str, seen: frozenset[str] = frozenset()) -> Any:
    """How the public changelog prints a shape that appeared: all of it."""
    if name in seen:
        return ()
    shape, seen = shapes[name], seen | {name}
    match kind(shape):
        case "structure" | "union":
            return {member: whole(shapes, ref["shape"], seen) for member, ref in shape["members"].items()}
        case "list":
            return [whole(shapes, shape["member"]["shape"], seen)]
        case "map":
            return {whole(shapes, shape["key"]["shape"], seen): whole(shapes, shape["value"]["shape"], seen)}
        case "enum":
            return " | ".join(shape["enum"])
        case "document":
            return "structure"
        case other:
            return other


def gained(old: dict[str, Any], new: dict[str, Any], pair: tuple[str, str], path: frozenset[tuple[str, str]]) -> Any:
    """What a shape gained between two models: new members in full, new enum values, at any depth through
    lists and maps (which the format does not mark). None if nothing; a shape that changed kind shows nothing."""
    if pair in path:
        return None
    before, after = old["shapes"][pair[0]], new["shapes"][pair[1]]
    if kind(before) != kind(after):
        return None
    path = path | {pair}
    match kind(after):
        case "structure" | "union":
            tree = {}
            for member, ref in after["members"].items():
                if member not in before["members"]:
                    tree[member] = whole(new["shapes"], ref["shape"])
                elif (inner := gained(old, new, (before["members"][member]["shape"], ref["shape"]), path)) is not None:
                    tree[member] = inner
            return tree or None
        case "list":
            return gained(old, new, (before["member"]["shape"], after["member"]["shape"]), path)
        case "map":
            return gained(old, new, (before["value"]["shape"], after["value"]["shape"]), path)
        case "enum":
            return frozenset(after["enum"]) - frozenset(before["enum"]) or None
    return None


def public_changelog(old: dict[str, Any], new: dict[str, Any]) -> str:
    added = sorted(set(new["operations"]) - set(old["operations"]))
    updated = []
    for name in sorted(set(new["operations"]) & set(old["operations"])):
        trees = {}
        for part in ("input", "output"):
            refs = old["operations"][name].get(part), new["operations"][name].get(part)
            if refs[0] and refs[1]:
                trees[part] = gained(old, new, (refs[0]["shape"], refs[1]["shape"]), frozenset())
        request, response = trees.get("input"), trees.get("output")
        if request is not None and response is not None:
            if request == response:
                updated.append(f"{name} (updated) Changes (both) {rendered(request)}")
            else:
                updated.append(
                    f"{name} (updated) Changes (request, response) Request {rendered(request)} "
                    f"Response {rendered(response)}"
                )
        elif request is not None or response is not None:
            which, tree = ("request", request) if request is not None else ("response", response)
            updated.append(f"{name} (updated) Changes ({which}) {rendered(tree)}")
    counts = " ".join(f"{n} {what}" for n, what in ((len(added), "new"), (len(updated), "updated")) if n)
    heading = new["metadata"]["serviceFullName"] + (f" - {counts} api methods" if counts else " - no api changes")
    return "\n".join([heading, *(f"{name} (new)" for name in added), *updated]) + "\n"


# --- the tests --------------------------------------------------------------------------------------


def diff(old: dict[str, Any], new: dict[str, Any]) -> Any:
    return diff_models(Model(old), Model(new), OPERATIONS)


@pytest.mark.parametrize(("old", "new"), transitions(), ids=ids())
def test_public_format_matches_an_independent_implementation(old: dict[str, Any], new: dict[str, Any]) -> None:
    assert render_text(diff(old, new), extended=False) == public_changelog(old, new)


def test_each_stored_release_changed_the_automl_part_and_the_diff_sees_every_change() -> None:
    """The fixture keeps a release only where the AutoML part (metadata included) changed: consecutive
    states differ. A
    transition the public format is silent on must then show in the extended report, or be a change the
    model layer reads as none (documentation is not stored; anchors, an explicit min of 0, ``box``)."""
    silent = []
    for old, new in transitions():
        assert {k: v for k, v in old.items() if k != "version"} != {k: v for k, v in new.items() if k != "version"}
        if "no api changes" in public_changelog(old, new):
            silent.append((old["version"], new["version"], diff(old, new).changes() != []))
    assert silent and len(silent) < len(transitions())
    assert any(reported for _, _, reported in silent)  # the extended report sees what the public one cannot


def test_extended_report_over_the_whole_history(text_snapshot: Any) -> None:
    report = [
        f"# {old['version']} -> {new['version']}\n{render_text(diff(old, new), extended=True)}"
        for old, new in transitions()
    ]
    assert "\n".join(report) == text_snapshot


def state(version: str) -> dict[str, Any]:
    """The AutoML slice as it was in ``version``: the newest stored state not newer than it."""
    from packaging.version import Version

    stored = [s for s in history()[1:] if Version(s["version"]) <= Version(version)]
    return stored[-1]


@pytest.mark.parametrize(
    ("old", "new", "member"),
    [
        # AutoMLContainerDefinition.Image moved from shape Image to ContainerImage: both string, max 255, [\S]+
        ("1.17.27", "1.17.28", "Image"),
        # ListCandidatesForAutoMLJob MaxResults retargeted to a shape whose maximum went from 100 to 300
        ("1.34.1", "1.34.2", "MaxResults"),
        # ForecastFrequency's pattern only gained outer parentheses
        ("1.43.124", "1.43.125", "ForecastFrequency"),
        # AutoMLJobName's pattern (max 32) was spelled with {0,31} instead of *: the same names
        ("1.19.26", "1.19.27", "AutoMLJobName"),
    ],
)
def test_issue_27_false_alarms_are_compatible_on_both_axes(old: str, new: str, member: str) -> None:
    found = diff(state(old), state(new))
    about = [c for _, c in found.changes() if c.path.split(".")[-1].removesuffix("[]") == member]
    assert [c for c in about if c.severity == "breaking"] == []
