"""Search at scale: a synthetic corpus of 100k and 1M passages built through ``Store.bulk_add``.

Measured per size:

* build: generation + insert (which includes ``corpus.normalize`` of every passage) and the
  FTS5 rebuild + optimize, and the database size; then the tantivy sidecar
  (``corpus.fastsearch``, built from scratch by one ``sync``), its build time and size;
* the full ``corpus.search.search()`` call as the app and CLI make it — tantivy top 10, exact
  total, hits joined to their text and page in SQLite, snippets — over 200 mixed queries (1–3
  plain words, quoted phrases, prefixes), p50/p95, without and with user filters (kind, body,
  year range): targets p95 < 50 ms and < 150 ms at 1M; and the same with facets (the app's
  call). The reference is a bare ``passages_fts MATCH ? ORDER BY rank LIMIT 10`` with the
  same FTS expression on the same table, measured in the same run;
* the FTS5 path (the fallback when the sidecar cannot be used): the exact ranked statement
  (``corpus.search.build_search_sql``, top 10, the default ``latest_only``) without and with
  filters, and its ``search()`` call, within a time cap, against the same bare statement.

Every tantivy query is also timed in CPU seconds of this process: on the shared 2-core
machine wall time includes waiting for a core, CPU time does not.

Built databases are cached in ``/tmp/drechtlens-bench`` keyed by size, seed and generator
version, and reused only while the normaliser still produces their stored index text
(checked on a sample), with the build timings of the run that built them
(reported again, marked as cached, so ``make bench`` stays within its time budget). The
tantivy sidecar lives next to the cached database and is reused when a sync finds nothing
to do (same stamps, same ``fastsearch.SCHEMA_VERSION``).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import statistics
import time
from pathlib import Path

from bench.common import Row, load_note, num
from bench.synth import BODIES, GENERATOR_VERSION, Generator

CACHE = Path(os.environ.get("DRECHTLENS_BENCH_CACHE", "/tmp/drechtlens-bench"))
N_QUERIES = 200
P95_PLAIN_MS = 50.0
P95_FILTERED_MS = 150.0
BUDGET_S = float(os.environ.get("DRECHTLENS_BENCH_SEARCH_BUDGET", "150"))  # seconds of queries per size


def _cache_valid(path: Path, sample: int = 300) -> bool:
    """A cached database is reused only while the normaliser still gives the same index text:
    the stored ``norm`` column of a sample of passages is compared with ``norm_text`` now.
    (Schema migrations need no check: ``Store`` applies them when it opens the file.)"""
    import sqlite3

    from corpus.normalize import norm_text

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT text, norm FROM passages WHERE rowid % 997 = 1 LIMIT ?", (sample,)).fetchall()
    except sqlite3.Error:
        return False
    finally:
        con.close()
    return bool(rows) and all(norm_text(t) == n for t, n in rows)


def _documents(n_passages: int, seed: int):
    from extract.document import Document, Passage

    for sd in Generator(seed).documents(n_passages):
        doc_id = hashlib.sha256(sd.key.encode()).hexdigest()
        passages = [
            Passage(id=f"{doc_id[:16]}-{j:04d}", seq=j, text=text, page_start=1 + j // 4, page_end=1 + j // 4,
                    path=(("artikel", art), ("lid", lid)), part="dispositief")
            for j, (art, lid, text) in enumerate(sd.passages)]
        yield Document(id=doc_id, title=sd.title, kind=sd.kind, passages=passages, body=sd.body, year=sd.year,
                       page_count=1 + len(passages) // 4, source_file=f"{sd.key}.pdf", format="pdf",
                       extractor="bench.synth/" + GENERATOR_VERSION)


def build(n_passages: int, seed: int = 1) -> tuple[Path, dict]:
    """The cached database for ``n_passages`` and its build facts (builds it when missing)."""
    from corpus.store import Store

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"search-{n_passages}-s{seed}-g{GENERATOR_VERSION}.db"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        if _cache_valid(path):
            return path, json.loads(meta_path.read_text(encoding="utf-8")) | {"cached": True}
        path.unlink()
    tmp = path.with_suffix(".building")
    for p in CACHE.glob(tmp.name + "*"):
        p.unlink()
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    words = 0
    docs_added = 0
    with Store(tmp) as store:
        def counted():
            nonlocal words
            for d in _documents(n_passages, seed):
                words += sum(len(p.text.split()) for p in d.passages)
                yield d
        docs_added = store.bulk_add(counted(), rebuild_index=False)
        t1 = time.perf_counter()
        store.rebuild_index(optimize=True)
        t2 = time.perf_counter()
        store.read("PRAGMA wal_checkpoint(TRUNCATE)")
    meta = {"passages": n_passages, "documents": docs_added, "words": words, "insert_s": t1 - t0,
            "index_s": t2 - t1, "build_s": t2 - t0, "cpu_s": time.process_time() - cpu0, "size_mb": tmp.stat().st_size / 1e6,
            "built_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "generator": GENERATOR_VERSION}
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    meta_path.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return path, meta | {"cached": False}


def build_sidecar(db: Path) -> dict:
    """The tantivy sidecar of ``db``: built from scratch when missing or out of date (timed),
    else reused with the timings of the run that built it."""
    import shutil

    from corpus import fastsearch
    from corpus.store import open_store

    meta_path = db.with_suffix(".tantivy.json")
    with open_store(db) as store:
        index = fastsearch.index_dir(store)
        if index.is_dir() and meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("schema") == fastsearch.SCHEMA_VERSION:
                report = fastsearch.sync(store)
                if report.documents_indexed == 0 and not report.rebuilt:
                    return meta | {"cached": True}
        fastsearch.close_all()
        shutil.rmtree(index, ignore_errors=True)
        t0, cpu0 = time.perf_counter(), time.process_time()
        report = fastsearch.sync(store, rebuild=True)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    files = [f for f in index.iterdir() if f.is_file()]
    stamps = index / fastsearch.STAMPS_FILE
    meta = {"schema": fastsearch.SCHEMA_VERSION, "build_s": seconds, "cpu_s": cpu,
            "passages": report.passages_indexed, "documents": report.documents_indexed,
            "size_mb": sum(f.stat().st_size for f in files) / 1e6,
            "stamps_mb": stamps.stat().st_size / 1e6 if stamps.exists() else 0.0,
            "built_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    meta_path.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return meta | {"cached": False}


def queries(db: Path, n: int = N_QUERIES, seed: int = 7) -> list[str]:
    """Mixed queries: fixed frequent/inflected/rare words, then 1–3 words, phrases and prefixes
    sampled from random passages of this corpus (so every sampled query has at least one hit)."""
    import re
    import sqlite3

    fixed = ["subsidie", "woningen", "gemeente", "Molenstraat", "begroting", "bevoegdheden", "jeugdzorg",
             "\"algemeen bestuur\"", "besloten", "zienswijze ontwerpbegroting", "woning*", "Drechtraad"]
    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    max_rowid = con.execute("SELECT max(rowid) FROM passages").fetchone()[0]
    out = list(fixed)
    while len(out) < n:
        row = con.execute("SELECT text FROM passages WHERE rowid = ?", (rng.randint(1, max_rowid),)).fetchone()
        if not row:
            continue
        words = [w for w in re.findall(r"[^\W\d_]{4,}", row[0])]
        if len(words) < 3:
            continue
        kind = len(out) % 5
        if kind == 3:  # phrase of two adjacent words
            i = rng.randrange(len(words) - 1)
            out.append(f'"{words[i]} {words[i + 1]}"')
        elif kind == 4:  # prefix
            out.append(rng.choice(words)[:5].lower() + "*")
        else:
            out.append(" ".join(rng.sample(words, kind + 1)))
    con.close()
    rng.shuffle(out)  # so that a time-capped measurement is a random sample of the mix
    return out


def _pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def _filters_for(qs: list[str]) -> list:
    from corpus.search import SearchFilters

    rng = random.Random(3)
    return [SearchFilters(kind=rng.choice(("regeling", "akkoord", "agenda")), body=rng.choice(BODIES),
                          year_from=2010, year_to=2024) if i % 2 == 0 else
            SearchFilters(kind=rng.choice(("regeling", "akkoord", "agenda")), year_from=2018)
            for i in range(len(qs))]


def _timed(fn) -> tuple[float, float, object]:
    """(wall ms, CPU ms of this process, result) of one call."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000, out


