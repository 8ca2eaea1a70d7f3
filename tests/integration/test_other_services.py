"""Other services' packages against a real botocore client and the moto server: what botocore returns at run
time is what the types say, where the Stubber sweep cannot see it (it hands back whatever it is given).

* a streamed payload (S3's GetObject Body) is botocore's StreamingBody, typed so, read() gives bytes; the
  dataclass keeps it as it is;
* a paginator with several result keys (S3's ListObjectsV2: Contents and CommonPrefixes; DynamoDB's Scan,
  whose token is a map) pages through everything, typed by its response;
* every type checker of the matrix accepts code that reads the stream (and iterates a stream of events)
  and refuses code that takes it for bytes; with the async client, code that awaits aiobotocore's
  stream (and iterates its events with ``async for``), and refuses code that forgets to await.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.session
import pytest
from botocore.config import Config
from botocore.response import StreamingBody

from codegen.generate import GenerateOptions, build
from tests.conftest import forget_generated, import_generated, write_files
from tests.fixtures.automl import moto_server
from tests.integration.test_type_checkers import CHECKERS

NO_RETRIES = Config(retries={"total_max_attempts": 1})


def generated(root: Path, service: str, operations: str) -> Path:
    """The package for ``operations`` of ``service``, written under ``root``; returns its directory."""
    options = GenerateOptions(service=service, operations=operations)
    write_files(root, build(options)[1])
    return root / options.package_name


def import_package(root: Path, package: str, *modules: str) -> list[ModuleType]:
    forget_generated()  # the committed package, which other tests of this process imported
    return import_generated(root, *modules, package=package)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with moto_server() as url:
        yield url


def botocore_client(service: str, endpoint: str) -> Any:
    return botocore.session.get_session().create_client(
        service,
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=NO_RETRIES,
    )


S3_OPERATIONS = "^(CreateBucket|PutObject|GetObject|ListObjectsV2|SelectObjectContent)$"


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ModuleType]]:
    root = tmp_path_factory.mktemp("s3")
    generated(root, "s3", S3_OPERATIONS)
    return root, import_package(root, "s3_typed", "client", "models")


def test_a_streamed_payload_is_a_streaming_body_at_run_time(s3: tuple[Path, list[ModuleType]], endpoint: str) -> None:
    _, (client_module, models) = s3
    client = client_module.S3Client(botocore_client("s3", endpoint))
    client.create_bucket(Bucket="streams")
    client.put_object(Bucket="streams", Key="data.csv", Body=b"a,b\n1,2\n")
    body = client.get_object(Bucket="streams", Key="data.csv")["Body"]
    assert isinstance(body, StreamingBody) and body.read() == b"a,b\n1,2\n"
    response = client.send(models.GetObjectRequest(bucket="streams", key="data.csv"))
    assert isinstance(response.body, StreamingBody) and response.body.read() == b"a,b\n1,2\n"


def test_a_paginator_with_several_result_keys_pages_through_all(
    s3: tuple[Path, list[ModuleType]], endpoint: str
) -> None:
    _, (client_module, _) = s3
    client = client_module.S3Client(botocore_client("s3", endpoint))
    client.create_bucket(Bucket="pages")
    keys = [f"top-{i}" for i in range(5)] + [f"dir-{i}/x" for i in range(3)]
    for key in keys:
        client.put_object(Bucket="pages", Key=key, Body=b"")
    paginator = client.get_paginator("list_objects_v2")
    assert not hasattr(paginator, "items")  # two result keys: pages only
    pages = list(paginator.paginate(Bucket="pages", Delimiter="/", MaxKeys=2))
    assert len(pages) > 2
    contents = [o["Key"] for page in pages for o in page.get("Contents", [])]
    prefixes = [p["Prefix"] for page in pages for p in page.get("CommonPrefixes", [])]
    assert sorted(contents) == [f"top-{i}" for i in range(5)]
    assert sorted(prefixes) == [f"dir-{i}/" for i in range(3)]


def test_a_paginator_whose_token_is_a_map(tmp_path: Path, endpoint: str) -> None:
    generated(tmp_path, "dynamodb", "^(CreateTable|PutItem|Scan)$")
    (client_module,) = import_package(tmp_path, "dynamodb_typed", "client")
    client = client_module.DynamoDBClient(botocore_client("dynamodb", endpoint))
    client.create_table(
        TableName="items",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    for i in range(7):
        client.put_item(TableName="items", Item={"id": {"S": f"item-{i}"}})
    pages = list(client.get_paginator("scan").paginate(TableName="items", Limit=2))
    assert len(pages) >= 4 and all(isinstance(p.get("LastEvaluatedKey", {}), dict) for p in pages)
    assert sorted(item["id"]["S"] for page in pages for item in page["Items"]) == [f"item-{i}" for i in range(7)]


READS_THE_STREAM = """\
from s3_typed.client import S3Client


