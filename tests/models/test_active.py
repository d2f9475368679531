"""The active-learning queue: uncertain first, spread over labels and documents, coded skipped."""

from __future__ import annotations

from extract.document import Passage
from models.active import next_batch
from models.labels import Prediction


class FixedModel:
    """A real (if trivial) predictor: probabilities read from the passage text."""

    def predict(self, texts: list[str]) -> list[Prediction]:
        out = []
        for t in texts:
            label, p = t.split(":")
            doms = {d: 0.02 for d in ("sociaal", "bestuur", "ruimtelijk-economisch", "bedrijfsvoering")}
            doms[label] = float(p)
            out.append(Prediction(doms, {}, {}))
        return out


def _p(pid: str, text: str) -> Passage:
    return Passage(pid, 0, text, 1, 1)


def test_batch_is_uncertain_first_balanced_and_skips_coded() -> None:
    passages = [
        _p("docA-00001", "sociaal:0.50"), _p("docA-00002", "sociaal:0.51"), _p("docA-00003", "sociaal:0.52"),
        _p("docB-00001", "bestuur:0.60"), _p("docB-00002", "bestuur:0.98"), _p("docC-00001", "sociaal:0.45"),
        _p("docC-00002", "bedrijfsvoering:0.30"),
    ]
    batch = next_batch(passages, FixedModel(), coded_ids={"docA-00001"}, n=4)
    ids = [q.passage_id for q in batch]
    assert "docA-00001" not in ids
    assert len(ids) == 4 and len(set(ids)) == 4
    # first round: one per label and per document, most uncertain first
    assert ids[0] == "docA-00002"
    assert {q.label for q in batch[:3]} == {"sociaal", "bestuur", "bedrijfsvoering"}
    assert len({q.document for q in batch[:3]}) == 3
    assert "docB-00002" not in ids  # confident: last in line
    assert batch[0].reason.startswith("onzeker over sociaal")
    assert batch[0].suggestion == {"domains": ["sociaal"], "tensions": {}}


def test_batch_never_exceeds_available() -> None:
    passages = [_p("d-00001", "sociaal:0.5")]
    assert len(next_batch(passages, FixedModel(), [], n=10)) == 1
    assert next_batch(passages, FixedModel(), ["d-00001"], n=10) == []
