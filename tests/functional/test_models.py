"""The generated dataclasses: lossless conversion, unknown values, unions, sensitive fields, validation."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.model.ir import EnumShape, ListShape, MapShape, Scalar, Service, Structure, Union
from codegen.model.load import load_model

from tests.conftest import EDGE_CASE_MODEL, GENERATED, build_ir, forget_generated, import_generated
from tests.fixtures.responses import DESCRIBE_AUTO_ML_JOB_V2


@pytest.fixture(scope="module")
def models() -> Iterator[ModuleType]:
    (module,) = import_generated(GENERATED, "models")
    yield module
    forget_generated()


def ir(source: str) -> Service:
    model = load_model(source)
    return build_ir(model.model)


PINNED = ir("installed")


# --- round trips, generated from the IR ------------------------------------------------------------


def wire_value(service: Service, name: str, depth: int = 0) -> st.SearchStrategy[Any]:
    """Valid wire values for a shape, as botocore would return them (recursion bounded)."""
    shape = service.shapes[name]
    if isinstance(shape, Union):
        return st.one_of(
            [
                st.fixed_dictionaries({m.wire_name: wire_value(service, m.target, depth + 1)})
                for m in shape.members
                if depth < 4 or not _recursive(service, m.target)
            ]
        )
    if isinstance(shape, Structure):
        required = {m.wire_name: wire_value(service, m.target, depth + 1) for m in shape.members if m.required}
        optional = {
            m.wire_name: wire_value(service, m.target, depth + 1) for m in shape.members if not m.required and depth < 4
        }
        return st.fixed_dictionaries(required, optional=optional)
    if isinstance(shape, ListShape):
        return st.lists(wire_value(service, shape.member, depth + 1), max_size=0 if depth >= 4 else 3)
    if isinstance(shape, MapShape):
        return st.dictionaries(
            wire_value(service, shape.key, depth + 1),
            wire_value(service, shape.value, depth + 1),
            max_size=0 if depth >= 4 else 3,
        )
    if isinstance(shape, EnumShape):
        return st.sampled_from([v.value for v in shape.values])
    assert isinstance(shape, Scalar)
    return {
        "string": st.text(max_size=20),
        "integer": st.integers(-(2**31), 2**31 - 1),
        "long": st.integers(),
        "float": st.floats(allow_nan=False),
        "double": st.floats(allow_nan=False),
        "boolean": st.booleans(),
        "blob": st.binary(max_size=20),
        "timestamp": st.datetimes(timezones=st.just(timezone.utc)),
    }[shape.type]


def _recursive(service: Service, name: str) -> bool:
    return isinstance(service.shapes[name], (Structure, Union, ListShape, MapShape))


STRUCTURES = [s.name for s in PINNED.with_dataclass()]


@pytest.mark.parametrize("shape_name", STRUCTURES)
def test_every_structure_round_trips_losslessly(models: ModuleType, shape_name: str) -> None:
    cls = getattr(models, PINNED.shapes[shape_name].class_name)  # type: ignore[union-attr]

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(wire_value(PINNED, shape_name))
    def round_trip(wire: dict[str, Any]) -> None:
        assert cls.from_response_dict(wire).to_request_dict() == wire

    round_trip()


def test_edge_case_structures_round_trip(edge_case_package: Any) -> None:
    edge = ir(str(EDGE_CASE_MODEL))
    (module,) = import_generated(edge_case_package, "models")
    try:
        for shape in edge.with_dataclass():
            cls = getattr(module, shape.class_name)

            @settings(max_examples=30, deadline=None)
            @given(wire_value(edge, shape.name))
            def round_trip(wire: dict[str, Any]) -> None:
                assert cls.from_response_dict(wire).to_request_dict() == wire

            round_trip()
    finally:
        forget_generated()


# --- a realistic response ------------------------------------------------------------------------------


def test_realistic_describe_response_decodes_into_the_right_classes(models: ModuleType) -> None:
    described = models.DescribeAutoMLJobV2Response.from_response_dict(DESCRIBE_AUTO_ML_JOB_V2)
    assert described.auto_ml_job_name == "churn-prediction-2026-11"
    assert isinstance(described.creation_time, datetime)
    tabular = described.auto_ml_problem_type_config.tabular_job_config
    assert isinstance(tabular, models.TabularJobConfig)
    assert tabular.problem_type is models.ProblemType.BINARY_CLASSIFICATION
    assert tabular.completion_criteria.max_auto_ml_job_runtime_in_seconds == 14400
    best = described.best_candidate
    assert isinstance(best, models.AutoMLCandidate)
    assert [step.candidate_step_type for step in best.candidate_steps][
        0
    ] is models.CandidateStepType.AWS_SAGE_MAKER_PROCESSING_JOB
    assert isinstance(best.inference_container_definitions["CPU"][1], models.AutoMLContainerDefinition)
    assert best.candidate_properties.candidate_metrics[0].value == 0.8734
    resolved = described.resolved_attributes.auto_ml_problem_type_resolved_attributes
    assert isinstance(resolved, models.AutoMLProblemTypeResolvedAttributes)
    assert described.security_config.vpc_config.subnets[1] == "subnet-0f1e2d3c4b5a69788"


def test_realistic_describe_response_encodes_back_losslessly(models: ModuleType) -> None:
    wire = copy.deepcopy(DESCRIBE_AUTO_ML_JOB_V2)
    encoded = models.DescribeAutoMLJobV2Response.from_response_dict(wire).to_request_dict()
    del wire["ResponseMetadata"]  # botocore's, not part of the shape
    assert encoded == wire
    # Wire names come out exactly as the model spells them (no AutoMl / AutoML confusion).
    assert (
        "MaxAutoMLJobRuntimeInSeconds" in encoded["AutoMLProblemTypeConfig"]["TabularJobConfig"]["CompletionCriteria"]
    )


def test_false_zero_empty_string_and_empty_list_are_kept(models: ModuleType) -> None:
    config = models.AutoMLJobCompletionCriteria(max_candidates=0)
    assert config.to_request_dict() == {"MaxCandidates": 0}
    deploy = models.ModelDeployConfig(auto_generate_endpoint_name=False, endpoint_name="")
    assert deploy.to_request_dict() == {"AutoGenerateEndpointName": False, "EndpointName": ""}
    vpc = models.VpcConfig(security_group_ids=[], subnets=[])
    assert vpc.to_request_dict() == {"SecurityGroupIds": [], "Subnets": []}


# --- values the generated code does not know ------------------------------------------------------


def test_unknown_enum_value_is_kept_as_a_plain_string(models: ModuleType) -> None:
    objective = models.AutoMLJobObjective.from_response_dict({"MetricName": "FutureMetric"})
    assert objective.metric_name == "FutureMetric" and not isinstance(objective.metric_name, models.AutoMLMetricEnum)
    assert objective.to_request_dict() == {"MetricName": "FutureMetric"}
    known = models.AutoMLJobObjective.from_response_dict({"MetricName": "AUC"})
    assert known.metric_name is models.AutoMLMetricEnum.AUC


def test_unknown_keys_and_response_metadata_are_ignored(models: ModuleType) -> None:
    decoded = models.AutoMLOutputDataConfig.from_response_dict(
        {"S3OutputPath": "s3://b/o", "AddedNextYear": {"x": 1}, "ResponseMetadata": {"RequestId": "r"}}
    )
    assert decoded.to_request_dict() == {"S3OutputPath": "s3://b/o"}


@pytest.mark.parametrize(
    "wire",
    [
        {"FutureProblemJobConfig": {"Setting": 1}},
        {"SDK_UNKNOWN_MEMBER": {"name": "FutureProblemJobConfig"}},  # how botocore reports it
    ],
)
def test_unknown_union_member_is_kept(models: ModuleType, wire: dict[str, Any]) -> None:
    decoded = models.AutoMLProblemTypeConfig.from_response_dict(wire)
    assert isinstance(decoded, models.UnknownVariant)
    assert (decoded.union, decoded.name) == ("AutoMLProblemTypeConfig", "FutureProblemJobConfig")
    assert decoded.to_request_dict() == wire
    outer = models.DescribeAutoMLJobV2Response.from_response_dict(
        {**DESCRIBE_AUTO_ML_JOB_V2, "AutoMLProblemTypeConfig": wire}
    )
    assert outer.to_request_dict()["AutoMLProblemTypeConfig"] == wire


def test_missing_required_key_names_shape_and_key(models: ModuleType) -> None:
    with pytest.raises(ValueError, match=r"^AutoMLOutputDataConfig\.S3OutputPath: required key missing$"):
        models.AutoMLOutputDataConfig.from_response_dict({"KmsKeyId": "k"})


# --- unions, sensitive fields ------------------------------------------------------------------------


def test_union_needs_exactly_one_member(models: ModuleType) -> None:
    names = (
        "ImageClassificationJobConfig, TextClassificationJobConfig, TimeSeriesForecastingJobConfig, "
        "TabularJobConfig, TextGenerationJobConfig"
    )
    with pytest.raises(ValueError) as none:
        models.AutoMLProblemTypeConfig()
    assert str(none.value) == f"AutoMLProblemTypeConfig: exactly one of {names} must be set, got none"
    with pytest.raises(ValueError) as two:
        models.AutoMLProblemTypeConfig(
            tabular_job_config=models.TabularJobConfig(target_attribute_name="y"),
            text_classification_job_config=models.TextClassificationJobConfig(
                content_column="t", target_label_column="l"
            ),
        )
    assert str(two.value) == (
        f"AutoMLProblemTypeConfig: exactly one of {names} must be set, "
        "got TextClassificationJobConfig, TabularJobConfig"
    )


def test_sensitive_members_are_masked_in_repr(edge_case_package: Any) -> None:
    (module,) = import_generated(edge_case_package, "models")
    try:
        response = module.DoThingResponse(when=datetime(2026, 1, 1), secret="hunter2")
        assert "hunter2" not in repr(response)
        assert "secret='***'" in repr(response)
        assert "secret=None" in repr(module.DoThingResponse(when=datetime(2026, 1, 1)))
        assert response.secret == "hunter2"
    finally:
        forget_generated()


def test_dataclasses_are_keyword_only_and_slotted(models: ModuleType) -> None:
    import dataclasses

    assert dataclasses.is_dataclass(models.TabularJobConfig)
    assert not hasattr(models.TabularJobConfig(target_attribute_name="y"), "__dict__")
    with pytest.raises(TypeError):
        models.TabularJobConfig("y")
    first = dataclasses.fields(models.TabularJobConfig)[0]
    assert (first.name, first.default) == ("target_attribute_name", dataclasses.MISSING)


def test_lists_and_maps_of_sensitive_shapes_are_masked_in_repr_and_messages(edge_case_package: Any) -> None:
    models, validation = import_generated(edge_case_package, "models", "validation")
    try:
        request = models.DoThingRequest(class_="c", name="n", secrets=["hunter2"], secrets_by_name={"k": "hunter2"})
        assert "hunter2" not in repr(request)
        problems = validation.validate_shape(
            "DoThingRequest",
            {
                "class": "c",
                "Name": "n",
                "Secret": "HUNTER2-" + "x" * 70,
                "Secrets": ["HUNTER2!"],
                "SecretsByName": {"k": "HUNTER2?"},
            },
        )
        assert len(problems) == 3 and not any("HUNTER2" in p for p in problems), problems
        assert "Secrets[0]: '***' does not match pattern" in " ".join(problems)
    finally:
        forget_generated()


@pytest.mark.parametrize(
    "wire",
    [
        "2026-01-02T03:04:05",
        "2026-01-02T03:04:05Z",
        "2026-01-02T05:04:05+02:00",
        1767323045,
        1767323045.0,
        datetime(2026, 1, 2, 3, 4, 5),
        datetime(2026, 1, 2, 4, 4, 5, tzinfo=timezone(timedelta(hours=1))),
    ],
)
def test_timestamps_always_decode_to_aware_utc(edge_case_package: Any, wire: Any) -> None:
    (module,) = import_generated(edge_case_package, "models")
    try:
        decoded = module.DoThingResponse.from_response_dict({"When": wire}).when
        assert decoded == datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
        assert decoded.tzinfo == timezone.utc
    finally:
        forget_generated()


# --- decoding values of the wrong type ------------------------------------------------------------


def test_a_list_of_strings_where_structures_belong_names_the_path(models: ModuleType) -> None:
    with pytest.raises(ValueError) as caught:
        models.DescribeAutoMLJobV2Response.from_response_dict(
            {**DESCRIBE_AUTO_ML_JOB_V2, "AutoMLJobInputDataConfig": ["tag"]}
        )
    assert str(caught.value) == "DescribeAutoMLJobV2Response.AutoMLJobInputDataConfig[0]: expected a structure, got str"


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("CreationTime", True, "CreationTime: expected a timestamp, got bool"),
        ("CreationTime", "yesterday", "CreationTime: 'yesterday' is not an ISO 8601 timestamp"),
        ("AutoMLJobName", 42, "AutoMLJobName: expected a string, got int"),
        ("AutoMLJobName", None, "AutoMLJobName: required key is None"),
        ("AutoMLJobStatus", ["Completed"], "AutoMLJobStatus: expected a string, got list"),
        ("AutoMLJobInputDataConfig", "s3://b", "AutoMLJobInputDataConfig: expected a list, got str"),
        ("OutputDataConfig", [], "OutputDataConfig: expected a structure, got list"),
    ],
)
def test_garbage_is_never_decoded_silently(models: ModuleType, key: str, value: Any, problem: str) -> None:
    with pytest.raises(ValueError) as caught:
        models.DescribeAutoMLJobV2Response.from_response_dict({**DESCRIBE_AUTO_ML_JOB_V2, key: value})
    assert str(caught.value) == f"DescribeAutoMLJobV2Response.{problem}"


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "ResponseMetadata":
                yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


RESPONSE_PATHS = list(_paths(DESCRIBE_AUTO_ML_JOB_V2))
WRONG_VALUES = [None, "text", 42, True, 1.5, [], {}, ["tag"], {"Key": "v"}, [{"Key": "v"}]]


def _family(value: Any) -> str:
    return {bool: "bool", int: "number", float: "number", str: "str", list: "list", dict: "dict"}.get(
        type(value), "other"
    )


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RESPONSE_PATHS), st.sampled_from(WRONG_VALUES))
def test_a_value_of_any_type_at_any_path_decodes_or_is_named(
    models: ModuleType, path: tuple[Any, ...], replacement: Any
) -> None:
    """Decoding gives the declared types or raises ValueError naming the shape and the mutated path."""
    import re

    wire = copy.deepcopy(DESCRIBE_AUTO_ML_JOB_V2)
    parent = wire
    for step in path[:-1]:
        parent = parent[step]
    original = parent[path[-1]]
    parent[path[-1]] = replacement

    def pattern(steps: tuple[Any, ...]) -> str:
        return "".join(
            rf"\[{step}\]" if isinstance(step, int) else rf"(\.{re.escape(step)}|\[{re.escape(repr(step))}\])"
            for step in steps
        )

    # None is an absent value: a problem it makes (a union left with no member) belongs to its container.
    named = pattern(path) if replacement is not None else f"({pattern(path)}|{pattern(path[:-1])}:)"
    try:
        models.DescribeAutoMLJobV2Response.from_response_dict(wire)
    except ValueError as error:
        assert re.match(rf"DescribeAutoMLJobV2Response{named}(\W|$)", str(error)), (path, str(error))
    else:
        changed_kind = _family(replacement) != _family(original) and not (
            _family(original) == "number" and _family(replacement) == "number"
        )
        assert (
            replacement is None
            or not changed_kind
            or isinstance(original, datetime)
            and _family(replacement) in ("str", "number")
        ), f"{path}: {replacement!r} in place of {original!r} decoded silently"


def test_a_wrong_type_deep_in_a_recursive_shape_is_named(edge_case_package: Any) -> None:
    (module,) = import_generated(edge_case_package, "models")
    try:
        tree = {"Value": "root", "Children": [{"Value": "a", "Children": [{"Value": "b"}, {"Value": 3}]}]}
        with pytest.raises(ValueError) as caught:
            module.RecursiveNode.from_response_dict(tree)
        assert str(caught.value) == "RecursiveNode.Children[0].Children[1].Value: expected a string, got int"
        tree["Children"][0]["Children"][1]["Value"] = "c"
        decoded = module.RecursiveNode.from_response_dict(tree)
        assert decoded.children[0].children[1].value == "c"
    finally:
        forget_generated()
