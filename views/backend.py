"""The one place where the workbench talks to ``corpus`` and ``models``.

Pages call these functions and get plain values back. Parts of the system that are not
(yet) installed raise :class:`Unavailable` with a Dutch sentence the page shows as-is, so
a missing component never becomes a traceback. The store is a ``st.cache_resource``
singleton per database path; derived values are ``st.cache_data`` with a ``_store``
argument and are cleared after every write that changes them.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import streamlit as st

from corpus.cli import default_db_path


class Unavailable(RuntimeError):
    """A component of Drechtlens is missing or failed; ``str(err)`` is Dutch for the user."""


def optional(module: str, what: str) -> ModuleType:
    """Import ``module`` or raise :class:`Unavailable` naming the missing part in Dutch."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise Unavailable(f"{what} is nog niet beschikbaar in deze installatie ({module} ontbreekt).") from err


def db_path() -> str:
    return default_db_path()


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Any:
    store_mod = optional("corpus.store", "De corpusopslag")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return store_mod.Store(path)


def store() -> Any:
    """The shared Store for ``$DRECHTLENS_DB`` (one per path, shared by all sessions)."""
    try:
        return _open_store(db_path())
    except Unavailable:
        raise
    except Exception as err:  # a corrupt or unreadable database file
        raise Unavailable(f"De database {db_path()} kan niet geopend worden: {err}") from err


def cache_key(s: Any) -> str:
    """Cache key of the corpus state: the database path plus the store's generation."""
    return f"{s.path}|{s.generation}"


def clear_caches() -> None:
    """After a write (ingest, delete, review, coding): recompute derived values."""
    st.cache_data.clear()


@dataclass(frozen=True, slots=True)
class CorpusStatus:
    db_path: str
    documents: int = 0
    passages: int = 0
    error: str = ""


@st.cache_data(show_spinner=False, max_entries=4)
def _stats(_store: Any, generation: str) -> Any:
    return _store.stats()


def corpus_status() -> CorpusStatus:
    path = db_path()
    try:
        s = store()
        stats = _stats(s, cache_key(s))
        return CorpusStatus(path, stats.latest_documents, stats.passages)
    except Unavailable as err:
        return CorpusStatus(path, error=str(err))


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "ja", "yes")


# -- codebook -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CodebookView:
    version: str
    domains: tuple[str, ...]
    domain_names: dict[str, str]
    tensions: dict[str, tuple[str, str]]  # field code → (pole A name, pole B name)


@st.cache_resource(show_spinner=False)
def codebook() -> CodebookView:
    from models.codebook import load_codebook

    cb = load_codebook()
    return CodebookView(
        version=cb.version_id,
        domains=cb.domain_codes,
        domain_names={d.code: d.name for d in cb.domains},
        tensions={t.code: (t.poles["A"].name, t.poles["B"].name) for t in cb.tensions},
    )


def tension_chip(field: str, pole: str) -> str:
    """"vrijheid-afhankelijkheid" + "A" → "vrijheid" (the pole's own name)."""
    names = codebook().tensions.get(field)
    if not names:
        return f"{field}: {pole}"
    return {"A": names[0], "B": names[1]}.get(pole, f"{names[0]} ↔ {names[1]}")


# -- documents ------------------------------------------------------------------------------
UPLOAD_TYPES = ("pdf", "docx", "xml", "md", "markdown", "txt")
MAX_UPLOAD_MB = 50
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True, slots=True)
class DocRow:
    id: str
    title: str
    kind: str
    body: str
    year: int | None
    pages: int
    passages: int
    flags: int
    open_flags: int
    labels: str
    format: str
    source_file: str


@st.cache_data(show_spinner=False, max_entries=8)
def _documents(_store: Any, generation: str) -> list[DocRow]:
    open_counts: dict[str, int] = {}
    for f in _store.flags(status="open"):
        open_counts[f.doc_id] = open_counts.get(f.doc_id, 0) + 1
    out = []
    for d in _store.documents(latest_only=True):
        top = sorted(d.label_counts.items(), key=lambda kv: -kv[1])[:3]
        out.append(DocRow(
            id=d.id, title=d.title or d.source_file, kind=d.kind, body=d.body, year=d.year, pages=d.page_count,
            passages=d.passage_count, flags=sum(d.flag_counts.values()), open_flags=open_counts.get(d.id, 0),
            labels=", ".join(f"{k} ({v})" for k, v in top), format=d.format, source_file=d.source_file,
        ))
    return out


