"""``drechtlens flag`` and ``drechtlens detectors`` through ``corpus.cli.main``."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from corpus import review
from corpus.cli import main
from corpus.ingest import ingest_paths
from corpus.store import Store

SOURCE = Path(__file__).resolve().parent.parent / "data" / "review_regeling.md"
FIELDS = {"type", "severity", "artikel", "lid", "onderdeel", "page", "quote", "start", "end", "explanation", "rule",
          "question", "suggestion", "confidence", "key", "status"}
AKKOORD = """# Coalitieakkoord Papendrecht 2026-2030

## Wonen

Wij bouwen de komende jaren 800 woningen. De coalitie investeert in betaalbare huur en in starters.

## Duurzaamheid

Wij willen dat Papendrecht in 2040 energieneutraal is en zetten in op zonnepanelen op daken van scholen.
"""


def test_flag_file_json_has_the_contract_fields(capsys):
    assert main(["flag", str(SOURCE)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(FIELDS <= set(r) for r in rows)
    got = {(r["type"], r["artikel"], r["lid"], r["quote"]) for r in rows}
    assert ("AMB-11", "4", "2", "artikel 17") in got
    assert ("AMB-13", "3", "3", "en/of") in got
    assert {r["status"] for r in rows} == {"open"}


def test_min_severity_and_formats(capsys, tmp_path):
    assert main(["flag", str(SOURCE), "--min-severity", "zorg", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert rows and {r["severity"] for r in rows} <= {"zorg", "kritiek"}
    assert "AMB-13" not in {r["type"] for r in rows}  # en/of is a suggestie here
    assert main(["flag", str(SOURCE), "--format", "md"]) == 0
    assert "# Toetsing op dubbelzinnigheid" in capsys.readouterr().out
    out = tmp_path / "toetsing.docx"
    assert main(["flag", str(SOURCE), "--format", "docx", "--out", str(out)]) == 0
    assert "word/document.xml" in zipfile.ZipFile(out).namelist()
    assert main(["flag", str(SOURCE), "--format", "docx"]) == 1
    assert "--out" in capsys.readouterr().err


def test_non_regeling_file_needs_kind(capsys, tmp_path):
    path = tmp_path / "akkoord.md"
    path.write_text(AKKOORD, encoding="utf-8")
    assert main(["flag", str(path)]) == 1
    err = capsys.readouterr().err
    assert "niet als regeling" in err and "--kind regeling" in err and "Traceback" not in err
    assert main(["flag", str(path), "--kind", "regeling"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_bad_input_messages(capsys, tmp_path):
    assert main(["--db", str(tmp_path / "geen.db"), "flag", "abcdef123456"]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    with Store(tmp_path / "leeg.db"):
        pass
    assert main(["--db", str(tmp_path / "leeg.db"), "flag", "abcdef123456"]) == 1
    assert "geen document-id" in capsys.readouterr().err
    assert main(["flag", str(tmp_path)]) == 1
    assert "map" in capsys.readouterr().err


def test_flag_stored_document_shows_review_status(capsys, tmp_path):
    db = tmp_path / "corpus.db"
    with Store(db) as store:
        rep = ingest_paths(store, [SOURCE], workers=1)
        doc_id = rep.stored[0].doc_id
        flag = next(f for f in store.flags(doc_id=doc_id) if f.type == "AMB-11")
        review.accept(store, doc_id, flag.key, "mr. A. de Vries")
    assert main(["--db", str(db), "flag", doc_id[:10]]) == 0
    rows = json.loads(capsys.readouterr().out)
    status = {r["key"]: r["status"] for r in rows}
    assert status[flag.key] == "geaccepteerd"
    assert {s for k, s in status.items() if k != flag.key} == {"open"}


def test_detectors_lists_the_registry(capsys):
    assert main(["detectors", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rows] == [f"AMB-{i:02d}" for i in range(1, 17)]
    assert all(r["name"] and r["rule"] and r["default_severity"] in ("info", "suggestie", "zorg", "kritiek")
               for r in rows)
    assert main(["detectors"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 16 and lines[10].startswith("AMB-11") and "Ar 3.29" in lines[10]


@pytest.mark.parametrize("fmt", ["html", "json"])
def test_out_file(fmt, tmp_path, capsys):
    out = tmp_path / f"r.{fmt}"
    assert main(["flag", str(SOURCE), "--format", fmt, "--out", str(out)]) == 0
    assert out.stat().st_size > 100 and "meldingen geschreven" in capsys.readouterr().err