def measure_tantivy(db: Path, qs: list[str]) -> dict:
    """``search()`` on the tantivy sidecar for every query: plain, filtered, and both with facets."""
    from corpus.search import SearchFilters, search
    from corpus.store import open_store

    filt = _filters_for(qs)
    keys = ("plain", "filtered", "plain_facets", "filtered_facets")
    res: dict = {k: [] for k in keys} | {k + "_cpu": [] for k in keys} | {"matches": [], "exact": 0}
    old = os.environ.get("DRECHTLENS_SEARCH_ENGINE")
    os.environ["DRECHTLENS_SEARCH_ENGINE"] = "tantivy"
    try:
        with open_store(db) as store:
            first_ms, _, _ = _timed(lambda: search(store, qs[0], limit=10))  # opens the index, checks stamps
            res["first_ms"] = first_ms
            for q, f in zip(qs, filt, strict=True):
                for key, ff, facets in (("plain", SearchFilters(), False), ("filtered", f, False),
                                        ("plain_facets", SearchFilters(), True), ("filtered_facets", f, True)):
                    wall, cpu, out = _timed(lambda q=q, ff=ff, facets=facets: search(store, q, ff, limit=10,
                                                                                    with_facets=facets))
                    res[key].append(wall)
                    res[key + "_cpu"].append(cpu)
                    if key == "plain":
                        res["matches"].append(out.total)
    finally:
        if old is None:
            os.environ.pop("DRECHTLENS_SEARCH_ENGINE", None)
        else:
            os.environ["DRECHTLENS_SEARCH_ENGINE"] = old
    return res


