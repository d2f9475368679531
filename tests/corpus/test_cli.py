"""The corpus commands through ``corpus.cli.main``: exit codes, formats, Dutch messages."""

from __future__ import annotations

import csv
import io
import json

import pytest

from corpus.cli import main
from corpus.similar import similar_passages
from corpus.store import Store, StoreError
from tests.corpus.conftest import make_doc


def run(store: Store, *args: str) -> int:
    return main(["--db", store.path, *args])


def test_list_show_stats(small_store: Store, capsys):
    assert run(small_store, "list", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["soort"] for r in rows} == {"regeling", "akkoord", "agenda"}
    assert run(small_store, "list", "--kind", "akkoord", "--format", "csv") == 0
    got = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["titel"] for r in got] == ["Coalitieakkoord Zwijndrecht"]
    doc_id = small_store.documents(kind="regeling")[0].id
    assert run(small_store, "show", doc_id[:12]) == 0
    assert "artikel 3, lid 1, onder a" in capsys.readouterr().out
    assert run(small_store, "show", doc_id, "--format", "json") == 0
    assert len(json.loads(capsys.readouterr().out)["passages"]) == 4
    assert run(small_store, "show", "ffffffffffff") == 1
    assert "staat niet in het corpus" in capsys.readouterr().err
    assert run(small_store, "stats", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["passages"] == 8


def test_search_formats_and_filters(small_store: Store, capsys):
    assert run(small_store, "search", "woningen", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 3 and all(h["highlights"] for h in data["hits"])
    assert run(small_store, "search", "woningen", "--gemeente", "zwijndrecht", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["gemeente"] for r in rows] == ["Gemeente Zwijndrecht"]
    assert run(small_store, "search", "begroting", "--van", "2023", "--kind", "agenda") == 0
    out = capsys.readouterr().out
    assert "1 treffers" in out and "Besluitenlijst raad" in out
    assert run(small_store, "search", "woning", "--document", "nietbestaand") == 1


@pytest.mark.parametrize("query", ['"open', "NEAR(", "*", "<b>[red]x[/red]</b>"])
def test_search_hostile_queries_exit_cleanly(small_store: Store, capsys, query):
    assert run(small_store, "search", query) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_unopenable_database(tmp_path, capsys):
    bad = tmp_path / "kapot.db"
    bad.write_bytes(b"dit is geen sqlite" * 100)
    assert main(["--db", str(bad), "stats"]) == 1
    assert "kan niet worden geopend" in capsys.readouterr().err


def test_similar_passages(fresh_store: Store):
    texts = [
        "Het algemeen bestuur stelt de begroting vast na de zienswijzen van de gemeenteraden.",
        "De begroting wordt door het algemeen bestuur vastgesteld, nadat de gemeenteraden een zienswijze gaven.",
        "Honden moeten in het park aangelijnd zijn.",
        "De jeugdzorg wordt regionaal ingekocht.",
    ]
    doc = make_doc("R", [((("artikel", str(i + 1)),), t, 1) for i, t in enumerate(texts)])
    fresh_store.add_document(doc)
    hits = similar_passages(fresh_store, doc.passages[0].id, k=3)
    assert hits[0].passage_id == doc.passages[1].id and hits[0].score > 0.3
    assert doc.passages[0].id not in [h.passage_id for h in hits]
    # the cache follows the corpus: a new document is found without restarting
    other = make_doc("Andere", [((("artikel", "1"),), "Het algemeen bestuur stelt de begroting vast; zienswijzen "
                                 "van de gemeenteraden volgen.", 2)], body="Gemeente Sliedrecht")
    fresh_store.add_document(other)
    hits = similar_passages(fresh_store, doc.passages[0].id, k=2, other_documents=True)
    assert [h.doc_id for h in hits] == [other.id]
    with pytest.raises(StoreError):
        similar_passages(fresh_store, "onbekend-00001")


def test_read_commands_on_missing_database(tmp_path, capsys):
    db = tmp_path / "nergens.db"
    for args in (["list"], ["search", "woning"], ["stats"], ["show", "abc123"], ["export", str(tmp_path / "x.csv")]):
        assert main(["--db", str(db), *args]) == 1
        assert "nog geen corpus" in capsys.readouterr().err
    assert not db.exists()  # reading never creates an empty database
