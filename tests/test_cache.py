"""The cache is best effort: whatever is read from it is verified, and an unusable one only costs time."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from codegen.emit import patterns
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

    # Each run makes a new jinja2 environment, which reads the bytecode cache again.
    return build(GenerateOptions(source=str(EDGE_CASE_MODEL)), formatted=False)[1]


@pytest.mark.parametrize("damage", ["emptied", "truncated", "garbage", "directory", "jinja2 is a file"])
def test_damaged_compiled_templates_are_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    expected = _render_edge_case()
    entries = sorted((tmp_path / "jinja2").iterdir())
    assert entries, "nothing cached"
    for entry in entries:
        data = entry.read_bytes()
        if damage == "emptied":
            entry.write_bytes(b"")
        elif damage == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "garbage":
            entry.write_bytes(data[:20] + b"\x00garbage" * 50)
        elif damage == "directory":
            entry.unlink()
            entry.mkdir()
    if damage == "jinja2 is a file":
        for entry in entries:
            entry.unlink()
        (tmp_path / "jinja2").rmdir()
        (tmp_path / "jinja2").write_text("")
    assert _render_edge_case() == expected
