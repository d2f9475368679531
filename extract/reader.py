"""One file → one structured :class:`~extract.document.Document`.

``parse_file`` recognises the format from the content first (``%PDF``, a ZIP with
``word/document.xml``, an HTML doctype, an XML declaration / root element) and from the extension second,
so a PDF named ``.txt`` is still read as a PDF and garbage named ``.pdf`` gets a clear
Dutch error instead of a traceback. Then the reader runs (``extract.pdf.read_pdf`` for PDF,
``extract.formats`` for the rest), the kind, title, body and year are inferred
(``extract.metadata``; each can be given explicitly), and ``extract.structure`` builds the
passages (XML carries its own structure).

``Document.id`` is the SHA-256 of the file bytes; ``Document.extractor`` names the reader
and the structure recogniser versions so stored results can be traced and re-run.
"""

from __future__ import annotations

import hashlib
import logging
import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

from extract.document import KINDS, Document, ExtractionWarning, renumber
from extract.errors import ExtractError
from extract.formats import ReadResult, decode_text
from extract.metadata import (
    detect_kind,
    infer_body,
    infer_title,
    infer_year,
    kamerstuk_title,
    kind_from_scores,
    kind_scores,
    regeling_title,
)
from extract.structure import OutlineEntry, build_passages

log = logging.getLogger(__name__)

