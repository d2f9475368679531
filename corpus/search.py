"""Full-text search over passages: Dutch-aware, safe against any user input.

``search(store, query, filters) -> SearchResult``. The user's query is never handed to
FTS5 as typed: :func:`parse_query` extracts words, quoted phrases, ``prefix*`` terms,
``OF``/``OR`` alternatives and ``-uitsluiting`` exclusions and builds an FTS expression in
which every token is a double-quoted string, so FTS operators, ``NEAR(``, quotes, SQL,
emoji and 10 kB pastes can only ever be search words (or be dropped, with a Dutch note in
``SearchResult.message``).

Matching:

* a plain word matches its normalised form (``corpus.normalize.norm_term``: simplemma
  lemma + old Snowball Dutch) in the ``norm`` column: "woningen" finds "woning",
  "bevoegdheid" finds "bevoegdheden", "besluit" finds "besloten";
* ``"exact phrase"`` matches the surface text (case and diacritics folded);
* ``woon*`` is a prefix on the surface text.

Ranking is BM25. Snippets are computed in Python: ``SearchHit.snippet`` is plain
text and ``SearchHit.highlights`` are ``(start, end)`` offsets into it, so a caller
escapes the text itself (:func:`snippet_html` does it for HTML).

Two engines answer a SQLite store, with the same matching, filters and result contract:

* **tantivy** (``corpus.fastsearch``), for a store in a file: a sidecar index
  ``<db>.tantivy/`` kept in sync with the store per document, built on first use or at the
  end of an ingest. It ranks the top k without scoring every match, so ``total`` and the
  facets are always exact (``total_exact``/``facets_exact`` stay True); only the page of
  hits is read from SQLite for text, page and snippet. About 10 ms per search at 1M
  passages where FTS5 needs 100 ms–1 s (``bench/results``);
* **FTS5** (below): for ``:memory:`` stores, with ``DRECHTLENS_SEARCH_ENGINE=fts5``, and as
  the fallback whenever the sidecar cannot answer (another process is writing it, it is
  damaged, tantivy fails): the search then runs here and a warning is logged, it never fails.

``build_search_sql(parsed_or_query, filters, limit, offset) -> (sql, params)`` is separate
from execution so the benchmark can time the exact statement.

Cost of the FTS5 path at scale (1M passages; see ``bench/search.py``):

* ranking is top-k inside the FTS query (``ORDER BY rank, rowid LIMIT k OFFSET o`` on
  ``passages_fts``); only the page is joined to its passage text and document, and only
  the page is snippeted. FTS5 still computes bm25 for every match that passes the
  filters, so a word in a third of all passages costs about a second at 1M: that is the
  floor of the bare FTS5 statement too, not overhead of ours;
* filters on document facts (kind, body, years, document) and ``has_flags`` are one set
  of passage rowids per statement (no join per match); ``latest_only`` excludes the
  (usually empty) set of superseded passages. Only domain/tension filters join each match;
* ``total`` is exact unless a domain/tension filter is set and more than ``EXACT_CAP``
  passages match; facets are exact up to ``EXACT_CAP`` matches and otherwise counted on
  every k-th passage (by rowid) and scaled by k. ``SearchResult.total_exact`` and
  ``facets_exact`` say when a number is such an estimate (the UI should show "±"/"ca.").
"""

from __future__ import annotations

import functools
import html
import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from corpus.normalize import WORD_RE, norm_term
from corpus.store import Store
from extract.document import Passage

_log = logging.getLogger(__name__)

MAX_TERMS = 32
MAX_QUERY_CHARS = 1000
SNIPPET_CHARS = 240
# Matches counted exactly (total with filters, facets); above this: estimated from a sample.
EXACT_CAP = 10_000


@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without diacritics: what FTS5's unicode61 (remove_diacritics 2) compares."""
    nfkd = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch))


# -- query parsing -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    kind: str  # "word" | "phrase" | "prefix"
    words: tuple[str, ...]  # surface words as typed (folded)
    norm: str = ""  # for "word": the normalised index form

    def fts(self) -> str:
        if self.kind == "word":
            return f'norm:"{self.norm}"'
        if self.kind == "prefix":
            return f'text:"{self.words[0]}"*'
        return 'text:"' + " ".join(self.words) + '"'


