"""Stage 6, format: ruff's formatting and import order, before anything is compared or written.

ruff is the formatter of record (as in mypy_boto3_builder): ``ruff check --select I
--fix`` puts the imports in isort's order, then ``ruff format`` formats, both isolated
from any configuration of the user's. It is fast enough that nothing needs caching
(measured on a 2-core machine: the AutoML slice, 9,000 lines, in 0.07 s; the whole
SageMaker service, 197,000 lines, in 0.45 s): a ``ruff`` process of its own for each
large file as soon as it is rendered, one for all the small files at the end (see
``OWN_PROCESS_BYTES``).

``--formatter black`` runs black instead (one file at a time, in this process): black's
formatting, imports in the order the generator writes them (grouped and alphabetical).
The templates carry no constraint whose only purpose is to make the two agree.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

from codegen.errors import CodegenError

LINE_LENGTH = 88
TARGET_VERSION = "py310"  # the generated package supports Python 3.10+
FORMATTERS = ("ruff", "black")


# A file this large is formatted by a ruff process of its own as soon as it is rendered, while the next
# one renders (the whole SageMaker models.py, 2.2 MB, takes ruff ~0.1 s); smaller ones go to one ruff
# process together at the end: starting a process costs more than formatting one of them (the AutoML
# slice's 15 files: 26 ms in one process against 60 ms in one each).
OWN_PROCESS_BYTES = 256 * 1024


def format_files(files: Mapping[str, str] | Iterable[tuple[str, str]], formatter: str = "ruff") -> dict[str, str]:
    """Python files formatted; other files unchanged.

    ``files`` may be an iterator of (path, text): a large Python file is handed to the
    formatter as soon as it arrives, so formatting overlaps with producing the next.
    """
    pairs = files.items() if isinstance(files, Mapping) else files
    if formatter == "black":  # black runs in this process, one file at a time
        return {path: _black(path, text) if _is_python(path) else text for path, text in pairs}
    _ruff_binary()  # found once, before the threads (ruff's finder is not thread-safe)
    # ruff runs in its own processes, so threads wait for them side by side.
    with ThreadPoolExecutor(max_workers=8) as pool:
        pending: dict[str, str | Future[dict[str, str]] | None] = {}  # None: formatted with the others
        together: dict[str, str] = {}
        for path, text in pairs:
            if not _is_python(path):
                pending[path] = text
            elif len(text) >= OWN_PROCESS_BYTES:
                pending[path] = pool.submit(_ruff, {path: text})
            else:
                pending[path], together[path] = None, text
        formatted = _ruff(together) if together else {}
        return {
            path: formatted[path] if done is None else done if isinstance(done, str) else done.result()[path]
            for path, done in pending.items()
        }


def _is_python(path: str) -> bool:
    return path.endswith((".py", ".pyi"))


@lru_cache(maxsize=1)
def _ruff_binary() -> str:
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        return str(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        raise CodegenError("ruff is not installed (pip install ruff), or use --formatter black") from None


def _ruff(files: dict[str, str]) -> dict[str, str]:
    """``files`` formatted by one ruff process, which reads and rewrites them in a temporary directory.

    Files, not pipes: subprocess feeds a pipe 4 KB at a time from a thread that needs the GIL for
    each piece, and the GIL is busy rendering the next file (the whole SageMaker models.py, 4.8 MB,
    took ruff 0.8 s through a pipe while the rest rendered, against 0.25 s alone).
    """
    try:
        with tempfile.TemporaryDirectory(prefix="automl-codegen-format-") as directory:
            return _ruff_in(Path(directory), files)
    except OSError as err:  # a full disk or a file-size limit in the temporary directory
        first = next(iter(files))
        raise CodegenError(
            f"{first}: cannot write the generated files to format them in {tempfile.gettempdir()} "
            f"({err.strerror or err}); nothing was written"
        ) from None


_SETTINGS = ["--isolated", "--no-cache", "--line-length", str(LINE_LENGTH), "--target-version", TARGET_VERSION]


def _ruff_in(root: Path, files: dict[str, str]) -> dict[str, str]:
    # --isolated: a user's ruff configuration must not change the generated code. The files are
    # named one by one: ruff excludes nothing it is given by name (a package named "build" stays in).
    settings = _SETTINGS
    # isort's order, on each module's imports only: ruff's linter parses all it is given, and the
    # whole SageMaker models.py (4.8 MB) took it 0.15 s. --exit-zero: what else the linter would say
    # is not ours to act on here.
    heads = {path: _imports_and_after(text) for path, text in files.items()}
    for path, (imports, _) in heads.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(imports.encode())
    _run_ruff(["check", *settings, "--select", "I", "--fix", "--exit-zero", "--quiet"], root, files)
    for path, (_, rest) in heads.items():
        (root / path).write_bytes((root / path).read_bytes() + rest.encode())
    _run_ruff(["format", *settings, "--config", "format.line-ending='lf'"], root, files)
    return {path: (root / path).read_bytes().decode() for path in files}


def check_parses(root: Path, paths: list[str]) -> None:
    """Parse what was written (the Python files under ``root``): a formatter that printed something else
    than Python (a bug, a broken install) must stop the run before its output replaces anything.
    ruff's parser, in one process over all the files (the whole SageMaker package: 0.09 s; Python's
    own parser takes 1.3 s), reports invalid syntax whatever rule is selected (E902, an unreadable
    file, never fires here)."""
    python = {path: "" for path in paths if _is_python(path)}
    if python:
        _run_ruff(["check", *_SETTINGS, "--select", "E902", "--quiet"], root, python, "formatted code does not parse")


# Where a generated module's imports end: its first definition or ``__all__`` after its first import.
# A head that ran on past its imports would still be right (ruff's isort changes only imports), only slower.
_FIRST_IMPORT = re.compile(r"^(?:import|from) ", re.MULTILINE)
_AFTER_IMPORTS = re.compile(r"^(?:class |def |async def |@|__all__ )", re.MULTILINE)


def _imports_and_after(text: str) -> tuple[str, str]:
    first = _FIRST_IMPORT.search(text)
    after = _AFTER_IMPORTS.search(text, first.end()) if first else None
    return (text[: after.start()], text[after.start() :]) if after else (text, "")


def _run_ruff(
    command: list[str], root: Path, files: dict[str, str], failure: str = "generated code does not format"
) -> None:
    try:
        done = subprocess.run([_ruff_binary(), *command, *files], cwd=root, capture_output=True, check=False)
    except OSError as err:
        raise CodegenError(f"cannot run ruff ({err}); use --formatter black") from None
    if done.returncode != 0:
        # Code that does not parse, before or after formatting: a bug, reported like bad input.
        output = (done.stderr + done.stdout).decode(errors="replace")
        raise CodegenError(_ruff_failure(files, output, failure))


def _ruff_failure(files: dict[str, str], output: str, failure: str) -> str:
    """One line naming the file ruff failed on (relative to the output) and why."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for number, line in enumerate(lines):
        for path in files:
            if path in line:
                reason = line.split(path, 1)[1].lstrip(":0123456789 ")
                # ruff's full report names the file on the line after the reason ("--> path:1:7")
                if not reason and number:
                    reason = lines[number - 1]
                return f"{path}: {failure} ({reason or 'ruff failed'})"
    first = next(iter(files))
    return f"{first}: {failure} ({lines[0] if lines else 'ruff failed'})"


def _black(path: str, source: str) -> str:
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput
    from black.report import NothingChanged

    mode = black.Mode(
        target_versions={TargetVersion[TARGET_VERSION.upper()]},
        line_length=LINE_LENGTH,
        is_pyi=path.endswith(".pyi"),  # a stub: black's stub style, as ruff gives a .pyi
    )
    try:
        # fast=False: black parses what it printed and checks it is the same code (its "safe" mode).
        return black.format_file_contents(source, fast=False, mode=mode)
    except NothingChanged:
        return source
    except InvalidInput as err:
        raise CodegenError(f"{path}: generated code black cannot parse ({str(err).splitlines()[0]})") from None
    except AssertionError as err:  # black's own check of its output
        raise CodegenError(f"{path}: formatted code is not the code given ({str(err).splitlines()[0]})") from None
