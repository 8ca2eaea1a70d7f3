from __future__ import annotations

from pathlib import Path

import pytest

from codegen import format as fmt
from codegen.errors import CodegenError
from codegen.cache import CACHE_ENV

UGLY = "x = [1,\n  2]\ndef f( a ):\n  return a\n"
PRETTY = "x = [1, 2]\n\n\ndef f(a):\n    return a\n"


def test_black_formats_and_the_cache_returns_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert fmt.format_python("m.py", UGLY) == PRETTY
    entries = list((tmp_path / "black").rglob("*"))
    assert [e for e in entries if e.is_file()], "nothing cached"
    assert fmt.format_python("m.py", UGLY) == PRETTY
    # The second answer really comes from the cache, not from black again.
    for entry in entries:
        if entry.is_file():
            entry.write_text("# from the cache\n")
    assert fmt.format_python("m.py", UGLY) == "# from the cache\n"
    assert fmt.format_python("m.py", UGLY, use_cache=False) == PRETTY


def test_unreadable_cache_entry_falls_back_to_black(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    fmt.format_python("m.py", UGLY)
    for entry in (tmp_path / "black").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"\xff\xfe not utf-8")
    assert fmt.format_python("m.py", UGLY) == PRETTY


def test_unparsable_generated_code_is_a_one_line_error() -> None:
    with pytest.raises(CodegenError, match="m.py: generated code does not parse \\(line 1"):
        fmt.format_python("m.py", "def (:\n", use_cache=False)


PIECES = '''"""Doc."""
import os
X = 1


# a comment
@decorator
class A:
    x: int
Y = [1,
  2]
def f(): return X
'''


def test_pieces_split_around_top_level_classes_and_functions() -> None:
    assert [piece.splitlines()[0] for piece in fmt._pieces("m.py", PIECES)] == [
        '"""Doc."""', "# a comment", "Y = [1,", "def f(): return X"]


def test_pieces_joined_equal_black_on_the_whole_file() -> None:
    import black

    whole = black.format_str(PIECES, mode=black.Mode(line_length=fmt.LINE_LENGTH))
    assert fmt.format_python("m.py", PIECES, use_cache=False) == whole


@pytest.mark.parametrize("which", ["pinned", "edge-case"])
def test_generated_files_are_black_stable(which: str, pinned_files: dict[str, str],
                                          edge_case_files: dict[str, str]) -> None:
    """What `black --check generated/` checks, for both models."""
    import black

    mode = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=fmt.LINE_LENGTH)
    files = pinned_files if which == "pinned" else edge_case_files
    unstable = [path for path, text in files.items() if path.endswith(".py") and black.format_str(text, mode=mode) != text]
    assert unstable == []


def test_non_python_files_pass_through() -> None:
    assert fmt.format_files({"pyproject.toml": "a=1\n"}) == {"pyproject.toml": "a=1\n"}
