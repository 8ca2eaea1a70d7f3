"""No message, exception or repr shows a sensitive value: every sensitive member of the whole SageMaker model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import import_generated

SECRET = "S3cr3t"
SECRET_NUMBER = 987654321987


@pytest.fixture(scope="module")
def whole(whole_sagemaker: Path) -> Iterator[tuple[ModuleType, ModuleType]]:
    validation, models = import_generated(whole_sagemaker, "validation", "models")
    yield validation, models
    from tests.conftest import forget_generated

    forget_generated()


def hostile_values(validation: ModuleType, shape: str, depth: int = 0) -> list[Any]:
    """Values of ``shape`` carrying the secret that break each kind of constraint the shape has."""
    rule = validation._VALIDATOR._rules[shape]
    kind = type(rule).__name__
    if kind == "StringRule":
        maximum = int(rule.max or 64)
        return [SECRET + "\n!\x00" + "x" * maximum, SECRET + "\n!", SECRET]
    if kind == "EnumRule":
        return [SECRET + "-not-a-value"]
    if kind == "NumberRule":
        return [SECRET_NUMBER, -SECRET_NUMBER, SECRET]
    if kind in ("PlainRule", "BlobRule"):
        return [SECRET]
    if depth > 3:
        return [SECRET]
    if kind == "ListRule":
        return [[value] * 2 for value in hostile_values(validation, rule.item, depth + 1)]
    if kind == "MapRule":
        return [{SECRET + "-key\n": value} for value in hostile_values(validation, rule.value, depth + 1)]
    values: list[Any] = [{SECRET + "UnknownKey": SECRET}]
    for member, target in rule.members[:20]:
        values += [{member: value} for value in hostile_values(validation, target, depth + 1)]
    return values


def shows_secret(text: str) -> bool:
    return SECRET in text or str(SECRET_NUMBER) in text


def test_no_validation_message_shows_a_sensitive_value(whole: tuple[ModuleType, ModuleType]) -> None:
    validation, _ = whole
    checked, leaks = 0, []
    for structure, member in sorted(validation._VALIDATOR._secret_members):
        target = dict(validation._VALIDATOR._rules[structure].members)[member]
        for value in hostile_values(validation, target):
            errors = validation.validate_shape(structure, {member: value})
            checked += 1
            leaks += [message for message in errors if shows_secret(message)]
            error = validation.ValidationError(structure, errors)
            assert not shows_secret(str(error)) and not shows_secret(repr(error))
    for shape in sorted(validation._VALIDATOR._secret_shapes):
        for value in hostile_values(validation, shape):
            leaks += [message for message in validation.validate_shape(shape, value) if shows_secret(message)]
    assert validation._VALIDATOR._secret_members and checked >= 2 * len(validation._VALIDATOR._secret_members)
    assert leaks == []


def _raw_holds_secret(shapes: dict[str, Any], name: str, seen: frozenset[str] = frozenset()) -> bool:
    """The test's own reading of the model: sensitive itself, or through lists and maps."""
    raw = shapes[name]
    if raw.get("sensitive"):
        return True
    if name in seen:
        return False
    inner = (
        [raw["member"]["shape"]]
        if raw["type"] == "list"
        else [raw["key"]["shape"], raw["value"]["shape"]] if raw["type"] == "map" else []
    )
    return any(_raw_holds_secret(shapes, n, seen | {name}) for n in inner)


def test_no_repr_shows_a_sensitive_field(whole: tuple[ModuleType, ModuleType]) -> None:
    """Members marked sensitive, of sensitive shapes, and of lists and maps of sensitive shapes."""
    from codegen.model.load import load_model
    from tests.conftest import build_ir

    validation, models = whole
    model = load_model("installed")
    service = build_ir(model.model, ".*")
    shapes = model.model.raw["shapes"]
    checked, leaks = 0, []
    for shape in service.with_dataclass():
        cls = getattr(models, shape.class_name)
        for member in shape.members:
            ref = shapes[shape.name]["members"][member.wire_name]
            if not (ref.get("sensitive") or shape.sensitive or _raw_holds_secret(shapes, member.target)):
                continue
            for value in (SECRET, [SECRET], {"key": SECRET}):
                values: dict[str, Any] = {m.python_name: None for m in shape.members}
                values[member.python_name] = value
                checked += 1
                if shows_secret(repr(cls(**values))):
                    leaks.append(f"{shape.class_name}.{member.python_name}")
    assert checked >= 3 * len(validation._VALIDATOR._secret_members)  # every one the validator knows, at least
    assert leaks == []
