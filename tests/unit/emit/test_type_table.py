"""The type table: what each kind of shape is in every position (TypedDict key sent and returned,
dataclass field, codec, validator rule), and the imports each expression carries."""

from __future__ import annotations

from typing import Any

import pytest

from codegen.emit.type_table import TypeTable
from codegen.runtime._validator import EnumRule, ListRule, MapRule, NumberRule, PlainRule, StringRule, StructureRule
from tests.conftest import GENERATED
from tests.unit.model.test_ir import service


def table(shapes: dict[str, Any]) -> TypeTable:
    """A request ``Req`` and a response ``Resp`` whose member ``V`` is the shape ``Value``, among ``shapes``."""
    holder = {"type": "structure", "members": {"V": {"shape": "Value"}}}
    return TypeTable(service({"Req": holder, "Resp": holder, **shapes}, output="Resp"))


def positions(types: TypeTable, name: str = "Value") -> tuple[str, str, str, str]:
    found = types[name]
    return found.input.text, found.output.text, found.field.text, found.codec.text


@pytest.mark.parametrize(
    ("value", "expected", "rule"),
    [
        ({"type": "string", "max": 5, "pattern": "^a+$"}, ("str", "str", "str", "STRING"), StringRule(None, 5, "^a+$")),
        ({"type": "long", "min": 1}, ("int", "int", "int", "INTEGER"), NumberRule(True, 1, None)),
        ({"type": "double"}, ("float", "float", "float", "FLOAT"), NumberRule(False, None, None)),
        ({"type": "boolean"}, ("bool", "bool", "bool", "BOOLEAN"), PlainRule("boolean")),
        (
            {"type": "timestamp"},
            ("datetime | str", "datetime", "datetime", "TIMESTAMP"),
            PlainRule("timestamp"),
        ),
    ],
)
def test_scalars(value: dict[str, Any], expected: tuple[str, ...], rule: object) -> None:
    types = table({"Value": value})
    assert positions(types) == expected
    assert types["Value"].rule == rule


def test_a_blob_is_sent_as_str_bytes_or_a_file_and_returned_as_bytes() -> None:
    types = table({"Value": {"type": "blob"}})
    assert positions(types) == ("str | bytes | IO[Any]", "bytes", "bytes", "AS_IS")
    assert types["Value"].input.imports == {("typing", "IO"), ("typing", "Any")}


def test_an_enum_is_its_literal_alias_everywhere_and_decoded_by_its_class() -> None:
    types = table({"Value": {"type": "string", "enum": ["a", "b"]}})
    assert positions(types) == ("ValueType", "ValueType", "ValueType", "enum_of(Value)")
    assert types["Value"].codec.imports == {("._runtime", "enum_of"), (".enums", "Value")}
    assert types["Value"].rule == EnumRule(("a", "b"))


def test_containers_compose_their_items_in_every_position() -> None:
    types = table(
        {
            "Value": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "Stamps"}, "max": 3},
            "Stamps": {"type": "list", "member": {"shape": "T"}, "min": 1},
            "T": {"type": "timestamp"},
        }
    )
    assert positions(types) == (
        "Mapping[str, Sequence[datetime | str]]",
        "dict[str, list[datetime]]",
        "dict[str, list[datetime]]",
        "map_of(STRING, list_of(TIMESTAMP))",
    )
    assert types["Value"].rule == MapRule("S", "Stamps", None, 3)
    assert types["Stamps"].rule == ListRule("T", 1, None)
    assert ("collections.abc", "Mapping") in types["Value"].input.imports
    assert ("collections.abc", "Sequence") in types["Value"].input.imports
    assert types["Value"].codec.imports >= {("._runtime", "map_of"), ("._runtime", "list_of")}


def test_a_structure_whose_flavours_differ_is_either_where_it_is_sent() -> None:
    types = table(
        {
            "Value": {"type": "structure", "required": ["When"], "members": {"When": {"shape": "T"}}},
            "T": {"type": "timestamp"},
        }
    )
    assert positions(types) == (
        "Union[ValueTypeDef, ValueOutputTypeDef]",
        "ValueOutputTypeDef",
        "Value",
        "model_of(Value)",
    )
    assert types["Value"].input.local_names == {"ValueTypeDef", "ValueOutputTypeDef"}
    assert types["Value"].rule == StructureRule((("When", "T"),), ("When",), False)


def test_a_union_field_may_hold_a_member_the_model_did_not_know() -> None:
    types = table(
        {"Value": {"type": "structure", "union": True, "members": {"A": {"shape": "S"}, "B": {"shape": "S"}}}}
    )
    assert positions(types) == ("ValueTypeDef", "ValueTypeDef", "Value | UnknownVariant", "model_of(Value)")
    assert types["Value"].field.imports == {("._runtime", "UnknownVariant")}
    assert types["Value"].rule == StructureRule((("A", "S"), ("B", "S")), (), True)


def test_each_shape_is_worked_out_once_per_table() -> None:
    types = table({"Value": {"type": "list", "member": {"shape": "S"}}})
    assert types["Value"] is types["Value"]
    assert list(types.rules()) == list(types.service.shapes)


def test_every_fixed_name_the_views_import_is_defined_where_they_import_it_from() -> None:
    """codegen.symbols checks the runtime's names against its sources when it is imported; the names the
    generated modules define (validate_shape, ResponseMetadataTypeDef...) are checked here against the
    committed package."""
    import ast
    from codegen import symbols

    package = GENERATED / "sagemaker_automl"
    fixed = [value for value in vars(symbols).values() if isinstance(value, symbols.Symbol)]
    fixed += [
        s
        for value in vars(symbols).values()
        if isinstance(value, tuple)
        for s in value
        if isinstance(s, symbols.Symbol)
    ]
    generated = {s for s in fixed if s.module.startswith(".") and s.module[1:] not in symbols.RUNTIME_MODULES}
    assert {symbols.VALIDATE_SHAPE, symbols.RESPONSE_METADATA, symbols.CLIENT_PRIVATE[0]} <= generated
    for symbol in sorted(generated):
        tree = ast.parse((package / f"{symbol.module[1:]}.py").read_text(encoding="utf-8"))
        defined = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
        defined |= {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
        defined |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
        assert symbol.name in defined, symbol


def test_a_runtime_name_the_runtime_does_not_define_fails_the_generator() -> None:
    from codegen import symbols

    with pytest.raises(LookupError, match=r"codegen/runtime/_runtime.py defines no 'NoSuchCodec'"):
        symbols.runtime("_runtime", "NoSuchCodec")
