"""The README's quick start, verbatim (tests/integration/test_type_checkers.py holds the two equal)."""

from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef
from sagemaker_automl.client import AutoMLClient, JobFailedError

request: CreateAutoMLJobV2RequestTypeDef = {
    "AutoMLJobName": "churn",
    "AutoMLJobInputDataConfig": [
        {"ChannelType": "training",
         "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train"}}},
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/out"},
    "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "churned"}},
    "RoleArn": "arn:aws:iam::111122223333:role/SageMaker",
}
request["AutoMLJobObjective"] = {"MetricName": "F1"}   # "F1x" would be a type error
with AutoMLClient(region_name="eu-west-1") as client:  # validates every request before sending
    print(client.create_auto_ml_job_v2(**request)["AutoMLJobArn"])
    try:
        job = client.wait_auto_ml_job_v2("churn", delay=60, max_wait=4 * 3600)
    except JobFailedError as failed:
        print(failed)
    else:
        best = job.get("BestCandidate")  # NotRequired: the model does not promise it
        print(best["CandidateName"] if best else "no candidate")
