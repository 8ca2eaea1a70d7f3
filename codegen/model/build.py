"""Stage 3, build: the IR of the selected operations, from the model's validated shape records.

Every name is allocated here, once, through ``codegen.model.names``; nothing is
renamed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from codegen.errors import ModelError
from codegen.model import names
from codegen.model.ir import (
    BotocoreWaiter,
    Deployment,
    EnumShape,
    EnumValue,
    ListShape,
    MapShape,
    Member,
    Operation,
    Paginator,
    Scalar,
    Service,
    Shape,
    Structure,
    TypedDictNames,
    Union,
    UnionVariant,
    Job,
    Waiter,
)
from codegen.model.python_types import FLAVOURED_KINDS
from codegen.model.response_overrides import optional_in_responses
from codegen.model.select import Selection
from codegen.model.shapes import Model, PaginatorDef, ShapeDef
from codegen.model.waiters import DEPLOYMENT, JOBS, WAITERS


def build_service(model: Model, selection: Selection, operations_regex: str = "") -> Service:
    ops = [_operation(model, name) for name in selection.operations]
    optional = optional_in_responses(model.service_id)
    split = _flavours_differ(model, selection, optional)
    paginators = [p for p in (_paginator(model, op) for op in ops) if p is not None]  # (spec, item shape)
    client_class, error_class = names.client_names(model.service_id, operations_regex)
    public = names.PublicNames(
        model,
        selection,
        split,
        [spec.operation for spec, _ in paginators],
        reserved=(client_class, error_class, names.async_name(client_class), names.stubber_name(client_class)),
    )
    responses = {op.output for op in ops if op.output}
    builder = _ShapeBuilder(model, selection, public, responses, optional)
    shapes = {name: builder.shape(model.shape(name)) for name in selection.shapes}
    waiters = _waiters(model, ops)
    botocore_waiters = _botocore_waiters(model, ops, waiters)
    return Service(
        full_name=model.full_name,
        service_id=model.service_id,
        api_version=model.api_version,
        client_class=client_class,
        error_class=error_class,
        operations=tuple(ops),
        shapes=MappingProxyType(shapes),
        paginators=tuple(
            Paginator(
                spec.operation,
                public[f"paginator:{spec.operation}"],
                spec.input_token,
                spec.output_token,
                spec.result_keys,
                item,
                spec.more_results,
            )
            for spec, item in paginators
        ),
        waiters=waiters,
        jobs=_jobs(model, ops, waiters, {spec.operation for spec, _ in paginators}, shapes, botocore_waiters),
        botocore_waiters=botocore_waiters,
    )


def _jobs(
    model: Model,
    ops: list[Operation],
    waiters: tuple[Waiter, ...],
    paged: set[str],
    shapes: dict[str, Shape],
    botocore_waiters: tuple[BotocoreWaiter, ...],
) -> tuple[Job, ...]:
    """The job objects whose operations, waiter and candidates' paginator are all selected, and whose
    requests and description have the members the job object sends and reads (another model version, or
    a damaged one, may not: then there is no job object, rather than one that does not type-check)."""
    by_name = {op.name: op for op in ops}
    jobs = []
    for spec in JOBS:
        waiter = next((w for w in waiters if w.spec.name == spec.waiter), None)
        listing = by_name.get(spec.candidates)
        if waiter is None or listing is None or listing.input is None or spec.candidates not in paged:
            continue
        name = {waiter.spec.name_member}
        if not all(_sends(model, by_name.get(operation), name) for operation in (spec.create, spec.stop)):
            continue
        described = model.shape(str(by_name[waiter.spec.operation].output))  # the waiter checked it has one
        if not {spec.secondary_status_member, spec.best_candidate_member} <= described.members.keys():
            continue
        request = shapes[listing.input]
        assert isinstance(request, Structure)
        paging = {waiter.spec.name_member, "NextToken", "MaxResults"}
        filters = tuple(m for m in request.members if m.wire_name not in paging)
        candidate = described.members[spec.best_candidate_member].target
        jobs.append(Job(spec, waiter, filters, _deployment(model, by_name, botocore_waiters, described, candidate)))
    return tuple(jobs)


def _sends(model: Model, op: Operation | None, members: Iterable[str]) -> bool:
    """Whether ``op`` is selected and its request has every one of ``members``."""
    return op is not None and op.input is not None and set(members) <= model.shape(op.input).members.keys()


def _deployment(
    model: Model,
    by_name: dict[str, Operation],
    botocore_waiters: tuple[BotocoreWaiter, ...],
    described: ShapeDef,
    candidate_shape: str,
) -> Deployment | None:
    """How a job's candidate is deployed, when every operation and waiter of DEPLOYMENT is selected and
    every member deploy() sends or reads is in the model; None otherwise."""
    spec = DEPLOYMENT
    if not {spec.in_service_waiter, spec.deleted_waiter} <= {w.name for w in botocore_waiters}:
        return None
    if not all(_sends(model, by_name.get(operation), sent) for operation, sent in spec.requests().items()):
        return None
    candidate = model.shape(candidate_shape)
    if spec.role_member not in described.members or spec.containers_member not in candidate.members:
        return None
    config = model.shape(str(by_name[spec.create_endpoint_config].input))
    variants = model.shape(config.members[spec.variants_member].target)
    variant = model.shape(variants.item) if variants.item is not None else None
    if variant is None or not spec.variant_members <= variant.members.keys():
        return None
    by_unit = candidate.members.get(spec.definitions_member)
    unit = model.shape(by_unit.target).key if by_unit is not None else None
    return Deployment(spec, variant.members["InstanceType"].target, unit)


def _waiters(model: Model, ops: list[Operation]) -> tuple[Waiter, ...]:
    """The waiters whose Describe operation is selected and has the members they read (another model
    version may not), named clear of the operations."""
    methods = [op.method_name for op in ops]
    waiters = []
    for spec in WAITERS:
        op = next((op for op in ops if op.name == spec.operation), None)
        if op is None or op.input is None or op.output is None:
            continue
        if spec.name_member not in model.shape(op.input).members:
            continue
        if not {spec.status_member, spec.reason_member} <= model.shape(op.output).members.keys():
            continue
        method = names.waiter_method(spec.name, methods)
        if method is None:
            raise ModelError(
                op.name, f"every method name for its waiter {spec.name!r} is taken by an operation", kind="operation"
            )
        waiters.append(Waiter(method, spec))
    return tuple(waiters)


def _botocore_waiters(model: Model, ops: list[Operation], ours: tuple[Waiter, ...]) -> tuple[BotocoreWaiter, ...]:
    """botocore's waiters of the selected operations that take a request, named clear of the operations
    and of the generator's own waiters; one whose every method name is taken is left out."""
    by_name = {op.name: op for op in ops}
    taken = [op.method_name for op in ops] + [w.method for w in ours]
    found = []
    for spec in model.waiters():
        op = by_name.get(spec.operation)
        if op is None or op.input is None:
            continue
        if {"delay", "max_attempts"} & model.shape(op.input).members.keys():
            continue  # the method's own keywords would shadow request keys
        method = names.waiter_method(names.snake_case(spec.name), taken)
        if method is None:
            continue
        taken.append(method)
        found.append(
            BotocoreWaiter(
                spec.name, names.botocore_name(spec.name), method, spec.operation, spec.delay, spec.max_attempts
            )
        )
    return tuple(found)


