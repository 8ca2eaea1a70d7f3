from sagemaker_automl import ChoiceUnionTypeDef

choice: ChoiceUnionTypeDef = {"Node": {"Children": [{"Children": [{"Value": 3}]}]}}  # error
