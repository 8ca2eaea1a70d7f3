from __future__ import annotations

import ast
from collections.abc import Iterable
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen.emit import docs
from codegen.model.load import load_model


def test_html_becomes_readable_text() -> None:
    html = (
        '<p>See <a href="https://x.example/doc">the guide</a> and <code>Foo</code>.</p> <ul> '
        "<li> <p>first</p> </li> <li>second<ul><li>nested</li></ul></li> </ul> <note><p>A note &amp; more.</p></note>"
    )
    assert docs.html_to_text(html) == (
        "See the guide (https://x.example/doc) and Foo.\n\n- first\n- second\n  - nested\n\nA note & more."
    )


def test_long_text_is_wrapped_without_breaking_urls() -> None:
    url = "https://example.com/" + "a" * 100
    text = docs.html_to_text(f"<p>{'word ' * 30}<a href='{url}'>{url}</a></p>")
    assert url in text.split()
    assert all(len(line) <= docs.WIDTH for line in text.splitlines() if url not in line)


def test_a_link_whose_text_runs_into_the_next_paragraph_keeps_its_url_apart() -> None:
    # The URL used to be glued to the text ("and its indexhttps://x.example").
    markup = 'See <a href="https://x.example">the guide<p>and its index</a>. <a href="https://y.example"><p>y</a>'
    assert docs.html_to_text(markup) == "See the guide\n\nand its index (https://x.example).\n\ny (https://y.example)"


@given(st.text())
def test_any_text_is_safe_inside_a_docstring(text: str) -> None:
    source = f'def f():\n    """{docs.docstring(docs.html_to_text(text))}"""\n'
    tree = ast.parse(source)
    assert isinstance(tree.body[0], ast.FunctionDef)
    assert len(tree.body[0].body) == 1  # nothing escaped the docstring


@given(st.text())
def test_any_text_is_safe_as_comments(text: str) -> None:
    lines = "\n".join(f"# {line}" for line in docs.comment(text))
    assert ast.parse(lines + "\nx = 1\n").body[0].lineno == len(lines.splitlines()) + 1


@given(st.text(alphabet=st.sampled_from(['"', "\\", "a", "'", "\n", "N", "{"]) | st.characters()))
def test_docstring_escaping_round_trips(text: str) -> None:
    assert ast.literal_eval('"""' + docs.docstring(text) + '"""') == docs._neutralise(text)


WORDS = st.lists(st.text(min_size=1, max_size=30)) | st.lists(
    st.sampled_from(["a", "bb", "ccc-dd", "https://x.example/" + "e" * 80]), max_size=60
)


@given(WORDS, st.integers(0, 6), st.integers(1, 100))
def test_fill_wraps_as_textwrap_does(words: list[str], indent: int, width: int) -> None:
    import textwrap

    text = " ".join(" ".join(words).split())  # single spaces between words, as html_to_text makes them
    prefix = "- ".rjust(indent) if indent else ""
    expected = textwrap.fill(
        text,
        width,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix),
        break_long_words=False,
        break_on_hyphens=False,
    )
    assert docs.fill(text, width, prefix) == expected


class _HtmlParserTokens(HTMLParser):
    """The reference reading of the markup: what html.parser reports, as docs._tokens reports it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", tag, dict(attrs).get("href") or ""))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("end", tag, ""))

    def handle_data(self, data: str) -> None:
        self.tokens.append(("data", data, ""))


def _joined(tokens: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Adjacent text pieces as one (where a parser splits text does not change the output)."""
    out: list[tuple[str, str, str]] = []
    for token in tokens:
        if token[0] == "data" and out and out[-1][0] == "data":
            out[-1] = ("data", out[-1][1] + token[1], "")
        elif token != ("data", "", ""):
            out.append(token)
    return out


def _reference_tokens(markup: str) -> list[tuple[str, str, str]]:
    """html.parser's tokens, less the tags that do not shape plain text (code, b...): docs._tokens reads
    and drops those."""
    parser = _HtmlParserTokens()
    parser.feed(markup)
    parser.close()
    return _joined(token for token in parser.tokens if token[0] == "data" or token[1] in docs._SHAPING_TAGS)


def _documentation(service: str) -> set[str]:
    """Every documentation string of a service's installed model (shapes, members, operations), neutralised."""
    model = load_model("installed", service).model
    texts = {model.shape(n).docs for n in model.shape_names}
    texts |= {m.docs for n in model.shape_names for m in model.shape(n).members.values()}
    texts |= {model.operation(n).docs for n in model.operation_names}
    return {docs._neutralise(text) for text in texts}


def test_the_pinned_models_documentation_is_read_as_html_parser_reads_it() -> None:
    texts = _documentation("sagemaker")
    assert len(texts) > 1000
    for text in texts:
        assert _joined(docs._tokens(text)) == _reference_tokens(text), text


@pytest.mark.slow
def test_every_services_documentation_is_read_as_html_parser_reads_it() -> None:
    from tests.test_services import all_services

    differing = {}
    for service in all_services():
        for text in _documentation(service):
            if _joined(docs._tokens(text)) != _reference_tokens(text):
                differing.setdefault(service, text[:200])
    assert differing == {}


MARKUP_PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<P >", "<code>", "</code>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
        "<br/>", "<br>", "<note>", "</note>", '<a href="https://x.example/a?b=1&amp;c=2">', "<a href='u>v'>",
        "<a title=t href=plain>", '<a HREF="X" href="y">', "<a>", "</a>", "<!-- a comment -->", "<!DOCTYPE x>",
        "&amp;", "&lt;", "&#39;", "&nbsp;", "&bogus;", "text", "two words", " ", "\n", " < ", ">", "&", "< p>",
        "<3", "</ >", "</>", '"', "'", "=", "/",
    ]
)  # fmt: skip


@given(st.lists(MARKUP_PIECES, max_size=30).map("".join))
def test_markup_is_read_as_html_parser_reads_it(markup: str) -> None:
    """Well-formed tags among any text. (Malformed tags, "<a 'b>", may be read differently: html.parser's
    recovery rules are its own; such text only has to stay safe, which the tests above check.)"""
    assert _joined(docs._tokens(markup)) == _reference_tokens(markup)


# Only paragraphs, inline code and text: what the quick reading is for.
PLAIN_PARAGRAPH_PIECES = st.sampled_from(
    ["<p>", "</p>", "<code>", "</code>", "text", "two words", " ", "\n", "\u2028", "x" * 90, "p>", "de>", ">"]
)  # fmt: skip
# The same among what must send markup to the tag-by-tag reading: other tags, stray "<", entities.
PARAGRAPH_PIECES = PLAIN_PARAGRAPH_PIECES | st.sampled_from(
    ["<P>", "<p >", "<", "<co", "<b>", "<li>", "&", "&amp;", "&am", "p;"]
)  # fmt: skip


@given(st.lists(PLAIN_PARAGRAPH_PIECES, max_size=40).map("".join))
def test_paragraphs_and_code_are_read_quickly_as_the_tag_by_tag_reading_reads_them(markup: str) -> None:
    text = docs._neutralise(markup)
    assert docs._only_paragraphs_and_code(text)
    assert docs._paragraphs(text) == docs._read_markup(text)


@given(st.lists(PARAGRAPH_PIECES, max_size=40).map("".join))
def test_whichever_reading_markup_takes_the_text_is_the_tag_by_tag_readings(markup: str) -> None:
    assert docs.html_to_text(markup) == docs._read_markup(docs._neutralise(markup))
