"""The async client against real parts: aiobotocore, a moto server on 127.0.0.1, aiobotocore's stubber."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.stub import AioStubber
from botocore.exceptions import ClientError

from sagemaker_automl import aio, client as sync_client, models
from tests.aio.conftest import ROOT, session
from tests.fixtures.automl import (
    ROLE,
    RequestCounter,
    Traffic,
    bad_v2_requests,
    V1_REQUEST,
    v1_description,
    v2_description,
    v2_request,
)

NO_RETRIES = AioConfig(retries={"total_max_attempts": 1})


@asynccontextmanager
async def moto_client(endpoint: str) -> AsyncIterator[Any]:
    async with session().create_client(
        "sagemaker", region_name="us-east-1", endpoint_url=endpoint, config=NO_RETRIES
    ) as raw:
        yield raw


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(scenario())  # type: ignore[arg-type]


# --- against the moto server --------------------------------------------------------------------------------


def test_typed_dict_level_round_trip(moto_endpoint: str) -> None:
    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            client = aio.AsyncAutoMLClient(raw)
            created = await client.create_auto_ml_job_v2(**v2_request("a-typed-1"))
            assert created["AutoMLJobArn"].endswith("automl-job/a-typed-1")
            described = await client.describe_auto_ml_job_v2(AutoMLJobName="a-typed-1")
            assert described["AutoMLJobStatus"] == "InProgress"
            assert described["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] == "y"
            stopped = await client.stop_auto_ml_job(AutoMLJobName="a-typed-1")
            assert stopped["ResponseMetadata"]["HTTPStatusCode"] == 200
            assert (await client.describe_auto_ml_job_v2(AutoMLJobName="a-typed-1"))["AutoMLJobStatus"] == "Stopped"

    run(scenario)


def test_dataclass_level_round_trip(moto_endpoint: str) -> None:
    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            client = aio.AsyncAutoMLClient(raw)
            request = models.CreateAutoMLJobV2Request.from_response_dict(v2_request("a-objects-1"))
            assert isinstance(await client.send(request), models.CreateAutoMLJobV2Response)
            described = await client.send(models.DescribeAutoMLJobV2Request(auto_ml_job_name="a-objects-1"))
            assert isinstance(described, models.DescribeAutoMLJobV2Response)
            config = described.auto_ml_problem_type_config
            assert config.tabular_job_config.problem_type is models.ProblemType.BINARY_CLASSIFICATION
            assert await client.send(models.StopAutoMLJobRequest(auto_ml_job_name="a-objects-1")) is None
            with pytest.raises(TypeError, match="not a request of these operations: ProblemType"):
                await client.send(models.ProblemType.REGRESSION)  # type: ignore[call-overload]

    run(scenario)


def test_pagination_over_more_jobs_than_one_page(moto_endpoint: str) -> None:
    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            client = aio.AsyncAutoMLClient(raw)
            for i in range(7):
                await client.create_auto_ml_job_v2(**v2_request(f"a-page-{i}"))
            paginator = client.get_paginator("list_auto_ml_jobs")
            sizes = [
                len(p["AutoMLJobSummaries"]) async for p in paginator.paginate(MaxResults=3, NameContains="a-page-")
            ]
            assert sizes == [3, 3, 1]
            names = [j["AutoMLJobName"] async for j in paginator.items(MaxResults=3, NameContains="a-page-")]
            assert sorted(names) == [f"a-page-{i}" for i in range(7)]
            with pytest.raises(ValueError, match="no paginator 'list_jobs'"):
                client.get_paginator("list_jobs")  # type: ignore[call-overload]

    run(scenario)


def test_service_errors_are_the_sync_clients_typed_exceptions(moto_endpoint: str) -> None:
    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            client = aio.AsyncAutoMLClient(raw)
            await client.create_auto_ml_job_v2(**v2_request("a-dup-1"))
            with pytest.raises(aio.ResourceInUse) as info:
                await client.create_auto_ml_job_v2(**v2_request("a-dup-1"))
            assert isinstance(info.value.__cause__, ClientError)
            assert "a-dup-1 already exists" in info.value.message and info.value.request_id
            with pytest.raises(aio.ResourceNotFound, match="Could not find AutoML job with name ghost"):
                await client.describe_auto_ml_job_v2(AutoMLJobName="ghost")

    run(scenario)
    # One name means one thing: the async module re-exports the sync module's exceptions.
    assert aio.ResourceInUse is sync_client.ResourceInUse is aio.AsyncAutoMLClient.exceptions.ResourceInUse
    assert aio.AutoMLError is sync_client.AutoMLError and aio.ValidationError is sync_client.ValidationError


def test_bad_requests_never_reach_the_server(moto_endpoint: str) -> None:
    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            client = aio.AsyncAutoMLClient(raw)
            counter = RequestCounter(raw)
            cases = bad_v2_requests("a-")
            for request, message in cases:
                with pytest.raises(aio.ValidationError) as info:
                    await client.create_auto_ml_job_v2(**request)
                assert any(e.startswith(message) for e in info.value.errors), info.value.errors
            with pytest.raises(aio.ValidationError):
                await client.send(models.DescribeAutoMLJobV2Request(auto_ml_job_name="x" * 40))
            assert counter.count == 0
            # Switched off per client, the same request goes out (and moto, unlike AWS, accepts it).
            await aio.AsyncAutoMLClient(raw, validate=False).create_auto_ml_job_v2(**cases[0][0])
            assert counter.count == 1

    run(scenario)


def test_fifty_concurrent_tasks_on_one_client_lose_nothing(moto_endpoint: str) -> None:
    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            client = aio.AsyncAutoMLClient(raw)

            async def create_and_describe(i: int) -> str:
                name = f"a-load-{i}"
                await client.create_auto_ml_job_v2(**v2_request(name))
                return (await client.describe_auto_ml_job_v2(AutoMLJobName=name))["AutoMLJobName"]

            described = await asyncio.wait_for(asyncio.gather(*(create_and_describe(i) for i in range(50))), 120)
            assert described == [f"a-load-{i}" for i in range(50)]
            paginator = client.get_paginator("list_auto_ml_jobs")
            listed = [j["AutoMLJobName"] async for j in paginator.items(NameContains="a-load-", MaxResults=100)]
            assert sorted(listed) == sorted(described)

    run(scenario)


def test_async_with_opens_and_closes_its_own_client(moto_endpoint: str) -> None:
    closed: list[bool] = []

    class Session(type(session())):  # type: ignore[misc]
        def create_client(self, *args: Any, **kwargs: Any) -> Any:
            context = super().create_client(*args, **kwargs)
            exit_ = context.__aexit__

            async def recorded_exit(*exc: Any) -> Any:
                closed.append(True)
                return await exit_(*exc)

            context.__aexit__ = recorded_exit
            return context

    async def scenario() -> None:
        own = Session()
        own.set_credentials("testing", "testing")
        client = aio.AsyncAutoMLClient(region_name="us-east-1", endpoint_url=moto_endpoint, session=own)
        with pytest.raises(RuntimeError, match=r"use `async with AsyncAutoMLClient\(\.\.\.\) as client:`"):
            await client.list_auto_ml_jobs(MaxResults=1)
        async with client as entered:
            assert entered is client and client.client.meta.region_name == "us-east-1"
            assert "AutoMLJobSummaries" in await client.list_auto_ml_jobs(MaxResults=1)
        assert closed == [True]
        with pytest.raises(RuntimeError):
            client.client

    run(scenario)


def test_a_given_client_is_left_open(moto_endpoint: str) -> None:
    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            async with aio.AsyncAutoMLClient(raw) as client:
                await client.list_auto_ml_jobs(MaxResults=1)
            await client.close()
            assert client.client is raw
            assert "AutoMLJobSummaries" in await raw.list_auto_ml_jobs(MaxResults=1)  # still usable

    run(scenario)


# --- operations moto lacks, and the waiters: aiobotocore's stubber ------------------------------------------


@asynccontextmanager
async def stubbed() -> AsyncIterator[tuple[Any, AioStubber]]:
    async with session().create_client("sagemaker", region_name="us-east-1") as raw:
        with AioStubber(raw) as stubber:
            yield aio.AsyncAutoMLClient(raw), stubber
            stubber.assert_no_pending_responses()


def test_v1_create_describe_and_candidates_with_the_stubber() -> None:
    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            stubber.add_response(
                "create_auto_ml_job", {"AutoMLJobArn": "arn:aws:sagemaker:::automl-job/v1-job"}, V1_REQUEST
            )
            stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})
            assert (await client.create_auto_ml_job(**V1_REQUEST))["AutoMLJobArn"].endswith("v1-job")
            assert (await client.describe_auto_ml_job(AutoMLJobName="v1-job"))["AutoMLJobStatus"] == "InProgress"
            candidate = {
                "CandidateName": "c1",
                "ObjectiveStatus": "Succeeded",
                "CandidateStatus": "Completed",
                "CandidateSteps": [],
                "CreationTime": v1_description("x")["CreationTime"],
                "LastModifiedTime": v1_description("x")["CreationTime"],
            }
            stubber.add_response(
                "list_candidates_for_auto_ml_job",
                {"Candidates": [candidate], "NextToken": "t2"},
                {"AutoMLJobName": "v1-job"},
            )
            stubber.add_response(
                "list_candidates_for_auto_ml_job",
                {"Candidates": [{**candidate, "CandidateName": "c2"}]},
                {"AutoMLJobName": "v1-job", "NextToken": "t2"},
            )
            paginator = client.get_paginator("list_candidates_for_auto_ml_job")
            assert [c["CandidateName"] async for c in paginator.items(AutoMLJobName="v1-job")] == ["c1", "c2"]

    run(scenario)


def test_waiter_in_progress_then_completed() -> None:
    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            for status in ("InProgress", "InProgress", "Completed"):
                stubber.add_response("describe_auto_ml_job", v1_description(status), {"AutoMLJobName": "v1-job"})
            slept: list[float] = []

            async def sleep(delay: float) -> None:
                slept.append(delay)

            final = await client.wait_auto_ml_job("v1-job", delay=5, max_wait=60, sleep=sleep)
            assert final["AutoMLJobStatus"] == "Completed" and slept == [5, 5]

    run(scenario)


def test_waiter_failure_carries_the_reason() -> None:
    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})
            stubber.add_response(
                "describe_auto_ml_job",
                v1_description("Failed", FailureReason="ClientError: no data"),
                {"AutoMLJobName": "v1-job"},
            )
            with pytest.raises(aio.JobFailedError) as info:
                await client.wait_auto_ml_job("v1-job", delay=0)
            assert info.value.failure_reason == "ClientError: no data"
            assert str(info.value) == "v1-job ended with status Failed: ClientError: no data"

    run(scenario)


def test_waiter_v2_returns_a_stopped_job() -> None:
    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            stubber.add_response("describe_auto_ml_job_v2", v2_description("Stopped"), {"AutoMLJobName": "v2"})
            assert (await client.wait_auto_ml_job_v2("v2", delay=0))["AutoMLJobStatus"] == "Stopped"

    run(scenario)


def test_waiter_timeout_names_the_last_status() -> None:
    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            for _ in range(3):
                stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})

            async def no_sleep(_: float) -> None:
                pass

            with pytest.raises(aio.WaitTimeoutError) as info:
                await client.wait_auto_ml_job("v1-job", delay=10, max_wait=25, sleep=no_sleep)
            assert info.value.last_status == "InProgress"
            assert info.value.waited == pytest.approx(20, abs=1)  # the sleeps asked for, and the calls' time

    run(scenario)


def test_cancelling_the_waiting_task_stops_polling_at_once() -> None:
    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})
            # with the default sleep (asyncio.sleep) and an hour between polls
            task = asyncio.create_task(client.wait_auto_ml_job("v1-job", delay=3600, max_wait=7200))
            while stubber._queue:  # the first (and only stubbed) describe has not happened yet
                await asyncio.sleep(0.001)
            await asyncio.sleep(0.01)  # now inside asyncio.sleep(3600)
            started = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert time.monotonic() - started < 1
            # a second describe would have failed the stubber: polling stopped with the task

    run(scenario)


def test_the_clients_have_the_same_public_methods() -> None:
    """Everything the sync client offers, the async one offers (as a coroutine where it does I/O)."""
    sync = {name for name in dir(sync_client.AutoMLClient(object())) if not name.startswith("_")}
    async_ = {name for name in dir(aio.AsyncAutoMLClient(object())) if not name.startswith("_")}
    assert sync == async_
    methods = {name: getattr(aio.AsyncAutoMLClient, name, None) for name in async_}
    coroutines = {name for name, method in methods.items() if asyncio.iscoroutinefunction(method)}
    assert coroutines == sync - {"client", "exceptions", "get_paginator", "validate"}


# --- the example application ---------------------------------------------------------------------------------


def test_async_example_runs_against_moto(moto_endpoint: str) -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "generated"),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    result = subprocess.run(
        [sys.executable, "examples/async_jobs.py", "--endpoint-url", moto_endpoint, "--name", "ex-async"]
        + ["--jobs", "3", "--delay", "0.01", "--max-wait", "0.05"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # moto's jobs never finish: each is stopped; its best candidate is moto's fixed placeholder
    assert result.stdout.splitlines() == [f"ex-async-{i}: Stopped, Accuracy = 123.0" for i in range(3)]


def test_an_older_botocore_is_named_with_what_it_lacks(tmp_path: Path) -> None:
    """aiobotocore whose loader finds SageMaker's model of botocore 1.17.42 (2020) first."""
    import gzip

    import botocore

    api = tmp_path / "sagemaker" / "2017-07-24"
    api.mkdir(parents=True)
    old = ROOT / "tests" / "fixtures" / "sagemaker-1.17.42-service-2.json.gz"
    (api / "service-2.json").write_bytes(gzip.decompress(old.read_bytes()))

    async def scenario() -> None:
        old_session = session()
        old_session.get_component("data_loader").search_paths.insert(0, str(tmp_path))
        async with old_session.create_client(
            "sagemaker", region_name="us-east-1", endpoint_url="http://127.0.0.1:9"
        ) as raw:
            sent: list[object] = []
            raw.meta.events.register("before-send.sagemaker", lambda **kwargs: sent.append(kwargs))
            client = aio.AsyncAutoMLClient(raw)
            with pytest.raises(aio.BotocoreVersionError, match="does not know the operation DescribeAutoMLJobV2"):
                await client.describe_auto_ml_job_v2(AutoMLJobName="job")
            newer = {**V1_REQUEST, "ModelDeployConfig": {"AutoGenerateEndpointName": True}}
            with pytest.raises(aio.BotocoreVersionError) as info:
                await client.create_auto_ml_job(**newer)
            assert info.value.missing == ["ModelDeployConfig"] and sent == []
            assert info.value.installed == botocore.__version__ and info.value.oldest_supported

    run(scenario)


