"""Search: Dutch inflection, phrase, prefix, filters, snippets with page, hostile queries."""

from __future__ import annotations

import html

import pytest

from corpus.normalize import norm_term
from corpus.search import SearchFilters, build_search_sql, parse_query, search, snippet_html
from corpus.store import Store
from tests.corpus.conftest import make_doc


@pytest.fixture(params=["tantivy", "fts5"], autouse=True)
def engine(request, monkeypatch, caplog):
    """Every test runs on the tantivy sidecar and on the FTS5 fallback; on tantivy a silent
    fallback to FTS5 would make the test meaningless, so a fallback warning fails it."""
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", request.param)
    yield request.param
    fallbacks = [r.getMessage() for r in caplog.records if "Snelle zoekindex" in r.getMessage()]
    assert not fallbacks, fallbacks


def _texts(res) -> list[str]:
    return [h.snippet for h in res.hits]


@pytest.mark.parametrize("a,b", [("woning", "woningen"), ("bevoegdheid", "bevoegdheden"), ("besluit", "besloten"),
                                 ("gemeente", "gemeenten"), ("regeling", "regelingen"), ("lid", "leden")])
def test_normaliser_conflates_inflections(a, b):
    assert norm_term(a) == norm_term(b)


@pytest.mark.parametrize("a,b", [("gemeente", "meen"), ("gebouw", "bouwen"), ("regeling", "regel"),
                                 ("bestuur", "bestuurder"), ("gebied", "bieden")])
def test_normaliser_does_not_over_conflate(a, b):
    assert norm_term(a) != norm_term(b)


@pytest.mark.parametrize("query,expected_doc_kinds,n", [
    ("woningen", {"regeling", "akkoord"}, 3),     # woningen / woning / woningen
    ("woning", {"regeling", "akkoord"}, 3),
    ("bevoegdheden", {"regeling", "akkoord"}, 3),  # bevoegd(heid/heden) in 3 passages
    ("besloten", {"regeling", "agenda"}, 3),     # besluiten, besloten, Besluit
])
def test_inflection(small_store: Store, query, expected_doc_kinds, n):
    res = search(small_store, query)
    assert {h.kind for h in res.hits} == expected_doc_kinds
    assert res.total == n == len(res.hits)
    for h in res.hits:
        assert h.highlights, h.snippet


def test_highlight_marks_the_inflected_word_and_page(small_store: Store):
    res = search(small_store, "besluit", {"kind": "regeling"})
    hit = next(h for h in res.hits if "besloten" in h.snippet)
    s, e = hit.highlights[0]
    assert hit.snippet[s:e] == "besloten"
    assert (hit.page_start, hit.location) == (2, "artikel 2")
    assert hit.doc_title == "Regeling GR Drechtsteden"


def test_phrase_is_exact_on_surface_text(small_store: Store):
    res = search(small_store, '"algemeen bestuur"')
    assert res.total == 2 and all("algemeen bestuur" in h.snippet for h in res.hits)
    assert search(small_store, '"algemene besturen"').total == 0  # phrases are not normalised
    res = search(small_store, '"dagelijks bestuur" bevoegdheid')
    assert [h.location for h in res.hits] == ["artikel 1, lid 2"]


def test_prefix(small_store: Store):
    res = search(small_store, "zienswij*")
    assert res.total == 1 and res.hits[0].snippet[slice(*res.hits[0].highlights[0])] == "zienswijze"
    assert search(small_store, "begro*").total == 2


def test_no_hits_suggests_prefix(small_store: Store):
    res = search(small_store, "woningbouwplannen")
    assert res.total == 0 and "woningbouwplannen*" in res.message
    assert search(small_store, "zienswijze").message == ""


def test_or_and_not(small_store: Store):
    assert search(small_store, "zienswijze OF agenda").total == 2
    assert search(small_store, "woningen -Zwijndrecht").total == 2


