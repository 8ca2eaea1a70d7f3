"""Members the service leaves out of responses although the model marks them required."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from codegen.defaults import PACKAGE  # what the tests import, whatever the selection generated
from codegen.generate import GenerateOptions, build
from codegen.model.response_overrides import OPTIONAL_IN_RESPONSES
from tests.conftest import forget_generated, import_generated

# ModelPackageSummary is read from responses (ListModelPackages) and, here, also sent in a request.
MODEL = {
    "version": "2.0",
    "metadata": {
        "apiVersion": "2017-07-24",
        "protocol": "json",
        "serviceId": "SageMaker",
        "serviceFullName": "Amazon SageMaker Service",
    },
    "operations": {
        "ListModelPackages": {
            "name": "ListModelPackages",
            "input": {"shape": "ListModelPackagesInput"},
            "output": {"shape": "ListModelPackagesOutput"},
        },
        "PutSummary": {"name": "PutSummary", "input": {"shape": "PutSummaryInput"}},
    },
    "shapes": {
        "ListModelPackagesInput": {"type": "structure", "members": {}},
        "ListModelPackagesOutput": {
            "type": "structure",
            "required": ["ModelPackageSummaryList"],
            "members": {"ModelPackageSummaryList": {"shape": "Summaries"}},
        },
        "PutSummaryInput": {
            "type": "structure",
            "required": ["Summary"],
            "members": {"Summary": {"shape": "ModelPackageSummary"}},
        },
        "Summaries": {"type": "list", "member": {"shape": "ModelPackageSummary"}},
        "ModelPackageSummary": {
            "type": "structure",
            "required": ["ModelPackageName", "ModelPackageArn"],
            "members": {"ModelPackageName": {"shape": "Name"}, "ModelPackageArn": {"shape": "Name"}},
        },
        "Name": {"type": "string", "min": 1, "max": 63},
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("overrides")
    source = root / "service-2.json.gz"
    source.write_bytes(gzip.compress(json.dumps(MODEL).encode()))
    for relative, text in build(GenerateOptions(source=str(source), operations=".*", package=PACKAGE))[1].items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_every_override_cites_its_source() -> None:
    assert all("#" in reason for reason in OPTIONAL_IN_RESPONSES.values())


def test_an_overridden_member_is_optional_where_responses_are_read(package: Path) -> None:
    models, type_defs, validation = import_generated(package, "models", "type_defs", "validation")
    try:
        assert type_defs.ModelPackageSummaryOutputTypeDef.__required_keys__ == {"ModelPackageArn"}
        assert type_defs.ModelPackageSummaryTypeDef.__required_keys__ == {"ModelPackageArn", "ModelPackageName"}
        listed = models.ListModelPackagesOutput.from_response_dict(
            {"ModelPackageSummaryList": [{"ModelPackageArn": "arn:1"}]}
        )
        assert listed.model_package_summary_list[0].model_package_name is None
        # Requests still need it, and say so.
        assert validation.validate_shape("PutSummaryInput", {"Summary": {"ModelPackageArn": "arn:1"}}) == [
            "Summary.ModelPackageName: required key missing"
        ]
        # A member that is not overridden stays required in responses.
        with pytest.raises(ValueError, match=r"ModelPackageSummaryList\[0\]\.ModelPackageArn: required key missing"):
            models.ListModelPackagesOutput.from_response_dict({"ModelPackageSummaryList": [{"ModelPackageName": "n"}]})
    finally:
        forget_generated()
