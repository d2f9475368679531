"""Distributed ingest: extraction and analysis of documents on a Dask cluster.

``ingest_dask(store, paths, target=..., scheduler=... | workers=N) -> DaskIngestReport`` is the
entry point (CLI ``drechtlens ingest --scheduler tcp://host:8786`` or ``--scheduler local
--workers N``). It does what :func:`corpus.ingest.ingest_paths` does, with the same pieces
(``collect_files``, ``plan_file``, manifests, ``IngestTally`` progress, the report), but each
file is a Dask task on a worker: ``extract.parse`` + the registered analysers
(``corpus.analysis``).

The client (this process) lists the files, hashes each one and skips hashes already stored, so
a re-run only submits what is missing. At most a window of a few tasks per worker thread is in
flight; the next files are hashed and submitted as results come back, so a folder of a million
files neither hashes everything before the first task runs nor floods the scheduler.

Where results go depends on the store:

* **PostgreSQL** (``target`` is a ``postgresql://`` URL): each worker opens the store itself
  (``open_store(url)``, cached per worker thread) and calls ``add_document``: one transaction
  per document, unique by content hash. A retried task (its worker died after the commit,
  before the client heard back) finds the hash stored and reports ``duplicate``; it never
  stores twice.
* **SQLite** (a file; the default): workers must not write to the SQLite file (one writer,
  and the file may not even be reachable from the workers' machines). A worker writes its
  result as one Parquet shard into the staging folder next to the database
  (``<db>.staging/<sha256>.parquet``), atomically: a temporary file in the same folder,
  closed, then renamed. The client merges each shard as its task completes (one
  ``add_document`` transaction; duplicates by hash are reported, never stored twice) and
  deletes it. A retried task whose shard already exists returns it without extracting again.
  Shards left by a crashed client are merged at the start of the next run. With a remote
  cluster the staging folder must be on a file system the workers share with the client.

Failures: a file the extractor cannot read (``ExtractError``, or any reader bug) is an error
row of the report, never a retry. A task that raises (a shard that cannot be written, a
database connection lost) is retried ``retries`` times (``Client.submit(retries=...)``). A
worker process that dies (killed, out of memory) is handled by the Dask scheduler: its tasks
run again on other workers, up to ``distributed.scheduler.allowed-failures`` times (default
3) per task; a file that kills every worker it lands on ends as an error row (``KilledWorker``).

Shard schema (Parquet, one row per shard = one document; ``SHARD_SCHEMA``; the schema metadata
key ``drechtlens.shard_version`` says ``1``)::

    shard_version  int16              1
    doc_id         string             sha256 of the file bytes (also the file name)
    source_path    string             the path the client planned (report and doc.meta)
    title, kind, body, source_file, format, extractor   string
    year           int32 (null)
    page_count     int32
    warnings       list<struct<code: string, message: string, page: int32 (null)>>
    meta_json      string             Document.meta as JSON (incl. the manifest row)
    passages       list<struct<id: string, seq: int32, path: list<struct<level: string,
                   label: string>>, heading: string, text: string, page_start: int32,
                   page_end: int32, block: string, part: string>>
    analysis       list<struct<producer: string, version: string, kind: string,
                   codebook_version: string, pipeline: string, rows_json: string>>
                   (rows_json: the analyser's label or flag dicts as a JSON list)
    file_bytes     large_binary       the original file (the store keeps it)
    seconds        float64            extraction + analysis time on the worker
    worker         string             the worker's address (diagnostics)
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.analysis import AnalysisOutput
from corpus.ingest import (
    IngestItem,
    IngestReport,
    IngestTally,
    PlannedFile,
    ProgressFn,
    clean_overrides,
    collect_files,
    extract_one,
    plan_file,
)
from corpus.manifest import ManifestIndex
from corpus.store import is_database_url
from extract.document import Document, ExtractionWarning, Passage

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client, Future

    from corpus.store import Store

SHARD_VERSION = 1
SHARD_SUFFIX = ".parquet"
DEFAULT_RETRIES = 2
STALE_TMP_SECONDS = 24 * 3600  # temporary shard files older than this are from a crashed run
LOCAL = "local"  # --scheduler local: a LocalCluster on this machine
WINDOW_RECOUNT_SECONDS = 5.0

log = logging.getLogger(__name__)


# -- shards --------------------------------------------------------------------------------


def shard_schema() -> pa.Schema:
    """The Parquet schema of one shard (see the module docstring)."""
    import pyarrow as pa

    step = pa.struct([("level", pa.string()), ("label", pa.string())])
    passage = pa.struct([("id", pa.string()), ("seq", pa.int32()), ("path", pa.list_(step)),
                         ("heading", pa.string()), ("text", pa.string()), ("page_start", pa.int32()),
                         ("page_end", pa.int32()), ("block", pa.string()), ("part", pa.string())])
    warning = pa.struct([("code", pa.string()), ("message", pa.string()), ("page", pa.int32())])
    analysis = pa.struct([("producer", pa.string()), ("version", pa.string()), ("kind", pa.string()),
                          ("codebook_version", pa.string()), ("pipeline", pa.string()), ("rows_json", pa.string())])
    fields = [("shard_version", pa.int16()), ("doc_id", pa.string()), ("source_path", pa.string()),
              ("title", pa.string()), ("kind", pa.string()), ("body", pa.string()), ("year", pa.int32()),
              ("page_count", pa.int32()), ("source_file", pa.string()), ("format", pa.string()),
              ("extractor", pa.string()), ("warnings", pa.list_(warning)), ("meta_json", pa.string()),
              ("passages", pa.list_(passage)), ("analysis", pa.list_(analysis)), ("file_bytes", pa.large_binary()),
              ("seconds", pa.float64()), ("worker", pa.string())]
    return pa.schema(fields, metadata={"drechtlens.shard_version": str(SHARD_VERSION)})


@dataclass(slots=True)
class Shard:
    """One document's extraction result as read back from a shard."""

    doc: Document
    analysis: list[AnalysisOutput]
    file_bytes: bytes | None
    source_path: str
    seconds: float
    worker: str = ""


