"""Move the botocore pin to VERSION and regenerate everything that derives from it.

Run through ``scripts/regenerate [VERSION]`` (default: the newest botocore on
the package index). Steps: move the pins, reinstall, diff the model recorded
in generated/sagemaker_automl/_source.py against the new one, regenerate
generated/ (whose package version is the botocore version), prepend the diff
to generated/CHANGELOG.md (breaking changes first), update the snapshots, run
the tests, and summarise. Running it twice with the same VERSION changes
nothing. If any step fails, or the run is interrupted (SIGINT, SIGTERM,
SIGHUP), every file it touched is put back as it was and the old pins are
reinstalled.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SOURCE = ROOT / "generated" / "sagemaker_automl" / "_source.py"
ROLLBACK_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
CHANGELOG_TITLE = "# Changelog of the generated package\n"


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


def run(step: str, *args: str, capture: bool = True) -> str:
    print(f"regenerate: {step}", flush=True)
    result = subprocess.run(args, cwd=ROOT, capture_output=capture, text=True)
    if result.returncode != 0:
        output = (result.stdout or "") + (result.stderr or "")
        raise StepFailed(f"{step} failed:\n{output[-3000:]}")
    return result.stdout or ""


def newest(package: str, at_most: str | None = None) -> str | None:
    output = run(f"looking up {package} versions", PYTHON, "-m", "pip", "index", "versions", package)
    match = re.search(r"Available versions: (.*)", output)
    versions = match.group(1).split(", ") if match else []
    if at_most is not None:
        versions = [v for v in versions if _key(v) <= _key(at_most)]
    return max(versions, key=_key) if versions else None


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


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


def reinstall(root: Path) -> None:
    """Put the environment back on the pins in pyproject.toml (as restored)."""
    subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{root}[test]"], cwd=root)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    argv = sys.argv[1:] if argv is None else argv
    wanted = argv[0] if argv else None
    pyproject, changelog = root / "pyproject.toml", root / "generated" / "CHANGELOG.md"
    floor_record = root / "codegen" / "data" / "oldest-botocore.json"
    touched = [pyproject, floor_record, root / "generated", root / "tests" / "__snapshots__"]
    backup = Path(tempfile.mkdtemp(prefix="regenerate-"))
    for path in touched:
        if path.is_dir():
            shutil.copytree(path, backup / path.name)
        elif path.exists():
            shutil.copy2(path, backup / path.name)
    handlers = {signum: signal.signal(signum, _interrupted) for signum in ROLLBACK_SIGNALS}
    try:
        version = wanted or newest("botocore")
        if version is None:
            raise StepFailed("no botocore version found on the package index")
        old = recorded_version(root / "generated" / "sagemaker_automl" / "_source.py")
        text = set_pin(pyproject.read_text(), "botocore", version)
        for follower in ("mypy-boto3-sagemaker", "botocore-stubs"):  # references that move with botocore
            reference = newest(follower, at_most=version)
            if reference:
                text = set_pin(text, follower, reference)
        pyproject.write_text(text)
        run("installing the new pins", PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{root}[test]")
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
        run("updating snapshots", PYTHON, "-m", "pytest", "-q", "tests/test_snapshots.py", "--snapshot-update")
        run("running the tests", PYTHON, "-m", "pytest", "-q")
    except BaseException as failure:  # a failed step, a signal, Ctrl-C, a bug: always roll back
        for signum in ROLLBACK_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)  # a second signal must not cut the rollback short
        for path in touched:
            saved = backup / path.name
            if path.is_dir() or saved.is_dir():
                shutil.rmtree(path, ignore_errors=True)
                shutil.copytree(saved, path)
            elif saved.exists():
                shutil.copy2(saved, path)
        reinstall(root)
        print(f"regenerate: {failure}\nregenerate: every file was put back as it was.", file=sys.stderr)
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
        "tests/__snapshots__",
    ).splitlines()
    print(
        f"regenerate: botocore {old or 'unknown'} -> {version}: {len(changed)} files changed; "
        f"{summary['new']} new and {summary['updated']} updated operations; "
        f"{summary['breaking']} breaking changes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
