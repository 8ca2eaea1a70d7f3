from __future__ import annotations

from typing import Any

import pytest

from codegen.errors import ModelError
from codegen.model.ir import EnumShape, Service, Structure, Union
from tests.conftest import build_ir


def service(shapes: dict[str, Any], output: str | None = None) -> Service:
    operation: dict[str, Any] = {"input": {"shape": "Req"}}
    if output:
        operation["output"] = {"shape": output}
    raw = {
        "metadata": {"serviceFullName": "T", "apiVersion": "1"},
        "operations": {"DoAutoML": operation},
        "shapes": {"S": {"type": "string"}, **shapes},
    }
    return build_ir(raw)


def test_flavours_split_only_where_python_types_differ() -> None:
    svc = service(
        {
            "Req": {"type": "structure", "members": {"Plain": {"shape": "Plain"}, "Listy": {"shape": "Listy"}}},
            "Resp": {
                "type": "structure",
                "members": {"Plain": {"shape": "Plain"}, "Listy": {"shape": "Listy"}, "Stamp": {"shape": "T"}},
            },
            "Plain": {"type": "structure", "members": {"S": {"shape": "S"}}},
            "Listy": {"type": "structure", "members": {"L": {"shape": "L"}}},
            "L": {"type": "list", "member": {"shape": "S"}},
            "T": {"type": "timestamp"},
        },
        output="Resp",
    )
    plain, listy, resp = (svc.shapes[n] for n in ("Plain", "Listy", "Resp"))
    assert isinstance(plain, Structure) and isinstance(listy, Structure) and isinstance(resp, Structure)
    assert (plain.typed_dicts.input, plain.typed_dicts.output) == ("PlainTypeDef", "PlainTypeDef")
    assert (plain.typed_dicts.emit_input, plain.typed_dicts.emit_output) == (True, False)
    assert (listy.typed_dicts.input, listy.typed_dicts.output) == ("ListyTypeDef", "ListyOutputTypeDef")
    assert (listy.typed_dicts.emit_input, listy.typed_dicts.emit_output) == (True, True)
    # Only ever returned: one TypedDict, named without "Output", in the output flavour.
    assert (resp.typed_dicts.output, resp.typed_dicts.emit_input, resp.typed_dicts.emit_output) == (
        "RespTypeDef",
        False,
        True,
    )
    assert resp.is_response


def test_flavour_analysis_terminates_on_recursion() -> None:
    svc = service(
        {
            "Req": {"type": "structure", "members": {"Node": {"shape": "Node"}}},
            "Node": {"type": "structure", "members": {"Next": {"shape": "Node"}, "S": {"shape": "S"}}},
        }
    )
    node = svc.shapes["Node"]
    assert isinstance(node, Structure) and node.typed_dicts.input == node.typed_dicts.output


def test_members_required_sensitive_and_python_names() -> None:
    svc = service(
        {
            "Req": {
                "type": "structure",
                "required": ["FooBar"],
                "members": {"FooBar": {"shape": "S"}, "Foo_Bar": {"shape": "Secret"}, "class": {"shape": "S"}},
            },
            "Secret": {"type": "string", "sensitive": True},
        }
    )
    req = svc.shapes["Req"]
    assert isinstance(req, Structure)
    assert [(m.python_name, m.required, m.sensitive) for m in req.members] == [
        ("foo_bar", True, False),
        ("foo_bar_2", False, True),
        ("class_", False, False),
    ]


def test_union_variants_and_enum_values() -> None:
    svc = service(
        {
            "Req": {"type": "structure", "members": {"U": {"shape": "U"}, "E": {"shape": "E"}}},
            "U": {"type": "structure", "union": True, "members": {"A": {"shape": "S"}, "B": {"shape": "E"}}},
            "E": {"type": "string", "enum": ["a-b", "a_b", "a-b"]},
        }
    )
    union, enum = svc.shapes["U"], svc.shapes["E"]
    assert isinstance(union, Union) and isinstance(enum, EnumShape)
    assert [v.input_name for v in union.variants] == ["UATypeDef", "UBTypeDef"]
    assert [(v.value, v.member_name) for v in enum.values] == [("a-b", "A_B"), ("a_b", "A_B_2")]
    assert enum.literal_name == "EType" and enum.class_name == "E"


@pytest.mark.parametrize(
    ("shapes", "message"),
    [
        (
            {"Req": {"type": "structure", "members": {"X": {"shape": "X"}}}, "X": {"type": "quaternion"}},
            "shape 'X': unknown shape type 'quaternion'",
        ),
        (
            {"Req": {"type": "structure", "required": ["Nope"], "members": {}}},
            "shape 'Req': lists 'Nope' as required but has no such member",
        ),
        (
            {"Req": {"type": "structure", "members": {"X": {"shape": "X"}}}, "X": {"type": "string", "max": "ten"}},
            "shape 'X': 'max' is not a number",
        ),
        (
            {"Req": {"type": "structure", "members": {"X": {"shape": "X"}}}, "X": {"type": "list"}},
            "shape 'X': list shape has no 'member'",
        ),
        (
            {"Req": {"type": "structure", "members": {"X": {"shape": "X"}}}, "X": {"type": "string", "enum": []}},
            "shape 'X': enum has no values",
        ),
        (
            {
                "Req": {"type": "structure", "members": {"X": {"shape": "X"}}},
                "X": {"type": "structure", "union": True, "members": {}},
            },
            "shape 'X': tagged union has no members",
        ),
        (
            {
                "Req": {"type": "structure", "members": {"X": {"shape": "X"}}},
                "X": {"type": "list", "member": {"shape": "X"}},
            },
            "shape 'X': a list or map contains itself with no structure in between",
        ),
        (
            {
                "Req": {"type": "structure", "members": {"X": {"shape": "L41"}}},
                "L0": {"type": "string"},
                **{f"L{i}": {"type": "list", "member": {"shape": f"L{i - 1}"}} for i in range(1, 42)},
            },
            "shape 'L41': nests lists and maps 41 deep; at most 40 are supported",
        ),
    ],
)
def test_model_errors_name_the_shape(shapes: dict[str, Any], message: str) -> None:
    with pytest.raises(ModelError) as info:
        service(shapes)
    assert str(info.value) == message


def paged_model(input_token: str) -> Any:
    from codegen.model.shapes import Model

    raw = {
        "metadata": {"serviceFullName": "T", "apiVersion": "1"},
        "operations": {"ListAutoMLThings": {"input": {"shape": "Req"}, "output": {"shape": "Resp"}}},
        "shapes": {
            "Req": {"type": "structure", "members": {"NextToken": {"shape": "S"}}},
            "Resp": {"type": "structure", "members": {"NextToken": {"shape": "S"}, "Items": {"shape": "L"}}},
            "L": {"type": "list", "member": {"shape": "S"}},
            "S": {"type": "string"},
        },
    }
    paginators = {
        "pagination": {
            "ListAutoMLThings": {"input_token": input_token, "output_token": "NextToken", "result_key": "Items"}
        }
    }
    return Model(raw, paginators)


def test_a_paginator_whose_input_token_is_no_request_member_is_left_to_botocore() -> None:
    """Such a paginator sent its token under a name the request does not have: page 2 failed."""
    assert [p.operation for p in build_ir(paged_model("NextToken")).paginators] == ["ListAutoMLThings"]
    assert build_ir(paged_model("PageToken")).paginators == ()
