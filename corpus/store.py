"""The corpus store: one SQLite file holding documents, passages, machine results and user data.

This is the only module that writes SQL (``corpus.search`` only reads, through
:meth:`Store.read`). Everything returned is a dataclass or a ``Document``/``Passage``, never
a cursor. Schema and migrations: ``corpus.migrations``.

Usage::

    from corpus.store import Store

    with Store("data/corpus.db") as store:          # or Store(":memory:")
        res = store.add_document(doc, file_bytes=pdf_bytes)   # AddResult(status, doc_id, previous_id)
        store.documents(kind="regeling", body="Dordrecht")     # list[DocumentSummary]
        doc = store.get_document(res.doc_id)                   # Document with passages
        store.save_flags(doc.id, [f.to_dict() for f in flags], producer="ambiguity", version="1")
        store.flags(doc_id=doc.id, severity_min="zorg", status="open")   # list[StoredFlag]
        store.add_decision(flag.key, doc.id, reviewer="an", decision="dismiss", reason="bewust open")
        store.add_coding(passage_id, coder="an", domains=["wonen"], tensions={"autonomie": "A"})

Semantics:

* ``add_document`` runs in ONE transaction (document, file bytes, passages, analysis
  results): after a crash a document is either fully there or not at all.
  Status ``"duplicate"`` when the sha256 id is already stored; ``"new_version"`` when a
  document with the same (title, kind, body) exists under another hash AND at least 80% of
  the smaller one's word 6-grams occur in the other (inferred titles can be generic, e.g.
  "Hoofdstuk 1 Inleiding"; on ../shared/corpus true versions score 0.96-0.98, different
  bestemmingsplannen from one template 0.60-0.78): the new one gets the same ``lineage`` and
  ``previous_id`` = that newest earlier version; else ``"new"``.
* Original files live in the ``files`` blob table (content addressed by sha256), so they
  commit and roll back with their document; ``file_bytes(doc_id)`` returns them.
* Machine results (``save_labels``, ``save_flags``) replace earlier rows of the same
  producer for that document. User data (review decisions, codings, saved searches) is
  never deleted by a re-ingest, a retrain or ``delete_document``.
* Review status of a flag = the latest ``accept``/``dismiss`` decision for its key within
  the document's lineage (so a decision carries over to the next version when the flag's
  key is unchanged); ``comment`` decisions do not change the status. Status values:
  ``"open"``, ``"accept"``, ``"dismiss"``.
* Codings store the passage text hash and a snapshot; ``codings(passage_id=...)`` also
  returns codings made on an earlier version of the same document whose text is identical.

Full API (all methods return dataclasses defined here, ``Document`` or ``Passage``):

* documents: ``add_document``, ``bulk_add`` (benchmarks; no versions/files) + ``rebuild_index``,
  ``has_document``, ``get_document`` (id or unique prefix ≥ 6), ``file_bytes``,
  ``documents(kind, body, year_from, year_to, latest_only, lineage, title_contains)``,
  ``versions``, ``delete_document``;
* passages: ``passages(doc_id)``, ``get_passage(id)``, ``passage_doc_id(id)``;
* machine results: ``save_labels``/``labels(doc_id, passage_id, producer, domain)``,
  ``save_flags``/``flags(doc_id, type, severity_min, status, artikel, producer, passage_id)``;
* user data: ``add_decision``/``decisions(flag_key, doc_id, reviewer)``,
  ``add_coding``/``codings(passage_id, doc_id, coder, adjudicated)``,
  ``save_search``/``saved_searches``/``delete_search``, ``import_user_data`` (zip restore);
* ``stats()``, ``generation`` (cache key that changes with the corpus), ``read(sql, params)``
  (read-only queries for corpus.search / corpus.similar / benchmarks).

Thread safety: one connection per ``Store``, created with ``check_same_thread=False`` and
guarded by a lock, so a Streamlit session may share one ``Store`` between its threads.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import zlib
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus.migrations import migrate
from corpus.normalize import WORD_RE, norm_text
from extract.document import Document, ExtractionWarning, Passage

SEVERITIES = ("info", "suggestie", "zorg", "kritiek")  # index == models.ambiguity.flag.Severity value
DECISIONS = ("accept", "dismiss", "comment")


VERSION_MIN_OVERLAP = 0.8  # share of word 6-grams two versions of one document must have in common


def shingles(texts: Iterable[str], k: int = 6) -> set[int]:
    """Hashed word k-grams of a text (all of them; texts are at most a few MB)."""
    words = WORD_RE.findall(" ".join(texts).lower())
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(len(words) - k + 1)}


class StoreError(Exception):
    """Bad input to the store; ``str(err)`` is a Dutch sentence for the user."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def text_hash(text: str) -> str:
    """Hash of passage text with whitespace normalised (codings survive re-flowed text)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:32]


def _severity(value: str | int | None) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    v = str(value).strip().lower()
    if v.isdigit():
        return int(v)
    if v not in SEVERITIES:
        raise StoreError(f"Onbekende ernst {value!r}; kies uit {', '.join(SEVERITIES)}.")
    return SEVERITIES.index(v)


# -- records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddResult:
    status: str  # "new" | "duplicate" | "new_version"
    doc_id: str
    previous_id: str | None = None
    passages: int = 0


@dataclass(slots=True)
class DocumentSummary:
    id: str
    title: str
    kind: str
    body: str
    year: int | None
    page_count: int
    passage_count: int
    source_file: str
    format: str
    lineage: str
    previous_id: str | None
    ingested_at: str
    is_latest: bool
    warnings: int = 0
    flag_counts: dict[str, int] = field(default_factory=dict)  # severity name → count
    label_counts: dict[str, int] = field(default_factory=dict)  # domain → passages labelled


@dataclass(slots=True)
class StoredLabel:
    passage_id: str
    doc_id: str
    producer: str
    producer_version: str
    codebook_version: str
    domains: list[str]
    tensions: dict[str, Any]
    probabilities: dict[str, Any]
    explanation: dict[str, Any]
    created_at: str


@dataclass(slots=True)
class StoredFlag:
    id: int
    doc_id: str
    passage_id: str | None
    key: str
    type: str
    severity: str
    artikel: str | None
    flag: dict[str, Any]  # Flag.to_dict() as saved
    producer: str
    producer_version: str
    pipeline: str
    status: str  # "open" | "accept" | "dismiss"
    created_at: str
    version: int = 0  # edit version of the review status (pass to add_decision(expected_version=…))

    @property
    def quote(self) -> str:
        return self.flag.get("quote", "")


@dataclass(slots=True)
class Decision:
    id: int
    flag_key: str
    lineage: str
    doc_id: str
    reviewer: str
    decision: str
    reason: str
    comment: str
    created_at: str


@dataclass(slots=True)
class Coding:
    id: int
    passage_id: str
    doc_id: str
    lineage: str
    coder: str
    domains: list[str]
    tensions: dict[str, str]
    note: str
    adjudicated: bool
    text_hash: str
    text_snapshot: str
    location: str
    created_at: str


@dataclass(slots=True)
class SavedSearch:
    name: str
    query: str
    filters: dict[str, Any]
    created_at: str


@dataclass(slots=True)
class StoreStats:
    documents: int
    latest_documents: int
    passages: int
    pages: int
    files_bytes: int
    by_kind: dict[str, int]
    by_body: dict[str, int]
    by_year: dict[int | None, int]
    flags: int
    flags_by_severity: dict[str, int]
    labels: int
    decisions: int
    codings: int
    saved_searches: int
    db_bytes: int
    schema_version: int


# -- the store ---------------------------------------------------------------------------


# Columns of a passage row as ``_passage_from_row`` reads them (never ``SELECT *``: the
# PostgreSQL table also holds the tsvector column).
_PASSAGE_COLS = "id, doc_id, seq, path, heading, text, page_start, page_end, block, part"


def _passage_from_row(r: Any) -> Passage:
    return Passage(
        id=r["id"], seq=r["seq"], text=r["text"], page_start=r["page_start"], page_end=r["page_end"],
        path=tuple((str(a), str(b)) for a, b in json.loads(r["path"])), heading=r["heading"],
        block=r["block"], part=r["part"],
    )


def is_database_url(target: str | Path) -> bool:
    """Whether ``target`` names a PostgreSQL database (``postgresql://…``/``postgres://…``), not a file."""
    return str(target).startswith(("postgresql://", "postgres://"))


def store_exists(target: str | Path) -> bool:
    """Whether there is a corpus at ``target`` to open: a SQLite file that exists, or any
    database URL (the server answers for those; opening one creates its schema)."""
    return is_database_url(target) or Path(target).exists()


def redact(target: str | Path) -> str:
    """``target`` fit to show: a database URL without its password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", str(target))


class Store(ABC):
    """The corpus store: one API, two backends (SQLite file, PostgreSQL server).

    ``Store(target)`` picks the backend from ``target`` (like :func:`open_store`): a file
    path or ``":memory:"`` gives a :class:`SqliteStore`, a ``postgresql://`` URL a
    ``corpus.store_pg.PostgresStore``. All behaviour lives in this class as SQL both engines
    accept; a backend supplies the connection plumbing (``transaction``, ``read``,
    ``generation``, ``schema_version``, ``close``), the bulk-load path and a few dialect
    fragments (``_LIKE``, ``_json_values``). Connections hand out rows that index by
    position and by column name (``sqlite3.Row`` or its PostgreSQL twin).
    """

    dialect: str = ""  # "sqlite" | "postgresql"
    path: str  # file path, ":memory:" or the database URL without its password
    _LIKE = "LIKE"  # case-insensitive substring match

    def __new__(cls, target: str | Path = ":memory:", *args: Any, **kwargs: Any) -> Store:
        if cls is Store:  # Store(target) is the factory; subclasses construct themselves
            if is_database_url(target):
                from corpus.store_pg import PostgresStore
                cls = PostgresStore
            else:
                cls = SqliteStore
        return super().__new__(cls)

    # -- plumbing (per backend) ----------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """One write transaction; yields a connection with ``execute``/``executemany``."""

    @abstractmethod
    def read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        """Run a read-only query with ``?`` placeholders; returns all rows."""

    @property
    @abstractmethod
    def generation(self) -> str:
        """Changes whenever the corpus changes (cache key for similar.py, the app, indexes)."""

    @property
    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def bulk_add(self, docs: Iterable[Document], *, rebuild_index: bool = True) -> int:
        """Fast path for large synthetic corpora (benchmarks): one transaction, the text index
        rebuilt once at the end. No version detection, no files; duplicates are skipped.
        Returns the number of documents added."""

    @abstractmethod
    def rebuild_index(self, optimize: bool = True) -> None:
        """Rebuild the full-text index (after ``bulk_add(rebuild_index=False)``)."""

    @abstractmethod
    def _db_bytes(self) -> int: ...

    def _json_values(self, expr: str, alias: str) -> str:
        """FROM item with one row per element of the JSON array ``expr``, as ``alias.value``."""
        return f"json_each({expr}) {alias}"

    def _json_keys(self, expr: str, alias: str) -> str:
        """FROM item with one row per key of the JSON object ``expr``, as ``alias.key``."""
        return f"json_each({expr}) {alias}"

    # -- documents -----------------------------------------------------------------------
    def add_document(self, doc: Document, file_bytes: bytes | None = None,
                     analysis: Iterable[Any] = (), *, lineage: str | None = None,
                     previous_id: str | None = None, ingested_at: str | None = None) -> AddResult:
        """Store ``doc`` with its passages (and analysis results) in one transaction.

        ``analysis`` is a list of ``corpus.analysis.AnalysisOutput`` (labels or flags).
        ``lineage``/``previous_id``/``ingested_at`` restore an exported version chain as it
        was (zip import); normally they are left out and detected.
        """
        if not doc.id:
            raise StoreError("Document zonder id (sha256) kan niet worden opgeslagen.")
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                return AddResult("duplicate", doc.id, None, 0)
            prev = None if lineage else self._find_previous(c, doc)
            if prev:
                previous_id, lineage = prev["id"], prev["lineage"]
            elif not lineage:
                previous_id, lineage = None, doc.id
            if previous_id and not c.execute("SELECT 1 FROM documents WHERE id = ?", (previous_id,)).fetchone():
                previous_id = None  # the earlier version is not in this store (deleted or not imported)
            file_sha = hashlib.sha256(file_bytes).hexdigest() if file_bytes is not None else None
            # ON CONFLICT: another process (a parallel ingest worker) may have stored the same
            # content hash since the check above; the unique id makes the retry a duplicate.
            cur = c.execute(
                "INSERT INTO documents(id, lineage, previous_id, title, kind, body, year, page_count, source_file,"
                " format, extractor, warnings, meta, file_sha, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (doc.id, lineage, previous_id, doc.title, doc.kind, doc.body, doc.year, doc.page_count,
                 doc.source_file, doc.format, doc.extractor,
                 _dumps([{"code": w.code, "message": w.message, "page": w.page} for w in doc.warnings]),
                 _dumps({k: v for k, v in doc.meta.items() if k not in ("lineage", "previous_id")}), file_sha,
                 ingested_at or _now()),
            )
            if cur.rowcount == 0:
                return AddResult("duplicate", doc.id, None, 0)
            if file_bytes is not None:
                c.execute("INSERT INTO files(sha, size, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                          (file_sha, len(file_bytes), file_bytes))
            self._insert_passages(c, doc.id, doc.passages)
            for out in analysis:
                self._save_analysis(c, doc.id, out)
        return AddResult("new_version" if previous_id else "new", doc.id, previous_id, len(doc.passages))

    def _find_previous(self, c: Any, doc: Document) -> Any:
        """The stored document ``doc`` is a new version of, or None.

        Candidates are the newest versions (chain heads) with the same title, kind and body.
        Inferred titles can be generic ("Hoofdstuk 1 Inleiding"), so a candidate must also
        share text: at least :data:`VERSION_MIN_OVERLAP` of the smaller document's word
        6-grams occur in the other (containment, so an added chapter does not break the
        link). The most similar candidate wins.
        """
        if not doc.title.strip():
            return None
        cands = c.execute(
            "SELECT d.id, d.lineage FROM documents d WHERE d.title = ? AND d.kind = ? AND d.body = ?"
            " AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)"
            " ORDER BY d.ingested_at DESC, d.rowid DESC LIMIT 20",
            (doc.title, doc.kind, doc.body),
        ).fetchall()
        if not cands:
            return None
        mine = shingles(p.text for p in doc.passages)
        best, best_score = None, VERSION_MIN_OVERLAP
        for cand in cands:
            theirs = shingles(r[0] for r in c.execute("SELECT text FROM passages WHERE doc_id = ? ORDER BY seq",
                                                      (cand["id"],)))
            if not mine or not theirs:
                continue
            score = len(mine & theirs) / min(len(mine), len(theirs))
            if score >= best_score:
                best, best_score = cand, score
        return best

    @staticmethod
    def _passage_rows(doc_id: str, passages: Iterable[Passage]) -> Iterator[tuple]:
        for p in passages:
            yield (p.id, doc_id, p.seq, _dumps([list(s) for s in p.path]), p.heading, p.text,
                   norm_text(p.heading + "\n" + p.text if p.heading else p.text),
                   p.page_start, p.page_end, p.block, p.part, p.artikel, p.lid, p.onderdeel)

    def _insert_passages(self, c: Any, doc_id: str, passages: Iterable[Passage]) -> None:
        c.executemany(
            "INSERT INTO passages(id, doc_id, seq, path, heading, text, norm, page_start, page_end, block, part,"
            " artikel, lid, onderdeel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self._passage_rows(doc_id, passages),
        )

    def has_document(self, doc_id: str) -> bool:
        return bool(self.read("SELECT 1 FROM documents WHERE id = ?", (doc_id,)))

    def get_document(self, doc_id: str, *, with_passages: bool = True) -> Document:
        rows = self.read("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            rows = (self.read("SELECT * FROM documents WHERE id LIKE ? || '%' ORDER BY id LIMIT 2", (doc_id,))
                    if len(doc_id) >= 6 else [])
            if len(rows) != 1:
                raise StoreError(f"Document {doc_id!r} staat niet in het corpus.")
        r = rows[0]
        meta = json.loads(r["meta"])
        meta.setdefault("lineage", r["lineage"])
        if r["previous_id"]:
            meta.setdefault("previous_id", r["previous_id"])
        return Document(
            id=r["id"], title=r["title"], kind=r["kind"], body=r["body"], year=r["year"],
            page_count=r["page_count"], source_file=r["source_file"], format=r["format"],
            extractor=r["extractor"], warnings=[ExtractionWarning(**w) for w in json.loads(r["warnings"])],
            meta=meta, passages=self.passages(r["id"]) if with_passages else [],
        )

    def file_bytes(self, doc_id: str) -> bytes | None:
        rows = self.read("SELECT f.data FROM documents d JOIN files f ON f.sha = d.file_sha WHERE d.id = ?", (doc_id,))
        return bytes(rows[0][0]) if rows else None

    def documents(self, *, kind: str | None = None, body: str | None = None, year_from: int | None = None,
                  year_to: int | None = None, latest_only: bool = False, lineage: str | None = None,
                  title_contains: str | None = None) -> list[DocumentSummary]:
        """Document summaries, newest year first. ``body`` matches as a case-insensitive substring."""
        where, params = ["1=1"], []
        if kind:
            where.append("d.kind = ?")
            params.append(kind)
        if body:
            where.append(f"d.body {self._LIKE} '%' || ? || '%'")
            params.append(body)
        if year_from is not None:
            where.append("d.year >= ?")
            params.append(year_from)
        if year_to is not None:
            where.append("d.year <= ?")
            params.append(year_to)
        if lineage:
            where.append("d.lineage = ?")
            params.append(lineage)
        if title_contains:
            where.append(f"d.title {self._LIKE} '%' || ? || '%'")
            params.append(title_contains)
        if latest_only:
            where.append("NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)")
        rows = self.read(
            "SELECT d.*, (SELECT count(*) FROM passages p WHERE p.doc_id = d.id) AS n_passages,"
            " NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id) AS is_latest"
            f" FROM documents d WHERE {' AND '.join(where)} ORDER BY d.year DESC NULLS LAST, d.title, d.ingested_at, d.rowid",
            params,
        )
        flag_counts: dict[str, Counter] = {}
        for fr in self.read("SELECT doc_id, severity, count(*) AS n FROM flags GROUP BY doc_id, severity"):
            flag_counts.setdefault(fr["doc_id"], Counter())[SEVERITIES[min(fr["severity"], 3)]] += fr["n"]
        label_counts: dict[str, Counter] = {}
        for lr in self.read("SELECT l.doc_id, j.value AS domain, count(DISTINCT l.passage_id) AS n"
                            f" FROM passage_labels l, {self._json_values('l.domains', 'j')} GROUP BY l.doc_id, j.value"):
            label_counts.setdefault(lr["doc_id"], Counter())[lr["domain"]] += lr["n"]
        return [
            DocumentSummary(
                id=r["id"], title=r["title"], kind=r["kind"], body=r["body"], year=r["year"],
                page_count=r["page_count"], passage_count=r["n_passages"], source_file=r["source_file"],
                format=r["format"], lineage=r["lineage"], previous_id=r["previous_id"],
                ingested_at=r["ingested_at"], is_latest=bool(r["is_latest"]),
                warnings=len(json.loads(r["warnings"])),
                flag_counts=dict(flag_counts.get(r["id"], {})), label_counts=dict(label_counts.get(r["id"], {})),
            )
            for r in rows
        ]

    def versions(self, doc_id: str) -> list[DocumentSummary]:
        """All versions of the document's lineage, oldest first."""
        doc = self.get_document(doc_id, with_passages=False)
        out = self.documents(lineage=doc.meta["lineage"])
        return sorted(out, key=lambda s: s.ingested_at)

    def delete_document(self, doc_id: str) -> bool:
        """Delete a document, its passages and machine results. User data (codings,
        decisions, saved searches) stays. The file blob is removed when no document uses it."""
        with self.transaction() as c:
            row = c.execute("SELECT file_sha, previous_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if not row:
                return False
            # keep the version chain intact: successors now point to our predecessor
            c.execute("UPDATE documents SET previous_id = ? WHERE previous_id = ?", (row["previous_id"], doc_id))
            c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            if row["file_sha"]:
                c.execute("DELETE FROM files WHERE sha = ? AND NOT EXISTS "
                          "(SELECT 1 FROM documents WHERE file_sha = ?)", (row["file_sha"], row["file_sha"]))
        return True

    # -- passages ------------------------------------------------------------------------
    def passages(self, doc_id: str) -> list[Passage]:
        return [_passage_from_row(r) for r in self.read(f"SELECT {_PASSAGE_COLS} FROM passages WHERE doc_id = ? ORDER BY seq", (doc_id,))]

    def get_passage(self, passage_id: str) -> Passage:
        rows = self.read(f"SELECT {_PASSAGE_COLS} FROM passages WHERE id = ?", (passage_id,))
        if not rows:
            raise StoreError(f"Passage {passage_id!r} staat niet in het corpus.")
        return _passage_from_row(rows[0])

    def passage_doc_id(self, passage_id: str) -> str | None:
        rows = self.read("SELECT doc_id FROM passages WHERE id = ?", (passage_id,))
        return rows[0][0] if rows else None

    # -- machine results -----------------------------------------------------------------
    def _save_analysis(self, c: Any, doc_id: str, out: Any) -> None:
        if out.kind == "labels":
            self._save_labels(c, doc_id, out.rows, out.producer, out.version, out.codebook_version)
        elif out.kind == "flags":
            self._save_flags(c, doc_id, out.rows, out.producer, out.version, out.pipeline,
                             getattr(out, "created_at", "") or None)
        else:
            raise StoreError(f"Onbekende analysesoort {out.kind!r}.")

    def save_labels(self, doc_id: str, rows: Iterable[dict[str, Any]], producer: str, version: str,
                    codebook_version: str = "") -> int:
        """Replace this producer's labels for ``doc_id``. Row keys: passage_id, domains (list),
        tensions (dict), probabilities (dict), explanation (dict); missing keys default empty."""
        with self.transaction() as c:
            return self._save_labels(c, doc_id, rows, producer, version, codebook_version)

    def _save_labels(self, c: Any, doc_id: str, rows: Iterable[dict[str, Any]], producer: str,
                     version: str, codebook_version: str) -> int:
        c.execute("DELETE FROM passage_labels WHERE doc_id = ? AND producer = ?", (doc_id, producer))
        now = _now()
        data = [(r["passage_id"], doc_id, producer, version, codebook_version, _dumps(list(r.get("domains", []))),
                 _dumps(r.get("tensions", {})), _dumps(r.get("probabilities", {})), _dumps(r.get("explanation", {})),
                 r.get("created_at") or now) for r in rows]
        c.executemany(
            "INSERT INTO passage_labels(passage_id, doc_id, producer, producer_version, codebook_version, domains,"
            " tensions, probabilities, explanation, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)", data)
        return len(data)

    def labels(self, *, doc_id: str | None = None, passage_id: str | None = None,
               producer: str | None = None, domain: str | None = None) -> list[StoredLabel]:
        where, params = ["1=1"], []
        for col, val in (("l.doc_id", doc_id), ("l.passage_id", passage_id), ("l.producer", producer)):
            if val is not None:
                where.append(f"{col} = ?")
                params.append(val)
        if domain:
            where.append(f"EXISTS (SELECT 1 FROM {self._json_values('l.domains', 'j')} WHERE j.value = ?)")
            params.append(domain)
        rows = self.read(
            "SELECT l.* FROM passage_labels l JOIN passages p ON p.id = l.passage_id"
            f" WHERE {' AND '.join(where)} ORDER BY l.doc_id, p.seq, l.producer", params)
        return [StoredLabel(r["passage_id"], r["doc_id"], r["producer"], r["producer_version"], r["codebook_version"],
                            json.loads(r["domains"]), json.loads(r["tensions"]), json.loads(r["probabilities"]),
                            json.loads(r["explanation"]), r["created_at"]) for r in rows]

    def save_flags(self, doc_id: str, flags: Iterable[dict[str, Any]], producer: str, version: str,
                   pipeline: str = "") -> int:
        """Replace this producer's flags for ``doc_id``. Each flag is ``Flag.to_dict()``."""
        with self.transaction() as c:
            return self._save_flags(c, doc_id, flags, producer, version, pipeline)

    def _save_flags(self, c: Any, doc_id: str, flags: Iterable[dict[str, Any]], producer: str,
                    version: str, pipeline: str, created_at: str | None = None) -> int:
        c.execute("DELETE FROM flags WHERE doc_id = ? AND producer = ?", (doc_id, producer))
        now = created_at or _now()
        data = []
        for f in flags:
            if "key" not in f:
                raise StoreError("Melding zonder 'key' (gebruik Flag.to_dict()).")
            data.append((doc_id, f.get("passage_id") or None, f["key"], f.get("type", ""),
                         _severity(f.get("severity")), f.get("artikel"), _dumps(f), producer, version, pipeline, now))
        c.executemany(
            "INSERT INTO flags(doc_id, passage_id, key, type, severity, artikel, data, producer, producer_version,"
            " pipeline, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", data)
        return len(data)

    _STATUS_SQL = (
        "coalesce((SELECT r.decision FROM review_decisions r JOIN documents d ON d.id = f.doc_id"
        " WHERE r.flag_key = f.key AND r.lineage = d.lineage AND r.decision != 'comment'"
        " ORDER BY r.created_at DESC, r.id DESC LIMIT 1), 'open')"
    )

    _VERSION_SQL = (
        "coalesce((SELECT v.version FROM edit_versions v JOIN documents d ON d.id = f.doc_id"
        " WHERE v.scope = 'flag' AND v.key = f.key AND v.lineage = d.lineage), 0)"
    )

    def flags(self, doc_id: str | None = None, type: str | None = None, severity_min: str | int | None = None,
              status: str | None = None, artikel: str | None = None, producer: str | None = None,
              passage_id: str | None = None) -> list[StoredFlag]:
        """Stored flags with their current review status, worst first within document order."""
        where, params = ["1=1"], []
        for col, val in (("f.doc_id", doc_id), ("f.type", type), ("f.artikel", artikel),
                         ("f.producer", producer), ("f.passage_id", passage_id)):
            if val is not None:
                where.append(f"{col} = ?")
                params.append(val)
        if severity_min is not None:
            where.append("f.severity >= ?")
            params.append(_severity(severity_min))
        sql = (f"SELECT f.*, p.seq AS _seq, {self._STATUS_SQL} AS status, {self._VERSION_SQL} AS version FROM flags f"
               " LEFT JOIN passages p ON p.id = f.passage_id"
               f" WHERE {' AND '.join(where)}")
        if status is not None:
            if status not in ("open", "accept", "dismiss"):
                raise StoreError(f"Onbekende status {status!r}; kies uit open, accept, dismiss.")
            sql = f"SELECT * FROM ({sql}) s WHERE status = ? ORDER BY doc_id, _seq NULLS FIRST, id"
            params.append(status)
        else:
            sql += " ORDER BY f.doc_id, p.seq NULLS FIRST, f.id"
        rows = self.read(sql, params)
        return [StoredFlag(r["id"], r["doc_id"], r["passage_id"], r["key"], r["type"], SEVERITIES[min(r["severity"], 3)],
                           r["artikel"], json.loads(r["data"]), r["producer"], r["producer_version"], r["pipeline"],
                           r["status"], r["created_at"], int(r["version"])) for r in rows]

    # -- review decisions (user data, append-only) ---------------------------------------
    def _lineage(self, doc_id: str) -> str:
        rows = self.read("SELECT lineage FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise StoreError(f"Document {doc_id!r} staat niet in het corpus.")
        return rows[0][0]

    def _bump_version(self, c: Any, scope: str, key: str, lineage: str, who: str, expected: int | None,
                      what: str) -> int:
        """Optimistic concurrency: raise the edit version of (scope, key, lineage) by one.

        With ``expected`` (the version the user's screen showed) the update only happens when
        nobody else changed it since; otherwise a Dutch :class:`StoreError` names who did and
        the caller's whole transaction rolls back, so nothing is silently overwritten. The
        row lock taken by the UPDATE serialises concurrent writers on PostgreSQL (the second
        one re-checks the version after the first commits); SQLite's BEGIN IMMEDIATE already
        serialises all writers."""
        c.execute("INSERT INTO edit_versions(scope, key, lineage) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                  (scope, key, lineage))
        sql = ("UPDATE edit_versions SET version = version + 1, updated_by = ?, updated_at = ?"
               " WHERE scope = ? AND key = ? AND lineage = ?")
        params: list[Any] = [who, _now(), scope, key, lineage]
        if expected is not None:
            sql += " AND version = ?"
            params.append(int(expected))
        rows = c.execute(sql + " RETURNING version", params).fetchall()
        if not rows:
            other = c.execute("SELECT updated_by, updated_at FROM edit_versions WHERE scope = ? AND key = ?"
                              " AND lineage = ?", (scope, key, lineage)).fetchall()
            by = f"{other[0]['updated_by']} ({other[0]['updated_at'][:16].replace('T', ' ')} UTC)" if other else "iemand anders"
            raise StoreError(f"{what} is intussen gewijzigd door {by}, laad opnieuw.")
        return int(rows[0][0])

    def _version(self, scope: str, key: str, lineage: str) -> int:
        rows = self.read("SELECT version FROM edit_versions WHERE scope = ? AND key = ? AND lineage = ?",
                         (scope, key, lineage))
        return int(rows[0][0]) if rows else 0

    def flag_version(self, flag_key: str, doc_id: str) -> int:
        """Edit version of a flag's review status (0 = never decided); ``StoredFlag.version`` too."""
        return self._version("flag", flag_key, self._lineage(doc_id))

    def add_decision(self, flag_key: str, doc_id: str, reviewer: str, decision: str, reason: str = "",
                     comment: str = "", *, expected_version: int | None = None) -> Decision:
        """Append a review decision. ``accept``/``dismiss`` change the flag's status: pass
        ``expected_version`` (``StoredFlag.version`` as shown to the reviewer) and the decision
        is refused with a Dutch :class:`StoreError` when another reviewer decided on the same
        flag in between (no lost update). ``comment`` never conflicts."""
        if decision not in DECISIONS:
            raise StoreError(f"Onbekend besluit {decision!r}; kies uit accept, dismiss, comment.")
        if not reviewer.strip():
            raise StoreError("Vul de naam van de beoordelaar in.")
        lineage = self._lineage(doc_id)
        now = _now()
        with self.transaction() as c:
            if decision != "comment":
                self._bump_version(c, "flag", flag_key, lineage, reviewer.strip(), expected_version,
                                   "De beoordeling van deze melding")
            new_id = c.execute(
                "INSERT INTO review_decisions(flag_key, lineage, doc_id, reviewer, decision, reason, comment, created_at)"
                " VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                (flag_key, lineage, doc_id, reviewer.strip(), decision, reason, comment, now)).fetchall()[0][0]
        return Decision(new_id, flag_key, lineage, doc_id, reviewer.strip(), decision, reason, comment, now)

    def decisions(self, *, flag_key: str | None = None, doc_id: str | None = None,
                  reviewer: str | None = None) -> list[Decision]:
        """Decision history, oldest first. ``doc_id`` selects the whole lineage of that document."""
        where, params = ["1=1"], []
        if flag_key:
            where.append("flag_key = ?")
            params.append(flag_key)
        if doc_id:
            rows = self.read("SELECT lineage FROM documents WHERE id = ?", (doc_id,))
            where.append("(lineage = ? OR doc_id = ?)")
            params += [rows[0][0] if rows else doc_id, doc_id]
        if reviewer:
            where.append("reviewer = ?")
            params.append(reviewer)
        rows = self.read(f"SELECT * FROM review_decisions WHERE {' AND '.join(where)} ORDER BY created_at, id", params)
        return [Decision(r["id"], r["flag_key"], r["lineage"], r["doc_id"], r["reviewer"], r["decision"], r["reason"],
                         r["comment"], r["created_at"]) for r in rows]

    # -- codings (user data) -------------------------------------------------------------
    @staticmethod
    def _coding_key(text: str, coder: str, adjudicated: bool) -> str:
        # Coders code blind and independently: a conflict is only the same coder (or any
        # adjudicator) on the same passage text in the same lineage.
        return f"{text_hash(text)}:{'*adjudicated*' if adjudicated else coder.strip()}"

    def coding_version(self, passage_id: str, coder: str, adjudicated: bool = False) -> int:
        """Edit version of ``coder``'s coding of a passage (of the adjudication when
        ``adjudicated``); 0 when there is none. Pass it to ``add_coding(expected_version=…)``."""
        rows = self.read("SELECT p.text, d.lineage FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.id = ?",
                         (passage_id,))
        if not rows:
            raise StoreError(f"Passage {passage_id!r} staat niet in het corpus.")
        return self._version("coding", self._coding_key(rows[0]["text"], coder, adjudicated), rows[0]["lineage"])

    def add_coding(self, passage_id: str, coder: str, domains: Sequence[str], tensions: dict[str, str],
                   note: str = "", adjudicated: bool = False, *, expected_version: int | None = None) -> Coding:
        """Record a researcher's coding of a passage. ``tensions``: {field: "A" | "B" | "beide"}.

        With ``expected_version`` (:meth:`coding_version` when the form was shown) the coding is
        refused with a Dutch :class:`StoreError` when the same coder (or, for an adjudication,
        another adjudicator) coded this passage in between; other coders never conflict."""
        bad = {k: v for k, v in tensions.items() if v not in ("A", "B", "beide")}
        if bad:
            raise StoreError(f"Spanningsveld-waarde moet A, B of beide zijn, niet {bad}.")
        if not coder.strip():
            raise StoreError("Vul de naam van de codeur in.")
        rows = self.read("SELECT p.text, p.path, p.doc_id, d.lineage FROM passages p JOIN documents d ON d.id = p.doc_id"
                         " WHERE p.id = ?", (passage_id,))
        if not rows:
            raise StoreError(f"Passage {passage_id!r} staat niet in het corpus.")
        r = rows[0]
        loc = Passage(id=passage_id, seq=0, text="", page_start=0, page_end=0,
                      path=tuple((a, b) for a, b in json.loads(r["path"]))).location
        now = _now()
        with self.transaction() as c:
            self._bump_version(c, "coding", self._coding_key(r["text"], coder, adjudicated), r["lineage"],
                               coder.strip(), expected_version,
                               "Het vaststellen van deze passage" if adjudicated else "Uw codering van deze passage")
            new_id = c.execute(
                "INSERT INTO codings(passage_id, doc_id, lineage, coder, domains, tensions, note, adjudicated,"
                " text_hash, text_snapshot, location, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                (passage_id, r["doc_id"], r["lineage"], coder.strip(), _dumps(list(domains)), _dumps(tensions), note,
                 int(adjudicated), text_hash(r["text"]), r["text"], loc, now)).fetchall()[0][0]
        return Coding(new_id, passage_id, r["doc_id"], r["lineage"], coder.strip(), list(domains),
                      dict(tensions), note, adjudicated, text_hash(r["text"]), r["text"], loc, now)

    def codings(self, *, passage_id: str | None = None, doc_id: str | None = None, coder: str | None = None,
                adjudicated: bool | None = None) -> list[Coding]:
        """Codings, oldest first. ``passage_id`` also matches codings of the same text in an
        earlier/later version of its document (same lineage, same text hash)."""
        where, params = ["1=1"], []
        if passage_id:
            rows = self.read("SELECT p.text, d.lineage FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.id = ?",
                             (passage_id,))
            if rows:
                where.append("(passage_id = ? OR (lineage = ? AND text_hash = ?))")
                params += [passage_id, rows[0]["lineage"], text_hash(rows[0]["text"])]
            else:
                where.append("passage_id = ?")
                params.append(passage_id)
        if doc_id:
            where.append("doc_id = ?")
            params.append(doc_id)
        if coder:
            where.append("coder = ?")
            params.append(coder)
        if adjudicated is not None:
            where.append("adjudicated = ?")
            params.append(int(adjudicated))
        rows = self.read(f"SELECT * FROM codings WHERE {' AND '.join(where)} ORDER BY created_at, id", params)
        return [Coding(r["id"], r["passage_id"], r["doc_id"], r["lineage"], r["coder"], json.loads(r["domains"]),
                       json.loads(r["tensions"]), r["note"], bool(r["adjudicated"]), r["text_hash"], r["text_snapshot"],
                       r["location"], r["created_at"]) for r in rows]

    # -- saved searches (user data) ------------------------------------------------------
    def save_search(self, name: str, query: str, filters: dict[str, Any] | None = None) -> SavedSearch:
        if not name.strip():
            raise StoreError("Geef de zoekopdracht een naam.")
        now = _now()
        with self.transaction() as c:
            c.execute("INSERT INTO saved_searches(name, query, filters, created_at) VALUES (?,?,?,?)"
                      " ON CONFLICT(name) DO UPDATE SET query = excluded.query, filters = excluded.filters,"
                      " created_at = excluded.created_at", (name.strip(), query, _dumps(filters or {}), now))
        return SavedSearch(name.strip(), query, dict(filters or {}), now)

    def saved_searches(self) -> list[SavedSearch]:
        return [SavedSearch(r["name"], r["query"], json.loads(r["filters"]), r["created_at"])
                for r in self.read("SELECT * FROM saved_searches ORDER BY name")]

    def delete_search(self, name: str) -> bool:
        with self.transaction() as c:
            return c.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0

    # -- raw user-data import (zip round trip) -------------------------------------------
    def import_user_data(self, decisions: Iterable[dict[str, Any]] = (), codings: Iterable[dict[str, Any]] = (),
                         searches: Iterable[dict[str, Any]] = ()) -> tuple[int, int, int]:
        """Insert exported user-data rows as they were (timestamps kept), skipping exact
        duplicates, so importing the same export twice changes nothing."""
        nd = nc = ns = 0
        with self.transaction() as c:
            for d in decisions:
                if c.execute("SELECT 1 FROM review_decisions WHERE flag_key=? AND lineage=? AND reviewer=? AND decision=?"
                             " AND created_at=? AND reason=? AND comment=?",
                             (d["flag_key"], d["lineage"], d["reviewer"], d["decision"], d["created_at"],
                              d.get("reason", ""), d.get("comment", ""))).fetchone():
                    continue
                c.execute("INSERT INTO review_decisions(flag_key, lineage, doc_id, reviewer, decision, reason, comment,"
                          " created_at) VALUES (?,?,?,?,?,?,?,?)",
                          (d["flag_key"], d["lineage"], d["doc_id"], d["reviewer"], d["decision"], d.get("reason", ""),
                           d.get("comment", ""), d["created_at"]))
                if d["decision"] != "comment":  # restored history counts as edits, as it did when made
                    self._bump_version(c, "flag", d["flag_key"], d["lineage"], d["reviewer"], None, "")
                nd += 1
            for k in codings:
                if c.execute("SELECT 1 FROM codings WHERE passage_id=? AND coder=? AND created_at=? AND text_hash=?"
                             " AND domains=? AND tensions=?",
                             (k["passage_id"], k["coder"], k["created_at"], k["text_hash"], _dumps(k["domains"]),
                              _dumps(k["tensions"]))).fetchone():
                    continue
                c.execute("INSERT INTO codings(passage_id, doc_id, lineage, coder, domains, tensions, note, adjudicated,"
                          " text_hash, text_snapshot, location, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                          (k["passage_id"], k["doc_id"], k["lineage"], k["coder"], _dumps(k["domains"]),
                           _dumps(k["tensions"]), k.get("note", ""), int(bool(k.get("adjudicated"))), k["text_hash"],
                           k["text_snapshot"], k.get("location", ""), k["created_at"]))
                self._bump_version(c, "coding", self._coding_key(k["text_snapshot"], k["coder"], bool(k.get("adjudicated"))),
                                   k["lineage"], k["coder"], None, "")
                nc += 1
            for s in searches:
                cur = c.execute("INSERT INTO saved_searches(name, query, filters, created_at) VALUES (?,?,?,?)"
                                " ON CONFLICT DO NOTHING",
                                (s["name"], s["query"], _dumps(s.get("filters", {})), s["created_at"]))
                ns += cur.rowcount
        return nd, nc, ns

    # -- statistics ----------------------------------------------------------------------
    def stats(self) -> StoreStats:
        one = lambda sql: int(self.read(sql)[0][0] or 0)  # noqa: E731
        by_kind = {r[0]: r[1] for r in self.read("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY 2 DESC, 1")}
        by_body = {r[0]: r[1] for r in self.read("SELECT body, count(*) FROM documents GROUP BY body ORDER BY 2 DESC, 1")}
        by_year = {r[0]: r[1] for r in self.read("SELECT year, count(*) FROM documents GROUP BY year ORDER BY 1 NULLS FIRST")}
        sev = {SEVERITIES[min(r[0], 3)]: r[1] for r in self.read("SELECT severity, count(*) FROM flags GROUP BY 1")}
        db_bytes = self._db_bytes()
        return StoreStats(
            documents=one("SELECT count(*) FROM documents"),
            latest_documents=one("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                                 " (SELECT 1 FROM documents n WHERE n.previous_id = d.id)"),
            passages=one("SELECT count(*) FROM passages"), pages=one("SELECT sum(page_count) FROM documents"),
            files_bytes=one("SELECT sum(size) FROM files"), by_kind=by_kind, by_body=by_body, by_year=by_year,
            flags=one("SELECT count(*) FROM flags"), flags_by_severity=sev,
            labels=one("SELECT count(*) FROM passage_labels"), decisions=one("SELECT count(*) FROM review_decisions"),
            codings=one("SELECT count(*) FROM codings"), saved_searches=one("SELECT count(*) FROM saved_searches"),
            db_bytes=db_bytes, schema_version=self.schema_version,
        )


class SqliteStore(Store):
    """SQLite corpus store. ``SqliteStore(path)`` creates/migrates the file; ``":memory:"`` for tests."""

    dialect = "sqlite"

    def __init__(self, path: str | Path = ":memory:", *, timeout: float = 30.0):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            # Search reads large FTS doclists: a bigger page cache (64 MB, an upper bound),
            # memory-mapped reads (up to 1 GB of address space) and in-memory temp b-trees
            # for the ranking sort and filter sets.
            self._conn.execute("PRAGMA cache_size = -65536")
            self._conn.execute("PRAGMA mmap_size = 1073741824")
            self._conn.execute("PRAGMA temp_store = MEMORY")
        try:
            migrate(self._conn)
        except sqlite3.Error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._generation = 0  # bumped on every write; caches (similar.py) key on it

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("UPDATE corpus_generation SET n = n + 1")
            self._conn.execute("COMMIT")
            self._generation += 1

    def read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a read-only query (used by corpus.search / corpus.similar); returns all rows."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    @property
    def generation(self) -> str:
        """data_version (writes by other connections) + local write counter + the stored counter
        that every committed write bumps (migration 5), so keys differ across processes too."""
        with self._lock:
            dv = self._conn.execute("PRAGMA data_version").fetchone()[0]
            n = self._conn.execute("SELECT n FROM corpus_generation").fetchone()[0]
        return f"{dv}:{self._generation}:{n}"

    @property
    def schema_version(self) -> int:
        return self.read("PRAGMA user_version")[0][0]

    def _db_bytes(self) -> int:
        if self.path == ":memory:":
            return 0
        return sum(p.stat().st_size for p in Path(self.path).parent.glob(Path(self.path).name + "*"))

    def bulk_add(self, docs: Iterable[Document], *, rebuild_index: bool = True) -> int:
        """Fast path for large synthetic corpora (benchmarks): one transaction, FTS triggers
        dropped during the insert and the index rebuilt once at the end. No version
        detection, no files; duplicates are skipped. Returns the number of documents added."""
        n = 0
        with self.transaction() as c:
            c.execute("DROP TRIGGER passages_ai")
            try:
                for doc in docs:
                    cur = c.execute(
                        "INSERT OR IGNORE INTO documents(id, lineage, title, kind, body, year, page_count,"
                        " source_file, format, extractor, meta, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (doc.id, doc.id, doc.title, doc.kind, doc.body, doc.year, doc.page_count,
                         doc.source_file, doc.format, doc.extractor, _dumps(doc.meta), _now()))
                    if cur.rowcount:
                        self._insert_passages(c, doc.id, doc.passages)
                        n += 1
            finally:
                c.execute(
                    "CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN INSERT INTO passages_fts(rowid, text,"
                    " norm) VALUES (new.rowid, new.text, new.norm); END")
            if rebuild_index:
                c.execute("INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')")
        return n

    def rebuild_index(self, optimize: bool = True) -> None:
        """Rebuild the FTS index from the passages table (after bulk_add(rebuild_index=False))."""
        with self.transaction() as c:
            c.execute("INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')")
            if optimize:
                c.execute("INSERT INTO passages_fts(passages_fts) VALUES ('optimize')")



def open_store(target: str | Path) -> Store:
    """The store behind ``target``: a SQLite file path (the default) or a PostgreSQL URL
    (``postgresql://user:pass@host:5432/db``, also ``postgres://``).

    Every caller outside this module opens stores through here, so that the backend is chosen
    in one place. Migrations run on open for both backends.
    """
    return Store(target)
