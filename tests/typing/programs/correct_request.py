from sagemaker_automl import CreateAutoMLJobV2RequestTypeDef

request: CreateAutoMLJobV2RequestTypeDef = {
    "AutoMLJobName": "churn",
    "AutoMLJobInputDataConfig": [
        {
            "ChannelType": "training",
            "ContentType": "text/csv;header=present",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}},
        },
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/output/"},
    "AutoMLProblemTypeConfig": {
        "TabularJobConfig": {
            "TargetAttributeName": "churned",
            "ProblemType": "BinaryClassification",
            "CompletionCriteria": {"MaxCandidates": 10},
        },
    },
    "AutoMLJobObjective": {"MetricName": "F1"},
    "RoleArn": "arn:aws:iam::123456789012:role/SageMaker",
}
