from sagemaker_automl.client import AutoMLClient


def describe(client: AutoMLClient) -> None:
    client.describe_auto_ml_jbo_v2(AutoMLJobName="churn")  # error
