from sagemaker_automl.client import AutoMLClient
from sagemaker_automl.jobs import AutoMLJobV2


def deploy(client: AutoMLClient) -> str:
    job = AutoMLJobV2.attach(client, "churn")
    return job.deploy("churn-model", instance_type="ml.m5.larg")  # error
