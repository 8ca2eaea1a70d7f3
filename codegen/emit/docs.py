"""The model's HTML documentation as plain text, and escaped for where it goes.

The model's documentation is HTML (``<p>``, ``<ul><li>``, ``<a href>``,
``<code>``, ``<note>``...). Users read it in an editor's hover, so it becomes
wrapped plain text: paragraphs, ``-`` bullets, and links as ``text (url)``.
Nothing in it is trusted: control characters, line separators, triple
quotes and backslashes are neutralised before it is placed in a docstring or
a comment.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

WIDTH = 79
_BLOCK_TAGS = frozenset(
    {"p", "div", "note", "important", "para", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "table", "tr", "pre"}
)


# The markup the model's documentation holds, read the way html.parser reads it (tag and
# attribute names case-insensitive, quoted attribute values may hold ">", comments and
# declarations skipped, a "<" that starts no tag is text), in well under half its time
# (every service's documentation: 3.0 s against 7.7 s). The tests compare the two on every
# documentation string of the pinned model, and of every service in the slow sweep.
_MARKUP = re.compile(
    r"""<(?:([a-zA-Z][^\t\n\r\f />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"""  # a start tag, quotes may hold ">"
    r"""|/([a-zA-Z][^\t\n\r\f />]*)?[^>]*>"""  # an end tag (without a name: ignored)
    r"""|!--.*?--!?>|[!?][^>]*>)""",  # a comment, declaration or processing instruction: ignored
    re.DOTALL,
)
_HREF = re.compile(r"""(?:^|[\s/"'])href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]*))""", re.IGNORECASE)


def _tokens(text: str) -> Iterator[tuple[str, str, str]]:
    """("start"|"end", tag, href) for each tag, ("data", text, "") for the text between them."""
    position = 0
    for match in _MARKUP.finditer(text):
        if match.start() > position:
            yield "data", _unescape(text[position : match.start()]), ""
        position = match.end()
        start, attributes, end = match.groups()
        if end:
            yield "end", end.lower(), ""
        elif start:
            hrefs = _HREF.findall(attributes)
            # the last href wins, as in dict(attrs)
            yield "start", start.lower(), _unescape("".join(hrefs[-1])) if hrefs else ""
            if attributes.endswith("/"):  # <br/>: a start and an end
                yield "end", start.lower(), ""
    if position < len(text):
        yield "data", _unescape(text[position:]), ""


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


class _TextCollector:
    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []  # (prefix for the first line, text)
        self._words: list[str] = []
        self._prefix = ""
        self._lists: list[list[int]] = []  # one counter per open list; -1 for <ul>
        self._href: list[str] = []
        self._link_text: list[int] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._words).split())
        self._words = []
        if not text:
            return  # an empty block (whitespace between tags) keeps a pending bullet
        self.blocks.append((self._prefix, text))
        self._prefix = "  " * max(len(self._lists) - 1, 0) + "  " if self._lists else ""

    def handle_starttag(self, tag: str, href: str) -> None:
        if tag in _BLOCK_TAGS or tag == "br":
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self._lists.append([-1 if tag == "ul" else 0])
        elif tag == "li":
            self._flush()
            depth = max(len(self._lists) - 1, 0)
            counter = self._lists[-1] if self._lists else [-1]
            if counter[0] >= 0:
                counter[0] += 1
                self._prefix = "  " * depth + f"{counter[0]}. "
            else:
                self._prefix = "  " * depth + "- "
        elif tag == "a":
            self._href.append(href)
            self._link_text.append(len(self._words))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS or tag == "li":
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            if self._lists:
                self._lists.pop()
            self._prefix = ""
        elif tag == "a" and self._href:
            href, start = self._href.pop(), self._link_text.pop()
            label = "".join(self._words[start:]).strip()
            if href and href != label:
                self._words.append(f" ({href})" if label else href)

    def handle_data(self, data: str) -> None:
        self._words.append(data)


def html_to_text(markup: str) -> str:
    """Readable, wrapped plain text; paragraphs separated by blank lines."""
    collector = _TextCollector()
    for kind, value, href in _tokens(_neutralise(markup)):
        if kind == "data":
            collector.handle_data(value)
        elif kind == "start":
            collector.handle_starttag(value, href)
        else:
            collector.handle_endtag(value)
    collector._flush()
    paragraphs = []
    for prefix, text in collector.blocks:
        paragraphs.append(fill(text, WIDTH, prefix))
    # Items of a list stay together; every other block is set off by a blank line.
    out: list[str] = []
    previous_was_item = False
    for (prefix, _), paragraph in zip(collector.blocks, paragraphs):
        is_item = bool(prefix)
        if out and not (is_item and previous_was_item):
            out.append("")
        out.append(paragraph)
        previous_was_item = is_item
    return "\n".join(out)


_NEUTRALISED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
# ASCII control characters other than the newline, and every non-ASCII character: only these
# can be in a neutralised category, and documentation is mostly ASCII, so the category
# lookup runs on few characters (the whole SageMaker model's docs: 3.4 million characters).
_SUSPECT = re.compile(r"[^\n\x20-\x7e]")


def fill(text: str, width: int, prefix: str = "") -> str:
    """``textwrap.fill`` for text whose words are separated by single spaces, with ``prefix`` before the
    first line and as many spaces before the others, without breaking long words or at hyphens: the
    same greedy lines in a twentieth of the time (it runs on every paragraph of the model)."""
    lines = _greedy_lines(max(width - len(prefix), 1)).findall(text)
    return prefix + ("\n" + " " * len(prefix)).join(lines) if lines else ""


@lru_cache(maxsize=None)
def _greedy_lines(room: int) -> re.Pattern[str]:
    """A line: as many words as fit in ``room`` characters (the longest run that ends before a space or at
    the end), or else one word longer than that, alone; the space after it is not part of it."""
    return re.compile(f"(.{{1,{room}}}(?= |\\Z)|[^ ]+) ?")


def _neutralise(text: str) -> str:
    """Line breaks become plain newlines; other control and separator characters spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SUSPECT.sub(_space_if_invisible, text)


def _space_if_invisible(match: re.Match[str]) -> str:
    char = match.group()
    return " " if unicodedata.category(char) in _NEUTRALISED_CATEGORIES else char


def docstring(text: str) -> str:
    """``text`` safe between triple double quotes (the quotes are not included).

    Backslashes are doubled; a run of three or more double quotes, or a run at
    the very end, has each quote escaped. Shorter runs stay readable.
    """
    escaped = _neutralise(text).replace("\\", "\\\\")
    end = len(escaped)
    return re.sub(
        r'"+',
        lambda run: run.group() if len(run.group()) < 3 and run.end() != end else '\\"' * len(run.group()),
        escaped,
    )


def comment(text: str) -> list[str]:
    """``text`` as comment lines (without the leading ``#``)."""
    return [line.rstrip() for line in _neutralise(text).split("\n")]
