"""Agreement with mypy-boto3-sagemaker, the types users already know.

For every TypedDict, key and Literal present in both packages we must agree on
the keys, their required-ness, the kind of each value (scalar type, list, map,
nested structure, Literal values), except for two deliberate differences:

* tagged unions: ours is a Union of single-key TypedDicts (exactly one key);
  theirs a TypedDict with every key optional;
* keys of returned shapes that the model leaves optional: ours NotRequired,
  theirs required (every key of an output shape is required there).

Required-ness of theirs is read from the annotations (``NotRequired[...]``):
their runtime ``__required_keys__`` is wrong on Python 3.11, because their
module uses ``from __future__ import annotations``.
"""

from __future__ import annotations

import collections.abc
import datetime
import types
import typing
from collections.abc import Iterator
from typing import Any

import pytest
import typing_extensions


def reference_lags() -> bool:
    """Whether mypy-boto3-sagemaker describes an older model than ours. Its releases follow botocore's
    by days and not all of them (scripts/regenerate pins the newest one not newer than botocore): after
    a regeneration the model may have gained keys, values and shapes it does not know yet. Then what
    we have and it lacks is expected; anything else (a key or value it has and we lack, a different
    kind or required-ness) still fails."""
    from importlib.metadata import version

    from tests.conftest import GENERATED

    source: dict[str, object] = {}
    exec((GENERATED / "sagemaker_automl" / "_source.py").read_text(), source)  # plain assignments
    return version("mypy-boto3-sagemaker") != source["BOTOCORE_VERSION"]


def covers(ours: Any, theirs: Any) -> bool:
    """Whether a kind of ours is theirs, or theirs grown by what a newer model adds (Literal values)."""
    if isinstance(ours, tuple) and isinstance(theirs, tuple) and len(ours) == len(theirs) and ours[:1] == theirs[:1]:
        if ours[0] == "literal":
            return bool(ours[1] >= theirs[1])
        return all(covers(a, b) for a, b in zip(ours[1:], theirs[1:]))
    return bool(ours == theirs)


@pytest.fixture(scope="module")
def packages() -> Iterator[tuple[Any, Any, Any, Any]]:
    import mypy_boto3_sagemaker.literals as their_literals
    import mypy_boto3_sagemaker.type_defs as theirs

    from tests.conftest import GENERATED, forget_generated, import_generated

    ours, our_literals = import_generated(GENERATED, "type_defs", "literals")
    yield ours, theirs, our_literals, their_literals
    forget_generated()


def is_typeddict(value: Any) -> bool:
    return typing_extensions.is_typeddict(value)


def kind(tp: Any) -> Any:
    """A comparable description of a value type, blind to input/output flavour and names."""
    origin, args = typing_extensions.get_origin(tp), typing_extensions.get_args(tp)
    if origin in (typing_extensions.ReadOnly, typing_extensions.NotRequired, typing_extensions.Required):
        return kind(args[0])
    if origin is typing.Literal:
        return ("literal", wire_values(args))
    if origin in (list, collections.abc.Sequence):
        return ("list", kind(args[0]))
    if origin in (dict, collections.abc.Mapping):
        return ("map", kind(args[0]), kind(args[1]))
    if origin in (typing.Union, types.UnionType):
        members = set(args)
        if datetime.datetime in members:
            return "timestamp"  # datetime (output) or datetime | str (input)
        if bytes in members:
            return "blob"
        if all(is_typeddict(a) for a in args):
            return "structure"  # mypy-boto3's XUnionTypeDef = Union[XTypeDef, XOutputTypeDef]
        return ("union", frozenset(kind(a) for a in args))
    if is_typeddict(tp):
        return "structure"
    if tp is datetime.datetime:
        return "timestamp"
    if tp is bytes:
        return "blob"
    return tp.__name__


def wire_values(args: tuple[Any, ...]) -> frozenset[str]:
    """A Literal's strings: ours also holds the members of the enum class, which mypy-boto3's do not."""
    return frozenset(a for a in args if type(a) is str)


def keys(typed_dict: Any) -> dict[str, tuple[bool, Any]]:
    """key -> (required, kind), required-ness read from the annotations."""
    hints = typing_extensions.get_type_hints(typed_dict, include_extras=True)
    result = {}
    for key, hint in hints.items():
        optional = typing_extensions.get_origin(hint) is typing_extensions.NotRequired or (
            typing_extensions.get_origin(hint) is typing_extensions.ReadOnly
            and typing_extensions.get_origin(typing_extensions.get_args(hint)[0]) is typing_extensions.NotRequired
        )
        result[key] = (not optional, kind(hint))
    return result


