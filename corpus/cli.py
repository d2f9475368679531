"""The ``drechtlens`` command line: thin commands over library functions.

Each area keeps its commands in its own module (``corpus/commands/<area>.py``) exposing a
``COMMANDS`` list; this module only wires them into one group and maps errors to exit
codes: 0 ok, 1 user error (clear Dutch message, no traceback), 2 partial failure (some
files failed; the command itself reports which).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import click

EXIT_OK, EXIT_USER_ERROR, EXIT_PARTIAL = 0, 1, 2

# One line per area; each module has COMMANDS: list[click.Command].
COMMAND_MODULES = [
    "corpus.commands.parse",
    "corpus.commands.corpus",
    "corpus.commands.demo",
    "corpus.commands.classify",
    "corpus.commands.flag",
    "corpus.commands.zoekindex",
]


def default_db_path() -> str:
    """``$DRECHTLENS_DB``, else ``./data/corpus.db`` in the current folder (documented in README)."""
    return os.environ.get("DRECHTLENS_DB") or str(Path.cwd() / "data" / "corpus.db")


# click's usage errors are English; the most common ones in Dutch.
_USAGE_NL = (
    ("Missing argument", "Argument ontbreekt:"),
    ("Missing option", "Optie ontbreekt:"),
    ("No such command", "Onbekend commando:"),
    ("No such option", "Onbekende optie:"),
    ("Invalid value for", "Ongeldige waarde voor"),
    ("Got unexpected extra argument", "Onverwacht extra argument"),
    ("is not one of", "is niet een van"),
    ("does not exist", "bestaat niet"),
)


def _usage_nl(message: str) -> str:
    for en, nl in _USAGE_NL:
        message = message.replace(en, nl)
    return message.replace(": :", ":")


class PartialFailure(click.ClickException):
    """Some inputs failed; the command has already printed which. Exit code 2."""

    exit_code = EXIT_PARTIAL


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", default=None, metavar="PAD",
              help="Corpus: SQLite-bestand of postgresql://-URL (standaard $DRECHTLENS_DB of ./data/corpus.db).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Drechtlens: documenten van de Drechtsteden ontleden, classificeren, toetsen en doorzoeken.

    \b
    Voorbeelden:
      drechtlens parse GR-Drechtsteden.pdf --format md
      drechtlens ingest ./documenten
      drechtlens search "woningbouw" --gemeente Dordrecht
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db or default_db_path()


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(_name).COMMANDS:
        cli.add_command(_command)


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="drechtlens", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Afgebroken.", err=True)
        return EXIT_USER_ERROR
    except click.UsageError as err:  # click would use 2, which we reserve for partial failure
        if err.ctx is not None:
            click.echo(err.ctx.get_usage(), err=True)
        click.echo(f"Fout: {_usage_nl(err.format_message())}", err=True)
        click.echo("Gebruik --help voor uitleg en voorbeelden.", err=True)
        return EXIT_USER_ERROR
    except click.ClickException as err:  # click would print an English "Error:" prefix
        click.echo(f"Fout: {err.format_message()}", err=True)
        return err.exit_code
    except click.exceptions.Exit as err:
        return err.exit_code
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
