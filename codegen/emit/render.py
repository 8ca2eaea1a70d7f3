"""Stage 5, render: the IR through jinja2 templates, one template per generated file.

Templates receive ready views (names, annotation strings, plain-text docs)
and only loop over them and branch on their flags. Everything that needs a
decision, including each module's imports, is computed here in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from codegen import defaults, symbols
from codegen.emit import docs
from codegen.emit.client_view import ClientView, client_view
from codegen.unicode_categories import UNICODE_VERSION
from codegen.emit.annotations import Import, import_lines
from codegen.emit.conversions import (
    ModelView,
    model_views,
    response_optional_members,
    secret_members,
    secret_shapes,
    translated_patterns,
    untranslatable_patterns,
)
from codegen.emit.job_view import JobsView, jobs_view
from codegen.emit.type_table import TypeTable
from codegen.emit.typed_dict_view import TypedDictView, type_def_views
from codegen.model.ir import Service


def _templates_dir() -> Path:
    """``codegen/templates/`` where a wheel installed them; a checkout's top-level ``templates/``."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "templates"
    return installed if installed.is_dir() else package.parent / "templates"


TEMPLATES_DIR = _templates_dir()
# The package's static run-time code: real modules of the generator, copied verbatim.
RUNTIME_DIR = Path(__file__).resolve().parents[1] / "runtime"
RUNTIME_SOURCES = tuple(
    RUNTIME_DIR / name for name in ("_aio_client.py", "_client.py", "_runtime.py", "_stubber.py", "_validator.py")
)


@dataclass(frozen=True, slots=True)
class Provenance:
    """What ``_source.py`` records; free of paths so output is the same on every machine."""

    botocore_version: str | None
    model_sha256: str
    service_name: str = "sagemaker"  # botocore's name for the service, as create_client takes it
    # the oldest botocore every operation works with, and the oldest that knows every request member
    # (codegen.model.floor); None where they were not derived
    oldest_botocore: str | None = None
    complete_botocore: str | None = None
    unicode_version: str = UNICODE_VERSION  # of the table the patterns' \p{..} ranges were built from


def render_package(
    service: Service, provenance: Provenance, package: str = defaults.PACKAGE
) -> Iterator[tuple[str, str]]:
    """Every generated file as (path relative to the output directory, unformatted text).

    Files come one at a time, largest first, so that the format stage can work on
    one while the next is rendered.
    """
    env = _environment()
    context = {"service": service, "provenance": provenance, "package": package}
    types = TypeTable(service)
    models = model_views(types, plain_text)
    model_imports, annotation_imports = _model_imports(models)
    yield f"{package}/models.py", env.get_template("models.py.j2").render(
        context, models=models, imports=import_lines(model_imports, annotation_imports)
    )
    # the stub also names what the methods return: the request TypedDicts
    stub_imports = _STUB_IMPORTS | annotation_imports
    stub_imports |= {(".type_defs", m.request_typed_dict) for m in models if m.request_typed_dict}
    if any(m.is_union and len(m.fields) > 1 for m in models):  # a union's constructor: one overload per member
        stub_imports |= {("typing", "overload")}
    yield f"{package}/models.pyi", env.get_template("models.pyi.j2").render(
        context, models=models, imports=import_lines(stub_imports)
    )
    type_defs, type_def_imports = type_def_views(types)
    # The types never import botocore or aiobotocore (streams are named for type checkers only, and quoted)
    botocore_types = {i for i in type_def_imports if i[0].split(".")[0] in ("botocore", "aiobotocore")}
    own = {i for i in type_def_imports if i[0] == ".type_defs"}  # named inside a quoted stream type
    yield f"{package}/type_defs.py", env.get_template("type_defs.py.j2").render(
        context, items=type_defs, imports=import_lines(set(type_def_imports) - botocore_types - own, botocore_types)
    )
    client = client_view(service, plain_text)
    yield f"{package}/client.py", env.get_template("client.py.j2").render(context, view=client)
    yield f"{package}/aio.py", env.get_template("aio.py.j2").render(context, view=client)
    yield f"{package}/stubber.py", env.get_template("stubber.py.j2").render(context, view=client)
    jobs = jobs_view(types, client)
    if jobs is not None:  # the selection has a job's operations (codegen.model.waiters.JOBS)
        yield f"{package}/jobs.py", env.get_template("jobs.py.j2").render(context, view=jobs)
        yield f"{package}/aio_jobs.py", env.get_template("aio_jobs.py.j2").render(context, view=jobs)
    table = types.rules()
    automata = types.automata()
    yield f"{package}/validation.py", env.get_template("validation.py.j2").render(
        context,
        table=table,
        automata=automata,
        imports=import_lines(
            {symbols.runtime("_validator", type(rule).__name__) for rule in table.values()}
            | {symbols.VALIDATION_ERROR, symbols.VALIDATOR, symbols.FUTURE_ANNOTATIONS}
            | ({symbols.AUTOMATON} if automata else set())
        ),
        unchecked_patterns=untranslatable_patterns(service, table),
        translated_patterns=translated_patterns(service, table),
        secret_shapes=secret_shapes(service),
        secret_members=secret_members(service),
        response_optional_members=response_optional_members(service),
    )
    yield f"{package}/validation.pyi", env.get_template("validation.pyi.j2").render(
        context, imports=import_lines({symbols.Symbol("typing", "Any")}, reexported={symbols.VALIDATION_ERROR})
    )
    lazy = _lazy_exports(type_defs, models)
    enums = [e.class_name for e in service.enums()]
    literals = [e.literal_name for e in service.enums()]
    yield f"{package}/__init__.py", env.get_template("__init__.py.j2").render(
        context,
        lazy=lazy,
        elsewhere=_elsewhere(client, dict(lazy), jobs),
        imports=import_lines(
            {symbols.generated("enums", name) for name in enums}
            | {symbols.generated("literals", name) for name in literals}
            | {symbols.Symbol("importlib", "import_module")},
            typing_only={symbols.generated(module, name) for name, module in lazy},
        ),
    )
    enum_imports = {symbols.Symbol("typing", "Literal")} | {symbols.generated("enums", name) for name in enums}
    yield f"{package}/literals.py", env.get_template("literals.py.j2").render(
        context, imports=import_lines(enum_imports if enums else ())
    )
    yield f"{package}/enums.py", env.get_template("enums.py.j2").render(
        context, imports=import_lines({symbols.Symbol("enum", "Enum")})
    )
    yield f"{package}/_source.py", env.get_template("_source.py.j2").render(context)
    for source in RUNTIME_SOURCES:
        yield f"{package}/{source.name}", source.read_text(encoding="utf-8")
    yield f"{package}/py.typed", ""
    yield "pyproject.toml", env.get_template("pyproject.toml.j2").render(context)


