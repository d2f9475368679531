"""Round 8 severity policy for the pattern detectors (AMB-01, AMB-05, AMB-14, AMB-15) and the runner.

ZORG needs evidence in the document that someone must act; a pattern alone gives a suggestion. Each rule
is tested both ways on Dutch sketches written for these tests.
"""

from __future__ import annotations

import pytest

from models.ambiguity import analyse
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.sample import doc_from_text
from tests.models.ambiguity.helpers import lid, run

TASKS = "Artikel 5 Taken en bevoegdheden"
# Two organs elsewhere in the text, so that "the only organ of the text" does not apply.
ORGANS = ("Artikel 2 Bestuur\n1. Het algemeen bestuur stelt de begroting vast.\n"
          "2. Het dagelijks bestuur voert de begroting uit.\n")


def flags(text: str, code: str) -> list[Flag]:
    return [f for f in analyse(doc_from_text(text)).flags if f.type == code]


def sev(found: list[Flag], quote: str) -> Severity:
    (f,) = [f for f in found if f.quote.lower() == quote.lower()]
    return f.severity


# -- runner: escalation of hedges only without a knowable decider ----------------------------------------
@pytest.mark.parametrize("sentence", [
    "De archiefstukken worden zo mogelijk binnen het gebied bewaard.",
    "De stukken worden in voorkomende gevallen openbaar gemaakt.",
    "De bijdragen worden zo nodig herzien.",
    "De kosten worden in beginsel gelijk verdeeld.",
])
def test_hedge_in_a_task_article_without_any_decider_is_escalated(sentence):
    found = flags(ORGANS + f"{TASKS}\n1. {sentence}", "AMB-01")
    assert max(f.severity for f in found) == Severity.ZORG


@pytest.mark.parametrize("sentence", [
    "Het dagelijks bestuur bewaart de archiefstukken zo mogelijk binnen het gebied.",
    "Het algemeen bestuur maakt de stukken in voorkomende gevallen openbaar.",
    "De bijdragen worden bij koninklijk besluit zo nodig herzien.",
    "De kosten worden door het algemeen bestuur in beginsel gelijk verdeeld.",
])
def test_hedge_with_a_knowable_decider_is_not_escalated(sentence):
    found = flags(ORGANS + f"{TASKS}\n1. {sentence}", "AMB-01")
    assert found and all(f.severity <= Severity.SUGGESTIE for f in found)


def test_hedge_in_a_text_with_one_organ_is_that_organs_judgement():
    text = f"{TASKS}\n1. Het college stelt beleidsregels vast.\n2. De bijstand wordt in beginsel als lening verstrekt."
    assert sev(flags(text, "AMB-01"), "in beginsel") <= Severity.SUGGESTIE


@pytest.mark.parametrize("phrase", ["geheel of gedeeltelijk", "geheel of ten dele", "meerdere"])
def test_precise_quantities_are_no_vague_norm(phrase):
    found = run("AMB-01", lid(f"Het dagelijks bestuur kan de subsidie {phrase} intrekken."))
    assert not any(f.quote.lower() in phrase for f in found)


def test_degree_word_with_the_crown_as_decider_is_a_suggestion():
    text = ORGANS + "Artikel 6 Noodvoorziening\n1. Bij koninklijk besluit worden passende maatregelen getroffen."
    assert all(f.severity <= Severity.SUGGESTIE for f in flags(text, "AMB-01"))


# -- AMB-05: a competence with no holder anywhere --------------------------------------------------------
def test_power_conferred_on_nobody_is_zorg():
    # Reported as AMB-02 (a power in the passive) with the AMB-05 finding merged into it.
    text = ORGANS + "Artikel 7 Ontheffing\n1. Bij niet-nakoming kan de ontheffing worden ingetrokken."
    found = [f for f in analyse(doc_from_text(text)).flags if f.artikel == "7"
             and (f.type == "AMB-05" or "AMB-05" in f.explanation)]
    assert found and found[0].severity == Severity.ZORG


