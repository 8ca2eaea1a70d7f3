"""The oldest botocore a generated client supports, and the oldest that knows everything it can send.

A generated client sends through the installed botocore, which refuses members its own model lacks and
drops response members it does not know. Two floors follow from the model history:

- ``supported``: the oldest release whose model has every selected operation, every member their requests
  must carry (the required ones, and any member of a tagged union, since a request carries one of them),
  every member their responses are promised, and the waiters of those operations the client offers. Every operation works there; this is the lower bound of
  the package's ``[client]`` and ``[aio]`` extras.
- ``complete``: the oldest release whose model has every member path a request can reach. An optional
  member newer than the installed botocore is refused before anything is sent (``BotocoreVersionError``
  names it and this version).

Both are found by bisecting botocore's releases on the package index (each probe reads one wheel, cached
like any ``botocore==X`` source), assuming what a release's model has, later ones have too.
``automl-codegen oldest-botocore --record`` stores them in ``codegen/data/oldest-botocore.json`` for the
exact model and selection they were derived from; ``generate`` reads them from there, so generating stays
offline and reproducible.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from codegen.model.shapes import Model

RECORD = Path(__file__).resolve().parents[1] / "data" / "oldest-botocore.json"
_VERSION = re.compile(r"\d+(\.\d+)*")


class Floors(NamedTuple):
    supported: str  # every operation works with what its requests must carry
    complete: str  # every member a request can reach is known


def request_paths(model: Model, operations: Sequence[str]) -> frozenset[str]:
    """``Operation`` and ``Operation.Member.Sub[].Key{}`` for every path a request can use."""
    return _paths(model, operations, needed_only=False)


def needed_paths(model: Model, operations: Sequence[str]) -> frozenset[str]:
    """The operations, the request paths a request must carry (required members; every member of a
    union, whichever one a request carries), the response paths a response is promised
    (``Operation->Member...``, required members only) and the operations' waiters (``Name waiter``:
    the client's ``wait_*`` methods ask botocore for them by name)."""
    waiters = {f"{waiter.name} waiter" for waiter in model.waiters() if waiter.operation in operations}
    return _paths(model, operations, needed_only=True) | waiters


def _paths(model: Model, operations: Sequence[str], needed_only: bool) -> frozenset[str]:
    """Lists add ``[]``, map values ``{}``; a shape met again on its own path (recursion) is not entered twice."""
    paths: set[str] = set()
    for name in operations:
        if not model.has_operation(name):
            continue
        operation = model.operation(name)
        paths.add(name)
        roots = [(operation.input, name)] + ([(operation.output, f"{name}->")] if needed_only else [])
        stack: list[tuple[str, str, frozenset[str]]] = [(shape, root, frozenset()) for shape, root in roots if shape]
        while stack:
            shape_name, path, on_path = stack.pop()
            if shape_name in on_path:
                continue
            shape = model.shape(shape_name)
            inner = on_path | {shape_name}
            for member, ref in shape.members.items():
                if needed_only and shape.kind != "union" and member not in shape.required:
                    continue
                where = f"{path}{member}" if path.endswith("->") else f"{path}.{member}"
                paths.add(where)
                stack.append((ref.target, where, inner))
            if shape.item is not None:
                stack.append((shape.item, f"{path}[]", inner))
            if shape.value is not None:
                stack.append((shape.value, f"{path}{{}}", inner))
    return frozenset(paths)


def oldest_supporting(
    versions: Sequence[str], needed: frozenset[str], paths_of: Callable[[str], frozenset[str]]
) -> str:
    """The oldest of ``versions`` (oldest first; the last is known to support ``needed``) whose model has
    every path in ``needed``, by bisection: ``paths_of`` is called about log2(len(versions)) times."""
    low, high = 0, len(versions) - 1
    while low < high:
        middle = (low + high) // 2
        if needed <= paths_of(versions[middle]):
            high = middle
        else:
            low = middle + 1
    return versions[high]


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def record_key(service: str, operations_regex: str, model_sha256: str) -> str:
    return f"{service} {operations_regex} {model_sha256}"


def recorded(service: str, operations_regex: str, model_sha256: str, record: Path = RECORD) -> Floors | None:
    """The derived floors for exactly this model and selection, None if they were never derived.

    The record is the generator's own data; one that cannot be read counts as holding nothing.
    """
    try:
        table = json.loads(record.read_text(encoding="utf-8"))
        value = table.get(record_key(service, operations_regex, model_sha256))
        floors = Floors(value["supported"], value["complete"])
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return None
    return floors if all(isinstance(v, str) and _VERSION.fullmatch(v) for v in floors) else None


def record(key: str, floors: Floors, path: Path = RECORD) -> None:
    """Store ``floors`` under ``key``, replacing what was derived for an earlier model of the same
    service and selection; written atomically (a new file renamed over the old one)."""
    try:
        table = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        table = {}
    selection = key.rsplit(" ", 1)[0] + " "
    kept = {k: v for k, v in table.items() if not k.startswith(selection)} if isinstance(table, dict) else {}
    kept[key] = floors._asdict()
    partial = path.with_name(f"{path.name}.tmp")
    partial.write_text(json.dumps(dict(sorted(kept.items())), indent=2) + "\n", encoding="utf-8")
    partial.replace(path)
