"""The model's Java-style regular expressions, translated for Python's ``re``.

AWS validates ``pattern`` constraints with Java's regex engine, matching the
whole value. Python's ``re`` lacks some of Java's syntax; this module
translates what the SageMaker model uses:

* ``\\p{L}``, ``\\p{N}``, ``\\p{Z}``... (Unicode general categories) become
  explicit code point ranges, from the generator's own Unicode table
  (``unicode_categories``: the same ranges on every Python);
* ``\\p{Alnum}``, ``\\p{Alpha}``, ``\\p{Digit}``... (POSIX classes, ASCII-only
  in Java) become their ASCII ranges;
* ``\\uD800\\uDC00-\\uDBFF\\uDFFF`` (Java's surrogate-pair notation for the
  supplementary planes) becomes ``\\U00010000-\\U0010FFFF``.

A pattern that still does not compile (``\\P{..}`` inside a class, Java-only
constructs) is reported as untranslatable: its check is skipped, and the
generated table says so, rather than rejecting valid values.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from codegen.model.automata import Undecided, parse
from codegen.model.backtracking import backtracks
from codegen.model.dfa import Dfa, dfa
from codegen.unicode_categories import category_runs

POSIX_CLASSES = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7f",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": "!-/:-@\\[-`{-~",
    "Graph": "!-~",
    "Print": " -~",
    "Blank": " \\t",
    "Cntrl": "\\x00-\\x1f\\x7f",
    "XDigit": "0-9a-fA-F",
    "Space": " \\t\\n\\x0b\\f\\r",
}
_SURROGATE_PAIR_RANGE = "\\uD800\\uDC00-\\uDBFF\\uDFFF"
_PROPERTY = re.compile(r"\\([pP])\{(\w+)\}")
# re's parser (and the compiler's limit on a look-behind's width): private modules with no stubs.
_RE_PARSER: Any = importlib.import_module("re._parser")
_MAXCODE: int = importlib.import_module("re._compiler").MAXCODE


# Model patterns whose nested repetition makes a backtracking engine (Java's or Python's)
# take exponential time on a value that almost matches (seconds for 30 characters), each
# with an equivalent pattern that matches in linear time. tests/unit/emit/test_patterns.py proves each
# pair equivalent on generated strings, and runs every pattern of the whole SageMaker model
# against adversarial values: a new slow pattern fails there and belongs here.
LINEAR_EQUIVALENTS: dict[str, str] = {
    # A first character, then 0-39 pieces of [-a-z0-9]* ending in [a-z0-9]: one piece can
    # always stand for several, so this is "a name that ends in [a-z0-9]".
    "[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?": "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?",
    # 3-1016 pieces of C+ with an optional "/" after each: runs of C separated by single
    # slashes (1-1016 runs), an optional final slash, and at least 3 characters of C.
    "https://([.\\-_a-zA-Z0-9]+/?){3,1016}": "https://(?=(?:/*[.\\-_a-zA-Z0-9]){3})[.\\-_a-zA-Z0-9]+(?:/[.\\-_a-zA-Z0-9]+){0,1015}/?",
}


def translate(pattern: str) -> str | None:
    """A Python pattern equivalent to ``pattern``, or None if it cannot be translated."""
    both = _translate(pattern)
    return both[0] if both else None


def checked_pattern(pattern: str, min_length: float | None, max_length: float | None) -> str | None:
    """What the validator checks a string against: the translation, or None when there is none, or when
    no string within the shape's length bounds can match (the model contradicts itself: apprunner's
    ``ServiceId`` is exactly 32 characters with a 36-character UUID pattern, and real ids are 32 hex
    digits, so the service evidently does not enforce that pattern; neither may the validator)."""
    translated = _translate(pattern)
    if translated is None:
        return None
    python_pattern, (shortest, longest) = translated
    if (max_length is not None and shortest > max_length) or (min_length is not None and longest < min_length):
        return None
    return python_pattern


@lru_cache(maxsize=None)
def pattern_check(pattern: str, min_length: float | None, max_length: float | None) -> tuple[str, Dfa | None] | None:
    """How the validator checks a string against ``pattern``: its Python translation, with the
    deterministic automaton to run instead of re where re's backtracking could take more than linear
    time (``backtracking.backtracks``); None where it does not check it (no translation, a
    contradiction with the length bounds, or a pattern too slow for re and too large an automaton)."""
    checked = checked_pattern(pattern, min_length, max_length)
    if checked is None:
        return None
    if not backtracks(checked):
        return checked, None
    try:
        return checked, dfa(checked)
    except Undecided:
        return None


@lru_cache(maxsize=None)
def _translate(pattern: str) -> tuple[str, tuple[int, int]] | None:
    """The Python translation of ``pattern`` and the shortest and longest string it matches, or None."""
    translated = _class_set_operations(
        LINEAR_EQUIVALENTS.get(pattern, pattern).replace(_SURROGATE_PAIR_RANGE, "\\U00010000-\\U0010FFFF")
    )
    if translated is None:
        return None
    # Whether the pattern compiles is checked on a skeleton in which a long list of ranges
    # becomes one range from its first to its last code point: what stands next to the list
    # meets the same characters, and compiling thousands of category ranges is slow.
    pieces: list[str] = []
    skeleton: list[str] = []
    position = 0
    for match in _PROPERTY.finditer(translated):
        negated, name = match.group(1) == "P", match.group(2)
        ranges = POSIX_CLASSES.get(name) or _category_ranges(name)
        if ranges is None:
            return None
        inside_class = _inside_class(translated, match.start())
        if inside_class and negated:
            return None
        for out, replacement in ((pieces, ranges), (skeleton, _skeleton(ranges))):
            out.append(translated[position : match.start()])
            out.append(replacement if inside_class else f"[{'^' if negated else ''}{replacement}]")
        position = match.end()
    pieces.append(translated[position:])
    skeleton.append(translated[position:])
    widths = compiled_widths("".join(skeleton))
    return ("".join(pieces), widths) if widths else None


def compiled_widths(pattern: str) -> tuple[int, int] | None:
    """The shortest and longest string ``pattern`` matches, or None if ``re.compile`` rejects it.

    Only parsed, not compiled: compiling spends its time building character sets, and of
    the compiler's checks only the one on look-behinds can fail on a pattern that parsed (the
    tests compare the two verdicts on generated patterns)."""
    try:
        parsed = parse(pattern)
    except re.error:
        return None
    # Only a pattern that writes a look-behind has one (the walk costs as much as the parse).
    if ("(?<=" in pattern or "(?<!" in pattern) and not _fixed_width_lookbehinds(parsed):
        return None
    shortest, longest = parsed.getwidth()
    return int(shortest), int(longest)


def _fixed_width_lookbehinds(parsed: Any) -> bool:
    """Whether every look-behind in a parsed pattern has one width, as the compiler demands."""
    for op, argument in parsed:
        if op in (_RE_PARSER.ASSERT, _RE_PARSER.ASSERT_NOT) and argument[0] < 0:
            shortest, longest = argument[1].getwidth()
            if shortest != longest or shortest > _MAXCODE:
                return False
        if not all(_fixed_width_lookbehinds(inner) for inner in _subpatterns(argument)):
            return False
    return True


def _subpatterns(argument: Any) -> Iterator[Any]:
    if isinstance(argument, _RE_PARSER.SubPattern):
        yield argument
    elif isinstance(argument, (tuple, list)):
        for item in argument:
            yield from _subpatterns(item)


_ESCAPED_CODE_POINT = r"(\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})"
_LONG_RANGES = re.compile(f"^{_ESCAPED_CODE_POINT}.*?{_ESCAPED_CODE_POINT}$", re.DOTALL)


def _skeleton(ranges: str) -> str:
    long = _LONG_RANGES.match(ranges) if len(ranges) > 64 else None
    return f"{long.group(1)}-{long.group(2)}" if long else ranges


def _class_set_operations(pattern: str) -> str | None:
    """``pattern`` with what Java and Python read alike inside a character class, or None where they
    differ. Java nests classes (``[a-z[0-9]]``, a union) and intersects them (``[\\p{Print}&&[^|:/]]``,
    printable but not ``|``, ``:`` or ``/``), where Python reads ``[`` and ``&&`` as characters:
    such a pattern is not translated (it would refuse valid values). A doubled ``|`` or ``~`` is two
    characters in both, but Python warns that it may become an operator: inside a class such a pair
    is escaped."""
    out: list[str] = []
    class_start = -1  # where the class being read opened; -1 outside one
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if class_start < 0:
            if char == "[":
                class_start = i
        elif char == "[":
            return None  # a class inside a class: Java's union
        elif char == "&" and pattern[i + 1 : i + 2] == "&":
            return None  # Java's intersection
        elif char == "]":
            first = class_start + (2 if pattern[class_start + 1 : class_start + 2] == "^" else 1)
            if i > first:  # a "]" that comes first in a class is a character
                class_start = -1
        elif char in "|~" and char in (pattern[i - 1], pattern[i + 1 : i + 2]):
            char = "\\" + char
        out.append(char)
        i += 1
    return "".join(out)


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


@lru_cache(maxsize=None)
def _category_ranges(category: str) -> str | None:
    """Code point ranges of a Unicode general category (``L``) or subcategory (``Lu``)."""
    if not (1 <= len(category) <= 2 and category[0] in "CLMNPSZ"):
        return None
    ranges: list[tuple[int, int]] = []
    for start, end, name in category_runs():
        if name.startswith(category):
            if ranges and ranges[-1][1] == start - 1:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return "".join(_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in ranges)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
