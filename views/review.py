"""Page: Toetsing — legal staff work through the ambiguity flags of a regulation."""

from __future__ import annotations

import streamlit as st

from views import backend
from views.components import SEVERITY_COLOURS, Span, esc, highlight_html, passage_box_html, reader_link

st.title("Toetsing")
st.caption("Signalen van mogelijke onduidelijkheid, gerangschikt op ernst. Beoordeel ze één voor één: "
           "accepteren, afwijzen (met reden) of becommentariëren.")

docs = backend.documents_or_stop("Er zijn nog geen documenten. Voeg een regeling toe op de pagina Corpus.")

ids = [d.id for d in docs]
# Documents with the most flags first, then regulations (what this page is for).
flagged_first = [d.id for d in sorted(docs, key=lambda d: (-d.flags, d.kind != "regeling", d.title))]
current = st.session_state.get("doc_id")
doc_id = st.selectbox("Document", flagged_first, index=flagged_first.index(current) if current in ids else 0,
                      format_func=lambda i: next(f"{d.title} — {d.flags} signalen" for d in docs if d.id == i),
                      key="review_doc")
st.session_state["doc_id"] = doc_id
reviewer = (st.session_state.get("user_name") or "").strip()

tab_flags, tab_comp, tab_instr, tab_alias, tab_deleg, tab_export = st.tabs(
    ["Signalen", "Bevoegdheden", "Instrumenten", "Aliassen", "Delegaties", "Rapport exporteren"])

rows = backend.document_flags(doc_id)

