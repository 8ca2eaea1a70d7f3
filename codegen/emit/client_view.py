"""The view the client template receives: operations, paginators, waiters and errors, all names decided."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from codegen.emit.annotations import Import, import_lines
from codegen.model.ir import Service, Structure
from codegen.model.names import snake_case
from codegen.model.waiters import WaiterSpec

EMPTY_RESPONSE = "EmptyResponseMetadataTypeDef"


# The exceptions codegen/runtime/_client.py defines that both client modules export (with the service's base
# error, the validator's ValidationError and the model's error shapes).
RUNTIME_EXCEPTIONS = ("BotocoreVersionError", "JobFailedError", "RepeatedTokenError", "WaitTimeoutError")


@dataclass(frozen=True, slots=True)
class OperationView:
    name: str
    method: str
    request_shape: str | None
    request_type: str | None  # the TypedDict of its keyword arguments
    response_type: str
    request_model: str | None  # the dataclasses, for the object-level entry point
    response_model: str | None
    docs: str
    sendable: bool  # send() takes its request dataclass: no other selected operation shares the request shape


@dataclass(frozen=True, slots=True)
class PaginatorView:
    sync_class: str
    async_class: str
    name: str  # boto3's paginator name, the operation's method name
    operation: OperationView
    input_token: str
    output_token: str
    result_key: str
    item_type: str
    item_is_typed_dict: bool

    def class_name(self, aio: bool) -> str:
        return self.async_class if aio else self.sync_class


@dataclass(frozen=True, slots=True)
class WaiterView:
    spec: WaiterSpec
    method: str
    operation: OperationView
    name_argument: str


@dataclass(frozen=True, slots=True)
class ErrorView:
    class_name: str
    code: str
    docs: str


@dataclass(frozen=True, slots=True)
class ClientView:
    """One view for both clients: ``aio`` picks the async names and imports."""

    client_class: str
    async_client_class: str
    error_class: str
    operations: tuple[OperationView, ...]
    paginators: tuple[PaginatorView, ...]
    waiters: tuple[WaiterView, ...]
    errors: tuple[ErrorView, ...]

    def class_name(self, aio: bool) -> str:
        return self.async_client_class if aio else self.client_class

    def senders(self) -> list[OperationView]:
        return [o for o in self.operations if o.sendable]

    def shared_names(self) -> list[str]:
        """The exceptions: defined by ``client``, re-exported by ``aio``."""
        return [self.error_class, *sorted(("ValidationError", *RUNTIME_EXCEPTIONS))] + [
            e.class_name for e in self.errors
        ]

    def public_names(self, aio: bool) -> list[str]:
        """A client module's ``__all__``; the package root points there when asked for one of them."""
        return [self.class_name(aio), *self.shared_names(), *(p.class_name(aio) for p in self.paginators)]

    def imports(self, aio: bool) -> list[str]:
        """Every import a client module needs, its siblings' included."""
        needed: set[Import] = {("typing", "cast")}
        if aio:
            needed |= {("._aio_client", "AsyncClientBase"), ("._validator", "ValidationError")}
            needed |= {("._client", name) for name in RUNTIME_EXCEPTIONS}
            needed |= {(".client", name) for name in ("_TABLES", "_Exceptions", self.error_class)}
            needed |= {(".client", e.class_name) for e in self.errors}
        else:
            needed |= {("._validator", "ValidationError"), (".validation", "validate_shape")}
            needed |= {("._source", "BOTOCORE_VERSION"), ("._source", "OLDEST_BOTOCORE")}
            needed |= {
                ("._client", name) for name in ("ClientBase", "ClientTables", "ServiceError", *RUNTIME_EXCEPTIONS)
            }
        if any(o.request_type for o in self.operations):
            needed.add(("typing_extensions", "Unpack"))
        several_senders = len(self.senders()) > 1
        if several_senders or len(self.paginators) > 1:
            needed |= {("typing", "overload"), ("typing", "Any")}
        if several_senders and aio:
            needed.add((".client", "_BY_REQUEST"))
        if self.paginators:
            needed |= {("typing", "Literal"), ("collections.abc", "AsyncIterator" if aio else "Iterator")}
            if not aio:
                needed.add(("._client", "PageSpec"))
        if self.waiters:
            needed.add(("collections.abc", "Callable"))
            if aio:
                needed |= {("asyncio", ""), ("collections.abc", "Awaitable")}
            else:
                needed |= {("time", ""), ("._client", "WaitSpec")}
        needed |= {(".models", name) for name in self.model_imports()}
        # The TypedDicts appear only in annotations and quoted casts: importing the client does not load type_defs.
        return import_lines(needed, {(".type_defs", name) for name in self.type_def_imports()})

    def type_def_imports(self) -> list[str]:
        names = {o.response_type for o in self.operations}
        names |= {o.request_type for o in self.operations if o.request_type}
        names |= {p.item_type for p in self.paginators if p.item_is_typed_dict}
        return sorted(names)

    def model_imports(self) -> list[str]:
        return sorted({n for o in self.senders() for n in (o.request_model, o.response_model) if n})


def client_view(service: Service, to_text: Callable[[str], str]) -> ClientView:
    operations = []
    request_uses = Counter(op.input for op in service.operations)
    for op in service.operations:
        request = service.shapes[op.input] if op.input else None
        response = service.shapes[op.output] if op.output else None
        assert request is None or isinstance(request, Structure)
        assert response is None or isinstance(response, Structure)
        operations.append(
            OperationView(
                name=op.name,
                method=op.method_name,
                request_shape=op.input,
                request_type=request.typed_dicts.input if request else None,
                response_type=response.typed_dicts.output if response else EMPTY_RESPONSE,
                request_model=request.class_name if request else None,
                response_model=response.class_name if response else None,
                docs=to_text(op.docs),
                sendable=op.input is not None and request_uses[op.input] == 1,
            )
        )
    by_name = {o.name: o for o in operations}
    paginators = []
    for paginator in service.paginators:
        item = service.shapes[paginator.item_shape]
        is_typed_dict = isinstance(item, Structure)
        item_type = item.typed_dicts.output if isinstance(item, Structure) else "Any"
        operation = by_name[paginator.operation]
        paginators.append(
            PaginatorView(
                paginator.class_name,
                paginator.async_class_name,
                operation.method,
                operation,
                paginator.input_token,
                paginator.output_token,
                paginator.result_key,
                item_type,
                is_typed_dict,
            )
        )
    waiters = tuple(
        WaiterView(w.spec, w.method, by_name[w.spec.operation], snake_case(w.spec.name_member)) for w in service.waiters
    )
    errors = tuple(ErrorView(e.class_name, e.name, to_text(e.docs) or f"The {e.name} error.") for e in service.errors())
    return ClientView(
        service.client_class,
        service.async_client_class,
        service.error_class,
        tuple(operations),
        tuple(paginators),
        waiters,
        errors,
    )
