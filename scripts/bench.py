"""Benchmarks, each side by side with what a user would otherwise pick.

Every measure runs ours and the alternative alternately, N times, and reports
medians and their ratio. Run through ``scripts/bench`` (which prepares the
environments); ``--quick`` runs each measure once (a smoke test, not a figure);
``--write`` writes the table into docs/benchmarks.md between the bench markers, and its headline rows
into README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
PYTHON = sys.executable
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
HEADLINE_BEGIN, HEADLINE_END = "<!-- bench-headline:begin -->", "<!-- bench-headline:end -->"
AIO_PYTHON = ROOT / ".venv-aio" / "bin" / "python"  # aiobotocore's environment (scripts/_venv_aio.sh)
PACKAGE = "sagemaker_automl"  # the package name every measure imports, whatever the selection generated


@dataclass
class Row:
    measure: str
    ours: str
    ours_s: float | None
    against: str
    against_s: float | None
    versus_alternative: bool = True  # False when both columns are ours (cold vs warm, off vs on)

    def cells(self) -> list[str]:
        comparable = self.versus_alternative and self.ours_s and self.against_s and self.ours_s > 0 < self.against_s
        ratio = f"{self.against_s / self.ours_s:.1f}x" if comparable else "—"  # type: ignore[operator]
        # the ratio reads "how many times faster ours is"; "—" where both columns are ours
        against = f"{self.against}: {_fmt(self.against_s)}" if self.against_s is not None else self.against
        ours = f"{self.ours}: {_fmt(self.ours_s)}" if self.ours_s is not None else self.ours
        return [self.measure, ours, against, ratio]


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    if seconds < 0:
        return "≈ 0 (below noise)"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def alternate(runs: int, ours: Callable[[], float], against: Callable[[], float] | None) -> tuple[float, float | None]:
    """Medians of ``runs`` alternating runs; each callable returns the seconds it measured."""
    our_times, their_times = [], []
    for _ in range(runs):
        our_times.append(ours())
        if against is not None:
            their_times.append(against())
    return statistics.median(our_times), statistics.median(their_times) if their_times else None


def interleaved(runs: int, measures: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Every measure once per round, ``runs`` rounds: each name's times, round by round. Costs "added
    over" a baseline are medians of the differences within a round, so that the machine's drift
    between rounds (30-80 % under sustained load, seen here) cancels instead of landing in one column."""
    times: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            times[name].append(measure())
    return times


# A process's run time moves by more than this between identical runs: a cost below it is not told
# apart from nothing (the table says "below noise" and gives no ratio).
NOISE_FLOOR = 0.005


def added(times: dict[str, list[float]], name: str, baseline: str) -> float:
    """Median over rounds of ``name``'s time minus ``baseline``'s in the same round (negative: below noise)."""
    cost = statistics.median(a - b for a, b in zip(times[name], times[baseline]))
    return cost if cost >= NOISE_FLOOR else -1.0


def timed_command(*args: str, env: dict[str, str] | None = None) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env={**os.environ, **(env or {})}, cwd=ROOT)
        return time.perf_counter() - start

    return run


def import_time(module: str, path: Path | None = None) -> Callable[[], float]:
    """Self-reported cumulative import time of ``module`` (python -X importtime), interpreter start excluded."""

    def run() -> float:
        env = {**os.environ, "PYTHONPATH": str(path)} if path else None
        result = subprocess.run(
            [PYTHON, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True, check=True, env=env
        )
        for line in result.stderr.splitlines():
            fields = [f.strip() for f in line.split("|")]
            if len(fields) == 3 and fields[2] == module:
                return int(fields[1]) / 1e6
        raise RuntimeError(f"no import time for {module}")

    return run


def _cold(command: list[str]) -> Callable[[], float]:
    """The command with an empty cache directory every run (nothing compiled or downloaded before)."""

    def run() -> float:
        cache = tempfile.mkdtemp(prefix="bench-cache-")
        try:
            return timed_command(*command, env={"AUTOML_CODEGEN_CACHE": cache})()
        finally:
            subprocess.run(["rm", "-rf", cache], check=True)

    return run


def bench_generation(runs: int) -> list[Row]:
    out = tempfile.mkdtemp(prefix="bench-gen-")
    command = [PYTHON, "-m", "codegen", "generate", "--out", out]
    ruff, black = alternate(runs, _cold(command), _cold(command + ["--formatter", "black"]))
    # The package's selection reaches models and endpoints too: beside the AutoML operations alone.
    automl_only = [PYTHON, "-m", "codegen", "generate", "--operations", "AutoML", "--out", tempfile.mkdtemp()]
    selection, automl = alternate(runs, _cold(command), _cold(automl_only))
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)  # the default's output: black's differs
    check, _ = alternate(runs, timed_command(PYTHON, "-m", "codegen", "generate", "--check", "--out", out), None)
    return [
        Row(
            "generate the package (AutoML and deploy, 16 operations), cold cache, end to end (process start included)",
            "ruff (default)",
            ruff,
            "--formatter black",
            black,
            versus_alternative=False,
        ),
        Row(
            "  its 16 operations, beside the 7 AutoML ones alone",
            "default selection",
            selection,
            "--operations AutoML",
            automl,
            versus_alternative=False,
        ),
        Row("  nothing changed (`generate --check`)", "--check", check, "—", None, versus_alternative=False),
    ]


