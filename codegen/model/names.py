"""Naming: every Python name the generated code uses is decided here, once.

The IR builder calls these functions while it builds the (immutable) IR, so
nothing is renamed after the fact and templates never invent a name. Special
cases are the tables at the top of this module, not branches further down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from botocore import xform_name  # what boto3 uses for method and parameter names

from codegen import defaults, symbols
from codegen.model.select import Selection
from codegen.model.shapes import Model

# Field names that would shadow something a generated class relies on: Python
# keywords are syntax errors, builtins shadowed in a class body break later
# annotations that use them (``type: str`` then ``list[type]``), and the
# methods generated on every dataclass must stay reachable.
GENERATED_METHOD_NAMES = frozenset({"to_request_dict", "from_response_dict", "validate"})
# Python's keywords, soft keywords and builtins as a table, not read from the running interpreter:
# names must not depend on the Python that generates (3.12 made ``type`` a soft keyword, 3.13 added
# ``PythonFinalizationError``). The union over the supported Pythons, 3.11 to 3.13; tests/unit/model/test_names.py
# fails on a Python that has one more, which is then added here (a deliberate change of the output).
PYTHON_KEYWORDS = frozenset(
    """False None True and as assert async await break class continue def del elif else except finally for
    from global if import in is lambda nonlocal not or pass raise return try while with yield""".split()
)
PYTHON_SOFT_KEYWORDS = frozenset({"_", "case", "match", "type"})
PYTHON_BUILTINS = frozenset(
    """ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError
    BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError
    ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning
    EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError
    FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError InterruptedError
    IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None
    NotADirectoryError NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning
    PermissionError ProcessLookupError PythonFinalizationError RecursionError ReferenceError ResourceWarning
    RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
    SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError
    UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError
    _IncompleteInputError __build_class__ __debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__
    abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex
    copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr
    globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max
    memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice
    sorted staticmethod str sum super tuple type vars zip""".split()
)
RESERVED_FIELD_NAMES = PYTHON_KEYWORDS | PYTHON_SOFT_KEYWORDS | PYTHON_BUILTINS | GENERATED_METHOD_NAMES
# Class and alias names share one module namespace with what the generated modules import and with
# the builtins their code calls (datazone has a structure named AttributeError, which the package root's
# __getattr__ raises; lambda one named EnvironmentError), so those names are taken too
# (tests/unit/model/test_names.py names a shape after each); the generator's own classes in those modules
# are taken by numbering (GENERATED_TYPE_NAMES). Both come from codegen.symbols.
RESERVED_CLASS_NAMES = (
    PYTHON_KEYWORDS
    | PYTHON_BUILTINS
    | frozenset(symbols.imported_name(symbol) for symbol in (*symbols.STANDARD, *symbols.MODELS_IMPORTS))
)
GENERATED_TYPE_NAMES = frozenset(symbol.name for symbol in symbols.SHARED_WITH_MODEL_NAMES)

# Enum member names: a value that does not start with a letter gets this prefix
# (``1D`` -> ``VALUE_1D``), and an empty value this name.
ENUM_MEMBER_PREFIX = "VALUE_"
EMPTY_ENUM_VALUE_NAME = "EMPTY"

_NOT_IDENTIFIER_CHARS = re.compile(r"[^0-9A-Za-z_]+")
_NON_ALNUM_RUN = re.compile(r"[^0-9A-Za-z]+")


def identifier(text: str, fallback_prefix: str) -> str:
    """``text`` made into an ASCII identifier; a leading digit gets ``fallback_prefix``."""
    cleaned = _NOT_IDENTIFIER_CHARS.sub("_", text).strip("_") or "_"
    if cleaned[0].isdigit() or cleaned == "_":
        cleaned = fallback_prefix + cleaned.lstrip("_")
    return cleaned


@lru_cache(maxsize=None)  # member names repeat across shapes (6,524 members, 1,991 names in SageMaker)
def snake_case(wire_name: str) -> str:
    """A member's Python field name: boto3's spelling, made safe to use as an attribute."""
    name = identifier(xform_name(wire_name), "field_").lower()
    return name + "_" if name in RESERVED_FIELD_NAMES else name


def botocore_name(name: str) -> str:
    """A name as botocore's client maps it (``get_waiter("endpoint_in_service")``), unaltered."""
    return str(xform_name(name))


def class_name(shape_name: str) -> str:
    """A shape's Python class name: the shape name itself, made an identifier."""
    name = identifier(shape_name, "Shape")
    return name + "_" if name in RESERVED_CLASS_NAMES else name


