"""Round 11: AMB-06 (organ names), AMB-11 (cross-references) and AMB-03 (instruments) on hand-written Dutch sketches.

The false-alarm layer of the round-9 sample (national law): descriptive organ names fixed by their clause or by the
bodies the sentence names, deputy roles of a named organ, the municipality paying as a legal person; references that
belong to another act or to the artikel a proviso applies; documents whose author a participle, the sending subject
or an approval names. Each fix has positive cases (no serious flag) and negative ones (the defect is still reported).
"""

from __future__ import annotations

import pytest

from extract.document import Document, Passage, renumber
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import REGISTRY, load_detectors
from models.ambiguity.resources import build_resources
from tests.models.ambiguity.helpers import lid, run

SERIOUS = (Severity.ZORG, Severity.KRITIEK)


def serious(code: str, text: str) -> list[str]:
    return [f.quote.lower() for f in run(code, text) if f.severity in SERIOUS]


# === AMB-06 ==========================================================================================================
# (1) A descriptive organ noun restricted by a "waar"+preposition relative or a relative after a prepositional phrase.
RELATIVE_OK = [
    "Het vertegenwoordigend orgaan waarvoor de keuze is gemaakt, stelt de uitslag vast.",
    "Het orgaan waarvoor de benoeming is geschied, besluit over de toelating.",
    "Het orgaan door tussenkomst waarvan de stukken worden opgevraagd, kan het besluit nemen.",
    "Het orgaan bij wie het bezwaar is ingediend, neemt een besluit op het bezwaar.",
    "Het orgaan waarmee de overeenkomst is gesloten, stelt de vergoeding vast.",
]
RELATIVE_STILL = [
    "Het vertegenwoordigend orgaan stelt de uitslag vast.",
    "Het orgaan besluit over de toelating.",
    "Het uitvoerend orgaan stelt de begroting vast.",
    "Het regionale orgaan stelt de vergoeding vast, waarvoor de kosten worden gemaakt.",
]


@pytest.mark.parametrize("text", RELATIVE_OK)
def test_organ_noun_restricted_by_its_relative_clause_is_identified(text):
    assert serious("AMB-06", lid(text)) == []


@pytest.mark.parametrize("text", RELATIVE_STILL)
def test_unrestricted_organ_noun_is_still_unclear(text):
    assert serious("AMB-06", lid(text))


# (2) An indefinite antecedent with a longer modifier ("Een bij besluit aangewezen orgaan … het orgaan").
INDEFINITE_OK = [
    "Een bij besluit aangewezen orgaan of college kan de vergunning verlenen, voor zover het orgaan de vergunning "
    "nodig acht.",
    "Een door de raad ingesteld orgaan stelt een advies vast, nadat het orgaan de betrokkenen heeft gehoord.",
    "Een ingevolge het tweede lid uitgezonderd orgaan neemt een besluit, voor zover het orgaan daartoe bevoegd is.",
    "Een tijdelijk ingesteld orgaan kan de subsidie verlenen indien het orgaan daarover heeft geadviseerd.",
]
INDEFINITE_STILL = [
    "Een besluit van het orgaan wordt bekendgemaakt. Het orgaan stelt de uitslag vast.",
    "Het orgaan stelt de uitslag vast.",
    "Een lid van het orgaan kan bezwaar maken, waarna het orgaan de uitslag vaststelt.",
    "Een advies aan het orgaan is openbaar; het orgaan stelt de uitslag vast.",
]


@pytest.mark.parametrize("text", INDEFINITE_OK)
def test_definite_organ_noun_after_modified_indefinite_antecedent_is_resolved(text):
    assert serious("AMB-06", lid(text)) == []


@pytest.mark.parametrize("text", INDEFINITE_STILL)
def test_determiner_before_the_noun_introduces_no_organ(text):
    assert serious("AMB-06", lid(text))


