"""Round 11: AMB-01 open norms settled in law, applied by a named body, and the runner's escalation evidence.

ZORG needs evidence in the document that nobody knowable applies the norm; a settled construction, a body named in
any role, or a stated bound is no such evidence. Every rule is tested both ways on Dutch sketches written for these
tests (none is copied from a corpus text).
"""

from __future__ import annotations

import pytest

from models.ambiguity import analyse
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.sample import doc_from_text
from tests.models.ambiguity.helpers import lid, run

# Two organs elsewhere in the text, so that "the only organ of the text" does not make every decider knowable.
ORGANS = ("Artikel 2 Bestuur\n1. Het algemeen bestuur stelt de begroting vast.\n"
          "2. Het dagelijks bestuur voert de begroting uit.\n")


def amb01(text: str, title: str = "Testregeling", artikel: str = "7") -> list[Flag]:
    """AMB-01 flags after the runner (escalation included) in ``artikel``; AMB-01 alone, so that no other
    detector's flag absorbs one by merging."""
    return [f for f in analyse(doc_from_text(ORGANS + text, title=title), detectors=["AMB-01"]).flags
            if f.artikel == artikel]


def severity_of(found: list[Flag], quote: str) -> Severity:
    (f,) = [f for f in found if f.quote.lower() == quote.lower()]
    return f.severity


# -- a public body named in any role in the artikel applies the norm ------------------------------------------
@pytest.mark.parametrize("text", [
    "Artikel 7 Zorgplicht\n1. Een deelnemer is verplicht passende maatregelen te treffen en meldt die aan de "
    "toezichthouder.",
    "Artikel 7 Zorgplicht\n1. Een deelnemer is verplicht passende maatregelen te treffen.\n"
    "2. Tegen een besluit hierover staat beroep open bij de bestuursrechter.",
    "Artikel 7 Zorgplicht\n1. Een deelnemer is verplicht passende maatregelen te treffen.\n"
    "2. De in artikel 3 bedoelde ambtenaren zien toe op de naleving.",
    "Artikel 7 Samenwerking\n1. Het coördinerend bestuursorgaan draagt zorg voor een doelmatige besluitvorming.",
    "Artikel 7 Samenwerking\n1. De andere betrokken bestuursorganen verlenen de medewerking die voor een doelmatige "
    "afhandeling nodig is.",
])
def test_degree_word_with_a_body_named_in_the_artikel_is_a_suggestion(text):
    (f,) = amb01(text)
    assert f.severity == Severity.SUGGESTIE
    assert "noemt wel een instantie" in f.explanation


@pytest.mark.parametrize("text", [
    "Artikel 7 Zorgplicht\n1. Een deelnemer is verplicht passende maatregelen te treffen.",
    # "bevoegd gezag" without a definition is a role name, no body (round-6 judged true positive)
    "Artikel 7 Ondersteuning\n1. Goedgekeurde aanvragen ontvangen passende ondersteuning.\n"
    "2. Het bevoegd gezag legt de afspraken vast.",
    # territorial "de gemeente" is no body that acts
    "Artikel 7 Zorgplicht\n1. Elke inwoner van de gemeente is verplicht voldoende afstand te houden.",
    # "voorraad" ends in "raad" but is no council
    "Artikel 7 Zorgplicht\n1. De beheerder is verplicht een voldoende voorraad aan te houden.",
])
def test_degree_word_without_any_body_in_a_duty_clause_stays_zorg(text):
    found = amb01(text)
    assert max(f.severity for f in found) == Severity.ZORG
    assert "noemt geen orgaan" in found[0].explanation


# -- the reasonable-person standard ---------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Wie het vertrouwelijke karakter van de stukken kent of redelijkerwijs moet vermoeden, is verplicht tot "
    "geheimhouding.",
    "Een deelnemer is verplicht alle inlichtingen te geven die redelijkerwijs kunnen worden gevraagd.",
    "Een deelnemer is verplicht na te gaan of de ontvanger redelijkerwijs bevoegd is te achten.",
    "Een deelnemer is verplicht de schade te vergoeden die hij redelijkerwijs had kunnen voorzien.",
    "Een deelnemer is verplicht te doen wat van hem kan redelijkerwijs worden verlangd.",
])
def test_reasonable_person_standard_is_settled(sentence):
    found = amb01(f"Artikel 7 Plichten\n1. {sentence}")
    assert severity_of(found, "redelijkerwijs") == Severity.SUGGESTIE
    assert "vaste maatstaf" in next(f for f in found if f.quote == "redelijkerwijs").explanation


