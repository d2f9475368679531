"""AMB-13 coordination and enumeration ambiguity."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, run

POSITIVE = [
    lid("Het college en/of de raad wordt gehoord."),
    lid("Het dagelijks bestuur c.q. de voorzitter ondertekent de stukken."),
    lid("Het dagelijks bestuur informeert de raden dan wel de colleges of de burgemeesters."),
    lid("De raden en colleges van de deelnemende gemeenten worden gehoord."),
    "Artikel 6 Toetreding\n1. Een gemeente kan toetreden indien:\na. de raad daartoe besluit;\n"
    "b. het algemeen bestuur instemt;\nc. de kosten zijn geregeld.",  # no connector before the last item
    "Artikel 6 Toetreding\n1. Een gemeente kan toetreden indien:\na. de raad daartoe besluit; en\n"
    "b. het algemeen bestuur instemt; of\nc. de kosten zijn geregeld.",  # mixed en / of
    "Artikel 6 Toetreding\n1. Een gemeente kan toetreden indien:\na. de raad daartoe besluit; en\n"
    "b. het algemeen bestuur instemt.\nDe toetreding gaat in op 1 januari.",  # trailing text
    lid("Besluiten worden genomen indien: a. de meerderheid aanwezig is; b. de voorzitter aanwezig is; "
        "c. het quorum is bereikt."),  # inline list without connector
    lid("Het algemeen en dagelijks bestuur van het openbaar lichaam vergaderen openbaar."),
]
NEGATIVE = [
    lid("Het college of de raad wordt gehoord."),
    lid("Het dagelijks bestuur en de voorzitter ondertekenen de stukken."),
    "Artikel 6 Toetreding\n1. Een gemeente kan toetreden indien:\na. de raad daartoe besluit; en\n"
    "b. het algemeen bestuur instemt.",
    "Artikel 6 Toetreding\n1. Een gemeente kan toetreden indien:\na. de raad daartoe besluit;\n"
    "b. de kosten zijn geregeld; of\nc. het algemeen bestuur instemt.",
    "Artikel 1 Begripsbepalingen\nIn deze regeling wordt verstaan onder:\na. wet: de Wgr;\nb. raden: de raden;\n"
    "c. colleges: de colleges;",  # definition lists need no connector (Ar 3.59 lid 3)
    lid("Besluiten worden genomen indien: a. de meerderheid aanwezig is; b. de voorzitter aanwezig is; en "
        "c. het quorum is bereikt."),
    lid("De voorzitter dan wel zijn plaatsvervanger opent de vergadering."),
    lid("Het algemeen bestuur stelt de begroting vast."),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-13", text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-13", text) == []


def test_en_of_in_competence_clause_is_zorg():
    (f,) = run("AMB-13", lid("Het algemeen bestuur stelt de begroting en/of de jaarrekening vast."))
    assert f.severity == Severity.ZORG and f.rule.startswith("Ar 3.12")
