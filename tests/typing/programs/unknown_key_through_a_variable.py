# A TypedDict of the user's own, with a key the API does not have, passed where ours goes: the request
# types are closed (PEP 728), so the extra key is an error even though it arrives through a variable.
from typing import TypedDict

from sagemaker_automl import AutoMLJobObjectiveTypeDef, AutoMLMetricEnumType


class ObjectiveWithThreshold(TypedDict):
    MetricName: AutoMLMetricEnumType
    Threshold: float


mine: ObjectiveWithThreshold = {"MetricName": "F1", "Threshold": 0.5}
objective: AutoMLJobObjectiveTypeDef = mine  # error
