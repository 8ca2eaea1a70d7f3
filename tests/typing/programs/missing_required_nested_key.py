from sagemaker_automl import AutoMLJobChannelTypeDef

channel: AutoMLJobChannelTypeDef = {"ChannelType": "training", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix"}}}  # error
