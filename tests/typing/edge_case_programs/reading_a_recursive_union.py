from sagemaker_automl import ChoiceUnionOutputTypeDef, RecursiveNodeOutputTypeDef


def describe(choice: ChoiceUnionOutputTypeDef) -> str | None:
    if "Node" in choice:
        node: RecursiveNodeOutputTypeDef = choice["Node"]
        return node.get("Value")
    numbers = choice.get("Numbers")
    if numbers is not None:
        return str(sum(numbers))
    return choice.get("Text")
