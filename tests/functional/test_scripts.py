"""The scripts: a smoke run of the benchmark, and the pure parts of regeneration."""

from __future__ import annotations

import importlib.util
import shutil
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
    result = subprocess.run(
        [sys.executable, "scripts/bench.py", "--quick", "--only", "decode", "--only", "diff"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "| measure | ours | against | ratio |" in result.stdout
    assert "from_response_dict" in result.stdout and "diff only" in result.stdout


def test_regenerate_moves_exact_pins_only() -> None:
    regenerate = load("regenerate")
    text = '"botocore==1.2.3",\n"botocore-stubs==1.2.4",\n"mypy-boto3-sagemaker==1.2.3",\n'
    moved = regenerate.set_pin(text, "botocore", "1.3.5")
    assert moved == '"botocore==1.3.5",\n"botocore-stubs==1.2.4",\n"mypy-boto3-sagemaker==1.2.3",\n'
    with pytest.raises(regenerate.StepFailed):
        regenerate.set_pin(text, "jinja2", "3")


def test_regenerate_prepends_changelog_entries() -> None:
    regenerate = load("regenerate")
    first = regenerate.prepend_entry(regenerate.CHANGELOG_TITLE, "## 2.0 (from botocore 1.0)\n\nnew\n")
    second = regenerate.prepend_entry(first, "## 3.0 (from botocore 2.0)\n\nnewer\n")
    assert second == (
        regenerate.CHANGELOG_TITLE + "\n## 3.0 (from botocore 2.0)\n\nnewer\n\n" "## 2.0 (from botocore 1.0)\n\nnew\n\n"
    )
    assert regenerate.version_key("1.2.125") > regenerate.version_key("1.2.99")


def test_regenerate_diff_script_renders_one_diff_two_ways(tmp_path: Path) -> None:
    """The script regenerate runs after moving the pin, against a cached 'botocore==9.9.9' wheel (no network)."""
    import gzip
    import json
    import os
    import zipfile

    from codegen.diff.changelog import JSON_SCHEMA
    from tests.conftest import FIXTURES

    regenerate = load("regenerate")
    wheel_dir = tmp_path / "botocore-9.9.9"
    wheel_dir.mkdir()
    with zipfile.ZipFile(wheel_dir / "botocore-9.9.9-py3-none-any.whl", "w") as wheel:
        wheel.writestr(
            "botocore/data/sagemaker/2017-07-24/service-2.json",
            gzip.decompress((FIXTURES / "sagemaker-1.17.43-service-2.json.gz").read_bytes()),
        )
    result = subprocess.run(
        [sys.executable, "-c", regenerate.DIFF_SCRIPT, "9.9.9"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "AUTOML_CODEGEN_CACHE": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == JSON_SCHEMA
    assert document["markdown"].startswith("## Amazon SageMaker Service - ")
    assert document["summary"]["new"] > 0  # AutoML operations added since 2020 (CreateAutoMLJobV2...)


REGENERATE_HARNESS = """
import importlib.util, sys, time, shutil
from pathlib import Path

spec = importlib.util.spec_from_file_location("regenerate", sys.argv[1])
regenerate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(regenerate)
root, ending = Path(sys.argv[2]), sys.argv[3]

def run(step, *args, stream=False):  # every step but its effect on the files stands in for the real one
    if step == "generating":
        (root / "generated" / "pkg.py").write_text("new\\n")
        (root / "generated" / "added.py").write_text("new\\n")
        # what a generate killed part way leaves beside its output (pid 2**31-1: no such process)
        (root / ".generated.staging-2147483647").mkdir()
        (root / ".generated.previous-2147483647").mkdir()
    if step == "running the tests":
        if ending == "a failing step":
            raise regenerate.StepFailed("tests failed")
        if ending == "a damaged backup":
            shutil.rmtree(root / regenerate.BACKUP / "2")  # the copy of generated/
            raise regenerate.StepFailed("tests failed")
        print("ready", flush=True)
        # in short slices, as run() waits for a real step: a signal landing just before one long
        # sleep would be handled only when it ends (Python runs handlers between bytecodes)
        for _ in range(600):
            time.sleep(0.1)
    return ""

regenerate.run = run
regenerate.releases = lambda package: ["1.0.0", "9.9.9"]  # the package index
regenerate.reinstall = lambda root: (root / "reinstalled").write_text("yes")
sys.exit(regenerate.main(["9.9.9"], root=root))
"""


def _repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "generated").mkdir(parents=True)
    (root / "tests" / "functional" / "__snapshots__").mkdir(parents=True)
    pins = '"botocore==1.0.0",\n"botocore-stubs==1.0.0",\n"mypy-boto3-sagemaker==1.0.0",\n'
    (root / "pyproject.toml").write_text(pins)
    (root / "generated" / "pkg.py").write_text("old\n")
    (root / "generated" / "CHANGELOG.md").write_text("# log\n")
    (root / "tests" / "functional" / "__snapshots__" / "s.txt").write_text("snap\n")
    return root


def _files(root: Path) -> dict[Path, str]:
    return {p.relative_to(root): p.read_text() for p in root.rglob("*") if p.is_file()}


def _start(root: Path, ending: str, tmp: Path, blocked: bool = False) -> subprocess.Popen[str]:
    import os
    import signal

    def block() -> None:  # as a parent that blocked them would leave the mask: exec keeps it
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})

    tmp.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-c", REGENERATE_HARNESS, str(ROOT / "scripts" / "regenerate.py"), str(root), ending],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp)},
        preexec_fn=block if blocked else None,
    )


