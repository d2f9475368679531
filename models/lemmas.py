"""Dutch lemmas for single words (simplemma), without loading spaCy.

Search indexing and the seed lexicons lemmatise word by word; importing spaCy for that
would add seconds to every CLI start. ``models.nlp`` uses the same function inside the
pipeline's lemmatizer component.
"""

from __future__ import annotations

import functools

import simplemma


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lemma of one Dutch word (lower-cased)."""
    return simplemma.lemmatize(word.lower(), lang="nl")
