"""Generality: the generator on other services and on the whole SageMaker model.

The sample runs in CI: for each service, pyflakes, stubtest on the stubs and
mypy --strict on the package, and every operation called once through a botocore Stubber (see
tests/integration/exercise.py). The sweep does the same over every service botocore ships;
it and the whole SageMaker model take long: `scripts/test -m slow`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codegen.defaults import PACKAGE  # what the tests import, whatever the selection generated
from codegen.errors import CodegenError
from codegen.generate import GenerateOptions, build
from codegen.model.ir import Service
from tests.conftest import forget_generated, import_generated, type_check_package, write_files
from tests.integration.exercise import exercise, fake_aiobotocore

SAMPLE = [
    "s3",
    "ec2",
    "dynamodb",
    "lambda",
    "kinesis",
    "bedrock-runtime",
    "lexv2-runtime",
    "iot-data",
    "cloudsearchdomain",
    "glacier",
    # operations without input (ListDomainNames, GetConnectionRecordingPreferences); cloudsearch: query protocol
    "cloudsearch",
    "ssm-guiconnect",
]
IMPORT_ALL = (
    "import sagemaker_automl, sagemaker_automl.models, sagemaker_automl.validation, "
    "sagemaker_automl.client; print(len(sagemaker_automl.__all__))"
)


def generate_and_import(tmp_path: Path, service: str) -> tuple[Service, int]:
    """The package written into ``tmp_path`` and imported in a fresh interpreter: its IR and how many names
    its root exports."""
    ir, files = build(GenerateOptions(service=service, operations=".*", package=PACKAGE))
    write_files(tmp_path, files)
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return ir, int(result.stdout)


def exercise_service(tmp_path: Path, service: str, type_check: bool = True) -> None:
    """What a user relies on: pyflakes finds nothing, the stubs agree with their modules, mypy --strict
    passes, every operation can be called through the sync client and through the async one."""
    ir, exported = generate_and_import(tmp_path, service)
    assert exported > 0
    flakes = subprocess.run(
        [sys.executable, "-m", "pyflakes", "sagemaker_automl"], cwd=tmp_path, capture_output=True, text=True
    )
    assert flakes.returncode == 0, flakes.stdout[-3000:]
    if type_check:
        type_check_package(tmp_path)
    names = ("client", "models", "validation", "aio")
    with fake_aiobotocore():
        modules = dict(zip(names, import_generated(tmp_path, *names)))
    try:
        assert exercise(ir, modules, service) == len(ir.operations)
    finally:
        forget_generated()


# ec2's package is 373,000 lines: mypy takes 40 s on it, so the default suite leaves that step to the sweep.
TYPE_CHECKED_IN_SWEEP_ONLY = frozenset({"ec2"})


@pytest.mark.parametrize("service", SAMPLE)
def test_sample_services(tmp_path: Path, service: str) -> None:
    exercise_service(tmp_path, service, type_check=service not in TYPE_CHECKED_IN_SWEEP_ONLY)


def all_services() -> list[str]:
    from botocore.loaders import Loader

    return sorted(Loader().list_available_services("service-2"))


@pytest.mark.slow
def test_every_service_botocore_ships(tmp_path: Path) -> None:
    failures = {}
    services = all_services()
    for service in services:
        try:
            exercise_service(tmp_path / service, service)
        except (AssertionError, CodegenError) as error:
            lines = [line for line in str(error).splitlines() if "Error" in line] or str(error).splitlines()
            failures[service] = lines[-1][:300]
    print(f"{len(services) - len(failures)} of {len(services)} services generate, pass pyflakes and mypy, and call")
    for service, reason in sorted(failures.items()):
        print(f"{service}: {reason}")
    assert failures == {}


@pytest.mark.slow
def test_whole_sagemaker_imports_and_passes_mypy(tmp_path: Path) -> None:
    generate_and_import(tmp_path, "sagemaker")
    type_check_package(tmp_path)
