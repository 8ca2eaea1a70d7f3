"""Calls every operation of a generated package once, through a botocore Stubber.

For each operation: a minimal valid request built from the model (required members only,
each value of the right type and within its constraints, checked by the package's own
validator), a minimal response (the members the model requires), the typed client
method called with it, the response decoded by the response dataclass, the request
dataclass round-tripped, and ``send()`` used where it dispatches. Then the same calls
through the async client (``aio``), over the same Stubber-backed botocore client presented
as aiobotocore presents one (every operation a coroutine): this environment cannot have
aiobotocore (it pins an older botocore), so ``fake_aiobotocore`` stands in for the two
names ``_aio_client`` imports; tests/aio runs the async client on real aiobotocore.
"""

from __future__ import annotations

import asyncio
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from types import ModuleType, SimpleNamespace
from typing import Any

import botocore.session
import pytest
from botocore.endpoint_provider import RuleSetEndpoint
from botocore.stub import Stubber
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample, Unsatisfiable

from codegen.model.ir import EnumShape, ListShape, MapShape, Service, Structure, Union

_UNBOUNDED_REPEAT = re.compile(r"(?<!\\)[*+]")
_LENGTH_LOOKAHEAD = re.compile(r"^\(\?=\.\{\d*,?\d*\}\$\)")
CANDIDATE_STRINGS = ("a", "A", "1", "a1", "abc", "arn:aws:s3:::a/b", "s3://a/b", "a.b", "a-b", "http://a.b")


