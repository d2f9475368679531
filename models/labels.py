"""Label records shared by the seed model, the learned model, agreement and interchange.

A :class:`Labels` value is what a coder (or a model) says about one passage: a set of
domain codes and, per tension field touched, the pole ``A``, ``B`` or ``beide``.
A :class:`Coding` is one coder's labels for one passage, with its text and provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.codebook import POLES, Codebook, load_codebook


class LabelError(ValueError):
    """A label that the codebook does not know (message in Dutch)."""


@dataclass(frozen=True, slots=True)
class Labels:
    domains: frozenset[str] = frozenset()
    tensions: tuple[tuple[str, str], ...] = ()  # sorted (field, pole) pairs

    @classmethod
    def make(cls, domains: Any = (), tensions: dict[str, str] | None = None,
             codebook: Codebook | None = None) -> Labels:
        """Validated labels; raises :class:`LabelError` with a Dutch message."""
        cb = codebook or load_codebook()
        doms = frozenset(str(d).strip() for d in (domains or ()))
        unknown = doms - set(cb.domain_codes)
        if unknown:
            raise LabelError(f"onbekend domein {sorted(unknown)[0]!r}; kies uit {', '.join(cb.domain_codes)}")
        tens: dict[str, str] = {}
        for fld, pole in (tensions or {}).items():
            if fld not in cb.tension_codes:
                raise LabelError(f"onbekend spanningsveld {fld!r}; kies uit {', '.join(cb.tension_codes)}")
            if pole not in POLES:
                raise LabelError(f"pool voor {fld} moet A, B of beide zijn, niet {pole!r}")
            tens[fld] = pole
        return cls(doms, tuple(sorted(tens.items())))

    @property
    def tension_dict(self) -> dict[str, str]:
        return dict(self.tensions)

    def to_dict(self) -> dict[str, Any]:
        return {"domains": sorted(self.domains), "tensions": self.tension_dict}


@dataclass(slots=True)
class Coding:
    """One coder's judgement of one passage (the unit of import, export and training)."""

    passage_id: str
    text: str
    labels: Labels
    coder: str = ""
    adjudicated: bool = False
    note: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def domains(self) -> frozenset[str]:
        return self.labels.domains

    @property
    def tensions(self) -> dict[str, str]:
        return self.labels.tension_dict


@dataclass(slots=True)
class Prediction:
    """A model's view of one passage: probabilities, the labels they imply, and why.

    ``explanation`` maps a label key (a domain code, a tension field, or ``field=A``) to the
    terms or features that drove it, strongest first, as ``(term, weight)`` pairs.
    """

    domains: dict[str, float]  # P(domain applies)
    tensions: dict[str, float]  # P(field touched)
    poles: dict[str, dict[str, float]]  # field → {"A", "B", "beide"} → P(pole | touched)
    explanation: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    producer: str = ""  # "seed", "learned" or "blend"
    threshold: float = 0.5

    def pole(self, fld: str) -> str:
        probs = self.poles.get(fld) or {}
        if not probs:
            return "beide"
        return max(("A", "B", "beide"), key=lambda k: (probs.get(k, 0.0), k != "beide"))

    @property
    def labels(self) -> Labels:
        doms = frozenset(d for d, p in self.domains.items() if p >= self.threshold)
        tens = tuple(sorted((f, self.pole(f)) for f, p in self.tensions.items() if p >= self.threshold))
        return Labels(doms, tens)

    def to_dict(self, top: int = 5) -> dict[str, Any]:
        labels = self.labels
        return {
            "domains": sorted(labels.domains),
            "tensions": labels.tension_dict,
            "probabilities": {
                "domains": {k: round(v, 4) for k, v in self.domains.items()},
                "tensions": {k: round(v, 4) for k, v in self.tensions.items()},
                "poles": {k: {p: round(x, 4) for p, x in v.items()} for k, v in self.poles.items()},
            },
            "explanation": {k: [[t, round(w, 4)] for t, w in v[:top]] for k, v in self.explanation.items() if v},
            "producer": self.producer,
        }
