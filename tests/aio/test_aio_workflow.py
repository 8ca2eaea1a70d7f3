"""examples/candidate_to_endpoint_async.py, the whole workflow over aiobotocore, against the moto server with
the typed stubber (aiobotocore's AioStubber underneath, passing through) standing in for the job's end, which
moto never reaches. The sync flow: tests/integration/test_examples.py."""

from __future__ import annotations

import asyncio
import importlib
import sys
from typing import Any

import pytest
from aiobotocore.config import AioConfig

from sagemaker_automl import aio, models
from sagemaker_automl.stubber import AutoMLStubber
from tests.aio.conftest import ROOT, session
from tests.fixtures.automl import completed_v2_description, v2_description

ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution"
# moto answers these; the stubber answers DescribeAutoMLJobV2 (in progress, then completed with a best
# candidate whose containers can be deployed), which moto would describe as in progress for ever.
SERVED_BY_MOTO = [
    "CreateAutoMLJobV2",
    "CreateModel",
    "CreateEndpointConfig",
    "CreateEndpoint",
    "DescribeEndpoint",  # botocore's EndpointInService waiter, over aiobotocore
    "DescribeEndpoint",  # the example's own look at it
    "DeleteEndpoint",
    "DescribeEndpoint",  # EndpointDeleted: gone
    "DeleteEndpointConfig",
    "DeleteModel",
]


def example() -> Any:
    sys.path.insert(0, str(ROOT / "examples"))  # the async example imports the sync one, its sibling
    try:
        return importlib.import_module("candidate_to_endpoint_async")
    finally:
        sys.path.remove(str(ROOT / "examples"))


def test_the_async_workflow_runs_against_moto_with_the_stubber_standing_in(
    moto_endpoint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    workflow = example()
    description = models.DescribeAutoMLJobV2Response
    sent: list[str] = []

    def record(request: Any, **_: Any) -> None:
        sent.append(request.headers["X-Amz-Target"].decode().rsplit(".", 1)[1])

    async def no_sleep(_: float) -> None:
        return None

    async def scenario() -> list[str]:
        config = AioConfig(retries={"total_max_attempts": 1})
        async with session().create_client(
            "sagemaker", region_name="us-east-1", endpoint_url=moto_endpoint, config=config
        ) as raw:
            raw.meta.events.register("before-send.sagemaker", record)
            client = aio.AsyncAutoMLClient(raw)
            with AutoMLStubber(client, passthrough=True) as stubber:
                in_progress = v2_description("InProgress", AutoMLJobName="a-churn", RoleArn=ROLE)
                stubber.describe_auto_ml_job_v2(description.from_response_dict(in_progress))
                completed = completed_v2_description("a-churn", ROLE)
                stubber.describe_auto_ml_job_v2(description.from_response_dict(completed))
                report: list[str] = await workflow.workflow(
                    client,
                    "a-churn",
                    "s3://bucket/churn",
                    ROLE,
                    delay=0,
                    max_wait=60,
                    endpoint_attempts=3,
                    sleep=no_sleep,
                )
                stubber.assert_no_pending_responses()
            for gone in (
                client.describe_model(ModelName="a-churn-model"),
                client.describe_endpoint(EndpointName="a-churn-model"),
            ):
                with pytest.raises(aio.AutoMLError):
                    await gone
            return report

    report = asyncio.run(scenario())
    assert sent == [*SERVED_BY_MOTO, "DescribeModel", "DescribeEndpoint"]  # and the test's own looks: gone
    assert report == [
        "a-churn: Completed",
        "best candidate: c-1 (F1 = 0.91)",
        "endpoint a-churn-model: InService",
        "deleted endpoint a-churn-model, its configuration and model a-churn-model",
    ]
    assert capsys.readouterr().out.splitlines() == ["  InProgress (Starting)", "  Completed (Completed)"]
