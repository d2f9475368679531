"""``make bench`` must not rot: the smoke run executes every stage on tiny inputs.

Runs ``python -m bench.run --smoke`` in a subprocess (as ``make bench-smoke`` does) and checks
the exit code, that every stage in ``bench.run.STAGES`` produced rows in both the Markdown
table and the JSON, and that the numbers are finite and positive.
"""

from __future__ import annotations

import glob
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.run import STAGES

ROOT = Path(__file__).resolve().parent.parent

# module → the stage names its rows carry
STAGE_NAMES = {
    "bench.extract": ("extraction",),
    "bench.nlp": ("nlp",),
    "bench.classify": ("classification",),
    "bench.ingest": ("ingest",),
    "bench.search": ("search",),
    "bench.memory": ("memory",),
}


@pytest.mark.timeout(300)
def test_bench_smoke_covers_every_stage(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--smoke", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=290,
                          env={**os.environ, "DRECHTLENS_BENCH_CACHE": str(tmp_path / "cache")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    md = (out / "results.md").read_text(encoding="utf-8")
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert data["machine"]["smoke"] is True
    rows = data["rows"]
    stages_with_rows = {r["stage"] for r in rows}
    for module in STAGES:
        names = STAGE_NAMES.get(module, (module.rsplit(".", 1)[-1],))
        assert stages_with_rows & set(names), f"{module} produced no rows"
        assert any(f"| {n} |" in md for n in names), f"{module} missing from results.md"
    for r in rows:
        if r["stage"] == "search_pg" and not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
            # no PostgreSQL server on this machine: the stage says so instead of measuring
            assert "PostgreSQL niet beschikbaar" in (r.get("notes") or ""), r
            continue
        assert math.isfinite(r["ours"]) and r["ours"] > 0, r
        if r["reference"] is not None:
            assert math.isfinite(r["reference"]) and r["reference"] > 0, r