def list_documents() -> list[DocRow]:
    """The latest version of every document, with counts (cached per corpus generation)."""
    s = store()
    return _documents(s, cache_key(s))


def get_document(doc_id: str) -> Any:
    s = store()
    try:
        return _document(s, doc_id, cache_key(s))
    except Exception as err:
        raise Unavailable(f"Document {doc_id[:12]} kan niet geladen worden: {err}") from err


@st.cache_data(show_spinner=False, max_entries=16)
def _document(_store: Any, doc_id: str, generation: str) -> Any:
    return _store.get_document(doc_id)


def original_file(doc_id: str) -> bytes | None:
    try:
        return store().file_bytes(doc_id)
    except Exception:
        return None


def passage_texts(doc_id: str) -> dict[str, str]:
    return {p.id: p.text for p in get_document(doc_id).passages}


def passage_labels(doc_id: str) -> dict[str, list[str]]:
    """passage id → label chips (domains, then tension poles); human codings win over the model."""
    s = store()
    out: dict[str, list[str]] = {}
    for lab in s.labels(doc_id=doc_id):
        chips = list(lab.domains) + [tension_chip(f, p if isinstance(p, str) else str(p.get("pole", "")))
                                     for f, p in (lab.tensions or {}).items()]
        out.setdefault(lab.passage_id, [])
        out[lab.passage_id] = list(dict.fromkeys(out[lab.passage_id] + chips))
    for c in s.codings(doc_id=doc_id):
        out[c.passage_id] = list(dict.fromkeys(list(c.domains) + [tension_chip(f, p) for f, p in c.tensions.items()]))
    return out


@dataclass(frozen=True, slots=True)
class OutlineItem:
    passage_id: str
    label: str
    depth: int


def outline(doc: Any) -> list[OutlineItem]:
    """First passage of every hoofdstuk / artikel / lid (or sectie, agendapunt): the reader's TOC."""
    seen: set[tuple] = set()
    out = []
    for p in doc.passages:
        for depth in range(1, len(p.path) + 1):
            prefix = p.path[:depth]
            level, label = prefix[-1]
            if prefix in seen or level in ("onderdeel", "subonderdeel"):
                continue
            seen.add(prefix)
            name = f"{level} {label}"
            if level in ("artikel", "sectie", "agendapunt") and p.heading:
                name += f" — {p.heading[:40]}"
            out.append(OutlineItem(p.id, "\u2003" * (depth - 1) + name, depth))
    return out


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    ok: bool
    message: str
    doc_id: str = ""
    warnings: tuple[str, ...] = ()


def ingest_upload(name: str, data: bytes, kind: str | None = None,
                  progress: Any = None) -> IngestOutcome:
    """Store one uploaded file: parse, analyse, save (through ``corpus.ingest``)."""
    import tempfile

    size_mb = len(data) / 1_000_000
    if size_mb > MAX_UPLOAD_MB:
        return IngestOutcome(False, f"het bestand is {size_mb:.0f} MB; de grens is {MAX_UPLOAD_MB} MB per bestand.")
    if not data:
        return IngestOutcome(False, "het bestand is leeg.")
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in UPLOAD_TYPES:
        return IngestOutcome(False, f"bestandstype .{suffix} wordt niet ondersteund; gebruik PDF, DOCX, XML, "
                                    "Markdown of tekst.")
    try:
        ingest = optional("corpus.ingest", "Het inlezen van documenten")
        s = store()
    except Unavailable as err:
        return IngestOutcome(False, str(err))
    with tempfile.TemporaryDirectory(prefix="drechtlens-upload-") as tmp:
        path = Path(tmp) / Path(name).name
        path.write_bytes(data)
        try:
            return _run_ingest(ingest, s, path, kind, progress)
        except Exception as err:  # never a traceback in the UI; the message names the file
            return IngestOutcome(False, f"inlezen mislukt: {err}")
        finally:
            clear_caches()


