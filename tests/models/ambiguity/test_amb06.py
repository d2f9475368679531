"""AMB-06 organ designation undefined or inconsistent."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, run

DEFS = ("Artikel 1 Begripsbepalingen\nIn deze regeling wordt verstaan onder:\n"
        "a. Drechtraad: het algemeen bestuur van het openbaar lichaam;\n"
        "b. Drechtstedenbestuur: het dagelijks bestuur;\n")

POSITIVE = [
    lid("Het regionaal bestuur stelt de begroting vast."),
    lid("Het bestuur besluit over de toetreding."),
    lid("De gemeenten voeren de taken uit."),
    lid("De deelnemende gemeenten stellen de bijdrage vast."),
    DEFS + "Artikel 6 Begroting\n1. De Drechtraad stelt de begroting vast. Het algemeen bestuur stelt ook de "
           "jaarrekening vast.",
    lid("Het regionale college besluit over subsidies."),
    lid("De stukken gaan naar de regionale commissie."),
    "Artikel 5 Stukken\n1. Het college stelt de nota vast.\n2. De colleges worden gehoord.",
    lid("Het managementteam besluit. De directie stelt de nota vast."),
    lid("Het uitvoerend bestuur stelt de nota vast."),  # present-participle adjective
]
NEGATIVE = [
    lid("Het algemeen bestuur stelt de begroting vast."),
    lid("Het dagelijks bestuur besluit over de toetreding."),
    DEFS + "Artikel 6 Begroting\n1. De Drechtraad stelt de begroting vast.",
    lid("Het Drechtstedenbestuur besluit."),  # compound: 'bestuur' is not split
    lid("De vergadering wordt gehouden in de gemeenten."),  # territorial
    lid("De raden van de deelnemende gemeenten wijzen de leden aan."),
    lid("Het bestuur van de stichting wordt gehoord."),  # an external body
    lid("Het dagelijks bestuur zendt de begroting aan de gemeenten."),  # recipient
    lid("Het college van burgemeester en wethouders van elke gemeente wijst een lid aan."),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-06", text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-06", text) == []


def test_undefined_organ_as_competent_subject_is_kritiek():
    (f,) = run("AMB-06", lid("Het regionaal bestuur stelt de begroting vast."))
    assert f.severity == Severity.KRITIEK and f.quote == "Het regionaal bestuur"


def test_alias_mixing_names_both_forms():
    (f,) = run("AMB-06", POSITIVE[4])
    assert "drechtraad" in f.explanation and "algemeen bestuur" in f.explanation
