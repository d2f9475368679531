"""The learned classifier, the seed/learned blend and the one ``predict`` entry point.

:class:`LabelModel` is a scikit-learn estimator (parameters only in ``__init__``, learned
state in attributes ending in ``_``, ``check_is_fitted``): TF-IDF over lemma uni/bigrams
(character 3–5-grams optional, off by default: +0.04 learned-only but 5x fit time and no gain
after blending), plus the seed lexicon's probabilities as extra columns (``seed_features``),
then one logistic regression per domain, one per tension field (touched or not) and one pole
classifier (A / B / beide) per field trained on the passages that touch it (text features
only). Labels with too few examples fall back to their training frequency. ``inner_folds > 1``
adds Platt calibration and an F1-tuned threshold per label from inner (document-grouped)
folds; measured in grouped CV it did not help once the seed columns were in, so it is off.

:class:`BlendedModel` mixes the learned probabilities with the seed lexicon while coded data
is scarce: per label ``w = n / (n + k)`` with ``n`` the number of coded passages that carry
the label (``k`` for domains, ``tension_k`` for tension presence); for a tension field's
pole ``m / (m + pole_k)`` with ``m`` the passages coded with
a pole for that field. The three constants are chosen separately by cross-validation. The seed lexicon
decides for rare labels and fades out as researchers code more examples of a label.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.utils.validation import check_is_fitted

from models.codebook import Codebook, load_codebook
from models.labels import Labels, Prediction
from models.lemmas import lemma
from models.seed import SeedModel

_TOKEN = re.compile(r"[0-9a-zà-öø-ÿ&]+(?:[-'][0-9a-zà-öø-ÿ&]+)*", re.IGNORECASE)
MIN_POSITIVES = 2  # fewer positives than this: predict the training frequency


def lemma_text(text: str) -> str:
    """Lower-cased lemmas joined by spaces: the input of the word n-gram features."""
    return " ".join(lemma(t) for t in _TOKEN.findall(text.lower()))


def stop_words() -> list[str]:
    """spaCy's Dutch stop words, minus words the codebook uses as indicators (e.g. "samen")."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    cb = load_codebook()
    terms = [t for d in cb.domains for t in d.indicators]
    terms += [i for t in cb.tensions for p in t.poles.values() for i in p.indicators]
    keep = {t.rstrip("=") for t in terms if " " not in t}
    return sorted(set(STOP_WORDS) - keep)


def _slim(vec: TfidfVectorizer) -> None:
    """Shrink a fitted vectorizer for storage: drop ``stop_words_`` (every pruned term, not
    needed to transform) and store the vocabulary as plain ints (skops writes each numpy
    scalar as its own object: 20 MB instead of 1 MB for 40k features)."""
    vec.stop_words_ = None
    vec.vocabulary_ = {term: int(i) for term, i in vec.vocabulary_.items()}


def _seed_matrix(texts: list[str]) -> np.ndarray:
    """Seed-lexicon probabilities per text: domains, tension presence, then A/B per field."""
    cb = load_codebook()
    rows = []
    for p in _seed_model(cb.version_id).predict(texts):
        row = [p.domains.get(d, 0.0) for d in cb.domain_codes] + [p.tensions.get(f, 0.0) for f in cb.tension_codes]
        row += [p.poles.get(f, {}).get(pole, 0.0) for f in cb.tension_codes for pole in ("A", "B")]
        rows.append(row)
    return np.asarray(rows, dtype=float)


@functools.lru_cache(maxsize=2)
def _seed_model(version: str) -> SeedModel:
    return SeedModel(load_codebook())


def _as_labels(y: Any) -> Labels:
    if isinstance(y, Labels):
        return y
    if isinstance(y, dict):
        return Labels(frozenset(y.get("domains", ())), tuple(sorted(y.get("tensions", {}).items())))
    raise TypeError(f"expected Labels or dict, got {type(y).__name__}")


