"""``drechtlens flag`` (ambiguity report for a file or a stored document) and ``drechtlens detectors``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from corpus.flag_report import FORMATS, ReportInput, render


def store_exists(target: str) -> bool:
    """A SQLite file that exists, or a database URL (see corpus.store.store_exists)."""
    from corpus.store import store_exists as exists
    return exists(target)


def _fail(msg: str) -> click.ClickException:
    return click.ClickException(msg)


def _from_file(path: str, kind: str | None) -> ReportInput:
    import extract
    from extract.errors import ExtractError
    from models.ambiguity import AmbiguityInputError, analyse

    try:
        doc = extract.parse(path, kind=kind)
    except ExtractError as err:
        raise _fail(str(err)) from None
    if doc.kind != "regeling":
        raise _fail(f"{path} is herkend als '{doc.kind}', niet als regeling; de toetsing op dubbelzinnigheid is "
                    "gemaakt voor regelingen. Gebruik --kind regeling om het toch te doen.")
    try:
        report = analyse(doc)
    except AmbiguityInputError as err:
        raise _fail(str(err)) from None
    for w in report.warnings:
        click.echo(f"Waarschuwing: {w}", err=True)
    return ReportInput(doc.title or Path(path).name, report.flags, source=Path(path).name,
                       pipeline=f"{report.pipeline.get('pipeline', '')} {report.pipeline.get('version', '')}".strip())


def _from_store(db: str, target: str) -> ReportInput:
    from corpus.store import StoreError, open_store
    from models.ambiguity import Flag

    if not store_exists(db):
        raise _fail(f"{target!r} is geen bestand, en de corpusdatabase {db} bestaat niet.")
    with open_store(db) as store:
        try:
            doc = store.get_document(target, with_passages=False)
        except StoreError:
            raise _fail(f"{target!r} is geen bestand en geen document-id in het corpus ({db}).") from None
        stored = store.flags(doc_id=doc.id, producer="ambiguity")
    if not stored and doc.kind != "regeling":
        click.echo(f"Waarschuwing: document {doc.id[:12]} is een '{doc.kind}', geen regeling; er zijn geen "
                   "meldingen opgeslagen.", err=True)
    flags, status = [], {}
    for s in stored:
        f = Flag.from_dict(s.flag)
        flags.append(f)
        status[f.key] = s.status
    pipeline = stored[0].pipeline if stored else ""
    return ReportInput(doc.title or doc.id[:12], flags, source=f"corpus {doc.id[:12]}", pipeline=pipeline,
                       status=status)


@click.command()
@click.argument("target", metavar="BESTAND|DOC")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--min-severity", "min_severity", type=click.Choice(["info", "suggestie", "zorg", "kritiek"]),
              default="info", show_default=True, help="Alleen meldingen van deze ernst of hoger.")
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="Schrijf naar dit bestand (standaard stdout; docx vereist --out).")
@click.option("--kind", "kind", type=click.Choice(["regeling"]), default=None,
              help="Behandel het bestand als regeling, ook als het anders herkend wordt.")
@click.pass_context
def flag(ctx: click.Context, target: str, fmt: str, min_severity: str, out: str | None, kind: str | None) -> None:
    """Toets een regeling op dubbelzinnige en gebrekkige bepalingen (AMB-01 … AMB-16).

    BESTAND wordt ingelezen en geanalyseerd; DOC (document-id of een prefix van minstens
    6 tekens) leest de opgeslagen meldingen uit het corpus, met de status van de beoordeling.

    \b
    Voorbeelden:
      drechtlens flag GR-Drechtsteden.pdf --format md
      drechtlens flag 3f2a9c1b7d0e --min-severity zorg --format docx --out toetsing.docx
    """
    from models.ambiguity import Severity

    if Path(target).exists():
        if Path(target).is_dir():
            raise _fail(f"{target} is een map; geef één bestand of een document-id.")
        report = _from_file(target, kind)
    else:
        report = _from_store(ctx.obj["db"], target)
    report.min_severity = Severity.parse(min_severity)
    data = render(report, fmt)
    if out:
        try:
            Path(out).write_bytes(data)
        except OSError as err:
            raise _fail(f"Kan {out} niet schrijven: {err.strerror or err}.") from None
        click.echo(f"{len(report.selected())} meldingen geschreven naar {out}.", err=True)
    elif fmt == "docx":
        raise _fail("Een docx-rapport kan niet naar het scherm; geef --out BESTAND.docx.")
    else:
        sys.stdout.buffer.write(data)
        if not data.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()


@click.command()
@click.option("--format", "fmt", type=click.Choice(["tabel", "json"]), default="tabel", show_default=True)
def detectors(fmt: str) -> None:
    """Toon de detectoren voor dubbelzinnigheid: code, naam, standaard-ernst en grondslag."""
    import json

    from models.ambiguity import registry

    infos = registry()
    if fmt == "json":
        click.echo(json.dumps([{"code": d.code, "name": d.name, "default_severity": d.default_severity,
                                "rule": d.rule, "version": d.version} for d in infos], ensure_ascii=False, indent=2))
        return
    for d in infos:
        click.echo(f"{d.code}  {d.name:<55} {d.default_severity:<10} {d.rule}")


COMMANDS = [flag, detectors]
