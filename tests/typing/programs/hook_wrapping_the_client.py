"""In the style of Airflow's SageMakerHook and the SageMaker SDK's AutoML class: a class around the client
that builds a request from arguments step by step, starts the job, polls it, compares what it reads
with literals and enums, and passes described values back into a new request."""

import time
from collections.abc import Iterator, Mapping, Sequence

from sagemaker_automl import (
    AutoMLCandidateTypeDef,
    AutoMLJobStatus,
    AutoMLMetricEnum,
    CreateAutoMLJobV2RequestTypeDef,
    DescribeAutoMLJobV2ResponseTypeDef,
    TabularJobConfigTypeDef,
    TagTypeDef,
)
from sagemaker_automl.client import AutoMLClient

TERMINAL = ("Completed", "Failed", "Stopped")


class AutoMLHook:
    def __init__(self, client: AutoMLClient, role_arn: str) -> None:
        self.client: AutoMLClient = client
        self.role_arn: str = role_arn

    def create_tabular_job(
        self,
        name: str,
        s3_input: str,
        target: str,
        output_path: str,
        problem_type: str | None = None,
        objective: str | None = None,
        max_candidates: int | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> str:
        config: CreateAutoMLJobV2RequestTypeDef = {
            "AutoMLJobName": name,
            "AutoMLJobInputDataConfig": [
                {
                    "ChannelType": "training",
                    "ContentType": "text/csv;header=present",
                    "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": s3_input}},
                }
            ],
            "OutputDataConfig": {"S3OutputPath": output_path},
            "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": target}},
            "RoleArn": self.role_arn,
        }
        tabular: TabularJobConfigTypeDef = {"TargetAttributeName": target}
        if problem_type == "Regression":
            tabular["ProblemType"] = "Regression"
        if max_candidates is not None:
            tabular["CompletionCriteria"] = {"MaxCandidates": max_candidates}
        config["AutoMLProblemTypeConfig"] = {"TabularJobConfig": tabular}
        if objective == "F1":
            config["AutoMLJobObjective"] = {"MetricName": AutoMLMetricEnum.F1}
        if tags:
            tag_list: list[TagTypeDef] = [{"Key": k, "Value": v} for k, v in tags.items()]
            config["Tags"] = tag_list
        config.update({"DataSplitConfig": {"ValidationFraction": 0.2}})
        return self.client.create_auto_ml_job_v2(**config)["AutoMLJobArn"]

    def wait(self, name: str, poll_seconds: float = 30) -> DescribeAutoMLJobV2ResponseTypeDef:
        while True:
            described = self.client.describe_auto_ml_job_v2(AutoMLJobName=name)
            if described["AutoMLJobStatus"] in TERMINAL:
                break
            if described["AutoMLJobStatus"] == AutoMLJobStatus.STOPPING:
                poll_seconds = 5
            time.sleep(poll_seconds)
        if described["AutoMLJobStatus"] == "Failed":
            raise RuntimeError(described.get("FailureReason", "unknown failure"))
        return described

    def retry(self, described: DescribeAutoMLJobV2ResponseTypeDef, suffix: str) -> str:
        config = described.get("AutoMLProblemTypeConfig")
        if config is None:
            raise ValueError(f"{described['AutoMLJobName']} has no problem type to retry with")
        request: CreateAutoMLJobV2RequestTypeDef = {
            "AutoMLJobName": described["AutoMLJobName"] + suffix,
            "AutoMLJobInputDataConfig": described["AutoMLJobInputDataConfig"],
            "OutputDataConfig": described["OutputDataConfig"],
            "AutoMLProblemTypeConfig": config,
            "RoleArn": described["RoleArn"],
        }
        objective = described.get("AutoMLJobObjective")
        if objective is not None and objective == {"MetricName": "F1"}:
            request["AutoMLJobObjective"] = objective
        return self.client.create_auto_ml_job_v2(**request)["AutoMLJobArn"]

    def candidates(self, name: str) -> Iterator[AutoMLCandidateTypeDef]:
        paginator = self.client.get_paginator("list_candidates_for_auto_ml_job")
        for page in paginator.paginate(AutoMLJobName=name, SortBy="FinalObjectiveMetricValue"):
            yield from page["Candidates"]

    def best_container_images(self, name: str) -> Sequence[str]:
        best = self.wait(name).get("BestCandidate")
        if best is None:
            return []
        return [container["Image"] for container in best.get("InferenceContainers", [])]
