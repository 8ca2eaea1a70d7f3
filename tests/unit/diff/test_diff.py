"""The diff command: the public changelog format exactly, and the extended, classified report."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.diff.changelog import public_line, render_json, render_markdown, render_text
from codegen import defaults
from codegen.cli import main
from codegen.diff.compare import diff_models
from codegen.model.shapes import Model
from codegen.cache import CACHE_ENV
from tests.conftest import FIXTURES

OLD = str(FIXTURES / "sagemaker-1.17.42-service-2.json.gz")
NEW = str(FIXTURES / "sagemaker-1.17.43-service-2.json.gz")

PUBLIC_WHOLE_SERVICE = """\
Amazon SageMaker Service - 5 updated api methods
CreateAutoMLJob (updated) Changes (request) {'AutoMLJobObjective': {'MetricName': {'AUC'}}}
CreateModel (updated) Changes (request) {'Containers': {'ImageConfig': {'RepositoryAccessMode': 'Platform | Vpc'}}, 'PrimaryContainer': {'ImageConfig': {'RepositoryAccessMode': 'Platform | Vpc'}}}
DescribeAutoMLJob (updated) Changes (response) {'AutoMLJobObjective': {'MetricName': {'AUC'}}, 'BestCandidate': {'FinalAutoMLJobObjectiveMetric': {'MetricName': {'AUC'}}}, 'ResolvedAttributes': {'AutoMLJobObjective': {'MetricName': {'AUC'}}}}
DescribeModel (updated) Changes (response) {'Containers': {'ImageConfig': {'RepositoryAccessMode': 'Platform | Vpc'}}, 'PrimaryContainer': {'ImageConfig': {'RepositoryAccessMode': 'Platform | Vpc'}}}
ListCandidatesForAutoMLJob (updated) Changes (response) {'Candidates': {'FinalAutoMLJobObjectiveMetric': {'MetricName': {'AUC'}}}}
"""  # noqa: E501


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["diff", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_whole_service_matches_the_public_changelog_exactly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, OLD, NEW, "--operations", ".*") == (0, PUBLIC_WHOLE_SERVICE, "")


def test_the_default_filter_is_the_packages_selection(capsys: pytest.CaptureFixture[str]) -> None:
    """The diff covers what the package covers (in 2020, the AutoML operations and CreateModel and
    DescribeModel changed: every changed operation is the package's); a filter counts only its own."""
    default = run(capsys, OLD, NEW)
    assert default == run(capsys, OLD, NEW, "--operations", defaults.OPERATIONS)
    assert "\nCreateModel (updated) Changes (request)" in default[1]
    lines = PUBLIC_WHOLE_SERVICE.splitlines()
    expected = ["Amazon SageMaker Service - 3 updated api methods"] + [line for line in lines[1:] if "AutoML" in line]
    assert run(capsys, OLD, NEW, "--operations", "AutoML") == (0, "\n".join(expected) + "\n", "")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("extended", [False, True], ids=["public", "extended"])
def test_output_formats(capsys: pytest.CaptureFixture[str], text_snapshot: Any, fmt: str, extended: bool) -> None:
    status, out, _ = run(capsys, OLD, NEW, "--format", fmt, *(["--extended"] if extended else []))
    assert status == 0
    assert out == text_snapshot
    if fmt == "json":
        document = json.loads(out)
        assert document["schema"] == "automl-codegen.diff/2"
        assert document["summary"]["updated"] == 5


# --- every rule, on tiny inline models ---------------------------------------------------------------


def model(**shapes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "metadata": {"serviceFullName": "Tiny Service"},
        "operations": {"DoIt": {"input": {"shape": "Req"}, "output": {"shape": "Resp"}}},
        "shapes": {
            "Req": {"type": "structure", "members": {"Name": {"shape": "Str"}}},
            "Resp": {"type": "structure", "members": {"Name": {"shape": "Str"}}},
            "Str": {"type": "string"},
            "Metric": {"type": "string", "enum": ["Accuracy", "F1"]},
        },
    }
    base["shapes"].update(shapes)
    return base


def lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return render_text(diff_models(Model(old), Model(new)), extended=False).splitlines()


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str, str, str, str]]:
    """(direction, path, rule, wire verdict, python verdict, effect on the Python API) of each change."""
    return [
        (c.direction, c.path, c.rule, c.wire, c.python, c.effect)
        for _, c in diff_models(Model(old), Model(new)).changes()
    ]


B, C = "breaking", "compatible"


