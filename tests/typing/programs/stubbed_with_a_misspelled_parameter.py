from sagemaker_automl.client import AutoMLClient
from sagemaker_automl.stubber import AutoMLStubber

with AutoMLStubber(AutoMLClient(region_name="us-east-1")) as stubber:
    stubber.stop_auto_ml_job(expected_params={"AutoMLJobNme": "churn"})  # error
