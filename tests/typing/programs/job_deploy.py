from sagemaker_automl.aio import AsyncAutoMLClient
from sagemaker_automl.aio_jobs import AsyncAutoMLJobV2
from sagemaker_automl.client import AutoMLClient
from sagemaker_automl.jobs import AutoMLJobV2


def deploy_best(client: AutoMLClient) -> str:
    job = AutoMLJobV2.attach(client, "churn")
    _ = job.wait()
    endpoint = job.deploy("churn-model", instance_type="ml.m5.large", inference_response_keys=["predicted_label"])
    job.undeploy(endpoint, model_name="churn-model")
    return endpoint


def deploy_ranked(client: AutoMLClient) -> str:
    job = AutoMLJobV2.attach(client, "churn")
    for candidate in job.candidates(status_equals="Completed", sort_by="FinalObjectiveMetricValue"):
        request = job.model_request("churn-model", candidate=candidate)
        request["Tags"] = [{"Key": "team", "Value": "ml"}]
        return client.create_model(**request)["ModelArn"]
    raise LookupError("no candidate")


async def deploy_async(client: AsyncAutoMLClient) -> str:
    job = await AsyncAutoMLJobV2.attach(client, "churn")
    return await job.deploy("churn-model", instance_type="ml.m5.large", initial_instance_count=2)


def deploy_text_classifier(client: AutoMLClient) -> str:
    job = AutoMLJobV2.attach(client, "reviews")
    return job.deploy("reviews-model", instance_type="ml.g5.xlarge", processing_unit="GPU")
