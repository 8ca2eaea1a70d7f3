from sagemaker_automl import DescribeAutoMLJobV2ResponseTypeDef


def reason(described: DescribeAutoMLJobV2ResponseTypeDef) -> str:
    return described["FailureReason"]  # error
