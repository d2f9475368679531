"""The codebook: labels, definitions and indicator terms from ONE versioned file.

``models/codebook.json`` is the file a research team edits: domain definitions, tension
fields with their pole names, and weighted indicator terms for the seed model. Every
label the workbench produces records :attr:`Codebook.version_id` ("v<number>+<hash>"),
so a reader can tell which codebook produced it. The explicit ``version`` number is
raised by hand when definitions change meaning; the content hash changes with every
edit (also a single added indicator term).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

POLES: tuple[str, ...] = ("A", "B", "beide")


class CodebookError(ValueError):
    """The codebook file is malformed (message in Dutch)."""


@dataclass(frozen=True, slots=True)
class Domain:
    code: str
    name: str
    definition: str
    indicators: dict[str, float]
    # Generic finance words: count for bedrijfsvoering only when no content domain fires.
    finance_indicators: dict[str, float] = field(default_factory=dict)
    taakvelden: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pole:
    key: str  # "A" or "B"
    name: str
    definition: str
    indicators: dict[str, float]


@dataclass(frozen=True, slots=True)
class TensionField:
    code: str
    name: str
    definition: str
    poles: dict[str, Pole]  # "A", "B"

    def pole_name(self, pole: str) -> str:
        return "beide" if pole == "beide" else self.poles[pole].name


@dataclass(frozen=True, slots=True)
class Codebook:
    name: str
    version: int
    sha256: str
    domains: tuple[Domain, ...]
    tensions: tuple[TensionField, ...]
    compound_min_length: int = 5
    not_compounds: frozenset[str] = frozenset()
    source: str = ""

    @property
    def version_id(self) -> str:
        """What every label records: explicit number + first 12 hex of the content hash."""
        return f"v{self.version}+{self.sha256[:12]}"

    @property
    def domain_codes(self) -> tuple[str, ...]:
        return tuple(d.code for d in self.domains)

    @property
    def tension_codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.tensions)

    def tension(self, code: str) -> TensionField:
        for t in self.tensions:
            if t.code == code:
                return t
        raise KeyError(code)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "version_id": self.version_id,
                "sha256": self.sha256, "domains": list(self.domain_codes),
                "tensions": list(self.tension_codes)}


def _weights(raw: Any, where: str) -> dict[str, float]:
    if not isinstance(raw, dict):
        raise CodebookError(f"{where}: 'indicators' moet een object term → gewicht zijn")
    out: dict[str, float] = {}
    for term, w in raw.items():
        if not isinstance(w, int | float):
            raise CodebookError(f"{where}: gewicht van {term!r} is geen getal")
        out[str(term).strip().lower()] = float(w)
    return out


def parse_codebook(data: dict[str, Any], sha256: str) -> Codebook:
    try:
        domains = tuple(
            Domain(code=d["code"], name=d["name"], definition=d["definition"],
                   indicators=_weights(d.get("indicators", {}), d["code"]),
                   finance_indicators=_weights(d.get("finance_indicators", {}), d["code"]),
                   taakvelden=tuple(d.get("taakvelden", ())))
            for d in data["domains"])
        tensions = []
        for t in data["tensions"]:
            poles = {}
            for key in ("A", "B"):
                p = t["poles"][key]
                poles[key] = Pole(key, p["name"], p["definition"], _weights(p.get("indicators", {}),
                                                                              f"{t['code']}/{key}"))
            tensions.append(TensionField(t["code"], t["name"], t["definition"], poles))
        return Codebook(name=data["name"], version=int(data["version"]), sha256=sha256,
                        domains=domains, tensions=tuple(tensions),
                        compound_min_length=int(data.get("compound_min_length", 5)),
                        not_compounds=frozenset(w.lower() for w in data.get("not_compounds", ())),
                        source=data.get("source", ""))
    except KeyError as err:
        raise CodebookError(f"codeboek mist het veld {err}") from None


def load_codebook(path: str | Path | None = None) -> Codebook:
    """The codebook at ``path``, else ``$DRECHTLENS_CODEBOOK``, else the one in the package."""
    path = path or os.environ.get("DRECHTLENS_CODEBOOK")
    if path:
        try:
            raw = Path(path).read_bytes()
        except OSError as err:
            raise CodebookError(f"codeboek {path} kan niet gelezen worden: {err.strerror}") from None
    else:
        raw = resources.files("models").joinpath("codebook.json").read_bytes()
    return _parse_bytes(raw)


@functools.lru_cache(maxsize=8)
def _parse_bytes(raw: bytes) -> Codebook:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise CodebookError(f"codeboek is geen geldige JSON: {err}") from None
    # Hash the canonical form, so re-indenting the file does not change the version.
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return parse_codebook(data, hashlib.sha256(canonical.encode("utf-8")).hexdigest())
