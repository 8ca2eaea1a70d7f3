"""The async typed client's machinery over aiobotocore: the I/O of ``_client``, awaited.

Copied verbatim into every generated package (automl-codegen's runtime source).
Validation, error translation, the version check and the paginator and waiter
rules are ``_client``'s; only calling, paging, sleeping and closing differ.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from time import monotonic
from types import TracebackType
from typing import Any

from ._runtime import missing_extra

# Imported by name, as _client imports botocore: a type checker never reads aiobotocore's stubs
# for an application that uses the async client.
try:
    _aiobotocore_session: Any = importlib.import_module("aiobotocore.session")
    _aiobotocore_config: Any = importlib.import_module("aiobotocore.config")
except ModuleNotFoundError as missing:
    raise missing_extra(missing, "aiobotocore", f"{__package__}.aio", "aio") from None

from typing_extensions import Self

from ._client import (
    STUBBER_FAILURES,
    BotocoreConfig,
    BotoCoreError,
    BotocoreSession,
    ClientError,
    ClientTables,
    RetryMode,
    WaiterError,
    check_attempts,
    check_wait,
    checked,
    checked_response,
    creation_settings,
    failure,
    operation_of,
    waiter_failure,
)


class AsyncClientBase:
    """Wraps an aiobotocore client: validates requests, awaits it, translates its errors.

    Given a client, it uses it and never closes it. Otherwise it creates one on
    entering ``async with`` and closes it on leaving.
    """

    _TABLES: ClientTables

    def __init__(
        self,
        client: Any = None,
        *,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        max_attempts: int | None = None,
        retry_mode: RetryMode | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        config: BotocoreConfig | None = None,
        session: BotocoreSession | None = None,
        validate: bool = True,
    ) -> None:
        self._settings = creation_settings(
            self,
            client,
            _aiobotocore_config.AioConfig,
            region_name=region_name,
            endpoint_url=endpoint_url,
            max_attempts=max_attempts,
            retry_mode=retry_mode,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            config=config,
            session=session,
        )
        self._client = client
        self._session = session
        self._opened: Any = None  # the context manager of a client we created
        self.validate = validate

    @property
    def client(self) -> Any:
        """The aiobotocore client: the one given, or the one ``async with`` opened."""
        if self._client is None:
            name = type(self).__name__
            raise RuntimeError(
                f"{name} has no client yet: use `async with {name}(...) as client:` "
                "or pass an aiobotocore client"
            )
        return self._client

    async def __aenter__(self) -> Self:
        if self._client is None:
            session = self._session or _aiobotocore_session.get_session()
            opened = session.create_client(self._TABLES.service, **self._settings)
            self._client = await opened.__aenter__()
            self._opened = opened
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Closes the client this object created; one it was given stays open."""
        opened, self._opened = self._opened, None
        if opened is not None:
            self._client = None
            await opened.__aexit__(None, None, None)

    async def _call(self, method: str, kwargs: Mapping[str, Any]) -> Any:
        tables = self._TABLES
        if self.validate:
            checked(tables, method, kwargs)
        client = self.client
        send = operation_of(client, tables, method)
        try:
            response = await send(**kwargs)
        except (ClientError, BotoCoreError) as error:
            if isinstance(error, STUBBER_FAILURES):
                raise
            raise failure(client, tables, method, kwargs, error) from error
        if self.validate:
            checked_response(tables, method, response)
        return response

    async def _botocore_wait(
        self,
        waiter: str,
        method: str,
        kwargs: Mapping[str, Any],
        delay: float,
        max_attempts: int,
    ) -> None:
        """aiobotocore's copy of botocore's waiter ``waiter``, as in _client."""
        check_attempts(delay, max_attempts)
        if self.validate:
            checked(self._TABLES, method, kwargs)
        config = {"Delay": delay, "MaxAttempts": max_attempts}
        client = self.client
        try:
            await client.get_waiter(waiter).wait(**kwargs, WaiterConfig=config)
        except WaiterError as error:
            raise waiter_failure(waiter, error) from error
        except (ClientError, BotoCoreError) as error:
            if isinstance(error, STUBBER_FAILURES):
                raise
            raise failure(client, self._TABLES, method, kwargs, error) from error

    async def _wait(
        self,
        waiter: str,
        job_name: str,
        delay: float,
        max_wait: float,
        sleep: Callable[[float], Awaitable[None]],
        on_poll: Callable[[Any], object] | None = None,
    ) -> Any:
        check_wait(delay, max_wait)  # max_wait counts the calls, as in _client
        spec = self._TABLES.waiters[waiter]
        request = {spec.name_member: job_name}
        waited = 0.0
        while True:
            started = monotonic()
            description = await self._call(spec.operation, request)
            waited += monotonic() - started
            if on_poll is not None:
                on_poll(description)
            if spec.finished(job_name, description):
                return description
            if waited >= max_wait or waited + delay > max_wait:
                raise spec.timeout(job_name, description, waited)
            await sleep(
                delay
            )  # asyncio.sleep by default: cancelling the task ends the wait here
            waited += delay

    async def _pages(
        self, paginator: str, kwargs: Mapping[str, Any]
    ) -> AsyncIterator[Any]:
        spec = self._TABLES.paginators[paginator]
        request: dict[str, Any] | None = dict(kwargs)
        seen: set[Any] = set()
        while request is not None:
            page = await self._call(paginator, request)
            yield page
            request = spec.next_request(paginator, request, page, seen)

    async def _items(
        self, paginator: str, kwargs: Mapping[str, Any]
    ) -> AsyncIterator[Any]:
        result_key = self._TABLES.paginators[paginator].result_key
        assert (
            result_key is not None
        )  # items() exists only where the pages bring one list
        async for page in self._pages(paginator, kwargs):
            for item in page.get(result_key, []):
                yield item
