"""A tantivy index beside the SQLite store: BM25 top-k in milliseconds at a million passages.

FTS5 has to compute bm25 for every row that matches before it can return the best ten, so
a common word costs about a second at 1M passages (``bench/results``); tantivy ranks with
block-max WAND and skips most of them. This module keeps a tantivy index as a *derived*
sidecar of a SQLite store — ``<db>.tantivy/`` next to the file, never for ``:memory:`` —
and answers :func:`search_ids`: the ranked passage rowids, the exact number of matches and
the facet counts. :func:`corpus.search.search` turns those rowids into hits (text, snippet,
page) from SQLite, exactly as on the FTS5 path, and falls back to FTS5 whenever this
module raises.

Same matching as FTS5 (``corpus.search``): the index holds the same two columns, each as
the tokens FTS5's unicode61 tokenizer sees (``WORD_RE`` + ``fold``) joined by spaces under
a whitespace tokenizer, so a query term built from the same functions matches the same
passages:

* ``norm``: the stored normalised column (``corpus.normalize``) → plain words;
* ``text``: the surface text → phrases (positions) and prefixes (expanded over the term
  dictionary);

and the filters as indexed fields: ``kind``, ``body``, ``year``, ``doc``, ``sup``
(passage of a superseded version), ``flag`` (has a flag), ``dom``/``ten`` (domains /
tension fields from labels and codings) and ``ldom`` (machine-label domains, the domain
facet). Filters score 0, so the ranking is BM25 over the query terms only. Ties are broken
by rowid, as ``ORDER BY rank, rowid`` does on the FTS5 path (for a group of equal scores
cut by the page end: up to ``TIE_FETCH_CAP`` hits beyond it). Both engines find the same
passages (same totals and facets, ``tests/corpus/test_fastsearch.py``); the order differs
a little because tantivy's idf curve differs from FTS5's and it keeps field lengths in one
byte (top-10 overlap on a generated corpus: 0.98 one word, 0.99 several, 0.93 prefixes).

Consistency. The index is rebuilt from SQLite, never the other way round. Every SQLite
document has a *stamp* (its row, ingest time, kind/body/year, whether a newer version
supersedes it, and count/max id/max time of its labels, flags and codings) read with
:meth:`Store.read`; ``drechtlens-stamps.json`` in the index folder holds the stamps the
index was last synced at. A sync reindexes exactly the documents whose stamp changed
(delete by ``doc`` term, add again), removes the ones that are gone, commits, and only then
writes the new stamps (atomic rename). A crash before the commit leaves the previous commit
and the previous stamps; a crash between commit and stamps makes the next sync reindex
those documents once more. Either way the next sync repairs the index; a missing or
unreadable stamps file means all content is rebuilt, and an index of another
``SCHEMA_VERSION``, with damaged segments (found when it is opened or when a search fails
and a health check fails too) is deleted and made anew. Stamps are read before the passage
data, so data that changes during a sync changes a stamp too and is picked up next time.
Each hit's passage id is checked against a hash stored in the index, so a rowid that
meanwhile means another passage is never shown (``corpus.search`` then uses FTS5).

When to sync: :func:`search_ids` checks ``Store.generation`` (``PRAGMA data_version``
plus the write counter every commit bumps: two tiny reads). When it differs
from the one this process last synced that store at, the stamps are compared (about
0.3 s at 50k documents) and changed documents are reindexed before the search runs.
``corpus.ingest`` syncs at the end of an ingest, so usually no search pays for it. A store
without a sidecar is built on its first search, in the foreground up to
``FOREGROUND_MAX_PASSAGES`` (about 10 s per 50k passages on this machine) and above that in
a background thread while FTS5 answers (1M passages: 300 s wall under load, 85 s CPU);
``drechtlens zoekindex`` builds it explicitly.

Concurrency: whoever writes or recreates the index holds an exclusive lock on
``<db>.tantivy.lock`` (next to the folder; tantivy's own writer lock is inside it). A search
that needs a sync while another process holds it raises :class:`FastSearchUnavailable` and
that search runs on FTS5; readers in other processes pick up a commit at their next sync
check. Within a process one lock per index serialises syncs. ``DRECHTLENS_SEARCH_ENGINE=fts5``
switches this module off entirely.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import logging
import os
import shutil
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.normalize import WORD_RE
from corpus.search import ParsedQuery, SearchFilters, Term, fold

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1  # bump when fields or tokenisation change: existing indexes are rebuilt
STAMPS_FILE = "drechtlens-stamps.json"
TOKENIZER = "dl_words"
MAX_TOKEN_BYTES = 200  # longer "words" are not indexed (tantivy terms are bounded); queries skip them too
PREFIX_EXPANSIONS = 256  # prefix terms scored by BM25; beyond that the rest match with a constant score
TIE_FETCH_CAP = 100  # extra hits fetched to order a tie group at the page boundary by rowid
BATCH_DOCS = 200  # documents read from SQLite per batch during a sync
WRITER_HEAP = 256_000_000
# A store with more passages is built in a background thread on its first search (FTS5 answers
# meanwhile); smaller ones are built before that search returns (about 10 s per 50k passages).
FOREGROUND_MAX_PASSAGES = 100_000


class FastSearchUnavailable(Exception):
    """The tantivy path cannot answer this search now; the caller uses FTS5."""


def engine() -> str:
    """``auto`` (tantivy for file stores), ``fts5`` (never tantivy) or ``tantivy``; env ``DRECHTLENS_SEARCH_ENGINE``."""
    value = os.environ.get("DRECHTLENS_SEARCH_ENGINE", "auto").strip().lower()
    return value if value in ("auto", "fts5", "tantivy") else "auto"


def index_dir(store: Any) -> Path | None:
    """Where the sidecar of ``store`` lives, or None (in-memory or not a SQLite file store)."""
    path = getattr(store, "path", None)
    if not isinstance(path, str) or path in ("", ":memory:") or not Path(path).is_file():
        return None  # a database URL (PostgreSQL) or an in-memory SQLite store
    return Path(path).with_name(Path(path).name + ".tantivy")


# -- tokens --------------------------------------------------------------------------


@functools.lru_cache(maxsize=500_000)
def _fold(word: str) -> str:
    return fold(word)


def tokens(text: str) -> list[str]:
    """The index tokens of a text: what FTS5's unicode61 tokenizer (remove_diacritics 2) yields."""
    return [_fold(w) for w in WORD_RE.findall(text)]