class LabelModel(BaseEstimator):
    """Multi-label domain + tension/pole classifier; ``fit(texts, labels)``."""

    def __init__(self, C: float = 4.0, word_ngrams: tuple[int, int] = (1, 2),
                 char_ngrams: tuple[int, int] = (0, 0), min_df: int = 2, max_features: int = 20000,
                 class_weight: str | None = "balanced", domains: tuple[str, ...] | None = None,
                 tensions: tuple[str, ...] | None = None, C_tensions: float | None = None,
                 C_poles: float | None = None, inner_folds: int = 0, tune_thresholds: bool = True,
                 seed_features: float = 1.0) -> None:
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.class_weight = class_weight
        self.domains = domains
        self.tensions = tensions
        self.C_tensions = C_tensions  # None: C (regularisation per label group)
        self.C_poles = C_poles
        self.inner_folds = inner_folds  # > 1: Platt calibration (+ F1 thresholds) on inner folds
        self.tune_thresholds = tune_thresholds
        self.seed_features = seed_features  # > 0: the seed lexicon's probabilities as extra columns

    # -- features ------------------------------------------------------------------
    def _features(self, texts: list[str], fit: bool = False) -> sp.csr_matrix:
        lemmas = [lemma_text(t) for t in texts]
        lowered = [t.lower() for t in texts]
        if fit:
            self.word_vec_ = TfidfVectorizer(ngram_range=tuple(self.word_ngrams), min_df=self.min_df,
                                             max_features=self.max_features, sublinear_tf=True,
                                             stop_words=stop_words(),
                                             token_pattern=r"(?u)\b\w[\w&-]+\b")
            self.char_vec_ = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngrams),
                                             min_df=self.min_df, max_features=self.max_features,
                                             sublinear_tf=True)
            xw = self.word_vec_.fit_transform(lemmas)
            _slim(self.word_vec_)
            if self.char_ngrams[0] > 0:
                xc = self.char_vec_.fit_transform(lowered)
                _slim(self.char_vec_)
        else:
            xw = self.word_vec_.transform(lemmas)
            if self.char_ngrams[0] > 0:
                xc = self.char_vec_.transform(lowered)
        blocks = [xw]
        if self.char_ngrams[0] > 0:  # (0, 0) switches character n-grams off
            blocks.append(xc)
        scale = getattr(self, "seed_features", 0.0)  # artifacts saved before seed columns existed
        if scale > 0:
            blocks.append(sp.csr_matrix(scale * _seed_matrix(texts)))
        return sp.hstack(blocks, format="csr") if len(blocks) > 1 else xw.tocsr()

    @staticmethod
    def _n_seed_columns() -> int:
        cb = load_codebook()
        return len(cb.domain_codes) + 3 * len(cb.tension_codes)

    def _binary(self, x: sp.csr_matrix, target: np.ndarray, C: float | None = None,
                groups: np.ndarray | None = None, key: str = "") -> LogisticRegression | float:
        pos = int(target.sum())
        if pos < MIN_POSITIVES or pos > len(target) - MIN_POSITIVES:
            return float(target.mean()) if len(target) else 0.0
        c = self.C if C is None else C
        clf = LogisticRegression(C=c, class_weight=self.class_weight, max_iter=2000, solver="liblinear")
        clf.fit(x, target)
        if self.inner_folds > 1 and key:
            cal = self._calibrate(x, target, c, groups)
            if cal is not None:
                self.calibration_[key] = cal
        return clf

    def _calibrate(self, x: sp.csr_matrix, target: np.ndarray, c: float,
                   groups: np.ndarray | None) -> tuple[float, float] | None:
        """Platt scaling ``p = sigmoid(a * score + b)`` fitted on inner out-of-fold scores.

        With ``tune_thresholds`` the intercept also absorbs the F1-best threshold ``t`` of those
        inner scores (``b - logit(t)``), so that 0.5 on the returned probability is the tuned
        decision point: :class:`~models.labels.Prediction` has one threshold for all labels.
        The inner folds are grouped by document when ``groups`` is given, like the outer ones.
        """
        k = self.inner_folds
        if groups is not None and len(set(groups.tolist())) >= k:
            splits = GroupKFold(n_splits=k).split(x, target, groups)
        else:
            splits = StratifiedKFold(n_splits=min(k, int(target.sum())), shuffle=True, random_state=0).split(x, target)
        scores = np.zeros(len(target))
        for tr, te in splits:
            if target[tr].sum() < MIN_POSITIVES or target[tr].sum() > len(tr) - MIN_POSITIVES:
                return None
            inner = LogisticRegression(C=c, class_weight=self.class_weight, max_iter=2000, solver="liblinear")
            scores[te] = inner.fit(x[tr], target[tr]).decision_function(x[te])
        platt = LogisticRegression(C=100.0, solver="lbfgs").fit(scores.reshape(-1, 1), target)
        a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
        if a <= 0:  # inner scores carry no signal: keep the uncalibrated classifier
            return None
        if self.tune_thresholds:
            prob = 1 / (1 + np.exp(-(a * scores + b)))
            best_t, best_f = 0.5, -1.0
            for t in np.arange(0.1, 0.91, 0.05):
                pred = prob >= t
                tp = float((pred & (target == 1)).sum())
                f = 2 * tp / (pred.sum() + target.sum()) if pred.sum() + target.sum() else 0.0
                if f > best_f + 1e-9 or (abs(f - best_f) <= 1e-9 and abs(t - 0.5) < abs(best_t - 0.5)):
                    best_t, best_f = float(t), f
            b -= float(np.log(best_t / (1 - best_t)))
        return a, b

    def fit(self, X: list[str], y: list[Any], groups: Any = None) -> LabelModel:
        """Fit on texts and labels; ``groups`` (source document per text) only shapes inner folds."""
        texts = list(X)
        grp = np.asarray(list(groups)) if groups is not None else None
        labels = [_as_labels(v) for v in y]
        if len(texts) != len(labels) or not texts:
            raise ValueError("X and y must be non-empty and of equal length")
        cb = None if self.domains and self.tensions else load_codebook()
        self.domains_ = tuple(self.domains or cb.domain_codes)
        self.tensions_ = tuple(self.tensions or cb.tension_codes)
        x = self._features(texts, fit=True)
        self.n_features_in_ = x.shape[1]
        # Pole classifiers see the text features only: measured in grouped CV, the seed columns
        # help domains and presence but make the pole models worse (mean pole macro-F1 -0.07).
        self.n_text_features_ = x.shape[1] - (self._n_seed_columns() if self.seed_features > 0 else 0)
        self.n_train_ = len(texts)
        # Positive examples per label: the blend trusts a label's classifier by this count.
        self.positives_ = {d: sum(d in lab.domains for lab in labels) for d in self.domains_}
        self.positives_ |= {f: sum(f in lab.tension_dict for lab in labels) for f in self.tensions_}
        # Examples with a pole per field: the blend trusts the pole classifier by this count.
        self.pole_positives_ = {f: sum(lab.tension_dict.get(f) in ("A", "B", "beide") for lab in labels)
                                for f in self.tensions_}
        self.calibration_: dict[str, tuple[float, float]] = {}
        self.domain_models_ = {
            d: self._binary(x, np.array([d in lab.domains for lab in labels], dtype=int), groups=grp, key=d)
            for d in self.domains_}
        self.presence_models_ = {}
        self.pole_models_ = {}
        for f in self.tensions_:
            touched = np.array([f in lab.tension_dict for lab in labels], dtype=int)
            self.presence_models_[f] = self._binary(x, touched, self.C_tensions, grp, f)
            idx = np.flatnonzero(touched)
            poles = [labels[i].tension_dict[f] for i in idx]
            counts = {p: poles.count(p) for p in ("A", "B", "beide")}
            if len(idx) >= 4 and sum(1 for c in counts.values() if c >= 2) >= 2:
                # saga: lbfgs takes seconds here (scipy L-BFGS-B overhead on wide sparse input)
                clf = LogisticRegression(C=self.C if self.C_poles is None else self.C_poles,
                                         class_weight=self.class_weight, max_iter=3000, solver="saga", tol=1e-3,
                                         random_state=0)
                self.pole_models_[f] = clf.fit(x[idx, :self.n_text_features_], poles)
            else:  # too few: the pole frequencies (uniform prior when the field was never coded)
                total = sum(counts.values())
                self.pole_models_[f] = {p: (c + 1) / (total + 3) for p, c in counts.items()}
        return self

    # -- prediction ----------------------------------------------------------------
    def _pos_proba(self, model: LogisticRegression | float, x: sp.csr_matrix, key: str = "") -> np.ndarray:
        if isinstance(model, float):
            return np.full(x.shape[0], model)
        cal = getattr(self, "calibration_", {}).get(key)
        if cal is not None:
            return 1 / (1 + np.exp(-(cal[0] * model.decision_function(x) + cal[1])))
        return model.predict_proba(x)[:, list(model.classes_).index(1)]

    @staticmethod
    def _word_terms(model: Any, row: sp.coo_matrix, names: np.ndarray, top: int = 5) -> list[tuple[str, float]]:
        """Top word features by coef × tf-idf (char n-grams drive scores but read poorly)."""
        if not isinstance(model, LogisticRegression):
            return []
        coef = model.coef_[0]
        contrib = [(j, v * coef[j]) for j, v in zip(row.col, row.data, strict=True) if v * coef[j] > 0]
        contrib.sort(key=lambda jv: -jv[1])
        return [(str(names[j]), float(c)) for j, c in contrib[:top]]

    def predict_proba(self, X: list[str]) -> list[Prediction]:
        check_is_fitted(self, "domain_models_")
        texts = list(X)
        if not texts:
            return []
        x = self._features(texts)
        dom = {d: self._pos_proba(m, x, d) for d, m in self.domain_models_.items()}
        pres = {f: self._pos_proba(m, x, f) for f, m in self.presence_models_.items()}
        pole_p: dict[str, list[dict[str, float]]] = {}
        for f, m in self.pole_models_.items():
            if isinstance(m, dict):
                pole_p[f] = [dict(m)] * len(texts)
            else:
                pr = m.predict_proba(x[:, :getattr(self, "n_text_features_", x.shape[1])])
                pole_p[f] = [{p: float(pr[i, list(m.classes_).index(p)]) if p in m.classes_ else 0.0
                              for p in ("A", "B", "beide")} for i in range(len(texts))]
        names = self.word_vec_.get_feature_names_out()
        xw = x[:, :len(names)].tocsr()
        out = []
        for i in range(len(texts)):
            row = xw[i].tocoo()
            expl: dict[str, list[tuple[str, float]]] = {}
            for d, m in self.domain_models_.items():
                expl[d] = self._word_terms(m, row, names)
            for f, m in self.presence_models_.items():
                expl[f] = self._word_terms(m, row, names)
            out.append(Prediction(
                domains={d: float(dom[d][i]) for d in self.domains_},
                tensions={f: float(pres[f][i]) for f in self.tensions_},
                poles={f: pole_p[f][i] for f in self.tensions_},
                explanation=expl, producer="learned"))
        return out

    def predict(self, X: list[str]) -> list[Labels]:
        return [p.labels for p in self.predict_proba(X)]