def _run_ingest(ingest: ModuleType, s: Any, path: Path, kind: str | None, progress: Any) -> IngestOutcome:
    def cb(*args: Any, **kwargs: Any) -> None:
        if progress is None:
            return
        frac, msg = _progress_args(args, kwargs)
        progress(frac, msg)

    overrides = {"kind": kind} if kind else None
    report = ingest.ingest_paths(s, [path], overrides=overrides, workers=1, progress=cb)
    return _outcome_from_report(report)


def _progress_args(args: tuple, kwargs: dict) -> tuple[float, str]:
    """``corpus.ingest.IngestProgress`` (called after each file) → (fraction, Dutch message)."""
    prog = args[0] if args else next(iter(kwargs.values()), None)
    if prog is None or not getattr(prog, "total", 0):
        return 0.0, "bezig…"
    return prog.done / prog.total, f"{prog.done} van {prog.total} verwerkt"


def _outcome_from_report(report: Any) -> IngestOutcome:
    """The first item of a ``corpus.ingest.IngestReport`` as a Dutch outcome for one file."""
    if not report.items:
        return IngestOutcome(False, "het bestand is niet verwerkt (onbekend bestandstype?).")
    item = report.items[0]
    if item.status == "error":
        return IngestOutcome(False, item.error or "inlezen mislukt.")
    msg = {"new": "toegevoegd", "duplicate": "stond al in het corpus (ongewijzigd)",
           "new_version": "toegevoegd als nieuwe versie van een bestaand document",
           "imported": "geïmporteerd"}.get(item.status, "verwerkt")
    if item.status != "duplicate":
        msg += f": {item.title or item.path} ({item.pages} pagina's, {item.passages} passages)"
    return IngestOutcome(True, msg, item.doc_id, tuple(str(w) for w in item.warnings))


def delete_document(doc_id: str) -> None:
    try:
        store().delete_document(doc_id)
    finally:
        clear_caches()


def export_user_data(doc_id: str) -> bytes:
    """Codings and review decisions of a document's lineage as JSON (kept in the DB anyway)."""
    import json
    from dataclasses import asdict

    s = store()
    lineage_docs = {doc_id}
    try:
        lineage_docs |= {v.id for v in s.versions(doc_id)}
    except Exception:
        pass
    decisions = [asdict(d) for d in s.decisions(doc_id=doc_id)]
    codings = [asdict(c) for i in sorted(lineage_docs) for c in s.codings(doc_id=i)]
    return json.dumps({"document": doc_id, "decisions": decisions, "codings": codings},
                      ensure_ascii=False, indent=2).encode("utf-8")


# -- flags and review -------------------------------------------------------------------------
STATUS_NL = {"open": "open", "accept": "geaccepteerd", "dismiss": "afgewezen"}


@dataclass(frozen=True, slots=True)
class FlagRow:
    flag: Any  # models.ambiguity.flag.Flag
    status: str  # "open" | "accept" | "dismiss"
    reviewer: str = ""
    reason: str = ""
    comment: str = ""

    @property
    def status_nl(self) -> str:
        return STATUS_NL.get(self.status, self.status)


def artikel_sort_key(label: str | None) -> tuple:
    import re

    m = re.match(r"(\d+)(.*)", label or "")
    return (int(m.group(1)), m.group(2)) if m else (10**9, label or "")


def document_flags(doc_id: str) -> list[FlagRow]:
    """Flags of a document with their review status, worst first, then in document order."""
    from models.ambiguity.flag import Flag

    try:
        s = store()
        stored = s.flags(doc_id=doc_id)
        history = s.decisions(doc_id=doc_id)
    except Unavailable:
        return []
    last: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for d in history:  # oldest first: later entries win
        if d.decision == "comment":
            notes[d.flag_key] = d.comment
        else:
            last[d.flag_key] = d
    rows = []
    for sf in stored:
        try:
            flag = Flag.from_dict(sf.flag)
        except (TypeError, ValueError, KeyError):
            continue  # a flag saved by an older producer with other fields: skip, do not crash
        d = last.get(sf.key)
        rows.append(FlagRow(flag, sf.status, reviewer=d.reviewer if d else "", reason=d.reason if d else "",
                            comment=notes.get(sf.key, "")))
    order = {r.flag.passage_id: i for i, r in enumerate(rows)}
    rows.sort(key=lambda r: (-int(r.flag.severity), order.get(r.flag.passage_id, 0), r.flag.start))
    return rows