def _indexed(text: str) -> str:
    return " ".join(tokens(text))


def pid_hash(passage_id: str) -> int:
    """64-bit hash of a passage id, stored per index entry to verify a rowid still means that passage."""
    return int.from_bytes(hashlib.blake2b(passage_id.encode(), digest_size=8).digest(), "big")


# -- the index -----------------------------------------------------------------------


def _tantivy() -> Any:
    import tantivy

    return tantivy


def _schema() -> Any:
    t = _tantivy()
    sb = t.SchemaBuilder()
    sb.add_unsigned_field("rid", fast=True)
    sb.add_unsigned_field("pidh", fast=True)
    sb.add_text_field("doc", tokenizer_name="raw")
    sb.add_text_field("text", tokenizer_name=TOKENIZER, index_option="position")
    sb.add_text_field("norm", tokenizer_name=TOKENIZER, index_option="position")
    sb.add_text_field("kind", tokenizer_name="raw", fast=True)
    sb.add_text_field("body", tokenizer_name="raw", fast=True)
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_unsigned_field("sup", indexed=True)
    sb.add_unsigned_field("flag", indexed=True)
    sb.add_text_field("dom", tokenizer_name="raw")
    sb.add_text_field("ten", tokenizer_name="raw")
    sb.add_text_field("ldom", tokenizer_name="raw", fast=True)
    return sb.build()


def _analyzer() -> Any:
    t = _tantivy()
    return t.TextAnalyzerBuilder(t.Tokenizer.whitespace()).filter(t.Filter.remove_long(MAX_TOKEN_BYTES)).build()


@dataclass(slots=True)
class SyncReport:
    rebuilt: bool = False
    documents_indexed: int = 0
    documents_removed: int = 0
    passages_indexed: int = 0
    seconds: float = 0.0


@dataclass(eq=False)
class _Sidecar:
    """One open index (per folder, per process) and what this process knows about it."""

    path: Path
    index: Any
    schema: Any
    lock: threading.RLock = field(default_factory=threading.RLock)
    stamps: dict[str, str] | None = None  # as last read from / written to the stamps file
    stamps_mtime: float = -1.0
    bodies: list[str] | None = None  # distinct documents.body as of the last sync (for the body filter)
    building: threading.Thread | None = None  # a full build running in the background
    # Store object → change token it was last synced at (weak: a closed store drops out)
    tokens: weakref.WeakKeyDictionary = field(default_factory=weakref.WeakKeyDictionary)


