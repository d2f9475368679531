"""A bill printed as a Kamerstuk is national law: its royal formula sits below the chamber's heading."""

from __future__ import annotations

from pathlib import Path

import extract
from models.ambiguity.resources import build_resources

HEAD = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2024–2025

36 999 Voorstel van wet houdende regels over de openbare lichamen

Nr. 2 VOORSTEL VAN WET

"""
ROYAL = """Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, enz. enz. enz.

Allen, die deze zullen zien of horen lezen, saluut! doen te weten:

"""
BODY = """## Artikel 1

Het algemeen bestuur en het dagelijks bestuur van het openbaar lichaam worden ingesteld bij gemeenschappelijke regeling.

## Artikel 2

Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip.
"""


def _res(tmp_path: Path, text: str):
    path = tmp_path / "stuk.md"
    path.write_text(text, encoding="utf-8")
    return build_resources(extract.parse(path))


def test_a_kamerstuk_bill_is_national_law(tmp_path):
    res = _res(tmp_path, HEAD + ROYAL + BODY)
    assert res.is_national_law()
    assert not res.is_gemeenschappelijke_regeling()  # it speaks of a GR, but the Wgr checklist does not bind it


def test_a_law_opening_with_the_royal_formula_is_national_law(tmp_path):
    assert _res(tmp_path, ROYAL + BODY).is_national_law()


def test_without_the_royal_formula_a_kamerstuk_head_alone_is_no_law(tmp_path):
    res = _res(tmp_path, HEAD + "De raden van de gemeenten A en B besluiten:\n\n" + BODY)
    assert not res.is_national_law()


def test_the_royal_formula_in_the_body_does_not_make_a_regulation_national_law(tmp_path):
    body = BODY + "\n## Artikel 3\n\nDe tekst 'Wij Willem-Alexander, bij de gratie Gods' wordt niet gebruikt.\n"
    assert not _res(tmp_path, "De raden van de gemeenten A en B besluiten:\n\n" + body).is_national_law()
