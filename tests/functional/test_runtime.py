"""The static run-time modules as source (codegen/runtime), on tiny rule tables and fake clients."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from types import SimpleNamespace
from typing import Any

import botocore
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from botocore.exceptions import ClientError, ParamValidationError
from botocore.model import ServiceModel

from codegen.runtime._client import (
    BotocoreVersionError,
    ClientBase,
    ClientTables,
    InvalidRequestError,
    JobFailedError,
    PageSpec,
    RepeatedTokenError,
    ServiceError,
    WaitSpec,
    WaitTimeoutError,
    translate,
)
from codegen.runtime._runtime import (
    AS_IS,
    INTEGER,
    STRING,
    TIMESTAMP,
    UnknownVariant,
    WireStructure,
    WireTables,
    WireUnion,
    enum_of,
    list_of,
    map_of,
    model_of,
    optional,
    required,
    timestamp,
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
    MAX_DEPTH,
)

VALIDATOR = Validator(
    {
        "Req": StructureRule(
            (
                ("Name", "Name"),
                ("Tags", "Tags"),
                ("Choice", "Choice"),
                ("Secret", "Name"),
            ),
            ("Name",),
            False,
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
        (
            "Req",
            {"Name": "a", "Tags": ["a", "b", "c"]},
            ["Tags: 3 items, more than the maximum 2"],
        ),
        (
            "Req",
            {"Name": "a", "Choice": {}},
            ["Choice: exactly one of A, B must be set, got none"],
        ),
        (
            "Req",
            {"Name": "a", "Choice": {"A": 1, "B": "red"}},
            ["Choice: exactly one of A, B must be set, got A, B"],
        ),
        (
            "Req",
            {"Name": "a", "Choice": {"B": "green"}},
            ["Choice.B: 'green' is not one of 'red', 'blue'"],
        ),
        (
            "Req",
            {"Name": "a", "Secret": "TOPSECRET!"},
            ["Secret: 10 characters, more than the maximum 5"],
        ),
        (
            "Req",
            {"Name": "a", "Secret": "SECR"},
            ["Secret: '***' does not match pattern '[a-z]+'"],
        ),
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
    """A botocore client with one operation, ``operation`` (``Operation`` in its model)."""

    def __init__(
        self,
        pages_: list[dict[str, Any]] | None = None,
        error: str | None = None,
        model: Any = None,
    ) -> None:
        self.calls: list[dict[str, Any]] = []
        self.pages, self.error = list(pages_ or []), error
        if model is not None:
            self.meta = SimpleNamespace(service_model=ServiceModel(model, "test"))

    def operation(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        if self.error == "Unknown":
            raise ParamValidationError(report="Unknown parameter in input")
        if self.error:
            raise ClientError(
                {
                    "Error": {"Code": self.error, "Message": "gone"},
                    "ResponseMetadata": {"RequestId": "r-1"},
                },
                "Operation",
            )
        return self.pages.pop(0) if self.pages else {}


class NotFound(ServiceError):
    pass


TABLES = ClientTables(
    service="test",
    operations={
        "operation": ("Operation", "Req", None),
        "no_input": ("NoInput", None, None),
        "newer": ("Newer", "Req", None),
    },
    errors={"NotFound": NotFound},
    validate=VALIDATOR.validate_shape,
    response_problem=VALIDATOR.response_problem,
    paginators={"operation": PageSpec("Token", "Next", "Items")},
    waiters={
        "wait_job": WaitSpec(
            "operation",
            "Name",
            "Status",
            "Reason",
            ("Completed", "Stopped"),
            ("Failed",),
        )
    },
    generated_from="1.2.3",
    oldest_botocore="1.2.0",
    complete_botocore="1.2.2",
)


class Client(ClientBase):
    _TABLES = TABLES


def test_call_validates_translates_and_skips_validation_without_input() -> None:
    fake = FakeBotocore(error="NotFound")
    fake.no_input = fake.operation  # type: ignore[attr-defined]
    client = Client(fake)
    with pytest.raises(ValidationError):
        client._call("operation", {})
    assert fake.calls == []  # nothing sent
    with pytest.raises(NotFound) as info:
        client._call("operation", {"Name": "a"})
    assert isinstance(info.value.__cause__, ClientError) and info.value.request_id == "r-1"
    with pytest.raises(NotFound):
        client._call("no_input", {})  # an operation without input is never validated
    # A code the model does not declare is still the package's: the base class, with the code.
    other = translate(ClientError({"Error": {"Code": "Other"}}, "Operation"), TABLES.errors)
    assert type(other) is ServiceError and other.code == "Other"


def test_pages_follow_the_token_and_stop_on_a_repeat() -> None:
    fake = FakeBotocore([{"Next": "t1", "Items": [1]}, {"Next": "t2", "Items": [2]}, {"Items": [3]}])
    assert [page["Items"] for page in Client(fake, validate=False)._pages("operation", {"Name": "a"})] == [
        [1],
        [2],
        [3],
    ]
    assert fake.calls == [
        {"Name": "a"},
        {"Name": "a", "Token": "t1"},
        {"Name": "a", "Token": "t2"},
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["A", "B", "C", "D", None]), min_size=1, max_size=12))
def test_paging_stops_at_the_first_repeated_token(tokens: list[str | None]) -> None:
    """Whatever tokens a service sends (None: the last page), every page up to the first repeated token
    is yielded once, then RepeatedTokenError names it: botocore only notices a token repeated at once,
    and a service cycling A, B, A... paged forever."""
    tokens = [*tokens, None]
    pages = [{"Items": [index], **({"Next": token} if token else {})} for index, token in enumerate(tokens)]
    fake = FakeBotocore(copy.deepcopy(pages))
    last = next(i for i, token in enumerate(tokens) if token is None or token in tokens[:i])
    repeated = tokens[last]
    got: list[int] = []
    pager = Client(fake, validate=False)._items("operation", {"Name": "a"})
    if repeated is None:
        got = list(pager)
    else:
        with pytest.raises(RepeatedTokenError) as info:
            for item in pager:
                got.append(item)
        assert info.value.token == repeated and repr(repeated) in str(info.value)
    assert got == list(range(last + 1))
    assert len(fake.calls) == len(got) and len(set(map(str, fake.calls))) == len(fake.calls)


def test_wait() -> None:
    slept: list[float] = []
    fake = FakeBotocore([{"Status": "InProgress"}, {"Status": "Completed", "Id": 1}])
    assert Client(fake)._wait("wait_job", "job", 5, 60, slept.append) == {
        "Status": "Completed",
        "Id": 1,
    }
    assert slept == [5] and fake.calls == [{"Name": "job"}] * 2
    failing = FakeBotocore([{"Status": "Failed", "Reason": "bad data"}])
    with pytest.raises(JobFailedError, match="bad data"):
        Client(failing)._wait("wait_job", "job", 5, 60, slept.append)
    running = FakeBotocore([{"Status": "InProgress"}] * 10)
    with pytest.raises(WaitTimeoutError) as info:
        Client(running)._wait("wait_job", "job", 5, 12, lambda _: None)
    assert info.value.waited == pytest.approx(10, abs=1) and info.value.last_status == "InProgress"


class SlowForever(FakeBotocore):
    """A job that never ends, each describe taking ``seconds`` of a fake monotonic clock."""

    def __init__(self, clock: list[float], seconds: float) -> None:
        super().__init__()
        self.clock, self.seconds = clock, seconds

    def operation(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        self.clock[0] += self.seconds
        return {"Status": "InProgress"}


@pytest.mark.parametrize(
    ("delay", "max_wait", "call_seconds", "calls", "waited"),
    [
        (
            0,
            1,
            0.25,
            4,
            1.0,
        ),  # delay 0 on a job that never ends: it used to run forever
        (0, 1 / 64, 1 / 1024, 16, 1 / 64),  # fast calls: their own time ends it
        (
            1,
            3,
            2,
            2,
            5,
        ),  # describes of 2 s: the limit counts them (it returned after 11 s)
        (10, 25, 0, 3, 20),  # as before: no sleep that would pass the limit
    ],
)
def test_max_wait_counts_the_calls_and_ends_every_wait(
    monkeypatch: pytest.MonkeyPatch,
    delay: float,
    max_wait: float,
    call_seconds: float,
    calls: int,
    waited: float,
) -> None:
    import codegen.runtime._client as runtime

    clock = [0.0]
    monkeypatch.setattr(runtime, "monotonic", lambda: clock[0])
    fake = SlowForever(clock, call_seconds)
    with pytest.raises(WaitTimeoutError) as info:
        Client(fake)._wait("wait_job", "job", delay, max_wait, lambda seconds: None)
    assert len(fake.calls) == calls and info.value.waited == pytest.approx(waited)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1, "60", True, None])
@pytest.mark.parametrize("which", ["delay", "max_wait"])
def test_nonsense_wait_times_are_refused_before_any_call(which: str, bad: Any) -> None:
    fake = FakeBotocore([{"Status": "InProgress"}])
    times = {"delay": 5.0, "max_wait": 60.0, which: bad}
    with pytest.raises(
        ValueError,
        match=f"^{which} must be a finite number of seconds, at least 0; got ",
    ):
        Client(fake)._wait("wait_job", "job", times["delay"], times["max_wait"], lambda _: None)
    assert fake.calls == []


OLD_MODEL = {
    "metadata": {
        "protocol": "json",
        "apiVersion": "1",
        "endpointPrefix": "test",
        "serviceId": "Test",
    },
    "operations": {"Operation": {"name": "Operation", "input": {"shape": "Req"}}},
    "shapes": {
        "Req": {
            "type": "structure",
            "members": {"Name": {"shape": "Name"}, "Tags": {"shape": "Tags"}},
        },
        "Tags": {"type": "list", "member": {"shape": "Tag"}},
        "Tag": {"type": "structure", "members": {"Key": {"shape": "Name"}}},
        "Name": {"type": "string"},
    },
}


def test_an_operation_the_installed_botocore_lacks_is_named_before_sending() -> None:
    with pytest.raises(BotocoreVersionError) as info:
        Client(FakeBotocore())._call("newer", {"Name": "a"})
    assert str(info.value) == (
        f"Newer: the installed botocore {botocore.__version__} does not know the operation Newer; "
        "this package was generated from botocore 1.2.3; its operations work with botocore >= 1.2.0: upgrade botocore"
    )


def test_members_the_installed_botocore_lacks_are_named_by_path() -> None:
    """botocore's own error (Unknown parameter) becomes one naming every member its model lacks."""
    fake = FakeBotocore(error="Unknown", model=OLD_MODEL)
    request = {
        "Name": "a",
        "Secret": "b",
        "Tags": [{"Key": "k"}, {"Key": "k", "Value": "v"}],
    }
    with pytest.raises(BotocoreVersionError) as info:
        Client(fake, validate=False)._call("operation", request)
    assert info.value.missing == ["Secret", "Tags[1].Value"]
    assert str(info.value).endswith(
        "does not know the members Secret, Tags[1].Value; this package was generated from botocore 1.2.3; "
        "every member it sends is known from botocore 1.2.2: upgrade botocore"
    )
    assert isinstance(info.value.__cause__, ParamValidationError)
    # A ParamValidationError for any other reason is an InvalidRequestError (a ValidationError), with
    # botocore's as its cause.
    with pytest.raises(InvalidRequestError) as refused:
        Client(fake, validate=False)._call("operation", {"Name": 1})
    assert isinstance(refused.value, ValidationError) and isinstance(refused.value.__cause__, ParamValidationError)


