"""Round 11 precision fixes for AMB-12 (open lists), AMB-13 (coordination) and AMB-14 (conditions).

Every fix has hand-written Dutch examples (not taken from corpus texts): the construction it de-escalates or drops,
and near neighbours that must stay as they were.
"""

import pytest

from models.ambiguity.flag import Flag, Severity
from tests.models.ambiguity.helpers import lid, run

SERIOUS = (Severity.ZORG, Severity.KRITIEK)


def lst(leadin: str, *items: str, trailing: str | None = None) -> str:
    """One lid with a lead-in and onderdelen a, b, c …, optionally text after the last item."""
    body = "\n".join(f"{chr(97 + i)}. {it}" for i, it in enumerate(items))
    return f"Artikel 4 Beslissingen\n1. {leadin}\n{body}" + (f"\n{trailing}" if trailing else "")


def missing(text: str) -> list[Flag]:
    return [f for f in run("AMB-13", text) if "laatste onderdeel" in f.explanation]


def connector_flags(text: str) -> list[Flag]:
    return [f for f in run("AMB-13", text) if "Ar 3.60" in f.rule]


def cond(text: str) -> list[Flag]:
    """AMB-14's open-condition flags (not the double negation or 'onverminderd' checks)."""
    return [f for f in run("AMB-14", text) if "open maatstaf" in f.explanation]


# --- AMB-13 (1): grounds for an adverse decision, each sufficient ------------------------------------------------
ADVERSE = [
    lst("De burgemeester beslist slechts afwijzend op de aanvraag, indien:", "de naam in strijd is met de goede zeden;",
        "de naam verwarring wekt met een bestaande vereniging;", "de naam meer dan veertig tekens telt."),
    lst("Het college schrapt de inschrijving uit het register, wanneer:", "de houder is overleden;",
        "de houder daarom heeft gevraagd;", "de houder de jaarlijkse bijdrage niet heeft betaald."),
    lst("Het college kan de betaling van de toelage opschorten indien:", "het adres van de ontvanger onbekend is;",
        "de ontvanger de gevraagde stukken niet heeft overgelegd;", "vermoed wordt dat de toelage te hoog is."),
    lst("Het college kan afzien van het verlenen van een voorschot indien:", "het inkomen van de aanvrager onbekend is;",
        "de aanvrager eerder een voorschot niet heeft terugbetaald;", "de aanvrager in het buitenland verblijft."),
    lst("Geen korting vindt plaats indien:", "de cliënt ziek was;", "de cliënt een verhuizing had;",
        "de cliënt een geldige reden heeft opgegeven."),
    lst("De huurder heeft de verplichting de borg terstond aan te vullen indien:", "de borg is aangesproken;",
        "de huurprijs is verhoogd;", "de huurder een tweede ruimte in gebruik neemt."),
    lst("Het lidmaatschap van de commissie eindigt indien:", "het lid overlijdt;", "het lid verhuist naar elders;",
        "het lid een functie bij de gemeente aanvaardt."),
    lst("Een lid van het bestuur treedt af wanneer:", "hij de leeftijd van 70 jaar bereikt;",
        "hij failliet wordt verklaard;", "hij onder curatele wordt gesteld."),
]
FAVOURABLE = [
    lst("Het college kan de boete kwijtschelden indien:", "de boete langer dan een jaar openstaat;",
        "geen opzet in het spel was;", "de belanghebbende meewerkt aan een schuldregeling."),
    lst("Een ontheffing wordt verleend indien:", "de aanvrager in de gemeente woont;",
        "het evenement voor iedereen toegankelijk is;", "de organisator een veiligheidsplan overlegt."),
    lst("Op verzoek kan van verdere invordering worden afgezien als:", "de schuldenaar drie jaar heeft afgelost;",
        "de schuldenaar geen vermogen heeft;", "de schuld niet door fraude is ontstaan."),
    lst("De burgemeester stemt in met het verzoek mits:", "de buren zijn gehoord;",
        "het plan binnen het budget blijft;", "de werkzaamheden voor 1 juli klaar zijn."),
]


@pytest.mark.parametrize("text", ADVERSE)
def test_missing_connector_in_a_list_of_adverse_grounds_is_a_suggestion(text):
    flags = missing(text)
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", FAVOURABLE)
def test_missing_connector_in_requirements_for_a_favourable_decision_stays_zorg(text):
    assert any(f.severity is Severity.ZORG for f in missing(text))


