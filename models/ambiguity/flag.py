"""The ambiguity finding: one record, offsets first (research note §3.0.7).

Detectors yield :class:`Flag` objects and never change the document. ``to_dict`` gives
the JSON contract of ``drechtlens flag --format json`` (one object per flag).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, replace
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that ``max()`` and sorting rank the worst first when reversed."""

    INFO = 0
    SUGGESTIE = 1
    ZORG = 2
    KRITIEK = 3

    @property
    def nl(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | int | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        if isinstance(value, int):
            return cls(value)
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            allowed = ", ".join(s.nl for s in cls)
            raise ValueError(f"ernst moet een van {allowed} zijn, niet {value!r}") from None

    def escalate(self) -> Severity:
        return Severity(min(self + 1, Severity.KRITIEK))

    def deescalate(self) -> Severity:
        return Severity(max(self - 1, Severity.INFO))


@dataclass(frozen=True, slots=True)
class Flag:
    type: str  # "AMB-01" … "AMB-16"
    name: str  # Dutch name of the type, e.g. "vage kwalificatie / open norm"
    severity: Severity
    confidence: float  # 0..1
    quote: str  # exact text: passage.text[start:end] == quote
    start: int  # character offsets within the passage text
    end: int
    explanation: str  # Dutch
    rule: str  # drafting rule or law article, e.g. "Aanwijzing 3.12", "Wgr art. 10"
    question: str  # Dutch question for the reviewer
    suggestion: str = ""  # suggested rewrite, Dutch; "" when none
    passage_id: str = ""
    artikel: str | None = None
    lid: str | None = None
    onderdeel: str | None = None
    page: int | None = None
    # What the finding is about when the quote alone does not tell distinct findings apart: document-level
    # AMB-16 items share one anchor quote, so ``subject`` names the missing item. "" for ordinary flags.
    subject: str = ""

    @property
    def key(self) -> str:
        """Identity that survives re-analysis of unchanged text: type + location + quote (+ subject).

        Flags without a subject keep the key they had before the field existed, so stored review
        decisions still match.
        """
        parts = [self.type, self.artikel or "", self.lid or "", self.onderdeel or "", self.quote]
        if self.subject:
            parts.append(self.subject)
        return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]

    @property
    def location(self) -> str:
        parts = []
        if self.artikel:
            parts.append(f"artikel {self.artikel}")
        if self.lid:
            parts.append(f"lid {self.lid}")
        if self.onderdeel:
            parts.append(f"onder {self.onderdeel}")
        if self.page:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)

    def with_severity(self, severity: Severity) -> Flag:
        return replace(self, severity=severity)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.nl
        d["key"] = self.key
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Flag:
        # "key" is derived; unknown fields from newer writers are ignored, missing "subject" defaults to "".
        d = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        d["severity"] = Severity.parse(d["severity"])
        return cls(**d)
