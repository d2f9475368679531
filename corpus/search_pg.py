"""Full-text search on the PostgreSQL backend: the ``corpus.search`` contract on ``tsvector``.

``corpus.search.search()`` and ``facets()`` hand over here when the store is PostgreSQL, so
callers see the same :class:`~corpus.search.SearchResult` / ``SearchHit`` and the same
filters (:class:`~corpus.search.SearchFilters`) on both backends.

Query: the user's text goes through the same safe parser (:func:`corpus.search.parse_query`:
words, ``"phrases"``, ``prefix*``, ``OF`` alternatives, ``-exclusions``; hostile input can
only become search words). Each term becomes a tsquery built by PostgreSQL from a bound
parameter, never from spliced text:

* word → its Snowball Dutch stem in the heading/text layers (``to_tsquery('dutch', 'w':AB)``,
  "woningen" finds "woning") OR its lemma (``corpus.normalize.norm_term``, the form the
  SQLite index uses) in the lemma layer C: "besloten" also finds "besluit";
* ``"phrase"`` → the surface words, adjacent and in order, in the surface layer D (exact,
  like the SQLite phrase on the text column: "algemene besturen" does not find "algemeen
  bestuur");
* ``woon*`` → a prefix of a surface word (layer D), as in SQLite;
* clauses AND-ed with ``&&``, alternatives ``||``, exclusions ``&& !!(…)``.

Index: ``passages.tsv`` (four weighted layers, ``corpus.migrations_pg.TSV_EXPR``) with a GIN
index. Ranking: Okapi BM25 with SQLite FTS5's formula and constants (k1 = 1.2, b = 0.75, idf
from the passages containing each term, passage length ``ntok`` = tokens of text + lemma
column, as FTS5 counts them), where each term's frequency is ``ts_rank_cd`` of that term
alone over its layer (cover density of a single term = its number of occurrences). So both
backends rank alike and ``SearchHit.score`` has the same scale; ties by insertion order.
``DRECHTLENS_PG_RANK=ts_rank_cd`` ranks by plain ``ts_rank_cd(tsv, q, 1)`` instead (cover
density over all layers with the default weights, heading above text, divided by 1 + log
of the length): cheaper, but ordered differently from SQLite. Highlights:
``ts_headline`` (configuration ``dutch``, private-use marker characters) marks the words
PostgreSQL matched; together with the SQLite search's own spans (lemma, phrase, prefix) they
go through the same :func:`corpus.search.make_snippet`, so both backends show the same
snippet window and the same plain-text + offsets contract.

Totals and facets are exact counts (``total_exact``/``facets_exact`` always True).
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from corpus.migrations_pg import TS_CONFIG
from corpus.search import (
    ParsedQuery,
    SearchFilters,
    SearchHit,
    SearchResult,
    Term,
    _notes,
    make_snippet,
    match_spans,
    parse_query,
)
from extract.document import Passage

START, STOP = "\ue000", "\ue001"  # private-use code points: never in extracted text
K1, B = 1.2, 0.75  # SQLite FTS5 bm25() constants
RANKING = os.environ.get("DRECHTLENS_PG_RANK", "bm25").strip().lower()  # "bm25" | "ts_rank_cd"
_HEADLINE_OPTS = f'StartSel="{START}", StopSel="{STOP}", HighlightAll=true'


def _lex(word: str, label: str) -> str:
    """One tsquery operand: the word quoted (it has only letters/digits, WORD_RE; quoting
    keeps anything else literal too) with its weight labels / prefix flag."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "':" + label


def _term_sql(t: Term) -> tuple[str, list[Any]]:
    """A term's tsquery, built by PostgreSQL from bound parameters (see the module docstring)."""
    if t.kind == "word":
        if t.norm:
            return (f"(to_tsquery('{TS_CONFIG}', %s) || to_tsquery('simple', %s))",
                    [_lex(t.words[0], "AB"), _lex(t.norm, "C")])
        return f"to_tsquery('{TS_CONFIG}', %s)", [_lex(t.words[0], "AB")]
    if t.kind == "prefix":
        return "to_tsquery('simple', %s)", [_lex(t.words[0], "*D")]
    return "to_tsquery('simple', %s)", [" <-> ".join(_lex(w, "D") for w in t.words)]


def _tf_sql(t: Term) -> tuple[str, str, list[Any]]:
    """The layer weights and tsquery that count a term's occurrences the way FTS5 does:
    a word in the lemma layer C (SQLite's ``norm`` column), a phrase or prefix in the
    surface layer D (SQLite's ``text`` column). Weights are ``{D, C, B, A}``."""
    if t.kind == "word":
        return "{0,1,0,0}", "to_tsquery('simple', %s)", [_lex(t.norm or t.words[0], "C")]
    s, params = _term_sql(t)
    return "{1,0,0,0}", s, params


