"""The job object, as the SageMaker SDK's AutoMLV2 is used: create, wait with progress, best candidate."""

from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef, DescribeAutoMLJobV2ResponseTypeDef
from sagemaker_automl.client import AutoMLClient, JobFailedError
from sagemaker_automl.jobs import AutoMLJobV2


def progress(description: DescribeAutoMLJobV2ResponseTypeDef) -> None:
    print(description["AutoMLJobStatus"], description["AutoMLJobSecondaryStatus"])


def train(client: AutoMLClient, request: CreateAutoMLJobV2RequestTypeDef) -> str | None:
    job = AutoMLJobV2.create(client, request)
    try:
        final = job.wait(delay=60, max_wait=4 * 3600, on_change=progress)
    except JobFailedError as failed:
        print(failed.failure_reason)
        return None
    print(final.get("EndTime"))
    best = job.best_candidate()
    for candidate in job.candidates(status_equals="Completed", sort_by="FinalObjectiveMetricValue"):
        print(candidate["CandidateName"], candidate["CandidateStatus"])
    return best["CandidateName"] if best else None
