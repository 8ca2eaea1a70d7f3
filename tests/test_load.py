"""Model sources: installed, a file, a cached botocore wheel; failures as one line."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from codegen.errors import SourceError
from codegen.cache import CACHE_ENV
from codegen.load import load_model
from tests.conftest import EDGE_CASE_MODEL

TINY = {"metadata": {"apiVersion": "2017-07-24"}, "operations": {}, "shapes": {}}


def test_installed_model_records_the_botocore_version() -> None:
    import botocore

    model = load_model("installed")
    assert model.botocore_version == botocore.__version__
    assert "CreateAutoMLJobV2" in model.raw["operations"]
    assert "ListAutoMLJobs" in model.paginators["pagination"]
    assert len(model.sha256) == 64


def test_json_and_gzipped_json_give_the_same_model_and_hash(tmp_path: Path) -> None:
    plain = tmp_path / "service-2.json"
    plain.write_bytes(gzip.decompress(EDGE_CASE_MODEL.read_bytes()))
    from_gz, from_json = load_model(str(EDGE_CASE_MODEL)), load_model(str(plain))
    assert from_gz.raw == from_json.raw
    assert from_gz.sha256 == from_json.sha256
    assert from_json.botocore_version is None


def make_wheel(path: Path, version: str, files: dict[str, bytes]) -> None:
    path.mkdir(parents=True)
    with zipfile.ZipFile(path / f"botocore-{version}-py3-none-any.whl", "w") as wheel:
        for name, data in files.items():
            wheel.writestr(name, data)


def test_botocore_version_is_read_from_the_cached_wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    # Old wheels ship plain .json, new ones .json.gz; the newest API version wins.
    make_wheel(tmp_path / "botocore-1.17.42", "1.17.42", {
        "botocore/data/sagemaker/2017-07-24/service-2.json": json.dumps(TINY).encode(),
        "botocore/data/sagemaker/2015-01-01/service-2.json": b"not used",
        "botocore/data/sagemaker/2017-07-24/paginators-1.json": b'{"pagination": {}}',
    })
    model = load_model("botocore==1.17.42")
    assert model.raw == TINY
    assert model.botocore_version == "1.17.42"
    assert model.paginators == {"pagination": {}}

    make_wheel(tmp_path / "botocore-1.32.0", "1.32.0", {
        "botocore/data/sagemaker/2017-07-24/service-2.json.gz": gzip.compress(json.dumps(TINY).encode()),
    })
    assert load_model("botocore==1.32.0").raw == TINY


def test_unavailable_botocore_version_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setenv("PIP_NO_INDEX", "1")  # no network in tests: pip fails as it would offline
    with pytest.raises(SourceError, match=r"botocore==0\.0\.1: cannot download the wheel") as info:
        load_model("botocore==0.0.1")
    assert "\n" not in info.value.one_line()


def test_wheel_without_the_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    make_wheel(tmp_path / "botocore-1.0.0", "1.0.0", {"botocore/data/s3/2006-03-01/service-2.json": b"{}"})
    with pytest.raises(SourceError, match="no model for service 'sagemaker'"):
        load_model("botocore==1.0.0")


def test_malformed_source_spec() -> None:
    with pytest.raises(SourceError, match="expected botocore==X.Y.Z"):
        load_model("botocore>=1.0")


def test_installed_botocore_without_the_service() -> None:
    with pytest.raises(SourceError, match="no service 'no-such-service'"):
        load_model("installed", service="no-such-service")
