"""Mutated models: the generator writes code that compiles, or exits 2 with one line naming the shape.

Never a traceback, never a partially written output directory.
"""

from __future__ import annotations

import copy
import gzip
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.cli import main
from tests.conftest import EDGE_CASE_MODEL, forget_generated, import_generated

BASE: dict[str, Any] = json.loads(gzip.decompress(EDGE_CASE_MODEL.read_bytes()))
STRUCTURES = sorted(n for n, s in BASE["shapes"].items() if s["type"] == "structure" and s.get("members"))
SHAPES = sorted(BASE["shapes"])
HOSTILE_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=50) | st.sampled_from(
    [
        '"""',
        "'''",
        "\\",
        "\\N{",
        "{{ x }}",
        "{% if %}",
        "\x00",
        "\r",
        "\u2028",
        "</p>",
        "<p>" * 50,
        "x" * 5000,
        "é" * 100,
        "#",
        "\n\n",
        "'\"",
        "",
    ]
)


@st.composite
def mutated_model(draw: st.DrawFn) -> dict[str, Any]:
    model = copy.deepcopy(BASE)
    shapes = model["shapes"]
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                [
                    "dangling",
                    "unknown-type",
                    "member-name",
                    "colliding-names",
                    "docs",
                    "deep-nesting",
                    "empty-enum",
                    "duplicate-enum",
                    "shape-name",
                    "required-missing",
                    "not-an-object",
                    "recursive-list",
                ]
            )
        )
        structure = shapes.get(draw(st.sampled_from(STRUCTURES)))
        if (
            not isinstance(structure, dict)
            or not isinstance(structure.get("members"), dict)
            or not structure["members"]
        ):
            continue
        members = structure["members"]
        member = draw(st.sampled_from(sorted(members)))
        if not isinstance(members[member], dict):
            continue  # an earlier mutation broke this member already
        if kind == "dangling":
            members[member] = {"shape": "Missing" + draw(HOSTILE_TEXT)}
        elif kind == "unknown-type":
            shapes[draw(st.sampled_from(SHAPES))] = {"type": draw(HOSTILE_TEXT)}
        elif kind == "member-name":
            members[draw(HOSTILE_TEXT)] = members.pop(member)
        elif kind == "colliding-names":
            members[member.upper()] = copy.deepcopy(members[member])
            members["_".join(member)] = copy.deepcopy(members[member])
        elif kind == "docs":
            target = draw(st.sampled_from([structure, members[member], model["metadata"]]))
            target["documentation" if target is not model["metadata"] else "serviceFullName"] = draw(
                HOSTILE_TEXT
            ) * draw(st.integers(1, 20))
        elif kind == "deep-nesting":
            depth = draw(st.integers(1, 3000))
            shapes["Deep0"] = {"type": "string"}
            for level in range(1, depth + 1):
                shapes[f"Deep{level}"] = {"type": "list", "member": {"shape": f"Deep{level - 1}"}}
            members[member] = {"shape": f"Deep{depth}"}
        elif kind == "empty-enum":
            shapes["WeirdValues"] = {"type": "string", "enum": []}
        elif kind == "duplicate-enum":
            shapes["WeirdValues"] = {"type": "string", "enum": ["A", "A", "a", "A-"]}
        elif kind == "shape-name":
            new_name = draw(HOSTILE_TEXT) or "_"
            target = members[member]["shape"]
            if target in shapes and new_name not in shapes:
                shapes[new_name] = shapes.pop(target)
                for shape in shapes.values():
                    for ref in list(shape.get("members", {}).values()) + [
                        shape.get(k) for k in ("member", "key", "value")
                    ]:
                        if isinstance(ref, dict) and ref.get("shape") == target:
                            ref["shape"] = new_name
        elif kind == "required-missing":
            structure["required"] = [draw(HOSTILE_TEXT)]
        elif kind == "not-an-object":
            members[member] = draw(st.sampled_from([None, 1, "Str", [], {"shape": 3}]))
        elif kind == "recursive-list":
            shapes["SelfList"] = {"type": "list", "member": {"shape": "SelfList"}}
            members[member] = {"shape": "SelfList"}
    return model


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(mutated_model())
def test_mutated_models_compile_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory,
    model: dict[str, Any],
) -> None:
    work = tmp_path_factory.mktemp("mutated")
    source = work / "service-2.json"
    source.write_text(json.dumps(model))
    out = work / "out"
    import contextlib
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["generate", "--source", str(source), "--out", str(out)])
    if status == 0:
        for path in out.rglob("*.py"):
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        # Compiling is not enough (a missing import only fails when the module runs).
        import_generated(out, "type_defs", "models", "validation", "client")
        forget_generated()
    else:
        assert status == 2
        lines = stderr.getvalue().splitlines()
        assert len(lines) == 1, stderr.getvalue()
        assert "shape" in lines[0] or "nests shapes too deeply" in lines[0], lines[0]
        assert not out.exists(), "partial output left behind"
        assert [p.name for p in work.iterdir()] == ["service-2.json"], "staging directory left behind"


