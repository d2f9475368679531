"""Round 8 precision fixes for AMB-08/09/10/11/12/13, on hand-written Dutch sketches (positive and negative)."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import run

SERIOUS = (Severity.ZORG, Severity.KRITIEK)

REG = """Artikel 1 Begripsbepalingen
In deze regeling wordt verstaan onder:
a. Bvz 2010: Besluit voorzieningen zelfstandigen 2010;
b. college: het college van burgemeester en wethouders;
Artikel 2 Bestuur
1. Het algemeen bestuur bestaat uit zeven leden.
2. De leden worden door de raden aangewezen.
3. {x}
"""


def reg(x: str) -> str:
    return REG.format(x=x)


def serious(code: str, text: str) -> list[str]:
    return [f.quote.lower() for f in run(code, text) if f.severity in SERIOUS]


def dangling(text: str) -> list[str]:
    return [f.quote.lower() for f in run("AMB-11", text) if "loopt dood" in f.explanation]


# --- AMB-11: a reference whose law is named in a way the old rules missed is external, never dangling ---------
EXTERNAL = [
    "De lening wordt verstrekt op grond van artikel 14, tweede lid, onder c, Bvz 2010.",  # defined abbreviation
    "Indien artikel 41, vierde lid Bzw 2012 zich voordoet, wordt teruggevorderd.",  # abbreviation with a year
    "De norm geldt met de verhoging op grond van artikel 25 of artikel 26 Participatiewet.",  # coordinated
    "Van toepassing zijn de artikelen 172 tot en met 177 van de Gemeentewet, met uitzondering van artikel 176, "
    "derde lid.",  # carved out of an external range
    "Bij de heffing blijven van de Invorderingswet 1990 buiten toepassing de artikelen 5, 7c, 20 en 21.",
    "Bij de heffing blijven van de Algemene wet buiten toepassing de artikelen 2, vierde lid, 3 en 3a.",
]
INTERNAL_DANGLING = [
    ("Artikel 14, tweede lid, onder c, is van toepassing.", "artikel 14, tweede lid, onder c"),
    ("Indien artikel 41, vierde lid zich voordoet, wordt teruggevorderd.", "artikel 41, vierde lid"),
    ("De verhoging geldt op grond van artikel 25 of artikel 26 van deze regeling.", "artikel 25"),
    ("Van de Gemeentewet is artikel 9 niet relevant; wel geldt artikel 176, derde lid.", "artikel 176, derde lid"),
    ("Het college stelt de artikelen 8 en 9 buiten toepassing.", "artikelen 8 en 9"),
]


@pytest.mark.parametrize("text", EXTERNAL)
def test_external_reference_forms_are_not_dangling(text):
    assert dangling(reg(text)) == []


@pytest.mark.parametrize("text,quote", INTERNAL_DANGLING)
def test_internal_references_still_dangle(text, quote):
    assert any(q.startswith(quote) for q in dangling(reg(text)))


def test_markdown_emphasis_inside_labels_is_ignored():
    doc = ("Artikel 1 Taken\nHet bestuur regelt de taken.\nArtikel 2a Oplegging\nDe raad legt op.\n"
           "Artikel 2b Toetreding\nDe raad beslist.\nArtikel 3 Reikwijdte\n"
           "Voor de toepassing van de artikelen 2*a* en *2b* wordt toetreding meegerekend.")
    assert dangling(doc) == []
    missing = doc.replace("*2b*", "*2c*")
    (q,) = dangling(missing)
    assert q.startswith("artikelen 2*a* en *2c")


RANGES = [
    "Artikel 2, tweede tot en met het vijfde lid, is van overeenkomstige toepassing.",
    "Artikel 2, eerste en het vierde lid, zijn van toepassing.",
    "De artikelen 2, eerste tot en met het zesde lid, gelden.",
    "Artikel 2, tweede of het vijfde lid, is van toepassing.",
]


@pytest.mark.parametrize("text", RANGES)
def test_end_of_another_artikels_lid_range_is_not_a_local_reference(text):
    assert not any("heeft geen" in f.explanation and "(artikel 2)" in f.explanation and f.lid == "3"
                   and f.quote.lower().startswith("het ") for f in run("AMB-11", reg(text)))


LOCAL_DANGLING = [
    "Het vijfde lid is van toepassing.",
    "In afwijking van het zesde lid beslist de raad.",
    "Het bepaalde in het achtste lid geldt.",
    "Het derde lid verwijst naar zichzelf.",
]


@pytest.mark.parametrize("text", LOCAL_DANGLING)
def test_local_dangling_lid_still_flagged(text):
    assert [f for f in run("AMB-11", reg(text)) if f.lid == "3" and f.severity in SERIOUS]


ANAPHORA = [
    "De bovengenoemde leden kiezen een voorzitter.",
    "Examens worden afgelegd op basis van de reglementen zoals die luidden op de hiervoor bedoelde dag.",
    "Voornoemde aanwijzing geldt voor vier jaar.",
    "Het vorenstaande geldt ook voor plaatsvervangers.",
]
UNSPECIFIED_RULES = [
    "Het bestuur handelt volgens de toepasselijke regels.",
    "Het bestuur neemt de toepasselijke regelgeving in acht.",
    "De leden volgen de daarvoor geldende regels.",
    "Het college past de geldende regelgeving toe.",
]


@pytest.mark.parametrize("text", ANAPHORA)
def test_anaphoric_vague_reference_is_a_suggestion(text):
    flags = [f for f in run("AMB-11", reg(text)) if f.lid == "3"]
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", UNSPECIFIED_RULES)
def test_unspecified_rules_stay_zorg(text):
    assert any(f.severity is Severity.ZORG for f in run("AMB-11", reg(text)) if f.lid == "3")


def test_previous_leden_after_the_first_lid_is_no_defect():
    assert run("AMB-11", reg("Het bepaalde in de vorige leden geldt ook voor plaatsvervangers.")) == []
    first = "Artikel 4 Kosten\n1. Het bepaalde in de vorige leden geldt ook.\n2. Iets anders."
    assert "Het bepaalde in de vorige leden" in [f.quote for f in run("AMB-11", first)]


EXCERPT = "Artikel 7 Gedragingen\nDe belanghebbende meldt zich.\nArtikel 9 Verlaging\n{x}"
FULL = "Artikel 1 Begrippen\nDit is een begrip.\nArtikel 2 Gedragingen\nDe belanghebbende meldt zich.\n" \
       "Artikel 3 Verlaging\nDe raad beslist.\nArtikel 4 Hoogte\n{x}"
EXCERPT_REFS = [
    "De verlaging bij gedragingen als bedoeld in de artikelen 7 en 8 bedraagt de helft.",
    "Artikel 8 is van toepassing.",
    "Het college past artikel 5 toe.",
    "Artikel 6, tweede lid, geldt.",
]


@pytest.mark.parametrize("text", EXCERPT_REFS)
def test_dangling_target_in_an_excerpt_is_a_suggestion(text):
    flags = [f for f in run("AMB-11", EXCERPT.format(x=text)) if "loopt dood" in f.explanation]
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)
    full = [f for f in run("AMB-11", FULL.format(x=text.replace("7 en 8", "2 en 8"))) if "loopt dood" in f.explanation]
    assert full and all(f.severity in SERIOUS for f in full)


UNLETTERED = ("Artikel 4 Ontslag\n1. De raad benoemt.\n2. Een lid wordt ontslagen: \nop eigen verzoek; \nbij "
              "veroordeling; \nbij curatele.\nArtikel 5 Schorsing\n{x}")
LETTERED = ("Artikel 4 Ontslag\n1. De raad benoemt.\n2. Een lid wordt ontslagen:\na. op eigen verzoek;\n"
            "b. bij veroordeling.\nArtikel 5 Schorsing\n{x}")
ONDERDEEL_REFS = [
    "Het lid wordt geschorst op gronden vermeld in artikel 4, tweede lid, onder c.",
    "Artikel 4, tweede lid, onder d, is van toepassing.",
    "Behalve in het geval van artikel 4, tweede lid, onderdeel e, geldt dit.",
    "Artikel 4, tweede lid, onder f, geldt niet.",
]


@pytest.mark.parametrize("text", ONDERDEEL_REFS)
def test_onderdeel_of_a_lid_with_unlettered_items_is_a_suggestion(text):
    flags = [f for f in run("AMB-11", UNLETTERED.format(x=text)) if "loopt dood" in f.explanation]
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)
    lettered = [f for f in run("AMB-11", LETTERED.format(x=text)) if "loopt dood" in f.explanation]
    assert lettered and all(f.severity in SERIOUS for f in lettered)


# --- AMB-12: 'waaronder' ---------------------------------------------------------------------------------------
TASKS = "Artikel 3 Taken\n1. {x}"
WAARONDER_BOUNDED = [
    "Het openbaar lichaam behartigt de belangen van inwoners onder de pensioengerechtigde leeftijd, waaronder "
    "jongeren en statushouders.",
    "Het bestuur kan werkzaamheden voor de deelnemers uitvoeren, waaronder het ondersteunen bij de taak, bedoeld "
    "in artikel 2.",
    "Tot de taken behoren de zorg voor de openbare ruimte, waaronder de parken.",
    "Het lichaam is belast met de inzameling van afval, waaronder grofvuil.",
]
WAARONDER_DEFINITION = [
    "Onder natuurterreinen vallen terreinen, waaronder mede worden verstaan duinen, heidevelden en plassen.",
    "Het lichaam beheert de wegen, waaronder worden verstaan fietspaden en voetpaden.",
    "De taak betreft gebouwen, waaronder mede wordt verstaan een woonwagen.",
    "Het belang omvat water, waaronder ook wordt verstaan grondwater.",
]
STILL_OPEN = [
    "Het openbaar lichaam behartigt onder meer de belangen van de deelnemers op het gebied van afval.",
    "Tot de taken behoren onder andere de inzameling en de verwerking van afval.",
    "Het lichaam heeft bevoegdheden zoals het heffen van rechten.",
    "De taken omvatten bijvoorbeeld het beheer van de parken.",
]


@pytest.mark.parametrize("text", WAARONDER_BOUNDED)
def test_waaronder_examples_within_a_fixed_scope_are_a_suggestion(text):
    flags = run("AMB-12", TASKS.format(x=text))
    assert [f.severity for f in flags if f.quote.lower() == "waaronder"] == [Severity.SUGGESTIE]


@pytest.mark.parametrize("text", WAARONDER_DEFINITION)
def test_waaronder_extending_a_definition_is_not_flagged(text):
    assert [f for f in run("AMB-12", TASKS.format(x=text)) if f.quote.lower() == "waaronder"] == []


@pytest.mark.parametrize("text", STILL_OPEN)
def test_open_task_lists_stay_zorg(text):
    assert any(f.severity is Severity.ZORG for f in run("AMB-12", TASKS.format(x=text)))


# --- AMB-13: missing connector, ZORG only for three or more genuine requirements --------------------------------
def lst(leadin: str, *items: str) -> str:
    body = "\n".join(f"{chr(97 + i)}. {it}" for i, it in enumerate(items))
    return f"Artikel 4 Kwijtschelding\n1. {leadin}\n{body}"


REQUIREMENTS = [
    lst("Het college kan de boete kwijtschelden indien:", "de boete langer dan een jaar openstaat;",
        "geen opzet in het spel was;", "de belanghebbende meewerkt aan een schuldregeling."),
    lst("Een subsidie wordt verleend indien:", "de aanvrager in de gemeente woont;",
        "het project binnen een jaar start;", "een begroting is overgelegd;", "de aanvrager meerderjarig is."),
    lst("Het college stemt in met een schuldregeling mits:", "alle schuldeisers meedoen;",
        "het inkomen is vastgesteld;", "een bewindvoerder is benoemd."),
    lst("Een vergunning wordt verleend indien:", "het bouwplan past in het bestemmingsplan;",
        "de welstandscommissie positief adviseert;", "de leges zijn betaald."),
]
NOT_REQUIREMENTS = [
    # two conditions after 'indien': cumulative reading natural
    lst("De loonkostensubsidie wordt verleend indien:", "de persoon een dienstbetrekking heeft;",
        "de loonwaarde is vastgesteld."),
    # 'als' after a participle names a role
    lst("De colleges kunnen bepalen dat ambtenaren worden aangewezen als:", "de ambtenaar voor de heffing;",
        "de ambtenaar voor de invordering;", "de ambtenaar voor de heffing of de invordering."),
    # variants of one situation (another period)
    lst("Het college kan van terugvordering afzien indien:",
        "de belanghebbende gedurende 10 jaar geen betalingen heeft verricht en het niet aannemelijk is dat hij nog "
        "betaalt;", "de belanghebbende gedurende 5 jaar geen betalingen heeft verricht en het niet aannemelijk is "
        "dat hij nog betaalt;", "het bedrag lager is dan 200 euro."),
    # a presumption: each situation raises it
    lst("Noodzakelijke kosten worden aanwezig geacht indien belanghebbende:", "in detentie heeft verbleven;",
        "sterk in gewicht is veranderd;", "op speciale kleding is aangewezen."),
    # each item carries its own consequence
    lst("Het college wijst de parkeerder aan indien bij het verzoek om vermindering:",
        "blijkt dat een ander had moeten staan ingeschreven, in welk geval die ander parkeerder is;",
        "een huurovereenkomst wordt overgelegd, in welk geval de huurder parkeerder is;",
        "een verklaring wordt overgelegd, in welk geval de verklaarde parkeerder is."),
]


@pytest.mark.parametrize("text", REQUIREMENTS)
def test_three_or_more_requirements_without_connector_are_zorg(text):
    assert any(f.severity is Severity.ZORG and "laatste onderdeel" in f.explanation for f in run("AMB-13", text))


@pytest.mark.parametrize("text", NOT_REQUIREMENTS)
def test_non_requirement_lists_without_connector_are_a_suggestion(text):
    flags = [f for f in run("AMB-13", text) if "laatste onderdeel" in f.explanation]
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


# --- AMB-08: the regeling transferring a listed set, and a subject settling its own obligation -------------------
DELEGATION_OK = [
    "Aan het archiefcentrum zijn de navolgende taken en bevoegdheden van de gemeente overgedragen:",
    "Aan het openbaar lichaam worden de volgende bevoegdheden overgedragen:",
    "De deelnemers voldoen de bijdrage in door hen nader te bepalen termijnen.",
    "De gemeenten betalen het voorschot op door henzelf nader te bepalen tijdstippen.",
]
DELEGATION_OPEN = [
    "Het algemeen bestuur kan bevoegdheden overdragen.",
    "De bijdrage wordt voldaan in nader te bepalen termijnen.",
    "De gemeenten betalen het voorschot op door het bestuur nader te bepalen tijdstippen.",
    "Het dagelijks bestuur kan bevoegdheden overdragen aan de secretaris.",
]


@pytest.mark.parametrize("text", DELEGATION_OK)
def test_listed_transfer_and_self_set_terms_are_not_open_delegation(text):
    assert serious("AMB-08", f"Artikel 6 Bevoegdheden\n1. {text}\na. het beheer van de archieven;\n"
                             "b. het toezicht.") == []


@pytest.mark.parametrize("text", DELEGATION_OPEN)
def test_open_delegation_still_flagged(text):
    assert run("AMB-08", f"Artikel 6 Bevoegdheden\n1. {text}")


# --- AMB-09: a term fixed by a reference, or adopted by an organ in a subordinate clause --------------------------
TERMS = ["calamiteitenplan", "uitvoeringsagenda", "dekkingsplan", "oefenprogramma"]
USE = "Het algemeen bestuur is bevoegd maatregelen te nemen ter uitvoering van het {t}{r}."
USE2 = "De voorzitter is belast met de coördinatie volgens het {t}{r}."
ADOPTED = "Bij algemene maatregel worden rampen aangewezen waarvoor het bestuur van de veiligheidsregio een {t} vaststelt."


def two_lids(a: str, b: str) -> str:
    return f"Artikel 3 Bevoegdheden\n1. {a}\n2. {b}"


@pytest.mark.parametrize("t", TERMS)
def test_undefined_term_in_competence_clauses_stays_zorg(t):
    assert serious("AMB-09", two_lids(USE.format(t=t, r=""), USE2.format(t=t, r=""))) == [t]


@pytest.mark.parametrize("t", TERMS)
def test_term_fixed_by_a_reference_at_every_use_is_not_flagged(t):
    text = two_lids(USE.format(t=t, r=", bedoeld in artikel 4a van de Brandweerwet 1985"),
                    USE2.format(t=t, r=" als bedoeld in artikel 5 van de Wet rampen"))
    assert run("AMB-09", text) == []


@pytest.mark.parametrize("t", TERMS)
def test_term_adopted_in_a_subordinate_clause_is_a_suggestion(t):
    flags = run("AMB-09", two_lids(USE.format(t=t, r=""), ADOPTED.format(t=t)))
    assert [f.severity for f in flags] == [Severity.SUGGESTIE]


# --- AMB-10: the citeertitel of another act is no variant -------------------------------------------------------
def inst(sentence: str) -> str:
    return ("Artikel 1 Verordening\n1. Het college voert de verordening uit.\n2. De verordening geldt voor alle "
            f"inwoners.\n3. De raad kan de verordening wijzigen.\nArtikel 2 Bevoegdheden\n1. {sentence}")


TITLES = [
    "De Verordening individuele inkomenstoeslag 2024 Participatiewet wordt ingetrokken.",
    "Het college past de Verordening maatregelen 2015 toe.",
    "De raad trekt de Verordening bijzondere bijstand 2019 in.",
    "Het college kan de Verordening re-integratie Participatiewet 2022 wijzigen.",
]


@pytest.mark.parametrize("text", TITLES)
def test_citeertitel_of_another_act_is_no_terminology_variant(text):
    assert [f for f in run("AMB-10", inst(text)) if f.quote.startswith("Verordening")] == []
