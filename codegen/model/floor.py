"""The oldest botocore a generated client supports: the oldest whose model accepts every request it can send.

A generated client sends through the installed botocore, which refuses members its own model lacks. So the
floor is a property of the model history: the oldest botocore release whose model has every selected
operation and every member path their requests can reach. It is found by bisecting botocore's releases on
the package index (each probe reads one wheel, cached like any ``botocore==X`` source), assuming what a
release's model accepts, later ones accept too. ``automl-codegen oldest-botocore --record`` stores the
result in ``codegen/data/oldest-botocore.json`` for the exact model and selection it was derived from;
``generate`` reads it from there, so generating stays offline and reproducible.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from codegen.model.shapes import Model

RECORD = Path(__file__).resolve().parents[1] / "data" / "oldest-botocore.json"


def request_paths(model: Model, operations: Sequence[str]) -> frozenset[str]:
    """``Operation`` and ``Operation.Member.Sub[].Key{}`` for every path a request can use.

    Lists add ``[]``, map values ``{}``; a shape met again on its own path (recursion) is not entered twice.
    """
    paths: set[str] = set()
    for name in operations:
        if not model.has_operation(name):
            continue
        operation = model.operation(name)
        paths.add(name)
        if operation.input is None:
            continue
        stack: list[tuple[str, str, frozenset[str]]] = [(operation.input, name, frozenset())]
        while stack:
            shape_name, path, on_path = stack.pop()
            if shape_name in on_path:
                continue
            shape = model.shape(shape_name)
            inner = on_path | {shape_name}
            for member, ref in shape.members.items():
                paths.add(f"{path}.{member}")
                stack.append((ref.target, f"{path}.{member}", inner))
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


def recorded(service: str, operations_regex: str, model_sha256: str, record: Path = RECORD) -> str | None:
    """The derived floor for exactly this model and selection, None if it was never derived.

    The record is the generator's own data; one that cannot be read counts as holding nothing.
    """
    try:
        table = json.loads(record.read_text(encoding="utf-8"))
        value = table.get(record_key(service, operations_regex, model_sha256))
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)*", value) else None


def record(key: str, version: str, path: Path = RECORD) -> None:
    """Store ``version`` under ``key``, replacing what was derived for an earlier model of the same
    service and selection; written atomically (a new file renamed over the old one)."""
    try:
        table = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        table = {}
    selection = key.rsplit(" ", 1)[0] + " "
    kept = {k: v for k, v in table.items() if not k.startswith(selection)} if isinstance(table, dict) else {}
    kept[key] = version
    partial = path.with_name(f"{path.name}.tmp")
    partial.write_text(json.dumps(dict(sorted(kept.items())), indent=2) + "\n", encoding="utf-8")
    partial.replace(path)