def measure(db: Path, qs: list[str], budget_s: float = BUDGET_S, min_n: int = 10) -> dict:
    """The FTS5 path (fallback) and the bare FTS5 reference, paired per query within a time cap."""
    from corpus.search import SearchFilters, build_search_sql, parse_query, search
    from corpus.store import Store

    filt = _filters_for(qs)
    parsed = [parse_query(q) for q in qs]
    res: dict = {}
    old = os.environ.get("DRECHTLENS_SEARCH_ENGINE")
    os.environ["DRECHTLENS_SEARCH_ENGINE"] = "fts5"
    try:
        with Store(db) as store:
            bare = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10"
            # warm the page cache once, as a user's earlier searches would
            for pq in parsed[:5]:
                store.read(bare, (pq.fts,))

            def ours(pq, f):
                sql, params = build_search_sql(pq, f, limit=10)
                return store.read(sql, params)

            def ms(fn) -> float:
                t = time.perf_counter()
                fn()
                return (time.perf_counter() - t) * 1000

            # every variant on the same query, in turn, so a time cap leaves paired samples
            for key in ("bare", "ours", "ours_filtered", "search_call", "matches"):
                res[key] = []
            t_end = time.perf_counter() + budget_s
            res["hits_zero"] = 0
            for q, pq, f in zip(qs, parsed, filt, strict=True):
                res["bare"].append(ms(lambda pq=pq: store.read(bare, (pq.fts,))))
                res["ours"].append(ms(lambda pq=pq: ours(pq, SearchFilters())))
                res["ours_filtered"].append(ms(lambda pq=pq, f=f: ours(pq, f)))
                t = time.perf_counter()
                total = search(store, q, limit=10, with_facets=False).total
                res["search_call"].append((time.perf_counter() - t) * 1000)
                res["matches"].append(total)
                res["hits_zero"] += not store.read("SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1",
                                                   (pq.fts,))
                if time.perf_counter() > t_end and len(res["bare"]) >= min_n:
                    break
    finally:
        if old is None:
            os.environ.pop("DRECHTLENS_SEARCH_ENGINE", None)
        else:
            os.environ["DRECHTLENS_SEARCH_ENGINE"] = old
    res["bare_filtered"] = res["bare"]  # the bare statement cannot filter; same reference
    return res