def first_line(client: S3Client) -> bytes:
    response = client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    return response["Body"].read().split(b"\\n")[0]


def records(client: S3Client) -> int:
    response = client.select_object_content(
        Bucket="b",
        Key="k",
        Expression="select * from s3object",
        ExpressionType="SQL",
        InputSerialization={"CSV": {}},
        OutputSerialization={"CSV": {}},
    )
    count = 0
    for event in response.get("Payload") or []:
        if "Records" in event:
            count += len(event["Records"].get("Payload", b""))
    return count
"""

TAKES_IT_FOR_BYTES = """\
from s3_typed.client import S3Client


def first_line(client: S3Client) -> bytes:
    response = client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    body: bytes = response["Body"]  # error
    return body
"""


AWAITS_THE_STREAM = """\
from s3_typed.aio import AsyncS3Client


async def first_line(client: AsyncS3Client) -> bytes:
    response = await client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    return (await response["Body"].read()).split(b"\\n")[0]


async def records(client: AsyncS3Client) -> int:
    response = await client.select_object_content(
        Bucket="b",
        Key="k",
        Expression="select * from s3object",
        ExpressionType="SQL",
        InputSerialization={"CSV": {}},
        OutputSerialization={"CSV": {}},
    )
    count = 0
    payload = response.get("Payload")
    if payload is not None:
        async for event in payload:
            if "Records" in event:
                count += len(event["Records"].get("Payload", b""))
    return count
"""

FORGETS_TO_AWAIT = """\
from s3_typed.aio import AsyncS3Client


async def first_line(client: AsyncS3Client) -> bytes:
    response = await client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    data: bytes = response["Body"].read()  # error
    return data
"""


@pytest.mark.parametrize(
    ("program", "errors"),
    [(READS_THE_STREAM, []), (TAKES_IT_FOR_BYTES, [8]), (AWAITS_THE_STREAM, []), (FORGETS_TO_AWAIT, [8])],
    ids=["reads", "takes-it-for-bytes", "awaits", "forgets-to-await"],
)
@pytest.mark.parametrize("checker", CHECKERS)
def test_type_checkers_see_the_stream(
    s3: tuple[Path, list[ModuleType]], tmp_path: Path, checker: str, program: str, errors: list[int]
) -> None:
    """In every checker of the matrix (tests/integration/test_type_checkers.py), with botocore-stubs
    installed as the package's typing extra brings it."""
    root, _ = s3
    (tmp_path / "program.py").write_text(program)
    reported = CHECKERS[checker](tmp_path, root)
    found = sorted({line for name, line in reported if name == "program.py"})
    assert [r for r in reported if r[0] != "program.py"] == []
    if (checker, program) in SOMETIMES_UNSEEN:
        assert found in ([], errors)
    else:
        assert found == errors


# pyrefly 1.5 reads aiobotocore's types (types-aiobotocore's stubs) in a search-path package as Unknown
# in some environments (this machine's .venv) and typed in others (the copy of it the regeneration flow
# makes): a missing await is then unseen or seen; never anything else.
SOMETIMES_UNSEEN = {("pyrefly", FORGETS_TO_AWAIT)}


# --- botocore's own waiters, typed: SageMaker's endpoints against the moto server ---------------------

ENDPOINT_OPERATIONS = "^(Create|Describe|Delete)(Model|EndpointConfig|Endpoint)$"