@dataclass(slots=True)
class ParsedQuery:
    clauses: list[list[Term]] = field(default_factory=list)  # OR of ANDs
    excluded: list[Term] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Dutch, shown to the user

    @property
    def empty(self) -> bool:
        return not any(self.clauses)

    @property
    def fts(self) -> str:
        """The FTS5 MATCH expression ('' when there is nothing to search for)."""
        if self.empty:
            return ""
        ors = [" AND ".join(t.fts() for t in c) for c in self.clauses if c]
        expr = ors[0] if len(ors) == 1 else " OR ".join(f"({o})" for o in ors)
        if self.excluded:
            expr = f"({expr}) NOT ({' OR '.join(t.fts() for t in self.excluded)})"
        return expr

    def terms(self) -> list[Term]:
        return [t for c in self.clauses for t in c]


_TOKEN_RE = re.compile(r'"([^"]*)"|(\S+)')


def parse_query(query: str) -> ParsedQuery:
    """Turn anything a user types into a safe :class:`ParsedQuery` (never raises)."""
    pq = ParsedQuery(clauses=[[]])
    q = query or ""
    if len(q) > MAX_QUERY_CHARS:
        q = q[:MAX_QUERY_CHARS]
        pq.notes.append(f"De zoekvraag is ingekort tot {MAX_QUERY_CHARS} tekens.")
    if q.count('"') % 2:
        pos = q.rfind('"')
        q = q[:pos] + " " + q[pos + 1:]
        pq.notes.append("Een aanhalingsteken zonder sluitend aanhalingsteken is genegeerd.")
    n_terms, dropped = 0, False
    for m in _TOKEN_RE.finditer(q):
        phrase, raw = m.group(1), m.group(2)
        if phrase is not None:
            words = tuple(fold(w) for w in WORD_RE.findall(phrase))
            if not words:
                continue
            raw_words = WORD_RE.findall(phrase)
            term = (Term("phrase", words) if len(words) > 1
                    else Term("word", words, fold(norm_term(raw_words[0]))))
            negate = m.start() > 0 and q[m.start() - 1] == "-"
        else:
            if raw.upper() in ("OF", "OR") and pq.clauses[-1]:
                pq.clauses.append([])
                continue
            negate = raw.startswith("-") and len(raw) > 1
            prefix = raw.endswith("*")
            raw_words = WORD_RE.findall(raw)
            words = tuple(fold(w) for w in raw_words)
            if not words:
                if raw not in ("-",):
                    dropped = True
                continue
            if prefix and len(words) == 1:
                term = Term("prefix", words)
            elif len(words) == 1:
                term = Term("word", words, fold(norm_term(raw_words[0])))
            else:  # "art.5a", "GR-Drechtsteden": keep the pieces together as a phrase
                term = Term("phrase", words)
            if any(ch in raw for ch in '()^:{}+') or raw.upper() in ("AND", "NOT", "NEAR"):
                dropped = True
        if n_terms >= MAX_TERMS:
            pq.notes.append(f"Alleen de eerste {MAX_TERMS} zoektermen zijn gebruikt.")
            break
        n_terms += 1
        (pq.excluded if negate else pq.clauses[-1]).append(term)
    pq.clauses = [c for c in pq.clauses if c]
    if dropped:
        pq.notes.append("Leestekens en zoekoperatoren zijn als gewone tekst gelezen (gebruik \"…\" voor een exacte "
                        "zin, woord* voor een begin, OF voor alternatieven, -woord om uit te sluiten).")
    if pq.empty:
        pq.excluded = []
        pq.notes.append("Geen zoekwoorden gevonden: typ een of meer woorden.")
    return pq


# -- filters and SQL -----------------------------------------------------------------