@pytest.mark.parametrize("sentence", [
    "Een deelnemer is verplicht de kosten te dragen die redelijkerwijs verband houden met het project.",
    "Een deelnemer is verplicht redelijkerwijs bij te dragen aan de kosten.",
    "Een deelnemer is verplicht het gebouw redelijkerwijs te onderhouden.",
    "Een deelnemer is verplicht de redelijkerwijs gemaakte kosten te vergoeden.",
])
def test_redelijkerwijs_as_an_open_measure_of_a_duty_stays_zorg(sentence):
    found = amb01(f"Artikel 7 Plichten\n1. {sentence}")
    assert severity_of(found, "redelijkerwijs") == Severity.ZORG


@pytest.mark.parametrize("sentence", [
    "Een verzekerde heeft recht op hulp voor zover hij redelijkerwijs op die hulp is aangewezen.",
    "Een deelnemer heeft recht op vervoer voor zover hij daar redelijkerwijs op is aangewezen.",
    "Een kind heeft recht op begeleiding indien het redelijkerwijs op begeleiding door een ander is aangewezen.",
    "Een bewoner heeft recht op een voorziening voor zover hij redelijkerwijs op een woningaanpassing is aangewezen.",
])
def test_entitlement_formula_with_its_object_between_is_no_open_norm(sentence):
    assert not [f for f in run("AMB-01", lid(sentence)) if f.quote.lower() == "redelijkerwijs"]


@pytest.mark.parametrize("sentence", [
    "Een deelnemer is verplicht redelijkerwijs aan het overleg deel te nemen.",
    "Een deelnemer draagt de kosten waarop hij redelijkerwijs aanspraak maakt.",
    "Een verzekerde is redelijkerwijs aangewezen op de zorg die het bestuur aanwijst.",
    "Een deelnemer neemt redelijkerwijs deel; hij is op de regeling aangewezen.",
])
def test_redelijkerwijs_outside_the_entitlement_formula_is_still_reported(sentence):
    assert [f for f in run("AMB-01", lid(sentence)) if f.quote.lower() == "redelijkerwijs"]


# -- "redelijke termijn" is a time norm -------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Een deelnemer is verplicht binnen redelijke termijn te betalen.",
    "Een deelnemer is verplicht de bijdrage met inachtneming van een redelijke termijn te wijzigen.",
    "Een deelnemer is verplicht de stukken aan te vullen nadat een redelijke termijn is verstreken.",
    "Een deelnemer is verplicht binnen de door hem gestelde redelijke termijn te antwoorden.",
])
def test_redelijke_termijn_is_a_time_norm_never_raised(sentence):
    found = amb01(f"Artikel 7 Betaling\n1. {sentence}")
    assert severity_of(found, "redelijke termijn") <= Severity.SUGGESTIE
    assert not [f for f in found if f.quote.lower() == "redelijke"]


@pytest.mark.parametrize("noun", ["vergoeding", "afstand", "kosten", "bijdrage"])
def test_redelijke_with_another_noun_is_still_a_degree_word(noun):
    found = amb01(f"Artikel 7 Plichten\n1. Een deelnemer is verplicht een redelijke {noun} te betalen.")
    assert severity_of(found, "redelijke") == Severity.ZORG


# -- "zo nodig in afwijking van <bepaling>" ---------------------------------------------------------------------
TASKS = "Artikel 7 Taken en bevoegdheden\n1. "


