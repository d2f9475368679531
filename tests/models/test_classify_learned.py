"""The learned classifier: sklearn contract, explanations, blend, training metadata, artifacts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import skops.io as sio
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from models.classify import BlendedModel, LabelModel
from models.codebook import load_codebook
from models.training import TrainingError, load_model, save, train
from tests.models.codings_small import small_codings

FAST = {"char_ngrams": (0, 0), "min_df": 1}  # the small set has most terms once


@pytest.fixture(scope="module")
def codings():
    return small_codings()


def test_estimator_contract_clone_and_get_params(codings) -> None:
    m = LabelModel(C=2.0, char_ngrams=(0, 0))
    assert m.get_params()["C"] == 2.0
    c = clone(m)
    assert c.get_params() == m.get_params() and c is not m
    with pytest.raises(NotFittedError):
        m.predict_proba(["tekst"])
    m.fit([c.text for c in codings], [c.labels for c in codings])
    assert not hasattr(clone(m), "domain_models_")  # clone copies params, not learned state
    m.set_params(C=0.5)
    assert m.C == 0.5


def test_learned_model_fits_and_explains(codings) -> None:
    m = LabelModel(**FAST).fit([c.text for c in codings], [c.labels for c in codings])
    (pred,) = m.predict_proba(["De jeugdhulp en de schuldhulpverlening worden via het wijkteam geregeld."])
    assert max(pred.domains, key=pred.domains.get) == "sociaal"
    terms = [t for t, _ in pred.explanation["sociaal"]]
    assert terms and set(terms) & {"jeugdhulp", "schuldhulpverlening", "wijkteam"}
    assert all(w > 0 for _, w in pred.explanation["sociaal"])
    assert m.positives_["sociaal"] == 6


def test_blend_weight_grows_with_positives(codings) -> None:
    m = LabelModel(**FAST).fit([c.text for c in codings], [c.labels for c in codings])
    b = BlendedModel(m, len(codings), k=20.0)
    # sociaal has 6 positives, verleden-toekomst 1: the seed lexicon decides the rare label
    assert b.label_weight("sociaal") == pytest.approx(6 / 26)
    assert b.label_weight("verleden-toekomst") == pytest.approx(1 / 21)
    assert BlendedModel(m, len(codings), k=0.0).label_weight("verleden-toekomst") == 1.0
    assert BlendedModel().weight == 0.0 and BlendedModel().producer == "seed"
    (pred,) = b.predict(["Wij bouwen betaalbare woningen."])
    assert pred.producer == "blend"
    assert any(t.startswith("lexicon: ") for t, _ in pred.explanation["ruimtelijk-economisch"])


def test_train_reports_cv_metrics_and_saves_a_safe_artifact(codings, tmp_path: Path) -> None:
    trained = train(codings * 1, folds=3, params=FAST)
    meta = trained.metadata
    assert meta["codebook_version"] == load_codebook().version_id
    assert len(meta["training_set_sha256"]) == 64 and meta["sklearn_version"]
    assert meta["capabilities"]["pipeline"]
    cv = meta["cv"]
    assert set(cv["learned"]["domains"]) == set(load_codebook().domain_codes)
    assert 0.0 <= cv["seed"]["macro_f1_domains"] <= 1.0
    assert cv["chosen_k"] in (0.0, 5.0, 20.0, 80.0, 320.0)
    assert cv["chosen_pole_k"] in (0.0, 5.0, 20.0, 80.0, 320.0) and cv["grouped"] is False  # 2 documents < 3 folds
    path = save(trained, tmp_path)
    assert (tmp_path / "LATEST").read_text().strip() == path.name
    assert json.loads((path / "meta.json").read_text())["n_passages"] == len(codings)
    assert (path / "model.skops").stat().st_size < 2_000_000
    loaded = load_model(tmp_path / path.name)
    texts = ["Het algemeen bestuur stelt de begroting vast.", "De jeugdhulp wordt dichtbij georganiseerd."]
    assert [p.to_dict() for p in loaded.predict(texts)] == [p.to_dict() for p in trained.predict(texts)]


def test_untrusted_artifact_is_refused(codings, tmp_path: Path) -> None:
    path = save(train(codings, validate=False, params=FAST), tmp_path)
    # a file holding a type outside the trusted list (here: a function) must not be loaded
    sio.dump({"payload": json.loads}, path / "model.skops")
    with pytest.raises(TrainingError, match="onbekende typen"):
        load_model(path)


def test_training_needs_data() -> None:
    with pytest.raises(TrainingError, match="te weinig"):
        train(small_codings()[:1])