def _paginator(model: Model, op: Operation) -> tuple[PaginatorDef, str | None] | None:
    """A token paginator of a selected operation, and the shape of one item where it has one list of
    them (several result keys, or one that is no list, page only)."""
    spec = model.paginator(op.name)
    if spec is None or not op.input or not op.output:
        return None
    output = model.shape(op.output)
    named = [*spec.result_keys, spec.output_token, *([spec.more_results] if spec.more_results else [])]
    for key in named:
        if key not in output.members:
            raise ModelError(op.output, f"paginator names {key!r}, which it lacks")
    if spec.input_token not in model.shape(op.input).members:
        return None  # the token would go out under a name the request lacks: page 2 would fail
    if len(spec.result_keys) != 1:
        return spec, None
    result = model.shape(output.members[spec.result_keys[0]].target)
    return spec, (result.item if result.kind == "list" else None)


def _operation(model: Model, name: str) -> Operation:
    op = model.operation(name)
    method = names.method_name(name)
    if method in names.CLIENT_ATTRIBUTES | names.STUBBER_ATTRIBUTES:
        # boto3's name is the contract, and the typed client (or its stubber) needs this one for itself.
        raise ModelError(name, f"its method name {method!r} is one every generated client defines", kind="operation")
    return Operation(name, method, op.input, op.output, op.errors, op.docs)


