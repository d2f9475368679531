"""Page: Vergelijken — domain shares and tension-field positions per document, body or year."""

from __future__ import annotations

import altair as alt
import streamlit as st

from views import backend

st.title("Vergelijken")
st.caption("Aandeel passages per domein en de positie per spanningsveld: (A − B) / (A + B), van −1 (pool B) "
           "tot +1 (pool A), met een 95%-interval (bootstrap over de passages).")

c1, c2 = st.columns(2)
by = c1.segmented_control("Vergelijk per", list(backend.GROUPINGS), default="body",
                          format_func=backend.GROUPINGS.get, key="cmp_by") or "body"
source = c2.segmented_control("Bron", ["labels", "codings"], default="labels", key="cmp_source",
                              format_func={"labels": "modellabels", "codings": "handmatige coderingen"}.get) or "labels"
try:
    cmp = backend.compare(by, source)
except backend.Unavailable as err:
    st.info(str(err))
    st.stop()

if not cmp.domain_shares and not cmp.positions:
    st.info("Nog geen labels om te vergelijken." if source == "labels"
            else "Nog geen coderingen om te vergelijken. Codeer passages op de pagina Coderen.")
    st.stop()

groups = sorted({r["groep"] for r in cmp.domain_shares} | {r["groep"] for r in cmp.positions})
chosen = st.multiselect("Groepen", groups, default=groups[:8], placeholder="Kies…", key="cmp_groups")
shares = [r for r in cmp.domain_shares if r["groep"] in chosen]
positions = [r for r in cmp.positions if r["groep"] in chosen]

st.subheader("Domeinen")
left, right = st.columns([3, 2])
if shares:
    bars = alt.Chart(alt.Data(values=shares)).mark_bar().encode(
        x=alt.X("aandeel:Q", title="aandeel passages", axis=alt.Axis(format="%")),
        y=alt.Y("groep:N", title=None, axis=alt.Axis(labelLimit=220)),
        color=alt.Color("domein:N", title="domein", legend=alt.Legend(orient="bottom", columns=2, labelLimit=260)),
        yOffset="domein:N",
        tooltip=["groep:N", "domein:N", alt.Tooltip("aandeel:Q", format=".0%"), "passages:Q"],
    )
    left.altair_chart(bars, width="stretch")
right.dataframe(shares, hide_index=True, width="stretch")

st.subheader("Spanningsvelden")
left, right = st.columns([3, 2])
if positions:
    base = alt.Chart(alt.Data(values=positions)).encode(
        y=alt.Y("spanningsveld:N", title=None, axis=alt.Axis(labelLimit=220)),
        yOffset="groep:N",
        color=alt.Color("groep:N", title=None),
    )
    rules = base.mark_rule().encode(x=alt.X("laag:Q", title="positie (−1 = pool B, +1 = pool A)",
                                            scale=alt.Scale(domain=[-1, 1])), x2="hoog:Q")
    dots = base.mark_point(filled=True, size=70).encode(
        x="positie:Q", tooltip=["groep:N", "spanningsveld:N", "positie:Q", "laag:Q", "hoog:Q", "A:Q", "B:Q", "beide:Q",
                                "pool A:N", "pool B:N"])
    zero = alt.Chart(alt.Data(values=[{"x": 0}])).mark_rule(strokeDash=[4, 4], color="#999").encode(x="x:Q")
    left.altair_chart((rules + dots + zero).properties(height=max(220, 40 * len(chosen) + 120)), width="stretch")
else:
    left.caption("Geen passages met een spanningsveld in deze selectie.")
right.dataframe(positions, hide_index=True, width="stretch")
