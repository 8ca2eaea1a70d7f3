"""The typed clients' shared machinery: errors, tables, validation before sending, pagination and waiter rules.

Copied verbatim into every generated package (automl-codegen's runtime source).
The package's ``client`` module subclasses ``ClientBase`` with one typed method
per operation and ``aio`` subclasses ``_aio_client.AsyncClientBase`` the same
way; both read the same ``ClientTables``. Everything but waiting on I/O lives
here, so the two clients differ only where one awaits.
"""

from __future__ import annotations

import importlib
import json
import math
from collections.abc import Callable, Iterator, Mapping
from time import monotonic
from types import TracebackType
from typing import Any, Literal, NamedTuple, Protocol

from typing_extensions import Self

from ._runtime import missing_extra

# The types, enums and dataclasses need no botocore; the clients do, and say how to get it.
# botocore is imported by name, so that a type checker never follows it here: checking an
# application that uses the client then costs nothing of botocore's stubs (most of what it
# cost: about 1.5 s of the 2.1 s mypy --strict added, cold) unless it imports botocore itself.
# No signature of the clients names a botocore type (see BotocoreConfig, BotocoreSession).
try:
    botocore: Any = importlib.import_module("botocore")
    _botocore_session: Any = importlib.import_module("botocore.session")
    _botocore_config: Any = importlib.import_module("botocore.config")
    _botocore_exceptions: Any = importlib.import_module("botocore.exceptions")
except ModuleNotFoundError as missing:
    raise missing_extra(
        missing, "botocore", f"{__package__}.client", "client"
    ) from None
ClientError: Any = _botocore_exceptions.ClientError
ParamValidationError: Any = _botocore_exceptions.ParamValidationError
WaiterError: Any = _botocore_exceptions.WaiterError
# A Stubber's failures (a call it has nothing queued for, another operation or other
# parameters than queued) are the test's, not the service's: they reach the caller as
# botocore raised them, never as the package's errors, which the code under test may catch.
STUBBER_FAILURES: Any = (_botocore_exceptions.StubResponseError, AssertionError)
BotoCoreError: Any = (
    _botocore_exceptions.BotoCoreError
)  # botocore's own failures: network, credentials...

from ._validator import ValidationError

RetryMode = Literal["legacy", "standard", "adaptive"]


class BotocoreConfig(Protocol):
    """What ``config=`` takes: a ``botocore.config.Config`` (an ``AioConfig`` for the async client)."""

    def merge(self, other_config: Any) -> Any: ...


class BotocoreSession(Protocol):
    """What ``session=`` takes: a ``botocore.session.Session`` (an ``AioSession`` for the async client)."""

    def create_client(self, service_name: Any, *args: Any, **kwargs: Any) -> Any: ...


class ServiceError(Exception):
    """An error returned by the service; botocore's ClientError is its __cause__."""

    def __init__(
        self,
        message: str,
        code: str = "",
        request_id: str | None = None,
        response: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.request_id = request_id
        self.response = response or {}

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its own arguments, not Exception's args: it pickles (a ProcessPoolExecutor
        # worker's error reaches the parent) and copies.
        return (type(self), (self.message, self.code, self.request_id, self.response))


class JobFailedError(ServiceError):
    """A waited-for job ended in a failure status; ``failure_reason`` says why."""

    def __init__(
        self, job_name: str, status: str, failure_reason: str | None, description: Any
    ) -> None:
        reason = failure_reason or "no reason given"
        super().__init__(f"{job_name} ended with status {status}: {reason}", status)
        self.job_name = job_name
        self.status = status
        self.failure_reason = failure_reason
        self.description = description

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (self.job_name, self.status, self.failure_reason, self.description),
        )


class WaitTimeoutError(ServiceError):
    """A job was still running when the maximum wait ran out."""

    def __init__(self, job_name: str, last_status: str, waited: float) -> None:
        super().__init__(
            f"{job_name} still {last_status} after waiting {waited:.0f} s", last_status
        )
        self.job_name = job_name
        self.last_status = last_status
        self.waited = waited

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.job_name, self.last_status, self.waited))


