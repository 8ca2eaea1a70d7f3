"""The ``generate`` command: load -> select -> IR -> render -> format -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen.format import format_files
from codegen.ir import Service, build_service
from codegen.load import DEFAULT_SERVICE, load_model
from codegen.render import PACKAGE, Provenance, render_package
from codegen.select import DEFAULT_OPERATIONS, select
from codegen.write import differences, write_atomically


@dataclass(frozen=True, slots=True)
class GenerateOptions:
    source: str = "installed"
    operations: str = DEFAULT_OPERATIONS
    service: str = DEFAULT_SERVICE
    out: Path = Path("generated")
    package: str = PACKAGE
    formatter: str = "ruff"


def build(options: GenerateOptions, formatted: bool = True) -> tuple[Service, dict[str, str]]:
    """The files of the generated package, by relative path (formatted unless asked not to, for tests)."""
    model = load_model(options.source, options.service)
    selection = select(model.raw, options.operations)
    service = build_service(model.raw, selection, model.paginators)
    files = render_package(service, Provenance(model.botocore_version, model.sha256, options.service), options.package)
    return service, format_files(files, options.formatter) if formatted else dict(files)


def generate(options: GenerateOptions) -> list[str]:
    """Write the package; returns the paths written."""
    _, files = build(options)
    write_atomically(options.out, files)
    return sorted(files)


def check(options: GenerateOptions) -> list[str]:
    """The files that a fresh run would change (empty when the output is current)."""
    _, files = build(options)
    return differences(options.out, files)
