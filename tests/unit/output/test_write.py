"""The writer: replaces only what it wrote, never loses a tree, and recovers from a run killed part way."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from codegen.output import write
from codegen.cli import main
from codegen.errors import CodegenError
from tests.conftest import EDGE_CASE_MODEL, ROOT


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def someones_work(root: Path) -> dict[str, str]:
    (root / "src").mkdir(parents=True)
    (root / "notes.txt").write_text("my notes\n")
    (root / "src" / "app.py").write_text("print('mine')\n")
    return tree(root)


def generate(out: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["generate", "--source", str(EDGE_CASE_MODEL), "--out", str(out)])
    return status, capsys.readouterr().err


@pytest.mark.parametrize(
    "kind",
    [
        "someone's directory",
        "the current directory",
        "a regular file",
        "a symlink to someone's directory",
        "a dangling symlink",
        "a project vendoring the package",
        "a project vendoring the package, its files in a folder",
    ],
)
def test_an_output_that_is_not_ours_is_refused_and_left_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    work = tmp_path / "work"
    out: Path | str = work
    if kind == "someone's directory":
        before = someones_work(work)
    elif kind == "the current directory":
        before = someones_work(work)
        monkeypatch.chdir(work)
        out = "."
    elif kind == "a regular file":
        work.write_text("precious\n")
        before = {"": "precious\n"}
    elif kind == "a symlink to someone's directory":
        before = someones_work(tmp_path / "real")
        work.symlink_to(tmp_path / "real")
    elif kind.startswith("a project vendoring the package"):
        # A copy of an earlier version's output (no marker file: its _source.py says it is ours) beside the
        # project's own code.
        assert generate(work, capsys)[0] == 0
        (work / write.MARKER).unlink()
        if kind.endswith("in a folder"):
            (work / "src").mkdir()
            (work / "src" / "app.py").write_text("print('mine')\n")
        else:
            (work / "app.py").write_text("print('mine')\n")
        before = tree(work)
    else:
        work.symlink_to(tmp_path / "nowhere")
        before = {}
    listing = sorted(p.name for p in tmp_path.iterdir())
    status, err = generate(out, capsys)
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("automl-codegen: error: ") and "refusing" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == listing, "something written beside the output"
    if kind == "a regular file":
        assert work.read_text() == "precious\n"
    elif kind == "a dangling symlink":
        assert work.is_symlink() and not (tmp_path / "nowhere").exists()
    else:
        assert tree(work) == before


@pytest.mark.parametrize("kind", ["new", "empty", "ours", "ours, from before the marker"])
def test_new_empty_or_earlier_output_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    out = tmp_path / "out"
    if kind == "empty":
        out.mkdir()
    elif kind != "new":
        assert generate(out, capsys)[0] == 0
        (out / "sagemaker_automl" / "stale.py").write_text("")
        if kind == "ours, from before the marker":
            (out / write.MARKER).unlink()
    assert generate(out, capsys) == (0, "")
    assert (out / write.MARKER).is_file() and not (out / "sagemaker_automl" / "stale.py").exists()


def test_a_symlink_to_our_output_is_followed_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real"
    assert generate(real, capsys)[0] == 0
    (tmp_path / "link").symlink_to(real)
    (real / "sagemaker_automl" / "stale.py").write_text("")
    assert generate(tmp_path / "link", capsys) == (0, "")
    assert (tmp_path / "link").is_symlink() and (tmp_path / "link").resolve() == real
    assert not (real / "sagemaker_automl" / "stale.py").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(finished.stdout)


def test_leftovers_of_a_killed_run_are_reported_then_recovered(tmp_path: Path) -> None:
    """Killed between its two renames: no output, the old tree as .out.previous-PID, the new as staging."""
    out = tmp_path / "out"
    files = {"pkg/a.py": "new\n"}
    write.write_atomically(out, {"pkg/a.py": "old\n"})
    pid = dead_pid()
    os.rename(out, tmp_path / f".out.previous-{pid}")
    (tmp_path / f".out.staging-{pid}" / "pkg").mkdir(parents=True)
    (tmp_path / f".out.staging-{pid}" / "pkg" / "a.py").write_text("half")
    stale = write.differences(out, files)
    assert f".out.previous-{pid} (left by an interrupted run)" in stale
    assert f".out.staging-{pid} (left by an interrupted run)" in stale
    assert f"{out} (missing)" in stale
    write.write_atomically(out, files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert write.differences(out, files) == []


def test_leftovers_of_a_live_run_are_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write.write_atomically(out, {"a.py": "1\n"})
    live = tmp_path / f".out.staging-{os.getppid()}"  # a process that is certainly running
    live.mkdir()
    write.write_atomically(out, {"a.py": "2\n"})
    assert live.is_dir()


KILLED_WRITER = textwrap.dedent("""
    import os, shutil, sys, time
    from pathlib import Path
    from codegen.output import write

    # Slow every step down so that a kill lands anywhere in the write, the swap included.
    real_rename, real_rmtree, real_write_text = os.rename, shutil.rmtree, Path.write_text
    def rename(a, b):
        time.sleep(0.004); real_rename(a, b); time.sleep(0.004)
    def rmtree(path, *args, **kwargs):
        time.sleep(0.004); real_rmtree(path, *args, **kwargs)
    def write_text(self, *args, **kwargs):
        time.sleep(0.0003); return real_write_text(self, *args, **kwargs)
    os.rename, shutil.rmtree, Path.write_text = rename, rmtree, write_text
    version = sys.argv[2]
    files = {f"pkg/m{i:03}.py": f"{version}\\n" for i in range(40)}
    print("ready", flush=True)
    write.write_atomically(Path(sys.argv[1]), files)
