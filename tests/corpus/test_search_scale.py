"""Search at scale: top-k ranking equals a full BM25 ordering, paging, filter sets, and
totals/facets that are estimated (and flagged as such) beyond the exact-count cap."""

from __future__ import annotations

import pytest

from corpus.search import SearchFilters, build_search_sql, parse_query, search
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

KINDS = ("regeling", "akkoord", "agenda")
BODIES = ("Gemeente Dordrecht", "Gemeente Zwijndrecht", "Gemeente Papendrecht")


@pytest.fixture(scope="module")
def many_store(tmp_path_factory):
    """12 documents × 10 passages; "woning" occurs in 2 of every 3 passages, 1–3 times,
    with varying passage length so that BM25 orders them in a non-trivial way."""
    path = tmp_path_factory.mktemp("scale") / "scale.db"
    with Store(path) as store:
        for d in range(12):
            texts = []
            for i in range(10):
                n = (d * 10 + i) % 3
                text = " ".join(["de woning aan de straat"] * n + ["het college besluit over de begroting"]
                                + ["en de raad stemt in"] * ((d + i) % 4))
                texts.append(((("artikel", str(i + 1)),), text, 1))
            store.add_document(make_doc(f"Document {d}", texts, kind=KINDS[d % 3], body=BODIES[d // 4],
                                        year=2015 + d))
        yield store


def _full_order(store: Store, fts: str, where: str = "", params: tuple = ()) -> list[str]:
    """Reference: every match ranked by bm25 in SQL, the statement search() used before top-k."""
    rows = store.read(
        "SELECT p.id FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid JOIN documents d"
        f" ON d.id = p.doc_id WHERE passages_fts MATCH ? {where}"
        " ORDER BY bm25(passages_fts, 1.0, 1.0), p.rowid", (fts, *params))
    return [r[0] for r in rows]


def test_top_k_equals_full_ranking_and_pages_tile_it(many_store: Store):
    fts = parse_query("woning").fts
    ref = _full_order(many_store, fts)
    assert len(ref) == 80
    assert [h.passage_id for h in search(many_store, "woning", limit=10).hits] == ref[:10]
    paged = [h.passage_id for off in range(0, 80, 7) for h in search(many_store, "woning", limit=7, offset=off).hits]
    assert paged == ref


def test_filtered_top_k_equals_full_ranking(many_store: Store):
    fts = parse_query("woning").fts
    ref = _full_order(many_store, fts, "AND d.kind = ? AND d.year >= ? AND d.body LIKE ?",
                      ("akkoord", 2018, "%zwijndrecht%"))
    res = search(many_store, "woning", SearchFilters(kind="akkoord", body="zwijndrecht", year_from=2018), limit=50)
    assert [h.passage_id for h in res.hits] == ref and res.total == len(ref) > 0
    assert {(h.kind, h.body) for h in res.hits} == {("akkoord", "Gemeente Zwijndrecht")}


def test_only_the_page_is_fetched_and_snippeted(many_store: Store):
    sql, params = build_search_sql(parse_query("woning"), SearchFilters(), limit=3, offset=5)
    rows = many_store.read(sql, params)
    assert len(rows) == 3  # the statement itself returns the page, not every match with its text
    res = search(many_store, "woning", limit=3, offset=5)
    assert len(res.hits) == 3 and res.total == 80
    assert all(h.snippet and h.highlights for h in res.hits)


def test_exact_below_cap(many_store: Store):
    res = search(many_store, "woning", exact_cap=1000)
    assert res.total_exact and res.facets_exact
    assert sum(res.facets["kind"].values()) == res.total == 80
    rows = many_store.read("SELECT d.body, d.year, count(*) FROM passages_fts JOIN passages p ON p.rowid ="
                           " passages_fts.rowid JOIN documents d ON d.id = p.doc_id WHERE passages_fts MATCH ?"
                           " GROUP BY d.body, d.year", (parse_query("woning").fts,))
    bodies: dict[str, int] = {}
    for body, _, n in rows:
        bodies[body] = bodies.get(body, 0) + n
    assert res.facets["body"] == bodies
    assert res.facets["year"] == {str(y): n for _, y, n in rows}


def test_facets_are_sampled_and_flagged_beyond_cap(many_store: Store, engine: str):
    exact = search(many_store, "woning", exact_cap=1000)
    approx = search(many_store, "woning", exact_cap=10)
    assert approx.total_exact and approx.total == 80  # no filter needs a row: the FTS count stays exact
    if engine == "tantivy":  # tantivy aggregates every match: exact at any size, and says so
        assert approx.facets_exact and approx.facets == exact.facets
        return
    assert not approx.facets_exact
    assert set(approx.facets["kind"]) <= set(exact.facets["kind"])
    est = sum(approx.facets["kind"].values())
    assert 40 <= est <= 160  # an estimate of 80 from every 8th passage
    assert [h.passage_id for h in approx.hits] == [h.passage_id for h in exact.hits]  # ranking unaffected


def test_total_with_row_filter_is_flagged_approximate_beyond_cap(many_store: Store, engine: str):
    for doc in many_store.documents():
        ps = many_store.passages(doc.id)
        many_store.save_labels(doc.id, [{"passage_id": p.id, "domains": ["wonen"], "tensions": {}} for p in ps],
                               "clf", "1")
    exact = search(many_store, "woning", {"domain": "wonen"}, exact_cap=1000, with_facets=False)
    assert exact.total == 80 and exact.total_exact
    if engine == "tantivy":  # the domain filter is an indexed field: total and facets stay exact
        res = search(many_store, "woning", {"domain": "wonen"}, exact_cap=10)
        assert (res.total, res.total_exact, res.facets_exact) == (80, True, True)
        assert res.facets["domain"] == {"wonen": 80}
        return
    for with_facets in (False, True):
        approx = search(many_store, "woning", {"domain": "wonen"}, exact_cap=10, with_facets=with_facets)
        assert not approx.total_exact and approx.total > 10
        assert [h.passage_id for h in approx.hits] == [h.passage_id for h in exact.hits][:20]


def test_latest_only_combines_with_document_filters(fresh_store: Store):
    shared = [((("artikel", str(i)),), f"Het college wijst de sociale huurwoning toe aan de woningzoekende in "
                                       f"wijk {i} van de gemeente Dordrecht.", 1) for i in range(2, 6)]
    v1 = make_doc("R", [((("artikel", "1"),), "De huurwoning wordt verhuurd.", 1), *shared])
    v2 = make_doc("R", [((("artikel", "1"),), "De huurwoning wordt verkocht.", 1), *shared])
    other = make_doc("A", [((("artikel", "1"),), "Meer huurwoning in het akkoord.", 1)], kind="akkoord")
    for d in (v1, v2, other):
        fresh_store.add_document(d)
    assert fresh_store.get_document(v2.id, with_passages=False).meta.get("previous_id") == v1.id
    res = search(fresh_store, "huurwoning", {"kind": "regeling"})
    assert {h.doc_id for h in res.hits} == {v2.id} and res.total == 5
    assert search(fresh_store, "huurwoning", {"kind": "regeling", "latest_only": False}).total == 10
    assert search(fresh_store, "huurwoning").facets["kind"] == {"regeling": 5, "akkoord": 1}