def test_new_operation_comes_first_and_is_counted() -> None:
    new = model()
    new["operations"]["AddIt"] = {"input": {"shape": "Req"}}
    new["shapes"]["Req"]["members"]["Metric"] = {"shape": "Metric"}
    assert lines(model(), new) == [
        "Tiny Service - 1 new 1 updated api methods",
        "AddIt (new)",
        "DoIt (updated) Changes (request) {'Metric': 'Accuracy | F1'}",
    ]


def test_enum_growth_at_depth_through_lists_and_maps() -> None:
    shapes = {
        "Req": {"type": "structure", "members": {"Items": {"shape": "ItemList"}, "ByName": {"shape": "ItemMap"}}},
        "ItemList": {"type": "list", "member": {"shape": "Item"}},
        "ItemMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Item"}},
        "Item": {"type": "structure", "members": {"Metric": {"shape": "Metric"}}},
    }
    old, new = model(**shapes), model(**copy.deepcopy(shapes))
    new["shapes"]["Metric"]["enum"] = ["Accuracy", "F1", "AUC", "MSE"]
    assert (
        lines(old, new)[1]
        == "DoIt (updated) Changes (request) {'ByName': {'Metric': {'AUC', 'MSE'}}, 'Items': {'Metric': {'AUC', 'MSE'}}}"
    )
    assert changes(old, new) == [
        ("request", "Items[].Metric", "request-enum-value-added", C, C, "Metric (+ AUC, MSE)"),
        ("request", "ByName{}.Metric", "request-enum-value-added", C, C, "Metric (+ AUC, MSE)"),
    ]


def test_new_members_render_in_full() -> None:
    new = model(
        Config={
            "type": "structure",
            "members": {
                "Tags": {"shape": "TagList"},
                "Env": {"shape": "EnvMap"},
                "Unit": {"shape": "UnitMap"},
                "Count": {"shape": "Int"},
                "On": {"shape": "Bool"},
                "When": {"shape": "Time"},
            },
        },
        TagList={"type": "list", "member": {"shape": "Str"}},
        EnvMap={"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Str"}},
        UnitMap={"type": "map", "key": {"shape": "Unit"}, "value": {"shape": "TagList"}},
        Unit={"type": "string", "enum": ["CPU", "GPU"]},
        Int={"type": "integer"},
        Bool={"type": "boolean"},
        Time={"type": "timestamp"},
    )
    new["shapes"]["Resp"]["members"]["Config"] = {"shape": "Config"}
    assert lines(model(), new)[1] == (
        "DoIt (updated) Changes (response) {'Config': {'Count': 'integer', 'Env': {'string': 'string'}, "
        "'On': 'boolean', 'Tags': ['string'], 'Unit': {'CPU | GPU': ['string']}, 'When': 'timestamp'}}"
    )


def test_recursive_new_member_renders_as_empty_tuple() -> None:
    new = model(Node={"type": "structure", "members": {"Value": {"shape": "Str"}, "Next": {"shape": "Node"}}})
    new["shapes"]["Req"]["members"]["Node"] = {"shape": "Node"}
    assert lines(model(), new)[1] == "DoIt (updated) Changes (request) {'Node': {'Next': (), 'Value': 'string'}}"


def test_recursive_existing_shapes_terminate() -> None:
    shapes = {"Node": {"type": "structure", "members": {"Next": {"shape": "Node"}, "Metric": {"shape": "Metric"}}}}
    old, new = model(**shapes), model(**copy.deepcopy(shapes))
    for m in (old, new):
        m["shapes"]["Req"]["members"]["Node"] = {"shape": "Node"}
    new["shapes"]["Metric"]["enum"].append("AUC")
    assert lines(old, new)[1] == "DoIt (updated) Changes (request) {'Node': {'Metric': {'AUC'}}}"


def test_equal_request_and_response_changes_show_once_as_both() -> None:
    new = model()
    new["shapes"]["Str"] = {"type": "string"}
    new["shapes"]["Req"]["members"]["Extra"] = {"shape": "Str"}
    new["shapes"]["Resp"]["members"]["Extra"] = {"shape": "Str"}
    assert lines(model(), new)[1] == "DoIt (updated) Changes (both) {'Extra': 'string'}"
    new["shapes"]["Resp"]["members"]["More"] = {"shape": "Str"}
    assert lines(model(), new)[1] == (
        "DoIt (updated) Changes (request, response) Request {'Extra': 'string'} Response {'Extra': 'string', "
        "'More': 'string'}"
    )


