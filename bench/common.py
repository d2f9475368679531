"""Shared helpers for the benchmark modules: timing, peak memory, machine facts, rows.

Each benchmark module exposes ``run(smoke: bool) -> list[Row]``. A row compares our
throughput with a reference measured in the same run on the same input, so the ratio
holds even when the shared machine's speed drifts.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass
class Row:
    stage: str  # e.g. "extraction"
    case: str  # input, e.g. "doc100 (101 p.)"
    metric: str  # unit of ours/reference, e.g. "pages/s"
    ours: float
    reference: float | None = None
    reference_name: str = ""
    higher_is_better: bool = True
    target: str = ""  # e.g. ">= 0.25 x pdftotext"
    passed: bool | None = None  # target verdict when a target applies
    notes: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if not self.reference:
            return None
        return self.ours / self.reference

    def to_dict(self) -> dict:
        d = asdict(self)
        d["ratio"] = self.ratio
        return d


@dataclass
class Timing:
    min: float
    median: float
    max: float
    runs: int


def time_call(fn: Callable[[], object], runs: int = 3, warmup: int = 1) -> Timing:
    """Wall-clock timing of ``fn`` in this process: warm-up, then min/median/max."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return Timing(min(samples), statistics.median(samples), max(samples), runs)


def time_command(cmd: list[str], runs: int = 3, warmup: int = 1, env: dict | None = None) -> tuple[Timing, None]:
    """Whole-process timing of a command (interpreter start-up included).

    Returns ``(timing, None)``: no peak RSS, because a forked child's ``ru_maxrss`` starts
    from the parent's high-water mark; modules that need memory read the child's own
    ``VmHWM`` (see ``bench.ingest.vm_hwm_mb``).
    """
    samples = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, **(env or {})})
        if i >= warmup:
            samples.append(time.perf_counter() - t0)
    return Timing(min(samples), statistics.median(samples), max(samples), runs), None


def peak_rss_mb() -> float:
    """Peak RSS of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict:
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }


def num(n: float) -> str:
    """A count with thin-space thousands separators, for case labels ("1 000 000")."""
    return f"{n:,.0f}".replace(",", " ")


def load_note() -> str:
    """The machine's load when a stage starts: wall times on a shared machine include contention."""
    try:
        one = os.getloadavg()[0]
    except OSError:
        return ""
    return f"load average {one:.1f} on {os.cpu_count()} cores at stage start (shared machine)"