class WaiterFailedError(ServiceError):
    """One of botocore's own waiters gave up: what it waits on reached a failure state, an error it
    does not wait through came back, or its attempts ran out (``reason`` says which, in botocore's
    words); ``last_response`` is the last response it read."""

    def __init__(self, waiter: str, reason: str, last_response: Any = None) -> None:
        super().__init__(f"waiter {waiter}: {reason}", "WaiterFailed")
        self.waiter = waiter
        self.reason = reason
        self.last_response = last_response

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.waiter, self.reason, self.last_response))


class RepeatedTokenError(ServiceError):
    """The service sent a page token it had sent before: following it would repeat pages forever."""

    def __init__(self, paginator: str, token: str, pages: int) -> None:
        super().__init__(
            f"{paginator}: after {pages} pages the service sent the page token {token!r} "
            "again; stopping, as following it would repeat pages forever",
            "RepeatedToken",
        )
        self.paginator = paginator
        self.token = token
        self.pages = pages

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.paginator, self.token, self.pages))


class ThrottlingError(ServiceError):
    """The service refused the request for its rate (botocore's retries, if any, ran out)."""


class AccessDeniedError(ServiceError):
    """The caller's credentials may not make this request."""


class ServerError(ServiceError):
    """The service failed (an HTTP status of 500 or more) with a code the model does not declare."""


class IncompleteResponseError(ServiceError):
    """A response without what the model promises (a required key missing, a value of another type):
    a truncated body, which botocore reads as an empty response, or a service that changed. Raised
    instead of handing the caller a response its types misdescribe; ``response`` holds it."""


class InvalidRequestError(ServiceError, ValidationError):
    """A request that breaks the model's constraints, found before sending (``errors`` lists every
    problem by path) or refused by botocore's own checks; also a ``ValidationError``."""

    def __init__(self, shape: str, errors: list[str]) -> None:
        ValidationError.__init__(self, shape, errors)
        self.message, self.code, self.request_id, self.response = (
            str(self),
            "InvalidRequest",
            None,
            {},
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.shape, self.errors))


# Error codes AWS services use for throttling and for refused credentials (as botocore's retry
# handlers list them); a code the model declares always wins.
_THROTTLING_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    }
)
_ACCESS_DENIED_CODES = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnauthorizedOperation",
        "UnrecognizedClientException",
        "InvalidClientTokenId",
        "ExpiredToken",
        "ExpiredTokenException",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
        "MissingAuthenticationToken",
    }
)


class BotocoreVersionError(ServiceError):
    """The installed botocore's model lacks an operation or member this package's model has.

    Raised before anything is sent. ``missing`` names the operation or the members
    (as paths into the request). ``oldest_supported`` is the oldest botocore every
    operation works with (the package's lower bound), ``complete_from`` the oldest
    that knows every member a request can carry: upgrading to it is always enough.
    """

    def __init__(
        self,
        operation: str,
        missing: list[str],
        installed: str,
        generated_from: str | None,
        oldest_supported: str | None,
        complete_from: str | None = None,
    ) -> None:
        if not missing:
            what = f"operation {operation}"
        else:
            what = ("members " if len(missing) > 1 else "member ") + ", ".join(missing)
        source = f"botocore {generated_from}" if generated_from else "a newer model"
        # what is enough: for an operation, the oldest botocore every operation works with; for
        # members, the oldest that knows every member a request can carry
        enough = complete_from if missing else oldest_supported
        known = (
            f"; every member it sends is known from botocore {enough}"
            if missing and enough
            else f"; its operations work with botocore >= {enough}"
            if enough
            else ""
        )
        super().__init__(
            f"{operation}: the installed botocore {installed} does not know the "
            f"{what}; this package was generated from {source}{known}: upgrade botocore",
            "BotocoreVersion",
        )
        self.operation = operation
        self.missing = missing
        self.installed = installed
        self.generated_from = generated_from
        self.oldest_supported = oldest_supported
        self.complete_from = complete_from

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (
                self.operation,
                self.missing,
                self.installed,
                self.generated_from,
                self.oldest_supported,
                self.complete_from,
            ),
        )


