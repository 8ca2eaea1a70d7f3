"""Stage 6, format: black's formatting, before anything is compared or written.

black is the reference formatting, but it is slow. ``ruff format`` produces
black's formatting, byte for byte, for everything our templates emit, and far
faster (measured on a 2-core machine: the AutoML slice, 9,000 lines, in 0.07 s
against black's 4.5 s; the whole SageMaker service, 197,000 lines, in 0.45 s
against 176 s), so it is the default: one ``ruff`` process per file over stdin,
run side by side. No cache is needed at that speed.

The two formatters agree only as far as the templates keep to constructs they
format alike; the tests assert that black leaves every generated file
unchanged. Constructs avoided in the templates, and why:

* a multi-line docstring always ends with its closing quotes on a line of
  their own: black moves them there when the last line is too long, ruff does
  not when that line was already too long before the quotes;
* a comment ending an indented block is preceded by a blank line, never glued
  to the statement above it and followed by a dedent: black and ruff disagree
  on the blank lines after such a comment;
* the module-level imports are followed by exactly one blank line before an
  ``if TYPE_CHECKING:`` block: black turns two into one there, ruff keeps two;
* a comment between a ``try`` body and its ``except`` is written above the
  ``try`` instead, and a line too long for a trailing comment gets the comment
  on the line above: ruff splits such an ``except`` clause, black does not.

``--formatter black`` runs black itself instead (one file at a time).
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from codegen.errors import CodegenError

LINE_LENGTH = 88
TARGET_VERSION = "py310"  # the generated package supports Python 3.10+
FORMATTERS = ("ruff", "black")


def format_files(files: Mapping[str, str] | Iterable[tuple[str, str]], formatter: str = "ruff") -> dict[str, str]:
    """Python files formatted; other files unchanged.

    ``files`` may be an iterator of (path, text): each Python file is handed to the
    formatter as soon as it arrives, so formatting overlaps with producing the next.
    """
    format_one = _FORMATTERS[formatter]
    if formatter == "ruff":
        _ruff_binary()  # found once, before the threads (ruff's finder is not thread-safe)
    pairs = files.items() if isinstance(files, Mapping) else files
    # ruff runs in its own process, so threads run the files side by side; black runs in this one.
    with ThreadPoolExecutor(max_workers=8 if formatter == "ruff" else 1) as pool:
        pending = {
            path: pool.submit(format_one, path, text) if path.endswith((".py", ".pyi")) else text
            for path, text in pairs
        }
        return {path: text if isinstance(text, str) else text.result() for path, text in pending.items()}


@lru_cache(maxsize=1)
def _ruff_binary() -> str:
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        return str(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        raise CodegenError("ruff is not installed (pip install ruff), or use --formatter black") from None


def _ruff(path: str, source: str) -> str:
    binary = _ruff_binary()
    # --isolated: a user's ruff configuration must not change the generated code.
    command = [
        binary,
        "format",
        "--isolated",
        "--line-length",
        str(LINE_LENGTH),
        "--target-version",
        TARGET_VERSION,
        "--config",
        "format.line-ending='lf'",
        "--stdin-filename",
        path,
        "-",
    ]
    # The text goes in and comes out through unnamed temporary files, not pipes: subprocess feeds a
    # pipe 4 KB at a time from a thread that needs the GIL for each piece, and the GIL is busy
    # rendering the next file (the whole SageMaker models.py, 4.8 MB, took ruff 0.8 s through pipes
    # while the rest rendered, against 0.25 s alone).
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as formatted:
        given.write(source.encode())
        given.seek(0)
        try:
            done = subprocess.run(command, stdin=given, stdout=formatted, stderr=subprocess.PIPE, check=False)
        except OSError as err:
            raise CodegenError(f"cannot run ruff ({err}); use --formatter black") from None
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip().splitlines()
            # The generator produced code that does not parse: a generator bug, reported like bad input.
            raise CodegenError(f"{path}: generated code does not format ({message[0] if message else 'ruff failed'})")
        formatted.seek(0)
        return formatted.read().decode()


def _black(path: str, source: str) -> str:
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput

    mode = black.Mode(
        target_versions={TargetVersion[TARGET_VERSION.upper()]},
        line_length=LINE_LENGTH,
        is_pyi=path.endswith(".pyi"),  # a stub: black's stub style, as ruff gives a .pyi
    )
    try:
        return black.format_str(source, mode=mode)
    except InvalidInput as err:
        raise CodegenError(f"{path}: generated code black cannot parse ({str(err).splitlines()[0]})") from None


_FORMATTERS: dict[str, Callable[[str, str], str]] = {"ruff": _ruff, "black": _black}
