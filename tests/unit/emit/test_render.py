"""Pieces of the render stage tested on their own."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from codegen.emit.render import toml_string


@given(
    st.text(alphabet=st.characters() | st.sampled_from(["\ud800", "\udfff", "\x7f", "\x00", '"', "\\", "\U0001f600"]))
)
def test_any_text_is_a_valid_toml_string_that_reads_back(text: str) -> None:
    """Lone surrogates, which no TOML string may hold, become U+FFFD; everything else reads back as it was."""
    assert tomllib.loads(f"x = {toml_string(text)}\n")["x"] == "".join(
        "\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text
    )
