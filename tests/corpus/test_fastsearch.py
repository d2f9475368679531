"""The tantivy sidecar (corpus.fastsearch): same matches as FTS5, ranking agreement, incremental
sync after every kind of store change, recovery after a killed sync, and the FTS5 fallback."""

from __future__ import annotations

import logging
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from corpus import fastsearch
from corpus.search import SearchFilters, search
from corpus.store import Store
from tests.corpus.conftest import make_doc

REPO = Path(__file__).resolve().parents[2]
FALLBACK = "Snelle zoekindex niet bruikbaar"


def _both(store: Store, query: str, filters=None, monkeypatch=None, **kw):
    """(tantivy result, FTS5 result) of the same search."""
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    fast = search(store, query, filters, **kw)
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "fts5")
    slow = search(store, query, filters, **kw)
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    return fast, slow


def _no_fallback(caplog) -> None:
    msgs = [r.getMessage() for r in caplog.records if FALLBACK in r.getMessage()]
    assert not msgs, msgs


# -- a generated corpus: same matches, similar ranking ---------------------------------


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory):
    from bench.search import _documents

    path = tmp_path_factory.mktemp("synth") / "synth.db"
    with Store(path) as store:
        store.bulk_add(_documents(3000, seed=5))  # 150 documents of 20 passages
        docs = store.documents()
        # a version chain, labels, flags and a coding, so every filter has something to select
        for i, d in enumerate(docs[:40]):
            ps = store.passages(d.id)
            store.save_labels(d.id, [{"passage_id": p.id, "domains": ["wonen" if (i + j) % 3 else "zorg"],
                                      "tensions": {"markt": "A"} if j % 4 == 0 else {}} for j, p in enumerate(ps)],
                              "clf", "1")
            from models.ambiguity.flag import Flag, Severity
            flags = [Flag("AMB-01", "vaag", Severity.ZORG, 0.5, "x", 0, 1, "", "", "", passage_id=p.id).to_dict()
                     | {"key": f"k{i}-{j}"} for j, p in enumerate(ps) if j % 5 == 0]
            store.save_flags(d.id, flags, "rules", "1")
        store.add_coding(store.passages(docs[50].id)[0].id, "an", ["zorg"], {"markt": "B"})
        yield store


