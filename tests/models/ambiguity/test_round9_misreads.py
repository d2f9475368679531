"""Round 9: misreads of AMB-11, AMB-13 and AMB-03 found in the round-8 final sets, on hand-written Dutch sketches.

Each fix has positive cases (the construction is recognised: no serious flag) and negative ones (the defect the
detector exists for is still reported).
"""

from __future__ import annotations

import pytest

from extract.document import Document, Passage, renumber
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import REGISTRY, load_detectors
from models.ambiguity.resources import build_resources
from tests.models.ambiguity.helpers import run

SERIOUS = (Severity.ZORG, Severity.KRITIEK)

REG11 = """Artikel 1 Begripsbepalingen
In deze regeling wordt verstaan onder:
a. college: het college van burgemeester en wethouders;
Artikel 2 Taken
1. Het college verleent de vergunning.
2. De vergunning wordt geweigerd indien de aanvraag onvolledig is.
Artikel 3 Uitvoering
1. {x}
"""


def serious(code: str, text: str) -> list[str]:
    return [f.quote.lower() for f in run(code, text) if f.severity in SERIOUS]


def dangling(text: str) -> list[str]:
    return [f.quote.lower() for f in run("AMB-11", text) if "loopt dood" in f.explanation and f.severity in SERIOUS]


# --- AMB-11 (1): a list of references whose law follows as a demonstrative or is an EU act -------------------------
EXTERNAL_LISTS = [
    "Ontheffingen als bedoeld in artikel 12, tweede lid, van het Besluit kinderopvang 2010 of in de artikelen 14a, "
    "vierde lid, en 14b, tweede lid, van dat besluit worden door het college verleend.",
    "Het college past de artikelen 31, derde lid, en 33, eerste lid, van die wet toe, als bedoeld in de Wet "
    "inburgering 2021.",
    "De taken van het bevoegde orgaan als bedoeld in artikel 7, onderdeel f, onder ii, van verordening (EG) "
    "nr. 987/2009 worden door het college uitgeoefend.",
    "Het college is bevoegd gezag als bedoeld in de artikelen 6 en 8, tweede lid, van richtlijn 2005/36/EG.",
    "Het college verstrekt de gegevens, bedoeld in artikel 4, eerste lid, van verordening (EU) 2016/679.",
]
INTERNAL_LISTS = [
    ("Het college past de artikelen 14a, vierde lid, en 14b, tweede lid, van deze regeling toe.", "artikelen 14a"),
    ("Het college past de artikelen 14a, vierde lid, en 2, tweede lid, toe.", "artikelen 14a"),
    ("Het college past artikel 9, tweede lid, toe; de wet van 2010 blijft buiten toepassing.", "artikel 9"),
    ("De verordening van die wet is niet van belang; artikel 17 is van toepassing.", "artikel 17"),
]


@pytest.mark.parametrize("text", EXTERNAL_LISTS)
def test_demonstrative_and_eu_references_are_external(text):
    flags = run("AMB-11", REG11.format(x=text))
    assert not [f for f in flags if "loopt dood" in f.explanation]
    assert not [f for f in flags if f.severity >= Severity.INFO and "geen bekende wet" in f.explanation]


@pytest.mark.parametrize("text,quote", INTERNAL_LISTS)
def test_internal_lists_still_dangle(text, quote):
    assert any(q.startswith(quote) for q in dangling(REG11.format(x=text)))


# --- AMB-11 (2): a lid carved out of an artikel just named is that artikel's ---------------------------------------
CARVED = [
    "Voor de toepassing van deze regeling gelden de artikelen 2, met uitzondering van het tweede lid, en 1.",
    "In de artikelen 1, 2, met uitzondering van het tweede lid, onderdeel a, wordt gelezen: de burgemeester.",
    "Artikel 2, behalve het tweede lid, is van overeenkomstige toepassing.",
    "De artikelen 1 en 2, uitgezonderd het tweede lid, gelden eveneens.",
]
LOCAL_DANGLING = [
    "Het college past het derde lid toe.",  # artikel 3 has one lid
    "De artikelen 1 en 2 gelden, evenals het vierde lid.",
    "Artikel 2 is van toepassing met uitzondering van de termijn; het vijfde lid geldt ook.",
    "Met uitzondering van het zesde lid geldt artikel 2.",  # no artikel precedes the exception
]


