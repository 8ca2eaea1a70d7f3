"""The model's HTML documentation as plain text, and escaped for where it goes.

The model's documentation is HTML (``<p>``, ``<ul><li>``, ``<a href>``,
``<code>``, ``<note>``...). Users read it in an editor's hover, so it becomes
wrapped plain text: paragraphs, ``-`` bullets, and links as ``text (url)``.
Nothing in it is trusted: control characters, line separators, triple
quotes and backslashes are neutralised before it is placed in a docstring or
a comment.
"""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

from codegen import unicode_categories

WIDTH = 79
_BLOCK_TAGS = frozenset(
    {"p", "div", "note", "important", "para", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "table", "tr", "pre"}
)


# The tags that shape plain text: blocks, lists and their items, line breaks and links. Any other
# (code, b, i, span...) is read and dropped: the text on either side of it runs on.
_SHAPING_TAGS = _BLOCK_TAGS | {"ul", "ol", "li", "br", "a"}


class _Tokens(HTMLParser):
    """("start"|"end", tag, href) for each tag that shapes the text, ("data", text, "") for the text
    between two of them (html.parser's reading: tag and attribute names case-insensitive, entities
    unescaped, comments and declarations skipped, a "<" that starts no tag is text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[str, str, str]] = []
        self._pieces: list[str] = []  # the text since the last shaping tag

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SHAPING_TAGS:
            self._tag("start", tag, dict(attrs).get("href") or "")  # the last href wins

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)  # <br/>: a start and an end

    def handle_endtag(self, tag: str) -> None:
        if tag in _SHAPING_TAGS:
            self._tag("end", tag, "")

    def handle_data(self, data: str) -> None:
        self._pieces.append(data)

    def _tag(self, kind: str, tag: str, href: str) -> None:
        self._flush()
        self.tokens.append((kind, tag, href))

    def _flush(self) -> None:
        if self._pieces:
            self.tokens.append(("data", "".join(self._pieces), ""))
            self._pieces = []

    def close(self) -> None:
        super().close()
        self._flush()


def _tokens(text: str) -> list[tuple[str, str, str]]:
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    return parser.tokens


def html_to_text(markup: str) -> str:
    """Readable, wrapped plain text; paragraphs separated by blank lines, list items together."""
    return _read_markup(_neutralise(markup))


def _read_markup(text: str) -> str:
    """Any markup, tag by tag: paragraphs and other blocks, nested and numbered lists, line breaks, links."""
    blocks: list[tuple[str, str]] = []  # (prefix for the first line, text)
    words: list[str] = []
    prefix = ""
    lists: list[list[int]] = []  # one counter per open list; -1 for <ul>
    links: list[tuple[str, int]] = []  # (href, where the link's text starts in words)

    def flush() -> None:
        nonlocal words, prefix
        text = " ".join("".join(words).split())
        words = []
        links[:] = [(href, 0) for href, _ in links]  # a link's text, if it runs on, starts the next block
        if text:  # an empty block (whitespace between tags) keeps a pending bullet
            blocks.append((prefix, text))
            prefix = "  " * len(lists) if lists else ""

    for kind, value, href in _tokens(text):
        if kind == "data":
            words.append(value)
        elif value == "a":
            if kind == "start":
                links.append((href, len(words)))
            elif links:
                href, start = links.pop()
                label = "".join(words[start:]).strip()
                if href and href != label:
                    words.append(f" ({href})" if label else href)
        elif value == "li":
            flush()
            if kind == "start":
                counter = lists[-1] if lists else [-1]
                if counter[0] >= 0:
                    counter[0] += 1
                prefix = "  " * max(len(lists) - 1, 0) + (f"{counter[0]}. " if counter[0] >= 0 else "- ")
        elif value in ("ul", "ol"):
            flush()
            if kind == "start":
                lists.append([-1 if value == "ul" else 0])
            else:
                if lists:
                    lists.pop()
                prefix = ""
        elif kind == "start" or value != "br":  # a block, or a line break (html.parser's </br> is none)
            flush()
    flush()
    out: list[str] = []
    previous_was_item = False
    for first, text in blocks:
        is_item = bool(first)
        if out and not (is_item and previous_was_item):
            out.append("")  # items of a list stay together; other blocks are set off by a blank line
        out.append(fill(text, WIDTH, first))
        previous_was_item = is_item
    return "\n".join(out)


_NEUTRALISED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
# ASCII control characters other than the newline, and every non-ASCII character: only these
# can be in a neutralised category, and documentation is mostly ASCII, so the category
# lookup runs on few characters (the whole SageMaker model's docs: 3.4 million characters).
_SUSPECT = re.compile(r"[^\n\x20-\x7e]")


def fill(text: str, width: int, prefix: str = "") -> str:
    """``text`` wrapped at ``width`` with ``prefix`` before the first line and as many spaces before the
    others, never breaking a word (a URL) nor at its hyphens."""
    return textwrap.fill(
        text,
        width,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _neutralise(text: str) -> str:
    """Line breaks become plain newlines; other control and separator characters spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SUSPECT.sub(_space_if_invisible, text)


def _space_if_invisible(match: re.Match[str]) -> str:
    char = match.group()
    return " " if unicode_categories.category(char) in _NEUTRALISED_CATEGORIES else char


def docstring(text: str) -> str:
    """``text`` safe between triple double quotes (the quotes are not included).

    Backslashes are doubled; a run of three or more double quotes, or a run at
    the very end, has each quote escaped. Shorter runs stay readable.
    """
    escaped = _neutralise(text).replace("\\", "\\\\")
    if '"' not in escaped:
        return escaped
    end = len(escaped)
    return _QUOTES.sub(
        lambda run: run.group() if len(run.group()) < 3 and run.end() != end else '\\"' * len(run.group()),
        escaped,
    )


_QUOTES = re.compile(r'"+')


def comment(text: str) -> list[str]:
    """``text`` as comment lines (without the leading ``#``)."""
    return [line.rstrip() for line in _neutralise(text).split("\n")]
