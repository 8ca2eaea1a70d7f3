"""The ``generate`` command: load -> select -> build (IR) -> render -> format -> write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from codegen import defaults
from codegen.emit.render import Provenance, render_package
from codegen.errors import ModelError, SourceError
from codegen.model import floor
from codegen.model.build import build_service
from codegen.model.ir import Service
from codegen.model.load import botocore_releases, load_model
from codegen.model.select import select
from codegen.model.shapes import Model
from codegen.output.format import check_parses, format_files
from codegen.output.write import differences, write_atomically


@dataclass(frozen=True, slots=True)
class GenerateOptions:
    """What to generate. ``operations``, ``package`` and ``out`` left as None follow the service
    (``codegen.defaults``): the AutoML package in ``generated/`` for SageMaker, a whole package of its
    own beside it for any other service."""

    source: str = "installed"
    operations: str | None = None
    service: str = defaults.SERVICE
    out: Path | None = None
    package: str | None = None
    formatter: str = defaults.FORMATTER

    def __post_init__(self) -> None:
        operations = self.operations if self.operations is not None else defaults.operations_for(self.service)
        package = self.package if self.package is not None else defaults.package_for(self.service, operations)
        object.__setattr__(self, "operations", operations)
        object.__setattr__(self, "package", package)
        object.__setattr__(self, "out", self.out if self.out is not None else defaults.out_for(package))

    @property
    def selection(self) -> str:
        assert self.operations is not None  # filled in by __post_init__
        return self.operations

    @property
    def package_name(self) -> str:
        assert self.package is not None
        return self.package

    @property
    def out_dir(self) -> Path:
        assert self.out is not None
        return self.out


def build(options: GenerateOptions, formatted: bool = True) -> tuple[Service, dict[str, str]]:
    """The files of the generated package, by relative path (formatted unless asked not to, for tests)."""
    loaded = load_model(options.source, options.service)
    try:
        service = build_service(loaded.model, select(loaded.model, options.selection), options.selection)
        floors = floor.recorded(options.service, options.selection, loaded.sha256)
        provenance = Provenance(loaded.botocore_version, loaded.sha256, options.service, *(floors or (None, None)))
        files = render_package(service, provenance, options.package_name)
        return service, format_files(files, options.formatter) if formatted else dict(files)
    except ModelError as err:
        raise err.located(loaded.model.source) from None


def generate(options: GenerateOptions) -> list[str]:
    """Write the package; returns the paths written."""
    _, files = build(options)
    # ruff's output is parsed as written; black checks its own (its safe mode)
    write_atomically(options.out_dir, files, verify=check_parses if options.formatter == "ruff" else None)
    return sorted(files)


def check(options: GenerateOptions) -> list[str]:
    """The files that a fresh run would change (empty when the output is current)."""
    _, files = build(options)
    return differences(options.out_dir, files)


@dataclass(frozen=True, slots=True)
class Floor:
    floors: floor.Floors
    generated_from: str
    operations: int
    probes: int
    key: str


def derive_oldest_botocore(options: GenerateOptions) -> Floor:
    """The oldest botocore releases the selected operations work with, and that know every member their
    requests can carry (``codegen.model.floor``): downloads about 2 x log2(releases) wheels, cached."""
    loaded = load_model(options.source, options.service)
    if loaded.botocore_version is None:
        raise SourceError(
            f"{options.source}: the floor is searched below a botocore version: use installed or botocore==X"
        )
    operations = select(loaded.model, options.selection).operations
    top = floor.version_key(loaded.botocore_version)
    versions = [v for v in botocore_releases() if floor.version_key(v) < top] + [loaded.botocore_version]
    models: dict[str, Model | None] = {}
    probes = 0

    def model_of(version: str) -> Model | None:
        nonlocal probes
        if version not in models:
            probes += 1
            try:
                models[version] = load_model(f"botocore=={version}", options.service).model
            except SourceError:  # a release without this service (or its wheel): has nothing
                models[version] = None
        return models[version]

    def oldest_with(paths: Callable[[Model, Sequence[str]], frozenset[str]], candidates: list[str]) -> str:
        def paths_of(version: str) -> frozenset[str]:
            older = model_of(version)
            return frozenset() if older is None else paths(older, operations)

        return floor.oldest_supporting(candidates, paths(loaded.model, operations), paths_of)

    supported = oldest_with(floor.needed_paths, versions)
    # below the first floor nothing is supported anyway: the second search starts there (so complete >= supported)
    complete = oldest_with(floor.request_paths, versions[versions.index(supported) :])
    key = floor.record_key(options.service, options.selection, loaded.sha256)
    return Floor(floor.Floors(supported, complete), loaded.botocore_version, len(operations), probes, key)
