"""Classification: predict throughput (seed and trained) and retrain time by training size.

Training data is SYNTHETIC: passages of the demo corpus (``corpus/demo/*.md`` parsed with
``extract.reader.parse_file``) topped up with seeded synthetic passages (``bench.synth``),
labelled by the seed model. These codings measure speed only, never quality (quality is
measured on the real codings elsewhere).

Reference: a bare scikit-learn TF-IDF (word 1–2-grams) + one LogisticRegression per domain,
fitted / applied on the same texts and labels in the same run; the ratio is our overhead
(lemmatisation, character n-grams, tension and pole models, explanations, seed blend).
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.common import Row, load_note, num, time_call
from bench.synth import Generator

DEMO = Path(__file__).resolve().parent.parent / "corpus" / "demo"


def demo_passages() -> list[str]:
    from extract.reader import parse_file

    out: list[str] = []
    for f in sorted(DEMO.glob("*.md")):
        if f.name in ("positions.md",):
            continue
        out += [p.text for p in parse_file(f).passages if len(p.text.split()) >= 5]
    return out


def make_codings(n: int, pool: list[str]):
    """``n`` codings: the demo passages first, then synthetic ones, labelled by the seed model."""
    from models.classify import BlendedModel
    from models.labels import Coding

    texts = list(pool[:n])
    gen = Generator(5)
    kinds = ("regeling", "akkoord", "agenda")
    while len(texts) < n:
        texts.append(gen.passage(kinds[len(texts) % 3]))
    preds = BlendedModel().predict(texts)
    return [Coding(f"bench-{i}", t, p.labels, coder="bench-seed") for i, (t, p) in enumerate(zip(texts, preds, strict=True))]


def bare_fit(texts: list[str], labels, domains: tuple[str, ...]):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    x = vec.fit_transform(texts)
    models = {}
    for d in domains:
        y = np.array([d in lab.domains for lab in labels], dtype=int)
        if 0 < y.sum() < len(y):
            models[d] = LogisticRegression(C=4.0, solver="liblinear", class_weight="balanced").fit(x, y)
    return vec, models


def bare_predict(vec, models, texts: list[str]):
    x = vec.transform(texts)
    return {d: m.predict_proba(x)[:, 1] for d, m in models.items()}


def run(smoke: bool) -> list[Row]:
    load = load_note()
    from models.classify import BlendedModel, LabelModel
    from models.codebook import load_codebook
    from models.training import train

    cb = load_codebook()
    pool = demo_passages()
    sizes = (30, 60) if smoke else (300, 1_000, 5_000)
    n_pred = 60 if smoke else 1_000
    codings = make_codings(max(max(sizes), n_pred), pool)
    texts = [c.text for c in codings]
    labels = [c.labels for c in codings]
    with_domain = sum(1 for lab in labels if lab.domains)
    note = (f"SYNTHETIC codings: {min(len(pool), len(codings))} demo-corpus passages + seeded synthetic passages, "
            f"labelled by the seed model ({with_domain}/{len(labels)} with ≥ 1 domain); speed only")
    rows: list[Row] = []

    # retrain: the production fit (train() without cross-validation) vs a bare TF-IDF+LR fit
    fitted = {}
    LabelModel().fit(texts[:20], labels[:20])  # warm-up: codebook, stop words, lemma cache
    for i, n in enumerate(sizes):
        t0, cpu0 = time.perf_counter(), time.process_time()
        fitted[n] = train(codings[:n], cb, validate=False)
        ours, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        cpu0 = time.process_time()
        ref = time_call(lambda n=n: bare_fit(texts[:n], labels[:n], cb.domain_codes), runs=1, warmup=0)
        ref_cpu = time.process_time() - cpu0
        rows.append(Row("classification", f"retrain on {num(n)} codings", "seconds", ours, ref.median,
                        "bare TF-IDF + LogisticRegression per domain", higher_is_better=False,
                        notes=(note + "; " if i == 0 else "")
                        + f"train(validate=False): fit of domains, tension presence and poles; one run, "
                          f"CPU {cpu:.1f} s vs {ref_cpu:.2f} s (CPU ratio {cpu / max(ref_cpu, 1e-3):.0f}×)"))
    # full retrain with 5-fold cross-validation, learning curve and blend choice (what `drechtlens train` runs)
    n_cv = sizes[0]
    cv = time_call(lambda: train(codings[:n_cv], cb, validate=True), runs=1, warmup=0)
    rows.append(Row("classification", f"retrain + 5-fold CV on {num(n_cv)} codings", "seconds", cv.median,
                    higher_is_better=False, notes="train(validate=True): CV of seed/learned/blends + learning curve"))

    # predict throughput on held-apart texts (the last n_pred codings, never in the smaller training sets)
    pred_texts = texts[-n_pred:]
    seed = BlendedModel(codebook=cb)
    trained = fitted[sizes[1]]
    vec, models = bare_fit(texts[:sizes[1]], labels[:sizes[1]], cb.domain_codes)
    reps = 1 if smoke else 2
    ref = time_call(lambda: bare_predict(vec, models, pred_texts), runs=reps, warmup=1)
    s = time_call(lambda: seed.predict(pred_texts), runs=reps, warmup=1)
    t = time_call(lambda: trained.predict(pred_texts), runs=reps, warmup=0)
    n = len(pred_texts)
    rows.append(Row("classification", f"predict, seed model, {num(n)} passages", "passages/s", n / s.median,
                    n / ref.median, "bare TF-IDF + LR predict_proba", notes="lexicon model, no learned part"))
    rows.append(Row("classification", f"predict, trained (blend, {num(sizes[1])} codings), {num(n)} passages",
                    "passages/s", n / t.median, n / ref.median, "bare TF-IDF + LR predict_proba",
                    notes="seed + LabelModel.predict_proba with explanations"))
    lm = LabelModel().fit(texts[:sizes[0]], labels[:sizes[0]])
    lt = time_call(lambda: lm.predict_proba(pred_texts), runs=1, warmup=0)
    rows.append(Row("classification", f"predict, learned only, {num(n)} passages", "passages/s", n / lt.median,
                    n / ref.median, "bare TF-IDF + LR predict_proba"))
    rows[0].notes = "; ".join(x for x in (rows[0].notes, load) if x)
    return rows
