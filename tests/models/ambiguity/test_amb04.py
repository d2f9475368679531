"""AMB-04 decision locus unclear (the duurzaamheidsagenda problem)."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, run

POSITIVE = [
    lid("De regio stelt de duurzaamheidsagenda vast."),
    lid("De Drechtsteden stellen het uitvoeringsprogramma vast."),
    lid("Partijen stellen de verdeelsleutel vast."),
    lid("De gemeenten stellen gezamenlijk de woonvisie vast."),
    lid("Het algemeen bestuur stelt de woonvisie vast in overleg met de colleges."),
    lid("De agenda wordt regionaal vastgesteld en lokaal uitgewerkt."),
    lid("Het programma wordt vertaald in lokaal beleid."),
    "Artikel 3 Agenda\n1. Het algemeen bestuur stelt de duurzaamheidsagenda vast.\n"
    "2. De raden stellen de duurzaamheidsagenda vast.",
    lid("Betrokkenen besluiten over de verdeling van de kosten."),
]
NEGATIVE = [
    lid("Het algemeen bestuur stelt de duurzaamheidsagenda vast."),
    lid("Het dagelijks bestuur bereidt de woonvisie voor en het algemeen bestuur stelt haar vast."),
    lid("De vergadering vindt plaats in de gemeenten."),  # territorial, not an actor
    lid("Het algemeen bestuur stelt de begroting vast, gehoord de raden."),
    lid("De minister en gedeputeerde staten stellen gezamenlijk de bijdrage vast."),  # named organs
    lid("Het dagelijks bestuur zendt de stukken aan de gemeenten."),
    "Artikel 3 Agenda\n1. Het dagelijks bestuur bereidt de agenda voor.\n2. Het algemeen bestuur stelt de agenda vast.",
    lid("Het algemeen bestuur stelt de woonvisie vast na instemming van de raden."),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-04", text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-04", text) == []


def test_adopters_at_two_levels_is_kritiek():
    flags = run("AMB-04", POSITIVE[7])
    assert [f.severity for f in flags] == [Severity.KRITIEK]
    assert "GR" in flags[0].question and flags[0].lid == "2"


# -- a collective drafts an instrument that no organ adopts ---------------------------------------
def test_collective_drafting_an_unadopted_instrument():
    flags = run("AMB-04", lid("De regio stelt een mobiliteitsplan op."))
    assert [(f.quote, f.severity) for f in flags] == [("De regio", Severity.ZORG)]
    assert "geen orgaan" in flags[0].explanation
    # the joint adverb of the same collective subject is one finding, not a second one
    flags = run("AMB-04", lid("De gemeenten ontwerpen gezamenlijk een regionale energiestrategie."))
    assert [f.quote for f in flags] == ["De gemeenten"] and "'gezamenlijk'" in flags[0].explanation
    # without a collective subject the joint act is a finding of its own
    flags = run("AMB-04", lid("De energiestrategie wordt gezamenlijk vastgesteld."))
    assert [f.quote for f in flags] == ["gezamenlijk"]


DRAFTED_NEGATIVE = [
    # the adopter is named elsewhere: drafting is preparation
    "Artikel 3 Mobiliteit\n1. De regio stelt een mobiliteitsplan op.\n"
    "2. Het algemeen bestuur stelt het mobiliteitsplan vast.",
    lid("Het dagelijks bestuur stelt een mobiliteitsplan op."),  # an organ, not a collective
    lid("De regio stelt een overzicht op van de wachtlijsten."),  # no policy instrument
]


@pytest.mark.parametrize("text", DRAFTED_NEGATIVE)
def test_drafting_negative(text):
    assert run("AMB-04", text) == []
