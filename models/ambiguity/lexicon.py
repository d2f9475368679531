"""Trigger lists as data: TSV files beside the detectors, validated on load (STYLE §6.2).

Every detector folder may hold ``triggers.tsv`` (``trigger, subclass, weight, source, note``)
and ``allow.tsv`` (``phrase, source, note``). Shared lexicons (organs, verbs) sit in
``models/ambiguity/data``. The loader rejects unknown columns, unknown subclasses and rows
without a ``source`` with a message naming the bad value and the allowed set.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

TRIGGER_COLUMNS = ("trigger", "subclass", "weight", "source", "note")
ALLOW_COLUMNS = ("phrase", "source", "note")


class LexiconError(ValueError):
    """A data file is malformed; the message is Dutch and names file, line and value."""


@dataclass(frozen=True, slots=True)
class Trigger:
    trigger: str
    subclass: str
    weight: float
    source: str
    note: str = ""


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV with exactly ``columns`` as header (``#`` lines are comments)."""
    if not path.exists():
        raise LexiconError(f"{path.name}: bestand ontbreekt ({path})")
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for nr, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            unknown = [c for c in header if c not in columns]
            if unknown or set(header) != set(columns):
                raise LexiconError(f"{path.name}: kolommen {header} zijn onjuist; verwacht {list(columns)} "
                                   f"(onbekend: {unknown or 'geen'})")
            continue
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells, strict=False))
        if not row.get("source"):
            raise LexiconError(f"{path.name}, regel {nr}: kolom 'source' is leeg voor {cells[0]!r}")
        rows.append(row)
    return rows


def load_triggers(path: Path, subclasses: set[str] | frozenset[str]) -> list[Trigger]:
    out = []
    for row in read_tsv(path, TRIGGER_COLUMNS):
        if row["subclass"] not in subclasses:
            raise LexiconError(f"{path.name}: onbekende subclass {row['subclass']!r} bij {row['trigger']!r}; "
                               f"toegestaan: {', '.join(sorted(subclasses))}")
        try:
            weight = float(row["weight"] or 1.0)
        except ValueError:
            raise LexiconError(f"{path.name}: gewicht {row['weight']!r} bij {row['trigger']!r} is geen getal") from None
        out.append(Trigger(row["trigger"].lower(), row["subclass"], weight, row["source"], row.get("note", "")))
    return out


def load_allow(path: Path) -> list[str]:
    return [row["phrase"].lower() for row in read_tsv(path, ALLOW_COLUMNS)]


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any phrase as whole words, longest first.

    Inside a phrase a single space matches any whitespace run, and ``…`` (or ``...``)
    matches a gap of up to six words, so "houdt … rekening met" is one trigger.
    """
    alts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts = re.split(r"\s*(?:…|\.\.\.)\s*", p.strip())
        pieces = [r"\s+".join(re.escape(w) for w in part.split()) for part in parts if part]
        alts.append(r"(?:\s+\S+){0,6}?\s+".join(pieces))
    return re.compile(r"(?<![\w/])(?:" + "|".join(alts) + r")(?![\w/])", re.IGNORECASE)


def file_digest(*paths: Path) -> str:
    """Short content hash of data files: part of a detector's version string."""
    h = hashlib.sha1()
    for p in paths:
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:8]


@functools.cache
def shared_table(name: str, columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    return tuple(read_tsv(HERE / "data" / name, columns))
