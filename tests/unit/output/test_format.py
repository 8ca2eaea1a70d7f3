from __future__ import annotations

from pathlib import Path

import pytest

from codegen.output import format as fmt
from codegen.errors import CodegenError

UGLY = "x = [1,\n  2]\ndef f( a ):\n  return a\n"
PRETTY = "x = [1, 2]\n\n\ndef f(a):\n    return a\n"


@pytest.mark.parametrize("formatter", fmt.FORMATTERS)
def test_each_formatter_formats(formatter: str) -> None:
    assert fmt.format_files({"m.py": UGLY}, formatter) == {"m.py": PRETTY}


@pytest.mark.parametrize("formatter", fmt.FORMATTERS)
def test_unparsable_generated_code_is_a_one_line_error_naming_the_file(formatter: str) -> None:
    with pytest.raises(CodegenError, match=r"^pkg/m.py: generated code") as caught:
        fmt.format_files({"pkg/m.py": "def (:\n"}, formatter)
    assert "\n" not in caught.value.one_line()


def test_small_files_formatted_together_are_each_formatted_and_a_failure_names_its_file() -> None:
    # "build" and "dist" are among the directories ruff skips when it looks for files itself.
    files = {f"{package}/m{i}.py": UGLY for package in ("build", "dist", "pkg") for i in range(3)}
    files["README.md"] = UGLY
    formatted = fmt.format_files(files)
    assert list(formatted) == list(files)
    assert formatted == {path: UGLY if path == "README.md" else PRETTY for path in files}
    with pytest.raises(CodegenError, match=r"^pkg/bad.py: generated code does not format \(.+\)$"):
        fmt.format_files({**files, "pkg/bad.py": "x = 1\ndef (:\n"})


