"""The typed surface in every type checker people use: mypy, pyright, basedpyright, pyrefly, ty and zuban.

Each program under tests/typing/programs/ (against the AutoML package) and
tests/typing/edge_case_programs/ (against the edge-case model's package: a
recursive tagged union) is either correct or carries exactly one
mistake, marked ``# error`` on its line. Every checker runs over all of them, against
a copy of the generated package laid out as pip installs it, and must report an
error on each marked line and nothing anywhere else, except where a checker cannot
see a class of mistake or rejects a correct program: those are its known
limitations, listed below (and in docs/package.md), and the test asserts they are
still limitations, so that a checker that outgrows one is noticed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import GENERATED, ROOT

TYPING = ROOT / "tests" / "typing"
# Programs against the AutoML package, and against the edge-case model's (a recursive tagged union).
PROGRAMS = TYPING / "programs"
EDGE_CASE_PROGRAMS = TYPING / "edge_case_programs"
BIN = Path(sys.executable).parent
MARK = "# error"

# program -> {checker: (the lines it reports instead of the expected ones, why)}: a mistake it does not
# see ([]), or a correct program it rejects (the line it reports).
# zuban (0.11, mypy mode) calls a dict literal "ambiguous" where it fits both flavours of a structure that an
# input position accepts as Union[XTypeDef, XOutputTypeDef] (mypy picks either: both are right).
_ZUBAN_AMBIGUOUS = "reports a dict literal that fits both flavours of an input position as an ambiguous TypedDict"
KNOWN_LIMITATIONS: dict[str, dict[str, tuple[list[int], str]]] = {
    "unguarded_not_required_access.py": {
        checker: ([], "does not check that a NotRequired key is guarded before it is read")
        for checker in ("mypy", "pyrefly", "ty", "zuban")
    },
    # pyrefly 1.5 reads a Literal of hundreds of values (283 instance types) as str
    "job_deploy_misspelled_instance_type.py": {"pyrefly": ([], "reads a Literal of hundreds of values as str")},
    "application.py": {"zuban": ([20], _ZUBAN_AMBIGUOUS)},
    "correct_request.py": {"zuban": ([13], _ZUBAN_AMBIGUOUS)},
    "request_built_step_by_step.py": {"zuban": ([29], _ZUBAN_AMBIGUOUS)},
    "hook_wrapping_the_client.py": {"zuban": ([48], _ZUBAN_AMBIGUOUS)},
    "readme_quick_start.py": {"zuban": ([13], _ZUBAN_AMBIGUOUS)},
}

Errors = dict[str, list[int]]  # program -> lines with an error, sorted


def marked_errors(programs: Path = PROGRAMS) -> Errors:
    return {
        path.name: [n for n, line in enumerate(path.read_text().splitlines(), 1) if line.rstrip().endswith(MARK)]
        for path in sorted(programs.glob("*.py"))
    }


def expected_errors(checker: str, programs: Path = PROGRAMS) -> Errors:
    expected = marked_errors(programs)
    for program, checkers in KNOWN_LIMITATIONS.items():
        if checker in checkers and program in expected:
            expected[program] = checkers[checker][0]
    return expected


def _run(args: list[str], cwd: Path) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    assert result.returncode in (0, 1), f"{args[0]} failed ({result.returncode}): {result.stderr[-2000:]}"
    return result.stdout


def _by_line(pattern: str, output: str) -> list[tuple[str, int]]:
    """(file name, line) of each error; an error in a file that is not a program (the package) keeps its
    path's name, which no program has, so it fails the comparison instead of going unseen."""
    return [(Path(m["file"]).name, int(m["line"])) for m in re.finditer(pattern, output, re.MULTILINE)]


def run_mypy(work: Path, site: Path) -> list[tuple[str, int]]:
    (work / "mypy.ini").write_text(f"[mypy]\nstrict = True\nmypy_path = {site}\npython_version = 3.11\n")
    output = _run(
        [sys.executable, "-m", "mypy", "--no-error-summary", *_programs(work)],
        work,
    )
    return _by_line(r"^(?P<file>[^:\s]+\.py):(?P<line>\d+): error:", output)


def _pyright_like(executable: str, mode: str | None) -> Callable[[Path, Path], list[tuple[str, int]]]:
    def run(work: Path, site: Path) -> list[tuple[str, int]]:
        config = {"extraPaths": [str(site)], "pythonVersion": "3.11", "include": _programs(work)}
        if mode:
            config["typeCheckingMode"] = mode
        (work / "pyrightconfig.json").write_text(json.dumps(config))
        output = json.loads(_run([str(BIN / executable), "--outputjson", "--pythonpath", sys.executable], work))
        # Any diagnostic counts, warnings included: a correct program must be clean.
        return [
            (Path(d["file"]).name, d["range"]["start"]["line"] + 1)
            for d in output["generalDiagnostics"]
            if d["severity"] in ("error", "warning")
        ]

    return run


def run_pyrefly(work: Path, site: Path) -> list[tuple[str, int]]:
    (work / "pyrefly.toml").write_text(
        f'search-path = ["{site}"]\npython-interpreter-path = "{sys.executable}"\npython-version = "3.11"\n'
    )
    output = _run([str(BIN / "pyrefly"), "check", "--output-format", "min-text", *_programs(work)], work)
    return _by_line(r"^\s*ERROR (?P<file>[^:\s]+\.py):(?P<line>\d+):", output)