def _sample_queries(store: Store, n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    texts = [r[0] for r in store.read("SELECT text FROM passages ORDER BY rowid")]
    out = ["gemeente", "woningen", "besloten", '"algemeen bestuur"', "begro*", "zienswijze OF kadernota",
           "jeugdzorg -Dordrecht", "Molenstraat", "bevoegdheden"]
    while len(out) < n:
        words = re.findall(r"[^\W\d_]{4,}", rng.choice(texts))
        if len(words) < 3:
            continue
        kind = len(out) % 5
        if kind == 3:
            i = rng.randrange(len(words) - 1)
            out.append(f'"{words[i]} {words[i + 1]}"')
        elif kind == 4:
            out.append(rng.choice(words)[:4].lower() + "*")
        else:
            out.append(" ".join(rng.sample(words, kind + 1)))
    return out


FILTERS = [SearchFilters(), SearchFilters(kind="regeling"), SearchFilters(body="drecht", year_from=2010, year_to=2020),
           SearchFilters(domain="wonen"), SearchFilters(tension="markt"), SearchFilters(has_flags=True),
           SearchFilters(domain="zorg", kind="akkoord")]


def test_same_matches_as_fts5_and_top10_agreement(synth_store: Store, monkeypatch, caplog):
    """Every query and filter finds exactly the passages FTS5 finds (same totals, same facets);
    the top 10 agree — identically for one plain word, where both engines rank by the same
    BM25 term weight (they differ only in the idf curve, which matters with several terms)."""
    overlaps: dict[str, list[float]] = {"word": [], "multi": [], "phrase": [], "prefix": []}
    for i, q in enumerate(_sample_queries(synth_store, 80)):
        f = FILTERS[i % len(FILTERS)]
        fast, slow = _both(synth_store, q, f, monkeypatch, limit=10, exact_cap=10**9)
        assert fast.total == slow.total, (q, f)
        assert fast.facets == slow.facets, (q, f)
        if not slow.hits:
            continue
        a, b = [h.passage_id for h in fast.hits], [h.passage_id for h in slow.hits]
        kind = ("phrase" if q.startswith('"') else "prefix" if q.endswith("*")
                else "word" if len(q.split()) == 1 else "multi")
        overlaps[kind].append(len(set(a) & set(b)) / len(b))
        if kind == "word":  # one BM25 term: scores proportional, up to tantivy's lossy length norms
            assert [h.score / fast.hits[0].score for h in fast.hits] == pytest.approx(
                [h.score / slow.hits[0].score for h in slow.hits], rel=0.05), q
        for h in fast.hits:  # hits come with snippet, highlight and page from SQLite, as on FTS5
            assert h.snippet and h.page_start >= 1 and h.doc_title
    mean = {k: sum(v) / len(v) for k, v in overlaps.items() if v}
    print("top-10 overlap tantivy/FTS5:", {k: (round(m, 3), len(overlaps[k])) for k, m in mean.items()})
    assert mean["word"] >= 0.9 and min(mean["multi"], mean["phrase"], mean["prefix"]) >= 0.7, mean
    _no_fallback(caplog)


def test_paging_tiles_the_ranking(synth_store: Store, caplog, monkeypatch):
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    full = [h.passage_id for h in search(synth_store, "gemeente", limit=210).hits]
    paged = [h.passage_id for off in range(0, 210, 30)
             for h in search(synth_store, "gemeente", limit=30, offset=off, with_facets=False).hits]
    assert len(full) == 210 and paged == full
    _no_fallback(caplog)


# -- sync ------------------------------------------------------------------------------


DOC_A = [((("artikel", "1"),), "De gemeente bouwt nieuwe woningen aan de Voorstraat.", 1),
         ((("artikel", "2"),), "Het algemeen bestuur stelt de begroting vast.", 2)]
DOC_B = [((("sectie", "1"),), "Wij bouwen woningen voor starters en investeren in jeugdzorg.", 1)]


def test_sync_follows_every_store_change(fresh_store: Store, monkeypatch, caplog):
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    a = make_doc("Regeling A", DOC_A)
    fresh_store.add_document(a)
    assert search(fresh_store, "woning").total == 1
    assert (fastsearch.index_dir(fresh_store) / fastsearch.STAMPS_FILE).exists()

    b = make_doc("Akkoord B", DOC_B, kind="akkoord", body="Gemeente Zwijndrecht", year=2022)
    fresh_store.add_document(b)  # added document
    assert search(fresh_store, "jeugdzorg").total == 1
    assert search(fresh_store, "woning", {"kind": "akkoord"}).total == 1
    assert search(fresh_store, "woning", {"body": "dordrecht"}).total == 1
    ps = fresh_store.passages(a.id)

    report = fastsearch.sync(fresh_store)  # nothing changed since the search: nothing reindexed
    assert (report.documents_indexed, report.documents_removed) == (0, 0)

    fresh_store.save_labels(a.id, [{"passage_id": ps[0].id, "domains": ["wonen"], "tensions": {"markt": "A"}}],
                            "clf", "1")  # new labels
    assert [h.passage_id for h in search(fresh_store, "gemeente", {"domain": "wonen"}).hits] == [ps[0].id]
    assert search(fresh_store, "gemeente", {"tension": "markt"}).total == 1
    assert search(fresh_store, "gemeente").facets["domain"] == {"wonen": 1}
    fresh_store.save_labels(a.id, [{"passage_id": ps[1].id, "domains": ["financien"], "tensions": {}}], "clf", "1")
    assert search(fresh_store, "gemeente", {"domain": "wonen"}).total == 0  # replaced labels
    assert search(fresh_store, "begroting", {"domain": "financien"}).total == 1

    from models.ambiguity.flag import Flag, Severity
    flag = Flag("AMB-01", "vaag", Severity.ZORG, 0.5, "begroting", 0, 9, "", "", "", passage_id=ps[1].id).to_dict()
    assert search(fresh_store, "begroting", {"has_flags": True}).total == 0
    fresh_store.save_flags(a.id, [flag], "rules", "1")  # new flags
    assert [h.passage_id for h in search(fresh_store, "begroting", {"has_flags": True}).hits] == [ps[1].id]

    fresh_store.add_coding(fresh_store.passages(b.id)[0].id, "an", ["zorg"], {})  # a researcher's coding
    assert search(fresh_store, "jeugdzorg", {"domain": "zorg"}).total == 1

    a2 = make_doc("Regeling A", [((("artikel", "1"),), "De gemeente bouwt nieuwe woningen aan de Voorstraat.", 1),
                                 ((("artikel", "2"),), "Het algemeen bestuur stelt de begroting niet vast.", 2)])
    assert fresh_store.add_document(a2).status == "new_version"  # new version: the old one is superseded
    assert [h.doc_id for h in search(fresh_store, "begroting").hits] == [a2.id]
    assert search(fresh_store, "begroting", {"latest_only": False}).total == 2

    fresh_store.delete_document(a2.id)  # deleted: gone, and its predecessor is the latest again
    assert [h.doc_id for h in search(fresh_store, "begroting").hits] == [a.id]
    fresh_store.delete_document(b.id)
    assert search(fresh_store, "jeugdzorg").total == 0
    _no_fallback(caplog)


def test_sync_reindexes_only_changed_documents(fresh_store: Store, monkeypatch):
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    docs = [make_doc(f"R{i}", DOC_A, salt=str(i)) for i in range(5)]
    for d in docs:
        fresh_store.add_document(d)
    first = fastsearch.sync(fresh_store)
    assert first.documents_indexed == 5 and first.passages_indexed == 10
    fresh_store.save_labels(docs[2].id, [{"passage_id": fresh_store.passages(docs[2].id)[0].id,
                                          "domains": ["wonen"]}], "clf", "1")
    fresh_store.delete_document(docs[4].id)
    again = fastsearch.sync(fresh_store)
    assert (again.rebuilt, again.documents_indexed, again.documents_removed, again.passages_indexed) == \
        (False, 1, 1, 2)


def test_writes_from_another_connection_are_seen(fresh_store: Store, monkeypatch, caplog):
    """A second Store on the same file (another process, e.g. `drechtlens ingest`) writes;
    the first one notices through PRAGMA data_version and syncs before searching."""
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    fresh_store.add_document(make_doc("Regeling A", DOC_A))
    assert search(fresh_store, "jeugdzorg").total == 0
    with Store(fresh_store.path) as other:
        other.add_document(make_doc("Akkoord B", DOC_B, kind="akkoord"))
        assert search(other, "jeugdzorg").total == 1  # the other store synced the shared index
    assert search(fresh_store, "jeugdzorg").total == 1
    _no_fallback(caplog)


def test_stale_stamps_after_a_crash_between_commit_and_stamps(fresh_store: Store, monkeypatch, caplog):
    """The stamps file is written after the tantivy commit; if the process dies in between,
    the next sync sees old stamps, reindexes those documents again and adds no duplicates."""
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    fresh_store.add_document(make_doc("Regeling A", DOC_A))
    search(fresh_store, "woning")
    stamps_file = fastsearch.index_dir(fresh_store) / fastsearch.STAMPS_FILE
    before = stamps_file.read_bytes()
    fresh_store.add_document(make_doc("Akkoord B", DOC_B, kind="akkoord"))
    assert search(fresh_store, "woning").total == 2
    stamps_file.write_bytes(before)  # as if the process died right after the commit
    fastsearch.forget(fresh_store)
    assert fastsearch.sync(fresh_store).documents_indexed == 1
    fast, slow = _both(fresh_store, "woning", None, monkeypatch)
    assert fast.total == slow.total == 2 and len({h.passage_id for h in fast.hits}) == 2
    _no_fallback(caplog)


_KILLED_SYNC = textwrap.dedent("""
    import sys
    from corpus import fastsearch
    from corpus.store import Store
    with Store(sys.argv[1]) as store:
        fastsearch.sync(store, progress=lambda done, todo: print(done, todo, flush=True))
    print("finished", flush=True)
""")


def test_killed_mid_sync_is_repaired_by_the_next_sync(tmp_path: Path, monkeypatch, caplog):
    db = tmp_path / "big.db"
    words = ("gemeente", "woningen", "algemeen bestuur", "begroting", "jeugdzorg", "zienswijze")
    with Store(db) as store:  # 800 documents: four sync batches
        store.bulk_add(make_doc(f"Regeling {i}", [
            ((("artikel", "1"),), f"Het {words[i % 6]} van regeling {i} wordt door de gemeente vastgesteld.", 1),
            ((("artikel", "2"),), f"De begroting {i} volgt het algemeen bestuur over {words[(i * 7) % 6]}.", 2)],
            salt=str(i)) for i in range(4 * fastsearch.BATCH_DOCS))
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_SYNC, str(db)], cwd=REPO, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        first = proc.stdout.readline()  # the first batch is in the writer, nothing committed yet
        assert first and not first.startswith("finished"), first
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    index = db.with_name(db.name + ".tantivy")
    assert index.is_dir() and not (index / fastsearch.STAMPS_FILE).exists()  # killed before the end
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    with Store(db) as store:
        for q in ("gemeente", "woningen", '"algemeen bestuur"', "begro*"):
            fast, slow = _both(store, q, None, monkeypatch, exact_cap=10**9)
            assert fast.total == slow.total > 0 and fast.facets == slow.facets, q
    _no_fallback(caplog)


