"""The seed lexicon model: compound matching, the CODEBOOK.md edge rules, explanations."""

from __future__ import annotations

import pytest

from models.seed import SeedModel


@pytest.fixture(scope="module")
def seed() -> SeedModel:
    return SeedModel()


def labels(seed: SeedModel, text: str) -> tuple[list[str], dict[str, str]]:
    lab = seed.predict_one(text).labels
    return sorted(lab.domains), lab.tension_dict


@pytest.mark.parametrize(("text", "term", "domain"), [
    ("Het woningbouwprogramma voorziet in 3000 woningen.", "woningbouw", "ruimtelijk-economisch"),
    ("Elke jeugdzorgaanbieder voldoet aan de kwaliteitseisen.", "jeugdzorg", "sociaal"),
    ("De afvalstoffenheffing stijgt met twee procent.", "heffing", "bedrijfsvoering"),
])
def test_compounds_match_their_parts(seed: SeedModel, text: str, term: str, domain: str) -> None:
    pred = seed.predict_one(text)
    assert domain in pred.labels.domains
    assert term in [t for t, _ in pred.explanation[domain]]


def test_short_terms_and_false_friends_do_not_match(seed: SeedModel) -> None:
    # "mogelijk" ends in "gelijk", "natuurlijk" starts with "natuur", "behoudens" with "behoud"
    text = "Het is natuurlijk mogelijk dat behoudens overeenstemming een dergelijke situatie ontstaat."
    assert seed.matches(text) == []
    assert labels(seed, text) == ([], {})


def test_longest_term_wins(seed: SeedModel) -> None:
    # onderwijshuisvesting is a building matter: not also "onderwijs" → sociaal
    assert labels(seed, "De gemeente is verantwoordelijk voor de onderwijshuisvesting.")[0] == ["ruimtelijk-economisch"]


def test_who_decides_is_bestuur_whatever_it_is_about(seed: SeedModel) -> None:
    assert labels(seed, "Het algemeen bestuur stelt de begroting vast.") == (["bestuur"], {})
    assert labels(seed, "Het college besluit over de toekenning van jeugdhulp.")[0] == ["bestuur"]
    pred = seed.predict_one("Het algemeen bestuur stelt de begroting vast.")
    assert pred.explanation["bestuur"][0][0] == "regel: wie beslist"


def test_labour_market_supply_is_sociaal_demand_is_economic(seed: SeedModel) -> None:
    assert labels(seed, "Wij helpen mensen met een uitkering via re-integratie naar werk.")[0] == ["sociaal"]
    assert labels(seed, "We versterken de werkgelegenheid en het vestigingsklimaat voor bedrijven.")[0] == [
        "ruimtelijk-economisch"]
    both = labels(seed, "Werkzoekenden in de bijstand worden gekoppeld aan ondernemers met vacatures in de haven.")[0]
    assert both == ["ruimtelijk-economisch", "sociaal"]


def test_safety_split(seed: SeedModel) -> None:
    assert labels(seed, "Openbare orde, handhaving en crisisbeheersing krijgen extra aandacht.")[0] == ["bestuur"]
    assert labels(seed, "Het zorg- en veiligheidshuis en de wijkaanpak voorkomen overlast door jongeren.")[0] == [
        "sociaal"]


def test_school_and_sports_buildings_are_spatial(seed: SeedModel) -> None:
    assert labels(seed, "Nieuwe schoolgebouwen en een sporthal worden gebouwd.")[0] == ["ruimtelijk-economisch"]


def test_budget_for_content_task_carries_that_domain_not_bedrijfsvoering(seed: SeedModel) -> None:
    assert labels(seed, "Het budget voor jeugdzorg stijgt met twee miljoen euro.")[0] == ["sociaal"]
    assert labels(seed, "De begroting moet structureel sluitend zijn en de reserves op peil blijven.")[0] == [
        "bedrijfsvoering"]


def test_descriptive_structure_touches_no_tension_but_equal_votes_do(seed: SeedModel) -> None:
    assert labels(seed, "Het algemeen bestuur bestaat uit twee leden per gemeente.")[1] == {}
    assert labels(seed, "Elke gemeente heeft één stem, ongeacht haar omvang.")[1] == {"verschillend-gelijk": "B"}


def test_unanimity_leans_to_freedom_and_equality(seed: SeedModel) -> None:
    tens = labels(seed, "Een besluit tot wijziging wordt unaniem genomen door alle deelnemers.")[1]
    assert tens == {"vrijheid-afhankelijkheid": "A", "verschillend-gelijk": "B"}


def test_democratic_control_touches_legitimacy(seed: SeedModel) -> None:
    doms, tens = labels(seed, "Het dagelijks bestuur geeft de raden de inlichtingen die nodig zijn voor "
                              "democratische controle en verantwoording.")
    assert "bestuur" in doms and tens.get("legitimiteit-resultaat") == "A"


def test_prediction_dict_has_probabilities_and_explanations(seed: SeedModel) -> None:
    d = seed.predict_one("We bouwen woningen en versterken de jeugdhulp.").to_dict()
    assert set(d) == {"domains", "tensions", "probabilities", "explanation", "producer"}
    assert d["domains"] == ["ruimtelijk-economisch", "sociaal"]
    assert 0.5 <= d["probabilities"]["domains"]["sociaal"] <= 1
    assert d["explanation"]["sociaal"][0][0] == "jeugdhulp"


def test_routine_information_duty_is_bestuur_without_legitimacy(seed: SeedModel) -> None:
    doms, tens = labels(seed, "Het dagelijks bestuur zendt de jaarrekening voor 15 april aan de raden van de deelnemers.")
    assert "bestuur" in doms and tens == {}


def test_domain_and_tension_terms_do_not_suppress_each_other(seed: SeedModel) -> None:
    # "bestuurlijke drukte" is a tension term (resultaat); "bestuurlijk" still signals bestuur
    doms, tens = labels(seed, "Wij willen meer slagkracht en minder bestuurlijke drukte in de regio.")
    assert doms == ["bestuur"] and tens == {"legitimiteit-resultaat": "B"}
    assert labels(seed, "We werken in wisselende coalities met een aantal gemeenten per opgave.")[1] == {
        "eenvormigheid-schaalvariatie": "B"}
