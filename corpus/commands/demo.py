"""``drechtlens demo``: render the fictional demo corpus to PDF and ingest it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from corpus.cli import PartialFailure

if TYPE_CHECKING:
    from corpus.ingest import IngestProgress

STATUS_NL = {"new": "nieuw", "new_version": "nieuwe versie", "duplicate": "al aanwezig", "error": "fout"}


@click.command()
@click.option("--if-empty", is_flag=True,
              help="Alleen laden als het corpus nog leeg is (zo gebruikt `make run` het).")
@click.option("--out", "out_dir", default=None, metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor de gemaakte PDF's (standaard: de map 'demo' naast de database).")
@click.option("--workers", type=click.IntRange(1, 32), default=2, show_default=True,
              help="Aantal processen dat tegelijk bestanden ontleedt.")
@click.option("--zonder-analyse", is_flag=True, help="Alleen ontleden en opslaan, geen modellen draaien.")
@click.pass_context
def demo(ctx: click.Context, if_empty: bool, out_dir: Path | None, workers: int, zonder_analyse: bool) -> None:
    """Laad het democorpus: een fictieve gemeenschappelijke regeling, drie coalitieakkoorden,
    een agenda van de Drechtraad en een besluitenlijst.

    De teksten zijn door ons geschreven (geen echte overheidsdocumenten). Ze worden als
    PDF gemaakt en daarna ingelezen zoals `drechtlens ingest` dat doet. De regeling bevat
    bewust onduidelijke bepalingen, zodat de toetsing iets te tonen heeft.

    \b
    Voorbeelden:
      drechtlens demo --if-empty
      drechtlens --db /tmp/proef.db demo --out /tmp/demo-pdf
    """
    from corpus.demo import DemoError, load_demo
    from corpus.store import open_store

    db = ctx.obj["db"]
    try:
        store = open_store(db)
    except Exception as err:  # noqa: BLE001 - unreadable/locked db: a clear message, no traceback
        raise click.ClickException(f"Database {db} kan niet worden geopend: {err}") from err

    def progress(p: IngestProgress) -> None:
        click.echo(f"[{p.done}/{p.total}] {STATUS_NL.get(p.item.status, p.item.status)}: {Path(p.item.path).name}",
                   err=True)

    try:
        with store:
            report = load_demo(store, if_empty=if_empty, progress=progress, out_dir=out_dir, workers=workers,
                               analyse=not zonder_analyse)
    except DemoError as err:
        raise click.ClickException(str(err)) from err
    click.echo(report.message)
    if report.status == "skipped":
        return
    ing = report.ingest
    click.echo(f"PDF's in {report.out_dir}; {ing.pages} pagina's, "
               f"{sum(i.passages for i in ing.stored)} passages, {ing.seconds:.1f} s.")
    if ing.errors:
        for item in ing.errors:
            click.echo(f"  • {item.error}", err=True)
        raise PartialFailure(f"{len(ing.errors)} van {len(ing.items)} demodocumenten niet ingelezen.")


COMMANDS = [demo]