# -- fallback ------------------------------------------------------------------------


def test_writer_held_elsewhere_falls_back_to_fts5(fresh_store: Store, monkeypatch, caplog):
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    fresh_store.add_document(make_doc("Regeling A", DOC_A))
    assert search(fresh_store, "woning").total == 1
    import tantivy

    other = tantivy.Index.open(str(fastsearch.index_dir(fresh_store)))
    writer = other.writer(heap_size=20_000_000, num_threads=1)  # as another process syncing would
    try:
        fresh_store.add_document(make_doc("Akkoord B", DOC_B, kind="akkoord"))
        with caplog.at_level(logging.WARNING, logger="corpus.search"):
            res = search(fresh_store, "woning")
        assert res.total == 2  # right answer, from FTS5
        assert any(FALLBACK in r.getMessage() for r in caplog.records)
    finally:
        writer.rollback()
        del writer
    caplog.clear()
    assert search(fresh_store, "woning").total == 2
    _no_fallback(caplog)
    # the lock next to the folder (held while another process writes or recreates the index)
    with fastsearch._exclusive(fastsearch.index_dir(fresh_store)) as mine:
        assert mine
        fresh_store.add_document(make_doc("Akkoord C", DOC_B, kind="akkoord", salt="c"))
        with caplog.at_level(logging.WARNING, logger="corpus.search"):
            assert search(fresh_store, "woning").total == 3
        assert any(FALLBACK in r.getMessage() for r in caplog.records)
    caplog.clear()
    assert search(fresh_store, "woning").total == 3
    _no_fallback(caplog)


