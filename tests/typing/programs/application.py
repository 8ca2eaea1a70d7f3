"""A realistic use: create, describe, optional keys with .get, paginators, send(), typed errors."""

from sagemaker_automl import (
    AutoMLJobStatus,
    AutoMLJobSummaryTypeDef,
    DescribeAutoMLJobV2Request,
    DescribeAutoMLJobV2Response,
)
from sagemaker_automl.client import AutoMLClient, AutoMLError, ResourceInUse, ResourceNotFound


def start(client: AutoMLClient, name: str, role_arn: str) -> str:
    try:
        created = client.create_auto_ml_job_v2(
            AutoMLJobName=name,
            AutoMLJobInputDataConfig=[
                {"ChannelType": "training", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}
            ],
            OutputDataConfig={"S3OutputPath": "s3://b/out/"},
            AutoMLProblemTypeConfig={"TabularJobConfig": {"TargetAttributeName": "y"}},
            RoleArn=role_arn,
        )
    except ResourceInUse:
        return name
    return created["AutoMLJobArn"]


def status(client: AutoMLClient, name: str) -> str:
    try:
        described = client.describe_auto_ml_job_v2(AutoMLJobName=name)
    except ResourceNotFound as error:
        return f"gone: {error.message}"
    except AutoMLError as error:
        return f"failed: {error.code}"
    best = described.get("BestCandidate")
    metric = best.get("FinalAutoMLJobObjectiveMetric") if best else None
    value = metric["Value"] if metric else None
    reason = described.get("FailureReason", "")
    return f"{described['AutoMLJobStatus']} {value} {reason}"


def running(client: AutoMLClient) -> list[str]:
    paginator = client.get_paginator("list_auto_ml_jobs")
    jobs: list[AutoMLJobSummaryTypeDef] = list(paginator.items(StatusEquals="InProgress"))
    pages = [page["AutoMLJobSummaries"] for page in paginator.paginate(MaxResults=10)]
    return [job["AutoMLJobName"] for job in jobs] + [job["AutoMLJobName"] for page in pages for job in page]


def finished(client: AutoMLClient, name: str) -> bool:
    response: DescribeAutoMLJobV2Response = client.send(DescribeAutoMLJobV2Request(auto_ml_job_name=name))
    return response.auto_ml_job_status in (AutoMLJobStatus.COMPLETED, AutoMLJobStatus.STOPPED)