# --- the dataclasses' wire tables (codegen/runtime/_runtime.py), on two tiny classes ---------


class Color(Enum):
    RED = "red"


@dataclass(kw_only=True, slots=True, repr=False)
class Inner(WireUnion):
    count: int | None = None
    color: Color | str | None = None


@dataclass(kw_only=True, slots=True)
class Outer(WireStructure):
    name: str
    when: datetime
    choice: Inner | UnknownVariant | None = None
    tags: list[str] | None = None
    labels: dict[str, list[Inner | UnknownVariant]] | None = None
    blob: bytes | None = None


def _problem(shape: str, value: Any) -> str:
    return f"{shape}: problem with {value!r}"


_TABLES = WireTables(lambda shape, value: [f"{shape} checked {value!r}"], _problem)
_TABLES.add(
    Inner,
    "Inner",
    optional("count", "Count", INTEGER, secret=True),
    optional("color", "Color", enum_of(Color)),
)
_TABLES.add(
    Outer,
    "Outer",
    required("name", "Name", STRING),
    required("when", "When", TIMESTAMP),
    optional("choice", "Choice", model_of(Inner)),
    optional("tags", "Tags", list_of(STRING)),
    optional("labels", "Labels", map_of(STRING, list_of(model_of(Inner)))),
    optional("blob", "Blob", AS_IS),
)
WHEN = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_a_table_decodes_and_encodes_every_kind_of_codec() -> None:
    wire = {
        "Name": "n",
        "When": WHEN,
        "Choice": {"Color": "red"},
        "Tags": ["a"],
        "Labels": {"k": [{"Count": 1}, {"Color": "blue"}, {"New": 1}]},
        "Blob": b"x",
        "ResponseMetadata": {},
    }
    outer = Outer.from_response_dict(wire)
    assert outer == Outer(
        name="n",
        when=WHEN,
        choice=Inner(color=Color.RED),
        tags=["a"],
        labels={
            "k": [
                Inner(count=1),
                Inner(color="blue"),
                UnknownVariant("Inner", "New", 1, {"New": 1}),
            ]
        },
        blob=b"x",
    )
    del wire["ResponseMetadata"]
    assert outer.to_request_dict() == wire
    assert Outer(name="n", when=WHEN, tags=[]).to_request_dict() == {
        "Name": "n",
        "When": WHEN,
        "Tags": [],
    }
    assert outer.validate() == [f"Outer checked {outer.to_request_dict()!r}"]


