"""The generator as pip installs it from its wheel, away from this checkout (offline: no build isolation)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"


def _installed_generator(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    for directory in ("codegen", "templates"):
        shutil.copytree(ROOT / directory, source / directory, ignore=shutil.ignore_patterns("__pycache__"))
    for file in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / file, source / file)
    target = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, "--target", str(target), str(source)], check=True, cwd=tmp_path)
    return target


def test_the_installed_generator_has_every_module_and_template_and_generates_what_a_checkout_does(
    tmp_path: Path,
) -> None:
    site = _installed_generator(tmp_path)
    ours = {p.relative_to(ROOT).as_posix() for p in (ROOT / "codegen").rglob("*") if _shipped(p)}
    installed = {p.relative_to(site).as_posix() for p in (site / "codegen").rglob("*") if _shipped(p)}
    templates = {f"codegen/templates/{p.name}" for p in (ROOT / "templates").glob("*.j2")}
    assert ours | templates == installed

    # Run from elsewhere, the installed copy first on the path: nothing of this checkout is read.
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = "import codegen.emit.precompiled as p; print(p.__file__, type(p.template_loader()).__name__)"
    where = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path, env=env
    )
    module, loader = where.stdout.split()
    assert Path(module).is_relative_to(site)
    assert loader == "ModuleLoader"  # the shipped compiled templates hold for the shipped templates
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "codegen", "generate", "--out", str(out)], check=True, cwd=tmp_path, env=env)
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert written == {name: (GENERATED / name).read_bytes() for name in written}
    assert set(written) >= {"sagemaker_automl/models.py", "pyproject.toml"}


def _shipped(path: Path) -> bool:
    return path.is_file() and "__pycache__" not in path.parts
