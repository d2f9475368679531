"""Document-grouped folds, the pole/tension blend constants, seed features and inner-fold calibration."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone

from models.classify import BlendedModel, LabelModel
from models.codebook import load_codebook
from models.training import document_of, fold_splits, load_model, save, train
from tests.models.codings_small import small_codings

FAST = {"char_ngrams": (0, 0), "min_df": 1}


@pytest.fixture(scope="module")
def codings():
    return small_codings()


def with_documents(codings, n_docs: int = 6):
    """The small set spread over ``n_docs`` fictitious source documents."""
    return [dataclasses.replace(c, meta={"source": f"doc{i % n_docs}.pdf"}) for i, c in enumerate(codings)]


def test_grouped_folds_never_split_a_document() -> None:
    groups = [f"d{i // 7}" for i in range(70)]  # 10 documents of 7 passages
    grouped, splits = fold_splits(70, 5, groups)
    assert grouped and len(splits) == 5
    for tr, te in splits:
        assert not {groups[i] for i in tr} & {groups[i] for i in te}
    assert sorted(np.concatenate([te for _, te in splits]).tolist()) == list(range(70))
    # fewer documents than folds: passage-level folds, reported as not grouped
    grouped, splits = fold_splits(70, 5, [f"d{i % 3}" for i in range(70)])
    assert not grouped and len(splits) == 5
    assert fold_splits(70, 5, None)[0] is False


def test_train_groups_by_source_document(codings) -> None:
    docs = with_documents(codings)
    assert document_of(docs[0]) == "doc0.pdf" and document_of(dataclasses.replace(codings[0], meta={})) is None
    assert document_of(dataclasses.replace(codings[0], meta={"doc_id": 7})) == "7"
    cv = train(docs, folds=3, params=FAST).metadata["cv"]
    assert cv["grouped"] and cv["n_groups"] == 6
    assert cv["chosen_pole_k"] in (0.0, 5.0, 20.0, 80.0, 320.0)
    assert cv["chosen_tension_k"] in (0.0, 5.0, 20.0, 80.0, 320.0)
    assert set(cv["chosen"]["domains"]) == set(load_codebook().domain_codes)
    assert "all" in cv["learning_curve"] and 0.0 <= cv["chosen"]["brier_domains"] <= 1.0


def test_pole_and_tension_weights_have_their_own_constants(codings) -> None:
    m = LabelModel(**FAST).fit([c.text for c in codings], [c.labels for c in codings])
    fld = "vrijheid-afhankelijkheid"
    n_pole = m.pole_positives_[fld]
    assert n_pole == sum(fld in c.labels.tension_dict for c in codings) and n_pole > 0
    b = BlendedModel(m, len(codings), k=80.0, pole_k=5.0, tension_k=20.0)
    assert b.pole_weight(fld) == pytest.approx(n_pole / (n_pole + 5.0))
    assert b.label_weight(fld) == pytest.approx(m.positives_[fld] / (m.positives_[fld] + 20.0))
    assert b.label_weight("sociaal") == pytest.approx(m.positives_["sociaal"] / (m.positives_["sociaal"] + 80.0))
    # the blended pole distribution moves with pole_k only
    text = ["Het Servicecentrum verzorgt de ICT voor alle deelnemers."]
    p_learned = BlendedModel(m, len(codings), k=80.0, pole_k=0.0).predict(text)[0].poles[fld]
    assert p_learned == pytest.approx(m.predict_proba(text)[0].poles[fld])
    p_seedish = BlendedModel(m, len(codings), k=80.0, pole_k=1e9).predict(text)[0].poles[fld]
    seed = BlendedModel().predict(text)[0].poles[fld]
    assert p_seedish == pytest.approx(seed, abs=1e-6)


def test_seed_columns_feed_labels_but_not_poles(codings) -> None:
    texts, labels = [c.text for c in codings], [c.labels for c in codings]
    with_seed = LabelModel(**FAST).fit(texts, labels)
    without = LabelModel(**FAST, seed_features=0.0).fit(texts, labels)
    cb = load_codebook()
    n_seed = len(cb.domain_codes) + 3 * len(cb.tension_codes)
    assert with_seed.n_features_in_ == without.n_features_in_ + n_seed
    assert with_seed.n_text_features_ == without.n_features_in_
    fitted_poles = [m for m in with_seed.pole_models_.values() if not isinstance(m, dict)]
    assert all(m.coef_.shape[1] == with_seed.n_text_features_ for m in fitted_poles)
    (pred,) = with_seed.predict_proba(["Jeugdhulp en schuldhulpverlening via het wijkteam."])
    assert max(pred.domains, key=pred.domains.get) == "sociaal"


def test_inner_fold_calibration_is_stored_and_survives_the_artifact(codings, tmp_path: Path) -> None:
    docs = with_documents(codings * 2, n_docs=8)  # every label needs positives in each inner fold
    params = FAST | {"inner_folds": 3}
    m = LabelModel(**params).fit([c.text for c in docs], [c.labels for c in docs],
                                 groups=[document_of(c) for c in docs])
    assert m.calibration_ and all(a > 0 for a, _ in m.calibration_.values())
    assert clone(m).get_params()["inner_folds"] == 3 and not hasattr(clone(m), "calibration_")
    probs = m.predict_proba(["De kostprijs wordt via een verdeelsleutel verdeeld."])[0].domains
    assert all(0.0 <= p <= 1.0 for p in probs.values())
    trained = train(docs, validate=False, params=params)
    loaded = load_model(save(trained, tmp_path))
    texts = ["Het algemeen bestuur stelt de begroting vast.", "Wij bouwen betaalbare woningen."]
    assert [p.to_dict() for p in loaded.predict(texts)] == [p.to_dict() for p in trained.predict(texts)]


def test_a_model_saved_before_seed_columns_still_predicts(codings) -> None:
    m = LabelModel(**FAST, seed_features=0.0).fit([c.text for c in codings], [c.labels for c in codings])
    del m.seed_features, m.n_text_features_  # what skops restores from an older artifact
    (pred,) = m.predict_proba(["Jeugdhulp via het wijkteam."])
    assert max(pred.domains, key=pred.domains.get) == "sociaal"