@pytest.mark.parametrize("sentence", [
    "De bijdragen worden, zo nodig in afwijking van artikel 3, herzien.",
    "De bijdragen worden, indien nodig in afwijking van artikel 3, herzien.",
    "De bijdragen worden, waar nodig in afwijking van het tweede lid, herzien.",
    "De subsidie wordt voor de resterende periode verleend, zo nodig in afwijking van artikel 4.",
])
def test_need_hedge_confining_a_deviation_is_info(sentence):
    found = run("AMB-01", TASKS + sentence)  # the detector's verdict (AMB-14 may report "indien nodig" as well)
    (f,) = [f for f in found if "nodig" in f.quote.lower()]
    assert f.severity == Severity.INFO
    assert "afwijking" in f.explanation


@pytest.mark.parametrize("sentence", [
    "De bijdragen worden zo nodig herzien.",
    "De bijdragen worden zo nodig herzien in afwijking van artikel 3.",
    "De bijdragen worden zo nodig in overleg met de raden herzien.",
    "De bijdragen worden indien nodig in afwachting van het advies herzien.",
])
def test_need_hedge_on_the_act_itself_is_not_a_deviation_rule(sentence):
    found = run("AMB-01", TASKS + sentence)
    (f,) = [f for f in found if "nodig" in f.quote.lower()]
    assert f.severity >= Severity.SUGGESTIE
    assert "afwijking van een genoemde bepaling" not in f.explanation


# -- partial action under a stated condition ----------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Een besluit kan alleen gedeeltelijk worden goedgekeurd, indien de rest daardoor niet onuitvoerbaar wordt.",
    "De subsidie kan gedeeltelijk worden ingetrokken, indien de activiteit niet volledig is verricht.",
    "Indien de activiteit niet volledig is verricht, kan de subsidie gedeeltelijk worden ingetrokken.",
    "Een vergunning mag gedeeltelijk worden verleend, mits het verleende deel zelfstandig kan worden gebruikt.",
])
def test_partial_power_with_a_stated_condition_is_info(sentence):
    found = run("AMB-01", f"Artikel 7 Besluiten\n1. {sentence}")  # the detector's verdict, before any merging
    assert severity_of(found, "gedeeltelijk") == Severity.INFO


@pytest.mark.parametrize("sentence", [
    "Een deelnemer is verplicht de kosten gedeeltelijk te dragen.",
    "De subsidie kan gedeeltelijk worden ingetrokken.",
    "Een deelnemer is verplicht het verlies gedeeltelijk aan te zuiveren indien het verlies dit vergt.",
    "Een deelnemer is verplicht de kosten gedeeltelijk te vergoeden indien de raad dat vraagt.",
    # the partial act sits inside the condition, not in the power
    "Een aanspraak kan slechts worden ingeroepen indien de deelnemer de kosten gedeeltelijk draagt.",
])
def test_partial_without_power_or_condition_is_not_info(sentence):
    found = run("AMB-01", f"Artikel 7 Besluiten\n1. {sentence}")
    assert [f for f in found if f.quote.lower().startswith("gedeeltelijk") and f.severity >= Severity.SUGGESTIE]


# -- misreads: the mere X, a stated bound, a count with a tie rule ------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Het enkele feit dat een aanvraag is ingediend, geeft geen recht op subsidie.",
    "De enkele vaststelling van de begroting is geen goedkeuring van de jaarrekening.",
    "Het enkele verstrijken van de termijn leidt niet tot een besluit.",
    "De enkele omstandigheid dat een lid afwezig is, maakt het besluit niet ongeldig.",
])
def test_enkele_after_a_definite_article_means_mere(sentence):
    assert not [f for f in run("AMB-01", lid(sentence)) if f.quote.lower() == "enkele"]


@pytest.mark.parametrize("sentence", [
    "De voorzitter nodigt enkele deskundigen uit.",
    "Het dagelijks bestuur wijst enkele leden aan.",
    "Na enkele weken beslist het algemeen bestuur.",
    "De commissie, die enkele leden aanwijst, vergadert in het openbaar.",
])
def test_enkele_as_a_few_is_still_reported(sentence):
    assert [f for f in run("AMB-01", lid(sentence)) if f.quote.lower() == "enkele"]