def decide(doc_id: str, flag: Any, decision: str, reviewer: str, reason: str = "", comment: str = "") -> None:
    try:
        store().add_decision(flag.key, doc_id, reviewer=reviewer, decision=decision, reason=reason, comment=comment)
    finally:
        clear_caches()


@dataclass(frozen=True, slots=True)
class AmbiguityTables:
    competences: list[dict] | None = None
    instruments: list[dict] | None = None
    aliases: list[dict] | None = None
    delegations: list[dict] | None = None
    error: str = ""


def _rows(items: Any) -> list[dict]:
    from dataclasses import asdict, is_dataclass

    out = []
    for it in items or ():
        if is_dataclass(it):
            d = asdict(it)
        elif isinstance(it, dict):
            d = dict(it)
        else:
            d = {"waarde": str(it)}
        out.append({k: (v if isinstance(v, str | int | float | bool | type(None)) else str(v)) for k, v in d.items()})
    return out


def ambiguity_tables(doc_id: str) -> AmbiguityTables:
    """Competence table, instrument cards, aliases and delegation ledger of one document."""
    try:
        amb = optional("models.ambiguity", "De toetsing op onduidelijkheid")
        if not hasattr(amb, "analyse"):
            raise Unavailable("De tabellen van de toetsing (bevoegdheden, instrumenten, aliassen, delegaties) "
                              "zijn nog niet beschikbaar in deze installatie.")
        s = store()
        return _ambiguity_tables(s, doc_id, cache_key(s))
    except Unavailable as err:
        return AmbiguityTables(error=str(err))
    except Exception as err:
        return AmbiguityTables(error=f"De toetsing kon niet worden uitgevoerd: {type(err).__name__}: {err}")


@st.cache_data(show_spinner="Regeling wordt geanalyseerd…", max_entries=8)
def _ambiguity_tables(_store: Any, doc_id: str, generation: str) -> AmbiguityTables:
    from models.ambiguity import analyse

    report = analyse(_store.get_document(doc_id))
    return AmbiguityTables(
        competences=_rows(getattr(report, "competences", ())), instruments=_rows(getattr(report, "instruments", ())),
        aliases=_rows(getattr(report, "aliases", ())), delegations=_rows(getattr(report, "delegations", ())),
    )


def flag_report(doc_id: str, fmt: str, min_severity: str = "info") -> bytes:
    """The review report (DOCX, CSV, ...) with the current status of every flag."""
    report_mod = optional("corpus.flag_report", "Het toetsingsrapport")
    from models.ambiguity.flag import Severity

    doc = get_document(doc_id)
    rows = document_flags(doc_id)
    report = report_mod.ReportInput(
        title=doc.title, flags=[r.flag for r in rows], source=doc.source_file,
        status={r.flag.key: r.status for r in rows}, min_severity=Severity.parse(min_severity),
    )
    return report_mod.render(report, fmt)


# -- coding ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Suggestion:
    domains: tuple[str, ...]
    tensions: dict[str, str]
    explanation: str
    producer: str


@dataclass(frozen=True, slots=True)
class QueueItem:
    passage: Any  # extract.document.Passage
    doc_id: str
    doc_title: str
    before: str
    after: str
    reason: str
    suggestion: Suggestion | None


@dataclass(frozen=True, slots=True)
class CodingProgress:
    coded_by_you: int
    coded_total: int
    candidates: int

    @property
    def fraction(self) -> float:
        return min(self.coded_by_you / self.candidates, 1.0) if self.candidates else 0.0


MIN_CODING_CHARS = 60  # shorter passages (headings, "Artikel 3") carry too little to code


