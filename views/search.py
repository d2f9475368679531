"""Page: Zoeken — full-text search with facets, keyword in context, export and saved searches."""

from __future__ import annotations

import streamlit as st

from extract.document import KIND_LABELS_NL, KINDS
from views import backend
from views.components import esc, kwic_html, reader_link

st.title("Zoeken")

try:
    saved = backend.saved_searches()
    docs = backend.list_documents()
except backend.Unavailable as err:
    st.info(str(err))
    st.stop()


def _load_saved(name: str) -> None:
    s = next((x for x in backend.saved_searches() if x.name == name), None)
    if s is None:
        return
    st.session_state["q"] = s.query
    f = s.filters
    st.session_state["f_kind"] = f.get("kind") or "(alle)"
    st.session_state["f_body"] = f.get("body") or "(alle)"
    st.session_state["f_domain"] = f.get("domain") or "(alle)"


with st.sidebar:
    if saved:
        st.markdown("**Opgeslagen zoekopdrachten**")
        for s in saved:
            st.button(s.name, key=f"saved_{s.name}", on_click=_load_saved, args=(s.name,), type="tertiary",
                      help=f"{s.query} {s.filters}")

q_col, help_col = st.columns([4, 1])
query = q_col.text_input("Zoekvraag", key="q", placeholder='bijv. woningbouw "dagelijks bestuur" -begroting')
with help_col.popover("Zoeksyntax"):
    st.markdown(backend.SEARCH_HELP)

bodies = sorted({d.body for d in docs if d.body})
years = sorted({d.year for d in docs if d.year})
codebook = backend.codebook()
c1, c2, c3, c4, c5 = st.columns(5)
kind = c1.selectbox("Soort", ["(alle)", *KINDS], key="f_kind", format_func=lambda k: KIND_LABELS_NL.get(k, k))
body = c2.selectbox("Gemeente / orgaan", ["(alle)", *bodies], key="f_body")
domain = c3.selectbox("Domein", ["(alle)", *codebook.domains], key="f_domain",
                      format_func=lambda d: codebook.domain_names.get(d, d))
year_range = c4.select_slider("Jaar", options=years, value=(years[0], years[-1]), key="f_years") \
    if len(years) > 1 else None
has_flags = c5.toggle("Alleen met signalen", key="f_flags")
filters = {k: v for k, v in {
    "kind": None if kind == "(alle)" else kind,
    "body": None if body == "(alle)" else body,
    "domain": None if domain == "(alle)" else domain,
    "year_from": year_range[0] if year_range else None,
    "year_to": year_range[1] if year_range else None,
    "has_flags": has_flags or None,
}.items() if v is not None}

def render_hit(h, i: int, more: bool = True) -> None:  # noqa: ANN001 - corpus.search.SearchHit
    """One hit: title linking to the passage in the reader, where, and the escaped snippet."""
    with st.container(border=True):
        where = " · ".join(x for x in (h.body, str(h.year or ""), h.location, f"p. {h.page_start}") if x)
        st.markdown(f'<a href="{esc(reader_link(h.doc_id, h.passage_id))}" target="_self"><b>{esc(h.doc_title)}</b></a>'
                    f'<div style="font-size:0.8em;color:#555">{esc(where)}</div>'
                    f'<div style="margin-top:4px">{kwic_html(h.snippet, h.highlights)}</div>',
                    unsafe_allow_html=True)
        if more and st.button("Meer zoals dit", key=f"mlt_{i}_{h.passage_id}", type="tertiary"):
            st.session_state["similar_to"] = h.passage_id
            st.rerun()


similar_to = st.session_state.get("similar_to")
if similar_to:
    st.markdown("### Meer zoals dit")
    if st.button("Terug naar de zoekresultaten", key="mlt_back"):
        st.session_state.pop("similar_to", None)
        st.rerun()
    try:
        similar_hits = backend.more_like_this(similar_to)
    except backend.Unavailable as err:
        st.info(str(err))
        similar_hits = []
    if not similar_hits:
        st.caption("Geen vergelijkbare passages gevonden.")
    for i, h in enumerate(similar_hits):
        render_hit(h, i, more=False)
    st.stop()

if not query.strip():
    st.info("Typ een zoekvraag. Gebruik de filters om te beperken tot een soort document, gemeente, domein of jaar.")
    st.stop()

try:
    res = backend.search(query, filters)
except backend.Unavailable as err:
    st.info(str(err))
    st.stop()
if res.message:
    st.warning(res.message)

main, facets_col = st.columns([3, 1])
with facets_col:
    st.markdown("**Verdeling**" + ("" if res.facets_exact else " (schatting)"))
    for key, title in (("body", "Gemeente / orgaan"), ("year", "Jaar"), ("kind", "Soort"), ("domain", "Domein")):
        counts = res.facets.get(key) or {}
        if counts:
            st.caption(title)
            st.dataframe([{"waarde": (KIND_LABELS_NL.get(k, k) if key == "kind" else k) or "?", "treffers": n}
                          for k, n in list(counts.items())[:10]], hide_index=True, width="stretch",
                         key=f"facet_{key}")
    with st.popover("Zoekopdracht opslaan"):
        name = st.text_input("Naam", key="save_name")
        if st.button("Opslaan", key="save_search"):
            if name.strip():
                backend.save_search(name.strip(), query, filters)
                st.toast(f"Zoekopdracht '{name.strip()}' opgeslagen.")
                st.rerun()
            else:
                st.error("Geef de zoekopdracht een naam.")

with main:
    approx = "" if res.total_exact else "ca. "
    st.caption(f"{approx}{res.total} {'treffer' if res.total == 1 else 'treffers'} · {len(res.hits)} getoond · "
               f"{res.seconds * 1000:.0f} ms")
    e1, e2, _ = st.columns([1, 1, 3])
    e1.download_button("Exporteer CSV", lambda: backend.hits_csv(res.hits), file_name="zoekresultaten.csv",
                       mime=backend.MIME["csv"], key="export_csv")
    e2.download_button("Exporteer Excel", lambda: backend.hits_xlsx(res.hits, query), file_name="zoekresultaten.xlsx",
                       mime=backend.MIME["xlsx"], key="export_xlsx")
    for i, h in enumerate(res.hits):
        render_hit(h, i)
