"""The examples as users run them: every one type-checks clean in every checker of the matrix, and the
whole workflow (examples/candidate_to_endpoint.py: a V2 job, its best candidate as a model behind an
endpoint, cleaned up) runs against the moto server, with the typed stubber standing in where moto cannot
(the async flow: tests/aio)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import GENERATED, ROOT, forget_generated, import_generated
from tests.fixtures.automl import (
    WORKFLOW_SERVED_BY_MOTO,
    WORKFLOW_STUBBED,
    Traffic,
    completed_v2_description,
    moto_server,
    sagemaker_client,
    v2_description,
)
from tests.integration.test_type_checkers import CHECKERS

EXAMPLES = ROOT / "examples"
ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution"


def accepted(checker: str) -> list[tuple[str, int]]:
    """What a checker may report on the examples, none of it about our types: pyright and
    basedpyright say aiobotocore's source is not installed (this environment has its stubs only; aiobotocore
    lives in .venv-aio); zuban calls the problem config's dict literal ambiguous (the matrix's known
    limitation: it fits both flavours of the input position)."""
    found = []
    for example in sorted(EXAMPLES.glob("*.py")):
        for number, line in enumerate(example.read_text().splitlines(), 1):
            aiobotocore = checker in ("pyright", "basedpyright") and line.startswith("from aiobotocore")
            if aiobotocore or (checker == "zuban" and '"AutoMLProblemTypeConfig": {' in line):
                found.append((example.name, number))
    return found


@pytest.mark.parametrize("checker", CHECKERS)
def test_every_example_type_checks_clean_in_every_checker(checker: str, tmp_path: Path) -> None:
    """As a user's project: the examples beside each other, the package as pip installs it (the async
    examples read aiobotocore's types from types-aiobotocore, the package's [typing] extra)."""
    work, site = tmp_path / "work", tmp_path / "site"
    work.mkdir()
    for example in EXAMPLES.glob("*.py"):
        shutil.copy(example, work / example.name)
    shutil.copytree(GENERATED / "sagemaker_automl", site / "sagemaker_automl")
    assert sorted(set(CHECKERS[checker](work, site))) == accepted(checker)


def example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def modules() -> Iterator[list[ModuleType]]:
    yield import_generated(GENERATED, "client", "models", "stubber")
    forget_generated()


def test_the_workflow_runs_against_moto_with_the_stubber_standing_in_for_the_jobs_end(
    modules: list[ModuleType], capsys: pytest.CaptureFixture[str]
) -> None:
    client_module, models, stubber_module = modules
    workflow = example("candidate_to_endpoint")
    description = models.DescribeAutoMLJobV2Response
    with moto_server() as endpoint:
        raw = sagemaker_client(endpoint)
        traffic = Traffic(raw)
        client = client_module.AutoMLClient(raw)
        slept: list[float] = []
        with stubber_module.AutoMLStubber(client, passthrough=True) as stubber:
            in_progress = v2_description("InProgress", AutoMLJobName="churn", RoleArn=ROLE)
            stubber.describe_auto_ml_job_v2(description.from_response_dict(in_progress), {"AutoMLJobName": "churn"})
            completed = description.from_response_dict(completed_v2_description("churn", ROLE))
            stubber.describe_auto_ml_job_v2(completed, {"AutoMLJobName": "churn"})
            report = workflow.workflow(
                client,
                "churn",
                "s3://bucket/churn",
                ROLE,
                delay=0,
                max_wait=60,
                endpoint_attempts=3,
                sleep=slept.append,
            )
            stubber.assert_no_pending_responses()
        assert (traffic.sent, traffic.stubbed()) == (WORKFLOW_SERVED_BY_MOTO, WORKFLOW_STUBBED)
        assert slept == [0]  # polled twice, slept once between
        assert report == [
            "churn: Completed",
            "best candidate: c-1 (F1 = 0.91)",
            "endpoint churn-model: InService",
            "deleted endpoint churn-model, its configuration and model churn-model",
        ]
        assert capsys.readouterr().out.splitlines() == ["  InProgress (Starting)", "  Completed (Completed)"]
        # What moto holds afterwards: the job it created, and nothing the workflow deployed.
        assert client.describe_auto_ml_job_v2(AutoMLJobName="churn")["AutoMLJobName"] == "churn"
        for look in (
            lambda: client.describe_model(ModelName="churn-model"),
            lambda: client.describe_endpoint_config(EndpointConfigName="churn-model"),
            lambda: client.describe_endpoint(EndpointName="churn-model"),
        ):
            with pytest.raises(client_module.AutoMLError):
                look()


def test_the_workflow_as_a_command_reports_a_job_that_cannot_end_on_moto() -> None:
    """The command itself, against moto alone: the job never ends there, so the wait runs out and the
    command says so with exit status 1 (nothing was deployed)."""
    import os
    import subprocess

    with moto_server() as endpoint:
        env = {**os.environ, "PYTHONPATH": str(GENERATED), "AWS_ACCESS_KEY_ID": "t", "AWS_SECRET_ACCESS_KEY": "t"}
        command = [sys.executable, "examples/candidate_to_endpoint.py", "--endpoint-url", endpoint, "--name", "cmd"]
        result = subprocess.run(
            [*command, "--delay", "0.01", "--max-wait", "0.05"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0].startswith("  InProgress (")  # as moto describes it
    assert "cmd" in result.stderr and "InProgress" in result.stderr
