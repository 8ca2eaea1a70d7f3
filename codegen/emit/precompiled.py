"""The templates compiled to Python ahead of time, shipped with the generator.

jinja2 compiles every template before its first use: 0.18 s, a third of a first
run on the AutoML slice. The generator ships them compiled
(``codegen/data/compiled-templates/``, written by ``compile_templates``, which
``scripts/generate`` runs) with a stamp: the jinja2 version that compiled them,
a digest of the template sources they were compiled from, and a digest of each
compiled module. They are used only when all three hold, so an edited template,
another jinja2 or a damaged module means compiling the templates from source,
never rendering stale ones. A test keeps the committed ones current.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2


def _templates_dir() -> Path:
    """``codegen/templates/`` where a wheel installed them; a checkout's top-level ``templates/``."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "templates"
    return installed if installed.is_dir() else package.parent / "templates"


TEMPLATES_DIR = _templates_dir()
COMPILED_DIR = Path(__file__).resolve().parents[1] / "data" / "compiled-templates"
STAMP = "stamp.json"


def template_loader(compiled: Path = COMPILED_DIR, templates: Path = TEMPLATES_DIR) -> jinja2.BaseLoader:
    """The compiled templates when their stamp holds; the templates themselves otherwise."""
    if _stamp(compiled, templates) == _read_stamp(compiled):
        return jinja2.ModuleLoader(str(compiled))
    return jinja2.FileSystemLoader(templates)


def compile_into(
    environment: Callable[[jinja2.BaseLoader], jinja2.Environment],
    compiled: Path = COMPILED_DIR,
    templates: Path = TEMPLATES_DIR,
) -> bool:
    """Compiles every template with ``environment(loader)`` into ``compiled``, replacing what is
    there; returns whether anything changed."""
    with tempfile.TemporaryDirectory(prefix="compiled-templates-") as scratch:
        fresh = Path(scratch) / "compiled"
        environment(jinja2.FileSystemLoader(templates)).compile_templates(
            str(fresh), zip=None, ignore_errors=False
        )  # a broken template fails here
        (fresh / STAMP).write_text(json.dumps(_stamp(fresh, templates), indent=1, sort_keys=True) + "\n")
        if compiled.is_dir() and _contents(compiled) == _contents(fresh):
            return False
        shutil.rmtree(compiled, ignore_errors=True)
        shutil.copytree(fresh, compiled)
    return True


def _stamp(compiled: Path, templates: Path) -> dict[str, object]:
    modules = sorted(compiled.glob("tmpl_*.py"))
    return {
        "jinja2": jinja2.__version__,
        "templates": _digest(sorted(templates.glob("*.j2"))),
        "modules": {path.name: _digest([path]) for path in modules},
    }


def _read_stamp(compiled: Path) -> object:
    try:
        return json.loads((compiled / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _digest(paths: list[Path]) -> str | None:
    digest = hashlib.sha256()
    try:
        for path in paths:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _contents(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir()) if path.is_file()}
