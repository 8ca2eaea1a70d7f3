"""Stage 6, format: black, in process, before anything is compared or written.

black is the reference formatting and the slowest stage (about 0.45 s for the
AutoML slice's 3,300 lines on a 2-core machine). Its output depends only on
its version, its mode and the source text, so formatted files are cached by
the hash of those three: a regeneration where a file did not change skips
black for it, and does not even import it when nothing changed.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path

from codegen.errors import CodegenError
from codegen.load import cache_dir

LINE_LENGTH = 88
TARGET_VERSION = "PY310"  # the generated package supports Python 3.10+


def format_files(files: dict[str, str], use_cache: bool = True) -> dict[str, str]:
    """Python files formatted by black; other files unchanged."""
    return {path: format_python(path, text, use_cache) if path.endswith(".py") else text
            for path, text in files.items()}


def format_python(path: str, source: str, use_cache: bool = True) -> str:
    key = hashlib.sha256(f"{version('black')}|{LINE_LENGTH}|{TARGET_VERSION}\n{source}".encode()).hexdigest()
    entry = cache_dir() / "black" / key[:2] / key
    if use_cache:
        try:
            return entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            pass
    formatted = _black(path, source)
    if use_cache:
        _store(entry, formatted)
    return formatted


def _black(path: str, source: str) -> str:
    import black

    mode = black.Mode(target_versions={black.TargetVersion[TARGET_VERSION]}, line_length=LINE_LENGTH)
    try:
        return black.format_str(source, mode=mode)
    except black.InvalidInput as err:
        # The generator produced code that does not parse: a generator bug, reported like bad input.
        raise CodegenError(f"{path}: generated code does not parse ({str(err).splitlines()[0]})") from None


def _store(entry: Path, formatted: str) -> None:
    """Best effort: a cache that cannot be written only costs time. Written atomically."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        partial.write_text(formatted, encoding="utf-8")
        os.replace(partial, entry)
    except OSError:
        pass
