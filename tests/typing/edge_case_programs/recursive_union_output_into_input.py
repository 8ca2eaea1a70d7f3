from sagemaker_automl import ChoiceUnionOutputTypeDef, ChoiceUnionTypeDef


def again(choice: ChoiceUnionOutputTypeDef) -> ChoiceUnionTypeDef:
    return choice
