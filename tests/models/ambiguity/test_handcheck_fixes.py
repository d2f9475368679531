"""False-positive patterns found in the first 50-flag hand check (tests/data/ambiguity_handcheck_round1.tsv; the first round).

Each test pairs the construction that was wrongly flagged with a close variant that must
still be flagged, so the fix cannot silently switch a detector off.
"""

from __future__ import annotations

from tests.models.ambiguity.helpers import lid, quotes, run


def test_amb01_organ_name_is_no_hedge():
    assert run("AMB-01", lid("Het lid verantwoordt het in het algemeen bestuur gevoerde beleid.")) == []
    assert "in het algemeen" in quotes(run("AMB-01", lid("Het dagelijks bestuur informeert in het algemeen de raden.")))


def test_amb02_publication_formula_is_no_duty():
    assert run("AMB-02", lid("Deze regeling zal met de toelichting in de Staatscourant worden geplaatst.")) == []
    assert "zal" in quotes(run("AMB-02", lid("Het dagelijks bestuur zal de raden informeren.")))


def test_amb05_residual_clause_is_not_an_agentless_passive():
    text = lid("Aan het algemeen bestuur behoren alle bevoegdheden die niet aan een ander orgaan zijn opgedragen.")
    assert run("AMB-05", text) == []
    assert run("AMB-05", lid("De bevoegdheden worden aan de directeur opgedragen."))


def test_amb06_gemeenten_inside_a_prepositional_object_or_with_names():
    text = lid("De bijdragen van de minister en de gemeenten worden door het algemeen bestuur vastgesteld.")
    assert "de gemeenten" not in quotes(run("AMB-06", text))
    named = lid("Het algemeen bestuur sluit overeenkomsten met de gemeenten Bennebroek en Heemstede.")
    assert "de gemeenten" not in quotes(run("AMB-06", named))
    acting = lid("De minister en de gemeenten stellen de definitieve bijdragen vast.")
    assert "de gemeenten" in quotes(run("AMB-06", acting))


def test_amb15_plural_pronoun_after_one_list_means_all_of_them():
    text = lid("Het algemeen bestuur verstrekt aan de raden en de colleges de door hen gevraagde inlichtingen.")
    assert "hen" not in quotes(run("AMB-15", text))


def test_amb12_relative_waaronder_is_no_open_list():
    assert run("AMB-12", lid("Het algemeen bestuur stelt de voorwaarden waaronder subsidie wordt verleend vast.")) == []


# -- patterns from the second hand-check round ---------------------------------------------------
def test_amb11_law_named_without_van_de_is_external():
    text = lid("Onverminderd artikel 16, zesde lid, Wet gemeenschappelijke regelingen geeft het lid inlichtingen.")
    assert run("AMB-11", text) == []
    assert run("AMB-11", lid("Onverminderd artikel 16, zesde lid, geeft het lid inlichtingen."))


def test_amb15_object_pronoun_in_relative_clause():
    text = lid("Een lid van het algemeen bestuur verstrekt aan de raad of de minister die hem heeft aangewezen de "
               "gevraagde inlichtingen.")
    assert "hem" not in quotes(run("AMB-15", text))


def test_amb02_power_with_deciders_named_by_besluit_van():
    assert run("AMB-02", lid("Deze regeling kan worden opgeheven bij gezamenlijk besluit van de raden.")) == []
    assert run("AMB-02", lid("Deze regeling kan worden opgeheven."))


def test_amb05_regeling_confers_itself():
    assert run("AMB-05", lid("Aan het algemeen bestuur worden de volgende taken en bevoegdheden toegekend:")) == []
    assert run("AMB-05", lid("De jaarlijkse bijdragen zijn bepaald op f 5.000.000,- voor het Rijk.")) == []


# -- patterns from the third hand-check round ----------------------------------------------------
def test_amb06_paying_gemeenten_need_no_organ():
    text = lid("In afwijking van het eerste lid kunnen de gemeenten en de minister de bijdragen bij wijze van voorschot "
               "voldoen.")
    assert "de gemeenten" not in quotes(run("AMB-06", text))


def test_amb02_citation_title_is_no_power():
    assert run("AMB-02", lid("Deze regeling kan worden aangehaald als: Regeling Testarchief.")) == []


def test_amb05_amounts_fixed_by_the_regeling():
    text = lid("De jaarlijkse bijdragen worden bepaald op respectievelijk € 2.851.000 en € 347.505.")
    assert run("AMB-05", text) == []
