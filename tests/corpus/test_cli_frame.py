"""The CLI frame: exit codes, Dutch messages, a fast start and documented commands."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.cli import cli, main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv,needle", [
    (["bogus"], "Onbekend commando"),
    (["parse", "--kind", "wet", "x.pdf"], "is niet een van"),
    (["search"], "Argument ontbreekt"),
])
def test_usage_errors_exit_1_in_dutch(capsys, argv, needle):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert needle in err and "Error:" not in err and "Traceback" not in err


def test_user_error_is_a_dutch_message_not_a_traceback(capsys, tmp_path):
    assert main(["parse", str(tmp_path / "ontbreekt.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "Traceback" not in err


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_is_in_the_readme(name):
    assert cli.commands[name].help, f"{name} has no --help text"
    assert f"drechtlens {name}" in README


def test_cli_start_does_not_load_the_nlp_stack():
    """--help must stay instant: heavy imports (spaCy, scikit-learn) happen inside commands."""
    code = ("import sys, corpus.cli; heavy = [m for m in ('spacy', 'sklearn', 'pdfplumber', 'streamlit') "
            "if m in sys.modules]; print(','.join(heavy))")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported at CLI start: {out.stdout.strip()} ({time.perf_counter() - t0:.1f}s)"
