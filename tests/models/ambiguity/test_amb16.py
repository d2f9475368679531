"""AMB-16 mandatory Wgr content and tasks outside the belang."""

import pytest

from tests.models.ambiguity.helpers import run

FULL = """Artikel 1 Openbaar lichaam
1. Er is een openbaar lichaam, gevestigd te Dordrecht.
Artikel 2 Belang
1. Het openbaar lichaam behartigt de belangen van de deelnemers op het gebied van wonen en vervoer.
Artikel 3 Taken
1. Het openbaar lichaam stelt het regionale woonbeleid en het vervoerplan op.
Artikel 4 Bestuur
1. Het algemeen bestuur bestaat uit zeven leden, aangewezen door de raden.
2. Het algemeen bestuur geeft de raden de gevraagde inlichtingen en legt verantwoording af.
Artikel 5 Begroting
1. Het algemeen bestuur stelt de begroting vast.
Artikel 6 Deelname
1. Wijziging en toetreding geschieden bij besluit van de raden. Bij uittreding regelt het algemeen bestuur de gevolgen.
Artikel 7 Opheffing
1. Bij opheffing stelt het algemeen bestuur een plan tot vereffening van het vermogen vast.
"""

MISSING = [
    ("wijziging", "Wijziging en toetreding", "Toetreding"),
    ("opheffing", "Artikel 7 Opheffing\n1. Bij opheffing", "Artikel 7 Slot\n1. Bij het einde"),
    ("toetreding", "Wijziging en toetreding", "Wijziging"),
    ("uittreding", "Bij uittreding regelt", "Bij vertrek regelt"),
    ("vereffening", "een plan tot vereffening van het vermogen", "een plan"),
    ("belang dat", "Artikel 2 Belang\n1. Het openbaar lichaam behartigt de belangen van de deelnemers op het gebied",
     "Artikel 2 Werkterrein\n1. Het openbaar lichaam werkt voor de deelnemers op het gebied"),
    ("samenstelling", "bestaat uit zeven leden, aangewezen door de raden", "vergadert openbaar"),
    ("plaats van vestiging", ", gevestigd te Dordrecht", ""),
    ("inlichtingen", "geeft de raden de gevraagde inlichtingen en legt verantwoording af", "vergadert"),
]


def test_complete_regulation_has_no_checklist_flags():
    assert run("AMB-16", FULL) == []


@pytest.mark.parametrize("item,old,new", MISSING)
def test_missing_item_is_flagged(item, old, new):
    assert old in FULL
    flags = run("AMB-16", FULL.replace(old, new))
    assert any(item in f.explanation for f in flags)


def test_task_outside_belang_is_info():
    text = FULL.replace("stelt het regionale woonbeleid en het vervoerplan op",
                        "verzorgt de brandweerzorg, de ambulancedienst en de rampenbestrijding")
    flags = run("AMB-16", text)
    assert [f.severity.nl for f in flags] == ["info"] and flags[0].artikel == "3"


def test_not_a_regulation_is_skipped():
    from models.ambiguity.registration import REGISTRY, load_detectors
    from models.ambiguity.resources import build_resources
    from models.ambiguity.sample import doc_from_text

    load_detectors()
    doc = doc_from_text("Artikel 1 Iets\n1. Tekst.")
    doc.kind = "akkoord"
    assert list(REGISTRY["AMB-16"].func(build_resources(doc))) == []


NEGATIVE = [
    # the same content in other words, or by reference to a separate regulation
    ("Artikel 7 Opheffing\n1. Bij opheffing", "Artikel 7 Ontbinding\n1. Bij ontbinding"),
    ("een plan tot vereffening van het vermogen", "een liquidatieplan"),
    (", gevestigd te Dordrecht", ", met zetel in Dordrecht"),
    ("Bij uittreding regelt het algemeen bestuur de gevolgen.",
     "De gevolgen van uittreding staan in de Uittredingsregeling Drechtsteden 2020."),
    ("stelt het regionale woonbeleid en het vervoerplan op", "stelt de plannen voor wonen en vervoer op"),
    ("bestaat uit zeven leden, aangewezen door de raden", "is samengesteld uit leden die de raden aanwijzen"),
    ("geeft de raden de gevraagde inlichtingen en legt verantwoording af",
     "verstrekt de raden inlichtingen en legt verantwoording af"),
    ("Het algemeen bestuur stelt de begroting vast.", "Het algemeen bestuur stelt de begroting en de jaarrekening vast."),
]


