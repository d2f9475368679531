"""Corpus commands: ``ingest``, ``list``, ``show``, ``search``, ``export``, ``stats``.

Thin wrappers over ``corpus.ingest``, ``corpus.store``, ``corpus.search`` and
``corpus.export``; the database comes from the group's ``--db`` (``ctx.obj["db"]``).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from corpus.cli import PartialFailure
from corpus.store import Store, StoreError, is_database_url, open_store, redact
from extract.document import KINDS

if TYPE_CHECKING:
    from corpus.ingest import IngestReport

STATUS_NL = {"new": "nieuw", "new_version": "nieuwe versie", "duplicate": "al aanwezig", "error": "fout",
             "imported": "geïmporteerd"}


def _store(ctx: click.Context, *, must_exist: bool = True) -> Store:
    db = ctx.obj["db"]
    if must_exist and db != ":memory:" and not is_database_url(db) and not Path(db).exists():
        raise click.ClickException(f"Er is nog geen corpus in {db}. Lees eerst documenten in: drechtlens ingest MAP")
    try:
        return open_store(ctx.obj["db"])
    except Exception as err:  # noqa: BLE001 - unreadable/locked/new-schema db: a clear message, no traceback
        raise click.ClickException(f"Database {redact(db)} kan niet worden geopend: {err}") from err


def _console(err: bool = False) -> Console:
    console = Console(stderr=err, highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console.width = max(console.width, 160)  # pipes and CI: avoid 80-column word-wrapped tables
    return console


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Documentsoort voor alle bestanden.")
@click.option("--gemeente", default=None, metavar="NAAM", help="Gemeente of orgaan voor alle bestanden.")
@click.option("--jaar", type=click.IntRange(1800, 2200), default=None, help="Jaar voor alle bestanden.")
@click.option("--titel", default=None, metavar="TEKST", help="Titel (zinvol bij één bestand).")
@click.option("--workers", type=click.IntRange(1, 32), default=2, show_default=True,
              help="Aantal processen dat tegelijk bestanden ontleedt.")
@click.option("--zonder-analyse", is_flag=True, help="Alleen ontleden en opslaan, geen modellen draaien.")
@click.option("--geen-ocr", is_flag=True, help="Gescande pagina's niet met OCR lezen (sneller; zonder tekst).")
@click.option("--scheduler", default=None, metavar="ADRES",
              help="Verdeel het werk over een Dask-cluster: adres van de scheduler (tcp://host:8786), een "
                   "scheduler-bestand (JSON van `dask scheduler --scheduler-file`), of 'local' voor een cluster op "
                   "deze computer met --workers processen.")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Met --scheduler: zo vaak wordt een mislukte taak opnieuw geprobeerd.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], kind: str | None, gemeente: str | None, jaar: int | None,
           titel: str | None, workers: int, zonder_analyse: bool, geen_ocr: bool, scheduler: str | None,
           retries: int) -> None:
    """Lees bestanden of mappen (recursief) in het corpus in.

    Ontleedt PDF, DOCX, XML, HTML, Markdown en tekst, draait de beschikbare analyses en slaat
    elk document in één keer op. Een bestand dat er al in staat wordt overgeslagen; een
    nieuwe versie van een document (zelfde titel, soort en gemeente) wordt eraan gekoppeld.
    Metadata uit een MANIFEST.tsv/.csv in de map wordt gebruikt; opties gaan voor.
    Een zip van `drechtlens export --format zip` wordt volledig teruggezet.
    Met --scheduler draait het ontleden en analyseren als taken op een Dask-cluster
    (zie docs/deploy.md). Afsluitcode 2 als sommige bestanden mislukten.

    \b
    Voorbeelden:
      drechtlens ingest ./documenten
      drechtlens ingest regeling.pdf --kind regeling --gemeente Dordrecht --jaar 2024
      drechtlens --db data/kopie.db ingest export.zip
      drechtlens ingest ./documenten --scheduler local --workers 4
      drechtlens ingest /gedeeld/documenten --scheduler tcp://scheduler:8786
    """
    from corpus.ingest import IngestProgress, ingest_paths

    overrides = {"kind": kind, "body": gemeente, "year": jaar, "title": titel}
    console = _console(err=True)
    with _store(ctx, must_exist=False) as store, Progress(
        TextColumn("[bold]Inlezen"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[pages]} pag."),
        TextColumn("[red]{task.fields[errors]} fouten"), TimeElapsedColumn(), TextColumn("{task.fields[file]}"),
        console=console, transient=True, disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("ingest", total=None, pages=0, errors=0, file="")

        def progress(p: IngestProgress) -> None:
            bar.update(task, total=p.total, completed=p.done, pages=p.pages, errors=p.errors,
                       file=Path(p.item.path).name[:40])
            if not console.is_terminal:  # plain log line per file for pipes and CI
                click.echo(f"[{p.done}/{p.total}] {STATUS_NL.get(p.item.status, p.item.status)}: {p.item.path}",
                           err=True)

        settings = {"ocr": False} if geen_ocr else None
        if scheduler:
            report = _ingest_dask(ctx, store, paths, overrides, scheduler, workers, retries, progress,
                                  not zonder_analyse, settings, console)
        else:
            report = ingest_paths(store, paths, overrides=overrides, workers=workers, progress=progress,
                                  analyse=not zonder_analyse, extract_settings=settings)

    out = _console()
    table = Table(title=f"Ingelezen in {report.seconds:.1f} s", show_footer=False)
    table.add_column("soort")
    table.add_column("opgeslagen", justify="right")
    for k, n in sorted(report.by_kind.items()):
        table.add_row(k, str(n))
    table.add_row("[bold]totaal", str(len(report.stored)))
    out.print(table)
    out.print(f"Nieuw: {report.count('new')}  Nieuwe versies: {report.count('new_version')}  "
              f"Al aanwezig: {report.count('duplicate')}  Geïmporteerd (zip): {report.count('imported')}  "
              f"Fouten: {len(report.errors)}  Pagina's: {report.pages}"
              + (f"  Overgeslagen (ander formaat): {len(report.skipped)}" if report.skipped else ""))
    if getattr(report, "lost_workers", None):
        out.print(f"Dask-workers weggevallen tijdens het inlezen: {len(report.lost_workers)} (hun taken zijn "
                  "opnieuw uitgevoerd; elk document staat er één keer in).")
    for item in report.items:
        if item.status == "new_version":
            out.print(f"Nieuwe versie: {item.title} ({item.doc_id[:12]}, vorige {str(item.previous_id)[:12]})")
    if report.errors:
        console.print("[red bold]Niet ingelezen:")
        for item in report.errors:
            console.print(f"  • {item.error}", markup=False)
        raise PartialFailure(f"{len(report.errors)} van {len(report.items)} bestanden niet ingelezen.")


def _ingest_dask(ctx: click.Context, store: Store, paths: tuple[str, ...], overrides: dict, scheduler: str,
                 workers: int, retries: int, progress: Callable, analyse: bool, settings: dict | None,
                 console: Console) -> IngestReport:
    """``ingest --scheduler``: the same ingest as Dask tasks (corpus.distributed); prints the dashboard."""
    import logging

    import distributed  # noqa: F401 - configures its loggers on import; quieten them after that

    from corpus.distributed import ClusterError, DaskIngestReport, ingest_dask

    # A lost scheduler is reported below in one Dutch sentence; Dask's own reconnect tracebacks are noise here.
    for name in ("distributed.client", "distributed.utils"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    def started(r: DaskIngestReport) -> None:
        console.print(f"Dask-cluster: {r.workers} workers; voortgang ook op het dashboard: "
                      f"{r.dashboard or 'niet beschikbaar (draait de scheduler zonder dashboard?)'}", markup=False)

    try:
        return ingest_dask(store, paths, target=ctx.obj["db"], scheduler=scheduler, workers=workers,
                           overrides=overrides, progress=progress, analyse=analyse, extract_settings=settings,
                           retries=retries, on_start=started)
    except ClusterError as err:
        raise click.ClickException(str(err)) from err


@click.command(name="list")
@click.option("--kind", type=click.Choice(KINDS), default=None)
@click.option("--gemeente", default=None, metavar="NAAM")
@click.option("--van", "year_from", type=int, default=None, metavar="JAAR")
@click.option("--tot", "year_to", type=int, default=None, metavar="JAAR")
@click.option("--alle-versies", is_flag=True, help="Ook vervangen versies tonen.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def list_(ctx: click.Context, kind: str | None, gemeente: str | None, year_from: int | None, year_to: int | None,
          alle_versies: bool, fmt: str) -> None:
    """Toon de documenten in het corpus.

    \b
    Voorbeelden:
      drechtlens list
      drechtlens list --kind regeling --gemeente Dordrecht --format json
    """
    with _store(ctx) as store:
        docs = store.documents(kind=kind, body=gemeente, year_from=year_from, year_to=year_to,
                               latest_only=not alle_versies)
    rows = [{"id": d.id[:12], "titel": d.title, "soort": d.kind, "gemeente": d.body, "jaar": d.year,
             "paginas": d.page_count, "passages": d.passage_count,
             "meldingen": sum(d.flag_counts.values()), "versie": "nieuwste" if d.is_latest else "vervangen"}
            for d in docs]
    _emit(rows, fmt, title=f"{len(rows)} documenten")


def _emit(rows: list[dict], fmt: str, title: str = "") -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        if rows:
            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    else:
        table = Table(title=title)
        for col in rows[0] if rows else ["(leeg)"]:
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(*["" if v is None else str(v) for v in r.values()])
        _console().print(table)


@click.command()
@click.argument("doc")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.pass_context
def show(ctx: click.Context, doc: str, fmt: str) -> None:
    """Toon één document (id of begin van het id) met passages, versies en meldingen.

    \b
    Voorbeelden:
      drechtlens show 3f2a9c81d0e4
      drechtlens show 3f2a9c81d0e4 --format json > document.json
    """
    with _store(ctx) as store:
        try:
            d = store.get_document(doc)
        except StoreError as err:
            raise click.ClickException(str(err)) from err
        versions = store.versions(d.id)
        flags = store.flags(doc_id=d.id)
    if fmt == "json":
        out = d.to_dict()
        out["versions"] = [v.id for v in versions]
        out["flags"] = [{**f.flag, "status": f.status, "producer": f.producer} for f in flags]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(d.to_markdown())
    if len(versions) > 1:
        click.echo("\n## Versies\n")
        for v in versions:
            mark = " (deze)" if v.id == d.id else ""
            click.echo(f"- {v.id[:12]} ingelezen {v.ingested_at}{mark}")
    if flags:
        click.echo(f"\n## Meldingen ({len(flags)})\n")
        for f in flags:
            click.echo(f"- [{f.severity}] {f.type} {f.flag.get('name', '')}: “{f.quote}” ({f.status})")


@click.command()
@click.argument("query")
@click.option("--kind", type=click.Choice(KINDS), default=None)
@click.option("--gemeente", default=None, metavar="NAAM")
@click.option("--van", "year_from", type=int, default=None, metavar="JAAR")
@click.option("--tot", "year_to", type=int, default=None, metavar="JAAR")
@click.option("--domein", default=None, help="Beleidsdomein (label of codering).")
@click.option("--spanningsveld", default=None, help="Spanningsveld (label of codering).")
@click.option("--met-meldingen", is_flag=True, help="Alleen passages met ambiguïteitsmeldingen.")
@click.option("--document", "doc_id", default=None, metavar="ID", help="Alleen binnen dit document.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.pass_context
def search(ctx: click.Context, query: str, kind: str | None, gemeente: str | None, year_from: int | None,
           year_to: int | None, domein: str | None, spanningsveld: str | None, met_meldingen: bool,
           doc_id: str | None, fmt: str, limit: int) -> None:
    """Zoek in alle passages (woordvormen tellen mee: "woning" vindt ook "woningen").

    "exacte zin" tussen aanhalingstekens, woord* voor een woordbegin, OF voor alternatieven,
    -woord om uit te sluiten.

    \b
    Voorbeelden:
      drechtlens search "woningbouw" --gemeente Dordrecht
      drechtlens search '"algemeen bestuur" bevoegdheid' --kind regeling --van 2015
      drechtlens search "zienswijze*" --met-meldingen --format csv > hits.csv
    """
    from corpus.search import SearchFilters
    from corpus.search import search as run

    filters = SearchFilters(kind=kind, body=gemeente, year_from=year_from, year_to=year_to, domain=domein,
                            tension=spanningsveld, has_flags=met_meldingen, doc_id=doc_id)
    with _store(ctx) as store:
        if doc_id:
            try:
                filters.doc_id = store.get_document(doc_id, with_passages=False).id
            except StoreError as err:
                raise click.ClickException(str(err)) from err
        res = run(store, query, filters, limit=limit, with_facets=fmt == "table")
    if res.message:
        click.echo(f"Let op: {res.message}", err=True)
    if fmt == "json":
        click.echo(json.dumps({"total": res.total, "query": res.query_parsed, "message": res.message,
                               "hits": [asdict(h) for h in res.hits]}, ensure_ascii=False, indent=2))
        return
    rows = [{"score": f"{h.score:.2f}", "document": h.doc_title, "soort": h.kind, "gemeente": h.body,
             "jaar": h.year, "plaats": h.location, "pagina": h.page_start, "fragment": h.snippet,
             "passage_id": h.passage_id} for h in res.hits]
    if fmt == "csv":
        _emit(rows, "csv")
        return
    table = Table(title=f"{res.total} treffers" + (f" (eerste {len(rows)})" if res.total > len(rows) else ""))
    for col in ("document", "plaats", "p.", "fragment"):
        table.add_column(col, overflow="fold")
    for h in res.hits:
        frag, pos = [], 0
        for s, e in h.highlights:  # rich markup: escape the text, bold the hits
            frag += [_esc(h.snippet[pos:s]), f"[bold yellow]{_esc(h.snippet[s:e])}[/]"]
            pos = e
        frag.append(_esc(h.snippet[pos:]))
        table.add_row(f"{h.doc_title} ({h.body or '?'}, {h.year or '?'})", h.location or "–", str(h.page_start),
                      "".join(frag))
    _console().print(table)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "xlsx", "zip"]), default=None,
              help="Standaard afgeleid van de extensie van OUT.")
@click.pass_context
def export(ctx: click.Context, out: Path, fmt: str | None) -> None:
    """Exporteer passages (csv, jsonl, xlsx) of het hele corpus (zip, terug te lezen met ingest).

    \b
    Voorbeelden:
      drechtlens export passages.xlsx
      drechtlens export corpus-backup.zip
      drechtlens --db kopie.db ingest corpus-backup.zip
    """
    from corpus.export import export as run

    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in ("csv", "jsonl", "xlsx", "zip"):
        raise click.UsageError("Kies --format csv, jsonl, xlsx of zip (of gebruik die extensie).")
    with _store(ctx) as store:
        try:
            counts = run(store, out, fmt)
        except OSError as err:
            raise click.ClickException(f"{out}: kan niet schrijven ({err.strerror}).") from err
    click.echo(f"Geschreven: {out} (" + ", ".join(f"{k}: {v}" for k, v in counts.items()) + ")")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Tel documenten, passages, meldingen, labels en coderingen in het corpus.

    \b
    Voorbeeld:
      drechtlens stats
    """
    with _store(ctx) as store:
        s = store.stats()
    if fmt == "json":
        d = asdict(s)
        d["by_year"] = {str(k): v for k, v in d["by_year"].items()}
        click.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    t = Table(title=f"Corpus {ctx.obj['db']}")
    t.add_column("")
    t.add_column("aantal", justify="right")
    for label, v in (("documenten (nieuwste versies)", f"{s.documents} ({s.latest_documents})"),
                     ("passages", s.passages), ("pagina's", s.pages), ("meldingen", s.flags),
                     ("labels", s.labels), ("beoordelingen", s.decisions), ("coderingen", s.codings),
                     ("bewaarde zoekopdrachten", s.saved_searches),
                     ("database (MB)", f"{s.db_bytes / 1e6:.1f}")):
        t.add_row(label, str(v))
    for k, n in s.by_kind.items():
        t.add_row(f"  soort {k}", str(n))
    _console().print(t)


COMMANDS = [ingest, list_, show, search, export, stats]
