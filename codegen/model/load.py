"""Stage 1, load: find a service model and read it.

A model source is one of

* ``installed``: the model of the botocore installed next to the generator,
  found where a botocore session looks (``AWS_DATA_PATH``, ``~/.aws/models``,
  then botocore's own data; ``service-2.json`` before ``service-2.json.gz``);
* a path to a ``service-2.json`` or ``service-2.json.gz`` file;
* ``botocore==X.Y.Z``: that botocore wheel, downloaded once with
  ``pip download --no-deps`` into a cache directory, the model read out of it.

Whatever the source, the result is the parsed model plus where it came from,
so that the generated package can record its provenance.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen import defaults
from codegen.cache import CACHE_ENV, cache_dir
from codegen.errors import SourceError
from codegen.model import floor
from codegen.model.shapes import Model

__all__ = ["CACHE_ENV", "LoadedModel", "cache_dir", "load_model"]

_PINNED_VERSION = re.compile(r"botocore==(\d+(?:\.\d+)*)")


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """A parsed service model and its provenance."""

    model: Model  # its ``source`` names where it came from, in every error found in it
    botocore_version: str | None
    sha256: str


def load_model(source: str, service: str = defaults.SERVICE) -> LoadedModel:
    """Read the model named by ``source``; every failure is a one-line SourceError."""
    if source == "installed":
        return _load_installed(service)
    pinned = _PINNED_VERSION.fullmatch(source)
    if pinned:
        return _load_from_wheel(pinned.group(1), service)
    if source.startswith("botocore"):
        raise SourceError(f"{source}: expected botocore==X.Y.Z")
    return _load_file(Path(source))


def _load_file(path: Path) -> LoadedModel:
    data = _read_model_bytes(path)
    companions = {stem: _optional_sibling(path, stem) for stem in COMPANIONS}
    return _parse(data, str(path), None, companions)


def _load_installed(service: str) -> LoadedModel:
    model_path, version = _installed_model_path(service)
    if model_path is None:
        raise SourceError(f"installed botocore {version} has no service {service!r}")
    data = _read_model_bytes(model_path)
    companions = {stem: _optional_sibling(model_path, stem) for stem in COMPANIONS}
    return _parse(data, f"botocore {version} (installed)", version, companions)


def _installed_model_path(service: str) -> tuple[Path | None, str]:
    """The file a botocore session reads for ``service`` (the newest API version on ``AWS_DATA_PATH``,
    ``~/.aws/models``, then botocore's own data; ``.json`` before ``.json.gz``), found by botocore's
    own loader, and the installed botocore's version."""
    try:
        import botocore
        from botocore.exceptions import DataNotFoundError
        from botocore.loaders import create_loader
    except ImportError:
        raise SourceError("installed: botocore is not installed (pip install botocore), or give a model file") from None
    loader = create_loader(os.environ.get("AWS_DATA_PATH"))
    version = str(botocore.__version__)
    try:
        latest = loader.determine_latest_version(service, "service-2")
    except DataNotFoundError:
        return None, version
    for base in loader.search_paths:
        for extension in (".json", ".json.gz"):  # botocore's order (loaders._JSON_OPEN_METHODS)
            path = Path(base, service, latest, "service-2" + extension)
            if path.is_file():
                return path, version
    return None, version


def _read_model_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(f"{path}: cannot read model file ({err.strerror or err})") from None
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise SourceError(f"{path}: not a valid gzip file ({err})") from None
    return data


# What botocore keeps beside a service's model, and the generator reads when present
COMPANIONS = ("paginators-1", "waiters-2")


def _optional_sibling(model_path: Path, stem: str) -> dict[str, Any]:
    """Paginators and waiters sit beside the model in botocore's layout; absent elsewhere."""
    if not model_path.name.startswith("service-2."):
        return {}
    for name in (f"{stem}.json", f"{stem}.json.gz"):
        sibling = model_path.with_name(name)
        if sibling.exists():
            try:
                loaded = json.loads(_read_model_bytes(sibling))
            except ValueError as err:
                raise SourceError(f"{sibling}: malformed JSON ({err})") from None
            return loaded if isinstance(loaded, dict) else {}
    return {}


def _parse(data: bytes, origin: str, version: str | None, companions: dict[str, dict[str, Any]]) -> LoadedModel:
    try:
        raw = json.loads(data)
    except ValueError as err:
        raise SourceError(f"{origin}: malformed JSON ({err})") from None
    except RecursionError:
        raise SourceError(f"{origin}: JSON nested too deeply to read") from None
    model = Model(raw, companions.get("paginators-1"), origin, companions.get("waiters-2"))
    return LoadedModel(model, version, hashlib.sha256(data).hexdigest())


# --- botocore==X.Y.Z -------------------------------------------------------


class _DamagedWheel(Exception):
    """A cached wheel that does not verify (bad zip, CRC error, RECORD hash mismatch)."""


def _load_from_wheel(version: str, service: str) -> LoadedModel:
    try:
        data, companions = _read_wheel(version, service, fresh=False)
    except _DamagedWheel:
        # A cached wheel that does not verify is downloaded again, once.
        try:
            data, companions = _read_wheel(version, service, fresh=True)
        except _DamagedWheel as err:
            raise SourceError(f"botocore=={version}: unreadable botocore wheel ({err})") from None
    return _parse(data, f"botocore {version} (wheel)", version, companions)


def _read_wheel(version: str, service: str, fresh: bool) -> tuple[bytes, dict[str, dict[str, Any]]]:
    """The model's bytes and its companions (paginators, waiters), each member checked against the
    wheel's RECORD.

    Processes sharing the cache take turns (a lock file in it) from finding or downloading the wheel
    to reading it: another's eviction can then never remove a wheel being downloaded or read."""
    with _cache_lock():
        return _read_wheel_locked(version, service, fresh)


@contextlib.contextmanager
def _cache_lock() -> Iterator[None]:
    """The cache's lock (``.lock`` in it, flock); nothing where the cache or flock is unusable."""
    try:
        import fcntl

        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(directory / ".lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except (ImportError, OSError):  # Windows, or a cache that cannot be written: no sharing to guard
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def _read_wheel_locked(version: str, service: str, fresh: bool) -> tuple[bytes, dict[str, dict[str, Any]]]:
    wheel = _cached_wheel(version, fresh)
    try:
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            record = _record_hashes(archive, names)
            model_name = _latest_member(names, service, "service-2")
            if model_name is None:
                raise SourceError(f"botocore=={version}: the wheel has no model for service {service!r}")
            data = _verified_member(archive, model_name, record)
            companions: dict[str, dict[str, Any]] = {}
            for stem in COMPANIONS:
                member = _latest_member(names, service, stem)
                if member is not None:
                    loaded = json.loads(_verified_member(archive, member, record))
                    companions[stem] = loaded if isinstance(loaded, dict) else {}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:  # zlib and CRC errors included
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise _DamagedWheel(f"{wheel}: {reason}") from None
    finally:
        if wheel.parent.name.startswith(_TEMPORARY_PREFIX):
            shutil.rmtree(wheel.parent, ignore_errors=True)
    return data, companions


def _record_hashes(archive: zipfile.ZipFile, names: list[str]) -> dict[str, str]:
    """path -> ``sha256=<urlsafe base64>`` from the wheel's ``*.dist-info/RECORD``."""
    record_name = next((n for n in names if n.endswith(".dist-info/RECORD")), None)
    if record_name is None:
        return {}
    hashes = {}
    for row in csv.reader(io.StringIO(archive.read(record_name).decode("utf-8"))):
        if len(row) >= 2 and row[1]:
            hashes[row[0]] = row[1]
    return hashes


def _verified_member(archive: zipfile.ZipFile, name: str, record: dict[str, str]) -> bytes:
    data = archive.read(name)  # zipfile checks the member's CRC
    expected = record.get(name)
    if expected is not None:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        if expected != f"sha256={digest}":
            raise ValueError(f"{name} does not match the wheel's RECORD")
    return gzip.decompress(data) if name.endswith(".gz") else data


def _latest_member(names: list[str], service: str, stem: str) -> str | None:
    # botocore/data/<service>/<api-version>/<stem>.json[.gz]; the newest API version wins, as in the Loader.
    pattern = re.compile(rf"botocore/data/{re.escape(service)}/([^/]+)/{stem}\.json(\.gz)?")
    found = sorted((m.group(1), name) for name in names if (m := pattern.fullmatch(name)))
    return found[-1][1] if found else None


_TEMPORARY_PREFIX = "automl-codegen-wheel-"  # where a wheel goes when the cache is unusable; removed after use
# Downloaded wheels kept in the cache, the most recently used first (botocore 1.43.125's is 16 MB).
KEPT_WHEELS = 5


def _cached_wheel(version: str, fresh: bool = False) -> Path:
    """The wheel for ``version``: from the cache unless ``fresh``, else downloaded.

    An unusable cache directory means downloading into a temporary directory instead.
    """
    target = cache_dir() / f"botocore-{version}"
    wheels = sorted(target.glob("botocore-*.whl")) if target.is_dir() else []
    # Only a regular file is a wheel: a link (to /dev/zero, which reads forever), a directory or a
    # dangling link in its place means downloading again.
    if wheels and not fresh and wheels[0].is_file() and not wheels[0].is_symlink():
        _touch(target)
        return wheels[0]
    fresh = fresh or bool(wheels)
    try:
        if fresh:
            shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        target = Path(tempfile.mkdtemp(prefix=_TEMPORARY_PREFIX))
    args = ["download", "--quiet", "--no-deps", "--only-binary=:all:", "--dest", str(target), f"botocore=={version}"]
    try:
        result = _pip(args, f"botocore=={version}")
    finally:
        wheels = sorted(target.glob("botocore-*.whl"))
        if not wheels:
            shutil.rmtree(target, ignore_errors=True)  # no empty directory left behind
    if result.returncode != 0 or not wheels:
        reason = (result.stderr.strip().splitlines() or ["pip download failed"])[-1]
        raise SourceError(f"botocore=={version}: cannot download the wheel ({reason})")
    _touch(target)
    _evict_old_wheels()
    return wheels[0]


def botocore_releases() -> list[str]:
    """botocore's versions on the package index, oldest first."""
    return releases("botocore")


def releases(package: str) -> list[str]:
    """``package``'s final releases on the package index (``pip index versions``), oldest first."""
    result = _pip(["index", "versions", package], package)
    found = re.search(r"Available versions: (.*)", result.stdout)
    if result.returncode != 0 or found is None:
        reason = (result.stderr.strip().splitlines() or ["pip index versions failed"])[-1]
        raise SourceError(f"{package}: cannot list its versions on the package index ({reason})")
    versions = [v for v in found.group(1).split(", ") if re.fullmatch(r"\d+(\.\d+)*", v)]
    return sorted(versions, key=floor.version_key)


NETWORK_TIMEOUT_ENV = "AUTOML_CODEGEN_NETWORK_TIMEOUT"
NETWORK_TIMEOUT = 300.0  # seconds for one pip command; an index that accepts and never answers ends here


def _pip(args: list[str], what: str) -> subprocess.CompletedProcess[str]:
    """``pip ARGS``, ended after the network time limit with a one-line SourceError naming ``what``."""
    try:
        limit = float(os.environ.get(NETWORK_TIMEOUT_ENV) or NETWORK_TIMEOUT)
    except ValueError:
        limit = NETWORK_TIMEOUT
    # pip's own socket timeout and retries bound each request; the limit bounds the whole command.
    socket_timeout = f"{max(1.0, min(60.0, limit / 4)):g}"
    command = [sys.executable, "-m", "pip", *args, "--disable-pip-version-check", "--timeout", socket_timeout]
    silent = SourceError(
        f"{what}: the package index did not answer within {limit:g} s ({NETWORK_TIMEOUT_ENV} sets the limit)"
    )
    try:
        result = subprocess.run([*command, "--retries", "1"], capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        raise silent from None
    # pip gives up on an index that never answers with "No matching distribution": say what happened.
    if result.returncode != 0 and ("ReadTimeoutError" in result.stderr or "timed out" in result.stderr):
        raise silent
    return result


def _touch(directory: Path) -> None:
    try:
        os.utime(directory)
    except OSError:
        pass


def _evict_old_wheels() -> None:
    """Keep the ``KEPT_WHEELS`` most recently used wheel directories; best effort."""
    try:
        kept = sorted(
            (d for d in cache_dir().glob("botocore-*") if d.is_dir()), key=lambda d: d.stat().st_mtime, reverse=True
        )
    except OSError:
        return
    for directory in kept[KEPT_WHEELS:]:
        shutil.rmtree(directory, ignore_errors=True)
