"""The demo corpus: fictional Drechtsteden documents we wrote ourselves, rendered to PDF.

``make run`` calls ``drechtlens demo --if-empty`` so the app has something to show out of
the box. The folder holds the sources and their metadata; no binaries are committed:

* ``gr-drechtsteden-2026.md``: a fictional gemeenschappelijke regeling (26 articles) with
  deliberate ambiguities of every type AMB-01 … AMB-16, listed in ``ambiguities.tsv``
  (``type artikel lid onderdeel quote note``; ``quote`` is an exact substring of that
  lid's/onderdeel's text, empty ``lid``/``onderdeel`` means none; a row without
  ``artikel`` is a document-level finding such as missing Wgr content) and
  false-positive traps in ``traps.tsv`` (``artikel lid quote note``) that must NOT be
  flagged. The ambiguity list is what a careful reviewer should find; it is not a claim
  that every other phrase is clean (e.g. "worden gedekt" in artikel 14 is an agentless
  passive of no consequence), so use it for recall and the traps for false positives;
* three coalition agreements with different positions on the tension fields
  (``positions.md``), a Drechtraad agenda and a council besluitenlijst;
* ``MANIFEST.tsv`` in the format of ``../shared/corpus/MANIFEST.tsv`` (kind, body, year).

API::

    render_demo(out_dir) -> list[Path]           # PDFs + MANIFEST.tsv in out_dir
    load_demo(store_or_path, if_empty=True)       # render into <data dir>/demo/ and ingest
    read_ambiguities() / read_traps()             # the seeded findings, as dataclasses

Rendering is deterministic, so loading twice stores nothing new (same sha256 ids).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily at run time: rendering needs neither the store nor ingest
    from corpus.ingest import IngestProgress, IngestReport
    from corpus.store import Store

DEMO_DIR = Path(__file__).resolve().parent
MANIFEST = DEMO_DIR / "MANIFEST.tsv"
AMBIGUITIES = DEMO_DIR / "ambiguities.tsv"
TRAPS = DEMO_DIR / "traps.tsv"
GR_FILE = "gr-drechtsteden-2026.pdf"  # the regulation the ambiguity rows refer to


@dataclass(frozen=True, slots=True)
class DemoSource:
    """One demo document: the PDF name it renders to and the manifest metadata."""

    file: str  # PDF file name in the output folder
    source: Path  # the Markdown-like text we wrote
    kind: str  # manifest vocabulary ("gr-text", "coalitieakkoord", "agenda")
    body: str
    year: int | None
    row: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class SeededAmbiguity:
    type: str  # "AMB-01" … "AMB-16"
    artikel: str | None  # None: document-level finding (e.g. missing Wgr content)
    lid: str | None
    onderdeel: str | None
    quote: str  # exact substring of the passage text; "" for document-level findings
    note: str


@dataclass(frozen=True, slots=True)
class Trap:
    """A phrase that looks like a trigger but is not ambiguous; a detector must not flag it."""

    artikel: str
    lid: str | None
    quote: str
    note: str


@dataclass(slots=True)
class DemoReport:
    status: str  # "loaded" | "skipped"
    message: str  # Dutch, for the CLI and the app
    out_dir: Path | None = None
    files: list[Path] = field(default_factory=list)
    ingest: IngestReport | None = None
    existing_documents: int = 0


class DemoError(Exception):
    """The demo corpus could not be rendered or loaded; ``str(err)`` is a Dutch sentence."""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "") for k, v in r.items()} for r in csv.DictReader(fh, delimiter="\t")]


def demo_sources() -> list[DemoSource]:
    """The documents listed in ``MANIFEST.tsv``, in manifest order."""
    out = []
    for r in _rows(MANIFEST):
        src = DEMO_DIR / (Path(r["file"]).stem + ".md")
        year = r.get("year", "")
        out.append(DemoSource(r["file"], src, r["kind"], r["municipality_or_body"],
                              int(year) if year.isdigit() else None, r))
    return out


def read_ambiguities() -> list[SeededAmbiguity]:
    """The deliberate ambiguities in the demo regulation (``ambiguities.tsv``)."""
    return [SeededAmbiguity(r["type"], r["artikel"] or None, r["lid"] or None, r["onderdeel"] or None,
                            r["quote"], r["note"]) for r in _rows(AMBIGUITIES)]


def read_traps() -> list[Trap]:
    """The false-positive traps in the demo regulation (``traps.tsv``)."""
    return [Trap(r["artikel"], r["lid"] or None, r["quote"], r["note"]) for r in _rows(TRAPS)]


def _pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_demo(out_dir: str | Path) -> list[Path]:
    """Render every demo document into ``out_dir`` and write its ``MANIFEST.tsv`` there.

    Files are written to a temporary name and renamed, so an interrupted run never
    leaves a half-written PDF that ingest would then report as broken.
    """
    from corpus.demo.render import render_pdf

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DemoError(f"Map {out} kan niet worden aangemaakt: {err.strerror or err}.") from err
    paths: list[Path] = []
    manifest_rows: list[dict[str, str]] = []
    for s in demo_sources():
        target = out / s.file
        fd, tmp_name = tempfile.mkstemp(prefix=".demo-", suffix=".pdf", dir=out)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            render_pdf(s.source, tmp)
            tmp.replace(target)
        except OSError as err:
            raise DemoError(f"{target}: schrijven mislukt ({err.strerror or err}).") from err
        finally:
            tmp.unlink(missing_ok=True)
        paths.append(target)
        manifest_rows.append({**s.row, "pages": str(_pdf_pages(target))})
    with (out / "MANIFEST.tsv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(manifest_rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(manifest_rows)
    return paths


def default_out_dir(store_path: str | Path) -> Path:
    """``<data dir>/demo``: next to the database file."""
    if str(store_path) == ":memory:":
        raise DemoError("Een database in het geheugen heeft geen datamap; geef een uitvoermap op (--out).")
    if str(store_path).startswith(("postgresql://", "postgres://")):  # a server database: ./data/demo
        return Path.cwd() / "data" / "demo"
    return Path(store_path).resolve().parent / "demo"


def _count_documents(store: Store) -> int:
    return int(store.read("SELECT count(*) FROM documents")[0][0])


def load_demo(store_path: str | Path | Store, if_empty: bool = True,
              progress: Callable[[IngestProgress], None] | None = None, *,
              out_dir: str | Path | None = None, workers: int | None = None, analyse: bool = True) -> DemoReport:
    """Render the demo corpus and ingest it into the store at ``store_path`` (or a ``Store``).

    With ``if_empty`` nothing happens when the store already holds any document, so
    ``make run`` never touches a corpus the user has built. Otherwise the PDFs are
    (re)rendered into ``out_dir`` (default ``<data dir>/demo``) and ingested; documents
    already present are reported as duplicates by ingest.
    """
    from corpus.ingest import ingest_paths
    from corpus.store import Store, open_store

    own = not isinstance(store_path, Store)
    store = open_store(store_path) if own else store_path
    try:
        existing = _count_documents(store)
        if if_empty and existing:
            return DemoReport("skipped", f"Het corpus bevat al {existing} document(en); het democorpus is niet "
                                         f"geladen (--if-empty).", existing_documents=existing)
        if out_dir is None:
            out_dir = default_out_dir(store.path)
        files = render_demo(out_dir)
        report = ingest_paths(store, files, workers=workers, progress=progress, analyse=analyse)
    finally:
        if own:
            store.close()
    stored, dup, err = len(report.stored), report.count("duplicate"), len(report.errors)
    msg = f"Democorpus: {stored} document(en) ingelezen, {dup} al aanwezig"
    msg += f", {err} mislukt." if err else "."
    return DemoReport("loaded", msg, Path(out_dir), files, report, existing)

