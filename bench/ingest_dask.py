"""Distributed ingest: pages/s with 1, 2 and 4 Dask workers against the single-process ingest.

Input: the 200 generated PDFs of ``bench.ingest`` (``corpus_folder``, cached). Each run is its
own subprocess (``python -m bench.ingest_dask --files … --workers N --db …``) with a fresh
SQLite store, so runs do not share caches:

* reference: ``corpus.ingest.ingest_paths(workers=1)`` — extraction, the registered analysers
  and the store in one process, models loaded before the clock starts;
* ours: ``corpus.distributed.ingest_dask`` on a ``LocalCluster`` of N worker processes (one
  thread each), results through Parquet shards merged into SQLite by the client. The cluster
  is started and every worker has imported the extractor and loaded the models
  (``client.run``) before the clock starts, like the reference; start-up and warm-up times are
  in the notes.

Rows: pages/s per worker count (ratio = speedup over the reference), and parallel efficiency
= speedup / workers. The notes add CPU time per page (client incl. the scheduler thread, plus
every worker) next to the reference's, which shows what distributing costs independently of
how busy the shared machine is. This machine has 2 cores shared with the client process (hashing,
merging into SQLite) and, in a team, with other processes: 4 workers cannot be faster than 2
here, and efficiency is reported as measured. Smoke mode: 3 documents, 1 worker, no analysis.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Row, load_note
from bench.ingest import ROOT, _pages, corpus_folder, vm_hwm_mb

WORKER_COUNTS = (1, 2, 4)


def _warm(analyse: bool) -> int:
    """Runs in every process before timing: import the extractor, the task code and Parquet (whose
    first conversion of Python objects imports pandas, ~2 s), load simplemma's Dutch dictionary
    (lemmas for the analysers and the search index, several seconds) and the models."""
    import pyarrow as pa
    import pyarrow.parquet  # noqa: F401

    import corpus.distributed  # noqa: F401
    import extract.reader  # noqa: F401
    from corpus.analysis import registered
    from corpus.normalize import norm_text

    pa.array([0])
    norm_text("woningen")
    return len(registered()) if analyse else 0


def _child(files_list: Path, workers: int, db: Path, analyse: bool) -> None:
    from corpus.store import Store

    files = [Path(p) for p in files_list.read_text(encoding="utf-8").splitlines() if p]
    out: dict = {"workers": workers}
    with Store(db) as store:
        if workers == 0:  # the reference: the plain ingest in this one process
            from corpus.ingest import ingest_paths

            _warm(analyse)
            t0, c0 = time.perf_counter(), time.process_time()
            rep = ingest_paths(store, files, workers=1, analyse=analyse)
            out["seconds"] = time.perf_counter() - t0
            out["cpu_s"] = time.process_time() - c0
        else:
            from distributed import Client

            from corpus.distributed import ingest_dask, local_cluster

            _warm(False)  # the client reads shards and normalises passage text for the search index
            t0 = time.perf_counter()
            cluster = local_cluster(workers, dashboard_address=":0")
            client = Client(cluster)
            client.wait_for_workers(workers)
            out["start_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            client.run(_warm, analyse)
            out["warm_s"] = time.perf_counter() - t0
            try:
                w0 = client.run(time.process_time)
                t0, c0 = time.perf_counter(), time.process_time()
                rep = ingest_dask(store, files, client=client, analyse=analyse)
                out["seconds"] = time.perf_counter() - t0
                # CPU of the client (planning, scheduler, merging) and of every worker: on a shared
                # machine this shows the cost of distributing better than wall time does
                out["cpu_client_s"] = time.process_time() - c0
                w1 = client.run(time.process_time)
                out["cpu_s"] = out["cpu_client_s"] + sum(w1[w] - w0[w] for w in w1 if w in w0)
                out["rss_worker_mb"] = max(client.run(vm_hwm_mb).values())
            finally:
                client.close()
                cluster.close()
    errors = [i.error for i in rep.items if i.status == "error"]
    out.update(docs=rep.count("new"), pages=sum(i.pages for i in rep.items if i.status == "new"),
               passages=sum(i.passages for i in rep.items if i.status == "new"), errors=len(errors),
               first_error=errors[0] if errors else "", rss_client_mb=vm_hwm_mb())
    print(json.dumps(out))


def _run_child(files: list[Path], workers: int, analyse: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="dl-bench-dask-") as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, files)), encoding="utf-8")
        cmd = [sys.executable, "-m", "bench.ingest_dask", "--files", str(listing), "--workers", str(workers),
               "--db", str(Path(tmp) / "bench.db")] + ([] if analyse else ["--zonder-analyse"])
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"})
        if proc.returncode != 0:
            raise RuntimeError(f"bench child (workers={workers}) failed: {proc.stderr[-2000:]}")
        res = json.loads(proc.stdout.strip().splitlines()[-1])
    if res["errors"]:
        raise RuntimeError(f"ingest reported {res['errors']} errors: {res['first_error']}")
    return res


def run(smoke: bool) -> list[Row]:
    load = load_note()
    folder = corpus_folder(3 if smoke else 200)
    files = sorted(folder.glob("*.pdf"))
    pages = sum(_pages(f) for f in files)
    analyse = not smoke
    counts = (1,) if smoke else WORKER_COUNTS
    label = f"{len(files)} generated PDFs, {pages} p."

    ref = _run_child(files, 0, analyse)
    ref_pps = pages / ref["seconds"]
    ref_name = "ingest_paths, 1 process"
    rows: list[Row] = []
    effs: list[Row] = []
    for n in counts:
        res = _run_child(files, n, analyse)
        pps = pages / res["seconds"]
        speedup = pps / ref_pps
        rows.append(Row("ingest_dask", f"{label}, {n} Dask worker{'s' if n > 1 else ''} (LocalCluster)", "pages/s",
                        pps, ref_pps, ref_name,
                        notes=f"speedup {speedup:.2f}×, parallel efficiency {speedup / n:.2f}; CPU "
                              f"{1000 * res['cpu_s'] / pages:.0f} ms/page (client "
                              f"{1000 * res['cpu_client_s'] / pages:.0f}) vs {1000 * ref['cpu_s'] / pages:.0f} "
                              "ms/page in the reference; "
                              f"{len(files) / res['seconds']:.2f} documents/s; cluster start {res['start_s']:.1f} s "
                              f"and worker warm-up (imports, models) {res['warm_s']:.1f} s not timed; "
                              f"peak RSS: client {res['rss_client_mb']:.0f} MB, largest worker "
                              f"{res['rss_worker_mb']:.0f} MB",
                        extra=res))
        effs.append(Row("ingest_dask", f"{label}, parallel efficiency, {n} worker{'s' if n > 1 else ''}",
                        "speedup / workers", speedup / n,
                        notes=f"speedup {speedup:.2f}× over the single-process ingest; 1.0 = every worker adds "
                              "a full process' throughput; the machine has "
                              f"{os.cpu_count()} cores, shared with the client and other users"))
    rows += effs
    rows[0].notes = "; ".join(x for x in (
        f"reference: {ref['seconds']:.1f} s, {ref_pps:.1f} pages/s, {ref['passages']} passages"
        + ("; smoke: no analysis, 1 worker" if smoke else "; analysers as in the real ingest"),
        rows[0].notes, load) if x)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="distributed ingest child process for the benchmark")
    ap.add_argument("--files", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=2, help="0 = the single-process reference")
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--zonder-analyse", action="store_true")
    args = ap.parse_args(argv)
    _child(args.files, args.workers, args.db, not args.zonder_analyse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
