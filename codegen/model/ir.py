"""Stage 3, IR: the selected part of the model as small immutable objects.

Built by ``codegen.model.build`` from the validated shape records of
``codegen.model.shapes``, with every name already decided
(``codegen.model.names``); nothing is mutated afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from codegen.model import names
from codegen.model.shapes import DOCUMENT, Constraints
from codegen.model.waiters import DeploymentSpec, JobSpec, WaiterSpec

__all__ = [
    "DOCUMENT",
    "Constraints",
    "EnumShape",
    "EnumValue",
    "ListShape",
    "MapShape",
    "Member",
    "Operation",
    "Paginator",
    "Scalar",
    "Service",
    "Shape",
    "Structure",
    "TypedDictNames",
    "Union",
    "UnionVariant",
    "Waiter",
]


@dataclass(frozen=True, slots=True)
class Member:
    wire_name: str
    python_name: str
    target: str
    required: bool  # in requests, as the model says
    required_in_response: bool  # the same, unless responses are known to lack it (codegen/response_overrides.py)
    sensitive: bool
    docs: str
    # A blob payload read as a stream (the reference or its target says so): botocore returns a StreamingBody
    streaming: bool = False


@dataclass(frozen=True, slots=True)
class TypedDictNames:
    """What a structure's TypedDicts are called from input and from output positions.

    ``input`` and ``output`` are equal when the two Python types would be
    identical; ``emit_input`` is false for shapes only ever returned.
    """

    input: str
    output: str
    emit_input: bool
    emit_output: bool


@dataclass(frozen=True, slots=True)
class Structure:
    name: str
    class_name: str
    members: tuple[Member, ...]
    typed_dicts: TypedDictNames
    is_response: bool  # an operation's output: carries ResponseMetadata
    sensitive: bool
    docs: str
    is_error_only: bool = False  # class_name is the client's exception; no dataclass
    # A structure of events: a response member of this shape is botocore's EventStream of its events.
    event_stream: bool = False
    # A response with a stream member: the TypedDict of what aiobotocore returns (its own stream kinds)
    async_typed_dict: str | None = None


@dataclass(frozen=True, slots=True)
class UnionVariant:
    member: Member
    input_name: str  # the single-key TypedDict for this variant
    output_name: str


@dataclass(frozen=True, slots=True)
class Union:
    """A tagged union (``"union": true``): exactly one member is set."""

    name: str
    class_name: str
    members: tuple[Member, ...]
    variants: tuple[UnionVariant, ...]
    typed_dicts: TypedDictNames
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class ListShape:
    name: str
    member: str
    constraints: Constraints
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class MapShape:
    name: str
    key: str
    value: str
    constraints: Constraints
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class EnumValue:
    value: str
    member_name: str


@dataclass(frozen=True, slots=True)
class EnumShape:
    name: str
    class_name: str
    literal_name: str
    values: tuple[EnumValue, ...]
    constraints: Constraints
    sensitive: bool
    docs: str


@dataclass(frozen=True, slots=True)
class Scalar:
    name: str
    type: str
    constraints: Constraints
    sensitive: bool
    docs: str
    streaming: bool = False  # a payload read as a stream: botocore returns a StreamingBody


Shape = Structure | Union | ListShape | MapShape | EnumShape | Scalar


@dataclass(frozen=True, slots=True)
class Operation:
    name: str
    method_name: str
    input: str | None
    output: str | None
    errors: tuple[str, ...]
    docs: str  # deprecation, where the model marks it, is stated in the docs


@dataclass(frozen=True, slots=True)
class Paginator:
    """From the model's paginators-1: how an operation's pages chain and which member holds the items."""

    operation: str
    class_name: str
    input_token: str
    output_token: str
    result_keys: tuple[str, ...]  # the members that hold what the pages bring
    item_shape: str | None  # one item of the one list result key; None: the paginator yields pages only
    more_results: str | None = None  # the member saying whether another page follows (S3's IsTruncated)

    @property
    def result_key(self) -> str | None:
        """The list the items come from, where there is one."""
        return self.result_keys[0] if self.item_shape is not None else None

    @property
    def async_class_name(self) -> str:
        return names.async_name(self.class_name)


@dataclass(frozen=True, slots=True)
class Waiter:
    """A ``wait_*`` method polling a selected Describe operation (``codegen.model.waiters``)."""

    method: str
    spec: WaiterSpec


@dataclass(frozen=True, slots=True)
class BotocoreWaiter:
    """A ``wait_*`` method over one of botocore's own waiters (``waiters-2``), typed by its operation's
    request: botocore reads the acceptors (JMESPath paths, error codes)."""

    name: str  # botocore's, e.g. EndpointInService
    botocore_name: str  # what botocore's get_waiter takes, e.g. endpoint_in_service
    method: str  # e.g. wait_endpoint_in_service
    operation: str
    delay: float
    max_attempts: int


@dataclass(frozen=True, slots=True)
class Job:
    """A job object over the client (``codegen.model.waiters.JOBS``): its waiter and the filters of its
    candidates' listing (members of that request but the job's name and the paging ones)."""

    spec: JobSpec
    waiter: Waiter
    candidate_filters: tuple[Member, ...]
    deployment: Deployment | None = None


@dataclass(frozen=True, slots=True)
class Deployment:
    """A job's candidate as a model behind an endpoint (``codegen.model.waiters.DEPLOYMENT``): every
    operation and botocore waiter it uses is selected, every member it sends or reads is in the model."""

    spec: DeploymentSpec
    instance_type: str  # the shape of a production variant's instance type
    processing_unit: str | None  # the key shape of the candidate's containers by processing unit, if it has them


@dataclass(frozen=True, slots=True)
class Service:
    full_name: str
    service_id: str
    api_version: str
    client_class: str  # the typed client, e.g. AutoMLClient
    error_class: str  # the base of its exceptions, e.g. AutoMLError
    operations: tuple[Operation, ...]
    shapes: Mapping[str, Shape]  # in selection order; read-only
    paginators: tuple[Paginator, ...] = ()
    waiters: tuple[Waiter, ...] = ()
    jobs: tuple[Job, ...] = ()
    botocore_waiters: tuple[BotocoreWaiter, ...] = ()

    @property
    def async_client_class(self) -> str:
        return names.async_name(self.client_class)

    @property
    def stubber_class(self) -> str:
        return names.stubber_name(self.client_class)

    def structures(self) -> list[Structure]:
        return [s for s in self.shapes.values() if isinstance(s, Structure)]

    def unions(self) -> list[Union]:
        return [s for s in self.shapes.values() if isinstance(s, Union)]

    def errors(self) -> list[Structure]:
        """The error shapes of the selected operations, by name: each becomes an exception of the client."""
        names = {e for op in self.operations for e in op.errors}
        return sorted((s for s in self.structures() if s.name in names), key=lambda s: s.name)

    def with_dataclass(self) -> list[Structure | Union]:
        """Structures and unions that get a dataclass: all but the errors raised as exceptions only."""
        return [
            s
            for s in self.shapes.values()
            if isinstance(s, Union) or (isinstance(s, Structure) and not s.is_error_only)
        ]

    def enums(self) -> list[EnumShape]:
        return [s for s in self.shapes.values() if isinstance(s, EnumShape)]
