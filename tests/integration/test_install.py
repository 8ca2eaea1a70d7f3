"""The generator as pip installs it from its wheel, away from this checkout, into an environment that
holds only what the wheel declares (offline: the declared distributions are linked in from this one)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # From a copy of what the wheel is built from: a build/ directory left in the checkout by an earlier
    # build would otherwise put modules that no longer exist into the wheel.
    source, out = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("wheel")
    for directory in ("codegen", "templates"):
        shutil.copytree(ROOT / directory, source / directory, ignore=shutil.ignore_patterns("__pycache__"))
    for file in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / file, source / file)
    build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-index", "--no-deps", "--no-build-isolation"]
    subprocess.run([*build, "--wheel-dir", str(out), str(source)], check=True, cwd=out, capture_output=True)
    [built] = out.glob("automl_codegen-*.whl")
    return built


def declared_requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        fields = Parser().parsestr(archive.read(name).decode())
    return [Requirement(text) for text in fields.get_all("Requires-Dist") or []]


def link_distributions(requirements: list[Requirement], site: Path) -> set[str]:
    """Link every file of the distributions ``requirements`` name, and of what they require in turn
    (markers evaluated for this Python, without extras), from this environment into ``site``."""
    linked: set[str] = set()
    pending = [r for r in requirements if r.marker is None or r.marker.evaluate({"extra": ""})]
    while pending:
        requirement = pending.pop()
        dist = metadata.distribution(requirement.name)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in linked:
            continue
        linked.add(key)
        for file in dist.files or []:
            if "__pycache__" in file.parts:
                continue
            source = Path(dist.locate_file(file)).resolve()
            target = Path(os.path.normpath(site / file))  # RECORD's ../../../bin/x lands in the env's bin
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.exists() and not target.exists():
                target.symlink_to(source)
        for text in dist.requires or []:
            nested = Requirement(text)
            if nested.marker is None or nested.marker.evaluate({"extra": ""}):
                pending.append(nested)
    return linked


@pytest.fixture(scope="module")
def bare_environment(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the generator's wheel and only the distributions it declares."""
    env = tmp_path_factory.mktemp("env")
    venv.create(env, with_pip=False, symlinks=True)
    python = env / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    linked = link_distributions(declared_requirements(wheel), site)
    assert {"botocore", "jinja2", "ruff"} <= linked  # the links were made
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index", "--no-deps"]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True)
    return env


def test_the_wheel_has_every_module_and_template(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        installed = {n for n in archive.namelist() if n.startswith("codegen/")}
    ours = {p.relative_to(ROOT).as_posix() for p in (ROOT / "codegen").rglob("*") if _shipped(p)}
    templates = {f"codegen/templates/{p.name}" for p in (ROOT / "templates").glob("*.j2")}
    assert ours | templates == installed


def test_the_installed_generator_runs_with_only_what_it_declares_and_generates_what_a_checkout_does(
    bare_environment: Path, tmp_path: Path
) -> None:
    # Run from elsewhere, with nothing of this checkout or of the test environment on the path.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    probe = "import codegen.emit.render as r; print(r.__file__); print(r.TEMPLATES_DIR)"
    python = bare_environment / "bin" / "python"
    where = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path, env=env)
    module, templates = where.stdout.split("\n")[:2]
    assert Path(module).is_relative_to(bare_environment)
    assert Path(templates).is_relative_to(bare_environment)  # the wheel's templates, not the checkout's
    out = tmp_path / "out"
    command = [bare_environment / "bin" / "automl-codegen", "generate", "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert written == {name: (GENERATED / name).read_bytes() for name in written}
    assert set(written) >= {"sagemaker_automl/models.py", "pyproject.toml"}


def test_the_bare_environment_lacks_what_the_wheel_does_not_declare(bare_environment: Path) -> None:
    """The environment proves something only if an undeclared module is missing from it."""
    python = bare_environment / "bin" / "python"
    for module in ("pytest", "mypy", "hypothesis"):
        result = subprocess.run([python, "-c", f"import {module}"], capture_output=True, text=True)
        assert result.returncode != 0, f"{module} is importable in the bare environment"


def _shipped(path: Path) -> bool:
    return path.is_file() and "__pycache__" not in path.parts
