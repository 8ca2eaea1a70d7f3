from sagemaker_automl import AutoMLJobObjective, ProblemType

objective = AutoMLJobObjective(metric_name=ProblemType.REGRESSION)  # error
