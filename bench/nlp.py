"""NLP: words/s of the project pipeline (``models.nlp.load_nlp``) against a bare
``spacy.blank("nl")`` tokenizer on the same text, and the lemma cache.

Input: seeded synthetic regulation/agreement/agenda passages (``bench.synth``) plus the
demo corpus sources (``corpus/demo/*.md``), split into passages as the app feeds them.
Both pipelines run through ``nlp.pipe(texts, batch_size=64)``.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.common import Row, load_note, num, time_call
from bench.synth import Generator

DEMO = Path(__file__).resolve().parent.parent / "corpus" / "demo"


def passages(n_words: int) -> list[str]:
    texts = [p for f in sorted(DEMO.glob("*.md")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    gen = Generator(11)
    count = sum(len(t.split()) for t in texts)
    while count < n_words:
        t = gen.passage(("regeling", "akkoord", "agenda")[len(texts) % 3])
        texts.append(t)
        count += len(t.split())
    out, total = [], 0
    for t in texts:  # trim to about n_words so smoke runs stay tiny
        out.append(t)
        total += len(t.split())
        if total >= n_words:
            break
    return out


def run(smoke: bool) -> list[Row]:
    load = load_note()
    import simplemma
    import spacy

    from models import nlp as nlp_mod

    texts = passages(3_000 if smoke else 60_000)
    n_words = sum(len(t.split()) for t in texts)
    runs = 1 if smoke else 3

    t0 = time.perf_counter()
    nlp, caps = nlp_mod.load_nlp()
    load_s = time.perf_counter() - t0
    blank = spacy.blank("nl")

    ours = time_call(lambda: list(nlp.pipe(texts, batch_size=64)), runs=runs, warmup=1)
    ref = time_call(lambda: list(blank.pipe(texts, batch_size=64)), runs=runs, warmup=1)
    tokens = sum(len(d) for d in blank.pipe(texts[:200], batch_size=64))
    rows = [Row("nlp", f"{caps.pipeline}, {num(n_words)} words", "words/s",
                n_words / ours.median, n_words / ref.median, 'spacy.blank("nl") tokenizer',
                notes=f"nlp.pipe(batch_size=64), median of {runs}; pipeline load {load_s:.2f} s "
                      f"(first call in this process); ~{tokens} tokens in the first 200 passages",
                extra={"load_s": load_s, "components": list(nlp.pipe_names)})]

    # lemma(): every distinct word once (cold: simplemma + cache insert), then the cache hit path
    words = [w.lower() for t in texts for w in t.split() if w.isalpha()]
    distinct = list(dict.fromkeys(words))
    nlp_mod.lemma.cache_clear()
    t0 = time.perf_counter()
    for w in distinct:
        nlp_mod.lemma(w)
    cold = time.perf_counter() - t0
    hit = time_call(lambda: [nlp_mod.lemma(w) for w in words], runs=runs, warmup=0)
    direct = time_call(lambda: [simplemma.lemmatize(w, lang="nl") for w in words], runs=runs, warmup=0)
    rows.append(Row("nlp", f"lemma() cache hit, {num(len(words))} words", "words/s",
                    len(words) / hit.median, len(words) / direct.median, "simplemma.lemmatize (no cache)",
                    notes=f"cold path (first sight of {len(distinct)} distinct words): "
                          f"{num(len(distinct) / cold)} words/s"))
    rows[0].notes = "; ".join(x for x in (rows[0].notes, load) if x)
    return rows