# (3) A generic hypernym ("het vertegenwoordigend orgaan") after the bodies the sentence names.
HYPERNYM_OK = [
    "Voor de keuze van de leden van de Eerste Kamer stelt het vertegenwoordigend orgaan de uitslag vast.",
    "Voor de verkiezing van de leden van de provinciale staten, het algemeen bestuur en de gemeenteraad kan het "
    "vertegenwoordigend orgaan besluiten tot een nieuwe telling.",
    "Bij een besluit van de Tweede Kamer stelt het betrokken orgaan de datum vast.",
    "Nadat het dagelijks bestuur heeft geadviseerd, stelt het adviserend orgaan de aanbeveling vast.",
    "Nadat het dagelijks bestuur heeft geadviseerd, stelt het orgaan de aanbeveling vast.",
]
HYPERNYM_STILL = [
    "Het vertegenwoordigend orgaan stelt de uitslag vast.",
    "Voor de keuze van de leden stelt het vertegenwoordigend orgaan de uitslag vast.",
    "Het vertegenwoordigend orgaan stelt de uitslag vast. De Eerste Kamer wordt daarover ingelicht.",
    "Het adviserend orgaan stelt de aanbeveling vast.",
    # a bare "het orgaan" after two different organs could be either
    "Het dagelijks bestuur legt verantwoording af aan het algemeen bestuur, waarna het orgaan de begroting vaststelt.",
]


@pytest.mark.parametrize("text", HYPERNYM_OK)
def test_hypernym_after_named_bodies_is_a_cover_term(text):
    assert serious("AMB-06", lid(text)) == []


@pytest.mark.parametrize("text", HYPERNYM_STILL)
def test_hypernym_without_named_bodies_before_it_stays_serious(text):
    assert serious("AMB-06", lid(text))


# (4) A deputy role ("de plaatsvervangend voorzitter") of an organ named in the same or the previous sentence.
DEPUTY_OK = [
    "De burgemeester is voorzitter van het stembureau. De plaatsvervangend voorzitter stelt de uitslag vast.",
    "Voorzitter is de wethouder die het stembureau aanwijst. De plaatsvervangend voorzitter stelt de uitslag vast.",
    "Het algemeen bestuur kiest uit zijn midden een voorzitter; de waarnemend voorzitter stelt de agenda vast.",
    "De Kiesraad benoemt een secretaris. De plaatsvervangend secretaris stelt het verslag vast.",
]
DEPUTY_STILL = [
    "De plaatsvervangend voorzitter stelt de uitslag vast.",
    "De waarnemend griffier stelt het verslag vast.",
    "De subsidie wordt verstrekt. De plaatsvervangend voorzitter stelt de uitslag vast.",
    "De regionale voorzitter stelt de uitslag vast. Het stembureau wordt daarover ingelicht.",
]


@pytest.mark.parametrize("text", DEPUTY_OK)
def test_deputy_role_of_a_named_organ_is_identified(text):
    assert serious("AMB-06", lid(text)) == []


@pytest.mark.parametrize("text", DEPUTY_STILL)
def test_deputy_role_without_an_organ_nearby_stays_serious(text):
    assert serious("AMB-06", lid(text))


# (5) "de gemeente" as the legal person that pays or receives; (6) a long coordination after a preposition.
GEMEENTE_OK = [
    "In dat geval vergoedt de gemeente aan de provincie de kosten van het vervoer.",
    "De gemeente betaalt aan de stichting het voorschot binnen vier weken.",
    "Na afloop van het jaar ontvangt de gemeente van de provincie het resterende bedrag.",
    "De aanvrager moet ingezetene zijn van de provincie, het waterschap, onderscheidenlijk de gemeente.",
    "De kandidaat verklaart zich te vestigen in de provincie, het waterschap, onderscheidenlijk de gemeente.",
]
GEMEENTE_STILL = [
    "De gemeente stelt de uitslag vast.",
    "De gemeente vergoedt de kosten niet, maar stelt de uitslag vast.",
    "De provincie, het waterschap, onderscheidenlijk de gemeente stelt de uitslag vast.",
    "Na overleg met de provincie kunnen het rijk en de gemeenten de uitslag vaststellen.",
]


