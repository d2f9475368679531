"""Schema migrations, versioned in code and tracked with ``PRAGMA user_version``.

Each entry of :data:`MIGRATIONS` is applied once, in order, inside one transaction; the
schema version after applying entry *i* is *i + 1*. Never edit an entry that has shipped:
append a new one.

Tables:

* ``documents``: one row per stored file version (``id`` = sha256 of the bytes);
  ``lineage`` is shared by all versions of one document, ``previous_id`` points to the
  version it replaced.
* ``files``: original bytes, content addressed by sha256 (a blob table, so a document and
  its file commit or roll back together: no orphan files after a crash).
* ``passages`` + ``passages_fts``: passages and an external-content FTS5 index over the
  surface text (``text``) and the normalised column (``norm``, see ``corpus.normalize``),
  kept in sync by triggers.
* ``passage_labels``, ``flags``: machine results, replaced per (document, producer).
* ``review_decisions``, ``codings``, ``saved_searches``: user data. No foreign keys to
  documents or passages, so deleting or re-ingesting a document never deletes them.
* ``edit_versions``: optimistic-concurrency versions of review statuses and codings.

The PostgreSQL schema is the same, version for version, in ``corpus.migrations_pg``.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: initial schema
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        lineage TEXT NOT NULL,
        previous_id TEXT,
        title TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        year INTEGER,
        page_count INTEGER NOT NULL DEFAULT 0,
        source_file TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL DEFAULT '',
        extractor TEXT NOT NULL DEFAULT '',
        warnings TEXT NOT NULL DEFAULT '[]',
        meta TEXT NOT NULL DEFAULT '{}',
        file_sha TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_lineage ON documents(lineage);
    CREATE INDEX documents_identity ON documents(title, kind, body);

    CREATE TABLE files (
        sha TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        data BLOB NOT NULL
    );

    CREATE TABLE passages (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        path TEXT NOT NULL DEFAULT '[]',
        heading TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        norm TEXT NOT NULL DEFAULT '',
        page_start INTEGER NOT NULL DEFAULT 0,
        page_end INTEGER NOT NULL DEFAULT 0,
        block TEXT NOT NULL DEFAULT 'text',
        part TEXT NOT NULL DEFAULT '',
        artikel TEXT,
        lid TEXT,
        onderdeel TEXT
    );
    CREATE INDEX passages_doc ON passages(doc_id, seq);

    CREATE VIRTUAL TABLE passages_fts USING fts5(
        text, norm, content='passages', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
        INSERT INTO passages_fts(rowid, text, norm) VALUES (new.rowid, new.text, new.norm);
    END;
    CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
        INSERT INTO passages_fts(passages_fts, rowid, text, norm) VALUES ('delete', old.rowid, old.text, old.norm);
    END;
    CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
        INSERT INTO passages_fts(passages_fts, rowid, text, norm) VALUES ('delete', old.rowid, old.text, old.norm);
        INSERT INTO passages_fts(rowid, text, norm) VALUES (new.rowid, new.text, new.norm);
    END;

    CREATE TABLE passage_labels (
        id INTEGER PRIMARY KEY,
        passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        producer TEXT NOT NULL,
        producer_version TEXT NOT NULL DEFAULT '',
        codebook_version TEXT NOT NULL DEFAULT '',
        domains TEXT NOT NULL DEFAULT '[]',
        tensions TEXT NOT NULL DEFAULT '{}',
        probabilities TEXT NOT NULL DEFAULT '{}',
        explanation TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
    );
    CREATE INDEX passage_labels_passage ON passage_labels(passage_id);
    CREATE INDEX passage_labels_doc ON passage_labels(doc_id, producer);

    CREATE TABLE flags (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage_id TEXT,
        key TEXT NOT NULL,
        type TEXT NOT NULL,
        severity INTEGER NOT NULL,
        artikel TEXT,
        data TEXT NOT NULL,
        producer TEXT NOT NULL,
        producer_version TEXT NOT NULL DEFAULT '',
        pipeline TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX flags_doc ON flags(doc_id, producer);
    CREATE INDEX flags_key ON flags(key);

    CREATE TABLE review_decisions (
        id INTEGER PRIMARY KEY,
        flag_key TEXT NOT NULL,
        lineage TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'dismiss', 'comment')),
        reason TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX review_decisions_key ON review_decisions(flag_key, lineage);

    CREATE TABLE codings (
        id INTEGER PRIMARY KEY,
        passage_id TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        lineage TEXT NOT NULL,
        coder TEXT NOT NULL,
        domains TEXT NOT NULL DEFAULT '[]',
        tensions TEXT NOT NULL DEFAULT '{}',
        note TEXT NOT NULL DEFAULT '',
        adjudicated INTEGER NOT NULL DEFAULT 0,
        text_hash TEXT NOT NULL,
        text_snapshot TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX codings_passage ON codings(passage_id);
    CREATE INDEX codings_hash ON codings(text_hash);

    CREATE TABLE saved_searches (
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        filters TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
    );
    """,
    # 2: indexes for the "latest version only" filter and the has-flags search filter
    """
    CREATE INDEX documents_previous ON documents(previous_id);
    CREATE INDEX flags_passage ON flags(passage_id);
    """,
    # 3: search filters on document facts (kind, years, body) seek instead of scanning all
    # documents; covering, so the filter set of passage rowids never reads a document row
    """
    CREATE INDEX documents_kind_year ON documents(kind, year, body);
    """,
    # 4: optimistic concurrency for user data: the edit version of a flag's review status
    # (scope 'flag', key = flag key) and of one coder's coding of a passage text (scope
    # 'coding', key = text hash + coder); see Store._bump_version
    """
    CREATE TABLE edit_versions (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        lineage TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0,
        updated_by TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (scope, key, lineage)
    );
    """,
    # 5: a counter bumped by every committed write: Store.generation reads one row instead of
    # counting a million passages on every app search
    """
    CREATE TABLE corpus_generation (n INTEGER NOT NULL);
    INSERT INTO corpus_generation VALUES (0);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to :data:`SCHEMA_VERSION`; returns the version it started at."""
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    if start > SCHEMA_VERSION:
        raise RuntimeError(
            f"De database heeft schemaversie {start}, deze versie van Drechtlens kent tot {SCHEMA_VERSION}. "
            "Werk Drechtlens bij."
        )
    for version in range(start, SCHEMA_VERSION):
        # executescript commits implicitly; wrap it so one migration is all-or-nothing.
        conn.executescript(f"BEGIN;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;")
    return start