# --- AMB-13 (2): a connector elsewhere at the same level shows the intended reading ------------------------------
SHOWN = [
    lst("Een ontheffing wordt verleend indien:", "de aanvrager in de gemeente woont, of",
        "het evenement voor iedereen toegankelijk is;", "de organisator een veiligheidsplan overlegt."),
    lst("Een ontheffing wordt verleend indien:", "de aanvrager in de gemeente woont; en",
        "het evenement voor iedereen toegankelijk is;", "de organisator een veiligheidsplan overlegt."),
    lst("De subsidie wordt verstrekt indien:", "het project in de regio plaatsvindt; of",
        "het project regionale partners betrekt;", "het project een innovatief karakter heeft;",
        "het project door de provincie wordt medegefinancierd."),
    lst("Het college kan de boete kwijtschelden indien:", "de boete langer dan een jaar openstaat; en",
        "geen opzet in het spel was;", "de belanghebbende meewerkt aan een schuldregeling."),
]


@pytest.mark.parametrize("text", SHOWN)
def test_connector_elsewhere_at_the_level_makes_a_missing_last_one_a_suggestion(text):
    flags = missing(text)
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)
    assert all("wijst de bedoelde lezing aan" in f.explanation for f in flags)


@pytest.mark.parametrize("text", FAVOURABLE)
def test_no_connector_anywhere_keeps_the_question_open(text):
    assert all("wijst de bedoelde lezing aan" not in f.explanation for f in missing(text))


# --- AMB-13 (3): items that exclude each other cannot be cumulative -----------------------------------------------
EXCLUSIVE = [
    lst("Artikel 2 is van overeenkomstige toepassing indien:", "de schuldenaar in staat van faillissement verkeert;",
        "de schuldenaar in surseance van betaling verkeert;", "de vordering is verjaard."),
    lst("Een lening kan worden verstrekt indien:", "de aanvraag een borgsom voor een huurwoning betreft;",
        "de aanvraag de aflossing van een schuld betreft;", "de aanvrager binnen een jaar inkomen verwacht."),
    lst("De regeling geldt indien:", "de vereniging in oprichting verkeert;", "de vereniging in liquidatie verkeert;",
        "het bestuur dit schriftelijk vraagt."),
    lst("Het college verleent een tegemoetkoming indien:", "het verzoek schade aan een woning betreft;",
        "het verzoek schade aan een bedrijfspand betreft;", "het verzoek binnen een jaar is ingediend."),
]
NOT_EXCLUSIVE = [
    # the same subject, but other predicates: conditions that can all hold
    lst("Een ontheffing wordt verleend indien:", "de aanvrager in de gemeente woont;",
        "de aanvrager een veiligheidsplan overlegt;", "de aanvrager de leges betaalt."),
    # the same final verb, but a copula: no state of one kind
    lst("Een subsidie wordt verleend indien:", "de aanvrager meerderjarig is;", "de aanvrager ingezetene is;",
        "het project haalbaar is."),
    # only one item with a verb of class
    lst("Een lening kan worden verstrekt indien:", "de aanvraag een borgsom voor een huurwoning betreft;",
        "de aanvrager binnen een jaar inkomen verwacht;", "de aanvrager geen andere schulden heeft."),
    # same verb and subject, but long items: separate requirements, not two states
    lst("Een vergunning wordt verleend indien:",
        "de aanvrager een plan voor de afvoer van afval en de schoonmaak van het terrein na afloop overlegt;",
        "de aanvrager een plan voor de beveiliging van het terrein en de bezoekers tijdens het evenement overlegt;",
        "de leges zijn betaald."),
]


@pytest.mark.parametrize("text", EXCLUSIVE)
def test_mutually_exclusive_items_make_a_missing_connector_a_suggestion(text):
    flags = missing(text)
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", NOT_EXCLUSIVE)
def test_items_that_can_all_hold_keep_a_missing_connector_zorg(text):
    assert any(f.severity is Severity.ZORG for f in missing(text))


