"""``drechtlens zoekindex``: build or update the tantivy search sidecar (``corpus.fastsearch``)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--opnieuw", is_flag=True, help="Gooi de zoekindex weg en bouw hem helemaal opnieuw op.")
@click.pass_context
def zoekindex(ctx: click.Context, opnieuw: bool) -> None:
    """Bouw of werk de snelle zoekindex bij (een map <database>.tantivy naast het corpus).

    Zoeken werkt ook zonder: dan bouwt de eerste zoekvraag de index, of zoekt Drechtlens bij
    een groot corpus via SQLite FTS5 tot de index op de achtergrond klaar is. Dit commando
    bouwt hem in één keer, bijvoorbeeld na het overzetten van een groot corpus. Alleen
    gewijzigde documenten worden opnieuw geïndexeerd.

    \b
    Voorbeelden:
      drechtlens zoekindex
      drechtlens --db /data/corpus.db zoekindex --opnieuw
    """
    from corpus import fastsearch
    from corpus.store import open_store

    db = ctx.obj["db"]
    if db == ":memory:" or not Path(db).is_file():
        raise click.ClickException(f"Er is geen SQLite-corpus in {db}; alleen een corpus in een bestand heeft een "
                                   "zoekindex (PostgreSQL zoekt met zijn eigen index).")
    try:
        store = open_store(db)
    except Exception as err:  # noqa: BLE001 - unreadable/locked db: a clear message, no traceback
        raise click.ClickException(f"Database {db} kan niet worden geopend: {err}") from err

    def progress(done: int, todo: int) -> None:
        click.echo(f"[{done}/{todo}] documenten geïndexeerd", err=True)

    with store:
        try:
            report = fastsearch.sync(store, rebuild=opnieuw, progress=progress)
        except fastsearch.FastSearchUnavailable as err:
            raise click.ClickException(f"De zoekindex kan nu niet worden bijgewerkt: {err}.") from err
        except BaseException as err:  # tantivy errors, including its panics (BaseException)
            if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            raise click.ClickException(f"De zoekindex kon niet worden gebouwd ({type(err).__name__}: {err}); "
                                       "zoeken werkt via SQLite FTS5. Probeer: drechtlens zoekindex --opnieuw") from err
    click.echo(f"Zoekindex {fastsearch.index_dir(store)}: {report.documents_indexed} documenten "
               f"({report.passages_indexed} passages) geïndexeerd, {report.documents_removed} verwijderd"
               f"{', volledig opnieuw opgebouwd' if report.rebuilt else ''}; {report.seconds:.1f} s.")


COMMANDS = [zoekindex]
