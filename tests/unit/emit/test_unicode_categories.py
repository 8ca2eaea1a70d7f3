"""The generator's Unicode table: the generated package does not depend on the Python that generates it."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen import unicode_categories
from codegen.model import patterns
from codegen.generate import GenerateOptions, build
from tests.conftest import EDGE_CASE_MODEL

SAME_VERSION = unicodedata.unidata_version == unicode_categories.UNICODE_VERSION
only_on_its_python = pytest.mark.skipif(
    not SAME_VERSION, reason=f"this Python's Unicode is {unicodedata.unidata_version}, the table's another"
)


@only_on_its_python
def test_the_table_is_the_unicode_version_it_names() -> None:
    assert unicode_categories.category_runs() == tuple(unicode_categories.scan())


@only_on_its_python
@given(st.characters(codec=None))
def test_category_is_unicodedatas_for_that_version(char: str) -> None:
    assert unicode_categories.category(char) == unicodedata.category(char)


def test_the_table_covers_every_code_point_once() -> None:
    runs = unicode_categories.category_runs()
    assert runs[0][0] == 0 and runs[-1][1] == 0x10FFFF
    assert all(previous[1] + 1 == run[0] and run[0] <= run[1] for previous, run in zip(runs, runs[1:]))


@pytest.mark.parametrize("source", ["installed", str(EDGE_CASE_MODEL)], ids=["pinned", "edge-case"])
def test_generating_reads_no_unicode_data_of_the_running_python(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    """As on a Python whose Unicode tables say something else of every character: the same package. The
    pinned model has \\p{L} patterns (TagKey), the edge-case model control and format characters in its docs."""
    expected = build(GenerateOptions(source=source), formatted=False)[1]
    monkeypatch.setattr(unicodedata, "category", lambda char: "Cn")
    monkeypatch.setattr(unicodedata, "unidata_version", "99.0.0")
    patterns._category_ranges.cache_clear()
    try:
        assert build(GenerateOptions(source=source), formatted=False)[1] == expected
    finally:
        patterns._category_ranges.cache_clear()


def test_the_package_records_the_tables_unicode_version(pinned_files: dict[str, str]) -> None:
    source = pinned_files["sagemaker_automl/_source.py"]
    assert f'UNICODE_VERSION = "{unicode_categories.UNICODE_VERSION}"' in source
