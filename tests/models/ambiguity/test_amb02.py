"""AMB-02 modality and normative force."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, quotes, run

POSITIVE = [
    ("Het dagelijks bestuur dient de begroting aan de raden te zenden.", "dient"),
    ("Het algemeen bestuur moet de jaarrekening vaststellen.", "moet"),
    ("Het dagelijks bestuur zal de raden informeren over de uitvoering.", "zal"),
    ("Het openbaar lichaam streeft naar een sluitende begroting.", "streeft naar"),
    ("Het dagelijks bestuur bevordert de samenwerking tussen de gemeenten.", "bevordert"),
    ("Het algemeen bestuur houdt bij de vaststelling rekening met de woonvisie.", "houdt bij de vaststelling rekening met"),
    ("De begroting kan worden gewijzigd.", "kan worden gewijzigd"),
    ("De leden moeten de stukken vertrouwelijk behandelen.", "moeten"),
    ("Het dagelijks bestuur ondersteunt de gemeenten bij de uitvoering.", "ondersteunt"),
]
NEGATIVE = [
    "Het dagelijks bestuur stelt de begroting vast.",
    "Het algemeen bestuur kan een commissie instellen.",  # a power with an agent
    "Deze regeling zal in werking treden op 1 januari 2025.",  # transitional 'zal'
    "Een besluit kan leiden tot extra kosten.",  # epistemic 'kan'
    "De begroting kan door het algemeen bestuur worden gewijzigd.",  # passive with 'door'
    "De voorzitter sluit de vergadering.",
    "De regeling dient als grondslag voor de samenwerking.",  # 'dienen als' = to serve as
    "Het dagelijks bestuur is belast met de voorbereiding.",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_positive(text, expected):
    assert expected in quotes(run("AMB-02", lid(text)))


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-02", lid(text)) == []


def test_inconsistent_modality_is_kritiek():
    text = ("Artikel 3 Begroting\n1. Het algemeen bestuur stelt de begroting vast.\n"
            "Artikel 4 Wijziging\n1. Het algemeen bestuur kan de begroting vaststellen na advies.")
    flags = run("AMB-02", text)
    assert [f.severity for f in flags] == [Severity.KRITIEK]


def test_aspiration_in_task_article_is_zorg():
    (f,) = run("AMB-02", lid("Het openbaar lichaam bevordert de regionale economie.", heading="Artikel 2 Taken"))
    assert f.severity == Severity.ZORG
