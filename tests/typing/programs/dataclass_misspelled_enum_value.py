from sagemaker_automl import AutoMLJobObjective

objective = AutoMLJobObjective(metric_name="Accuray")  # error
