from sagemaker_automl import AutoMLJobObjectiveTypeDef

objective: AutoMLJobObjectiveTypeDef = {"MetricName": "Accuracyy"}  # error
