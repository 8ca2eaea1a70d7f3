"""What the generated typed stubber shares: botocore's Stubber (aiobotocore's AioStubber for
an aiobotocore client) behind one typed method per operation.

A stubbed response is a response dataclass of the package: the type checker checks
its fields, and it is validated against the model's constraints before botocore's
Stubber sees it, so a response no real service would send fails where it is
stubbed, not where the code under test reads it.

With ``passthrough=True`` the stubs stand in for the operations they name and every
other call reaches the client's endpoint: a moto server, say, that implements most
operations but not all (moto neither completes AutoML jobs nor lists candidates).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from types import TracebackType
from typing import Any

from typing_extensions import Self

from ._runtime import missing_extra


def _stubber_class(raw: Any) -> Any:
    """aiobotocore's AioStubber for an aiobotocore client, botocore's Stubber otherwise."""
    asynchronous = any(
        c.__module__.startswith("aiobotocore") for c in type(raw).__mro__
    )
    module = "aiobotocore.stub" if asynchronous else "botocore.stub"
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as missing:
        needed, extra = (
            ("aiobotocore", "aio") if asynchronous else ("botocore", "client")
        )
        raise missing_extra(missing, needed, __name__, extra) from None
    return found.AioStubber if asynchronous else found.Stubber


@cache
def _passing_through(stubber_class: Any) -> Any:
    """``stubber_class`` answering only the operations it has a response queued for.

    botocore's Stubber answers every call from its one queue, in order, and fails a
    call it has nothing for. Here a call whose operation no queued response names
    returns None from the Stubber's two handlers, which lets botocore send it; an
    operation that is queued keeps every check of botocore's (order, parameters).
    """

    class PassingThrough(stubber_class):  # type: ignore[misc]
        def _queued(self, model: Any) -> bool:
            return any(item["operation_name"] == model.name for item in self._queue)

        def _assert_expected_params(
            self, model: Any, params: Any, context: Any, **kwargs: Any
        ) -> None:
            if self._queued(model):
                super()._assert_expected_params(model, params, context, **kwargs)

        def _get_response_handler(
            self, model: Any, params: Any, context: Any, **kwargs: Any
        ) -> Any:
            if self._queued(model):
                return super()._get_response_handler(model, params, context, **kwargs)
            return None

    PassingThrough.__name__ = f"PassingThrough{stubber_class.__name__}"
    return PassingThrough


class StubberBase:
    """Stubs the botocore (or aiobotocore) client under a typed client of the package, or a
    botocore client given directly. Use as a context manager, or ``activate()`` and
    ``deactivate()``; ``assert_no_pending_responses()`` checks every stub was used.

    ``passthrough=True``: an operation that no queued response names is sent to the
    client's endpoint instead of failing (stubbed operations are answered by their
    stubs, in order, as without it)."""

    def __init__(self, client: Any, *, passthrough: bool = False) -> None:
        # The package's clients hold their botocore client as ``client``; a botocore client has ``meta``.
        raw = client if hasattr(client, "meta") else client.client
        stubber_class = _stubber_class(raw)
        if passthrough:
            stubber_class = _passing_through(stubber_class)
        self.stubber = stubber_class(raw)

    def activate(self) -> None:
        self.stubber.activate()

    def deactivate(self) -> None:
        self.stubber.deactivate()

    def assert_no_pending_responses(self) -> None:
        self.stubber.assert_no_pending_responses()

    def __enter__(self) -> Self:
        self.activate()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.deactivate()

    def _respond(
        self,
        method: str,
        response: Any,
        expected_params: Mapping[str, Any] | None,
    ) -> None:
        """``response`` (a response dataclass, or None for an operation without output)
        checked against the model, then queued."""
        wire: dict[str, Any] = {}
        if response is not None:
            problems = response.validate()
            if problems:
                raise ValueError(
                    f"stubbed {type(response).__name__} for {method}: "
                    + "; ".join(problems)
                )
            wire = response.to_request_dict()
        self.stubber.add_response(
            method, wire, None if expected_params is None else dict(expected_params)
        )

    def _fail(
        self,
        method: str,
        code: str,
        message: str,
        http_status_code: int,
        expected_params: Mapping[str, Any] | None,
    ) -> None:
        self.stubber.add_client_error(
            method,
            service_error_code=code,
            service_message=message,
            http_status_code=http_status_code,
            expected_params=None if expected_params is None else dict(expected_params),
        )
