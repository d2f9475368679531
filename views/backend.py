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
from extract import SUFFIXES


class Unavailable(RuntimeError):
    """A component of Drechtlens is missing or failed; ``str(err)`` is Dutch for the user."""


def db_path() -> str:
    return default_db_path()


def db_label() -> str:
    """The database for display: a file path, or a PostgreSQL URL without its password."""
    from corpus.store import redact
    return redact(db_path())


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Any:
    import corpus.store as store_mod
    if not store_mod.is_database_url(path):  # a SQLite file: create its folder; a URL: a server
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return store_mod.open_store(path)


def store() -> Any:
    """The shared Store for ``$DRECHTLENS_DB`` (one per path, shared by all sessions)."""
    try:
        return _open_store(db_path())
    except Unavailable:
        raise
    except Exception as err:  # a corrupt or unreadable database file
        raise Unavailable(f"De database {db_label()} kan niet geopend worden: {err}") from err


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
    path = db_label()
    try:
        s = store()
        stats = _stats(s, cache_key(s))
        return CorpusStatus(path, stats.latest_documents, stats.passages)
    except Unavailable as err:
        return CorpusStatus(path, error=str(err))


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
UPLOAD_TYPES = tuple(s.lstrip(".") for s in SUFFIXES)
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
                                    "HTML (lokaleregelgeving.overheid.nl), Markdown of tekst.")
    try:
        import corpus.ingest as ingest
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


def export_user_data(doc_id: str, s: Any = None) -> bytes:
    """Codings and review decisions of a document's lineage as JSON (kept in the DB anyway)."""
    import json
    from dataclasses import asdict

    s = s or store()
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


def run_review(doc_id: str) -> int:
    """Run the ambiguity detectors on a stored document and save its flags; returns the count.

    Same producer and versioning as the ingest analyser (corpus.review), so flags made here and
    at ingest replace each other instead of piling up.
    """
    from corpus.review import reanalyse

    try:
        return reanalyse(store(), doc_id)
    finally:
        clear_caches()


def flag_version(doc_id: str, flag: Any) -> int:
    """The flag's review-status version as the page shows it (pass it back to :func:`decide`)."""
    return store().flag_version(flag.key, doc_id)


def decide(doc_id: str, flag: Any, decision: str, reviewer: str, reason: str = "", comment: str = "",
           expected_version: int | None = None) -> str | None:
    """Record a review decision; returns the Dutch refusal when another reviewer decided on
    the same flag after ``expected_version`` was shown (nothing is overwritten then)."""
    from corpus.store import StoreError

    try:
        store().add_decision(flag.key, doc_id, reviewer=reviewer, decision=decision, reason=reason, comment=comment,
                             expected_version=expected_version)
    except StoreError as err:
        return str(err)
    finally:
        clear_caches()
    return None


@dataclass(frozen=True, slots=True)
class AmbiguityTables:
    competences: list[dict] | None = None
    instruments: list[dict] | None = None
    aliases: list[dict] | None = None
    delegations: list[dict] | None = None
    error: str = ""


COLUMN_NL = {
    "name": "naam", "kind": "soort", "action": "handeling", "action_class": "soort handeling",
    "object": "object", "modality": "modaliteit", "passive": "lijdende vorm", "level": "niveau",
    "adopters": "vastgesteld door", "mentions": "vermeldingen", "key": "sleutel", "source": "bron",
    "recipient": "ontvanger", "subject": "onderwerp", "passage_id": "passage", "start": "begin", "end": "eind",
    "quote": "citaat", "page": "pagina", "text": "tekst", "alias": "alias", "target": "verwijst naar",
    "conditions": "voorwaarden", "actor_text": "actor (tekst)",
}


def _rows(items: Any) -> list[dict]:
    """Records as flat rows with Dutch column names (nested values shown as text)."""
    from dataclasses import asdict, is_dataclass

    out = []
    for it in items or ():
        if is_dataclass(it):
            d = asdict(it)
        elif isinstance(it, dict):
            d = dict(it)
        else:
            d = {"waarde": str(it)}
        out.append({COLUMN_NL.get(k, k): (v if isinstance(v, str | int | float | bool | type(None)) else str(v))
                    for k, v in d.items()})
    return out