class MinimalValues:
    """The smallest valid value of each shape, for requests and responses alike: the members the model
    requires (botocore's Stubber checks a response against them too, response overrides notwithstanding)."""

    def __init__(self, service: Service, validation: ModuleType) -> None:
        self.service, self.validation = service, validation
        self._strings: dict[str, str] = {}

    def value(self, name: str) -> Any:
        shape = self.service.shapes[name]
        if isinstance(shape, Union):
            member = shape.members[0]
            return {member.wire_name: self.value(member.target)}
        if isinstance(shape, Structure):
            return {m.wire_name: self.value(m.target) for m in shape.members if m.required}
        if isinstance(shape, ListShape):
            return [self.value(shape.member) for _ in range(int(shape.constraints.min or 0))]
        if isinstance(shape, MapShape):
            count = int(shape.constraints.min or 0)
            if count == 0:
                return {}
            key = self.value(shape.key)
            return {key: self.value(shape.value)}
        if isinstance(shape, EnumShape):
            return shape.values[0].value
        kind, low, high = shape.type, shape.constraints.min, shape.constraints.max
        if kind in ("integer", "long"):
            number = int(low) if low is not None else 0
            return min(number, int(high)) if high is not None else number
        if kind in ("float", "double"):
            number = float(low) if low is not None else 0.0
            return min(number, float(high)) if high is not None else number
        if kind == "boolean":
            return False
        if kind == "timestamp":
            return datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
        if kind == "blob":
            return b"x" * max(int(low or 1), 1)
        if kind == "document":
            return {}
        return self.string(name, int(low or 1), int(high) if high is not None else None)

    def string(self, name: str, low: int, high: int | None) -> str:
        if name in self._strings:
            return self._strings[name]
        length = max(low, 1)
        candidates = [c * length if len(c) == 1 else c for c in CANDIDATE_STRINGS]
        for candidate in candidates:
            if not self.validation.validate_shape(name, candidate):
                self._strings[name] = candidate
                return candidate
        pattern = self.validation._VALIDATOR._rules[name].pattern
        # Hypothesis rarely repeats `*` or `+` as often as a long minimum length needs
        # (bedrock-agentcore: "mem-[a-zA-Z0-9-_]*", 40 to 50 characters), so variants
        # that ask for at least that many repeats are tried too; the validator judges.
        variants = [pattern] + [_UNBOUNDED_REPEAT.sub(f"{{{n},}}", pattern) for n in sorted({length // 2, length})]
        # A leading length look-ahead ("(?=.{1,1000}$)arn:...", partnercentral-selling) makes from_regex
        # draw any text and discard what the rest does not match: nothing survives. The validator still
        # checks the length of what the pattern without it gives.
        variants += [_LENGTH_LOOKAHEAD.sub("", variant) for variant in variants if _LENGTH_LOOKAHEAD.match(variant)]
        for variant in variants:
            found = self._search(name, variant)
            if found is not None:
                self._strings[name] = found
                return found
        raise AssertionError(f"no valid string found for {name} ({pattern!r})")

    def _search(self, name: str, pattern: str) -> str | None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return find(
                    st.from_regex(pattern, fullmatch=True),
                    lambda s: not self.validation.validate_shape(name, s),
                    # Any valid string will do: no shrinking, no explaining (they took ~95% of the time).
                    settings=settings(
                        database=None,
                        derandomize=True,
                        max_examples=500,
                        phases=(Phase.generate,),
                        suppress_health_check=list(HealthCheck),
                    ),
                )
            except (NoSuchExample, Unsatisfiable, re.error):  # Unsatisfiable: from_regex's own filter
                return None


@contextmanager
def fake_aiobotocore() -> Iterator[None]:
    """``aiobotocore.session`` and ``aiobotocore.config`` for importing a package's ``aio`` module here."""
    fakes = {
        "aiobotocore": ModuleType("aiobotocore"),
        "aiobotocore.session": SimpleNamespace(AioSession=object, get_session=None),
        "aiobotocore.config": SimpleNamespace(AioConfig=object),
    }
    saved = {name: sys.modules.get(name) for name in fakes}
    sys.modules.update(fakes)  # type: ignore[arg-type]
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                del sys.modules[name]
            else:
                sys.modules[name] = module


class Awaitable:
    """A botocore client as aiobotocore presents one: each operation a coroutine, ``meta`` as it is."""

    def __init__(self, client: Any) -> None:
        self.meta = client.meta
        self._client = client

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._client, name)

        async def call(**kwargs: Any) -> Any:
            return method(**kwargs)

        return call


def exercise(service: Service, package: dict[str, ModuleType], service_name: str) -> int:
    """Call every operation once; returns how many were called."""
    client_module, models, validation = package["client"], package["models"], package["validation"]
    botocore_client = botocore.session.get_session().create_client(
        service_name, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )
    # Endpoint rules parse some parameters (ARNs); a minimal value need not be resolvable.
    # The test is about the layer above botocore, so every request goes to one fixed endpoint.
    botocore_client._ruleset_resolver.construct_endpoint = lambda *args, **kwargs: RuleSetEndpoint(
        url="https://127.0.0.1", properties={}, headers={}
    )
    client = getattr(client_module, service.client_class)(botocore_client)
    values = MinimalValues(service, validation)
    uses = Counter(op.input for op in service.operations if op.input)
    senders = [op for op in service.operations if op.input and uses[op.input] == 1]
    assert hasattr(client, "send") == bool(senders)  # send() takes the requests that identify one operation
    async_client = getattr(package["aio"], service.async_client_class)(Awaitable(botocore_client))
    called = 0
    with Stubber(botocore_client) as stubber:
        for op in service.operations:
            request = values.value(op.input) if op.input else {}
            response = values.value(op.output) if op.output else {}
            assert not (validation.validate_shape(op.input, request) if op.input else []), op.name
            stubber.add_response(op.method_name, response)
            result = getattr(client, op.method_name)(**request)
            stubber.assert_no_pending_responses()
            called += 1
            if op.output:
                response_model = getattr(models, service.shapes[op.output].class_name)  # type: ignore[union-attr]
                response_model.from_response_dict(result)
            if op.input:
                request_model = getattr(models, service.shapes[op.input].class_name)  # type: ignore[union-attr]
                round_tripped = request_model.from_response_dict(request).to_request_dict()
                assert round_tripped == request, op.name
                if op in senders:
                    stubber.add_response(op.method_name, response)
                    client.send(request_model.from_response_dict(request))
                    stubber.assert_no_pending_responses()
                elif len(senders) > 1:  # a shared request shape: send() refuses it rather than guess
                    with pytest.raises(TypeError, match="not a request of these operations"):
                        client.send(request_model.from_response_dict(request))
            asyncio.run(_call_async(async_client, stubber, op, request, response, op in senders, models, service))
    return called


async def _call_async(
    client: Any, stubber: Stubber, op: Any, request: Any, response: Any, sendable: bool, models: Any, service: Any
) -> None:
    """The operation through the async client: its method, and send() where it dispatches."""
    stubber.add_response(op.method_name, response)
    result = await getattr(client, op.method_name)(**request)
    stubber.assert_no_pending_responses()
    assert result.keys() >= response.keys(), op.name
    if sendable:
        request_model = getattr(models, service.shapes[op.input].class_name)
        stubber.add_response(op.method_name, response)
        await client.send(request_model.from_response_dict(request))
        stubber.assert_no_pending_responses()