def tsquery_sql(pq: ParsedQuery) -> tuple[str, list[Any]]:
    """A SQL expression (and its parameters) that evaluates to the query's ``tsquery``."""
    def conj(terms: list[Term]) -> tuple[str, list[Any]]:
        parts, params = [], []
        for t in terms:
            s, p = _term_sql(t)
            parts.append(s)
            params += p
        return "(" + " && ".join(parts) + ")", params

    ors, params = [], []
    for clause in pq.clauses:
        s, p = conj(clause)
        ors.append(s)
        params += p
    expr = "(" + " || ".join(ors) + ")"
    if pq.excluded:
        parts = []
        for t in pq.excluded:
            s, p = _term_sql(t)
            parts.append(s)
            params += p
        expr = f"({expr} && !!({' || '.join(parts)}))"
    return expr, params


def _filters(f: SearchFilters) -> tuple[list[str], list[Any]]:
    """WHERE conditions on ``p`` (passages) for the search filters, with %s parameters."""
    where: list[str] = []
    params: list[Any] = []
    doc_where: list[str] = []
    if f.kind:
        doc_where.append("d.kind = %s")
        params.append(f.kind)
    if f.body:
        doc_where.append("d.body ILIKE '%%' || %s || '%%'")
        params.append(f.body)
    if f.year_from is not None:
        doc_where.append("d.year >= %s")
        params.append(int(f.year_from))
    if f.year_to is not None:
        doc_where.append("d.year <= %s")
        params.append(int(f.year_to))
    if doc_where:
        where.append(f"p.doc_id IN (SELECT d.id FROM documents d WHERE {' AND '.join(doc_where)})")
    if f.doc_id:
        where.append("p.doc_id = %s")
        params.append(f.doc_id)
    if f.has_flags:
        where.append("EXISTS (SELECT 1 FROM flags g WHERE g.passage_id = p.id)")
    if f.domain:
        where.append("(EXISTS (SELECT 1 FROM passage_labels l WHERE l.passage_id = p.id AND l.domains::jsonb ? %s)"
                     " OR EXISTS (SELECT 1 FROM codings c WHERE c.passage_id = p.id AND c.domains::jsonb ? %s))")
        params += [f.domain, f.domain]
    if f.tension:
        where.append("(EXISTS (SELECT 1 FROM passage_labels l WHERE l.passage_id = p.id AND l.tensions::jsonb ? %s)"
                     " OR EXISTS (SELECT 1 FROM codings c WHERE c.passage_id = p.id AND c.tensions::jsonb ? %s))")
        params += [f.tension, f.tension]
    if f.latest_only:
        where.append("NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = p.doc_id)")
    return where, params


def _match(tsq: str, f: SearchFilters) -> tuple[str, list[Any]]:
    """``FROM passages p WHERE p.tsv @@ q AND …`` for a tsquery given as text."""
    where, params = _filters(f)
    return ("FROM passages p WHERE p.tsv @@ %s::tsquery" + "".join(f" AND {w}" for w in where), [tsq, *params])


@dataclass(frozen=True, slots=True)
class RankTerm:
    weights: str  # ts_rank_cd weights {D, C, B, A}: the one layer this term is counted in
    tsquery: str  # the term alone, as tsquery text
    idf: float