@pytest.mark.parametrize("article", [
    # the act is given to an organ elsewhere in the text
    "Artikel 7 Benoeming\n1. De secretaris wordt door het algemeen bestuur benoemd.\n"
    "Artikel 8 Zittingsduur\n1. De secretaris kan worden benoemd voor vier jaar.",
    # the Crown is named through its instrument elsewhere
    "Artikel 7 Voorzitter\n1. De voorzitter wordt bij koninklijk besluit benoemd.\n"
    "Artikel 8 Termijn\n1. De voorzitter kan worden benoemd voor zes jaar.",
])
def test_passive_restating_a_competence_given_elsewhere_is_a_suggestion(article):
    found = [f for f in flags(ORGANS + article, "AMB-05") if f.artikel == "8"]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found)
    assert "Elders in de regeling" in found[0].explanation


@pytest.mark.parametrize("sentence", [
    "In de gevallen die het volkenrecht noemt, wordt vrijstelling van belastingen verleend.",
    "De zittingsduur van de leden wordt verlengd tot 1 januari van het volgende jaar.",
    "Het risicoprofiel, bedoeld in artikel 2, wordt uiterlijk in maart vastgesteld.",
    "De toedeling van de kosten wordt bepaald aan de hand van het aantal inwoners.",
    "Het eerste lid geldt voor het bestuur van de gemeente waarvan de ambtenaar, belast met de invordering, "
    "wordt aangewezen.",
])
def test_legal_effects_references_manner_and_relative_clauses_are_suggestions(sentence):
    found = flags(ORGANS + f"Artikel 7 Diversen\n1. {sentence}", "AMB-05")
    assert all(f.severity <= Severity.SUGGESTIE for f in found)


def test_seeded_passive_of_an_adoption_on_a_known_object_stays_zorg():
    # "Het algemeen bestuur stelt de werkbegroting vast" turned passive: nobody adopts the werkbegroting now.
    text = ORGANS + "Artikel 7 Werkbegroting\n1. De werkbegroting wordt vastgesteld."
    assert sev(flags(text, "AMB-05"), "wordt vastgesteld") == Severity.ZORG


# -- AMB-14: the acting organ judges its own condition ---------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Indien de situatie dermate spoedeisend is, kan de voorzitter het besluit nemen.",
    "De voorzitter kan, indien nodig, de vergadering schorsen.",
    "Ingeval buitengewone omstandigheden dit noodzakelijk maken, kan bij koninklijk besluit worden afgeweken.",
    "Indien de raad weigert in voldoende dekking te voorzien, verminderen gedeputeerde staten de uitgaven.",
    "De bevoegdheid wordt uitgeoefend door de voorzitter indien dit dringend noodzakelijk is.",
    "Niemand kan genoodzaakt worden geheimen te openbaren, voor zover daardoor onevenredige schade zou "
    "ontstaan.",
])
def test_condition_judged_by_the_organ_that_acts_in_its_sentence_is_a_suggestion(sentence):
    # The detector itself (no merging into an AMB-01 flag on the same words).
    found = [f for f in run("AMB-14", ORGANS + f"Artikel 7 Spoed\n1. {sentence}") if f.artikel == "7"]
    assert found and all(f.severity <= Severity.SUGGESTIE for f in found)


def test_condition_judged_by_the_organ_acting_in_its_lid_is_a_suggestion():
    text = ORGANS + ("Artikel 7 Spoed\n1. De voorzitter maakt het besluit vooraf bekend. De eerste volzin is niet van "
                     "toepassing, indien voorafgaande bekendmaking niet mogelijk is.")
    found = [f for f in flags(text, "AMB-14") if f.artikel == "7"]
    assert found and all(f.severity <= Severity.SUGGESTIE for f in found)


@pytest.mark.parametrize("sentence", [
    "De stukken worden, behoudens bijzondere omstandigheden, tenminste 14 dagen tevoren gezonden aan de leden "
    "en aan het dagelijks bestuur.",
    "De bijdrage wordt, indien noodzakelijk, verhoogd.",
])
def test_condition_with_nobody_to_judge_it_stays_zorg(sentence):
    found = [f for f in flags(ORGANS + f"Artikel 7 Stukken\n1. {sentence}", "AMB-14") if f.artikel == "7"]
    assert found and max(f.severity for f in found) == Severity.ZORG


