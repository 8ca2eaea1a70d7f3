from sagemaker_automl import AutoMLProblemTypeConfigTypeDef

config: AutoMLProblemTypeConfigTypeDef = {"TabularJobConfig": {"TargetAttributeName": "y"}, "TextClassificationJobConfig": {"ContentColumn": "text", "TargetLabelColumn": "label"}}  # error
