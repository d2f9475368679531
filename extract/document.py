"""The structured document: what every other part of Drechtlens reads.

A :class:`Document` is one source file (PDF, DOCX, XML, Markdown, text) turned into an
ordered list of :class:`Passage` objects. Each passage knows where it sits in the
structure (its ``path``: hoofdstuk → artikel → lid → onderdeel for a regulation,
section numbers for an agreement, the item number for an agenda) and on which pages it
stands, so every later result (a label, a flag, a search hit) can point back to
"artikel 5, tweede lid, onder b, pagina 3".

JSON schema (``Document.to_json``; ``schema_version`` 1)::

    {
      "schema_version": 1,
      "id": "<sha256 of the file bytes>",
      "title": str, "kind": "regeling" | "akkoord" | "agenda" | "overig",
      "body": str,            # municipality or public body ("Gemeente Dordrecht", "GR Drechtsteden")
      "year": int | null, "page_count": int, "source_file": str, "format": "pdf" | "docx" | ...,
      "extractor": str,       # version + settings fingerprint of the extraction that ran
      "warnings": [{"code": str, "message": str, "page": int | null}],
      "meta": {...},          # free-form provenance (manifest row, XML identifiers, ...)
      "passages": [
        {"id": str, "seq": int, "path": [[level, label], ...], "heading": str,
         "text": str, "page_start": int, "page_end": int,
         "block": "text" | "table", "part": "" | "aanhef" | "dispositief" | "toelichting" | "bijlage"}
      ]
    }

``path`` levels, outermost first: ``hoofdstuk``, ``paragraaf``, ``artikel``, ``lid``,
``onderdeel``, ``subonderdeel`` (regulations); ``sectie`` (agreements, reports: the
number or a slug of the heading); ``agendapunt`` and ``besluit`` (agendas).
Labels are kept as written: ``("artikel", "5a")``, ``("lid", "2")``, ``("onderdeel", "b")``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

Kind = Literal["regeling", "akkoord", "agenda", "overig"]
KINDS: tuple[str, ...] = ("regeling", "akkoord", "agenda", "overig")
KIND_LABELS_NL = {
    "regeling": "Regeling",
    "akkoord": "Akkoord / rapport",
    "agenda": "Agenda / besluitenlijst",
    "overig": "Overig",
}

# Outermost first; used to order and validate path levels.
LEVELS: tuple[str, ...] = (
    "hoofdstuk", "paragraaf", "artikel", "lid", "onderdeel", "subonderdeel",
    "sectie", "agendapunt", "besluit",
)
PARTS: tuple[str, ...] = ("", "aanhef", "dispositief", "toelichting", "bijlage")
BLOCKS: tuple[str, ...] = ("text", "table")

PathStep = tuple[str, str]


@dataclass(frozen=True, slots=True)
class ExtractionWarning:
    """Something a user should know about the extraction, in Dutch (``page`` is 1-based)."""

    code: str  # e.g. "no-text-layer", "page-error", "ocr-used", "encrypted"
    message: str
    page: int | None = None


@dataclass(slots=True)
class Passage:
    id: str
    seq: int
    text: str
    page_start: int
    page_end: int
    path: tuple[PathStep, ...] = ()
    heading: str = ""
    block: str = "text"
    part: str = ""

    def get(self, level: str) -> str | None:
        """The label at ``level`` ("artikel", "lid", ...) or None."""
        for lvl, label in self.path:
            if lvl == level:
                return label
        return None

    @property
    def artikel(self) -> str | None:
        return self.get("artikel")

    @property
    def lid(self) -> str | None:
        return self.get("lid")

    @property
    def onderdeel(self) -> str | None:
        return self.get("onderdeel")

    @property
    def location(self) -> str:
        """Human-readable Dutch location: "artikel 5, lid 2, onder b" or "sectie 3.1"."""
        parts = []
        for lvl, label in self.path:
            if lvl == "onderdeel":
                parts.append(f"onder {label}")
            elif lvl == "subonderdeel":
                parts.append(f"sub {label}")
            else:
                parts.append(f"{lvl} {label}")
        return ", ".join(parts)

    @property
    def pages(self) -> str:
        return str(self.page_start) if self.page_start == self.page_end else f"{self.page_start}–{self.page_end}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = [list(step) for step in self.path]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Passage:
        d = dict(d)
        d["path"] = tuple((str(a), str(b)) for a, b in d.get("path", ()))
        return cls(**d)


def passage_id(doc_id: str, seq: int) -> str:
    """Stable passage id: the same file parsed by the same extractor gives the same ids."""
    return f"{doc_id[:12]}-{seq:05d}"


@dataclass(slots=True)
class Document:
    id: str
    title: str
    kind: str
    passages: list[Passage] = field(default_factory=list)
    body: str = ""
    year: int | None = None
    page_count: int = 0
    source_file: str = ""
    format: str = ""
    extractor: str = ""
    warnings: list[ExtractionWarning] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")

    # -- views -------------------------------------------------------------------
    def __iter__(self) -> Iterator[Passage]:
        return iter(self.passages)

    def __len__(self) -> int:
        return len(self.passages)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.passages)

    def dispositief(self) -> list[Passage]:
        """The normative text only: drops aanhef, toelichting and bijlagen."""
        return [p for p in self.passages if p.part in ("", "dispositief")]

    def artikel(self, nr: str) -> list[Passage]:
        return [p for p in self.dispositief() if p.artikel == str(nr)]

    def lid(self, artikel: str, lid: str | int) -> list[Passage]:
        return [p for p in self.artikel(artikel) if p.lid == str(lid)]

    def artikelen(self) -> list[str]:
        """Article labels in document order (dispositief only), without repeats."""
        seen: dict[str, None] = {}
        for p in self.dispositief():
            if p.artikel is not None:
                seen.setdefault(p.artikel, None)
        return list(seen)

    def tree(self) -> dict[str, list[str]]:
        """artikel → its leden in order: the shape tests compare between sources."""
        out: dict[str, list[str]] = {}
        for p in self.dispositief():
            a = p.artikel
            if a is None:
                continue
            leden = out.setdefault(a, [])
            if p.lid is not None and p.lid not in leden:
                leden.append(p.lid)
        return out

    # -- serialisation -----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "body": self.body,
            "year": self.year,
            "page_count": self.page_count,
            "source_file": self.source_file,
            "format": self.format,
            "extractor": self.extractor,
            "warnings": [asdict(w) for w in self.warnings],
            "meta": self.meta,
            "passages": [p.to_dict() for p in self.passages],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        version = d.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(f"schema_version {version} wordt niet ondersteund (verwacht {SCHEMA_VERSION})")
        return cls(
            id=d["id"],
            title=d.get("title", ""),
            kind=d.get("kind", "overig"),
            body=d.get("body", ""),
            year=d.get("year"),
            page_count=d.get("page_count", 0),
            source_file=d.get("source_file", ""),
            format=d.get("format", ""),
            extractor=d.get("extractor", ""),
            warnings=[ExtractionWarning(**w) for w in d.get("warnings", [])],
            meta=d.get("meta", {}),
            passages=[Passage.from_dict(p) for p in d.get("passages", [])],
        )

    @classmethod
    def from_json(cls, s: str) -> Document:
        return cls.from_dict(json.loads(s))

    def to_markdown(self) -> str:
        """A readable rendering: headings, locations and pages (``drechtlens parse --format md``)."""
        lines = [f"# {self.title}", "", f"*{KIND_LABELS_NL.get(self.kind, self.kind)}* · {self.body or '?'} · "
                 f"{self.year or '?'} · {self.page_count} pagina's", ""]
        for w in self.warnings:
            where = f" (p. {w.page})" if w.page else ""
            lines.append(f"> Let op{where}: {w.message}")
        last_heading = None
        for p in self.passages:
            if p.heading and p.heading != last_heading:
                lines += ["", f"## {p.heading}", ""]
                last_heading = p.heading
            loc = f"{p.location} · " if p.path else ""
            lines.append(f"<sub>{loc}p. {p.pages}</sub>")
            if p.block == "table":
                lines.append("```")
                lines.append(p.text)
                lines.append("```")
            else:
                lines.append(p.text)
            lines.append("")
        return "\n".join(lines)


def renumber(doc_id: str, passages: Iterable[Passage]) -> list[Passage]:
    """Give passages consecutive ``seq`` numbers and the stable ids derived from them."""
    out = []
    for seq, p in enumerate(passages):
        p.seq = seq
        p.id = passage_id(doc_id, seq)
        out.append(p)
    return out