@pytest.mark.parametrize("sentence", [
    "Op de lijst mag een aantal namen worden geplaatst dat ten hoogste veertig bedraagt.",
    "Gekozen zijn de kandidaten die een aantal stemmen hebben verkregen, groter dan of gelijk aan de deler.",
    "Elke stem geldt voor een aantal stemmen, gelijk aan het getal van de inwoners gedeeld door duizend.",
    "Het dagelijks bestuur wijst een aantal leden aan van niet meer dan vijf.",
    "Gekozen is wie een aantal stemmen heeft verkregen groter dan een kwart van de deler.",
])
def test_quantity_with_a_stated_bound_is_no_vague_quantity(sentence):
    assert not [f for f in run("AMB-01", lid(sentence)) if f.quote.lower() == "een aantal"]


@pytest.mark.parametrize("sentence", [
    "Het dagelijks bestuur wijst een aantal leden aan.",
    "Het dagelijks bestuur wijst een aantal leden aan; ten hoogste twee leden komen uit dezelfde gemeente.",
    "Een aantal deskundigen wordt gehoord. Ten minste een van hen is jurist.",
    "Het algemeen bestuur kan een aantal taken overdragen aan de directeur.",
    # the bound is on the members, not on their number
    "Het dagelijks bestuur wijst een aantal leden aan die ten minste drie jaar lid zijn.",
    "Het dagelijks bestuur wijst een aantal leden aan die meer dan drie jaar lid zijn.",
])
def test_quantity_without_its_own_bound_is_still_reported(sentence):
    assert [f for f in run("AMB-01", lid(sentence)) if f.quote.lower() == "een aantal"]


@pytest.mark.parametrize("text", [
    "1. De zetel gaat naar de lijst met de meeste stemmen. Bij een gelijk aantal stemmen beslist het lot.",
    "1. Het eerste nummer krijgt de lijst die geldt voor de meeste kieskringen. Bij gelijkheid beslist het lot.",
    "1. Voorzitter wordt het lid met de meeste dienstjaren. Zijn de dienstjaren gelijk, dan wordt het oudste lid "
    "voorzitter.",
    "1. Het restant gaat naar de gemeente met de meeste inwoners; bij staking van aantallen beslist het lot.",
])
def test_superlative_count_with_a_tie_rule_is_a_count(text):
    assert not [f for f in run("AMB-01", f"Artikel 5 Toewijzing\n{text}") if f.quote.lower() == "de meeste"]


@pytest.mark.parametrize("text", [
    "1. De meeste leden moeten met het besluit instemmen.",
    "1. De zetel gaat naar de lijst met de meeste stemmen.\n2. Bij een gelijk aantal stemmen beslist het lot.",
    "1. De meeste taken worden door het dagelijks bestuur uitgevoerd.",
    "1. Het bestuur bepaalt welke lijst de meeste stemmen heeft.",
])
def test_superlative_without_a_tie_rule_in_the_lid_is_still_reported(text):
    assert [f for f in run("AMB-01", f"Artikel 5 Toewijzing\n{text}") if f.quote.lower() == "de meeste"]


# -- a term the text uses in several artikelen ---------------------------------------------------------------
def _term_text(n_other: int) -> str:
    others = "".join(f"Artikel {10 + i} Bijstand {i}\n1. De bijstand dekt de noodzakelijke kosten van "
                     f"levensonderhoud van de aanvrager.\n" for i in range(n_other))
    return ("Artikel 7 Inkomen\n1. Een bewoner is verplicht de noodzakelijke kosten van levensonderhoud op te "
            f"geven.\n{others}")


@pytest.mark.parametrize("n_other", [2, 3, 4, 6])
def test_open_word_in_a_term_used_across_the_text_is_a_suggestion(n_other):
    f = next(f for f in amb01(_term_text(n_other)) if f.quote == "noodzakelijke")
    assert f.severity == Severity.SUGGESTIE
    assert "begrip van de hele tekst" in f.explanation


@pytest.mark.parametrize("n_other", [0, 1])
def test_open_word_used_in_too_few_artikelen_stays_zorg(n_other):
    f = next(f for f in amb01(_term_text(n_other)) if f.quote == "noodzakelijke")
    assert f.severity == Severity.ZORG


