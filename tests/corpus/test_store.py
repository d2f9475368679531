"""Store: versions, duplicates, machine results replaced per producer, user data kept."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from corpus.migrations import SCHEMA_VERSION
from corpus.store import Store, StoreError
from models.ambiguity.flag import Flag, Severity
from tests.corpus.conftest import REGELING, make_doc


def _flag(p, quote: str, sev: Severity = Severity.ZORG, type_: str = "AMB-01") -> dict:
    start = p.text.index(quote)
    return Flag(type_, "vage norm", sev, 0.8, quote, start, start + len(quote), "uitleg", "Aanwijzing 3.12",
                "Wat is spoedig?", passage_id=p.id, artikel=p.artikel, lid=p.lid, page=p.page_start).to_dict()


def test_schema_wal_and_foreign_keys(fresh_store: Store):
    assert fresh_store.schema_version == SCHEMA_VERSION
    if fresh_store.dialect == "sqlite":
        assert fresh_store.read("PRAGMA journal_mode")[0][0] == "wal"
        assert fresh_store.read("PRAGMA foreign_keys")[0][0] == 1
    else:  # the tsvector column has its GIN index; the version table has every migration
        assert fresh_store.read("SELECT indexdef FROM pg_indexes WHERE indexname = 'passages_tsv'")[0][0].find("gin") > 0
        assert [r[0] for r in fresh_store.read("SELECT version FROM schema_version ORDER BY 1")] == list(
            range(1, SCHEMA_VERSION + 1))


def test_add_get_roundtrip_and_duplicate(fresh_store: Store):
    doc = make_doc("Regeling A", REGELING)
    res = fresh_store.add_document(doc, file_bytes=b"%PDF-1.4 fake")
    assert (res.status, res.passages) == ("new", 4)
    again = fresh_store.add_document(doc, file_bytes=b"%PDF-1.4 fake")
    assert again.status == "duplicate"
    got = fresh_store.get_document(doc.id)
    assert got.passages == doc.passages
    assert got.title == "Regeling A" and got.year == 2024
    assert fresh_store.file_bytes(doc.id) == b"%PDF-1.4 fake"
    assert [s.passage_count for s in fresh_store.documents()] == [4]
    assert fresh_store.get_passage(doc.passages[2].id).artikel == "2"


def test_new_version_links_lineage(fresh_store: Store):
    v1 = make_doc("Regeling A", REGELING)
    v2 = make_doc("Regeling A", REGELING[:3], salt="v2")
    fresh_store.add_document(v1)
    res = fresh_store.add_document(v2)
    assert res.status == "new_version" and res.previous_id == v1.id
    v3 = make_doc("Regeling A", REGELING[:2], salt="v3")
    assert fresh_store.add_document(v3).previous_id == v2.id  # chains to the newest, not the first
    versions = fresh_store.versions(v3.id)
    assert [v.id for v in versions] == [v1.id, v2.id, v3.id]
    assert [s.id for s in fresh_store.documents(latest_only=True)] == [v3.id]


def test_add_document_is_atomic(fresh_store: Store):
    doc = make_doc("Regeling A", REGELING)
    doc.passages[2].id = doc.passages[1].id  # duplicate passage id violates UNIQUE mid-insert
    with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
        fresh_store.add_document(doc, file_bytes=b"x")
    assert fresh_store.documents() == []
    assert fresh_store.stats().passages == 0 and fresh_store.stats().files_bytes == 0


def test_flags_status_decisions_and_replacement(small_store: Store):
    doc = small_store.documents(kind="regeling")[0]
    ps = small_store.passages(doc.id)
    f1, f2 = _flag(ps[3], "Zo spoedig mogelijk"), _flag(ps[0], "bevoegd", Severity.INFO, "AMB-05")
    assert small_store.save_flags(doc.id, [f1, f2], producer="rules", version="1", pipeline="blank-nl") == 2
    assert len(small_store.flags(doc_id=doc.id)) == 2
    assert [f.key for f in small_store.flags(severity_min="zorg")] == [f1["key"]]
    small_store.add_decision(f1["key"], doc.id, "an", "dismiss", reason="bewust open norm")
    small_store.add_decision(f1["key"], doc.id, "bo", "comment", comment="eens")
    assert {f.key: f.status for f in small_store.flags(doc_id=doc.id)} == {f1["key"]: "dismiss", f2["key"]: "open"}
    assert [f.key for f in small_store.flags(status="open")] == [f2["key"]]
    # re-running the producer replaces its flags but decisions stay and still apply
    small_store.save_flags(doc.id, [f1], producer="rules", version="2")
    flags = small_store.flags(doc_id=doc.id)
    assert [(f.key, f.status, f.producer_version) for f in flags] == [(f1["key"], "dismiss", "2")]
    assert len(small_store.decisions(doc_id=doc.id)) == 2
    assert small_store.documents(kind="regeling")[0].flag_counts == {"zorg": 1}
    with pytest.raises(StoreError):
        small_store.add_decision(f1["key"], doc.id, "an", "maybe")


def test_decision_carries_over_to_new_version(fresh_store: Store):
    v1 = make_doc("Regeling A", REGELING)
    fresh_store.add_document(v1)
    f = _flag(v1.passages[3], "Zo spoedig mogelijk")
    fresh_store.save_flags(v1.id, [f], "rules", "1")
    fresh_store.add_decision(f["key"], v1.id, "an", "accept")
    v2 = make_doc("Regeling A", REGELING, salt="v2")
    fresh_store.add_document(v2)
    f2 = _flag(v2.passages[3], "Zo spoedig mogelijk")
    assert f2["key"] == f["key"]
    fresh_store.save_flags(v2.id, [f2], "rules", "1")
    assert fresh_store.flags(doc_id=v2.id)[0].status == "accept"


def test_labels_replaced_per_producer(small_store: Store):
    doc = small_store.documents(kind="akkoord")[0]
    ps = small_store.passages(doc.id)
    rows = [{"passage_id": ps[0].id, "domains": ["wonen"], "tensions": {"groei": "A"}, "probabilities": {"wonen": 0.9}}]
    small_store.save_labels(doc.id, rows, producer="clf", version="1", codebook_version="cb1")
    small_store.save_labels(doc.id, rows + [{"passage_id": ps[1].id, "domains": ["financien"]}], producer="clf",
                            version="2", codebook_version="cb1")
    labels = small_store.labels(doc_id=doc.id)
    assert [(lb.passage_id, lb.producer_version) for lb in labels] == [(ps[0].id, "2"), (ps[1].id, "2")]
    assert [lb.passage_id for lb in small_store.labels(domain="wonen")] == [ps[0].id]
    assert small_store.documents(kind="akkoord")[0].label_counts == {"wonen": 1, "financien": 1}


def test_codings_survive_delete_and_reingest(small_store: Store):
    doc = small_store.documents(kind="regeling")[0]
    p = small_store.passages(doc.id)[3]
    c = small_store.add_coding(p.id, "an", ["bestuur"], {"snelheid": "A"}, note="vaag")
    assert c.location == "artikel 3, lid 1, onder a" and c.text_snapshot == p.text
    with pytest.raises(StoreError):
        small_store.add_coding(p.id, "an", [], {"x": "C"})
    small_store.save_search("woningbouw", "woningen", {"kind": "akkoord"})
    original = small_store.get_document(doc.id)
    assert small_store.delete_document(doc.id)
    assert small_store.passages(doc.id) == []
    assert [k.id for k in small_store.codings()] == [c.id]
    assert small_store.saved_searches()[0].filters == {"kind": "akkoord"}
    # re-ingesting the same document makes the coding visible on its passage again
    small_store.add_document(original)
    assert [k.id for k in small_store.codings(passage_id=p.id)] == [c.id]


def test_coding_follows_unchanged_text_into_new_version(fresh_store: Store):
    v1 = make_doc("Regeling A", REGELING)
    fresh_store.add_document(v1)
    fresh_store.add_coding(v1.passages[0].id, "an", ["wonen"], {})
    v2 = make_doc("Regeling A", REGELING, salt="v2")
    fresh_store.add_document(v2)
    assert len(fresh_store.codings(passage_id=v2.passages[0].id)) == 1
    assert fresh_store.codings(passage_id=v2.passages[1].id) == []


def test_stats(small_store: Store):
    s = small_store.stats()
    assert (s.documents, s.passages) == (3, 8)
    assert s.by_kind == {"regeling": 1, "akkoord": 1, "agenda": 1}
    assert s.files_bytes == len(b"regeling bytes")


def test_memory_store_and_unknown_document():
    with Store(":memory:") as store:
        with pytest.raises(StoreError, match="staat niet in het corpus"):
            store.get_document("0" * 64)


def test_bulk_add_builds_a_searchable_index(fresh_store: Store):
    from corpus.search import build_search_sql, search

    docs = [make_doc(f"Synthetisch {i}", REGELING, salt=str(i)) for i in range(50)]
    assert fresh_store.bulk_add(docs[:30]) == 30
    assert fresh_store.bulk_add(docs, rebuild_index=False) == 20  # duplicates skipped
    fresh_store.rebuild_index()
    assert search(fresh_store, "woningen").total == 50 * 2
    if fresh_store.dialect == "sqlite":
        sql, params = build_search_sql("woningen", limit=10)
        assert len(fresh_store.read(sql, params)) == 10
    # the trigger is back: a normal add is indexed immediately
    fresh_store.add_document(make_doc("Los", [((("artikel", "1"),), "Eén zienswijze over woningen.", 1)]))
    assert search(fresh_store, "zienswijzen").total == 51


def test_same_title_different_text_is_not_a_version(fresh_store: Store):
    # extracted titles can be generic: two different plans both titled "Hoofdstuk 1 Inleiding"
    a = make_doc("Hoofdstuk 1 Inleiding", [((("sectie", "1"),), "Het plangebied ligt aan de rand van Sliedrecht en "
                                            "omvat de voormalige scheepswerf met bijbehorende kades.", 1)])
    b = make_doc("Hoofdstuk 1 Inleiding", [((("sectie", "1"),), "Dit bestemmingsplan regelt de bouw van een "
                                            "sporthal naast de basisschool in het centrum van het dorp.", 1)])
    fresh_store.add_document(a)
    assert fresh_store.add_document(b).status == "new"
    assert len(fresh_store.documents(latest_only=True)) == 2


def test_migrates_an_older_database(tmp_path):
    from corpus.migrations import MIGRATIONS

    db = tmp_path / "v1.db"
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    con.execute("INSERT INTO documents(id, lineage, kind, ingested_at) VALUES ('a', 'a', 'overig', 'x')")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        assert store.read("SELECT name FROM sqlite_master WHERE name = 'documents_previous'")
        assert [d.id for d in store.documents()] == ["a"]  # data kept
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(RuntimeError, match="Werk Drechtlens bij"):
        Store(db)


def test_delete_middle_version_keeps_the_chain(fresh_store: Store):
    v1, v2, v3 = (make_doc("Regeling A", REGELING[: 4 - i], salt=str(i)) for i in range(3))
    for d in (v1, v2, v3):
        fresh_store.add_document(d, file_bytes=d.id.encode())
    assert fresh_store.delete_document(v2.id) and not fresh_store.delete_document(v2.id)
    assert [v.id for v in fresh_store.versions(v3.id)] == [v1.id, v3.id]
    assert fresh_store.get_document(v3.id).meta["previous_id"] == v1.id
    assert fresh_store.file_bytes(v2.id) is None and fresh_store.stats().files_bytes == 2 * 64


def test_document_filters(small_store: Store):
    assert [d.kind for d in small_store.documents(body="zwijn")] == ["akkoord"]
    assert {d.year for d in small_store.documents(year_from=2020)} == {2022, 2024}
    assert [d.title for d in small_store.documents(year_to=2020)] == ["Regeling GR Drechtsteden"]
    assert [d.kind for d in small_store.documents(title_contains="besluiten")] == ["agenda"]


def test_shared_template_is_not_a_version(fresh_store: Store):
    # same generic title, 75% shared boilerplate (like two bestemmingsplannen from one template): not a version
    boiler = [((("sectie", str(i)),), f"Dit hoofdstuk beschrijft het juridische kader en de regels voor onderdeel {i} "
               "van het plan, volgens de standaard van de gemeente.", 1) for i in range(6)]
    own = lambda w: [((("sectie", f"x{i}"),), f"Het plangebied {w} heeft een eigen geschiedenis met kenmerk {i} en "  # noqa: E731
                      f"eigen bouwregels voor perceel {w} {i}.", 2) for i in range(4)]
    a = make_doc("Hoofdstuk 1 Inleiding", boiler + own("Walburg"))
    b = make_doc("Hoofdstuk 1 Inleiding", boiler + own("Noord"))
    fresh_store.add_document(a)
    assert fresh_store.add_document(b).status == "new"
