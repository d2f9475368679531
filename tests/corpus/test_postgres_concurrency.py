"""Concurrent writers on one corpus: no lost update, no document stored twice.

Every test opens two (or more) ``Store`` objects on the same database, so each has its own
connection, and races them from threads: on PostgreSQL two real server sessions under READ
COMMITTED, on SQLite two connections to one WAL file. The decisive interleaving (a writer
that read version v commits after another writer moved the flag to v + 1) is also forced
deterministically on PostgreSQL by holding the row lock in a third session.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from corpus.store import Store, StoreError
from models.ambiguity.flag import Flag, Severity
from tests.corpus.conftest import AGENDA, AKKOORD, REGELING, make_doc


def _race(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released together; each result is a value or the exception."""
    barrier = threading.Barrier(len(calls))
    out: list[Any] = [None] * len(calls)

    def run(i: int, fn: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            out[i] = fn()
        except Exception as err:  # noqa: BLE001 - the test inspects what each writer got
            out[i] = err

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return out


@pytest.fixture
def flagged(store_target) -> tuple[str, str, str]:
    """(target, doc id, flag key): the small corpus with one flag on the regulation."""
    target = store_target("concurrency.db")
    doc = make_doc("Regeling GR Drechtsteden", REGELING, year=2019)
    with Store(target) as s:
        s.add_document(doc)
        p = doc.passages[3]
        quote = "Zo spoedig mogelijk"
        flag = Flag("AMB-01", "vage norm", Severity.ZORG, 0.8, quote, 0, len(quote), "uitleg", "Aanwijzing 3.12",
                    "Wanneer?", passage_id=p.id, artikel=p.artikel, lid=p.lid, page=p.page_start).to_dict()
        s.save_flags(doc.id, [flag], producer="rules", version="1")
    return target, doc.id, flag["key"]


def test_two_reviewers_decide_on_the_same_flag_at_once(flagged):
    target, doc_id, key = flagged
    with Store(target) as a, Store(target) as b:
        for round_ in range(6):  # several rounds: each starts from the version both reviewers see
            seen = a.flags(doc_id=doc_id)[0].version
            assert b.flags(doc_id=doc_id)[0].version == seen == a.flag_version(key, doc_id)
            got = _race(lambda v=seen: a.add_decision(key, doc_id, "an", "accept", expected_version=v),
                        lambda v=seen: b.add_decision(key, doc_id, "bo", "dismiss", expected_version=v))
            errors = [g for g in got if isinstance(g, Exception)]
            wins = [g for g in got if not isinstance(g, Exception)]
            assert len(wins) == 1 and len(errors) == 1, got
            assert isinstance(errors[0], StoreError)
            assert "intussen gewijzigd door" in str(errors[0]) and "laad opnieuw" in str(errors[0])
            assert wins[0].reviewer in str(errors[0])  # names who got there first
            flag = a.flags(doc_id=doc_id)[0]
            assert flag.status == wins[0].decision and flag.version == seen + 1
            assert len(a.decisions(flag_key=key)) == round_ + 1  # the loser left nothing behind
        # a reviewer who reloads can decide again; a comment never conflicts
        assert b.add_decision(key, doc_id, "bo", "comment", comment="gezien", expected_version=0)
        v = b.flags(doc_id=doc_id)[0].version
        b.add_decision(key, doc_id, "bo", "dismiss", expected_version=v)
        assert a.flags(doc_id=doc_id)[0].status == "dismiss"


@pytest.mark.postgresql_only
def test_a_writer_waiting_on_the_row_lock_rechecks_the_version(flagged, backend):
    """PostgreSQL: the UPDATE of writer B blocks on the row another session holds, and after
    that session commits B re-evaluates ``version = expected`` on the new row: refused."""
    target, doc_id, key = flagged
    with Store(target) as s:
        s.add_decision(key, doc_id, "an", "accept", expected_version=0)  # version 1
        lineage = s.get_document(doc_id).meta["lineage"]
        holder = psycopg.connect(target, autocommit=True)
        try:
            holder.execute("BEGIN")
            holder.execute("UPDATE edit_versions SET version = version + 1, updated_by = 'carla'"
                           " WHERE scope = 'flag' AND key = %s AND lineage = %s", (key, lineage))
            result: list[Any] = []
            t = threading.Thread(target=lambda: result.append(_try(
                lambda: s.add_decision(key, doc_id, "bo", "dismiss", expected_version=1))))
            t.start()
            t.join(1.0)
            assert t.is_alive(), "B must wait for the row lock, not overwrite"
            holder.execute("COMMIT")
            t.join(30)
        finally:
            holder.close()
        assert isinstance(result[0], StoreError) and "carla" in str(result[0])
        assert s.flags(doc_id=doc_id)[0].status == "accept"  # B's dismiss was not applied


def _try(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except Exception as err:  # noqa: BLE001
        return err


def test_two_coders_on_the_same_passage(store_target):
    target = store_target("coding.db")
    doc = make_doc("Coalitieakkoord Zwijndrecht", AKKOORD, kind="akkoord", body="Gemeente Zwijndrecht", year=2022)
    pid = doc.passages[0].id
    with Store(target) as a, Store(target) as b:
        a.add_document(doc)
        # different coders code blind and independently: both codings are kept
        got = _race(lambda: a.add_coding(pid, "an", ["wonen"], {"autonomie": "A"}, expected_version=0),
                    lambda: b.add_coding(pid, "bo", ["sociaal"], {}, expected_version=0))
        assert not any(isinstance(g, Exception) for g in got), got
        assert sorted(c.coder for c in a.codings(passage_id=pid)) == ["an", "bo"]
        # the same coder in two browser tabs: the second save of the same form is refused
        v = a.coding_version(pid, "an")
        assert v == 1
        got = _race(lambda: a.add_coding(pid, "an", ["wonen", "economie"], {}, expected_version=v),
                    lambda: b.add_coding(pid, "an", ["bestuur"], {}, expected_version=v))
        assert sum(isinstance(g, StoreError) for g in got) == 1, got
        assert len(a.codings(passage_id=pid, coder="an")) == 2
        # two adjudicators settling the same passage: one wins, the other is told who did
        got = _race(lambda: a.add_coding(pid, "an", ["wonen"], {}, adjudicated=True, expected_version=0),
                    lambda: b.add_coding(pid, "bo", ["sociaal"], {}, adjudicated=True, expected_version=0))
        err = next(g for g in got if isinstance(g, Exception))
        win = next(g for g in got if not isinstance(g, Exception))
        assert isinstance(err, StoreError) and win.coder in str(err) and "vaststellen" in str(err)
        assert [c.coder for c in a.codings(passage_id=pid, adjudicated=True)] == [win.coder]


def test_parallel_ingest_stores_each_document_once(store_target):
    """Four writers add the same documents in different orders (as retried ingest tasks do)."""
    target = store_target("ingest.db")
    docs = [make_doc(f"Regeling {i}", REGELING, year=2000 + i, salt=str(i)) for i in range(6)]
    docs += [make_doc("Akkoord", AKKOORD, kind="akkoord"), make_doc("Agenda", AGENDA, kind="agenda")]
    stores = [Store(target) for _ in range(4)]
    try:
        orders = [docs, docs[::-1], docs[3:] + docs[:3], docs[1::2] + docs[::2]]
        got = _race(*[lambda s=s, o=o: [s.add_document(d, file_bytes=d.id.encode()).status for d in o]
                      for s, o in zip(stores, orders, strict=True)])
        assert not any(isinstance(g, Exception) for g in got), got
        statuses = Counter(st for g in got for st in g)
        assert statuses["new"] == len(docs) and statuses["duplicate"] == 3 * len(docs)
        st = stores[0].stats()
        assert st.documents == len(docs) and st.passages == sum(len(d.passages) for d in docs)
        assert st.files_bytes == 64 * len(docs)
    finally:
        for s in stores:
            s.close()


def test_generation_sees_writes_of_another_connection(store_target):
    target = store_target("gen.db")
    with Store(target) as a, Store(target) as b:
        before = b.generation
        a.add_document(make_doc("Agenda", AGENDA, kind="agenda"))
        assert b.generation != before
        mid = b.generation
        doc = a.documents()[0]
        a.save_labels(doc.id, [{"passage_id": a.passages(doc.id)[0].id, "domains": ["bestuur"]}],
                      producer="x", version="1")  # a change that adds no passage
        assert b.generation != mid


def test_store_reconnects_after_the_server_dropped_it(pg_url):
    """A long-running app keeps working when PostgreSQL ends its session (restart, failover)."""
    with Store(pg_url) as s:
        s.add_document(make_doc("Agenda", AGENDA, kind="agenda"))
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE datname = current_database() AND pid <> pg_backend_pid()")
        assert [d.title for d in s.documents()] == ["Agenda"]  # a read reconnects and runs again
        s.add_document(make_doc("Akkoord", AKKOORD, kind="akkoord"))
        assert s.stats().documents == 2
