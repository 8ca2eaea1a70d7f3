from sagemaker_automl.client import AutoMLClient
from sagemaker_automl.jobs import AutoMLJobV2

job = AutoMLJobV2.attach(AutoMLClient(region_name="us-east-1"), "churn")
running = list(job.candidates(status_equals="Complete"))  # error
