from __future__ import annotations

import pytest

from codegen.errors import CodegenError, ModelError
from codegen.model.select import select
from codegen.model.shapes import Model


def model() -> dict:  # type: ignore[type-arg]
    return {
        "operations": {
            "CreateAutoMLThing": {"input": {"shape": "Req"}, "errors": [{"shape": "Err"}]},
            "Other": {"input": {"shape": "Unreached"}},
        },
        "shapes": {
            "Err": {"type": "structure", "members": {}},
            "Key": {"type": "string"},
            "List": {"type": "list", "member": {"shape": "Item"}},
            "Item": {"type": "structure", "members": {}},
            "Map": {"type": "map", "key": {"shape": "Key"}, "value": {"shape": "Value"}},
            "Req": {"type": "structure", "members": {"L": {"shape": "List"}, "M": {"shape": "Map"}}},
            "Unreached": {"type": "string"},
            "Value": {"type": "integer"},
        },
    }


def test_closure_follows_members_lists_maps_and_errors_in_model_order() -> None:
    selection = select(Model(model()), "AutoML")
    assert selection.operations == ("CreateAutoMLThing",)
    assert selection.shapes == ("Err", "Key", "List", "Item", "Map", "Req", "Value")


def test_dangling_reference_names_shape_and_member() -> None:
    broken = model()
    broken["shapes"]["List"]["member"] = {"shape": "Gone"}
    with pytest.raises(ModelError, match="shape 'List' member 'member': refers to missing shape 'Gone'"):
        select(Model(broken), "AutoML")


def test_no_matching_operation() -> None:
    with pytest.raises(CodegenError, match="matches no operation"):
        select(Model(model()), "Nothing")


def test_only_errors_nothing_else_refers_to_are_error_only() -> None:
    """They become exceptions alone; an error shape also used as a member, an output or inside another
    error keeps its dataclass (bedrock-runtime's stream errors are union members)."""
    raw = model()
    raw["operations"]["CreateAutoMLThing"]["errors"] += [
        {"shape": "MemberErr"},
        {"shape": "OutputErr"},
        {"shape": "Outer"},
    ]
    raw["operations"]["CreateAutoMLThing"]["output"] = {"shape": "OutputErr"}
    raw["shapes"]["Req"]["members"]["E"] = {"shape": "MemberErr"}
    raw["shapes"]["Outer"] = {"type": "structure", "members": {"Inner": {"shape": "InnerErr"}}}
    raw["operations"]["CreateAutoMLThing"]["errors"].append({"shape": "InnerErr"})
    for name in ("MemberErr", "OutputErr", "InnerErr"):
        raw["shapes"][name] = {"type": "structure", "members": {}}
    assert select(Model(raw), "AutoML").error_only == {"Err", "Outer"}