@lru_cache(maxsize=None)  # enum values repeat across enums (2,934 values, 1,213 distinct in SageMaker)
def enum_member_name(value: str) -> str:
    """``text/csv;header=present`` -> ``TEXT_CSV_HEADER_PRESENT``, ``1D`` -> ``VALUE_1D``."""
    parts = [part for part in _NON_ALNUM_RUN.split(value) if part]
    if not parts:
        return EMPTY_ENUM_VALUE_NAME
    # CamelCase parts are split where boto3 would split them; ALLCAPS and digits stay whole.
    words = [xform_name(part) if any(c.islower() for c in part) else part for part in parts]
    name = "_".join(words).upper()
    return ENUM_MEMBER_PREFIX + name if name[0].isdigit() else name


def method_name(operation_name: str) -> str:
    """boto3's method name for an operation: ``CreateAutoMLJobV2`` -> ``create_auto_ml_job_v2``."""
    name = identifier(xform_name(operation_name), "op_").lower()
    return name + "_" if name in RESERVED_FIELD_NAMES else name


# What every generated client defines besides its operation methods (ClientBase, AsyncClientBase and the
# client template); the async client's close() is reserved in both, so the two have the same methods.
CLIENT_ATTRIBUTES = frozenset({"client", "close", "exceptions", "get_paginator", "send", "validate"})
# What the typed stubber (codegen/runtime/_stubber.py) defines besides a method per operation and its
# ``_error`` twin: an operation with one of these method names (none in botocore today) is refused too.
STUBBER_ATTRIBUTES = frozenset({"activate", "deactivate", "assert_no_pending_responses", "stubber"})
# A waiter's method takes the first of these forms that no operation method has: operations keep boto3's names.
WAITER_METHOD_FORMS = ("wait_{}", "wait_for_{}", "wait_until_{}")


def waiter_method(waiter_name: str, operation_methods: Iterable[str]) -> str | None:
    """The client method of a waiter, clear of the operation methods (None if every form is taken)."""
    taken = set(operation_methods) | CLIENT_ATTRIBUTES
    candidates = (form.format(waiter_name) for form in WAITER_METHOD_FORMS)
    return next((name for name in candidates if name not in taken), None)


# Selections named for what they are about rather than spelled as one word: the default selection is
# the AutoML workflow, so its client stays AutoMLClient when it reaches models and endpoints too.
NAMED_SELECTIONS = {defaults.OPERATIONS: "AutoML"}


def client_prefix(service_id: str, operations_regex: str) -> str:
    """What the client and its base error are named after: a named selection's name, the selection when
    it is one plain word (``AutoML`` -> ``AutoMLClient``), otherwise the service (``DynamoDB`` ->
    ``DynamoDBClient``)."""
    if operations_regex in NAMED_SELECTIONS:
        return NAMED_SELECTIONS[operations_regex]
    if operations_regex.isidentifier() and operations_regex.isascii():
        return class_name(operations_regex[0].upper() + operations_regex[1:])
    words = _NON_ALNUM_RUN.split(service_id)
    return class_name("".join(w[:1].upper() + w[1:] for w in words if w) or "Service")


def client_names(service_id: str, operations_regex: str) -> tuple[str, str]:
    """The client class and the base of its exceptions: ``AutoMLClient``, ``AutoMLError``."""
    prefix = client_prefix(service_id, operations_regex)
    return prefix + "Client", prefix + "Error"


def stubber_name(client_class: str) -> str:
    """The typed stubber's class beside the client: ``AutoMLClient`` -> ``AutoMLStubber``."""
    return client_class.removesuffix("Client") + "Stubber"


def async_name(sync_name: str) -> str:
    """The async client's (or paginator's) name beside the sync one: ``AsyncAutoMLClient``."""
    return "Async" + sync_name


