"""Readers for the non-PDF formats (the PDF layer is ``extract.pdf``).

Each reader turns a file into a :class:`ReadResult`: cleaned :class:`~extract.lines.Line`
objects for structure recognition, or, for XML whose structure is explicit in the
elements, ready-made passages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extract.document import ExtractionWarning, Passage
from extract.lines import Line


@dataclass(slots=True)
class ReadResult:
    format: str  # "pdf", "docx", "markdown", "text", "xml"
    extractor: str  # reader name + version: part of Document.extractor
    lines: list[Line] = field(default_factory=list)
    page_count: int = 1
    warnings: list[ExtractionWarning] = field(default_factory=list)
    title: str = ""  # a title the source states explicitly (DOCX core properties, XML citeertitel)
    meta: dict[str, Any] = field(default_factory=dict)
    # XML only: passages built straight from the elements, and the kind they imply.
    passages: list[Passage] | None = None
    kind: str | None = None
    body: str = ""
    year: int | None = None


def decode_text(data: bytes, declared: tuple[str, ...] = ()) -> str:
    """Text of a file: a UTF-8 BOM wins, then the ``declared`` encodings (an HTML charset), then UTF-8, then
    Windows-1252; Latin-1 decodes anything."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig", errors="replace")
    for enc in (*declared, "utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")