def test_a_member_newer_than_aiobotocores_botocore_is_named_with_the_botocore_that_knows_it(
    moto_endpoint: str,
) -> None:
    """The package's extras ask for the oldest botocore its operations work with, which aiobotocore's pin
    satisfies; a member only a newer botocore knows (CreateEndpointConfig's CrossRegionTrafficConfig, added
    in 1.44.4) is refused before anything is sent, naming the botocore that knows every member."""
    import botocore
    from sagemaker_automl import _source

    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            known = raw.meta.service_model.operation_model("CreateEndpointConfig").input_shape.members
            if "CrossRegionTrafficConfig" in known:
                pytest.skip(f"botocore {botocore.__version__} knows CrossRegionTrafficConfig: nothing to refuse")
            traffic = Traffic(raw)
            client = aio.AsyncAutoMLClient(raw)
            variant = {"VariantName": "v", "ModelName": "m", "InitialInstanceCount": 1, "InstanceType": "ml.m5.large"}
            with pytest.raises(aio.BotocoreVersionError) as info:
                await client.create_endpoint_config(
                    EndpointConfigName="c",
                    ProductionVariants=[variant],
                    CrossRegionTrafficConfig={
                        "MaxInvocationsPerSecondPerInstance": 100,
                        "MaxCrossRegionPercentPerEndpoint": 10,
                    },
                )
            assert info.value.missing == ["CrossRegionTrafficConfig"] and traffic.sent == []
            assert str(info.value).endswith(
                f"every member it sends is known from botocore {_source.COMPLETE_BOTOCORE}: upgrade botocore"
            )
            # the same operation without it works on this botocore
            image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1"
            await client.create_model(ModelName="m", PrimaryContainer={"Image": image}, ExecutionRoleArn=ROLE)
            await client.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[variant])
            assert traffic.sent == ["CreateModel", "CreateEndpointConfig"]

    run(scenario)


