"""The typed stubber (generated stubber.py over codegen/runtime/_stubber.py) in front of botocore's Stubber:
typed responses checked against the model when queued, typed errors, expected parameters, and a
Stubber's own assertion reaching the test untranslated. The async client's side is in tests/aio."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import botocore.session
import pytest

from tests.conftest import GENERATED, forget_generated, import_generated
from tests.fixtures.automl import v2_description


@pytest.fixture(scope="module")
def modules() -> Iterator[list[ModuleType]]:
    yield import_generated(GENERATED, "client", "models", "stubber")
    forget_generated()


def raw_client() -> Any:
    return botocore.session.get_session().create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
    )


def test_a_typed_response_reaches_the_client_as_botocore_would_return_it(modules: list[ModuleType]) -> None:
    client_module, models, stubber_module = modules
    client = client_module.AutoMLClient(raw_client())
    response = models.DescribeAutoMLJobV2Response.from_response_dict(v2_description("InProgress"))
    with stubber_module.AutoMLStubber(client) as stubber:
        stubber.describe_auto_ml_job_v2(response, expected_params={"AutoMLJobName": "v2"})
        described = client.describe_auto_ml_job_v2(AutoMLJobName="v2")
        stubber.assert_no_pending_responses()
    assert described["AutoMLJobStatus"] == "InProgress"
    assert models.DescribeAutoMLJobV2Response.from_response_dict(described) == response


def test_an_operation_without_output_and_a_botocore_client_given_directly(modules: list[ModuleType]) -> None:
    client_module, _, stubber_module = modules
    raw = raw_client()
    with stubber_module.AutoMLStubber(raw) as stubber:
        stubber.stop_auto_ml_job(expected_params={"AutoMLJobName": "j"})
        client_module.AutoMLClient(raw).stop_auto_ml_job(AutoMLJobName="j")


def test_a_response_the_model_forbids_fails_where_it_is_stubbed(modules: list[ModuleType]) -> None:
    client_module, models, stubber_module = modules
    response = models.DescribeAutoMLJobV2Response.from_response_dict(v2_description("InProgress"))
    response.auto_ml_job_status = "Sleeping"  # what a type checker would refuse; the validator does too
    stubber = stubber_module.AutoMLStubber(client_module.AutoMLClient(raw_client()))
    with pytest.raises(
        ValueError, match=r"stubbed DescribeAutoMLJobV2Response for describe_auto_ml_job_v2: .*Sleeping"
    ):
        stubber.describe_auto_ml_job_v2(response)


def test_a_stubbed_error_is_raised_as_its_typed_exception(modules: list[ModuleType]) -> None:
    client_module, _, stubber_module = modules
    client = client_module.AutoMLClient(raw_client())
    with stubber_module.AutoMLStubber(client) as stubber:
        stubber.describe_auto_ml_job_v2_error("ResourceNotFound", "no such job")
        stubber.describe_auto_ml_job_v2_error("ThrottlingException", http_status_code=400)
        with pytest.raises(client_module.ResourceNotFound, match="no such job"):
            client.describe_auto_ml_job_v2(AutoMLJobName="ghost")
        with pytest.raises(client_module.ThrottlingError):
            client.describe_auto_ml_job_v2(AutoMLJobName="ghost")


def test_the_stubbers_own_assertions_reach_the_test_untranslated(modules: list[ModuleType]) -> None:
    """Unexpected parameters, or no response queued, are the test's failure: an AssertionError, not an
    AutoMLError."""
    from botocore.exceptions import StubAssertionError

    client_module, models, stubber_module = modules
    client = client_module.AutoMLClient(raw_client())
    response = models.DescribeAutoMLJobV2Response.from_response_dict(v2_description("Completed"))
    with stubber_module.AutoMLStubber(client) as stubber:
        stubber.describe_auto_ml_job_v2(response, expected_params={"AutoMLJobName": "expected"})
        with pytest.raises(StubAssertionError) as info:
            client.describe_auto_ml_job_v2(AutoMLJobName="other")
        assert not isinstance(info.value, client_module.AutoMLError)
        with pytest.raises(AssertionError):
            client.describe_auto_ml_job_v2(AutoMLJobName="nothing-queued")