@pytest.mark.parametrize("blocked", [False, True], ids=["", "signals blocked by the parent"])
@pytest.mark.parametrize("ending", ["SIGINT", "SIGTERM", "SIGHUP", "a failing step"])
def test_regenerate_interrupted_or_failing_puts_everything_back(tmp_path: Path, ending: str, blocked: bool) -> None:
    import signal

    root = _repository(tmp_path)
    before = _files(root)
    child = _start(root, ending, tmp_path / "tmp", blocked)
    if ending.startswith("SIG"):
        assert child.stdout is not None
        lines = iter(child.stdout.readline, "")  # its progress lines, then the stand-in test step's
        assert "ready\n" in (next(lines) for _ in range(20))
        assert "9.9.9" in (root / "pyproject.toml").read_text()  # the pins had moved
        assert (root / "generated" / "added.py").exists()
        shutil.rmtree(tmp_path / "tmp")  # a temporary-file cleaner: the backup is not there
        child.send_signal(getattr(signal, ending))
    _, err = child.communicate(timeout=60)
    assert child.returncode == (130 if ending.startswith("SIG") else 1), err
    assert "every file was put back as it was" in err
    assert (root / "reinstalled").read_text() == "yes"
    (root / "reinstalled").unlink()
    assert _files(root) == before
    assert sorted(p.name for p in root.iterdir()) == ["generated", "pyproject.toml", "tests"], "leftovers"


STEP_HARNESS = """
import importlib.util, signal, sys
spec = importlib.util.spec_from_file_location("regenerate", sys.argv[1])
regenerate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(regenerate)

def interrupted(signum, frame):
    raise KeyboardInterrupt

signal.signal(signal.SIGTERM, interrupted)
quiet = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(60)"
try:
    regenerate.run("a quiet step", sys.executable, "-c", quiet, sys.argv[2], stream=sys.argv[3] == "stream")
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


@pytest.mark.parametrize("stream", ["stream", "captured"])
def test_a_signal_during_a_quiet_step_is_handled_at_once_and_the_step_is_killed(tmp_path: Path, stream: str) -> None:
    """A step that prints nothing for a minute: the signal is handled within a poll, not when the step ends,
    and the step's process does not outlive the run."""
    import os
    import signal
    import time

    pid_file = tmp_path / "step.pid"
    child = subprocess.Popen(
        [sys.executable, "-c", STEP_HARNESS, str(ROOT / "scripts" / "regenerate.py"), str(pid_file), stream],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        step = int(pid_file.read_text())
        signalled = time.monotonic()
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=30)
    finally:
        child.kill()  # whatever failed above, no process outlives the test
        child.wait()
    assert time.monotonic() - signalled < 10, "handled only when the step ended"
    assert out.splitlines()[-1] == "interrupted", err
    with pytest.raises(ProcessLookupError):
        os.kill(step, 0)  # killed and reaped


def test_regenerate_with_a_damaged_backup_loses_nothing_it_cannot_restore(tmp_path: Path) -> None:
    """The copy of generated/ vanished during the run: generated/ stays as the run made it (not deleted),
    the rest is put back, and the message names what was not and where the backup is."""
    root = _repository(tmp_path)
    before = _files(root)
    child = _start(root, "a damaged backup", tmp_path / "tmp")
    _, err = child.communicate(timeout=60)
    assert child.returncode == 1, err
    assert "generated: its backup copy is gone or altered; left as the run made it" in err
    assert "every file was put back" not in err
    assert (root / "generated" / "added.py").read_text() == "new\n"
    assert (root / "pyproject.toml").read_text() == before[Path("pyproject.toml")]
    assert (root / "tests" / "functional" / "__snapshots__" / "s.txt").read_text() == "snap\n"
    assert (root / ".regenerate-backup" / "manifest.json").is_file(), "the backup is kept"
    assert not list(root.glob(".generated.*")), "an interrupted write's leftovers"


def test_regenerate_refuses_to_start_over_a_killed_runs_backup(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    (root / ".regenerate-backup").mkdir()
    (root / ".regenerate-backup" / "manifest.json").write_text("{}")
    before = _files(root)
    result = subprocess.run(
        [sys.executable, "-c", REGENERATE_HARNESS, str(ROOT / "scripts" / "regenerate.py"), str(root), "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert ".regenerate-backup exists: a run that was killed" in result.stderr
    assert _files(root) == before
