"""Shared fixtures: the generated files (built once per session), snapshots as Python files, mypy."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from codegen.defaults import PACKAGE  # what the tests import, whatever the selection generated
from codegen.generate import GenerateOptions, build
from codegen.cache import CACHE_ENV

# CI runs the property tests with a fixed seed: a submission lands or not on its own merits.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The async client's tests run in their own environment (scripts/test runs them there).
collect_ignore = ["aio"]

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EDGE_CASE_MODEL = FIXTURES / "edge-case-service-2.json.gz"


class PythonSnapshot(SingleFileSnapshotExtension):
    """One readable file per snapshot; the extension follows the generated file's."""

    _write_mode = WriteMode.TEXT
    file_extension = "py"


class TextSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


@pytest.fixture
def python_snapshot(snapshot):  # type: ignore[no-untyped-def]
    return snapshot.use_extension(PythonSnapshot)


@pytest.fixture
def text_snapshot(snapshot):  # type: ignore[no-untyped-def]
    return snapshot.use_extension(TextSnapshot)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read or fill the user's cache (downloaded wheels, formatted files)."""
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ[CACHE_ENV]
    else:
        os.environ[CACHE_ENV] = previous


@pytest.fixture(scope="session")
def pinned_files() -> dict[str, str]:
    """The package generated from the pinned botocore's model, in memory."""
    return build(GenerateOptions())[1]


@pytest.fixture(scope="session")
def edge_case_files() -> dict[str, str]:
    return build(GenerateOptions(source=str(EDGE_CASE_MODEL)))[1]


@pytest.fixture(scope="session")
def whole_sagemaker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package for every SageMaker operation, written to a directory of its own (unformatted)."""
    root = tmp_path_factory.mktemp("whole")
    write_files(root, build(GenerateOptions(operations=".*", package=PACKAGE), formatted=False)[1])
    return root


@pytest.fixture(scope="session")
def edge_case_package(tmp_path_factory: pytest.TempPathFactory, edge_case_files: dict[str, str]) -> Path:
    """The edge-case package written to a directory of its own."""
    root = tmp_path_factory.mktemp("edge-case")
    write_files(root, edge_case_files)
    return root


def write_files(root: Path, files: dict[str, str]) -> None:
    """Generated files (relative path -> text) written under ``root``."""
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def forget_generated(package: str = PACKAGE) -> None:
    """Drop every imported module of ``package`` (tests import several generated packages of one name)."""
    for name in [n for n in sys.modules if n.split(".")[0] == package]:
        del sys.modules[name]


def import_generated(root: Path | str, *modules: str, package: str = PACKAGE) -> list[ModuleType]:
    """``<package>.<module>`` for each of ``modules``, freshly imported from the package under ``root``.

    Lazy imports inside the package keep working afterwards: they follow the package's own path.
    """
    forget_generated(package)
    sys.path.insert(0, str(root))
    try:
        return [importlib.import_module(f"{package}.{module}") for module in modules]
    finally:
        sys.path.remove(str(root))


def run_with_generated(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter that imports the committed package (nothing already loaded)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(GENERATED)},
        cwd=ROOT,
    )


def build_ir(model: Any, operations: str = "AutoML") -> Any:
    """The IR of ``model`` (a raw dict or a loaded Model) for the operations ``operations`` finds."""
    from codegen.model.build import build_service
    from codegen.model.select import select
    from codegen.model.shapes import Model

    if not isinstance(model, Model):
        model = Model(model)
    return build_service(model, select(model, operations), operations)


def type_check_package(tmp_path: Path) -> None:
    """Checkers read the stubs: stubtest holds them to their modules, which mypy --strict then checks
    without them, with the rest of the package."""
    stubs = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "sagemaker_automl.models", "sagemaker_automl.validation"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path), "MYPYPATH": str(tmp_path)},
    )
    assert stubs.returncode == 0, stubs.stdout[-3000:]
    for stub in (tmp_path / "sagemaker_automl").glob("*.pyi"):
        stub.unlink()
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "sagemaker_automl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout[-3000:]


@pytest.fixture(autouse=True, scope="session")
def shared_mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One mypy cache for every mypy run of the session (one per xdist worker: mypy's cache is not
    meant for concurrent writers): typeshed and botocore's stubs are analysed once, not in every
    test. The cache is keyed by module and validated by each file's hash, so packages generated into
    different directories under the same name do not mix."""
    previous = os.environ.get("MYPY_CACHE_DIR")
    os.environ["MYPY_CACHE_DIR"] = str(tmp_path_factory.mktemp("mypy-cache"))
    yield
    if previous is None:
        os.environ.pop("MYPY_CACHE_DIR", None)
    else:
        os.environ["MYPY_CACHE_DIR"] = previous
