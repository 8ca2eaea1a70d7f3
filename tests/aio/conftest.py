"""The async client's suite: runs in .venv-aio (aiobotocore and the older botocore it pins) against the
committed generated/ package. Loaded without tests/conftest.py (scripts/test passes --confcutdir)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

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
    """An aiobotocore session with test credentials, reading no profile or environment of the machine."""
    result = get_session()
    result.set_credentials("testing", "testing")
    return result


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


async def raw_client(endpoint: str | None = None) -> AsyncIterator[Any]:
    from aiobotocore.config import AioConfig

    config = AioConfig(retries={"total_max_attempts": 1})
    async with session().create_client(
        "sagemaker", region_name="us-east-1", endpoint_url=endpoint, config=config
    ) as client:
        yield client
