"""Export: passage tables (CSV, JSONL, Excel) and the lossless zip round trip through ingest."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from corpus.cli import main
from corpus.export import ExportFormatError, export, import_zip
from corpus.ingest import ingest_paths
from corpus.store import Store
from models.ambiguity.flag import Flag, Severity
from tests.corpus.conftest import REGELING, make_doc


@pytest.fixture
def rich_store(small_store: Store) -> Store:
    """small_store plus a second version, labels, flags, decisions, codings and a saved search."""
    reg = small_store.documents(kind="regeling")[0]
    v2 = make_doc("Regeling GR Drechtsteden", REGELING + [((("artikel", "4"),), "Nieuw artikel\x0b met tab.", 3)],
                  year=2019, salt="v2")
    small_store.add_document(v2, file_bytes=b"versie 2")
    ps = small_store.passages(v2.id)
    q = "Zo spoedig mogelijk"
    f = Flag("AMB-01", "vage norm", Severity.ZORG, 0.8, q, 0, len(q), "uitleg", "Aanwijzing 3.12", "Wanneer?",
             passage_id=ps[3].id, artikel="3", lid="1", onderdeel="a", page=3).to_dict()
    small_store.save_flags(v2.id, [f], "ambiguity-rules", "1.0", "blank-nl+simplemma")
    small_store.add_decision(f["key"], reg.id, "an", "dismiss", reason="bewust", comment="zie nota")
    small_store.add_decision(f["key"], v2.id, "bo", "accept")
    small_store.save_labels(v2.id, [{"passage_id": ps[0].id, "domains": ["wonen", "bestuur"],
                                     "tensions": {"autonomie": "A"}, "probabilities": {"wonen": 0.8},
                                     "explanation": {"wonen": ["woningen"]}}], "lexicon", "0.1", "cb-2026-1")
    small_store.add_coding(ps[0].id, "an", ["wonen"], {"autonomie": "beide"}, note="twijfel")
    small_store.add_coding(ps[1].id, "bo", ["bestuur"], {}, adjudicated=True)
    small_store.save_search("woningen regio", "woningen", {"body": "Dordrecht", "year_from": 2015})
    return small_store


def test_csv_jsonl_xlsx(rich_store: Store, tmp_path: Path):
    n = export(rich_store, tmp_path / "p.csv")["passages"]
    assert n == rich_store.stats().passages == 13
    rows = list(csv.DictReader((tmp_path / "p.csv").open(encoding="utf-8-sig")))
    first = next(r for r in rows if r["domains"])
    assert first["domains"] == "bestuur;wonen" and first["location"] == "artikel 1, lid 1" and first["codings"] == "1"
    flagged = [r for r in rows if r["flags"] != "0"]
    assert [(r["flag_types"], r["max_severity"], r["page_start"]) for r in flagged] == [("AMB-01", "zorg", "3")]
    export(rich_store, tmp_path / "p.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 13 and {x["title"] for x in lines} >= {"Coalitieakkoord Zwijndrecht"}
    export(rich_store, tmp_path / "p.xlsx")
    wb = load_workbook(tmp_path / "p.xlsx", read_only=True)
    sheet = list(wb["passages"].values)
    assert len(sheet) == 14 and sheet[0][0] == "doc_id"
    assert any("Nieuw artikel met tab." == (r[16] or "") for r in sheet[1:])  # control char stripped
    assert len(list(wb["documenten"].values)) == 5


def test_zip_round_trip_through_ingest(rich_store: Store, tmp_path: Path):
    out = tmp_path / "corpus.zip"
    counts = export(rich_store, out)
    assert counts["documents"] == 4 and counts["codings"] == 2 and counts["decisions"] == 2
    with Store(tmp_path / "restored.db") as fresh:
        rep = ingest_paths(fresh, [out])
        assert rep.items[0].status == "imported" and not rep.errors
        for s_old, s_new in zip(rich_store.documents(), fresh.documents(), strict=True):
            assert s_old == s_new  # summaries: ids, lineage, previous_id, counts, flags, labels, ingested_at
            old, new = rich_store.get_document(s_old.id), fresh.get_document(s_new.id)
            assert old.to_dict() == new.to_dict()
            assert rich_store.file_bytes(s_old.id) == fresh.file_bytes(s_new.id)
        strip = lambda xs: [{k: v for k, v in vars_(x).items() if k != "id"} for x in xs]  # noqa: E731
        assert strip(rich_store.codings()) == strip(fresh.codings())
        assert strip(rich_store.decisions()) == strip(fresh.decisions())
        assert rich_store.saved_searches() == fresh.saved_searches()
        assert strip(rich_store.flags()) == strip(fresh.flags())  # incl. review status from decisions
        assert rich_store.labels() == fresh.labels()
        # importing again changes nothing
        again = import_zip(fresh, out)
        assert (again.documents, again.duplicates, again.codings, again.decisions) == (0, 4, 0, 0)
        assert fresh.stats().codings == 2


def vars_(obj) -> dict:
    from dataclasses import asdict

    return asdict(obj)


def test_zip_that_is_not_an_export(tmp_path: Path, fresh_store: Store):
    z = tmp_path / "ander.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("iets.txt", "hallo")
    with pytest.raises(ExportFormatError, match="geen Drechtlens-export"):
        import_zip(fresh_store, z)
    rep = ingest_paths(fresh_store, [z])
    assert rep.errors and "geen Drechtlens-export" in rep.errors[0].error


def test_cli_export_and_reingest(rich_store: Store, tmp_path: Path, capsys):
    out = tmp_path / "backup.zip"
    assert main(["--db", rich_store.path, "export", str(out)]) == 0
    assert "documents: 4" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "n.db"), "ingest", str(out)]) == 0
    assert main(["--db", str(tmp_path / "n.db"), "export", str(tmp_path / "x.parquet")]) == 1
    assert "Kies --format" in capsys.readouterr().err