@pytest.mark.parametrize("text", GEMEENTE_OK)
def test_gemeente_paying_or_in_a_prepositional_coordination_is_no_acting_organ(text):
    assert serious("AMB-06", lid(text)) == []


@pytest.mark.parametrize("text", GEMEENTE_STILL)
def test_gemeente_acting_still_needs_an_organ(text):
    assert serious("AMB-06", lid(text))


# === AMB-11 ==========================================================================================================
REG = """Artikel 1 Begripsbepalingen
In deze regeling wordt verstaan onder:
a. college: het college van burgemeester en wethouders;
Artikel 2 Taken
1. Het college verleent de vergunning.
2. De vergunning wordt geweigerd indien de aanvraag onvolledig is.
Artikel 3 Uitvoering
1. {x}
"""


def dangling(text: str) -> list[str]:
    return [f.quote.lower() for f in run("AMB-11", text) if "loopt dood" in f.explanation and f.severity in SERIOUS]


# (7) a sub-lid paragraph or an act described by another provision: external; (8) a law applied in the sentence with
# the reference carved out of it; (9) a number cited as another act's article earlier in the artikel.
EXTERNAL_OK = [
    "De commissie kan opmerkingen maken krachtens artikel 15, derde lid, tweede alinea, van de verordening.",
    "De commissie kan opmerkingen maken krachtens artikel 15, derde lid, eerste alinea, van de in artikel 2, eerste "
    "lid, genoemde verordening.",
    "De Kaderwet adviescolleges is van toepassing op de commissie, met uitzondering van de artikelen 12, 21 en 22.",
    "Op de commissie is de Wet openbaarheid van bestuur van overeenkomstige toepassing, behoudens artikel 14.",
    "De artikelen 25, 27 en 31 van de Faillissementswet zijn van toepassing. De artikelen 25, tweede lid, en 27 "
    "vinden geen toepassing indien de zitting al is bepaald.",
]
EXTERNAL_STILL = [
    "De commissie kan opmerkingen maken krachtens artikel 15, derde lid, tweede alinea.",
    "De commissie kan opmerkingen maken krachtens artikel 15, derde lid, eerste alinea, van deze regeling.",
    "Het college past de artikelen 12 en 21 toe, met uitzondering van artikel 22.",
    "De artikelen 25, 27 en 31 van de Faillissementswet zijn van toepassing. Artikel 26 vindt geen toepassing "
    "indien de zitting al is bepaald.",
]


@pytest.mark.parametrize("text", EXTERNAL_OK)
def test_references_into_another_act_are_not_dangling(text):
    assert dangling(REG.format(x=text)) == []


@pytest.mark.parametrize("text", EXTERNAL_STILL)
def test_internal_dangling_references_still_flagged(text):
    assert dangling(REG.format(x=text))


# (10) chapter-numbered lists parse whole ("de artikelen 5:18 en 5:19"); a number that cannot belong to this text's
# numbering is a suggestion, a plain renumbering slip stays serious.
def chapter_doc(x: str) -> Document:
    """A chapter-numbered text (artikel 1:1 …, 2:9) with ``x`` as artikel 1:3, lid 1."""
    rows = [("1:1", "1", "Dit is de eerste bepaling."), ("1:2", "1", "Het college verleent de vergunning."),
            ("1:2", "2", "De vergunning wordt geweigerd."), ("1:3", "1", x)]
    rows += [(f"2:{n}", "1", "Het college beslist.") for n in range(1, 10)]
    passages = [Passage("", 0, text, 1, 1, (("artikel", a), ("lid", lid_)), f"Artikel {a}", "text", "dispositief")
                for a, lid_, text in rows]
    return Document("r" * 64, "Testregeling", "regeling", renumber("r" * 64, passages))


def chapter_flags(x: str) -> list[Flag]:
    load_detectors()
    res = build_resources(chapter_doc(x))
    assert "1:3" in res.structure.artikelen
    return [f for f in REGISTRY["AMB-11"].func(res) if "loopt dood" in f.explanation]