def ambiguity_tables(doc_id: str) -> AmbiguityTables:
    """Competence table, instrument cards, aliases and delegation ledger of one document."""
    try:
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


def flag_report_input(doc_id: str, min_severity: str = "info") -> Any:
    """What the review report is made of (cheap); render it with :func:`render_report`."""
    import corpus.flag_report as report_mod
    from models.ambiguity.flag import Severity

    doc = get_document(doc_id)
    rows = document_flags(doc_id)
    return report_mod.ReportInput(
        title=doc.title, flags=[r.flag for r in rows], source=doc.source_file,
        status={r.flag.key: r.status for r in rows}, min_severity=Severity.parse(min_severity),
    )


def render_report(report: Any, fmt: str) -> bytes:
    """The review report as DOCX, CSV, ... (pure: safe to run when the download is clicked)."""
    from corpus.flag_report import render

    return render(report, fmt)


def flag_report(doc_id: str, fmt: str, min_severity: str = "info") -> bytes:
    """The review report with the current status of every flag."""
    return render_report(flag_report_input(doc_id, min_severity), fmt)


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


QUEUE_POOL = 400  # uncoded passages scored per refill (keeps a refill well under a second)
QUEUE_BATCH = 20


@st.cache_resource(show_spinner="Model laden…")
def _label_model(artifact: str) -> Any:
    """The newest trained model (``models.training``), else the seed lexicon model."""
    from models.classify import BlendedModel

    if artifact:
        from models.training import load_model

        try:
            return load_model(artifact).model
        except Exception:  # an unreadable artifact must not block coding: use the seed model
            pass
    return BlendedModel()


def label_model() -> Any:
    """The newest trained model (blended with the seed lexicon), else the seed model."""
    try:
        from models.training import latest_artifact

        latest = latest_artifact()
    except Exception:
        latest = None
    return _label_model(str(latest or ""))


def _refill_queue(s: Any, coder: str, exclude: set[str]) -> list[tuple[str, str]]:
    """(passage id, Dutch reason) pairs from ``models.active.next_batch`` over a pool of candidates."""
    import random

    # Documents in a random order (deterministic per coder), read until the pool is twice the
    # sample size: a spread over the corpus without loading all of a large corpus.
    rng = random.Random(coder)
    key = cache_key(s)
    docs = list(_documents(s, key))
    rng.shuffle(docs)
    pool = []
    for d in docs:
        for p in _document(s, d.id, key).passages:
            if p.id not in exclude and len(p.text) >= MIN_CODING_CHARS and p.block == "text":
                pool.append(p)
        if len(pool) >= 2 * QUEUE_POOL:
            break
    if not pool:
        return []
    if len(pool) > QUEUE_POOL:
        pool = rng.sample(pool, QUEUE_POOL)
    try:
        from models.active import next_batch

        return [(q.passage_id, q.reason) for q in next_batch(pool, label_model(), exclude, n=QUEUE_BATCH)]
    except ImportError:
        return [(p.id, "volgorde van het corpus (actief leren niet beschikbaar)") for p in pool[:QUEUE_BATCH]]


def next_passage(coder: str, skip: list[str] | None = None) -> QueueItem | None:
    """Next passage to code from this session's active-learning batch (refilled when used up).

    The batch is UI state (``st.session_state``); what was coded is read from the store, so
    a reload or a second tab never codes a passage twice by accident.
    """
    s = store()
    skip_set = set(skip or ())
    done = {c.passage_id for c in s.codings(coder=coder)} if coder else set()
    queue = st.session_state.get("coding_queue") or []
    queue = [(pid, why) for pid, why in queue if pid not in done and pid not in skip_set]
    if not queue:
        queue = _refill_queue(s, coder, done | skip_set)
    st.session_state["coding_queue"] = queue
    if not queue:
        return None
    pid, reason = queue[0]
    doc_id = s.passage_doc_id(pid)
    doc = _document(s, doc_id, cache_key(s))
    idx = next(i for i, p in enumerate(doc.passages) if p.id == pid)
    before = doc.passages[idx - 1].text if idx > 0 else ""
    after = doc.passages[idx + 1].text if idx + 1 < len(doc.passages) else ""
    return QueueItem(doc.passages[idx], doc_id, doc.title, before[-400:], after[:400], reason,
                     model_suggestion(doc.passages[idx].text) or suggestion_for(pid))


