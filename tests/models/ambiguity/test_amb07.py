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