STRUCTURE_VERSION = "structure/1"
TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".mdown"}
SUPPORTED = "geen PDF, DOCX, XML, HTML, Markdown of tekstbestand"
HINT = "Ondersteund zijn .pdf, .docx, .xml (BWB/CVDR), .html (CVDR-pagina's), .md en .txt."
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(rb"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def sniff(data: bytes, suffix: str) -> str:
    """The format of ``data``: "pdf", "docx", "xml", "html", "markdown", "text"; ExtractError otherwise."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise ExtractError(f"is een ZIP-archief maar geen Word-document (DOCX); het is {SUPPORTED}.", hint=HINT)
    if _looks_like_html(head, suffix):
        return "html"
    if head.startswith(b"<?xml") or (suffix == ".xml" and head.startswith(b"<")):
        return "xml"
    if suffix == ".pdf":
        raise ExtractError("heeft de extensie .pdf maar is geen PDF-bestand (de kop '%PDF' ontbreekt).",
                           hint="Het bestand is mogelijk beschadigd of onvolledig gedownload.")
    if suffix == ".docx":
        raise ExtractError("heeft de extensie .docx maar is geen Word-document (DOCX).",
                           hint="Oudere .doc-bestanden eerst opslaan als .docx of PDF.")
    if suffix == ".xml":
        raise ExtractError("heeft de extensie .xml maar bevat geen XML.", hint=HINT)
    if suffix in TEXT_EXTENSIONS or suffix == "":
        if _looks_like_text(data):
            return "markdown" if suffix in (".md", ".markdown", ".mdown") else "text"
        raise ExtractError(f"bevat geen leesbare tekst; het is {SUPPORTED}.", hint=HINT)
    raise ExtractError(f"is {SUPPORTED} (extensie '{suffix}').", hint=HINT)


def _looks_like_html(head: bytes, suffix: str) -> bool:
    """An HTML page: a doctype or <html> tag up front (after an XML declaration or a "saved from" comment),
    or any markup in a file named .html; an .xml file is always read as XML."""
    if suffix == ".xml" or not head.startswith(b"<"):
        return False
    if suffix in HTML_EXTENSIONS:
        return True
    return _HTML_START.match(head) is not None


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return False
    text = decode_text(sample)
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return printable >= 0.95 * max(1, len(text))


def _read_pdf(path: Path, settings: Any) -> ReadResult:
    try:
        from extract.pdf import read_pdf
    except ImportError as err:  # the PDF layer is a separate module; say so rather than crash
        raise ExtractError("kan niet worden gelezen: de PDF-lezer (extract.pdf) is niet beschikbaar.",
                           file=str(path)) from err
    pdf = read_pdf(path, settings=settings)
    lines = [ln for page in pdf.pages for ln in page.lines]
    return ReadResult(format="pdf", extractor=str(pdf.extractor), lines=lines, page_count=pdf.page_count,
                      warnings=list(pdf.warnings))


def read_any(path: Path, data: bytes, fmt: str, settings: Any = None) -> ReadResult:
    name = path.name
    if fmt == "pdf":
        return _read_pdf(path, settings)
    if fmt == "docx":
        from extract.formats.docx import read_docx

        return read_docx(data, name)
    if fmt == "xml":
        from extract.formats.xml import read_xml

        return read_xml(data, name)
    if fmt == "html":
        from extract.formats.html import read_html

        return read_html(data, name)
    from extract.formats.markdown import read_markdown

    return read_markdown(decode_text(data), markdown=(fmt == "markdown"))


def parse_file(path: str | Path, kind: str | None = None, *, settings: Any = None, title: str | None = None,
               body: str | None = None, year: int | None = None) -> Document:
    """Read ``path`` and return its structured Document; ExtractError (Dutch) for unreadable input."""
    path = Path(path)
    if kind is not None and kind not in KINDS:
        raise ExtractError(f"onbekende documentsoort '{kind}'; kies uit {', '.join(KINDS)}.", file=path.name)
    if not path.exists():
        raise ExtractError("bestaat niet.", file=str(path), hint="Controleer het pad.")
    if path.is_dir():
        raise ExtractError("is een map, geen bestand.", file=str(path))
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ExtractError(f"kan niet worden gelezen ({err.strerror}).", file=str(path)) from err
    if not data.strip():
        raise ExtractError("is leeg.", file=path.name, hint="Kies een bestand met inhoud.")
    try:
        fmt = sniff(data, path.suffix.lower())
    except ExtractError as err:
        raise ExtractError(err.message, file=path.name, hint=err.hint) from None
    try:
        return _parse(path, data, fmt, kind, settings, title, body, year)
    except ExtractError as err:
        if not err.file:
            raise ExtractError(err.message, file=path.name, page=err.page, hint=err.hint) from err
        raise
    except Exception as err:  # a bug must still reach the user as a sentence, not a traceback
        log.exception("parse_file failed on %s", path)
        raise ExtractError(f"kon niet worden verwerkt door een interne fout ({type(err).__name__}).",
                           file=path.name, hint="Meld dit bestand bij de beheerders van Drechtlens.") from err


def _parse(path: Path, data: bytes, fmt: str, kind: str | None, settings: Any, title: str | None,
           body: str | None, year: int | None) -> Document:
    result = read_any(path, data, fmt, settings)
    warnings: list[ExtractionWarning] = list(result.warnings)
    doc_id = hashlib.sha256(data).hexdigest()

    lines = result.lines
    meta = dict(result.meta)
    meta["kind_detected"] = kind is None
    if kind is None and result.kind is None:
        meta["kind_scores"] = kind_scores(lines, path.name)
        doc_kind = kind_from_scores(meta["kind_scores"])  # = detect_kind, without scoring twice
    else:
        doc_kind = kind or result.kind or detect_kind(lines, path.name)
    if result.passages is not None:
        passages = renumber(doc_id, result.passages)
    else:
        outline: list[OutlineEntry] = []
        passages = build_passages(doc_id, lines, doc_kind, outline)
        if kind is None and doc_kind == "regeling" and not any(p.artikel for p in passages if p.part == "dispositief"):
            # Regulation cues ("Gelet op", "verordening") but no article structure: a text *about*
            # regulations (a plan explanation, a memo). Use the next best kind instead.
            scores = {k: v for k, v in kind_scores(lines, path.name).items() if k != "regeling"}
            best = max(scores, key=lambda k: scores[k])
            doc_kind = best if scores[best] >= 3.0 else "overig"
            meta["kind_fallback"] = "regeling zonder artikelen"
            outline = []
            passages = build_passages(doc_id, lines, doc_kind, outline)
        meta["outline"] = [entry.to_dict() for entry in outline]
    if not passages:
        warnings.append(ExtractionWarning(code="no-text", message="Er is geen tekst in dit bestand gevonden."))
    if not title and not result.title:
        title = kamerstuk_title([ln.text for ln in lines[:40] if ln.text.strip()]) or None
    if not title and not result.title and doc_kind == "regeling":
        title = regeling_title([p.text for p in passages if p.part == "aanhef"]) or None
    return Document(
        id=doc_id,
        title=title or result.title or infer_title(lines, path.name) or path.stem,
        kind=doc_kind,
        passages=passages,
        body=body if body is not None else (result.body or infer_body(lines, path.name)),
        year=year if year is not None else (result.year or infer_year(lines, path.name)),
        page_count=result.page_count,
        source_file=str(path),
        format=result.format,
        extractor=f"{result.extractor}+{STRUCTURE_VERSION}",
        warnings=warnings,
        meta=meta,
    )

