from sagemaker_automl import AutoMLProblemTypeConfig

config = AutoMLProblemTypeConfig()  # error