def test_removals_are_invisible_publicly_and_breaking_in_the_extended_report() -> None:
    old = model()
    old["operations"]["Gone"] = {"input": {"shape": "Req"}}
    old["shapes"]["Req"]["members"]["Old"] = {"shape": "Str"}
    old["shapes"]["Metric"]["enum"].append("Legacy")
    old["shapes"]["Resp"]["members"]["Metric"] = {"shape": "Metric"}
    new = model()
    new["shapes"]["Resp"]["members"]["Metric"] = {"shape": "Metric"}
    assert lines(old, new) == ["Tiny Service - no api changes"]
    assert changes(old, new) == [
        ("request", "Old", "request-member-removed", B, B, "Req.old: field removed"),
        ("response", "Metric", "response-enum-value-removed", C, B, "Metric (- Legacy)"),
        ("request", "", "operation-removed", B, B, "gone() removed"),
    ]


def test_required_changes_are_classified_by_direction() -> None:
    old, new = model(), model()
    new["shapes"]["Req"]["required"] = ["Name"]
    old["shapes"]["Resp"]["required"] = ["Name"]
    assert changes(old, new) == [
        ("request", "Name", "request-member-became-required", B, B, "Req.name: now required"),
        ("response", "Name", "response-member-became-optional", B, B, "Resp.name: now optional"),
    ]
    assert changes(new, old) == [
        ("request", "Name", "request-member-became-optional", C, C, "Req.name: now optional"),
        ("response", "Name", "response-member-became-required", C, C, "Resp.name: now required"),
    ]


def test_new_required_request_member_is_breaking() -> None:
    new = model()
    new["shapes"]["Req"]["members"]["Role"] = {"shape": "Str"}
    new["shapes"]["Req"]["required"] = ["Role"]
    assert changes(model(), new) == [
        ("request", "Role", "request-required-member-added", B, B, "Req.role: new required field")
    ]


def test_a_kind_change_breaks_and_a_retarget_is_compared_by_what_the_target_is() -> None:
    new = model(Other={"type": "string"}, Int={"type": "integer"})
    new["shapes"]["Req"]["members"]["Name"] = {"shape": "Other"}
    new["shapes"]["Resp"]["members"]["Name"] = {"shape": "Int"}
    assert changes(model(), new) == [
        ("request", "Name", "member-shape-renamed", C, C, "Req.name: no change to its type"),
        ("response", "Name", "response-type-changed", B, B, "Int: type changes from string to integer"),
    ]
    new["shapes"]["Other"]["max"] = 3  # what the new target is still counts
    assert ("request", "Name", "request-bound-tightened", B, C, "Other: no change to its type") in changes(model(), new)


def test_a_structure_renamed_with_the_same_members_breaks_the_python_api_only() -> None:
    old = model(Setup={"type": "structure", "members": {"Size": {"shape": "Str"}}})
    old["shapes"]["Req"]["members"]["Setup"] = {"shape": "Setup"}
    new = model(Settings={"type": "structure", "members": {"Size": {"shape": "Str"}}})
    new["shapes"]["Req"]["members"]["Setup"] = {"shape": "Settings"}
    assert changes(old, new) == [
        ("request", "Setup", "member-class-renamed", C, B, "Req.setup: type Setup -> Settings")
    ]
    new["shapes"]["Resp"]["members"]["Kept"] = {"shape": "Setup"}  # the old name stays in the package
    new["shapes"]["Setup"] = old["shapes"]["Setup"]
    assert changes(old, new)[0][2:5] == ("member-class-replaced", C, C)


# The three false alarms of botocore's history, reduced to their shapes: each was reported as breaking.


def test_image_to_container_image_is_no_change_at_all() -> None:
    """1.17.27 -> 1.17.28: AutoMLContainerDefinition.Image moved from shape Image to ContainerImage, both
    string, max 255, pattern [\\S]+."""
    image = {"type": "string", "max": 255, "pattern": "[\\S]+"}
    old, new = model(Image=dict(image)), model(ContainerImage=dict(image))
    old["shapes"]["Resp"]["members"]["Image"] = {"shape": "Image"}
    new["shapes"]["Resp"]["members"]["Image"] = {"shape": "ContainerImage"}
    found = diff_models(Model(old), Model(new))
    assert changes(old, new) == [
        ("response", "Image", "member-shape-renamed", C, C, "Resp.image: no change to its type")
    ]
    assert found.breaking() == []


