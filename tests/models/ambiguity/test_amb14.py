"""AMB-14 conditions without a criterion or assessor."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, run

POSITIVE = [
    "Het dagelijks bestuur neemt het besluit indien dit past binnen het kader, anders doet het dagelijks "
    "bestuur een voorstel aan het algemeen bestuur.",
    "Het dagelijks bestuur kan een commissie instellen voor zover dit noodzakelijk is.",
    "De raden worden gehoord, tenzij dit niet wenselijk is.",
    "Het algemeen bestuur besluit, indien het regionale belang dit vereist, van regionaal belang te zijn.",
    "De voorzitter roept de vergadering bijeen wanneer dat nodig is.",
    "Het dagelijks bestuur treedt op mits dit in overeenstemming is met het beleid.",
    "Een lid kan niet worden benoemd, tenzij er geen bezwaar bestaat.",  # double negation
    "Onverminderd artikel 3 stelt het dagelijks bestuur de tarieven vast.",
    "Indien bijzondere omstandigheden dit vragen, kan het dagelijks bestuur afwijken.",
]
NEGATIVE = [
    "Het dagelijks bestuur kan een commissie instellen indien het dit noodzakelijk acht.",  # assessor
    "Indien het dagelijks bestuur van oordeel is dat het nodig oordeelt, beslist het.",
    "Indien binnen 30 dagen geen besluit is genomen, is het voorstel aangenomen.",  # objective
    "Het algemeen bestuur besluit bij meerderheid van stemmen.",
    "De voorzitter vertegenwoordigt het openbaar lichaam zowel in als buiten rechte.",
    "Het bedrag is niet meer dan vijf procent van de begroting, tenzij het algemeen bestuur anders besluit.",
    "De commissie als bedoeld in artikel 3 adviseert.",
    "Indien een lid ontslag neemt, wijst de raad een opvolger aan.",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-14", lid(text))


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-14", lid(text)) == []


def test_condition_that_allocates_competence_between_organs_is_kritiek():
    """The GR-D pattern: the 'past binnen het kader' test decides who is competent, no assessor."""
    (f,) = run("AMB-14", lid(POSITIVE[0]))
    assert f.severity == Severity.KRITIEK and f.quote == "indien dit past binnen het kader"
