"""``make bench``: run every benchmark module and write one Markdown table + JSON.

Each module in ``STAGES`` has ``run(smoke: bool) -> list[bench.common.Row]``; a module that
cannot run here (a missing system tool, no ../shared corpus) returns rows with notes
instead of failing the whole benchmark. ``--smoke`` runs tiny inputs so that ``make test``
keeps the benchmark code from rotting.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Row, machine

STAGES = [
    "bench.extract",
    "bench.nlp",
    "bench.classify",
    "bench.ingest",
    "bench.ingest_dask",
    "bench.search",
    "bench.search_pg",
    "bench.memory",
    "bench.ambiguity_quality",
]


def fmt(x: float | None) -> str:
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def to_markdown(rows: list[Row], info: dict) -> str:
    out = [
        f"Machine: {info['cores']} cores, {info['cpu']}, Python {info['python']}; "
        f"run {info['date']} ({'smoke' if info['smoke'] else 'full'}, {info['seconds']:.0f} s).",
        "",
        "| stage | case | metric | ours | reference | ref. value | ratio | target | verdict |",
        "|---|---|---|---:|---|---:|---:|---|---|",
    ]
    for r in rows:
        verdict = "" if r.passed is None else ("PASS" if r.passed else "FAIL")
        ratio = r.ratio
        out.append(
            f"| {r.stage} | {r.case} | {r.metric} | {fmt(r.ours)} | {r.reference_name} | {fmt(r.reference)} | "
            f"{'' if ratio is None else f'{ratio:.2f}×'} | {r.target} | {verdict} |"
        )
    notes = [f"- {r.stage} / {r.case}: {r.notes}" for r in rows if r.notes]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--smoke", action="store_true", help="tiny inputs, for make test")
    ap.add_argument("--out", default="bench/results", help="folder for results.md and results.json")
    ap.add_argument("--only", nargs="*", help="module names (e.g. extract search) to run")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    rows: list[Row] = []
    failed = []
    for name in STAGES:
        if args.only and name.rsplit(".", 1)[-1] not in args.only:
            continue
        print(f"== {name}", flush=True)
        try:
            rows += importlib.import_module(name).run(smoke=args.smoke)
        except Exception:  # a broken benchmark must be visible, and must fail make bench
            traceback.print_exc()
            failed.append(name)
    info = machine() | {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "smoke": args.smoke,
                        "seconds": time.perf_counter() - started}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    md = to_markdown(rows, info)
    (out / "results.md").write_text(md, encoding="utf-8")
    (out / "results.json").write_text(json.dumps({"machine": info, "rows": [r.to_dict() for r in rows]},
                                                 indent=2, ensure_ascii=False), encoding="utf-8")
    print(md)
    if failed:
        print(f"benchmark modules failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