def test_a_request_maximum_raised_by_a_retarget_is_compatible() -> None:
    """1.34.1 -> 1.34.2: ListCandidatesForAutoMLJob MaxResults retargeted to a shape whose maximum is 300,
    not 100."""
    old = model(MaxResults={"type": "integer", "min": 1, "max": 100})
    new = model(MaxCandidates={"type": "integer", "min": 1, "max": 300})
    old["shapes"]["Req"]["members"]["MaxResults"] = {"shape": "MaxResults"}
    new["shapes"]["Req"]["members"]["MaxResults"] = {"shape": "MaxCandidates"}
    assert changes(old, new) == [
        ("request", "MaxResults", "member-shape-renamed", C, C, "Req.max_results: no change to its type"),
        ("request", "MaxResults", "request-bound-loosened", C, C, "MaxCandidates: no change to its type"),
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("1Y|Y|([1-9]|1[0-1])M|M|[1-4]W|W|[1-6]D|D|min", "(1Y|Y|([1-9]|1[0-1])M|M|[1-4]W|W|[1-6]D|D|min)"),
        ("[a-z]+", "^(?:[a-z]+)$"),
        ("[a-z]+", "((^[a-z]+$))"),
    ],
)
def test_a_pattern_that_only_gained_grouping_or_anchors_is_no_change(before: str, after: str) -> None:
    """1.43.124 -> 1.43.125: ForecastFrequency's pattern gained outer parentheses; nothing else."""
    old, new = model(), model()
    old["shapes"]["Str"] = {"type": "string", "pattern": before}
    new["shapes"]["Str"] = {"type": "string", "pattern": after}
    assert changes(old, new) == []


@pytest.mark.parametrize(
    ("before", "after", "rule"),
    [
        # The new spelling does not compile: the validator cannot check it, so every value passes.
        ("(a)|(b)", "a)|(b", "request-pattern-loosened"),
        ("a\\$", "a\\", "request-pattern-loosened"),
        ("[(]a[)]", "a", "request-pattern-changed"),  # refuses '(a)', accepts 'a'
        ("(?=a)", "?=a", "request-pattern-changed"),  # a look-ahead: not compared, breaking to be safe
        ("(?!a)", "?!a", "request-pattern-changed"),
    ],
)
def test_parentheses_that_do_not_enclose_the_whole_pattern_are_kept(before: str, after: str, rule: str) -> None:
    old, new = model(), model()
    old["shapes"]["Str"] = {"type": "string", "pattern": before}
    new["shapes"]["Str"] = {"type": "string", "pattern": after}
    assert [c[2] for c in changes(old, new)] == [rule, "response-pattern-changed"]


def test_a_repetition_around_a_group_is_the_same_pattern_as_around_its_content() -> None:
    old, new = model(), model()
    old["shapes"]["Str"] = {"type": "string", "pattern": "(a)*"}
    new["shapes"]["Str"] = {"type": "string", "pattern": "a*"}
    assert changes(old, new) == []


@pytest.mark.parametrize(
    ("before", "after", "bounds", "rule", "witness"),
    [
        # botocore 1.19.27: the same names of at most 32 characters, spelled with a counted repetition.
        ("^[a-zA-Z0-9](-*[a-zA-Z0-9])*", "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}", {"min": 1, "max": 32}, None, None),
        # ... which without the maximum would refuse a 33-character name.
        ("[a-zA-Z0-9](-*[a-zA-Z0-9])*", "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}", {"min": 1}, "tightened", "0" * 33),
        # botocore 1.34.74: KmsKeyId
        (".*", "^[a-zA-Z0-9:/_-]*$", {"max": 2048}, "tightened", "!"),
        ("[a-z]+", "[a-z0-9]+", {"max": 8}, "loosened", "0"),
        ("[a-z]+", "[0-9a-f]+", {"max": 8}, "changed", "g"),
        ("^1Y|Y|([1-9]|1[0-1])M|M$", "(1Y|Y|([1-9]|1[0-1])M|M)", {"min": 1, "max": 5}, None, None),
        ("[\\p{L}_]+", "[\\p{Ll}_]+", {"min": 1}, "tightened", "A"),  # Java's categories, translated
        ("\\d{12}", "[0-9]{12}", {}, "tightened", None),  # Python's \d is every Unicode digit
        ("[a-z]*", "[a-z]+", {"max": 4}, "tightened", ""),  # the empty value, within the bounds
        ("[a-z]*", "[a-z]+", {"min": 1, "max": 4}, None, None),  # ... but not when the minimum refuses it
    ],
)
def test_patterns_are_compared_by_the_values_they_match(
    before: str, after: str, bounds: dict[str, int], rule: str | None, witness: str | None
) -> None:
    old, new = model(), model()
    old["shapes"]["Str"] = {"type": "string", "pattern": before, **bounds}
    new["shapes"]["Str"] = {"type": "string", "pattern": after, **bounds}
    found = [c for _, c in diff_models(Model(old), Model(new)).changes() if c.direction == "request"]
    if rule is None:
        assert found == []
        return
    (change,) = found
    assert change.rule == f"request-pattern-{rule}"
    if witness is not None:
        assert f"refuses {witness!r}" in change.detail or f"accepts {witness!r}" in change.detail