def _lazy_exports(type_defs: list[TypedDictView], models: list[ModelView]) -> list[tuple[str, str]]:
    """(name, module) of every name the package root loads on first use: the one table its
    ``TYPE_CHECKING`` imports, ``_LAZY`` and ``__all__`` are written from."""
    names = [(symbols.EMPTY_RESPONSE.name, "type_defs"), (symbols.RESPONSE_METADATA.name, "type_defs")]
    names += [(item.name, "type_defs") for item in type_defs]
    names += [(symbols.UNKNOWN_VARIANT.name, "models")] + [(m.name, "models") for m in models]
    return names + [(symbols.VALIDATION_ERROR.name, "validation"), (symbols.VALIDATE_SHAPE.name, "validation")]


def _elsewhere(client: ClientView, lazy: dict[str, str], jobs: JobsView | None) -> dict[str, str]:
    """Name -> module of what the clients' modules offer and the root does not (it would cost a
    type checker botocore's stubs): the root's error message says where to import each from."""
    found = {name: "aio" for name in client.public_names(aio=True)}
    found[client.stubber_class] = "stubber"
    for job in jobs.jobs if jobs else ():
        found.update({job.name(aio=False): "jobs", job.name(aio=True): "aio_jobs"})
    found.update((name, "client") for name in client.public_names(aio=False))
    return {name: module for name, module in sorted(found.items()) if name not in lazy}


def _model_imports(models: list[ModelView]) -> tuple[set[Import], set[Import]]:
    """What models.py needs at run time (the base classes, the tables and their fields' codecs, the
    validator they check with), and what only its annotations need (field types)."""
    imports: set[Import] = {
        symbols.FUTURE_ANNOTATIONS,
        symbols.Symbol("dataclasses", "dataclass"),
        symbols.UNKNOWN_VARIANT,
        symbols.WIRE_TABLES,
        symbols.VALIDATE_SHAPE,
        symbols.DECODE_PROBLEM,
    }
    imports.update(m.base for m in models)
    imports.update(i for m in models for f in m.fields for i in (*f.code_imports, f.table_helper))
    typing_only = {i for m in models for f in m.fields for i in f.type_imports}
    return imports, typing_only


# What models.pyi names besides its fields' types: the signatures of the dataclasses' methods.
_STUB_IMPORTS: frozenset[Import] = frozenset(
    {
        symbols.Symbol("collections.abc", "Mapping"),
        symbols.Symbol("dataclasses", "dataclass"),
        symbols.Symbol("typing", "Any"),
        symbols.UNKNOWN_VARIANT,
    }
)


plain_text = docs.html_to_text


@lru_cache(maxsize=None)
def doc_block(text: str, indent: int = 0) -> str:
    """``text`` as a docstring statement on lines of its own at ``indent`` (nothing when there is no
    text); a filter, not a template macro: it runs for every shape and member (19,000 times in the
    whole SageMaker model), and as a macro it took type_defs.py 0.25 s to render, against 0.12 s."""
    if not text:
        return ""
    pad = " " * indent
    first, *rest = docs.docstring(text).split("\n")
    body = "\n".join([first, *(pad + line if line else line for line in rest)])
    closing = "\n" + pad if "\n" in text else ""
    return f'{pad}"""{body}{closing}"""\n'


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes and backslashes escaped, control characters (DEL included)
    as \\uXXXX, a lone surrogate (which no TOML string may hold) as U+FFFD; anything else as it is."""
    out = []
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        elif char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["text"] = plain_text  # model HTML -> plain text
    env.filters["shape_docs"] = docs.shape_docs  # a shape's documentation, or what it holds
    env.filters["docstring"] = docs.docstring  # plain text -> safe inside \"\"\" \"\"\"
    env.filters["doc_block"] = doc_block  # plain text -> a docstring statement, or nothing
    env.filters["comment"] = docs.comment  # plain text -> comment lines
    env.filters["pyrepr"] = repr  # a Python literal for any string, number or validator rule
    env.filters["toml"] = toml_string  # a TOML basic string for any text
    return env
