"""The generated package is a function of the model and the generator only: every Python the generator
supports generates exactly the committed generated/ (scripts/test makes a .venv-pyX.Y for each other
Python it finds; CI sets AUTOML_CODEGEN_REQUIRE_PYTHONS so that a missing one fails instead of skipping)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

OTHER_PYTHONS = ("3.11", "3.12", "3.13")
REQUIRED = set(filter(None, os.environ.get("AUTOML_CODEGEN_REQUIRE_PYTHONS", "").split(",")))


@pytest.mark.parametrize("version", [v for v in OTHER_PYTHONS if v != f"{sys.version_info[0]}.{sys.version_info[1]}"])
def test_another_python_generates_exactly_the_committed_package(version: str) -> None:
    python = ROOT / f".venv-py{version}" / "bin" / "python"
    if not python.exists():
        message = f"no .venv-py{version} (scripts/test makes it where Python {version} is installed)"
        if version in REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [python, "-m", "codegen", "generate", "--check"], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert result.returncode == 0, f"Python {version}: generate --check\n{result.stdout}{result.stderr}"
    where = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True)
    assert where.stdout.strip() == str(tuple(map(int, version.split("."))))
