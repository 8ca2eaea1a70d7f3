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
from tests.fixtures.automl import moto_server, v2_description, v2_request


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
    """Other parameters, another operation than queued, or nothing queued are the test's failure: botocore's
    Stubber errors as raised, never an AutoMLError the code under test might catch."""
    from botocore.exceptions import StubAssertionError, StubResponseError, UnStubbedResponseError

    client_module, models, stubber_module = modules
    client = client_module.AutoMLClient(raw_client())
    response = models.DescribeAutoMLJobV2Response.from_response_dict(v2_description("Completed"))
    with stubber_module.AutoMLStubber(client) as stubber:
        stubber.describe_auto_ml_job_v2(response, expected_params={"AutoMLJobName": "expected"})
        with pytest.raises(StubAssertionError) as other_parameters:
            client.describe_auto_ml_job_v2(AutoMLJobName="other")
        with pytest.raises(StubResponseError, match="Operation mismatch") as other_operation:
            client.stop_auto_ml_job(AutoMLJobName="expected")
        client.describe_auto_ml_job_v2(AutoMLJobName="expected")
        with pytest.raises(UnStubbedResponseError) as nothing_queued:
            client.describe_auto_ml_job_v2(AutoMLJobName="expected")
    for raised in (other_parameters, other_operation, nothing_queued):
        assert not isinstance(raised.value, client_module.AutoMLError)


def test_passing_through_stubs_what_it_has_responses_for_and_sends_the_rest(modules: list[ModuleType]) -> None:
    """moto creates the job and would describe it InProgress for ever; the stubs stand in for its end."""
    client_module, models, stubber_module = modules
    completed = models.DescribeAutoMLJobV2Response.from_response_dict(v2_description("Completed"))
    with moto_server() as endpoint:
        raw = botocore.session.get_session().create_client(
            "sagemaker",
            region_name="us-east-1",
            endpoint_url=endpoint,
            aws_access_key_id="k",
            aws_secret_access_key="s",
        )
        client = client_module.AutoMLClient(raw)
        with stubber_module.AutoMLStubber(client, passthrough=True) as stubber:
            stubber.describe_auto_ml_job_v2(completed, expected_params={"AutoMLJobName": "v2"})
            client.create_auto_ml_job_v2(**v2_request("v2"))  # sent: moto has it
            assert client.describe_auto_ml_job_v2(AutoMLJobName="v2")["AutoMLJobStatus"] == "Completed"  # stubbed
            stubber.assert_no_pending_responses()
            # nothing queued for it any more: sent, and moto says what it knows
            assert client.describe_auto_ml_job_v2(AutoMLJobName="v2")["AutoMLJobStatus"] == "InProgress"
            # a stubbed operation keeps botocore's checks: the parameters it was queued with
            stubber.describe_auto_ml_job_v2(completed, expected_params={"AutoMLJobName": "v2"})
            with pytest.raises(botocore.exceptions.StubAssertionError):
                client.describe_auto_ml_job_v2(AutoMLJobName="other")
        # without passthrough, a call with nothing queued fails and nothing is sent
        with stubber_module.AutoMLStubber(client):
            with pytest.raises(botocore.exceptions.UnStubbedResponseError):
                client.list_auto_ml_jobs()
