"""Benchmarks, each side by side with what a user would otherwise pick.

Every measure runs ours and the alternative alternately, N times, and reports
medians and their ratio. Run through ``scripts/bench`` (which prepares the
environments); ``--quick`` runs each measure once (a smoke test, not a figure);
``--readme`` writes the table into README.md between the bench markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
PYTHON = sys.executable
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


@dataclass
class Row:
    measure: str
    ours: str
    ours_s: float | None
    against: str
    against_s: float | None

    def cells(self) -> list[str]:
        ratio = f"{self.against_s / self.ours_s:.1f}x" if self.ours_s and self.against_s else "—"
        return [self.measure, f"{self.ours}: {_fmt(self.ours_s)}", f"{self.against}: {_fmt(self.against_s)}", ratio]


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
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
        result = subprocess.run([PYTHON, "-X", "importtime", "-c", f"import {module}"], capture_output=True,
                                text=True, check=True, env=env)
        for line in result.stderr.splitlines():
            fields = [f.strip() for f in line.split("|")]
            if len(fields) == 3 and fields[2] == module:
                return int(fields[1]) / 1e6
        raise RuntimeError(f"no import time for {module}")

    return run


def bench_generation(runs: int) -> list[Row]:
    out = tempfile.mkdtemp(prefix="bench-gen-")
    cold_cache = tempfile.mkdtemp(prefix="bench-cache-")
    command = [PYTHON, "-m", "codegen", "generate", "--out", out]

    def cold() -> float:
        for entry in Path(cold_cache).glob("*"):
            subprocess.run(["rm", "-rf", str(entry)], check=True)
        return timed_command(*command, env={"AUTOML_CODEGEN_CACHE": cold_cache})()

    warm_cache = tempfile.mkdtemp(prefix="bench-cache-")
    timed_command(*command, env={"AUTOML_CODEGEN_CACHE": warm_cache})()  # fill the cache once
    cold_s, warm_s = alternate(runs, cold, timed_command(*command, env={"AUTOML_CODEGEN_CACHE": warm_cache}))
    return [Row("generate AutoML slice, end to end (process start included)", "cold format cache", cold_s,
                "warm format cache", warm_s)]


def bench_import(runs: int) -> list[Row]:
    ours, theirs = alternate(runs, import_time("sagemaker_automl", GENERATED),
                             import_time("mypy_boto3_sagemaker.type_defs"))
    return [Row("import time", "import sagemaker_automl", ours, "mypy_boto3_sagemaker.type_defs", theirs)]


MEASURES: dict[str, Callable[[int], list[Row]]] = {
    "generation": bench_generation,
    "import": bench_import,
}


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
    lines = [f"Machine: {machine()}; medians of {runs} alternating runs.", "",
             "| measure | ours | against | ratio |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = ROOT / "README.md"
    content = readme.read_text()
    if BEGIN not in content or END not in content:
        raise SystemExit(f"README.md has no {BEGIN} ... {END} markers")
    before, rest = content.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{BEGIN}\n{text}\n{END}{after}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run per measure (smoke test)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=sorted(MEASURES), action="append")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    runs = 1 if args.quick else max(args.runs, 5)
    rows = [row for name in (args.only or MEASURES) for row in MEASURES[name](runs)]
    text = table(rows, runs)
    print(text)
    if args.readme:
        write_readme(text)


if __name__ == "__main__":
    main()
