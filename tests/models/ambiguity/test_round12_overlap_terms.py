"""Round 12: AMB-07 lex specialis (cases told apart by restrictive modifiers) and AMB-10 identified documents.

AMB-07: two organs that do the same act on the same object still cover different cases when each clause restricts
its case by a modifier the other lacks (a purpose phrase, a different "bedoeld in" reference); that is at most
SUGGESTIE. A general grant next to a special one, equal restrictions and different time limits stay serious.

AMB-10: a mention with an identifying number ("verordening (EG) nr. …", "Verordening (EU) 2016/679") or a title
("de Algemene verordening gegevensbescherming") names a document of its own, no variant of the regulation's stuk;
real variants of one instrument stay flagged. All sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import run

SERIOUS = (Severity.ZORG, Severity.KRITIEK)


def two(a: str, b: str) -> str:
    return f"Artikel 3 Bevoegdheden\n1. {a}\nArtikel 4 Uitvoering\n1. {b}"


def leden(*texts: str) -> str:
    return "Artikel 7 Zittingen\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(texts, start=1))


# -- AMB-07: each clause restricts its case differently → SUGGESTIE ----------------------------------------------
SPECIAL_CASES = [
    leden("Voor het houden van de zittingen van de kiescommissie, bedoeld in de artikelen 4 en 6, wijst het college "
          "een geschikte ruimte aan.",
          "Voor het houden van de zittingen van de kiescommissie voor de verkiezing van de leden van het algemeen "
          "bestuur wijst het dagelijks bestuur een geschikte ruimte aan."),
    two("Voor de vergaderingen van de adviescommissie, bedoeld in artikel 5, wijst het college een geschikte zaal aan.",
        "Voor de vergaderingen van de adviescommissie voor de bezwaarschriften wijst het dagelijks bestuur een "
        "geschikte zaal aan."),
    two("Voor de sector jeugd benoemt het algemeen bestuur de coördinator.",
        "Voor de sector wonen benoemt het dagelijks bestuur de coördinator."),
    two("Met betrekking tot de evenementen in de binnenstad benoemt het college de coördinator.",
        "Met betrekking tot de evenementen in het havengebied benoemt de burgemeester de coördinator."),
    two("Voor het beheer van de fondsen, bedoeld in artikel 8, wijst het college een beheerder aan.",
        "Voor het beheer van de fondsen, bedoeld in artikel 12, wijst de burgemeester een beheerder aan."),
]


@pytest.mark.parametrize("text", SPECIAL_CASES)
def test_grants_for_cases_told_apart_are_only_a_suggestion(text):
    flags = run("AMB-07", text)
    assert [f.severity for f in flags] == [Severity.SUGGESTIE]
    assert "elkaar uitsluiten" in flags[0].explanation


# The same act on the same object where the cases are NOT told apart: the overlap stays KRITIEK.
SAME_CASE = [
    # a general grant next to a special one: the general one covers the special case too
    two("Het college wijst een geschikte ruimte aan.",
        "Voor de zittingen van de kiescommissie wijst het dagelijks bestuur een geschikte ruimte aan."),
    two("Voor de sector jeugd benoemt het algemeen bestuur de coördinator.", "Het dagelijks bestuur benoemt de coördinator."),
    # the same restriction in both clauses
    two("Voor de zittingen van de kiescommissie wijst het college een geschikte ruimte aan.",
        "Voor de zittingen van de kiescommissie wijst het dagelijks bestuur een geschikte ruimte aan."),
    two("Voor het beheer van de fondsen, bedoeld in artikel 8, wijst het college een beheerder aan.",
        "Voor het beheer van de fondsen, bedoeld in artikel 8, wijst de burgemeester een beheerder aan."),
    # different time limits say when, not which case
    two("Het algemeen bestuur stelt voor 1 juli het mobiliteitsplan vast.",
        "Het dagelijks bestuur stelt voor 15 november het mobiliteitsplan vast."),
    two("Het algemeen bestuur stelt voor het einde van het jaar het mobiliteitsplan vast.",
        "Het dagelijks bestuur stelt voor de aanvang van het jaar het mobiliteitsplan vast."),
    two("Het algemeen bestuur benoemt voor een periode van vier jaar de coördinator.",
        "Het dagelijks bestuur benoemt voor twee jaar de coördinator."),
]


@pytest.mark.parametrize("text", SAME_CASE)
def test_grants_for_the_same_case_stay_kritiek(text):
    assert [f.severity for f in run("AMB-07", text)] == [Severity.KRITIEK]


def test_a_condition_still_gives_zorg_not_the_case_rule():
    # "voor zover" is a condition (precedence marker), not a purpose phrase
    text = two("Het algemeen bestuur stelt het mobiliteitsplan vast voor zover het de regio betreft.",
               "Het dagelijks bestuur stelt het mobiliteitsplan vast voor zover het de stad betreft.")
    assert [f.severity for f in run("AMB-07", text)] == [Severity.ZORG]


# -- AMB-10: identified documents are no variant names ----------------------------------------------------------
def art(*texts: str) -> str:
    return "Artikel 3 Regels\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(texts, start=1))


IDENTIFIED = [
    art("Het college past de regionale verordening toe.",
        "Dit laat de werking van Verordening (EU) 2019/1150 van het Europees Parlement onverlet."),
    art("De Europese verordening (EG) nr. 1071/2009 is van toepassing op de vervoerders.",
        "Het dagelijks bestuur stelt de verordening vast."),
    art("De raad stelt de verordening vast.", "De provinciale verordening nr. 4 blijft van kracht."),
    art("De raad stelt de verordening vast.",
        "De verordening houdt rekening met de Algemene verordening gegevensbescherming."),
    art("Het algemeen bestuur stelt de woonvisie vast.", "De woonvisie volgt de Nationale woonvisie huurbeleid."),
    # a capitalised word that opens the sentence is the same word, no capitalisation variant
    art("De verordening geldt voor vier jaar.", "Verordening en beleidsregels worden samen gepubliceerd."),
]


@pytest.mark.parametrize("text", IDENTIFIED)
def test_identified_documents_are_no_variants(text):
    assert [f for f in run("AMB-10", text) if f.severity in SERIOUS or "Hetzelfde stuk" in f.explanation] == []


REAL_VARIANTS = [
    art("Het algemeen bestuur stelt de woonvisie vast.", "De regionale woonvisie geldt voor vier jaar."),
    art("De raad stelt de verordening vast.", "De regionale verordening treedt in werking."),
    # a capitalised adjective followed by a verb is no title: still a variant of "de verordening"
    art("De raad stelt de verordening vast.", "Daarnaast geldt de Regionale verordening uiterlijk vanaf 1 juli."),
    art("De verordening geldt.", "De inhoud van de Regionale verordening regelt de tarieven."),
    # a reference to a lid does not identify another document
    art("De raad stelt de verordening vast.", "De regionale verordening, bedoeld in het eerste lid, wordt gepubliceerd."),
    art("De nota geldt.", "De Nota wordt ter inzage gelegd."),
]


@pytest.mark.parametrize("text", REAL_VARIANTS)
def test_real_variants_stay_flagged(text):
    assert any("Hetzelfde stuk" in f.explanation for f in run("AMB-10", text))


def test_variant_in_a_competence_clause_stays_zorg():
    text = art("Het algemeen bestuur stelt de regionale woonvisie vast.", "De woonvisie geldt.",
               "Het dagelijks bestuur stelt de woonvisie vast.", "De woonvisie wordt gepubliceerd.")
    assert [f.severity for f in run("AMB-10", text) if "Hetzelfde stuk" in f.explanation] == [Severity.ZORG]


# -- AMB-10: an abbreviation's full form is one line of different words -----------------------------------------
ABBREVIATED = [
    art("De Gemeenschappelijke Regeling Drechtsteden is een openbaar lichaam.", "De GRD voert de taken uit."),
    art("Het Algemeen Bestuur vergadert.", "Het AB stelt de begroting vast."),
    art("De Regionale Uitvoeringsdienst Drechtsteden houdt toezicht.", "De RUD rapporteert jaarlijks."),
    art("De Sociale Dienst Drechtsteden verleent bijstand.", "De SDD beslist op aanvragen."),
]


@pytest.mark.parametrize("text", ABBREVIATED)
def test_abbreviation_next_to_its_full_form_is_flagged(text):
    assert any("afkorting" in f.explanation for f in run("AMB-10", text))


NOT_ABBREVIATED = [
    art("Vervallen", "Vervallen", "Het VV-reglement geldt."),
    "Artikel 3 Regels\n1. Bezwaar Bezwaar is niet mogelijk.\n2. De BB wordt gehoord.",
    "Artikel 3 Regels\n1. Het college beslist.\nAlgemeen\nBestuur\n2. Het AB vergadert.",
    art("De Regionale Raad vergadert.", "De GRD voert de taken uit."),
]


@pytest.mark.parametrize("text", NOT_ABBREVIATED)
def test_repeated_word_or_a_line_break_is_no_full_form(text):
    assert not any("afkorting" in f.explanation for f in run("AMB-10", text))
