"""Page: Over deze analyse — which pipeline, models and codebook produced what is shown."""

from __future__ import annotations

import streamlit as st

from views import backend

st.title("Over deze analyse")
info = backend.about()

st.subheader("Taalverwerking")
st.markdown(f"Pijplijn in gebruik: **{info.pipeline}**")
if info.missing:
    st.warning("Niet beschikbaar in deze pijplijn: " + ", ".join(info.missing) + ". Onderdelen die deze "
               "kenmerken nodig hebben, werken met eenvoudiger regels.")
else:
    st.success("Alle taalkenmerken zijn beschikbaar.")
st.markdown(f"Codeboek: **{info.codebook}**  \nClassificatie: **{info.model}**")
if info.detectors:
    with st.expander(f"Detectoren voor onduidelijkheid ({len(info.detectors)})"):
        st.dataframe(info.detectors, hide_index=True, width="stretch")

st.subheader("Onderdelen")
st.dataframe(info.components, hide_index=True, width="stretch")

st.subheader("Modellen achter de opgeslagen resultaten")
if info.producers:
    st.dataframe(info.producers, hide_index=True, width="stretch")
else:
    st.caption("Nog geen labels of signalen opgeslagen.")

st.subheader("Corpus")
st.dataframe([{"maat": k, "waarde": str(v)} for k, v in info.stats.items()], hide_index=True)
st.caption(f"Database: {backend.db_label()}")
