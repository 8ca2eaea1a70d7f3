"""Renders a ModelDiff: the public AWS API changelog's text, Markdown, or JSON.

The public format: a title ``<service> - [N new] [M updated] api methods``,
then ``Op (new)`` lines and ``Op (updated) Changes (request|response|both)
{...}`` lines, bodies as one-line Python literals with dict keys and set
members sorted (the public site does not sort; we do, for stable output).
"""

from __future__ import annotations

import json
from typing import Any

from codegen.diff import Change, ModelDiff, OperationDiff

JSON_SCHEMA = "automl-codegen.diff/1"


def literal(value: Any) -> str:
    """A one-line Python literal with sorted dict keys and set members."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(value[k])}" for k in sorted(value)) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(literal(v) for v in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(literal(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return repr(value)


def title(diff: ModelDiff) -> str:
    listed = diff.public()
    new = sum(1 for o in listed if o.status == "new")
    updated = len(listed) - new
    parts = [f"{new} new" if new else "", f"{updated} updated" if updated else ""]
    return f"{diff.service} - {' '.join(p for p in parts if p)} api methods"


def public_line(operation: OperationDiff) -> str:
    if operation.status == "new":
        return f"{operation.name} (new)"
    request, response = operation.request, operation.response
    if request is not None and response is not None:
        if request == response:
            return f"{operation.name} (updated) Changes (both) {literal(request)}"
        return (f"{operation.name} (updated) Changes (request, response) Request {literal(request)} "
                f"Response {literal(response)}")
    which, tree = ("request", request) if request is not None else ("response", response)
    return f"{operation.name} (updated) Changes ({which}) {literal(tree)}"


def render_text(diff: ModelDiff, extended: bool) -> str:
    listed = diff.public()
    lines = [title(diff)] + [public_line(o) for o in listed] if listed else [f"{diff.service} - no api changes"]
    if extended:
        lines += _extended_lines(diff, bullet="  ")
    return "\n".join(lines) + "\n"


def render_markdown(diff: ModelDiff, extended: bool) -> str:
    """A Markdown section; with ``extended``, breaking changes come first (as a changelog entry wants)."""
    listed = diff.public()
    lines = [f"## {title(diff) if listed else diff.service + ' - no api changes'}", ""]
    public = [f"- `{public_line(o)}`" for o in listed]
    if not extended:
        return "\n".join(lines + public) + "\n"
    compatible = [(op, c) for op, c in diff.changes() if c.severity == "compatible"]
    sections = (("Breaking changes", [f"- {_describe(op, c, code=True)}" for op, c in diff.breaking()]),
                ("API changes (public changelog)", public),
                ("Compatible changes", [f"- {_describe(op, c, code=True)}" for op, c in compatible]))
    for heading, entries in sections:
        lines += [f"### {heading}", "", *(entries or ["- none"]), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(diff: ModelDiff, extended: bool) -> str:
    """Schema ``automl-codegen.diff/1`` (README: "JSON output")."""
    document = {
        "schema": JSON_SCHEMA,
        "service": diff.service,
        "title": title(diff),
        "operations": [
            {
                "name": o.name,
                "status": o.status,
                "public": public_line(o) if o in diff.public() else None,
                "changes": [_change_json(c) for c in o.changes] if extended else [],
            }
            for o in sorted(diff.operations, key=lambda o: o.name)
            if o in diff.public() or (extended and o.changes)
        ],
        "summary": {
            "new": sum(1 for o in diff.public() if o.status == "new"),
            "updated": sum(1 for o in diff.public() if o.status == "updated"),
            "removed": sum(1 for o in diff.operations if o.status == "removed"),
            "breaking": len(diff.breaking()),
            "compatible": sum(1 for _, c in diff.changes() if c.severity == "compatible"),
        },
    }
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def _change_json(change: Change) -> dict[str, str]:
    return {"direction": change.direction, "path": change.path, "shape": change.shape, "kind": change.kind,
            "detail": change.detail, "severity": change.severity, "python": change.python}


def _extended_lines(diff: ModelDiff, bullet: str) -> list[str]:
    breaking = diff.breaking()
    compatible = [(op, c) for op, c in diff.changes() if c.severity == "compatible"]
    lines = ["", f"Breaking changes ({len(breaking)}):"]
    lines += [bullet + _describe(op, c) for op, c in breaking] or [bullet + "none"]
    lines += ["", f"Compatible changes ({len(compatible)}):"]
    lines += [bullet + _describe(op, c) for op, c in compatible] or [bullet + "none"]
    return lines


def _describe(operation: str, change: Change, code: bool = False) -> str:
    where = f"{operation} {change.direction}" + (f" {change.path}" if change.path else "")
    python = f"`{change.python}`" if code else change.python
    return f"{where}: {change.kind} ({change.detail}) -> {python}"
