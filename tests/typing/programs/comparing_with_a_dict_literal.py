# Tests and scripts compare what was described with what was sent, as dict literals.
from sagemaker_automl import DescribeAutoMLJobV2ResponseTypeDef


def unchanged(described: DescribeAutoMLJobV2ResponseTypeDef) -> bool:
    same_output = described["OutputDataConfig"] == {"S3OutputPath": "s3://bucket/out"}
    same_objective = described.get("AutoMLJobObjective") == {"MetricName": "F1"}
    return same_output and same_objective and described["AutoMLJobStatus"] == "Completed"
