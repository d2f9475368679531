"""PDF (and DOCX, XML, Markdown, text) → structured :class:`Document`.

``extract.parse(path)`` is the one entry point; see ``extract.parse`` module.
"""

from extract.document import KINDS, Document, ExtractionWarning, Passage
from extract.errors import ExtractError

__all__ = ["KINDS", "Document", "ExtractError", "ExtractionWarning", "Passage", "parse"]


def parse(path, kind=None, **kwargs) -> Document:  # noqa: ANN001 - thin re-export
    """Parse a file into a Document; see :func:`extract.parse.parse_file`."""
    from extract.parse import parse_file

    return parse_file(path, kind=kind, **kwargs)