""")


def test_killed_at_random_points_the_next_run_leaves_one_complete_tree(tmp_path: Path) -> None:
    rng = random.Random(1234)
    out = tmp_path / "out"
    write.write_atomically(out, {f"pkg/m{i:03}.py": "v0\n" for i in range(40)})
    outcomes = {"old tree": 0, "new tree": 0, "missing": 0, "leftovers": 0}
    for run in range(1, 41):
        child = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(out), f"v{run}"], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.08))
        child.send_signal(signal.SIGKILL)
        child.wait()
        versions = {text for path, text in tree(out).items() if path != write.MARKER} if out.is_dir() else set()
        assert len(versions) == 1 or not out.is_dir(), f"a mixed tree: {versions}"
        outcomes["missing" if not out.is_dir() else "new tree" if versions == {f"v{run}\n"} else "old tree"] += 1
        # A run killed after its swap, before removing its lock file, leaves that file: it holds nothing
        # (the kill released the lock) and the next run removes it.
        leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("out", ".out.lock")]
        outcomes["leftovers"] += bool(leftovers)
        expected = {f"pkg/m{i:03}.py": f"v{run}\n" for i in range(40)}
        # --check never calls a half-swapped or missing output current.
        if write.differences(out, expected) == []:
            assert not leftovers and versions == {f"v{run}\n"}
        # The next run recovers and writes one complete tree, nothing stray beside it.
        write.write_atomically(out, {**expected, "pkg/done.py": "yes\n"})
        assert tree(out) == {**expected, "pkg/done.py": "yes\n", write.MARKER: write.MARKER_TEXT}
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
        write.write_atomically(out, expected)
    print(outcomes)
    assert outcomes["leftovers"] > 0, "no kill landed inside the write: the test proves nothing"


def test_a_failure_while_writing_names_the_directory(tmp_path: Path) -> None:
    with pytest.raises(CodegenError, match="cannot write the generated files"):
        write.write_atomically(tmp_path / "out", {"a.py": "x\n"}, fail_after=0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["staging", "previous"])
@pytest.mark.parametrize("owner", ["this process", "a dead process"])
@pytest.mark.parametrize("entry", ["a link to a victim directory", "a file", "a link to a file", "a dangling link"])
@pytest.mark.parametrize("output", ["exists", "missing"])
def test_an_entry_named_like_our_staging_or_backup_is_never_followed_reused_or_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, owner: str, entry: str, output: str
) -> None:
    """In a shared directory, someone pre-creates .out.staging-PID or .out.previous-PID. The run either
    succeeds or stops with one line; the victim is untouched, the entry stays, and the output is never
    a link to the victim (which the next run would replace)."""
    out = tmp_path / "out"
    if output == "exists":
        assert generate(out, capsys)[0] == 0
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("mine\n")
    (tmp_path / "file.txt").write_text("a file\n")
    pid = os.getpid() if owner == "this process" else 2**31 - 1
    trap = tmp_path / f".out.{kind}-{pid}"
    if entry == "a link to a victim directory":
        trap.symlink_to(victim)
    elif entry == "a file":
        trap.write_text("someone's file\n")
    elif entry == "a link to a file":
        trap.symlink_to(tmp_path / "file.txt")
    else:
        trap.symlink_to(tmp_path / "nowhere")
    for _ in range(2):  # the next run must not be led astray either
        status, err = generate(out, capsys)
        assert status in (0, 2), err
        if status == 2:
            assert err.count("\n") == 1 and str(trap) in err or str(out) in err
    assert tree(victim) == {"precious.txt": "mine\n"}
    assert (tmp_path / "file.txt").read_text() == "a file\n"
    assert trap.is_symlink() or trap.is_file(), "the entry was removed"
    assert not out.is_symlink()
    if out.exists():
        assert (out / write.MARKER).is_file()


RACING_WRITER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from codegen.output import write

    # A pause right after the output is moved aside, before the new tree is moved in: the window in
    # which a second run used to find no output, restore a 'previous' tree and break the first.
    real_rename = os.rename
    def rename(a, b):
        real_rename(a, b)
        if ".previous-" in str(b):
            time.sleep(0.3)
    os.rename = rename
    version = sys.argv[2]
    write.write_atomically(Path(sys.argv[1]), {f"pkg/m{i}.py": f"{version}\\n" for i in range(5)})
""")


def test_concurrent_runs_on_one_output_both_succeed_and_lose_nothing(tmp_path: Path) -> None:
    """Runs on one --out wait for each other (a lock beside it): each succeeds, the result is one complete
    tree, the CHANGELOG (the only copy of which lives there) survives, nothing is left beside it."""
    out = tmp_path / "out"
    write.write_atomically(out, {"pkg/m0.py": "v0\n"})
    (out / "CHANGELOG.md").write_text("# history\n")
    for round_ in range(3):
        children = [
            subprocess.Popen(
                [sys.executable, "-c", RACING_WRITER, str(out), f"r{round_}w{i}"],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(3)
        ]
        for child in children:
            _, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
        files = tree(out)
        assert files.pop("CHANGELOG.md") == "# history\n" and files.pop(write.MARKER) == write.MARKER_TEXT
        assert len(set(files.values())) == 1 and len(files) == 5, files
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
