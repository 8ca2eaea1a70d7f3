"""The Python type of each scalar kind, in each flavour, with the imports it needs.

Two flavours, as in mypy-boto3 and as botocore behaves:

* ``input``: what a caller may pass: timestamps ``datetime | str``, blobs ``str | bytes | IO[Any]``
  (and, for containers, ``Sequence`` and ``Mapping``: see ``codegen.emit.annotations``);
* ``output``: what botocore returns: ``datetime``, ``bytes`` (``list``, ``dict``).

The model layer needs this table too: where the two flavours of a shape differ, the
shape gets two TypedDicts and two names.
"""

from __future__ import annotations

from typing import Literal

Flavour = Literal["input", "output"]
Import = tuple[str, str]  # (module, name): name "" is "import module"; a module starting with "." is a sibling

SCALARS: dict[str, dict[Flavour, tuple[str, frozenset[Import]]]] = {
    "string": {"input": ("str", frozenset()), "output": ("str", frozenset())},
    "integer": {"input": ("int", frozenset()), "output": ("int", frozenset())},
    "long": {"input": ("int", frozenset()), "output": ("int", frozenset())},
    "float": {"input": ("float", frozenset()), "output": ("float", frozenset())},
    "double": {"input": ("float", frozenset()), "output": ("float", frozenset())},
    "boolean": {"input": ("bool", frozenset()), "output": ("bool", frozenset())},
    "timestamp": {
        "input": ("datetime | str", frozenset({("datetime", "datetime")})),
        "output": ("datetime", frozenset({("datetime", "datetime")})),
    },
    "blob": {
        "input": ("str | bytes | IO[Any]", frozenset({("typing", "IO"), ("typing", "Any")})),
        "output": ("bytes", frozenset()),
    },
    # any JSON value
    "document": {"input": ("Any", frozenset({("typing", "Any")})), "output": ("Any", frozenset({("typing", "Any")}))},
}

# Kinds whose Python type differs between the flavours: containers always (Sequence vs list), and the
# scalars above whose two entries differ.
FLAVOURED_KINDS = frozenset({"list", "map"}) | frozenset(
    kind for kind, types in SCALARS.items() if types["input"] != types["output"]
)
