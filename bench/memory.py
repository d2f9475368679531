"""Memory: peak RSS of ingesting one 500-page PDF, and of a process serving the app's main
queries on a 50k-passage store. Each runs in its own subprocess so the peak is its own.

* 500-page PDF: ``tests.pdfgen.render_filler_pdf`` (``bench.ingest.long_pdf``, cached),
  ingested with ``corpus.ingest.ingest_paths`` into a fresh store (one file: the ingest runs
  in-process and the PDF reader uses its own page-parallel pool). Reported: the main
  process's peak RSS and the largest page worker's.
* 50k passages: the synthetic corpus of ``bench.search`` (``Store.bulk_add``), opened in a
  fresh process that runs what the app's pages run: ``stats()``, ``documents()``, 20
  ``search()`` calls with facets (the search page's limit of 50), 20 ``get_document()``.
  Measured as a plain process rather than a Streamlit server: Streamlit only runs the app
  script once a browser session connects over its websocket, so an HTTP request alone would
  not exercise these queries.
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

from bench.common import Row, load_note, num

CACHE = Path(os.environ.get("DRECHTLENS_BENCH_CACHE", "/tmp/drechtlens-bench"))
ROOT = Path(__file__).resolve().parent.parent


def _child_serve(db: Path) -> None:
    from bench.ingest import vm_hwm_mb
    from corpus.search import search
    from corpus.store import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        stats = store.stats()
        docs = store.documents(latest_only=True)
        qs = ["gemeente", "woningen", "begroting", '"algemeen bestuur"', "jeugdzorg Dordrecht", "zienswijze",
              "subsidie", "bevoegdheden", "Molenstraat", "duurzaamheid"]
        for i in range(20):
            search(store, qs[i % len(qs)], {"kind": "regeling"} if i % 2 else None, limit=50)
        for d in docs[:20]:
            store.get_document(d.id)
    print(json.dumps({"seconds": time.perf_counter() - t0, "documents": len(docs), "passages": stats.passages,
                      "rss_mb": vm_hwm_mb()}))


def _run_child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(smoke: bool) -> list[Row]:
    load = load_note()
    from bench.ingest import _ingest_subprocess, _pages, long_pdf
    from bench.search import build

    rows: list[Row] = []
    n_pages = 6 if smoke else 500
    pdf = long_pdf(n_pages)
    pages = _pages(pdf)
    res = _ingest_subprocess([pdf], 2)
    if res["errors"]:
        raise RuntimeError(f"ingest of {pdf} failed: {res['first_error']}")
    rows.append(Row("memory", f"ingest one {pages}-page PDF", "peak RSS MB", res["rss_main_mb"],
                    higher_is_better=False,
                    notes=f"main process (VmHWM); largest page worker {res['rss_worker_mb']:.0f} MB (ru_maxrss, counts "
                          f"pages shared with the main process at fork); "
                          f"{res['seconds']:.1f} s ({pages / res['seconds']:.1f} pages/s), {res['passages']} passages",
                    extra=res))

    n_passages = 2_000 if smoke else 50_000
    db, _ = build(n_passages)
    with tempfile.TemporaryDirectory(prefix="dl-bench-mem-") as tmp:
        # a private copy: WAL mode writes -wal/-shm next to the file, keep the cache pristine
        copy = Path(tmp) / "corpus.db"
        copy.write_bytes(db.read_bytes())
        serve = _run_child(["bench.memory", "--serve", str(copy)])
    rows.append(Row("memory", f"serve app queries on {num(serve['passages'])} passages", "peak RSS MB",
                    serve["rss_mb"], higher_is_better=False,
                    notes=f"{serve['documents']} documents; stats + document list + 20 searches with facets "
                          f"+ 20 documents in {serve['seconds']:.1f} s (plain process, not a Streamlit server)",
                    extra=serve))
    rows[0].notes = "; ".join(x for x in (rows[0].notes, load) if x)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="memory child process for the benchmark")
    ap.add_argument("--serve", type=Path, required=True, help="store to open and query")
    _child_serve(ap.parse_args(argv).serve)
    return 0


if __name__ == "__main__":
    sys.exit(main())