def coding_progress(coder: str) -> CodingProgress:
    s = store()
    st_ = _stats(s, cache_key(s))
    mine = len({c.passage_id for c in s.codings(coder=coder)}) if coder else 0
    return CodingProgress(mine, len({c.passage_id for c in s.codings()}), st_.passages)


def _explain(expl: Any) -> str:
    if not expl:
        return ""
    if isinstance(expl, str):
        return expl
    if isinstance(expl, dict):
        parts = []
        for k, v in expl.items():
            if isinstance(v, list | tuple):
                v = ", ".join(str(x) for x in v[:6])
            elif isinstance(v, dict):
                v = ", ".join(f"{a} ({b:.2f})" if isinstance(b, float) else f"{a}" for a, b in list(v.items())[:6])
            parts.append(f"{k}: {v}")
        return "; ".join(parts)
    return str(expl)


def suggestion_for(passage_id: str) -> Suggestion | None:
    """The newest machine label of the passage (stored at ingest or after retraining)."""
    labels = store().labels(passage_id=passage_id)
    if not labels:
        return None
    lab = max(labels, key=lambda x: x.created_at)
    tensions = {f: (p if isinstance(p, str) else str(p.get("pole", ""))) for f, p in (lab.tensions or {}).items()}
    return Suggestion(tuple(lab.domains), tensions, _explain(lab.explanation), f"{lab.producer} {lab.producer_version}")


def next_passage(coder: str, skip: list[str] | None = None) -> QueueItem | None:
    """Next passage to code: from the active-learning queue when available, else corpus order."""
    s = store()
    skip_set = set(skip or ())
    done = {c.passage_id for c in s.codings(coder=coder)} if coder else set()
    pid, reason = None, ""
    try:
        active = importlib.import_module("models.active")
    except ImportError:
        active = None
    if active is not None and hasattr(active, "next_for"):
        try:
            pick = active.next_for(s, coder=coder, exclude=done | skip_set)
        except Exception:  # the queue is an aid: fall back to corpus order
            pick = None
        if pick is not None:
            pid, reason = getattr(pick, "passage_id", pick), getattr(pick, "reason", "actief leren")
    if pid is None:
        for d in _documents(s, cache_key(s)):
            for p in _document(s, d.id, cache_key(s)).passages:
                if p.id not in done and p.id not in skip_set and len(p.text) >= MIN_CODING_CHARS:
                    pid, reason = p.id, "volgorde van het corpus (actief leren niet beschikbaar)"
                    break
            if pid:
                break
    if pid is None:
        return None
    doc_id = s.passage_doc_id(pid)
    doc = _document(s, doc_id, cache_key(s))
    idx = next(i for i, p in enumerate(doc.passages) if p.id == pid)
    before = doc.passages[idx - 1].text if idx > 0 else ""
    after = doc.passages[idx + 1].text if idx + 1 < len(doc.passages) else ""
    return QueueItem(doc.passages[idx], doc_id, doc.title, before[-400:], after[:400], reason, suggestion_for(pid))


def save_coding(passage: Any, doc_id: str, coder: str, domains: list[str], tensions: dict[str, str],
                note: str = "", adjudicated: bool = False) -> None:
    try:
        store().add_coding(passage.id, coder=coder, domains=domains, tensions=tensions, note=note,
                           adjudicated=adjudicated)
    finally:
        clear_caches()


@dataclass(frozen=True, slots=True)
class TrainResult:
    summary: str
    metrics: list[dict]
    curve: list[dict]


def retrain() -> TrainResult:
    training = optional("models.training", "Opnieuw trainen")
    if not hasattr(training, "retrain"):
        raise Unavailable("Opnieuw trainen is nog niet beschikbaar in deze installatie.")
    result = training.retrain(store())
    clear_caches()
    return TrainResult(
        summary=getattr(result, "summary_nl", None) or "Model opnieuw getraind.",
        metrics=_rows(getattr(result, "metrics", ())),
        curve=_rows(getattr(result, "curve", ())),
    )


@dataclass(frozen=True, slots=True)
class Disagreement:
    passage_id: str
    doc_id: str
    text: str
    location: str
    codings: list[dict]  # one row per coder: codeur, domeinen, spanningsvelden


