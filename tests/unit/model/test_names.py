from __future__ import annotations

import ast
import json
import keyword
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen.defaults import PACKAGE  # what the tests import, whatever the selection generated
from codegen.errors import ModelError
from codegen.generate import GenerateOptions, build
from codegen.model import names
from tests.conftest import EDGE_CASE_MODEL, build_ir, forget_generated, import_generated


@pytest.mark.parametrize(
    ("wire", "python"),
    [
        ("AutoMLJobName", "auto_ml_job_name"),
        ("MaxAutoMLJobRuntimeInSeconds", "max_auto_ml_job_runtime_in_seconds"),
        ("KMSKeyId", "kms_key_id"),
        ("S3Uri", "s3_uri"),
        ("class", "class_"),  # keyword
        ("Type", "type_"),  # builtin
        ("Validate", "validate_"),  # a method every generated dataclass has
        ("not-an-identifier", "not_an_identifier"),
        ("1stThing", "field_1st_thing"),
    ],
)
def test_snake_case_matches_boto3_and_is_safe(wire: str, python: str) -> None:
    assert names.snake_case(wire) == python


@pytest.mark.parametrize(
    ("value", "member"),
    [
        ("text/csv;header=present", "TEXT_CSV_HEADER_PRESENT"),
        ("1D", "VALUE_1D"),
        ("ml.m5.large", "ML_M5_LARGE"),
        ("AUC", "AUC"),
        ("BinaryClassification", "BINARY_CLASSIFICATION"),
        ("F1macro", "F1MACRO"),
        ("", "EMPTY"),
        ("class", "CLASS"),
    ],
)
def test_enum_member_names(value: str, member: str) -> None:
    assert names.enum_member_name(value) == member
    assert member.isidentifier() and not keyword.iskeyword(member)


def test_collisions_resolve_in_order() -> None:
    assert names.deduplicate(["A", "B", "A", "A"], taken=["B_2"]) == ["A", "B", "A_2", "A_3"]
    assert names.deduplicate(["B", "B"], taken=["B_2"]) == ["B", "B_3"]


@pytest.mark.parametrize(
    ("shape", "cls"),
    [("TabularJobConfig", "TabularJobConfig"), ("None", "None_"), ("2Fast", "Shape2Fast"), ("Sequence", "Sequence_")],
)
def test_class_names(shape: str, cls: str) -> None:
    assert names.class_name(shape) == cls


def test_method_names_are_boto3s() -> None:
    assert names.method_name("CreateAutoMLJobV2") == "create_auto_ml_job_v2"
    assert names.method_name("ListCandidatesForAutoMLJob") == "list_candidates_for_auto_ml_job"


def test_real_shapes_keep_their_names_whatever_the_model_order() -> None:
    """A union variant's natural name never takes a real shape's TypedDict name (whole SageMaker:
    union AIModelSource with member S3, and a structure AIModelSourceS3)."""
    from tests.conftest import build_ir

    for union_first in (True, False):
        shapes = {
            "Req": {
                "type": "structure",
                "members": {"Source": {"shape": "Source"}, "Other": {"shape": "SourceS3"}, "When": {"shape": "Stamp"}},
            },
            "Source": {"type": "structure", "union": True, "members": {"S3": {"shape": "SourceS3"}}},
            "SourceS3": {"type": "structure", "members": {"Uri": {"shape": "Str"}}},
            "Str": {"type": "string"},
            "Stamp": {"type": "timestamp"},
        }
        ordered = dict(sorted(shapes.items(), reverse=not union_first))
        service = build_ir(
            {"operations": {"DoAutoML": {"input": {"shape": "Req"}, "output": {"shape": "Req"}}}, "shapes": ordered}
        )
        real = service.shapes["SourceS3"]
        union = service.shapes["Source"]
        assert real.typed_dicts.input == "SourceS3TypeDef"  # type: ignore[union-attr]
        assert [v.input_name for v in union.variants] == ["SourceS3VariantTypeDef"]  # type: ignore[union-attr]
        assert service.shapes["Req"].typed_dicts.output == "ReqOutputTypeDef"  # type: ignore[union-attr]


def test_the_client_is_named_after_the_selection_or_the_service() -> None:
    assert names.client_prefix("SageMaker", "AutoML") == "AutoML"
    assert names.client_prefix("SageMaker", ".*") == "SageMaker"
    assert names.client_prefix("DynamoDB", ".*") == "DynamoDB"
    assert names.client_prefix("Route 53", "^List") == "Route53"


def test_no_public_name_of_the_whole_sagemaker_package_has_a_numbered_suffix(whole_sagemaker: Path) -> None:
    import re

    text = (whole_sagemaker / "sagemaker_automl" / "__init__.py").read_text(encoding="utf-8")
    assert "AIModelSourceS3TypeDef" in text
    assert re.findall(r"\b[A-Za-z]\w*_\d+\b", text) == []


