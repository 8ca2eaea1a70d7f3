import sagemaker_automl


def missing(error: Exception) -> bool:
    return isinstance(error, sagemaker_automl.ResourceNotFound)  # error
