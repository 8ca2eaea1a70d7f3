"""Stage 6, format: black, in process, before anything is compared or written.

black is the reference formatting and by far the slowest stage (about 0.3 ms
a line on a 2-core machine: ~3 s for the AutoML slice, ~100 s for the whole
SageMaker service). Two things keep regeneration fast without giving it up:

* A file formatted before is found in the cache as a whole.
* Otherwise each module is cut into top-level pieces (a class or function with its
  decorators, or a run of other statements), and each piece is formatted on
  its own. Formatting is cached by the hash of black's version, its mode and
  the piece, so a regeneration re-formats only the pieces that changed.
* Pieces not in the cache are formatted on every core (forked workers).

Pieces are joined with two blank lines, which is what black puts around
top-level classes and functions; the tests run ``black --check`` on the
joined output to keep that true.
"""

from __future__ import annotations

import ast
import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from codegen.errors import CodegenError
from codegen.cache import cache_dir, write_atomically

LINE_LENGTH = 88
TARGET_VERSION = "PY310"  # the generated package supports Python 3.10+
# Below this many uncached lines, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD_LINES = 3000


def format_files(files: dict[str, str], use_cache: bool = True) -> dict[str, str]:
    """Python files formatted by black; other files unchanged."""
    cache = _Cache(use_cache)
    result = dict(files)
    # A file seen before as a whole skips even being cut into pieces (parsing 200,000 lines takes a second).
    whole = {path: cache.get(text) for path, text in files.items() if path.endswith(".py")}
    result.update({path: text for path, text in whole.items() if text is not None})
    pieces = {path: _pieces(path, files[path]) for path, text in whole.items() if text is None}
    wanted = {piece for chunks in pieces.values() for piece in chunks}
    formatted = {piece: cache.get(piece) for piece in wanted}
    missing = sorted(piece for piece, text in formatted.items() if text is None)
    for piece, text in zip(missing, _black_all(missing)):
        formatted[piece] = text
        cache.put(piece, text)
    for path, chunks in pieces.items():
        result[path] = "\n\n\n".join(str(formatted[piece]).rstrip("\n") for piece in chunks) + "\n"
        cache.put(files[path], result[path])
    return result


def format_python(path: str, source: str, use_cache: bool = True) -> str:
    return format_files({path: source}, use_cache)[path]


def _pieces(path: str, source: str) -> list[str]:
    """Top-level classes and functions one piece each; the statements between them grouped."""
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        # The generator produced code that does not parse: a generator bug, reported like bad input.
        raise CodegenError(f"{path}: generated code does not parse (line {err.lineno}: {err.msg})") from None
    lines = source.splitlines(keepends=True)
    pieces: list[str] = []
    group_start = 0
    for node in tree.body:
        if not isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
        while start > group_start and lines[start - 1].lstrip().startswith("#"):
            start -= 1  # comments right above a definition belong to it, as black treats them
        end = node.end_lineno or node.lineno
        group = "".join(lines[group_start:start])
        if group.strip():
            pieces.append(group)
        pieces.append("".join(lines[start:end]))
        group_start = end
    rest = "".join(lines[group_start:])
    if rest.strip() or not pieces:
        pieces.append(rest)
    return pieces


def _black_all(pieces: list[str]) -> list[str]:
    workers = os.cpu_count() or 1
    if workers < 2 or sum(p.count("\n") for p in pieces) < PARALLEL_THRESHOLD_LINES:
        return [_black(p) for p in pieces]
    # Fork: the workers inherit the imported black instead of importing it again.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_black, pieces, chunksize=max(1, len(pieces) // (workers * 4))))


def _black(source: str) -> str:
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput

    mode = black.Mode(target_versions={TargetVersion[TARGET_VERSION]}, line_length=LINE_LENGTH)
    try:
        return black.format_str(source, mode=mode)
    except InvalidInput as err:
        raise CodegenError(f"generated code black cannot parse ({str(err).splitlines()[0]})") from None


class _Cache:
    """Formatted pieces on disk, by content hash. Best effort: a cache that fails only costs time."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.root = cache_dir() / "black"
        self.salt = f"{version('black')}|{LINE_LENGTH}|{TARGET_VERSION}\n"

    def _entry(self, piece: str) -> Path:
        key = hashlib.sha256((self.salt + piece).encode()).hexdigest()
        return self.root / key[:2] / key

    def get(self, piece: str) -> str | None:
        if not self.enabled:
            return None
        try:
            return self._entry(piece).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, piece: str, formatted: str) -> None:
        if not self.enabled:
            return
        write_atomically(self._entry(piece), formatted)
