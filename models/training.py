"""Training on researchers' codings: cross-validated metrics, learning curve, artifacts.

``train(codings)`` resolves multi-coder passages (:func:`models.agreement.resolve`),
cross-validates seed, learned and blended models on the same folds, grouped by source
document (``Coding.meta`` source/document/doc_id) so no document sits in train and test at
once, picks the blend constants ``k`` (domains), ``tension_k`` (presence) and ``pole_k``
(poles) by that cross-validation, fits the final model on everything and returns a
:class:`TrainedModel`. The constants are selected on the same out-of-fold predictions they
are reported on (5 options each), so the "chosen" numbers carry a small optimism; the
learned and per-k numbers do not. ``save`` writes a versioned artifact directory (``model.skops`` +
``meta.json``) under ``$DRECHTLENS_DATA/trained`` or ``models/trained``; ``load_model``
reads it back with skops and an explicit list of trusted types, never with pickle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.model_selection import GroupKFold, KFold

from models.agreement import resolve
from models.classify import BlendedModel, LabelModel
from models.codebook import Codebook, load_codebook
from models.labels import Coding, Labels, Prediction
from models.nlp import load_nlp

ARTIFACT_FORMAT = 1
CURVE_SIZES = (50, 100, 200, 300)
CURVE_K = 20.0  # blend constant used for the learning curve
CURVE_FOLDS = 3  # the curve is averaged over the first three folds (it costs a fit per size and fold)
BLEND_KS = (0.0, 5.0, 20.0, 80.0, 320.0)  # positives per label at equal weight; 0 = learned model only
PACKAGE_TRAINED = Path(__file__).resolve().parent / "trained"
# The only non-builtin types a model file may contain (skops refuses anything else).
TRUSTED_TYPES = [
    "models.classify.LabelModel",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.float64", "numpy.int64", "numpy.ndarray", "numpy.dtype", "numpy.str_",
    "builtins.slice",
]


class TrainingError(ValueError):
    """Training cannot run on this input (message in Dutch)."""


def data_dir() -> Path:
    """Where artifacts go: ``$DRECHTLENS_DATA/trained``, else ``models/trained`` in the checkout."""
    env = os.environ.get("DRECHTLENS_DATA")
    return Path(env) / "trained" if env else PACKAGE_TRAINED


# -- metrics ---------------------------------------------------------------------------
def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def evaluate(gold: Sequence[Labels], preds: Sequence[Prediction], codebook: Codebook) -> dict[str, Any]:
    """Per-label P/R/F1 for domains and tension presence, pole accuracy/macro-F1, macro averages.

    Macro averages run over labels with support > 0 (a label nobody coded cannot be scored).
    """
    out: dict[str, Any] = {"domains": {}, "tensions": {}, "poles": {}, "n": len(gold)}
    pl = [p.labels for p in preds]
    for d in codebook.domain_codes:
        tp = sum(d in g.domains and d in p.domains for g, p in zip(gold, pl, strict=True))
        fp = sum(d not in g.domains and d in p.domains for g, p in zip(gold, pl, strict=True))
        fn = sum(d in g.domains and d not in p.domains for g, p in zip(gold, pl, strict=True))
        out["domains"][d] = _prf(tp, fp, fn)
    for f in codebook.tension_codes:
        gt = [f in g.tension_dict for g in gold]
        pt = [f in p.tension_dict for p in pl]
        tp = sum(a and b for a, b in zip(gt, pt, strict=True))
        fp = sum(b and not a for a, b in zip(gt, pt, strict=True))
        fn = sum(a and not b for a, b in zip(gt, pt, strict=True))
        out["tensions"][f] = _prf(tp, fp, fn)
        # Pole: on the passages coders marked as touching f, the predicted pole (argmax).
        pairs = [(g.tension_dict[f], pr.pole(f)) for g, pr in zip(gold, preds, strict=True) if f in g.tension_dict]
        if pairs:
            f1s = []
            for pole in {a for a, _ in pairs}:
                ptp = sum(a == pole and b == pole for a, b in pairs)
                pfp = sum(a != pole and b == pole for a, b in pairs)
                pfn = sum(a == pole and b != pole for a, b in pairs)
                f1s.append(_prf(ptp, pfp, pfn)["f1"])
            out["poles"][f] = {"accuracy": round(sum(a == b for a, b in pairs) / len(pairs), 4),
                               "macro_f1": round(float(np.mean(f1s)), 4), "support": len(pairs)}
    for group in ("domains", "tensions"):
        scored = [m["f1"] for m in out[group].values() if m["support"] > 0]
        out[f"macro_f1_{group}"] = round(float(np.mean(scored)), 4) if scored else None
    # Brier score of the probabilities (mean over labels): calibration, independent of thresholds.
    if gold:
        out["brier_domains"] = round(float(np.mean([(p.domains.get(d, 0.0) - (d in g.domains)) ** 2
                                                    for g, p in zip(gold, preds, strict=True)
                                                    for d in codebook.domain_codes])), 4)
        out["brier_tensions"] = round(float(np.mean([(p.tensions.get(f, 0.0) - (f in g.tension_dict)) ** 2
                                                     for g, p in zip(gold, preds, strict=True)
                                                     for f in codebook.tension_codes])), 4)
    return out


# -- training --------------------------------------------------------------------------
@dataclass
class TrainedModel:
    model: BlendedModel
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def predict(self, texts: list[str]) -> list[Prediction]:
        return self.model.predict(texts)


def training_hash(texts: Sequence[str], labels: Sequence[Labels]) -> str:
    h = hashlib.sha256()
    for t, lab in sorted(zip(texts, labels, strict=True), key=lambda tl: tl[0]):
        h.update(t.encode("utf-8"))
        h.update(json.dumps(lab.to_dict(), sort_keys=True).encode("utf-8"))
    return h.hexdigest()


def fold_splits(n: int, folds: int, groups: Sequence[str] | None = None,
                random_state: int = 0) -> tuple[bool, list[tuple[np.ndarray, np.ndarray]]]:
    """(grouped?, [(train, test) index arrays]): whole documents per fold when ``groups`` has
    at least ``folds`` distinct values, otherwise shuffled passage-level folds."""
    idx = np.arange(n)
    if groups is not None and len(set(groups)) >= folds:
        kf = GroupKFold(n_splits=folds, shuffle=True, random_state=random_state)
        return True, list(kf.split(idx, groups=list(groups)))
    return False, list(KFold(n_splits=folds, shuffle=True, random_state=random_state).split(idx))


def cross_validate(texts: Sequence[str], labels: Sequence[Labels], codebook: Codebook | None = None,
                   folds: int = 5, random_state: int = 0, curve_sizes: Sequence[int] = CURVE_SIZES,
                   params: dict[str, Any] | None = None, groups: Sequence[str] | None = None) -> dict[str, Any]:
    """Out-of-fold metrics for the seed, the learned model and each blend constant in BLEND_KS,
    plus a learning curve (domain/tension macro-F1 of learned and blended models by training size).

    ``groups`` (one source document per passage) keeps all passages of a document in the same
    fold: passages of one document share vocabulary and labels, so ungrouped folds overstate
    how well the model does on a new document. Without groups (or with fewer documents than
    folds) every passage is its own group.
    """
    cb = codebook or load_codebook()
    texts, labels = list(texts), list(labels)
    n = len(texts)
    if n < folds * 2:
        raise TrainingError(f"te weinig gecodeerde passages om te valideren ({n}; minimaal {folds * 2})")
    blended = BlendedModel(None, 0, codebook=cb)
    seed_preds = blended.seed.predict(texts)
    learned_oof: list[Prediction | None] = [None] * n
    blend_oof: dict[float, list[Prediction | None]] = {k: [None] * n for k in BLEND_KS if k > 0}
    curve: dict[Any, dict[str, list[float]]] = {}
    fold_models: list[tuple[LabelModel, int, list[int]]] = []
    rng = random.Random(random_state)
    grouped, splits = fold_splits(n, folds, groups, random_state)
    for fold, (train_idx, test_idx) in enumerate(splits):
        tr_x = [texts[i] for i in train_idx]
        tr_y = [labels[i] for i in train_idx]
        te_x = [texts[i] for i in test_idx]
        te_seed = [seed_preds[i] for i in test_idx]
        tr_g = [groups[i] for i in train_idx] if grouped else None  # type: ignore[index]
        model = LabelModel(**(params or {})).fit(tr_x, tr_y, groups=tr_g)
        te_learned = model.predict_proba(te_x)
        fold_models.append((model, len(tr_x), list(test_idx)))
        for i, p in zip(test_idx, te_learned, strict=True):
            learned_oof[i] = p
        for k in blend_oof:
            bm = BlendedModel(model, len(tr_x), k, codebook=cb, seed=blended.seed)
            for i, p in zip(test_idx, bm.combine(te_seed, te_learned), strict=True):
                blend_oof[k][i] = p
        te_gold = [labels[i] for i in test_idx]
        if curve_sizes and fold < CURVE_FOLDS:  # the "all" point: the fold's full training set
            _curve_point(curve, "all", te_gold, te_learned,
                         BlendedModel(model, len(tr_x), CURVE_K, codebook=cb, seed=blended.seed).combine(te_seed, te_learned),
                         cb, len(tr_x))
        for size in curve_sizes if fold < CURVE_FOLDS else ():
            if size >= len(tr_x):
                continue
            sub = rng.sample(range(len(tr_x)), size)
            m = LabelModel(**(params or {})).fit([tr_x[i] for i in sub], [tr_y[i] for i in sub],
                                                 groups=[tr_g[i] for i in sub] if tr_g else None)
            m_pred = m.predict_proba(te_x)
            bm = BlendedModel(m, size, CURVE_K, codebook=cb, seed=blended.seed)
            _curve_point(curve, size, te_gold, m_pred, bm.combine(te_seed, m_pred), cb, size)
    result: dict[str, Any] = {
        "folds": folds, "n": n, "grouped": grouped, "n_groups": len(set(groups)) if grouped else n,
        "seed": evaluate(labels, seed_preds, cb),
        "learned": evaluate(labels, learned_oof, cb),  # type: ignore[arg-type]
        "blend": {str(k): evaluate(labels, preds, cb) for k, preds in blend_oof.items()},  # type: ignore[arg-type]
        "learning_curve": {
            str(size): {key: round(float(np.mean(v)), 4) for key, v in c.items()}
            for size, c in sorted(curve.items(), key=lambda sc: (sc[0] == "all", sc[0] if sc[0] != "all" else 0))},
    }
    # Blend constant chosen by the cross-validated domain macro-F1 (+ tensions as tie-breaker).
    def score(ev: dict[str, Any]) -> tuple[float, float]:
        return (ev["macro_f1_domains"] or 0.0, ev["macro_f1_tensions"] or 0.0)
    options = {0.0: score(result["learned"])} | {k: score(result["blend"][str(k)]) for k in blend_oof}
    result["chosen_k"] = max(options, key=lambda k: options[k])
    # The pole blend gets its own constant: pole metrics depend only on the pole mix, so each
    # option's out-of-fold pole scores are already in the blends above (pole_k = k there).
    def pole_score(ev: dict[str, Any]) -> float:
        return float(np.mean([m["macro_f1"] for m in ev["poles"].values()])) if ev["poles"] else 0.0
    pole_options = {0.0: pole_score(result["learned"])} | {k: pole_score(result["blend"][str(k)]) for k in blend_oof}
    result["chosen_pole_k"] = max(pole_options, key=lambda k: (pole_options[k], -k))
    # Likewise tension presence depends only on the presence weights.
    tension_options = {0.0: result["learned"]["macro_f1_tensions"] or 0.0} | {
        k: result["blend"][str(k)]["macro_f1_tensions"] or 0.0 for k in blend_oof}
    result["chosen_tension_k"] = max(tension_options, key=lambda k: (tension_options[k], -k))
    # Out-of-fold metrics of the configuration train() ships: k for labels, pole_k for poles.
    chosen: list[Prediction | None] = [None] * n
    for model, n_train, test_idx in fold_models:
        bm = BlendedModel(model, n_train, result["chosen_k"], codebook=cb, seed=blended.seed,
                          pole_k=result["chosen_pole_k"], tension_k=result["chosen_tension_k"])
        preds = bm.combine([seed_preds[i] for i in test_idx], [learned_oof[i] for i in test_idx])  # type: ignore[misc]
        for i, p in zip(test_idx, preds, strict=True):
            chosen[i] = p
    result["chosen"] = evaluate(labels, chosen, cb)  # type: ignore[arg-type]
    return result


def _curve_point(curve: dict[Any, dict[str, list[float]]], size: int | str, gold: list[Labels],
                 learned: list[Prediction], blend: list[Prediction], cb: Codebook, n_train: int) -> None:
    ev_l, ev_b = evaluate(gold, learned, cb), evaluate(gold, blend, cb)
    c = curve.setdefault(size, {"learned_domains": [], "blend_domains": [], "learned_tensions": [],
                                "blend_tensions": [], "n_train": []})
    c["learned_domains"].append(ev_l["macro_f1_domains"] or 0.0)
    c["blend_domains"].append(ev_b["macro_f1_domains"] or 0.0)
    c["learned_tensions"].append(ev_l["macro_f1_tensions"] or 0.0)
    c["blend_tensions"].append(ev_b["macro_f1_tensions"] or 0.0)
    c["n_train"].append(float(n_train))


def document_of(coding: Coding) -> str | None:
    """The source document of a coding (``meta`` source/document/doc_id), if known."""
    for key in ("source", "document", "doc_id"):
        if coding.meta.get(key):
            return str(coding.meta[key])
    return None


def train(codings: Sequence[Coding], codebook: Codebook | None = None, folds: int = 5,
          validate: bool = True, random_state: int = 0, params: dict[str, Any] | None = None) -> TrainedModel:
    """A blended model trained on ``codings`` with its cross-validated metrics as metadata."""
    cb = codebook or load_codebook()
    kept, unresolved = resolve(codings)
    kept = [c for c in kept if c.text.strip()]
    if len(kept) < 2:
        raise TrainingError(f"te weinig bruikbare coderingen om te trainen ({len(kept)})")
    texts = [c.text for c in kept]
    labels = [c.labels for c in kept]
    docs = [document_of(c) for c in kept]
    # Codings without a known document each form their own group (nothing to leak across).
    groups = [d if d is not None else f"passage:{c.passage_id}" for d, c in zip(docs, kept, strict=True)]
    cv = cross_validate(texts, labels, cb, folds, random_state, params=params, groups=groups) if validate else None
    k = cv["chosen_k"] if cv else CURVE_K
    pole_k = cv["chosen_pole_k"] if cv else CURVE_K
    tension_k = cv["chosen_tension_k"] if cv else CURVE_K
    model = LabelModel(**(params or {})).fit(texts, labels, groups=groups)
    _, caps = load_nlp()
    meta = {
        "artifact_format": ARTIFACT_FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "codebook_version": cb.version_id,
        "training_set_sha256": training_hash(texts, labels),
        "n_codings": len(codings), "n_passages": len(texts), "n_unresolved": len(unresolved),
        "coders": sorted({c.coder for c in codings}),
        "blend_k": k, "pole_blend_k": pole_k, "tension_blend_k": tension_k,
        "params": model.get_params(),
        "sklearn_version": sklearn.__version__,
        "capabilities": caps.to_dict(),
        "cv": cv,
    }
    blended = BlendedModel(model, len(texts), k, codebook=cb, pole_k=pole_k, tension_k=tension_k)
    meta["blend_weights_learned"] = blended.weights
    meta["pole_blend_weights_learned"] = {f: round(blended.pole_weight(f), 4) for f in cb.tension_codes}
    return TrainedModel(blended, meta)


# -- artifacts ---------------------------------------------------------------------------
def save(trained: TrainedModel, directory: Path | None = None) -> Path:
    """Write ``<dir>/<timestamp>-<hash>/{model.skops,meta.json}`` and point ``LATEST`` at it."""
    import skops.io as sio

    if trained.model.learned is None:
        raise TrainingError("een seed-model zonder getraind deel hoeft niet bewaard te worden")
    base = directory or data_dir()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    target = base / f"{stamp}-{trained.metadata['training_set_sha256'][:10]}"
    target.mkdir(parents=True, exist_ok=True)
    # skops writes the vocabularies as verbose JSON: deflate brings 20 MB down to a few MB
    sio.dump(trained.model.learned, target / "model.skops", compression=zipfile.ZIP_DEFLATED)
    (target / "meta.json").write_text(json.dumps(trained.metadata, indent=1, ensure_ascii=False, default=str),
                                      encoding="utf-8")
    (base / "LATEST").write_text(target.name + "\n", encoding="utf-8")
    trained.path = target
    return target


def latest_artifact(directory: Path | None = None) -> Path | None:
    base = directory or data_dir()
    pointer = base / "LATEST"
    if pointer.exists():
        cand = base / pointer.read_text(encoding="utf-8").strip()
        if (cand / "model.skops").exists():
            return cand
    return None


def load_model(path: Path | str | None = None, codebook: Codebook | None = None) -> TrainedModel:
    """Load an artifact directory (default: the latest one). Refuses unknown types in the file."""
    import skops.io as sio

    target = Path(path) if path else latest_artifact()
    if target is None:
        raise TrainingError("er is nog geen getraind model; draai eerst 'drechtlens train'")
    if target.is_file():
        target = target.parent
    model_file, meta_file = target / "model.skops", target / "meta.json"
    if not model_file.exists() or not meta_file.exists():
        raise TrainingError(f"{target} is geen modelmap (model.skops en meta.json ontbreken)")
    untrusted = [t for t in sio.get_untrusted_types(file=model_file) if t not in TRUSTED_TYPES]
    if untrusted:
        raise TrainingError(f"modelbestand bevat onbekende typen en wordt niet geladen: {', '.join(untrusted)}")
    learned = sio.load(model_file, trusted=TRUSTED_TYPES)
    if not isinstance(learned, LabelModel):
        raise TrainingError(f"{model_file} bevat geen Drechtlens-model")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    cb = codebook or load_codebook()
    if meta.get("codebook_version") != cb.version_id:
        meta["warning"] = (f"model getraind met codeboek {meta.get('codebook_version')}, "
                           f"huidig codeboek is {cb.version_id}")
    k = float(meta.get("blend_k", CURVE_K))
    model = BlendedModel(learned, int(meta.get("n_passages", 0)), k, codebook=cb,
                         pole_k=float(meta.get("pole_blend_k", k)), tension_k=float(meta.get("tension_blend_k", k)))
    return TrainedModel(model, meta, target)
