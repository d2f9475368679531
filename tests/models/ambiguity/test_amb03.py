"""AMB-03 policy instrument with undetermined status (the woonvisie problem)."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, run

POSITIVE = [
    # instrument mentioned, nobody adopts it, no status
    lid("De gemeenten voeren hun beleid uit in lijn met de woonvisie."),
    lid("De duurzaamheidsagenda is leidend voor de regio."),
    lid("Het dagelijks bestuur handelt overeenkomstig het meerjarenprogramma."),
    lid("Het dagelijks bestuur besluit indien het besluit past binnen het kader."),
    lid("De colleges houden rekening met de mobiliteitsstrategie."),
    lid("Het beleidsplan geldt voor alle deelnemers."),
    # inconsistent bindingness between provisions
    "Artikel 3 Wonen\n1. Het algemeen bestuur stelt de woonvisie vast.\n"
    "2. De colleges handelen overeenkomstig de woonvisie.\n"
    "3. De raden houden rekening met de woonvisie.",
    lid("De uitvoeringsagenda wordt jaarlijks geactualiseerd."),
    lid("Het dagelijks bestuur voert het convenant uit."),
]
NEGATIVE = [
    # adopter and binding status both given
    "Artikel 3 Wonen\n1. Het algemeen bestuur stelt de woonvisie vast.\n"
    "2. De colleges handelen overeenkomstig de woonvisie.",
    lid("Het dagelijks bestuur handelt in het kader van de wet."),  # "in het kader van" is no instrument
    lid("Deze regeling treedt in werking op 1 januari."),  # the regulation itself
    lid("Het dagelijks bestuur zendt de ontwerpbegroting aan de raden."),  # a draft
    lid("De voorzitter stelt de agenda voor de vergadering op."),  # agenda of a meeting
    lid("Het algemeen bestuur stelt de begroting vast."),  # statutory financial instrument
    "Artikel 3 Wonen\n1. Het algemeen bestuur stelt het beleidsplan vast.\n"
    "2. Het dagelijks bestuur is gebonden aan het beleidsplan.",
    lid("Het dagelijks bestuur stelt de reglementen op."),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    assert run("AMB-03", text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-03", text) == []


def test_kader_as_decision_test_without_adopter_is_kritiek():
    """The GR-D pattern: 'past binnen het kader', but nobody adopts the kader."""
    (f,) = run("AMB-03", lid("Het dagelijks bestuur besluit indien het besluit past binnen het kader."))
    assert f.severity == Severity.KRITIEK and f.quote == "kader"


def test_inconsistent_bindingness_is_kritiek():
    flags = run("AMB-03", POSITIVE[6])
    assert any(f.severity == Severity.KRITIEK and "niet overal even bindend" in f.explanation for f in flags)


def test_consistent_guiding_instrument_is_info():
    text = ("Artikel 3 Wonen\n1. Het algemeen bestuur stelt de woonvisie vast.\n"
            "2. De colleges houden rekening met de woonvisie.")
    assert [f.severity for f in run("AMB-03", text)] == [Severity.INFO]
