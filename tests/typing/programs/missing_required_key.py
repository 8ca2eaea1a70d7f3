from sagemaker_automl import AutoMLOutputDataConfigTypeDef

output: AutoMLOutputDataConfigTypeDef = {"KmsKeyId": "alias/key"}  # error
