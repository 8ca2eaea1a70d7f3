"""The scripts: a smoke run of the benchmark, and the pure parts of regeneration."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
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


def test_regenerate_diff_script_renders_one_diff_two_ways(tmp_path: Path) -> None:
    """The script regenerate runs after moving the pin, against a cached 'botocore==9.9.9' wheel (no network)."""
    import gzip
    import json
    import os
    import zipfile

    from tests.conftest import FIXTURES

    regenerate = load("regenerate")
    wheel_dir = tmp_path / "botocore-9.9.9"
    wheel_dir.mkdir()
    with zipfile.ZipFile(wheel_dir / "botocore-9.9.9-py3-none-any.whl", "w") as wheel:
        wheel.writestr("botocore/data/sagemaker/2017-07-24/service-2.json",
                       gzip.decompress((FIXTURES / "sagemaker-1.17.43-service-2.json.gz").read_bytes()))
    result = subprocess.run([sys.executable, "-c", regenerate.DIFF_SCRIPT, "9.9.9"], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "AUTOML_CODEGEN_CACHE": str(tmp_path)}, timeout=120)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "automl-codegen.diff/1"
    assert document["markdown"].startswith("## Amazon SageMaker Service - ")
    assert document["summary"]["new"] > 0  # AutoML operations added since 2020 (CreateAutoMLJobV2...)
