"""Page: Over deze analyse."""

from __future__ import annotations

import streamlit as st

st.title("Over deze analyse")