def _flavours_differ(model: Model, selection: Selection, optional: frozenset[tuple[str, str]]) -> frozenset[str]:
    """Shapes used in both directions whose input and output Python types differ (recursion-safe).

    A structure with a member required in requests only differs too (NotRequired in its output flavour).
    """
    selected = selection.shapes
    differs = {n for n in selected if model.shape(n).kind in FLAVOURED_KINDS}
    differs |= {shape for shape, _ in optional if shape in selected}
    # Whatever refers to a shape that differs differs too: walk the references backwards, once.
    referrers: dict[str, list[str]] = {}
    for name in selected:
        for _, target in model.shape(name).refs():
            referrers.setdefault(target, []).append(name)
    pending = list(differs)
    while pending:
        for referrer in referrers.get(pending.pop(), ()):
            if referrer not in differs:
                differs.add(referrer)
                pending.append(referrer)
    return frozenset(n for n in differs if n in selection.input_shapes and n in selection.output_shapes)


class _ShapeBuilder:
    def __init__(
        self,
        model: Model,
        selection: Selection,
        public: names.PublicNames,
        responses: set[str],
        optional: frozenset[tuple[str, str]],
    ) -> None:
        self.model, self.selection, self.public = model, selection, public
        self.responses, self.optional = responses, optional
        self._secret: dict[str, bool] = {}

    def shape(self, shape: ShapeDef) -> Shape:
        name, docs, sensitive = shape.name, shape.docs, shape.sensitive
        if shape.kind in ("structure", "union"):
            members = self._members(shape)
            typed_dicts = self._typed_dicts(name)
            if shape.kind == "union":
                variants = tuple(
                    UnionVariant(
                        m, self.public[f"input:{name}.{m.wire_name}"], self.public[f"output:{name}.{m.wire_name}"]
                    )
                    for m in members
                )
                return Union(name, self.public[f"class:{name}"], members, variants, typed_dicts, sensitive, docs)
            return Structure(
                name,
                self.public[f"class:{name}"],
                members,
                typed_dicts,
                name in self.responses,
                sensitive,
                docs,
                name in self.selection.error_only,
                shape.event_stream,
                self.public.get(f"async:{name}"),
            )
        if shape.kind == "list":
            return ListShape(name, str(shape.item), shape.constraints, sensitive, docs)
        if shape.kind == "map":
            return MapShape(name, str(shape.key), str(shape.value), shape.constraints, sensitive, docs)
        if shape.kind == "enum":
            member_names = names.deduplicate(names.enum_member_name(v) for v in shape.values)
            return EnumShape(
                name,
                self.public[f"class:{name}"],
                self.public[f"literal:{name}"],
                tuple(EnumValue(v, n) for v, n in zip(shape.values, member_names)),
                shape.constraints,
                sensitive,
                docs,
            )
        return Scalar(name, shape.kind, shape.constraints, sensitive, docs, shape.streaming)

    def _typed_dicts(self, name: str) -> TypedDictNames:
        input_name, output_name = self.public[f"input:{name}"], self.public[f"output:{name}"]
        in_input = name in self.selection.input_shapes
        return TypedDictNames(
            input=input_name,
            output=output_name,
            emit_input=in_input,
            emit_output=name in self.selection.output_shapes and (output_name != input_name or not in_input),
        )

    def _members(self, shape: ShapeDef) -> tuple[Member, ...]:
        members = []
        for (wire, ref), python_name in zip(shape.members.items(), names.member_names(shape.members)):
            required = wire in shape.required
            members.append(
                Member(
                    wire_name=wire,
                    python_name=python_name,
                    target=ref.target,
                    required=required,
                    required_in_response=required and (shape.name, wire) not in self.optional,
                    sensitive=ref.sensitive or self._holds_secret(ref.target),
                    docs=ref.docs or self.model.shape(ref.target).docs,
                    streaming=self.model.streamed(ref),
                )
            )
        return tuple(members)

    def _holds_secret(self, name: str) -> bool:
        """Whether a value of this shape is, or holds in its lists and maps, a sensitive value
        (a structure inside masks its own sensitive fields)."""
        if name not in self._secret:
            seen: set[str] = set()
            pending = [name]
            found = False
            while pending and not found:
                shape = self.model.shape(pending.pop())
                seen.add(shape.name)
                found = shape.sensitive
                if shape.kind in ("list", "map"):
                    pending += [target for _, target in shape.refs() if target not in seen]
            self._secret[name] = found
        return self._secret[name]