def test_constraint_changes() -> None:
    old, new = model(), model()
    old["shapes"]["Str"] = {"type": "string", "max": 64, "pattern": "^[a-z]+$"}
    new["shapes"]["Str"] = {"type": "string", "max": 32, "min": 0, "pattern": "[a-z]+"}
    assert changes(old, new) == [
        ("request", "Name", "request-bound-tightened", B, C, "Str: no change to its type"),
        ("response", "Name", "response-bound-changed", C, C, "Str: no change to its type"),
    ], "min 0 and an anchored pattern mean the same as no min and an unanchored one"
    new["shapes"]["Str"]["max"] = 128
    new["shapes"]["Str"]["pattern"] = "[a-z0-9]+"
    assert changes(old, new) == [
        ("request", "Name", "request-bound-loosened", C, C, "Str: no change to its type"),
        ("request", "Name", "request-pattern-loosened", C, C, "Str: no change to its type"),
        ("response", "Name", "response-bound-changed", C, C, "Str: no change to its type"),
        ("response", "Name", "response-pattern-changed", C, C, "Str: no change to its type"),
    ]


def test_docs_changes_only_on_request() -> None:
    new = model()
    new["shapes"]["Req"]["members"]["Name"]["documentation"] = "<p>New words.</p>"
    assert changes(model(), new) == []
    found = [(c.path, c.rule) for _, c in diff_models(Model(model()), Model(new), docs=True).changes()]
    assert found == [("Name", "docs-changed")]


def test_fail_on_breaking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = model(), model()
    old["shapes"]["Req"]["members"]["Old"] = {"shape": "Str"}
    paths = []
    for name, m in (("old.json", old), ("new.json", new)):
        (tmp_path / name).write_text(json.dumps(m))
        paths.append(str(tmp_path / name))
    assert run(capsys, *paths, "--operations", ".*")[0] == 0
    assert run(capsys, *paths, "--operations", ".*", "--fail-on-breaking")[0] == 1
    assert run(capsys, *reversed(paths), "--operations", ".*", "--fail-on-breaking")[0] == 0


@pytest.mark.parametrize(
    ("change", "fails_on"),
    [
        ("a tightened request bound", {"wire", "any"}),
        ("a structure renamed", {"python", "any"}),
        ("a removed request member", {"wire", "python", "any"}),
        ("an added enum value", set()),
    ],
)
def test_fail_on_breaking_by_axis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str, fails_on: set[str]
) -> None:
    old, new = model(Config={"type": "structure", "members": {"N": {"shape": "Str"}}}), model()
    old["shapes"]["Req"]["members"]["Config"] = {"shape": "Config"}
    new["shapes"]["Req"]["members"]["Config"] = {"shape": "Config"}
    new["shapes"]["Config"] = old["shapes"]["Config"]
    if change == "a tightened request bound":
        new["shapes"]["Str"] = {"type": "string", "max": 3}
    elif change == "a structure renamed":
        new["shapes"]["Settings"] = new["shapes"].pop("Config")
        new["shapes"]["Req"]["members"]["Config"] = {"shape": "Settings"}
    elif change == "a removed request member":
        del new["shapes"]["Req"]["members"]["Name"]
    else:
        new["shapes"]["Metric"]["enum"].append("AUC")
        for m in (old, new):
            m["shapes"]["Req"]["members"]["Metric"] = {"shape": "Metric"}
    paths = []
    for name, m in (("old.json", old), ("new.json", new)):
        (tmp_path / name).write_text(json.dumps(m))
        paths.append(str(tmp_path / name))
    for axis in ("wire", "python", "any"):
        status = run(capsys, *paths, "--operations", ".*", f"--fail-on-breaking={axis}")[0]
        assert status == (1 if axis in fails_on else 0), (axis, status)


