"""AMB-12 open-ended enumerations."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, quotes, run

TASKS = "Artikel 2 Taken"
POSITIVE = [
    ("Het openbaar lichaam behartigt onder meer de belangen op het gebied van wonen.", "onder meer", TASKS),
    ("Het dagelijks bestuur is belast met taken, waaronder de inkoop.", "waaronder", TASKS),
    ("Het openbaar lichaam verzorgt de inkoop, de administratie en dergelijke.", "en dergelijke", TASKS),
    ("Het openbaar lichaam voert de taken uit, zoals de inzameling van afval.", "zoals", TASKS),
    ("Het openbaar lichaam verricht bijvoorbeeld de salarisadministratie.", "bijvoorbeeld", TASKS),
    ("Het openbaar lichaam verzorgt de inkoop en alle overige taken die het algemeen bestuur opdraagt.",
     "en alle overige taken", TASKS),
    ("De stukken omvatten o.a. de begroting en de jaarrekening.", "o.a.", "Artikel 5 Vergaderingen"),
    ("De agenda bevat in ieder geval de vaststelling van de notulen.", "in ieder geval", "Artikel 5 Vergaderingen"),
    ("De commissie adviseert in het bijzonder over de begroting.", "in het bijzonder", "Artikel 5 Vergaderingen"),
]
NEGATIVE = [
    "Het openbaar lichaam behartigt de belangen op het gebied van wonen en vervoer.",
    "De commissie zoals bedoeld in artikel 3 adviseert.",  # a reference, not an example
    "De regeling zoals deze luidt op 1 januari 2020 is van toepassing.",
    "Het openbaar lichaam verzorgt de inkoop en de administratie.",
    "Het dagelijks bestuur stelt de begroting vast.",
    "De voorzitter opent de vergadering.",
    "De regeling zoals gewijzigd bij besluit van 3 mei is van toepassing.",
    "Het openbaar lichaam heeft de taken genoemd in het eerste lid.",
]


@pytest.mark.parametrize("text,expected,heading", POSITIVE)
def test_positive(text, expected, heading):
    assert expected in quotes(run("AMB-12", lid(text, heading=heading)))


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-12", lid(text, heading="Artikel 2 Taken")) == []


def test_severity_depends_on_task_article():
    in_tasks = run("AMB-12", lid("De taken omvatten onder meer de inkoop.", heading="Artikel 2 Taken"))
    elsewhere = run("AMB-12", lid("De stukken omvatten onder meer de notulen.", heading="Artikel 5 Vergaderingen"))
    assert in_tasks[0].severity == Severity.ZORG and elsewhere[0].severity == Severity.SUGGESTIE
    minimum = run("AMB-12", lid("De agenda bevat in ieder geval de notulen.", heading="Artikel 5 Vergaderingen"))
    assert minimum[0].severity == Severity.INFO
