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
from tests.fixtures.automl import (
    WORKFLOW_SERVED_BY_MOTO,
    WORKFLOW_STUBBED,
    Traffic,
    completed_v2_description,
    v2_description,
)

ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution"


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

    async def no_sleep(_: float) -> None:
        return None

    async def scenario() -> list[str]:
        config = AioConfig(retries={"total_max_attempts": 1})
        async with session().create_client(
            "sagemaker", region_name="us-east-1", endpoint_url=moto_endpoint, config=config
        ) as raw:
            traffic = Traffic(raw)
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
            assert (traffic.sent, traffic.stubbed()) == (WORKFLOW_SERVED_BY_MOTO, WORKFLOW_STUBBED)
            for gone in (
                client.describe_model(ModelName="a-churn-model"),
                client.describe_endpoint(EndpointName="a-churn-model"),
            ):
                with pytest.raises(aio.AutoMLError):
                    await gone
            return report

    report = asyncio.run(scenario())
    assert report == [
        "a-churn: Completed",
        "best candidate: c-1 (F1 = 0.91)",
        "endpoint a-churn-model: InService",
        "deleted endpoint a-churn-model, its configuration and model a-churn-model",
    ]
    assert capsys.readouterr().out.splitlines() == ["  InProgress (Starting)", "  Completed (Completed)"]