def test_typed_settings_reach_the_aiobotocore_client_over_an_aio_config() -> None:
    async def scenario() -> None:
        config = AioConfig(retries={"mode": "standard"}, user_agent_extra="mine")
        async with aio.AsyncAutoMLClient(
            region_name="eu-west-1", config=config, max_attempts=4, connect_timeout=1.5, read_timeout=20
        ) as client:
            made = client.client.meta.config
            assert made.retries == {"mode": "standard", "total_max_attempts": 4}
            assert (made.connect_timeout, made.read_timeout, made.user_agent_extra) == (1.5, 20, "mine")

    run(scenario)


def test_settings_for_a_new_client_beside_a_given_client_are_refused() -> None:
    async def scenario() -> None:
        async with session().create_client("sagemaker", region_name="us-east-1") as raw:
            with pytest.raises(
                TypeError,
                match=r"AsyncAutoMLClient: read_timeout set up a client AsyncAutoMLClient creates, but a client was given",
            ):
                aio.AsyncAutoMLClient(raw, read_timeout=3)

    run(scenario)


def test_a_zero_delay_wait_on_a_job_that_never_ends_ends_at_max_wait() -> None:
    """delay=0 used to poll forever: max_wait counts the calls' own time. A fake monotonic clock moves
    0.125 s each time it is read, so each describe takes 0.125 s and the eighth reaches max_wait=1."""
    import sagemaker_automl._aio_client as machinery

    readings = iter(range(10_000))

    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            for _ in range(8):
                stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})

            async def no_sleep(_: float) -> None:
                pass

            with pytest.raises(aio.WaitTimeoutError) as info:
                await client.wait_auto_ml_job("v1-job", delay=0, max_wait=1, sleep=no_sleep)
            assert info.value.waited == 1
            stubber.assert_no_pending_responses()
            with pytest.raises(ValueError, match="max_wait must be a finite number"):
                await client.wait_auto_ml_job("v1-job", max_wait=float("inf"))

    original = machinery.monotonic
    machinery.monotonic = lambda: next(readings) * 0.125
    try:
        run(scenario)
    finally:
        machinery.monotonic = original


