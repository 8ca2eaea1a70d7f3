# As the SageMaker SDK, Airflow's hook and AWS's notebooks build requests: a literal with the required
# keys, then the optional ones item by item, with update() and setdefault().
from sagemaker_automl import (
    AutoMLJobObjectiveTypeDef,
    CreateAutoMLJobRequestTypeDef,
    DescribeAutoMLJobResponseTypeDef,
    TagTypeDef,
)


def build(name: str, tags: list[TagTypeDef], described: DescribeAutoMLJobResponseTypeDef) -> CreateAutoMLJobRequestTypeDef:
    request: CreateAutoMLJobRequestTypeDef = {
        "AutoMLJobName": name,
        "InputDataConfig": [
            {
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/in"}},
                "TargetAttributeName": "y",
            }
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://bucket/out"},
        "RoleArn": "arn:aws:iam::123456789012:role/r",
    }
    request["ProblemType"] = "Regression"
    if tags:
        request["Tags"] = tags
    objective: AutoMLJobObjectiveTypeDef = {"MetricName": "MSE"}
    request["AutoMLJobObjective"] = objective
    request.update({"GenerateCandidateDefinitionsOnly": False})
    _ = request.setdefault("AutoMLJobConfig", {"CompletionCriteria": {"MaxCandidates": 5}})
    request["OutputDataConfig"] = described["OutputDataConfig"]  # a returned value, put back in
    request["InputDataConfig"] = described["InputDataConfig"]
    return request