def _json(value: Any) -> str:
    # default=float: numpy scalars in model output (probabilities) serialise like Python floats
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=float)


def write_shard(staging: Path, doc: Document, analysis: list[AnalysisOutput], file_bytes: bytes | None,
                source_path: str, seconds: float, *, worker: str = "", run_id: str = "") -> Path:
    """Write ``doc`` as ``staging/<doc.id>.parquet`` atomically (temporary file, then rename)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = {
        "shard_version": SHARD_VERSION, "doc_id": doc.id, "source_path": source_path, "title": doc.title,
        "kind": doc.kind, "body": doc.body, "year": doc.year, "page_count": doc.page_count,
        "source_file": doc.source_file, "format": doc.format, "extractor": doc.extractor,
        "warnings": [{"code": w.code, "message": w.message, "page": w.page} for w in doc.warnings],
        "meta_json": _json(doc.meta),
        "passages": [{"id": p.id, "seq": p.seq, "path": [{"level": a, "label": b} for a, b in p.path],
                      "heading": p.heading, "text": p.text, "page_start": p.page_start, "page_end": p.page_end,
                      "block": p.block, "part": p.part} for p in doc.passages],
        "analysis": [{"producer": o.producer, "version": o.version, "kind": o.kind,
                      "codebook_version": o.codebook_version, "pipeline": o.pipeline,
                      "rows_json": _json(o.rows)} for o in analysis],
        "file_bytes": file_bytes, "seconds": seconds, "worker": worker,
    }
    table = pa.Table.from_pylist([row], schema=shard_schema())
    staging.mkdir(parents=True, exist_ok=True)
    final = staging / f"{doc.id}{SHARD_SUFFIX}"
    tmp = staging / f".{run_id or 'run'}.{doc.id}.{uuid.uuid4().hex}.tmp"
    try:
        with tmp.open("wb") as fh:
            # no statistics or dictionaries: one row per file, they only cost time and bytes
            pq.write_table(table, fh, compression="zstd", write_statistics=False, use_dictionary=False)
        # Closed, then renamed (atomic within one folder; on NFS close flushes to the server): a
        # reader sees no shard or a whole one. No fsync: a worker that dies leaves the page cache
        # intact, and a shard a machine crash truncated fails to read, is reported and deleted,
        # and its source file is simply ingested again.
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return final


def read_shard(path: Path) -> Shard:
    """Read a shard written by :func:`write_shard` (raises ValueError for another shard version)."""
    import pyarrow.parquet as pq

    with path.open("rb") as fh:
        rows = pq.ParquetFile(fh).read(use_threads=False).to_pylist()
    if len(rows) != 1 or rows[0].get("shard_version") != SHARD_VERSION:
        raise ValueError(f"geen shard van versie {SHARD_VERSION}")
    r = rows[0]
    doc = Document(
        id=r["doc_id"], title=r["title"], kind=r["kind"], body=r["body"], year=r["year"],
        page_count=r["page_count"], source_file=r["source_file"], format=r["format"], extractor=r["extractor"],
        warnings=[ExtractionWarning(w["code"], w["message"], w["page"]) for w in r["warnings"]],
        meta=json.loads(r["meta_json"]),
        passages=[Passage(id=p["id"], seq=p["seq"], text=p["text"], page_start=p["page_start"],
                          page_end=p["page_end"], path=tuple((s["level"], s["label"]) for s in p["path"]),
                          heading=p["heading"], block=p["block"], part=p["part"]) for p in r["passages"]],
    )
    analysis = [AnalysisOutput(a["producer"], a["version"], a["kind"], json.loads(a["rows_json"]),
                               a["codebook_version"], a["pipeline"]) for a in r["analysis"]]
    return Shard(doc, analysis, r["file_bytes"], r["source_path"], r["seconds"], r["worker"])


def merge_shard(store: Store, path: Path) -> IngestItem:
    """Store the document in shard ``path`` (one transaction; a stored hash is a duplicate) and
    delete the shard. A shard that cannot be read is deleted and reported; when the store
    fails, the shard stays for the next run."""
    try:
        s = read_shard(path)
    except Exception as err:  # noqa: BLE001 - a damaged shard is one error row, the source can be read again
        path.unlink(missing_ok=True)
        return IngestItem(str(path), "error", path.name.removesuffix(SHARD_SUFFIX),
                          error=f"{path}: tussenresultaat onleesbaar ({type(err).__name__}: {err}); "
                                "lees het bronbestand opnieuw in.")
    doc = s.doc
    try:
        res = store.add_document(doc, file_bytes=s.file_bytes, analysis=s.analysis)
    except Exception as err:  # noqa: BLE001 - keep the shard: the next run merges it
        return IngestItem(s.source_path, "error", doc.id, doc.title, doc.kind,
                          error=f"{s.source_path}: opslaan mislukt ({type(err).__name__}: {err}); "
                                f"het tussenresultaat {path.name} blijft bewaard.", seconds=s.seconds)
    path.unlink(missing_ok=True)
    return IngestItem(s.source_path, res.status, res.doc_id, doc.title, doc.kind, doc.page_count,
                      len(doc.passages), res.previous_id, warnings=[w.message for w in doc.warnings],
                      seconds=s.seconds)


def staging_dir(db_path: str | Path) -> Path:
    """The shard folder of a SQLite database: ``<db>.staging`` next to it."""
    p = Path(db_path)
    return p.with_name(p.name + ".staging")


def leftover_shards(staging: Path) -> list[Path]:
    return sorted(staging.glob(f"*{SHARD_SUFFIX}")) if staging.is_dir() else []


def _clean_tmp(staging: Path, run_id: str | None = None) -> None:
    """Remove temporary shard files of ``run_id`` (all its tasks are done), or, without a run
    id, the ones old enough to be from a crashed run (not those a concurrent run is writing)."""
    if not staging.is_dir():
        return
    now = time.time()
    for tmp in staging.glob(".*.tmp"):
        try:
            if tmp.name.startswith(f".{run_id}.") if run_id else now - tmp.stat().st_mtime > STALE_TMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass


# -- the worker side -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sink:
    """Where a worker puts a result: a PostgreSQL store (``url``) or a shard folder (``staging``)."""

    url: str = ""
    staging: str = ""
    run_id: str = ""


@dataclass(slots=True)
class TaskResult:
    """What a task sends back: a finished item (PostgreSQL, or an error), or the shard to merge."""

    item: IngestItem | None = None
    shard: str = ""


_local = threading.local()


def _worker_store(url: str) -> Store:
    """The store at ``url`` for this worker thread, opened once and reused by its tasks."""
    from corpus.store import open_store

    stores: dict[str, Store] = _local.__dict__.setdefault("stores", {})
    if url not in stores:
        stores[url] = open_store(url)
    return stores[url]


def _drop_worker_store(url: str) -> None:
    stores: dict[str, Store] = _local.__dict__.get("stores", {})
    store = stores.pop(url, None)
    if store is not None:
        try:
            store.close()
        except Exception:  # noqa: BLE001 - the connection is already broken; we only let go of it
            pass


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return f"pid {os.getpid()}"


def process_file(planned: PlannedFile, src: str, sink: Sink, analyse: bool = True,
                 extract_settings: dict[str, Any] | None = None) -> TaskResult:
    """One Dask task: extract + analyse ``src`` and store the result (see the module docstring).

    Returns an error item for a bad file (no retry); raises only for what a retry can fix
    (a shard that cannot be written, a database that cannot be reached)."""
    label = str(planned.path)
    if sink.staging:
        shard = Path(sink.staging) / f"{planned.sha}{SHARD_SUFFIX}"
        if shard.exists():  # an earlier attempt finished before its worker died
            return TaskResult(shard=str(shard))
    elif sink.url:
        try:
            store = _worker_store(sink.url)
            if store.has_document(planned.sha):  # an earlier attempt committed before its worker died
                s = store.get_document(planned.sha, with_passages=False)
                return TaskResult(IngestItem(label, "duplicate", planned.sha, s.title, s.kind, s.page_count))
        except Exception:
            _drop_worker_store(sink.url)  # the next attempt reconnects
            raise
    t0 = time.monotonic()
    doc, outputs, error = extract_one(src, planned.meta, analyse, None, extract_settings)
    if doc is None:
        return TaskResult(IngestItem(label, "error", planned.sha, error=error or f"{label}: onbekende fout.",
                                     seconds=time.monotonic() - t0))
    try:
        data = Path(src).read_bytes()
    except OSError as err:
        return TaskResult(IngestItem(label, "error", planned.sha, error=f"{label}: kan niet worden gelezen "
                                     f"({err.strerror}).", seconds=time.monotonic() - t0))
    if hashlib.sha256(data).hexdigest() != doc.id or doc.id != planned.sha:
        return TaskResult(IngestItem(label, "error", planned.sha, error=f"{label}: het bestand is tijdens het "
                                     "inlezen veranderd; lees het opnieuw in.", seconds=time.monotonic() - t0))
    if planned.manifest:
        doc.meta["manifest"] = planned.manifest
    seconds = time.monotonic() - t0
    if sink.staging:
        path = write_shard(Path(sink.staging), doc, outputs, data, label, seconds, worker=_worker_name(),
                           run_id=sink.run_id)
        return TaskResult(shard=str(path))
    try:
        res = _worker_store(sink.url).add_document(doc, file_bytes=data, analysis=outputs)
    except Exception:
        _drop_worker_store(sink.url)  # the next attempt reconnects
        raise
    return TaskResult(IngestItem(label, res.status, res.doc_id, doc.title, doc.kind, doc.page_count,
                                 len(doc.passages), res.previous_id, warnings=[w.message for w in doc.warnings],
                                 seconds=seconds))


# -- the client side -----------------------------------------------------------------------


@dataclass
class DaskIngestReport(IngestReport):
    dashboard: str = ""  # the Dask dashboard's address ("" when it does not run)
    workers: int = 0  # workers connected when the ingest started
    recovered: int = 0  # shards of an earlier, interrupted run merged first
    lost_workers: list[str] = field(default_factory=list)  # workers that left during the ingest


class ClusterError(Exception):
    """The Dask cluster cannot be reached or started; ``str(err)`` is a Dutch sentence."""


def _connect(scheduler: str | None, workers: int, dashboard_address: str | None, timeout: float = 20
             ) -> tuple[Client, Any]:
    """A client for ``scheduler``: an address (``tcp://host:8786``), a scheduler file (JSON written
    by ``dask scheduler --scheduler-file``), or None/``local`` for a LocalCluster of ``workers``
    processes with one thread each. Returns (client, cluster or None)."""
    from distributed import Client

    if scheduler and scheduler != LOCAL:
        try:
            if "://" not in scheduler and Path(scheduler).is_file():
                return Client(scheduler_file=scheduler, timeout=timeout), None
            return Client(scheduler, timeout=timeout), None
        except (OSError, TimeoutError, ValueError) as err:
            raise ClusterError(f"Kan de Dask-scheduler {scheduler} niet bereiken ({err}). Draait `dask scheduler` "
                               "daar, en is de poort open?") from err
    cluster = local_cluster(workers, dashboard_address)
    return Client(cluster), cluster


# Dask's statistical profiler samples every worker thread's stack every 10 ms; on this
# pipeline's deep Python stacks (spaCy, pdfplumber) that cost about a quarter of a worker's CPU
# (measured: 3.6 s against 2.7 s for the same 40 documents). Off for the clusters we start;
# remote workers: DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False (docs/deploy.md).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def local_cluster(workers: int, dashboard_address: str | None = ":8787") -> Any:
    """A ``LocalCluster`` for ingest: ``workers`` processes of one thread, profiler off."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=dashboard_address, silence_logs=logging.ERROR)