def deduplicate(candidates: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Resolve collisions in order: the first keeps its name, later ones get ``_2``, ``_3``..."""
    used = set(taken)
    result = []
    for candidate in candidates:
        name, counter = candidate, 1
        while name in used:
            counter += 1
            name = f"{candidate}_{counter}"
        used.add(name)
        result.append(name)
    return result


def member_names(wire_names: Iterable[str]) -> list[str]:
    """A structure's Python field names, in member order."""
    return deduplicate(snake_case(wire) for wire in wire_names)


# When a union variant's natural TypedDict name belongs to a real shape (the whole SageMaker model has
# union AIModelSource with member S3 and a structure AIModelSourceS3), the variant takes this form.
VARIANT_FALLBACK = "Variant"


def class_names(model: Model, shapes: Iterable[str], reserved: Iterable[str] = ()) -> dict[str, str]:
    """The first tier of ``PublicNames``: the dataclass or Enum class of each structure, union and enum
    among ``shapes`` (in model order), clear of the generator's own names and ``reserved``."""
    with_class = [name for name in shapes if model.shape(name).kind in ("enum", "structure", "union")]
    taken = GENERATED_TYPE_NAMES | frozenset(reserved)
    return dict(zip(with_class, deduplicate((class_name(name) for name in with_class), taken)))


class PublicNames:
    """Every public class and alias name of the package, allocated once from one namespace.

    Names are given in tiers, so that a less natural name can never take a more natural one,
    whatever the model order: (1) dataclass and Enum classes of real shapes, (2) Literal
    aliases and the TypedDict a shape is known by, (3) ``...OutputTypeDef`` flavours,
    (4) synthetic names: union variant TypedDicts and paginator classes. Within a tier a
    collision (only possible between shape names that differ in characters an identifier
    cannot hold) gets ``_2``, ``_3``... in model order.

    Keys are ``class:<shape>``, ``literal:<shape>``, ``input:<shape>[.<member>]``,
    ``output:<shape>[.<member>]``, ``async:<shape>`` (a response with streams, as aiobotocore returns it)
    and ``paginator:<operation>``. A structure whose two
    flavours are identical gets one TypedDict name for both keys.
    """

    def __init__(
        self,
        model: Model,
        selection: Selection,
        split: frozenset[str],
        paginated: Iterable[str] = (),
        reserved: Iterable[str] = (),
    ) -> None:
        classes = class_names(model, selection.shapes, reserved)
        self._names: dict[str, str] = {f"class:{shape}": name for shape, name in classes.items()}
        tiers: list[list[tuple[tuple[str, ...], list[str]]]] = [[], [], [], []]  # (keys, [candidate, fallback...])
        for name in selection.shapes:
            kind = model.shape(name).kind
            base = class_name(name)
            if kind == "enum":
                tiers[1].append(((f"literal:{name}",), [base + "Type"]))
            if kind not in ("structure", "union"):
                continue
            self._typed_dicts(tiers, name, "", [base], name in split)
            if kind == "union":
                for member in model.shape(name).members:
                    stem = base + identifier(member, "Member")
                    self._typed_dicts(tiers, name, f".{member}", [stem, stem + VARIANT_FALLBACK], name in split, 3)
        # The async client's responses where aiobotocore returns streams of its own (S3's GetObject Body)
        streams = [n for n in selection.shapes if n in selection.output_shapes and model.holds_stream(n)]
        tiers[3] += [((f"async:{n}",), [async_name(class_name(n) + "TypeDef")]) for n in streams]
        tiers[3] += [((f"paginator:{op}",), [class_name(op) + "Paginator"]) for op in paginated]
        taken = set(GENERATED_TYPE_NAMES) | set(reserved) | set(classes.values())
        for tier in tiers[1:]:
            for keys, candidates in tier:
                # a paginator's name is taken together with its async twin's (they share the aio module)
                paired = keys[0].startswith("paginator:")
                free = [c for c in candidates if c not in taken and not (paired and async_name(c) in taken)]
                chosen = free[0] if free else deduplicate([candidates[0]], taken | self._twins(taken, paired))[0]
                taken.update((chosen, async_name(chosen)) if paired else (chosen,))
                self._names.update(dict.fromkeys(keys, chosen))

    @staticmethod
    def _twins(taken: set[str], paired: bool) -> set[str]:
        """The names whose async twin is taken (a paired name must avoid them too); only walked on a
        collision, which is rare, so the naming stays linear in the number of shapes."""
        prefix = async_name("")
        return {n.removeprefix(prefix) for n in taken if n.startswith(prefix)} if paired else set()

    @staticmethod
    def _typed_dicts(
        tiers: list[list[tuple[tuple[str, ...], list[str]]]],
        name: str,
        suffix: str,
        stems: list[str],
        split: bool,
        tier: int = 1,
    ) -> None:
        if split:
            tiers[tier].append(((f"input:{name}{suffix}",), [s + "TypeDef" for s in stems]))
            tiers[max(tier, 2)].append(((f"output:{name}{suffix}",), [s + "OutputTypeDef" for s in stems]))
        else:
            tiers[tier].append(((f"input:{name}{suffix}", f"output:{name}{suffix}"), [s + "TypeDef" for s in stems]))

    def __getitem__(self, key: str) -> str:
        return self._names[key]

    def get(self, key: str) -> str | None:
        return self._names.get(key)