# --- AMB-13 (4): an item ending in ':' opens a deeper level --------------------------------------------------------
def nested(*sub: str) -> str:
    """Onderdeel b with sub-items flattened into passages of one onderdeel (as the XML reader delivers them)."""
    rows = "\n".join(f"b. {t}" for t in sub)
    return ("Artikel 6 Uitzonderingen\n1. Onder inkomen wordt niet verstaan:\na. de vakantietoeslag; en\n"
            f"b. een uitkering ineens, mits:\n{rows}")


NESTED_OK = [
    nested("zij eenmalig is; en", "voor zover zij het bedrag van € 500 niet te boven gaat, en de uitkering:",
           "voor 1 januari is gedaan; of", "na 1 januari is gedaan en vooraf is gemeld."),
    nested("zij eenmalig is;", "zij niet periodiek wordt herhaald; en", "de uitkering:",
           "uit een fonds komt; of", "uit een legaat komt."),
    nested("zij in het eerste jaar is ontvangen; of", "zij in het tweede jaar is ontvangen en:",
           "niet meer dan € 100 bedraagt; en", "schriftelijk is gemeld."),
    nested("de ontvanger jonger dan 18 jaar is; en", "de gift is gedaan door:", "een ouder; of", "een grootouder."),
]
NESTED_MIXED = [
    nested("zij eenmalig is; en", "zij uit een fonds komt; of", "zij uit een legaat komt."),
    nested("zij in het eerste jaar is ontvangen; of", "zij niet meer dan € 100 bedraagt; en", "zij is gemeld."),
    lst("Een vergunning wordt verleend indien:", "de aanvraag volledig is; en", "de leges zijn betaald; of",
        "de burgemeester vrijstelling heeft verleend."),
    lst("Een subsidie wordt verleend indien:", "de aanvrager in de gemeente woont; of", "de aanvrager daar werkt; en",
        "het project een sociaal doel dient."),
]


@pytest.mark.parametrize("text", NESTED_OK)
def test_connectors_of_a_deeper_level_are_not_mixed_with_the_upper_one(text):
    assert not [f for f in connector_flags(text) if "afwisselend" in f.explanation]


@pytest.mark.parametrize("text", NESTED_MIXED)
def test_mixed_connectors_at_one_level_stay_zorg(text):
    assert any(f.severity is Severity.ZORG and "afwisselend" in f.explanation for f in connector_flags(text))


# --- AMB-13 (5): a lead-in that counts the items one way, connectors that say the other -----------------------------
CONTRADICTED = [
    lst("De aanvrager voldoet aan alle volgende eisen:", "hij is meerderjarig; of", "hij woont in de gemeente; of",
        "hij heeft een inkomen."),
    lst("De subsidie wordt verleend als aan elk van de volgende voorwaarden is voldaan:", "het plan is haalbaar; of",
        "de begroting sluit."),
    lst("De korting geldt bij één van de volgende situaties:", "de cliënt is ziek; en", "de cliënt is verhuisd."),
    lst("Een vrijstelling wordt verleend als de aanvrager aan één van de volgende eisen voldoet:", "hij is student; en",
        "hij is jonger dan 27 jaar."),
]
CONSISTENT = [
    lst("De aanvrager voldoet aan alle volgende eisen:", "hij is meerderjarig; en", "hij woont in de gemeente; en",
        "hij heeft een inkomen."),
    lst("De korting geldt bij één van de volgende situaties:", "de cliënt is ziek; of", "de cliënt is verhuisd."),
    lst("De korting geldt bij één van de volgende situaties:", "de cliënt is ziek; dan wel", "de cliënt is verhuisd."),
    lst("De subsidie wordt verleend als aan elk van de volgende voorwaarden is voldaan:", "het plan is haalbaar; en",
        "de begroting sluit."),
]


@pytest.mark.parametrize("text", CONTRADICTED)
def test_lead_in_that_contradicts_the_connectors_is_zorg(text):
    assert any(f.severity is Severity.ZORG and "aanhef" in f.explanation.lower() for f in connector_flags(text))


@pytest.mark.parametrize("text", CONSISTENT)
def test_lead_in_and_connectors_that_agree_raise_nothing(text):
    assert connector_flags(text) == []


# --- AMB-13 (6): a relative clause after a closed last item qualifies the whole list ------------------------------
def trailing(text: str) -> list[Flag]:
    return [f for f in run("AMB-13", text) if "Tekst na het laatste onderdeel" in f.explanation]


