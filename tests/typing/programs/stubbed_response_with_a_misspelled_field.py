from sagemaker_automl.client import AutoMLClient
from sagemaker_automl.models import CreateAutoMLJobV2Response
from sagemaker_automl.stubber import AutoMLStubber

arn = "arn:aws:sagemaker:us-east-1:111122223333:automl-job/churn"
with AutoMLStubber(AutoMLClient(region_name="us-east-1"), passthrough=True) as stubber:
    stubber.create_auto_ml_job_v2(CreateAutoMLJobV2Response(auto_ml_job_am=arn))  # error
