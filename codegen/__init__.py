"""automl-codegen: a typed Python package generated from botocore's SageMaker AutoML model."""
