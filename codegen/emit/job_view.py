"""The view the job templates receive (jobs.py, aio_jobs.py): each job object's operations and types,
all names and annotations decided."""

from __future__ import annotations

from dataclasses import dataclass

from codegen import symbols
from codegen.emit.annotations import Import, import_lines
from codegen.emit.client_view import ClientView
from codegen.emit.type_table import TypeTable
from codegen.model.ir import Deployment, Structure
from codegen.model.names import async_name, snake_case
from codegen.symbols import Symbol


@dataclass(frozen=True, slots=True)
class FilterView:
    name: str  # the keyword argument: the member's Python name
    wire_name: str
    annotation: str  # what a caller may pass


@dataclass(frozen=True, slots=True)
class DeploymentView:
    """What a job object's model and endpoint methods call and name (codegen.model.waiters.DEPLOYMENT)."""

    create_model: str
    model_request_type: str
    model_response_type: str
    create_endpoint_config: str
    create_endpoint: str
    delete_endpoint: str
    delete_endpoint_config: str
    delete_model: str
    wait_in_service: str
    wait_deleted: str
    instance_type: str  # the annotation of a production variant's instance type
    role_member: str
    containers_member: str
    definitions_member: str | None  # the candidate's containers by processing unit, where the model has them
    processing_unit: str | None  # the annotation of a processing unit (the map's key)


@dataclass(frozen=True, slots=True)
class JobView:
    class_name: str
    create_method: str
    request_type: str  # the create request's TypedDict
    request_model: str  # and its dataclass
    describe_method: str
    description_type: str  # the describe response's TypedDict
    waiter_method: str
    name_member: str  # the request member naming the job (AutoMLJobName)
    name_argument: str  # the same, as the waiter's argument
    status_member: str
    secondary_status_member: str
    stop_method: str
    candidates_method: str  # the listing paginator's name
    candidates_request_type: str
    candidate_type: str  # what the candidates' listing yields
    best_candidate_type: str  # what the description's best candidate is
    best_candidate_member: str
    candidate_argument_type: str  # what a candidate given to model_request may be: either of the two
    filters: tuple[FilterView, ...]
    deployment: DeploymentView | None = None

    def name(self, aio: bool) -> str:
        return async_name(self.class_name) if aio else self.class_name


@dataclass(frozen=True, slots=True)
class JobsView:
    jobs: tuple[JobView, ...]
    client_class: str
    async_client_class: str
    imports_needed: frozenset[Import]  # what the jobs' annotations name beside the client's types

    def client(self, aio: bool) -> str:
        return self.async_client_class if aio else self.client_class

    def imports(self, aio: bool) -> list[str]:
        runtime: set[Import] = {
            symbols.FUTURE_ANNOTATIONS,
            Symbol("logging", ""),
            Symbol("collections.abc", "Callable"),
            Symbol(symbols.TYPING_EXTENSIONS, "Self"),
        }
        runtime |= {symbols.generated("models", job.request_model) for job in self.jobs}  # isinstance
        if not aio:
            runtime.add(Symbol("time", ""))
        else:
            runtime |= {Symbol("asyncio", ""), Symbol("collections.abc", "Awaitable")}
        typing_only: set[Import] = {symbols.generated("aio" if aio else "client", self.client(aio))}
        typing_only.add(Symbol("collections.abc", "AsyncIterator" if aio else "Iterator"))
        for job in self.jobs:
            names = (job.request_type, job.description_type, job.candidate_type, job.best_candidate_type)
            for name in (*names, job.candidates_request_type):
                typing_only.add(symbols.generated("type_defs", name))
            if job.deployment is not None:
                deployment = job.deployment
                runtime |= {symbols.INFERENCE_CONTAINERS, symbols.CANDIDATE_CONTAINERS, Symbol("typing", "cast")}
                typing_only.add(Symbol("collections.abc", "Sequence"))
                for name in (deployment.model_request_type, deployment.model_response_type):
                    typing_only.add(symbols.generated("type_defs", name))
        return import_lines(runtime, typing_only | self.imports_needed)


def jobs_view(table: TypeTable, client: ClientView) -> JobsView | None:
    """The job objects the selection has (codegen.model.waiters.JOBS), or None."""
    service = table.service
    if not service.jobs:
        return None
    by_name = {op.name: op for op in client.operations}
    paginators = {p.operation.name: p for p in client.paginators}
    views: list[JobView] = []
    imports: set[Import] = set()
    for job in service.jobs:
        spec, waiter = job.spec, job.waiter
        create, describe, stop = by_name[spec.create], by_name[waiter.spec.operation], by_name[spec.stop]
        paginator = paginators[spec.candidates]
        assert create.request_type and create.request_model and paginator.operation.request_type
        output = next(op.output for op in service.operations if op.name == waiter.spec.operation)
        described = service.shapes[output or ""]
        assert isinstance(described, Structure)
        best = next(m for m in described.members if m.wire_name == spec.best_candidate_member)
        filters = []
        for member in job.candidate_filters:
            annotation = table.member(member).input
            imports |= annotation.imports
            filters.append(FilterView(member.python_name, member.wire_name, annotation.text))
        views.append(
            JobView(
                class_name=spec.class_name,
                create_method=create.method,
                request_type=create.request_type,
                request_model=create.request_model,
                describe_method=describe.method,
                description_type=describe.response_type,
                waiter_method=waiter.method,
                name_member=waiter.spec.name_member,
                name_argument=snake_case(waiter.spec.name_member),
                status_member=waiter.spec.status_member,
                secondary_status_member=spec.secondary_status_member,
                stop_method=stop.method,
                candidates_method=paginator.name,
                candidates_request_type=paginator.operation.request_type,
                candidate_type=paginator.item_type,
                best_candidate_type=table[best.target].output.text,
                best_candidate_member=spec.best_candidate_member,
                candidate_argument_type=" | ".join(
                    dict.fromkeys((table[best.target].output.text, paginator.item_type))
                ),
                filters=tuple(filters),
                deployment=_deployment(table, client, job.deployment, imports),
            )
        )
    return JobsView(tuple(views), client.client_class, client.async_client_class, frozenset(imports))


def _deployment(
    table: TypeTable, client: ClientView, deployment: Deployment | None, imports: set[Import]
) -> DeploymentView | None:
    """The model and endpoint methods' names and types (codegen.model.build decided whether the job has them)."""
    if deployment is None:
        return None
    spec = deployment.spec
    methods = {op.name: op for op in client.operations}
    waiters = {w.name: w.method for w in client.botocore_waiters}
    create_model = methods[spec.create_model]
    assert create_model.request_type
    instance_type = table[deployment.instance_type].input
    imports |= instance_type.imports
    unit = table[deployment.processing_unit].input if deployment.processing_unit else None
    if unit is not None:
        imports |= unit.imports
    return DeploymentView(
        create_model=create_model.method,
        model_request_type=create_model.request_type,
        model_response_type=create_model.response_type,
        create_endpoint_config=methods[spec.create_endpoint_config].method,
        create_endpoint=methods[spec.create_endpoint].method,
        delete_endpoint=methods[spec.delete_endpoint].method,
        delete_endpoint_config=methods[spec.delete_endpoint_config].method,
        delete_model=methods[spec.delete_model].method,
        wait_in_service=waiters[spec.in_service_waiter],
        wait_deleted=waiters[spec.deleted_waiter],
        instance_type=instance_type.text,
        role_member=spec.role_member,
        containers_member=spec.containers_member,
        definitions_member=spec.definitions_member if unit is not None else None,
        processing_unit=unit.text if unit is not None else None,
    )
