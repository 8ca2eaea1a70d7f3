"""Create a tabular AutoML V2 job, wait for it, and print the best candidate's objective metric.

    python examples/tabular_job.py --bucket s3://my-bucket/churn --role-arn arn:aws:iam::...:role/SageMaker

Type-checked in every checker of the test matrix (mypy --strict, pyright, basedpyright,
pyrefly, ty, zuban), and run by the tests against a local moto server (--endpoint-url).
A job still running when --max-wait runs out is stopped, and its best candidate so far
is reported.
"""

from __future__ import annotations

import argparse
import sys

from botocore.config import Config

from sagemaker_automl import (
    AutoMLDataSource,
    AutoMLJobChannel,
    AutoMLJobCompletionCriteria,
    AutoMLJobObjective,
    AutoMLMetricEnum,
    AutoMLOutputDataConfig,
    AutoMLProblemTypeConfig,
    AutoMLS3DataSource,
    AutoMLS3DataType,
    CreateAutoMLJobV2Request,
    DescribeAutoMLJobV2Response,
    ProblemType,
    TabularJobConfig,
)
from sagemaker_automl.client import AutoMLClient, WaitTimeoutError


def run(client: AutoMLClient, name: str, bucket: str, role_arn: str, delay: float, max_wait: float) -> str:
    request = CreateAutoMLJobV2Request(
        auto_ml_job_name=name,
        auto_ml_job_input_data_config=[
            AutoMLJobChannel(
                channel_type="training",
                content_type="text/csv;header=present",
                data_source=AutoMLDataSource(
                    s3_data_source=AutoMLS3DataSource(
                        s3_data_type=AutoMLS3DataType.S3_PREFIX, s3_uri=f"{bucket}/train/"
                    )
                ),
            )
        ],
        output_data_config=AutoMLOutputDataConfig(s3_output_path=f"{bucket}/output/"),
        auto_ml_problem_type_config=AutoMLProblemTypeConfig(
            tabular_job_config=TabularJobConfig(
                target_attribute_name="churned",
                problem_type=ProblemType.BINARY_CLASSIFICATION,
                completion_criteria=AutoMLJobCompletionCriteria(max_candidates=5),
            )
        ),
        auto_ml_job_objective=AutoMLJobObjective(metric_name=AutoMLMetricEnum.F1),
        role_arn=role_arn,
    )
    created = client.send(request)
    print(f"created {created.auto_ml_job_arn}")
    try:
        _ = client.wait_auto_ml_job_v2(name, delay=delay, max_wait=max_wait)
    except WaitTimeoutError as timeout:
        print(f"still {timeout.last_status} after {timeout.waited:.0f} s; stopping it")
        _ = client.stop_auto_ml_job(AutoMLJobName=name)
        _ = client.wait_auto_ml_job_v2(name, delay=delay, max_wait=max_wait)
    described = DescribeAutoMLJobV2Response.from_response_dict(client.describe_auto_ml_job_v2(AutoMLJobName=name))
    best = described.best_candidate
    if best is None or best.final_auto_ml_job_objective_metric is None:
        return f"{name}: {described.auto_ml_job_status}, no candidate"
    metric = best.final_auto_ml_job_objective_metric
    return f"{name}: {described.auto_ml_job_status}, best candidate {best.candidate_name}: {metric.metric_name} = {metric.value}"


class Arguments(argparse.Namespace):
    """The command line, typed (argparse's own namespace holds Any); the defaults are these."""

    name: str = "churn-example"
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
    args = parser.parse_args(argv, namespace=Arguments())  # a flag not given keeps the class's default
    client = AutoMLClient(
        region_name=args.region, endpoint_url=args.endpoint_url, config=Config(retries={"total_max_attempts": 1})
    )
    print(run(client, args.name, args.bucket, args.role_arn, args.delay, args.max_wait))
    return 0


if __name__ == "__main__":
    sys.exit(main())
