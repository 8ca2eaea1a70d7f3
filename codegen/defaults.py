"""What the generator does when not told otherwise, decided once for the command line and the API."""

from __future__ import annotations

SERVICE = "sagemaker"  # botocore's name for the service, as create_client takes it
OPERATIONS = "AutoML"  # operations whose name matches this regex: the 7 AutoML operations
PACKAGE = "sagemaker_automl"  # the generated Python package
OUT = "generated"
FORMATTER = "ruff"

DEFAULT_SERVICE, DEFAULT_OPERATIONS = SERVICE, OPERATIONS