@pytest.mark.parametrize(
    "wire",
    [
        {"When": WHEN},  # a required key missing
        {"Name": None, "When": WHEN},  # or None
        {"Name": 1, "When": WHEN},
        {"Name": "n", "When": True},
        {"Name": "n", "When": WHEN, "Tags": "a"},
        {"Name": "n", "When": WHEN, "Tags": [1]},
        {"Name": "n", "When": WHEN, "Labels": {1: []}},
        {"Name": "n", "When": WHEN, "Choice": {"Count": True}},  # True is no int
        {
            "Name": "n",
            "When": WHEN,
            "Choice": {"Count": 1, "Color": "red"},
        },  # two members
        {"Name": "n", "When": WHEN, "Choice": []},
        ["Name"],
    ],
)
def test_a_value_a_table_cannot_decode_is_named_by_the_validator(wire: Any) -> None:
    with pytest.raises(ValueError, match=r"^Outer: problem with "):
        Outer.from_response_dict(wire)


def test_a_table_keeps_what_it_may_and_masks_secrets() -> None:
    class Text(str):
        pass

    assert Outer.from_response_dict({"Name": Text("n"), "When": "2026-01-01T00:00:00Z"}).when == WHEN
    assert Inner.from_response_dict({"Color": "green"}) == Inner(color="green")
    assert repr(Inner(count=3)) == "Inner(count='***', color=None)"
    with pytest.raises(ValueError, match="exactly one of Count, Color"):
        Inner()


