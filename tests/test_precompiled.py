"""The templates compiled ahead of time: used when current, compiled again when stale or damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from codegen.emit import precompiled, render


def _render_edge_case() -> dict[str, str]:
    from codegen.generate import GenerateOptions, build
    from tests.conftest import EDGE_CASE_MODEL

    return build(GenerateOptions(source=str(EDGE_CASE_MODEL)), formatted=False)[1]


# --- the templates compiled ahead of time, shipped with the generator ---------------------------------------


def test_the_shipped_compiled_templates_are_current_and_used(tmp_path: Path) -> None:
    """Recompiling the templates changes nothing (scripts/generate recompiles them), and a normal
    run renders with them instead of compiling the templates again."""
    fresh = tmp_path / "compiled"
    shutil.copytree(precompiled.COMPILED_DIR, fresh)
    assert render.precompiled.compile_into(render._environment, fresh) is False, "run scripts/generate"
    assert isinstance(render._environment().loader, jinja2.ModuleLoader)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the templates and of their compiled modules that the generator uses instead."""
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    shutil.copytree(precompiled.TEMPLATES_DIR, templates)
    shutil.copytree(precompiled.COMPILED_DIR, compiled)
    original = precompiled.template_loader
    monkeypatch.setattr(precompiled, "template_loader", lambda: original(compiled, templates))
    return templates, compiled


def test_an_edited_template_is_rendered_not_its_stale_compiled_module(shipped: tuple[Path, Path]) -> None:
    templates, _ = shipped
    literals = templates / "literals.py.j2"
    literals.write_text(literals.read_text() + "# edited\n")
    assert _render_edge_case()["sagemaker_automl/literals.py"].endswith("# edited\n")


@pytest.mark.parametrize("damage", ["emptied", "garbage", "removed", "stamp of another jinja2", "no stamp"])
def test_damaged_compiled_templates_are_compiled_again(shipped: tuple[Path, Path], damage: str) -> None:
    expected = _render_edge_case()
    _, compiled = shipped
    module = sorted(compiled.glob("tmpl_*.py"))[0]
    stamp = compiled / precompiled.STAMP
    if damage == "emptied":
        module.write_text("")
    elif damage == "garbage":
        module.write_text("def root(context):\n    yield 'stale'\n")
    elif damage == "removed":
        module.unlink()
    elif damage == "stamp of another jinja2":
        stamp.write_text(stamp.read_text().replace(jinja2.__version__, "2.0.0"))
    else:
        stamp.unlink()
    assert isinstance(precompiled.template_loader(), jinja2.FileSystemLoader)
    assert _render_edge_case() == expected