@pytest.fixture(scope="module")
def endpoints(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("endpoints")
    generated(root, "sagemaker", ENDPOINT_OPERATIONS)
    (client_module,) = import_package(root, "sagemaker_typed", "client")
    return client_module


def test_botocore_waiters_wait_for_an_endpoint_in_service_and_deleted(endpoints: ModuleType, endpoint: str) -> None:
    client = endpoints.SageMakerClient(botocore_client("sagemaker", endpoint))
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1"
    role = "arn:aws:iam::123456789012:role/SageMakerRole"
    client.create_model(ModelName="m", PrimaryContainer={"Image": image}, ExecutionRoleArn=role)
    variant = {"VariantName": "AllTraffic", "ModelName": "m", "InitialInstanceCount": 1, "InstanceType": "ml.m5.large"}
    client.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[variant])
    client.create_endpoint(EndpointName="e", EndpointConfigName="c")
    assert client.wait_endpoint_in_service(EndpointName="e", delay=0, max_attempts=3) is None
    client.delete_endpoint(EndpointName="e")
    client.wait_endpoint_deleted(EndpointName="e", delay=0, max_attempts=3)


def test_a_botocore_waiter_that_gives_up_raises_the_packages_error(endpoints: ModuleType, endpoint: str) -> None:
    client = endpoints.SageMakerClient(botocore_client("sagemaker", endpoint))
    # No such endpoint: DescribeEndpoint's ValidationException is a failure state of EndpointInService.
    with pytest.raises(endpoints.WaiterFailedError) as caught:
        client.wait_endpoint_in_service(EndpointName="missing", delay=0, max_attempts=2)
    assert caught.value.waiter == "endpoint_in_service" and isinstance(caught.value, endpoints.SageMakerError)


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"EndpointName": "no spaces allowed", "delay": 0}, "ValidationError"),
        ({"EndpointName": "e", "delay": 0, "max_attempts": 0}, "ValueError"),
        ({"EndpointName": "e", "delay": float("nan")}, "ValueError"),
    ],
)
def test_a_botocore_waiters_arguments_are_checked_before_any_call(
    endpoints: ModuleType, arguments: dict[str, Any], error: str
) -> None:
    class NoCalls:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"called {name}")

    client = endpoints.SageMakerClient(NoCalls())
    with pytest.raises(Exception) as caught:
        client.wait_endpoint_in_service(**arguments)
    assert error in {cls.__name__ for cls in type(caught.value).__mro__}


# --- a job's candidate deployed behind an endpoint: the AutoML selection widened to models and endpoints --

ROLE = "arn:aws:iam::123456789012:role/SageMakerRole"


DEPLOY_OPERATIONS = "AutoML|" + ENDPOINT_OPERATIONS


@pytest.fixture(scope="module")
def deployable(tmp_path_factory: pytest.TempPathFactory) -> list[ModuleType]:
    """The AutoML selection widened to models, endpoint configurations and endpoints: its job objects
    get model_request, create_model, deploy and undeploy (the committed package's selection has not)."""
    root = tmp_path_factory.mktemp("deployable")
    package = generated(root, "sagemaker", DEPLOY_OPERATIONS)
    return import_package(root, package.name, "client", "jobs")


def candidate() -> dict[str, Any]:
    """A tabular classification candidate's inference containers, as DescribeAutoMLJobV2 gives them."""
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagemaker-sklearn-automl:2.5-1-cpu-py3"
    return {
        "CandidateName": "c-1",
        "InferenceContainers": [
            {"Image": image, "ModelDataUrl": "s3://b/data-processor.tar.gz", "Environment": {}},
            {
                "Image": image,
                "ModelDataUrl": "s3://b/tuning/model.tar.gz",
                "Environment": {"SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability,probabilities"},
            },
            {
                "Image": image,
                "ModelDataUrl": "s3://b/data-processor.tar.gz",
                "Environment": {"SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability,labels,probabilities"},
            },
        ],
    }


