"""A profile name where a botocore session belongs."""

from sagemaker_automl.client import AutoMLClient

client = AutoMLClient(session="default")  # error
