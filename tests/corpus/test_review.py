"""Review workflow: decisions on ambiguity flags survive re-analysis and a new version with unchanged text.

A small regulation (tests/data/review_regeling.md, with a dangling reference, an agentless
passive, "en/of" and "zo nodig") is rendered to PDF, ingested through the real ingest
pipeline (the "ambiguity" analyser stores its flags) and reviewed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import review
from corpus.ingest import ingest_paths
from corpus.review import ReviewError
from tests.pdfgen import render_markdown_regulation

SOURCE = Path(__file__).resolve().parent.parent / "data" / "review_regeling.md"


def _ingest(store, md: str, path: Path) -> str:
    render_markdown_regulation(md, path)
    rep = ingest_paths(store, [path], workers=1)
    assert not rep.errors, [i.message for i in rep.errors]
    return rep.stored[0].doc_id


def _by_type(store, doc_id: str) -> dict[str, object]:
    out = {}
    for f in store.flags(doc_id=doc_id, producer=review.PRODUCER):
        out.setdefault(f.type, f)
    return out


@pytest.fixture
def reviewed(fresh_store, tmp_path):
    md = SOURCE.read_text(encoding="utf-8")
    doc_id = _ingest(fresh_store, md, tmp_path / "v1.pdf")
    flags = _by_type(fresh_store, doc_id)
    assert {"AMB-11", "AMB-05", "AMB-13", "AMB-01"} <= set(flags), sorted(flags)
    review.accept(fresh_store, doc_id, flags["AMB-11"].key, "mr. A. de Vries")
    review.dismiss(fresh_store, doc_id, flags["AMB-05"].key, "mr. A. de Vries",
                   reason="uit artikel 5 volgt dat het algemeen bestuur vaststelt")
    review.accept(fresh_store, doc_id, flags["AMB-01"].key, "mr. B. Jansen")
    review.comment(fresh_store, doc_id, flags["AMB-13"].key, "mr. B. Jansen", "navragen bij de griffie")
    return fresh_store, doc_id, md, flags


def test_ingest_stores_ambiguity_flags_with_producer_and_pipeline(reviewed):
    store, doc_id, _md, flags = reviewed
    f = flags["AMB-11"]
    assert f.artikel == "4" and f.flag["lid"] == "2" and f.quote == "artikel 17"
    assert f.producer == "ambiguity" and f.producer_version and f.pipeline


def test_decisions_set_status_and_comment_does_not(reviewed):
    store, doc_id, _md, flags = reviewed
    status = review.status_map(store, doc_id)
    assert status[flags["AMB-11"].key] == "accept"
    assert status[flags["AMB-05"].key] == "dismiss"
    assert status[flags["AMB-13"].key] == "open"
    notes = [d for d in store.decisions(doc_id=doc_id) if d.decision == "comment"]
    assert notes[0].comment == "navragen bij de griffie" and notes[0].reviewer == "mr. B. Jansen"


def test_bad_review_input_gives_dutch_errors(reviewed):
    store, doc_id, _md, flags = reviewed
    with pytest.raises(ReviewError, match="reden"):
        review.dismiss(store, doc_id, flags["AMB-13"].key, "mr. A. de Vries", reason="  ")
    with pytest.raises(ReviewError, match="beoordelaar"):
        review.accept(store, doc_id, flags["AMB-13"].key, " ")
    with pytest.raises(ReviewError, match="hoort niet bij"):
        review.accept(store, doc_id, "0123456789abcdef", "mr. A. de Vries")


def test_decisions_survive_reanalysis(reviewed):
    store, doc_id, _md, flags = reviewed
    before = review.status_map(store, doc_id)
    assert review.reanalyse(store, doc_id) == len(store.flags(doc_id=doc_id))
    assert review.status_map(store, doc_id) == before


def test_new_version_keeps_decisions_on_unchanged_text_and_reopens_the_changed_lid(reviewed, tmp_path):
    store, doc_id, md, flags = reviewed
    changed = md.replace("stelt zo nodig nadere regels vast", "stelt waar nodig nadere regels vast")
    assert changed != md
    new_id = _ingest(store, changed, tmp_path / "v2.pdf")
    assert new_id != doc_id
    assert store.versions(new_id)[-1].id in (new_id, doc_id)  # same lineage
    new = _by_type(store, new_id)
    assert new["AMB-11"].key == flags["AMB-11"].key and new["AMB-11"].status == "accept"
    assert new["AMB-05"].status == "dismiss"
    assert new["AMB-01"].quote == "waar nodig" and new["AMB-01"].status == "open"


def test_precision_per_detector(reviewed):
    store, doc_id, _md, flags = reviewed
    rows, sentences = review.precision_by_detector(store)
    by = {r.type: r for r in rows}
    assert (by["AMB-11"].reviewed, by["AMB-11"].accepted) == (1, 1)
    assert (by["AMB-05"].reviewed, by["AMB-05"].accepted, by["AMB-05"].dismissed) == (1, 0, 1)
    assert by["AMB-13"].reviewed == 0 and by["AMB-13"].open == 1
    assert "Van de 1 beoordeelde AMB-11-melding werd er 1 geaccepteerd (100%)." in sentences
    assert any(s.startswith("Er zijn nog geen AMB-13-meldingen beoordeeld") for s in sentences)


def test_precision_sentence_plural():
    row = review.PrecisionRow("AMB-05", reviewed=40, accepted=31, dismissed=9, open=3)
    assert row.sentence() == "Van de 40 beoordeelde AMB-05-meldingen werden er 31 geaccepteerd (78%)."
    assert row.precision == pytest.approx(31 / 40)


def test_only_regelingen_get_ambiguity_flags(fresh_store, tmp_path):
    path = tmp_path / "akkoord.md"
    path.write_text("# Coalitieakkoord Zwijndrecht 2026-2030\n\n## Wonen\n\nWij bouwen zo nodig 500 woningen en/of "
                    "zorgen voor starters. De begroting wordt vastgesteld.\n", encoding="utf-8")
    rep = ingest_paths(fresh_store, [path], workers=1, overrides={"kind": "akkoord"})
    doc_id = rep.stored[0].doc_id
    assert fresh_store.get_document(doc_id, with_passages=False).kind == "akkoord"
    assert fresh_store.flags(doc_id=doc_id, producer=review.PRODUCER) == []
    assert review.analyse_flags(fresh_store.get_document(doc_id)) == []
