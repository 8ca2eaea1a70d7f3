"""botocore's own waiters (waiters-2) become typed ``wait_*`` methods: which are read, and their names."""

from __future__ import annotations

from typing import Any

from codegen.model.shapes import Model
from tests.conftest import build_ir


def model(waiters: dict[str, Any], *operations: str) -> Model:
    ops = {name: {"input": {"shape": "Req"}, "output": {"shape": "Resp"}} for name in ("DescribeThing", *operations)}
    raw = {
        "metadata": {"serviceFullName": "Tiny", "serviceId": "Tiny", "apiVersion": "1"},
        "operations": ops,
        "shapes": {
            "Req": {"type": "structure", "members": {"Name": {"shape": "Str"}}},
            "Resp": {"type": "structure", "members": {"Status": {"shape": "Str"}}},
            "Str": {"type": "string"},
        },
    }
    return Model(raw, None, "tiny", {"version": 2, "waiters": waiters})


GOOD = {"operation": "DescribeThing", "delay": 15, "maxAttempts": 40, "acceptors": []}


def test_waiters_that_name_an_operation_with_sound_numbers_are_read() -> None:
    waiters = {
        "ThingReady": GOOD,
        "ThingGone": {**GOOD, "delay": 2.5},
        "UnknownOperation": {**GOOD, "operation": "Nope"},
        "NoDelay": {**GOOD, "delay": 0},
        "BoolAttempts": {**GOOD, "maxAttempts": True},
        "TextDelay": {**GOOD, "delay": "15"},
        "not an identifier": GOOD,
        "NotAnObject": [],
    }
    read = model(waiters).waiters()
    assert [(w.name, w.operation, w.delay, w.max_attempts) for w in read] == [
        ("ThingGone", "DescribeThing", 2.5, 40),
        ("ThingReady", "DescribeThing", 15.0, 40),
    ]


def test_a_waiter_is_named_clear_of_the_operations_and_keeps_botocores_name() -> None:
    ir = build_ir(model({"ThingReady": GOOD}, "WaitThingReady"), ".*")
    (waiter,) = ir.botocore_waiters
    assert (waiter.method, waiter.botocore_name) == ("wait_for_thing_ready", "thing_ready")


def test_only_waiters_of_selected_operations_are_generated() -> None:
    assert build_ir(model({"ThingReady": GOOD}, "Other"), "Other").botocore_waiters == ()


def test_no_waiters_file_means_no_waiters() -> None:
    raw = model({}).raw
    assert Model(raw).waiters() == []
