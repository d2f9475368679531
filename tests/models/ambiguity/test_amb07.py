"""AMB-07 competence overlap and conflicting provisions."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, run


def two(a: str, b: str) -> str:
    return f"Artikel 3 Bevoegdheden\n1. {a}\nArtikel 4 Uitvoering\n1. {b}"


POSITIVE = [
    two("Het algemeen bestuur stelt het reglement vast.", "Het dagelijks bestuur stelt het reglement vast."),
    two("Het algemeen bestuur benoemt de secretaris.", "Het dagelijks bestuur benoemt de secretaris."),
    two("Het dagelijks bestuur besluit over de subsidieplafonds.", "De voorzitter besluit over de subsidieplafonds."),
    two("Het algemeen bestuur stelt de woonvisie vast.", "De raden stellen de woonvisie vast."),
    two("Het algemeen bestuur wijst de accountant aan.", "Het dagelijks bestuur wijst de accountant aan."),
    lid("Het dagelijks bestuur stelt de begroting vast."),  # Wgr art. 34: the algemeen bestuur
    lid("De voorzitter stelt de jaarrekening vast."),
    two("Het algemeen bestuur stelt de tarieven vast.",
        "Onverminderd artikel 3 stelt het dagelijks bestuur de tarieven vast."),
]
NEGATIVE = [
    two("Het dagelijks bestuur bereidt de begroting voor.", "Het algemeen bestuur stelt de begroting vast."),
    two("Het algemeen bestuur stelt de begroting vast.", "Het dagelijks bestuur voert de begroting uit."),
    lid("Het algemeen bestuur stelt de begroting vast."),
    two("Het algemeen bestuur benoemt de secretaris.", "Het algemeen bestuur ontslaat de secretaris."),
    lid("De minister en gedeputeerde staten stellen gezamenlijk de bijdrage vast."),
    two("Het algemeen bestuur stelt het reglement vast.", "Het algemeen bestuur stelt het reglement vast."),
    two("Het dagelijks bestuur adviseert over de woonvisie.", "Het algemeen bestuur stelt de woonvisie vast."),
    two("Het algemeen bestuur benoemt de secretaris.", "Het dagelijks bestuur benoemt de directeur."),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-07", text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-07", text) == []


def test_unresolved_conflict_is_kritiek_and_onverminderd_only_zorg():
    assert [f.severity for f in run("AMB-07", POSITIVE[0])] == [Severity.KRITIEK]
    assert [f.severity for f in run("AMB-07", POSITIVE[7])] == [Severity.ZORG]


# -- conditional allocation between two organs without an assessor --------------------------------
CONDITIONAL = [
    lid("Het dagelijks bestuur beslist over subsidies, voor zover deze passen binnen de begroting. In andere "
        "gevallen beslist het algemeen bestuur."),
    lid("Het dagelijks bestuur besluit over aankopen indien dit in het belang van de dienst is; zo niet, dan legt "
        "het dagelijks bestuur de zaak voor aan het algemeen bestuur."),
    "Artikel 3 Spoed\n1. De voorzitter besluit over spoedeisende zaken, indien de aard van de zaak dat toelaat.\n"
    "2. In alle andere gevallen besluit het dagelijks bestuur.",
]
NOT_CONDITIONAL = [
    # an objective criterion decides itself
    lid("Het dagelijks bestuur besluit over uitgaven, voor zover deze minder dan € 50.000 bedragen. In andere "
        "gevallen besluit het algemeen bestuur."),
    # the assessor is named
    lid("Het dagelijks bestuur besluit, voor zover dit naar het oordeel van het algemeen bestuur past binnen het "
        "beleid. In andere gevallen besluit het algemeen bestuur."),
    # no complementary case
    lid("Het dagelijks bestuur beslist over subsidies, voor zover deze passen binnen de begroting."),
    # the complementary case stays with the same organ
    lid("Het dagelijks bestuur beslist over subsidies, indien deze passen binnen de begroting. In andere gevallen "
        "wijzigt het dagelijks bestuur eerst de begroting."),
    # "anders dan" is a comparison, not the other case
    lid("Het dagelijks bestuur beslist over de inhuur, indien dat nodig is, anders dan via het algemeen bestuur."),
]


@pytest.mark.parametrize("text", CONDITIONAL)
def test_conditional_allocation_is_flagged(text):
    flags = run("AMB-07", text)
    assert [f.severity for f in flags] == [Severity.ZORG]
    assert "beoordeelt" in flags[0].explanation


def test_conditional_allocation_sits_on_the_other_case():
    (f,) = run("AMB-07", CONDITIONAL[2])
    assert f.lid == "2" and f.quote.startswith("In alle andere gevallen")


@pytest.mark.parametrize("text", NOT_CONDITIONAL)
def test_conditional_allocation_negative(text):
    assert run("AMB-07", text) == []
