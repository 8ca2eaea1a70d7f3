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
from functools import lru_cache
from html.parser import HTMLParser

from codegen import unicode_categories
from codegen.model.ir import EnumShape, Structure, Union

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


def shape_docs(shape: Structure | Union | EnumShape, error: bool = False) -> str:
    """A shape's documentation as plain text; where the model has none, what the shape holds (a
    placeholder such as "The X structure." would tell a reader nothing the class name does not)."""
    text = html_to_text(shape.docs)
    if text:
        return text
    if error:
        summary = f"{shape.name}: an error the service returns."
    elif isinstance(shape, EnumShape):
        summary = f"{shape.name}: one of {_listed([repr(v.value) for v in shape.values])}."
    elif not shape.members:
        summary = f"{shape.name}: no members."
    elif isinstance(shape, Union):
        summary = f"{shape.name}: exactly one of {_listed([m.wire_name for m in shape.members])}."
    else:
        summary = f"{shape.name}: {_listed([m.wire_name for m in shape.members])}."
    return fill(" ".join(_neutralise(summary).split()), WIDTH)


def _listed(items: list[str], shown: int = 8) -> str:
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")


@lru_cache(maxsize=None)  # the same text documents many members and is asked for by several modules
def html_to_text(markup: str) -> str:
    """Readable, wrapped plain text; paragraphs separated by blank lines, list items together."""
    text = _neutralise(markup)
    return _paragraphs(text) if _only_paragraphs_and_code(text) else _read_markup(text)


# Most documentation is paragraphs and inline code, nothing else (5,400 of the 6,400 strings of the
# SageMaker model): read with a few C-level passes instead of by html.parser, in a fifth of the time
# (0.1 s of a whole-SageMaker run). A property test holds it to the tag-by-tag reading.
_PARAGRAPH_OR_CODE = re.compile(r"</?(?:p|code)>")
_CODE = re.compile(r"</?code>")
_PARAGRAPH = re.compile(r"</?p>")


def _only_paragraphs_and_code(text: str) -> bool:
    """Whether every ``<`` starts one of ``<p>``, ``</p>``, ``<code>``, ``</code>``, and no ``&`` an entity."""
    return "&" not in text and "<" not in _PARAGRAPH_OR_CODE.sub("", text)


def _paragraphs(text: str) -> str:
    """What ``_read_markup`` makes of text whose only tags are paragraphs and inline code."""
    blocks = (" ".join(block.split()) for block in _PARAGRAPH.split(_CODE.sub("", text)))
    return "\n\n".join(fill(block, WIDTH) for block in blocks if block)


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
    """``textwrap.fill`` for text whose words are separated by single spaces, with ``prefix`` before the
    first line and as many spaces before the others, without breaking long words or at hyphens: the
    same greedy lines in a tenth of textwrap's time (it wraps every paragraph of the model: the whole
    SageMaker model took 0.25 s longer with textwrap, a quarter of a run). A property test holds it
    equal to textwrap."""
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
