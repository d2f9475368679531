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


# -- "de gemeenten" as subject of a verb outside the competence lexicon (suggestie) -----------------
ACTING = [
    ("De deelnemende gemeenten verschaffen het openbaar lichaam de benodigde informatie.", "verschaffen"),
    ("Elke deelnemende gemeente levert jaarlijks een overzicht van de cliënten aan.", "levert"),
    ("De gemeenten werken mee aan de evaluatie van de regeling.", "werken"),
    ("De deelnemende gemeenten zorgen voor de huisvesting van het personeel.", "zorgen"),
    ("De deelnemende gemeenten dragen naar vermogen bij aan het behalen van de klimaatdoelen.", "dragen"),
]
NOT_ACTING = [
    "De deelnemende gemeenten dragen naar rato van hun inwonertal bij in de kosten.",  # paying
    "De deelnemende gemeenten zijn gelegen in de provincie Zuid-Holland.",  # state
    "De deelnemende gemeenten ontvangen een afschrift van het jaarverslag.",  # receipt
    "De deelnemende gemeenten treden uit bij besluit van hun raad.",  # organ named
    "Het openbaar lichaam werkt voor de deelnemende gemeenten.",  # not the subject
    "Voor de deelnemende gemeenten geldt een termijn van zes weken.",
    "Na afloop van het jaar leggen de deelnemende gemeenten verantwoording af.",  # not clause-initial: left alone
]


@pytest.mark.parametrize("text,verb", ACTING)
def test_gemeenten_acting_outside_the_lexicon_is_a_suggestion(text, verb):
    flags = [f for f in run("AMB-06", lid(text)) if "gemeente" in f.quote.lower()]
    assert [f.severity for f in flags] == [Severity.SUGGESTIE]
    assert f"'{verb}'" in flags[0].explanation


@pytest.mark.parametrize("text", NOT_ACTING)
def test_gemeenten_not_acting(text):
    assert [f for f in run("AMB-06", lid(text)) if "gemeente" in f.quote.lower()] == []


# -- a defined part of an organ is no alias; a singular identified by a relative clause ---------------
PART_DEFS = ("Artikel 1 Begripsbepalingen\nIn deze regeling wordt verstaan onder:\n"
             "a. Belastingkantoor: de afdeling van het openbaar lichaam die de heffing uitvoert;\n"
             "b. Regioraad: het algemeen bestuur van het openbaar lichaam;\n")


def test_defined_part_of_an_organ_is_not_alias_mixing():
    text = PART_DEFS + ("Artikel 4 Taken\n1. Het openbaar lichaam heft de belastingen.\n"
                        "2. Het dagelijks bestuur kan de heffing opdragen aan het Belastingkantoor.")
    assert run("AMB-06", text) == []
    # a real alias in the same definitions still counts
    mixed = PART_DEFS + "Artikel 4 Taken\n1. De Regioraad stelt de tarieven vast.\n2. Het algemeen bestuur stelt ook de " \
                        "kwijtscheldingsregels vast."
    assert [f.quote for f in run("AMB-06", mixed)] == ["algemeen bestuur"]


def test_singular_organ_identified_by_a_relative_clause():
    plural = "Artikel 3 Leden\n1. De raden wijzen elk een lid aan.\n2. "
    assert run("AMB-06", plural + "Het lidmaatschap eindigt als het lid geen lid meer is van de raad die hem heeft "
                                  "aangewezen.") == []
    flags = run("AMB-06", plural + "De raad besluit over het ontslag van het lid.")
    assert [(f.quote, f.severity) for f in flags] == [("raad", Severity.SUGGESTIE)]