def test_damaged_index_is_rebuilt_or_bypassed(fresh_store: Store, monkeypatch):
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    fresh_store.add_document(make_doc("Regeling A", DOC_A))
    assert search(fresh_store, "woning").total == 1
    d = fastsearch.index_dir(fresh_store)
    for f in d.iterdir():
        if f.suffix in (".idx", ".term", ".store"):
            f.write_bytes(b"garbage")
    fastsearch.close_all()  # as a new process would open it
    fresh_store.add_document(make_doc("Akkoord B", DOC_B, kind="akkoord"))
    assert search(fresh_store, "woning").total == 2  # never a wrong answer, whichever engine gave it
    (d / fastsearch.STAMPS_FILE).write_text("{not json", encoding="utf-8")
    fastsearch.close_all()
    assert search(fresh_store, "woning").total == 2
    assert fastsearch.sync(fresh_store).documents_indexed == 0  # the rebuild happened during that search


def test_memory_store_and_fts5_setting_use_fts5(monkeypatch, tmp_path, caplog):
    with Store(":memory:") as store:
        store.add_document(make_doc("Regeling A", DOC_A))
        assert fastsearch.index_dir(store) is None and search(store, "woning").total == 1
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "fts5")
    with Store(tmp_path / "c.db") as store:
        store.add_document(make_doc("Regeling A", DOC_A))
        assert search(store, "woning").total == 1
        assert not fastsearch.index_dir(store).exists()
    _no_fallback(caplog)