@pytest.mark.parametrize("text", [
    "Het college beschikt niet over de bevoegdheden, vermeld in de artikelen 1:1 en 1:2.",
    "De voorschriften gelden voor de kamers, bedoeld in de artikelen 2:8 en 2:9.",
    "Het college past de artikelen 25, tweede lid, en 27 toe.",
    "Bij een beslag is artikel 475, tweede lid, niet van toepassing.",
])
def test_chapter_lists_and_foreign_numbers_are_no_serious_dead_reference(text):
    assert [f for f in chapter_flags(text) if f.severity in SERIOUS] == []


@pytest.mark.parametrize("text", [
    "Het college past het vijfde lid toe.",
    "Het derde lid is van overeenkomstige toepassing.",
    "Het college handelt volgens het volgende lid.",
    "In afwijking van het zesde lid beslist het college.",
])
def test_dead_local_reference_in_a_chapter_numbered_text_still_found(text):
    assert [f for f in chapter_flags(text) if f.severity in SERIOUS]


def test_foreign_plain_number_in_a_chapter_numbered_text_is_a_suggestion():
    flags = chapter_flags("Het college past de artikelen 25, tweede lid, en 27 toe.")
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


def test_chapter_list_parses_whole():
    # Before round 11 "de artikelen 1:1 en 2:12." was read as "1:1 en 2" (artikel 2 of this text, missing).
    assert chapter_flags("Het college past de artikelen 1:1 en 2:12.") == []
    assert chapter_flags("Het college past de artikelen 1:1 en 2.") != []


FAR = REG.replace("Artikel 3 Uitvoering", "".join(f"Artikel {n} Overig\n1. Het college beslist.\n"
                                                    for n in range(4, 20)) + "Artikel 3 Uitvoering")


@pytest.mark.parametrize("text", [
    "Bij een beslag is artikel 475c, tweede lid, niet van toepassing.",
    "Het college past artikel 312 toe.",
    "Het college past artikel 98, eerste lid, toe.",
    "Artikel 1019h is van overeenkomstige toepassing.",
])
def test_number_far_beyond_the_text_is_a_suggestion(text):
    flags = [f for f in run("AMB-11", FAR.format(x=text)) if "loopt dood" in f.explanation]
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", [
    "Het college past artikel 31 toe.",
    "Het college past artikel 25, eerste lid, toe.",
    "Het college past artikel 41 toe.",
    "Artikel 22 is van overeenkomstige toepassing.",
])
def test_renumbering_slip_stays_serious(text):
    assert dangling(FAR.format(x=text))


# (11) a lid in the proviso of an applied artikel is that artikel's; (12) "het tweede lid" as a member.
APPLIED = """Artikel 1 Begripsbepalingen
In deze regeling wordt verstaan onder:
a. college: het college van burgemeester en wethouders;
Artikel 2 Taken
1. Het college verleent de vergunning.
2. De vergunning wordt geweigerd.
3. De weigering wordt gemotiveerd.
4. De aanvrager wordt gehoord.
Artikel 3 Uitvoering
1. {x}
"""


@pytest.mark.parametrize("text", [
    "Artikel 2, tweede tot en met vierde lid, is van overeenkomstige toepassing, met dien verstande dat in het "
    "vierde lid in plaats van 'aanvrager' wordt gelezen: 'belanghebbende'.",
    "Het derde en vierde lid van artikel 2 zijn van overeenkomstige toepassing, met dien verstande dat voor de "
    "toepassing van het vierde lid het college beslist.",
    "Artikel 2 is van overeenkomstige toepassing, met dien verstande dat de weigering bedoeld in het derde lid, "
    "onderdeel a, van dat artikel schriftelijk is.",
    "Bij ontstentenis van de voorzitter treedt het tweede lid en bij diens ontstentenis het derde lid als voorzitter "
    "op.",
])
def test_lid_of_the_applied_artikel_or_a_member_is_no_dead_local_reference(text):
    assert dangling(APPLIED.format(x=text)) == []


