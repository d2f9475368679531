"""Distributed ingest on a real Dask LocalCluster (2 worker processes, 1 thread each).

One cluster serves the whole module (it takes a few seconds to start). Covers: SQLite via
Parquet shards gives the same corpus as a plain ingest (documents, passages, files, metadata;
labels and ambiguity flags made on a worker); a worker killed with SIGKILL during an ingest of
200 documents loses none and stores none twice, with shards merged into SQLite and with the
workers writing straight to PostgreSQL (the session's throwaway server; skipped with the
reason when it cannot start); a corrupt file is one error row (no retries) while the rest is
stored; a re-run finds only duplicates; leftover shards of a crashed run are merged; tasks
that keep raising end as error rows after their retries; the CLI prints the dashboard link.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from corpus.analysis import AnalysisOutput
from corpus.cli import main
from corpus.distributed import (
    ClusterError,
    ingest_dask,
    leftover_shards,
    local_cluster,
    read_shard,
    staging_dir,
    write_shard,
)
from corpus.ingest import IngestProgress, extract_one, ingest_paths, sha256_file
from corpus.store import Store
from tests.corpus.conftest import write_pdf

distributed = pytest.importorskip("distributed")

REGELING_MD = """# Regeling {name}

## Artikel 1 Begrippen

1. Het algemeen bestuur is bevoegd tot het nemen van besluiten over woningen in {name}.
2. De bevoegdheden van het dagelijks bestuur worden bij verordening geregeld.

## Artikel 2 Zienswijze