_SIDECARS: dict[str, _Sidecar] = {}
_REGISTRY_LOCK = threading.Lock()


def _open(path: Path) -> _Sidecar:
    """The sidecar at ``path``, created empty when missing or unreadable (a sync fills it)."""
    with _REGISTRY_LOCK:
        sc = _SIDECARS.get(str(path))
        if sc is not None:
            return sc
        t = _tantivy()
        schema = _schema()
        index = None
        meta = _read_stamps_file(path)
        # Without a stamps file (first build still running elsewhere, or it died) the index is
        # opened as it is: the next sync rebuilds its content under the writer lock. Only an
        # index of another schema version, marked damaged, or unreadable is deleted and made anew.
        if path.is_dir() and t.Index.exists(str(path)) and (meta is None or meta.get("schema") == SCHEMA_VERSION):
            try:
                index = t.Index.open(str(path))
                index.searcher()  # opens every segment: a damaged file fails here, not in a search
            except BaseException as err:  # tantivy raises ValueError, or panics (a BaseException)
                if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                    raise
                log.warning("Zoekindex %s is onleesbaar (%s); hij wordt opnieuw opgebouwd.", path, err)
                index = None
        if index is None:
            with _exclusive(path) as mine:
                if not mine:
                    raise FastSearchUnavailable("de zoekindex wordt door een ander proces opgebouwd")
                if path.exists():
                    shutil.rmtree(path)
                path.mkdir(parents=True)
                index = t.Index(schema, path=str(path))
        index.register_tokenizer(TOKENIZER, _analyzer())
        sc = _Sidecar(path, index, schema)
        _SIDECARS[str(path)] = sc
        return sc


