"""Merging near-duplicates keeps what the absorbed finding knows about the likely holder."""

from __future__ import annotations

from models.ambiguity import analyse
from models.ambiguity.sample import doc_from_text

RECOVERY = ("Artikel 1\n1. Het college vordert de kosten van bijstand terug.\n"
            "2. De kosten kunnen worden teruggevorderd voor zover de bijstand ten onrechte is verleend.")
SUSPENSION = ("Artikel 1\n1. Het dagelijks bestuur schorst het besluit.\n"
              "Artikel 2\n1. De schorsing kan eenmaal worden verlengd.")


def _merged_flag(text: str):
    report = analyse(doc_from_text(text))
    kept = {m["kept"] for m in report.merged if m["type"] == "AMB-02"}
    (flag,) = [f for f in report.flags if f.key in kept]
    return flag


def test_the_holder_named_by_the_absorbed_finding_survives_the_merge():
    flag = _merged_flag(RECOVERY)
    assert flag.type == "AMB-05"
    assert "Ook gemeld als AMB-02" in flag.explanation
    assert "'college'" in flag.explanation and "vermoedelijk" in flag.explanation


def test_a_holder_the_kept_finding_already_names_is_not_repeated():
    flag = _merged_flag(SUSPENSION)
    assert flag.explanation.count("'dagelijks bestuur'") == 1
    assert "vermoedelijk" not in flag.explanation.lower()