@dataclass(slots=True)
class SearchFilters:
    kind: str | None = None
    body: str | None = None  # municipality / public body, case-insensitive substring
    year_from: int | None = None
    year_to: int | None = None
    domain: str | None = None  # machine label or human coding
    tension: str | None = None  # tension field name (labels or codings)
    has_flags: bool = False
    doc_id: str | None = None
    latest_only: bool = True  # hide superseded versions

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> SearchFilters:
        d = dict(d or {})
        return cls(**{k: v for k, v in d.items() if k in cls.__slots__})

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def _filter_sql(f: SearchFilters) -> tuple[list[str], list[Any]]:
    """WHERE conditions over ``passages_fts`` (and ``p`` = passages when :func:`_needs_join`).

    Document-level filters (kind, body, years, document) and ``has_flags`` become one set
    of passage rowids that SQLite builds once per statement: a probe per match instead of
    a join to the passage and document rows of every match. The unary ``+`` keeps FTS5
    from treating ``rowid IN (…)`` as a lookup of each rowid in turn."""
    where: list[str] = []
    params: list[Any] = []
    doc_where: list[str] = []
    if f.kind:
        doc_where.append("d.kind = ?")
        params.append(f.kind)
    if f.body:
        doc_where.append("d.body LIKE '%' || ? || '%'")
        params.append(f.body)
    if f.year_from is not None:
        doc_where.append("d.year >= ?")
        params.append(int(f.year_from))
    if f.year_to is not None:
        doc_where.append("d.year <= ?")
        params.append(int(f.year_to))
    if f.doc_id:
        doc_where.append("d.id = ?")
        params.append(f.doc_id)
    if doc_where:
        where.append("+passages_fts.rowid IN (SELECT fp.rowid FROM documents d JOIN passages fp ON fp.doc_id = d.id"
                     f" WHERE {' AND '.join(doc_where)})")
    if f.has_flags:
        where.append("+passages_fts.rowid IN (SELECT gp.rowid FROM passages gp WHERE gp.id IN"
                     " (SELECT g.passage_id FROM flags g))")
    if f.domain:
        where.append("(EXISTS (SELECT 1 FROM passage_labels l, json_each(l.domains) j WHERE l.passage_id = p.id"
                     " AND j.value = ?) OR EXISTS (SELECT 1 FROM codings c, json_each(c.domains) j"
                     " WHERE c.passage_id = p.id AND j.value = ?))")
        params += [f.domain, f.domain]
    if f.tension:
        where.append("(EXISTS (SELECT 1 FROM passage_labels l, json_each(l.tensions) j WHERE l.passage_id = p.id"
                     " AND j.key = ?) OR EXISTS (SELECT 1 FROM codings c, json_each(c.tensions) j"
                     " WHERE c.passage_id = p.id AND j.key = ?))")
        params += [f.tension, f.tension]
    if f.latest_only:
        where.append(_SUPERSEDED)
    return where, params


def _as_parsed(query: str | ParsedQuery) -> ParsedQuery:
    return query if isinstance(query, ParsedQuery) else parse_query(query)


# Passages of superseded versions (normally none or few): ``latest_only`` excludes them by
# rowid, a set SQLite materialises once per statement, so the filter needs no join per match.
_SUPERSEDED = ("+passages_fts.rowid NOT IN (SELECT sp.rowid FROM documents sn JOIN passages sp"
               " ON sp.doc_id = sn.previous_id WHERE sn.previous_id IS NOT NULL)")


def _needs_join(f: SearchFilters) -> bool:
    """Whether a filter needs the passage row of every match (codings and labels by passage id)."""
    return bool(f.domain or f.tension)


def _base(query: str | ParsedQuery, filters: SearchFilters | None) -> tuple[str, list[Any]]:
    """``FROM … WHERE …`` over the matches: the FTS table alone when no filter needs a row."""
    pq = _as_parsed(query)
    f = filters or SearchFilters()
    where, params = _filter_sql(f)
    if _needs_join(f):
        sql = "FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid WHERE passages_fts MATCH ?"
    else:
        sql = "FROM passages_fts WHERE passages_fts MATCH ?"
    return sql + "".join(f" AND {w}" for w in where), [pq.fts, *params]


