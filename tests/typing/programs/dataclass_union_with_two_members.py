from sagemaker_automl import AutoMLProblemTypeConfig, TabularJobConfig, TextGenerationJobConfig

config = AutoMLProblemTypeConfig(tabular_job_config=TabularJobConfig(target_attribute_name="y"), text_generation_job_config=TextGenerationJobConfig())  # error
