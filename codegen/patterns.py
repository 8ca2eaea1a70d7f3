"""The model's Java-style regular expressions, translated for Python's ``re``.

AWS validates ``pattern`` constraints with Java's regex engine, matching the
whole value. Python's ``re`` lacks some of Java's syntax; this module
translates what the SageMaker model uses:

* ``\\p{L}``, ``\\p{N}``, ``\\p{Z}``... (Unicode general categories) become
  explicit code point ranges, computed from ``unicodedata`` at generation time;
* ``\\p{Alnum}``, ``\\p{Alpha}``, ``\\p{Digit}``... (POSIX classes, ASCII-only
  in Java) become their ASCII ranges;
* ``\\uD800\\uDC00-\\uDBFF\\uDFFF`` (Java's surrogate-pair notation for the
  supplementary planes) becomes ``\\U00010000-\\U0010FFFF``.

A pattern that still does not compile (``\\P{..}`` inside a class, Java-only
constructs) is reported as untranslatable: its check is skipped, and the
generated table says so, rather than rejecting valid values.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

from codegen.cache import cached_json

POSIX_CLASSES = {
    "Lower": "a-z", "Upper": "A-Z", "ASCII": "\\x00-\\x7f", "Alpha": "a-zA-Z", "Digit": "0-9",
    "Alnum": "a-zA-Z0-9", "Punct": "!-/:-@\\[-`{-~", "Graph": "!-~", "Print": " -~", "Blank": " \\t",
    "Cntrl": "\\x00-\\x1f\\x7f", "XDigit": "0-9a-fA-F", "Space": " \\t\\n\\x0b\\f\\r",
}
_SURROGATE_PAIR_RANGE = "\\uD800\\uDC00-\\uDBFF\\uDFFF"
_PROPERTY = re.compile(r"\\([pP])\{(\w+)\}")


def translate(pattern: str) -> str | None:
    """A Python pattern equivalent to ``pattern``, or None if it cannot be translated."""
    translated = pattern.replace(_SURROGATE_PAIR_RANGE, "\\U00010000-\\U0010FFFF")
    pieces: list[str] = []
    position = 0
    for match in _PROPERTY.finditer(translated):
        negated, name = match.group(1) == "P", match.group(2)
        ranges = POSIX_CLASSES.get(name) or _category_ranges(name)
        if ranges is None:
            return None
        inside_class = _inside_class(translated, match.start())
        if inside_class and negated:
            return None
        pieces.append(translated[position:match.start()])
        pieces.append(ranges if inside_class else f"[{'^' if negated else ''}{ranges}]")
        position = match.end()
    pieces.append(translated[position:])
    result = "".join(pieces)
    try:
        re.compile(result)
    except re.error:
        return None
    return result


def _inside_class(pattern: str, index: int) -> bool:
    """Whether ``index`` falls inside a ``[...]`` character class (escapes respected)."""
    depth, i = 0, 0
    while i < index:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        i += 1
    return depth > 0


def _category_ranges(category: str) -> str | None:
    """Code point ranges of a Unicode general category (``L``) or subcategory (``Lu``)."""
    if not (1 <= len(category) <= 2 and category[0] in "CLMNPSZ"):
        return None
    ranges: list[tuple[int, int]] = []
    for start, end, name in _category_runs():
        if name.startswith(category):
            if ranges and ranges[-1][1] == start - 1:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return "".join(_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in ranges)


@lru_cache(maxsize=1)
def _category_runs() -> list[tuple[int, int, str]]:
    """Maximal runs of code points sharing a general category (a 0.4 s scan, so cached on disk)."""
    runs = cached_json(f"unicode-categories-{unicodedata.unidata_version}.json", _scan_categories)
    return [(int(a), int(b), str(c)) for a, b, c in runs]


def _scan_categories() -> list[tuple[int, int, str]]:
    runs: list[tuple[int, int, str]] = []
    category = unicodedata.category
    run_start, run_category = 0, category("\x00")
    for code in range(1, sys.maxunicode + 1):
        current = category(chr(code))
        if current != run_category:
            runs.append((run_start, code - 1, run_category))
            run_start, run_category = code, current
    runs.append((run_start, sys.maxunicode, run_category))
    return runs


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
