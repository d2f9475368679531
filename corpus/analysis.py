"""The analysis hook: which models run on a document during ingest.

An :class:`Analyser` is ``(name, version, kind, fn)`` where ``fn(Document) -> list[dict]``
returns label rows (``kind="labels"``: ``{"passage_id", "domains", "tensions",
"probabilities", "explanation"}``) or flag dicts (``kind="flags"``: ``Flag.to_dict()``).
Analysers register themselves in :func:`registered` only when their module imports, so
ingest works with whatever models exist. A failing analyser never fails the ingest: the
error becomes a warning on the document (:func:`run_analysers`).

To add an analyser, append a loader to ``_LOADERS`` below: a function that imports your
module and returns ``Analyser`` objects (raise ImportError when it is not available).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extract.document import Document, ExtractionWarning


@dataclass(frozen=True, slots=True)
class Analyser:
    name: str  # producer name stored with every result, e.g. "ambiguity-rules"
    version: str
    kind: str  # "labels" | "flags"
    fn: Callable[[Document], list[dict[str, Any]]]
    codebook_version: str = ""  # labels only
    pipeline: str = ""  # flags only: NLP pipeline label (models.nlp.Capabilities.label)


@dataclass(slots=True)
class AnalysisOutput:
    """One analyser's results for one document, as passed to ``Store.add_document(analysis=...)``."""

    producer: str
    version: str
    kind: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    codebook_version: str = ""
    pipeline: str = ""
    created_at: str = ""  # set only when restoring an export; otherwise the store stamps it


# Loaders: each returns a list of Analyser or raises ImportError when its models are absent.
_LOADERS: list[Callable[[], list[Analyser]]] = []


def _classification() -> list[Analyser]:
    """Domain/tension labels (latest trained model, else the seed lexicon): corpus.coding."""
    from corpus.coding import analysers

    return analysers()


_LOADERS.append(_classification)


def _ambiguity() -> list[Analyser]:
    """Ambiguity flags (models.ambiguity, AMB-01 … AMB-16) for regelingen only; see corpus.review."""
    from corpus.review import ambiguity_analyser

    return [ambiguity_analyser()]


_LOADERS.append(_ambiguity)


@functools.cache
def registered() -> tuple[Analyser, ...]:
    """The analysers whose modules import in this environment (cached per process)."""
    out: list[Analyser] = []
    for load in _LOADERS:
        try:
            out.extend(load())
        except ImportError:
            continue
        except Exception as err:  # noqa: BLE001 - a broken model must not stop ingest; say so on each document
            LOAD_ERRORS.append(f"Analyse {load.__name__.lstrip('_')} kon niet worden geladen: "
                               f"{type(err).__name__}: {err}")
    return tuple(out)


# Dutch messages for loaders that failed with something other than ImportError (filled by registered()).
LOAD_ERRORS: list[str] = []


def run_analysers(doc: Document, analysers: tuple[Analyser, ...] | None = None) -> list[AnalysisOutput]:
    """Run every analyser on ``doc``; failures are appended to ``doc.warnings`` (code "analysis-error")."""
    outputs: list[AnalysisOutput] = []
    if analysers is None:
        analysers = registered()
        doc.warnings.extend(ExtractionWarning("analysis-error", msg) for msg in LOAD_ERRORS)
    for a in analysers:
        try:
            rows = list(a.fn(doc))
        except Exception as err:  # noqa: BLE001 - one model's failure must not lose the document
            doc.warnings.append(ExtractionWarning(
                "analysis-error", f"Analyse {a.name} {a.version} mislukt: {type(err).__name__}: {err}"))
            continue
        outputs.append(AnalysisOutput(a.name, a.version, a.kind, rows, a.codebook_version, a.pipeline))
    return outputs
