"""The PostgreSQL backend of :class:`corpus.store.Store` (psycopg 3), for a shared team deployment.

``open_store("postgresql://user:pass@host:5432/drechtlens")`` (or ``Store(url)``) returns a
:class:`PostgresStore`. Everything the store does is the shared code in ``corpus.store``;
this module only supplies the connection plumbing:

* SQL is written once with SQLite's ``?`` placeholders; :func:`pg_sql` turns them into
  psycopg's ``%s`` (escaping literal ``%``). Rows index by position and by name, like
  ``sqlite3.Row``;
* ``transaction()`` is ``BEGIN … COMMIT`` (READ COMMITTED) on an autocommit connection;
  concurrent writers are safe: a document is one transaction and the sha256 primary key
  makes a retried or parallel insert of the same file a ``"duplicate"``; review decisions
  and codings use the optimistic edit versions of ``Store._bump_version``;
* ``generation`` is a sequence bumped after every committed write, so caches in every
  process (app servers, ingest workers) see each other's writes;
* ``bulk_add`` streams rows with ``COPY`` and builds the GIN index once at the end.

Full-text search on this backend: ``corpus.search_pg``.

One connection per store, guarded by a lock (a Streamlit server shares one store between its
sessions, as with SQLite); run several app processes behind the proxy for more throughput.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from corpus.migrations_pg import GIN_INDEX_SQL, current_version, migrate
from corpus.store import Store, StoreError, _dumps, _now, redact
from extract.document import Document


@functools.lru_cache(maxsize=512)
def pg_sql(sql: str) -> str:
    """SQLite-style ``?`` placeholders → psycopg ``%s`` (a literal ``%`` becomes ``%%``).

    The shared SQL never has ``?`` inside a string literal; user values are always parameters."""
    return sql.replace("%", "%%").replace("?", "%s")


class Row(tuple):
    """A result row indexable by position and by column name (like ``sqlite3.Row``)."""

    __slots__ = ()
    _index: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: psycopg.Cursor[Any]) -> Any:
    if cursor.description is None:
        return None
    names = {d.name: i for i, d in enumerate(cursor.description)}
    cls = type("Row", (Row,), {"__slots__": (), "_index": names})
    return lambda values: cls(values)


class _Conn:
    """What the shared store code calls ``c``: ``execute``/``executemany`` with ``?`` SQL."""

    def __init__(self, conn: psycopg.Connection[Any]):
        self.raw = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.raw.execute(pg_sql(sql), list(params) if params else None)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(pg_sql(sql), rows)


class PostgresStore(Store):
    """Corpus store in a PostgreSQL database; the schema is created/migrated on open."""

    dialect = "postgresql"
    _LIKE = "ILIKE"

    def __init__(self, url: str, *, timeout: float = 30.0, application_name: str = "drechtlens"):
        self.url = str(url)
        self.path = redact(self.url)  # messages, cache keys: no password
        self._lock = threading.RLock()
        self._connect_args = {"autocommit": True, "row_factory": _row_factory,
                              "connect_timeout": max(1, int(timeout)), "application_name": application_name}
        self._connect()
        migrate(self._raw)

    def _connect(self) -> None:
        try:
            self._raw = psycopg.connect(self.url, **self._connect_args)
        except psycopg.OperationalError as err:
            raise StoreError(f"Kan de PostgreSQL-database {self.path} niet bereiken: "
                             f"{str(err).strip().splitlines()[-1]}") from err
        self._conn = _Conn(self._raw)

    def _ensure(self) -> None:
        """Reconnect when the server dropped the connection (a restart, a failover): a long-running
        app keeps working after the database is back, instead of failing every page."""
        if self._raw.broken:
            self._connect()

    # -- plumbing ------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._raw.close()

    @contextmanager
    def transaction(self) -> Iterator[_Conn]:
        """One write transaction (BEGIN … COMMIT, ROLLBACK on any error); bumps the generation."""
        with self._lock:
            self._ensure()
            self._raw.execute("BEGIN")
            try:
                yield self._conn
            except BaseException:
                if not self._raw.closed:
                    self._raw.execute("ROLLBACK")
                raise
            self._raw.execute("COMMIT")
            self._raw.execute("SELECT nextval('corpus_generation')")

    def read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        """Run a read-only query written with ``?`` placeholders; returns all rows."""
        if isinstance(params, dict):
            raise TypeError("PostgresStore.read takes positional parameters (?)")
        return self._retry_read(lambda: self._conn.execute(sql, params).fetchall())

    def read_pg(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[Any]:
        """Run a query written for PostgreSQL (``%s``/``%(name)s`` placeholders), e.g. from corpus.search_pg."""
        return self._retry_read(lambda: self._raw.execute(sql, params).fetchall())

    def _retry_read(self, run: Any) -> Any:
        """A read, run again once on a fresh connection when the old one turned out to be gone
        (reads are idempotent; writes are not retried)."""
        with self._lock:
            self._ensure()
            try:
                return run()
            except psycopg.OperationalError:
                if not self._raw.broken:
                    raise
                self._connect()
                return run()

    @property
    def generation(self) -> str:
        with self._lock:
            self._ensure()
            row = self._raw.execute("SELECT last_value, is_called FROM corpus_generation").fetchone()
        return f"pg:{row[0] if row[1] else 0}"

    @property
    def schema_version(self) -> int:
        with self._lock:
            return current_version(self._raw)

    def _db_bytes(self) -> int:
        return int(self.read("SELECT pg_database_size(current_database())")[0][0])

    def _json_values(self, expr: str, alias: str) -> str:
        return f"jsonb_array_elements_text(({expr})::jsonb) AS {alias}(value)"

    def _json_keys(self, expr: str, alias: str) -> str:
        return f"jsonb_object_keys(({expr})::jsonb) AS {alias}(key)"

    # -- bulk load -----------------------------------------------------------------------
    def bulk_add(self, docs: Iterable[Document], *, rebuild_index: bool = True) -> int:
        """COPY documents and passages in one transaction; the GIN index is dropped during the
        load and built once at the end (or by :meth:`rebuild_index`). Duplicates are skipped."""
        known = {r[0] for r in self.read("SELECT id FROM documents")}
        n = 0
        with self.transaction():
            raw = self._raw
            raw.execute("DROP INDEX IF EXISTS passages_tsv")
            batch: list[Document] = []
            for doc in docs:
                if doc.id in known:
                    continue
                known.add(doc.id)
                batch.append(doc)
                if len(batch) >= 1000:
                    n += self._copy_batch(batch)
                    batch = []
            n += self._copy_batch(batch)
            if rebuild_index:
                raw.execute(GIN_INDEX_SQL)
        if rebuild_index:
            self._raw.execute("ANALYZE documents")
            self._raw.execute("ANALYZE passages")
        return n

    def _copy_batch(self, docs: list[Document]) -> int:
        """COPY a batch of documents, then their passages (the foreign key needs the documents first)."""
        if not docs:
            return 0
        with self._raw.cursor() as cur:
            with cur.copy("COPY documents(id, lineage, title, kind, body, year, page_count, source_file, format,"
                          " extractor, meta, ingested_at) FROM STDIN") as cp:
                for doc in docs:
                    cp.write_row((doc.id, doc.id, doc.title, doc.kind, doc.body, doc.year, doc.page_count,
                                  doc.source_file, doc.format, doc.extractor, _dumps(doc.meta), _now()))
            with cur.copy("COPY passages(id, doc_id, seq, path, heading, text, norm, page_start, page_end, block,"
                          " part, artikel, lid, onderdeel) FROM STDIN") as cp:
                for doc in docs:
                    for row in self._passage_rows(doc.id, doc.passages):
                        cp.write_row(row)
        return len(docs)

    def rebuild_index(self, optimize: bool = True) -> None:
        """(Re)create the GIN index over ``passages.tsv``; ``optimize``: refresh planner statistics."""
        with self.transaction():
            self._raw.execute(GIN_INDEX_SQL)
        if optimize:
            self._raw.execute("ANALYZE passages")
