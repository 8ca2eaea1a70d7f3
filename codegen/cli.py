"""Command line: parses arguments, runs a command, turns errors into one line and exit 2."""

from __future__ import annotations

import argparse
import gc
import keyword
import sys
from pathlib import Path

from codegen import defaults
from codegen.errors import CodegenError, SourceError
from codegen.generate import GenerateOptions, check, derive_oldest_botocore, generate
from codegen.model import floor
from codegen.model.load import load_model
from codegen.output.format import FORMATTERS


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="automl-codegen", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="write the typed package generated from a botocore model")
    gen.add_argument(
        "--source", default="installed", help="installed (default), a service-2.json[.gz] path, or botocore==X.Y.Z"
    )
    gen.add_argument(
        "--operations",
        metavar="REGEX",
        help=f"operations to cover: names matching REGEX (default: {defaults.OPERATIONS!r} for {defaults.SERVICE}, "
        f"{defaults.ALL_OPERATIONS!r} for any other service)",
    )
    gen.add_argument("--service", default=defaults.SERVICE, help=f"botocore service name (default: {defaults.SERVICE})")
    gen.add_argument(
        "--package",
        type=_package_name,
        help=f"name of the generated Python package (default: {defaults.PACKAGE} for the AutoML operations, "
        f"SERVICE{defaults.OTHER_PACKAGE_SUFFIX} for any other selection)",
    )
    gen.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help=f"output directory (default: {defaults.OUT}/ for {defaults.PACKAGE}, {defaults.OUT}-PACKAGE/ for others)",
    )
    gen.add_argument(
        "--formatter",
        choices=FORMATTERS,
        default=defaults.FORMATTER,
        help="ruff (default; black's formatting, fast) or black itself (slow)",
    )
    gen.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 and list the files that differ if DIR is stale"
    )
    oldest = commands.add_parser(
        "oldest-botocore",
        help="the oldest botocore the selected operations work with, and the oldest that knows every request member (downloads wheels)",
    )
    oldest.add_argument("--source", default="installed", help="installed (default) or botocore==X.Y.Z")
    oldest.add_argument("--operations", metavar="REGEX", help="as for generate")
    oldest.add_argument("--service", default=defaults.SERVICE)
    oldest.add_argument(
        "--record", action="store_true", help="store it where generate reads it (codegen/data/oldest-botocore.json)"
    )
    diff = commands.add_parser("diff", help="what changed between two versions of the model")
    diff.add_argument("old", metavar="OLD", help="installed, a service-2.json[.gz] path, or botocore==X.Y.Z")
    diff.add_argument("new", metavar="NEW", help="the same forms as OLD")
    diff.add_argument(
        "--operations",
        metavar="REGEX",
        help=f"operations to compare (default: {defaults.OPERATIONS!r} for {defaults.SERVICE}, all for others)",
    )
    diff.add_argument("--service", default=defaults.SERVICE, help=argparse.SUPPRESS)
    diff.add_argument(
        "--extended",
        action="store_true",
        help="also report removals, required-ness, type and constraint changes, classified",
    )
    diff.add_argument("--docs", action="store_true", help="with --extended: documentation-only changes too")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    diff.add_argument(
        "--fail-on-breaking",
        nargs="?",
        const="any",
        choices=("wire", "python", "any"),
        metavar="wire|python|any",
        help="exit 1 when a change breaks requests or responses on the wire, code written against the generated "
        "package, or either (the default when no value is given); see docs/diff-rules.md",
    )
    return root


def run_diff(args: argparse.Namespace) -> int:
    # imported here: generating, the common command, does without the diff's modules
    from codegen.diff.changelog import render_json, render_markdown, render_text
    from codegen.diff.compare import diff_models

    old, new = load_model(args.old, args.service), load_model(args.new, args.service)
    operations = args.operations if args.operations is not None else defaults.operations_for(args.service)
    result = diff_models(old.model, new.model, operations, docs=args.docs)
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}[args.format]
    sys.stdout.write(render(result, args.extended))
    return 1 if args.fail_on_breaking and result.breaking(args.fail_on_breaking) else 0


def run_oldest_botocore(args: argparse.Namespace) -> int:
    options = GenerateOptions(args.source, args.operations, args.service)
    found = derive_oldest_botocore(options)
    supported, complete = found.floors
    print(
        f"botocore {supported} is the oldest the {found.operations} {args.service} operations matching "
        f"{options.selection!r} work with (every member a request must carry, every member a response is "
        f"promised, their waiters); botocore {complete} the oldest that knows every member their requests can carry "
        f"(generated from {found.generated_from}; {found.probes} releases read)"
    )
    if args.record:
        try:
            floor.record(found.key, found.floors)
        except OSError as error:
            raise SourceError(f"{floor.RECORD}: cannot record the floor ({error.strerror or error})") from None
        print(f"recorded in {floor.RECORD}")
    return 0


# What the generated package imports: a package of one of these names would shadow it and not import.
_TAKEN_PACKAGE_NAMES = frozenset({"typing_extensions", "botocore", "aiobotocore"})


def _package_name(text: str) -> str:
    # ASCII only: the name also goes into pyproject.toml and onto the package index.
    if not text.isascii() or not text.isidentifier() or keyword.iskeyword(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid Python package name")
    if text in sys.stdlib_module_names or text in _TAKEN_PACKAGE_NAMES:
        raise argparse.ArgumentTypeError(
            f"{text!r} is the name of a module the generated package imports, or of the standard library's"
        )
    return text


def main(argv: list[str] | None = None) -> int:
    # A run builds about a million objects that live until it ends and form almost no reference
    # cycles: the cyclic collector's passes over them cost the whole SageMaker model 0.11 s of 1.3 s
    # (measured side by side; the bar is 10x mypy-boto3-builder). Reference counting still frees
    # everything else as it goes.
    collecting = gc.isenabled()
    gc.disable()
    for stream in (sys.stdout, sys.stderr):  # a path or model text the terminal's encoding cannot show
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        return _run(argv)
    except KeyboardInterrupt:  # the output is swapped in whole or not at all: nothing half-written
        print("automl-codegen: interrupted; nothing was changed", file=sys.stderr)
        return 130
    finally:
        if collecting:
            gc.enable()


def _run(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "diff":
            return run_diff(args)
        if args.command == "oldest-botocore":
            return run_oldest_botocore(args)
        options = GenerateOptions(args.source, args.operations, args.service, args.out, args.package, args.formatter)
        if args.check:
            stale = check(options)
            for line in stale:
                print(line)
            if stale:
                print(
                    f"{options.out_dir}: {len(stale)} file(s) out of date; run automl-codegen generate", file=sys.stderr
                )
            return 1 if stale else 0
        written = generate(options)
        print(f"{options.out_dir}: wrote {len(written)} files")
        return 0
    except CodegenError as err:
        print(f"automl-codegen: error: {err.one_line()}", file=sys.stderr)
        return err.exit_status
    except RecursionError:  # a walk the model layer did not bound (each names its shape where it can)
        sources = [
            s for s in (getattr(args, "source", None), getattr(args, "old", None), getattr(args, "new", None)) if s
        ]
        print(
            f"automl-codegen: error: {' / '.join(sources)}: the model nests shapes too deeply to process",
            file=sys.stderr,
        )
        return 2
