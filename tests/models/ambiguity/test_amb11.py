"""AMB-11 cross-references resolved against the structure index."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import run

REG = """Artikel 1 Begripsbepalingen
In deze regeling wordt verstaan onder:
a. wet: de Wet gemeenschappelijke regelingen;
b. bestuur: het algemeen bestuur;
Artikel 2 Bestuur
1. Het algemeen bestuur bestaat uit zeven leden.
2. De leden worden door de raden aangewezen.
3. {x}
Artikel 3 Doorverwijzing
Artikel 2, tweede lid, is van overeenkomstige toepassing.
"""


def reg(x: str) -> str:
    return REG.format(x=x)


POSITIVE = [
    ("Artikel 12, tweede lid, is van toepassing.", "artikel 12, tweede lid"),  # artikel does not exist
    ("Artikel 2, zesde lid, is van toepassing.", "artikel 2, zesde lid"),  # lid does not exist
    ("Artikel 1, onder f, is van toepassing.", "artikel 1, onder f"),  # onderdeel does not exist
    ("Het bepaalde in artikel 2 lid 1 geldt.", "artikel 2 lid 1"),  # format (Ar 3.29)
    ("Artikel 1 sub a geldt.", "sub a"),  # format
    ("Bovengenoemde regels zijn van toepassing.", "bovengenoemde"),  # vague
    ("De toepasselijke regelgeving wordt gevolgd.", "de toepasselijke regelgeving"),  # vague
    ("Artikel 3 is van toepassing.", "artikel 3"),  # chained: artikel 3 only refers on
    ("Het zesde lid is van toepassing.", "het zesde lid"),  # lid of this artikel missing
    ("Artikelen 2 tot en met 5 zijn van toepassing.", "artikelen 2 tot en met 5"),
]
NEGATIVE = [
    "Artikel 2, tweede lid, is van toepassing.",
    "Artikel 1, onder b, is van toepassing.",
    "Het vorige lid is van toepassing.",
    "Het eerste lid is van toepassing.",
    "Artikel 12 van de Wet gemeenschappelijke regelingen is van toepassing.",  # external: form only
    "Artikel 160 van de Gemeentewet en artikel 3:40 van de Algemene wet bestuursrecht gelden.",
    "Artikelen 1 en 2 zijn van toepassing.",
    "Artikel 2 van deze regeling is van toepassing.",
    "Dit artikel geldt tot 2030.",
    "De taken bedoeld in de artikelen 15 derde lid, 16 tweede lid, 17 en 18 van de Archiefwet 1995.",
]


def _find(flags, expected):
    return [f for f in flags if expected in f.quote.lower() and f.lid == "3"]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_positive(text, expected):
    assert _find(run("AMB-11", reg(text)), expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert [f for f in run("AMB-11", reg(text)) if f.lid == "3"] == []


def test_previous_lid_in_first_lid_is_dangling():
    flags = run("AMB-11", "Artikel 4 Kosten\n1. Het vorige lid is van toepassing.\n2. Iets anders.")
    assert [f.quote for f in flags] == ["Het vorige lid"]


def test_dangling_reference_in_competence_clause_is_kritiek():
    text = "Artikel 4 Kosten\n1. Het algemeen bestuur stelt de bijdrage vast volgens artikel 9, tweede lid."
    (f,) = run("AMB-11", text)
    assert f.severity == Severity.KRITIEK and f.confidence >= 0.85


def test_unknown_external_name_is_info_and_link_to_other_law_is_external():
    flags = run("AMB-11", "Artikel 4 Kosten\n1. Artikel 8 van het Statuut Y geldt.")
    assert [f.severity for f in flags] == [Severity.INFO]
    linked = "Artikel 4 Kosten\n1. Gelet op [artikel 97 van de Wet](../BWBR0003740/README.md) geldt dit."
    assert run("AMB-11", linked) == []
