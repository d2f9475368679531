"""Helpers shared by the detectors: trigger sets from TSV and clause-context tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from models.ambiguity.lexicon import Trigger, load_allow, load_triggers, phrase_pattern
from models.ambiguity.resources import DECIDER_RE, NUMBER_RE, PassageInfo, Resources


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    trigger: Trigger


class TriggerSet:
    """``triggers.tsv`` (+ optional ``allow.tsv``) of one detector folder, compiled once."""

    def __init__(self, folder: Path, subclasses: set[str]):
        self.triggers = load_triggers(folder / "triggers.tsv", subclasses)
        allow_path = folder / "allow.tsv"
        self.allow = load_allow(allow_path) if allow_path.exists() else []
        self.pattern = phrase_pattern([t.trigger for t in self.triggers])
        self.allow_pattern = phrase_pattern(self.allow) if self.allow else None
        self._single = [(t, re.compile(phrase_pattern([t.trigger]).pattern + r"\Z", re.I)) for t in self.triggers]

    def lookup(self, matched: str) -> Trigger:
        norm = " ".join(matched.lower().split())
        for t, rx in self._single:
            if t.trigger == norm or rx.match(matched):
                return t
        raise KeyError(matched)

    def find(self, text: str) -> Iterator[Hit]:
        allowed = [(m.start(), m.end()) for m in self.allow_pattern.finditer(text)] if self.allow_pattern else []
        for m in self.pattern.finditer(text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in allowed):
                continue
            yield Hit(m.start(), m.end(), self.lookup(m.group(0)))


def has_number_or_deadline(text: str) -> bool:
    return bool(NUMBER_RE.search(text))


def decider_named(res: Resources, pi: PassageInfo, s: int, e: int) -> bool:
    """An organ judges or decides in this clause ("naar het oordeel van het dagelijks bestuur", "… acht")."""
    sent = pi.text[s:e]
    if DECIDER_RE.search(sent) and res.mentions_in(pi, s, e):
        return True
    return any(c.actor for c in res.competences_in(pi, (s, e)))


def organ_subject_power(res: Resources, pi: PassageInfo, s: int, e: int) -> bool:
    """The clause gives an organ a power ("kan het dagelijks bestuur …", "… is bevoegd")."""
    sent = pi.text[s:e]
    return bool(re.search(r"\b(kan|kunnen|is bevoegd|zijn bevoegd|mag|mogen)\b", sent, re.I)) and bool(
        res.mentions_in(pi, s, e))


def loc_nl(artikel: str | None, lid: str | None = None) -> str:
    out = f"artikel {artikel}" if artikel else "de regeling"
    if lid:
        out += f", lid {lid}"
    return out


# The agent expressed as the instrument or meeting that acts: "bij (gezamenlijk) besluit van de raden …",
# "bij deze regels", "in de eerste vergadering van het algemeen bestuur".
AGENT_PHRASE_RE = re.compile(r"\bbij\s+(?:\w+\s+)?besluit(?:en)?\s+van\b|\bbij\s+(?:deze|die|dat|de|het)\s+"
                             r"(?:regels?|regeling|besluit)\b|\bin\s+de\s+(?:\w+\s+)?vergadering\s+van\b", re.I)


def actor_in_artikel(res: Resources, pi: PassageInfo, verb: str) -> str | None:
    """The organ that performs ``verb`` (infinitive or simplemma lemma, "aan_wijzen") actively elsewhere in
    the same artikel: the agent of a passive with that verb is then recoverable from the article."""
    want = verb.replace("_", "")
    art = pi.passage.artikel
    if not art:
        return None
    for c in res.competences:
        if c.artikel == art and c.actor and not c.passive and c.action.replace("_", "") == want:
            return c.actor
    return None
