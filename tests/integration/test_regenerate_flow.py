"""The whole regeneration, as a maintainer runs it, to a botocore release that is not the pinned one.

A copy of this checkout moves its pin to the next release after the pinned one, served by a package
index on disk (pip's --find-links, no network): that release is the installed botocore rebuilt as a
wheel under the new version, its SageMaker model changed as a release changes it (a new metric, a
new response member). ``scripts/regenerate`` runs there whole (pins, install, diff, oldest botocore,
generate, changelog, snapshots, the test suite at the new version), then once more at the same release,
which must change nothing. The pinned version is read from the installed botocore, never spelled here.

Slow (the suite runs inside it); CI runs it (.ci/run).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

MODEL = "botocore/data/sagemaker/2017-07-24/service-2.json"
NEW_METRIC = "RegenerationProbeMetric"
NEW_RESPONSE_MEMBER = "RegenerationProbeNote"


def next_release(version: str) -> str:
    *head, patch = version.split(".")
    return ".".join([*head, str(int(patch) + 1)])


def wheel_from_installed(
    name: str, index: Path, version: str | None = None, edit: Callable[[str, bytes], bytes] | None = None
) -> Path:
    """The installed distribution ``name`` as a wheel in ``index``, under ``version`` if given, each file
    passed through ``edit(path, data)``; its RECORD rewritten to match."""
    dist = metadata.distribution(name)
    old_info = f"{dist.metadata['Name'].replace('-', '_')}-{dist.version}.dist-info"
    version = version or dist.version
    stem = f"{dist.metadata['Name'].replace('-', '_')}-{version}"
    info = f"{stem}.dist-info"
    files: dict[str, bytes] = {}
    for file in dist.files or []:
        path = file.as_posix()
        if "__pycache__" in file.parts or path.startswith("..") or not Path(dist.locate_file(file)).is_file():
            continue
        if path.startswith(old_info + "/"):
            if file.name in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json"):
                continue
            path = info + path[len(old_info) :]
        data = Path(dist.locate_file(file)).read_bytes()
        if path == f"{info}/METADATA":
            data = re.sub(rb"(?m)^Version: .*$", f"Version: {version}".encode(), data, count=1)
        files[path] = edit(path, data) if edit else data
    record = [
        f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}"
        for path, data in files.items()
    ]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    wheel = index / f"{stem}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return wheel


def release_changes(version: str) -> Callable[[str, bytes], bytes]:
    """botocore's files as release ``version`` has them: its ``__version__``, and a SageMaker model with a
    metric added to AutoMLMetricEnum and a member added to the DescribeAutoMLJobV2 response (neither
    is a request path: the client's floor stays)."""
    return lambda path, data: _released(version, path, data)


def _released(version: str, path: str, data: bytes) -> bytes:
    if path == "botocore/__init__.py":
        return re.sub(rb"(?m)^__version__ = .*$", f"__version__ = '{version}'".encode(), data, count=1)
    if not path.startswith(MODEL):
        return data
    gzipped = path.endswith(".gz")
    model = json.loads(gzip.decompress(data) if gzipped else data)
    model["shapes"]["AutoMLMetricEnum"]["enum"].append(NEW_METRIC)
    response = model["shapes"][model["operations"]["DescribeAutoMLJobV2"]["output"]["shape"]]
    response["members"][NEW_RESPONSE_MEMBER] = {"shape": "AutoMLJobName", "documentation": "<p>A note.</p>"}
    text = json.dumps(model, indent=2).encode()
    return gzip.compress(text, mtime=0) if gzipped else text


def copy_checkout(target: Path) -> None:
    """What a clone holds: tracked files and new files not ignored, as they are in the working tree."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for relative in filter(None, listed):
        source = ROOT / relative
        if source.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "the checkout")


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True).stdout


def environment_like(here: Path, target: Path) -> Path:
    """A virtual environment holding what ``here`` holds, which pip may change without touching ``here``:
    hard links (pip replaces files, never writes into them), or a copy where links cannot be made."""
    if subprocess.run(["cp", "-al", str(here), str(target)], capture_output=True).returncode != 0:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(here, target, symlinks=True)
    return target / "bin" / "python"


def regenerate(repo: Path, python: Path, env: dict[str, str], version: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "scripts/regenerate.py", version], cwd=repo, env=env, capture_output=True, text=True, timeout=2400
    )


def test_regenerate_moves_the_pin_to_the_next_release_and_the_suite_passes_there(tmp_path: Path) -> None:
    pinned = metadata.version("botocore")
    new = next_release(pinned)
    index = tmp_path / "index"
    index.mkdir()
    wheel_from_installed("botocore", index)  # the pinned release: the diff's old side, the floor's search
    wheel_from_installed("botocore", index, new, release_changes(new))
    wheel_from_installed("setuptools", index)  # pip builds the editable install with it
    repo = tmp_path / "repo"
    copy_checkout(repo)
    python = environment_like(Path(sys.prefix), tmp_path / "venv")
    # The other Pythons' environments (scripts/test makes them where it finds those Pythons; CI has them):
    # regenerate must move them to the new botocore too, or tests/integration/test_pythons.py fails there.
    for other in sorted(ROOT.glob(".venv-py3.*")):
        environment_like(other, repo / other.name)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "AUTOML_CODEGEN_", "PYTEST_"))},
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(index),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "AUTOML_CODEGEN_CACHE": str(tmp_path / "cache"),
        "VIRTUAL_ENV": str(python.parent.parent),
        "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}",
    }

    first = regenerate(repo, python, env, new)
    assert first.returncode == 0, first.stdout[-20000:] + first.stderr[-3000:]
    assert f"regenerate: botocore {pinned} -> {new}" in first.stdout
    assert "regenerate: running the tests: done in" in first.stdout  # the suite passed at the new version
    assert re.search(r"\d+ passed", first.stdout), "pytest's own output streamed"
    pyproject = (repo / "pyproject.toml").read_text()
    assert f'"botocore=={new}"' in pyproject
    source = (repo / "generated" / "sagemaker_automl" / "_source.py").read_text()
    assert f'BOTOCORE_VERSION: str | None = "{new}"' in source
    assert NEW_METRIC in (repo / "generated" / "sagemaker_automl" / "literals.py").read_text()
    assert NEW_RESPONSE_MEMBER in (repo / "generated" / "sagemaker_automl" / "type_defs.py").read_text()
    changelog = (repo / "generated" / "CHANGELOG.md").read_text()
    entry = changelog.split("\n## ")[1]
    assert entry.startswith(f"{new} (from botocore {pinned})")
    assert NEW_METRIC in entry and NEW_RESPONSE_MEMBER in entry
    check = subprocess.run(
        [str(python), "-m", "codegen", "generate", "--check"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert not list(repo.glob(".regenerate-backup*")) and not list(repo.glob(".generated.*"))

    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "regenerated")
    second = regenerate(repo, python, env, new)
    assert second.returncode == 0, second.stdout[-20000:] + second.stderr[-3000:]
    assert git(repo, "status", "--porcelain") == "", "a second run at the same release changed files"
    assert "regenerate: nothing changed, so the tests are not run again" in second.stdout