def build_search_sql(query: str | ParsedQuery, filters: SearchFilters | None = None, limit: int = 20,
                     offset: int = 0) -> tuple[str, list[Any]]:
    """The ranked search statement and its parameters (best first; lower bm25 = better).

    Top-k inside the full-text query: the inner SELECT ranks the matches by the FTS5
    ``rank`` column (bm25 with weights 1, 1) and keeps only the page asked for; only those
    rows are joined to their passage text and document."""
    base, params = _base(query, filters)
    sql = ("SELECT p.id AS passage_id, p.doc_id, d.title, d.kind, d.body, d.year, p.page_start, p.page_end,"
           " p.path, p.heading, p.text, t.score FROM (SELECT passages_fts.rowid AS rid, passages_fts.rank AS score "
           f"{base} ORDER BY passages_fts.rank, passages_fts.rowid LIMIT ? OFFSET ?) t"
           " JOIN passages p ON p.rowid = t.rid JOIN documents d ON d.id = p.doc_id ORDER BY t.score, t.rid")
    return sql, [*params, int(limit), int(offset)]


def build_count_sql(query: str | ParsedQuery, filters: SearchFilters | None = None,
                    cap: int | None = None) -> tuple[str, list[Any]]:
    """``count(*)`` of the matches; with ``cap`` it stops counting after ``cap + 1``."""
    base, params = _base(query, filters)
    if cap is None:
        return f"SELECT count(*) {base}", params
    return f"SELECT count(*) FROM (SELECT 1 {base} LIMIT ?)", [*params, int(cap) + 1]


# -- results -------------------------------------------------------------------------


@dataclass(slots=True)
class SearchHit:
    passage_id: str
    doc_id: str
    doc_title: str
    kind: str
    body: str
    year: int | None
    page_start: int
    page_end: int
    location: str
    heading: str
    snippet: str
    highlights: list[tuple[int, int]]  # offsets into snippet
    score: float  # higher is better (negated bm25)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class SearchResult:
    hits: list[SearchHit]
    total: int
    facets: dict[str, dict[str, int]]  # "body" | "year" | "kind" | "domain" → value → count
    query_parsed: str  # the FTS expression that ran
    message: str = ""  # Dutch note when the query was repaired or empty
    # False when the number is an estimate (very many matches with a filter; see search())
    total_exact: bool = True
    facets_exact: bool = True


