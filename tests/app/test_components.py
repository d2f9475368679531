"""Unit tests of the HTML helpers: document text can never become markup."""

from __future__ import annotations

import pytest

from views.components import (
    Span,
    chips_html,
    esc,
    highlight_html,
    kwic_html,
    passage_box_html,
    render_pdf_page,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</mark><script>x</script>",
    "<a href='javascript:alert(1)'>klik</a>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_highlight_escapes_every_piece(payload):
    text = f"Het bestuur {payload} kan zo nodig besluiten."
    start = text.index("zo nodig")
    out = highlight_html(text, [Span(start, start + 8, title=payload), Span(0, 12, title="x")])
    assert "<script" not in out and "<img" not in out and "<svg" not in out and "<a " not in out
    assert out.count("<mark") == 2 and out.count("</mark>") == 2
    assert esc(payload) in out  # shown as text, in the body and in the title attribute
    # Inside the highlighted span and in its title the payload is escaped as well.
    payload_in_span = highlight_html(payload, [Span(0, len(payload), title=payload)])
    assert "<" not in payload_in_span.replace("<mark", "").replace("</mark>", "")


def test_highlight_keeps_text_and_offsets():
    text = "a < b & c > d"
    out = highlight_html(text, [Span(2, 3)])
    assert out.startswith("a <mark") and ">&lt;</mark> b &amp; c &gt; d" in out


def test_overlapping_and_out_of_range_spans():
    text = "abcdefghij"
    out = highlight_html(text, [Span(2, 6, title="een"), Span(4, 8, title="twee"), Span(-5, 1), Span(9, 99),
                                Span(5, 5)])
    # cut at every boundary: a | b | cd | ef | gh | i | j
    assert out.count("<mark") == 5
    assert 'title="een · twee">ef</mark>' in out
    assert "".join(ch for ch in _strip_tags(out)) == text


def _strip_tags(html_text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", html_text)


def test_newlines_become_breaks_only_when_asked():
    assert highlight_html("a\nb", []) == "a<br>b"
    assert highlight_html("a\nb", [], keep_newlines=False) == "a\nb"


def test_colour_cannot_inject_style():
    out = highlight_html("abc", [Span(0, 3, colour="red;background:url(javascript:x)")])
    assert "javascript" not in out


def test_chips_kwic_and_box_escape():
    assert "&lt;b&gt;" in chips_html(["<b>"])
    assert kwic_html("<i>woning</i>bouw", [(3, 9)]) == ('&lt;i&gt;<mark style="background:#ffe082;padding:0 1px;'
                                                       'border-radius:2px" title="">woning</mark>&lt;/i&gt;bouw')
    assert "&lt;script&gt;" in passage_box_html("", caption="<script>")


def test_render_pdf_page():
    from tests.app.conftest import make_pdf

    pdf = make_pdf(["Artikel 1", "tekst"], pages=2)
    png = render_pdf_page(pdf, 2)
    assert png and png[:8] == b"\x89PNG\r\n\x1a\n"
    assert render_pdf_page(pdf, 3) is None
    assert render_pdf_page(b"geen pdf", 1) is None
