from sagemaker_automl import (
    AutoMLJobChannel,
    AutoMLOutputDataConfig,
    AutoMLProblemTypeConfig,
    CreateAutoMLJobV2Request,
    CreateAutoMLJobV2RequestTypeDef,
    ProblemType,
    TabularJobConfig,
)

request = CreateAutoMLJobV2Request(
    auto_ml_job_name="churn",
    auto_ml_job_input_data_config=[AutoMLJobChannel(channel_type="training")],
    output_data_config=AutoMLOutputDataConfig(s3_output_path="s3://bucket/output/"),
    auto_ml_problem_type_config=AutoMLProblemTypeConfig(
        tabular_job_config=TabularJobConfig(target_attribute_name="y", problem_type=ProblemType.BINARY_CLASSIFICATION),
    ),
    role_arn="arn:aws:iam::123456789012:role/SageMaker",
)
wire: CreateAutoMLJobV2RequestTypeDef = request.to_request_dict()
errors: list[str] = request.validate()
