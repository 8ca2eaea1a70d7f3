"""Calls every operation of a generated package once, through a botocore Stubber.

For each operation: a minimal valid request built from the model (required members only,
each value of the right type and within its constraints, checked by the package's own
validator), a minimal response (the members responses always carry), the typed client
method called with it, the response decoded by the response dataclass, the request
dataclass round-tripped, and ``send()`` used where it dispatches.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from datetime import datetime, timezone
from types import ModuleType
from typing import Any

import botocore.session
import pytest
from botocore.endpoint_provider import RuleSetEndpoint
from botocore.stub import Stubber
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from codegen.model.ir import EnumShape, ListShape, MapShape, Service, Structure, Union

_UNBOUNDED_REPEAT = re.compile(r"(?<!\\)[*+]")
CANDIDATE_STRINGS = ("a", "A", "1", "a1", "abc", "arn:aws:s3:::a/b", "s3://a/b", "a.b", "a-b", "http://a.b")


class MinimalValues:
    """The smallest valid values of each shape, for requests (``input``) and responses (``output``)."""

    def __init__(self, service: Service, validation: ModuleType) -> None:
        self.service, self.validation = service, validation
        self._strings: dict[str, str] = {}

    def value(self, name: str, flavour: str, depth: int = 0) -> Any:
        shape = self.service.shapes[name]
        if isinstance(shape, Union):
            member = shape.members[0]
            return {member.wire_name: self.value(member.target, flavour, depth + 1)}
        if isinstance(shape, Structure):
            return {
                m.wire_name: self.value(m.target, flavour, depth + 1)
                for m in shape.members
                if (m.required if flavour == "input" else m.required_in_response)
            }
        if isinstance(shape, ListShape):
            return [self.value(shape.member, flavour, depth + 1) for _ in range(int(shape.constraints.min or 0))]
        if isinstance(shape, MapShape):
            count = int(shape.constraints.min or 0)
            if count == 0:
                return {}
            key = self.value(shape.key, flavour, depth + 1)
            return {key: self.value(shape.value, flavour, depth + 1)}
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
            except (NoSuchExample, re.error):
                return None


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
    called = 0
    with Stubber(botocore_client) as stubber:
        for op in service.operations:
            request = values.value(op.input, "input") if op.input else {}
            response = values.value(op.output, "output") if op.output else {}
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
    return called
