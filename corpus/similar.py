""""More like this": passages similar to a given passage, by TF-IDF cosine.

The matrix is built from the normalised passage text (the same ``norm`` column the search
index uses, so inflections count as one term) over all passages of the latest document
versions, and cached per store path and corpus state (``Store.generation``): any ingest or
delete rebuilds it on the next call.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from corpus.search import SearchHit, make_snippet
from corpus.store import Store, StoreError
from extract.document import Passage


@dataclass(slots=True)
class _Index:
    generation: str
    ids: list[str]
    pos: dict[str, int]
    matrix: Any  # scipy sparse, rows L2-normalised


_CACHE: dict[str, _Index] = {}
_LOCK = threading.Lock()


def _index(store: Store) -> _Index:
    gen = store.generation
    key = store.path if store.path != ":memory:" else f"mem:{id(store)}"
    with _LOCK:
        idx = _CACHE.get(key)
        if idx is not None and idx.generation == gen:
            return idx
        rows = store.read(
            "SELECT p.id, p.norm FROM passages p JOIN documents d ON d.id = p.doc_id"
            " WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id) ORDER BY p.rowid")
        ids = [r[0] for r in rows]
        if ids:
            vec = TfidfVectorizer(min_df=1, max_df=0.5 if len(ids) > 50 else 1.0, sublinear_tf=True,
                                  token_pattern=r"(?u)\b\w\w+\b")
            try:
                matrix = vec.fit_transform([r[1] for r in rows])
            except ValueError:  # empty vocabulary (only stop-level terms)
                matrix = None
        else:
            matrix = None
        idx = _Index(gen, ids, {pid: i for i, pid in enumerate(ids)}, matrix)
        _CACHE[key] = idx
        return idx


def similar_passages(store: Store, passage_id: str, k: int = 10, *, other_documents: bool = False,
                     min_score: float = 0.05) -> list[SearchHit]:
    """The ``k`` passages most similar to ``passage_id`` (itself excluded), best first."""
    idx = _index(store)
    if passage_id not in idx.pos:
        store.get_passage(passage_id)  # raises StoreError with a Dutch message when unknown
        raise StoreError("Deze passage hoort bij een oudere versie; kies de nieuwste versie van het document.")
    if idx.matrix is None:
        return []
    i = idx.pos[passage_id]
    scores = (idx.matrix @ idx.matrix[i].T).toarray().ravel()
    scores[i] = -1.0
    order = np.argsort(-scores)
    src_doc = store.passage_doc_id(passage_id)
    seen_texts = {" ".join(store.get_passage(passage_id).text.split())}
    hits: list[SearchHit] = []
    for j in order:
        if scores[j] < min_score or len(hits) >= k:
            break
        pid = idx.ids[j]
        r = store.read("SELECT p.*, d.title, d.kind, d.body, d.year FROM passages p JOIN documents d ON d.id = p.doc_id"
                       " WHERE p.id = ?", (pid,))
        if not r:
            continue
        r = r[0]
        if other_documents and r["doc_id"] == src_doc:
            continue
        text_key = " ".join(r["text"].split())
        if text_key in seen_texts:  # the same boilerplate (or the same passage in another version) once
            continue
        seen_texts.add(text_key)

        loc = Passage(id=pid, seq=0, text="", page_start=0, page_end=0,
                      path=tuple((a, b) for a, b in json.loads(r["path"]))).location
        snippet, _ = make_snippet(r["text"], [])
        hits.append(SearchHit(pid, r["doc_id"], r["title"], r["kind"], r["body"], r["year"], r["page_start"],
                              r["page_end"], loc, r["heading"], snippet, [], float(scores[j])))
    return hits
