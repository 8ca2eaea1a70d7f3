"""The typed client against real parts: a moto server on 127.0.0.1, and botocore's Stubber."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import botocore.session
import pytest
from hypothesis import given
from hypothesis import strategies as st
from botocore.config import Config
from botocore.stub import Stubber

from tests.fixtures.automl import (
    RequestCounter,
    bad_v2_requests,
    CREATED,
    V1_REQUEST,
    moto_server,
    v1_description,
    v2_description,
    v2_request,
)
from tests.conftest import GENERATED, ROOT, forget_generated, import_generated, run_with_generated

NO_RETRIES = Config(retries={"total_max_attempts": 1})


@pytest.fixture(scope="module")
def modules() -> Iterator[list[ModuleType]]:
    yield import_generated(GENERATED, "client", "models")
    forget_generated()


@pytest.fixture(scope="module")
def pkg(modules: list[ModuleType]) -> ModuleType:
    return modules[0]


@pytest.fixture(scope="module")
def models(modules: list[ModuleType]) -> ModuleType:
    return modules[1]


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def botocore_client(moto_endpoint: str) -> Any:
    session = botocore.session.get_session()
    return session.create_client(
        "sagemaker",
        region_name="us-east-1",
        endpoint_url=moto_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=NO_RETRIES,
    )


# --- against the moto server: create, describe, list, stop ---------------------------------------------------


def test_typed_dict_level_round_trip(pkg: ModuleType, botocore_client: Any) -> None:
    client = pkg.AutoMLClient(botocore_client)
    created = client.create_auto_ml_job_v2(**v2_request("typed-1"))
    assert created["AutoMLJobArn"].endswith("automl-job/typed-1")
    described = client.describe_auto_ml_job_v2(AutoMLJobName="typed-1")
    assert described["AutoMLJobStatus"] == "InProgress"
    assert described["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] == "y"
    assert client.stop_auto_ml_job(AutoMLJobName="typed-1")["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert client.describe_auto_ml_job_v2(AutoMLJobName="typed-1")["AutoMLJobStatus"] == "Stopped"


def test_dataclass_level_round_trip(pkg: ModuleType, models: ModuleType, botocore_client: Any) -> None:
    client = pkg.AutoMLClient(botocore_client)
    request = models.CreateAutoMLJobV2Request.from_response_dict(v2_request("objects-1"))
    created = client.send(request)
    assert isinstance(created, models.CreateAutoMLJobV2Response)
    described = client.send(models.DescribeAutoMLJobV2Request(auto_ml_job_name="objects-1"))
    assert isinstance(described, models.DescribeAutoMLJobV2Response)
    assert (
        described.auto_ml_problem_type_config.tabular_job_config.problem_type
        is models.ProblemType.BINARY_CLASSIFICATION
    )
    assert client.send(models.StopAutoMLJobRequest(auto_ml_job_name="objects-1")) is None


def test_pagination_over_more_jobs_than_one_page(pkg: ModuleType, botocore_client: Any) -> None:
    client = pkg.AutoMLClient(botocore_client)
    for i in range(7):
        client.create_auto_ml_job_v2(**v2_request(f"page-{i}"))
    paginator = client.get_paginator("list_auto_ml_jobs")
    pages = list(paginator.paginate(MaxResults=3, NameContains="page-"))
    assert [len(p["AutoMLJobSummaries"]) for p in pages] == [3, 3, 1]
    names = [job["AutoMLJobName"] for job in paginator.items(MaxResults=3, NameContains="page-")]
    assert sorted(names) == [f"page-{i}" for i in range(7)]


def test_duplicate_name_raises_typed_resource_in_use(pkg: ModuleType, botocore_client: Any) -> None:
    from botocore.exceptions import ClientError

    client = pkg.AutoMLClient(botocore_client)
    client.create_auto_ml_job_v2(**v2_request("dup-1"))
    with pytest.raises(pkg.ResourceInUse) as info:
        client.create_auto_ml_job_v2(**v2_request("dup-1"))
    assert isinstance(info.value.__cause__, ClientError)
    assert "dup-1 already exists" in info.value.message
    assert info.value.request_id
    assert info.value.code == "ResourceInUse"
    assert client.exceptions.ResourceInUse is pkg.ResourceInUse


def test_unknown_name_raises_typed_resource_not_found(pkg: ModuleType, botocore_client: Any) -> None:
    client = pkg.AutoMLClient(botocore_client)
    with pytest.raises(pkg.ResourceNotFound, match="Could not find AutoML job with name ghost"):
        client.describe_auto_ml_job_v2(AutoMLJobName="ghost")


def test_bad_requests_never_reach_the_server(pkg: ModuleType, botocore_client: Any) -> None:
    client = pkg.AutoMLClient(botocore_client)
    counter = RequestCounter(botocore_client)
    cases = bad_v2_requests("")
    for request, message in cases:
        with pytest.raises(pkg.ValidationError) as info:
            client.create_auto_ml_job_v2(**request)
        assert any(e.startswith(message) for e in info.value.errors), info.value.errors
    assert counter.count == 0
    names = [j["AutoMLJobName"] for j in client.get_paginator("list_auto_ml_jobs").items()]
    assert not {"enum-1", "union-1", "x" * 40} & set(names)

    # Switched off per client, the same request goes out (and moto, unlike AWS, accepts it).
    before = counter.count
    pkg.AutoMLClient(botocore_client, validate=False).create_auto_ml_job_v2(**cases[0][0])
    assert counter.count == before + 1


def test_load_four_threads_through_one_client(pkg: ModuleType, botocore_client: Any) -> None:
    client = pkg.AutoMLClient(botocore_client)
    failures: list[BaseException] = []

    def worker(thread: int) -> None:
        try:
            for i in range(50):
                name = f"load-{thread}-{i}"
                client.create_auto_ml_job_v2(**v2_request(name))
                assert client.describe_auto_ml_job_v2(AutoMLJobName=name)["AutoMLJobName"] == name
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "load test did not finish in time"
    assert failures == []
    names = [
        j["AutoMLJobName"]
        for j in client.get_paginator("list_auto_ml_jobs").items(NameContains="load-", MaxResults=100)
    ]
    assert sorted(names) == sorted(f"load-{t}-{i}" for t in range(4) for i in range(50))


def test_client_built_from_options(pkg: ModuleType, moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = pkg.AutoMLClient(region_name="us-east-1", endpoint_url=moto_endpoint, config=NO_RETRIES)
    assert client.client.meta.region_name == "us-east-1"
    assert "AutoMLJobSummaries" in client.list_auto_ml_jobs(MaxResults=1)


# --- operations moto does not implement: botocore's Stubber ---------------------------------------------------


@pytest.fixture
def stubbed(pkg: ModuleType) -> Iterator[tuple[Any, Stubber]]:
    raw = botocore.session.get_session().create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y"
    )
    with Stubber(raw) as stubber:
        yield pkg.AutoMLClient(raw), stubber
        stubber.assert_no_pending_responses()


def test_v1_create_and_describe_with_stubber(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    stubber.add_response("create_auto_ml_job", {"AutoMLJobArn": "arn:aws:sagemaker:::automl-job/v1-job"}, V1_REQUEST)
    stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})
    assert client.create_auto_ml_job(**V1_REQUEST)["AutoMLJobArn"].endswith("v1-job")
    assert client.describe_auto_ml_job(AutoMLJobName="v1-job")["AutoMLJobStatus"] == "InProgress"


def test_list_candidates_with_stubber(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    candidate = {
        "CandidateName": "c1",
        "ObjectiveStatus": "Succeeded",
        "CandidateStatus": "Completed",
        "CandidateSteps": [],
        "CreationTime": CREATED,
        "LastModifiedTime": CREATED,
        "FinalAutoMLJobObjectiveMetric": {"MetricName": "MSE", "Value": 0.25},
    }
    stubber.add_response(
        "list_candidates_for_auto_ml_job", {"Candidates": [candidate], "NextToken": "t2"}, {"AutoMLJobName": "v1-job"}
    )
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [{**candidate, "CandidateName": "c2"}]},
        {"AutoMLJobName": "v1-job", "NextToken": "t2"},
    )
    paginator = client.get_paginator("list_candidates_for_auto_ml_job")
    assert [c["CandidateName"] for c in paginator.items(AutoMLJobName="v1-job")] == ["c1", "c2"]


def test_waiter_in_progress_then_completed(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    for status in ("InProgress", "InProgress", "Completed"):
        stubber.add_response("describe_auto_ml_job", v1_description(status), {"AutoMLJobName": "v1-job"})
    sleeps: list[float] = []
    final = client.wait_auto_ml_job("v1-job", delay=5, max_wait=60, sleep=sleeps.append)
    assert final["AutoMLJobStatus"] == "Completed"
    assert sleeps == [5, 5]


def test_waiter_failure_carries_the_reason(pkg: ModuleType, stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})
    stubber.add_response(
        "describe_auto_ml_job",
        v1_description("Failed", FailureReason="ClientError: no data"),
        {"AutoMLJobName": "v1-job"},
    )
    with pytest.raises(pkg.JobFailedError) as info:
        client.wait_auto_ml_job("v1-job", delay=0, sleep=lambda _: None)
    assert info.value.failure_reason == "ClientError: no data"
    assert str(info.value) == "v1-job ended with status Failed: ClientError: no data"


def test_waiter_timeout_names_the_last_status(pkg: ModuleType, stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    for _ in range(3):
        stubber.add_response("describe_auto_ml_job", v1_description("InProgress"), {"AutoMLJobName": "v1-job"})
    with pytest.raises(pkg.WaitTimeoutError) as info:
        client.wait_auto_ml_job("v1-job", delay=10, max_wait=25, sleep=lambda _: None)
    assert info.value.last_status == "InProgress" and info.value.waited == pytest.approx(20, abs=1)
    assert str(info.value) == "v1-job still InProgress after waiting 20 s"


def test_waiter_v2_returns_a_stopped_job(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    stubber.add_response("describe_auto_ml_job_v2", v2_description("Stopped"), {"AutoMLJobName": "v2"})
    assert client.wait_auto_ml_job_v2("v2", delay=0)["AutoMLJobStatus"] == "Stopped"


# --- the example application ---------------------------------------------------------------------------------


def test_example_runs_against_moto(moto_endpoint: str) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(GENERATED),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    result = subprocess.run(
        [
            sys.executable,
            "examples/tabular_job.py",
            "--endpoint-url",
            moto_endpoint,
            "--name",
            "example-1",
            "--delay",
            "0.01",
            "--max-wait",
            "0.05",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "created arn:aws:sagemaker:us-east-1:123456789012:automl-job/example-1"
    assert lines[1] == "still InProgress after 0 s; stopping it"
    # moto's best candidate is a fixed placeholder
    assert lines[2] == "example-1: Stopped, best candidate best_candidate: Accuracy = 123.0"


def test_the_job_workflow_example_runs_against_moto(moto_endpoint: str) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(GENERATED),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    command = [sys.executable, "examples/job_workflow.py", "--endpoint-url", moto_endpoint, "--name", "workflow-1"]
    result = subprocess.run(
        [*command, "--delay", "0.01", "--max-wait", "0.05"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "created workflow-1"
    assert lines[1].startswith("  InProgress (")  # the first status the job object saw
    assert "still InProgress after 0 s; stopping it" in lines
    assert lines[-2:] == ["workflow-1: Stopped", "best candidate: best_candidate"]  # moto's placeholder candidate


def test_the_clients_live_in_their_modules_not_at_the_root() -> None:
    """The root offers nothing whose type-checking needs botocore; asking it says where to look."""
    code = (
        "import sys, sagemaker_automl\n"
        "for name in ('AutoMLClient', 'ResourceNotFound', 'AutoMLError', 'AsyncAutoMLClient',"
        " 'AsyncListAutoMLJobsPaginator'):\n"
        "    try:\n"
        "        getattr(sagemaker_automl, name)\n"
        "    except AttributeError as error:\n"
        "        print(error)\n"
        "assert 'botocore' not in sys.modules\n"
        "from sagemaker_automl.client import AutoMLClient, ResourceNotFound\n"
        "import sagemaker_automl.models, sagemaker_automl.type_defs, sagemaker_automl.validation\n"
        "print(AutoMLClient.__module__, issubclass(ResourceNotFound, Exception))\n"
        "print('aiobotocore' in sys.modules, 'sagemaker_automl.aio' in sys.modules)\n"
    )
    result = run_with_generated(code)
    assert result.stdout.splitlines() == [
        "AutoMLClient is not at the package root: import it from sagemaker_automl.client",
        "ResourceNotFound is not at the package root: import it from sagemaker_automl.client",
        "AutoMLError is not at the package root: import it from sagemaker_automl.client",
        "AsyncAutoMLClient is not at the package root: import it from sagemaker_automl.aio",
        "AsyncListAutoMLJobsPaginator is not at the package root: import it from sagemaker_automl.aio",
        "sagemaker_automl.client True",
        "False False",  # nothing but the async client imports aiobotocore
    ], result.stderr


def test_the_async_client_without_aiobotocore_says_which_extra_to_install() -> None:
    """This environment has no aiobotocore (it pins an older botocore): the async suite runs in .venv-aio."""
    result = run_with_generated("import sagemaker_automl.aio\n")
    assert result.stderr.strip().splitlines()[-1] == (
        "ModuleNotFoundError: sagemaker_automl.aio needs aiobotocore, which is not installed: "
        "pip install 'sagemaker-automl[aio]'"
    )


def test_the_client_without_botocore_says_which_extra_to_install() -> None:
    code = (
        "import sys\n"
        "class NoBotocore:\n"  # as if it were not installed
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] == 'botocore':\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, NoBotocore())\n"
        "import sagemaker_automl.client\n"
    )
    result = run_with_generated(code)
    last = result.stderr.strip().splitlines()[-1]
    assert last == (
        "ModuleNotFoundError: sagemaker_automl.client needs botocore, which is not installed: "
        "pip install 'sagemaker-automl[client]'"
    )


def test_the_root_lists_its_lazy_names() -> None:
    """dir() and REPL completion show what loads on first use; nothing is loaded by asking."""
    code = (
        "import sys, sagemaker_automl as p\n"
        "names = dir(p)\n"
        "print('CreateAutoMLJobV2RequestTypeDef' in names, 'AutoMLJobConfig' in names, 'ProblemType' in names)\n"
        "print(set(p.__all__) <= set(names), 'sagemaker_automl.models' in sys.modules)\n"
    )
    result = run_with_generated(code)
    assert result.stdout.splitlines() == ["True True True", "True False"], result.stderr


def test_the_names_operations_may_not_take_are_every_other_public_attribute_of_the_client(pkg: ModuleType) -> None:
    """names.CLIENT_ATTRIBUTES is a hand-kept table: it must cover what ClientBase and the template define."""
    from codegen.generate import GenerateOptions, build
    from codegen.model import names

    service, _ = build(GenerateOptions(), formatted=False)
    client = pkg.AutoMLClient(object(), validate=False)
    public = {name for name in dir(client) if not name.startswith("_")}
    generated = {op.method_name for op in service.operations} | {w.method for w in service.waiters}
    generated |= {w.method for w in service.botocore_waiters}
    assert public - generated == names.CLIENT_ATTRIBUTES


# --- configuring a client it creates: typed settings over a botocore Config -----------------------------------


def test_typed_settings_reach_the_botocore_client(pkg: ModuleType) -> None:
    client = pkg.AutoMLClient(
        region_name="eu-west-1", max_attempts=4, retry_mode="adaptive", connect_timeout=1.5, read_timeout=20
    )
    config = client.client.meta.config
    assert config.retries == {"total_max_attempts": 4, "mode": "adaptive"}
    assert (config.connect_timeout, config.read_timeout) == (1.5, 20)
    client.close()


def test_a_botocore_config_alone_is_used_as_it_is(pkg: ModuleType) -> None:
    config = Config(retries={"mode": "standard"}, read_timeout=7, user_agent_extra="mine")
    client = pkg.AutoMLClient(region_name="eu-west-1", config=config)
    assert client.client.meta.config.retries == {"mode": "standard"}
    assert client.client.meta.config.user_agent_extra == "mine"
    client.close()


SETTING = st.none() | st.integers(1, 10)
TIMEOUT = st.none() | st.floats(0.5, 120)
RETRIES = st.none() | st.fixed_dictionaries(
    {}, optional={"mode": st.sampled_from(["legacy", "standard", "adaptive"]), "total_max_attempts": st.integers(1, 9)}
)


@given(
    max_attempts=SETTING,
    retry_mode=st.none() | st.sampled_from(["legacy", "standard", "adaptive"]),
    connect_timeout=TIMEOUT,
    read_timeout=TIMEOUT,
    base_retries=RETRIES,
    base_read_timeout=TIMEOUT,
    with_base=st.booleans(),
)
def test_each_typed_setting_wins_over_the_config_and_the_rest_of_the_config_is_kept(
    pkg: ModuleType,
    max_attempts: int | None,
    retry_mode: str | None,
    connect_timeout: float | None,
    read_timeout: float | None,
    base_retries: dict[str, Any] | None,
    base_read_timeout: float | None,
    with_base: bool,
) -> None:
    from sagemaker_automl._client import client_config

    given = {"retries": base_retries, "read_timeout": base_read_timeout, "user_agent_extra": "mine"}
    base = Config(**{k: v for k, v in given.items() if v is not None}) if with_base else None
    made = client_config(Config, base, max_attempts, retry_mode, connect_timeout, read_timeout)
    typed = {max_attempts, retry_mode, connect_timeout, read_timeout} != {None}
    if not typed:
        assert made is base  # nothing to lay over it: the user's own object
        return
    assert isinstance(made, Config)
    expected_retries = dict((base_retries or {}) if base else {})
    expected_retries.update({k: v for k, v in (("total_max_attempts", max_attempts), ("mode", retry_mode)) if v})
    assert (made.retries or {}) == expected_retries
    assert made.connect_timeout == (connect_timeout or 60)  # botocore's default
    assert made.read_timeout == (read_timeout or (base_read_timeout if base and base_read_timeout else 60))
    assert made.user_agent_extra == ("mine" if base else None)


def test_settings_for_a_new_client_beside_a_given_client_are_refused(pkg: ModuleType) -> None:
    raw = botocore.session.get_session().create_client("sagemaker", region_name="us-east-1")
    with pytest.raises(
        TypeError,
        match=r"AutoMLClient: region_name, max_attempts set up a client AutoMLClient creates, but a client was given",
    ):
        pkg.AutoMLClient(raw, region_name="eu-west-1", max_attempts=3)
    assert pkg.AutoMLClient(raw, validate=False).client is raw


# --- the package's exceptions survive pickling and copying ------------------------------------------------

EXCEPTION_ARGUMENTS: dict[str, tuple[Any, ...]] = {
    "JobFailedError": ("job", "Failed", "no data", {"AutoMLJobStatus": "Failed"}),
    "WaitTimeoutError": ("job", "InProgress", 60.0),
    "RepeatedTokenError": ("list_auto_ml_jobs", "t1", 3),
    "WaiterFailedError": ("endpoint_in_service", "Max attempts exceeded", {"EndpointStatus": "Creating"}),
    "BotocoreVersionError": ("CreateAutoMLJobV2", ["ModelDeployConfig"], "1.0.0", "9.9.9", "2.0.0"),
    "ValidationError": ("CreateAutoMLJobRequest", ["AutoMLJobName: missing"]),
    "InvalidRequestError": ("CreateAutoMLJobRequest", ["AutoMLJobName: missing"]),
}


def _raise(error: BaseException) -> None:
    raise error


def test_every_exception_of_the_package_pickles_copies_and_crosses_a_process_pool(pkg: ModuleType) -> None:
    """A worker of a ProcessPoolExecutor that raised one of them broke the pool (BrokenProcessPool): the
    parent rebuilt it from Exception.args, which its constructor does not take."""
    import copy
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    classes = [getattr(pkg, name) for name in pkg.__all__ if isinstance(getattr(pkg, name), type)]
    classes = [c for c in classes if issubclass(c, BaseException)]
    assert {"JobFailedError", "RepeatedTokenError", "ResourceNotFound", "ValidationError"} <= {
        c.__name__ for c in classes
    }
    errors = [
        cls(*EXCEPTION_ARGUMENTS.get(cls.__name__, ("gone", "ResourceNotFound", "r-1", {"Error": {}})))
        for cls in classes
    ]
    with ProcessPoolExecutor(max_workers=1) as pool:
        for error in errors:
            for again in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
                assert type(again) is type(error) and str(again) == str(error)
                assert vars(again) == vars(error)
            with pytest.raises(type(error)) as info:
                pool.submit(_raise, error).result(timeout=60)
            assert str(info.value) == str(error) and vars(info.value) == vars(error)


# Every way a call can fail: (what botocore does, the package's exception class, its code).
FAILURES = [
    ("ResourceNotFound", 400, "ResourceNotFound", "ResourceNotFound"),  # declared by the model
    ("ThrottlingException", 400, "ThrottlingError", "ThrottlingException"),
    ("Throttling", 400, "ThrottlingError", "Throttling"),
    ("AccessDeniedException", 400, "AccessDeniedError", "AccessDeniedException"),
    ("ExpiredTokenException", 400, "AccessDeniedError", "ExpiredTokenException"),
    ("InternalFailure", 500, "ServerError", "InternalFailure"),
    ("ServiceUnavailable", 503, "ServerError", "ServiceUnavailable"),
    ("ValidationException", 400, "AutoMLError", "ValidationException"),  # the service's own validation
    ("SomethingNew", 400, "AutoMLError", "SomethingNew"),
]


@pytest.mark.parametrize(("code", "status", "raised", "expected_code"), FAILURES)
def test_every_service_error_is_an_automl_error_with_botocores_as_its_cause(
    pkg: ModuleType, code: str, status: int, raised: str, expected_code: str
) -> None:
    from botocore.exceptions import ClientError

    client = botocore.session.get_session().create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
    )
    with Stubber(client) as stubber:
        stubber.add_client_error("describe_auto_ml_job_v2", code, "it went wrong", status)
        with pytest.raises(pkg.AutoMLError) as info:
            pkg.AutoMLClient(client).describe_auto_ml_job_v2(AutoMLJobName="j")
    assert type(info.value) is getattr(pkg, raised)
    assert isinstance(info.value.__cause__, ClientError)
    assert info.value.code == expected_code and info.value.message == "it went wrong"


def test_botocores_own_failures_and_refusals_are_automl_errors_too(pkg: ModuleType) -> None:
    """No connection, no credentials, a request botocore's checks refuse, our validation, an old botocore:
    one hierarchy to catch."""
    from botocore.exceptions import EndpointConnectionError, NoCredentialsError, ParamValidationError

    session = botocore.session.get_session()
    unreachable = session.create_client(
        "sagemaker",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        aws_access_key_id="k",
        aws_secret_access_key="s",
        config=Config(retries={"total_max_attempts": 1}, connect_timeout=1),
    )
    with pytest.raises(pkg.AutoMLError) as info:
        pkg.AutoMLClient(unreachable).describe_auto_ml_job_v2(AutoMLJobName="j")
    assert isinstance(info.value.__cause__, EndpointConnectionError)
    assert info.value.code == "EndpointConnectionError"

    anonymous = session.create_client("sagemaker", region_name="us-east-1", endpoint_url="http://127.0.0.1:9")
    anonymous._request_signer._credentials = None  # as with no credentials anywhere
    with pytest.raises(pkg.AutoMLError) as info:
        pkg.AutoMLClient(anonymous).describe_auto_ml_job_v2(AutoMLJobName="j")
    assert isinstance(info.value.__cause__, NoCredentialsError)

    # A request our validator lets through and botocore refuses (a type it checks): an InvalidRequestError,
    # which is also a ValidationError.
    with pytest.raises(pkg.InvalidRequestError) as refused:
        pkg.AutoMLClient(unreachable, validate=False).describe_auto_ml_job_v2(AutoMLJobName=7)  # type: ignore[arg-type]
    assert isinstance(refused.value, pkg.ValidationError) and isinstance(refused.value, pkg.AutoMLError)
    assert isinstance(refused.value.__cause__, ParamValidationError)

    with pytest.raises(pkg.AutoMLError) as ours:
        pkg.AutoMLClient(unreachable).describe_auto_ml_job_v2(AutoMLJobName="bad name!")
    assert isinstance(ours.value, pkg.ValidationError) and ours.value.errors
    assert issubclass(pkg.BotocoreVersionError, pkg.AutoMLError)
    # Every exception class the module exports is an AutoMLError, but ValidationError, the validator's
    # (validation.validate_shape works without a client): the client raises its InvalidRequestError.
    exported = [name for name in pkg.__all__ if name.endswith("Error") and name != "ValidationError"]
    assert all(issubclass(getattr(pkg, name), pkg.AutoMLError) for name in exported), exported


class _AnsweringEveryCallWith:
    """A botocore client whose every operation returns ``response`` (what botocore makes of a truncated
    or empty 200 body: no members, only ResponseMetadata)."""

    def __init__(self, response: dict[str, Any]) -> None:
        self._response = response

    def __getattr__(self, method: str) -> Any:
        return lambda **kwargs: dict(self._response)


def test_a_response_without_what_the_model_promises_is_never_handed_over(pkg: ModuleType) -> None:
    """Every operation whose response has required keys, sync: a truncated response raises
    IncompleteResponseError (an AutoMLError) instead of returning {} typed as a full response."""
    from codegen.generate import GenerateOptions, build
    from tests.integration.exercise import MinimalValues

    empty = {"ResponseMetadata": {"HTTPStatusCode": 200, "RequestId": "r-1"}}
    client = pkg.AutoMLClient(_AnsweringEveryCallWith(empty), validate=False)
    checked = pkg.AutoMLClient(_AnsweringEveryCallWith(empty))
    service = build(GenerateOptions(), formatted=False)[0]
    values = MinimalValues(service, sys.modules["sagemaker_automl.validation"])  # the client's own
    promising = 0
    for operation in service.operations:
        request = values.value(operation.input) if operation.input else {}
        assert getattr(client, operation.method_name)(**request) == empty  # validate=False: as it came
        if operation.output is None:
            assert getattr(checked, operation.method_name)(**request) == empty  # nothing promised
            continue
        promising += 1
        with pytest.raises(pkg.IncompleteResponseError, match="required key missing") as info:
            getattr(checked, operation.method_name)(**request)
        assert isinstance(info.value, pkg.AutoMLError) and info.value.response == empty
    assert promising > 0


def test_a_truncated_body_from_a_real_endpoint_is_an_incomplete_response(pkg: ModuleType) -> None:
    """Fault injection: a server on 127.0.0.1 answers 200 with the first half of a valid body."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = json.dumps({**v2_description("InProgress"), "CreationTime": 1.7e9, "LastModifiedTime": 1.7e9}).encode()

    class Truncating(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            half = body[: len(body) // 2]
            self.send_response(200)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(half)))
            self.end_headers()
            self.wfile.write(half)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Truncating)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        raw = botocore.session.get_session().create_client(
            "sagemaker",
            region_name="us-east-1",
            endpoint_url=f"http://127.0.0.1:{server.server_address[1]}",
            aws_access_key_id="k",
            aws_secret_access_key="s",
            config=NO_RETRIES,
        )
        assert "AutoMLJobStatus" not in raw.describe_auto_ml_job_v2(AutoMLJobName="j")  # botocore: "success"
        with pytest.raises(pkg.IncompleteResponseError, match="DescribeAutoMLJobV2"):
            pkg.AutoMLClient(raw).describe_auto_ml_job_v2(AutoMLJobName="j")
    finally:
        server.shutdown()
        server.server_close()
