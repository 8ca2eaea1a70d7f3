"""The oldest botocores a client supports and that know every member: request paths, the bisection, the
record, and what a user on an older botocore sees (a real botocore client built from the 2020 SageMaker
model)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import botocore
import botocore.session
import pytest

from codegen import defaults
from codegen import generate as generate_module
from codegen.errors import SourceError
from codegen.generate import GenerateOptions, derive_oldest_botocore
from codegen.model import floor
from codegen.model.load import load_model
from codegen.model.shapes import Model
from tests.conftest import FIXTURES, GENERATED, forget_generated, import_generated
from tests.fixtures.automl import V1_REQUEST

MODEL = {
    "metadata": {"serviceFullName": "T", "apiVersion": "1", "serviceId": "T"},
    "operations": {
        "Put": {"input": {"shape": "PutInput"}, "output": {"shape": "PutOutput"}},
        "Stop": {},
    },
    "shapes": {
        "PutInput": {
            "type": "structure",
            "required": ["Name", "Kind"],
            "members": {
                "Name": {"shape": "S"},
                "Tags": {"shape": "Tags"},
                "Tree": {"shape": "Node"},
                "Kind": {"shape": "Kind"},
            },
        },
        "Kind": {"type": "structure", "union": True, "members": {"A": {"shape": "Tag"}, "B": {"shape": "S"}}},
        "PutOutput": {
            "type": "structure",
            "required": ["Id"],
            "members": {"Id": {"shape": "S"}, "Note": {"shape": "S"}, "Tags": {"shape": "Tags"}},
        },
        "Tags": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "Tag"}},
        "Tag": {"type": "structure", "members": {"Value": {"shape": "S"}}},
        "Node": {"type": "structure", "members": {"Children": {"shape": "Nodes"}, "Label": {"shape": "S"}}},
        "Nodes": {"type": "list", "member": {"shape": "Node"}},
        "S": {"type": "string"},
    },
}


def test_request_paths_reach_every_member_through_lists_maps_and_recursion() -> None:
    paths = floor.request_paths(Model(MODEL), ["Put", "Stop", "Gone"])
    assert paths == {
        "Put",
        "Put.Name",
        "Put.Tags",
        "Put.Tags{}.Value",
        "Put.Tree",
        "Put.Tree.Children",  # Children's items are Nodes again: the walk does not re-enter a shape on its path
        "Put.Tree.Label",
        "Put.Kind",
        "Put.Kind.A",
        "Put.Kind.A.Value",
        "Put.Kind.B",
        "Stop",
    }


def test_needed_paths_are_required_members_any_union_member_and_promised_response_members() -> None:
    """What every operation needs to work: a request carries its required members and one member of a union
    (any, so each counts); a response keeps what it is promised (``Op->``)."""
    waiters = {
        "waiters": {
            "Done": {"operation": "Put", "delay": 5, "maxAttempts": 3, "acceptors": []},
            "Elsewhere": {"operation": "Stop", "delay": 5, "maxAttempts": 3, "acceptors": []},
        }
    }
    assert floor.needed_paths(Model(MODEL, waiters=waiters), ["Put"]) == {
        "Put",
        "Put.Name",
        "Put.Kind",
        "Put.Kind.A",  # Tag's Value is optional: not needed
        "Put.Kind.B",
        "Put->Id",
        "Done waiter",  # the client's wait_done asks botocore for it; Stop is not selected
    }


def test_the_bisection_finds_the_first_release_that_accepts_everything() -> None:
    needed = frozenset({"Op", "Op.A", "Op.B"})
    history = {
        f"1.{i}": frozenset({"Op"} | ({"Op.A"} if i >= 3 else set()) | ({"Op.B"} if i >= 7 else set()))
        for i in range(20)
    }
    probed: list[str] = []

    def paths_of(version: str) -> frozenset[str]:
        probed.append(version)
        return history[version]

    versions = list(history)
    assert floor.oldest_supporting(versions, needed, paths_of) == "1.7"
    assert len(probed) <= 5  # log2(20), not 20
    assert floor.oldest_supporting(["9.9"], needed, paths_of) == "9.9"  # only the generating release


def test_the_record_is_per_model_and_selection_and_replaced_for_a_newer_model(tmp_path: Path) -> None:
    record = tmp_path / "oldest.json"
    assert floor.recorded("svc", "AutoML", "sha1", record) is None  # never derived
    floor.record(floor.record_key("svc", "AutoML", "sha1"), floor.Floors("1.2.0", "1.2.3"), record)
    floor.record(floor.record_key("svc", "Other", "sha1"), floor.Floors("1.0.0", "1.0.0"), record)
    assert floor.recorded("svc", "AutoML", "sha1", record) == ("1.2.0", "1.2.3")
    floor.record(floor.record_key("svc", "AutoML", "sha2"), floor.Floors("1.2.0", "1.2.4"), record)  # the pin moved
    assert json.loads(record.read_text()) == {
        "svc AutoML sha2": {"supported": "1.2.0", "complete": "1.2.4"},
        "svc Other sha1": {"supported": "1.0.0", "complete": "1.0.0"},
    }
    assert floor.recorded("svc", "AutoML", "sha1", record) is None
    for corrupt in (
        "{not json",
        '["a list"]',
        '{"svc AutoML sha2": "1.2.4"}',  # a single version: this generator's record before it had two floors
        '{"svc AutoML sha2": {"supported": "1.2"}}',
        '{"svc AutoML sha2": {"supported": "1.2", "complete": "1.2; rm -rf /"}}',
    ):
        record.write_text(corrupt)
        assert floor.recorded("svc", "AutoML", "sha2", record) is None


def test_the_pinned_model_has_a_derived_floor_and_the_package_states_it() -> None:
    loaded = load_model("installed")
    floors = floor.recorded("sagemaker", defaults.OPERATIONS, loaded.sha256)
    assert floors is not None, "the pin moved without deriving the floor: run automl-codegen oldest-botocore --record"
    source = (GENERATED / "sagemaker_automl" / "_source.py").read_text()
    assert f'OLDEST_BOTOCORE: str | None = "{floors.supported}"' in source
    assert f'COMPLETE_BOTOCORE: str | None = "{floors.complete}"' in source
    assert floor.version_key(floors.supported) <= floor.version_key(floors.complete)
    assert f'client = ["botocore>={floors.supported}"]' in (GENERATED / "pyproject.toml").read_text()


def test_deriving_bisects_the_releases_below_the_generating_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline: the releases are the two vendored 2020 models, then the installed one generates."""
    fixtures = {v: str(FIXTURES / f"sagemaker-{v}-service-2.json.gz") for v in ("1.17.42", "1.17.43")}
    installed = load_model("installed")
    monkeypatch.setattr(generate_module, "botocore_releases", lambda: ["1.17.42", "1.17.43", "99.0.0"])

    def load(source: str, service: str = "sagemaker") -> Any:
        if source == "installed":
            return installed
        version = source.removeprefix("botocore==")
        if version not in fixtures:
            raise SourceError(f"{source}: not vendored")
        return load_model(fixtures[version], service)

    monkeypatch.setattr(generate_module, "load_model", load)
    # Every AutoML request of 2020 is still accepted, but today's have members 2020 lacks.
    found = derive_oldest_botocore(GenerateOptions(operations="^DescribeAutoMLJob$"))
    assert (found.floors, found.probes) == (("1.17.42", "1.17.42"), 2)
    # CreateAutoMLJob's requests could be made in 2020, but it has optional members 2020 lacks; the V2
    # operations did not exist.
    found = derive_oldest_botocore(GenerateOptions(operations="^CreateAutoMLJob$"))
    assert found.floors == ("1.17.42", installed.botocore_version)
    assert derive_oldest_botocore(GenerateOptions()).floors == (installed.botocore_version,) * 2