def run_ty(work: Path, site: Path) -> list[tuple[str, int]]:
    args = ["check", "--output-format", "concise", "--python", sys.prefix, "--extra-search-path", str(site)]
    output = _run([str(BIN / "ty"), *args, "--python-version", "3.11", *_programs(work)], work)
    return _by_line(r"^(?P<file>[^:\s]+\.py):(?P<line>\d+):\d+: (?:error|warning)", output)


def run_zuban(work: Path, site: Path) -> list[tuple[str, int]]:
    """zuban in its mypy mode (``zuban mypy``, also ``zmypy``): mypy's configuration and flags, strict."""
    (work / "mypy.ini").write_text(f"[mypy]\nstrict = True\nmypy_path = {site}\npython_version = 3.11\n")
    args = ["mypy", "--python-executable", sys.executable, *_programs(work)]
    output = _run([str(BIN / "zuban"), *args], work)
    return _by_line(r"^(?P<file>[^:\s]+\.py):(?P<line>\d+): error:", output)


def _programs(work: Path) -> list[str]:
    return sorted(p.name for p in work.glob("*.py"))


CHECKERS: dict[str, Callable[[Path, Path], list[tuple[str, int]]]] = {
    "mypy": run_mypy,
    "pyright": _pyright_like("pyright", "strict"),
    "basedpyright": _pyright_like("basedpyright", None),  # its own default, "recommended"
    "pyrefly": run_pyrefly,
    "ty": run_ty,
    "zuban": run_zuban,
}


def _site(tmp_path_factory: pytest.TempPathFactory, package_root: Path) -> Path:
    """The package alone in a directory, as pip installs it (no project of ours around it)."""
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(package_root / "sagemaker_automl", site / "sagemaker_automl")
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, edge_case_package: Path) -> dict[Path, Path]:
    """Program directory -> the package its programs use."""
    return {
        PROGRAMS: _site(tmp_path_factory, GENERATED),
        EDGE_CASE_PROGRAMS: _site(tmp_path_factory, edge_case_package),
    }


@pytest.mark.parametrize("programs", [PROGRAMS, EDGE_CASE_PROGRAMS], ids=["automl", "edge-case"])
@pytest.mark.parametrize("checker", CHECKERS)
def test_each_mistake_is_reported_on_its_line_and_correct_programs_are_clean(
    checker: str, programs: Path, sites: dict[Path, Path], tmp_path: Path
) -> None:
    for program in programs.glob("*.py"):
        shutil.copy(program, tmp_path / program.name)
    site = sites[programs]
    found: Errors = {program: [] for program in marked_errors(programs)}
    for program, line in CHECKERS[checker](tmp_path, site):
        lines = found.setdefault(program, [])  # an error outside the programs shows as a file of its own
        if line not in lines:
            lines.append(line)
    assert {p: sorted(lines) for p, lines in found.items()} == expected_errors(checker, programs)


def test_every_mistake_program_has_one_marked_line() -> None:
    """Each program is correct (no mark) or carries exactly one mistake; the correct ones are named as such."""
    marks = marked_errors()
    edge_marks = marked_errors(EDGE_CASE_PROGRAMS)
    assert not set(marks) & set(edge_marks)  # known limitations are keyed by program name
    assert all(len(lines) <= 1 for lines in [*marks.values(), *edge_marks.values()]), (marks, edge_marks)
    assert sorted(p for p, lines in marks.items() if not lines) == [
        "application.py",
        "async_application.py",
        "comparing_with_a_dict_literal.py",
        "configured_client.py",
        "correct_request.py",
        "dataclasses_to_typed_dict.py",
        "enums_where_values_go.py",
        "hook_wrapping_the_client.py",
        "job_deploy.py",
        "job_object.py",
        "output_into_input.py",
        "reading_a_union.py",
        "readme_jobs.py",
        "readme_quick_start.py",
        "request_built_step_by_step.py",
        "unit_test_with_the_typed_stubber.py",
    ]
    assert sorted(p for p, lines in edge_marks.items() if not lines) == [
        "reading_a_recursive_union.py",
        "recursive_union_output_into_input.py",
    ]


def test_known_limitations_name_real_programs_and_checkers() -> None:
    marks = {**marked_errors(), **marked_errors(EDGE_CASE_PROGRAMS)}
    for program, checkers in KNOWN_LIMITATIONS.items():
        assert set(checkers) <= set(CHECKERS)
        for lines, _ in checkers.values():
            assert lines != marks[program], f"{program}: a limitation must differ from the expected errors"
        # the other checkers get it right: a limitation is the checker's, not the program's
        assert len(checkers) < len(CHECKERS)


def test_the_package_reference_lists_each_known_limitation() -> None:
    readme = (ROOT / "docs" / "package.md").read_text()
    rows = [line for line in readme.splitlines() if line.startswith("| ") and "wrong in" not in line]
    for checkers in KNOWN_LIMITATIONS.values():
        listed = f"| {', '.join(checkers)} ("
        assert any(
            listed in row for row in rows
        ), f"docs/package.md has no known-limitation row for {', '.join(checkers)}"


def test_the_readmes_quick_starts_are_programs_of_the_matrix() -> None:
    """The README's Python examples are checked by every checker: they are readme_quick_start.py and
    readme_jobs.py."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = [block.split("```", 1)[0] for block in readme.split("```python\n")[1:]]
    programs = [(PROGRAMS / name).read_text(encoding="utf-8") for name in ("readme_quick_start.py", "readme_jobs.py")]
    assert [program.split('"""\n\n', 1)[1] for program in programs] == examples