@pytest.mark.parametrize("text", [
    "Het college past het vierde lid toe.",
    "Artikel 2 is van overeenkomstige toepassing, met dien verstande dat in het zesde lid 'college' wordt gelezen.",
    "Het vijfde lid is van overeenkomstige toepassing.",
    "Bij ontstentenis van de voorzitter geldt het derde lid.",
])
def test_dead_local_reference_still_found(text):
    assert dangling(APPLIED.format(x=text))


# (13) "de daarvoor geldende regels" in an artikel that provides for those rules: a suggestion.
@pytest.mark.parametrize("text", [
    "Bij ministeriële regeling kunnen nadere voorschriften worden gesteld over het verslag.\n2. Het verslag wordt "
    "opgesteld overeenkomstig de daarvoor geldende regels.",
    "Het college stelt regels over het verslag.\n2. Het verslag volgt de daarvoor geldende regels.",
    "Bij verordening worden regels gesteld over de inhoud van het plan.\n2. Het plan voldoet aan de toepasselijke "
    "regels.",
    "De raad stelt nadere regels vast over de aanvraag.\n2. De aanvraag voldoet aan de daarvoor geldende regels.",
])
def test_unspecified_rules_made_in_the_same_artikel_are_a_suggestion(text):
    flags = [f for f in run("AMB-11", REG.format(x=text)) if "niet precies" in f.explanation]
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", [
    "Het verslag wordt opgesteld overeenkomstig de daarvoor geldende regels.",
    "Het college geeft voorschriften over het verslag.\n2. Het verslag volgt de daarvoor geldende regels.",
    "Het plan voldoet aan de toepasselijke regels.",
    "De aanvraag voldoet aan de daarvoor geldende regels.\n2. Het college beslist binnen acht weken.",
])
def test_unspecified_rules_without_an_antecedent_stay_zorg(text):
    assert any(f.severity is Severity.ZORG and "niet precies" in f.explanation
               for f in run("AMB-11", REG.format(x=text)))


# === AMB-03 ==========================================================================================================
def two(first: str, second: str) -> str:
    return f"Artikel 5 Uitvoering\n1. {first}\n2. {second}"


# (14) the author in a prenominal participle phrase; (15) a document the subject sends; (16) an approval.
AUTHOR_OK = [
    two("Het college toetst de aanvraag aan de hand van een door de Kiesraad op te stellen controleprotocol.",
        "Het controleprotocol wordt jaarlijks herzien."),
    two("Het college toetst de aanvraag aan de hand van een door het dagelijks bestuur opgesteld werkplan.",
        "Het werkplan wordt jaarlijks herzien."),
    two("De stichting zendt het college jaarlijks een werkprogramma.", "Het werkprogramma wordt jaarlijks herzien."),
    two("Het werkprogramma behoeft de goedkeuring van de raad.", "Het werkprogramma wordt jaarlijks herzien."),
    two("Een aanbieder die zorg heeft verleend, zendt uiterlijk na twee maanden een nota aan de verzekerde.",
        "De nota wordt binnen een maand betaald."),
]
AUTHOR_STILL = [
    two("Het college toetst de aanvraag aan de hand van een controleprotocol.",
        "Het controleprotocol wordt jaarlijks herzien."),
    two("Het college ontvangt jaarlijks een werkprogramma.", "Het werkprogramma wordt jaarlijks herzien."),
    two("Het werkprogramma bevat de activiteiten.", "Het werkprogramma wordt jaarlijks herzien."),
    two("Het college toetst de aanvraag aan de hand van het werkplan van de regio.",
        "Het werkplan wordt jaarlijks herzien."),
]


@pytest.mark.parametrize("text", AUTHOR_OK)
def test_document_with_a_named_author_or_approver_is_no_concern(text):
    assert serious("AMB-03", text) == []


@pytest.mark.parametrize("text", AUTHOR_STILL)
def test_document_without_author_stays_zorg(text):
    assert serious("AMB-03", text)