def model_suggestion(text: str) -> Suggestion | None:
    """What the current model (trained, else seed) says about a text, with its reasons."""
    try:
        pred = label_model().predict([text])[0]
    except Exception:
        return None
    labels = pred.labels
    reasons = []
    for key in list(labels.domains) + [f for f, _ in labels.tensions]:
        terms = [t for t, _ in (pred.explanation.get(key) or [])[:4]]
        if terms:
            reasons.append(f"{key}: {', '.join(terms)}")
    return Suggestion(tuple(sorted(labels.domains)), dict(labels.tensions), "; ".join(reasons),
                      pred.producer or "model")


def coding_version(passage_id: str, coder: str) -> int:
    """The version of ``coder``'s coding of the passage (0 = not coded) when the form is shown."""
    return store().coding_version(passage_id, coder)


def save_coding(passage: Any, doc_id: str, coder: str, domains: list[str], tensions: dict[str, str],
                note: str = "", adjudicated: bool = False, expected_version: int | None = None) -> str | None:
    """Save a coding; returns the Dutch refusal when the same coder saved this passage elsewhere
    (another tab or browser) after the form was shown."""
    from corpus.store import StoreError

    try:
        store().add_coding(passage.id, coder=coder, domains=domains, tensions=tensions, note=note,
                           adjudicated=adjudicated, expected_version=expected_version)
    except StoreError as err:
        return str(err)
    finally:
        clear_caches()
    return None


@dataclass(frozen=True, slots=True)
class TrainResult:
    summary: str
    metrics: list[dict]
    curve: list[dict]


def model_codings(s: Any) -> list[Any]:
    """Store codings as ``models.labels.Coding`` (``corpus.coding.store_codings``)."""
    from corpus.coding import store_codings

    return store_codings(s)


def retrain() -> TrainResult:
    """Train on all codings (``models.training``), save the artifact, report CV metrics and curve."""
    import models.training as training
    codings = model_codings(store())
    try:
        trained = training.train(codings)
    except training.TrainingError as err:
        raise Unavailable(f"Trainen lukt nog niet: {err}.") from err
    path = training.save(trained)
    _label_model.clear()
    try:  # new ingests label with the new model too
        from corpus.analysis import registered

        registered.cache_clear()
    except ImportError:
        pass
    st.session_state.pop("coding_queue", None)  # the new model decides what is most informative
    meta = trained.metadata
    cv = meta.get("cv") or {}
    metrics = []
    for name, ev in [("basislijn: seed-lexicon", cv.get("seed")), ("geleerd model", cv.get("learned")),
                     (f"mengsel (k={cv.get('chosen_k')})", (cv.get("blend") or {}).get(str(cv.get("chosen_k"))))]:
        if ev:
            metrics.append({"model": name, "macro-F1 domeinen": ev.get("macro_f1_domains"),
                            "macro-F1 spanningsvelden": ev.get("macro_f1_tensions"), "passages": ev.get("n")})
    curve = []
    for size, row in (cv.get("learning_curve") or {}).items():
        for key, label in (("learned_domains", "geleerd · domeinen"), ("blend_domains", "mengsel · domeinen"),
                           ("learned_tensions", "geleerd · spanningsvelden")):
            if key in row:
                # The "all" point is each fold's full training set: plot it at its mean size.
                n = int(size) if str(size).isdigit() else round(row.get("n_train", 0))
                curve.append({"n": n, "score": row[key], "reeks": label})
    summary = (f"Getraind op {meta.get('n_passages')} passages van {len(meta.get('coders', []))} codeur(s) "
               f"({meta.get('n_unresolved', 0)} onopgeloste meningsverschillen niet meegenomen); "
               f"opgeslagen als {Path(path).name}.")
    return TrainResult(summary, metrics, curve)


