"""Round 6 severity rules (hand checks on the GR texts and on the test sets; bench/ambiguity_quality.py).

Each test pins one structural condition that separates "a lawyer must act" (zorg/kritiek) from a
drafting point (suggestie), on sketches written for the test, plus the YAML test-set loader and the
runner's Wgr scope on real files.
"""

from __future__ import annotations

import pytest

from models.ambiguity import analyse
from models.ambiguity.flag import Severity
from models.ambiguity.sample import doc_from_text
from tests.models.ambiguity.helpers import lid, run


def _sev(flags, quote: str) -> Severity:
    return next(f.severity for f in flags if quote in f.quote)


# -- AMB-05 -----------------------------------------------------------------------------------
def test_amb05_competence_passive_without_any_candidate_organ_is_zorg():
    assert _sev(run("AMB-05", lid("De secretaris wordt benoemd.")), "wordt benoemd") == Severity.ZORG


def test_amb05_organ_elsewhere_in_the_lid_or_same_verb_in_the_artikel_is_suggestie():
    text = "Artikel 4 Secretaris\n1. De secretaris wordt benoemd. Het dagelijks bestuur stelt zijn taken vast."
    assert _sev(run("AMB-05", text), "wordt benoemd") == Severity.SUGGESTIE
    text = ("Artikel 4 Secretaris\n1. De secretaris wordt door het algemeen bestuur benoemd.\n"
            "2. Een plaatsvervanger wordt benoemd voor vier jaar.")
    assert _sev(run("AMB-05", text), "wordt benoemd") == Severity.SUGGESTIE


def test_amb05_manner_clause_and_instrument_agent():
    flags = run("AMB-05", lid("De bijdrage wordt verleend onder de voorwaarden, bedoeld in artikel 4:34 van de "
                              "Algemene wet bestuursrecht."))
    assert _sev(flags, "wordt verleend") == Severity.SUGGESTIE
    assert run("AMB-05", lid("Bij algemene maatregel van bestuur worden nadere regels vastgesteld.")) == []


def test_amb05_active_perfect_and_tacit_extension_are_no_missing_actor():
    assert run("AMB-05", lid("Het lid meldt zijn ontslag mede aan het bestuursorgaan dat hem heeft aangewezen.")) == []
    (f,) = run("AMB-05", lid("Na tien jaar wordt de regeling jaarlijks stilzwijgend verlengd."))
    assert f.severity == Severity.INFO


# -- AMB-02 -----------------------------------------------------------------------------------
def test_amb02_passive_power_with_several_candidate_organs_stays_zorg():
    text = lid("Een batig saldo kan worden bestemd voor de reserve. De hoogte van de reserve wordt bepaald door het "
               "algemeen bestuur, gehoord de raden en de minister.")
    assert _sev(run("AMB-02", text), "kan worden bestemd") == Severity.ZORG


def test_amb02_no_power_reading_for_possibility_or_instrument_agent():
    assert run("AMB-02", lid("Het bestuur houdt een administratie bij zodat informatie kan worden verkregen.")) == []
    assert run("AMB-02", lid("Bij ministeriële regeling kunnen regels worden gesteld over de rapportage.")) == []


def test_amb02_future_only_in_a_main_clause_and_never_in_an_oath():
    main = lid("De huurovereenkomst zal met ingang van 1 januari worden omgezet in een nieuwe overeenkomst.")
    assert _sev(run("AMB-02", main), "zal") == Severity.ZORG
    sub = lid("Het college kan afwijken indien aannemelijk is dat het evenwicht tot stand zal worden gebracht.")
    assert not [f for f in run("AMB-02", sub) if f.quote == "zal"]
    oath = lid("Ik zweer dat ik de wetten zal nakomen.")
    assert not [f for f in run("AMB-02", oath) if f.quote == "zal"]


# -- AMB-14 / AMB-15 / AMB-12 / AMB-11 / AMB-03 ----------------------------------------------------
def test_amb14_condition_applied_by_the_subject_organ_and_double_negation():
    fronted = lid("Voor zover dat noodzakelijk is, regelen gedeputeerde staten de openbaarheid van de vergaderingen.")
    assert _sev(run("AMB-14", fronted), "Voor zover") == Severity.SUGGESTIE
    plain = lid("De stukken worden uiterlijk veertien dagen tevoren toegezonden, behoudens bijzondere omstandigheden.")
    assert _sev(run("AMB-14", plain), "behoudens") == Severity.ZORG
    neg = lid("Een lid kan niet worden benoemd, tenzij er geen bezwaar bestaat.")
    assert _sev(run("AMB-14", neg), "niet") == Severity.SUGGESTIE


