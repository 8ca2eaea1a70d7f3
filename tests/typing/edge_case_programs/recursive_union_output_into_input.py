from sagemaker_automl import ChoiceUnionOutputTypeDef, DoThingRequestTypeDef, RecursiveNodeOutputTypeDef


def again(choice: ChoiceUnionOutputTypeDef, tree: RecursiveNodeOutputTypeDef) -> DoThingRequestTypeDef:
    request: DoThingRequestTypeDef = {"class": "c", "Name": "n", "Choice": choice}
    request["Recursive"] = {"Children": [tree, {"Value": "built here"}]}  # returned and new nodes mixed
    return request