def _rows_for(n: int, smoke: bool) -> tuple[list[Row], dict]:
    db, meta = build(n)
    tv = build_sidecar(db)
    qs = queries(db, 40 if smoke else N_QUERIES)
    t = measure_tantivy(db, qs)
    m = measure(db, qs)
    label = f"{num(n)} passages"
    cached = " (build timings from the run that built the cached database, " + meta["built_at"] + ")" \
        if meta.get("cached") else ""
    words = meta["words"]
    targeted = n >= 1_000_000
    bare_p95, bare_p50 = _pct(m["bare"], 0.95), statistics.median(m["bare"])
    rows = [
        Row("search", label, "build s (insert+normalise / FTS index)", meta["build_s"],
            higher_is_better=False,
            notes=f"{meta['documents']} documents, {words / 1e6:.1f} M words; insert incl. normalisation "
                  f"{meta['insert_s']:.0f} s, FTS rebuild+optimize {meta['index_s']:.0f} s; "
                  f"{meta['size_mb']:.0f} MB on disk"
                  + (f"; CPU {meta['cpu_s']:.0f} s (wall > CPU: shared machine)" if "cpu_s" in meta else "")
                  + cached,
            extra={k: v for k, v in meta.items()}),
        Row("search", label, "index size MB", meta["size_mb"], higher_is_better=False),
        Row("search", label, "tantivy sidecar build s", tv["build_s"], higher_is_better=False,
            notes=f"fastsearch.sync from scratch: {num(tv['passages'])} passages of {num(tv['documents'])} "
                  f"documents read from SQLite, tokenised in Python, indexed by tantivy (1 writer thread); "
                  f"CPU {tv['cpu_s']:.0f} s" + (f" (built {tv['built_at']}, reused: a sync found nothing to do)"
                                                 if tv.get("cached") else ""),
            extra=dict(tv)),
        Row("search", label, "tantivy sidecar size MB", tv["size_mb"], meta["size_mb"], "SQLite database incl. FTS5",
            higher_is_better=False,
            notes=f"includes the per-document sync stamps ({tv['stamps_mb']:.1f} MB); first search of a new "
                  f"process (opens the index, compares stamps) {t['first_ms']:.0f} ms"),
    ]
    matches = sorted(t["matches"])
    for key, name, target_ms in (("plain", "p95 ms, search() top 10 (tantivy)", P95_PLAIN_MS),
                                 ("filtered", "p95 ms, search() top 10 + filters (tantivy)", P95_FILTERED_MS),
                                 ("plain_facets", "p95 ms, search() top 10 + facets (tantivy, the app's call)", None),
                                 ("filtered_facets", "p95 ms, search() + filters + facets (tantivy)", None)):
        p95, p50 = _pct(t[key], 0.95), statistics.median(t[key])
        cpu = t[key + "_cpu"]
        rows.append(Row(
            "search", label, name, p95, bare_p95, "bare FTS5 MATCH…ORDER BY rank LIMIT 10", higher_is_better=False,
            target=f"p95 < {target_ms:.0f} ms" if targeted and target_ms else "",
            passed=(p95 < target_ms) if targeted and target_ms else None,
            notes=f"p50 {p50:.1f} ms (bare FTS5 p50 {bare_p50:.1f} ms), max {max(t[key]):.0f} ms; CPU time per "
                  f"search p50 {statistics.median(cpu):.1f} / p95 {_pct(cpu, 0.95):.1f} ms; {len(t[key])} queries, "
                  f"exact totals; matches per query median {num(statistics.median(matches))}, "
                  f"max {num(matches[-1])}",
            extra={"p50_ms": p50, "p99_ms": _pct(t[key], 0.99), "cpu_p50_ms": statistics.median(cpu),
                   "cpu_p95_ms": _pct(cpu, 0.95), "ref_p50_ms": bare_p50}))
    for key, ref_key, name in (("ours", "bare", "p95 ms, FTS5 fallback ranked top 10"),
                               ("ours_filtered", "bare_filtered", "p95 ms, FTS5 fallback ranked top 10 + filters")):
        p95, p50 = _pct(m[key], 0.95), statistics.median(m[key])
        rows.append(Row(
            "search", label, name, p95, _pct(m[ref_key], 0.95), "bare FTS5 MATCH…ORDER BY rank LIMIT 10",
            higher_is_better=False,
            notes=f"p50 {p50:.1f} ms (bare {statistics.median(m[ref_key]):.1f} ms), max {max(m[key]):.0f} ms, "
                  f"{len(m[key])} of {len(qs)} queries measured (time cap {BUDGET_S:.0f} s per size, queries "
                  f"shuffled), {m['hits_zero']} without hits",
            extra={"p50_ms": p50, "p99_ms": _pct(m[key], 0.99), "ref_p50_ms": statistics.median(m[ref_key])}))
    sc = m["search_call"]
    fmatches = sorted(m["matches"])
    big = sum(1 for x in fmatches if x > n // 10)
    rows.append(Row("search", label, "p95 ms, FTS5 fallback search() call (hits+total+snippets)", _pct(sc, 0.95),
                    _pct(m["bare"], 0.95), "bare FTS5 MATCH…ORDER BY rank LIMIT 10", higher_is_better=False,
                    notes=f"p50 {statistics.median(sc):.1f} ms; includes the count(*) of all matches; {len(sc)} queries; "
                          f"{big} queries match > 10% of all passages (BM25 ranks every match)",
                    extra={"p50_ms": statistics.median(sc)}))
    return rows, {"p95": _pct(t["plain"], 0.95), "build_s": meta["build_s"], "size_mb": meta["size_mb"],
                  "tv_build_s": tv["build_s"], "tv_size_mb": tv["size_mb"]}


def run(smoke: bool) -> list[Row]:
    load = load_note()
    sizes = [2_000] if smoke else [100_000, 1_000_000]
    rows: list[Row] = []
    facts = {}
    for n in sizes:
        r, facts[n] = _rows_for(n, smoke)
        rows += r
    if len(sizes) == 2:
        small, big = sizes
        growth = facts[big]["p95"] / facts[small]["p95"] if facts[small]["p95"] else 0.0
        factor = big / small
        rows.append(Row("search", f"scaling {small // 1000}k → {big // 1000}k", "p95 latency growth × (tantivy search())",
                        growth, factor, f"{factor:.0f}× the passages", higher_is_better=False,
                        target="sub-linear (< passages ×)", passed=growth < factor,
                        notes=f"SQLite size grew {facts[big]['size_mb'] / facts[small]['size_mb']:.1f}×, "
                              f"build time {facts[big]['build_s'] / facts[small]['build_s']:.1f}×; tantivy sidecar "
                              f"size {facts[big]['tv_size_mb'] / facts[small]['tv_size_mb']:.1f}×, "
                              f"build {facts[big]['tv_build_s'] / facts[small]['tv_build_s']:.1f}×"))
    rows[0].notes = "; ".join(x for x in (rows[0].notes, load) if x)
    return rows
