from sagemaker_automl import AutoMLJobCompletionCriteriaTypeDef

criteria: AutoMLJobCompletionCriteriaTypeDef = {"MaxCandidates": "10"}  # error