def test_text_from_the_model_cannot_forge_lines_or_styles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A member name or enum value with line breaks, a terminal escape or Markdown syntax stays one line of text."""
    hostile = "X\x1b[2J\nBreaking changes (0):\n  none *bold* `code` [link](http://x)"
    old, new = model(), model()
    old["shapes"]["Metric"]["enum"].append(hostile)
    for m in (old, new):
        m["shapes"]["Req"]["members"]["Metric"] = {"shape": "Metric"}
    result = diff_models(Model(old), Model(new))
    text = render_text(result, extended=True)
    assert "\x1b" not in text and "\\x1b[2J" in text
    assert [line for line in text.splitlines() if "Breaking changes" in line.split(":")[0]] == ["Breaking changes (1):"]
    assert "\\nBreaking changes (0):" in text
    markdown = render_markdown(result, extended=True)
    assert "\x1b" not in markdown and "\\*bold\\*" in markdown and "\\[link\\]\\(http://x\\)" in markdown
    assert markdown.count("### Breaking changes") == 1
    change = json.loads(render_json(result, extended=True))["operations"][0]["changes"][0]
    assert change["rule"] == "request-enum-value-removed" and "\n" not in change["detail"]


def test_title_without_changes_and_markdown_json_agree() -> None:
    result = diff_models(Model(model()), Model(model()))
    assert render_text(result, False) == "Tiny Service - no api changes\n"
    assert render_markdown(result, True).startswith("## Tiny Service - no api changes")
    assert json.loads(render_json(result, True))["operations"] == []
    assert [public_line(o) for o in result.public()] == []


# --- bad sources -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("/nonexistent/service-2.json", "cannot read model file"),
        ("botocore==0.0.0", "cannot download the wheel"),
    ],
)
def test_bad_sources_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: str, message: str
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setenv("PIP_NO_INDEX", "1")  # no network in tests
    status, out, err = run(capsys, source, NEW)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_malformed_json_source(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "service-2.json"
    bad.write_text("{not json")
    status, _, err = run(capsys, OLD, str(bad))
    assert status == 2 and err.count("\n") == 1 and "malformed JSON" in err


# --- recursive models: what is found never depends on the selection ------------------------------------


def cyclic(values: list[str]) -> dict[str, Any]:
    """DoIt on A, Other on C; A -> B -> A and C -> B, with an enum member on A."""
    return {
        "metadata": {"serviceFullName": "Tiny Service"},
        "operations": {"DoIt": {"input": {"shape": "A"}}, "Other": {"input": {"shape": "C"}}},
        "shapes": {
            "A": {"type": "structure", "members": {"B": {"shape": "B"}, "Metric": {"shape": "Metric"}}},
            "B": {"type": "structure", "members": {"A": {"shape": "A"}}},
            "C": {"type": "structure", "members": {"B": {"shape": "B"}}},
            "Metric": {"type": "string", "enum": values},
        },
    }


def test_changes_below_a_cycle_are_found_from_every_root() -> None:
    old, new = Model(cyclic(["Accuracy", "F1"])), Model(cyclic(["Accuracy"]))
    expected = [("DoIt", "Metric"), ("Other", "B.A.Metric")]
    found = [(op, c.path) for op, c in diff_models(old, new).changes()]
    assert found == expected
    assert [(op, c.path) for op, c in diff_models(old, new, "^Other$").changes()] == expected[1:]
    assert diff_models(old, new).breaking()
    tree = {op.name: op.request for op in diff_models(Model(cyclic(["F1"])), Model(cyclic(["F1", "AUC"]))).public()}
    assert tree == {"DoIt": {"Metric": {"AUC"}}, "Other": {"B": {"A": {"Metric": {"AUC"}}}}}


MUTATION_BASE: dict[str, Any] = {
    "metadata": {"serviceFullName": "Tiny Service"},
    "operations": {f"Op{root}": {"input": {"shape": root}} for root in ("A", "B", "C", "D")},
    "shapes": {
        "A": {
            "type": "structure",
            "members": {"ToB": {"shape": "B"}, "E": {"shape": "E1"}, "S": {"shape": "Str"}},
            "required": ["S"],
        },
        "B": {
            "type": "structure",
            "members": {"ToC": {"shape": "C"}, "Items": {"shape": "CList"}, "E": {"shape": "E2"}},
        },
        "C": {
            "type": "structure",
            "members": {"ToA": {"shape": "A"}, "ByKey": {"shape": "DMap"}, "S": {"shape": "Str"}},
        },
        "D": {"type": "structure", "members": {"ToB": {"shape": "B"}, "Self": {"shape": "D"}, "E": {"shape": "E1"}}},
        "CList": {"type": "list", "member": {"shape": "C"}},
        "DMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "D"}},
        "E1": {"type": "string", "enum": ["X", "Y", "Z"]},
        "E2": {"type": "string", "enum": ["P", "Q"]},
        "Str": {"type": "string"},
    },
}
STRUCTURES_TO_MUTATE = ["A", "B", "C", "D"]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_every_mutation_is_reported_whatever_the_selection(data: st.DataObject) -> None:
    """Mutate a cyclic model at a random place; the extended diff reports it from every operation that
    reaches it (with or without the other operations selected), identically."""
    new = copy.deepcopy(MUTATION_BASE)
    kind = data.draw(st.sampled_from(["value-removed", "member-added", "member-removed", "required-flipped"]))
    if kind == "value-removed":
        shape = data.draw(st.sampled_from(["E1", "E2"]))
        new["shapes"][shape]["enum"].pop(data.draw(st.integers(0, len(new["shapes"][shape]["enum"]) - 1)))
        expected_kind, changed = "request-enum-value-removed", shape
    else:
        changed = data.draw(st.sampled_from(STRUCTURES_TO_MUTATE))
        structure = new["shapes"][changed]
        member = data.draw(st.sampled_from(sorted(structure["members"])))
        if kind == "member-added":
            structure["members"]["Added"] = {"shape": "Str"}
            expected_kind = "request-member-added"
        elif kind == "member-removed":
            del structure["members"][member]
            structure["required"] = [r for r in structure.get("required", []) if r != member]
            expected_kind = "request-member-removed"
        else:
            required = set(structure.get("required", []))
            structure["required"] = sorted(required ^ {member})
            expected_kind = f"request-member-became-{'optional' if member in required else 'required'}"
    old_model, new_model = Model(copy.deepcopy(MUTATION_BASE)), Model(new)
    reaching = [f"Op{root}" for root in "ABCD" if changed in old_model.reachable([("", None, root)])]
    together = {
        (op, c.rule, c.shape, c.detail, c.severity, c.effect)
        for op, c in diff_models(old_model, new_model, ".*").changes()
    }
    for op in reaching:
        alone = {
            (o, c.rule, c.shape, c.detail, c.severity, c.effect)
            for o, c in diff_models(Model(copy.deepcopy(MUTATION_BASE)), Model(copy.deepcopy(new)), f"^{op}$").changes()
        }
        assert alone, f"{kind} on {changed} not reported for {op}"
        assert {c[1] for c in alone} == {expected_kind}
        assert alone <= together, "the same change must be reported identically with every selection"
    assert {c[0] for c in together} == set(reaching)


# --- malformed models: the same one-line errors as generate ----------------------------------------------


MALFORMED = [
    (
        "member without shape",
        lambda m: m["shapes"]["Req"]["members"].update(Bad={"documentation": "x"}),
        "shape 'Req' member 'Bad': reference has no 'shape' name",
    ),
    (
        "operation not an object",
        lambda m: m["operations"].update(DoIt="nope"),
        "operation 'DoIt': not an object",
    ),
    ("enum a string", lambda m: m["shapes"]["Metric"].update(enum="AUC"), "shape 'Metric': 'enum' is not a list"),
    (
        "dangling reference",
        lambda m: m["shapes"]["Req"]["members"].update(Bad={"shape": "Gone"}),
        "refers to missing shape 'Gone'",
    ),
    ("unknown type", lambda m: m["shapes"]["Str"].update(type="quaternion"), "unknown shape type 'quaternion'"),
    ("members not an object", lambda m: m["shapes"]["Resp"].update(members=[]), "members is not an object"),
    ("required not a list", lambda m: m["shapes"]["Req"].update(required="Name"), "'required' is not a list"),
    ("required missing", lambda m: m["shapes"]["Req"].update(required=["Nope"]), "lists 'Nope' as required"),
    ("shape not an object", lambda m: m["shapes"].update(Str=3), "shape 'Str': shape is not an object"),
    (
        "input not a structure",
        lambda m: m["operations"]["DoIt"].update(input={"shape": "Str"}),
        "operation 'DoIt': input shape 'Str' is not a structure",
    ),
    (
        "error not a structure",
        lambda m: m["operations"]["DoIt"].update(errors=[{"shape": "Str"}]),
        "operation 'DoIt': errors shape 'Str' is not a structure",
    ),
    ("NaN maximum", lambda m: m["shapes"]["Str"].update(max=float("nan")), "'max' is nan, not a finite number"),
    (
        "errors not a list",
        lambda m: m["operations"]["DoIt"].update(errors={}),
        "operation 'DoIt': errors is not a list",
    ),
    ("docs not a string", lambda m: m["shapes"]["Str"].update(documentation=["x"]), "documentation is not a string"),
]


@pytest.mark.parametrize(("case", "mutate", "message"), MALFORMED, ids=[case for case, _, _ in MALFORMED])
@pytest.mark.parametrize("command", ["diff", "generate"])
def test_malformed_models_are_one_line_naming_file_and_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str, mutate: Any, message: str, command: str
) -> None:
    broken = model(Metric={"type": "string", "enum": ["Accuracy"]})
    broken["shapes"]["Req"]["members"]["Metric"] = {"shape": "Metric"}
    mutate(broken)
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(model()))
    bad.write_text(json.dumps(broken))
    if command == "diff":
        status = main(["diff", str(good), str(bad), "--operations", ".*"])
    else:
        status = main(["generate", "--source", str(bad), "--operations", ".*", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert (status, out) == (2, ""), err
    assert err.count("\n") == 1 and message in err and str(bad) in err, err


def test_operations_matching_nothing_is_an_error_for_both_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for args in (
        ["diff", OLD, NEW, "--operations", "CreateAutoMLJbo", "--fail-on-breaking"],
        ["generate", "--source", NEW, "--operations", "CreateAutoMLJbo", "--out", str(tmp_path / "out")],
    ):
        assert main(args) == 2
        out, err = capsys.readouterr()
        assert out == "" and "'CreateAutoMLJbo' matches no operation" in err and err.count("\n") == 1


def test_too_deep_a_chain_of_structures_names_the_file_and_the_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deep = model()
    for level in range(3000):
        deep["shapes"][f"S{level}"] = {"type": "structure", "members": {"Next": {"shape": f"S{level + 1}"}}}
    deep["shapes"]["S3000"] = {"type": "string"}
    deep["shapes"]["Req"]["members"]["Deep"] = {"shape": "S0"}
    old, new = copy.deepcopy(deep), deep
    new["shapes"]["S3000"]["max"] = 3
    paths = tmp_path / "old.json", tmp_path / "new.json"
    for path, content in zip(paths, (old, new)):
        path.write_text(json.dumps(content))
    status, out, err = run(capsys, *map(str, paths), "--operations", ".*", "--extended")
    if status == 0:  # deep enough to matter only if the walk recurses; then it must be one clear line
        assert "S3000" in out
    else:
        assert status == 2 and err.count("\n") == 1 and str(paths[1]) in err and "'DoIt'" in err, err
    out_dir = tmp_path / "out"
    status = main(["generate", "--source", str(paths[1]), "--operations", ".*", "--out", str(out_dir)])
    _, err = capsys.readouterr()
    assert status == 0 or (status == 2 and err.count("\n") == 1 and str(paths[1]) in err and "shape" in err), err


def test_the_rule_catalogue_page_is_the_rule_table() -> None:
    """docs/diff-rules.md lists every rule with its verdicts, and nothing else."""
    from codegen.diff.rules import RULES
    from tests.conftest import ROOT

    rows = [
        line.split("|")[1:4]
        for line in (ROOT / "docs" / "diff-rules.md").read_text().splitlines()
        if line.startswith("| `")
    ]
    documented = {cells[0].strip().strip("`"): (cells[1].strip(), cells[2].strip()) for cells in rows}
    assert documented == {rule.id: (rule.wire, rule.python) for rule in RULES.values()}


@settings(max_examples=2000, deadline=None)
@given(st.characters(codec=None))
def test_escaping_is_pythons_isprintable_from_the_generators_own_table(char: str) -> None:
    """The same verdict as str.isprintable on the Python whose Unicode version the table has, whatever
    Python runs the diff (the changelog it writes into generated/ must not depend on it)."""
    import unicodedata

    from codegen import unicode_categories
    from codegen.diff.changelog import _text

    if unicodedata.unidata_version != unicode_categories.UNICODE_VERSION:
        pytest.skip("str.isprintable follows another Unicode version here")
    assert (_text(char) == char) == char.isprintable()


def test_python_names_in_the_report_are_the_names_the_package_has() -> None:
    """A shape named like the async client takes a numbered class name in the package; the report says
    that name, not the shape's (diff used to name classes with a reserved set of its own)."""
    from codegen.model.build import build_service
    from codegen.model.names import async_name, client_names
    from codegen.model.select import select

    clash = async_name(client_names(Model(model()).service_id, ".*")[0])
    old = model(**{clash: {"type": "structure", "members": {"Size": {"shape": "Str"}}}})
    old["shapes"]["Req"]["members"]["Setup"] = {"shape": clash}
    new = copy.deepcopy(old)
    new["shapes"]["Metric"]["enum"].append("AUC")
    new["shapes"][clash]["members"]["Kind"] = {"shape": "Metric"}
    package = build_service(Model(new), select(Model(new), ".*"), ".*").shapes[clash]
    assert package.class_name != clash  # the generator renamed it
    effects = [effect for *_, effect in changes(old, new)]
    assert any(effect.startswith(f"{package.class_name}.") for effect in effects), effects