def test_a_candidate_is_deployed_behind_an_endpoint_and_removed(deployable: list[ModuleType], endpoint: str) -> None:
    """moto serves every operation of the flow but completing the job: the job is created there, the
    candidate is one a completed job describes."""
    from tests.fixtures.automl import v2_request

    client_module, jobs = deployable
    client = client_module.SageMakerClient(botocore_client("sagemaker", endpoint))
    job = jobs.AutoMLJobV2.create(client, v2_request("deploy-1"))
    name = job.deploy(
        "deploy-1-model",
        candidate=candidate(),
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
    with pytest.raises(client_module.SageMakerError):
        client.describe_endpoint(EndpointName=name)
    with pytest.raises(client_module.SageMakerError):
        client.describe_model(ModelName="deploy-1-model")


def test_the_best_candidate_of_a_job_is_checked_before_anything_is_created(
    deployable: list[ModuleType], endpoint: str
) -> None:
    """moto's best candidate is a placeholder whose ModelDataUrl is "string": the validator refuses the
    model before it is sent, and no endpoint is made; a key the model does not support is refused too."""
    from tests.fixtures.automl import v2_request

    client_module, jobs = deployable
    client = client_module.SageMakerClient(botocore_client("sagemaker", endpoint))
    job = jobs.AutoMLJobV2.create(client, v2_request("deploy-2"))
    with pytest.raises(client_module.ValidationError, match="ModelDataUrl"):
        job.deploy("deploy-2-model", instance_type="ml.m5.large", delay=0)
    with pytest.raises(ValueError, match="labels are not supported"):
        job.model_request(
            "m",
            candidate=candidate() | {"InferenceContainers": candidate()["InferenceContainers"][:2]},
            inference_response_keys=["labels"],
        )
    with pytest.raises(client_module.SageMakerError):
        client.describe_endpoint(EndpointName="deploy-2-model")


DEPLOYS = """\
from sagemaker_typed.aio import AsyncSageMakerClient
from sagemaker_typed.aio_jobs import AsyncAutoMLJobV2
from sagemaker_typed.client import SageMakerClient
from sagemaker_typed.jobs import AutoMLJobV2


def deploy_best(client: SageMakerClient) -> str:
    job = AutoMLJobV2.attach(client, "churn")
    _ = job.wait()
    endpoint = job.deploy("churn-model", instance_type="ml.m5.large", inference_response_keys=["predicted_label"])
    job.undeploy(endpoint, model_name="churn-model")
    return endpoint


def deploy_ranked(client: SageMakerClient) -> str:
    job = AutoMLJobV2.attach(client, "churn")
    for candidate in job.candidates(status_equals="Completed", sort_by="FinalObjectiveMetricValue"):
        request = job.model_request("churn-model", candidate=candidate)
        request["Tags"] = [{"Key": "team", "Value": "ml"}]
        return client.create_model(**request)["ModelArn"]
    raise LookupError("no candidate")


async def deploy_async(client: AsyncSageMakerClient) -> str:
    job = await AsyncAutoMLJobV2.attach(client, "churn")
    return await job.deploy("churn-model", instance_type="ml.m5.large", initial_instance_count=2)
"""

MISSPELLED_INSTANCE = """\
from sagemaker_typed.client import SageMakerClient
from sagemaker_typed.jobs import AutoMLJobV2


def deploy(client: SageMakerClient) -> str:
    job = AutoMLJobV2.attach(client, "churn")
    return job.deploy("churn-model", instance_type="ml.m5.larg")  # error
"""


@pytest.mark.parametrize("checker", CHECKERS)
def test_the_deploy_flow_type_checks_and_a_misspelled_instance_type_does_not(
    deployable: list[ModuleType], tmp_path: Path, checker: str
) -> None:
    """The job object's model and endpoint methods, sync and async, in every checker of the matrix."""
    root = Path(deployable[0].__file__ or "").parent.parent
    (tmp_path / "deploys.py").write_text(DEPLOYS)
    (tmp_path / "misspelled.py").write_text(MISSPELLED_INSTANCE)
    found: dict[str, set[int]] = {}
    for name, line in CHECKERS[checker](tmp_path, root):
        found.setdefault(name, set()).add(line)
    # pyrefly 1.5 reads a Literal of hundreds of values (283 instance types; one of 50 it checks) as str, so a
    # misspelled one goes unseen (asserted still a limitation: a checker that outgrows it is noticed).
    assert found == ({} if checker == "pyrefly" else {"misspelled.py": {7}})
