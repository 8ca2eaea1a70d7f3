"""The ``generate`` command: load -> select -> build (IR) -> render -> format -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen import defaults
from codegen.emit.render import Provenance, render_package
from codegen.errors import ModelError
from codegen.model.build import build_service
from codegen.model.ir import Service
from codegen.model.load import load_model
from codegen.model.select import select
from codegen.output.format import format_files
from codegen.output.write import differences, write_atomically


@dataclass(frozen=True, slots=True)
class GenerateOptions:
    source: str = "installed"
    operations: str = defaults.OPERATIONS
    service: str = defaults.SERVICE
    out: Path = Path(defaults.OUT)
    package: str = defaults.PACKAGE
    formatter: str = defaults.FORMATTER


def build(options: GenerateOptions, formatted: bool = True) -> tuple[Service, dict[str, str]]:
    """The files of the generated package, by relative path (formatted unless asked not to, for tests)."""
    loaded = load_model(options.source, options.service)
    try:
        service = build_service(loaded.model, select(loaded.model, options.operations), options.operations)
        files = render_package(
            service, Provenance(loaded.botocore_version, loaded.sha256, options.service), options.package
        )
        return service, format_files(files, options.formatter) if formatted else dict(files)
    except ModelError as err:
        raise err.located(loaded.model.source) from None


def generate(options: GenerateOptions) -> list[str]:
    """Write the package; returns the paths written."""
    _, files = build(options)
    write_atomically(options.out, files)
    return sorted(files)


def check(options: GenerateOptions) -> list[str]:
    """The files that a fresh run would change (empty when the output is current)."""
    _, files = build(options)
    return differences(options.out, files)