@dataclass(frozen=True, slots=True)
class AgreementView:
    summary: list[dict]
    disagreements: list[Disagreement]


def agreement() -> AgreementView:
    """Per passage coded by two or more coders: where they differ (latest coding per coder)."""
    s = store()
    latest: dict[str, dict[str, Any]] = {}
    adjudicated: set[str] = set()
    for c in s.codings():
        if c.adjudicated:
            adjudicated.add(c.passage_id)
            continue
        latest.setdefault(c.passage_id, {})[c.coder] = c
    multi = {pid: cs for pid, cs in latest.items() if len(cs) >= 2}
    disagreements = []
    agree_domains = 0
    for pid, cs in multi.items():
        labels = {(tuple(sorted(c.domains)), tuple(sorted(c.tensions.items()))) for c in cs.values()}
        if len({lab[0] for lab in labels}) == 1:
            agree_domains += 1
        if len(labels) > 1 and pid not in adjudicated:
            first = next(iter(cs.values()))
            disagreements.append(Disagreement(pid, first.doc_id, first.text_snapshot, first.location, [
                {"codeur": c.coder, "domeinen": ", ".join(sorted(c.domains)),
                 "spanningsvelden": ", ".join(f"{f}: {p}" for f, p in sorted(c.tensions.items())),
                 "_domains": list(c.domains), "_tensions": dict(c.tensions)} for c in cs.values()]))
    summary = []
    if multi:
        summary.append({"maat": "passages door ≥ 2 codeurs", "waarde": str(len(multi))})
        summary.append({"maat": "gelijke domeinen (aandeel)", "waarde": f"{agree_domains / len(multi):.0%}"})
        summary.append({"maat": "open meningsverschillen", "waarde": str(len(disagreements))})
        summary.extend(_alpha_rows(s))
    return AgreementView(summary, disagreements)


def _alpha_rows(s: Any) -> list[dict]:
    """Krippendorff's alpha per label from ``models.agreement`` when it is installed."""
    try:
        agreement_mod = importlib.import_module("models.agreement")
    except ImportError:
        return [{"maat": "Krippendorffs α", "waarde": "niet beschikbaar (models.agreement ontbreekt)"}]
    fn = getattr(agreement_mod, "alpha_table", None)
    if fn is None:
        return []
    try:
        return _rows(fn(s.codings()))
    except Exception as err:
        return [{"maat": "Krippendorffs α", "waarde": f"fout: {err}"}]


def adjudicate(dis: Disagreement, pick: int, adjudicator: str) -> None:
    row = dis.codings[pick]
    try:
        store().add_coding(dis.passage_id, coder=adjudicator, domains=row["_domains"], tensions=row["_tensions"],
                           note=f"beslecht: codering van {row['codeur']} overgenomen", adjudicated=True)
    finally:
        clear_caches()


# -- comparison --------------------------------------------------------------------------------
GROUPINGS = {"document": "Document", "body": "Gemeente / orgaan", "year": "Jaar", "kind": "Soort"}


@dataclass(frozen=True, slots=True)
class Comparison:
    domain_shares: list[dict]  # groep, domein, aandeel, passages
    positions: list[dict]  # groep, spanningsveld, positie, laag, hoog, n, pool A, pool B
    source: str


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def compare(by: str, source: str = "labels") -> Comparison:
    """Domain shares and tension positions per group. ``source``: "labels" (model) or "codings".

    Position of a field = (A − B) / (A + B) over the passages at one pole ("beide" counts
    half to each), in [-1, 1]; the 95% interval is the Wilson interval of the A share.
    """
    s = store()
    return _compare(s, by, source, cache_key(s))


