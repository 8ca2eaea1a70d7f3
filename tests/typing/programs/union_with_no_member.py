from sagemaker_automl import AutoMLProblemTypeConfigTypeDef

config: AutoMLProblemTypeConfigTypeDef = {}  # error