RELATIVE_TRAILING = [
    lst("De toeslag wordt verleend aan:", "alleenstaanden die de pensioenleeftijd hebben bereikt;",
        "gehuwden van wie één echtgenoot de pensioenleeftijd heeft bereikt;",
        trailing="hier te lande die niet over voldoende middelen beschikken."),
    lst("De regeling geldt voor:", "studenten aan een hogeschool;", "studenten aan een universiteit;",
        trailing="die in de gemeente wonen."),
    lst("Een vergoeding krijgen:", "vrijwilligers van de brandweer;", "vrijwilligers van de reddingsbrigade;",
        trailing="van wie de inzet meer dan tien uur per maand bedraagt."),
    lst("De pas wordt verstrekt aan:", "ouderen;", "mantelzorgers;", trailing="welke in Nederland zijn ingeschreven."),
]
PARTIAL_TRAILING = [
    lst("De vergoeding wordt verstrekt voor:", "reiskosten; en", "verblijfskosten;",
        trailing="tot ten hoogste € 300 per aanvraag."),
    lst("Het college kan de subsidie verlagen indien:", "de activiteit niet is uitgevoerd; of",
        "de ontvanger onjuiste gegevens heeft verstrekt;", trailing="voor zover de ontvanger dit had kunnen weten."),
    lst("De toeslag wordt verleend aan:", "alleenstaanden;", "gehuwden,", trailing="die in de gemeente wonen."),
    lst("Het college weigert de vergunning indien:", "de aanvraag onvolledig is; of", "de orde in gevaar komt;",
        trailing="tenzij de burgemeester anders beslist."),
]


@pytest.mark.parametrize("text", RELATIVE_TRAILING)
def test_relative_clause_after_a_closed_list_is_a_suggestion(text):
    flags = trailing(text)
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", PARTIAL_TRAILING)
def test_other_trailing_continuations_stay_zorg(text):
    assert any(f.severity is Severity.ZORG for f in trailing(text))


# --- AMB-14 (1): misreads are not produced ------------------------------------------------------------------------
NO_CONDITION = [
    # "als" naming a role or class
    lid("Kosten die door de zorgverzekeraar als niet noodzakelijk worden aangemerkt, worden niet vergoed."),
    lid("Uitgaven die in redelijkheid niet als noodzakelijk kunnen worden beschouwd, blijven buiten de subsidie."),
    lid("Huisgenoten blijven als partners aangemerkt nadat een van hen wegens ziekte elders moet verblijven, zolang "
        "geen van beiden een nieuwe partner heeft."),
    lid("Werken die als dringend worden aangemerkt, gaan voor."),
    # "zo spoedig mogelijk" is manner, not a condition
    lid("In geval van storing meldt de beheerder zo spoedig mogelijk aan de gebruikers dat het systeem uitvalt."),
    lid("Bij ontslag van een lid wordt zo snel mogelijk in de vacature voorzien."),
    # a count against a number the text fixes
    lid("Een kandidaat is gekozen voor zover aan zijn lijst voldoende zetels zijn toegewezen."),
    lid("Het voorstel is aangenomen indien het voldoende stemmen heeft gekregen."),
]
STILL_CONDITION = [
    lid("De kosten worden vergoed als dat noodzakelijk is."),
    lid("Een vergunning wordt verleend als het bouwwerk passend is in de omgeving."),
    lid("In geval van bijzondere omstandigheden wordt de vergadering verplaatst."),
    lid("Een kandidaat wordt benoemd voor zover voldoende middelen beschikbaar zijn."),
]


@pytest.mark.parametrize("text", NO_CONDITION)
def test_role_als_manner_and_counts_are_no_open_condition(text):
    assert cond(text) == []


@pytest.mark.parametrize("text", STILL_CONDITION)
def test_real_open_conditions_are_still_flagged_zorg(text):
    assert any(f.severity is Severity.ZORG for f in cond(text))


