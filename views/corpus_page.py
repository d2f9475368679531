"""Page: Corpus (start page): upload documents, list and filter them, delete with care."""

from __future__ import annotations

import streamlit as st

from extract.document import KIND_LABELS_NL, KINDS
from views import backend
from views.components import goto_document

st.title("Corpus")
st.caption("Upload regelingen, akkoorden en agenda's; elk bestand wordt ontleed, gelabeld en getoetst.")

# -- upload ------------------------------------------------------------------------------
with st.expander("Documenten toevoegen", expanded="upload_results" in st.session_state):
    with st.form("upload", clear_on_submit=True):
        files = st.file_uploader(
            "Bestanden (PDF, DOCX, XML, HTML, Markdown of tekst; meerdere tegelijk)",
            type=list(backend.UPLOAD_TYPES), accept_multiple_files=True, key="upload_files",
            help=f"Maximaal {backend.MAX_UPLOAD_MB} MB per bestand.", max_upload_size=backend.MAX_UPLOAD_MB,
        )
        kind = st.selectbox("Documentsoort", ["(automatisch herkennen)", *KINDS],
                            format_func=lambda k: KIND_LABELS_NL.get(k, k), key="upload_kind")
        submitted = st.form_submit_button("Toevoegen aan corpus", type="primary")
    if submitted and files:
        override = None if kind.startswith("(") else kind
        results = []
        for f in files:
            bar = st.progress(0.05, text=f"{f.name}: ontleden en analyseren…")
            outcome = backend.ingest_upload(
                f.name, f.getvalue(), kind=override,
                progress=lambda frac, msg, bar=bar, name=f.name: bar.progress(min(max(frac, 0.0), 1.0),
                                                                              text=f"{name}: {msg}"),
            )
            bar.progress(1.0, text=f"{f.name}: {'klaar' if outcome.ok else 'mislukt'}")
            results.append((f.name, outcome))
        # Rerun so the sidebar and the list include the new documents; the outcomes survive it.
        st.session_state["upload_results"] = results
        st.rerun()
    elif submitted:
        st.warning("Kies eerst een of meer bestanden.")
    for name, outcome in st.session_state.pop("upload_results", []):
        if outcome.ok:
            st.success(f"{name}: {outcome.message}")
            for w in outcome.warnings:
                st.warning(f"{name}: {w}")
        else:
            st.error(f"{name}: {outcome.message}")

# -- list ----------------------------------------------------------------------------------
docs = backend.documents_or_stop("Het corpus is nog leeg. Voeg hierboven documenten toe, of laad het "
                                  "demo-corpus met `drechtlens demo`.")

c1, c2, c3, c4 = st.columns(4)
kinds = c1.multiselect("Soort", sorted({d.kind for d in docs}), format_func=lambda k: KIND_LABELS_NL.get(k, k),
                       placeholder="Kies…", key="corpus_kind")
bodies = c2.multiselect("Gemeente / orgaan", sorted({d.body for d in docs if d.body}), placeholder="Kies…",
                        key="corpus_body")
years = sorted({d.year for d in docs if d.year})
year_range = c3.select_slider("Jaar", options=years, value=(years[0], years[-1]), key="corpus_years") \
    if len(years) > 1 else None
text_filter = c4.text_input("Titel bevat", key="corpus_title")

shown = [
    d for d in docs
    if (not kinds or d.kind in kinds) and (not bodies or d.body in bodies)
    and (year_range is None or d.year is None or year_range[0] <= d.year <= year_range[1])
    and (not text_filter or text_filter.lower() in d.title.lower())
]
st.caption(f"{len(shown)} van {len(docs)} documenten")
rows = [{
    "Titel": d.title, "Soort": KIND_LABELS_NL.get(d.kind, d.kind), "Gemeente / orgaan": d.body,
    "Jaar": d.year, "Pagina's": d.pages, "Passages": d.passages, "Signalen": d.flags,
    "Open signalen": d.open_flags, "Labels": d.labels, "Formaat": d.format,
} for d in shown]
event = st.dataframe(rows, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                     key="corpus_table")
selected = [shown[i] for i in event.selection.rows] if event and event.selection.rows else []

if selected:
    doc = selected[0]
    st.subheader(doc.title)
    b1, b2, b3 = st.columns(3)
    if b1.button("Openen in lezer", key="open_doc", type="primary"):
        goto_document(doc.id)
    if b2.button("Toetsen", key="review_doc"):
        st.session_state["doc_id"] = doc.id
        st.switch_page("views/review.py")
    with b3.popover("Verwijderen…"):
        st.markdown(f"**{doc.title}** en zijn passages, labels en signalen worden verwijderd. "
                    "Uw coderingen en toetsingsbesluiten blijven bewaard in de database.")
        shared_store = backend.store()  # captured: the file is built on click, outside this script run
        st.download_button("Eerst coderingen en besluiten exporteren (JSON)",
                           lambda: backend.export_user_data(doc.id, shared_store),
                           file_name=f"drechtlens-gebruikersdata-{doc.id[:12]}.json",
                           mime="application/json", key="export_user_data")
        if st.button("Definitief verwijderen", key="confirm_delete", type="primary"):
            try:
                backend.delete_document(doc.id)
            except backend.Unavailable as err:
                st.error(str(err))
            else:
                st.session_state.pop("doc_id", None)
                st.toast(f"{doc.title} is verwijderd.")
                st.rerun()
