"""The view the client template receives: operations, paginators, waiters and errors, all names decided."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from codegen import symbols
from codegen.emit import docs
from codegen.emit.annotations import Import, import_lines
from codegen.symbols import Symbol
from codegen.model.ir import Service, Structure
from codegen.model.names import snake_case
from codegen.model.waiters import WaiterSpec


@dataclass(frozen=True, slots=True)
class OperationView:
    name: str
    method: str
    request_shape: str | None
    response_shape: str | None
    request_type: str | None  # the TypedDict of its keyword arguments
    response_type: str
    request_model: str | None  # the dataclasses, for the object-level entry point
    response_model: str | None
    docs: str
    sendable: bool  # send() takes its request dataclass: no other selected operation shares the request shape
    error_codes: tuple[str, ...] = ()  # the errors the model declares for it
    async_response_type: str | None = None  # what the async client returns, where aiobotocore's streams differ

    def returns(self, aio: bool) -> str:
        """The TypedDict a client's method returns: the async one holds aiobotocore's streams."""
        return (self.async_response_type or self.response_type) if aio else self.response_type

    @property
    def error_code_type(self) -> str:
        """What the stubber's ``<method>_error`` takes: the declared codes (for completion), or any."""
        declared = ", ".join(repr(code) for code in self.error_codes)
        return f"Literal[{declared}] | str" if declared else "str"


@dataclass(frozen=True, slots=True)
class PaginatorView:
    sync_class: str
    async_class: str
    name: str  # boto3's paginator name, the operation's method name
    operation: OperationView
    input_token: str
    output_token: str
    result_key: str | None  # the list items() walks; None: pages only (several result keys)
    item_type: str
    item_is_typed_dict: bool
    more_results: str | None  # the member saying whether another page follows

    def class_name(self, aio: bool) -> str:
        return self.async_class if aio else self.sync_class


@dataclass(frozen=True, slots=True)
class WaiterView:
    spec: WaiterSpec
    method: str
    operation: OperationView
    name_argument: str


