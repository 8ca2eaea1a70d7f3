"""The AutoML workflow with the job object: create a tabular V2 job, follow its progress, stop it if it
runs past --max-wait, then report the best candidate and, for a completed job, every completed
candidate by its objective metric.

    python examples/job_workflow.py --bucket s3://my-bucket/churn --role-arn arn:aws:iam::...:role/SageMaker

Type-checked in every checker of the test matrix (mypy --strict, pyright, basedpyright, pyrefly, ty,
zuban), and run by the tests against a local moto server (--endpoint-url), which does not complete
AutoML jobs: there the job is stopped.
"""

from __future__ import annotations

import argparse
import sys

from botocore.config import Config

from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef, DescribeAutoMLJobV2ResponseTypeDef
from sagemaker_automl.client import AutoMLClient, WaitTimeoutError
from sagemaker_automl.jobs import AutoMLJobV2


def job_request(name: str, bucket: str, role_arn: str) -> CreateAutoMLJobV2RequestTypeDef:
    return {
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
        "AutoMLJobObjective": {"MetricName": "F1"},
        "RoleArn": role_arn,
    }


def progress(description: DescribeAutoMLJobV2ResponseTypeDef) -> None:
    print(f"  {description['AutoMLJobStatus']} ({description['AutoMLJobSecondaryStatus']})")


def run(client: AutoMLClient, name: str, bucket: str, role_arn: str, delay: float, max_wait: float) -> list[str]:
    job = AutoMLJobV2.create(client, job_request(name, bucket, role_arn))
    print(f"created {job.name}")
    try:
        final = job.wait(delay=delay, max_wait=max_wait, on_change=progress)
    except WaitTimeoutError as timeout:
        print(f"still {timeout.last_status} after {timeout.waited:.0f} s; stopping it")
        job.stop()
        final = job.wait(delay=delay, max_wait=max_wait, on_change=progress)
    report = [f"{job.name}: {final['AutoMLJobStatus']}"]
    best = job.best_candidate()
    report.append(f"best candidate: {best['CandidateName'] if best else 'none'}")
    if final["AutoMLJobStatus"] == "Completed":
        ranked = job.candidates(status_equals="Completed", sort_by="FinalObjectiveMetricValue", sort_order="Descending")
        for candidate in ranked:
            metric = candidate.get("FinalAutoMLJobObjectiveMetric")
            report.append(f"  {candidate['CandidateName']}: {metric['Value'] if metric else 'no metric'}")
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
    print("\n".join(run(client, args.name, args.bucket, args.role_arn, args.delay, args.max_wait)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
