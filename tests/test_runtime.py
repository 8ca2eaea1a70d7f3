"""The static run-time modules as source (codegen/runtime), on tiny rule tables and fake clients."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from codegen.runtime._client import (
    ClientBase,
    JobFailedError,
    ServiceError,
    WaitSpec,
    WaitTimeoutError,
    pages,
    translate,
)
from codegen.runtime._validator import (
    EnumRule,
    ListRule,
    MapRule,
    NumberRule,
    PlainRule,
    StringRule,
    StructureRule,
    ValidationError,
    Validator,
)

VALIDATOR = Validator(
    {
        "Req": StructureRule(
            (("Name", "Name"), ("Tags", "Tags"), ("Choice", "Choice"), ("Secret", "Name")), ("Name",), False
        ),
        "Choice": StructureRule((("A", "Count"), ("B", "Color")), (), True),
        "Name": StringRule(1, 5, "[a-z]+"),
        "Tags": ListRule("Name", None, 2),
        "Labels": MapRule("Name", "Count", 1, None),
        "Count": NumberRule(True, 0, 10),
        "Color": EnumRule(("red", "blue")),
        "When": PlainRule("timestamp"),
    },
    secret_members=frozenset({("Req", "Secret")}),
)


@pytest.mark.parametrize(
    ("shape", "value", "errors"),
    [
        ("Req", {"Name": "abc"}, []),
        ("Req", {}, ["Name: required key missing"]),
        ("Req", {"Name": "ABC"}, ["Name: 'ABC' does not match pattern '[a-z]+'"]),
        ("Req", {"Name": "abcdefgh"}, ["Name: 8 characters, more than the maximum 5"]),
        ("Req", {"Name": "a", "Tags": ["a", "b", "c"]}, ["Tags: 3 items, more than the maximum 2"]),
        ("Req", {"Name": "a", "Choice": {}}, ["Choice: exactly one of A, B must be set, got none"]),
        ("Req", {"Name": "a", "Choice": {"A": 1, "B": "red"}}, ["Choice: exactly one of A, B must be set, got A, B"]),
        ("Req", {"Name": "a", "Choice": {"B": "green"}}, ["Choice.B: 'green' is not one of 'red', 'blue'"]),
        ("Req", {"Name": "a", "Secret": "TOPSECRET!"}, ["Secret: 10 characters, more than the maximum 5"]),
        ("Req", {"Name": "a", "Secret": "SECR"}, ["Secret: '***' does not match pattern '[a-z]+'"]),
        ("Labels", {}, ["Labels: 0 entries, fewer than the minimum 1"]),
        ("Count", True, ["Count: expected an integer, got bool"]),
        ("Count", 11, ["Count: 11 is more than the maximum 10"]),
        ("When", "2020-01-01", []),
    ],
)
def test_validate(shape: str, value: Any, errors: list[str]) -> None:
    assert VALIDATOR.validate_shape(shape, value) == errors


def test_decode_problem_names_the_path_and_hides_secrets() -> None:
    assert VALIDATOR.decode_problem("Req", {"Name": 3}) == "Req.Name: expected a string, got int"
    assert VALIDATOR.decode_problem("Req", {"Name": "a", "Choice": {"A": 1, "B": "x"}}) == (
        "Req.Choice: a tagged union needs exactly one member set, got A, B"
    )
    assert VALIDATOR.decode_problem("When", "not a time") == "When: 'not a time' is not an ISO 8601 timestamp"
    with pytest.raises(LookupError):
        VALIDATOR.validate_shape("Nope", {})


class FakeBotocore:
    def __init__(self, pages_: list[dict[str, Any]] | None = None, error: str | None = None) -> None:
        self.calls: list[dict[str, Any]] = []
        self.pages, self.error = list(pages_ or []), error

    def operation(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        if self.error:
            raise ClientError(
                {"Error": {"Code": self.error, "Message": "gone"}, "ResponseMetadata": {"RequestId": "r-1"}},
                "Operation",
            )
        return self.pages.pop(0) if self.pages else {}


class NotFound(ServiceError):
    pass


class Client(ClientBase):
    _SERVICE = "test"
    _ERRORS = {"NotFound": NotFound}
    _VALIDATE = VALIDATOR.validate_shape


def test_call_validates_translates_and_skips_validation_without_input() -> None:
    fake = FakeBotocore(error="NotFound")
    client = Client(fake)
    with pytest.raises(ValidationError):
        client._call(fake.operation, "Req", {})
    assert fake.calls == []  # nothing sent
    with pytest.raises(NotFound) as info:
        client._call(fake.operation, "Req", {"Name": "a"})
    assert isinstance(info.value.__cause__, ClientError) and info.value.request_id == "r-1"
    with pytest.raises(NotFound):
        client._call(fake.operation, None, {})  # an operation without input is never validated
    other = ClientError({"Error": {"Code": "Other"}}, "Operation")
    assert translate(other, Client._ERRORS) is other


def test_pages_follow_the_token_and_stop_on_a_repeat() -> None:
    fake = FakeBotocore([{"Next": "t1", "Items": [1]}, {"Next": "t2", "Items": [2]}, {"Items": [3]}])
    assert [page["Items"] for page in pages(fake.operation, {"Max": 1}, "Token", "Next")] == [[1], [2], [3]]
    assert fake.calls == [{"Max": 1}, {"Max": 1, "Token": "t1"}, {"Max": 1, "Token": "t2"}]
    repeating = FakeBotocore([{"Next": "t"}, {"Next": "t"}, {"Next": "other"}])
    assert len(list(pages(repeating.operation, {}, "Token", "Next"))) == 2


def test_wait() -> None:
    spec = WaitSpec("Status", "Reason", ("Completed", "Stopped"), ("Failed",))
    slept: list[float] = []
    fake = FakeBotocore([{"Status": "InProgress"}, {"Status": "Completed", "Id": 1}])
    client = Client(fake)
    assert client._wait(fake.operation, "job", {"Name": "job"}, spec, 5, 60, slept.append) == {
        "Status": "Completed",
        "Id": 1,
    }
    assert slept == [5]
    failing = FakeBotocore([{"Status": "Failed", "Reason": "bad data"}])
    with pytest.raises(JobFailedError, match="bad data"):
        client._wait(failing.operation, "job", {}, spec, 5, 60, slept.append)
    running = FakeBotocore([{"Status": "InProgress"}] * 10)
    with pytest.raises(WaitTimeoutError) as info:
        client._wait(running.operation, "job", {}, spec, 5, 12, lambda _: None)
    assert info.value.waited == 10
