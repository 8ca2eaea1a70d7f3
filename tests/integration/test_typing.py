"""mypy --strict on the generated package; what importing it loads. Programs using it: test_type_checkers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.defaults import PACKAGE  # what the tests import, whatever the selection generated
from tests.conftest import GENERATED, ROOT, run_with_generated, type_check_package


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


def test_importing_the_types_does_not_import_botocore() -> None:
    code = (
        "import sys, sagemaker_automl, sagemaker_automl.type_defs; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('botocore', 'boto3')))"
    )
    result = run_with_generated(code)
    assert result.stdout.strip() == "[]", result.stderr


@pytest.mark.parametrize("module", ["models", "client"])
def test_typed_dicts_named_only_in_annotations_are_not_imported_at_run_time(module: str) -> None:
    """models and client import type_defs under TYPE_CHECKING only (about 20% off importing models)."""
    code = f"import sys, sagemaker_automl.{module}; print('sagemaker_automl.type_defs' in sys.modules)"
    result = run_with_generated(code)
    assert result.stdout.strip() == "False", result.stderr


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
    assert {"sagemaker_automl/py.typed", "sagemaker_automl/type_defs.py", "sagemaker_automl/models.pyi"} <= installed
    metadata = next(target.glob("sagemaker_automl-*.dist-info")) / "METADATA"
    requires = [line for line in metadata.read_text().splitlines() if line.startswith("Requires-Dist")]
    unconditional = [line for line in requires if "extra ==" not in line]
    assert unconditional == ["Requires-Dist: typing_extensions>=4.12"]
    source_module = (GENERATED / "sagemaker_automl" / "_source.py").read_text()
    oldest = re.search(r'OLDEST_BOTOCORE: str \| None = "([0-9.]+)"', source_module).group(1)  # type: ignore[union-attr]
    assert {line for line in requires if "extra ==" in line} == {
        'Requires-Dist: aiobotocore>=2.5; extra == "aio"',
        f'Requires-Dist: botocore>={oldest}; extra == "aio"',
        f'Requires-Dist: botocore>={oldest}; extra == "client"',
        'Requires-Dist: botocore-stubs; extra == "typing"',
        'Requires-Dist: types-aiobotocore; extra == "typing"',
    }


def test_the_generator_itself_passes_mypy_strict(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("operations", ["^ListAutoMLJobs$", "^StopAutoMLJob$"])
def test_single_operation_packages_pass_mypy_strict(tmp_path: Path, operations: str) -> None:
    """One request dataclass or one paginator: no lone @overload (mypy rejects a single overload)."""
    from codegen.generate import GenerateOptions, generate

    generate(GenerateOptions(operations=operations, out=tmp_path / "pkg", package=PACKAGE))
    assert mypy("-p", "sagemaker_automl", cwd=tmp_path, mypy_path=tmp_path / "pkg") == []


@pytest.mark.parametrize("which", ["pinned", "edge-case"])
def test_generated_code_has_no_unused_or_undefined_names(which: str, tmp_path: Path, edge_case_package: Path) -> None:
    root = GENERATED if which == "pinned" else edge_case_package
    result = subprocess.run(
        [sys.executable, "-m", "pyflakes", str(root / "sagemaker_automl")], capture_output=True, text=True
    )
    assert result.stdout.splitlines() == []


@pytest.mark.parametrize("package", ["automl", "edge-case"])
def test_the_stubs_agree_with_their_modules_which_pass_mypy_strict(
    tmp_path: Path, package: str, edge_case_package: Path
) -> None:
    """Checkers read models.pyi and validation.pyi instead of the modules (the test above checks the
    package through them): stubtest holds each stub to what its module defines at run time, and mypy
    checks the modules themselves, without their stubs."""
    root = GENERATED if package == "automl" else edge_case_package
    shutil.copytree(root / "sagemaker_automl", tmp_path / "sagemaker_automl")
    type_check_package(tmp_path)
