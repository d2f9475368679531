"""Lines: the hand-over between reading a file and recognising its structure.

Every reader (PDF, DOCX, Markdown, text) produces cleaned :class:`Line` objects in
reading order: running headers and footers removed, hyphenation and ligatures repaired,
columns unwoven. ``extract.structure`` turns them into passages. Keeping this hand-over
small lets each reader be tested on its own and lets structure recognition be tested
on plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.cleaning import PagePrep


@dataclass(slots=True)
class Line:
    text: str
    page: int  # 1-based
    size: float = 0.0  # median font size in pt; 0 when the reader does not know
    bold: bool = False
    x0: float = 0.0  # left edge in pt (indentation hints), 0 when unknown
    top: float = 0.0
    # Explicit heading level from the source (Markdown "#", a DOCX heading style); 0 = none.
    heading_level: int = 0
    # When set, this line stands for a whole table: rows of cell strings.
    table: list[list[str]] | None = None
    # True when a paragraph ends after this line (blank line in text, paragraph in DOCX,
    # vertical gap in a PDF); structure recognition uses it to split paragraphs.
    para_end: bool = False

    def __reduce__(self) -> tuple:
        # positional pickling: pages cross the worker process boundary as these, and the
        # dataclass default (a state dict per line) costs ~40% more time and bytes
        return (Line, (self.text, self.page, self.size, self.bold, self.x0, self.top, self.heading_level,
                       self.table, self.para_end))


@dataclass(slots=True)
class PageLines:
    """One page after layout analysis."""

    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    has_text_layer: bool = True
    ocr: bool = False  # text came from OCR
    error: str | None = None  # Dutch message when this page could not be read
    # Page-local cleaning done in the worker (extract.cleaning.prepare_page); None = not yet,
    # or the lines were replaced since (OCR)
    prep: PagePrep | None = None