def test_ingest_syncs_the_index(tmp_path: Path, monkeypatch):
    from corpus.ingest import ingest_paths

    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    src = tmp_path / "in"
    src.mkdir()
    (src / "regeling.md").write_text("# Regeling Woningen\n\n## Artikel 1\n\nDe gemeente bouwt woningen.\n",
                                     encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        t = time.perf_counter()
        report = ingest_paths(store, [src], workers=1, analyse=False)
        assert report.stored, report.errors
        assert fastsearch.index_dir(store).joinpath(fastsearch.STAMPS_FILE).exists()
        assert fastsearch.sync(store).documents_indexed == 0  # already up to date after the ingest
        assert search(store, "woning").total >= 1
        assert time.perf_counter() - t < 60


def test_large_store_is_built_in_the_background(fresh_store: Store, monkeypatch, caplog):
    """Above FOREGROUND_MAX_PASSAGES the first search does not wait minutes for a full build:
    FTS5 answers (with a warning) while a thread builds the sidecar, tantivy answers after."""
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "tantivy")
    monkeypatch.setattr(fastsearch, "FOREGROUND_MAX_PASSAGES", 2)
    for i in range(3):
        fresh_store.add_document(make_doc(f"Regeling {i}", DOC_A, salt=str(i)))
    with caplog.at_level(logging.WARNING, logger="corpus.search"):
        assert search(fresh_store, "woning").total == 3  # FTS5, while the build runs
    assert any("achtergrond" in r.getMessage() for r in caplog.records)
    assert fastsearch.wait_for_background_build(fresh_store, timeout=60)
    caplog.clear()
    assert search(fresh_store, "woning", {"kind": "regeling"}).total == 3
    _no_fallback(caplog)
    assert fastsearch.sync(fresh_store).documents_indexed == 0


def test_zoekindex_command(tmp_path: Path, capsys):
    from corpus.cli import main

    db = tmp_path / "c.db"
    with Store(db) as store:
        store.add_document(make_doc("Regeling A", DOC_A))
        store.add_document(make_doc("Akkoord B", DOC_B, kind="akkoord"))
    assert main(["--db", str(db), "zoekindex"]) == 0
    assert "2 documenten (3 passages) geïndexeerd" in capsys.readouterr().out
    assert main(["--db", str(db), "zoekindex"]) == 0
    assert "0 documenten (0 passages) geïndexeerd" in capsys.readouterr().out
    assert main(["--db", str(db), "zoekindex", "--opnieuw"]) == 0
    assert "volledig opnieuw opgebouwd" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "geen.db"), "zoekindex"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "Traceback" not in err
