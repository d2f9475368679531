"""Search on PostgreSQL vs SQLite at 1M passages (issue #8): load, index build, query latency.

The corpus is the one ``bench.search`` builds (``bench.synth``, seed 1, the same passages in
the same order). The SQLite database is ``bench.search``'s cached one; PostgreSQL runs as a
throwaway server (``tests/pgserver.py``: initdb into a temp dir on a loopback port, durability
off, 128 MB shared buffers) and is filled with ``PostgresStore.bulk_add``: ``COPY`` of
documents and passages (which computes the generated ``tsvector`` and token count of every
passage), then the GIN index built once and ``ANALYZE``.

Measured, paired per query within a time budget (env ``DRECHTLENS_BENCH_SEARCH_PG_BUDGET``,
seconds, default 150): the full ``corpus.search.search()`` call (top 10, hits with
snippets, total; no facets) for ``bench.search``'s query mix, without and with document
filters (kind, body, year range), on PostgreSQL (BM25 from per-term ``ts_rank_cd``) and on
SQLite FTS5 (the reference; the tantivy sidecar is measured by ``bench.search``).
p50/p95 in ms; lower is better.

Without PostgreSQL binaries (or when the server cannot start) the stage returns rows with
a note instead of failing ``make bench``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.common import Row, num

BUDGET_S = float(os.environ.get("DRECHTLENS_BENCH_SEARCH_PG_BUDGET", "150"))
STAGE = "search_pg"


def _pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))] if s else float("nan")


def _ms(fn) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t) * 1000, out


def load_pg(url: str, n_passages: int, seed: int = 1) -> dict:
    """Fill the PostgreSQL database at ``url`` with bench.search's corpus; timings and size."""
    from bench.search import _documents
    from corpus.store import open_store

    with open_store(url) as store:
        t0, cpu0 = time.perf_counter(), time.process_time()
        docs = store.bulk_add(_documents(n_passages, seed), rebuild_index=False)
        t1 = time.perf_counter()
        store.rebuild_index(optimize=True)  # CREATE INDEX … USING gin + ANALYZE
        t2 = time.perf_counter()
        size = store.stats().db_bytes
        tsv_mb = float(store.read("SELECT pg_total_relation_size('passages_tsv')")[0][0]) / 1e6
    return {"documents": docs, "load_s": t1 - t0, "index_s": t2 - t1, "client_cpu_s": time.process_time() - cpu0,
            "size_mb": size / 1e6, "gin_mb": tsv_mb}


def measure(sqlite_db: Path, url: str, qs: list[str], budget_s: float, min_n: int = 10) -> dict:
    """search() on both backends for every query, plain and filtered, in turn (paired samples)."""
    from bench.search import _filters_for
    from corpus.search import SearchFilters, search
    from corpus.store import open_store

    filt = _filters_for(qs)
    res: dict = {k: [] for k in ("pg", "pg_filtered", "sqlite", "sqlite_filtered")}
    res["same_total"] = 0
    old = os.environ.get("DRECHTLENS_SEARCH_ENGINE")
    os.environ["DRECHTLENS_SEARCH_ENGINE"] = "fts5"
    try:
        with open_store(sqlite_db) as lite, open_store(url) as pg:
            for q in qs[:3]:  # warm both caches once, as a user's earlier searches would
                search(lite, q, limit=10, with_facets=False)
                search(pg, q, limit=10, with_facets=False)
            t_end = time.perf_counter() + budget_s
            for q, f in zip(qs, filt, strict=True):
                ms, a = _ms(lambda q=q: search(pg, q, SearchFilters(), limit=10, with_facets=False))
                res["pg"].append(ms)
                res["pg_filtered"].append(_ms(lambda q=q, f=f: search(pg, q, f, limit=10, with_facets=False))[0])
                ms, b = _ms(lambda q=q: search(lite, q, SearchFilters(), limit=10, with_facets=False))
                res["sqlite"].append(ms)
                res["sqlite_filtered"].append(_ms(lambda q=q, f=f: search(lite, q, f, limit=10,
                                                                          with_facets=False))[0])
                res["same_total"] += a.total == b.total
                if time.perf_counter() > t_end and len(res["pg"]) >= min_n:
                    break
    finally:
        if old is None:
            os.environ.pop("DRECHTLENS_SEARCH_ENGINE", None)
        else:
            os.environ["DRECHTLENS_SEARCH_ENGINE"] = old
    return res


def _unavailable(case: str, why: str) -> list[Row]:
    return [Row(STAGE, case, "p50 ms", float("nan"), notes=f"PostgreSQL niet beschikbaar: {why}")]


def run(smoke: bool = False) -> list[Row]:
    from bench.search import build, queries

    n = 2_000 if smoke else 1_000_000
    case = f"{num(n)} passages"
    try:
        from tests.pgserver import PgServer, PgUnavailable
    except ImportError as err:  # run outside the checkout
        return _unavailable(case, str(err))
    try:
        server = PgServer.start()
    except PgUnavailable as err:
        return _unavailable(case, str(err)[:300])
    try:
        url = server.new_database()
        # more memory for the one GIN build than a test server needs
        url_build = url + "?options=-c%20maintenance_work_mem%3D1GB"
        sqlite_db, meta = build(n)
        print(f"  loading {num(n)} passages into PostgreSQL …", flush=True)
        load = load_pg(url_build, n)
        qs = queries(sqlite_db, 40 if smoke else 200)
        m = measure(sqlite_db, url, qs, 3.0 if smoke else BUDGET_S)
    finally:
        server.stop()
    k = len(m["pg"])
    note = f"{k} queries of bench.search's mix, paired; same total on {m['same_total']}/{k}"
    rows = [
        Row(STAGE, case, "p50 ms", _pct(m["pg"], 0.5), _pct(m["sqlite"], 0.5), "SQLite FTS5", False, notes=note),
        Row(STAGE, case, "p95 ms", _pct(m["pg"], 0.95), _pct(m["sqlite"], 0.95), "SQLite FTS5", False, notes=note),
        Row(STAGE, case + ", filtered", "p50 ms", _pct(m["pg_filtered"], 0.5), _pct(m["sqlite_filtered"], 0.5),
            "SQLite FTS5", False, notes="kind + body + years, or kind + year_from"),
        Row(STAGE, case + ", filtered", "p95 ms", _pct(m["pg_filtered"], 0.95), _pct(m["sqlite_filtered"], 0.95),
            "SQLite FTS5", False, notes="kind + body + years, or kind + year_from"),
        Row(STAGE, case + ", load (COPY + tsvector)", "passages/s", n / load["load_s"],
            n / meta["insert_s"] if meta.get("insert_s") else None, "SQLite bulk_add", True,
            notes=f"{load['load_s']:.0f} s for {num(load['documents'])} documents"
                  + (" (SQLite timing from its cached build)" if meta.get("cached") else "")),
        Row(STAGE, case + ", index build", "s", load["index_s"], meta.get("index_s"), "FTS5 rebuild + optimize", False,
            notes=f"GIN {load['gin_mb']:.0f} MB; database {load['size_mb']:.0f} MB vs SQLite {meta['size_mb']:.0f} MB"),
    ]
    return rows
