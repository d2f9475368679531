"""AMB-09 definitions: undefined, unused, circular, normative, deviating."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, run

HEAD = "Artikel 1 Begripsbepalingen\nIn deze regeling wordt verstaan onder:\n"
BODY = "Artikel 2 Taken\n1. Het algemeen bestuur stelt de woonvisie en de nota vast."

POSITIVE = [
    HEAD + "a. woonvisie: de regionale woonvisie;\n" + BODY,  # circular
    HEAD + "a. woonvisie: de visie op het wonen;\nb. fonds: het regionale fonds;\n" + BODY,  # unused 'fonds'
    HEAD + "a. woonvisie: de visie die het algemeen bestuur kan wijzigen;\n" + BODY,  # normative
    HEAD + "a. woonvisie: de visie op het wonen, indien vastgesteld;\n" + BODY,  # condition in definition
    HEAD + "a. besluit: een beslissing van het bestuur;\nb. woonvisie: de visie op wonen;\n"
           "Artikel 2\n1. Een besluit over de woonvisie wordt gepubliceerd.",  # Awb term, own meaning
    lid("Het algemeen bestuur stelt de duurzaamheidsagenda vast."),  # undefined, competence clause
    lid("De mobiliteitsvisie geldt. De raden kennen de mobiliteitsvisie."),  # undefined, used twice
    HEAD + "a. agenda: de regionale agenda;\n" + lid("De agenda geldt."),  # circular
    HEAD + "a. werkplan: het plan;\nb. ongebruikt: iets anders;\n" + lid("Het werkplan geldt."),  # unused
]
NEGATIVE = [
    HEAD + "a. woonvisie: de Woonvisie Drechtsteden 2020-2030, vastgesteld op 1 juli 2020;\n" + BODY,
    HEAD + "a. wet: de Wet gemeenschappelijke regelingen;\n" + lid("De wet is van toepassing."),
    HEAD + "a. besluit: besluit als bedoeld in artikel 1:3 van de Algemene wet bestuursrecht;\n"
           + lid("Een besluit wordt gepubliceerd."),
    lid("Het algemeen bestuur stelt de begroting vast."),  # common word, no definition needed
    lid("Het algemeen bestuur stelt de duurzaamheidsagenda 2024 vast."),  # dated document
    HEAD + "a. raden: de raden van de deelnemende gemeenten;\n" + lid("De raden worden gehoord."),
    lid("Het dagelijks bestuur verstrekt informatie."),
    HEAD + "a. regio: het gebied van de deelnemende gemeenten;\n" + lid("De regio omvat zeven gemeenten."),
    HEAD + "a. gemeente: de gemeente Zwolle;\n" + lid("De gemeente draagt bij."),  # names it: not circular
    HEAD + "a. Planologische Kernbeslissing (PKB): het besluit van 2003;\n" + lid("De PKB geldt."),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-09", text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-09", text) == []


def test_circular_definition_quotes_term_and_definiens():
    (f,) = [f for f in run("AMB-09", POSITIVE[0]) if "circulair" in f.explanation]
    assert f.quote == "woonvisie: de regionale woonvisie" and f.severity == Severity.ZORG


def test_unused_definition_is_suggestie():
    flags = [f for f in run("AMB-09", POSITIVE[1]) if "niet gebruikt" in f.explanation]
    assert [f.quote for f in flags] == ["fonds"] and flags[0].severity == Severity.SUGGESTIE


def _circular(text: str) -> list:
    return [f for f in run("AMB-09", text) if "circulair" in f.explanation]


@pytest.mark.parametrize("definition", [
    "dagelijks bestuur: het dagelijks bestuur van een waterschap",
    "raad: de raad van de gemeente",
    "bestuur: het bestuur van het samenwerkingsverband",
    "commissie: de commissie van de veiligheidsregio",
])
def test_an_organ_anchored_in_its_body_is_no_circular_definition(definition):
    """'<organ> van een <body>' says which organ is meant: a lawyer has nothing to fix."""
    assert not _circular(HEAD + f"a. {definition};\n" + lid("Het bestuur en de raad en de commissie beslissen."))


@pytest.mark.parametrize("definition", [
    "dagelijks bestuur: het dagelijkse bestuur",
    "commissie: de commissie van de raad",   # which of the raad's committees?
    "fonds: het fonds van het bestuur",
    "plan: het regionale plan",
])
def test_an_organ_or_document_restated_without_its_body_stays_circular(definition):
    assert _circular(HEAD + f"a. {definition};\n" + lid("Het dagelijks bestuur, de commissie, het fonds en het plan."))
