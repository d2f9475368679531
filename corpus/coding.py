"""Glue between the corpus store and the classification models (models know nothing of storage).

- :func:`store_codings` turns the store's codings into :class:`models.labels.Coding` records;
- :func:`import_codings` writes imported codings into the store (only for passages it holds);
- :func:`label_rows` classifies a document into the row format of ``Store.save_labels``;
- :func:`analysers` is the ingest hook registered in ``corpus.analysis``: every ingested
  passage gets labels from the latest trained model, or from the seed model before any training.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extract.document import Document
from models.classify import BlendedModel
from models.codebook import load_codebook
from models.labels import Coding, LabelError, Labels

PRODUCER = "classify"


def store_codings(store: Any, doc_id: str | None = None) -> list[Coding]:
    """All codings in the store (oldest first) as model-side records with their text snapshot."""
    cb = load_codebook()
    out = []
    for c in store.codings(doc_id=doc_id):
        try:
            labels = Labels.make(c.domains, c.tensions, cb)
        except LabelError:
            continue  # labels from an older codebook that no longer exist are not trained on
        out.append(Coding(c.passage_id, c.text_snapshot, labels, c.coder, c.adjudicated, c.note,
                          {"doc_id": c.doc_id, "location": c.location, "created_at": c.created_at}))
    return out


def import_codings(store: Any, codings: Sequence[Coding]) -> tuple[int, list[str]]:
    """Add codings whose passage is in the store; returns (added, passage ids not found)."""
    added, missing = 0, []
    for c in codings:
        if store.passage_doc_id(c.passage_id) is None:
            missing.append(c.passage_id)
            continue
        store.add_coding(c.passage_id, c.coder or "import", sorted(c.labels.domains), c.labels.tension_dict,
                         note=c.note, adjudicated=c.adjudicated)
        added += 1
    return added, missing


def current_model() -> tuple[BlendedModel, str]:
    """The latest trained model (blended with the seed), else the seed model; and its version.
    A newer artifact (after ``drechtlens train`` or a retrain in the app) is picked up."""
    from models.training import latest_artifact

    latest = latest_artifact()
    return _load(str(latest) if latest else "")


@functools.lru_cache(maxsize=2)
def _load(artifact: str) -> tuple[BlendedModel, str]:
    from models.training import TrainingError, load_model

    if artifact:
        try:
            trained = load_model(artifact)
            return trained.model, Path(artifact).name
        except TrainingError:
            pass
    return BlendedModel(), "seed"


def label_rows(doc: Document, model: BlendedModel | None = None) -> list[dict[str, Any]]:
    """One ``save_labels`` row per passage: passage_id, domains, tensions, probabilities, explanation."""
    model = model or current_model()[0]
    passages = [p for p in doc.passages if p.text.strip()]
    preds = model.predict([p.text for p in passages])
    rows = []
    for p, pred in zip(passages, preds, strict=True):
        d = pred.to_dict()
        rows.append({"passage_id": p.id, "domains": d["domains"], "tensions": d["tensions"],
                     "probabilities": d["probabilities"], "explanation": d["explanation"]})
    return rows


def analysers() -> list[Any]:
    """The classification analyser for ``corpus.analysis`` (labels every passage at ingest)."""
    from corpus.analysis import Analyser

    model, version = current_model()
    return [Analyser(PRODUCER, f"{model.producer}:{version}", "labels", lambda doc: label_rows(doc, model),
                     codebook_version=load_codebook().version_id)]
