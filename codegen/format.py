"""Stage 6, format: black, in process, before anything is compared or written."""

from __future__ import annotations

import black

from codegen.errors import CodegenError

_MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Python files formatted by black; other files unchanged."""
    return {path: format_python(path, text) if path.endswith(".py") else text for path, text in files.items()}


def format_python(path: str, source: str) -> str:
    try:
        return black.format_str(source, mode=_MODE)
    except black.InvalidInput as err:
        # The generator produced code that does not parse: a generator bug, reported like bad input.
        raise CodegenError(f"{path}: generated code does not parse ({str(err).splitlines()[0]})") from None
