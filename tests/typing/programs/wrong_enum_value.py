from sagemaker_automl import AutoMLJobStatus, AutoMLSortOrder

status: AutoMLJobStatus = AutoMLSortOrder.ASCENDING  # error