with tab_flags:
    if not rows:
        st.info("Er zijn (nog) geen signalen voor dit document opgeslagen.")
        if st.button("Toetsing uitvoeren", key="run_review", type="primary",
                     help="Zoek onduidelijke formuleringen in de regeling en sla de signalen op."):
            try:
                with st.spinner("Regeling wordt getoetst…"):
                    n = backend.run_review(doc_id)
            except backend.Unavailable as err:
                st.error(str(err))
            else:
                st.toast(f"{n} signalen gevonden.")
                st.rerun()
    else:
        c1, c2, c3, c4 = st.columns(4)
        types = c1.multiselect("Type", sorted({r.flag.type for r in rows}), placeholder="Kies…", key="rv_type",
                               format_func=lambda t: f"{t} {next(r.flag.name for r in rows if r.flag.type == t)}")
        sevs = c2.multiselect("Ernst", ["kritiek", "zorg", "suggestie", "info"], placeholder="Kies…", key="rv_sev")
        arts = c3.multiselect("Artikel", sorted({r.flag.artikel for r in rows if r.flag.artikel},
                                                key=backend.artikel_sort_key), placeholder="Kies…", key="rv_art")
        statuses = c4.multiselect("Status", list(backend.STATUS_NL.values()), default=["open"], placeholder="Kies…",
                                  key="rv_status")
        shown = [r for r in rows if (not types or r.flag.type in types) and (not sevs or r.flag.severity.nl in sevs)
                 and (not arts or r.flag.artikel in arts) and (not statuses or r.status_nl in statuses)]
        done = sum(1 for r in rows if r.status != "open")
        st.progress(done / len(rows), text=f"{done} van {len(rows)} signalen beoordeeld · {len(shown)} getoond")
        if not reviewer:
            st.warning("Vul in de zijbalk uw naam in om besluiten vast te leggen.")
        texts = backend.passage_texts(doc_id)
        PAGE = 20  # cards per page: each has its own inputs, so keep a page light
        pages = max(1, -(-len(shown) // PAGE))
        page_no = st.number_input(f"Pagina (van {pages})", 1, pages, 1, key=f"rv_page_{doc_id}") if pages > 1 else 1
        for i, r in enumerate(shown[(page_no - 1) * PAGE:page_no * PAGE], start=(page_no - 1) * PAGE):
            f = r.flag
            colour = SEVERITY_COLOURS.get(f.severity.nl, "#fff3b0")
            with st.container(border=True):
                st.markdown(
                    f'<span style="background:{colour};padding:1px 6px;border-radius:4px">{esc(f.severity.nl)}</span> '
                    f"<b>{esc(f.type)} · {esc(f.name)}</b> — {esc(f.location)} · status: <i>{esc(r.status_nl)}</i>"
                    f"{' (' + esc(r.reviewer) + ')' if r.reviewer else ''}",
                    unsafe_allow_html=True)
                context = texts.get(f.passage_id, f.quote)
                spans = [Span(f.start, f.end, title=f.name, colour=colour)] if f.passage_id in texts else \
                    [Span(0, len(f.quote), colour=colour)]
                st.markdown(passage_box_html(highlight_html(context, spans)), unsafe_allow_html=True)
                st.markdown(f"**Uitleg.** {esc(f.explanation)}  \n**Regel.** {esc(f.rule)}  \n"
                            f"**Vraag.** {esc(f.question)}"
                            + (f"  \n**Voorstel.** {esc(f.suggestion)}" if f.suggestion else ""))
                st.markdown(f"[Open in lezer]({reader_link(doc_id, f.passage_id)})")
                if r.comment or r.reason:
                    st.caption(f"Toelichting: {r.reason or r.comment}")
                # The status version this reviewer last saw: a decision made meanwhile by someone
                # else (another browser) makes theirs a conflict instead of a silent overwrite.
                seen_key = f"rv_seen_{doc_id}_{f.key}"
                current = backend.flag_version(doc_id, f)
                seen = st.session_state.get(seen_key, current)
                st.session_state[seen_key] = current

                def _decide(decision: str, f=f, seen=seen, seen_key=seen_key, **text: str) -> None:
                    refused = backend.decide(doc_id, f, decision, reviewer, expected_version=seen, **text)
                    if refused:
                        st.error(refused)
                    else:
                        st.session_state[seen_key] = backend.flag_version(doc_id, f)
                        st.rerun()

                b1, b2, b3 = st.columns([1, 2, 2])
                if b1.button("Accepteren", key=f"acc_{f.key}_{i}", type="primary", disabled=not reviewer):
                    _decide("accept")
                reason = b2.text_input("Reden van afwijzen", key=f"why_{f.key}_{i}",
                                       placeholder="bijv. vaste term in deze regeling")
                if b2.button("Afwijzen", key=f"dis_{f.key}_{i}", disabled=not reviewer):
                    if not reason.strip():
                        st.error("Geef een reden op bij afwijzen.")
                    else:
                        _decide("dismiss", reason=reason.strip())
                note = b3.text_input("Commentaar", key=f"note_{f.key}_{i}")
                if b3.button("Commentaar opslaan", key=f"com_{f.key}_{i}", disabled=not reviewer):
                    if note.strip():
                        _decide("comment", comment=note.strip())
                    else:
                        st.error("Het commentaar is leeg.")
        if pages > 1:
            st.caption(f"Signalen {(page_no - 1) * PAGE + 1}–{min(page_no * PAGE, len(shown))} van {len(shown)}; "
                       "kies hierboven een andere pagina of verfijn de filters.")

# The structural analysis takes seconds on a long regulation: run it on request (then cached).
show_tables = st.session_state.get(f"tables_{doc_id}", False)
tables = backend.ambiguity_tables(doc_id) if show_tables else None
for tab, key, empty in [
    (tab_comp, "competences", "Geen bevoegdheden gevonden."),
    (tab_instr, "instruments", "Geen instrumenten gevonden."),
    (tab_alias, "aliases", "Geen aliassen gevonden."),
    (tab_deleg, "delegations", "Geen delegaties gevonden."),
]:
    with tab:
        if tables is None:
            if st.button("Analyse van de regeling uitvoeren", key=f"run_tables_{key}"):
                st.session_state[f"tables_{doc_id}"] = True
                st.rerun()
            st.caption("Bevoegdheden, instrumenten, aliassen en delegaties worden uit de tekst van de regeling afgeleid.")
        elif tables.error:
            st.info(tables.error)
        elif not getattr(tables, key):
            st.info(empty)
        else:
            st.dataframe(getattr(tables, key), hide_index=True, width="stretch")

with tab_export:
    st.markdown("Het rapport bevat alle signalen met hun status (per artikel, met samenvatting).")
    min_sev = st.selectbox("Vanaf ernst", ["info", "suggestie", "zorg", "kritiek"], key="rv_export_sev")
    try:
        report = backend.flag_report_input(doc_id, min_severity=min_sev)
    except backend.Unavailable as err:
        st.info(str(err))
    else:
        # The file is made when the button is clicked (a DOCX takes a moment), not on every rerun.
        for fmt, label in [("docx", "Rapport (Word)"), ("csv", "Tabel (CSV)")]:
            st.download_button(label, lambda fmt=fmt: backend.render_report(report, fmt),
                               file_name=f"toetsing-{doc_id[:12]}.{fmt}", mime=backend.MIME[fmt], key=f"export_{fmt}")