@st.cache_data(show_spinner=False, max_entries=16)
def _compare(_store: Any, by: str, source: str, generation: str) -> Comparison:
    docs = {d.id: d for d in _store.documents()}

    def group_of(doc_id: str) -> str:
        d = docs.get(doc_id)
        if d is None:
            return "?"
        return {"document": d.title, "body": d.body or "?", "year": str(d.year or "?"), "kind": d.kind}.get(by, "?")

    records: list[tuple[str, list[str], dict[str, str]]] = []
    if source == "codings":
        latest: dict[tuple[str, str], Any] = {}
        for c in _store.codings():
            latest[(c.passage_id, c.coder)] = c
        records = [(group_of(c.doc_id), list(c.domains), dict(c.tensions)) for c in latest.values()]
    else:
        for lab in _store.labels():
            tens = {f: (p if isinstance(p, str) else str(p.get("pole", ""))) for f, p in (lab.tensions or {}).items()}
            records.append((group_of(lab.doc_id), list(lab.domains), tens))
    cb = codebook()
    passages_per_group: dict[str, int] = {}
    domain_counts: dict[tuple[str, str], int] = {}
    poles: dict[tuple[str, str], list[float]] = {}
    for g, doms, tens in records:
        passages_per_group[g] = passages_per_group.get(g, 0) + 1
        for d in doms:
            domain_counts[(g, d)] = domain_counts.get((g, d), 0) + 1
        for f, p in tens.items():
            a_b = poles.setdefault((g, f), [0.0, 0.0])
            if p == "A":
                a_b[0] += 1
            elif p == "B":
                a_b[1] += 1
            elif p == "beide":
                a_b[0] += 0.5
                a_b[1] += 0.5
    shares = [{"groep": g, "domein": cb.domain_names.get(d, d), "passages": n,
               "aandeel": round(n / passages_per_group[g], 3)} for (g, d), n in sorted(domain_counts.items())]
    positions = []
    for (g, f), (a, b) in sorted(poles.items()):
        n = a + b
        if n == 0:
            continue
        lo, hi = _wilson(round(a), round(n))
        names = cb.tensions.get(f, ("A", "B"))
        positions.append({"groep": g, "spanningsveld": f, "positie": round((a - b) / n, 3),
                          "laag": round(2 * lo - 1, 3), "hoog": round(2 * hi - 1, 3), "n": int(n),
                          "pool A": names[0], "pool B": names[1]})
    return Comparison(shares, positions, source)


# -- about -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AboutInfo:
    pipeline: str
    missing: list[str]
    codebook: str
    producers: list[dict]
    stats: dict[str, Any]
    components: list[dict]


COMPONENTS = [
    ("extract.parse", "Inlezen van PDF/DOCX/XML/Markdown"),
    ("corpus.ingest", "Documenten toevoegen (ingest)"),
    ("corpus.search", "Zoeken"),
    ("models.ambiguity.detect", "Toetsing op onduidelijkheid (detectoren)"),
    ("models.classify", "Classificatie naar domein en spanningsveld"),
    ("models.active", "Wachtrij voor actief leren"),
    ("models.training", "Opnieuw trainen"),
    ("models.agreement", "Overeenstemming tussen codeurs"),
    ("models.positions", "Posities per spanningsveld"),
]


@st.cache_resource(show_spinner="NLP-pijplijn laden…")
def _capabilities() -> Any:
    from models.nlp import load_nlp

    return load_nlp()[1]


@st.cache_data(show_spinner=False, max_entries=2)
def _producers(_store: Any, generation: str) -> list[dict]:
    """Which model versions produced the stored labels and flags (and how many results)."""
    from collections import Counter

    counts: Counter = Counter()
    for lab in _store.labels():
        counts[("labels", lab.producer, lab.producer_version, lab.codebook_version)] += 1
    for f in _store.flags():
        counts[("signalen", f.producer, f.producer_version, f.pipeline)] += 1
    return [{"soort": k[0], "model": k[1], "versie": k[2], "codeboek / pijplijn": k[3], "resultaten": n}
            for k, n in sorted(counts.items())]