@contextmanager
def _exclusive(path: Path) -> Iterator[bool]:
    """An exclusive, non-blocking lock on ``<index>.lock`` (next to the index folder), held by
    whoever writes the index or deletes it; yields False when another process holds it.
    tantivy's own writer lock lives inside the folder, so it cannot guard deleting the folder."""
    lock = path.with_name(path.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read_stamps_file(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((path / STAMPS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("stamps"), dict) else None


def _write_stamps_file(path: Path, stamps: dict[str, str], token: str) -> None:
    tmp = path / (STAMPS_FILE + ".tmp")
    tmp.write_text(json.dumps({"schema": SCHEMA_VERSION, "stamps": stamps, "token": token,
                               "synced_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}), encoding="utf-8")
    os.replace(tmp, path / STAMPS_FILE)


# -- stamps and documents from SQLite ------------------------------------------------

_DOC_STAMPS = "SELECT d.id, d.rowid, d.ingested_at, d.kind, d.body, d.year FROM documents d"
_SUPERSEDED = "SELECT DISTINCT previous_id FROM documents WHERE previous_id IS NOT NULL"
# CROSS JOIN keeps the (small) flags/codings table outside: SQLite probes passages by id
# instead of scanning a million passages.
_LABEL_STAMPS = ("SELECT doc_id, count(*), max(id), max(created_at), total(length(domains) + length(tensions))"
                 " FROM passage_labels GROUP BY doc_id")
_FLAG_STAMPS = ("SELECT p.doc_id, count(*), max(f.id), max(f.created_at) FROM flags f"
                " CROSS JOIN passages p ON p.id = f.passage_id GROUP BY p.doc_id")
_CODING_STAMPS = ("SELECT p.doc_id, count(*), max(c.id), max(c.created_at),"
                  " total(length(c.domains) + length(c.tensions)) FROM codings c"
                  " CROSS JOIN passages p ON p.id = c.passage_id GROUP BY p.doc_id")


def stamps(store: Any) -> dict[str, str]:
    """doc_id → a string that changes whenever anything the index holds for that document does.

    Starts with the document's rowid, so sorting stamps orders documents as they were stored."""
    extra: dict[str, list[str]] = {}
    for tag, sql in (("L", _LABEL_STAMPS), ("F", _FLAG_STAMPS), ("C", _CODING_STAMPS)):
        for r in store.read(sql):
            extra.setdefault(r[0], []).append(tag + ":".join(str(x) for x in r[1:]))
    superseded = {r[0] for r in store.read(_SUPERSEDED)}
    out = {}
    for r in store.read(_DOC_STAMPS):
        out[r[0]] = "|".join([str(x) for x in r[1:]] + ["S" if r[0] in superseded else "-"] + extra.get(r[0], []))
    return out


def _documents(store: Any, doc_ids: list[str]) -> Iterator[Any]:
    """tantivy Documents for every passage of ``doc_ids`` (read from SQLite in batches)."""
    t = _tantivy()
    for i in range(0, len(doc_ids), BATCH_DOCS):
        batch = json.dumps(doc_ids[i:i + BATCH_DOCS])
        docs = {r["id"]: r for r in store.read(
            "SELECT d.id, d.kind, d.body, d.year, EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)"
            " AS sup FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))", (batch,))}
        dom: dict[str, set[str]] = {}
        ten: dict[str, set[str]] = {}
        ldom: dict[str, set[str]] = {}
        for r in store.read("SELECT passage_id, domains, tensions FROM passage_labels"
                            " WHERE doc_id IN (SELECT value FROM json_each(?))", (batch,)):
            ds = {str(x) for x in json.loads(r[1] or "[]")}
            dom.setdefault(r[0], set()).update(ds)
            ldom.setdefault(r[0], set()).update(ds)
            ten.setdefault(r[0], set()).update(str(k) for k in json.loads(r[2] or "{}"))
        for r in store.read("SELECT c.passage_id, c.domains, c.tensions FROM passages p JOIN codings c"
                            " ON c.passage_id = p.id WHERE p.doc_id IN (SELECT value FROM json_each(?))", (batch,)):
            dom.setdefault(r[0], set()).update(str(x) for x in json.loads(r[1] or "[]"))
            ten.setdefault(r[0], set()).update(str(k) for k in json.loads(r[2] or "{}"))
        flagged = {r[0] for r in store.read(
            "SELECT DISTINCT f.passage_id FROM flags f JOIN passages p ON p.id = f.passage_id"
            " WHERE p.doc_id IN (SELECT value FROM json_each(?))", (batch,))}
        for r in store.read("SELECT rowid, id, doc_id, text, norm FROM passages"
                            " WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY rowid", (batch,)):
            d = docs.get(r[2])
            if d is None:
                continue
            doc = t.Document()
            doc.add_unsigned("rid", r[0])
            doc.add_unsigned("pidh", pid_hash(r[1]))
            doc.add_text("doc", r[2])
            doc.add_text("text", _indexed(r[3]))
            doc.add_text("norm", _indexed(r[4]))
            doc.add_text("kind", d["kind"])
            doc.add_text("body", d["body"])
            if d["year"] is not None:
                doc.add_integer("year", int(d["year"]))
            doc.add_unsigned("sup", int(bool(d["sup"])))
            doc.add_unsigned("flag", int(r[1] in flagged))
            for v in sorted(dom.get(r[1], ())):
                doc.add_text("dom", v)
            for v in sorted(ten.get(r[1], ())):
                doc.add_text("ten", v)
            for v in sorted(ldom.get(r[1], ())):
                doc.add_text("ldom", v)
            yield doc


# -- sync ------------------------------------------------------------------------------


def sync(store: Any, *, rebuild: bool = False, progress: Callable[[int, int], None] | None = None) -> SyncReport:
    """Bring the sidecar of ``store`` up to date (reindex changed documents; build when missing).

    ``progress(done, todo)`` is called after each batch of documents. Raises
    :class:`FastSearchUnavailable` when the store has no sidecar or another process holds
    the index writer."""
    path = index_dir(store)
    if path is None:
        raise FastSearchUnavailable("geen zoekindex voor een database in het geheugen")
    sc = _open(path)
    with sc.lock:
        return _sync(sc, store, rebuild=rebuild, progress=progress)


def sync_quietly(store: Any) -> SyncReport | None:
    """:func:`sync` for callers that must not fail on it (the end of an ingest): None when
    there is no sidecar or it cannot be synced now (the next search retries, or uses FTS5)."""
    if engine() == "fts5" or index_dir(store) is None:
        return None
    try:
        return sync(store)
    except BaseException as err:  # tantivy errors include pyo3 panics (BaseException)
        if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        log.warning("Zoekindex niet bijgewerkt (%s: %s); de volgende zoekvraag probeert het opnieuw.",
                    type(err).__name__, err)
        return None


def _load_stamps(sc: _Sidecar) -> dict[str, str] | None:
    """The stamps the index was last synced at (re-read when another process rewrote them)."""
    try:
        mtime = (sc.path / STAMPS_FILE).stat().st_mtime
    except OSError:
        return None
    if mtime != sc.stamps_mtime or sc.stamps is None:
        meta = _read_stamps_file(sc.path)
        if meta is None or meta.get("schema") != SCHEMA_VERSION:
            return None
        sc.stamps, sc.stamps_mtime = {str(k): str(v) for k, v in meta["stamps"].items()}, mtime
    return sc.stamps


def _sync(sc: _Sidecar, store: Any, *, rebuild: bool,
          progress: Callable[[int, int], None] | None) -> SyncReport:
    t0 = time.perf_counter()
    token = store.generation  # before the stamps: a write after this point changes the token
    current = stamps(store)
    old = None if rebuild else _load_stamps(sc)
    report = SyncReport(rebuilt=old is None)
    # in the order the documents were stored: a fresh index then lists passages by rowid, so
    # equal scores come out by rowid without further work (as ORDER BY rank, rowid on FTS5)
    changed = sorted((d for d, s in current.items() if old is None or old.get(d) != s),
                     key=lambda d: int(current[d].split("|", 1)[0]))
    removed = sorted(set(old or ()) - set(current))
    if changed or removed or old is None:
        with _exclusive(sc.path) as mine:
            if not mine:
                raise FastSearchUnavailable("de zoekindex wordt door een ander proces bijgewerkt")
            _write_changes(sc, store, old, changed, removed, report, progress)
            _write_stamps_file(sc.path, current, token)
        sc.stamps, sc.stamps_mtime = current, (sc.path / STAMPS_FILE).stat().st_mtime
        report.documents_indexed, report.documents_removed = len(changed), len(removed)
    if changed or removed or sc.bodies is None:
        sc.bodies = [r[0] for r in store.read("SELECT DISTINCT body FROM documents")]
    sc.index.reload()
    sc.tokens[store] = token
    report.seconds = time.perf_counter() - t0
    return report


def _write_changes(sc: _Sidecar, store: Any, old: dict[str, str] | None, changed: list[str], removed: list[str],
                   report: SyncReport, progress: Callable[[int, int], None] | None) -> None:
    """Delete and re-add the changed documents, remove the removed ones, commit (or roll back)."""
    try:
        big = old is None or len(changed) > 1000  # a small sync needs no large indexing arena
        writer = sc.index.writer(heap_size=WRITER_HEAP if big else WRITER_HEAP // 4, num_threads=1)
    except ValueError as err:  # LockBusy: another process is writing the index
        raise FastSearchUnavailable(f"zoekindex wordt bijgewerkt door een ander proces ({err})") from err
    try:
        if old is None:
            writer.delete_all_documents()
        else:
            for doc_id in (*removed, *changed):
                writer.delete_documents_by_term("doc", doc_id)
        for i in range(0, len(changed), BATCH_DOCS):
            for doc in _documents(store, changed[i:i + BATCH_DOCS]):
                writer.add_document(doc)
                report.passages_indexed += 1
            if progress:
                progress(min(i + BATCH_DOCS, len(changed)), len(changed))
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        try:
            writer.rollback()
        except BaseException:  # noqa: S110 - the writer may already be gone; the commit did not happen
            pass
        raise


def _ensure_synced(sc: _Sidecar, store: Any) -> None:
    """Sync before a search; a full build of a large store goes to a background thread and
    raises :class:`FastSearchUnavailable` meanwhile (FTS5 answers until it is done)."""
    if sc.building is not None and sc.building.is_alive():
        raise FastSearchUnavailable("de snelle zoekindex wordt op de achtergrond opgebouwd")
    if _load_stamps(sc) is None and _passages_estimate(store) > FOREGROUND_MAX_PASSAGES:
        _build_in_background(sc, store)
        raise FastSearchUnavailable("de snelle zoekindex wordt op de achtergrond opgebouwd (drechtlens zoekindex "
                                    "bouwt hem in één keer)")
    with sc.lock:
        try:
            known = sc.tokens.get(store)
        except TypeError:  # not weak-referenceable: check every time
            known = None
        if known is not None and known == store.generation:
            return
        _sync(sc, store, rebuild=False, progress=None)


def _passages_estimate(store: Any) -> int:
    """About how many passages the store holds (max rowid: an index lookup, not a count)."""
    return int(store.read("SELECT coalesce(max(rowid), 0) FROM passages")[0][0])


def _build_in_background(sc: _Sidecar, store: Any) -> None:
    """Start the full build of a large store in a daemon thread (once per sidecar at a time)."""
    with _REGISTRY_LOCK:
        if sc.building is not None and sc.building.is_alive():
            return

        def run() -> None:
            try:
                with sc.lock:
                    report = _sync(sc, store, rebuild=False, progress=None)
                log.info("Zoekindex %s opgebouwd: %d passages in %.0f s.", sc.path, report.passages_indexed,
                         report.seconds)
            except BaseException as err:  # a failed build leaves FTS5 in charge; the next search retries
                log.warning("Zoekindex %s niet opgebouwd (%s: %s).", sc.path, type(err).__name__, err)

        sc.building = threading.Thread(target=run, name="drechtlens-zoekindex", daemon=True)
        sc.building.start()


def wait_for_background_build(store: Any, timeout: float | None = None) -> bool:
    """Wait until a background build of ``store``'s sidecar is done; False on timeout."""
    path = index_dir(store)
    sc = _SIDECARS.get(str(path)) if path else None
    thread = sc.building if sc is not None else None
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


# -- queries -------------------------------------------------------------------------


def _term_query(sc: _Sidecar, field_name: str, words: list[str]) -> Any:
    t = _tantivy()
    words = [w for w in words if w]
    if not words or any(len(w.encode()) > MAX_TOKEN_BYTES for w in words):
        return t.Query.empty_query()
    if len(words) == 1:
        return t.Query.term_query(sc.schema, field_name, words[0])
    return t.Query.phrase_query(sc.schema, field_name, words)


def _prefix_query(sc: _Sidecar, searcher: Any, prefix: str) -> Any:
    """Every ``text`` term starting with ``prefix``: BM25 for up to PREFIX_EXPANSIONS of them
    (the most frequent), a constant-score regex for the rest so that none is missed."""
    t = _tantivy()
    if not prefix or len(prefix.encode()) > MAX_TOKEN_BYTES:
        return t.Query.empty_query()
    terms = searcher.terms_with_prefix("text", prefix, limit=PREFIX_EXPANSIONS + 1)
    if len(terms) <= PREFIX_EXPANSIONS:
        if not terms:
            return t.Query.empty_query()
        return t.Query.boolean_query([(t.Occur.Should, t.Query.term_query(sc.schema, "text", w)) for w, _ in terms])
    # the prefix consists of word characters only (WORD_RE), so it needs no regex escaping
    everything = t.Query.regex_query(sc.schema, "text", prefix + ".*")
    scored = [(t.Occur.Should, t.Query.term_query(sc.schema, "text", w)) for w, _ in terms[:PREFIX_EXPANSIONS]]
    return t.Query.boolean_query([(t.Occur.Must, everything), *scored])


def _term(sc: _Sidecar, searcher: Any, term: Term) -> Any:
    if term.kind == "word":
        return _term_query(sc, "norm", tokens(term.norm))
    if term.kind == "prefix":
        return _prefix_query(sc, searcher, term.words[0])
    return _term_query(sc, "text", list(term.words))


def _filters(sc: _Sidecar, store: Any, searcher: Any, f: SearchFilters) -> list[tuple[Any, Any]]:
    """Filter clauses (score 0): Must for what a hit needs, MustNot for superseded versions."""
    t = _tantivy()
    must: list[Any] = []
    if f.kind:
        must.append(t.Query.term_query(sc.schema, "kind", f.kind))
    if f.body:  # SQLite's LIKE, as on the FTS5 path, over the few distinct bodies (not 50k documents: 20 ms)
        bodies = [r[0] for r in store.read("SELECT value FROM json_each(?) WHERE value LIKE '%' || ? || '%'",
                                           (json.dumps(sc.bodies or []), f.body))]
        must.append(t.Query.term_set_query(sc.schema, "body", bodies) if bodies else t.Query.empty_query())
    if f.year_from is not None or f.year_to is not None:
        lo = None if f.year_from is None else int(f.year_from)
        hi = None if f.year_to is None else int(f.year_to)
        must.append(t.Query.range_query(sc.schema, "year", t.FieldType.Integer, lo, hi))
    if f.doc_id:
        must.append(t.Query.term_query(sc.schema, "doc", f.doc_id))
    if f.has_flags:
        must.append(t.Query.term_query(sc.schema, "flag", 1))
    if f.domain:
        must.append(t.Query.term_query(sc.schema, "dom", f.domain))
    if f.tension:
        must.append(t.Query.term_query(sc.schema, "ten", f.tension))
    out = [(t.Occur.Must, t.Query.const_score_query(q, 0.0)) for q in must]
    # superseded versions are rare; without any, the clause would only cost time (a plain term
    # query ranks faster than a boolean one). doc_freq also counts deleted entries: never too low.
    if f.latest_only and searcher.doc_freq("sup", 1):
        out.append((t.Occur.MustNot, t.Query.term_query(sc.schema, "sup", 1)))
    return out


def build_query(sc: _Sidecar, store: Any, searcher: Any, pq: ParsedQuery, f: SearchFilters) -> Any:
    """The tantivy query for a parsed user query and filters (OR of ANDs, NOT, filters)."""
    t = _tantivy()
    ands = []
    for clause in pq.clauses:
        parts = [_term(sc, searcher, term) for term in clause]
        ands.append(parts[0] if len(parts) == 1 else t.Query.boolean_query([(t.Occur.Must, q) for q in parts]))
    text_q = ands[0] if len(ands) == 1 else t.Query.boolean_query([(t.Occur.Should, q) for q in ands])
    clauses = [(t.Occur.Must, text_q)]
    clauses += [(t.Occur.MustNot, _term(sc, searcher, term)) for term in pq.excluded]
    clauses += _filters(sc, store, searcher, f)
    return text_q if len(clauses) == 1 else t.Query.boolean_query(clauses)


@dataclass(slots=True)
class FastHits:
    rowids: list[int]  # passage rowids, best first (the page asked for)
    pid_hashes: list[int]  # pid_hash of the passage id each rowid had when indexed
    scores: list[float]  # BM25, higher is better
    total: int  # exact number of matches
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # exact counts, when asked for


def _ranked(searcher: Any, query: Any, need: int, count: bool) -> tuple[list[tuple[float, int, int]], int | None]:
    """Top ``need`` as (score, rowid, pidh), ties ordered by rowid; and the exact total when ``count``
    (counting visits every match, which top-k ranking does not: 26 ms for a word in 287k passages)."""
    # One pass fetches TIE_FETCH_CAP hits beyond the page, so that a group of equal scores cut by
    # the page end can be ordered by rowid (a fresh index already yields ties by rowid; this covers
    # documents a sync reindexed into a newer segment). Measured at 1M passages, top-110 costs
    # the same as top-11: synthetic text has so many equal scores that block-max pruning skips
    # little either way, while a second pass for the tie group would double the cost.
    k = need + TIE_FETCH_CAP
    res = searcher.search(query, k, count=count)
    total, hits = (int(res.count) if count else None), res.hits
    cut = None  # score of a tie group that is cut off even so: it keeps tantivy's order
    if need and len(hits) == k and hits[need - 1][0] == hits[-1][0]:
        cut = float(hits[need - 1][0])
    if need and hits:  # hits below the page's last score cannot enter the page
        floor = hits[min(need, len(hits)) - 1][0]
        hits = [h for h in hits if h[0] >= floor]
    addrs = [a for _, a in hits]
    rids = searcher.fast_field_values("rid", addrs) if addrs else []
    pidh = searcher.fast_field_values("pidh", addrs) if addrs else []
    ranked = [(float(s), int(r), int(p)) for (s, _), r, p in zip(hits, rids, pidh, strict=True)]
    if cut is None:
        ranked.sort(key=lambda x: (-x[0], x[1]))
    else:  # complete groups by rowid; the cut group and below in tantivy's (deterministic) order
        ranked = sorted((x for x in ranked if x[0] > cut), key=lambda x: (-x[0], x[1])) + \
            [x for x in ranked if x[0] <= cut]
    return ranked[:need], total


def _facets(searcher: Any, query: Any) -> tuple[dict[str, dict[str, int]], int]:
    """Exact counts per body, year, kind and machine-label domain, and the number of matches
    (every passage has one kind), from one aggregation pass over the matches."""
    aggs = searcher.aggregate(query, {
        "body": {"terms": {"field": "body", "size": 10_000}},
        "year": {"terms": {"field": "year", "size": 10_000}},
        "kind": {"terms": {"field": "kind", "size": 1_000}},
        "domain": {"terms": {"field": "ldom", "size": 1_000}},
    })

    def buckets(name: str, key: Callable[[Any], str] = str) -> dict[str, int]:
        items = [(key(b["key"]), int(b["doc_count"])) for b in aggs.get(name, {}).get("buckets", [])]
        return dict(sorted(items, key=lambda kv: (-kv[1], kv[0])))

    out = {"body": buckets("body"), "year": buckets("year", lambda k: str(int(k))), "kind": buckets("kind"),
           "domain": buckets("domain")}
    total = sum(out["kind"].values())
    no_year = total - sum(out["year"].values())  # year is single-valued: the rest has none
    if no_year > 0:
        out["year"] = dict(sorted([*out["year"].items(), ("", no_year)], key=lambda kv: (-kv[1], kv[0])))
    return out, total


def search_ids(store: Any, pq: ParsedQuery, f: SearchFilters, *, limit: int, offset: int,
               with_facets: bool) -> FastHits:
    """Ranked rowids (the page ``offset … offset+limit``), exact total and facets from tantivy.

    Syncs the sidecar first when the store changed. Raises :class:`FastSearchUnavailable`
    (or whatever tantivy raises) when it cannot answer; the caller then uses FTS5."""
    path = index_dir(store)
    if path is None or engine() == "fts5":
        raise FastSearchUnavailable("tantivy staat uit of er is geen zoekindex voor deze database")
    sc = _open(path)
    try:
        _ensure_synced(sc, store)
        searcher = sc.index.searcher()
        query = build_query(sc, store, searcher, pq, f)
        # with facets the aggregation counts the matches anyway: the ranking then skips counting
        ranked, total = _ranked(searcher, query, max(0, int(offset)) + max(0, int(limit)), count=not with_facets)
        page = ranked[max(0, int(offset)):]
        facets: dict[str, dict[str, int]] = {}
        if with_facets:
            facets, total = _facets(searcher, query)
    except FastSearchUnavailable:
        raise
    except BaseException as err:  # pyo3 panics are BaseExceptions
        if not isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)) and not _healthy(sc):
            _discard(sc)
        raise
    return FastHits([r for _, r, _ in page], [p for _, _, p in page], [s for s, _, _ in page], int(total or 0),
                    facets)


def _healthy(sc: _Sidecar) -> bool:
    """Whether the index still answers basic reads (after a search failed): every segment's
    term dictionaries, postings and fast fields are touched once."""
    t = _tantivy()
    try:
        sc.index.reload()
        searcher = sc.index.searcher()
        searcher.search(t.Query.all_query(), 1, count=True)
        for name in ("text", "norm"):
            for term, _ in searcher.terms_with_prefix(name, "", limit=20):
                searcher.search(t.Query.term_query(sc.schema, name, term), 10, count=True)
        searcher.aggregate(t.Query.all_query(), {"kind": {"terms": {"field": "kind"}}})
        return True
    except BaseException as err:
        if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        return False


def _discard(sc: _Sidecar) -> None:
    """Give up a damaged index: the next search rebuilds it from scratch (FTS5 answers meanwhile)."""
    log.warning("Zoekindex %s is beschadigd; hij wordt bij de volgende zoekvraag opnieuw opgebouwd.", sc.path)
    with _REGISTRY_LOCK:
        if _SIDECARS.get(str(sc.path)) is sc:
            del _SIDECARS[str(sc.path)]
    # schema -1: the next _open deletes the folder and starts a fresh index (under the lock)
    tmp = sc.path / (STAMPS_FILE + ".tmp")
    tmp.write_text(json.dumps({"schema": -1, "stamps": {}, "damaged": True}), encoding="utf-8")
    os.replace(tmp, sc.path / STAMPS_FILE)


def forget(store: Any) -> None:
    """Drop this process's memory of ``store`` (the next search re-checks the stamps)."""
    path = index_dir(store)
    sc = _SIDECARS.get(str(path)) if path else None
    if sc is not None:
        with sc.lock:
            sc.tokens.pop(store, None)


def close_all() -> None:
    """Forget every open sidecar in this process (tests; a deleted index folder is reopened fresh)."""
    with _REGISTRY_LOCK:
        _SIDECARS.clear()