@pytest.mark.parametrize(
    ("code", "status", "raised"),
    [
        ("ResourceNotFound", 400, "ResourceNotFound"),
        ("ThrottlingException", 400, "ThrottlingError"),
        ("AccessDeniedException", 400, "AccessDeniedError"),
        ("InternalFailure", 500, "ServerError"),
        ("SomethingNew", 400, "AutoMLError"),
    ],
)
def test_every_service_error_is_an_automl_error_with_botocores_as_its_cause(
    code: str, status: int, raised: str
) -> None:
    async def scenario() -> None:
        async with stubbed() as (client, stubber):
            stubber.add_client_error("describe_auto_ml_job_v2", code, "it went wrong", status)
            with pytest.raises(aio.AutoMLError) as info:
                await client.describe_auto_ml_job_v2(AutoMLJobName="j")
            assert type(info.value) is getattr(aio, raised) and info.value.code == code
            assert isinstance(info.value.__cause__, ClientError)

    run(scenario)


def test_a_request_botocore_refuses_is_an_invalid_request_error() -> None:
    from botocore.exceptions import ParamValidationError

    async def scenario() -> None:
        async with session().create_client("sagemaker", region_name="us-east-1") as raw:
            client = aio.AsyncAutoMLClient(raw, validate=False)
            with pytest.raises(aio.InvalidRequestError) as info:
                await client.describe_auto_ml_job_v2(AutoMLJobName=7)  # type: ignore[arg-type]
            assert isinstance(info.value, aio.ValidationError) and isinstance(info.value, aio.AutoMLError)
            assert isinstance(info.value.__cause__, ParamValidationError)

    run(scenario)


