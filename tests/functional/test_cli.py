"""The command line: exit statuses, one-line errors, --check, atomic and deterministic writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.output import write
from codegen.cli import main
from tests.conftest import EDGE_CASE_MODEL, ROOT


def tiny_model(**shapes: dict) -> dict:  # type: ignore[type-arg]
    base = {
        "metadata": {"serviceFullName": "Tiny", "apiVersion": "2020-01-01", "serviceId": "Tiny"},
        "operations": {"DescribeAutoMLThing": {"name": "DescribeAutoMLThing", "input": {"shape": "Req"}}},
        "shapes": {"Req": {"type": "structure", "members": {"Name": {"shape": "Str"}}}, "Str": {"type": "string"}},
    }
    base["shapes"].update(shapes)
    return base


def write_model(tmp_path: Path, model: dict, name: str = "service-2.json") -> Path:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_text(json.dumps(model))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(err: str, *expected: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for text in expected:
        assert text in lines[0]


def test_missing_model_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "generate", "--source", str(tmp_path / "nope.json"), "--out", str(tmp_path / "o"))
    assert status == 2
    assert_one_line_error(err, "nope.json", "cannot read model file")
    assert not (tmp_path / "o").exists()


def test_malformed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "service-2.json"
    path.write_text('{"shapes": {')
    status, _, err = run(capsys, "generate", "--source", str(path), "--out", str(tmp_path / "o"))
    assert status == 2
    assert_one_line_error(err, "service-2.json", "malformed JSON")


def test_corrupt_gzip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "service-2.json.gz"
    path.write_bytes(b"\x1f\x8b not really gzip")
    status, _, err = run(capsys, "generate", "--source", str(path), "--out", str(tmp_path / "o"))
    assert status == 2
    assert_one_line_error(err, "service-2.json.gz", "gzip")


def test_json_that_is_not_a_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(tmp_path, [1, 2, 3])  # type: ignore[arg-type]
    status, _, err = run(capsys, "generate", "--source", str(path), "--out", str(tmp_path / "o"))
    assert status == 2
    assert_one_line_error(err, "not a botocore service model")


def test_broken_shape_reference_names_the_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = tiny_model(Req={"type": "structure", "members": {"Name": {"shape": "Missing"}}})
    status, _, err = run(capsys, "generate", "--source", str(write_model(tmp_path, model)), "--out", str(tmp_path))
    assert status == 2
    assert_one_line_error(err, "'Req'", "'Name'", "missing shape 'Missing'")


def test_unknown_shape_type_names_the_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = tiny_model(Str={"type": "quaternion"})
    status, _, err = run(capsys, "generate", "--source", str(write_model(tmp_path, model)), "--out", str(tmp_path))
    assert status == 2
    assert_one_line_error(err, "'Str'", "unknown shape type 'quaternion'")


def test_hostile_text_in_an_error_stays_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = tiny_model(Req={"type": "structure", "members": {"Name": {"shape": "Bad\nName\r\x00"}}})
    status, _, err = run(capsys, "generate", "--source", str(write_model(tmp_path, model)), "--out", str(tmp_path))
    assert status == 2
    assert_one_line_error(err, "'Req'")


def test_invalid_operations_regex(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(
        capsys, "generate", "--source", str(EDGE_CASE_MODEL), "--operations", "(", "--out", str(tmp_path)
    )
    assert status == 2
    assert_one_line_error(err, "invalid regular expression")


def test_check_reports_stale_files_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    source = str(EDGE_CASE_MODEL)
    assert run(capsys, "generate", "--source", source, "--out", str(out))[0] == 0
    assert run(capsys, "generate", "--source", source, "--out", str(out), "--check")[0] == 0

    (out / "sagemaker_automl" / "enums.py").write_text("# edited by hand\n")
    (out / "sagemaker_automl" / "stray.py").write_text("")
    (out / "sagemaker_automl" / "literals.py").unlink()
    status, stdout, _ = run(capsys, "generate", "--source", source, "--out", str(out), "--check")
    assert status == 1
    assert stdout.splitlines() == [
        "sagemaker_automl/enums.py (differs)",
        "sagemaker_automl/literals.py (missing)",
        "sagemaker_automl/stray.py (not generated)",
    ]
    assert (out / "sagemaker_automl" / "enums.py").read_text() == "# edited by hand\n"


def test_output_is_byte_identical_across_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    contents = []
    for name in ("a", "b"):
        assert run(capsys, "generate", "--source", str(EDGE_CASE_MODEL), "--out", str(tmp_path / name))[0] == 0
        contents.append(
            {
                p.relative_to(tmp_path / name): p.read_bytes()
                for p in sorted((tmp_path / name).rglob("*"))
                if p.is_file()
            }
        )
    assert contents[0] == contents[1]


def test_failed_generation_leaves_previous_output_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(capsys, "generate", "--source", str(EDGE_CASE_MODEL), "--out", str(out))[0] == 0
    (out / "CHANGELOG.md").write_text("# history\n")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    broken = tiny_model(Req={"type": "structure", "members": {"Name": {"shape": "Missing"}}})
    status, _, _ = run(capsys, "generate", "--source", str(write_model(tmp_path, broken)), "--out", str(out))
    assert status == 2
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_interrupted_write_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write.write_atomically(out, {"a.py": "old\n", "pkg/b.py": "old\n"})
    with pytest.raises(Exception, match="injected failure"):
        write.write_atomically(out, {"a.py": "new\n", "pkg/b.py": "new\n", "pkg/c.py": "new\n"}, fail_after=2)
    assert (out / "a.py").read_text() == "old\n"
    assert (out / "pkg" / "b.py").read_text() == "old\n"
    assert not (out / "pkg" / "c.py").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"], "staging directory left behind"


def test_regeneration_keeps_the_changelog(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write.write_atomically(out, {"a.py": "old\n"})
    (out / "CHANGELOG.md").write_text("# history\n")
    write.write_atomically(out, {"a.py": "new\n"})
    assert (out / "CHANGELOG.md").read_text() == "# history\n"


def test_module_and_console_script_entry_points(tmp_path: Path) -> None:
    for command in ([sys.executable, "-m", "codegen"], [str(Path(sys.executable).with_name("automl-codegen"))]):
        result = subprocess.run(
            [*command, "generate", "--source", str(tmp_path / "missing.json")], capture_output=True, text=True, cwd=ROOT
        )
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "missing.json" in result.stderr


def test_model_whose_members_are_all_required_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ResponseMetadataTypeDef uses NotRequired even when no shape of the model does."""
    model = tiny_model(Req={"type": "structure", "required": ["Name"], "members": {"Name": {"shape": "Str"}}})
    out = tmp_path / "out"
    assert run(capsys, "generate", "--source", str(write_model(tmp_path, model)), "--out", str(out))[0] == 0
    result = subprocess.run(
        [sys.executable, "-c", "import sagemaker_automl.type_defs, sagemaker_automl.models"],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["ünï", "class", "1abc", "a-b"])
