from __future__ import annotations

import ast

from hypothesis import given
from hypothesis import strategies as st

from codegen.emit import docs


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


def test_markup_is_read_as_html_parser_reads_it() -> None:
    """Tag and attribute names in any case, the last href, entities, comments, a "<" that starts no tag."""
    markup = "<P>a &amp; b<!-- gone --> <A title=t HREF=\"X\" href='y>z'>link</a> 1 < 2<br/>next</p>"
    assert docs.html_to_text(markup) == "a & b link (y>z) 1 < 2\n\nnext"


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