def test_the_typed_stubber_stands_in_front_of_the_async_client() -> None:
    """stubber.py over aiobotocore's AioStubber: a typed response, checked when queued, and a typed error."""
    from sagemaker_automl.stubber import AutoMLStubber

    async def scenario() -> None:
        async with session().create_client("sagemaker", region_name="us-east-1") as raw:
            client = aio.AsyncAutoMLClient(raw)
            response = models.DescribeAutoMLJobV2Response.from_response_dict(v2_description("Completed"))
            with AutoMLStubber(client) as stubber:
                stubber.describe_auto_ml_job_v2(response, expected_params={"AutoMLJobName": "v2"})
                stubber.describe_auto_ml_job_v2_error("ResourceNotFound", "gone")
                described = await client.describe_auto_ml_job_v2(AutoMLJobName="v2")
                assert models.DescribeAutoMLJobV2Response.from_response_dict(described) == response
                with pytest.raises(aio.ResourceNotFound, match="gone"):
                    await client.describe_auto_ml_job_v2(AutoMLJobName="v2")
                stubber.assert_no_pending_responses()

    run(scenario)


def test_the_async_job_object_waits_with_progress_and_lists_candidates() -> None:
    """aio_jobs over the async client, the typed stubber standing in (moto lists no candidates)."""
    from sagemaker_automl.aio_jobs import AsyncAutoMLJobV2
    from sagemaker_automl.stubber import AutoMLStubber

    def described(status: str, secondary: str) -> models.DescribeAutoMLJobV2Response:
        wire = {**v2_description(status), "AutoMLJobSecondaryStatus": secondary}
        return models.DescribeAutoMLJobV2Response.from_response_dict(wire)

    candidate = {
        "CandidateName": "c1",
        "ObjectiveStatus": "Succeeded",
        "CandidateStatus": "Completed",
        "CandidateSteps": [],
        "CreationTime": v2_description("x")["CreationTime"],
        "LastModifiedTime": v2_description("x")["CreationTime"],
    }

    async def no_sleep(_: float) -> None:
        return None

    async def scenario() -> None:
        async with session().create_client("sagemaker", region_name="us-east-1") as raw:
            client = aio.AsyncAutoMLClient(raw)
            with AutoMLStubber(client) as stubber:
                stubber.describe_auto_ml_job_v2(described("InProgress", "Starting"))
                stubber.describe_auto_ml_job_v2(described("InProgress", "Starting"))
                stubber.describe_auto_ml_job_v2(described("Completed", "Completed"))
                page = models.ListCandidatesForAutoMLJobResponse.from_response_dict({"Candidates": [candidate]})
                stubber.list_candidates_for_auto_ml_job(page, {"AutoMLJobName": "v2", "SortOrder": "Descending"})
                job = await AsyncAutoMLJobV2.attach(client, "v2")
                seen: list[str] = []
                final = await job.wait(
                    delay=1, max_wait=10, sleep=no_sleep, on_change=lambda d: seen.append(d["AutoMLJobStatus"])
                )
                assert final["AutoMLJobStatus"] == "Completed" and seen == ["Completed"]  # attach saw InProgress
                assert [c["CandidateName"] async for c in job.candidates(sort_order="Descending")] == ["c1"]
                stubber.assert_no_pending_responses()

    run(scenario)


