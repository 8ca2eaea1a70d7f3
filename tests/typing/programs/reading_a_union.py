from sagemaker_automl import AutoMLProblemTypeConfigOutputTypeDef, TabularJobConfigOutputTypeDef


def target_by_membership(config: AutoMLProblemTypeConfigOutputTypeDef) -> str | None:
    if "TabularJobConfig" in config:
        tabular: TabularJobConfigOutputTypeDef = config["TabularJobConfig"]
        return tabular["TargetAttributeName"]
    return None


def target_by_get(config: AutoMLProblemTypeConfigOutputTypeDef) -> str | None:
    tabular = config.get("TabularJobConfig")
    if tabular is None:
        return None
    return tabular["TargetAttributeName"]
