from __future__ import annotations

import keyword

import pytest

from codegen import names


@pytest.mark.parametrize(("wire", "python"), [
    ("AutoMLJobName", "auto_ml_job_name"),
    ("MaxAutoMLJobRuntimeInSeconds", "max_auto_ml_job_runtime_in_seconds"),
    ("KMSKeyId", "kms_key_id"),
    ("S3Uri", "s3_uri"),
    ("class", "class_"),       # keyword
    ("Type", "type_"),         # builtin
    ("Validate", "validate_"),  # a method every generated dataclass has
    ("not-an-identifier", "not_an_identifier"),
    ("1stThing", "field_1st_thing"),
])
def test_snake_case_matches_boto3_and_is_safe(wire: str, python: str) -> None:
    assert names.snake_case(wire) == python


@pytest.mark.parametrize(("value", "member"), [
    ("text/csv;header=present", "TEXT_CSV_HEADER_PRESENT"),
    ("1D", "VALUE_1D"),
    ("ml.m5.large", "ML_M5_LARGE"),
    ("AUC", "AUC"),
    ("BinaryClassification", "BINARY_CLASSIFICATION"),
    ("F1macro", "F1MACRO"),
    ("", "EMPTY"),
    ("class", "CLASS"),
])
def test_enum_member_names(value: str, member: str) -> None:
    assert names.enum_member_name(value) == member
    assert member.isidentifier() and not keyword.iskeyword(member)


def test_collisions_resolve_in_order() -> None:
    assert names.deduplicate(["A", "B", "A", "A"], taken=["B_2"]) == ["A", "B", "A_2", "A_3"]
    assert names.deduplicate(["B", "B"], taken=["B_2"]) == ["B", "B_3"]


@pytest.mark.parametrize(("shape", "cls"), [("TabularJobConfig", "TabularJobConfig"), ("None", "None_"),
                                            ("2Fast", "Shape2Fast"), ("Sequence", "Sequence_")])
def test_class_names(shape: str, cls: str) -> None:
    assert names.class_name(shape) == cls


def test_method_names_are_boto3s() -> None:
    assert names.method_name("CreateAutoMLJobV2") == "create_auto_ml_job_v2"
    assert names.method_name("ListCandidatesForAutoMLJob") == "list_candidates_for_auto_ml_job"