def test_a_response_without_what_the_model_promises_is_never_handed_over() -> None:
    """What botocore makes of a truncated body (only ResponseMetadata) raises IncompleteResponseError."""
    empty = {"ResponseMetadata": {"HTTPStatusCode": 200}}

    class Truncated:
        async def describe_auto_ml_job_v2(self, **kwargs: Any) -> dict[str, Any]:
            return dict(empty)

    async def scenario() -> None:
        with pytest.raises(aio.IncompleteResponseError, match="AutoMLJobName: required key missing"):
            await aio.AsyncAutoMLClient(Truncated()).describe_auto_ml_job_v2(AutoMLJobName="j")
        unchecked = aio.AsyncAutoMLClient(Truncated(), validate=False)
        assert await unchecked.describe_auto_ml_job_v2(AutoMLJobName="j") == empty

    run(scenario)


def test_botocore_waiters_run_through_aiobotocore(moto_endpoint: str) -> None:
    """What a generated ``wait_endpoint_in_service`` of the async client calls (the AutoML package has no
    botocore waiter; tests/integration/test_other_services.py runs the generated methods, sync): the
    waiter of aiobotocore's client, awaited, and its giving up as the package's WaiterFailedError."""

    async def scenario() -> None:
        async with moto_client(moto_endpoint) as raw:
            image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1"
            await raw.create_model(ModelName="am", PrimaryContainer={"Image": image}, ExecutionRoleArn=ROLE)
            variant = {
                "VariantName": "All",
                "ModelName": "am",
                "InitialInstanceCount": 1,
                "InstanceType": "ml.m5.large",
            }
            await raw.create_endpoint_config(EndpointConfigName="ac", ProductionVariants=[variant])
            await raw.create_endpoint(EndpointName="ae", EndpointConfigName="ac")
            client = aio.AsyncAutoMLClient(raw, validate=False)
            await client._botocore_wait("endpoint_in_service", "describe_endpoint", {"EndpointName": "ae"}, 0, 3)
            with pytest.raises(aio.WaiterFailedError) as caught:
                await client._botocore_wait(
                    "endpoint_in_service", "describe_endpoint", {"EndpointName": "missing"}, 0, 2
                )
            assert caught.value.waiter == "endpoint_in_service" and isinstance(caught.value, aio.AutoMLError)

    run(scenario)