# (17) the agenda of a meeting; (18) a list of several-word items whose law the reference after it names.
NOT_INSTRUMENT = [
    "De leden kunnen onderwerpen voor de agenda van het overleg aanmelden.",
    "Elk lid kan een onderwerp voor de agenda aandragen.",
    "Het college zorgt voor de agenda van de zitting.",
    "Het college voert het regionaal programma, het regionaal bestuurlijk overleg en de effectrapportage, bedoeld in "
    "de artikelen 9.2.4 en 9.2.8 van de Wet educatie beroepsonderwijs, uit.",
    "Regels worden gesteld over de taak, het regionaal programma en de jaarlijkse effectrapportage, bedoeld in "
    "artikel 4 van de Wet regionale samenwerking.",
]
STILL_INSTRUMENT = [
    "Het college toetst de aanvraag aan de agenda van de regio.",
    "Het college toetst de aanvraag aan de agenda.",
    "Het college toetst de aanvraag aan het regionaal programma.",
    "Het college toetst de aanvraag aan het regionaal programma en de regionale agenda van de gemeenten.",
]


@pytest.mark.parametrize("text", NOT_INSTRUMENT)
def test_meeting_agenda_and_statutory_list_items_are_no_status_question(text):
    assert serious("AMB-03", lid(text)) == []


@pytest.mark.parametrize("text", STILL_INSTRUMENT)
def test_policy_agenda_or_programme_without_status_stays_zorg(text):
    assert serious("AMB-03", lid(text))


# === Prose outside any artikel, parliamentary genre names, Roman-numbered amendment acts ============================
# (19) Text outside an artikel (considerans, toelichting, parliamentary report) binds nobody: at most a suggestion.
def rows_doc(rows: list[tuple[str | None, str | None, str]]) -> Document:
    """A document of (artikel, lid, text) rows; artikel None is prose outside any artikel."""
    passages = [Passage("", 0, text, 1, 1, tuple([("artikel", a)] if a else []) + ((("lid", lid_),) if lid_ else ()),
                        f"Artikel {a}" if a else "Toelichting", "text", "dispositief") for a, lid_, text in rows]
    return Document("r" * 64, "Testregeling", "regeling", renumber("r" * 64, passages))


def rows_flags(code: str, rows: list[tuple[str | None, str | None, str]]) -> list[Flag]:
    load_detectors()
    return list(REGISTRY[code].func(build_resources(rows_doc(rows))))


PROSE = [
    ("AMB-03", "Het college toetst de aanvraag aan het werkprogramma."),
    ("AMB-03", "De leden vragen of het college de aanvraag toetst aan de regionale agenda."),
    ("AMB-06", "Het vertegenwoordigend orgaan stelt de uitslag vast."),
    ("AMB-11", "De leden vragen of de geldende regelgeving wordt gevolgd."),
]


