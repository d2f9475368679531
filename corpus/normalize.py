"""Dutch term normalisation for the search index: one function, used at index and query time.

``norm_term(word)`` = the simplemma lemma, then the *old* (Porter-style) Snowball Dutch
stemmer (``dutch_porter``) on that lemma. Measured on the words that matter here
(``tests/corpus/test_normalize.py``):

* lemma only: woning/woningen and bevoegdheid/bevoegdheden conflate, but besluit/besloten
  do not (besloten → lemma "besluiten");
* new Snowball ``dutch``: strips "ge-" (gemeente → "meen", gebied → "bied", gebouw =
  bouwen): over-conflates, as ``pdf-bench.md`` warns; besloten → "besloot";
* lemma + ``dutch_porter``: all three pairs conflate, gemeente/gemeenten stay "gemeent".

Words whose lemma ends in "-ing" keep the lemma, so regeling ≠ regel and begroting stays
itself; a handful of overrides repair lemmas simplemma gets wrong for this domain
("leden" is the plural of "lid", not a form of "lijden").
"""

from __future__ import annotations

import functools
import re

import Stemmer

from models.lemmas import lemma

_STEMMER = Stemmer.Stemmer("dutch_porter")
# Lemmas simplemma gets wrong in legal/administrative Dutch.
_OVERRIDES = {"leden": "lid", "deelnemer": "deelnemer", "deelneemster": "deelnemer"}
# Word tokens as FTS5's unicode61 tokenizer sees them (letters and digits).
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=200_000)
def norm_term(word: str) -> str:
    """The index form of one word (lower case, no diacritics stripped: FTS does that)."""
    w = word.lower()
    if not w.isalpha():
        return w
    lem = _OVERRIDES.get(w) or lemma(w) or w
    lem = _OVERRIDES.get(lem, lem)
    if lem.endswith("ing"):
        return lem
    return _STEMMER.stemWord(lem)


def norm_text(text: str) -> str:
    """The normalised column: every word replaced by its index form, space separated."""
    return " ".join(norm_term(w) for w in WORD_RE.findall(text))