def _client_model(*operations: str) -> dict[str, object]:
    """Operations that all take and return structure ``Job`` (with the members the AutoML waiters read)."""
    members = ("AutoMLJobName", "AutoMLJobStatus", "FailureReason")
    job = {"type": "structure", "members": {member: {"shape": "S"} for member in members}}
    return {
        "metadata": {"serviceFullName": "T", "apiVersion": "1", "serviceId": "T"},
        "operations": {op: {"input": {"shape": "Job"}, "output": {"shape": "Job"}} for op in operations},
        "shapes": {"Job": job, "S": {"type": "string"}},
    }


def test_a_waiter_never_takes_an_operations_method_name() -> None:
    """boto3's operation names are the contract: the waiter moves to the next form, whatever the model order."""
    for operations in (("DescribeAutoMLJob", "WaitAutoMLJob"), ("WaitAutoMLJob", "DescribeAutoMLJob")):
        service = build_ir(_client_model(*operations))
        assert sorted(op.method_name for op in service.operations) == ["describe_auto_ml_job", "wait_auto_ml_job"]
        assert [w.method for w in service.waiters] == ["wait_for_auto_ml_job"]
    with pytest.raises(ModelError, match="operation 'DescribeAutoMLJob': every method name for its waiter"):
        build_ir(_client_model("DescribeAutoMLJob", "WaitAutoMLJob", "WaitForAutoMLJob", "WaitUntilAutoMLJob"))


def test_without_a_clash_the_waiter_is_wait_and_its_name() -> None:
    assert [w.method for w in build_ir(_client_model("DescribeAutoMLJob")).waiters] == ["wait_auto_ml_job"]


@pytest.mark.parametrize("operation", ["Send", "GetPaginator", "Exceptions", "Client"])
def test_an_operation_named_like_the_clients_own_attributes_is_a_model_error(operation: str) -> None:
    with pytest.raises(ModelError, match=f"operation '{operation}': its method name"):
        build_ir(_client_model(operation, "DescribeAutoMLJob"), f"^({operation}|DescribeAutoMLJob)$")


@pytest.mark.parametrize("member", ["AutoMLJobName", "AutoMLJobStatus", "FailureReason"])
def test_no_waiter_where_the_operation_lacks_a_member_it_reads(member: str) -> None:
    model = _client_model("DescribeAutoMLJob")
    del model["shapes"]["Job"]["members"][member]  # type: ignore[index]
    assert build_ir(model).waiters == ()


# --- a shape named like something a generated module imports --------------------------------------


def _imported_and_defined(source: str) -> tuple[set[str], set[str]]:
    """The names a module imports (at run time or for checkers) and the names it defines at top level."""
    imported: set[str] = set()
    defined: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imported.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.Assign):
            defined.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return imported, defined


def _model_naming_a_structure_after_each(shape_names: list[str]) -> dict[str, Any]:
    member_names = [f"M{i}" for i in range(len(shape_names))]
    shapes: dict[str, Any] = {
        "PutInput": {"type": "structure", "members": {m: {"shape": s} for m, s in zip(member_names, shape_names)}},
        "Text": {"type": "string"},
    }
    for name in shape_names:
        shapes[name] = {"type": "structure", "members": {"Value": {"shape": "Text"}}}
    return {
        "version": "2.0",
        "metadata": {"apiVersion": "2020-01-01", "protocol": "json", "serviceId": "Tiny", "serviceFullName": "Tiny"},
        "operations": {"Put": {"name": "Put", "input": {"shape": "PutInput"}}},
        "shapes": shapes,
    }


def test_a_shape_named_like_any_name_a_generated_module_imports_shadows_nothing(tmp_path: Path) -> None:
    """Every generated module shares one namespace between model-named classes and what it imports
    (``_runtime``'s codecs and base classes, ``dataclass``, the validator...): a shape named like one of
    those must get another class name, whatever name the generator comes to import next."""
    imported = set()
    for relative, text in build(GenerateOptions(source=str(EDGE_CASE_MODEL), operations=".*"), formatted=False)[
        1
    ].items():
        if relative.endswith(".py"):
            imported |= _imported_and_defined(text)[0]
    hostile = sorted(name for name in imported if name.isidentifier() and not keyword.iskeyword(name))
    assert {"STRING", "WireStructure", "dataclass", "validate_shape"} <= set(hostile)  # what it is read from
    source = tmp_path / "service-2.json"
    source.write_text(json.dumps(_model_naming_a_structure_after_each(hostile)), encoding="utf-8")
    files = build(GenerateOptions(source=str(source), operations=".*", package=PACKAGE), formatted=False)[1]
    for relative, text in files.items():
        if relative.endswith(".py"):
            imports, definitions = _imported_and_defined(text)
            assert imports & definitions == set(), relative
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    (models,) = import_generated(tmp_path, "models")
    try:
        request = models.PutInput.from_response_dict({"M0": {"Value": "v"}})
        assert request.to_request_dict() == {"M0": {"Value": "v"}}
    finally:
        forget_generated()


