"""Drechtlens workbench: the router and the frame every page shares.

``streamlit run app.py`` (or ``make run``). The corpus database is ``$DRECHTLENS_DB`` or
``./data/corpus.db``. This file only builds the navigation, the sidebar (corpus status,
the user's name for reviews and codings) and then runs the chosen page from ``views/``.
"""

from __future__ import annotations

import logging

import streamlit as st

from views import backend

st.set_page_config(page_title="Drechtlens", page_icon=":material/manage_search:", layout="wide")

PAGES = [
    st.Page("views/corpus_page.py", title="Corpus", icon=":material/library_books:", url_path="corpus", default=True),
    st.Page("views/document.py", title="Document", icon=":material/description:", url_path="document"),
    st.Page("views/review.py", title="Toetsing", icon=":material/gavel:", url_path="toetsing"),
    st.Page("views/coding.py", title="Coderen", icon=":material/label:", url_path="coderen"),
    st.Page("views/search.py", title="Zoeken", icon=":material/search:", url_path="zoeken"),
    st.Page("views/compare.py", title="Vergelijken", icon=":material/bar_chart:", url_path="vergelijken"),
    st.Page("views/about.py", title="Over deze analyse", icon=":material/info:", url_path="over"),
]

page = st.navigation(PAGES)
backend.warm_up()

with st.sidebar:
    st.markdown("### Drechtlens")
    status = backend.corpus_status()
    if status.error:
        st.error(status.error)
    else:
        st.caption(f"{status.documents} documenten · {status.passages} passages")
    st.text_input("Uw naam (voor toetsing en codering)", key="user_name",
                  help="Wordt opgeslagen bij elk besluit en elke codering, zodat overeenstemming "
                       "tussen codeurs berekend kan worden.")
    st.caption(f"Database: `{status.db_path}`")

try:
    page.run()
except Exception as err:  # never a traceback for the user (st.stop/st.rerun are BaseExceptions and pass)
    logging.getLogger("drechtlens.app").exception("page %s failed", page.title)
    st.error(f"Er ging iets mis op de pagina '{page.title}': {type(err).__name__}: {err}. "
             "Uw gegevens zijn opgeslagen; probeer het opnieuw of meld deze melding aan de beheerder.")
