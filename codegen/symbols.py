"""The fixed names of the generated package: one table.

Three kinds of name share the generated modules' namespaces with the names a model gives
its shapes:

* what the modules import from the standard library and ``typing_extensions``
  (``STANDARD``);
* what the package's runtime modules define (``codegen/runtime/*.py``, copied verbatim):
  a ``Symbol`` of a runtime module is checked against that module's source, so a name
  the runtime stops defining fails the generator, not the user's import;
* what the generated modules define besides model-named classes
  (``ResponseMetadataTypeDef``, ``validate_shape``...).

Views and type expressions name them through this module only; the names a shape's
class may not take (``codegen.model.names``) derive from it.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import NamedTuple

RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"
RUNTIME_MODULES = ("_aio_client", "_client", "_runtime", "_stubber", "_validator")


@cache
def runtime_names(module: str) -> frozenset[str]:
    """The top-level names ``codegen/runtime/<module>.py`` defines (classes, functions, assignments)."""
    tree = ast.parse((RUNTIME_DIR / f"{module}.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return frozenset(names)


class Symbol(NamedTuple):
    """A name and the module it is imported from (``""``: ``import module``; ``.x``: a sibling)."""

    module: str
    name: str


def runtime(module: str, name: str) -> Symbol:
    """``name`` of the runtime module ``module`` (``_runtime``, ``_validator``...), which must define it."""
    if name not in runtime_names(module):
        raise LookupError(f"codegen/runtime/{module}.py defines no {name!r}")
    return Symbol(f".{module}", name)


def generated(module: str, name: str) -> Symbol:
    """``name`` as the generated module ``module`` (``validation``, ``type_defs``...) defines it."""
    return Symbol(f".{module}", name)


# --- the runtime's names --------------------------------------------------------------------------

UNKNOWN_VARIANT = runtime("_runtime", "UnknownVariant")
WIRE_TABLES = runtime("_runtime", "WireTables")
WIRE_STRUCTURE = runtime("_runtime", "WireStructure")
WIRE_UNION = runtime("_runtime", "WireUnion")
WIRE_ENUM = generated("enums", "WireEnum")
# The codec of a scalar field, by the shape's type; any other type (blob, document) is botocore's own.
SCALAR_CODECS = {
    kind: runtime("_runtime", codec)
    for kind, codec in {
        "string": "STRING",
        "integer": "INTEGER",
        "long": "INTEGER",
        "float": "FLOAT",
        "double": "FLOAT",
        "boolean": "BOOLEAN",
        "timestamp": "TIMESTAMP",
    }.items()
}
AS_IS = runtime("_runtime", "AS_IS")
LIST_OF, MAP_OF = runtime("_runtime", "list_of"), runtime("_runtime", "map_of")
MODEL_OF, ENUM_OF = runtime("_runtime", "model_of"), runtime("_runtime", "enum_of")
REQUIRED_FIELD, OPTIONAL_FIELD = runtime("_runtime", "required"), runtime("_runtime", "optional")

INFERENCE_CONTAINERS = runtime("_runtime", "inference_containers")  # a candidate's containers as a model's
CANDIDATE_CONTAINERS = runtime("_runtime", "candidate_containers")  # which of a candidate's containers serve it
VALIDATION_ERROR = runtime("_validator", "ValidationError")
VALIDATOR = runtime("_validator", "Validator")
AUTOMATON = runtime("_validator", "Automaton")  # a pattern's deterministic automaton, in a StringRule

STUBBER_BASE = runtime("_stubber", "StubberBase")
CLIENT_BASE = runtime("_client", "ClientBase")
ASYNC_CLIENT_BASE = runtime("_aio_client", "AsyncClientBase")
CLIENT_TABLES = runtime("_client", "ClientTables")
SERVICE_ERROR = runtime("_client", "ServiceError")
PAGE_SPEC = runtime("_client", "PageSpec")
WAIT_SPEC = runtime("_client", "WaitSpec")
# The exceptions _client defines that both client modules export (with the service's base error, the
# validator's ValidationError and the model's error shapes).
RUNTIME_EXCEPTIONS = tuple(
    runtime("_client", name)
    for name in (
        "AccessDeniedError",
        "BotocoreVersionError",
        "IncompleteResponseError",
        "InvalidRequestError",
        "JobFailedError",
        "RepeatedTokenError",
        "ServerError",
        "ThrottlingError",
        "WaitTimeoutError",
        "WaiterFailedError",
    )
)

# --- what the generated modules define beside model-named classes ------------------------------------

RESPONSE_METADATA = generated("type_defs", "ResponseMetadataTypeDef")
EMPTY_RESPONSE = generated("type_defs", "EmptyResponseMetadataTypeDef")
VALIDATE_SHAPE = generated("validation", "validate_shape")
DECODE_PROBLEM = generated("validation", "decode_problem")
RESPONSE_PROBLEM = generated("validation", "response_problem")
BOTOCORE_VERSION = generated("_source", "BOTOCORE_VERSION")
OLDEST_BOTOCORE = generated("_source", "OLDEST_BOTOCORE")
COMPLETE_BOTOCORE = generated("_source", "COMPLETE_BOTOCORE")
CLIENT_PRIVATE = tuple(generated("client", name) for name in ("_TABLES", "_Exceptions", "_BY_REQUEST"))

# --- the standard library's and typing_extensions' names ----------------------------------------------

FUTURE_ANNOTATIONS = Symbol("__future__", "annotations")  # annotations are never evaluated at run time
# What botocore returns for a streamed payload and a stream of events (imported for type checkers only)
STREAMING_BODY = Symbol("botocore.response", "StreamingBody")
EVENT_STREAM = Symbol("botocore.eventstream", "EventStream")
# ... and what aiobotocore returns instead, named in the async client's response TypedDicts. Its
# StreamingBody by the module's path: pyrefly 1.5 reads "StreamingBody as AioStreamingBody" beside
# botocore's StreamingBody as Unknown.
AIO_RESPONSE = Symbol("aiobotocore.response", "")
AIO_EVENT_STREAM = Symbol("aiobotocore.eventstream", "AioEventStream")
TYPING_EXTENSIONS = "typing_extensions"  # NotRequired, Never and a TypedDict that understands them, on 3.10+
STANDARD = frozenset(
    {
        Symbol("collections.abc", name)
        for name in ("AsyncIterator", "Awaitable", "Callable", "Iterator", "Mapping", "Sequence")
    }
    | {Symbol("typing", name) for name in ("Any", "IO", "Literal", "TYPE_CHECKING", "Union", "cast", "overload")}
    | {Symbol(TYPING_EXTENSIONS, name) for name in ("Never", "NotRequired", "ReadOnly", "Required", "TypedDict")}
    | {Symbol(TYPING_EXTENSIONS, "Unpack"), Symbol("datetime", "datetime"), Symbol("enum", "Enum")}
    | {Symbol("dataclasses", "dataclass"), Symbol("dataclasses", "field"), FUTURE_ANNOTATIONS}
    | {Symbol("importlib", "import_module")}
    | {Symbol("botocore.exceptions", "ClientError"), Symbol("botocore.config", "Config")}
    | {STREAMING_BODY, EVENT_STREAM, AIO_RESPONSE, AIO_EVENT_STREAM}
    | {Symbol("asyncio", ""), Symbol("time", "")}
)

# --- the namespaces model-named classes share ---------------------------------------------------------

# What models.py imports beside the model-named classes: the base classes and codecs of its wire tables,
# and the validator's two functions. A shape's class takes another name (``Name_``) rather than one of these.
MODELS_IMPORTS = (
    *SCALAR_CODECS.values(),
    AS_IS,
    LIST_OF,
    MAP_OF,
    MODEL_OF,
    ENUM_OF,
    REQUIRED_FIELD,
    OPTIONAL_FIELD,
    WIRE_STRUCTURE,
    WIRE_TABLES,
    WIRE_UNION,
    VALIDATE_SHAPE,
    DECODE_PROBLEM,
)
# The generator's own classes in modules that also hold model-named ones (type_defs, models, enums, and the
# client modules, which import the runtime's classes beside the errors): a shape's class named like one of
# these is numbered (``Name_2``).
SHARED_WITH_MODEL_NAMES = (
    RESPONSE_METADATA,
    EMPTY_RESPONSE,
    WIRE_ENUM,
    UNKNOWN_VARIANT,
    VALIDATION_ERROR,
    SERVICE_ERROR,
    *RUNTIME_EXCEPTIONS,
    CLIENT_BASE,
    ASYNC_CLIENT_BASE,
    STUBBER_BASE,
    CLIENT_TABLES,
    WAIT_SPEC,
    PAGE_SPEC,
)


def imported_name(symbol: Symbol) -> str:
    """The name an import of ``symbol`` binds in the importing module (``X as Y`` binds ``Y``)."""
    return symbol.name.split(" as ")[-1] if symbol.name else symbol.module.split(".")[0]
