"""PDF (and DOCX, XML, Markdown, text) → structured :class:`Document`.

``extract.parse(path)`` is the one entry point (``extract.reader.parse_file``): it
recognises the format, reads the file into cleaned lines (``extract.pdf``,
``extract.formats``), recognises the structure (``extract.structure``) and infers the
metadata (``extract.metadata``).
"""

from extract.document import KINDS, Document, ExtractionWarning, Passage
from extract.errors import ExtractError

__all__ = ["KINDS", "SUFFIXES", "Document", "ExtractError", "ExtractionWarning", "Passage", "parse"]

# File types the readers take: folder ingest and the upload form offer exactly these.
SUFFIXES = (".pdf", ".docx", ".xml", ".html", ".htm", ".md", ".markdown", ".txt")


def parse(path, kind=None, **kwargs) -> Document:  # noqa: ANN001 - thin re-export
    """Parse a file into a Document; see :func:`extract.reader.parse_file`."""
    from extract.reader import parse_file

    return parse_file(path, kind=kind, **kwargs)