# -- AMB-15: never ZORG ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "De voorzitter overlegt met de secretaris. Hij stelt de agenda vast.",
    "Provinciale staten stellen de begroting vast met gedeputeerde staten. Zij stellen daarbij de rekening vast.",
    "De voorzitter informeert de secretaris. Hij besluit daarna over de agenda.",
    "De raad hoort de colleges. Zij besluiten daarna over de bijdrage.",
])
def test_pronoun_findings_are_suggestions(text):
    found = run("AMB-15", lid(text))
    assert found and all(f.severity == Severity.SUGGESTIE for f in found)


# -- AMB-05: organs the sentence names outside the passive's subject, recipients, prohibitions -------------
@pytest.mark.parametrize("sentence", [
    "In het geval het dagelijks bestuur bijzondere omstandigheden vaststelt, kan de bijstand met ten hoogste "
    "een jaar worden verlengd.",
    "Een vastgestelde bijdrage kan uitsluitend worden gewijzigd als naar het oordeel van het dagelijks bestuur "
    "sprake is van een ingrijpende wijziging.",
    "Een aanbeveling wordt niet vastgesteld dan nadat het algemeen bestuur heeft verklaard dat de verhouding "
    "verstoord is.",
    "Geen machtiging wordt verleend tot het nemen van besluiten over de begroting.",
    "Indien de vervanger ontslag neemt dan wel wordt benoemd tot lid, benoemt de voorzitter een nieuwe "
    "vervanger.",
])
def test_passive_whose_holder_the_sentence_shows_is_a_suggestion(sentence):
    found = [f for f in run("AMB-05", ORGANS + f"Artikel 7 Diversen\n1. {sentence}") if f.artikel == "7"]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found)


@pytest.mark.parametrize("sentence", [
    "Er wordt een adviescommissie ingesteld.",
    "Ter bestrijding van de kosten wordt onder de naam reinigingsheffing een heffing ingesteld.",
])
def test_the_regulation_establishing_something_itself_is_no_missing_actor(sentence):
    assert not [f for f in run("AMB-05", ORGANS + f"Artikel 7 Instelling\n1. {sentence}") if f.artikel == "7"]


def test_participle_of_a_relative_clause_is_not_taken_for_the_main_passive():
    text = ORGANS + ("Artikel 7 Verklaring\n1. De verklaring wordt binnen een maand na de datum waarop de bijstand is "
                     "toegekend bij het dagelijks bestuur ingeleverd.")
    found = run("AMB-05", text)
    assert not [f for f in found if f.quote.startswith("wordt") and "toegekend" in f.quote]
    assert all(f.severity <= Severity.SUGGESTIE for f in found)


def test_negated_power_forbids_the_act_to_everyone():
    text = ORGANS + "Artikel 7 Verzoek\n1. Een ingediend verzoek kan niet worden ingetrokken."
    found = [f for f in analyse(doc_from_text(text)).flags if f.artikel == "7"]
    assert found and all(f.severity <= Severity.SUGGESTIE for f in found)


def test_plain_passive_of_a_national_law_states_a_legal_effect():
    text = ORGANS + "Artikel 7 Kieskringen\n1. Voor het houden van referenda wordt het land verdeeld in kieskringen."
    in_law = [f for f in run_titled("AMB-05", text, "Wet raadgevend referendum") if f.artikel == "7"]
    in_gr = [f for f in run_titled("AMB-05", text, "Gemeenschappelijke regeling Testregio") if f.artikel == "7"]
    assert in_law and all(f.severity == Severity.SUGGESTIE for f in in_law)
    assert in_gr and max(f.severity for f in in_gr) == Severity.ZORG  # a GR must assign the act explicitly


def run_titled(code: str, text: str, title: str) -> list[Flag]:
    from models.ambiguity.registration import REGISTRY, load_detectors
    from models.ambiguity.resources import build_resources

    load_detectors()
    return list(REGISTRY[code].func(build_resources(doc_from_text(text, title=title))))


def test_hedge_under_a_named_general_administrative_order_is_not_escalated():
    text = ORGANS + (f"{TASKS}\n1. Bij de in artikel 2 bedoelde algemene maatregel van bestuur wordt, zo nodig in "
                     "afwijking van dit hoofdstuk, bepaald hoe verzoeken worden ingediend.")
    assert sev(flags(text, "AMB-01"), "zo nodig") <= Severity.SUGGESTIE