# --- AMB-14 (2): a knowable judge de-escalates ----------------------------------------------------------------------
KNOWABLE = [
    # a declaration by the person concerned
    lid("Het bestuur kan berichten per e-mail sturen voor zover de ontvanger kenbaar heeft gemaakt dat hij op die wijze "
        "voldoende bereikbaar is."),
    lid("De stukken worden digitaal verstrekt indien de aanvrager heeft verklaard dat een papieren versie niet nodig "
        "is."),
    # an impossibility with its cause named
    lid("De toelage loopt door indien bewoning van de woning door de ontvanger niet langer mogelijk is als gevolg van "
        "opname in een zorginstelling."),
    lid("Een stuk wordt nagezonden indien toezending van de volledige stukken van de vergadering ten gevolge van een "
        "storing niet mogelijk is."),
    # the data-protection necessity test, purpose named
    lid("Zorgaanbieders gebruiken het burgerservicenummer slechts voor zover dat noodzakelijk is voor het verlenen van "
        "zorg aan de cliënt."),
    lid("Persoonsgegevens worden bewaard voor zover die gegevens noodzakelijk zijn voor de afhandeling van bezwaar."),
    # a legal status bounded by a named purpose
    lid("De stichting blijft na haar opheffing voortbestaan voor zover dit tot afwikkeling van haar schulden nodig is."),
    # an open norm followed by the criteria it is weighed by
    lid("Een digitale handtekening volstaat, indien de gebruikte methode voldoende betrouwbaar is, gelet op de aard "
        "van het stuk."),
    # an elliptic condition on the act of the named actor, and the analogy technique
    lid("Voor zover het beroep gegrond is, vernietigt de commissie het besluit en neemt zij voor zover nodig een nieuw "
        "besluit."),
    lid("De artikelen 3 tot en met 5 zijn voor zover nodig van overeenkomstige toepassing."),
    lid("Voor zover noodzakelijk kan het CIZ gebruikmaken van de gegevens die de gemeente heeft verstrekt bij de "
        "aanvraag om een voorziening of om een verlenging van een eerder toegekende voorziening."),
    # an organ as subject after a fronted clause
    lid("Voor zover de herbeoordeling daartoe aanleiding geeft, trekt het bestuursorgaan het besluit in en neemt het "
        "voor zover nodig een nieuw besluit."),
]
OPEN = [
    lid("De stukken worden, behoudens bijzondere omstandigheden, tenminste 14 dagen voor de vergadering verzonden."),
    lid("Berichten worden per e-mail verzonden voor zover de ontvanger voldoende bereikbaar is."),
    lid("Inzage in bescheiden wordt verleend, voor zover dat voor de vervulling van de taak nodig is."),
    lid("Een digitale handtekening volstaat, indien de gebruikte methode voldoende betrouwbaar is."),
    lid("De stukken worden voor zover nodig aangevuld met een toelichting die de gevolgen voor de begroting "
        "beschrijft en aangeeft welke risico's er zijn."),
]


@pytest.mark.parametrize("text", KNOWABLE)
def test_conditions_with_a_knowable_judge_are_a_suggestion(text):
    flags = cond(text)
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags), [(f.quote, f.severity) for f in flags]


@pytest.mark.parametrize("text", OPEN)
def test_conditions_nobody_judges_stay_zorg(text):
    assert any(f.severity is Severity.ZORG for f in cond(text))


# --- AMB-14 (3): an exception to another lid, or urgency, judged by the organ the artikel names --------------------
def art(*leden: str) -> str:
    # A last lid naming two more organs: the document has several, so no "only organ" rule decides.
    leden = (*leden, "Het college en de raad worden over de toepassing van dit artikel ingelicht.")
    return "Artikel 8 Sluiting\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(leden, 1))


