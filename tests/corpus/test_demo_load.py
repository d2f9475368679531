"""``drechtlens demo`` and ``load_demo`` on real SQLite files: load once, then do nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.cli import EXIT_OK, EXIT_USER_ERROR, main
from corpus.demo import DemoError, demo_sources, load_demo
from corpus.store import Store


def test_demo_if_empty_loads_everything_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "data" / "corpus.db"
    assert main(["--db", str(db), "demo", "--if-empty", "--workers", "1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "6 document(en) ingelezen" in out
    assert sorted(p.name for p in (tmp_path / "data" / "demo").glob("*.pdf")) == sorted(s.file for s in demo_sources())
    with Store(db) as store:
        docs = store.documents()
        assert len(docs) == 6
        assert sorted(d.kind for d in docs) == ["agenda", "agenda", "akkoord", "akkoord", "akkoord", "regeling"]
        bodies = {d.body for d in docs}
        assert {"GR Drechtsteden", "Gemeente Dordrecht", "Gemeente Alblasserdam", "Gemeente Papendrecht",
                "Gemeente Zwijndrecht"} == bodies
        assert all(d.year == 2026 for d in docs)
        gr = next(d for d in docs if d.kind == "regeling")
        assert len(store.get_document(gr.id).artikelen()) == 26
        ids = sorted(d.id for d in docs)

    # Second run: the corpus is not empty, so nothing is rendered or ingested.
    assert main(["--db", str(db), "demo", "--if-empty"]) == EXIT_OK
    assert "niet geladen" in capsys.readouterr().out
    with Store(db) as store:
        assert sorted(d.id for d in store.documents()) == ids


def test_load_demo_without_if_empty_finds_the_same_documents(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        first = load_demo(store, if_empty=True, out_dir=tmp_path / "pdf", workers=1, analyse=False)
        assert first.status == "loaded" and len(first.ingest.stored) == 6
        skipped = load_demo(store, if_empty=True, out_dir=tmp_path / "pdf")
        assert skipped.status == "skipped" and skipped.existing_documents == 6 and skipped.ingest is None
        again = load_demo(store, if_empty=False, out_dir=tmp_path / "pdf2", workers=1, analyse=False)
        # Rendering is reproducible, so the fresh PDFs have the same sha256 ids: all duplicates.
        assert again.ingest.count("duplicate") == 6 and not again.ingest.stored
        assert len(store.documents()) == 6


def test_bad_output_folder_is_a_dutch_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "bestand.txt"
    blocker.write_text("geen map")
    rc = main(["--db", str(tmp_path / "c.db"), "demo", "--out", str(blocker / "sub")])
    assert rc == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "kan niet worden aangemaakt" in err and "Traceback" not in err
    with Store(":memory:") as store, pytest.raises(DemoError, match="geheugen"):
        load_demo(store, if_empty=False)
