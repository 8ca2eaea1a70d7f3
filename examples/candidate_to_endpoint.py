"""The whole AutoML workflow on the job object, as the SageMaker SDK's AutoMLV2 does it: create a
tabular V2 job, wait for it (with progress), take its best candidate, create the model, deploy it
behind an endpoint, wait until the endpoint is in service, then delete what was made.

    python examples/candidate_to_endpoint.py --bucket s3://my-bucket/churn --role-arn arn:aws:iam::...:role/SageMaker

examples/candidate_to_endpoint_async.py is the same flow with the async client. Both are type-checked
in every checker of the test matrix, and run by the tests against a local moto server with the typed
stubber standing in for what moto does not do (it never completes an AutoML job, so there is no real
best candidate): tests/integration/test_examples.py and tests/aio.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from botocore.config import Config

from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef, DescribeAutoMLJobV2ResponseTypeDef
from sagemaker_automl.client import AutoMLClient, AutoMLError, JobFailedError, WaitTimeoutError
from sagemaker_automl.jobs import AutoMLJobV2
from sagemaker_automl.literals import ProductionVariantInstanceTypeType

# What each prediction returns, as the SDK's inference_response_keys: checked against what the
# candidate's containers support before the model is created.
RESPONSE_KEYS = ["predicted_label", "probability"]
INSTANCE_TYPE: ProductionVariantInstanceTypeType = "ml.m5.large"


def job_request(name: str, bucket: str, role_arn: str) -> CreateAutoMLJobV2RequestTypeDef:
    request: CreateAutoMLJobV2RequestTypeDef = {
        "AutoMLJobName": name,
        "AutoMLJobInputDataConfig": [
            {
                "ChannelType": "training",
                "ContentType": "text/csv;header=present",
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"{bucket}/train/"}},
            }
        ],
        "OutputDataConfig": {"S3OutputPath": f"{bucket}/output/"},
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "ProblemType": "BinaryClassification",
                "CompletionCriteria": {"MaxCandidates": 5},
            }
        },
        "RoleArn": role_arn,
    }
    request["AutoMLJobObjective"] = {"MetricName": "F1"}
    return request


def progress(description: DescribeAutoMLJobV2ResponseTypeDef) -> None:
    print(f"  {description['AutoMLJobStatus']} ({description['AutoMLJobSecondaryStatus']})")


def workflow(
    client: AutoMLClient,
    name: str,
    bucket: str,
    role_arn: str,
    *,
    delay: float = 60.0,
    max_wait: float = 4 * 3600.0,
    endpoint_attempts: int = 60,
    sleep: Callable[[float], None] = time.sleep,
) -> list[str]:
    """Runs the workflow; returns what it did, line by line."""
    job = AutoMLJobV2.create(client, job_request(name, bucket, role_arn))
    final = job.wait(delay=delay, max_wait=max_wait, on_change=progress, sleep=sleep)
    report = [f"{job.name}: {final['AutoMLJobStatus']}"]
    best = final.get("BestCandidate")  # NotRequired: a stopped job may have none
    if best is None:
        return [*report, "no candidate to deploy"]
    metric = best.get("FinalAutoMLJobObjectiveMetric")
    score = f"{metric['MetricName']} = {metric['Value']}" if metric is not None else "no metric"
    report.append(f"best candidate: {best['CandidateName']} ({score})")
    model_name = f"{name}-model"
    endpoint = job.deploy(
        model_name,
        instance_type=INSTANCE_TYPE,
        candidate=best,
        inference_response_keys=RESPONSE_KEYS,
        delay=delay,
        max_attempts=endpoint_attempts,
    )
    try:
        described = client.describe_endpoint(EndpointName=endpoint)
        report.append(f"endpoint {endpoint}: {described['EndpointStatus']}")
    finally:
        job.undeploy(endpoint, model_name=model_name, delay=delay, max_attempts=endpoint_attempts)
    report.append(f"deleted endpoint {endpoint}, its configuration and model {model_name}")
    return report


class Arguments(argparse.Namespace):
    """The command line, typed (argparse's own namespace holds Any); the defaults are these."""

    name: str = "churn-workflow"
    bucket: str = "s3://example-bucket/churn"
    role_arn: str = "arn:aws:iam::123456789012:role/SageMakerExecution"
    region: str = "us-east-1"
    endpoint_url: str | None = None
    delay: float = 60.0
    max_wait: float = 4 * 3600.0


def arguments(argv: list[str] | None, description: str | None) -> Arguments:
    parser = argparse.ArgumentParser(description=description)
    for flag in ("--name", "--bucket", "--role-arn", "--region", "--endpoint-url"):
        _ = parser.add_argument(flag, type=str)
    for flag in ("--delay", "--max-wait"):
        _ = parser.add_argument(flag, type=float)
    return parser.parse_args(argv, namespace=Arguments())  # a flag not given keeps the class's default


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv, __doc__)
    client = AutoMLClient(
        region_name=args.region, endpoint_url=args.endpoint_url, config=Config(retries={"total_max_attempts": 3})
    )
    try:
        lines = workflow(client, args.name, args.bucket, args.role_arn, delay=args.delay, max_wait=args.max_wait)
    except (JobFailedError, WaitTimeoutError) as ended:
        print(ended, file=sys.stderr)
        return 1
    except AutoMLError as error:  # the service refused something: its typed exception says what
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        client.close()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
