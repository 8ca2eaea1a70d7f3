"""Create several tabular AutoML V2 jobs at once with the async client, wait for them, report each.

    python examples/async_jobs.py --bucket s3://my-bucket/churn --role-arn arn:aws:iam::...:role/SageMaker

For services built on asyncio (FastAPI, aiohttp, workers): one aiobotocore
client, the jobs created and awaited concurrently. A job still running when
--max-wait runs out is stopped. Type-checked in every checker of the test
matrix, and run by the tests against a local moto server.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from aiobotocore.config import AioConfig

from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef
from sagemaker_automl.aio import AsyncAutoMLClient, WaitTimeoutError


def request(name: str, bucket: str, role_arn: str) -> CreateAutoMLJobV2RequestTypeDef:
    return {
        "AutoMLJobName": name,
        "AutoMLJobInputDataConfig": [
            {
                "ChannelType": "training",
                "ContentType": "text/csv;header=present",
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"{bucket}/{name}/train/"}},
            }
        ],
        "OutputDataConfig": {"S3OutputPath": f"{bucket}/{name}/output/"},
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "ProblemType": "BinaryClassification",
                "CompletionCriteria": {"MaxCandidates": 5},
            }
        },
        "AutoMLJobObjective": {"MetricName": "F1"},
        "RoleArn": role_arn,
    }


async def one_job(client: AsyncAutoMLClient, name: str, args: Arguments) -> str:
    created = await client.create_auto_ml_job_v2(**request(name, args.bucket, args.role_arn))
    try:
        final = await client.wait_auto_ml_job_v2(name, delay=args.delay, max_wait=args.max_wait)
    except WaitTimeoutError:
        _ = await client.stop_auto_ml_job(AutoMLJobName=name)
        final = await client.wait_auto_ml_job_v2(name, delay=args.delay, max_wait=args.max_wait)
    best = final.get("BestCandidate")
    metric = best.get("FinalAutoMLJobObjectiveMetric") if best is not None else None
    score = f"{metric['MetricName']} = {metric['Value']}" if metric is not None else "no candidate"
    return f"{created['AutoMLJobArn'].rsplit('/', 1)[1]}: {final['AutoMLJobStatus']}, {score}"


async def main_async(args: Arguments) -> list[str]:
    config = AioConfig(retries={"total_max_attempts": 1})
    async with AsyncAutoMLClient(region_name=args.region, endpoint_url=args.endpoint_url, config=config) as client:
        names = [f"{args.name}-{i}" for i in range(args.jobs)]
        return list(await asyncio.gather(*(one_job(client, name, args) for name in names)))


class Arguments(argparse.Namespace):
    """The command line, typed (argparse's own namespace holds Any); the defaults are these."""

    name: str = "churn-async"
    jobs: int = 3
    bucket: str = "s3://example-bucket/churn"
    role_arn: str = "arn:aws:iam::123456789012:role/SageMakerExecution"
    region: str = "us-east-1"
    endpoint_url: str | None = None
    delay: float = 30.0
    max_wait: float = 3600.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    for flag in ("--name", "--bucket", "--role-arn", "--region", "--endpoint-url"):
        _ = parser.add_argument(flag, type=str)
    for flag in ("--delay", "--max-wait"):
        _ = parser.add_argument(flag, type=float)
    _ = parser.add_argument("--jobs", type=int)
    args = parser.parse_args(argv, namespace=Arguments())  # a flag not given keeps the class's default
    for line in asyncio.run(main_async(args)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