@pytest.mark.parametrize("old,new", NEGATIVE)
def test_negative(old, new):
    assert old in FULL
    assert run("AMB-16", FULL.replace(old, new)) == []


# -- an uittreding provision without conditions or consequences (Wgr art. 9) ----------------------------
def test_uittreding_without_consequences_is_flagged_where_it_is_provided_for():
    text = FULL.replace("Bij uittreding regelt het algemeen bestuur de gevolgen.",
                        "Een deelnemer kan uittreden met ingang van het volgende kalenderjaar.")
    (f,) = run("AMB-16", text)
    assert (f.artikel, f.lid, f.severity.nl) == ("6", "1", "zorg")
    assert f.quote == "Een deelnemer kan uittreden" and "gevolgen" in f.explanation


@pytest.mark.parametrize("sentence", [
    "Een deelnemer kan uittreden; het algemeen bestuur stelt de financiële gevolgen vast.",
    "Een deelnemer kan uittreden onder de voorwaarden die het algemeen bestuur bepaalt.",
    "Een deelnemer kan uittreden. De uittredende deelnemer vergoedt de frictiekosten.",
])
def test_uittreding_with_consequences_is_not_flagged(sentence):
    assert run("AMB-16", FULL.replace("Bij uittreding regelt het algemeen bestuur de gevolgen.", sentence)) == []


def test_uittreding_article_found_by_its_heading():
    text = FULL.replace("Bij uittreding regelt het algemeen bestuur de gevolgen.", "") + (
        "Artikel 8 Uittreding\n1. Een deelnemer kan de regeling verlaten per 1 januari.\n"
        "2. Het besluit wordt aan het algemeen bestuur gezonden.")
    (f,) = run("AMB-16", text)
    assert (f.artikel, f.lid) == ("8", "1") and f.quote == "Een deelnemer kan de regeling verlaten per 1 januari."


# -- belang coverage: topics with their modifier, compounds, and what is no task ---------------------
BELANG = FULL.replace("op het gebied van wonen en vervoer", "op het gebied van maatschappelijke ondersteuning, "
                      "duurzaamheid en wonen")


def _task(sentence: str) -> list:
    return run("AMB-16", BELANG.replace("stelt het regionale woonbeleid en het vervoerplan op", sentence))


def test_shared_head_noun_without_its_modifier_is_outside_the_belang():
    flags = _task("verzorgt het beheer van een sportfonds en de ondersteuning van muziekverenigingen")
    assert [(f.severity.nl, f.artikel) for f in flags] == [("info", "3")]


@pytest.mark.parametrize("sentence", [
    "stelt een woonagenda op en houdt die actueel",  # compound on 'wonen' (woon- / won-)
    "voert het duurzaamheidsprogramma van de deelnemers uit",  # compound on 'duurzaamheid'
    "verstrekt voorzieningen op grond van de Wet maatschappelijke ondersteuning",  # the modifier names the topic
])
def test_task_within_the_belang(sentence):
    assert _task(sentence) == []


@pytest.mark.parametrize("extra", [
    "2. Het dagelijks bestuur besluit over de inzet van reserves voor bijzondere projecten.",  # organ power
    "2. De deelnemers leveren het openbaar lichaam tijdig de benodigde gegevens.",  # a duty of the participants
])
def test_no_task_of_the_openbaar_lichaam(extra):
    text = BELANG.replace("het vervoerplan op.\n", "het vervoerplan op.\n" + extra + "\n")
    assert extra in text
    assert run("AMB-16", text) == []