class WaitSpec(NamedTuple):
    """Which member holds a job's status, which statuses end the wait and which of them fail."""

    operation: str  # the describing method, as botocore names it
    name_member: str  # the request member that names the job
    status_member: str
    reason_member: str
    done: tuple[str, ...]  # return the description
    failure: tuple[str, ...]  # raise JobFailedError with the reason

    def finished(self, job_name: str, description: Mapping[str, Any]) -> bool:
        """True when the job is done; raises JobFailedError when it failed."""
        status = str(description.get(self.status_member, ""))
        if status in self.failure:
            reason = description.get(self.reason_member)
            raise JobFailedError(
                job_name,
                status,
                str(reason) if reason is not None else None,
                description,
            )
        return status in self.done

    def timeout(
        self, job_name: str, description: Mapping[str, Any], waited: float
    ) -> WaitTimeoutError:
        return WaitTimeoutError(
            job_name, str(description.get(self.status_member, "")), waited
        )


def check_wait(delay: float, max_wait: float) -> None:
    """A waiter's times must be finite numbers of seconds, at least 0: ``nan`` or ``inf`` would wait
    forever, a negative one means nothing."""
    for name, value in (("delay", delay), ("max_wait", max_wait)):
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not (number and math.isfinite(value) and value >= 0):
            raise ValueError(
                f"{name} must be a finite number of seconds, at least 0; got {value!r}"
            )


def check_attempts(delay: float, max_attempts: int) -> None:
    """A botocore waiter's delay is a finite number of seconds, at least 0; its attempts a whole
    number, at least 1 (botocore would take 0 or a fraction and never call)."""
    check_wait(delay, 0)
    if not (
        isinstance(max_attempts, int)
        and not isinstance(max_attempts, bool)
        and max_attempts >= 1
    ):
        raise ValueError(
            f"max_attempts must be a whole number, at least 1; got {max_attempts!r}"
        )


def waiter_failure(waiter: str, error: Any) -> WaiterFailedError:
    """The package's exception for botocore's WaiterError."""
    reason = getattr(error, "kwargs", {}).get("reason") or str(error)
    return WaiterFailedError(waiter, str(reason), getattr(error, "last_response", None))


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    """``call()`` and the seconds it took, on the monotonic clock (``monotonic`` is imported by name:
    tests replace it in this module, not in the time module)."""
    started = monotonic()
    result = call()
    return result, monotonic() - started


class PageSpec(NamedTuple):
    """How an operation pages: the request's and the response's token, the list of items (None where
    the pages bring several result keys: S3's Contents and CommonPrefixes), and the member saying
    whether another page follows (S3's IsTruncated), where the model names one.

    Keyed in ``ClientTables.paginators`` by the paginator's name, which (as in boto3) is the
    listing operation's method.
    """

    input_token: str
    output_token: str
    result_key: str | None
    more_results: str | None = None

    def next_request(
        self,
        paginator: str,
        request: dict[str, Any],
        page: Mapping[str, Any],
        seen: set[Any],
    ) -> dict[str, Any] | None:
        """The request for the page after ``page``; None when it was the last. ``seen``: the tokens
        followed so far; one of them again raises RepeatedTokenError (botocore only notices the
        immediately repeated one; a service cycling A, B, A... would page forever). A token may be
        a structure (DynamoDB's LastEvaluatedKey): it is compared by value."""
        token = page.get(self.output_token)
        if not token or (
            self.more_results is not None and not page.get(self.more_results)
        ):
            return None
        key = _token_key(token)
        if key in seen or key == _token_key(request.get(self.input_token)):
            raise RepeatedTokenError(paginator, _short_token(token), len(seen) + 1)
        seen.add(key)
        return {**request, self.input_token: token}


def _token_key(token: Any) -> Any:
    """A token as a set member: itself, or its JSON text where it is a structure (not hashable)."""
    try:
        hash(token)
        return token
    except TypeError:
        return json.dumps(token, sort_keys=True, default=str)


