"""The job objects (generated jobs.py over the client): against the moto server for what moto implements
(create, describe, attach, stop), and with the typed stubber for what it does not (a job that runs and
ends, candidates: moto neither completes AutoML jobs nor lists candidates). No test sleeps: the waits take
an injected sleep. The async objects are tested in tests/aio."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import GENERATED, forget_generated, import_generated
from tests.fixtures.automl import moto_server, sagemaker_client, v2_description, v2_request


@pytest.fixture(scope="module")
def modules() -> Iterator[list[ModuleType]]:
    yield import_generated(GENERATED, "client", "models", "stubber", "jobs")
    forget_generated()


# --- moto: create, attach, describe, stop ------------------------------------------------------------------


def test_create_attach_describe_and_stop_against_moto(modules: list[ModuleType]) -> None:
    client_module, models, _, jobs = modules
    with moto_server() as endpoint:
        client = client_module.AutoMLClient(sagemaker_client(endpoint))
        job = jobs.AutoMLJobV2.create(client, v2_request("jobs-1"))
        assert job.name == "jobs-1" and job.last_description is None
        assert job.describe()["AutoMLJobStatus"] == "InProgress"
        again = jobs.AutoMLJobV2.attach(client, "jobs-1")
        assert again.last_description is not None and again.last_description["AutoMLJobName"] == "jobs-1"
        job.stop()
        assert job.describe()["AutoMLJobStatus"] in ("Stopping", "Stopped")
        # The dataclass request works the same.
        request = models.CreateAutoMLJobV2Request.from_response_dict(v2_request("jobs-2"))
        assert jobs.AutoMLJobV2.create(client, request).describe()["AutoMLJobName"] == "jobs-2"
        with pytest.raises(client_module.ResourceNotFound):
            jobs.AutoMLJobV2.attach(client, "no-such-job")


# --- the typed stubber: a job that runs and ends, its candidates -------------------------------------------


def described(models: ModuleType, status: str, secondary: str, **extra: Any) -> Any:
    wire = {**v2_description(status), "AutoMLJobSecondaryStatus": secondary, **extra}
    return models.DescribeAutoMLJobV2Response.from_response_dict(wire)


CANDIDATE = {
    "CandidateName": "c1",
    "ObjectiveStatus": "Succeeded",
    "CandidateStatus": "Completed",
    "CandidateSteps": [],
    "CreationTime": v2_description("x")["CreationTime"],
    "LastModifiedTime": v2_description("x")["CreationTime"],
}


def test_wait_reports_each_change_of_status_once_and_returns_the_end(
    modules: list[ModuleType], caplog: pytest.LogCaptureFixture
) -> None:
    client_module, models, stubber_module, jobs = modules
    client = client_module.AutoMLClient(sagemaker_client())
    job = jobs.AutoMLJobV2(client, "v2")
    steps = [
        ("InProgress", "Starting"),
        ("InProgress", "Starting"),  # no change: not reported again
        ("InProgress", "TrainingModels"),
        ("Completed", "Completed"),
    ]
    slept: list[float] = []
    seen: list[tuple[str, str]] = []
    with stubber_module.AutoMLStubber(client) as stubber, caplog.at_level(logging.INFO, logger=jobs.__name__):
        for status, secondary in steps:
            stubber.describe_auto_ml_job_v2(described(models, status, secondary), {"AutoMLJobName": "v2"})
        final = job.wait(
            delay=5,
            max_wait=60,
            sleep=slept.append,
            on_change=lambda d: seen.append((d["AutoMLJobStatus"], d["AutoMLJobSecondaryStatus"])),
        )
        stubber.assert_no_pending_responses()
    assert final["AutoMLJobStatus"] == "Completed" and job.last_description == final
    assert seen == [("InProgress", "Starting"), ("InProgress", "TrainingModels"), ("Completed", "Completed")]
    assert [r.getMessage() for r in caplog.records] == [
        "v2: InProgress (Starting)",
        "v2: InProgress (TrainingModels)",
        "v2: Completed (Completed)",
    ]
    assert slept == [5, 5, 5]


def test_a_failed_job_raises_with_its_reason_and_keeps_its_last_description(modules: list[ModuleType]) -> None:
    client_module, models, stubber_module, jobs = modules
    client = client_module.AutoMLClient(sagemaker_client())
    job = jobs.AutoMLJobV2(client, "v2")
    with stubber_module.AutoMLStubber(client) as stubber:
        stubber.describe_auto_ml_job_v2(described(models, "Failed", "Failed", FailureReason="no data"))
        with pytest.raises(client_module.JobFailedError, match="no data"):
            job.wait(delay=0, max_wait=1, sleep=lambda _: None)
    assert job.last_description is not None and job.last_description["AutoMLJobStatus"] == "Failed"


def test_the_best_candidate_and_every_candidate_with_the_listings_filters(modules: list[ModuleType]) -> None:
    client_module, models, stubber_module, jobs = modules
    client = client_module.AutoMLClient(sagemaker_client())
    job = jobs.AutoMLJobV2(client, "v2")
    listing = models.ListCandidatesForAutoMLJobResponse
    with stubber_module.AutoMLStubber(client) as stubber:
        stubber.describe_auto_ml_job_v2(described(models, "InProgress", "Starting"))
        stubber.describe_auto_ml_job_v2(described(models, "Completed", "Completed", BestCandidate=CANDIDATE))
        filters = {"AutoMLJobName": "v2", "StatusEquals": "Completed", "SortBy": "FinalObjectiveMetricValue"}
        page = listing.from_response_dict({"Candidates": [CANDIDATE], "NextToken": "t2"})
        stubber.list_candidates_for_auto_ml_job(page, filters)
        last = listing.from_response_dict({"Candidates": [{**CANDIDATE, "CandidateName": "c2"}]})
        stubber.list_candidates_for_auto_ml_job(last, {**filters, "NextToken": "t2"})  # type: ignore[typeddict-item]
        assert job.best_candidate() is None  # none yet
        best = job.best_candidate()
        assert best is not None and best["CandidateName"] == "c1"
        names = [
            c["CandidateName"] for c in job.candidates(status_equals="Completed", sort_by="FinalObjectiveMetricValue")
        ]
        assert names == ["c1", "c2"]
        stubber.assert_no_pending_responses()
