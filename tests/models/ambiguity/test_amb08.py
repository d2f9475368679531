"""AMB-08 delegation, mandate or further rules without bounds."""

import pytest

from models.ambiguity.flag import Severity
from tests.models.ambiguity.helpers import lid, quotes, resources, run

POSITIVE = [
    ("Het algemeen bestuur kan nadere regels stellen.", "nadere regels"),
    ("Het dagelijks bestuur kan bevoegdheden overdragen.", "overdragen"),
    ("Het dagelijks bestuur mandateert de directeur tot het stellen van regels.", "mandateert"),
    ("De vergoeding wordt nader bepaald.", None),
    ("Het algemeen bestuur delegeert bevoegdheden.", "delegeert"),
    ("De tarieven worden bij of krachtens verordening vastgesteld.", "bij of krachtens"),
    ("Het dagelijks bestuur machtigt.", "machtigt"),
    ("Het algemeen bestuur stelt regels.", "stelt regels"),
    ("De werkwijze wordt nader uitgewerkt door het dagelijks bestuur.", None),
]
NEGATIVE = [
    "Het algemeen bestuur kan nadere regels stellen over de vergoeding van de leden.",
    "Het dagelijks bestuur kan aan de voorzitter bevoegdheden overdragen ter uitvoering van de begroting.",
    "Het dagelijks bestuur machtigt de secretaris tot ondertekening van de stukken inzake de inkoop.",
    "Het algemeen bestuur stelt de begroting vast.",
    "Het dagelijks bestuur stelt regels met betrekking tot de archivering.",
    "De voorzitter vertegenwoordigt het openbaar lichaam.",
    "Het algemeen bestuur delegeert aan het dagelijks bestuur de bevoegdheid inzake subsidies.",
    "Het algemeen bestuur kan bevoegdheden overdragen aan het dagelijks bestuur ten aanzien van de inkoop.",
    "Deze regeling treedt in werking op een nader te bepalen tijdstip.",  # commencement
    "Het dagelijks bestuur stelt regels voor zijn vergaderingen vast.",
    "Het dagelijks bestuur benoemt het personeel. Het is bevoegd deze bevoegdheden aan de directeur te mandateren.",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_positive(text, expected):
    flags = run("AMB-08", lid(text))
    assert flags
    if expected:
        assert any(expected in q for q in quotes(flags))


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    assert run("AMB-08", lid(text)) == []


def test_regulatory_power_to_an_official_is_kritiek():
    flags = run("AMB-08", lid(POSITIVE[2][0]))
    assert any(f.severity == Severity.KRITIEK and f.rule == "Ar 2.30" for f in flags)


def test_subject_in_previous_lid_counts():
    text = ("Artikel 7 Vergoeding\n1. De leden ontvangen een vergoeding voor hun werkzaamheden.\n"
            "2. Het algemeen bestuur kan nadere regels stellen.")
    assert run("AMB-08", text) == []


def test_ledger_lists_bounded_delegations_too():
    res = resources(lid(NEGATIVE[0]))
    (d,) = res.delegations
    assert d.kind == "nadere regels" and d.subject.startswith("over") and d.made == "onbekend"


# -- residual task clauses and "bij nadere regeling" ----------------------------------------------
TASKS = ("Artikel 4 Taken\n1. Het openbaar lichaam heeft de volgende taken:\na. het beheer van het archief;\n"
         "b. {}")
RESIDUAL = [
    TASKS.format("overige taken die het algemeen bestuur aan het openbaar lichaam toekent."),
    lid("Het openbaar lichaam voert ook nieuwe werkzaamheden uit die het dagelijks bestuur opdraagt."),
    lid("Het openbaar lichaam verricht andere taken die door het algemeen bestuur worden toegewezen."),
]
NOT_RESIDUAL = [
    TASKS.format("andere taken die het algemeen bestuur binnen het belang, bedoeld in artikel 3, aan het openbaar "
                 "lichaam opdraagt."),
    TASKS.format("andere taken die de wet aan het openbaar lichaam opdraagt."),  # no organ assigns
    lid("Het openbaar lichaam voert de taken uit die het algemeen bestuur op het terrein van de jeugdzorg opdraagt."),
    lid("Het openbaar lichaam verricht andere taken die het dagelijks bestuur in verband met de behartiging van de "
        "belangen, bedoeld in het eerste lid, toewijst."),
]


@pytest.mark.parametrize("text", RESIDUAL)
def test_residual_task_clause(text):
    flags = run("AMB-08", text)
    assert [f.severity for f in flags] == [Severity.ZORG] and "Wgr art. 10" in flags[0].rule


def test_residual_task_clause_in_an_onderdeel_keeps_its_location():
    (f,) = run("AMB-08", RESIDUAL[0])
    assert (f.artikel, f.lid, f.onderdeel) == ("4", "1", "b")


@pytest.mark.parametrize("text", NOT_RESIDUAL)
def test_residual_task_clause_negative(text):
    assert run("AMB-08", text) == []


def test_bij_nadere_regeling_is_a_delegation():
    flags = run("AMB-08", lid("Bij een nadere regeling worden de resterende interne zaken vastgelegd."))
    assert quotes(flags) == ["bij een nadere regeling"]
    assert resources(lid("Bij nadere regeling worden de werktijden vastgelegd.")).delegations[0].kind == "nadere regels"
    # subject and maker named: bounded, stays only in the ledger
    bounded = lid("Bij nadere regeling van het algemeen bestuur worden regels gesteld over de presentiegelden.")
    assert run("AMB-08", bounded) == []
    # sending a further regulation is no delegation
    assert run("AMB-08", lid("Het dagelijks bestuur zendt een nadere regeling aan de raden.")) == []
