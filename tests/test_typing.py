"""mypy --strict on the generated package, and on small programs that use it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import GENERATED, ROOT


def mypy(*args: str, cwd: Path, mypy_path: Path = GENERATED) -> list[str]:
    env = {**os.environ, "MYPYPATH": str(mypy_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--hide-error-context",
            "--cache-dir",
            str(cwd / ".mypy_cache"),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


def test_generated_package_passes_mypy_strict(tmp_path: Path) -> None:
    assert mypy("-p", "sagemaker_automl", cwd=tmp_path) == []


def test_edge_case_package_passes_mypy_strict(tmp_path: Path, edge_case_package: Path) -> None:
    assert mypy("-p", "sagemaker_automl", cwd=tmp_path, mypy_path=edge_case_package) == []


PROGRAMS = {
    "correct_request.py": """
        from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef

        request: CreateAutoMLJobV2RequestTypeDef = {
            "AutoMLJobName": "churn",
            "AutoMLJobInputDataConfig": [
                {"ChannelType": "training", "ContentType": "text/csv;header=present",
                 "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}},
            ],
            "OutputDataConfig": {"S3OutputPath": "s3://bucket/output/"},
            "AutoMLProblemTypeConfig": {
                "TabularJobConfig": {
                    "TargetAttributeName": "churned",
                    "ProblemType": "BinaryClassification",
                    "CompletionCriteria": {"MaxCandidates": 10},
                },
            },
            "AutoMLJobObjective": {"MetricName": "F1"},
            "RoleArn": "arn:aws:iam::123456789012:role/SageMaker",
        }
    """,
    "output_into_input.py": """
        from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef, DescribeAutoMLJobV2ResponseTypeDef


        def rerun(described: DescribeAutoMLJobV2ResponseTypeDef) -> CreateAutoMLJobV2RequestTypeDef:
            return {
                "AutoMLJobName": described["AutoMLJobName"] + "-again",
                "AutoMLJobInputDataConfig": described["AutoMLJobInputDataConfig"],
                "OutputDataConfig": described["OutputDataConfig"],
                "AutoMLProblemTypeConfig": described["AutoMLProblemTypeConfig"],
                "RoleArn": described["RoleArn"],
            }
    """,
    "dataclasses_to_typed_dict.py": """
        from sagemaker_automl import (
            AutoMLJobChannel, AutoMLOutputDataConfig, AutoMLProblemTypeConfig, CreateAutoMLJobV2Request,
            CreateAutoMLJobV2RequestTypeDef, ProblemType, TabularJobConfig,
        )

        request = CreateAutoMLJobV2Request(
            auto_ml_job_name="churn",
            auto_ml_job_input_data_config=[AutoMLJobChannel(channel_type="training")],
            output_data_config=AutoMLOutputDataConfig(s3_output_path="s3://bucket/output/"),
            auto_ml_problem_type_config=AutoMLProblemTypeConfig(
                tabular_job_config=TabularJobConfig(target_attribute_name="y",
                                                    problem_type=ProblemType.BINARY_CLASSIFICATION),
            ),
            role_arn="arn:aws:iam::123456789012:role/SageMaker",
        )
        wire: CreateAutoMLJobV2RequestTypeDef = request.to_request_dict()
        errors: list[str] = request.validate()
    """,
    "missing_required_key.py": """
        from sagemaker_automl import AutoMLOutputDataConfigTypeDef

        output: AutoMLOutputDataConfigTypeDef = {"KmsKeyId": "alias/key"}
    """,
    "misspelled_enum.py": """
        from sagemaker_automl import AutoMLJobObjectiveTypeDef

        objective: AutoMLJobObjectiveTypeDef = {"MetricName": "Accuracyy"}
    """,
    "two_union_members.py": """
        from sagemaker_automl import AutoMLProblemTypeConfigTypeDef

        config: AutoMLProblemTypeConfigTypeDef = {
            "TabularJobConfig": {"TargetAttributeName": "y"},
            "TextClassificationJobConfig": {"ContentColumn": "text", "TargetLabelColumn": "label"},
        }
    """,
    "no_union_member.py": """
        from sagemaker_automl import AutoMLProblemTypeConfigTypeDef

        config: AutoMLProblemTypeConfigTypeDef = {}
    """,
}

UNION = (
    "AutoMLProblemTypeConfigImageClassificationJobConfigTypeDef | "
    "AutoMLProblemTypeConfigTextClassificationJobConfigTypeDef | "
    "AutoMLProblemTypeConfigTimeSeriesForecastingJobConfigTypeDef | "
    "AutoMLProblemTypeConfigTabularJobConfigTypeDef | AutoMLProblemTypeConfigTextGenerationJobConfigTypeDef"
)
METRICS = (
    "'Accuracy', 'MSE', 'F1', 'F1macro', 'AUC', 'RMSE', 'BalancedAccuracy', 'R2', 'Recall', "
    "'RecallMacro', 'Precision', 'PrecisionMacro', 'MAE', 'MAPE', 'MASE', 'WAPE', "
    "'AverageWeightedQuantileLoss'"
)
EXPECTED = [
    'missing_required_key.py:3: error: Missing key "S3OutputPath" for TypedDict '
    '"AutoMLOutputDataConfigTypeDef"  [typeddict-item]',
    "misspelled_enum.py:3: error: Incompatible types (expression has type \"Literal['Accuracyy']\", "
    f'TypedDict item "MetricName" has type "Literal[{METRICS}]")  [typeddict-item]',
    'no_union_member.py:3: error: Incompatible types in assignment (expression has type "dict[Never, Never]", '
    f'variable has type "{UNION}")  [assignment]',
    "two_union_members.py:3: error: Incompatible types in assignment (expression has type "
    f'"dict[str, dict[str, str]]", variable has type "{UNION}")  [assignment]',
]


@pytest.fixture(scope="module")
def program_errors(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    directory = tmp_path_factory.mktemp("programs")
    for name, source in PROGRAMS.items():
        (directory / name).write_text(textwrap.dedent(source).lstrip())
    return sorted(mypy(*PROGRAMS, cwd=directory))


def test_mypy_reports_exactly_the_expected_errors(program_errors: list[str]) -> None:
    assert program_errors == EXPECTED


@pytest.mark.parametrize("program", ["correct_request.py", "output_into_input.py", "dataclasses_to_typed_dict.py"])
def test_correct_programs_have_no_errors(program_errors: list[str], program: str) -> None:
    assert [line for line in program_errors if line.startswith(program)] == []


def test_importing_the_types_does_not_import_botocore() -> None:
    code = (
        "import sys, sagemaker_automl, sagemaker_automl.type_defs; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('botocore', 'boto3')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(GENERATED)},
        cwd=ROOT,
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("module", ["models", "client"])
def test_typed_dicts_named_only_in_annotations_are_not_imported_at_run_time(module: str) -> None:
    """models and client import type_defs under TYPE_CHECKING only (about 20% off importing models)."""
    code = f"import sys, sagemaker_automl.{module}; print('sagemaker_automl.type_defs' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(GENERATED)},
        cwd=ROOT,
    )
    assert result.stdout.strip() == "False"


def test_pip_install_gives_the_typed_package_alone(tmp_path: Path) -> None:
    """pip installs ./generated with no generator, jinja2 or black (offline: no build isolation)."""
    source = tmp_path / "src"
    subprocess.run(["cp", "-r", str(GENERATED), str(source)], check=True)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
    )
    installed = {p.relative_to(target).as_posix() for p in (target / "sagemaker_automl").rglob("*") if p.is_file()}
    assert {"sagemaker_automl/py.typed", "sagemaker_automl/type_defs.py", "sagemaker_automl/enums.py"} <= installed
    metadata = next(target.glob("sagemaker_automl-*.dist-info")) / "METADATA"
    requires = [line for line in metadata.read_text().splitlines() if line.startswith("Requires-Dist")]
    unconditional = [line for line in requires if "extra ==" not in line]
    assert unconditional == ["Requires-Dist: typing_extensions>=4.12"]
    assert 'Requires-Dist: botocore>=1.31; extra == "client"' in requires


def test_the_generator_itself_passes_mypy_strict(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / ".mypy_cache")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("operations", ["^ListAutoMLJobs$", "^StopAutoMLJob$"])
def test_single_operation_packages_pass_mypy_strict(tmp_path: Path, operations: str) -> None:
    """One request dataclass or one paginator: no lone @overload (mypy rejects a single overload)."""
    from codegen.generate import GenerateOptions, generate

    generate(GenerateOptions(operations=operations, out=tmp_path / "pkg"))
    assert mypy("-p", "sagemaker_automl", cwd=tmp_path, mypy_path=tmp_path / "pkg") == []


@pytest.mark.parametrize("which", ["pinned", "edge-case"])
def test_generated_code_has_no_unused_or_undefined_names(which: str, tmp_path: Path, edge_case_package: Path) -> None:
    root = GENERATED if which == "pinned" else edge_case_package
    result = subprocess.run(
        [sys.executable, "-m", "pyflakes", str(root / "sagemaker_automl")], capture_output=True, text=True
    )
    assert result.stdout.splitlines() == []
