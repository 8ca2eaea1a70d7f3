"""Every file generated from the edge-case model, snapshotted as a readable file.

Update with scripts/test -n 0 --snapshot-update tests/functional/test_snapshots.py. The pinned model's files are not
snapshotted: they are committed in generated/, and the freshness test below
compares them byte for byte with a fresh run.
"""

from __future__ import annotations

import pytest

from codegen.output.write import differences
from tests.conftest import GENERATED

STATIC_FILES = [
    "_aio_client.py",
    "_client.py",
    "_runtime.py",
    "_stubber.py",
    "_validator.py",
]  # copied verbatim: compared with their source
PINNED_FILES = [
    "__init__.py",
    "_source.py",
    "aio.py",
    "client.py",
    "enums.py",
    "literals.py",
    "models.py",
    "models.pyi",
    "stubber.py",
    "type_defs.py",
    "validation.py",
    "validation.pyi",
    "pyproject.toml",
]


@pytest.mark.parametrize("name", PINNED_FILES)
def test_edge_case_model_file(name: str, edge_case_files: dict[str, str], python_snapshot, text_snapshot) -> None:  # type: ignore[no-untyped-def]
    path = name if name == "pyproject.toml" else f"sagemaker_automl/{name}"
    snapshot = python_snapshot if name.endswith((".py", ".pyi")) else text_snapshot
    assert edge_case_files[path] == snapshot


# Only where the selection has a job's operations (the edge-case model has none).
JOB_FILES = ["jobs.py", "aio_jobs.py"]


def test_generated_files_are_exactly_these(pinned_files: dict[str, str], edge_case_files: dict[str, str]) -> None:
    everywhere = ["pyproject.toml", "sagemaker_automl/py.typed"]
    everywhere += [f"sagemaker_automl/{n}" for n in PINNED_FILES[:-1] + STATIC_FILES]
    assert sorted(pinned_files) == sorted(everywhere + [f"sagemaker_automl/{n}" for n in JOB_FILES])
    assert sorted(edge_case_files) == sorted(everywhere)


def test_committed_generated_directory_equals_a_fresh_run(pinned_files: dict[str, str]) -> None:
    assert differences(GENERATED, pinned_files) == [], "generated/ is stale: run scripts/generate"


@pytest.mark.parametrize("name", STATIC_FILES)
def test_static_runtime_is_copied_verbatim(pinned_files: dict[str, str], name: str) -> None:
    """The package's static modules are the generator's own source files (type-checked and tested as such)."""
    from codegen.emit.render import RUNTIME_DIR

    assert pinned_files[f"sagemaker_automl/{name}"] == (RUNTIME_DIR / name).read_text(encoding="utf-8")