def _short_token(token: Any) -> str:
    text = str(token)
    return text if len(text) <= 80 else text[:77] + "..."


class ClientTables(NamedTuple):
    """What a generated client knows of its model, shared by the sync and the async client."""

    service: str  # botocore's name of the service, as create_client takes it
    # method -> (operation, request shape, response shape)
    operations: Mapping[str, tuple[str, str | None, str | None]]
    errors: Mapping[str, type[ServiceError]]  # error code -> the typed exception
    validate: Callable[[str, Any], list[str]]  # the package's validate_shape
    # the package's response_problem: what a response lacks of what its types promise, or None
    response_problem: Callable[[str, Any], str | None]
    paginators: Mapping[
        str, PageSpec
    ]  # paginator name = the listing method -> how it pages
    waiters: Mapping[str, WaitSpec]  # waiter method -> what it polls
    generated_from: str | None  # the botocore version whose model this is
    oldest_botocore: str | None  # the oldest botocore every operation works with
    complete_botocore: (
        str | None
    )  # the oldest that knows every member a request can carry


def translate(
    error: Exception, errors: Mapping[str, type[ServiceError]]
) -> ServiceError:
    """The package's exception for botocore's ClientError: the one the model declares for its code,
    else by what the code or status says (throttling, credentials, a server failure), else the base."""
    response: Mapping[str, Any] = getattr(error, "response", None) or {}
    details = response.get("Error", {})
    code = str(details.get("Code", ""))
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    cls = errors.get(code)
    if cls is None:
        if code in _THROTTLING_CODES:
            cls = ThrottlingError
        elif code in _ACCESS_DENIED_CODES:
            cls = AccessDeniedError
        elif isinstance(status, int) and status >= 500:
            cls = ServerError
        else:
            cls = ServiceError
    request_id = response.get("ResponseMetadata", {}).get("RequestId")
    return cls(
        str(details.get("Message", "")) or str(error), code, request_id, dict(response)
    )


def checked(tables: ClientTables, method: str, kwargs: Mapping[str, Any]) -> None:
    """Raises ValidationError when the request breaks a constraint of the model."""
    shape = tables.operations[method][1]
    if shape is not None:
        errors = tables.validate(shape, kwargs)
        if errors:
            raise InvalidRequestError(shape, errors)


def checked_response(tables: ClientTables, method: str, response: Any) -> None:
    """Raises IncompleteResponseError when ``response`` lacks what its types promise."""
    operation, _, shape = tables.operations[method]
    if shape is not None:
        problem = tables.response_problem(shape, response)
        if problem is not None:
            raise IncompleteResponseError(
                f"the response to {operation} is not what the model promises ({problem}): "
                "a truncated body, or a changed service",
                "IncompleteResponse",
                None,
                response if isinstance(response, dict) else {},
            )


def operation_of(client: Any, tables: ClientTables, method: str) -> Callable[..., Any]:
    """The botocore client's method; BotocoreVersionError if its botocore has no such operation."""
    try:
        return getattr(client, method)  # type: ignore[no-any-return]
    except AttributeError:
        raise _too_old(tables, method, []) from None


def failure(
    client: Any,
    tables: ClientTables,
    method: str,
    kwargs: Mapping[str, Any],
    error: Exception,  # botocore's ClientError or BotoCoreError
) -> ServiceError:
    """The package's exception to raise for botocore's ``error``: everything a client raises is one.

    A ClientError becomes the package's exception for its code (``translate``). A
    ParamValidationError for members the installed botocore's model lacks (ours has
    them: they passed our validation) becomes BotocoreVersionError naming them; any
    other, an InvalidRequestError. Either way botocore's error is the ``__cause__``.
    """
    if isinstance(error, ClientError):
        return translate(error, tables.errors)
    if not isinstance(
        error, ParamValidationError
    ):  # no connection, no credentials, a timeout...
        return ServiceError(str(error), type(error).__name__)
    operation, shape, _ = tables.operations[method]
    try:
        model = client.meta.service_model.operation_model(operation)
    except Exception:  # a fake or unusual client: nothing to compare with
        model = None
    missing = (
        _unknown_members(model.input_shape, kwargs, "") if model is not None else []
    )
    if missing:
        return _too_old(tables, method, missing)
    return InvalidRequestError(shape or operation, [str(error)])


