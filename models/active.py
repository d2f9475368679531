"""Active-learning queue: which passages to code next.

Uncertainty per passage and label is the margin to the decision threshold
(``1 - |2p - 1|``: 1 at p = 0.5, 0 at p = 0 or 1). A passage's score is its most uncertain
label. The batch is filled greedily by score, but each round takes at most one passage per
label and per document before any label or document gets a second one, so a batch is
spread over labels and documents rather than fifty near-duplicates from one agreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from extract.document import Passage
from models.labels import Prediction


class Predictor(Protocol):
    def predict(self, texts: list[str]) -> list[Prediction]: ...


@dataclass(frozen=True, slots=True)
class QueueItem:
    passage_id: str
    reason: str  # Dutch, e.g. "onzeker over sociaal (p=0.52)"
    suggestion: dict[str, Any]  # the model's labels as a starting point: {"domains", "tensions"}
    uncertainty: float = 0.0
    label: str = ""  # the most uncertain label
    document: str = ""


def _doc_of(p: Passage | Any) -> str:
    doc = getattr(p, "document", None) or getattr(p, "doc_id", None)
    return str(doc) if doc else p.id.rsplit("-", 1)[0]


def uncertainties(pred: Prediction) -> dict[str, float]:
    """Per label key (domain, tension field) the margin-based uncertainty in [0, 1]."""
    out = {d: 1 - abs(2 * p - 1) for d, p in pred.domains.items()}
    out.update({f: 1 - abs(2 * p - 1) for f, p in pred.tensions.items()})
    return out


def next_batch(passages: Sequence[Passage] | Iterable[Passage], model: Predictor, coded_ids: Iterable[str],
               n: int = 20) -> list[QueueItem]:
    """The ``n`` passages to code next, most informative first, skipping ``coded_ids``."""
    coded = set(coded_ids)
    todo = [p for p in passages if p.id not in coded and p.text.strip()]
    if not todo or n <= 0:
        return []
    preds = model.predict([p.text for p in todo])
    cands = []
    for p, pred in zip(todo, preds, strict=True):
        unc = uncertainties(pred)
        label = max(unc, key=lambda k: unc[k])
        prob = pred.domains.get(label, pred.tensions.get(label, 0.0))
        cands.append((unc[label], label, prob, p, pred))
    cands.sort(key=lambda c: (-c[0], c[3].id))
    chosen: list[QueueItem] = []
    used: set[str] = set()
    round_no = 0
    while len(chosen) < n and len(used) < len(cands):
        round_no += 1
        per_label: Counter[str] = Counter(i.label for i in chosen)
        per_doc: Counter[str] = Counter(i.document for i in chosen)
        added = False
        for score, label, prob, p, pred in cands:
            if len(chosen) >= n:
                break
            doc = _doc_of(p)
            if p.id in used or per_label[label] >= round_no or per_doc[doc] >= round_no:
                continue
            used.add(p.id)
            per_label[label] += 1
            per_doc[doc] += 1
            chosen.append(QueueItem(p.id, f"onzeker over {label} (p={prob:.2f})", pred.labels.to_dict(),
                                    round(score, 4), label, doc))
            added = True
        if not added and round_no > len(cands):
            break
    return chosen
