"""What the generated typed stubber shares: botocore's Stubber (aiobotocore's AioStubber for
an aiobotocore client) behind one typed method per operation.

A stubbed response is a response dataclass of the package: the type checker checks
its fields, and it is validated against the model's constraints before botocore's
Stubber sees it, so a response no real service would send fails where it is
stubbed, not where the code under test reads it.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
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


class StubberBase:
    """Stubs the botocore (or aiobotocore) client under a typed client of the package, or a
    botocore client given directly. Use as a context manager, or ``activate()`` and
    ``deactivate()``; ``assert_no_pending_responses()`` checks every stub was used."""

    def __init__(self, client: Any) -> None:
        # The package's clients hold their botocore client as ``client``; a botocore client has ``meta``.
        raw = client if hasattr(client, "meta") else client.client
        self.stubber = _stubber_class(raw)(raw)

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
