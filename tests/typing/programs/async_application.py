"""The async client as an asyncio service uses it: async with, await, async for, waiters, send(), errors."""

import asyncio

from sagemaker_automl import AutoMLJobSummaryTypeDef, DescribeAutoMLJobV2Request, DescribeAutoMLJobV2Response
from sagemaker_automl.aio import AsyncAutoMLClient, JobFailedError, ResourceNotFound


async def status(client: AsyncAutoMLClient, name: str) -> str:
    try:
        described = await client.describe_auto_ml_job_v2(AutoMLJobName=name)
    except ResourceNotFound as error:
        return f"gone: {error.message}"
    best = described.get("BestCandidate")
    return f"{described['AutoMLJobStatus']} {best['CandidateName'] if best else None}"


async def running(client: AsyncAutoMLClient) -> list[str]:
    paginator = client.get_paginator("list_auto_ml_jobs")
    jobs: list[AutoMLJobSummaryTypeDef] = [job async for job in paginator.items(StatusEquals="InProgress")]
    pages = [page["AutoMLJobSummaries"] async for page in paginator.paginate(MaxResults=10)]
    return [job["AutoMLJobName"] for job in jobs] + [job["AutoMLJobName"] for page in pages for job in page]


async def finish(client: AsyncAutoMLClient, name: str) -> str:
    try:
        final = await client.wait_auto_ml_job_v2(name, delay=5, max_wait=60)
    except JobFailedError as failed:
        return failed.failure_reason or "failed"
    response: DescribeAutoMLJobV2Response = await client.send(DescribeAutoMLJobV2Request(auto_ml_job_name=name))
    return f"{final['AutoMLJobStatus']} {response.auto_ml_job_status}"


async def main() -> list[str]:
    async with AsyncAutoMLClient(region_name="us-east-1") as client:
        return list(await asyncio.gather(status(client, "a"), finish(client, "b"))) + await running(client)