def relabel_corpus(progress: Any = None) -> int:
    """Label every passage of the latest documents with the current model (``corpus.coding``)."""
    import corpus.coding as coding
    from models.codebook import load_codebook

    s = store()
    model = label_model()
    version = f"{model.producer}:{getattr(model, 'n_codings', 0)}"
    docs = _documents(s, cache_key(s))
    n = 0
    for i, d in enumerate(docs):
        rows = coding.label_rows(s.get_document(d.id), model)
        n += s.save_labels(d.id, rows, producer=coding.PRODUCER, version=version,
                           codebook_version=load_codebook().version_id)
        if progress:
            progress((i + 1) / len(docs), d.title)
    clear_caches()
    return n


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
    """α/κ per label and the passages to adjudicate (``models.agreement``)."""
    import models.agreement as agreement_mod
    s = store()
    codings = model_codings(s)
    cb = codebook()
    summary = []
    for la in agreement_mod.agreement(codings):
        if not la.n_units:
            continue
        summary.append({"label": cb.domain_names.get(la.label, la.label),
                        "Krippendorffs α": None if la.alpha is None else round(la.alpha, 3),
                        "Cohens κ": None if la.kappa is None else round(la.kappa, 3),
                        "% gelijk": None if la.percent is None else round(100 * la.percent),
                        "passages": la.n_units})
    docs_of = {c.passage_id: (c.doc_id, c.location) for c in s.codings()}
    disagreements = []
    for d in agreement_mod.disagreements(codings):
        doc_id, location = docs_of.get(d.passage_id, ("", ""))
        rows = [{"codeur": coder, "domeinen": ", ".join(sorted(lab.domains)),
                 "spanningsvelden": ", ".join(f"{f}: {p}" for f, p in lab.tensions),
                 "_domains": sorted(lab.domains), "_tensions": dict(lab.tensions)} for coder, lab in d.by_coder.items()]
        disagreements.append(Disagreement(d.passage_id, doc_id, d.text, f"{location} · verschil in: "
                                          f"{', '.join(d.labels)}", rows))
    return AgreementView(summary, disagreements)


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


def compare(by: str, source: str = "labels") -> Comparison:
    """Domain shares and tension positions per group. ``source``: "labels" (model) or "codings".

    Computed by ``models.positions.profile``: position of a field = (A − B) / (A + B) over
    the passages taking a pole ("beide" is counted, not balanced), in [-1, 1], with a
    bootstrap 95% interval.
    """
    s = store()
    return _compare(s, by, source, cache_key(s))