def _unknown_members(shape: Any, value: Any, path: str) -> list[str]:
    """Paths in ``value`` that botocore's shape ``shape`` has no member for."""
    if shape is None:
        return []
    if shape.type_name == "structure" and isinstance(value, Mapping):
        found: list[str] = []
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            member = shape.members.get(key)
            found += (
                [where] if member is None else _unknown_members(member, item, where)
            )
        return found
    if shape.type_name == "list" and isinstance(value, (list, tuple)):
        return [
            p
            for i, item in enumerate(value)
            for p in _unknown_members(shape.member, item, f"{path}[{i}]")
        ]
    if shape.type_name == "map" and isinstance(value, Mapping):
        return [
            p
            for key, item in value.items()
            for p in _unknown_members(shape.value, item, f"{path}[{key!r}]")
        ]
    return []


def _too_old(
    tables: ClientTables, method: str, missing: list[str]
) -> BotocoreVersionError:
    return BotocoreVersionError(
        tables.operations[method][0],
        missing,
        str(botocore.__version__),
        tables.generated_from,
        tables.oldest_botocore,
        tables.complete_botocore,
    )


def client_config(
    config_class: Any,
    config: BotocoreConfig | None,
    max_attempts: int | None,
    retry_mode: RetryMode | None,
    connect_timeout: float | None,
    read_timeout: float | None,
) -> Any:
    """The ``config`` a new client gets: ``config`` with the typed settings laid over it.

    ``max_attempts`` counts every attempt, the first included, as ``max_attempts`` in
    ``~/.aws/config`` does (botocore's ``total_max_attempts``). A setting given both ways
    takes the keyword's value; the rest of ``config``, its other retry settings included,
    is kept.
    """
    retries = {
        key: value
        for key, value in (("total_max_attempts", max_attempts), ("mode", retry_mode))
        if value is not None
    }
    timeouts = {
        key: value
        for key, value in (
            ("connect_timeout", connect_timeout),
            ("read_timeout", read_timeout),
        )
        if value is not None
    }
    if not retries and not timeouts:
        return config
    settings: dict[str, Any] = dict(timeouts)
    if retries:
        settings["retries"] = {**(getattr(config, "retries", None) or {}), **retries}
    ours = config_class(**settings)
    return ours if config is None else config.merge(ours)


def creation_settings(
    owner: object,
    client: Any,
    config_class: Any,
    *,
    region_name: str | None,
    endpoint_url: str | None,
    max_attempts: int | None,
    retry_mode: RetryMode | None,
    connect_timeout: float | None,
    read_timeout: float | None,
    config: BotocoreConfig | None,
    session: BotocoreSession | None,
) -> dict[str, Any]:
    """``create_client``'s keyword arguments for the client ``owner`` creates when it was given none.

    Beside a client given they would be ignored, so any of them is a TypeError naming it.
    """
    if client is not None:
        given = {
            "region_name": region_name,
            "endpoint_url": endpoint_url,
            "max_attempts": max_attempts,
            "retry_mode": retry_mode,
            "connect_timeout": connect_timeout,
            "read_timeout": read_timeout,
            "config": config,
            "session": session,
        }
        named = [key for key, value in given.items() if value is not None]
        if named:
            name = type(owner).__name__
            raise TypeError(
                f"{name}: {', '.join(named)} set up a client {name} creates, "
                "but a client was given: configure that client instead"
            )
        return {}
    settings = (max_attempts, retry_mode, connect_timeout, read_timeout)
    return {
        "region_name": region_name,
        "endpoint_url": endpoint_url,
        "config": client_config(config_class, config, *settings),
    }


