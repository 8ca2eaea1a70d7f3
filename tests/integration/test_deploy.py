"""A job's candidate as a model behind an endpoint, on the committed package (its selection has the
model, endpoint configuration and endpoint operations beside the AutoML ones): botocore's endpoint
waiters typed, and the job object's model_request, create_model, deploy and undeploy, against the moto
server, which serves every one of these operations (but completing an AutoML job: the candidate here is one a
completed job describes; tests/integration/test_examples.py runs the whole workflow with the typed stubber
standing in for that)."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import GENERATED, forget_generated, import_generated
from tests.fixtures.automl import moto_server, sagemaker_client, tabular_candidate, v2_request

ROLE = "arn:aws:iam::123456789012:role/SageMakerRole"


@pytest.fixture(scope="module")
def modules() -> Iterator[list[ModuleType]]:
    yield import_generated(GENERATED, "client", "jobs")
    forget_generated()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with moto_server() as url:
        yield url


# --- botocore's own waiters, typed ---------------------------------------------------------------------------


def test_botocore_waiters_wait_for_an_endpoint_in_service_and_deleted(modules: list[ModuleType], endpoint: str) -> None:
    client_module, _ = modules
    client = client_module.AutoMLClient(sagemaker_client(endpoint))
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1"
    role = "arn:aws:iam::123456789012:role/SageMakerRole"
    client.create_model(ModelName="m", PrimaryContainer={"Image": image}, ExecutionRoleArn=role)
    variant = {"VariantName": "AllTraffic", "ModelName": "m", "InitialInstanceCount": 1, "InstanceType": "ml.m5.large"}
    client.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[variant])
    client.create_endpoint(EndpointName="e", EndpointConfigName="c")
    assert client.wait_endpoint_in_service(EndpointName="e", delay=0, max_attempts=3) is None
    client.delete_endpoint(EndpointName="e")
    client.wait_endpoint_deleted(EndpointName="e", delay=0, max_attempts=3)


def test_a_botocore_waiter_that_gives_up_raises_the_packages_error(modules: list[ModuleType], endpoint: str) -> None:
    client_module, _ = modules
    client = client_module.AutoMLClient(sagemaker_client(endpoint))
    # No such endpoint: DescribeEndpoint's ValidationException is a failure state of EndpointInService.
    with pytest.raises(client_module.WaiterFailedError) as caught:
        client.wait_endpoint_in_service(EndpointName="missing", delay=0, max_attempts=2)
    assert caught.value.waiter == "endpoint_in_service" and isinstance(caught.value, client_module.AutoMLError)


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"EndpointName": "no spaces allowed", "delay": 0}, "ValidationError"),
        ({"EndpointName": "e", "delay": 0, "max_attempts": 0}, "ValueError"),
        ({"EndpointName": "e", "delay": float("nan")}, "ValueError"),
    ],
)
def test_a_botocore_waiters_arguments_are_checked_before_any_call(
    modules: list[ModuleType], arguments: dict[str, Any], error: str
) -> None:
    class NoCalls:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"called {name}")

    client = modules[0].AutoMLClient(NoCalls())
    with pytest.raises(Exception) as caught:
        client.wait_endpoint_in_service(**arguments)
    assert error in {cls.__name__ for cls in type(caught.value).__mro__}


# --- a candidate deployed behind an endpoint ----------------------------------------------------------------


def test_a_candidate_is_deployed_behind_an_endpoint_and_removed(modules: list[ModuleType], endpoint: str) -> None:
    """moto serves every operation of the flow but completing the job: the job is created there, the
    candidate is one a completed job describes."""
    client_module, jobs = modules
    client = client_module.AutoMLClient(sagemaker_client(endpoint))
    job = jobs.AutoMLJobV2.create(client, v2_request("deploy-1"))
    name = job.deploy(
        "deploy-1-model",
        candidate=tabular_candidate(),
        instance_type="ml.m5.large",
        inference_response_keys=["predicted_label", "probability"],
        delay=0,
        max_attempts=3,
    )
    assert name == "deploy-1-model"
    assert client.describe_endpoint(EndpointName=name)["EndpointStatus"] == "InService"
    model = client.describe_model(ModelName="deploy-1-model")
    assert model["ExecutionRoleArn"] == ROLE  # the job's role
    environments = [c.get("Environment", {}) for c in model["Containers"]]
    assert environments[1]["SAGEMAKER_INFERENCE_OUTPUT"] == "predicted_label,probability"
    assert environments[2]["SAGEMAKER_INFERENCE_INPUT"] == "predicted_label,probability"
    assert environments[2]["SAGEMAKER_INFERENCE_OUTPUT"] == "predicted_label,probability"
    job.undeploy(name, model_name="deploy-1-model", delay=0, max_attempts=3)
    with pytest.raises(client_module.AutoMLError):
        client.describe_endpoint(EndpointName=name)
    with pytest.raises(client_module.AutoMLError):
        client.describe_model(ModelName="deploy-1-model")


def test_the_best_candidate_of_a_job_is_checked_before_anything_is_created(
    modules: list[ModuleType], endpoint: str
) -> None:
    """moto's best candidate is a placeholder whose ModelDataUrl is "string": the validator refuses the
    model before it is sent, and no endpoint is made; a key the model does not support is refused too."""
    client_module, jobs = modules
    client = client_module.AutoMLClient(sagemaker_client(endpoint))
    job = jobs.AutoMLJobV2.create(client, v2_request("deploy-2"))
    with pytest.raises(client_module.ValidationError, match="ModelDataUrl"):
        job.deploy("deploy-2-model", instance_type="ml.m5.large", delay=0)
    with pytest.raises(ValueError, match="labels are not supported"):
        job.model_request(
            "m",
            candidate=tabular_candidate() | {"InferenceContainers": tabular_candidate()["InferenceContainers"][:2]},
            inference_response_keys=["labels"],
        )
    with pytest.raises(client_module.AutoMLError):
        client.describe_endpoint(EndpointName="deploy-2-model")


def test_a_candidate_with_containers_by_processing_unit_is_deployed_on_the_one_asked_for(
    modules: list[ModuleType], endpoint: str
) -> None:
    """A V2 image or text classification candidate has its containers by processing unit only: deploying it
    needs processing_unit (refused before anything is created without it), then serves those containers."""
    client_module, jobs = modules
    client = client_module.AutoMLClient(sagemaker_client(endpoint))
    job = jobs.AutoMLJobV2.create(client, v2_request("deploy-3"))
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1"
    by_unit = {
        "CandidateName": "text-1",
        "InferenceContainerDefinitions": {
            unit: [{"Image": f"{image}-{unit.lower()}", "ModelDataUrl": "s3://b/text/model.tar.gz"}]
            for unit in ("CPU", "GPU")
        },
    }
    with pytest.raises(ValueError, match=r"by processing unit \(CPU, GPU\)"):
        job.deploy("deploy-3-model", candidate=by_unit, instance_type="ml.g4dn.xlarge", delay=0)
    with pytest.raises(client_module.AutoMLError):
        client.describe_model(ModelName="deploy-3-model")
    job.deploy(
        "deploy-3-model",
        candidate=by_unit,
        instance_type="ml.g4dn.xlarge",
        processing_unit="GPU",
        delay=0,
        max_attempts=3,
    )
    containers = client.describe_model(ModelName="deploy-3-model")["Containers"]
    assert [c["Image"] for c in containers] == [f"{image}-gpu"]
    job.undeploy("deploy-3-model", model_name="deploy-3-model", delay=0, max_attempts=3)
