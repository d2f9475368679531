"""Run one detector on a hand-written regulation sketch (see models.ambiguity.sample)."""

from __future__ import annotations

from models.ambiguity.flag import Flag
from models.ambiguity.registration import REGISTRY, load_detectors
from models.ambiguity.resources import Resources, build_resources
from models.ambiguity.sample import doc_from_text

NEUTRAL = "Artikel 5 Vergaderingen"


def resources(text: str) -> Resources:
    return build_resources(doc_from_text(text))


def run(code: str, text: str) -> list[Flag]:
    """Flags of detector ``code`` on ``text``; every quote must be exact."""
    load_detectors()
    res = resources(text)
    flags = list(REGISTRY[code].func(res))
    for f in flags:
        assert f.type == code
        assert res.by_id[f.passage_id].text[f.start:f.end] == f.quote, f
        assert f.explanation and f.question and f.rule
    return flags


def lid(sentence: str, heading: str = NEUTRAL) -> str:
    """A one-lid regulation: the most common test fixture."""
    return f"{heading}\n1. {sentence}"


def quotes(flags: list[Flag]) -> list[str]:
    return [f.quote.lower() for f in flags]
