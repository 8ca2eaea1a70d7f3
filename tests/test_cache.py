"""The cache is best effort: whatever is read from it is verified, and an unusable one only costs time."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jinja2
import pytest

from codegen.emit import patterns, precompiled, render
from codegen.cache import CACHE_ENV


def test_the_shipped_unicode_table_equals_a_fresh_scan() -> None:
    assert patterns._category_runs() == patterns._scan_categories()


@pytest.fixture
def unshipped_unicode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """As on a Python whose Unicode version has no shipped table: the table comes from the cache."""
    monkeypatch.setattr(patterns, "SHIPPED_TABLES", tmp_path / "none")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    patterns._category_runs.cache_clear()
    patterns._category_ranges.cache_clear()
    yield tmp_path / "cache"
    patterns._category_runs.cache_clear()
    patterns._category_ranges.cache_clear()


def _poisons() -> dict[str, str]:
    runs = patterns._scan_categories()
    altered = [list(run) for run in runs]
    altered[40][2] = "Lu" if altered[40][2] != "Lu" else "Ll"
    return {
        "empty file": "",
        "empty list": "[]",
        "garbage": "\x00\xff not json",
        "truncated": json.dumps(runs)[:5000],
        "runs missing at the end": json.dumps(runs[:-3]),
        "a category altered": json.dumps(altered),
        "wrong shape": json.dumps({"L": [[0, 10]]}),
        "strings for numbers": json.dumps([["a", "b", "Cc"]]),
    }


@pytest.mark.parametrize("poison", sorted(_poisons()))
def test_a_corrupt_unicode_table_in_the_cache_is_recomputed(unshipped_unicode: Path, poison: str) -> None:
    expected = patterns._category_runs()  # computed and cached
    patterns._category_runs.cache_clear()
    table = next(unshipped_unicode.glob("unicode-categories-*.json"))
    table.write_text(_poisons()[poison], encoding="utf-8", errors="surrogateescape")
    assert patterns._category_runs() == expected
    assert patterns._runs_are_true(json.loads(table.read_text(encoding="utf-8")))  # and rewritten


@pytest.mark.parametrize("kind", ["a file", "read-only", "/dev/null"])
def test_an_unusable_cache_directory_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from codegen.generate import GenerateOptions, build
    from tests.conftest import EDGE_CASE_MODEL

    if kind == "a file":
        target = tmp_path / "cache"
        target.write_text("not a directory")
    elif kind == "read-only":
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only directory: this case proves nothing as root")
        target = tmp_path / "cache"
        target.mkdir()
        target.chmod(0o500)
    else:
        target = Path("/dev/null")
    monkeypatch.setenv(CACHE_ENV, str(target))
    monkeypatch.setattr(patterns, "SHIPPED_TABLES", tmp_path / "none")
    patterns._category_runs.cache_clear()
    patterns._category_ranges.cache_clear()
    try:
        files = build(GenerateOptions(source=str(EDGE_CASE_MODEL)))[1]
    finally:
        patterns._category_runs.cache_clear()
        patterns._category_ranges.cache_clear()
        if kind == "read-only":
            target.chmod(0o700)
    assert "sagemaker_automl/validation.py" in files


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
