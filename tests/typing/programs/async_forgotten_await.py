"""The most common async mistake: a coroutine used as its result."""

from sagemaker_automl.aio import AsyncAutoMLClient


async def status(client: AsyncAutoMLClient) -> str:
    described = client.describe_auto_ml_job_v2(AutoMLJobName="job")
    return described["AutoMLJobStatus"]  # error
