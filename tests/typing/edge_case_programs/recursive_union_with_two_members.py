from sagemaker_automl import ChoiceUnionTypeDef

choice: ChoiceUnionTypeDef = {"Text": "a", "Numbers": [1]}  # error
