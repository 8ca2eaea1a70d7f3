"""The async client's suite: runs in .venv-aio (aiobotocore and the older botocore it pins) against the
committed generated/ package. Loaded without tests/conftest.py (scripts/test passes --confcutdir)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "generated"))
sys.path.insert(0, str(ROOT))

from tests.fixtures.automl import moto_server  # noqa: E402

from aiobotocore.session import AioSession, get_session  # noqa: E402


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    with moto_server() as endpoint:
        yield endpoint


def session() -> AioSession:
    """An aiobotocore session with test credentials: none of the machine's are looked up."""
    result = get_session()
    result.set_credentials("testing", "testing")
    return result