@pytest.mark.parametrize("other", [
    # the same adjective with other nouns is no repeated term
    "Artikel 10 A\n1. De bijstand dekt de noodzakelijke uitgaven.\nArtikel 11 B\n1. De bijstand dekt noodzakelijke "
    "reizen.\nArtikel 12 C\n1. De bijstand dekt de noodzakelijke zorg.\n",
    "Artikel 10 A\n1. De bijstand dekt de noodzakelijke kosten.\nArtikel 11 B\n1. De bijstand dekt de kosten van "
    "levensonderhoud.\n",
])
def test_different_phrases_make_no_term(other):
    f = next(f for f in amb01(_term_text(0) + other) if f.quote == "noodzakelijke" and f.artikel == "7")
    assert f.severity == Severity.ZORG


# -- runner: raising a hedge needs evidence of a missing decider ------------------------------------------------
HEDGED = {
    "zo nodig": "De gegevens worden zo nodig aangevuld.",
    "in voorkomende gevallen": "De stukken worden in voorkomende gevallen openbaar gemaakt.",
    "in beginsel": "De kosten worden in beginsel gelijk verdeeld.",
    "zo mogelijk": "De archiefstukken worden zo mogelijk binnen het gebied bewaard.",
}


@pytest.mark.parametrize("hedge,sentence", HEDGED.items())
def test_hedge_in_a_law_whose_artikel_names_a_body_is_not_raised(hedge, sentence):
    text = f"Artikel 7 Taken\n1. De toezichthouder ziet toe op de naleving.\n2. {sentence}"
    assert severity_of(amb01(text, title="Wet toezicht op de proef"), hedge) == Severity.SUGGESTIE


@pytest.mark.parametrize("hedge,sentence", HEDGED.items())
def test_hedge_in_a_law_whose_artikel_names_no_body_is_raised(hedge, sentence):
    text = f"Artikel 7 Taken\n1. {sentence}"
    assert severity_of(amb01(text, title="Wet toezicht op de proef"), hedge) == Severity.ZORG


@pytest.mark.parametrize("hedge,sentence", HEDGED.items())
def test_hedge_in_a_regulation_with_the_body_in_another_lid_is_raised(hedge, sentence):
    """Outside national law the lid is the unit: a GR must say who does what (Wgr), so a body in the first lid
    does not make the decider of a passive hedge in the second knowable."""
    text = f"Artikel 7 Taken\n1. De toezichthouder ziet toe op de naleving.\n2. {sentence}"
    assert severity_of(amb01(text), hedge) == Severity.ZORG


@pytest.mark.parametrize("text", [
    "Artikel 7 Taken\n1. De bijdragen worden zo nodig herzien; beroep staat open bij de bestuursrechter.",
    "Artikel 7 Taken\n1. De bijdragen worden zo nodig herzien na overleg met de toezichthouder.",
    "Artikel 7 Taken\n1. Het dagelijks bestuur stelt de tarieven vast.\n2. De tarieven worden zo nodig tussentijds "
    "vastgesteld.",
    "Artikel 7 Taken\n1. Het algemeen bestuur wijst de leden aan.\n2. Plaatsvervangers worden zo nodig aangewezen.",
])
def test_hedge_whose_decider_the_lid_or_the_same_act_names_is_not_raised(text):
    assert severity_of(amb01(text), "zo nodig") == Severity.SUGGESTIE


@pytest.mark.parametrize("text", [
    "Artikel 7 Taken\n1. De bijdragen worden zo nodig herzien.",
    "Artikel 7 Taken\n1. Het dagelijks bestuur stelt de tarieven vast.\n2. De bijdragen worden zo nodig herzien.",
    "Artikel 7 Taken\n1. Het algemeen bestuur wijst de leden aan.\n2. De tarieven worden zo nodig vastgesteld.",
    "Artikel 7 Taken\n1. De reserves worden zo nodig aangevuld.",
])
def test_hedge_without_any_knowable_decider_is_raised(text):
    assert severity_of(amb01(text), "zo nodig") == Severity.ZORG


