"""A retry mode botocore does not have."""

from sagemaker_automl.client import AutoMLClient

client = AutoMLClient(region_name="eu-west-1", retry_mode="fast")  # error
