from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef, DescribeAutoMLJobV2ResponseTypeDef


def rerun(described: DescribeAutoMLJobV2ResponseTypeDef) -> CreateAutoMLJobV2RequestTypeDef | None:
    config = described.get("AutoMLProblemTypeConfig")
    if config is None:
        return None
    return {
        "AutoMLJobName": described["AutoMLJobName"] + "-again",
        "AutoMLJobInputDataConfig": described["AutoMLJobInputDataConfig"],
        "OutputDataConfig": described["OutputDataConfig"],
        "AutoMLProblemTypeConfig": config,
        "RoleArn": described["RoleArn"],
    }
