from sagemaker_automl import AutoMLJobCompletionCriteria

criteria = AutoMLJobCompletionCriteria(max_candidates="10")  # error
