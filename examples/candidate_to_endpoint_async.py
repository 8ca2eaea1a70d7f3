"""examples/candidate_to_endpoint.py with the async client: create a tabular V2 job, wait for it,
deploy its best candidate behind an endpoint, wait until it is in service, then delete what was made,
every call awaited over one aiobotocore client.

    python examples/candidate_to_endpoint_async.py --bucket s3://my-bucket/churn --role-arn arn:aws:iam::...:role/SageMaker

Type-checked in every checker of the test matrix, and run by tests/aio against a local moto server with
the typed stubber standing in for the job's end, which moto never reaches.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable

from aiobotocore.config import AioConfig
from candidate_to_endpoint import INSTANCE_TYPE, RESPONSE_KEYS, Arguments, arguments, job_request, progress

from sagemaker_automl.aio import AsyncAutoMLClient, AutoMLError, JobFailedError, WaitTimeoutError
from sagemaker_automl.aio_jobs import AsyncAutoMLJobV2


async def workflow(
    client: AsyncAutoMLClient,
    name: str,
    bucket: str,
    role_arn: str,
    *,
    delay: float = 60.0,
    max_wait: float = 4 * 3600.0,
    endpoint_attempts: int = 60,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> list[str]:
    """Runs the workflow; returns what it did, line by line."""
    job = await AsyncAutoMLJobV2.create(client, job_request(name, bucket, role_arn))
    final = await job.wait(delay=delay, max_wait=max_wait, on_change=progress, sleep=sleep)
    report = [f"{job.name}: {final['AutoMLJobStatus']}"]
    best = final.get("BestCandidate")  # NotRequired: a stopped job may have none
    if best is None:
        return [*report, "no candidate to deploy"]
    metric = best.get("FinalAutoMLJobObjectiveMetric")
    score = f"{metric['MetricName']} = {metric['Value']}" if metric is not None else "no metric"
    report.append(f"best candidate: {best['CandidateName']} ({score})")
    model_name = f"{name}-model"
    endpoint = await job.deploy(
        model_name,
        instance_type=INSTANCE_TYPE,
        candidate=best,
        inference_response_keys=RESPONSE_KEYS,
        delay=delay,
        max_attempts=endpoint_attempts,
    )
    try:
        described = await client.describe_endpoint(EndpointName=endpoint)
        report.append(f"endpoint {endpoint}: {described['EndpointStatus']}")
    finally:
        await job.undeploy(endpoint, model_name=model_name, delay=delay, max_attempts=endpoint_attempts)
    report.append(f"deleted endpoint {endpoint}, its configuration and model {model_name}")
    return report


async def main_async(args: Arguments) -> int:
    config = AioConfig(retries={"total_max_attempts": 3})
    async with AsyncAutoMLClient(region_name=args.region, endpoint_url=args.endpoint_url, config=config) as client:
        try:
            lines = await workflow(
                client, args.name, args.bucket, args.role_arn, delay=args.delay, max_wait=args.max_wait
            )
        except (JobFailedError, WaitTimeoutError) as ended:
            print(ended, file=sys.stderr)
            return 1
        except AutoMLError as error:  # the service refused something: its typed exception says what
            print(f"{type(error).__name__}: {error}", file=sys.stderr)
            return 1
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(main_async(arguments(argv, __doc__)))


if __name__ == "__main__":
    sys.exit(main())
