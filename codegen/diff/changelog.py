"""Renders a ModelDiff: the public AWS API changelog's text, Markdown, or JSON.

The public format: a title ``<service> - [N new] [M updated] api methods``,
then ``Op (new)`` lines and ``Op (updated) Changes (request|response|both)
{...}`` lines, bodies as one-line Python literals with dict keys and set
members sorted (the public site does not sort; we do, for stable output).
"""

from __future__ import annotations

import json
from typing import Any

from codegen import unicode_categories
from codegen.diff.compare import Change, ModelDiff, OperationDiff, Severity

# /2: each change has a rule ID and two verdicts (wire, python) instead of kind and one severity.
JSON_SCHEMA = "automl-codegen.diff/2"


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
    if not listed:
        return f"{diff.service} - no api changes"
    parts = [f"{new} new" if new else "", f"{updated} updated" if updated else ""]
    return f"{diff.service} - {' '.join(p for p in parts if p)} api methods"


def public_line(operation: OperationDiff) -> str:
    if operation.status == "new":
        return f"{operation.name} (new)"
    request, response = operation.request, operation.response
    if request is not None and response is not None:
        if request == response:
            return f"{operation.name} (updated) Changes (both) {literal(request)}"
        return (
            f"{operation.name} (updated) Changes (request, response) Request {literal(request)} "
            f"Response {literal(response)}"
        )
    which, tree = ("request", request) if request is not None else ("response", response)
    return f"{operation.name} (updated) Changes ({which}) {literal(tree)}"


def render_text(diff: ModelDiff, extended: bool) -> str:
    listed = diff.public()
    lines = [title(diff)] + [public_line(o) for o in listed]
    if extended:
        sections: tuple[tuple[str, Severity], ...] = (
            ("Breaking changes", "breaking"),
            ("Compatible changes", "compatible"),
        )
        for heading, severity in sections:
            entries = diff.changes(severity)
            lines += ["", f"{heading} ({len(entries)}):"]
            lines += [f"  {_describe(op, c)}" for op, c in entries] or ["  none"]
    return "\n".join(lines) + "\n"


def render_markdown(diff: ModelDiff, extended: bool) -> str:
    """A Markdown section; with ``extended``, breaking changes come first (as a changelog entry wants)."""
    listed = diff.public()
    lines = [f"## {title(diff)}", ""]
    public = [f"- `{public_line(o)}`" for o in listed]
    if not extended:
        return "\n".join(lines + public) + "\n"
    sections = (
        ("Breaking changes", [f"- {_describe(op, c, code=True)}" for op, c in diff.changes("breaking")]),
        ("API changes (public changelog)", public),
        ("Compatible changes", [f"- {_describe(op, c, code=True)}" for op, c in diff.changes("compatible")]),
    )
    for heading, entries in sections:
        lines += [f"### {heading}", "", *(entries or ["- none"]), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(diff: ModelDiff, extended: bool) -> str:
    """Schema ``automl-codegen.diff/1`` (README: "JSON output")."""
    listed = diff.public()
    document = {
        "schema": JSON_SCHEMA,
        "service": diff.service,
        "title": title(diff),
        "operations": [
            {
                "name": o.name,
                "status": o.status,
                "public": public_line(o) if o in listed else None,
                "changes": [_change_json(c) for c in o.changes] if extended else [],
            }
            for o in sorted(diff.operations, key=lambda o: o.name)
            if o in listed or (extended and o.changes)
        ],
        "summary": {
            "new": sum(1 for o in listed if o.status == "new"),
            "updated": sum(1 for o in listed if o.status == "updated"),
            "removed": sum(1 for o in diff.operations if o.status == "removed"),
            "breaking": len(diff.changes("breaking")),
            "breaking_wire": len(diff.breaking("wire")),
            "breaking_python": len(diff.breaking("python")),
            "compatible": len(diff.changes("compatible")),
        },
    }
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def _change_json(change: Change) -> dict[str, str]:
    witness = {} if change.witness is None else {"witness": change.witness}
    return {
        "direction": change.direction,
        "path": change.path,
        "shape": change.shape,
        "rule": change.rule,
        "wire": change.wire,
        "python": change.python,
        "severity": change.severity,
        "detail": change.detail,
        "effect": change.effect,
        **witness,  # a value the old model accepted and the new one refuses, where one is known
    }


def _describe(operation: str, change: Change, code: bool = False) -> str:
    """One change: where, its rule ID, both verdicts, what changed and what it does to the Python API. Text
    from the model (member names, values, patterns) is shown escaped: it cannot forge a line or a style."""
    where = f"{operation} {change.direction}" + (f" {change.path}" if change.path else "")
    verdicts = f"wire {change.wire}, python {change.python}"
    if code:
        return (
            f"{_markdown(where)}: `{_code(change.rule)}` ({verdicts}): {_markdown(change.detail)} -> "
            f"`{_code(change.effect)}`"
        )
    return f"{_text(where)}: [{change.rule}] ({verdicts}) {_text(change.detail)} -> {_text(change.effect)}"


def _text(value: str) -> str:
    """Control, format and separator characters (line breaks, terminal escapes such as ``\\x1b[2J``) as their
    escapes, as ``str.isprintable`` would tell, but from the generator's own Unicode table: the changelog
    regenerate writes into generated/ must not depend on the Python that wrote it."""
    return "".join(
        (
            char.encode("unicode_escape").decode("ascii")
            if char != " " and unicode_categories.category(char)[0] in "CZ"
            else char
        )
        for char in value
    )


_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~")


def _markdown(value: str) -> str:
    """Text for Markdown: escaped as for a terminal, then Markdown's own syntax backslash-escaped."""
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in _text(value))


def _code(value: str) -> str:
    """Text for a Markdown code span: backticks cannot close it."""
    return _text(value).replace("`", "'")
