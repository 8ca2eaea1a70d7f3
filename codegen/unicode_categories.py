"""Unicode general categories from one table shipped with the generator, never from ``unicodedata``.

The generated package must be a function of the model and the generator version only. Two things
read Unicode categories while rendering: the pattern translator (``\\p{L}`` becomes explicit code
point ranges) and the documentation cleaner (control and format characters become spaces). Python's
``unicodedata`` follows the interpreter (3.11 has Unicode 14.0.0, 3.12 15.0.0, 3.13 15.1.0), so
reading it made ``validation.py`` differ between people generating from the same botocore on different
Pythons. Both read this table instead; ``_source.py`` records its version (``UNICODE_VERSION``).

Moving to a newer Unicode version is a deliberate change of the generator: scan the categories
on a Python of that version (``scan()``), ship the table, change ``UNICODE_VERSION``, regenerate.
"""

from __future__ import annotations

import bisect
import gzip
import json
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

UNICODE_VERSION = "14.0.0"
TABLE = Path(__file__).resolve().parent / "data" / f"unicode-categories-{UNICODE_VERSION}.json.gz"

Run = tuple[int, int, str]  # first code point, last code point, general category ("Lu")


@lru_cache(maxsize=1)
def category_runs() -> tuple[Run, ...]:
    """Maximal runs of code points sharing a general category, covering U+0000..U+10FFFF in order."""
    return tuple((int(a), int(b), str(c)) for a, b, c in json.loads(gzip.decompress(TABLE.read_bytes())))


@lru_cache(maxsize=1)
def _run_starts() -> list[int]:
    return [start for start, _, _ in category_runs()]


def category(char: str) -> str:
    """``unicodedata.category(char)`` as of ``UNICODE_VERSION``, whatever the running Python's."""
    runs = category_runs()
    return runs[bisect.bisect_right(_run_starts(), ord(char)) - 1][2]


def scan() -> list[Run]:
    """The running Python's own table (its ``unicodedata.unidata_version``): how a table is made."""
    runs: list[Run] = []
    lookup = unicodedata.category
    run_start, run_category = 0, lookup("\x00")
    for code in range(1, sys.maxunicode + 1):
        current = lookup(chr(code))
        if current != run_category:
            runs.append((run_start, code - 1, run_category))
            run_start, run_category = code, current
    runs.append((run_start, sys.maxunicode, run_category))
    return runs