def test_package_must_be_an_ascii_identifier(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["generate", "--package", name, "--out", str(tmp_path / "out")])
    assert info.value.code == 2
    assert "not a valid Python package name" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("service", "package"), [("sqs", "sqs_typed"), ("sts", "sts_typed"), ("lexv2-runtime", "lexv2_runtime_typed")]
)
def test_service_alone_generates_its_whole_package_under_its_own_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], service: str, package: str
) -> None:
    """--service NAME needs nothing else: every operation of the service, a package and a distribution named
    after it, written beside generated/ (which holds the SageMaker AutoML package only), never into it."""
    import botocore.session

    monkeypatch.chdir(tmp_path)
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "keep.txt").write_text("the SageMaker package's place\n")
    assert main(["generate", "--service", service]) == 0
    out = tmp_path / f"generated-{package}"
    assert capsys.readouterr().out.startswith(f"generated-{package}: wrote ")
    assert [p.name for p in (tmp_path / "generated").iterdir()] == ["keep.txt"]
    source: dict[str, object] = {}
    exec((out / package / "_source.py").read_text(), source)
    model = botocore.session.get_session().get_service_model(service)
    sendable = [name for name in model.operation_names if not model.operation_model(name).has_event_stream_input]
    assert source["OPERATIONS"] == tuple(sorted(sendable))  # as botocore's client: no input event streams
    assert f'name = "{package.replace("_", "-")}"' in (out / "pyproject.toml").read_text()
    assert main(["generate", "--service", service, "--check"]) == 0


