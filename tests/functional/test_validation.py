"""The generated validator: one test per kind of constraint, with the exact messages."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen.model.patterns import translate
from tests.conftest import GENERATED, forget_generated, import_generated


@pytest.fixture(scope="module")
def modules() -> Iterator[list[ModuleType]]:
    yield import_generated(GENERATED, "models", "validation")
    forget_generated()


@pytest.fixture(scope="module")
def models(modules: list[ModuleType]) -> ModuleType:
    return modules[0]


@pytest.fixture(scope="module")
def validation(modules: list[ModuleType]) -> ModuleType:
    return modules[1]


VALID: dict[str, Any] = {
    "AutoMLJobName": "churn-1",
    "AutoMLJobInputDataConfig": [
        {"ChannelType": "training", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}},
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://b/out/"},
    "AutoMLProblemTypeConfig": {
        "TabularJobConfig": {"TargetAttributeName": "y", "CompletionCriteria": {"MaxCandidates": 5}}
    },
    "RoleArn": "arn:aws:iam::123456789012:role/SageMakerRole",
    "Tags": [{"Key": "Ünïcode key: ok", "Value": "team=ml"}],
    "DataSplitConfig": {"ValidationFraction": 0.2},
}


def errors(validation: ModuleType, **changes: Any) -> list[str]:
    request = copy.deepcopy(VALID)
    for key, value in changes.items():
        if value is None:
            del request[key]
        else:
            request[key] = value
    return validation.validate_shape("CreateAutoMLJobV2Request", request)


def test_a_valid_request_has_no_errors(validation: ModuleType) -> None:
    assert errors(validation) == []


def test_enum_membership(validation: ModuleType) -> None:
    channel = {**VALID["AutoMLJobInputDataConfig"][0], "ChannelType": "train"}
    assert errors(validation, AutoMLJobInputDataConfig=[channel]) == [
        "AutoMLJobInputDataConfig[0].ChannelType: 'train' is not one of 'training', 'validation'"
    ]


def test_maximum_length_and_pattern(validation: ModuleType) -> None:
    assert errors(validation, AutoMLJobName="a" + "-b" * 16) == [
        "AutoMLJobName: 33 characters, more than the maximum 32"
    ]
    assert errors(validation, AutoMLJobName="bad name!") == [
        "AutoMLJobName: 'bad name!' does not match pattern '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}'"
    ]


def test_patterns_match_the_whole_value(validation: ModuleType) -> None:
    # The model's pattern is unanchored text; AWS matches it against the whole value.
    assert errors(validation, AutoMLJobName="ok-prefix then junk") == [
        "AutoMLJobName: 'ok-prefix then junk' does not match pattern '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}'"
    ]


def test_translated_unicode_category_pattern(validation: ModuleType) -> None:
    assert errors(validation, Tags=[{"Key": "bad#key", "Value": "v"}]) == [
        "Tags[0].Key: 'bad#key' does not match pattern '([\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+\\\\-@]*)'"
    ]


def test_numeric_ranges(validation: ModuleType) -> None:
    union = {"TabularJobConfig": {"TargetAttributeName": "y", "CompletionCriteria": {"MaxCandidates": 0}}}
    assert errors(validation, AutoMLProblemTypeConfig=union, DataSplitConfig={"ValidationFraction": 1.5}) == [
        "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates: 0 is less than the minimum 1",
        "DataSplitConfig.ValidationFraction: 1.5 is more than the maximum 1",
    ]


def test_list_sizes(validation: ModuleType) -> None:
    assert errors(validation, AutoMLJobInputDataConfig=[]) == [
        "AutoMLJobInputDataConfig: 0 items, fewer than the minimum 1"
    ]
    assert errors(validation, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(51)]) == [
        "Tags: 51 items, more than the maximum 50"
    ]


def test_map_size_and_keys(edge_case_package: Any) -> None:
    (edge,) = import_generated(edge_case_package, "validation")
    try:
        request = {"class": "c", "Name": "n", "Groups": {f"g{i}": ["x"] for i in range(6)}}
        assert edge.validate_shape("DoThingRequest", request) == ["Groups: 6 entries, more than the maximum 5"]
    finally:
        forget_generated()


def test_required_members_and_unknown_keys(validation: ModuleType) -> None:
    assert errors(validation, RoleArn=None, Colour="blue") == ["Colour: unknown key", "RoleArn: required key missing"]


def test_union_exactly_one(validation: ModuleType) -> None:
    names = (
        "ImageClassificationJobConfig, TextClassificationJobConfig, TimeSeriesForecastingJobConfig, "
        "TabularJobConfig, TextGenerationJobConfig"
    )
    assert errors(validation, AutoMLProblemTypeConfig={}) == [
        f"AutoMLProblemTypeConfig: exactly one of {names} must be set, got none"
    ]
    two = {
        "TabularJobConfig": {"TargetAttributeName": "y"},
        "TextClassificationJobConfig": {"ContentColumn": "c", "TargetLabelColumn": "l"},
    }
    assert errors(validation, AutoMLProblemTypeConfig=two) == [
        f"AutoMLProblemTypeConfig: exactly one of {names} must be set, got TextClassificationJobConfig, "
        "TabularJobConfig"
    ]


def test_wrong_types(validation: ModuleType) -> None:
    assert errors(validation, AutoMLJobName=7, Tags="t") == [
        "AutoMLJobName: expected a string, got int",
        "Tags: expected a list, got str",
    ]


def test_dataclass_validate_uses_the_same_checks(models: ModuleType) -> None:
    objective = models.AutoMLJobObjective(metric_name="Accuracyy")
    metrics = ", ".join(repr(member.value) for member in models.AutoMLMetricEnum)  # the model's, in its order
    assert objective.validate() == [f"MetricName: 'Accuracyy' is not one of {metrics}"]
    assert "'Accuracy', 'MSE', 'F1'" in metrics
    assert models.AutoMLJobObjective(metric_name=models.AutoMLMetricEnum.AUC).validate() == []


def test_every_pattern_of_the_whole_sagemaker_model_compiles_or_is_listed() -> None:
    import re

    from codegen.model.load import load_model

    shapes = load_model("installed").model.raw["shapes"]
    untranslatable = []
    for name, shape in shapes.items():
        if "pattern" in shape:
            python = translate(shape["pattern"])
            if python is None:
                untranslatable.append(name)
            else:
                re.compile(python)
    # Java quantifies an end anchor here (`)${1,128}`); Python cannot express that.
    assert untranslatable == ["CustomerMetadataKey", "CustomerMetadataValue"]


@pytest.mark.parametrize(
    ("java", "matches", "rejects"),
    [
        ("[\\p{L}\\p{N}]+", ["Ünïcode9", "中文"], ["a b", "a-b"]),
        ("\\p{Alnum}+", ["abc123"], ["é", "a_b"]),
        ("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*", ["plain text 🚀\t"], ["\x00"]),
        ("\\P{N}+", ["abc"], ["a1"]),
    ],
)
def test_java_pattern_translation(java: str, matches: list[str], rejects: list[str]) -> None:
    import re

    python = translate(java)
    assert python is not None
    assert all(re.fullmatch(python, text) for text in matches)
    assert not any(re.fullmatch(python, text) for text in rejects)


@given(
    st.lists(
        st.sampled_from(
            [
                r"\p{L}",
                r"\p{Lu}",
                r"\p{N}",
                r"\p{Alnum}",
                r"\P{L}",
                "-",
                "z",
                "a",
                "[",
                "]",
                "^",
                "\\",
                "+",
                "(",
                ")",
                "\\x00",
                "\U0003134b",
                "\u00e9",
            ]
        ),
        max_size=8,
    )
)
def test_translate_gives_a_compiling_pattern_or_none(tokens: list[str]) -> None:
    """translate() checks a cheap skeleton of the pattern; the full pattern must compile whenever it does."""
    import re

    translated = translate("".join(tokens))
    if translated is not None:
        re.compile(translated)


def test_none_for_a_required_key_is_an_error_at_any_depth(validation: ModuleType) -> None:
    assert errors(validation, AutoMLJobName=None) == ["AutoMLJobName: required key missing"]
    request = copy.deepcopy(VALID)
    request["RoleArn"] = None
    request["OutputDataConfig"] = {"S3OutputPath": None}
    assert validation.validate_shape("CreateAutoMLJobV2Request", request) == [
        "RoleArn: required key is None",
        "OutputDataConfig.S3OutputPath: required key is None",
    ]


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinities_are_errors(validation: ModuleType, number: float) -> None:
    problems = errors(validation, DataSplitConfig={"ValidationFraction": number})
    assert len(problems) == 1 and problems[0].startswith("DataSplitConfig.ValidationFraction: ")


def test_an_unknown_shape_is_a_clear_error(validation: ModuleType) -> None:
    with pytest.raises(LookupError, match="validate_shape: no shape 'NoSuchShape' in this package"):
        validation.validate_shape("NoSuchShape", {})


def test_paths_and_unknown_keys_in_messages_are_shortened(validation: ModuleType) -> None:
    huge = "k" * 100_000
    problems = errors(validation, Tags=[{"Key": "a", "Value": "b", huge: 1}])
    problems += validation.validate_shape("CreateAutoMLJobV2Request", {**VALID, huge: 1})
    assert problems and all(len(p) < 300 for p in problems), [len(p) for p in problems]


def test_a_pattern_is_never_run_on_a_value_over_its_length(validation: ModuleType) -> None:
    request = copy.deepcopy(VALID)
    request["OutputDataConfig"] = {"S3OutputPath": "s3://" + "a" * 100_000 + "\n"}
    assert validation.validate_shape("CreateAutoMLJobV2Request", request) == [
        "OutputDataConfig.S3OutputPath: 100006 characters, more than the maximum 1024"
    ]