@pytest.mark.parametrize("code,text", PROSE)
def test_prose_outside_an_artikel_is_at_most_a_suggestion(code, text):
    flags = rows_flags(code, [("1", "1", "Het college verleent de vergunning."), (None, None, text)])
    assert flags and all(f.artikel is None and f.severity <= Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("code,text", PROSE)
def test_the_same_sentence_in_an_artikel_stays_serious(code, text):
    flags = rows_flags(code, [("1", "1", "Het college verleent de vergunning."), ("2", "1", text)])
    assert [f for f in flags if f.severity in SERIOUS]


# (20) parliamentary papers and opinions are no instruments.
@pytest.mark.parametrize("text", [
    "Het college toetst de uitvoering aan de nota naar aanleiding van het verslag.",
    "Het college toetst de uitvoering aan de nota van wijziging.",
    "Het college toetst de uitvoering in de visie van de regering.",
    "Het college toetst de uitvoering naar hun visie.",
])
def test_parliamentary_nota_and_opinion_are_no_instrument(text):
    assert serious("AMB-03", lid(text)) == []


@pytest.mark.parametrize("text", [
    "Het college toetst de uitvoering aan de nota.",
    "Het college toetst de uitvoering aan de nota over wonen.",
    "Het college toetst de uitvoering aan de visie van de regio.",
    "Het college toetst de uitvoering aan de visie.",
])
def test_policy_nota_or_visie_stays_serious(text):
    assert serious("AMB-03", lid(text))


# (21) in an act whose own articles are I, II, … a plain "artikel 13" lies in the amended act.
ROMAN_REFS = [
    "Op een algemeen bestuur dat niet voldoet aan artikel 13, eerste lid, blijft het oude recht van toepassing.",
    "Artikel 10, tweede lid, zoals dat luidde voor de inwerkingtreding, blijft van toepassing.",
    "Een regeling wordt met artikel 13, tiende lid, in overeenstemming gebracht.",
    "Artikel 14 blijft een jaar van toepassing.",
]


def act_flags(labels: tuple[str, str, str], text: str) -> list[Flag]:
    rows = [(labels[0], None, "In afwachting van de wijziging geldt het volgende."), (labels[1], None, text),
            (labels[2], None, "Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip.")]
    return [f for f in rows_flags("AMB-11", rows) if "loopt dood" in f.explanation]


@pytest.mark.parametrize("text", ROMAN_REFS)
def test_plain_number_in_a_roman_numbered_act_is_a_suggestion(text):
    flags = act_flags(("I", "II", "III"), text)
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", ROMAN_REFS)
def test_the_same_number_in_a_plainly_numbered_act_stays_serious(text):
    assert [f for f in act_flags(("1", "2", "3"), text) if f.severity in SERIOUS]


# (22) an artikel without numbered leden that speaks of "het tweede lid" is commentary on an artikel printed elsewhere
# (memorie van toelichting, report): a suggestion; with numbered leden the dead reference stays serious.
COMMENTARY = [
    "In het vijfde lid wordt geregeld wie de uitslag vaststelt.",
    "Het tweede lid bepaalt dat het college de uitslag vaststelt.",
    "De leden vragen of in het derde lid niet over de raad moet worden gesproken.",
    "Het vierde lid is nieuw.",
]


@pytest.mark.parametrize("text", COMMENTARY)
def test_lid_reference_in_an_artikel_without_leden_is_a_suggestion(text):
    flags = [f for f in rows_flags("AMB-11", [("1", None, "Het college verleent de vergunning."), ("2", None, text)])
             if "loopt dood" in f.explanation]
    assert flags and all(f.severity is Severity.SUGGESTIE for f in flags)


@pytest.mark.parametrize("text", COMMENTARY)
def test_missing_lid_in_an_artikel_with_leden_stays_serious(text):
    rows = [("1", None, "Het college verleent de vergunning."), ("2", "1", "Het college beslist binnen acht weken."),
            ("2", "2", text)]
    flags = [f for f in rows_flags("AMB-11", rows) if "loopt dood" in f.explanation]
    assert [f for f in flags if f.severity in SERIOUS]


def lettered_flags(text: str) -> list[Flag]:
    """A letter-numbered text (like the Kieswet: A 1, B 1, …) with ``text`` as artikel C 1."""
    rows = [(f"{c} {n}", "1", "Het stembureau stelt de uitslag vast.") for c in "AB" for n in range(1, 6)]
    return [f for f in rows_flags("AMB-11", [*rows, ("C 1", "1", text)]) if "loopt dood" in f.explanation]


@pytest.mark.parametrize("text", [
    "De Kaderwet is van toepassing op de raad; de artikelen 12, 21 en 22 van die regeling niet.",
    "Artikel 475c, tweede lid, is niet van toepassing.",
    "Het stembureau past artikel 12 toe.",
    "De artikelen 5 en 6 zijn van overeenkomstige toepassing.",
])
def test_plain_number_in_a_letter_numbered_text_is_at_most_a_suggestion(text):
    assert [f for f in lettered_flags(text) if f.severity in SERIOUS] == []


@pytest.mark.parametrize("text", [
    "Het stembureau past het vierde lid toe.",
    "Het derde lid is van overeenkomstige toepassing.",
    "In afwijking van het zesde lid beslist het stembureau.",
    "Het stembureau handelt volgens het volgende lid.",
])
def test_dead_local_reference_in_a_letter_numbered_text_stays_serious(text):
    assert [f for f in lettered_flags(text) if f.severity in SERIOUS]
