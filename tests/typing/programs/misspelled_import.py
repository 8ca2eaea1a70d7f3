from sagemaker_automl import CreateAutoMLJobV2ReqestTypeDef  # error

request: CreateAutoMLJobV2ReqestTypeDef = {"AutoMLJobName": 42}
