"""Model sources: installed, a file, a cached botocore wheel; failures as one line."""

from __future__ import annotations

import gzip
import os
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen.errors import SourceError
from codegen.cache import CACHE_ENV
from codegen.model.load import load_model
from tests.conftest import EDGE_CASE_MODEL

TINY = {"metadata": {"apiVersion": "2017-07-24"}, "operations": {}, "shapes": {}}


def test_installed_model_records_the_botocore_version() -> None:
    import botocore

    model = load_model("installed")
    assert model.botocore_version == botocore.__version__
    assert "CreateAutoMLJobV2" in model.model.raw["operations"]
    assert model.model.paginator("ListAutoMLJobs") is not None
    assert len(model.sha256) == 64


def test_json_and_gzipped_json_give_the_same_model_and_hash(tmp_path: Path) -> None:
    plain = tmp_path / "service-2.json"
    plain.write_bytes(gzip.decompress(EDGE_CASE_MODEL.read_bytes()))
    from_gz, from_json = load_model(str(EDGE_CASE_MODEL)), load_model(str(plain))
    assert from_gz.model.raw == from_json.model.raw
    assert from_gz.sha256 == from_json.sha256
    assert from_json.botocore_version is None


def make_wheel(path: Path, version: str, files: dict[str, bytes]) -> Path:
    """A wheel as pip makes them: the files, METADATA, and a RECORD with their hashes."""
    import base64
    import hashlib

    path.mkdir(parents=True, exist_ok=True)
    dist_info = f"botocore-{version}.dist-info"
    files = {
        **files,
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: botocore\nVersion: {version}\n".encode(),
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}"
        for name, data in files.items()
    ]
    wheel_path = path / f"botocore-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel_path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in files.items():
            wheel.writestr(name, data)
        wheel.writestr(f"{dist_info}/RECORD", "\n".join(record + [f"{dist_info}/RECORD,,"]) + "\n")
    return wheel_path


MODEL_MEMBER = "botocore/data/sagemaker/2017-07-24/service-2.json"


@pytest.fixture
def package_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """pip finds wheels in a local directory and nowhere else (tests never reach the network)."""
    index = tmp_path / "index"
    index.mkdir()
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(index))
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return index