def test_large_and_small_files_come_back_in_the_order_they_came() -> None:
    large = "x = [1,\n  2]\n" * (fmt.OWN_PROCESS_BYTES // 10)
    files = {"a.py": UGLY, "big.py": large, "b.txt": "text", "c.pyi": UGLY}
    formatted = fmt.format_files(iter(files.items()))
    assert list(formatted) == list(files)
    assert formatted["big.py"] == "x = [1, 2]\n" * (fmt.OWN_PROCESS_BYTES // 10)
    assert formatted["c.pyi"] == "x = [1, 2]\n\ndef f(a):\n    return a\n"  # stub style


def test_a_users_ruff_configuration_does_not_change_the_output(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text(
        "[tool.ruff]\nline-length = 20\n[tool.ruff.format]\nquote-style = 'single'\n"
    )
    monkeypatch.chdir(tmp_path)
    source = 'x = {"a_long_key": "a_long_value", "another": 1}\n'
    assert fmt.format_files({"m.py": source}) == {"m.py": source}


@pytest.mark.parametrize("which", ["pinned", "edge-case"])
def test_generated_files_are_formatted_with_their_imports_sorted(
    which: str, pinned_files: dict[str, str], edge_case_files: dict[str, str], tmp_path: Path
) -> None:
    """What `ruff format --check` and `ruff check --select I` (isort's order) say of the output."""
    assert not_ruff_clean(pinned_files if which == "pinned" else edge_case_files, tmp_path) == []


def not_ruff_clean(files: dict[str, str], scratch: Path) -> list[str]:
    """The Python files and stubs that ruff would format differently or whose imports it would reorder."""
    import subprocess

    python = [path for path in files if path.endswith((".py", ".pyi"))]
    assert any(path.endswith(".pyi") for path in python)  # the stubs are among what is checked
    for path in python:
        (scratch / path).parent.mkdir(parents=True, exist_ok=True)
        (scratch / path).write_text(files[path], encoding="utf-8")
    settings = [
        "--isolated",
        "--no-cache",
        "--line-length",
        str(fmt.LINE_LENGTH),
        "--target-version",
        fmt.TARGET_VERSION,
    ]
    found = []
    for command in (["format", "--check", *settings], ["check", "--select", "I", *settings]):
        done = subprocess.run(
            [fmt._ruff_binary(), *command, *python], cwd=scratch, capture_output=True, text=True, check=False
        )
        found += [path for path in python if path in done.stdout]
        assert done.returncode == 0 or found, done.stdout + done.stderr
    return sorted(set(found))


def test_a_package_without_enums_is_ruff_clean(tmp_path: Path) -> None:
    """No enums: the root's imports end before its TYPE_CHECKING block (found by the every-service sweep)."""
    import gzip
    import json

    from codegen.generate import GenerateOptions, build

    model = {
        "metadata": {"serviceFullName": "T", "apiVersion": "1", "serviceId": "T"},
        "operations": {"DoAutoML": {"input": {"shape": "Req"}}},
        "shapes": {"Req": {"type": "structure", "members": {"Name": {"shape": "S"}}}, "S": {"type": "string"}},
    }
    source = tmp_path / "service-2.json.gz"
    source.write_bytes(gzip.compress(json.dumps(model).encode()))
    scratch = tmp_path / "out"
    assert not_ruff_clean(build(GenerateOptions(source=str(source)))[1], scratch) == []


@pytest.mark.parametrize("length", [76, 78, 80, 81, 82, 84, 90, 120])
def test_names_too_long_for_a_line_are_ruff_clean(tmp_path: Path, length: int) -> None:
    """Long enum values, member names and class names (compute-optimizer's 82-character enum member names)."""
    import gzip
    import json

    from codegen.generate import GenerateOptions, build

    words = "".join(f"Word{i % 10}" for i in range(length))[:length]
    model = {
        "metadata": {"serviceFullName": "T", "apiVersion": "1", "serviceId": "T"},
        "operations": {"DoAutoML": {"input": {"shape": "Req"}, "output": {"shape": "Req"}}},
        "shapes": {
            "Req": {
                "type": "structure",
                "required": [words],
                "members": {
                    words: {"shape": "Kind"},
                    words + "Too": {"shape": words + "List"},
                    "X-" + words: {"shape": "Kind"},
                    # short keys, long annotations: a class named after a long shape
                    "A": {"shape": words + "Shape"},
                    "B-b": {"shape": words + "Shape"},
                },
            },
            "Kind": {"type": "string", "enum": [words, words[: length // 2], "A" + words]},
            words + "List": {"type": "list", "member": {"shape": "Kind"}},
            words + "Shape": {"type": "structure", "members": {"V": {"shape": "Kind"}}},
        },
    }
    source = tmp_path / "service-2.json.gz"
    source.write_bytes(gzip.compress(json.dumps(model).encode()))
    scratch = tmp_path / "out"
    assert not_ruff_clean(build(GenerateOptions(source=str(source)))[1], scratch) == []


def test_non_python_files_pass_through() -> None:
    assert fmt.format_files({"pyproject.toml": "a=1\n"}) == {"pyproject.toml": "a=1\n"}


def test_the_generators_own_code_is_black_formatted() -> None:
    """pyproject.toml's [tool.black] for the generator; the package's 88 columns for codegen/runtime."""
    import subprocess
    import sys

    from tests.conftest import ROOT as root

    for args in (
        ["codegen", "scripts", "tests", "examples"],
        ["--line-length", "88", "--target-version", "py310", "codegen/runtime"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "black", "--check", "--quiet", *args], cwd=root, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-2000:]


def garbage_formatter(tmp_path: Path) -> str:
    """A ruff whose ``format`` writes something else than Python into every file it is given and
    exits 0 (a formatter bug, a broken install); its other commands are the real ruff's."""
    real = fmt._ruff_binary()
    script = tmp_path / "ruff"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = format ]; then\n'
        '  for f in "$@"; do case "$f" in *.py|*.pyi) printf "def (:\\n" > "$f";; esac; done\n'
        "  exit 0\n"
        "fi\n"
        f'exec "{real}" "$@"\n'
    )
    script.chmod(0o755)
    return str(script)


def test_what_does_not_parse_as_written_is_a_one_line_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("x = 1\n")
    (tmp_path / "pkg" / "n.py").write_text("def (:\n")
    (tmp_path / "pkg" / "notes.txt").write_text("def (:\n")  # not Python: not parsed
    fmt.check_parses(tmp_path, ["pkg/m.py", "pkg/notes.txt"])
    with pytest.raises(CodegenError, match=r"^pkg/n.py: formatted code does not parse \(.+\)$") as caught:
        fmt.check_parses(tmp_path, ["pkg/m.py", "pkg/n.py"])
    assert "\n" not in caught.value.one_line()


def test_a_run_whose_formatter_writes_garbage_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from codegen.cli import main

    out = tmp_path / "out"
    assert main(["generate", "--out", str(out)]) == 0  # a first, good run
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    capsys.readouterr()
    fake = garbage_formatter(tmp_path)
    monkeypatch.setattr(fmt, "_ruff_binary", lambda: fake)
    assert main(["generate", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "formatted code does not parse" in err and err.count("\n") == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
