"""Round 11, AMB-02 (modality), AMB-05 (agentless passive), AMB-04 (decision level): a holder the text makes
knowable, a prediction or a description is no finding a lawyer must act on.

The round-9 sample of national law judged these false: "zal" in a belief or content clause, passive powers whose
holder the section, the artikel, the lid or an instrument names, a party withdrawing what it filed, an exception to a
ban that binds everyone, a consultation beside a named decider. Every rule has positive cases (lowered or silent) and
negative cases (still ZORG). All sentences are written for these tests.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from extract.document import Document
from models.ambiguity import analyse
from models.ambiguity.amb05_passive.holders import INSTRUMENT_RE, object_noun
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.sample import doc_from_text
from tests.models.ambiguity.helpers import run

SERIOUS = (Severity.ZORG, Severity.KRITIEK)
# Two organs elsewhere in the text, so that "the only organ of the text" never decides a case.
ORGANS = ("Artikel 1 Bestuur\n1. Het algemeen bestuur stelt de begroting vast.\n"
          "2. Het dagelijks bestuur voert de begroting uit.\n")
UNIT_RE = re.compile(r"^(Hoofdstuk|Paragraaf)\s+(\S+)")


def sectioned(text: str) -> Document:
    """A sketch (models.ambiguity.sample) with "Paragraaf N" / "Hoofdstuk N" lines that put the artikelen after them
    in that structural unit, as extract.document path levels."""
    unit: dict[str, str] = {}
    units: dict[str, tuple[tuple[str, str], ...]] = {}
    lines = []
    for raw in text.strip().splitlines():
        m = UNIT_RE.match(raw.strip())
        if m:
            level = m.group(1).lower()
            unit = {k: v for k, v in unit.items() if k == "hoofdstuk"} if level == "paragraaf" else {}
            unit[level] = m.group(2)
            continue
        art = re.match(r"^Artikel\s+(\d+[a-z]?)", raw.strip())
        if art:
            units[art.group(1)] = tuple((lvl, unit[lvl]) for lvl in ("hoofdstuk", "paragraaf") if lvl in unit)
        lines.append(raw)
    doc = doc_from_text("\n".join(lines))
    passages = [dataclasses.replace(p, path=units.get(p.artikel or "", ()) + p.path) for p in doc.passages]
    return dataclasses.replace(doc, passages=passages)


def flags_at(code: str, doc: Document, artikel: str, quote: str) -> list[Flag]:
    """Flags of detector ``code`` in ``artikel`` whose quote contains ``quote`` (as the user sees them: after the
    runner merged the flags of different detectors on the same span)."""
    return [f for f in analyse(doc).flags if f.artikel == artikel and quote in f.quote.lower()
            and (f.type == code or f"als {code}" in f.explanation)]


def severity(code: str, doc: Document, artikel: str, quote: str) -> Severity | None:
    found = flags_at(code, doc, artikel, quote)
    return max((f.severity for f in found), default=None)


def detector_severity(code: str, text: str, quote: str) -> Severity | None:
    """The severity detector ``code`` itself gives (before merging)."""
    return max((f.severity for f in run(code, text) if quote in f.quote.lower()), default=None)


# -- AMB-02 "zal/zullen": predictions, content clauses, reported statements, definitions ---------------------------
NOT_A_DUTY = [
    "Artikel 5 Weigering\n1. De ontheffing kan worden geweigerd indien aannemelijk is dat:\n"
    "a. de aanvrager de voorschriften niet zal naleven;\nb. de activiteit niet zal plaatsvinden.",
    "Artikel 5 Werkplan\n1. Het werkplan vermeldt in hoeverre de kosten ten laste van de deelnemers zullen komen.",
    "Artikel 5 Aanvraag\n1. De aanvrager verklaart bij de aanvraag de subsidievoorwaarden te zullen naleven.",
    "Artikel 5 Begrippen\nIn deze regeling wordt verstaan onder:\n"
    "a. leerling: een kind dat onderwijs volgt, zal volgen of zou volgen op een school in de regio;",
    "Artikel 5 Verslag\n1. Het jaarverslag geeft aan hoeveel inwoners in het komende jaar zullen verhuizen.",
    "Artikel 5 Subsidie\n1. De subsidie kan worden geweigerd indien redelijkerwijs te verwachten is dat:\n"
    "a. de begroting niet sluitend zal zijn;\nb. de aanvrager de activiteit niet zal voltooien.",
]


@pytest.mark.parametrize("text", NOT_A_DUTY)
def test_future_in_a_belief_content_or_definition_clause_is_no_duty_question(text):
    found = [f for f in run("AMB-02", ORGANS + text) if re.fullmatch(r"zal|zullen", f.quote, re.I)]
    assert all(f.severity not in SERIOUS for f in found), found


STILL_A_DUTY_QUESTION = [
    "Artikel 5 Archieven\n1. De deelnemers zullen hun archieven met ingang van 1 januari overdragen aan het "
    "openbaar lichaam.",
    "Artikel 5 Personeel\n1. Het personeel van de gemeenten zal worden overgeplaatst naar de nieuwe dienst.",
    "Artikel 5 Huur\n1. De huurovereenkomsten zullen met ingang van de start van het centrum worden omgezet in een "
    "huurovereenkomst tussen de gemeente en het centrum.",
    "Artikel 5 Inkoop\n1. De samenwerking zal zich in ieder geval richten op de inkoop van jeugdhulp.",
    "Artikel 5 Loting\n1. Indien de stemmen staken, zal de loting door middel van een trekking plaatsvinden.",
]


@pytest.mark.parametrize("text", STILL_A_DUTY_QUESTION)
def test_future_that_may_impose_a_duty_stays_zorg(text):
    assert detector_severity("AMB-02", ORGANS + text, "zal") == Severity.ZORG or detector_severity(
        "AMB-02", ORGANS + text, "zullen") == Severity.ZORG


# -- AMB-02 "zal": the clause names who acts --------------------------------------------------------------------
AGENT_NAMED = [
    ("Artikel 5 Register\n1. De inschrijving in het register zal plaatsvinden door de beheerder van het register.",
     "door de beheerder"),
    ("Artikel 5 Loting\n1. Indien loting nodig is, zal de loting plaatsvinden in een openbare zitting van het "
     "centraal stembureau.", "zitting van het centraal stembureau"),
    ("Artikel 5 Stukken\n1. De overdracht van de stukken zal geschieden door de secretaris van het algemeen bestuur.",
     "door de secretaris"),
    ("Artikel 5 Stembiljetten\n1. De vernietiging van de stembiljetten zal plaatsvinden ten overstaan van de "
     "burgemeester.", "ten overstaan van de burgemeester"),
]


@pytest.mark.parametrize("text, agent", AGENT_NAMED)
def test_future_whose_clause_names_the_actor_is_a_style_point(text, agent):
    found = [f for f in run("AMB-02", ORGANS + text) if f.quote.lower() == "zal"]
    assert [f.severity for f in found] == [Severity.SUGGESTIE]
    assert agent in found[0].explanation


# -- AMB-02/AMB-05: the holder from the section (the same object under a named holder before it) -----------------
SECTION_HOLDER = [
    ("Paragraaf 2 Toezicht\nArtikel 10 Schorsing\n1. Het dagelijks bestuur kan een besluit van de directeur schorsen.\n"
     "Artikel 11 Duur\n1. De schorsing kan eenmaal worden verlengd.", "11", "worden verlengd", "dagelijks bestuur"),
    ("Paragraaf 2 Planning\nArtikel 10 Jaarprogramma\n1. Het algemeen bestuur stelt het jaarprogramma vast.\n"
     "Artikel 11 Wijziging\n1. Het jaarprogramma kan tussentijds worden gewijzigd.", "11", "worden gewijzigd",
     "algemeen bestuur"),
    ("Paragraaf 2 Bezwaar\nArtikel 10 Horen\n1. Het horen geschiedt door de bezwaarcommissie.\n"
     "Artikel 11 Afzonderlijk horen\n1. Op verzoek kunnen belanghebbenden afzonderlijk worden gehoord.", "11",
     "worden gehoord", "bezwaarcommissie"),
    ("Paragraaf 2 Subsidie\nArtikel 10 Terugvordering\n1. Het dagelijks bestuur vordert de subsidie terug indien de "
     "activiteiten niet hebben plaatsgevonden.\nArtikel 11 Erfgenamen\n1. De subsidie kan ook van de erfgenamen "
     "worden teruggevorderd.", "11", "worden teruggevorderd", "dagelijks bestuur"),
]


@pytest.mark.parametrize("text, artikel, quote, holder", SECTION_HOLDER)
def test_passive_power_whose_holder_the_section_names_is_a_suggestion_naming_it(text, artikel, quote, holder):
    doc = sectioned(ORGANS + text)
    found = flags_at("AMB-02", doc, artikel, quote) + flags_at("AMB-05", doc, artikel, quote)
    assert found and all(f.severity == Severity.SUGGESTIE for f in found)
    assert any(holder in f.explanation and "zie artikel 10" in f.explanation for f in found), found


SECTION_NO_HOLDER = [
    # the holder's artikel stands in another paragraaf
    "Paragraaf 1 Toezicht\nArtikel 10 Schorsing\n1. Het dagelijks bestuur kan een besluit van de directeur schorsen.\n"
    "Paragraaf 2 Termijnen\nArtikel 11 Duur\n1. De schorsing kan eenmaal worden verlengd.",
    # another object: the werkbegroting is not the begroting
    "Paragraaf 2 Planning\nArtikel 10 Begroting\n1. Het algemeen bestuur stelt de begroting opnieuw vast.\n"
    "Artikel 11 Werkbegroting\n1. De werkbegroting kan tussentijds worden gewijzigd.",
    # two organs act on the object: which one may change it is the question
    "Paragraaf 2 Planning\nArtikel 10 Jaarprogramma\n1. Het dagelijks bestuur stelt het jaarprogramma op en het "
    "algemeen bestuur stelt het jaarprogramma vast.\nArtikel 11 Wijziging\n1. Het jaarprogramma kan tussentijds worden "
    "gewijzigd.",
    # the object only inside a prepositional phrase
    "Paragraaf 2 Reserve\nArtikel 10 Hoogte\n1. Het algemeen bestuur besluit over de hoogte van de reserve.\n"
    "Artikel 11 Gebruik\n1. De reserve kan worden aangewend voor investeringen.",
    # a state in an indirect question, no act of the organ
    "Paragraaf 2 Verslag\nArtikel 10 Jaarverslag\n1. Het dagelijks bestuur vermeldt in het jaarverslag voor welke "
    "doelgroepen de middelen zijn bestemd.\nArtikel 11 Saldo\n1. Een batig saldo kan worden bestemd voor de reserve.",
]


@pytest.mark.parametrize("text", SECTION_NO_HOLDER)
def test_passive_power_without_a_holder_in_its_section_stays_zorg(text):
    doc = sectioned(ORGANS + text)
    found = [f for f in analyse(doc).flags if f.artikel == "11" and f.type in ("AMB-02", "AMB-05")]
    assert any(f.severity == Severity.ZORG for f in found), found


def test_result_noun_links_to_its_verb_and_a_determiner_pronoun_is_no_noun():
    text = "De schorsing van een besluit kan worden verlengd. Voor zover nodig kan deze worden vastgesteld."
    assert object_noun(text, 0, 30) == "schorsing"
    assert object_noun(text, text.index("Voor"), len(text)) == ""


# -- AMB-02/AMB-05: the one actor of the artikel, or the actor of the sentence before ----------------------------
ARTIKEL_OR_LID_HOLDER = [
    ("Artikel 7 Voorschot\n1. Het bestuursorgaan kan een voorschot verlenen.\n2. Onverschuldigd betaalde voorschotten "
     "kunnen worden teruggevorderd.", "teruggevorderd", "bestuursorgaan"),
    ("Artikel 7 Vordering\n1. Een zorgkantoor kan het te veel betaalde bedrag vorderen. Voor zover de waarde van de "
     "zorg niet vaststaat, kan deze worden vastgesteld op een geschat bedrag.", "vastgesteld", "zorgkantoor"),
    ("Artikel 7 Termijn\n1. Het CIZ kan de aanvrager een termijn stellen. Deze termijn kan eenmaal worden verlengd.",
     "verlengd", "CIZ"),
    ("Artikel 7 Verlof\n1. De Sociale verzekeringsbank beslist op de aanvraag.\n2. Het besluit kan worden herzien "
     "indien nieuwe feiten bekend worden.\n3. Een herziene toekenning kan worden gewijzigd.", "gewijzigd",
     "Sociale verzekeringsbank"),
]


@pytest.mark.parametrize("text, quote, holder", ARTIKEL_OR_LID_HOLDER)
def test_passive_power_held_by_the_only_actor_of_the_artikel_or_sentence_before_is_a_suggestion(text, quote, holder):
    found = [f for f in run("AMB-02", ORGANS + text) if quote in f.quote.lower()]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found), found


ARTIKEL_TWO_ACTORS = [
    "Artikel 7 Voorschot\n1. Het college kan een voorschot verlenen.\n2. De raad kan de verantwoording goedkeuren.\n"
    "3. Onverschuldigd betaalde voorschotten kunnen worden verrekend.",
    "Artikel 7 Vordering\n1. Het zorgkantoor ontvangt de aanvraag en het CIZ beoordeelt haar. Voor zover de waarde "
    "niet vaststaat, kan deze worden vastgesteld op een geschat bedrag.",
    "Artikel 7 Termijn\n1. De aanvrager dient de stukken in. Deze termijn kan eenmaal worden verlengd.\n2. Het CIZ en "
    "de Sociale verzekeringsbank wisselen gegevens uit.",
    "Artikel 7 Reserve\n1. Een batig saldo kan worden bestemd voor de reserve. De hoogte van de reserve wordt bepaald "
    "door het algemeen bestuur, gehoord de raden.",
]


@pytest.mark.parametrize("text", ARTIKEL_TWO_ACTORS)
def test_passive_power_with_two_candidate_holders_stays_zorg(text):
    found = [f for f in run("AMB-02", ORGANS + text) if "worden" in f.quote.lower()]
    assert any(f.severity == Severity.ZORG for f in found), found


# -- AMB-02/AMB-05: a permission after a general ban -----------------------------------------------------------
BAN_EXCEPTION = [
    "Artikel 8 Geheimhouding\n1. Het is een ieder verboden gegevens uit het register bekend te maken.\n"
    "2. Voor wetenschappelijk onderzoek kunnen gegevens aan derden worden verstrekt.",
    "Artikel 8 Geheimhouding\n1. Het is iedereen die bij de uitvoering betrokken is verboden gegevens te verstrekken.\n"
    "2. Met toestemming van de betrokkene kunnen gegevens worden verstrekt.",
    "Artikel 8 Camera\n1. Niemand mag beelden van de camera's bewaren.\n2. Beelden kunnen ten behoeve van een "
    "strafrechtelijk onderzoek worden verstrekt.",
    "Artikel 8 Inzage\n1. Het is een ieder verboden het dossier in te zien. Op verzoek kunnen de gegevens aan de "
    "betrokkene worden verstrekt.",
]


@pytest.mark.parametrize("text", BAN_EXCEPTION)
def test_permission_after_a_general_ban_is_a_suggestion(text):
    doc = doc_from_text(ORGANS + text)
    found = flags_at("AMB-02", doc, "8", "verstrekt") + flags_at("AMB-05", doc, "8", "verstrekt")
    assert found and all(f.severity not in SERIOUS for f in found), found
    assert any("verbod" in f.explanation for f in found), found


NO_GENERAL_BAN = [
    "Artikel 8 Register\n1. Het register is openbaar.\n2. Gegevens kunnen aan derden worden verstrekt.",
    "Artikel 8 Register\n1. Gegevens kunnen aan derden worden verstrekt.\n2. Het is een ieder verboden het register "
    "te wijzigen.",
    "Artikel 8 Register\n1. Het is verboden gegevens langer te bewaren dan nodig.\n2. Gegevens kunnen aan derden "
    "worden verstrekt.",
    "Artikel 7 Geheimhouding\n1. Het is een ieder verboden gegevens bekend te maken.\nArtikel 8 Onderzoek\n"
    "1. Gegevens kunnen aan onderzoekers worden verstrekt.",
]


@pytest.mark.parametrize("text", NO_GENERAL_BAN)
def test_permission_without_a_preceding_general_ban_stays_zorg(text):
    assert detector_severity("AMB-02", ORGANS + text, "verstrekt") == Severity.ZORG


# -- AMB-02/AMB-05: a party withdraws what it filed --------------------------------------------------------------
WITHDRAWN_FILINGS = [
    "Artikel 9 Intrekking\n1. Het bezwaar kan schriftelijk worden ingetrokken.",
    "Artikel 9 Intrekking\n1. Een aanvraag kan worden ingetrokken zolang daarop niet is beslist.",
    "Artikel 9 Intrekking\n1. Een verklaring als bedoeld in artikel 8, onder b, kan worden ingetrokken.",
    "Artikel 9 Intrekking\n1. De zienswijze kan tot de aanvang van de vergadering worden ingetrokken.",
]


@pytest.mark.parametrize("text", WITHDRAWN_FILINGS)
def test_withdrawing_a_filing_is_no_organ_power(text):
    doc = doc_from_text(ORGANS + text)
    found = flags_at("AMB-02", doc, "9", "ingetrokken") + flags_at("AMB-05", doc, "9", "ingetrokken")
    assert all(f.severity <= Severity.INFO for f in found), found


WITHDRAWN_GRANTS = [
    "Artikel 9 Intrekking\n1. De vergunning kan worden ingetrokken.",
    "Artikel 9 Intrekking\n1. Een verklaring van geen bezwaar kan worden ingetrokken.",
    "Artikel 9 Intrekking\n1. Indien bezwaar is gemaakt, kan de ontheffing worden ingetrokken.",
    "Artikel 9 Intrekking\n1. De monumentenstatus kan worden ingetrokken.",
]


@pytest.mark.parametrize("text", WITHDRAWN_GRANTS)
def test_withdrawing_a_grant_stays_zorg(text):
    assert severity("AMB-02", doc_from_text(ORGANS + text), "9", "ingetrokken") == Severity.ZORG


# -- AMB-02/AMB-05: an identified instrument holds the act -------------------------------------------------------
INSTRUMENT_HOLDS = [
    "Artikel 6 Vernietiging\n1. In het vernietigingsbesluit kan worden bepaald dat de rechtsgevolgen in stand blijven.",
    "Artikel 6 Aanvragen\n1. Bij het in artikel 1, eerste lid, bedoelde reglement kan worden bepaald dat aanvragen "
    "gelijktijdig worden ingediend.",
    "Artikel 6 Stemming\n1. Indien de kandidaatstelling is vervroegd, kan bij het koninklijk besluit, bedoeld in "
    "artikel 1, de dag van de stemming worden vastgesteld op een latere dag.",
    "Artikel 6 Tarieven\n1. Bij ministeriële regeling:\na. kunnen tarieven per module worden vastgesteld;\n"
    "b. kan worden bepaald dat kosten niet worden vergoed.",
    "Artikel 6 Training\n1. Bij algemene maatregel van bestuur kunnen regels worden gesteld over de training. Hierbij "
    "kan worden bepaald dat alleen geslaagden worden benoemd.",
]


@pytest.mark.parametrize("text", INSTRUMENT_HOLDS)
def test_act_held_by_an_identified_instrument_is_no_missing_holder(text):
    doc = doc_from_text(ORGANS + text)
    found = [f for f in analyse(doc).flags if f.artikel == "6" and f.type in ("AMB-02", "AMB-05")]
    assert all(f.severity not in SERIOUS for f in found), found


INSTRUMENT_UNKNOWN = [
    "Artikel 6 Nadere regels\n1. Bij nadere regeling kan worden bepaald welke kosten worden vergoed.",
    "Artikel 6 Termijn\n1. Bij een besluit kan de termijn worden verlengd.",
    "Artikel 6 Termijn\n1. In bijzondere gevallen kan de termijn worden verlengd.",
    "Artikel 6 Personeel\n1. Voor het personeel van een dienst die wordt opgeheven, kan in het overleg een sociaal "
    "plan worden vastgesteld.",
]


@pytest.mark.parametrize("text", INSTRUMENT_UNKNOWN)
def test_act_of_an_unidentified_instrument_stays_zorg(text):
    doc = doc_from_text(ORGANS + text)
    found = [f for f in analyse(doc).flags if f.artikel == "6" and f.type in ("AMB-02", "AMB-05")]
    assert any(f.severity in SERIOUS for f in found), found


@pytest.mark.parametrize("phrase, instrument", [
    ("In het vernietigingsbesluit kan", True), ("bij het koninklijk besluit, bedoeld in", True),
    ("Bij het in artikel 3:21, eerste lid, bedoelde wettelijk voorschrift", True), ("In de belastingverordening", True),
    ("Bij nadere regeling worden", False), ("worden bij regeling vastgesteld", False), ("In afwijking van de wet", False),
    ("Bij een besluit kan", False),
])
def test_instrument_pattern(phrase, instrument):
    assert bool(INSTRUMENT_RE.search(phrase)) is instrument


# -- AMB-02: a lid the subject refers to names the maker ----------------------------------------------------------
REFERENCED = [
    "Artikel 4 Vergoeding\n1. Bij ministeriële regeling worden regels gesteld over de vergoeding.\n2. De op grond van "
    "het eerste lid gestelde regels kunnen per categorie verschillend worden vastgesteld.",
    "Artikel 4 Voorwaarden\n1. Bij algemene maatregel van bestuur wordt een tegemoetkoming geregeld.\n2. De voorwaarden "
    "voor de in het eerste lid genoemde tegemoetkoming kunnen per regio verschillend worden vastgesteld.",
    "Artikel 4 Tarief\n1. De Nederlandse Zorgautoriteit stelt het tarief vast.\n2. De leden zijn gehouden het tarief "
    "te volgen.\n3. De in het eerste lid bedoelde tarieven kunnen per jaar worden gewijzigd.",
    "Artikel 4 Normen\n1. Bij ministeriële regeling worden normen vastgesteld.\n2. De zorgaanbieder past de normen "
    "toe.\n3. De op grond van het eerste lid vastgestelde normen kunnen tussentijds worden gewijzigd.",
]


@pytest.mark.parametrize("text", REFERENCED)
def test_subject_referring_to_the_lid_that_names_the_maker_is_a_suggestion(text):
    found = [f for f in run("AMB-02", ORGANS + text) if f.lid in ("2", "3") and "worden" in f.quote.lower()]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found), found


REFERENCED_NOTHING = [
    "Artikel 4 Vergoeding\n1. De vergoeding bedraagt ten hoogste 100 euro.\n2. De in het eerste lid bedoelde "
    "vergoeding kan worden verhoogd.",
    "Artikel 4 Termijn\n1. De termijn bedraagt zes weken.\n2. De in het eerste lid genoemde termijn kan worden "
    "verlengd.",
    "Artikel 4 Regels\n1. Regels over de vergoeding worden openbaar gemaakt.\n2. De op grond van het eerste lid "
    "openbaar gemaakte regels kunnen worden gewijzigd.",
    "Artikel 4 Bedrag\n1. Het bedrag wordt jaarlijks geïndexeerd.\n2. Het in het eerste lid bedoelde bedrag kan "
    "worden verlaagd.",
]


@pytest.mark.parametrize("text", REFERENCED_NOTHING)
def test_subject_referring_to_a_lid_without_a_maker_stays_zorg(text):
    found = [f for f in run("AMB-02", ORGANS + text) if f.lid == "2" and "worden" in f.quote.lower()]
    assert any(f.severity == Severity.ZORG for f in found), found


# -- AMB-02: a relative clause with "van wie" refers to a power conferred elsewhere -------------------------------
RELATIVE_WHO = [
    "Artikel 3 Inlichtingen\n1. De plicht geldt ook voor degene van wie kosten kunnen worden teruggevorderd op grond "
    "van artikel 5.",
    "Artikel 3 Inlichtingen\n1. De plicht geldt ook voor de persoon aan wie een vergunning kan worden verleend.",
    "Artikel 3 Inlichtingen\n1. Dit artikel geldt voor de instelling aan welke subsidie kan worden verleend.",
    "Artikel 3 Inlichtingen\n1. De plicht geldt voor de werkgever aan wie een taak kan worden opgedragen.",
]


@pytest.mark.parametrize("text", RELATIVE_WHO)
def test_passive_in_a_prepositional_relative_clause_is_no_grant(text):
    assert [f for f in run("AMB-02", ORGANS + text) if "worden" in f.quote.lower()] == []
    # the same power in a main clause is flagged: the rule, not the verb, keeps the relative clause silent
    main = re.sub(r"^.*?\b(?:van|op|aan|bij)\s+(?:wie|welke)\s+", "", text.split("1. ", 1)[1])
    assert run("AMB-02", ORGANS + "Artikel 4 Hoofdzin\n1. " + main[0].upper() + main[1:]), main


MAIN_CLAUSE_POWER = [
    "Artikel 3 Terugvordering\n1. Kosten kunnen worden teruggevorderd van degene die de uitkering ontving.",
    "Artikel 3 Toekenning\n1. Een vergoeding kan worden toegekend aan de vrijwilliger die een cursus volgde.",
    "Artikel 3 Subsidie\n1. Aan een instelling kan subsidie worden verleend voor culturele activiteiten.",
    "Artikel 3 Opdracht\n1. Aan de werkgever kan een taak worden opgedragen.",
]


@pytest.mark.parametrize("text", MAIN_CLAUSE_POWER)
def test_passive_power_in_a_main_clause_stays_zorg(text):
    assert any(f.severity == Severity.ZORG for f in run("AMB-02", ORGANS + text) if "worden" in f.quote.lower())


# -- AMB-05: a restricted passive limits a power held elsewhere -------------------------------------------------
RESTRICTED = [
    "Artikel 3 Goedkeuring\n1. Een besluit kan alleen gedeeltelijk worden goedgekeurd indien de rest los kan gelden.",
    "Artikel 3 Mandaat\n1. Tot het opmaken van een rapport kan slechts een ondergeschikte worden gemachtigd.",
    "Artikel 3 Benoeming\n1. Als secretaris kan uitsluitend een ambtenaar van de gemeente worden benoemd.",
    "Artikel 3 Vaststelling\n1. De rekening kan alleen na controle worden vastgesteld.",
]


@pytest.mark.parametrize("text", RESTRICTED)
def test_restricted_passive_is_a_suggestion(text):
    found = [f for f in run("AMB-05", ORGANS + text) if f.artikel == "3"]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found), found


UNRESTRICTED = [
    "Artikel 3 Goedkeuring\n1. Een besluit kan gedeeltelijk worden goedgekeurd.",
    "Artikel 3 Mandaat\n1. Tot het opmaken van een rapport kan een ondergeschikte worden gemachtigd.",
    "Artikel 3 Benoeming\n1. Als secretaris kan een ambtenaar van de gemeente worden benoemd.",
    "Artikel 3 Vaststelling\n1. De rekening kan na controle worden vastgesteld.",
]


@pytest.mark.parametrize("text", UNRESTRICTED)
def test_unrestricted_passive_power_stays_zorg(text):
    assert any(f.severity == Severity.ZORG for f in run("AMB-05", ORGANS + text) if f.artikel == "3")


# -- AMB-04: "in overleg met" beside a named decider -----------------------------------------------------------
DECIDER_NAMED = [
    "Artikel 2 Loonwaarde\n1. Het college bepaalt in overleg met de werkgever wanneer de loonwaarde opnieuw wordt "
    "vastgesteld.",
    "Artikel 2 Plan\n1. Het dagelijks bestuur regelt in overleg met de deelnemers op welke wijze het plan wordt "
    "vastgesteld.",
    "Artikel 2 Indicatie\n1. Het CIZ bepaalt in overleg met de verzekerde wanneer de indicatie opnieuw wordt "
    "vastgesteld.",
    "Artikel 2 Rooster\n1. Na de verkiezing bepaalt de burgemeester in overleg met de fracties op welke dag het "
    "rooster wordt vastgesteld.",
]


@pytest.mark.parametrize("text", DECIDER_NAMED)
def test_consultation_beside_a_named_decider_is_a_suggestion(text):
    found = [f for f in run("AMB-04", ORGANS + text) if "overleg" in f.quote.lower()]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found), found


NO_DECIDER = [
    "Artikel 2 Loonwaarde\n1. De loonwaarde wordt in overleg met de werkgever vastgesteld.",
    "Artikel 2 Plan\n1. Het plan wordt in overleg met de deelnemers vastgesteld.",
    "Artikel 2 Rooster\n1. In overleg met de fracties wordt het rooster vastgesteld.",
    "Artikel 2 Indicatie\n1. Wanneer de indicatie opnieuw wordt vastgesteld, wordt in overleg met de verzekerde "
    "bepaald.",
]


@pytest.mark.parametrize("text", NO_DECIDER)
def test_consultation_on_an_adoption_without_decider_stays_zorg(text):
    found = [f for f in run("AMB-04", ORGANS + text) if "overleg" in f.quote.lower()]
    assert any(f.severity == Severity.ZORG for f in found), found


# -- AMB-02/AMB-05: prose outside any artikel binds nobody -------------------------------------------------------
# The same sentences: ZORG inside an artikel (below), a suggestion in a passage outside any artikel.
PROSE = [
    "De deelnemers zullen hun archieven met ingang van 1 januari overdragen aan het openbaar lichaam.",
    "De termijn kan worden verlengd.",
    "Het personeel zal worden overgeplaatst naar de nieuwe dienst.",
    "De vergunning kan worden ingetrokken.",
]


@pytest.mark.parametrize("sentence", PROSE)
def test_future_and_passive_in_prose_outside_an_artikel_are_at_most_a_suggestion(sentence):
    doc = doc_from_text(sentence + "\n" + ORGANS)  # a considerans-like passage before the first artikel
    found = [f for f in analyse(doc).flags if f.artikel is None and f.type in ("AMB-02", "AMB-05")]
    assert found and all(f.severity == Severity.SUGGESTIE for f in found), found
    assert any("buiten een artikel" in f.explanation for f in found)


@pytest.mark.parametrize("sentence", PROSE)
def test_the_same_sentences_inside_an_artikel_stay_zorg(sentence):
    doc = doc_from_text(ORGANS + "Artikel 9 Overgang\n1. " + sentence)
    found = [f for f in analyse(doc).flags if f.artikel == "9" and f.type in ("AMB-02", "AMB-05")]
    assert any(f.severity == Severity.ZORG for f in found), found


# -- AMB-02 "zal" inside a clause opened by tenzij, mits, totdat, omdat …: the clause conditions or explains --------
SUBORDINATE_FUTURE = [
    "De vergunning wordt verleend, tenzij de activiteit overlast zal veroorzaken.",
    "De subsidie wordt verstrekt, mits de activiteit in het komende jaar zal plaatsvinden.",
    "Het bestuur blijft in functie totdat het nieuwe bestuur zal zijn benoemd.",
    "Het college weigert de ontheffing omdat de activiteit overlast zal veroorzaken.",
]


@pytest.mark.parametrize("sentence", SUBORDINATE_FUTURE)
def test_future_in_a_conditional_or_causal_clause_is_no_duty(sentence):
    found = [f for f in run("AMB-02", ORGANS + "Artikel 5 Vergunning\n1. " + sentence) if f.quote.lower() == "zal"]
    assert found == [], found


MAIN_AFTER_SUBORDINATE = [
    "Tenzij de raad anders besluit, zullen de archieven worden overgedragen aan het openbaar lichaam.",
    "Mits de begroting sluitend is, zal het personeel worden overgeplaatst naar de nieuwe dienst.",
    "Totdat het nieuwe bestuur is benoemd, zullen de deelnemers de kosten dragen.",
    "Omdat de regeling wordt opgeheven, zullen de deelnemers de gebouwen overdragen aan de gemeente.",
]


@pytest.mark.parametrize("sentence", MAIN_AFTER_SUBORDINATE)
def test_future_in_the_main_clause_after_a_subordinate_clause_stays_zorg(sentence):
    found = [f for f in run("AMB-02", ORGANS + "Artikel 5 Overgang\n1. " + sentence) if f.quote.lower() in ("zal", "zullen")]
    assert any(f.severity == Severity.ZORG for f in found), found