class ClientBase:
    """Wraps a botocore client: validates requests, calls it, translates its errors.

    A client it was given stays open; one it created is closed by ``close()`` or on
    leaving ``with``.
    """

    _TABLES: ClientTables

    def __init__(
        self,
        client: Any = None,
        *,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        max_attempts: int | None = None,
        retry_mode: RetryMode | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        config: BotocoreConfig | None = None,
        session: BotocoreSession | None = None,
        validate: bool = True,
    ) -> None:
        settings = creation_settings(
            self,
            client,
            _botocore_config.Config,
            region_name=region_name,
            endpoint_url=endpoint_url,
            max_attempts=max_attempts,
            retry_mode=retry_mode,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            config=config,
            session=session,
        )
        self._owned = client is None
        if client is None:
            session = session or _botocore_session.get_session()
            client = session.create_client(self._TABLES.service, **settings)
        self.client = client
        self.validate = validate

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Closes the botocore client this object created; one it was given stays open."""
        if self._owned:
            self._owned = False
            self.client.close()

    def _call(self, method: str, kwargs: Mapping[str, Any]) -> Any:
        tables = self._TABLES
        if self.validate:
            checked(tables, method, kwargs)
        send = operation_of(self.client, tables, method)
        try:
            response = send(**kwargs)
        except (ClientError, BotoCoreError) as error:
            if isinstance(error, STUBBER_FAILURES):
                raise
            raise failure(self.client, tables, method, kwargs, error) from error
        if self.validate:
            checked_response(tables, method, response)
        return response

    def _wait(
        self,
        waiter: str,
        job_name: str,
        delay: float,
        max_wait: float,
        sleep: Callable[[float], None],
        on_poll: Callable[[Any], object] | None = None,
    ) -> Any:
        # ``max_wait`` counts the describe calls (measured) and the sleeps (as asked: an injected sleep
        # is taken at its word), so slow calls or a delay of 0 still end the wait; it stops when one
        # more sleep would pass the limit, or once a call has taken it past.
        check_wait(delay, max_wait)
        spec = self._TABLES.waiters[waiter]
        request = {spec.name_member: job_name}
        waited = 0.0
        while True:
            description, took = timed(lambda: self._call(spec.operation, request))
            waited += took
            if (
                on_poll is not None
            ):  # each description as it comes (a job object's progress)
                on_poll(description)
            if spec.finished(job_name, description):
                return description
            if waited >= max_wait or waited + delay > max_wait:
                raise spec.timeout(job_name, description, waited)
            sleep(delay)
            waited += delay

    def _botocore_wait(
        self,
        waiter: str,
        method: str,
        kwargs: Mapping[str, Any],
        delay: float,
        max_attempts: int,
    ) -> None:
        """botocore's own waiter ``waiter`` (it reads the acceptors: paths, error codes) over the
        request of ``method``, validated as a call of it would be."""
        check_attempts(delay, max_attempts)
        if self.validate:
            checked(self._TABLES, method, kwargs)
        config = {"Delay": delay, "MaxAttempts": max_attempts}
        try:
            self.client.get_waiter(waiter).wait(**kwargs, WaiterConfig=config)
        except WaiterError as error:
            raise waiter_failure(waiter, error) from error
        except (ClientError, BotoCoreError) as error:
            if isinstance(error, STUBBER_FAILURES):
                raise
            raise failure(self.client, self._TABLES, method, kwargs, error) from error

    def _pages(self, paginator: str, kwargs: Mapping[str, Any]) -> Iterator[Any]:
        """Every page, starting from the input token if given."""
        spec = self._TABLES.paginators[paginator]
        request: dict[str, Any] | None = dict(kwargs)
        seen: set[Any] = set()
        while request is not None:
            page = self._call(paginator, request)
            yield page
            request = spec.next_request(paginator, request, page, seen)

    def _items(self, paginator: str, kwargs: Mapping[str, Any]) -> Iterator[Any]:
        """Every item of the paginator's result key, across all pages."""
        result_key = self._TABLES.paginators[paginator].result_key
        assert (
            result_key is not None
        )  # items() exists only where the pages bring one list
        for page in self._pages(paginator, kwargs):
            yield from page.get(result_key, [])