def test_filters(small_store: Store):
    assert {h.body for h in search(small_store, "begroting", {"body": "papendrecht"}).hits} == {"Gemeente Papendrecht"}
    assert search(small_store, "woningen", SearchFilters(kind="akkoord")).total == 1
    assert search(small_store, "woningen", SearchFilters(year_from=2020, year_to=2023)).total == 1
    assert search(small_store, "woningen", SearchFilters(year_to=2019)).total == 2
    doc = small_store.documents(kind="regeling")[0]
    ps = small_store.passages(doc.id)
    assert search(small_store, "woningen", SearchFilters(has_flags=True)).total == 0
    from models.ambiguity.flag import Flag, Severity
    f = Flag("AMB-01", "vaag", Severity.ZORG, 0.5, "woningen", ps[0].text.index("woningen"),
             ps[0].text.index("woningen") + 8, "", "", "", passage_id=ps[0].id).to_dict()
    small_store.save_flags(doc.id, [f], "rules", "1")
    assert [h.passage_id for h in search(small_store, "woningen", SearchFilters(has_flags=True)).hits] == [ps[0].id]
    small_store.save_labels(doc.id, [{"passage_id": ps[2].id, "domains": ["wonen"], "tensions": {"markt": "A"}}],
                            "clf", "1")
    assert [h.passage_id for h in search(small_store, "woning", {"domain": "wonen"}).hits] == [ps[2].id]
    assert [h.passage_id for h in search(small_store, "woning", {"tension": "markt"}).hits] == [ps[2].id]
    small_store.add_coding(ps[0].id, "an", ["wonen"], {})
    assert search(small_store, "woning", {"domain": "wonen"}).total == 2
    assert search(small_store, "woning", {"doc_id": doc.id}).total == 2


def test_facets(small_store: Store):
    res = search(small_store, "woningen")
    assert res.facets["kind"] == {"regeling": 2, "akkoord": 1}
    assert res.facets["body"] == {"Gemeente Dordrecht": 2, "Gemeente Zwijndrecht": 1}
    assert res.facets["year"] == {"2019": 2, "2022": 1}


def test_superseded_versions_hidden_by_default(fresh_store: Store):
    shared = [((("artikel", str(i)),), f"Het college stelt nadere regels over de toewijzing van sociale "
                                         f"huurwoningen in wijk {i} van de gemeente Dordrecht.", 1) for i in range(2, 6)]
    v1 = make_doc("R", [((("artikel", "1"),), "De woning wordt verhuurd.", 1), *shared])
    v2 = make_doc("R", [((("artikel", "1"),), "De woning wordt verkocht.", 1), *shared])
    fresh_store.add_document(v1)
    fresh_store.add_document(v2)
    assert [h.doc_id for h in search(fresh_store, "woning").hits] == [v2.id]
    assert search(fresh_store, "woning", {"latest_only": False}).total == 2


HOSTILE = ['"unbalanced', "NEAR(woning bestuur", "'; DROP TABLE passages; --", "x" * 10_000, "woning 😀🏠",
           "*", "-", "OR", "AND NOT", "bestuur:woning", "^woning", "{text}: woning", '"" ""', "\x00", "(((", "\\"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_crash(small_store: Store, query):
    res = search(small_store, query)
    assert res.total == len(res.hits) or res.total > len(res.hits)
    if res.total == 0:
        assert res.message or parse_query(query).fts  # either a Dutch note or a real (empty) search
    assert small_store.stats().passages == 8  # nothing dropped


def test_hostile_queries_get_a_message(small_store: Store):
    assert "aanhalingsteken" in search(small_store, '"algemeen bestuur').message
    assert search(small_store, '"algemeen bestuur').total == 2  # repaired, still searched
    assert "Geen zoekwoorden" in search(small_store, "*").message
    assert search(small_store, "woning 😀").total == 3


def test_snippet_escapes_safely(fresh_store: Store):
    text = "Voorwaarde: <script>alert('x')</script> & de woning " + "lange tekst " * 60 + "en weer een woning."
    fresh_store.add_document(make_doc("X", [((("artikel", "1"),), text, 4)]))
    hit = search(fresh_store, "woningen").hits[0]
    assert len(hit.snippet) < 300 and hit.page_start == 4
    marked = snippet_html(hit.snippet, hit.highlights)
    assert "<script>" not in marked and "&lt;script&gt;" in marked
    assert "<mark>woning</mark>" in marked
    assert html.unescape(marked.replace("<mark>", "").replace("</mark>", "")) == hit.snippet


def test_build_search_sql_is_parameterised():
    sql, params = build_search_sql("woning'; DROP", SearchFilters(kind="regeling"), limit=5)
    assert "DROP" not in sql and "woning" not in sql
    assert params[0] == 'norm:"woning" AND norm:"drop"' and params[-2:] == [5, 0]
