"""Page: Document reader: outline, passages with label chips and highlighted flags, page image."""

from __future__ import annotations

import streamlit as st

from extract.document import KIND_LABELS_NL
from views import backend
from views.components import (
    SEVERITY_COLOURS,
    Span,
    chips_html,
    esc,
    highlight_html,
    passage_box_html,
    render_pdf_page,
)

st.title("Document")

# A link from search (``?doc=…&passage=…``) wins over the last document opened in this tab.
params = st.query_params
if "doc" in params:
    st.session_state["doc_id"] = params["doc"]
    if "passage" in params:
        st.session_state["passage_id"] = params["passage"]

docs = backend.documents_or_stop("Er zijn nog geen documenten. Voeg ze toe op de pagina Corpus.")

ids = [d.id for d in docs]
titles = {d.id: f"{d.title} ({d.body or '?'}, {d.year or '?'})" for d in docs}
current = st.session_state.get("doc_id")
doc_id = st.selectbox("Document", ids, index=ids.index(current) if current in ids else 0,
                      format_func=titles.get, key="reader_doc")
if doc_id != current:
    st.session_state["doc_id"] = doc_id
    st.session_state.pop("passage_id", None)
st.query_params["doc"] = doc_id

try:
    doc = backend.get_document(doc_id)
except backend.Unavailable as err:
    st.error(str(err))
    st.stop()

st.caption(f"{KIND_LABELS_NL.get(doc.kind, doc.kind)} · {doc.body or 'onbekend orgaan'} · {doc.year or 'jaar onbekend'} · "
           f"{doc.page_count} pagina's · {len(doc.passages)} passages · extractie: {doc.extractor or '?'}")
for w in doc.warnings:
    st.warning(f"Let op{f' (pagina {w.page})' if w.page else ''}: {w.message}")

labels = backend.passage_labels(doc_id)
flag_rows = backend.document_flags(doc_id)
flags_by_passage: dict[str, list] = {}
for row in flag_rows:
    flags_by_passage.setdefault(row.flag.passage_id, []).append(row)
original = backend.original_file(doc_id) if doc.format == "pdf" else None

# -- outline ------------------------------------------------------------------------------
outline = backend.outline(doc)
left, main, side = st.columns([1, 3, 2], gap="medium")
with left:
    st.markdown("**Inhoud**")
    if not outline:
        st.caption("Geen structuur herkend.")
    pick = st.radio("Ga naar", list(range(len(outline))), format_func=lambda i: outline[i].label,
                    key=f"outline_{doc_id}", label_visibility="collapsed", index=None) if outline else None
    chosen = outline[pick].passage_id if pick is not None else None
    only_flagged = st.toggle("Alleen met signalen", key="only_flagged",
                             help="Toon alleen passages waarin de toetsing iets signaleerde.")

target = chosen or st.session_state.get("passage_id")
passages = doc.passages
if only_flagged:
    passages = [p for p in passages if p.id in flags_by_passage]
# Long documents: show a window of passages around the chosen one.
WINDOW = 40
start = 0
if target:
    idx = next((i for i, p in enumerate(passages) if p.id == target), 0)
    start = max(0, idx - 3)
window = passages[start:start + WINDOW]

focus = next((p for p in window if p.id == target), window[0] if window else None)

with main:
    if not window:
        st.info("Geen passages om te tonen.")
    if start or len(passages) > start + WINDOW:
        st.caption(f"Passages {start + 1}–{start + len(window)} van {len(passages)}; kies in de inhoud om te springen.")
    for p in window:
        rows = flags_by_passage.get(p.id, [])
        spans = [Span(r.flag.start, r.flag.end, title=f"{r.flag.type} {r.flag.name}: {r.flag.question}",
                      colour=SEVERITY_COLOURS.get(r.flag.severity.nl, "#fff3b0")) for r in rows]
        caption = " · ".join(x for x in (p.location, f"p. {p.pages}", p.heading) if x)
        if p.block == "table":
            body = ('<div style="font-family:monospace;white-space:pre-wrap">'
                    f"{highlight_html(p.text, spans, keep_newlines=False)}</div>")
        else:
            body = highlight_html(p.text, spans)
        style = ' style="outline:2px solid #1565c0;border-radius:6px"' if focus and p.id == focus.id else ""
        st.markdown(f'<div id="p-{esc(p.id)}"{style}>'
                    f"{passage_box_html(chips_html(labels.get(p.id, [])) + body, caption)}</div>",
                    unsafe_allow_html=True)
        for r in rows:
            st.caption(f"⚑ {r.flag.type} · {r.flag.severity.nl} · {r.flag.name} — status: {r.status_nl}")

with side:
    if original is None:
        st.caption("Geen origineel PDF-bestand bewaard: paginabeeld niet beschikbaar.")
    elif doc.page_count:
        default_page = focus.page_start if focus else 1
        page_no = st.number_input("Originele pagina", min_value=1, max_value=max(doc.page_count, 1),
                                  value=min(max(default_page, 1), max(doc.page_count, 1)), key=f"page_{doc_id}_{default_page}")
        png = render_pdf_page(original, int(page_no))
        if png:
            with st.container(border=True):
                st.image(png, caption=f"Pagina {page_no} van het originele bestand", width="stretch")
        else:
            st.caption("Deze pagina kan niet getoond worden.")
