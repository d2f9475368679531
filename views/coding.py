"""Page: Coderen — researchers code passages by domain and tension field (active learning)."""

from __future__ import annotations

import streamlit as st

from views import backend
from views.components import DOMAIN_COLOURS, chips_html, esc, passage_box_html

st.title("Coderen")
st.caption("Codeer passages naar beleidsdomein en spanningsveld. De wachtrij kiest de passages waar het model "
           "het meest van leert. Sneltoetsen: 1–4 domeinen aan/uit, Ctrl+Enter opslaan en volgende, "
           "Ctrl+→ overslaan.")

coder = (st.session_state.get("user_name") or "").strip()
codebook = backend.codebook()

tab_code, tab_train, tab_agree = st.tabs(["Wachtrij", "Opnieuw trainen", "Overeenstemming"])

with tab_code:
    if not coder:
        st.warning("Vul in de zijbalk uw naam in: coderingen worden per codeur opgeslagen.")
    try:
        progress = backend.coding_progress(coder)
        item = backend.next_passage(coder, skip=st.session_state.get("skipped", []))
    except backend.Unavailable as err:
        st.info(str(err))
        item = None
        progress = None
    if progress is not None:
        st.progress(progress.fraction, text=f"{progress.coded_by_you} passages door u gecodeerd · "
                                            f"{progress.coded_total} in totaal · {progress.candidates} in het corpus")
    if progress is not None and item is None:
        st.success("Geen passages meer in de wachtrij.")
    # A passage this coder coded meanwhile in another tab leaves the queue: say so, instead of
    # letting a click meant for it land on the next passage.
    previous = st.session_state.get("coding_shown")
    if item is not None and coder and previous and previous != item.passage.id \
            and not st.session_state.pop("coding_left", False) and backend.coding_version(previous, coder):
        st.warning("De vorige passage is intussen in een ander venster of tabblad door u gecodeerd. Die codering "
                   "is bewaard; wat u hier had ingevuld is niet opgeslagen. Dit is de volgende passage.")
    st.session_state["coding_shown"] = item.passage.id if item is not None else None
    if item is not None:
        p = item.passage
        st.markdown(f"**{esc(item.doc_title)}** — {esc(p.location or 'passage')} · p. {esc(p.pages)} · "
                    f"keuze: {esc(item.reason)}", unsafe_allow_html=True)
        if item.before:
            st.markdown(passage_box_html(f'<span style="color:#777">{esc(item.before)}</span>', "voorafgaand"),
                        unsafe_allow_html=True)
        st.markdown(passage_box_html(f'<div style="font-size:1.05em">{esc(p.text)}</div>', "te coderen"),
                    unsafe_allow_html=True)
        if item.after:
            st.markdown(passage_box_html(f'<span style="color:#777">{esc(item.after)}</span>', "volgend"),
                        unsafe_allow_html=True)
        if item.suggestion is not None:
            sug = item.suggestion
            st.markdown("**Suggestie van het model:** " + chips_html(sug.domains, DOMAIN_COLOURS)
                        + (" " + esc(", ".join(f"{k}: {v}" for k, v in sug.tensions.items())) if sug.tensions else ""),
                        unsafe_allow_html=True)
            if sug.explanation:
                st.caption("Waarom: " + sug.explanation)
        else:
            st.caption("Nog geen modelsuggestie (er is nog geen getraind model).")

        prefix = f"code_{p.id}"
        # Pre-fill from the suggestion once per passage; the coder decides.
        if f"{prefix}_init" not in st.session_state:
            st.session_state[f"{prefix}_init"] = True
            for d in codebook.domains:
                st.session_state[f"{prefix}_d_{d}"] = bool(item.suggestion and d in item.suggestion.domains)

        def _toggle(key: str) -> None:
            st.session_state[key] = not st.session_state.get(key, False)

        st.markdown("**Domeinen**")
        dcols = st.columns(len(codebook.domains))
        for n, (d, col) in enumerate(zip(codebook.domains, dcols, strict=True), start=1):
            col.checkbox(codebook.domain_names.get(d, d), key=f"{prefix}_d_{d}")
            col.button("aan/uit", key=f"{prefix}_k_{d}", on_click=_toggle, args=(f"{prefix}_d_{d}",),
                       shortcut=str(n), help=f"Sneltoets {n}", type="tertiary")
        st.markdown("**Spanningsvelden** (kies de pool die de passage kiest; leeg = raakt het veld niet)")
        tensions: dict[str, str] = {}
        for field, (pole_a, pole_b) in codebook.tensions.items():
            choice = st.segmented_control(field, ["A", "B", "beide"], key=f"{prefix}_t_{field}",
                                          format_func=lambda v, a=pole_a, b=pole_b: {"A": a, "B": b}.get(v, v))
            if choice:
                tensions[field] = choice
        note = st.text_input("Notitie (optioneel)", key=f"{prefix}_note")
        domains = [d for d in codebook.domains if st.session_state.get(f"{prefix}_d_{d}")]
        s1, s2 = st.columns([1, 1])
        # The version of this coder's coding when the form was first shown: saving over a
        # coding made meanwhile in another tab or browser is refused, not silently replaced.
        seen_key = f"{prefix}_seen_{coder}"
        if coder and seen_key not in st.session_state:
            st.session_state[seen_key] = backend.coding_version(p.id, coder)
        if s1.button("Opslaan en volgende", type="primary", key=f"save_coding_{p.id}", shortcut="Ctrl+Enter",
                     disabled=not coder):
            refused = backend.save_coding(p, item.doc_id, coder, domains, tensions, note,
                                          expected_version=st.session_state.get(seen_key))
            if refused:
                st.session_state[seen_key] = backend.coding_version(p.id, coder)
                st.error(refused)
            else:
                st.session_state.pop(seen_key, None)
                st.session_state["coding_left"] = True
                st.toast("Codering opgeslagen.")
                st.rerun()
        if s2.button("Overslaan", key=f"skip_coding_{p.id}", shortcut="Ctrl+Right"):
            st.session_state.setdefault("skipped", []).append(p.id)
            st.session_state["coding_left"] = True
            st.rerun()