def test_amb15_subject_of_the_same_sentence_is_the_antecedent():
    text = lid("Gedeputeerde staten stellen provinciale staten op de hoogte van de onderzoeken die zij doen instellen.")
    assert all(f.severity == Severity.SUGGESTIE for f in run("AMB-15", text))
    # A pronoun that opens a sentence after two organs stays a concern.
    two = lid("De voorzitter overlegt met de secretaris. Hij stelt de agenda vast.")
    (f,) = [f for f in run("AMB-15", two) if f.quote == "Hij"]
    assert f.confidence == 0.55 and "Vermoedelijk" not in f.explanation  # unresolved (SUGGESTIE since round 8)


def test_amb12_whether_or_not_and_trailing_lists():
    assert run("AMB-12", lid("De betaling, al dan niet gedeeltelijk, geschiedt jaarlijks.", "Artikel 2 Taken")) == []
    flags = run("AMB-12", lid("Het openbaar lichaam beheert archieven, collecties en dergelijke.", "Artikel 2 Taken"))
    assert _sev(flags, "en dergelijke") == Severity.SUGGESTIE


def test_amb11_law_abbreviation_is_an_external_reference():
    assert run("AMB-11", lid("Het college kan afzien van terugvordering binnen de grenzen van artikel 25 IOAW.")) == []


def test_amb03_outside_title_and_statutory_instrument_are_no_status_concern():
    text = ("Artikel 3 Bijdragen\n1. De bijdragen volgen het Centraal Economisch Plan.\n"
            "2. De periode valt samen met die van een cultuurnota als bedoeld in artikel 3 van de Wet op het "
            "specifiek cultuurbeleid.\n3. De minister baseert zich op de uit te brengen cultuurnota.")
    assert [f for f in run("AMB-03", text) if f.severity >= Severity.ZORG] == []


# -- runner: the Wgr checklist only on a gemeenschappelijke regeling -----------------------------
VERORDENING = ("Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder:\na. wet: de Participatiewet;\n"
               "Artikel 2 Premie\n1. Het college kent een premie toe aan de belanghebbende.")


def test_runner_skips_amb16_on_a_verordening_but_runs_it_when_asked():
    report = analyse(doc_from_text(VERORDENING))
    assert not [f for f in report.flags if f.type == "AMB-16"]
    assert any("geen gemeenschappelijke regeling" in w for w in report.warnings)
    asked = analyse(doc_from_text(VERORDENING), detectors=["AMB-16"])
    assert [f for f in asked.flags if f.type == "AMB-16"]


def test_runner_keeps_amb16_on_a_gr():
    gr = ("Artikel 1 Instelling\n1. Er is een openbaar lichaam. Het algemeen bestuur en het dagelijks bestuur "
          "zijn de organen van het openbaar lichaam.")
    report = analyse(doc_from_text(gr))
    assert [f for f in report.flags if f.type == "AMB-16"]


# -- the test-set loader ---------------------------------------------------------------------------
YAML = """\
$id: proefverordening
officiele_titel: Proefverordening 2026
articles:
  - number: '2.1'
    text: |
      **Premie**

      1. Het college kent een premie toe indien:
        a. de belanghebbende werkt; en
        b. de belanghebbende
           voldoende meewerkt.
      2. De premie bedraagt 150 euro.
"""


def test_yaml_loader_builds_artikel_lid_onderdeel_passages(tmp_path):
    from bench.ambiguity_testset import load_yaml_regulation

    src = tmp_path / "proef.yaml"
    src.write_text(YAML, encoding="utf-8")
    doc = load_yaml_regulation(src)
    assert doc.kind == "regeling" and doc.title == "Proefverordening 2026"
    got = [(p.artikel, p.lid, p.onderdeel, p.text) for p in doc.passages]
    assert got == [("2.1", "1", None, "Het college kent een premie toe indien:"),
                   ("2.1", "1", "a", "de belanghebbende werkt; en"),
                   ("2.1", "1", "b", "de belanghebbende voldoende meewerkt."),
                   ("2.1", "2", None, "De premie bedraagt 150 euro.")]
    assert doc.passages[0].heading == "Artikel 2.1 Premie"


def test_yaml_loader_rejects_a_file_without_articles(tmp_path):
    from bench.ambiguity_testset import load_yaml_regulation

    src = tmp_path / "leeg.yaml"
    src.write_text("$id: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="geen 'articles'"):
        load_yaml_regulation(src)


def test_test_set_files_load_and_none_is_held_out(shared_corpus):
    from bench.ambiguity_testset import heldout_sources, load_yaml_regulation, test_paths

    paths = test_paths(shared_corpus)
    assert len(paths) >= 10
    held = heldout_sources(shared_corpus.parent / "eval")
    assert not {f"verordeningen-yaml/{p.name}" for p in paths} & held
    docs = [load_yaml_regulation(p) for p in paths]
    assert all(d.artikelen() for d in docs)
    assert sum(len(p.text.split()) for d in docs for p in d.passages) > 10_000
