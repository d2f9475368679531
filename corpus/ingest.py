"""Ingest: files and folders → extracted, analysed documents in the store.

``ingest_paths(store, paths, overrides=..., workers=..., progress=...) -> IngestReport`` is
the one entry point (CLI ``drechtlens ingest``, the app's upload page, the demo loader).

Pipeline per file:

1. hash the bytes in the main process; a hash already in the store is reported as
   ``duplicate`` without extracting again (this is also what makes a re-run after a crash
   cheap: finished documents are skipped, the rest is done);
2. extract (``extract.parse``) and run the registered analysers (``corpus.analysis``) in a
   process pool (``workers``, default 2; 1 = in-process);
3. store in the main process only, one transaction per document (``Store.add_document``),
   so a killed ingest leaves whole documents or nothing.

Metadata precedence: explicit ``overrides`` (CLI flags) > sidecar manifest
(``corpus.manifest``) > what the extractor inferred. Per-file errors are collected in the
report and never abort the batch. A ``.zip`` made by ``drechtlens export --format zip``
is imported losslessly (``corpus.export.import_zip``).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.analysis import Analyser, AnalysisOutput, registered, run_analysers
from corpus.manifest import ManifestIndex, is_manifest
from corpus.store import Store
from extract import SUFFIXES
from extract.document import KINDS, Document

# Extensions picked up when scanning folders (explicit file arguments are always tried).
FOLDER_SUFFIXES = SUFFIXES
DEFAULT_WORKERS = 2


@dataclass(slots=True)
class IngestItem:
    path: str
    status: str  # "new" | "new_version" | "duplicate" | "error" | "imported"
    doc_id: str = ""
    title: str = ""
    kind: str = ""
    pages: int = 0
    passages: int = 0
    previous_id: str | None = None
    error: str = ""  # Dutch message when status == "error"
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass(slots=True)
class IngestProgress:
    """Passed to the progress callback after every file."""

    done: int
    total: int
    pages: int
    errors: int
    item: IngestItem


@dataclass(slots=True)
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files in folders with an unsupported extension
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def errors(self) -> list[IngestItem]:
        return [i for i in self.items if i.status == "error"]

    @property
    def stored(self) -> list[IngestItem]:
        return [i for i in self.items if i.status in ("new", "new_version", "imported")]

    @property
    def by_kind(self) -> dict[str, int]:
        return dict(Counter(i.kind for i in self.stored))

    @property
    def pages(self) -> int:
        return sum(i.pages for i in self.items if i.status != "error")


ProgressFn = Callable[[IngestProgress], None]


def collect_files(paths: Iterable[str | Path], suffixes: tuple[str, ...] = FOLDER_SUFFIXES
                  ) -> tuple[list[Path], list[str], list[IngestItem]]:
    """Expand files and folders (recursively, sorted). Returns (files, skipped, missing-as-errors)."""
    files: list[Path] = []
    skipped: list[str] = []
    missing: list[IngestItem] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if is_manifest(f):
                    continue
                if f.suffix.lower() in suffixes or f.suffix.lower() == ".zip":
                    if f.resolve() not in seen:
                        seen.add(f.resolve())
                        files.append(f)
                else:
                    skipped.append(str(f))
        elif p.is_file():
            if p.resolve() not in seen:
                seen.add(p.resolve())
                files.append(p)
        else:
            missing.append(IngestItem(str(p), "error", error=f"{p}: bestand of map bestaat niet."))
    return files, skipped, missing


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _apply(doc: Document, meta: dict[str, Any]) -> None:
    for key in ("title", "body", "year"):
        if meta.get(key) not in (None, ""):
            setattr(doc, key, meta[key])
    if meta.get("kind") in KINDS:
        doc.kind = meta["kind"]


def extract_one(path: str, overrides: dict[str, Any], analyse: bool = True,
                analysers: tuple[Analyser, ...] | None = None, extract_settings: dict[str, Any] | None = None,
                ) -> tuple[Document | None, list[AnalysisOutput], str]:
    """Worker: parse one file and analyse it. Returns (document, analysis, error message)."""
    from extract.errors import ExtractError
    from extract.reader import parse_file

    try:
        settings = None
        if extract_settings:
            from extract.settings import ExtractSettings

            settings = ExtractSettings(**extract_settings)
        doc = parse_file(path, kind=overrides.get("kind"), settings=settings)
    except ExtractError as err:
        return None, [], str(err)
    except MemoryError:
        return None, [], f"{path}: te weinig geheugen om dit bestand te lezen."
    except Exception as err:  # noqa: BLE001 - any reader bug becomes a per-file error, never a crash
        return None, [], f"{path}: kon niet worden gelezen ({type(err).__name__}: {err})."
    _apply(doc, overrides)
    doc.meta.setdefault("source_path", str(path))
    outputs = run_analysers(doc, analysers) if analyse else []
    return doc, outputs, ""


def _init_worker() -> None:
    # Workers should not compete with the main process for the 2 cores' attention more than needed.
    try:
        os.nice(5)
    except OSError:
        pass


@dataclass(slots=True)
class PlannedFile:
    """A file that still has to be extracted: its path, content hash and metadata.

    ``meta`` are the metadata overrides for :func:`extract_one` (manifest row, then CLI flags);
    ``manifest`` the manifest row's extra columns, kept in ``doc.meta["manifest"]``."""

    path: Path
    sha: str
    meta: dict[str, Any]
    manifest: dict[str, Any] | None = None


