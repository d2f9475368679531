"""PostgreSQL search agrees with the SQLite search on the same corpus.

The corpus: the tests' small documents, a seeded synthetic corpus of 200 documents
(``bench.synth``, 4,000 passages) and, when ``../shared/corpus`` is present, the national
laws in ``laws-markdown`` (held-out evaluation files excluded). The same 40 queries (words,
inflections, phrases, prefixes, OF, exclusions, filters) run on both backends; the top-10
*documents* (the documents of the ten best passages) must be the same set for at least 90%
of them. Each run writes every query's comparison to
``test-artifacts/search_agreement_pg.tsv`` with the reason of any difference, and the same
comparison for the plain ``ts_rank_cd`` ranking (not asserted; it shows why the BM25 form is
the default).
"""

from __future__ import annotations

import csv
import glob
import os
from pathlib import Path

import pytest

from corpus import search_pg
from corpus.search import search
from corpus.store import Store
from tests.corpus.conftest import AGENDA, AKKOORD, REGELING, make_doc

QUERIES = [
    "woning", "woningen", "besluit", "besloten", "bevoegdheden", "gemeenschappelijke regeling",
    '"algemeen bestuur"', '"dagelijks bestuur"', '"gemeenschappelijke regeling"', "woon*", "jeugd*", "begroting",
    "ontwerpbegroting", "zienswijze", "jaarrekening", "kadernota", "verordening", "mandaat", "bezwaar",
    "gedeputeerde staten", "waterschap", "herindeling", "bekendmaking", "inwoners", "Molenstraat",
    "GroenLinks", "erfgoedactieplan", "klimaatadaptatie", "schuldhulpverlening", "burgemeester OF wethouder",
    "begroting -gemeente", '"college van burgemeester en wethouders"', "subsidie*", "weerstandsvermogen",
    "rekenkamer", "ambtenaar", "Drechtraad zienswijze", "motie OF amendement", "kosten gemeenten", "vaststelling",
]
FILTERED = [("begroting", {"kind": "regeling"}), ("woningen", {"body": "dordrecht"}),
            ("zienswijze", {"year_from": 2015, "year_to": 2020}), ("bestuur", {"kind": "akkoord"})]


def _corpus(shared: Path | None) -> list:
    from bench.search import _documents

    docs = [make_doc("Regeling GR Drechtsteden", REGELING, year=2019),
            make_doc("Coalitieakkoord Zwijndrecht", AKKOORD, kind="akkoord", body="Gemeente Zwijndrecht", year=2022),
            make_doc("Besluitenlijst raad", AGENDA, kind="agenda", body="Gemeente Papendrecht", year=2024)]
    docs += list(_documents(4000, seed=7))
    if shared is not None:
        from extract import parse

        held = set()
        held_file = shared.parent / "eval" / "heldout_passages.tsv"
        if held_file.exists():
            with held_file.open(encoding="utf-8") as fh:
                held = {r["source"] for r in csv.DictReader(fh, delimiter="\t")}
        for f in sorted(glob.glob(str(shared / "laws-markdown" / "*.md"))):
            if "laws-markdown/" + os.path.basename(f) not in held:  # never touch held-out evaluation text
                docs.append(parse(f))
    return docs


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_server):
    """(SQLite store, PostgreSQL store) holding the same corpus, loaded in the same order."""
    from tests.conftest import SHARED_CORPUS

    docs = _corpus(SHARED_CORPUS if (SHARED_CORPUS / "laws-markdown").exists() else None)
    url = pg_server.new_database()
    lite = Store(tmp_path_factory.mktemp("agree") / "agree.db")
    pg = Store(url)
    try:
        assert lite.bulk_add(docs) == pg.bulk_add(docs) == len(docs)
        yield lite, pg
    finally:
        lite.close()
        pg.close()
        pg_server.drop_database(url)


def _compare(lite: Store, pg: Store, query: str, filters: dict | None = None) -> dict:
    a = search(lite, query, filters, limit=10, with_facets=False)
    b = search(pg, query, filters, limit=10, with_facets=False)
    da, db = {h.doc_id for h in a.hits}, {h.doc_id for h in b.hits}
    pa, pb = [h.passage_id for h in a.hits], [h.passage_id for h in b.hits]
    if da == db:
        why = "" if pa == pb else "zelfde documenten, passagevolgorde anders (gelijke scores, afronding)"
    elif a.total != b.total:
        why = (f"andere treffers ({a.total} vs {b.total}): de Snowball-stam van 'dutch' vindt vormen die de "
               "lemmatisering niet samenvoegt (of omgekeerd)")
    else:
        why = "zelfde treffers, andere rangorde (lengte- of frequentietelling wijkt af)"
    return {"query": query, "filters": filters or {}, "sqlite_total": a.total, "pg_total": b.total,
            "docs_equal": da == db, "passages_common": len(set(pa) & set(pb)), "reason": why}


def test_top10_documents_agree(both, monkeypatch, artifacts_dir):
    lite, pg = both
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "fts5")  # the reference SQLite search
    assert len(QUERIES) + len(FILTERED) >= 30
    rows = [_compare(lite, pg, q) for q in QUERIES] + [_compare(lite, pg, q, f) for q, f in FILTERED]
    monkeypatch.setattr(search_pg, "RANKING", "ts_rank_cd")
    plain = [_compare(lite, pg, q) for q in QUERIES]
    out = artifacts_dir / "search_agreement_pg.tsv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["ranking", "query", "filters", "sqlite_total", "pg_total", "top10_docs_equal",
                    "top10_passages_common", "reason"])
        for name, rs in (("bm25", rows), ("ts_rank_cd", plain)):
            for r in rs:
                w.writerow([name, r["query"], r["filters"], r["sqlite_total"], r["pg_total"], r["docs_equal"],
                            r["passages_common"], r["reason"]])
    agree = sum(r["docs_equal"] for r in rows) / len(rows)
    plain_agree = sum(r["docs_equal"] for r in plain) / len(plain)
    print(f"top-10 documents equal: bm25 {agree:.0%} of {len(rows)} queries, ts_rank_cd {plain_agree:.0%}; "
          f"details in {out}")
    assert all(r["sqlite_total"] > 0 for r in rows[: len(QUERIES)]), "every test query must find something"
    assert agree >= 0.9, [r for r in rows if not r["docs_equal"]]


def test_facets_and_totals_match(both, monkeypatch):
    lite, pg = both
    monkeypatch.setenv("DRECHTLENS_SEARCH_ENGINE", "fts5")
    for q in ("zienswijze", '"algemeen bestuur"', "jeugd*"):
        a, b = search(lite, q), search(pg, q)
        assert a.total == b.total and a.facets["kind"] == b.facets["kind"] and a.facets["body"] == b.facets["body"]


def test_hostile_queries_never_raise(both):
    _, pg = both
    for q in ['"open', "NEAR(", "*", "'; DROP TABLE passages; --", "a:* & !b | (c", "\\", "x" * 5000,
              "😀 woning", "-", "OF", "de het een", "':*A", "woon* -woon*"]:
        res = search(pg, q)
        assert res.total >= 0
    assert search(pg, "de het van").total > 0  # stop words still match through the lemma layer, as in SQLite