def _mix(a: dict[str, float], b: dict[str, float], w: float) -> dict[str, float]:
    return {k: w * a.get(k, 0.0) + (1 - w) * b.get(k, 0.0) for k in set(a) | set(b)}


@dataclass
class BlendedModel:
    """Seed lexicon + learned model; ``learned=None`` is the pure seed model (cold start)."""

    learned: LabelModel | None = None
    n_codings: int = 0
    k: float = 20.0  # positive examples of a label at which learned and seed weigh equally
    codebook: Codebook = field(default_factory=load_codebook)
    seed: SeedModel | None = None
    pole_k: float | None = None  # the same for the pole classifiers; None: k
    tension_k: float | None = None  # the same for tension presence; None: k

    def __post_init__(self) -> None:
        if self.seed is None:
            self.seed = SeedModel(self.codebook)

    def label_weight(self, label: str) -> float:
        """Weight of the learned model for one label (domain code or tension field)."""
        if self.learned is None:
            return 0.0
        k = self.tension_k if self.tension_k is not None and label in self.codebook.tension_codes else self.k
        if k <= 0:
            return 1.0
        n = getattr(self.learned, "positives_", {}).get(label, self.n_codings)
        return n / (n + k)

    def pole_weight(self, fld: str) -> float:
        """Weight of the learned pole classifier of a tension field: ``m / (m + pole_k)`` with
        ``m`` the coded examples that carry a pole for the field."""
        if self.learned is None:
            return 0.0
        k = self.k if self.pole_k is None else self.pole_k
        if k <= 0:
            return 1.0
        counts = getattr(self.learned, "pole_positives_", None) or getattr(self.learned, "positives_", {})
        m = counts.get(fld, self.n_codings)
        return m / (m + k)

    @property
    def weights(self) -> dict[str, float]:
        labels = self.codebook.domain_codes + self.codebook.tension_codes
        return {lab: round(self.label_weight(lab), 4) for lab in labels}

    @property
    def weight(self) -> float:
        """Mean weight of the learned model over the labels (0 = pure seed model)."""
        w = self.weights
        return sum(w.values()) / len(w) if w else 0.0

    @property
    def producer(self) -> str:
        if self.learned is None:
            return "seed"
        return "learned" if self.k <= 0 else "blend"

    def predict(self, texts: list[str]) -> list[Prediction]:
        texts = list(texts)
        seed = self.seed.predict(texts)
        if self.learned is None:
            return seed
        return self.combine(seed, self.learned.predict_proba(texts))

    def combine(self, seed: list[Prediction], learned: list[Prediction]) -> list[Prediction]:
        """Blend already computed seed and learned predictions of the same texts."""
        w = {lab: self.label_weight(lab) for lab in self.codebook.domain_codes + self.codebook.tension_codes}
        wp = {f: self.pole_weight(f) for f in self.codebook.tension_codes}
        out = []
        for s, lp in zip(seed, learned, strict=True):
            expl: dict[str, list[tuple[str, float]]] = {}
            for key in set(s.explanation) | set(lp.explanation):
                # learned features first when the learned model dominates, lexicon terms otherwise
                la = [(f"model: {t}", v) for t, v in lp.explanation.get(key, [])]
                sa = [(f"lexicon: {t}", v) for t, v in s.explanation.get(key, [])]
                expl[key] = la + sa if w.get(key.split("=")[0], 0.0) >= 0.5 else sa + la
            domains = {d: w[d] * lp.domains.get(d, 0.0) + (1 - w[d]) * s.domains.get(d, 0.0) for d in s.domains}
            tensions = {f: w[f] * lp.tensions.get(f, 0.0) + (1 - w[f]) * s.tensions.get(f, 0.0) for f in s.tensions}
            poles = {f: _mix(lp.poles.get(f, {}), s.poles.get(f, {}), wp[f]) for f in s.poles}
            out.append(Prediction(domains, tensions, poles, expl, producer=self.producer))
        return out


def predict(texts: list[str], model: BlendedModel | None = None) -> list[Prediction]:
    """Predictions for ``texts`` with the given model, else the seed model."""
    return (model or BlendedModel()).predict(texts)