RECURSIVE_RULES = {
    "Node": StructureRule((("Next", "Node"), ("Children", "Nodes"), ("ByName", "NodeMap")), (), False),
    "Nodes": ListRule("Node", None, None),
    "NodeMap": MapRule("Key", "Node", None, None),
    "Key": StringRule(None, None, None),
}


def _nested(depth: int, step: str) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = (
            {"Next": value}
            if step == "Next"
            else {"Children": [value]} if step == "Children" else {"ByName": {"k": value}}
        )
    return value


@pytest.mark.parametrize("step", ["Next", "Children", "ByName"])
@pytest.mark.parametrize("depth", [10, 60, 1_000, 100_000])
def test_deep_or_cyclic_values_are_one_problem_at_their_path_never_a_recursion_error(step: str, depth: int) -> None:
    validator = Validator(RECURSIVE_RULES)
    problems = validator.validate_shape("Node", _nested(depth, step))
    if depth <= 60:  # a list or map level counts as one more: 60 nodes are up to 120 levels
        assert problems == []
    else:
        [problem] = problems
        assert problem.endswith(f"nested more than {MAX_DEPTH} levels deep, or contains itself")
        assert problem.startswith(step)  # the path down to it
    cyclic: dict[str, Any] = {}
    cyclic[step] = cyclic if step == "Next" else [cyclic] if step == "Children" else {"k": cyclic}
    [problem] = validator.validate_shape("Node", cyclic)
    assert "contains itself" in problem


