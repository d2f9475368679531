"""AMB-10 terminology variants."""

import pytest

from tests.models.ambiguity.helpers import run


def art(*leden: str) -> str:
    return "Artikel 3 Wonen\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(leden, start=1))


POSITIVE = [
    art("Het algemeen bestuur stelt de woonvisie vast.", "De regionale woonvisie geldt voor vier jaar."),
    art("De woonvisie geldt.", "De Woonvisie Drechtsteden wordt uitgevoerd."),
    art("De duurzaamheidsagenda geldt.", "De regionale duurzaamheidsagenda wordt geëvalueerd.",
        "De duurzaamheidsagenda wordt gepubliceerd."),
    art("Het dagelijks bestuur werkt zoveel mogelijk samen.", "De raden worden zo veel mogelijk gehoord."),
    art("De GRD voert de taken uit.", "De Gemeenschappelijke Regeling Drechtsteden is een openbaar lichaam."),
    art("Het dagelijks bestuur betrekt voor zover mogelijk de raden.", "Voorzover nodig wordt advies gevraagd."),
    art("Het programma geldt.", "Het regionale programma wordt uitgevoerd."),
    art("De nota geldt.", "De Nota wordt ter inzage gelegd."),
]
NEGATIVE = [
    art("De regionale woonvisie geldt.", "De lokale woonvisie wordt daarop afgestemd."),  # distinct concepts
    art("Het algemeen bestuur stelt de woonvisie vast.", "De woonvisie geldt voor vier jaar."),
    art("De Gemeenschappelijke Regeling Drechtsteden (hierna: GRD) is een openbaar lichaam.", "De GRD voert uit."),
    art("Het dagelijks bestuur werkt zoveel mogelijk samen.", "De raden worden zoveel mogelijk gehoord."),
    art("De begroting wordt vastgesteld.", "De begroting wordt gepubliceerd."),
    art("De AVG is van toepassing.", "Het archief wordt beheerd."),  # abbreviation without full form
    art("De Woonvisie geldt.", "De Woonvisie wordt uitgevoerd."),  # consistently capitalised
    art("De woonvisie geldt."),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-10", text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-10", text) == []


# -- synonymous draft prefixes on one document ------------------------------------------------------
def test_ontwerp_and_concept_of_one_document():
    flags = run("AMB-10", art("Het dagelijks bestuur zendt de ontwerpjaarrekening aan de raden.",
                              "De raden reageren binnen zes weken op de conceptjaarrekening."))
    assert [f.quote for f in flags] == ["conceptjaarrekening"] and "ontwerpjaarrekening" in flags[0].explanation
    flags = run("AMB-10", art("Het concept van de begroting gaat naar de raden.",
                              "De ontwerpbegroting wordt in juni besproken.", "De ontwerpbegroting ligt ter inzage."))
    assert [f.quote for f in flags] == ["concept van de begroting"]


PREFIX_NEGATIVE = [
    art("Het dagelijks bestuur zendt de ontwerpbegroting aan de raden.", "Het algemeen bestuur stelt de begroting vast."),
    art("Het ontwerp van de begroting gaat naar de raden.", "De ontwerpbegroting wordt besproken."),  # one prefix
    art("De conceptbegroting gaat naar de raden.", "Het ontwerpplan wordt besproken."),  # different documents
]


@pytest.mark.parametrize("text", PREFIX_NEGATIVE)
def test_prefix_negative(text):
    assert run("AMB-10", text) == []
