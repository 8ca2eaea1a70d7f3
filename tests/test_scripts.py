"""The scripts: a smoke run of the benchmark, and the pure parts of regeneration."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType

import pytest

from tests.conftest import ROOT


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_quick_runs_and_prints_a_table() -> None:
    result = subprocess.run([sys.executable, "scripts/bench.py", "--quick", "--only", "decode", "--only", "diff"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "| measure | ours | against | ratio |" in result.stdout
    assert "from_response_dict" in result.stdout and "diff only" in result.stdout


def test_regenerate_moves_exact_pins_only() -> None:
    regenerate = load("regenerate")
    text = '"botocore==1.43.125",\n"botocore-stubs==1.43.126",\n"mypy-boto3-sagemaker==1.43.125",\n'
    moved = regenerate.set_pin(text, "botocore", "1.44.5")
    assert moved == '"botocore==1.44.5",\n"botocore-stubs==1.43.126",\n"mypy-boto3-sagemaker==1.43.125",\n'
    with pytest.raises(regenerate.StepFailed):
        regenerate.set_pin(text, "jinja2", "3")


def test_regenerate_prepends_changelog_entries() -> None:
    regenerate = load("regenerate")
    first = regenerate.prepend_entry(regenerate.CHANGELOG_TITLE, "## 2.0 (from botocore 1.0)\n\nnew\n")
    second = regenerate.prepend_entry(first, "## 3.0 (from botocore 2.0)\n\nnewer\n")
    assert second == (regenerate.CHANGELOG_TITLE + "\n## 3.0 (from botocore 2.0)\n\nnewer\n\n"
                      "## 2.0 (from botocore 1.0)\n\nnew\n\n")
    assert regenerate._key("1.43.125") > regenerate._key("1.43.99")
