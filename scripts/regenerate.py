"""Move the botocore pin to VERSION and regenerate everything that derives from it.

Run through ``scripts/regenerate [VERSION]`` (default: the newest botocore on
the package index). Steps: move the pins (botocore, and the references that
follow it: the newest release of each that is not newer than botocore),
reinstall, diff the model recorded in generated/sagemaker_automl/_source.py
against the new one, derive the oldest botocore the client supports,
regenerate generated/ (whose package version is the botocore version), prepend
the diff to generated/CHANGELOG.md (breaking changes first), update the
snapshots, run the tests, and summarise. Each step prints a line when it starts
and its time when it ends; the tests print pytest's progress. Running it twice
with the same VERSION changes nothing, nor does running it at the current pin.

Before the first step, every file it may touch is copied into
``.regenerate-backup/`` in the repository (not a temporary directory another
process may clean up), with a manifest of their hashes. If any step fails, or
the run is interrupted (SIGINT, SIGTERM, SIGHUP), every file is put back from
there and the old pins are reinstalled. A copy that no longer matches its
manifest is not used: that path is left as the run made it and named, and the
backup is kept. A run killed outright (SIGKILL, power loss) leaves the backup
behind; the next run refuses to start until it is dealt with.
"""

from __future__ import annotations

import collections
import hashlib
import json
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from codegen.errors import SourceError  # the generator is installed in the environment that runs this
from codegen.model.floor import version_key
from codegen.model.load import releases
from codegen.output.write import recover

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SOURCE = ROOT / "generated" / "sagemaker_automl" / "_source.py"
ROLLBACK_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
CHANGELOG_TITLE = "# Changelog of the generated package\n"
BACKUP = ".regenerate-backup"
# References that move with botocore: the newest release of each that is not newer than botocore's pin.
FOLLOWERS = ("mypy-boto3-sagemaker", "botocore-stubs")
TAIL_LINES = 60  # of a failed step's output, in the error message
POLL = 0.2  # seconds: how soon a signal is handled while a step runs (see run)

DIFF_SCRIPT = """
import json, sys
from codegen.diff.changelog import render_json, render_markdown
from codegen.diff.compare import diff_models
from codegen.model.load import load_model
from codegen import defaults

diff = diff_models(load_model("botocore==" + sys.argv[1]).model, load_model("installed").model, defaults.OPERATIONS)
document = json.loads(render_json(diff, extended=True))
document["markdown"] = render_markdown(diff, extended=True)
print(json.dumps(document))
"""


class StepFailed(Exception):
    pass


def run(step: str, *args: str, stream: bool = False) -> str:
    """Run one step, saying when it starts and how long it took. ``stream`` shows its output as it
    comes (the tests: pytest's progress); either way a failure carries the end of the output.

    A signal's Python handler runs between bytecodes: one that lands just before a blocking read or
    wait is handled only when that call returns, which for a quiet step can be minutes. So the step is
    waited for in slices of ``POLL`` seconds, and an interruption kills it before the rollback starts.
    """
    print(f"regenerate: {step}...", flush=True)
    started = time.monotonic()
    errors = subprocess.STDOUT if stream else subprocess.PIPE
    with subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True) as child:
        try:
            if stream:
                assert child.stdout is not None
                tail: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)
                for line in _lines(child.stdout):
                    print(line, end="", flush=True)
                    tail.append(line)
                while child.poll() is None:
                    time.sleep(POLL)
                output = "".join(tail)
            else:
                output = "".join(_communicate(child))
        except BaseException:
            child.kill()
            child.wait()  # reaped here: Popen does not wait for a child on KeyboardInterrupt
            raise
    elapsed = time.monotonic() - started
    if child.returncode != 0:
        raise StepFailed(f"{step} failed after {elapsed:.0f} s:\n" + "\n".join(output.splitlines()[-TAIL_LINES:]))
    print(f"regenerate: {step}: done in {elapsed:.1f} s", flush=True)
    return output if not stream else ""


def _communicate(child: subprocess.Popen[str]) -> tuple[str, str]:
    """``child``'s output and errors once it ends, looked for in short slices (see ``run``)."""
    while True:
        try:
            out, err = child.communicate(timeout=POLL)  # retrying loses nothing (the documented way)
            return out or "", err or ""
        except subprocess.TimeoutExpired:
            continue


