"""Pages of the Streamlit workbench (one module per page) and their shared widgets.

``app.py`` is the router; each module here is run by ``st.navigation`` as a page script.
Pages call only ``corpus``/``models`` functions (through :mod:`views.backend`), never SQL.
"""
