"""The diff command: the public changelog format exactly, and the extended, classified report."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from codegen.changelog import public_line, render_json, render_markdown, render_text
from codegen.cli import main
from codegen.diff import diff_models
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


def test_default_filter_counts_only_automl_operations(capsys: pytest.CaptureFixture[str]) -> None:
    lines = PUBLIC_WHOLE_SERVICE.splitlines()
    expected = ["Amazon SageMaker Service - 3 updated api methods"] + [line for line in lines[1:] if "AutoML" in line]
    assert run(capsys, OLD, NEW) == (0, "\n".join(expected) + "\n", "")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("extended", [False, True], ids=["public", "extended"])
def test_output_formats(capsys: pytest.CaptureFixture[str], text_snapshot: Any, fmt: str, extended: bool) -> None:
    status, out, _ = run(capsys, OLD, NEW, "--format", fmt, *(["--extended"] if extended else []))
    assert status == 0
    assert out == text_snapshot
    if fmt == "json":
        document = json.loads(out)
        assert document["schema"] == "automl-codegen.diff/1"
        assert document["summary"]["updated"] == 3


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
    return render_text(diff_models(old, new), extended=False).splitlines()


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    return [(c.direction, c.path, c.kind, c.severity, c.python) for _, c in diff_models(old, new).changes()]


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
    assert lines(old, new)[1] == "DoIt (updated) Changes (request) {'ByName': {'Metric': {'AUC', 'MSE'}}, 'Items': {'Metric': {'AUC', 'MSE'}}}"
    assert changes(old, new) == [
        ("request", "Items[].Metric", "enum-values-added", "compatible", "Metric (+ AUC, MSE)"),
        ("request", "ByName{}.Metric", "enum-values-added", "compatible", "Metric (+ AUC, MSE)"),
    ]


def test_new_members_render_in_full() -> None:
    new = model(
        Config={"type": "structure", "members": {"Tags": {"shape": "TagList"}, "Env": {"shape": "EnvMap"},
                                                 "Unit": {"shape": "UnitMap"}, "Count": {"shape": "Int"},
                                                 "On": {"shape": "Bool"}, "When": {"shape": "Time"}}},
        TagList={"type": "list", "member": {"shape": "Str"}},
        EnvMap={"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Str"}},
        UnitMap={"type": "map", "key": {"shape": "Unit"}, "value": {"shape": "TagList"}},
        Unit={"type": "string", "enum": ["CPU", "GPU"]},
        Int={"type": "integer"}, Bool={"type": "boolean"}, Time={"type": "timestamp"},
    )
    new["shapes"]["Resp"]["members"]["Config"] = {"shape": "Config"}
    assert lines(model(), new)[1] == (
        "DoIt (updated) Changes (response) {'Config': {'Count': 'integer', 'Env': {'string': 'string'}, "
        "'On': 'boolean', 'Tags': ['string'], 'Unit': {'CPU | GPU': ['string']}, 'When': 'timestamp'}}")


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
        "'More': 'string'}")


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
        ("request", "Old", "member-removed", "breaking", "Req.old: field removed"),
        ("response", "Metric", "enum-values-removed", "breaking", "Metric (- Legacy)"),
        ("request", "", "operation-removed", "breaking", "gone() removed"),
    ]


def test_required_changes_are_classified_by_direction() -> None:
    old, new = model(), model()
    new["shapes"]["Req"]["required"] = ["Name"]
    old["shapes"]["Resp"]["required"] = ["Name"]
    assert changes(old, new) == [
        ("request", "Name", "became-required", "breaking", "Req.name: now required"),
        ("response", "Name", "became-optional", "breaking", "Resp.name: now optional"),
    ]
    assert changes(new, old) == [
        ("request", "Name", "became-optional", "compatible", "Req.name: now optional"),
        ("response", "Name", "became-required", "compatible", "Resp.name: now required"),
    ]


def test_new_required_request_member_is_breaking() -> None:
    new = model()
    new["shapes"]["Req"]["members"]["Role"] = {"shape": "Str"}
    new["shapes"]["Req"]["required"] = ["Role"]
    assert changes(model(), new) == [("request", "Role", "member-added", "breaking", "Req.role: new required field")]


def test_type_and_target_changes_are_breaking() -> None:
    new = model(Other={"type": "string"}, Int={"type": "integer"})
    new["shapes"]["Req"]["members"]["Name"] = {"shape": "Other"}
    new["shapes"]["Resp"]["members"]["Name"] = {"shape": "Int"}
    assert changes(model(), new) == [
        ("request", "Name", "target-changed", "breaking", "Req.name: type Str -> Other"),
        ("response", "Name", "type-changed", "breaking", "Int: type changes from string to integer"),
    ]


def test_constraint_changes() -> None:
    old, new = model(), model()
    old["shapes"]["Str"] = {"type": "string", "max": 64, "pattern": "^[a-z]+$"}
    new["shapes"]["Str"] = {"type": "string", "max": 32, "min": 0, "pattern": "[a-z]+"}
    assert changes(old, new) == [
        ("request", "Name", "max-changed", "breaking", "Str: max 64 -> 32 (tightened)"),
        ("response", "Name", "max-changed", "compatible", "Str: max 64 -> 32 (tightened)"),
    ], "min 0 and an anchored pattern mean the same as no min and an unanchored one"
    new["shapes"]["Str"]["max"] = 128
    new["shapes"]["Str"]["pattern"] = "[a-z0-9]+"
    assert changes(old, new) == [
        ("request", "Name", "max-changed", "compatible", "Str: max 64 -> 128 (loosened)"),
        ("request", "Name", "pattern-changed", "breaking", "Str: pattern changed"),
        ("response", "Name", "max-changed", "compatible", "Str: max 64 -> 128 (loosened)"),
        ("response", "Name", "pattern-changed", "compatible", "Str: pattern changed"),
    ]


def test_docs_changes_only_on_request() -> None:
    new = model()
    new["shapes"]["Req"]["members"]["Name"]["documentation"] = "<p>New words.</p>"
    assert changes(model(), new) == []
    found = [(c.path, c.kind) for _, c in diff_models(model(), new, docs=True).changes()]
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


def test_title_without_changes_and_markdown_json_agree() -> None:
    result = diff_models(model(), model())
    assert render_text(result, False) == "Tiny Service - no api changes\n"
    assert render_markdown(result, True).startswith("## Tiny Service - no api changes")
    assert json.loads(render_json(result, True))["operations"] == []
    assert [public_line(o) for o in result.public()] == []


# --- bad sources -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "message"), [
    ("/nonexistent/service-2.json", "cannot read model file"),
    ("botocore==0.0.0", "cannot download the wheel"),
])
def test_bad_sources_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path, source: str, message: str) -> None:
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