@pytest.mark.parametrize("text", CARVED)
def test_carved_out_lid_belongs_to_the_named_artikel(text):
    assert dangling(REG11.format(x=text)) == []


@pytest.mark.parametrize("text", LOCAL_DANGLING)
def test_local_lid_without_target_still_dangles(text):
    assert dangling(REG11.format(x=text))


# --- AMB-11 (3): "het eerste lid" inside onderdeel b of lid 1, with a sibling onderdeel: suggestion at most -------
def _self_ref(b: str, with_sibling: bool = True) -> str:
    sibling = "a. de Wet maatschappelijke ondersteuning 2015 en de Jeugdwet;\n" if with_sibling else ""
    return ("Artikel 4 Overgangsrecht\n1. Van toepassing blijven:\n" + sibling + f"b. {b}\n"
            "2. Het college beslist binnen acht weken.")


SIBLING_SELF = [
    "de besluiten genomen op grond van de in het eerste lid bedoelde wetten.",
    "de aanvragen die vóór 2020 zijn ingediend op grond van de in het eerste lid genoemde wetten.",
    "bezwaren tegen een besluit op grond van een van de wetten, genoemd in het eerste lid.",
    "de regels die krachtens het eerste lid golden.",
]


@pytest.mark.parametrize("b", SIBLING_SELF)
def test_self_reference_to_a_sibling_onderdeel_is_a_suggestion(b):
    flags = [f for f in run("AMB-11", _self_ref(b)) if "het eerste lid" in f.quote.lower()]
    assert flags and all(f.severity == Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("b", SIBLING_SELF)
def test_self_reference_without_sibling_stays_serious(b):
    # Without another onderdeel to point at, lid 1 referring to itself is still a dead reference.
    text = f"Artikel 4 Overgangsrecht\n1. Het college neemt {b}\n2. Het college beslist binnen acht weken."
    assert "het eerste lid" in dangling(text)


# --- AMB-13 helpers: documents with explicit passage paths (nested lists keep their onderdeel letter) ------------
def doc_of(rows: list[tuple[str, str | None, str | None, str]]) -> Document:
    passages = []
    for artikel, lid_, ond, text in rows:
        path = [("artikel", artikel)] + ([("lid", lid_)] if lid_ else []) + ([("onderdeel", ond)] if ond else [])
        passages.append(Passage("", 0, text, 1, 1, tuple(path), f"Artikel {artikel}", "text", "dispositief"))
    return Document("r" * 64, "Testregeling", "regeling", renumber("r" * 64, passages))


def run_doc(code: str, rows: list[tuple[str, str | None, str | None, str]]) -> list[Flag]:
    load_detectors()
    res = build_resources(doc_of(rows))
    flags = list(REGISTRY[code].func(res))
    for f in flags:
        assert res.by_id[f.passage_id].text[f.start:f.end] == f.quote
    return flags


def serious13(rows) -> list[Flag]:
    return [f for f in run_doc("AMB-13", rows) if f.severity in SERIOUS]


# --- AMB-13 (1): rows of a table of values are alternative categories --------------------------------------------
TABLES = [
    ["Het tarief bedraagt per kalendermaand, indien het betreft:", "een alleenstaande zonder inwonende kinderen: "
     "€ 512,40;", "een alleenstaande ouder met één kind: € 733,10;", "echtelieden die beiden ouder zijn dan 65 "
     "jaar: € 1.015,00."],
    ["De korting bedraagt, indien het inkomen van de aanvrager voldoet aan:", "ten hoogste het minimumloon: 40%;",
     "ten hoogste 120 procent van het minimumloon: 25%;", "ten hoogste 150 procent van het minimumloon: 10%."],
    ["De vergoeding voor een vervoerspas bedraagt, indien de aanvrager voldoet aan de leeftijd van:",
     "jonger dan 18 jaar: € 40;", "18 tot 67 jaar en woonachtig in de gemeente: € 60;",
     "67 jaar en ouder, mits woonachtig in de gemeente: € 30."],
    ["De termijn bedraagt, indien het gaat om een aanvrager die voldoet aan:", "een eerste aanvraag: 8 weken;",
     "een verlenging voor een bestaande voorziening: 4 weken;", "een spoedaanvraag wegens acute nood: 5 dagen."],
]
REQUIREMENTS = [
    ["De subsidie wordt verstrekt indien:", "de activiteit in de gemeente plaatsvindt;", "de aanvrager een "
     "rechtspersoon is;", "de kosten ten minste € 500 bedragen."],
    ["Een vergunning wordt verleend indien:", "de aanvrager meerderjarig is;", "het bedrag van de leges is "
     "betaald: € 25;", "het advies van de brandweer positief is."],
    ["De toeslag wordt toegekend indien:", "de aanvrager in de gemeente woont;", "zijn inkomen lager is dan de "
     "norm;", "hij geen vermogen heeft."],
    ["Het college kent de bijdrage toe indien:", "de aanvrager een vereniging is;", "de vereniging ten minste "
     "twintig leden heeft;", "de contributie ten hoogste € 100 per jaar bedraagt."],
]


def _rows(items: list[str]) -> list[tuple[str, str | None, str | None, str]]:
    return [("7", "1", None, items[0])] + [("7", "1", chr(ord("a") + i), t) for i, t in enumerate(items[1:])]


@pytest.mark.parametrize("items", TABLES)
def test_table_rows_need_no_connector(items):
    assert serious13(_rows(items)) == []


@pytest.mark.parametrize("items", REQUIREMENTS)
def test_requirement_list_without_connector_is_still_serious(items):
    assert serious13(_rows(items))


# --- AMB-13 (2): text after the last item that completes the lead-in or covers the whole --------------------------
WHOLE_TRAILING = [
    ["Aan een inwoner:", "die vóór 1 januari een aanvraag heeft ingediend; en",
     "van wie het college heeft vastgesteld dat hij recht heeft op een voorziening,",
     "wordt de voorziening toegekend met ingang van de dag van de aanvraag."],
    ["Voor een vereniging die:", "in de gemeente is gevestigd; en", "ten minste vijftig leden telt;",
     "geldt een verlaagd tarief voor het gebruik van de sporthal."],
    ["Op de aanvrager die op de dag van inwerkingtreding een uitkering ontvangt:", "blijft de oude norm van "
     "toepassing; en", "is artikel 5 niet van toepassing;", "gedurende een jaar voor zover toepassing van dit "
     "artikel tot een hogere uitkering leidt."],
    ["De burgemeester kan een vergunning verlenen aan een organisator die:", "een veiligheidsplan heeft; en",
     "verzekerd is tegen aansprakelijkheid;", "met dien verstande dat in alle gevallen het advies van de politie "
     "wordt gevraagd."],
    # the last item breaks off mid-sentence: the text after it is that item's own continuation (a layout split)
    ["De vergunning wordt geweigerd indien:", "de aanvrager geen woonadres heeft;", "de aanvrager niet voldoet "
     "aan de regels inhoudende", "eisen die het college stelt in het belang van de veiligheid."],
]
PARTIAL_TRAILING = [
    ["Het college verleent ontheffing indien:", "de aanvrager in de gemeente woont; en", "het belang van de "
     "aanvrager dit rechtvaardigt;", "met dien verstande dat de ontheffing ten hoogste een jaar geldt."],
    ["De vergoeding wordt verstrekt voor:", "reiskosten; en", "verblijfskosten;", "tot ten hoogste € 500 per "
     "aanvraag."],
    ["Het college kan de subsidie verlagen indien:", "de activiteit niet is uitgevoerd; of",
     "de aanvrager onjuiste gegevens heeft verstrekt;", "voor zover de aanvrager dit had kunnen weten."],
    ["Het college weigert de vergunning indien:", "de aanvraag onvolledig is; of", "de openbare orde in gevaar "
     "komt;", "tenzij de burgemeester anders beslist."],
]


def _trailing(items: list[str]) -> list[tuple[str, str | None, str | None, str]]:
    return _rows(items[:-1]) + [("7", "1", None, items[-1])]


def _trailing_flags(items: list[str]) -> list[Flag]:
    return [f for f in run_doc("AMB-13", _trailing(items)) if "Tekst na het laatste onderdeel" in f.explanation]


@pytest.mark.parametrize("items", WHOLE_TRAILING)
def test_trailing_main_clause_or_whole_scope_is_a_suggestion(items):
    flags = _trailing_flags(items)
    assert flags and all(f.severity == Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("items", PARTIAL_TRAILING)
def test_trailing_continuation_stays_zorg(items):
    assert any(f.severity == Severity.ZORG for f in _trailing_flags(items))


# --- AMB-13 (3): nested lists with distinct levels are not mixed en/of ---------------------------------------------
NESTED = [
    (["Het college verstrekt slechts gegevens indien:", "deze nodig zijn voor de uitvoering van artikel 3; en"],
     ["deze betrekking hebben op:", "de aanvraag;", "de toekenning;", "de betaling; of", "de terugvordering."]),
    (["De vergunning vervalt indien:", "de houder overlijdt; of"],
     ["de houder de activiteit staakt en daarbij:", "de gemeente niet heeft ingelicht; en", "de leges niet heeft "
      "betaald."]),
    (["Het bestuur vergadert indien:", "de voorzitter dit nodig acht; of"],
     ["ten minste twee leden daarom verzoeken, met opgave van:", "de te behandelen onderwerpen; en",
      "een voorstel voor de datum."]),
    (["De aanvrager verstrekt:", "een kopie van zijn identiteitsbewijs; en"],
     ["gegevens over:", "zijn inkomen;", "zijn vermogen; en", "zijn woonsituatie."]),
    # a nested list in the first item, led in without a colon; its "of" is the sublist's, its "en" the list's
    (["Voor de controle zijn noodzakelijk:", "de beschrijving van de prestatie zoals die",
      "door het college is vastgesteld, of", "met de aanbieder is overeengekomen, en"],
     ["diagnose-informatie voor zover deze nodig is."]),
]
MIXED = [
    ["Een gemeente kan toetreden indien:", "de raad daartoe besluit; en", "het bestuur instemt; of",
     "de kosten zijn geregeld."],
    ["De subsidie vervalt indien:", "de activiteit niet doorgaat; of", "de aanvrager failliet gaat; en",
     "de gemeente dit meldt."],
    ["Het college kan besluiten indien:", "de raad is gehoord; en", "de commissie advies heeft uitgebracht; of",
     "de termijn is verstreken."],
    ["De ontheffing geldt indien:", "de houder een vergunning heeft; of", "de houder een melding heeft gedaan; en",
     "de burgemeester geen bezwaar maakt."],
]


def _nested(top: list[str], sub: list[str]) -> list[tuple[str, str | None, str | None, str]]:
    if len(top) > 2:  # the nested list sits in onderdeel a, onderdeel b follows
        return [("7", "1", None, top[0])] + [("7", "1", "a", t) for t in top[1:]] + [("7", "1", "b", t) for t in sub]
    return _rows(top) + [("7", "1", "b", t) for t in sub]


@pytest.mark.parametrize("top,sub", NESTED)
def test_nested_list_levels_are_not_mixed(top, sub):
    assert not [f for f in serious13(_nested(top, sub)) if "afwisselend" in f.explanation]


@pytest.mark.parametrize("items", MIXED)
def test_one_level_mixed_en_of_is_still_zorg(items):
    assert [f for f in serious13(_rows(items)) if "afwisselend" in f.explanation]


# --- AMB-03 (1): "akkoord" as a predicate is no instrument ---------------------------------------------------------
AKKOORD_PREDICATE = [
    "Een wijziging treedt pas in werking als alle raden met de gewijzigde regeling akkoord zijn.",
    "Het algemeen bestuur gaat akkoord met de voorgestelde verdeling van de kosten.",
    "Indien een deelnemer niet akkoord gaat, beslist het algemeen bestuur.",
    "De raden verklaren zich akkoord met de begroting; het dagelijks bestuur voert haar uit.",
]
AKKOORD_NOUN = [
    "Het dagelijks bestuur handelt overeenkomstig het akkoord over de huisvesting.",
    "Het bestuur voert het regionale akkoord uit.",
    "Besluiten worden getoetst aan het akkoord inzake de zorg.",
    "Het dagelijks bestuur legt het akkoord ter kennisname voor.",
]


def amb03(text: str) -> list[Flag]:
    return run("AMB-03", f"Artikel 5 Samenwerking\n1. {text}")


@pytest.mark.parametrize("text", AKKOORD_PREDICATE)
def test_akkoord_as_predicate_is_not_flagged(text):
    assert not [f for f in amb03(text) if f.quote.lower() == "akkoord"]


@pytest.mark.parametrize("text", AKKOORD_NOUN)
def test_akkoord_as_noun_is_still_read(text):
    assert [f for f in amb03(text) if f.quote.lower() == "akkoord"]


# --- AMB-03 (2): documents attached to an application --------------------------------------------------------------
ATTACHED = [
    # each with a later definite mention ("Het werkplan …"), which alone would raise the status question
    "Artikel 5 Aanvraag\n1. De aanvraag gaat in ieder geval vergezeld van:\na. een werkplan;\nb. een begroting.\n"
    "2. Het werkplan vermeldt de activiteiten.",
    "Artikel 5 Aanvraag\n1. Bij de aanvraag worden overgelegd:\na. een beleidsplan van de instelling;\n"
    "b. de jaarrekening.\n2. Het beleidsplan beschrijft de doelen.",
    "Artikel 5 Aanvraag\n1. De aanvrager voegt bij de aanvraag een activiteitenplan.\n"
    "2. Het activiteitenplan vermeldt de doelen van de activiteit.",
    "Artikel 5 Aanvraag\n1. Het verzoek bevat ten minste een uitvoeringsprogramma en een planning.\n"
    "2. Het uitvoeringsprogramma noemt de kosten.",
]
NOT_ATTACHED = [
    "Artikel 5 Beleid\n1. De aanvraag wordt getoetst aan het beleidsplan.",  # the applicant's request, not his document
    "Artikel 5 Beleid\n1. Het werkplan bevat de doelen van de samenwerking.",
    "Artikel 5 Beleid\n1. Het activiteitenplan vermeldt de doelen.",
    "Artikel 5 Beleid\n1. Het college zendt een afschrift van het uitvoeringsprogramma aan de aanvrager.",
]


@pytest.mark.parametrize("text", ATTACHED)
def test_attachments_of_an_application_are_not_flagged(text):
    assert serious("AMB-03", text) == []


@pytest.mark.parametrize("text", NOT_ATTACHED)
def test_policy_documents_without_author_are_still_flagged(text):
    assert serious("AMB-03", text)


# --- AMB-03 (3): a document the sentence's own subject draws up has its author named ------------------------------
SUBJECT_DRAWN = [
    # each with a definite mention of the document, which alone would raise the status question
    "De zorgaanbieder legt binnen zes weken de afspraken met de cliënt vast in een ondersteuningsplan en "
    "verstrekt een afschrift van het ondersteuningsplan aan de cliënt.",
    "De jeugdhulpaanbieder stelt voor elke jeugdige het hulpverleningsplan op.",
    "De exploitant van de inrichting legt de maatregelen vast in het veiligheidsplan.",
    "Het schoolbestuur werkt de afspraken uit in het werkplan.",
]
NO_AUTHOR = [
    "De zorgaanbieder verstrekt een afschrift van het ondersteuningsplan.",  # the subject hands it out, not drafts it
    "De cliënt ontvangt een afschrift van het hulpverleningsplan.",
    "Het veiligheidsplan vermeldt de maatregelen.",
    "Het college zendt een afschrift van het werkplan aan de cliënt.",
]


@pytest.mark.parametrize("text", SUBJECT_DRAWN)
def test_document_drawn_up_by_the_subject_is_at_most_a_suggestion(text):
    assert serious("AMB-03", f"Artikel 5 Zorg\n1. {text}") == []


@pytest.mark.parametrize("text", NO_AUTHOR)
def test_document_without_author_is_still_serious(text):
    assert serious("AMB-03", f"Artikel 5 Zorg\n1. {text}")
