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