def test_a_service_model_without_a_botocore_version_cannot_be_bisected(tmp_path: Path) -> None:
    source = tmp_path / "service-2.json.gz"
    source.write_bytes(gzip.compress(json.dumps(MODEL).encode()))
    with pytest.raises(SourceError, match="use installed or botocore==X"):
        derive_oldest_botocore(GenerateOptions(source=str(source), operations="Put"))


# --- a user whose botocore is older than the model the package was generated from ------------------------------


@pytest.fixture
def botocore_of_2020(tmp_path: Path) -> Any:
    """A real botocore client whose loader finds the SageMaker model of botocore 1.17.42 first."""
    api = tmp_path / "sagemaker" / "2017-07-24"
    api.mkdir(parents=True)
    (api / "service-2.json").write_bytes(
        gzip.decompress((FIXTURES / "sagemaker-1.17.42-service-2.json.gz").read_bytes())
    )
    session = botocore.session.get_session()
    session.get_component("data_loader").search_paths.insert(0, str(tmp_path))
    return session.create_client("sagemaker", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")


def test_an_older_botocore_is_named_with_what_it_lacks(botocore_of_2020: Any) -> None:
    [client_module, source] = import_generated(GENERATED, "client", "_source")
    generated_from = source.BOTOCORE_VERSION
    try:
        client = client_module.AutoMLClient(botocore_of_2020)
        with pytest.raises(client_module.BotocoreVersionError) as info:
            client.describe_auto_ml_job_v2(AutoMLJobName="job")
        assert str(info.value).startswith(
            f"DescribeAutoMLJobV2: the installed botocore {botocore.__version__} does not know the operation "
            f"DescribeAutoMLJobV2; this package was generated from botocore {generated_from}; its operations work "
            f"with botocore >= {source.OLDEST_BOTOCORE}"
        )
        newer = {**V1_REQUEST, "ModelDeployConfig": {"AutoGenerateEndpointName": True}}
        newer["InputDataConfig"] = [{**V1_REQUEST["InputDataConfig"][0], "ChannelType": "training"}]
        sent: list[object] = []
        botocore_of_2020.meta.events.register("before-send.sagemaker", lambda **kwargs: sent.append(kwargs))
        with pytest.raises(client_module.BotocoreVersionError) as info:
            client.create_auto_ml_job(**newer)
        assert sent == []
        assert info.value.missing == ["InputDataConfig[0].ChannelType", "ModelDeployConfig"]
        assert info.value.operation == "CreateAutoMLJob" and info.value.generated_from == generated_from
        assert str(info.value).endswith(
            f"every member it sends is known from botocore {source.COMPLETE_BOTOCORE}: upgrade botocore"
        )
    finally:
        forget_generated()