@pytest.mark.parametrize("text", [
    "Artikel 7 Taken\n1. De begroting wordt zo nodig gewijzigd.",
    "Artikel 7 Taken\n1. De begroting wordt zo nodig tussentijds uitgevoerd.",
    "Artikel 7 Taken\n1. De begroting wordt in voorkomende gevallen gewijzigd.",
    "Artikel 7 Taken\n1. De begroting wordt zo mogelijk in één keer vastgesteld.",
])
def test_hedge_on_an_object_an_organ_acts_on_elsewhere_is_not_raised(text):
    """The algemeen bestuur adopts the begroting (artikel 2): the holder of the power the hedge qualifies is named."""
    assert max(f.severity for f in amb01(text)) == Severity.SUGGESTIE


@pytest.mark.parametrize("text", [
    "Artikel 7 Taken\n1. De tarieven worden zo nodig gewijzigd.",
    "Artikel 7 Taken\n1. De tarieven worden zo nodig tussentijds vastgesteld.",
    "Artikel 7 Taken\n1. De reserves worden in voorkomende gevallen verdeeld.",
    "Artikel 7 Taken\n1. Het meerjarenplan wordt zo mogelijk in één keer vastgesteld.",
])
def test_hedge_on_an_object_no_organ_acts_on_is_raised(text):
    assert max(f.severity for f in amb01(text)) == Severity.ZORG


# -- text outside any artikel --------------------------------------------------------------------------------
LOOSE = [
    ("Een deelnemer is verplicht passende maatregelen te treffen.", "passende"),
    ("Een deelnemer is verplicht voldoende afstand te houden.", "voldoende"),
    ("De werkzaamheden worden zoveel mogelijk overdag uitgevoerd.", "zoveel mogelijk"),
    ("De tarieven worden zo nodig vastgesteld.", "zo nodig"),
]


def _all_amb01(text: str) -> list[Flag]:
    return analyse(doc_from_text(text), detectors=["AMB-01"]).flags


@pytest.mark.parametrize("sentence,quote", LOOSE)
def test_open_norm_outside_any_artikel_is_no_zorg(sentence, quote):
    """A toelichting, a document that is no regeling, a loose fragment: no article to look for the applier in."""
    found = _all_amb01(f"Ruimtelijke onderbouwing\n{sentence}\nDe gemeente heeft overleg gevoerd.")
    assert severity_of(found, quote) == Severity.SUGGESTIE


@pytest.mark.parametrize("sentence,quote", LOOSE)
def test_the_same_clause_in_a_task_artikel_without_a_decider_is_zorg(sentence, quote):
    found = amb01(f"Artikel 7 Taken\n1. {sentence}")
    assert severity_of(found, quote) == Severity.ZORG


# -- a pronoun subject refers back to the body the artikel names ------------------------------------------
@pytest.mark.parametrize("text", [
    "Artikel 7 Taken\n1. De archivaris beheert de archieven.\n2. Hij kan zo nodig stukken vernietigen.",
    "Artikel 7 Taken\n1. De archivaris beheert de archieven.\n2. Zo nodig kan hij stukken vernietigen.",
    "Artikel 7 Taken\n1. De commissie beheert de archieven.\n2. Zij stelt zo nodig een inventaris op.",
    "Artikel 7 Taken\n1. De gemeentearchivaris beheert de archieven.\n2. Hij brengt zo nodig verslag uit.",
])
def test_hedge_in_a_clause_whose_pronoun_subject_has_a_body_antecedent_is_not_raised(text):
    assert max(f.severity for f in amb01(text)) == Severity.SUGGESTIE


@pytest.mark.parametrize("text", [
    # no body in the artikel for the pronoun to refer to
    "Artikel 7 Taken\n1. De archieven worden beheerd.\n2. Hij kan zo nodig stukken vernietigen.",
    # a body in the artikel, but the hedged clause has a noun subject and no decider
    "Artikel 7 Taken\n1. De commissie beheert de archieven.\n2. De stukken worden zo nodig vernietigd.",
    # expletive 'het is' is no pronoun subject
    "Artikel 7 Taken\n1. De commissie beheert de archieven.\n2. Het is zo nodig verboden stukken te vernietigen.",
    "Artikel 7 Taken\n1. De beheerder beheert de archieven.\n2. Hij kan zo nodig stukken vernietigen.",
])
def test_hedge_without_a_body_behind_its_subject_is_raised(text):
    assert max(f.severity for f in amb01(text)) == Severity.ZORG