def about() -> AboutInfo:
    caps = _capabilities()
    components = []
    for mod, name in COMPONENTS:
        # find_spec, not import: importing the classifier stack costs seconds on a cold start.
        try:
            ok = "beschikbaar" if importlib.util.find_spec(mod) is not None else "niet geïnstalleerd"
        except ImportError:
            ok = "niet geïnstalleerd"
        components.append({"onderdeel": name, "module": mod, "status": ok})
    producers: list[dict] = []
    stats: dict[str, Any] = {}
    try:
        s = store()
        producers = _producers(s, cache_key(s))
        ss = _stats(s, cache_key(s))
        stats = {"documenten": ss.documents, "passages": ss.passages, "pagina's": ss.pages,
                 "signalen": ss.flags, "labels": ss.labels, "toetsingsbesluiten": ss.decisions,
                 "coderingen": ss.codings, "opgeslagen zoekopdrachten": ss.saved_searches,
                 "databasegrootte (MB)": round(ss.db_bytes / 1e6, 1)}
    except Unavailable as err:
        stats = {"fout": str(err)}
    return AboutInfo(caps.label, caps.missing_nl(), codebook().version, producers, stats, components)


# -- search ------------------------------------------------------------------------------------
SEARCH_HELP = """\
**Zoeksyntax**
- `woningbouw` — vindt ook verbogen vormen (*woningen* → *woning*, *besloten* → *besluit*)
- `"dagelijks bestuur"` — exacte woordgroep
- `woon*` — woorden die zo beginnen
- `jeugd OF wmo` — één van beide
- `-begroting` — zonder dit woord
Alle woorden zonder `OF` moeten voorkomen.
"""


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    hits: list[Any]  # corpus.search.SearchHit
    total: int
    facets: dict[str, dict[str, int]]
    message: str
    seconds: float


def search(query: str, filters: dict[str, Any], limit: int = 50) -> SearchOutcome:
    search_mod = optional("corpus.search", "Zoeken")
    s = store()
    return _search(s, search_mod.__name__, query, tuple(sorted(filters.items())), limit, cache_key(s))


@st.cache_data(show_spinner=False, max_entries=64, ttl=600)
def _search(_store: Any, module: str, query: str, filters: tuple, limit: int, generation: str) -> SearchOutcome:
    import time

    search_mod = importlib.import_module(module)
    t0 = time.perf_counter()
    res = search_mod.search(_store, query, dict(filters), limit=limit)
    return SearchOutcome(list(res.hits), res.total, dict(res.facets), res.message, time.perf_counter() - t0)


def more_like_this(passage_id: str, limit: int = 10) -> list[Any]:
    """Passages similar to one passage (``corpus.similar``, TF-IDF cosine), as search hits."""
    similar = optional("corpus.similar", "'Meer zoals dit'")
    try:
        return list(similar.similar_passages(store(), passage_id, k=limit))
    except Exception as err:  # StoreError carries a Dutch sentence
        raise Unavailable(str(err)) from err


def saved_searches() -> list[Any]:
    return store().saved_searches()


def save_search(name: str, query: str, filters: dict[str, Any]) -> None:
    store().save_search(name, query, filters)


def delete_search(name: str) -> None:
    store().delete_search(name)


HIT_COLUMNS = ("document", "gemeente / orgaan", "jaar", "soort", "locatie", "pagina", "fragment", "passage_id",
               "doc_id", "score")


def hit_rows(hits: list[Any]) -> list[dict[str, Any]]:
    return [{"document": h.doc_title, "gemeente / orgaan": h.body, "jaar": h.year, "soort": h.kind,
             "locatie": h.location, "pagina": h.page_start if h.page_start == h.page_end
             else f"{h.page_start}-{h.page_end}", "fragment": h.snippet, "passage_id": h.passage_id,
             "doc_id": h.doc_id, "score": round(h.score, 3)} for h in hits]


def hits_csv(hits: list[Any]) -> bytes:
    import csv
    import io

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=HIT_COLUMNS)
    w.writeheader()
    w.writerows(hit_rows(hits))
    return buf.getvalue().encode("utf-8-sig")  # BOM: Excel opens UTF-8 CSV correctly


def hits_xlsx(hits: list[Any], query: str) -> bytes:
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "zoekresultaten"
    ws.append([f"Zoekvraag: {query}"])
    ws.append(list(HIT_COLUMNS))
    for row in hit_rows(hits):
        # A value starting with "=" would be a formula in Excel: keep document text inert.
        ws.append([("'" + v) if isinstance(v, str) and v[:1] in "=+-@" else v for v in row.values()])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