@dataclass(frozen=True, slots=True)
class BotocoreWaiterView:
    """A ``wait_*`` method over one of botocore's own waiters, typed by its operation's request."""

    name: str  # botocore's, e.g. EndpointInService
    botocore_name: str  # what botocore's get_waiter takes, e.g. endpoint_in_service
    method: str
    operation: OperationView
    delay: float
    max_attempts: int


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
    stubber_class: str
    error_class: str
    operations: tuple[OperationView, ...]
    paginators: tuple[PaginatorView, ...]
    waiters: tuple[WaiterView, ...]
    errors: tuple[ErrorView, ...]
    botocore_waiters: tuple[BotocoreWaiterView, ...] = ()

    def class_name(self, aio: bool) -> str:
        return self.async_client_class if aio else self.client_class

    def senders(self) -> list[OperationView]:
        return [o for o in self.operations if o.sendable]

    @property
    def send_overloaded(self) -> bool:
        """``send()`` takes one of several request classes: one overload each, dispatched by a table."""
        return len(self.senders()) > 1

    @property
    def paginator_overloaded(self) -> bool:
        """``get_paginator()`` takes one of several names: one overload each."""
        return len(self.paginators) > 1

    def shared_names(self) -> list[str]:
        """The exceptions: defined by ``client``, re-exported by ``aio``."""
        runtime = sorted(s.name for s in (symbols.VALIDATION_ERROR, *symbols.RUNTIME_EXCEPTIONS))
        return [self.error_class, *runtime] + [e.class_name for e in self.errors]

    def public_names(self, aio: bool) -> list[str]:
        """A client module's ``__all__``; the package root points there when asked for one of them."""
        return [self.class_name(aio), *self.shared_names(), *(p.class_name(aio) for p in self.paginators)]

    def imports(self, aio: bool) -> list[str]:
        """Every import a client module needs, its siblings' included."""
        needed: set[Import] = {symbols.FUTURE_ANNOTATIONS, Symbol("typing", "cast"), symbols.VALIDATION_ERROR}
        needed |= set(symbols.RUNTIME_EXCEPTIONS)
        tables, exceptions, by_request = symbols.CLIENT_PRIVATE
        if aio:
            needed |= {symbols.ASYNC_CLIENT_BASE, tables, exceptions}
            needed |= {symbols.generated("client", name) for name in (self.error_class, *self.error_names())}
        else:
            needed |= {symbols.VALIDATE_SHAPE, symbols.RESPONSE_PROBLEM, symbols.BOTOCORE_VERSION}
            needed |= {symbols.OLDEST_BOTOCORE, symbols.COMPLETE_BOTOCORE}
            needed |= {symbols.CLIENT_BASE, symbols.CLIENT_TABLES, symbols.SERVICE_ERROR}
        if any(o.request_type for o in self.operations):
            needed.add(Symbol(symbols.TYPING_EXTENSIONS, "Unpack"))
        if self.send_overloaded or self.paginator_overloaded:
            needed |= {Symbol("typing", "overload"), Symbol("typing", "Any")}
        if self.send_overloaded and aio:
            needed.add(by_request)
        if self.paginators:
            needed |= {Symbol("typing", "Literal"), Symbol("collections.abc", "AsyncIterator" if aio else "Iterator")}
            if not aio:
                needed.add(symbols.PAGE_SPEC)
        if self.waiters:
            needed.add(Symbol("collections.abc", "Callable"))
            if aio:
                needed |= {Symbol("asyncio", ""), Symbol("collections.abc", "Awaitable")}
            else:
                needed |= {Symbol("time", ""), symbols.WAIT_SPEC}
        needed |= {symbols.generated("models", name) for name in self.model_imports()}
        # The TypedDicts appear only in annotations and quoted casts: importing the client does not load type_defs.
        return import_lines(needed, {symbols.generated("type_defs", name) for name in self.type_def_imports(aio)})

    def stubber_imports(self) -> list[str]:
        """The stubber module's imports: its base at run time; the response dataclasses and request
        TypedDicts its signatures name, for checkers only."""
        needed: set[Import] = {symbols.FUTURE_ANNOTATIONS, symbols.STUBBER_BASE}
        if any(o.error_codes for o in self.operations):
            needed.add(Symbol("typing", "Literal"))
        typing_only = {symbols.generated("models", o.response_model) for o in self.operations if o.response_model}
        typing_only |= {symbols.generated("type_defs", o.request_type) for o in self.operations if o.request_type}
        if not all(o.request_type for o in self.operations):  # an operation without input: any mapping
            typing_only.add(Symbol("collections.abc", "Mapping"))
        return import_lines(needed, typing_only)

    def error_names(self) -> list[str]:
        return [e.class_name for e in self.errors]

    def type_def_imports(self, aio: bool = False) -> list[str]:
        names = {o.returns(aio) for o in self.operations}  # pages and waiters: operations without streams
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
                response_shape=op.output,
                request_type=request.typed_dicts.input if request else None,
                response_type=response.typed_dicts.output if response else symbols.EMPTY_RESPONSE.name,
                request_model=request.class_name if request else None,
                response_model=response.class_name if response else None,
                docs=to_text(op.docs),
                sendable=op.input is not None and request_uses[op.input] == 1,
                error_codes=tuple(sorted(op.errors)),
                async_response_type=response.async_typed_dict if response else None,
            )
        )
    by_name = {o.name: o for o in operations}
    paginators = []
    for paginator in service.paginators:
        item = service.shapes[paginator.item_shape] if paginator.item_shape else None
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
                paginator.more_results,
            )
        )
    waiters = tuple(
        WaiterView(w.spec, w.method, by_name[w.spec.operation], snake_case(w.spec.name_member)) for w in service.waiters
    )
    errors = tuple(ErrorView(e.class_name, e.name, docs.shape_docs(e, error=True)) for e in service.errors())
    return ClientView(
        service.client_class,
        service.async_client_class,
        service.stubber_class,
        service.error_class,
        tuple(operations),
        tuple(paginators),
        waiters,
        errors,
        tuple(
            BotocoreWaiterView(w.name, w.botocore_name, w.method, by_name[w.operation], w.delay, w.max_attempts)
            for w in service.botocore_waiters
        ),
    )