def test_pythons_own_names_are_a_table_that_holds_this_pythons() -> None:
    """Names must not depend on the generating Python, so its keywords and builtins are a table: on a Python
    with a name the table lacks, this fails, and the name is added (a deliberate change of the output)."""
    import builtins

    assert set(keyword.kwlist) == names.PYTHON_KEYWORDS
    assert set(keyword.softkwlist) <= names.PYTHON_SOFT_KEYWORDS
    assert set(dir(builtins)) <= names.PYTHON_BUILTINS
    assert names.snake_case("Type") == "type_" and names.snake_case("Match") == "match_"  # soft keywords of 3.12


IMMUNITY_CHECK = r"""
import sys
from botocore.session import get_session
from botocore.stub import Stubber
import sagemaker_automl as package
from sagemaker_automl.client import TinyClient, TinyError

for name in package.__all__:  # every lazily loaded name, now in the root's namespace
    getattr(package, name)
assert not hasattr(package, "no_such_name")  # the root's __getattr__ still raises AttributeError
assert "PutInput" in dir(package)
botocore_client = get_session().create_client("tiny", region_name="us-east-1", aws_access_key_id="k",
                                              aws_secret_access_key="s")
"""


def test_shapes_named_like_builtins_or_any_name_the_modules_use_break_nothing(tmp_path: Path) -> None:
    """datazone has a structure named AttributeError, lambda one named EnvironmentError: every builtin, and
    every name a generated module uses or imports, as a structure and as an error shape of the operation;
    the package imports, its root loads every name and still answers hasattr, the dataclasses round-trip,
    and the client raises each hostile error as its own class."""
    used: set[str] = set()
    files = build(GenerateOptions(source=str(EDGE_CASE_MODEL), operations=".*"), formatted=False)[1]
    for relative, text in files.items():
        if relative.endswith(".py"):
            tree = ast.parse(text)
            used |= {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
            used |= _imported_and_defined(text)[0]
    hostile = sorted(
        name
        for name in (used | names.PYTHON_BUILTINS) - {"PutInput", "Text"}
        if name.isidentifier() and not keyword.iskeyword(name)
    )
    assert {"AttributeError", "getattr", "str", "sorted", "globals", "cast", "_LAZY"} <= set(hostile)
    model = _model_naming_a_structure_after_each(hostile)
    # botocore itself builds a class whose attributes are the error codes: it fails on __slots__ & co.
    errors = [name for name in hostile[::2] if not name.startswith("__")]
    for name in errors:
        model["shapes"][name]["exception"] = True
        model["shapes"][name]["members"] = {"message": {"shape": "Text"}}
    model["operations"]["Put"]["errors"] = [{"shape": name} for name in errors]
    model["operations"]["Put"]["http"] = {"method": "POST", "requestUri": "/"}
    model["metadata"].update({"endpointPrefix": "tiny", "jsonVersion": "1.1", "targetPrefix": "Tiny",
                              "signatureVersion": "v4", "signingName": "tiny"})  # fmt: skip
    data = tmp_path / "data" / "tiny" / "2020-01-01"
    data.mkdir(parents=True)
    (data / "service-2.json").write_text(json.dumps(model), encoding="utf-8")
    files = build(GenerateOptions(source=str(data / "service-2.json"), operations=".*", package=PACKAGE))[1]
    out = tmp_path / "out"
    for relative, text in files.items():
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_text(text, encoding="utf-8")
    structures = [n for n in hostile if n not in errors]
    script = IMMUNITY_CHECK + "".join(
        f"assert package.PutInput.from_response_dict({{'M{hostile.index(n)}': {{'Value': 'v'}}}}).to_request_dict() "
        f"== {{'M{hostile.index(n)}': {{'Value': 'v'}}}}\n"
        for n in structures[:20]
    )
    script += f"""
from sagemaker_automl import client as module
for code in {errors!r}:
    stubber = Stubber(botocore_client)
    stubber.add_client_error("put", service_error_code=code, service_message="no", http_status_code=400)
    stubber.activate()
    try:
        TinyClient(botocore_client).put()
    except TinyError as err:
        assert type(err).__name__.rstrip("_0123456789") == code or err.code == code, (code, type(err))
        assert type(err) is not TinyError, code
    else:
        raise AssertionError(code)
    stubber.deactivate()
print("ok")
"""
    env = {**os.environ, "PYTHONPATH": str(out), "AWS_DATA_PATH": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.stdout.strip() == "ok", result.stderr[-3000:]
