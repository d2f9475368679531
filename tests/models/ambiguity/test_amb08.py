"""AMB-08 delegation, mandate or further rules without bounds."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, quotes, resources, run

POSITIVE = [
    ("Het algemeen bestuur kan nadere regels stellen.", "nadere regels"),
    ("Het dagelijks bestuur kan bevoegdheden overdragen.", "overdragen"),
    ("Het dagelijks bestuur mandateert de directeur tot het stellen van regels.", "mandateert"),
    ("De vergoeding wordt nader bepaald.", None),
    ("Het algemeen bestuur delegeert bevoegdheden.", "delegeert"),
    ("De tarieven worden bij of krachtens verordening vastgesteld.", "bij of krachtens"),
    ("Het dagelijks bestuur machtigt.", "machtigt"),
    ("Het algemeen bestuur stelt regels.", "stelt regels"),
    ("De werkwijze wordt nader uitgewerkt door het dagelijks bestuur.", None),
]
NEGATIVE = [
    "Het algemeen bestuur kan nadere regels stellen over de vergoeding van de leden.",
    "Het dagelijks bestuur kan aan de voorzitter bevoegdheden overdragen ter uitvoering van de begroting.",
    "Het dagelijks bestuur machtigt de secretaris tot ondertekening van de stukken inzake de inkoop.",
    "Het algemeen bestuur stelt de begroting vast.",
    "Het dagelijks bestuur stelt regels met betrekking tot de archivering.",
    "De voorzitter vertegenwoordigt het openbaar lichaam.",
    "Het algemeen bestuur delegeert aan het dagelijks bestuur de bevoegdheid inzake subsidies.",
    "Het algemeen bestuur kan bevoegdheden overdragen aan het dagelijks bestuur ten aanzien van de inkoop.",
    "Deze regeling treedt in werking op een nader te bepalen tijdstip.",  # commencement
    "Het dagelijks bestuur stelt regels voor zijn vergaderingen vast.",
    "Het dagelijks bestuur benoemt het personeel. Het is bevoegd deze bevoegdheden aan de directeur te mandateren.",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_positive(text, expected):
    flags = run("AMB-08", lid(text))
    assert flags
    if expected:
        assert any(expected in q for q in quotes(flags))


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-08", lid(text)) == []


def test_regulatory_power_to_an_official_is_kritiek():
    flags = run("AMB-08", lid(POSITIVE[2][0]))
    assert any(f.severity == Severity.KRITIEK and f.rule == "Ar 2.30" for f in flags)


def test_subject_in_previous_lid_counts():
    text = ("Artikel 7 Vergoeding\n1. De leden ontvangen een vergoeding voor hun werkzaamheden.\n"
            "2. Het algemeen bestuur kan nadere regels stellen.")
    assert run("AMB-08", text) == []


def test_ledger_lists_bounded_delegations_too():
    res = resources(lid(NEGATIVE[0]))
    (d,) = res.delegations
    assert d.kind == "nadere regels" and d.subject.startswith("over") and d.made == "onbekend"