def ingest_dask(store: Store, paths: Iterable[str | Path], *, target: str | Path | None = None,
                scheduler: str | None = None, workers: int = 2, client: Client | None = None,
                overrides: dict[str, Any] | None = None, progress: ProgressFn | None = None,
                analyse: bool = True, extract_settings: dict[str, Any] | None = None,
                retries: int = DEFAULT_RETRIES, staging: str | Path | None = None,
                dashboard_address: str | None = ":8787", connect_timeout: float = 20,
                on_start: Callable[[DaskIngestReport], None] | None = None) -> DaskIngestReport:
    """Ingest files/folders into ``store`` on a Dask cluster; see the module docstring.

    ``target`` is what ``store`` was opened from (a SQLite path or a PostgreSQL URL; default
    ``store.path``). The cluster: ``client`` (an existing ``distributed.Client``, left open), else
    ``scheduler`` (``tcp://host:8786``), else a LocalCluster of ``workers`` processes that is
    closed afterwards. ``on_start`` is called once the cluster is up (the report then holds the
    dashboard link and worker count). Raises :class:`ClusterError` when there is no cluster;
    never raises for a bad file."""
    t0 = time.monotonic()
    target = str(target if target is not None else getattr(store, "path", ":memory:"))
    run_id = uuid.uuid4().hex[:12]
    if is_database_url(target):
        sink, stage = Sink(url=target, run_id=run_id), None
    else:
        if staging is not None:
            stage = Path(staging)
        elif target == ":memory:":
            stage = Path(tempfile.mkdtemp(prefix="drechtlens-staging-"))
        else:
            stage = staging_dir(target)
        sink = Sink(staging=str(stage.absolute()), run_id=run_id)

    overrides = clean_overrides(overrides)
    files, skipped, missing = collect_files(paths)
    report = DaskIngestReport(items=list(missing), skipped=skipped)

    # Shards of an interrupted run first: they are finished work, and merging them makes the
    # planning below see those documents as stored. Shards of documents stored meanwhile go silently.
    recovered_items: list[IngestItem] = []
    if stage:
        _clean_tmp(stage)
        merged = [merge_shard(store, shard) for shard in leftover_shards(stage)]
        recovered_items = [i for i in merged if i.status != "duplicate"]
    report.recovered = sum(1 for i in recovered_items if i.status != "error")
    recovered = {i.doc_id for i in recovered_items}
    tally = IngestTally(report, len(files) + len(missing) + len(recovered_items), progress)
    for item in recovered_items:
        tally.emit(item)

    own_client, own_cluster = client is None, None
    if client is None:
        client, own_cluster = _connect(scheduler, workers, dashboard_address, connect_timeout)
    try:
        report.dashboard = _dashboard(client)
        report.workers = len(client.scheduler_info(n_workers=-1).get("workers", {}))
        if on_start:
            on_start(report)
        _run(client, store, files, tally, report, recovered, sink, stage, overrides, analyse,
             extract_settings, retries)
    finally:
        if own_client:
            client.close()
        if own_cluster is not None:
            own_cluster.close()
        if stage:
            _clean_tmp(stage, run_id)
            try:
                stage.rmdir()  # only when empty: a shard the store refused stays for the next run
            except OSError:
                pass
    if report.stored:  # as ingest_paths: bring the search sidecar up to date before the first search
        from corpus.fastsearch import sync_quietly

        sync_quietly(store)
    report.seconds = time.monotonic() - t0
    return report