def _lines(stream: IO[str]) -> Iterator[str]:
    """``stream``'s lines as they come, read by a thread and waited for in short slices (see ``run``)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        try:
            for line in stream:
                lines.put(line)
        except (OSError, ValueError):  # closed under it: the step was killed
            pass
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    while True:
        try:
            line = lines.get(timeout=POLL)
        except queue.Empty:
            continue
        if line is None:
            return
        yield line


def newest(package: str, at_most: str | None = None) -> str | None:
    """The newest release of ``package`` on the package index, optionally not newer than ``at_most``."""
    print(f"regenerate: looking up {package} versions...", flush=True)
    try:
        versions = releases(package)  # the generator's lookup: its time limit, its one-line errors
    except SourceError as error:
        raise StepFailed(str(error)) from None
    if at_most is not None:
        versions = [v for v in versions if version_key(v) <= version_key(at_most)]
    return versions[-1] if versions else None


def set_pin(text: str, package: str, version: str) -> str:
    """``text`` (pyproject.toml) with ``"package==..."`` pinned to ``version``."""
    pattern = re.compile(rf'"{re.escape(package)}==[^"]*"')
    if not pattern.search(text):
        raise StepFailed(f"pyproject.toml has no pin for {package}")
    return pattern.sub(f'"{package}=={version}"', text)


def recorded_version(source: Path = SOURCE) -> str | None:
    match = re.search(r'BOTOCORE_VERSION[^=]*= "([^"]+)"', source.read_text()) if source.exists() else None
    return match.group(1) if match else None


def prepend_entry(changelog: str, entry: str) -> str:
    body = changelog.removeprefix(CHANGELOG_TITLE).lstrip("\n")
    return CHANGELOG_TITLE + "\n" + entry.rstrip("\n") + "\n\n" + body


class Interrupted(Exception):
    """SIGINT, SIGTERM or SIGHUP arrived: roll back like a failed step."""


def _interrupted(signum: int, frame: object) -> None:
    raise Interrupted(f"interrupted by {signal.Signals(signum).name}")


def other_pythons(root: Path) -> list[Path]:
    """The generator's environments for the other Pythons (``.venv-py3.12``..., made by scripts/test), which
    tests/integration/test_pythons.py runs: they must hold the same botocore as this one."""
    return sorted(p for p in root.glob(".venv-py3.*/bin/python") if p.is_file())


def install_commands(root: Path) -> list[list[str]]:
    """Install the pins of pyproject.toml: this environment with the test dependencies, the other Pythons'
    with the generator's own."""
    return [
        [PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{root}[test]"],
        *([str(python), "-m", "pip", "install", "--quiet", "-e", str(root)] for python in other_pythons(root)),
    ]


def reinstall(root: Path) -> None:
    """Put the environments back on the pins in pyproject.toml (as restored)."""
    print("regenerate: reinstalling the previous pins...", flush=True)
    for command in install_commands(root):
        subprocess.run(command, cwd=root)


# --- the backup rollback restores from --------------------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(path: Path) -> dict[str, str]:
    """Every file under ``path`` (or ``path`` itself, as ""), by relative path, with its sha256."""
    if path.is_file():
        return {"": _digest(path)}
    return {p.relative_to(path).as_posix(): _digest(p) for p in sorted(path.rglob("*")) if p.is_file()}


def save_backup(root: Path, touched: list[Path]) -> Path:
    """Copy ``touched`` into ``root/.regenerate-backup`` with a manifest of what each held."""
    backup = root / BACKUP
    backup.mkdir()
    manifest: dict[str, dict[str, object]] = {}
    for index, path in enumerate(touched):
        copy = backup / str(index)
        if path.is_dir():
            shutil.copytree(path, copy, symlinks=True)
        elif path.exists():
            shutil.copy2(path, copy)
        kind = "dir" if path.is_dir() else "file" if path.exists() else "absent"
        manifest[path.relative_to(root).as_posix()] = {"copy": str(index), "kind": kind, "files": _tree(path)}
    (backup / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return backup


def unchanged(root: Path, backup: Path) -> bool:
    """Whether every path the run may change holds what the backup's manifest says it held (byte-compiled
    files aside: the tests leave them, a fresh generate does not)."""
    manifest = json.loads((backup / "manifest.json").read_text())

    def source(files: dict[str, str]) -> dict[str, str]:
        return {path: digest for path, digest in files.items() if "__pycache__" not in path.split("/")}

    return all(
        (root / relative).exists() == (saved["kind"] != "absent")
        and source(_tree(root / relative)) == source(saved["files"])
        for relative, saved in manifest.items()
    )


def restore_backup(root: Path, backup: Path) -> list[str]:
    """Put every saved path back; returns what could not be (its copy gone or altered), left as it is."""
    try:
        manifest = json.loads((backup / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        return [f"{backup}/manifest.json is unreadable ({error}): nothing was restored"]
    problems = []
    for relative, saved in manifest.items():
        path, copy = root / relative, backup / saved["copy"]
        if saved["kind"] == "absent":
            _remove(path)
            continue
        if not copy.exists() or _tree(copy) != saved["files"]:
            problems.append(f"{relative}: its backup copy is gone or altered; left as the run made it")
            continue
        # Copy first, then swap: a failure part way leaves the path as it was, never missing.
        incoming = path.with_name(f".{path.name}.restoring")
        _remove(incoming)
        if saved["kind"] == "dir":
            shutil.copytree(copy, incoming, symlinks=True)
        else:
            shutil.copy2(copy, incoming)
        outgoing = path.with_name(f".{path.name}.discarded")
        _remove(outgoing)
        if path.exists() or path.is_symlink():
            path.rename(outgoing)
        incoming.rename(path)
        _remove(outgoing)
    return problems


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def remove_interrupted_writes(out: Path) -> None:
    """What a generate step killed part way left beside ``out`` (``.generated.staging-PID``...)."""
    recover(out)


# --- the run ----------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    argv = sys.argv[1:] if argv is None else argv
    wanted = argv[0] if argv else None
    pyproject, changelog = root / "pyproject.toml", root / "generated" / "CHANGELOG.md"
    floor_record = root / "codegen" / "data" / "oldest-botocore.json"
    touched = [pyproject, floor_record, root / "generated", root / "tests" / "functional" / "__snapshots__"]
    if (root / BACKUP).exists():
        print(
            f"regenerate: {root / BACKUP} exists: a run that was killed left the files as they were before it "
            "there (see its manifest.json); put back what you need, delete it, then run again",
            file=sys.stderr,
        )
        return 2
    started = time.monotonic()
    try:
        backup = save_backup(root, touched)
    except BaseException as failure:  # nothing was changed yet: only the partial backup goes
        shutil.rmtree(root / BACKUP, ignore_errors=True)
        print(f"regenerate: cannot save the files it would change into {root / BACKUP}: {failure}", file=sys.stderr)
        return 1
    handlers = {signum: signal.signal(signum, _interrupted) for signum in ROLLBACK_SIGNALS}
    # A blocked signal is never handled, and the mask is inherited: a parent that blocked SIGTERM (a
    # CI runner, a test harness) would make the run impossible to interrupt cleanly.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, ROLLBACK_SIGNALS)
    try:
        version = wanted or newest("botocore")
        if version is None:
            raise StepFailed("no botocore version found on the package index")
        old = recorded_version(root / "generated" / "sagemaker_automl" / "_source.py")
        text = set_pin(pyproject.read_text(), "botocore", version)
        for follower in FOLLOWERS:
            try:
                reference = newest(follower, at_most=version)
            except StepFailed:  # an index without it (a mirror, a private index): a reference, not a need
                reference = None
            if reference:
                text = set_pin(text, follower, reference)
            else:
                print(f"regenerate: no release of {follower} up to {version} found: its pin stays", flush=True)
        pyproject.write_text(text)
        for command in install_commands(root):
            run(f"installing the new pins into {Path(command[0]).parent.parent.name}", *command)
        summary = {"new": 0, "updated": 0, "breaking": 0}
        entry = None
        if old and old != version:
            # A fresh interpreter, so that "installed" is the botocore just installed; one diff, two renderings.
            document = json.loads(run(f"diffing botocore {old} -> {version}", PYTHON, "-c", DIFF_SCRIPT, old))
            summary = {k: document["summary"][k] for k in summary}
            entry = f"## {version} (from botocore {old})\n\n" + document["markdown"].replace("## ", "### ", 1).replace(
                "\n### ", "\n#### "
            )
        # the client's oldest supported botocore, for the new model (bisects releases; wheels are cached)
        run("deriving the oldest botocore", PYTHON, "-m", "codegen", "oldest-botocore", "--record")
        run("generating", PYTHON, "-m", "codegen", "generate")
        if entry is not None:
            changelog.write_text(prepend_entry(changelog.read_text() if changelog.exists() else CHANGELOG_TITLE, entry))
        run(
            "updating snapshots",
            PYTHON,
            "-m",
            "pytest",
            "-q",
            "-n",
            "0",
            "tests/functional/test_snapshots.py",
            "--snapshot-update",
        )
        if unchanged(root, backup):
            # The same files as before the run: the tree the suite last passed on (a second run at one version).
            print("regenerate: nothing changed, so the tests are not run again", flush=True)
        else:
            run("running the tests", PYTHON, "-m", "pytest", "-q", stream=True)
    except BaseException as failure:  # a failed step, a signal, Ctrl-C, a bug: always roll back
        for signum in ROLLBACK_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)  # a second signal must not cut the rollback short
        problems = restore_backup(root, backup)
        remove_interrupted_writes(root / "generated")
        reinstall(root)
        print(f"regenerate: {failure}", file=sys.stderr)
        if problems:
            print("regenerate: not everything could be put back:", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
            print(f"regenerate: the backup is kept in {backup}", file=sys.stderr)
        else:
            shutil.rmtree(backup, ignore_errors=True)
            print("regenerate: every file was put back as it was.", file=sys.stderr)
        return 130 if isinstance(failure, (Interrupted, KeyboardInterrupt)) else 1
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    shutil.rmtree(backup, ignore_errors=True)
    changed = run(
        "listing changes",
        "git",
        "status",
        "--porcelain",
        "--",
        "pyproject.toml",
        "codegen/data",
        "generated",
        "tests/functional/__snapshots__",
    ).splitlines()
    print(
        f"regenerate: botocore {old or 'unknown'} -> {version} in {time.monotonic() - started:.0f} s: "
        f"{len(changed)} files changed; {summary['new']} new and {summary['updated']} updated operations; "
        f"{summary['breaking']} breaking changes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
