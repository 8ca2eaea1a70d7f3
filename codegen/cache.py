"""The user cache directory: downloaded botocore wheels (the 5 most recently used). Everything read
from it is verified by its reader.

``$AUTOML_CODEGEN_CACHE`` if set, else ``$XDG_CACHE_HOME/automl-codegen``
(``~/.cache/automl-codegen``). Everything in it can be deleted at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "AUTOML_CODEGEN_CACHE"


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "automl-codegen"
