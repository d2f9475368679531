"""Review workflow for ambiguity flags: analyse, store, decide, and measure precision.

Glue over :class:`corpus.store.Store` (which keeps flags per document and decisions per
*lineage* keyed by ``Flag.key``). Because a decision is bound to the flag key (type +
artikel + lid + onderdeel + quote) and to the lineage, it stays attached when a document
is analysed again, and when a new version of the document is ingested whose text at that
spot is unchanged. A flag whose quote or location changed gets a new key and starts open.

Typical use::

    with open_store(db) as store:
        reanalyse(store, doc_id)                       # (re)compute and store flags
        accept(store, doc_id, key, "mr. De Vries")
        dismiss(store, doc_id, key, "mr. De Vries", reason="bewuste open norm")
        rows, sentences = precision_by_detector(store)
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.analysis import Analyser
from corpus.store import Decision, Store, StoredFlag, StoreError
from extract.document import Document

PRODUCER = "ambiguity"


class ReviewError(ValueError):
    """Bad review input; the message is Dutch and meant for the user."""


def _version() -> str:
    """Detector code + lexicon versions, condensed: a changed detector shows as a new producer version."""
    from models.ambiguity import registry

    raw = ";".join(f"{d.code}={d.version}" for d in registry())
    return "1+" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]


def _pipeline_label() -> str:
    from models.nlp import load_nlp

    return load_nlp()[1].label


def analyse_flags(doc: Document) -> list[dict]:
    """``Flag.to_dict()`` rows for a regeling; other document kinds get no ambiguity flags."""
    if doc.kind != "regeling":
        return []
    from models.ambiguity import analyse

    return [f.to_dict() for f in analyse(doc).flags]


def ambiguity_analyser() -> Analyser:
    """The ingest analyser (registered in :mod:`corpus.analysis`); raises ImportError when absent."""
    import models.ambiguity  # noqa: F401 - ImportError here means: no ambiguity models in this install

    return Analyser(PRODUCER, _version(), "flags", analyse_flags, pipeline=_pipeline_label())


def reanalyse(store: Store, doc_id: str) -> int:
    """Analyse a stored document again and replace its flags; decisions stay (they are keyed)."""
    doc = store.get_document(doc_id)
    rows = analyse_flags(doc)
    return store.save_flags(doc.id, rows, PRODUCER, _version(), _pipeline_label())


def _flag_doc(store: Store, doc_id: str, key: str) -> StoredFlag:
    found = [f for f in store.flags(doc_id=doc_id) if f.key == key]
    if not found:
        raise ReviewError(f"Melding {key!r} hoort niet bij document {doc_id!r}.")
    return found[0]


def _decide(store: Store, doc_id: str, key: str, reviewer: str, decision: str, reason: str = "",
            comment: str = "") -> Decision:
    if not reviewer or not reviewer.strip():
        raise ReviewError("Vul de naam van de beoordelaar in.")
    _flag_doc(store, doc_id, key)
    try:
        return store.add_decision(key, doc_id, reviewer, decision, reason=reason, comment=comment)
    except StoreError as err:
        raise ReviewError(str(err)) from None


def accept(store: Store, doc_id: str, key: str, reviewer: str, comment: str = "") -> Decision:
    """The reviewer agrees this is a real ambiguity or defect."""
    return _decide(store, doc_id, key, reviewer, "accept", comment=comment)


def dismiss(store: Store, doc_id: str, key: str, reviewer: str, reason: str, comment: str = "") -> Decision:
    """The reviewer rejects the flag; a reason is required (it feeds detector improvement)."""
    if not reason or not reason.strip():
        raise ReviewError("Geef een reden op waarom deze melding wordt afgewezen.")
    return _decide(store, doc_id, key, reviewer, "dismiss", reason=reason.strip(), comment=comment)


def comment(store: Store, doc_id: str, key: str, reviewer: str, text: str) -> Decision:
    """A note on the flag; does not change its status."""
    if not text or not text.strip():
        raise ReviewError("Een opmerking mag niet leeg zijn.")
    return _decide(store, doc_id, key, reviewer, "comment", comment=text.strip())


def status_map(store: Store, doc_id: str) -> dict[str, str]:
    """Flag.key → current status ("open" | "accept" | "dismiss") for one document."""
    return {f.key: f.status for f in store.flags(doc_id=doc_id)}


@dataclass(frozen=True, slots=True)
class PrecisionRow:
    type: str
    reviewed: int  # accepted + dismissed
    accepted: int
    dismissed: int
    open: int

    @property
    def precision(self) -> float | None:
        return self.accepted / self.reviewed if self.reviewed else None

    def sentence(self) -> str:
        """The Dutch summary, e.g. 'Van de 40 beoordeelde AMB-05-meldingen werden er 31 geaccepteerd (78%).'"""
        if not self.reviewed:
            return f"Er zijn nog geen {self.type}-meldingen beoordeeld ({self.open} open)."
        noun = "melding" if self.reviewed == 1 else "meldingen"
        werd = "werd" if self.accepted == 1 else "werden"
        return (f"Van de {self.reviewed} beoordeelde {self.type}-{noun} {werd} er {self.accepted} geaccepteerd "
                f"({100 * self.accepted / self.reviewed:.0f}%).")


def precision_by_detector(store: Store, doc_ids: Sequence[str] | None = None,
                          latest_only: bool = True) -> tuple[list[PrecisionRow], list[str]]:
    """Per detector type: how many flags were reviewed and accepted, plus one Dutch sentence per type.

    Counted over the stored flags (of the latest versions when ``latest_only``), each flag
    with its current status, so a flag that survives into a new version is counted once.
    """
    flags: list[StoredFlag] = []
    if doc_ids is None:
        heads = {r[0] for r in store.read(
            "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)")}
        flags = [f for f in store.flags(producer=PRODUCER) if not latest_only or f.doc_id in heads]
    else:
        for d in doc_ids:
            flags += store.flags(doc_id=d, producer=PRODUCER)
    counts: dict[str, list[int]] = {}
    for f in flags:
        c = counts.setdefault(f.type, [0, 0, 0])
        c[{"accept": 0, "dismiss": 1}.get(f.status, 2)] += 1
    rows = [PrecisionRow(t, a + d, a, d, o) for t, (a, d, o) in sorted(counts.items())]
    return rows, [r.sentence() for r in rows]