1. Zo spoedig mogelijk wordt een zienswijze gevraagd aan de raden.
2. Het besluit wordt zo nodig binnen een redelijke termijn genomen door het bestuur.
3. Het dagelijks bestuur kan nadere regels stellen over passende maatregelen.
"""


@pytest.fixture(scope="module")
def client():
    cluster = local_cluster(2, dashboard_address=":0")  # what `--scheduler local --workers 2` starts
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture
def own_client():
    """A cluster of its own for a test that kills a worker, so no other test depends on how
    fast the nanny brings the killed worker back."""
    cluster = local_cluster(2, dashboard_address=":0")
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def _folder(root: Path, n_pdf: int, n_md: int = 0, *, pages: int = 1) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n_pdf):
        write_pdf(root / f"verordening-{i:03d}.pdf", f"Verordening nummer {i} Sliedrecht", 2 * pages, pages, seed=i)
    for i in range(n_md):
        (root / f"regeling-{i}.md").write_text(REGELING_MD.format(name=f"Gemeente {i}"), encoding="utf-8")
    return root


def _snapshot(store: Store) -> dict[str, dict]:
    """Everything ingest stores per document that must not depend on how it was run."""
    out = {}
    for d in store.documents(latest_only=False):
        doc = store.get_document(d.id)
        meta = {k: v for k, v in doc.meta.items() if k not in ("lineage", "previous_id")}
        out[d.id] = {
            "doc": {**doc.to_dict(), "meta": meta},
            "file": store.file_bytes(d.id),
            "labels": sorted((lb.passage_id, lb.producer, lb.producer_version, tuple(lb.domains),
                              sorted(lb.tensions.items())) for lb in store.labels(doc_id=d.id)),
            "flags": sorted((f.key, f.type, f.severity, f.passage_id or "", f.producer, f.pipeline, f.quote)
                            for f in store.flags(doc_id=d.id)),
        }
    return out


def test_shard_round_trip(tmp_path: Path):
    src = _folder(tmp_path / "src", 0, 1)
    f = next(src.iterdir())
    doc, outputs, error = extract_one(str(f), {"year": 2021}, analyse=False)
    assert doc is not None and not error
    outputs = [AnalysisOutput("p", "1", "flags", [{"key": "k1", "severity": 2, "tuple": (1, 2), "nl": "één"}],
                              pipeline="x")]
    doc.meta["manifest"] = {"bron": "test"}
    shard = write_shard(tmp_path / "st", doc, outputs, f.read_bytes(), str(f), 0.25, run_id="r1")
    assert shard.name == f"{doc.id}.parquet" and [p.name for p in (tmp_path / "st").iterdir()] == [shard.name]
    back = read_shard(shard)
    assert back.doc.to_dict() == doc.to_dict()
    assert back.file_bytes == f.read_bytes() and back.source_path == str(f) and back.seconds == 0.25
    assert back.analysis[0].rows == [{"key": "k1", "nl": "één", "severity": 2, "tuple": [1, 2]}]
    assert (back.analysis[0].producer, back.analysis[0].pipeline) == ("p", "x")


def test_dask_ingest_equals_plain_ingest(client, tmp_path: Path):
    src = _folder(tmp_path / "src", 3, 3, pages=2)
    (src / "MANIFEST.tsv").write_text("bestand\tgemeente\tjaar\nregeling-0.md\tGemeente Dordrecht\t2019\n",
                                      encoding="utf-8")
    with Store(tmp_path / "plain.db") as plain:
        rep_plain = ingest_paths(plain, [src], workers=1, analyse=False)
        expected = _snapshot(plain)
    events: list[IngestProgress] = []
    with Store(tmp_path / "dask.db") as store:
        rep = ingest_dask(store, [src], client=client, progress=events.append, analyse=False)
        got = _snapshot(store)
    assert [i.error for i in rep.errors] == [] and rep.count("new") == 6 == rep_plain.count("new")
    assert set(got) == set(expected)
    for doc_id in expected:
        assert got[doc_id] == expected[doc_id], doc_id
    from_manifest = [v["doc"] for v in got.values() if v["doc"]["source_file"].endswith("regeling-0.md")]
    assert [(d["body"], d["year"]) for d in from_manifest] == [("Gemeente Dordrecht", 2019)]
    assert sorted(i.path for i in rep.items) == sorted(i.path for i in rep_plain.items)
    assert [e.done for e in events] == list(range(1, 7)) and events[-1].pages == rep.pages == rep_plain.pages
    assert rep.workers == 2 and rep.dashboard.startswith("http")
    assert not staging_dir(tmp_path / "dask.db").exists()


@pytest.mark.slow  # the worker loads the models (10-30 s on a busy 2-core machine)
def test_analysis_on_the_workers_equals_plain_ingest(client, tmp_path: Path):
    """Labels and ambiguity flags made on a worker are the ones a plain ingest stores. One
    document, so that only one worker has to load the models."""
    src = _folder(tmp_path / "src", 0, 1)
    with Store(tmp_path / "plain.db") as plain:
        ingest_paths(plain, [src], workers=1)
        expected = _snapshot(plain)
    with Store(tmp_path / "dask.db") as store:
        rep = ingest_dask(store, [src], client=client)
        got = _snapshot(store)
    assert [i.error for i in rep.errors] == [] and rep.count("new") == 1
    (doc_id, want), = expected.items()
    assert want["flags"] and want["labels"]  # the analysers really ran, so the comparison means something
    assert got == expected


@pytest.mark.slow  # renders and ingests 200 PDFs
def test_worker_killed_mid_ingest_every_document_once(own_client, tmp_path: Path):
    client = own_client
    src = _folder(tmp_path / "src", 200)
    hashes = {sha256_file(f) for f in src.iterdir()}
    assert len(hashes) == 200
    killed: dict[str, object] = {}

    def kill_one(p: IngestProgress) -> None:
        if p.done >= 60 and not killed:
            busy = {w: keys for w, keys in client.processing().items() if keys}
            if not busy:  # the window can be momentarily empty: kill at the next event
                return
            worker = sorted(busy)[0]
            pid = client.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)
            killed.update(worker=worker, pid=pid, tasks=list(busy[worker]))

    db = tmp_path / "kill.db"
    with Store(db) as store:
        rep = ingest_dask(store, [src], client=client, analyse=False, progress=kill_one)
        assert killed["tasks"], "the killed worker was running a task"
        assert killed["worker"] in rep.lost_workers
        assert [i.error for i in rep.errors] == []
        assert len(rep.items) == 200 and rep.count("new") == 200
        ids = [r[0] for r in store.read("SELECT id FROM documents")]
        assert len(ids) == 200 and set(ids) == hashes
        per_doc = store.read("SELECT doc_id, count(*), count(DISTINCT seq) FROM passages GROUP BY doc_id")
        assert len(per_doc) == 200 and all(n == distinct > 0 for _, n, distinct in per_doc)
        assert not staging_dir(db).exists()

        again = ingest_dask(store, [src], client=client, analyse=False)
        assert again.count("duplicate") == 200 and len(again.items) == 200
        assert store.read("SELECT count(*) FROM documents")[0][0] == 200


def test_corrupt_file_is_an_error_row_not_a_retry(client, tmp_path: Path):
    src = _folder(tmp_path / "src", 4)
    (src / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nrubbish")
    (src / "leeg.docx").write_bytes(b"")
    local_error = {f.name: extract_one(str(f), {}, analyse=False)[2] for f in (src / "kapot.pdf", src / "leeg.docx")}
    with Store(tmp_path / "c.db") as store:
        rep = ingest_dask(store, [src], client=client, analyse=False, retries=3)
        assert rep.count("new") == 4 and len(store.documents()) == 4
    errors = {Path(i.path).name: i.error for i in rep.errors}
    assert errors == local_error  # the extractor's own Dutch message, not "mislukt, ook na 3 keer opnieuw proberen"
    assert all(errors.values())


def test_leftover_shards_of_a_crashed_run_are_merged(client, tmp_path: Path):
    src = _folder(tmp_path / "src", 3)
    db = tmp_path / "c.db"
    stage = staging_dir(db)
    first = sorted(src.iterdir())[0]
    doc, outputs, _ = extract_one(str(first), {}, analyse=False)
    write_shard(stage, doc, outputs, first.read_bytes(), str(first), 0.1, run_id="crashed")
    stale = stage / ".crashed.abc.tmp"
    stale.write_bytes(b"half a shard")
    os.utime(stale, (0, 0))
    with Store(db) as store:
        rep = ingest_dask(store, [src], client=client, analyse=False)
        assert rep.recovered == 1 and rep.count("new") == 3 and len(rep.items) == 3
        assert len(store.documents()) == 3
    assert not stage.exists()


def test_failing_tasks_end_as_errors_after_retries(client, tmp_path: Path):
    src = _folder(tmp_path / "src", 2)
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        rep = ingest_dask(store, [src], client=client, analyse=False, retries=1, staging=tmp_path / "bestand" / "st")
        assert len(store.documents()) == 0
    assert len(rep.errors) == 2
    assert all("verwerking mislukt, ook na 1 keer opnieuw proberen (NotADirectoryError" in i.error for i in rep.errors)
    assert leftover_shards(tmp_path / "bestand") == []


def test_cli_on_a_running_scheduler(client, tmp_path: Path, capsys):
    src = _folder(tmp_path / "src", 2, 1)
    db = tmp_path / "cli.db"
    code = main(["--db", str(db), "ingest", str(src), "--scheduler", client.scheduler.address, "--zonder-analyse"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Dask-cluster: 2 workers" in err and "dashboard: http" in err
    assert "Nieuw: 3" in out and "Fouten: 0" in out
    with Store(db) as store:
        assert len(store.documents()) == 3


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path):
    with Store(tmp_path / "c.db") as store, pytest.raises(ClusterError, match="Kan de Dask-scheduler"):
        ingest_dask(store, [tmp_path], scheduler="tcp://127.0.0.1:9", connect_timeout=2)


@pytest.mark.slow  # renders and ingests 200 PDFs
def test_worker_killed_mid_ingest_postgresql_every_document_once(own_client, pg_url: str, tmp_path: Path):
    """Workers write straight to PostgreSQL; a SIGKILLed worker's tasks run again elsewhere."""
    from corpus.store import open_store

    client = own_client

    src = _folder(tmp_path / "src", 200)
    hashes = {sha256_file(f) for f in src.iterdir()}
    killed: dict[str, object] = {}

    def kill_one(p: IngestProgress) -> None:
        if p.done >= 60 and not killed:
            busy = {w: keys for w, keys in client.processing().items() if keys}
            if not busy:  # the window can be momentarily empty: kill at the next event
                return
            worker = sorted(busy)[0]
            os.kill(client.run(os.getpid, workers=[worker])[worker], signal.SIGKILL)
            killed.update(worker=worker, tasks=list(busy[worker]))

    with open_store(pg_url) as store:
        rep = ingest_dask(store, [src], target=pg_url, client=client, analyse=False, progress=kill_one)
        assert killed["tasks"] and killed["worker"] in rep.lost_workers
        assert [i.error for i in rep.errors] == []
        # a task whose worker died after its commit runs again and finds its document: "duplicate"
        assert len(rep.items) == 200 and rep.count("new") + rep.count("duplicate") == 200
        ids = [r[0] for r in store.read("SELECT id FROM documents")]
        assert len(ids) == 200 and set(ids) == hashes
        per_doc = store.read("SELECT doc_id, count(*), count(DISTINCT seq) FROM passages GROUP BY doc_id")
        assert len(per_doc) == 200 and all(n == distinct > 0 for _, n, distinct in per_doc)
        assert store.read("SELECT count(*) FROM files")[0][0] == 200

        again = ingest_dask(store, [src], target=pg_url, client=client, analyse=False)
        assert again.count("duplicate") == 200
