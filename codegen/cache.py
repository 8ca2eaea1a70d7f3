"""The user cache directory: downloaded botocore wheels (the 5 most recently used) and a
Unicode table for a Python whose Unicode version the generator ships no table for.
Everything read from it is verified by its reader.

``$AUTOML_CODEGEN_CACHE`` if set, else ``$XDG_CACHE_HOME/automl-codegen``
(``~/.cache/automl-codegen``). Everything in it can be deleted at any time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_ENV = "AUTOML_CODEGEN_CACHE"


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "automl-codegen"


def write_atomically(path: Path, text: str) -> None:
    """Best effort: a cache entry that cannot be written only costs time later."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass


def cached_json(name: str, compute: Callable[[], Any], verify: Callable[[Any], bool]) -> Any:
    """``compute()``, kept in the cache as JSON under ``name``.

    What is read back is used only if ``verify`` accepts it; anything else (truncated,
    garbage, altered) is recomputed and rewritten.
    """
    path = cache_dir() / name
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
        if verify(value):
            return value
    except (OSError, ValueError):
        pass
    value = compute()
    write_atomically(path, json.dumps(value))
    return value
