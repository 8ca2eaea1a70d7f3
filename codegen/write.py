"""Stage 7, write: all files or none, and ``--check`` that writes nothing.

The new tree is written into a staging directory beside the output directory
and swapped in with two renames, so a failure at any point before the swap
leaves the previous output exactly as it was.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
from pathlib import Path

from codegen.errors import CodegenError

# Files in the output directory that the generator does not produce but must keep
# (the regeneration script maintains the changelog).
PRESERVED_FILES = ("CHANGELOG.md",)
# Build and cache by-products that appear when the package is imported or installed.
IGNORED_PATTERNS = ("__pycache__", "*.pyc", "*.egg-info", "build", ".mypy_cache")


def differences(out_dir: Path, files: dict[str, str]) -> list[str]:
    """Paths (relative to ``out_dir``) that are missing, differ, or should not be there."""
    stale = []
    for relative, text in sorted(files.items()):
        path = out_dir / relative
        try:
            if path.read_text(encoding="utf-8") != text:
                stale.append(f"{relative} (differs)")
        except FileNotFoundError:
            stale.append(f"{relative} (missing)")
        except (OSError, UnicodeDecodeError):
            stale.append(f"{relative} (unreadable)")
    for relative in _existing_files(out_dir):
        if relative not in files and relative not in PRESERVED_FILES:
            stale.append(f"{relative} (not generated)")
    return stale


def write_atomically(out_dir: Path, files: dict[str, str], fail_after: int | None = None) -> None:
    """Replace ``out_dir`` by exactly ``files`` (plus the preserved files it had).

    ``fail_after`` injects a failure after that many files, for tests that prove
    an interrupted write leaves the old output intact.
    """
    parent = out_dir.resolve().parent
    staging = parent / f".{out_dir.name}.staging-{os.getpid()}"
    backup = parent / f".{out_dir.name}.previous-{os.getpid()}"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        for count, (relative, text) in enumerate(sorted(files.items())):
            if fail_after is not None and count >= fail_after:
                raise OSError("injected failure while writing")
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        for name in PRESERVED_FILES:
            if (out_dir / name).is_file():
                shutil.copy2(out_dir / name, staging / name)
        if out_dir.exists():
            os.rename(out_dir, backup)
        try:
            os.rename(staging, out_dir)
        except OSError:
            if backup.exists():
                os.rename(backup, out_dir)
            raise
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise CodegenError(f"{out_dir}: cannot write the generated files ({err}); previous output left as it was") from None
    shutil.rmtree(backup, ignore_errors=True)


def _existing_files(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    found = []
    for directory, subdirs, filenames in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not _ignored(d))
        for filename in sorted(filenames):
            if not _ignored(filename):
                found.append(Path(directory, filename).relative_to(root).as_posix())
    return found


def _ignored(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in IGNORED_PATTERNS)
