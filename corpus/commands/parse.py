"""``drechtlens parse``: one file to a structured document, printed."""

from __future__ import annotations

import click

import extract
from extract.document import KINDS
from extract.errors import ExtractError


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--kind", type=click.Choice(KINDS), default=None,
              help="Documentsoort; standaard herkend uit de inhoud.")
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True)
def parse(file: str, kind: str | None, fmt: str) -> None:
    """Ontleed één bestand (PDF, DOCX, XML, HTML, Markdown, tekst) en toon de structuur.

    \b
    Voorbeeld:
      drechtlens parse GR-Drechtsteden.pdf --format md
    """
    try:
        doc = extract.parse(file, kind=kind)
    except ExtractError as err:
        raise click.ClickException(str(err)) from err
    click.echo(doc.to_json(indent=2) if fmt == "json" else doc.to_markdown())
    for w in doc.warnings:
        where = f" (pagina {w.page})" if w.page else ""
        click.echo(f"Waarschuwing{where}: {w.message}", err=True)


COMMANDS = [parse]