# -- AMB-11: targets an amendment creates ------------------------------------------------------------------
AMENDS = ("Artikel 3 Wijziging\n1. Artikel 2 wordt als volgt gewijzigd: er wordt een lid toegevoegd, luidende: "
          "het dagelijks bestuur stelt nadere regels.\n"
          "Artikel 4 Invoeging\n1. Na artikel 2 worden twee artikelen ingevoegd, luidende: Artikel 2a De raad hoort "
          "het bestuur. Artikel 2b Het bestuur rapporteert.\n")


@pytest.mark.parametrize("ref", ["artikel 2, derde lid", "artikel 2a", "artikel 2b, eerste lid"])
def test_reference_to_what_an_amendment_creates_is_a_suggestion(ref):
    found = [f for f in run("AMB-11", ORGANS + AMENDS + f"Artikel 5 Toepassing\n1. {ref[0].upper()}{ref[1:]} is "
                            "van toepassing.") if f.artikel == "5"]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found)
    assert "wijzigingsbepalingen" in found[0].explanation


@pytest.mark.parametrize("ref", ["artikel 9", "artikel 3, tweede lid"])
def test_dangling_reference_untouched_by_any_amendment_stays_serious(ref):
    found = [f for f in run("AMB-11", ORGANS + AMENDS + f"Artikel 5 Toepassing\n1. {ref[0].upper()}{ref[1:]} is "
                            "van toepassing.") if f.artikel == "5"]
    assert found and max(f.severity for f in found) >= Severity.ZORG


# -- amendment acts (a draft amendment of a GR is one too) ----------------------------------------------------
WIJZIGING = ("Artikel I\n1. De Gemeenschappelijke regeling Testregio wordt als volgt gewijzigd: in artikel 12 "
             "wordt «het algemeen bestuur» vervangen door: het dagelijks bestuur.\n"
             "Artikel II\n1. In het tweede lid komen de tweede en de derde volzin te luiden: Het bestuur hoort de "
             "raden. Artikel 14, derde lid, is van overeenkomstige toepassing.\n"
             "Artikel III\n1. Deze regeling treedt in werking op 1 januari 2027.\n")


def test_amendment_instructions_are_performed_by_the_amending_text_itself():
    found = run("AMB-05", WIJZIGING)
    assert not [f for f in found if "gewijzigd" in f.quote or "vervangen" in f.quote]


def test_references_in_an_amendment_act_point_into_the_amended_regulation():
    found = run("AMB-11", WIJZIGING)
    assert not [f for f in found if f.quote.lower() == "het tweede lid"]  # the amended article's lid
    assert all(f.severity <= Severity.SUGGESTIE for f in found)


def test_dangling_reference_in_an_ordinary_regulation_is_still_serious():
    text = ORGANS + "Artikel 3 Toepassing\n1. Artikel 14, derde lid, is van overeenkomstige toepassing."
    found = [f for f in run("AMB-11", text) if f.artikel == "3"]
    assert found and max(f.severity for f in found) >= Severity.ZORG


def test_rules_by_ministerial_regulation_name_their_maker():
    text = ORGANS + "Artikel 7 Gegevens\n1. Bij regeling van Onze Minister wordt bepaald welke gegevens worden verstrekt."
    assert all(f.severity <= Severity.SUGGESTIE for f in run("AMB-05", text) if f.artikel == "7")


@pytest.mark.parametrize("sentence", [
    "Degene die een ander heeft gemachtigd voor hem te stemmen en toch zelf stemt, wordt gestraft.",
    "De kiezer kan een ander machtigen om voor hem te stemmen.",
])
def test_a_private_proxy_is_no_mandate(sentence):
    assert not [f for f in run("AMB-08", ORGANS + f"Artikel 7 Volmacht\n1. {sentence}") if f.artikel == "7"]


def test_a_mandate_of_an_organ_is_still_checked():
    text = ORGANS + "Artikel 7 Mandaat\n1. Het dagelijks bestuur kan mandaat verlenen."
    assert [f for f in run("AMB-08", text) if f.artikel == "7"]