def _dashboard(client: Client) -> str:
    try:
        return client.dashboard_link or ""
    except Exception:  # noqa: BLE001 - no bokeh, or the scheduler runs without a dashboard
        return ""


def _run(client: Client, store: Store, files: list[Path], tally: IngestTally, report: DaskIngestReport,
         recovered: set[str], sink: Sink, stage: Path | None, overrides: dict[str, Any], analyse: bool,
         extract_settings: dict[str, Any] | None, retries: int) -> None:
    """Plan, submit and collect: a sliding window of tasks, results handled as they complete."""
    from distributed import as_completed

    settings = dict(extract_settings or {})
    settings.setdefault("workers", 1)  # documents run in parallel: no nested page pools per worker
    manifests = ManifestIndex()
    # Tasks in flight: a few per worker thread, recounted every few seconds because workers
    # join and leave (adaptive clusters) while the ingest runs.
    # The workers seen on the way tell, at the end, which ones left during the ingest.
    window = {"size": 16, "at": float("-inf")}
    seen: set[str] = set()

    def window_size() -> int:
        if time.monotonic() - window["at"] > WINDOW_RECOUNT_SECONDS:
            threads = client.nthreads()
            seen.update(threads)
            window.update(size=max(16, 4 * sum(threads.values())), at=time.monotonic())
        return int(window["size"])

    pending: dict[Future, PlannedFile] = {}
    in_batch: set[str] = set()
    todo: Iterator[Path] = iter(files)
    done = as_completed()

    def fill() -> None:
        while len(pending) < window_size():
            f = next(todo, None)
            if f is None:
                return
            planned = plan_file(store, f, manifests, overrides)
            if isinstance(planned, IngestItem):
                if planned.status == "duplicate" and planned.doc_id in recovered:
                    tally.total -= 1  # already reported when its leftover shard was merged
                    continue
                tally.emit(planned)
                continue
            if planned.sha in in_batch:  # the same bytes twice in this batch
                tally.emit(IngestItem(str(f), "duplicate", planned.sha))
                continue
            in_batch.add(planned.sha)
            fut = client.submit(process_file, planned, str(f.absolute()), sink, analyse, settings,
                                key=f"ingest-{sink.run_id}-{planned.sha}", retries=retries, pure=False)
            pending[fut] = planned
            done.add(fut)

    try:
        fill()
        for fut in done:
            planned = pending.pop(fut)
            if fut.cancelled() and client.status != "running":
                raise OSError("de client is gestopt")
            tally.emit(_collect(fut, planned, store, stage, retries))
            del fut  # let the scheduler forget the result: no recomputation once its shard is merged
            fill()
    except (OSError, TimeoutError) as err:  # CommClosedError is an OSError: the scheduler is gone
        raise ClusterError(
            f"De verbinding met de Dask-scheduler is verbroken ({type(err).__name__}: {err}). {tally.done} van "
            f"{tally.total} bestanden zijn verwerkt en opgeslagen. Start de scheduler opnieuw en voer hetzelfde "
            "commando nog eens uit: wat al is opgeslagen wordt overgeslagen.") from err
    # A shard a task wrote after its future failed or was recomputed (a worker that was declared
    # dead but still ran): its document is normally stored already; anything new is reported.
    for shard in leftover_shards(stage) if stage else []:
        item = merge_shard(store, shard)
        if item.status != "duplicate":
            tally.total += 1
            tally.emit(item)
    report.lost_workers = sorted(seen - set(client.nthreads()))