with tab_train:
    st.markdown("Train de classificatie opnieuw op alle opgeslagen coderingen en bekijk de kwaliteit "
                "(kruisvalidatie, met een naïeve basislijn ernaast).")
    if st.button("Opnieuw trainen", key="retrain"):
        with st.spinner("Model wordt getraind…"):
            try:
                st.session_state["train_result"] = backend.retrain()
            except backend.Unavailable as err:
                st.session_state["train_result"] = None
                st.error(str(err))
    if st.button("Corpus opnieuw labelen met het huidige model", key="relabel",
                 help="Alle passages krijgen nieuwe modellabels; handmatige coderingen blijven ongewijzigd."):
        bar = st.progress(0.0, text="Labelen…")
        try:
            n = backend.relabel_corpus(lambda frac, title: bar.progress(frac, text=f"Labelen: {title}"))
        except backend.Unavailable as err:
            st.error(str(err))
        else:
            st.success(f"{n} passages opnieuw gelabeld.")
    result = st.session_state.get("train_result")
    if result is not None:
        st.success(result.summary)
        if result.metrics:
            st.dataframe(result.metrics, hide_index=True)
        if result.curve:
            import altair as alt

            chart = alt.Chart(alt.Data(values=result.curve)).mark_line(point=True).encode(
                x=alt.X("n:Q", title="aantal gecodeerde passages"),
                y=alt.Y("score:Q", title="macro-F1", scale=alt.Scale(domain=[0, 1])),
                color=alt.Color("reeks:N", title=None),
            )
            st.altair_chart(chart, width="stretch")

with tab_agree:
    try:
        agreement = backend.agreement()
    except backend.Unavailable as err:
        st.info(str(err))
        agreement = None
    if agreement is not None:
        if agreement.summary:
            st.dataframe(agreement.summary, hide_index=True)
        else:
            st.info("Nog geen passages die door twee of meer codeurs zijn gecodeerd.")
        if agreement.disagreements:
            st.markdown(f"**{len(agreement.disagreements)} meningsverschillen om te beslechten**")
            for i, dis in enumerate(agreement.disagreements[:20]):
                with st.container(border=True):
                    st.markdown(passage_box_html(esc(dis.text), dis.location), unsafe_allow_html=True)
                    st.dataframe([{k: v for k, v in row.items() if not k.startswith("_")} for row in dis.codings],
                                 hide_index=True)
                    options = list(range(len(dis.codings)))
                    pick = st.radio("Beslissing: neem de codering over van", options, horizontal=True,
                                    format_func=lambda j, d=dis: d.codings[j]["codeur"], key=f"adj_{dis.passage_id}_{i}")
                    if st.button("Vastleggen", key=f"adj_save_{dis.passage_id}_{i}", disabled=not coder):
                        backend.adjudicate(dis, pick, coder)
                        st.rerun()