EARLIER_ORGAN = [
    art("De burgemeester kan een pand sluiten bij overlast.", "Bij de sluiting krijgt de eigenaar een termijn om de "
        "overlast te beëindigen. De eerste volzin is niet van toepassing, indien een termijn in spoedeisende gevallen "
        "niet wenselijk is."),
    art("Het college kondigt een sluiting drie dagen vooraf aan.", "Het eerste lid geldt niet, indien aankondiging "
        "vooraf wegens de vereiste spoed niet goed mogelijk is."),
    art("De kiescommissie publiceert jaarlijks de beveiligingsmaatregelen.", "Van het eerste lid kan worden afgeweken, voor "
        "zover zwaarwegende redenen zich tegen publicatie verzetten."),
    art("Het dagelijks bestuur kan een lid schorsen bij wangedrag.", "Indien de situatie zo spoedeisend is dat overleg "
        "niet kan worden afgewacht, wordt de schorsing terstond van kracht."),
    art("De kiescommissie kan het gebruik van het systeem onderbreken bij een storing.", "Onderbreking op grond van "
        "het eerste lid is slechts toegestaan indien een waarschuwing niet voldoende blijkt te zijn."),
]
NO_EARLIER_ORGAN = [
    art("Een pand kan worden gesloten bij overlast.", "Bij de sluiting wordt een termijn gegeven. De eerste volzin is "
        "niet van toepassing, indien een termijn in spoedeisende gevallen niet wenselijk is."),
    art("Jaarlijks worden de beveiligingsmaatregelen gepubliceerd.", "Van het eerste lid kan worden afgeweken, voor "
        "zover zwaarwegende redenen zich tegen publicatie verzetten."),
    art("Een lid kan worden geschorst bij wangedrag.", "Indien de situatie zo spoedeisend is dat overleg niet kan "
        "worden afgewacht, wordt de schorsing terstond van kracht."),
    # an organ in an earlier lid, and a reference to its object only: the exception has no holder
    art("Het dagelijks bestuur stelt de jaarstukken op.", "De stukken, bedoeld in het eerste lid, worden, behoudens "
        "bijzondere omstandigheden, zes weken voor de vergadering aan de raden gezonden."),
    # an organ in an earlier lid, but the condition is neither urgency nor an exception to that lid
    art("Het algemeen bestuur vergadert ten minste tweemaal per jaar op uitnodiging van de voorzitter.", "De stukken worden, behoudens bijzondere "
        "omstandigheden, tenminste 14 dagen voor de vergadering verzonden."),
]


@pytest.mark.parametrize("text", EARLIER_ORGAN)
def test_exception_or_urgency_judged_by_the_organ_of_the_artikel_is_a_suggestion(text):
    flags = cond(text)
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags), [(f.quote, f.severity) for f in flags]


@pytest.mark.parametrize("text", NO_EARLIER_ORGAN)
def test_exception_or_urgency_without_an_organ_stays_zorg(text):
    assert any(f.severity is Severity.ZORG for f in cond(text))


# --- AMB-12: comparative "zoals" and a degree adverb on a final verb are no open list -----------------------------
TASKS = "Artikel 3 Taken en bevoegdheden\n1. {x}"
NOT_A_LIST = [
    "Het lichaam heeft de bevoegdheid de naam boven de lijst te plaatsen, zoals deze door het stembureau is "
    "geregistreerd.",
    "Het bestuur behartigt de taken, zoals die in de begroting staan vermeld, voor alle deelnemers.",
    "De bevoegdheid tot heffing wordt uitgeoefend zoals het algemeen bestuur heeft besloten.",
    "Als belang gelden de belangen die de deelnemers krachtens hun statuten in het bijzonder behartigen.",
    "De taken omvatten de zorg voor de belangen die de gemeenten met name behartigen.",
    # the transitional formula "zoals dat luidde" (as it read)
    "Voor de overgedragen bevoegdheden blijft artikel 10, zoals dat luidde voor de wijziging, van toepassing.",
    "Besluiten over taken op grond van artikel 7, zoals dat gold op 1 januari, blijven van kracht.",
]
A_LIST = [
    "Het lichaam heeft bevoegdheden zoals het heffen van rechten.",
    "Het lichaam behartigt taken zoals de inzameling van afval en het beheer van parken.",
    "De taken van het lichaam betreffen in het bijzonder de jeugdzorg en de schuldhulp.",
    "Het lichaam heeft taken, zoals deze taken: de inzameling van afval, het beheer van parken.",
]


@pytest.mark.parametrize("text", NOT_A_LIST)
def test_comparative_zoals_and_degree_adverbs_are_no_open_list(text):
    assert [f for f in run("AMB-12", TASKS.format(x=text)) if f.severity in SERIOUS] == []


@pytest.mark.parametrize("text", A_LIST)
def test_zoals_and_in_het_bijzonder_before_examples_stay_zorg(text):
    assert any(f.severity is Severity.ZORG for f in run("AMB-12", TASKS.format(x=text)))