def build_search_sql(tsq: str, f: SearchFilters, limit: int, offset: int, terms: list[RankTerm],
                     avgdl: float) -> tuple[str, list[Any]]:
    """The ranked page: BM25 top-k first, then only those rows get text and headline.

    Score = Σ idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·ntok/avgdl)), the formula of SQLite
    FTS5's bm25() with its constants, where tf = ``ts_rank_cd(layer weights, tsv, t, 0)``:
    for one term without normalisation, cover density is exactly the number of occurrences.
    ``RANKING=ts_rank_cd`` (env ``DRECHTLENS_PG_RANK``) ranks by plain ``ts_rank_cd(tsv, q, 1)``."""
    base, params = _match(tsq, f)
    if RANKING == "ts_rank_cd" or not terms:
        lateral, lparams = "", []
        score, sparams = "ts_rank_cd(p.tsv, %s::tsquery, 1)", [tsq]
    else:
        # each term's frequency computed once per row (LATERAL), then the BM25 sum
        lateral = (" CROSS JOIN LATERAL (SELECT "
                   + ", ".join(f"ts_rank_cd('{t.weights}', p.tsv, %s::tsquery, 0) AS tf{i}" for i, t in enumerate(terms))
                   + f", {K1} * (1 - {B} + {B} * p.ntok / %s::float8) AS lnorm) r")
        lparams = [t.tsquery for t in terms] + [max(avgdl, 1e-9)]
        score = " + ".join(f"%s::float8 * r.tf{i} * {K1 + 1} / (r.tf{i} + r.lnorm)" for i in range(len(terms)))
        sparams = [t.idf for t in terms]
    # the FROM of the match, with the LATERAL term frequencies joined before its WHERE
    ranked_from = base.replace(" WHERE ", lateral + " WHERE ", 1)
    sql = ("SELECT p.id AS passage_id, p.doc_id, d.title, d.kind, d.body, d.year, p.page_start, p.page_end, p.path,"
           f" p.heading, p.text, t.score, t.total, ts_headline('{TS_CONFIG}', p.text, %s::tsquery, %s) AS headline"
           # the ranking visits every match anyway: the total comes from the same scan
           f" FROM (SELECT p.rowid AS rid, {score} AS score, count(*) OVER () AS total {ranked_from}"
           " ORDER BY score DESC, p.rowid LIMIT %s OFFSET %s) t"
           " JOIN passages p ON p.rowid = t.rid JOIN documents d ON d.id = p.doc_id ORDER BY t.score DESC, t.rid")
    return sql, [tsq, _HEADLINE_OPTS, *sparams, *lparams, *params, int(limit), int(offset)]


_STATS: dict[tuple[str, str], tuple[int, float]] = {}
_DF: dict[tuple[str, str, str], int] = {}
_CACHE_LOCK = threading.Lock()


def _corpus_stats(store: Any, generation: str) -> tuple[int, float]:
    """(passages, mean tokens per passage), cached per corpus state."""
    key = (store.path, generation)
    with _CACHE_LOCK:
        if key in _STATS:
            return _STATS[key]
    n, avg = store.read_pg("SELECT count(*), coalesce(avg(ntok), 0) FROM passages")[0]
    with _CACHE_LOCK:
        if len(_STATS) > 64:
            _STATS.clear()
        _STATS[key] = (int(n), float(avg))
    return int(n), float(avg)


def _rank_terms(store: Any, pq: ParsedQuery, generation: str) -> tuple[list[RankTerm], float]:
    """The query's terms with their FTS5-style idf = ln((N − n + ½)/(n + ½)) (at least 1e-6),
    n = passages containing the term in its layer (cached per corpus state)."""
    if RANKING == "ts_rank_cd":
        return [], 0.0
    n_rows, avgdl = _corpus_stats(store, generation)
    specs = [_tf_sql(t) for t in pq.terms()]
    if not specs:
        return [], avgdl
    texts = store.read_pg("SELECT " + ", ".join(f"({s})::text" for _, s, _ in specs),
                          [x for _, _, ps in specs for x in ps])[0]
    with _CACHE_LOCK:
        missing = sorted({tq for tq in texts if tq and (store.path, generation, tq) not in _DF})
    if missing:  # one scan over the union of the terms' postings counts them all
        counts = store.read_pg(
            "SELECT " + ", ".join("count(*) FILTER (WHERE tsv @@ %s::tsquery)" for _ in missing)
            + " FROM passages WHERE tsv @@ (" + " || ".join("%s::tsquery" for _ in missing) + ")",
            [*missing, *missing])[0]
        with _CACHE_LOCK:
            if len(_DF) > 50_000:
                _DF.clear()
            for tq, n in zip(missing, counts, strict=True):
                _DF[(store.path, generation, tq)] = int(n)
    out = []
    for (weights, _, _), tq in zip(specs, texts, strict=True):
        with _CACHE_LOCK:
            n = _DF.get((store.path, generation, tq), 0) if tq else 0
        idf = math.log((n_rows - n + 0.5) / (n + 0.5)) if n_rows else 0.0
        out.append(RankTerm(weights, tq or "", idf if idf > 0 else 1e-6))
    return out, avgdl


