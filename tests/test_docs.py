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


@given(WORDS, st.integers(0, 6), st.integers(20, 100))
def test_fill_wraps_as_textwrap_does(words: list[str], indent: int, width: int) -> None:
    import textwrap

    text = " ".join(" ".join(words).split())  # single spaces between words, as html_to_text makes them
    first, rest = "- ".rjust(indent), " " * indent
    expected = textwrap.fill(
        text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )
    assert docs.fill(text, width, first, rest) == expected
