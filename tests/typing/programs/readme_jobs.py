"""The README's jobs quick start, verbatim (tests/integration/test_type_checkers.py holds the two equal)."""

from sagemaker_automl.client import AutoMLClient
from sagemaker_automl.jobs import AutoMLJobV2

client = AutoMLClient(region_name="eu-west-1")
job = AutoMLJobV2.attach(client, "churn")  # or AutoMLJobV2.create(client, request) as above
final = job.wait(delay=60, max_wait=4 * 3600, on_change=lambda d: print(d["AutoMLJobSecondaryStatus"]))
endpoint = job.deploy("churn-model", instance_type="ml.m5.large",  # "ml.m5.larg" would be a type error
                      inference_response_keys=["predicted_label", "probability"])
print(final["AutoMLJobStatus"], client.describe_endpoint(EndpointName=endpoint)["EndpointStatus"])
job.undeploy(endpoint, model_name="churn-model")