def _collect(fut: Future, planned: PlannedFile, store: Store, stage: Path | None, retries: int) -> IngestItem:
    """The item for one finished task: merge its shard, or pass on what the worker stored."""
    from distributed import KilledWorker

    label = str(planned.path)
    try:
        res: TaskResult = fut.result()
    except KilledWorker:
        item = IngestItem(label, "error", planned.sha, error=f"{label}: het verwerkingsproces stopte bij dit "
                          "bestand steeds opnieuw (te groot of beschadigd?); het is overgeslagen.")
    except Exception as err:  # noqa: BLE001 - the task failed after its retries: one error row
        item = IngestItem(label, "error", planned.sha, error=f"{label}: verwerking mislukt, ook na {retries} keer "
                          f"opnieuw proberen ({type(err).__name__}: {err}).")
    else:
        if res.shard:
            shard = Path(res.shard)
            if not shard.exists():
                return IngestItem(label, "error", planned.sha, error=f"{label}: tussenresultaat {shard} niet "
                                  "gevonden; staat de staging-map op een schijf die de workers met deze "
                                  "computer delen?")
            item = merge_shard(store, shard)
            item.path = label
            return item
        assert res.item is not None
        return res.item
    # The task failed, but a shard of an earlier attempt may be complete: use it.
    shard = stage / f"{planned.sha}{SHARD_SUFFIX}" if stage else None
    if shard is not None and shard.exists():
        merged = merge_shard(store, shard)
        merged.path = label
        return merged
    return item
