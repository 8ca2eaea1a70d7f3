# The enum classes are usable wherever the wire value is: in requests, dataclasses and comparisons.
from sagemaker_automl import (
    AutoMLJobObjective,
    AutoMLJobStatus,
    AutoMLMetricEnum,
    CreateAutoMLJobRequestTypeDef,
    DescribeAutoMLJobV2ResponseTypeDef,
    ProblemType,
)


def choose(request: CreateAutoMLJobRequestTypeDef, described: DescribeAutoMLJobV2ResponseTypeDef) -> bool:
    request["ProblemType"] = ProblemType.BINARY_CLASSIFICATION
    request["AutoMLJobObjective"] = {"MetricName": AutoMLMetricEnum.F1}
    objective = AutoMLJobObjective(metric_name=AutoMLMetricEnum.AUC)
    by_string = AutoMLJobObjective(metric_name="AUC")
    return (
        described["AutoMLJobStatus"] == AutoMLJobStatus.COMPLETED
        and objective.metric_name == by_string.metric_name
    )