def headline_spans(text: str, headline: str) -> list[tuple[int, int]]:
    """Offsets in ``text`` of the words ``ts_headline`` marked (``[]`` if its output is not
    the text plus markers, e.g. after whitespace normalisation)."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    start, pos = -1, 0
    for ch in headline:
        if ch == START:
            start = pos
        elif ch == STOP:
            if start >= 0:
                spans.append((start, pos))
            start = -1
        else:
            plain.append(ch)
            pos += 1
    return spans if "".join(plain) == text else []


def snippet(text: str, headline: str, pq: ParsedQuery) -> tuple[str, list[tuple[int, int]]]:
    """Plain snippet + highlight offsets: PostgreSQL's marks united with the SQLite rules."""
    spans = sorted(set(headline_spans(text, headline)) | set(match_spans(text, pq)))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return make_snippet(text, merged)


def _tsquery_text(store: Any, pq: ParsedQuery) -> str:
    expr, params = tsquery_sql(pq)
    return store.read_pg(f"SELECT ({expr})::text", params)[0][0] or ""


def facets(store: Any, query: str | ParsedQuery, filters: SearchFilters | None = None, *,
           stride: int = 1, tsq: str | None = None) -> dict[str, dict[str, int]]:
    """Exact counts of matching passages per body, year, kind and machine-labelled domain
    (``stride`` is accepted for the SQLite signature; PostgreSQL always counts exactly)."""
    pq = query if isinstance(query, ParsedQuery) else parse_query(query)
    f = filters or SearchFilters()
    out: dict[str, dict[str, int]] = {"body": {}, "year": {}, "kind": {}, "domain": {}}
    if pq.empty:
        return out
    tsq = _tsquery_text(store, pq) if tsq is None else tsq
    if not tsq:
        return out
    base, params = _match(tsq, f)
    counters: dict[str, Counter] = {"body": Counter(), "year": Counter(), "kind": Counter()}
    for r in store.read_pg("SELECT d.kind, d.body, d.year, n FROM (SELECT p.doc_id, count(*) AS n "
                           f"{base} GROUP BY p.doc_id) m JOIN documents d ON d.id = m.doc_id", params):
        counters["body"][r["body"]] += r["n"]
        counters["year"]["" if r["year"] is None else str(r["year"])] += r["n"]
        counters["kind"][r["kind"]] += r["n"]
    out = {k: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for k, c in counters.items()}
    rows = store.read_pg(
        "SELECT j.v, count(DISTINCT p.id) AS n "
        + base.replace(" WHERE ", " JOIN passage_labels l ON l.passage_id = p.id"
                       " CROSS JOIN LATERAL jsonb_array_elements_text(l.domains::jsonb) AS j(v) WHERE ", 1)
        + " GROUP BY j.v ORDER BY n DESC, j.v", params)
    out["domain"] = {r["v"]: r["n"] for r in rows}
    return out


def search(store: Any, query: str, filters: SearchFilters | dict[str, Any] | None = None, *, limit: int = 20,
           offset: int = 0, with_facets: bool = True, exact_cap: int | None = None) -> SearchResult:
    """``corpus.search.search`` on PostgreSQL (same arguments, same result; never raises for query text)."""
    f = filters if isinstance(filters, SearchFilters) else SearchFilters.from_dict(filters)
    pq = parse_query(query)
    if pq.empty:
        return SearchResult([], 0, {}, "", " ".join(pq.notes))
    tsq = _tsquery_text(store, pq)
    if not tsq:
        notes = [*pq.notes, "De zoekvraag bestaat alleen uit veelvoorkomende woorden (zoals 'de', 'het', 'van'); "
                            "gebruik \"…\" voor een exacte zin of voeg een inhoudelijk woord toe."]
        return SearchResult([], 0, {}, "", " ".join(notes))
    terms, avgdl = _rank_terms(store, pq, store.generation)
    sql, params = build_search_sql(tsq, f, limit, offset, terms, avgdl)
    rows = store.read_pg(sql, params)
    if rows:
        total = int(rows[0]["total"])
    elif offset == 0:
        total = 0
    else:  # a page past the end: count separately
        base, bparams = _match(tsq, f)
        total = int(store.read_pg(f"SELECT count(*) {base}", bparams)[0][0])
    facet_counts = facets(store, pq, f, tsq=tsq) if with_facets else {}
    hits = []
    for r in rows:
        snip, hl = snippet(r["text"], r["headline"], pq)
        loc = Passage(id=r["passage_id"], seq=0, text="", page_start=0, page_end=0,
                      path=tuple((a, b) for a, b in json.loads(r["path"]))).location
        hits.append(SearchHit(r["passage_id"], r["doc_id"], r["title"], r["kind"], r["body"], r["year"],
                              r["page_start"], r["page_end"], loc, r["heading"], snip, hl, float(r["score"])))
    return SearchResult(hits, total, facet_counts, tsq, _notes(pq, total))
