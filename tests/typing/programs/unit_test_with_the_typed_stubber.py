"""A unit test of code that uses the client, the typed stubber standing in for the service."""

from datetime import datetime, timezone

from sagemaker_automl import AutoMLJobChannel, AutoMLOutputDataConfig, DescribeAutoMLJobV2Response
from sagemaker_automl.client import AutoMLClient, ResourceNotFound
from sagemaker_automl.stubber import AutoMLStubber


def job_status(client: AutoMLClient, name: str) -> str:
    try:
        return client.describe_auto_ml_job_v2(AutoMLJobName=name)["AutoMLJobStatus"]
    except ResourceNotFound:
        return "missing"


def test_job_status(client: AutoMLClient) -> None:
    now = datetime.now(timezone.utc)
    described = DescribeAutoMLJobV2Response(
        auto_ml_job_name="churn",
        auto_ml_job_arn="arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn",
        auto_ml_job_input_data_config=[AutoMLJobChannel(channel_type="training")],
        output_data_config=AutoMLOutputDataConfig(s3_output_path="s3://bucket/out"),
        role_arn="arn:aws:iam::123456789012:role/SageMaker",
        creation_time=now,
        last_modified_time=now,
        auto_ml_job_status="Completed",
        auto_ml_job_secondary_status="Completed",
    )
    with AutoMLStubber(client) as stubber:
        stubber.describe_auto_ml_job_v2(described, expected_params={"AutoMLJobName": "churn"})
        stubber.describe_auto_ml_job_v2_error("ResourceNotFound", "no such job")
        stubber.stop_auto_ml_job(expected_params={"AutoMLJobName": "churn"})
        assert job_status(client, "churn") == "Completed"
        assert job_status(client, "gone") == "missing"
        _ = client.stop_auto_ml_job(AutoMLJobName="churn")
        stubber.assert_no_pending_responses()