@st.cache_data(show_spinner="Posities berekenen…", max_entries=16)
def _compare(_store: Any, by: str, source: str, generation: str) -> Comparison:
    from models.codebook import load_codebook
    from models.labels import LabelError, Labels
    from models.positions import ProfileItem, profile

    mcb = load_codebook()  # passed explicitly: Labels.make without it re-reads the codebook per call
    docs = {d.id: d for d in _store.documents()}

    def group_of(doc_id: str) -> str:
        d = docs.get(doc_id)
        if d is None:
            return "(onbekend)"
        return {"document": d.title, "body": d.body or "(onbekend)", "year": str(d.year or "(onbekend)"),
                "kind": d.kind}.get(by, "(onbekend)")

    raw: list[tuple[str, list[str], dict[str, str]]] = []
    if source == "codings":
        latest: dict[str, Any] = {}
        for c in _store.codings():  # oldest first: an adjudicated or later coding wins per passage
            if c.adjudicated or not (latest.get(c.passage_id) and latest[c.passage_id].adjudicated):
                latest[c.passage_id] = c
        raw = [(group_of(c.doc_id), list(c.domains), dict(c.tensions)) for c in latest.values()]
    else:
        for lab in _store.labels():
            tens = {f: (p if isinstance(p, str) else str(p.get("pole", ""))) for f, p in (lab.tensions or {}).items()}
            raw.append((group_of(lab.doc_id), list(lab.domains), tens))
    items = []
    for g, doms, tens in raw:
        try:
            items.append(ProfileItem(g, Labels.make(doms, tens, mcb)))
        except LabelError:
            continue
    if not items:
        return Comparison([], [], source)
    # Bootstrap cost grows with passages x resamples: fewer resamples on a large corpus
    # (2000 up to 250 passages, 30 at 50k passages, where the intervals are narrow anyway).
    n_boot = max(30, min(2000, 500_000 // max(len(items), 1)))
    cb = codebook()
    shares, positions = [], []
    for prof in profile(items, mcb, n_boot=n_boot):
        for d, share in prof.domain_shares.items():
            if prof.domain_counts.get(d):
                shares.append({"groep": prof.group, "domein": cb.domain_names.get(d, d),
                               "passages": prof.domain_counts[d], "aandeel": share})
        for t in prof.tensions:
            if t.balance is None:
                continue
            names = cb.tensions.get(t.field, ("A", "B"))
            positions.append({"groep": prof.group, "spanningsveld": t.field, "positie": t.balance,
                              "laag": t.ci_low, "hoog": t.ci_high, "n": t.a + t.b,
                              "A": t.a, "B": t.b, "beide": t.beide, "pool A": names[0], "pool B": names[1]})
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
    model: str = ""
    detectors: list[dict] | None = None


def model_in_use() -> str:
    """Dutch description of the classifier the queue and relabelling use."""
    try:
        from models.training import latest_artifact

        latest = latest_artifact()
    except Exception:
        latest = None
    if latest is None:
        return "seed-lexicon uit het codeboek (nog geen getraind model)"
    return f"getraind model {latest.name} (gemengd met het seed-lexicon)"


def detectors() -> list[dict] | None:
    """The registered ambiguity detectors (``models.ambiguity.registration``), or None."""
    try:
        from models.ambiguity.registration import registry
    except ImportError:
        return None
    return [{"type": d.code, "naam": d.name, "standaardernst": d.default_severity, "regel": d.rule,
             "versie": d.version} for d in registry()]


COMPONENTS = [
    ("extract.reader", "Inlezen van PDF/DOCX/XML/Markdown"),
    ("corpus.ingest", "Documenten toevoegen (ingest)"),
    ("corpus.search", "Zoeken"),
    ("models.ambiguity.runner", "Toetsing op onduidelijkheid (detectoren)"),
    ("models.classify", "Classificatie naar domein en spanningsveld"),
    ("models.active", "Wachtrij voor actief leren"),
    ("models.training", "Opnieuw trainen"),
    ("models.agreement", "Overeenstemming tussen codeurs"),
    ("models.positions", "Posities per spanningsveld"),
]


@st.cache_resource(show_spinner=False)
def warm_up() -> None:
    """Import the slow model stack in the background once per server, so the first visit to
    Coderen or Toetsing does not wait for scikit-learn and spaCy to load."""
    import threading

    if os.environ.get("DRECHTLENS_NO_WARMUP"):  # AppTest runs: imports stay in the test's own thread
        return

    def _load() -> None:
        for mod in ("models.classify", "models.ambiguity.runner", "corpus.coding"):
            try:
                importlib.import_module(mod)
            except Exception:  # noqa: BLE001 - warming is best effort; the page reports real errors
                pass

    threading.Thread(target=_load, name="drechtlens-warm-up", daemon=True).start()


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
    return AboutInfo(caps.label, caps.missing_nl(), codebook().version, producers, stats, components,
                     model_in_use(), detectors())


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
    total_exact: bool = True  # False: estimated (more than corpus.search's exact cap of matches)
    facets_exact: bool = True


def search(query: str, filters: dict[str, Any], limit: int = 50) -> SearchOutcome:
    import corpus.search as search_mod
    s = store()
    return _search(s, search_mod.__name__, query, tuple(sorted(filters.items())), limit, cache_key(s))


@st.cache_data(show_spinner=False, max_entries=64, ttl=600)
def _search(_store: Any, module: str, query: str, filters: tuple, limit: int, generation: str) -> SearchOutcome:
    import time

    search_mod = importlib.import_module(module)
    t0 = time.perf_counter()
    res = search_mod.search(_store, query, dict(filters), limit=limit)
    return SearchOutcome(list(res.hits), res.total, dict(res.facets), res.message, time.perf_counter() - t0,
                         total_exact=res.total_exact, facets_exact=res.facets_exact)


def more_like_this(passage_id: str, limit: int = 10) -> list[Any]:
    """Passages similar to one passage (``corpus.similar``, TF-IDF cosine), as search hits."""
    import corpus.similar as similar
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


def documents_or_stop(empty_message: str) -> list[Any]:
    """The corpus documents for a page; a Dutch notice and ``st.stop()`` when there are none."""
    try:
        docs = list_documents()
    except Unavailable as err:
        st.info(str(err))
        st.stop()
    if not docs:
        st.info(empty_message)
        st.stop()
    return docs