def our_typed_dicts(ours: Any) -> dict[str, Any]:
    return {name: getattr(ours, name) for name in ours.__all__}


def test_our_runtime_required_keys_match_our_annotations(packages: tuple[Any, ...]) -> None:
    ours = packages[0]
    for name, value in our_typed_dicts(ours).items():
        if is_typeddict(value):
            required = {k for k, (req, _) in keys(value).items() if req}
            assert value.__required_keys__ == required, name


def test_types_agree_with_mypy_boto3_sagemaker(packages: tuple[Any, ...], output_only_names: set[str]) -> None:
    ours, theirs, _, _ = packages
    union_names = {name for name, value in our_typed_dicts(ours).items() if typing_extensions.get_origin(value)}
    compared, disagreements, deliberate = 0, [], []
    lagging = reference_lags()
    for name, our_type in our_typed_dicts(ours).items():
        their_type = getattr(theirs, name, None)
        if their_type is None or name in union_names:
            continue
        compared += 1
        our_keys, their_keys = keys(our_type), keys(their_type)
        if lagging:
            our_keys = {k: v for k, v in our_keys.items() if k in their_keys}
        if set(our_keys) != set(their_keys):
            disagreements.append(f"{name}: keys {sorted(set(our_keys) ^ set(their_keys))}")
            continue
        for key in our_keys:
            (our_required, our_kind), (their_required, their_kind) = our_keys[key], their_keys[key]
            if not (covers(our_kind, their_kind) if lagging else our_kind == their_kind):
                disagreements.append(f"{name}.{key}: {our_kind} != {their_kind}")
            if our_required != their_required:
                returned = name.endswith("OutputTypeDef") or name in output_only_names
                if returned and their_required and not our_required:
                    deliberate.append(f"{name}.{key}")
                else:
                    disagreements.append(f"{name}.{key}: required {our_required} != {their_required}")
    assert disagreements == [], f"mypy-boto3-sagemaker lags behind our model: {lagging}"
    assert compared >= 60, compared  # most AutoML TypedDicts exist in both
    assert "DescribeAutoMLJobV2ResponseTypeDef.EndTime" in deliberate


@pytest.fixture(scope="module")
def output_only_names() -> set[str]:
    """TypedDicts generated only in the output flavour (returned, never sent), from the IR."""
    from codegen.model.load import load_model
    from tests.conftest import build_ir

    model = load_model("installed")
    service = build_ir(model.model)
    return {
        s.typed_dicts.output
        for s in service.structures() + service.unions()
        if s.typed_dicts.emit_output and not s.typed_dicts.emit_input
    }


def test_tagged_unions_are_exactly_one_where_theirs_are_all_optional(packages: tuple[Any, ...]) -> None:
    ours, theirs, _, _ = packages
    checked = 0
    for name, value in our_typed_dicts(ours).items():
        if not typing_extensions.get_origin(value):
            continue
        variants = typing_extensions.get_args(value)
        # Each variant requires its own key and declares every other one as never set.
        set_keys = [{k: kind_ for k, (required, kind_) in keys(v).items() if required} for v in variants]
        assert all(len(required) == 1 for required in set_keys), name
        assert all(set(keys(v)) == set(keys(variants[0])) for v in variants), name
        assert all(kind_ == "Never" for v in variants for k, (req, kind_) in keys(v).items() if not req), name
        their_keys = keys(getattr(theirs, name))
        assert {k for v in variants for k in keys(v)} == set(their_keys), name
        assert not any(req for req, _ in their_keys.values()), name
        assert {k: kind_ for required in set_keys for k, kind_ in required.items()} == {
            k: kind_ for k, (_, kind_) in their_keys.items()
        }, name
        checked += 1
    # AutoMLProblemTypeConfig (input and output), AutoMLProblemTypeResolvedAttributes (only returned)
    assert checked == 3


def test_literal_values_agree(packages: tuple[Any, ...]) -> None:
    _, _, our_literals, their_literals = packages
    names = [n for n in our_literals.__all__ if hasattr(their_literals, n)]
    lagging = reference_lags()
    assert lagging or len(names) == len(our_literals.__all__)
    for name in names:
        # Same values; ours keep the model's order, theirs are sorted.
        ours = wire_values(typing_extensions.get_args(getattr(our_literals, name)))
        theirs = wire_values(typing_extensions.get_args(getattr(their_literals, name)))
        assert (ours >= theirs) if lagging else (ours == theirs), (name, lagging, ours ^ theirs)
