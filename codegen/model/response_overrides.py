"""Members the model marks required that the service leaves out of its responses, as data.

The model's ``required`` flags are written for requests; on responses they are
not always true, and a typed response that promises a key the service omits
fails at run time (``KeyError``, or a decoding error). Each entry names the
service (the model's ``metadata.serviceId``), the structure and the member, and
cites where the omission was reported. Such a member stays required in
requests (input TypedDicts, the validator) and is optional wherever a response
is read: ``NotRequired`` in output TypedDicts, an optional dataclass field,
decoded when present.
"""

from __future__ import annotations

OPTIONAL_IN_RESPONSES: dict[tuple[str, str, str], str] = {
    (
        "SageMaker",
        "ModelPackageSummary",
        "ModelPackageName",
    ): "boto/botocore#3022: versioned model packages in a model package group carry only their ARN",
    (
        "Route 53",
        "ListHostedZonesResponse",
        "Marker",
    ): "boto/botocore#2854, aws/aws-sdk#495: omitted when the listing starts at the beginning",
    (
        "Cognito Identity Provider",
        "UserPoolAddOnsType",
        "AdvancedSecurityMode",
    ): "boto/botocore#2514: CreateUserPool returns UserPoolAddOns as {} when none were set",
}


def optional_in_responses(service_id: str) -> frozenset[tuple[str, str]]:
    """(structure, member) pairs of ``service_id`` that responses may lack."""
    return frozenset((shape, member) for service, shape, member in OPTIONAL_IN_RESPONSES if service == service_id)
