from __future__ import annotations

from pathlib import Path

import pytest

from codegen import format as fmt
from codegen.errors import CodegenError
from codegen.load import CACHE_ENV

UGLY = "x = [1,\n  2]\ndef f( a ):\n  return a\n"
PRETTY = "x = [1, 2]\n\n\ndef f(a):\n    return a\n"


def test_black_formats_and_the_cache_returns_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert fmt.format_python("m.py", UGLY) == PRETTY
    entries = list((tmp_path / "black").rglob("*"))
    assert [e for e in entries if e.is_file()], "nothing cached"
    assert fmt.format_python("m.py", UGLY) == PRETTY


def test_unreadable_cache_entry_falls_back_to_black(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    fmt.format_python("m.py", UGLY)
    for entry in (tmp_path / "black").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"\xff\xfe not utf-8")
    assert fmt.format_python("m.py", UGLY) == PRETTY


def test_unparsable_generated_code_is_a_one_line_error() -> None:
    with pytest.raises(CodegenError, match="m.py: generated code does not parse"):
        fmt.format_python("m.py", "def (:\n", use_cache=False)


def test_non_python_files_pass_through() -> None:
    assert fmt.format_files({"pyproject.toml": "a=1\n"}) == {"pyproject.toml": "a=1\n"}