def match_spans(text: str, pq: ParsedQuery) -> list[tuple[int, int]]:
    """Character spans in ``text`` that match the query's terms (for highlighting)."""
    toks = [(m.start(), m.end(), fold(m.group()), m.group()) for m in WORD_RE.finditer(text)]
    spans: list[tuple[int, int]] = []
    norms: list[str] | None = None  # per token, computed once for all word terms
    for term in pq.terms():
        if term.kind == "word":
            if norms is None:
                norms = [fold(norm_term(raw)) for _, _, _, raw in toks]
            spans += [(s, e) for (s, e, w, _), n in zip(toks, norms, strict=True)
                      if w == term.words[0] or n == term.norm]
        elif term.kind == "prefix":
            spans += [(s, e) for s, e, w, _ in toks if w.startswith(term.words[0])]
        else:
            n = len(term.words)
            for i in range(len(toks) - n + 1):
                if tuple(t[2] for t in toks[i:i + n]) == term.words:
                    spans.append((toks[i][0], toks[i + n - 1][1]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """A keyword-in-context window around the first hit; highlights re-based to the window."""
    text = " ".join(text.split(" "))  # keep offsets: no whitespace collapsing beyond this
    if len(text) <= width:
        return text, spans
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if sp != -1 and start - sp < 30 else start
    end = min(len(text), start + width)
    if end < len(text):
        sp = text.rfind(" ", start, end)
        end = sp if sp > first else end
    prefix, suffix = ("…" if start else ""), ("…" if end < len(text) else "")
    shift = len(prefix) - start
    hl = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return prefix + text[start:end] + suffix, hl


def snippet_html(snippet: str, highlights: list[tuple[int, int]], tag: str = "mark") -> str:
    """HTML-escaped snippet with ``<mark>`` around each highlight."""
    out, pos = [], 0
    for s, e in highlights:
        out.append(html.escape(snippet[pos:s]))
        out.append(f"<{tag}>{html.escape(snippet[s:e])}</{tag}>")
        pos = e
    out.append(html.escape(snippet[pos:]))
    return "".join(out)


def _stride(n_matches: int, cap: int) -> int:
    """Sample every k-th passage (by rowid) so that about ``cap`` matches are looked at."""
    return 1 if n_matches <= cap else -(-n_matches // cap)


def _sampled(base: str, k: int) -> str:
    return base if k == 1 else base + f" AND passages_fts.rowid % {int(k)} = 0"


def facets(store: Store, query: str | ParsedQuery, filters: SearchFilters | None = None, *,
           stride: int = 1) -> dict[str, dict[str, int]]:
    """Counts of matching passages per body, year, kind and (machine-labelled) domain.

    One aggregate over the matched rowids grouped per document (the FTS match runs once;
    Python only sees one row per document); body/year/kind are summed from those. With
    ``stride`` k > 1 only passages with ``rowid % k == 0`` are counted and every count is
    multiplied by k: an estimate (see :func:`search`, ``SearchResult.facets_exact``)."""
    if getattr(store, "dialect", "sqlite") == "postgresql":  # tsvector search: corpus.search_pg
        from corpus import search_pg
        return search_pg.facets(store, query, filters)
    base, params = _base(query, filters)
    if " JOIN passages p " not in base:
        base = base.replace("FROM passages_fts ", "FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid ", 1)
    base = _sampled(base, stride)
    per_doc = store.read(f"SELECT p.doc_id, count(*) {base} GROUP BY p.doc_id", params)
    counters: dict[str, Counter] = {"body": Counter(), "year": Counter(), "kind": Counter()}
    if per_doc:
        meta = store.read("SELECT id, kind, body, year FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                          (json.dumps([r[0] for r in per_doc]),))
        by_id = {r["id"]: r for r in meta}
        for doc_id, n in per_doc:
            d = by_id[doc_id]
            counters["body"][d["body"]] += n * stride
            counters["year"]["" if d["year"] is None else str(d["year"])] += n * stride
            counters["kind"][d["kind"]] += n * stride
    out = {k: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for k, c in counters.items()}
    out["domain"] = {}
    if store.read("SELECT 1 FROM passage_labels LIMIT 1"):
        rows = store.read(
            f"SELECT j.value AS v, count(DISTINCT p.id) AS n "
            f"{base.replace(' WHERE ', ' JOIN passage_labels l ON l.passage_id = p.id, json_each(l.domains) j WHERE ', 1)}"
            " GROUP BY v ORDER BY n DESC, v", params)
        out["domain"] = {r["v"]: r["n"] * stride for r in rows}
    return out


def search(store: Store, query: str, filters: SearchFilters | dict[str, Any] | None = None, *, limit: int = 20,
           offset: int = 0, with_facets: bool = True, exact_cap: int | None = None) -> SearchResult:
    """Run a user query. Never raises for bad query text; filters are validated by their types.

    Cost is bounded for very common words: only the page of hits is joined to its text
    and snippeted. ``total`` is exact when no filter needs the passage row (the count runs
    on the FTS index alone) or when at most ``exact_cap`` (default :data:`EXACT_CAP`)
    passages match; beyond that it, and the facets, are estimated from every k-th passage
    and ``SearchResult.total_exact`` / ``facets_exact`` are False."""
    if getattr(store, "dialect", "sqlite") == "postgresql":  # tsvector search: corpus.search_pg
        from corpus import search_pg
        return search_pg.search(store, query, filters, limit=limit, offset=offset, with_facets=with_facets,
                                exact_cap=exact_cap)
    cap = EXACT_CAP if exact_cap is None else max(1, int(exact_cap))
    f = filters if isinstance(filters, SearchFilters) else SearchFilters.from_dict(filters)
    pq = parse_query(query)
    if pq.empty:
        return SearchResult([], 0, {}, "", " ".join(pq.notes))
    fast = _fast_search(store, pq, f, limit, offset, with_facets)
    if fast is not None:
        return fast
    sql, params = build_search_sql(pq, f, limit, offset)
    rows = store.read(sql, params)
    total_exact = facets_exact = True
    if not _needs_join(f):
        csql, cparams = build_count_sql(pq, f)
        total = store.read(csql, cparams)[0][0]
        stride = _stride(total, cap)
    else:
        csql, cparams = build_count_sql(pq, f, cap)
        total = store.read(csql, cparams)[0][0]
        stride = 1
        if total > cap:  # estimate from a sample of the matches, sized on the unfiltered match count
            bsql, bparams = build_count_sql(pq, SearchFilters(latest_only=f.latest_only))
            stride = max(2, _stride(store.read(bsql, bparams)[0][0], cap))
            if not with_facets:
                base, bp = _base(pq, f)
                total = max(cap + 1, store.read(f"SELECT count(*) {_sampled(base, stride)}", bp)[0][0] * stride)
                total_exact = False
    facet_counts: dict[str, dict[str, int]] = {}
    if with_facets:
        facet_counts = facets(store, pq, f, stride=stride)
        facets_exact = stride == 1
        if stride > 1 and _needs_join(f):
            total = max(cap + 1, sum(facet_counts["kind"].values()))
            total_exact = False
    hits = [_hit(r, pq, -float(r["score"])) for r in rows]
    return SearchResult(hits, total, facet_counts, pq.fts, _notes(pq, total), total_exact, facets_exact)


def _hit(r: Any, pq: ParsedQuery, score: float) -> SearchHit:
    """A result row (passage joined to its document) as a hit with snippet and location."""
    snippet, hl = make_snippet(r["text"], match_spans(r["text"], pq))
    loc = Passage(id=r["passage_id"], seq=0, text="", page_start=0, page_end=0,
                  path=tuple((a, b) for a, b in json.loads(r["path"]))).location
    return SearchHit(r["passage_id"], r["doc_id"], r["title"], r["kind"], r["body"], r["year"],
                     r["page_start"], r["page_end"], loc, r["heading"], snippet, hl, score)


def _notes(pq: ParsedQuery, total: int) -> str:
    notes = list(pq.notes)
    words = [t.words[0] for t in pq.terms() if t.kind == "word"]
    if total == 0 and words:
        notes.append(f"Geen treffers. Tip: {words[0]}* vindt ook samenstellingen en woorden die zo beginnen.")
    return " ".join(notes)


_HIT_ROWS_SQL = ("SELECT p.rowid AS rid, p.id AS passage_id, p.doc_id, d.title, d.kind, d.body, d.year, p.page_start,"
                 " p.page_end, p.path, p.heading, p.text FROM passages p JOIN documents d ON d.id = p.doc_id"
                 " WHERE p.rowid IN (SELECT value FROM json_each(?))")


def _fast_search(store: Store, pq: ParsedQuery, f: SearchFilters, limit: int, offset: int,
                 with_facets: bool) -> SearchResult | None:
    """The search on the tantivy sidecar (``corpus.fastsearch``), or None: then FTS5 answers.

    Only the page of hits is read from SQLite. Every hit's passage id is checked against
    the hash the index stored for its rowid, so an index that fell behind the store (a
    write from another process between the sync and this read) is never shown: the
    search then runs on FTS5 and the next search syncs again."""
    from corpus import fastsearch

    if fastsearch.engine() == "fts5" or fastsearch.index_dir(store) is None:
        return None
    try:
        fast = fastsearch.search_ids(store, pq, f, limit=limit, offset=offset, with_facets=with_facets)
        rows = {r["rid"]: r for r in store.read(_HIT_ROWS_SQL, (json.dumps(fast.rowids),))}
        page = [(rows.get(rid), h) for rid, h in zip(fast.rowids, fast.pid_hashes, strict=True)]
        if any(r is None or fastsearch.pid_hash(r["passage_id"]) != h for r, h in page):
            fastsearch.forget(store)
            raise fastsearch.FastSearchUnavailable("zoekindex loopt achter op de database")
    except BaseException as err:  # tantivy errors include pyo3 panics (BaseException); never fail a search
        if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        _log.warning("Snelle zoekindex niet bruikbaar (%s: %s); zoeken via SQLite FTS5.", type(err).__name__, err)
        return None
    hits = [_hit(r, pq, score) for (r, _), score in zip(page, fast.scores, strict=True)]
    return SearchResult(hits, fast.total, fast.facets, pq.fts, _notes(pq, fast.total))
