"""``drechtlens classify | train | profile | codings`` end to end on real files and a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from corpus.cli import main
from corpus.store import Store
from models.interchange import validate_qdpx, write_jsonl
from tests.corpus.conftest import write_pdf
from tests.models.codings_small import small_codings


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Artifacts go to a temporary data dir, never into the checkout."""
    monkeypatch.setenv("DRECHTLENS_DATA", str(tmp_path / "data"))


def test_classify_jsonl_keeps_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a1", "text": "Wij bouwen woningen en versterken de jeugdhulp."}\n\n'
                   '{"id": 2, "text": "Het algemeen bestuur stelt de begroting vast."}\n', encoding="utf-8")
    assert main(["classify", "--jsonl", str(src)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a1", 2]
    assert rows[0]["domains"] == ["ruimtelijk-economisch", "sociaal"] and rows[1]["domains"] == ["bestuur"]
    assert {"tensions", "probabilities", "explanation", "codebook_version", "pipeline"} <= set(rows[0])


def test_classify_pdf_json_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = write_pdf(tmp_path / "regeling.pdf", "Regeling jeugdzorg en woningbouw")
    assert main(["classify", str(pdf)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["model"]["producer"] == "seed" and out["model"]["capabilities"]["pipeline"]
    assert out["passages"] and all({"id", "location", "domains", "probabilities"} <= set(p) for p in out["passages"])
    assert main(["classify", str(pdf), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(out["passages"]) and "p:sociaal" in rows[0]


def test_user_errors_are_dutch_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{kapot\n", encoding="utf-8")
    assert main(["classify", "--jsonl", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "regel 1: geen geldige JSON" in err and "Traceback" not in err
    assert main(["--db", str(tmp_path / "geen.db"), "classify", "bestaat-niet.pdf"]) == 1
    assert "geen bestand" in capsys.readouterr().err
    assert main(["train", "--codings", str(bad)]) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_train_then_classify_with_the_trained_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codings = tmp_path / "codings.jsonl"
    write_jsonl(small_codings(), codings)
    assert main(["train", "--codings", str(codings), "--folds", "3"]) == 0
    out = capsys.readouterr().out
    assert "Model bewaard in" in out and "seed-lexicon" in out and "getraind" in out
    assert (tmp_path / "data" / "trained" / "LATEST").exists()
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x", "text": "Inwoners met schulden krijgen hulp van het wijkteam."}\n', encoding="utf-8")
    assert main(["classify", "--jsonl", str(src)]) == 0
    row = json.loads(capsys.readouterr().out)
    # k is chosen by cross-validation: the trained model is used, blended or alone
    assert row["producer"] in ("blend", "learned") and "sociaal" in row["domains"]
    assert main(["classify", "--jsonl", str(src), "--seed-only"]) == 0
    assert json.loads(capsys.readouterr().out)["producer"] == "seed"


def test_codings_import_export_and_profile_via_store(small_store: Store, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = str(small_store.path)
    doc = next(d for d in small_store.documents() if d.title == "Coalitieakkoord Zwijndrecht")
    passages = small_store.passages(doc.id)
    src = tmp_path / "import.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": passages[0].id, "text": passages[0].text, "domains": ["ruimtelijk-economisch"],
         "tensions": {"verleden-toekomst": "B"}, "coder": "an"},
        {"id": passages[1].id, "text": passages[1].text, "domains": ["bestuur"],
         "tensions": {"legitimiteit-resultaat": "A"}, "coder": "an"},
        {"id": "onbekend-00001", "text": "los", "domains": [], "coder": "an"},
    ]) + "\n", encoding="utf-8")
    assert main(["--db", db, "codings", "import", str(src)]) == 0
    captured = capsys.readouterr()
    assert "2 coderingen ingelezen" in captured.out and "1 coderingen overgeslagen" in captured.err
    out_jsonl, out_qdpx = tmp_path / "uit.jsonl", tmp_path / "project.qdpx"
    assert main(["--db", db, "codings", "export", str(out_jsonl)]) == 0
    exported = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["domains"], r["tensions"]) for r in exported] == [
        (passages[0].id, ["ruimtelijk-economisch"], {"verleden-toekomst": "B"}),
        (passages[1].id, ["bestuur"], {"legitimiteit-resultaat": "A"})]
    assert main(["--db", db, "codings", "export", str(out_qdpx)]) == 0
    assert validate_qdpx(out_qdpx) == []
    capsys.readouterr()
    assert main(["--db", db, "profile", doc.id, "--bron", "codering"]) == 0
    prof = json.loads(capsys.readouterr().out)["profiles"][0]
    assert prof["n_passages"] == 2 and prof["domain_shares"]["bestuur"] == 0.5
    vt = next(t for t in prof["tensions"] if t["field"] == "verleden-toekomst")
    assert (vt["a"], vt["b"], vt["balance"]) == (0, 1, -1.0)
    assert main(["--db", db, "profile", "--gemeente", "Zwijndrecht", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["groep"] == "Coalitieakkoord Zwijndrecht" and len(rows) == 9
    assert main(["--db", db, "profile", "--gemeente", "Atlantis"]) == 1


def test_queue_and_agreement_commands(small_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(small_store.path)
    docs = small_store.documents()
    passages = [p for d in docs for p in small_store.passages(d.id)]
    small_store.add_coding(passages[0].id, "an", ["bestuur"], {})
    small_store.add_coding(passages[0].id, "bo", ["bestuur", "ruimtelijk-economisch"], {})
    small_store.add_coding(passages[1].id, "an", ["bestuur"], {})
    small_store.add_coding(passages[1].id, "bo", ["bestuur"], {})
    assert main(["--db", db, "codings", "queue", "--n", "3", "--format", "json"]) == 0
    queue = json.loads(capsys.readouterr().out)
    assert len(queue) == 3 and not {q["passage_id"] for q in queue} & {passages[0].id, passages[1].id}
    assert all(q["reason"].startswith("onzeker over") for q in queue)
    assert main(["--db", db, "codings", "agreement", "--format", "json"]) == 0
    res = json.loads(capsys.readouterr().out)
    by = {a["label"]: a for a in res["labels"]}
    assert by["bestuur"]["n_units"] == 2 and by["bestuur"]["percent"] == 1.0
    assert by["ruimtelijk-economisch"]["percent"] == 0.5
    assert [d["passage_id"] for d in res["disagreements"]] == [passages[0].id]
