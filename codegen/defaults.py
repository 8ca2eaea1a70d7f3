"""What the generator does when not told otherwise, decided once for the command line and the API.

The defaults describe this repository's product, the SageMaker AutoML package in ``generated/``. Another
service gets defaults of its own (all of its operations, a package and an output directory named after
it), so that ``--service s3`` alone never writes an S3 package named ``sagemaker_automl`` into
``generated/``.
"""

from __future__ import annotations

import re
from pathlib import Path

SERVICE = "sagemaker"  # botocore's name for the service, as create_client takes it
# Operations whose name matches this regex: the 7 AutoML operations, and the models, endpoint
# configurations and endpoints a job's candidate is deployed with (create, describe, delete: 9 more).
OPERATIONS = "AutoML|^(Create|Describe|Delete)(Model|EndpointConfig|Endpoint)$"
PACKAGE = "sagemaker_automl"  # the generated Python package
OUT = "generated"
FORMATTER = "ruff"
ALL_OPERATIONS = ".*"
OTHER_PACKAGE_SUFFIX = "_typed"  # s3 -> s3_typed (pip install ./generated-s3_typed)


def operations_for(service: str) -> str:
    """SageMaker's AutoML operations for SageMaker, every operation of any other service."""
    return OPERATIONS if service == SERVICE else ALL_OPERATIONS


def package_for(service: str, operations: str) -> str:
    """``sagemaker_automl`` for the default selection only; any other is named after its service, so
    that two selections never install as one distribution."""
    if (service, operations) == (SERVICE, OPERATIONS):
        return PACKAGE
    stem = re.sub(r"[^0-9a-z]+", "_", service.lower()).strip("_") or "service"
    return ("service_" if stem[0].isdigit() else "") + stem + OTHER_PACKAGE_SUFFIX


def out_for(package: str) -> Path:
    """``generated/`` holds the SageMaker AutoML package only; another package goes beside it."""
    return Path(OUT) if package == PACKAGE else Path(f"{OUT}-{package}")
