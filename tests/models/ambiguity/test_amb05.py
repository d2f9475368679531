"""AMB-05 agentless passives and nominalised actions, with the research traps."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, quotes, run

POSITIVE = [
    ("De woonvisie wordt vastgesteld.", "wordt vastgesteld"),
    ("De secretaris wordt benoemd.", "wordt benoemd"),
    ("Er wordt besloten over de toetreding van een gemeente.", "wordt besloten"),
    ("De stukken worden toegezonden aan de raden.", "worden toegezonden"),
    ("Bevoegdheden worden gedelegeerd aan het dagelijks bestuur.", "worden gedelegeerd"),
    ("Een lid van het dagelijks bestuur kan worden geschorst.", "worden geschorst"),
    ("De vaststelling van de begroting geschiedt jaarlijks.", "vaststelling"),
    ("Besluitvorming over de agenda vindt plaats in juni.", "besluitvorming"),
    ("De regeling die jaarlijks wordt gewijzigd, blijft van kracht.", "wordt gewijzigd"),
]
NEGATIVE = [
    "De begroting wordt door het algemeen bestuur vastgesteld.",
    "De voorzitter wordt lid van de commissie.",  # copular worden
    "In deze regeling wordt verstaan onder bestuur: het dagelijks bestuur.",  # definition formula
    "De commissie als bedoeld in artikel 3 adviseert.",  # participle without auxiliary
    "Het vastgestelde kader geldt voor vier jaar.",  # adjectival participle
    "De leden worden door de raden aangewezen.",
    "De zitting wordt in het openbaar gehouden.",  # not a competence verb
    "Het algemeen bestuur stelt de begroting vast.",
    "De kosten worden gedragen naar rato van het aantal inwoners.",  # not in the competence lexicon
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_positive(text, expected):
    assert any(expected in q for q in quotes(run("AMB-05", lid(text))))


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-05", lid(text)) == []


def test_leden_is_not_lijden():
    """simplemma maps 'leden' to 'lijden'; the noun stoplist keeps it out."""
    assert run("AMB-05", lid("Het aantal leden wordt jaarlijks bekeken.")) == []


def test_implicit_agent_from_previous_lid_lowers_confidence():
    text = ("Artikel 4 Secretaris\n1. Het dagelijks bestuur stelt een profiel op.\n"
            "2. De secretaris wordt benoemd.")
    (f,) = run("AMB-05", text)
    (g,) = run("AMB-05", lid("De secretaris wordt benoemd."))
    assert f.confidence < g.confidence and "dagelijks bestuur" in f.explanation


def test_procedural_verb_is_suggestie_and_adoption_of_orphan_instrument_kritiek():
    (f,) = run("AMB-05", lid("De stukken worden toegezonden aan de raden."))
    assert f.severity == Severity.SUGGESTIE
    (g,) = run("AMB-05", lid("De duurzaamheidsagenda wordt vastgesteld."))
    assert g.severity == Severity.KRITIEK
