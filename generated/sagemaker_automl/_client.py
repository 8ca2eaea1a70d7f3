"""The typed clients' shared machinery: errors, the call path, pagination and the job waiter.

Copied verbatim into every generated package (automl-codegen's runtime source).
The package's ``client`` module subclasses ``ClientBase`` with one typed method
per operation; everything here is independent of the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, NamedTuple

# The types, enums and dataclasses need no botocore; the client does, and says how to get it.
try:
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ModuleNotFoundError as missing:
    if (missing.name or "").partition(".")[0] != "botocore":
        raise
    _PACKAGE = __name__.rpartition(".")[0]
    raise ModuleNotFoundError(
        f"{_PACKAGE}.client needs botocore, which is not installed: "
        f"pip install '{_PACKAGE.replace('_', '-')}[client]'",
        name="botocore",
    ) from None

from ._validator import ValidationError


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


class WaitTimeoutError(ServiceError):
    """A job was still running when the maximum wait ran out."""

    def __init__(self, job_name: str, last_status: str, waited: float) -> None:
        super().__init__(
            f"{job_name} still {last_status} after waiting {waited:.0f} s", last_status
        )
        self.job_name = job_name
        self.last_status = last_status
        self.waited = waited


def translate(
    error: ClientError, errors: Mapping[str, type[ServiceError]]
) -> Exception:
    """The typed exception for a ClientError whose code the model declares; the error itself otherwise."""
    details = error.response.get("Error", {})
    code = str(details.get("Code", ""))
    cls = errors.get(code)
    if cls is None:
        return error
    request_id = error.response.get("ResponseMetadata", {}).get("RequestId")
    return cls(str(details.get("Message", "")), code, request_id, dict(error.response))


class ClientBase:
    """Wraps a botocore client: validates requests, calls it, translates its errors."""

    # botocore's name of the service, as create_client takes it
    _SERVICE: ClassVar[str] = ""
    # error code -> the typed exception
    _ERRORS: ClassVar[Mapping[str, type[ServiceError]]] = {}
    # the package's validate_shape(shape, value)
    _VALIDATE: ClassVar[Callable[..., list[str]]]

    def __init__(
        self,
        client: Any = None,
        *,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        config: Config | None = None,
        session: botocore.session.Session | None = None,
        validate: bool = True,
    ) -> None:
        if client is None:
            session = session or botocore.session.get_session()
            client = session.create_client(
                self._SERVICE,
                region_name=region_name,
                endpoint_url=endpoint_url,
                config=config,
            )
        self.client = client
        self.validate = validate

    def _call(
        self, method: Callable[..., Any], shape: str | None, kwargs: Mapping[str, Any]
    ) -> Any:
        if self.validate and shape is not None:
            errors = type(self)._VALIDATE(shape, kwargs)
            if errors:
                raise ValidationError(shape, errors)
        try:
            return method(**kwargs)
        except ClientError as error:
            translated = translate(error, self._ERRORS)
            if translated is error:
                raise
            raise translated from error

    def _wait(
        self,
        describe: Callable[..., Mapping[str, Any]],
        job_name: str,
        request: Mapping[str, Any],
        spec: WaitSpec,
        delay: float,
        max_wait: float,
        sleep: Callable[[float], None],
    ) -> Any:
        waited = 0.0
        while True:
            description = describe(**request)
            status = str(description.get(spec.status_member, ""))
            if status in spec.failure:
                reason = description.get(spec.reason_member)
                raise JobFailedError(
                    job_name,
                    status,
                    str(reason) if reason is not None else None,
                    description,
                )
            if status in spec.done:
                return description
            if waited + delay > max_wait:
                raise WaitTimeoutError(job_name, status, waited)
            sleep(delay)
            waited += delay


class WaitSpec(NamedTuple):
    """Which member holds a job's status, which statuses end the wait and which of them fail."""

    status_member: str
    reason_member: str
    done: tuple[str, ...]  # return the description
    failure: tuple[str, ...]  # raise JobFailedError with the reason


def pages(
    call: Callable[..., Mapping[str, Any]],
    kwargs: Mapping[str, Any],
    input_token: str,
    output_token: str,
) -> Iterator[Any]:
    """Every page of a token-paginated operation, starting from ``input_token`` if given."""
    request = dict(kwargs)
    while True:
        page = call(**request)
        yield page
        token = page.get(output_token)
        if not token or token == request.get(input_token):
            return
        request[input_token] = token