@dataclass(kw_only=True, slots=True)
class Node(WireStructure):
    next: Node | None = None
    children: list[Node] | None = None
    by_name: dict[str, Node] | None = None


_RECURSIVE_VALIDATOR = Validator(RECURSIVE_RULES)
_RECURSIVE_TABLES = WireTables(_RECURSIVE_VALIDATOR.validate_shape, _RECURSIVE_VALIDATOR.decode_problem)
_RECURSIVE_TABLES.add(
    Node,
    "Node",
    optional("next", "Next", model_of(Node)),
    optional("children", "Children", list_of(model_of(Node))),
    optional("by_name", "ByName", map_of(STRING, model_of(Node))),
)


@pytest.mark.parametrize("step", ["Next", "Children", "ByName"])
@pytest.mark.parametrize("depth", [10, 60, 1_000, 100_000])
def test_decoding_deep_or_cyclic_values_is_a_value_error_at_their_path_never_a_recursion_error(
    step: str, depth: int
) -> None:
    """from_response_dict on a recursive shape: values within Python's recursion limit decode; deeper
    ones, and ones that contain themselves, are the documented ValueError naming the path."""
    wire = _nested(depth, step)
    if depth <= 60:
        assert Node.from_response_dict(wire).to_request_dict() == wire
    else:
        with pytest.raises(
            ValueError, match=rf"^Node\.{step}.*nested more than {MAX_DEPTH} levels deep, or contains itself$"
        ):
            Node.from_response_dict(wire)
    cyclic: dict[str, Any] = {}
    cyclic[step] = cyclic if step == "Next" else [cyclic] if step == "Children" else {"k": cyclic}
    with pytest.raises(ValueError, match="contains itself"):
        Node.from_response_dict(cyclic)


