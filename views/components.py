"""Shared widgets and safe HTML helpers for the workbench pages.

Every piece of text that came from a document (and so may contain ``<script>`` or an
``onerror`` attribute written into a PDF) goes through :func:`html.escape` before it is
put inside HTML. The helpers here are the only places that build HTML by hand; pages
render their output with ``st.markdown(..., unsafe_allow_html=True)``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Severity → background colour of a highlighted flag span (light, readable on white).
SEVERITY_COLOURS = {
    "kritiek": "#f8c4c4",
    "zorg": "#fde2b8",
    "suggestie": "#fff3b0",
    "info": "#dbe9f6",
}
DEFAULT_MARK = "#fff3b0"

DOMAIN_COLOURS = {
    "ruimtelijk-economisch": "#2e7d32",
    "sociaal": "#c2185b",
    "bedrijfsvoering": "#5d4037",
    "bestuur": "#1565c0",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of ``text[start:end]``; ``title`` becomes the hover text."""

    start: int
    end: int
    title: str = ""
    colour: str = DEFAULT_MARK


def esc(text: object) -> str:
    """HTML-escape any value (quotes too, so it is safe inside attributes)."""
    return html.escape("" if text is None else str(text), quote=True)


def highlight_html(text: str, spans: Iterable[Span], *, keep_newlines: bool = True) -> str:
    """``text`` as HTML with every span wrapped in ``<mark>``; all text pieces escaped.

    Overlapping spans are handled by cutting the text at every span boundary: a piece
    covered by several spans is marked once, with the titles joined and the colour of
    the first span. Offsets outside the text are clipped; empty spans are ignored.
    """
    n = len(text)
    clean = [s for s in spans if min(max(s.start, 0), n) < min(max(s.end, 0), n)]
    cuts = {0, n}
    for s in clean:
        cuts.add(min(max(s.start, 0), n))
        cuts.add(min(max(s.end, 0), n))
    bounds = sorted(cuts)
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = esc(text[a:b])
        if keep_newlines:
            piece = piece.replace("\n", "<br>")
        cover = [s for s in clean if s.start <= a and s.end >= b]
        if cover:
            title = esc(" · ".join(dict.fromkeys(s.title for s in cover if s.title)))
            out.append(f'<mark style="background:{_colour(cover[0].colour)};padding:0 1px;'
                       f'border-radius:2px" title="{title}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _colour(value: str) -> str:
    """Only hex colours reach a style attribute (colours are ours, but be strict)."""
    v = value.strip()
    if v.startswith("#") and len(v) in (4, 7) and all(c in "0123456789abcdefABCDEF" for c in v[1:]):
        return v
    return DEFAULT_MARK


def chips_html(labels: Sequence[str], colours: dict[str, str] | None = None) -> str:
    """Labels as small rounded chips; each label is escaped."""
    colours = colours or DOMAIN_COLOURS
    parts = []
    for label in labels:
        c = _colour(colours.get(label, "#546e7a"))
        parts.append(f'<span style="display:inline-block;margin:0 4px 2px 0;padding:1px 8px;'
                     f'border-radius:10px;font-size:0.8em;color:white;background:{c}">{esc(label)}</span>')
    return "".join(parts)


def kwic_html(snippet: str, offsets: Iterable[tuple[int, int]]) -> str:
    """A keyword-in-context snippet with the matched terms in bold-marked spans, escaped."""
    return highlight_html(snippet, [Span(a, b, colour="#ffe082") for a, b in offsets], keep_newlines=False)


def passage_box_html(body_html: str, caption: str = "") -> str:
    """Wrap already-safe HTML in a bordered box; ``caption`` is escaped here."""
    cap = f'<div style="font-size:0.8em;color:#555;margin-bottom:4px">{esc(caption)}</div>' if caption else ""
    return (f'<div style="border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:4px 0;'
            f'line-height:1.55">{cap}{body_html}</div>')


# -- navigation ------------------------------------------------------------------------------
def goto_document(doc_id: str, passage_id: str | None = None) -> None:
    """Open the reader on a document (and passage); the choice also lands in the URL."""
    import streamlit as st

    st.session_state["doc_id"] = doc_id
    if passage_id:
        st.session_state["passage_id"] = passage_id
    else:
        st.session_state.pop("passage_id", None)
    st.switch_page("views/document.py")


def reader_link(doc_id: str, passage_id: str | None = None) -> str:
    """Relative URL of the reader for a passage (works in a new tab: state lives in the store)."""
    from urllib.parse import urlencode

    params = {"doc": doc_id}
    if passage_id:
        params["passage"] = passage_id
    return "document?" + urlencode(params)


# -- original page images ------------------------------------------------------------------------
def render_pdf_page(pdf_bytes: bytes, page: int, scale: float = 1.4) -> bytes | None:
    """PNG of one 1-based page of a PDF, or None when it cannot be rendered."""
    import io

    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError:
        return None
    try:
        if not 1 <= page <= len(pdf):
            return None
        image = pdf[page - 1].render(scale=scale).to_pil()
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        return buf.getvalue()
    finally:
        pdf.close()