def clean_overrides(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Drop empty values, so an unset CLI flag never overwrites what a manifest or the extractor found."""
    return {k: v for k, v in (overrides or {}).items() if v not in (None, "")}


def plan_file(store: Store, f: Path, manifests: ManifestIndex, overrides: dict[str, Any]) -> IngestItem | PlannedFile:
    """What to do with one file: a finished item (zip imported, unreadable, already stored) or a
    :class:`PlannedFile` to extract. Hashing happens here, in the calling process."""
    if f.suffix.lower() == ".zip":
        return _import_zip(store, f)
    try:
        sha = sha256_file(f)
    except OSError as err:
        return IngestItem(str(f), "error", error=f"{f}: kan niet worden gelezen ({err.strerror}).")
    if store.has_document(sha):
        s = store.get_document(sha, with_passages=False)
        return IngestItem(str(f), "duplicate", sha, s.title, s.kind, s.page_count)
    row = manifests.lookup(f)
    return PlannedFile(f, sha, {**(row.overrides() if row else {}), **overrides}, row.extra if row else None)


def store_result(store: Store, planned: PlannedFile, doc: Document | None, outputs: list[AnalysisOutput],
                 error: str, seconds: float, file_bytes: bytes | None = None) -> IngestItem:
    """Store one extracted document (one transaction) and describe the outcome as an item.
    ``file_bytes`` defaults to the file at ``planned.path``. A store failure becomes an error item."""
    f = planned.path
    if doc is None:
        return IngestItem(str(f), "error", planned.sha, error=error or f"{f}: onbekende fout.", seconds=seconds)
    if planned.manifest:
        doc.meta["manifest"] = planned.manifest
    try:
        data = f.read_bytes() if file_bytes is None else file_bytes
        res = store.add_document(doc, file_bytes=data, analysis=outputs)
    except Exception as err:  # noqa: BLE001 - a store failure for one file must not stop the batch
        return IngestItem(str(f), "error", doc.id, doc.title, doc.kind,
                          error=f"{f}: opslaan mislukt ({type(err).__name__}: {err}).", seconds=seconds)
    return IngestItem(str(f), res.status, res.doc_id, doc.title, doc.kind, doc.page_count, len(doc.passages),
                      res.previous_id, warnings=[w.message for w in doc.warnings], seconds=seconds)


class IngestTally:
    """Collects finished items into a report and reports progress (files, pages, errors) after each."""

    def __init__(self, report: IngestReport, total: int, progress: ProgressFn | None = None):
        self.report = report
        self.total = total
        self.progress = progress
        self.done = self.errors = len(report.items)  # items already in the report are missing paths
        self.pages = 0

    def emit(self, item: IngestItem) -> None:
        self.report.items.append(item)
        self.done += 1
        self.pages += item.pages if item.status != "error" else 0
        self.errors += item.status == "error"
        if self.progress:
            self.progress(IngestProgress(self.done, self.total, self.pages, self.errors, item))


def ingest_paths(store: Store, paths: Iterable[str | Path], *, overrides: dict[str, Any] | None = None,
                 workers: int | None = None, progress: ProgressFn | None = None,
                 analyse: bool = True, analysers: tuple[Analyser, ...] | None = None,
                 extract_settings: dict[str, Any] | None = None) -> IngestReport:
    """Ingest files/folders into ``store``; see the module docstring. Never raises for a bad file.

    ``analysers`` replaces the registered ones (``corpus.analysis.registered()``) for this call;
    their functions must be picklable (module level) when ``workers`` > 1. ``extract_settings``
    are ``extract.settings.ExtractSettings`` fields (e.g. ``{"ocr": False}``); with more than one
    ingest worker, page-level parallelism inside the extractor is off unless given."""
    t0 = time.monotonic()
    overrides = clean_overrides(overrides)
    files, skipped, missing = collect_files(paths)
    report = IngestReport(items=list(missing), skipped=skipped)
    tally = IngestTally(report, len(files) + len(missing), progress)
    manifests = ManifestIndex()

    todo: list[PlannedFile] = []
    for f in files:
        planned = plan_file(store, f, manifests, overrides)
        if isinstance(planned, IngestItem):
            tally.emit(planned)
        else:
            todo.append(planned)

    workers = DEFAULT_WORKERS if workers is None else max(1, int(workers))
    settings = dict(extract_settings or {})
    if workers > 1 and len(todo) > 1:
        settings.setdefault("workers", 1)  # documents already run in parallel: no nested page pools
    if workers == 1 or len(todo) <= 1:
        for p in todo:
            t = time.monotonic()
            doc, outputs, error = extract_one(str(p.path), p.meta, analyse, analysers, settings)
            tally.emit(store_result(store, p, doc, outputs, error, time.monotonic() - t))
    else:
        # fork is cheapest (workers inherit the imported extractor) but unsafe when the caller
        # runs threads (Streamlit); then forkserver.
        import extract.reader  # noqa: F401 - import once here so forked workers inherit it

        if analyse and analysers is None:
            registered()  # load the models once; forked workers inherit them instead of loading each

        method = "fork" if threading.active_count() == 1 and os.name == "posix" else "forkserver"
        ctx = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=ctx,
                                 initializer=_init_worker) as pool:
            started: dict[Future, tuple[PlannedFile, float]] = {}
            for p in todo:
                started[pool.submit(extract_one, str(p.path), p.meta, analyse, analysers, settings)] = (
                    p, time.monotonic())
            for fut in as_completed(started):
                p, t = started[fut]
                try:
                    doc, outputs, error = fut.result()
                except Exception as err:  # noqa: BLE001 - worker died (segfault, OOM kill)
                    doc, outputs, error = None, [], (f"{p.path}: het verwerkingsproces stopte onverwacht "
                                                     f"({type(err).__name__}).")
                tally.emit(store_result(store, p, doc, outputs, error, time.monotonic() - t))
    if report.stored:  # bring the search sidecar up to date now, so the first search does not pay for it
        from corpus.fastsearch import sync_quietly
        sync_quietly(store)
    report.seconds = time.monotonic() - t0
    return report


def _import_zip(store: Store, path: Path) -> IngestItem:
    from corpus.export import ExportFormatError, import_zip

    try:
        res = import_zip(store, path)
    except ExportFormatError as err:
        return IngestItem(str(path), "error", error=f"{path}: {err}")
    except Exception as err:  # noqa: BLE001
        return IngestItem(str(path), "error", error=f"{path}: zip kon niet worden ingelezen ({type(err).__name__}: {err}).")
    return IngestItem(str(path), "imported", title=f"{res.documents} documenten, {res.duplicates} al aanwezig",
                      kind="zip", passages=res.passages)