def test_the_default_selection_keeps_the_sagemaker_automl_package(tmp_path: Path) -> None:
    from codegen import defaults
    from codegen.generate import GenerateOptions

    assert GenerateOptions() == GenerateOptions(
        operations=defaults.OPERATIONS, package=defaults.PACKAGE, out=Path(defaults.OUT)
    )
    narrowed = GenerateOptions(operations="Endpoint")
    assert narrowed.package_name == "sagemaker_typed" and narrowed.out_dir == Path("generated-sagemaker_typed")


# --- crashes that are now one line (issue 28's low-severity list) ------------------------------------


@pytest.mark.parametrize("name", ["json", "re", "typing", "typing_extensions", "botocore", "aiobotocore"])
def test_a_package_named_like_a_module_it_imports_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    """A package named json shadowed the standard library's json and could not import."""
    with pytest.raises(SystemExit) as info:
        main(["generate", "--package", name, "--out", str(tmp_path / "out")])
    assert info.value.code == 2
    assert "the name of a module the generated package imports" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("bound", [10**20, 10**400, -(10**400)])
@pytest.mark.parametrize("command", ["generate", "diff"])
def test_a_bound_beyond_64_bits_names_its_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bound: int, command: str
) -> None:
    """An integer bound of 10**400 raised OverflowError (a traceback) in generate and diff."""
    source = write_model(tmp_path, tiny_model(Str={"type": "string", "max": bound}))
    args = [command, str(source), str(source)] if command == "diff" else [command, "--source", str(source)]
    status, _, err = run(
        capsys, *args, "--operations", ".*", *(["--out", str(tmp_path / "out")] if command == "generate" else [])
    )
    assert status == 2
    assert_one_line_error(err, "Str", "out of range")


def test_an_out_that_is_a_loop_of_links_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    status, _, err = run(capsys, "generate", "--source", str(write_model(tmp_path, tiny_model())), "--out", str(loop))
    assert status == 2
    assert_one_line_error(err, "loop of symbolic links")


def test_a_path_the_terminal_cannot_encode_is_escaped_not_a_crash(tmp_path: Path) -> None:
    source = write_model(tmp_path, tiny_model())
    env = {k: v for k, v in __import__("os").environ.items()} | {"PYTHONIOENCODING": "ascii"}
    out = tmp_path / "outé"
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--source", str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "out\\xe9: wrote" in result.stdout and (out / "pyproject.toml").is_file()


def test_ctrl_c_is_one_line_and_exit_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import codegen.cli

    def interrupted(*args: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(codegen.cli, "generate", interrupted)
    status, _, err = run(
        capsys, "generate", "--source", str(write_model(tmp_path, tiny_model())), "--out", str(tmp_path / "o")
    )
    assert status == 130
    assert_one_line_error(err, "interrupted")


@pytest.mark.parametrize(
    "name", ["Tiny \ud800 Service", 'Quote " and \\ backslash', "Tab\tand\x7fDEL", "Astral \U0001f600 and é"]
)
def test_any_service_name_writes_valid_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """A service name with a lone surrogate wrote invalid TOML (an escape of a non-scalar value)."""
    import tomllib

    model = tiny_model()
    model["metadata"]["serviceFullName"] = name
    source = tmp_path / "service-2.json"
    source.write_text(json.dumps(model, ensure_ascii=True))  # keeps the lone surrogate as an escape
    status, _, err = run(capsys, "generate", "--source", str(source), "--out", str(tmp_path / "out"))
    assert status == 0, err
    description = tomllib.loads((tmp_path / "out" / "pyproject.toml").read_text())["project"]["description"]
    assert name.replace("\ud800", "\ufffd") in description


FILE_SIZE_LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from codegen.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("limit", [1_000, 20_000, 200_000, 100_000_000])
def test_a_file_size_limit_is_one_line_and_leaves_the_output_as_it_was(tmp_path: Path, limit: int) -> None:
    """A full disk or a file-size limit while writing the files to format raised OSError (a traceback)."""
    out = tmp_path / "out"
    assert main(["generate", "--source", str(EDGE_CASE_MODEL), "--operations", ".*", "--out", str(out)]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    args = ["generate", "--source", str(EDGE_CASE_MODEL), "--operations", "Do", "--out", str(out)]
    result = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMITED, str(limit), *args], capture_output=True, text=True, cwd=ROOT
    )
    if result.returncode == 0:
        assert limit >= 200_000
    else:
        assert result.returncode == 2, result.stderr
        assert_one_line_error(result.stderr, "File too large")
        assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
