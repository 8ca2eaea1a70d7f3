"""The diff's rules: every kind of change it reports, with a stable ID and two verdicts.

* **wire**: would a request that was valid before be refused now (request direction), or a response
  that was readable before be unreadable now (response direction)?
* **python**: would code that type-checked against the package generated before stop type-checking,
  or an import from it break?

The two differ: a structure renamed with the same members breaks ``from pkg.type_defs import OldTypeDef``
but not one request; a tightened pattern breaks requests but no import. IDs are stable: a rule's
meaning never changes under its ID (a new distinction gets a new ID). ``docs/diff-rules.md`` is this
table, with an example of each (a test holds the two together).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Verdict = Literal["breaking", "compatible"]
B: Verdict = "breaking"
C: Verdict = "compatible"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    wire: Verdict
    python: Verdict
    meaning: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("operation-removed", B, B, "an operation is gone: every call fails, its method and types are gone"),
        Rule("request-shape-added", C, C, "an operation gained a request shape"),
        Rule("response-shape-added", C, C, "an operation gained a response shape"),
        Rule("request-shape-removed", B, B, "an operation lost its request shape"),
        Rule("response-shape-removed", B, B, "an operation lost its response shape"),
        Rule("request-member-added", C, C, "an optional request member is new"),
        Rule("request-required-member-added", B, B, "a required request member is new: old requests lack it"),
        Rule("response-member-added", C, C, "a response member is new"),
        Rule("request-member-removed", B, B, "a request member is gone: requests that set it are refused"),
        Rule(
            "response-member-removed",
            B,
            B,
            "a response member that was required is gone: decoders built before refuse its absence",
        ),
        Rule(
            "response-optional-member-removed",
            C,
            B,
            "an optional response member is gone: responses still decode, code that reads the key breaks",
        ),
        Rule("request-member-became-required", B, B, "requests that leave the member out are refused"),
        Rule("request-member-became-optional", C, C, "requests may leave the member out"),
        Rule("response-member-became-required", C, C, "responses always carry the member"),
        Rule(
            "response-member-became-optional",
            B,
            B,
            "responses may lack the member: a reader that expects it fails, and its key is NotRequired",
        ),
        Rule("request-type-changed", B, B, "a request value changed its kind (a string became an integer...)"),
        Rule("response-type-changed", B, B, "a response value changed its kind"),
        Rule(
            "member-shape-renamed",
            C,
            C,
            "a member now refers to another shape of the same kind whose Python type has no name of its own "
            "(a string, a number, a list or map); what the new shape is, is compared on its own",
        ),
        Rule(
            "member-class-renamed",
            C,
            B,
            "a member now refers to another structure, union or enum shape, whose Python class, TypedDict or "
            "Literal alias has another name, and the old name is gone from the package; its members and values "
            "are compared on their own",
        ),
        Rule(
            "member-class-replaced",
            C,
            C,
            "as member-class-renamed, but the old name is still in the package (other members use it)",
        ),
        Rule("request-enum-value-added", C, C, "requests may send a new value"),
        Rule(
            "response-enum-value-added",
            C,
            C,
            "responses may carry a new value (decoders keep a value they do not know as its string)",
        ),
        Rule("request-enum-value-removed", B, B, "requests that send the value are refused"),
        Rule(
            "response-enum-value-removed",
            C,
            B,
            "responses no longer carry the value; comparing with it is now a non-overlapping comparison",
        ),
        Rule("request-bound-tightened", B, C, "a higher minimum or lower maximum: some valid requests are refused"),
        Rule(
            "request-bound-loosened", C, C, "a lower minimum, higher maximum or none: every valid request stays valid"
        ),
        Rule("response-bound-changed", C, C, "a response bound moved: decoders do not check bounds"),
        Rule(
            "request-pattern-changed",
            B,
            C,
            "a request pattern refuses a value it accepted and accepts one it refused (both shown), or uses "
            "a construct whose meaning is not compared (look-arounds, back-references): breaking to be safe",
        ),
        Rule(
            "request-pattern-tightened",
            B,
            C,
            "a request pattern refuses a value of legal length that it accepted (shown), and accepts nothing new",
        ),
        Rule("request-pattern-loosened", C, C, "a request pattern accepts every value it accepted, and more (shown)"),
        Rule(
            "response-pattern-changed",
            C,
            C,
            "a response pattern matches other values: decoders do not check patterns",
        ),
        Rule("docs-changed", C, C, "documentation only (with --docs)"),
    )
}


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]