def bench_import(runs: int) -> list[Row]:
    ours, theirs = alternate(
        runs, import_time("sagemaker_automl", GENERATED), import_time("mypy_boto3_sagemaker.type_defs")
    )
    return [Row("import time", "import sagemaker_automl", ours, "mypy_boto3_sagemaker.type_defs", theirs)]


BENCH_VENV = ROOT / ".bench-venv"  # comparison packages, never in the project's own environment
BENCH_PYTHON = BENCH_VENV / "bin" / "python"


def in_bench_venv() -> bool:
    return BENCH_PYTHON.exists()


def inner(measure: str, runs: int, python: Path | str = PYTHON) -> dict[str, float | None]:
    """Run an in-process measure in ``python`` (ours and the alternative alternate inside it)."""
    env = {**os.environ, "PYTHONPATH": f"{GENERATED}{os.pathsep}{ROOT}"}
    result = subprocess.run(
        [str(python), __file__, "--inner", measure, "--runs", str(runs)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise RuntimeError(f"inner measure {measure} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def per_call(function: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        function()
    return (time.perf_counter() - start) / number


def inner_decode(runs: int) -> dict[str, float | None]:
    import copy

    from sagemaker_automl.models import DescribeAutoMLJobV2Response

    from tests.fixtures.responses import DESCRIBE_AUTO_ML_JOB_V2 as wire

    decoded = DescribeAutoMLJobV2Response.from_response_dict(wire)
    alternatives: dict[str, Callable[[], object]] = {
        "ours_decode": lambda: DescribeAutoMLJobV2Response.from_response_dict(wire),
        "ours_encode": decoded.to_request_dict,
        "deepcopy": lambda: copy.deepcopy(wire),
    }
    try:
        from sagemaker.core.resources import AutoMLJobV2
        from sagemaker.core.utils.code_injection.codec import transform
        from sagemaker.core.utils.utils import serialize

        theirs = AutoMLJobV2(**transform(wire, "DescribeAutoMLJobV2Response"))
        alternatives["core_decode"] = lambda: AutoMLJobV2(**transform(wire, "DescribeAutoMLJobV2Response"))
        alternatives["core_encode"] = lambda: serialize(theirs)
    except ImportError:
        pass
    samples: dict[str, list[float]] = {name: [] for name in alternatives}
    for _ in range(runs):
        for name, function in alternatives.items():
            samples[name].append(per_call(function, 200))
    result: dict[str, float | None] = {name: statistics.median(values) for name, values in samples.items()}
    for name in ("core_decode", "core_encode"):
        result.setdefault(name, None)
    return result


# What the stubbed describe_auto_ml_job_v2 returns in the client measures, sync and async.
DESCRIBE_RESPONSE = {
    "AutoMLJobName": "job",
    "AutoMLJobArn": "arn:aws:sagemaker:::automl-job/job",
    "AutoMLJobInputDataConfig": [{"ChannelType": "training"}],
    "OutputDataConfig": {"S3OutputPath": "s3://b/o"},
    "RoleArn": "arn:aws:iam::123456789012:role/r",
    "CreationTime": datetime(2026, 1, 1),
    "LastModifiedTime": datetime(2026, 1, 1),
    "AutoMLJobStatus": "InProgress",
    "AutoMLJobSecondaryStatus": "Starting",
}


def inner_client(runs: int) -> dict[str, float | None]:
    import botocore.session
    from botocore.stub import Stubber
    from sagemaker_automl.client import AutoMLClient

    raw = botocore.session.get_session().create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y"
    )
    response = DESCRIBE_RESPONSE

    class Instant:
        """A botocore client stand-in that answers at once: isolates the wrapper's own cost."""

        def describe_auto_ml_job_v2(self, **kwargs: object) -> dict[str, object]:
            return response

    instant = Instant()
    wrapper: dict[str, list[float]] = {"instant_raw": [], "instant_off": [], "instant_on": []}
    for _ in range(runs):
        wrapper["instant_raw"].append(per_call(lambda: instant.describe_auto_ml_job_v2(AutoMLJobName="job"), 20000))
        for name, validate in (("instant_off", False), ("instant_on", True)):
            typed = AutoMLClient(instant, validate=validate)
            wrapper[name].append(per_call(lambda: typed.describe_auto_ml_job_v2(AutoMLJobName="job"), 20000))
    calls = {
        "raw": lambda: raw.describe_auto_ml_job_v2(AutoMLJobName="job"),
        "typed_off": AutoMLClient(raw, validate=False).describe_auto_ml_job_v2,
        "typed_on": AutoMLClient(raw, validate=True).describe_auto_ml_job_v2,
    }
    number = 300
    samples: dict[str, list[float]] = {name: [] for name in calls}
    with Stubber(raw) as stubber:
        for _ in range(runs):
            for name, call in calls.items():
                for _ in range(number):
                    stubber.add_response("describe_auto_ml_job_v2", response, {"AutoMLJobName": "job"})
                if name == "raw":
                    samples[name].append(per_call(call, number))
                else:
                    samples[name].append(per_call(lambda c=call: c(AutoMLJobName="job"), number))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    return {**medians, **{name: statistics.median(values) for name, values in wrapper.items()}}


def inner_async_client(runs: int) -> dict[str, float | None]:
    """In .venv-aio: the async client over aiobotocore, beside raw aiobotocore on the same stubbed call."""
    import asyncio

    from aiobotocore.session import get_session
    from aiobotocore.stub import AioStubber
    from sagemaker_automl.aio import AsyncAutoMLClient

    response = DESCRIBE_RESPONSE

    async def per_call_async(function: Callable[[], Any], number: int) -> float:
        start = time.perf_counter()
        for _ in range(number):
            await function()
        return (time.perf_counter() - start) / number

    class Instant:
        """An aiobotocore client stand-in that answers at once: isolates the wrapper's own cost."""

        async def describe_auto_ml_job_v2(self, **kwargs: object) -> dict[str, object]:
            return response

    async def measure() -> dict[str, float | None]:
        samples: dict[str, list[float]] = {
            name: [] for name in ("raw", "typed_off", "typed_on", "instant_raw", "instant_off", "instant_on")
        }
        instant = Instant()
        session = get_session()
        session.set_credentials("x", "y")
        async with session.create_client("sagemaker", region_name="us-east-1") as raw:
            calls = {
                "raw": raw,
                "typed_off": AsyncAutoMLClient(raw, validate=False),
                "typed_on": AsyncAutoMLClient(raw, validate=True),
                "instant_raw": instant,
                "instant_off": AsyncAutoMLClient(instant, validate=False),
                "instant_on": AsyncAutoMLClient(instant, validate=True),
            }
            with AioStubber(raw) as stubber:
                for _ in range(runs):
                    for name, client in calls.items():
                        number = 20000 if name.startswith("instant") else 300
                        if not name.startswith("instant"):
                            for _ in range(number):
                                stubber.add_response("describe_auto_ml_job_v2", response, {"AutoMLJobName": "job"})
                        call = client.describe_auto_ml_job_v2
                        samples[name].append(await per_call_async(lambda c=call: c(AutoMLJobName="job"), number))
        return {name: statistics.median(values) for name, values in samples.items()}

    return asyncio.run(measure())


def inner_diff(runs: int) -> dict[str, float | None]:
    from codegen.diff.compare import diff_models
    from codegen.model.load import load_model

    old_source = str(ROOT / "tests" / "fixtures" / "sagemaker-1.17.43-service-2.json.gz")
    loads, diffs = [], []
    for _ in range(runs):
        start = time.perf_counter()
        old, new = load_model(old_source), load_model("installed")
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        diff_models(old.model, new.model, ".*")
        diffs.append(time.perf_counter() - start)
    return {
        "load": statistics.median(loads),
        "diff": statistics.median(diffs),
        "shapes": float(len(new.model.shape_names)),
    }


INNER: dict[str, Callable[[int], dict[str, float | None]]] = {
    "decode": inner_decode,
    "client": inner_client,
    "async-client": inner_async_client,
    "diff": inner_diff,
}


def bench_decode(runs: int) -> list[Row]:
    result = inner("decode", runs, BENCH_PYTHON if in_bench_venv() else PYTHON)
    floor = result["deepcopy"]
    return [
        Row(
            "decode DescribeAutoMLJobV2 response (192 keys)",
            "from_response_dict",
            result["ours_decode"],
            "sagemaker-core transform + AutoMLJobV2(**)",
            result["core_decode"],
        ),
        Row(
            "encode the same",
            "to_request_dict",
            result["ours_encode"],
            "sagemaker-core serialize",
            result["core_encode"],
        ),
        Row("floor: copy.deepcopy of the response dict", "copy.deepcopy", floor, "—", None),
    ]


def _client_rows(result: dict[str, float | None], client: str, raw: str, stubber: str) -> list[Row]:
    """Ours beside the raw client on the same stubbed call, and our own overhead over an instant stand-in."""
    instant = result["instant_raw"] or 0.0
    return [
        Row(
            f"{client} call, {stubber}-backed (describe_auto_ml_job_v2)",
            f"{client}, validation off",
            result["typed_off"],
            f"raw {raw} client",
            result["raw"],
        ),
        Row(f"  {client}, {stubber}-backed", "validation on", result["typed_on"], f"raw {raw} client", result["raw"]),
        Row(
            f"{client} overhead per call (instant stand-in for {raw})",
            "validation off",
            (result["instant_off"] or 0.0) - instant,
            "validation on",
            (result["instant_on"] or 0.0) - instant,
            versus_alternative=False,
        ),
    ]


def bench_client(runs: int) -> list[Row]:
    return _client_rows(inner("client", runs), "typed client", "botocore", "Stubber")


def bench_async_client(runs: int) -> list[Row]:
    if not AIO_PYTHON.exists():
        raise SystemExit("the async client's benchmark runs in .venv-aio: run it through scripts/bench")
    return _client_rows(inner("async-client", runs, AIO_PYTHON), "async client", "aiobotocore", "AioStubber")


def bench_diff(runs: int) -> list[Row]:
    result = inner("diff", runs)
    return [
        Row(
            f"diff 1.17.43 vs pinned SageMaker, whole service ({result['shapes']:.0f} shapes)",
            "diff only",
            result["diff"],
            "loading both models",
            result["load"],
            versus_alternative=False,
        )
    ]


BUILDER_VENV = ROOT / ".bench-builder-venv"  # scripts/bench installs the builder there (its version: see there)


def _python_version(python: Path) -> str:
    found = subprocess.run(
        [str(python), "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


def bench_whole_service(runs: int, with_builder: bool = False) -> list[Row]:
    out = tempfile.mkdtemp(prefix="bench-whole-")
    builder = BUILDER_VENV / "bin" / "python"
    source = "installed"
    if with_builder:
        # Both generate from the same model: the one in the builder's own botocore.
        found = subprocess.run(
            [
                str(builder),
                "-c",
                "import botocore, pathlib; print(pathlib.Path(botocore.__file__)" ".parent / 'data' / 'sagemaker')",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        source = str(sorted(Path(found.stdout.strip()).glob("*/service-2.json*"))[-1])
        installed = subprocess.run(
            [str(builder), "-c", "from importlib.metadata import version; print(version('mypy-boto3-builder'))"],
            capture_output=True,
            text=True,
            check=True,
        )
        builder_name = f"mypy-boto3-builder {installed.stdout.strip()} (Python {_python_version(builder)})"
    command = [
        PYTHON,
        "-m",
        "codegen",
        "generate",
        "--operations",
        ".*",
        "--package",
        PACKAGE,
        "--source",
        source,
        "--out",
        out,
    ]
    cache = tempfile.mkdtemp(prefix="bench-cache-")
    timed_command(*command, env={"AUTOML_CODEGEN_CACHE": cache})()
    size = sum(f.stat().st_size for f in Path(cache).rglob("*") if f.is_file())
    rows = []
    if with_builder:
        target = tempfile.mkdtemp(prefix="bench-builder-")
        theirs_command = [
            str(builder),
            "-m",
            "mypy_boto3_builder",
            target,
            "-s",
            "sagemaker",
            "--product",
            "boto3-services",
            "--no-smart-version",
            "-b",
            "1.0.0",
        ]
        ours, theirs = alternate(min(runs, 3), _cold(command), timed_command(*theirs_command))
        rows.append(
            Row(
                "generate whole SageMaker, cold cache, end to end",
                "automl-codegen --operations '.*'",
                ours,
                builder_name,
                theirs,
            )
        )
    else:
        ours, _ = alternate(runs, _cold(command), None)
        rows.append(
            Row(
                "generate whole SageMaker, cold cache, end to end",
                "automl-codegen --operations '.*'",
                ours,
                "(--with-builder: mypy-boto3-builder)",
                None,
            )
        )
    rows.append(
        Row(
            "  cache left by that run (no wheel downloaded)",
            f"{size / 1024:.0f} KB",
            None,
            "—",
            None,
            versus_alternative=False,
        )
    )
    return rows


MYPY_APP_OURS = """
from sagemaker_automl.client import AutoMLClient

client = AutoMLClient(region_name="us-east-1")
created = client.create_auto_ml_job_v2(
    AutoMLJobName="churn",
    AutoMLJobInputDataConfig=[{"ChannelType": "training", "DataSource": {"S3DataSource": {
        "S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://bucket/output/"},
    AutoMLProblemTypeConfig={"TabularJobConfig": {"TargetAttributeName": "y", "ProblemType": "BinaryClassification"}},
    RoleArn="arn:aws:iam::123456789012:role/SageMaker",
)
described = client.describe_auto_ml_job_v2(AutoMLJobName="churn")
status: str = described["AutoMLJobStatus"] + created["AutoMLJobArn"]
for job in client.get_paginator("list_auto_ml_jobs").items(StatusEquals="Completed"):
    print(job["AutoMLJobName"])
"""

MYPY_APP_THEIRS = """
import boto3
from mypy_boto3_sagemaker import SageMakerClient

client: SageMakerClient = boto3.client("sagemaker", region_name="us-east-1")
created = client.create_auto_ml_job_v2(
    AutoMLJobName="churn",
    AutoMLJobInputDataConfig=[{"ChannelType": "training", "DataSource": {"S3DataSource": {
        "S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://bucket/output/"},
    AutoMLProblemTypeConfig={"TabularJobConfig": {"TargetAttributeName": "y", "ProblemType": "BinaryClassification"}},
    RoleArn="arn:aws:iam::123456789012:role/SageMaker",
)
described = client.describe_auto_ml_job_v2(AutoMLJobName="churn")
status: str = described["AutoMLJobStatus"] + created["AutoMLJobArn"]
for page in client.get_paginator("list_auto_ml_jobs").paginate(StatusEquals="Completed"):
    for job in page["AutoMLJobSummaries"]:
        print(job["AutoMLJobName"])
"""


MYPY_TYPES_OURS = """
from sagemaker_automl.type_defs import CreateAutoMLJobV2RequestTypeDef

request: CreateAutoMLJobV2RequestTypeDef = {
    "AutoMLJobName": "churn",
    "AutoMLJobInputDataConfig": [{"ChannelType": "training"}],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/output/"},
    "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y"}},
    "RoleArn": "arn:aws:iam::123456789012:role/SageMaker",
}
"""
MYPY_TYPES_THEIRS = MYPY_TYPES_OURS.replace("sagemaker_automl.type_defs", "mypy_boto3_sagemaker.type_defs")


# The floor: the same application, statement for statement, on a trivial client class from a local
# package instead of the library. What a checker spends on the application's own code (a call of a
# class from another module, dict literals, a loop, print) it spends whatever the library (pyright:
# about 0.4 s over an empty file, reading more of typeshed), so "added over" it is what the library's
# types themselves cost.
FLOOR_LIBRARY = """
from collections.abc import Iterator


class Client:
    def __init__(self, region_name: str) -> None:
        self.region_name = region_name

    def create(self, **request: object) -> dict[str, str]:
        return {"Arn": str(request)}

    def describe(self, name: str) -> dict[str, str]:
        return {"Status": name}

    def items(self, status: str) -> Iterator[dict[str, str]]:
        yield {"Name": status}
"""
FLOOR_APP = """
from floorlib.client import Client

client = Client(region_name="us-east-1")
created = client.create(
    AutoMLJobName="churn",
    AutoMLJobInputDataConfig=[{"ChannelType": "training", "DataSource": {"S3DataSource": {
        "S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://bucket/output/"},
    AutoMLProblemTypeConfig={"TabularJobConfig": {"TargetAttributeName": "y", "ProblemType": "BinaryClassification"}},
    RoleArn="arn:aws:iam::123456789012:role/SageMaker",
)
described = client.describe("churn")
status: str = described["Status"] + created["Arn"]
for job in client.items("Completed"):
    print(job["Name"])
"""


# The programs every type-checker measure times, as <name>.py.
CHECKED_PROGRAMS = {
    "ours": MYPY_APP_OURS,
    "theirs": MYPY_APP_THEIRS,
    "empty": "",
    "floor": FLOOR_APP,
    "ours_types": MYPY_TYPES_OURS,
    "theirs_types": MYPY_TYPES_THEIRS,
}
# pyright, basedpyright, pyrefly and ty keep no cache between runs: every run is cold.
OTHER_CHECKERS = ("pyright", "basedpyright", "pyrefly", "ty")


def _checked_site(work: Path, package_root: Path) -> Callable[..., Callable[[], float]]:
    """The package alone in ``work``/site, as pip installs it (a project file above it changes how
    pyrefly reads it), the programs and every checker's configuration; returns check(checker, program,
    cold), a timed run (only mypy keeps a cache: cold empties it first)."""
    site = work / "site"
    shutil.copytree(package_root / "sagemaker_automl", site / "sagemaker_automl")
    for name, text in CHECKED_PROGRAMS.items():
        (work / f"{name}.py").write_text(text)
    (work / "floorlib").mkdir()
    (work / "floorlib" / "__init__.py").write_text("")
    (work / "floorlib" / "client.py").write_text(FLOOR_LIBRARY)
    (work / "pyrightconfig.json").write_text(json.dumps({"extraPaths": [str(site)], "pythonVersion": "3.11"}))
    (work / "pyrefly.toml").write_text(
        f'search-path = ["{site}"]\npython-interpreter-path = "{BENCH_PYTHON}"\npython-version = "3.11"\n'
    )
    bin_dir = BENCH_PYTHON.parent

    def command(checker: str, name: str, cold: bool) -> list[str]:
        if checker == "mypy":
            cache = work / f".mypy-{name}"
            if cold:
                shutil.rmtree(cache, ignore_errors=True)
            return [str(BENCH_PYTHON), "-m", "mypy", "--strict", "--cache-dir", str(cache), f"{name}.py"]
        if checker in ("pyright", "basedpyright"):
            # Timed to the verdict on errors: basedpyright's defaults fail on warnings, which boto3-stubs' own
            # overloads give (boto3.client("sagemaker") matches through overloads of other services).
            return [str(bin_dir / checker), "--level", "error", "--pythonpath", str(BENCH_PYTHON), f"{name}.py"]
        if checker == "pyrefly":
            return [str(bin_dir / "pyrefly"), "check", f"{name}.py"]
        return [
            str(bin_dir / "ty"),
            "check",
            "--python",
            str(BENCH_VENV),
            "--extra-search-path",
            str(site),
            f"{name}.py",
        ]

    def check(checker: str, name: str, cold: bool = True) -> Callable[[], float]:
        def run() -> float:
            args = command(checker, name, cold)
            start = time.perf_counter()
            result = subprocess.run(
                args, capture_output=True, text=True, cwd=work, env={**os.environ, "MYPYPATH": str(site)}
            )
            if result.returncode != 0:
                raise RuntimeError(f"{checker} found errors in the {name} program:\n{result.stdout[-3000:]}")
            return time.perf_counter() - start

        return run

    return check


def _cost_rows(runs: int, run: Callable[[str], Callable[[], float]], title: str, label: str, theirs: str) -> list[Row]:
    """One checker on the app and on the TypedDict-only program, ours beside boto3 + mypy-boto3: in full,
    then added over an empty file and over the same app on a trivial local client (``label`` ends the added rows' names).
    """
    times = interleaved(
        runs, {name: run(name) for name in ("empty", "floor", "ours", "theirs", "ours_types", "theirs_types")}
    )
    empty, floor = statistics.median(times["empty"]), statistics.median(times["floor"])
    return [
        Row(title, "sagemaker_automl", statistics.median(times["ours"]), theirs, statistics.median(times["theirs"])),
        Row(
            f"  added over an empty file ({_fmt(empty)}){label}",
            "ours",
            added(times, "ours", "empty"),
            "mypy-boto3",
            added(times, "theirs", "empty"),
        ),
        Row(
            f"  added over the same app on a trivial local client ({_fmt(floor)}){label}",
            "ours",
            added(times, "ours", "floor"),
            "mypy-boto3",
            added(times, "theirs", "floor"),
        ),
        Row(
            f"  a request TypedDict only, added over an empty file{label}",
            "ours",
            added(times, "ours_types", "empty"),
            "mypy-boto3 type_defs",
            added(times, "theirs_types", "empty"),
        ),
    ]


def bench_mypy(runs: int) -> list[Row]:
    if not in_bench_venv():
        return [Row("mypy on the same typed app", "ours", None, "mypy-boto3-sagemaker (no bench venv)", None)]
    check = _checked_site(Path(tempfile.mkdtemp(prefix="bench-mypy-")), GENERATED)
    rows = []
    for cold in (True, False):
        if not cold:
            for name in CHECKED_PROGRAMS:
                check("mypy", name, True)()  # fill the caches once
        label = "cold cache" if cold else "warm cache"
        rows += _cost_rows(
            runs,
            lambda name, cold=cold: check("mypy", name, cold),
            f"mypy --strict on the same app, {label}",
            f", {label}",
            "boto3 + mypy-boto3-sagemaker",
        )
    return rows


def bench_type_checkers(runs: int) -> list[Row]:
    """Cold time of the same app and of a TypedDict-only program, ours beside boto3 + mypy-boto3-sagemaker."""
    if not in_bench_venv():
        return [Row("other type checkers on the same app", "ours", None, "mypy-boto3-sagemaker (no bench venv)", None)]
    check = _checked_site(Path(tempfile.mkdtemp(prefix="bench-checkers-")), GENERATED)
    return [
        row
        for checker in OTHER_CHECKERS
        for row in _cost_rows(
            runs, lambda name, c=checker: check(c, name), f"{checker} on the same app, cold", "", "boto3 + mypy-boto3"
        )
    ]


def bench_whole_service_typing(runs: int) -> list[Row]:
    """The TypedDict-only program against the whole SageMaker package, in every checker, cold."""
    if not in_bench_venv():
        return [Row("a TypedDict against the whole SageMaker package", "ours", None, "(no bench venv)", None)]
    work = Path(tempfile.mkdtemp(prefix="bench-whole-typing-"))
    out = work / "generated"
    subprocess.run(
        [PYTHON, "-m", "codegen", "generate", "--operations", ".*", "--package", PACKAGE, "--out", str(out)], check=True
    )
    check = _checked_site(work, out)
    rows = []
    for checker in ("mypy", *OTHER_CHECKERS):
        times = interleaved(runs, {name: check(checker, name) for name in ("empty", "ours_types", "theirs_types")})
        rows.append(
            Row(
                f"{checker}: a request TypedDict of the whole SageMaker package, added over an empty file, cold",
                "ours",
                added(times, "ours_types", "empty"),
                "mypy-boto3 type_defs",
                added(times, "theirs_types", "empty"),
            )
        )
    return rows


def bench_client_import(runs: int) -> list[Row]:
    core = BENCH_PYTHON if in_bench_venv() else None

    def core_import() -> float:
        assert core is not None
        result = subprocess.run(
            [str(core), "-X", "importtime", "-c", "import sagemaker.core.shapes"],
            capture_output=True,
            text=True,
            check=True,
        )
        last = [line for line in result.stderr.splitlines() if line.rstrip().endswith("| sagemaker.core.shapes")]
        return int(last[-1].split("|")[1]) / 1e6

    ours, theirs = alternate(runs, import_time("sagemaker_automl.models", GENERATED), core_import if core else None)
    client, _ = alternate(runs, import_time("sagemaker_automl.client", GENERATED), None)
    return [
        Row("import the dataclasses", "sagemaker_automl.models", ours, "sagemaker.core.shapes", theirs),
        Row("import the client (botocore included)", "sagemaker_automl.client", client, "—", None),
    ]


def bench_every_service(runs: int) -> list[Row]:
    """Every service botocore ships, generated whole (``--operations '.*'``), one process each, as a user
    regenerating everything would: one pass (minutes), whatever ``runs`` says."""
    from botocore.loaders import Loader

    services = sorted(Loader().list_available_services("service-2"))
    work = Path(tempfile.mkdtemp(prefix="bench-every-"))
    failed = []
    start = time.perf_counter()
    for service in services:
        out = work / service
        command = [PYTHON, "-m", "codegen", "generate", "--service", service, "--operations", ".*", "--out", str(out)]
        if subprocess.run(command, capture_output=True, cwd=ROOT).returncode != 0:
            failed.append(service)
        shutil.rmtree(out, ignore_errors=True)
    total = time.perf_counter() - start
    return [
        Row(
            f"generate every service botocore ships, whole, one process each ({len(services)} services,"
            f" {len(failed)} failed{': ' + ', '.join(failed[:5]) if failed else ''})",
            "total",
            total,
            "—",
            None,
            versus_alternative=False,
        )
    ]


MEASURES: dict[str, Callable[[int], list[Row]]] = {
    "generation": bench_generation,
    "import": bench_import,
    "import-models": bench_client_import,
    "decode": bench_decode,
    "client": bench_client,
    "async-client": bench_async_client,
    "diff": bench_diff,
    "mypy": bench_mypy,
    "type-checkers": bench_type_checkers,
    "whole-service": bench_whole_service,
    "whole-service-typing": bench_whole_service_typing,
    "every-service": bench_every_service,
}
OPT_IN = ("every-service",)  # minutes: only with --only
# No bench venv, no whole-service run; the async client's measure where scripts/test made its environment.
QUICK = ("generation", "import", "decode", "client", "diff") + (("async-client",) if AIO_PYTHON.exists() else ())


def byte_compile_generator() -> None:
    """The generator's modules byte-compiled, as ``pip install``
    leaves an installed tool. The editable install would otherwise compile every module from source on
    every run when PYTHONDONTWRITEBYTECODE is set (about 0.1 s per run, measured), a cost no installed
    copy pays, while the mypy-boto3-builder it is timed against runs from its compiled wheel."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "codegen")], check=True)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def table(rows: list[Row], runs: int) -> str:
    lines = [
        f'Machine: {machine()}; medians of {runs} alternating runs (rows "added over" a baseline: medians of'
        " the differences within a run).",
        "",
        "| measure | ours | against | ratio |",
        "|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def write_between(path: Path, begin: str, end: str, text: str) -> None:
    content = path.read_text()
    if begin not in content or end not in content:
        raise SystemExit(f"{path.relative_to(ROOT)} has no {begin} ... {end} markers")
    before, rest = content.split(begin, 1)
    _, after = rest.split(end, 1)
    path.write_text(f"{before}{begin}\n{text}\n{end}{after}")


# The rows the README shows (the bars the project keeps); docs/benchmarks.md has them all.
HEADLINE = ("generate whole SageMaker", "import time", "decode DescribeAutoMLJobV2")


def write_docs(rows: list[Row], runs: int) -> None:
    write_between(ROOT / "docs" / "benchmarks.md", BEGIN, END, table(rows, runs))
    headline = [row for row in rows if row.measure.startswith(HEADLINE)]
    if headline:
        table_lines = table(headline, runs).splitlines()[2:]  # the README says where the figures come from
        write_between(ROOT / "README.md", HEADLINE_BEGIN, HEADLINE_END, "\n".join(table_lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run per measure (smoke test)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=sorted(MEASURES), action="append")
    parser.add_argument(
        "--write", action="store_true", help="write the table into docs/benchmarks.md, its headline rows into README.md"
    )
    parser.add_argument(
        "--with-builder",
        action="store_true",
        help="also time mypy-boto3-builder generating SageMaker (minutes; installs it first)",
    )
    parser.add_argument("--inner", choices=sorted(INNER), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        print(json.dumps(INNER[args.inner](args.runs)))
        return
    runs = 1 if args.quick else max(args.runs, 5)
    byte_compile_generator()
    names = args.only or (QUICK if args.quick else [name for name in MEASURES if name not in OPT_IN])
    rows = [
        row
        for name in names
        for row in (bench_whole_service(runs, args.with_builder) if name == "whole-service" else MEASURES[name](runs))
    ]
    text = table(rows, runs)
    print(text)
    if args.write:
        write_docs(rows, runs)


if __name__ == "__main__":
    main()