# --- a model without a member the job objects send or read: no job object (or no deploy), never a crash ---------


def _job_object_members() -> list[tuple[str, str, str]]:
    """(operation whose request or response holds it, shape, member) for each member the V2 job object and
    its deploy() send or read, found in the installed SageMaker model."""
    from codegen.model.waiters import DEPLOYMENT, JOBS

    raw = _installed_sagemaker()[0]
    operations = raw["operations"]
    shapes = raw["shapes"]
    job = next(spec for spec in JOBS if spec.class_name == "AutoMLJobV2")
    described = operations["DescribeAutoMLJobV2"]["output"]["shape"]
    candidate = shapes[described]["members"][job.best_candidate_member]["shape"]
    config = operations[DEPLOYMENT.create_endpoint_config]["input"]["shape"]
    variant = shapes[shapes[config]["members"][DEPLOYMENT.variants_member]["shape"]]["member"]["shape"]
    found = [("job", described, m) for m in (job.best_candidate_member, job.secondary_status_member)]
    found += [("job", operations[op]["input"]["shape"], "AutoMLJobName") for op in (job.create, job.stop)]
    found += [("deploy", described, DEPLOYMENT.role_member), ("deploy", candidate, DEPLOYMENT.containers_member)]
    found += [
        ("deploy", operations[op]["input"]["shape"], member)
        for op, members in DEPLOYMENT.requests().items()
        for member in sorted(members)
    ]
    found += [("deploy", variant, member) for member in sorted(DEPLOYMENT.variant_members)]
    assert all(member in shapes[shape]["members"] for _, shape, member in found)
    return found


_INSTALLED: list[tuple[dict[str, Any], Any, Any]] = []


def _installed_sagemaker() -> tuple[dict[str, Any], Any, Any]:
    """The installed SageMaker model and its paginators and waiters, read once (botocore's loader)."""
    if not _INSTALLED:
        from botocore.loaders import Loader

        loader = Loader()
        _INSTALLED.append(
            tuple(loader.load_service_model("sagemaker", kind) for kind in ("service-2", "paginators-1", "waiters-2"))
        )
    return _INSTALLED[0]


@pytest.mark.parametrize(("what", "shape", "member"), _job_object_members())
def test_a_model_without_a_member_the_job_objects_use_has_no_such_job_object(
    what: str, shape: str, member: str
) -> None:
    """Another botocore release (or a damaged model) may lack what a job object sends or reads: the job object
    (for its own members) or its deploy() (for the deployment's) is left out, and nothing else changes."""
    from codegen import defaults
    from codegen.emit.render import Provenance, render_package
    from codegen.model.build import build_service
    from codegen.model.select import select
    from codegen.model.shapes import Model

    raw, paginators, waiters = _installed_sagemaker()
    old = raw["shapes"][shape]
    lacking = {
        **old,
        "members": {name: ref for name, ref in old["members"].items() if name != member},
        "required": [name for name in old.get("required", []) if name != member],
    }
    model = Model({**raw, "shapes": {**raw["shapes"], shape: lacking}}, paginators, waiters=waiters)
    service = build_service(model, select(model, defaults.OPERATIONS), defaults.OPERATIONS)
    files = dict(render_package(service, Provenance(None, "0" * 64), defaults.PACKAGE))
    for module, v2 in (("jobs.py", "class AutoMLJobV2:"), ("aio_jobs.py", "class AsyncAutoMLJobV2:")):
        text = files.get(f"{defaults.PACKAGE}/{module}", "")  # none at all when no job object is left
        compile(text, module, "exec")
        if what == "job":
            assert v2 not in text
        else:
            body = text.split(v2, 1)[1].split("\nclass ", 1)[0]
            assert "def create(" in body and "def deploy(" not in body and "def model_request(" not in body
