from sagemaker_automl import AutoMLClient  # error