TIMESTAMP_VALUES = (
    st.floats()
    | st.integers()
    | st.integers(min_value=10**4000, max_value=10**6000)
    | st.text()
    | st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())
    | st.sampled_from(["not a date", "2026-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
    | st.sampled_from([float("nan"), float("inf"), -float("inf"), 1e20, -1e20, 2**63])
)


@settings(max_examples=300, deadline=None)
@given(TIMESTAMP_VALUES)
def test_a_timestamp_is_valid_exactly_when_it_decodes_and_nothing_else_ever_raises(value: Any) -> None:
    """Validation lets through only what decoding accepts (nan, inf, 1e20 and 'not a date' reached
    botocore, which failed with RuntimeError), and decoding raises only ValueError or TypeError (an
    out-of-range timestamp raised OverflowError or OSError)."""
    validator = Validator({"T": PlainRule("timestamp")})
    problems = validator.validate_shape("T", value)
    try:
        decoded = timestamp(value)
    except (ValueError, TypeError):
        assert problems and all(p.startswith("T: ") for p in problems)
    else:
        assert problems == [] and decoded.tzinfo is not None
    assert validator.response_problem("T", value) is None  # not a structure: nothing to promise


@given(st.integers(min_value=10**4000, max_value=10**6000) | st.integers(max_value=-(10**4000), min_value=-(10**6000)))
def test_an_integer_too_long_to_print_is_a_problem_not_a_crash(value: int) -> None:
    """repr() refuses integers of more than 4,300 digits: validation raised ValueError from it."""
    validator = Validator({"N": NumberRule(True, 0, 100), "S": StringRule(None, 5, None)})
    [problem] = validator.validate_shape("N", value)
    assert "digits" in problem and ("maximum" in problem or "minimum" in problem)
    assert validator.validate_shape("S", value) == ["S: expected a string, got int"]


# --- a candidate's containers as a model's: the inference content asked for --------------------------

from codegen.runtime._runtime import candidate_containers, inference_containers  # noqa: E402


def _container(image: str, supported: str | None = None) -> dict[str, Any]:
    environment = {"AUTOML_TRANSFORM_MODE": "feature-transform"}
    if supported is not None:
        environment["SAGEMAKER_INFERENCE_SUPPORTED"] = supported
    return {"Image": image, "ModelDataUrl": f"s3://b/{image}.tar.gz", "Environment": environment}


def test_inference_keys_go_out_of_each_container_that_supports_them_and_into_the_next() -> None:
    """A tabular classification candidate: feature transform, algorithm, inverse label transform."""
    candidate = [
        _container("transform"),
        _container("xgboost", "predicted_label,probability,probabilities"),
        _container("inverse", "predicted_label,probability,labels,probabilities"),
    ]
    before = copy.deepcopy(candidate)
    model = inference_containers(candidate, ["predicted_label", "probability", "labels"])
    assert candidate == before, "the candidate is left as it is"
    assert "SAGEMAKER_INFERENCE_OUTPUT" not in model[0]["Environment"]
    assert model[1]["Environment"]["SAGEMAKER_INFERENCE_OUTPUT"] == "predicted_label,probability"
    assert "SAGEMAKER_INFERENCE_INPUT" not in model[1]["Environment"]  # the one before supports nothing
    assert model[2]["Environment"]["SAGEMAKER_INFERENCE_INPUT"] == "predicted_label,probability"
    assert model[2]["Environment"]["SAGEMAKER_INFERENCE_OUTPUT"] == "predicted_label,probability,labels"


def test_without_keys_the_containers_are_copied_as_they_are() -> None:
    candidate = [_container("a"), _container("b", "predicted_label")]
    assert inference_containers(candidate) == candidate
    assert inference_containers(candidate)[1] is not candidate[1]


@pytest.mark.parametrize(
    ("containers", "message"),
    [
        ([_container("a"), _container("b")], "only its default inference content"),
        ([_container("a", "predicted_label")], "probability are not supported; the model supports predicted_label"),
        ([], "only its default inference content"),
    ],
)
def test_keys_the_last_container_does_not_support_are_refused(containers: list[Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        inference_containers(containers, ["predicted_label", "probability"])


def test_a_candidates_serving_containers_are_its_own_or_those_for_the_processing_unit_asked() -> None:
    """A tabular candidate has InferenceContainers; a V2 image or text classification candidate has them by
    processing unit (InferenceContainerDefinitions), and which one serves is the caller's choice."""
    tabular = {"InferenceContainers": [_container("a")]}
    by_unit = {"InferenceContainerDefinitions": {"GPU": [_container("g")], "CPU": [_container("c")]}}
    members = ("InferenceContainers", "InferenceContainerDefinitions")
    assert candidate_containers(tabular, *members) == [_container("a")]
    assert candidate_containers(by_unit, *members, "GPU") == [_container("g")]
    assert candidate_containers({**tabular, **by_unit}, *members, "CPU") == [_container("c")]  # asked: the unit's
    assert candidate_containers({**tabular, **by_unit}, *members) == [_container("a")]
    with pytest.raises(ValueError, match=r"by processing unit \(CPU, GPU\): say which with processing_unit"):
        candidate_containers(by_unit, *members)
    with pytest.raises(ValueError, match="no containers for GPU; it has some for CPU"):
        candidate_containers({"InferenceContainerDefinitions": {"CPU": []}}, *members, "GPU")
    with pytest.raises(ValueError, match="no containers for CPU$"):
        candidate_containers(tabular, *members, "CPU")
    for nothing in ({}, {"InferenceContainers": []}):
        with pytest.raises(ValueError, match="the candidate has no inference containers"):
            candidate_containers(nothing, *members)
    # a model without containers by processing unit (older ones): only the candidate's own
    assert candidate_containers(tabular, "InferenceContainers", None) == [_container("a")]