def _damage(wheel: Path, how: str) -> None:
    data = wheel.read_bytes()
    if how == "emptied":
        wheel.write_bytes(b"")
    elif how == "truncated":
        wheel.write_bytes(data[: len(data) // 2])
    elif how == "garbage":
        wheel.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)
    elif how == "member altered":  # a valid zip whose model no longer matches the RECORD
        with zipfile.ZipFile(wheel) as archive:
            members = {n: archive.read(n) for n in archive.namelist()}
        members[MODEL_MEMBER] = json.dumps({**TINY, "metadata": {"serviceId": "tampered"}}).encode()
        with zipfile.ZipFile(wheel, "w") as archive:
            for name, member in members.items():
                archive.writestr(name, member)
    elif how == "bit flipped":  # the model member's CRC no longer matches
        position = data.find(b"shapes")
        wheel.write_bytes(data[:position] + bytes([data[position] ^ 0x20]) + data[position + 1 :])


@pytest.mark.parametrize("how", ["emptied", "truncated", "garbage", "member altered", "bit flipped"])
def test_a_damaged_cached_wheel_is_downloaded_again(package_index: Path, how: str) -> None:
    make_wheel(package_index, "1.0.1", {MODEL_MEMBER: json.dumps(TINY).encode()})
    assert load_model("botocore==1.0.1").model.raw == TINY  # downloaded into the cache
    cached = next((package_index.parent / "cache").rglob("botocore-1.0.1-*.whl"))
    _damage(cached, how)
    assert load_model("botocore==1.0.1").model.raw == TINY
    assert load_model("botocore==1.0.1").model.raw == TINY  # and the cache now holds a good wheel


def test_a_wheel_damaged_at_the_source_too_is_one_clear_error(package_index: Path) -> None:
    _damage(make_wheel(package_index, "1.0.2", {MODEL_MEMBER: json.dumps(TINY).encode()}), "member altered")
    with pytest.raises(SourceError, match=r"unreadable botocore wheel \(.*does not match the wheel's RECORD"):
        load_model("botocore==1.0.2")


@pytest.mark.parametrize("kind", ["a file", "/dev/null"])
def test_an_unusable_cache_downloads_into_a_temporary_directory(
    package_index: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    import tempfile

    cache = package_index.parent / "cache-file"
    cache.write_text("not a directory")
    monkeypatch.setenv(CACHE_ENV, str(cache) if kind == "a file" else "/dev/null")
    monkeypatch.setattr(tempfile, "tempdir", str(package_index.parent / "tmp"))
    (package_index.parent / "tmp").mkdir()
    make_wheel(package_index, "1.0.3", {MODEL_MEMBER: json.dumps(TINY).encode()})
    assert load_model("botocore==1.0.3").model.raw == TINY
    assert list((package_index.parent / "tmp").iterdir()) == []  # the temporary download is gone


def test_the_cache_keeps_the_most_recently_used_wheels(package_index: Path) -> None:
    from codegen.model import load

    versions = [f"1.1.{n}" for n in range(load.KEPT_WHEELS + 2)]
    for version in versions:
        make_wheel(package_index, version, {MODEL_MEMBER: json.dumps(TINY).encode()})
    load_model(f"botocore=={versions[0]}")
    for version in versions[1:]:
        load_model(f"botocore=={versions[0]}")  # used again: stays the most recent
        load_model(f"botocore=={version}")
    kept = sorted(d.name for d in (package_index.parent / "cache").glob("botocore-*"))
    assert len(kept) == load.KEPT_WHEELS
    assert f"botocore-{versions[0]}" in kept and f"botocore-{versions[1]}" not in kept


def test_botocore_version_is_read_from_the_cached_wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    # Old wheels ship plain .json, new ones .json.gz; the newest API version wins.
    make_wheel(
        tmp_path / "botocore-1.17.42",
        "1.17.42",
        {
            "botocore/data/sagemaker/2017-07-24/service-2.json": json.dumps(TINY).encode(),
            "botocore/data/sagemaker/2015-01-01/service-2.json": b"not used",
            "botocore/data/sagemaker/2017-07-24/paginators-1.json": b'{"pagination": {}}',
        },
    )
    model = load_model("botocore==1.17.42")
    assert model.model.raw == TINY
    assert model.botocore_version == "1.17.42"
    assert model.model.paginator("ListAutoMLJobs") is None  # read from the wheel: empty there

    make_wheel(
        tmp_path / "botocore-1.32.0",
        "1.32.0",
        {
            "botocore/data/sagemaker/2017-07-24/service-2.json.gz": gzip.compress(json.dumps(TINY).encode()),
        },
    )
    assert load_model("botocore==1.32.0").model.raw == TINY


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


def _botocores_choice(service: str) -> Path:
    """The model file a botocore session would read for ``service``."""
    import os

    from botocore.loaders import create_loader

    loader = create_loader(os.environ.get("AWS_DATA_PATH"))
    latest = loader.determine_latest_version(service, "service-2")
    _, base = loader.load_data_with_path(f"{service}/{latest}/service-2")
    return next(p for p in (Path(base + ".json"), Path(base + ".json.gz")) if p.is_file())


@pytest.mark.parametrize("service", ["sagemaker", "s3", "ec2", "dynamodb", "lambda", "sts"])
def test_the_installed_model_is_the_file_botocore_reads(service: str) -> None:
    from codegen.model import load

    assert load._installed_model_path(service)[0] == _botocores_choice(service)


def test_models_on_aws_data_path_and_in_aws_models_come_first_as_in_botocore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from botocore.loaders import Loader

    from codegen.model import load

    home, extra = tmp_path / "home", tmp_path / "extra"
    monkeypatch.setenv("HOME", str(home))
    # botocore expands "~" once, when botocore.loaders is first imported
    monkeypatch.setattr(Loader, "CUSTOMER_DATA_PATH", str(home / ".aws" / "models"))
    monkeypatch.setenv("AWS_DATA_PATH", str(extra))
    # ~/.aws/models has a newer API version of sagemaker; AWS_DATA_PATH the same version of sts.
    newer = home / ".aws" / "models" / "sagemaker" / "2099-01-01" / "service-2.json"
    newer.parent.mkdir(parents=True)
    newer.write_text(json.dumps(TINY))
    sts_dir = _botocores_choice("sts").parent
    shadow = extra / "sts" / sts_dir.name / "service-2.json.gz"
    shadow.parent.mkdir(parents=True)
    shadow.write_bytes(gzip.compress(json.dumps(TINY).encode()))
    for service, expected in (("sagemaker", newer), ("sts", shadow)):
        assert load._installed_model_path(service)[0] == _botocores_choice(service) == expected
    assert load_model("installed", "sagemaker").model.raw == TINY


@pytest.fixture
def silent_index(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """A package index on 127.0.0.1 that accepts connections and never answers; stopped by the fixture.
    pip sees only it (no configuration files, no find-links)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    for name in [k for k in os.environ if k.startswith("PIP_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{server.getsockname()[1]}/simple")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv("AUTOML_CODEGEN_NETWORK_TIMEOUT", "3")
    try:
        yield str(tmp_path / "cache")
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        server.close()


@pytest.mark.parametrize("step", ["download a wheel", "list the releases"])
def test_a_package_index_that_never_answers_is_one_line_within_the_limit(silent_index: str, step: str) -> None:
    import time

    from codegen.model.load import botocore_releases

    started = time.monotonic()
    with pytest.raises(SourceError) as info:
        if step == "download a wheel":
            load_model("botocore==9.9.9")
        else:
            botocore_releases()
    assert "the package index did not answer within 3 s (AUTOML_CODEGEN_NETWORK_TIMEOUT" in str(info.value)
    assert "\n" not in str(info.value)
    assert time.monotonic() - started < 60, "ended by the limit, not by pip giving up after minutes"
    # the cache's lock file aside (it holds nothing; the next run takes it again)
    left = [p.name for p in Path(silent_index).iterdir() if p.name != ".lock"] if Path(silent_index).exists() else []
    assert left == [], "an empty download left"


CONCURRENT_READER = """
import sys
from codegen.model.load import load_model
for version in sys.argv[1:]:
    assert load_model(f"botocore=={version}").botocore_version == version
print("ok")
"""


def test_processes_sharing_one_cold_cache_all_read_their_models(package_index: Path) -> None:
    """Seven processes, seven versions, one cold cache that keeps five: eviction raced downloads and
    reads ('cannot download the wheel' in 6 runs of 21). Each process reads its own version and then
    the others', two rounds; every read succeeds, and the cache ends with at most five wheels and
    no empty directory."""
    import subprocess
    import sys

    from codegen.model import load
    from tests.conftest import ROOT

    versions = [f"1.2.{n}" for n in range(load.KEPT_WHEELS + 2)]
    for version in versions:
        make_wheel(package_index, version, {MODEL_MEMBER: json.dumps(TINY).encode()})
    for _ in range(2):
        readers = [
            subprocess.Popen(
                [sys.executable, "-c", CONCURRENT_READER, *versions[i:], *versions[:i]],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(len(versions))
        ]
        for reader in readers:
            out, err = reader.communicate(timeout=300)
            assert reader.returncode == 0 and out.strip() == "ok", err[-2000:]
    cache = package_index.parent / "cache"
    directories = [d for d in cache.glob("botocore-*") if d.is_dir()]
    assert len(directories) <= load.KEPT_WHEELS
    assert all(any(d.glob("*.whl")) for d in directories), "an empty cache directory was left"


@pytest.mark.parametrize("target", ["/dev/zero", "directory", "dangling"])
def test_a_cached_wheel_that_is_no_regular_file_is_downloaded_again(package_index: Path, target: str) -> None:
    """A cached wheel linked to /dev/zero was read until the process was killed."""
    make_wheel(package_index, "1.3.0", {MODEL_MEMBER: json.dumps(TINY).encode()})
    cached = package_index.parent / "cache" / "botocore-1.3.0" / "botocore-1.3.0-py3-none-any.whl"
    cached.parent.mkdir(parents=True)
    if target == "directory":
        cached.mkdir()
    else:
        cached.symlink_to("/dev/zero" if target == "/dev/zero" else package_index / "gone.whl")
    assert load_model("botocore==1.3.0").model.raw == TINY
    assert cached.is_file() and not cached.is_symlink()
