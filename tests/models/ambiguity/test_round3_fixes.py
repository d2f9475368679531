"""Fixes for the round-3 hand check (tests/data/ambiguity_handcheck_round3.tsv) and the Flag.key collision.

As in test_handcheck_fixes.py, each fix is paired with a close variant that must still be flagged.
"""

from __future__ import annotations

from models.ambiguity import analyse
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.sample import doc_from_text
from tests.models.ambiguity.helpers import lid, run


def _sev(flags, quote: str) -> Severity:
    return next(f.severity for f in flags if quote in f.quote)


def _amb01(text: str) -> list[Flag]:
    """Through the runner: the escalation by clause context happens there."""
    return analyse(doc_from_text(text), detectors=["AMB-01"]).flags


def test_amb01_time_hedge_in_a_duty_clause_is_not_escalated():
    tasks = "Artikel 5 Taken en bevoegdheden"  # a tasks/powers article: the escalation context
    flags = _amb01(lid("Het dagelijks bestuur voorziet zo spoedig mogelijk in de vacature.", tasks))
    assert _sev(flags, "zo spoedig mogelijk") == Severity.SUGGESTIE
    flags = _amb01(lid("Het dagelijks bestuur informeert de raden onverwijld over het besluit.", tasks))
    assert _sev(flags, "onverwijld") == Severity.SUGGESTIE
    # A real hedge in the same kind of clause whose lid names the organ: its decider is knowable, so since
    # round 8 it is no longer escalated (the escalation without a knowable decider: test_round8_severity.py).
    flags = _amb01(lid("Het dagelijks bestuur informeert de raden zo mogelijk over het besluit.", tasks))
    assert _sev(flags, "zo mogelijk") == Severity.SUGGESTIE


def test_amb01_degree_word_is_a_concern_only_without_a_knowable_decider():
    """Round 6: 'voldoende' is applied by the organ that acts in the artikel; only a duty clause in an
    artikel that names no organ at all leaves the open norm without a decider."""
    tasks = "Artikel 5 Taken en bevoegdheden"
    flags = _amb01(lid("Het dagelijks bestuur informeert de raden in voldoende mate over het besluit.", tasks))
    assert _sev(flags, "voldoende") == Severity.SUGGESTIE
    flags = _amb01(lid("Het is verplicht voldoende reserves aan te houden.", tasks))
    assert _sev(flags, "voldoende") == Severity.ZORG
    flags = _amb01(lid("Het is verplicht 2 procent reserve aan te houden, of voldoende meer.", tasks))
    assert _sev(flags, "voldoende") == Severity.SUGGESTIE  # a number in the sentence gives the measure


def test_amb14_reasonableness_with_a_named_organ_is_a_suggestion():
    text = lid("De minister en de gemeenten kunnen inzage vorderen van bescheiden, voor zover dat voor de "
               "vervulling van hun taak redelijkerwijs nodig is.")
    assert _sev(run("AMB-14", text), "redelijkerwijs") == Severity.SUGGESTIE
    # Without reasonableness and without an organ that holds the power, the open condition stays a concern.
    plain = lid("Inzage in bescheiden wordt verleend, voor zover dat voor de vervulling van de taak nodig is.")
    assert _sev(run("AMB-14", plain), "voor zover") >= Severity.ZORG


def test_amb14_condition_on_the_power_of_the_one_named_organ_is_a_suggestion():
    """Round 6: the organ that holds the power applies its condition (a knowable decider)."""
    text = lid("Het college kan afzien van een maatregel, indien dat noodzakelijk is.")
    assert _sev(run("AMB-14", text), "indien") == Severity.SUGGESTIE
    two = lid("Het dagelijks bestuur neemt het besluit indien dit past binnen het kader, anders doet het dagelijks "
              "bestuur een voorstel aan het algemeen bestuur.")
    assert _sev(run("AMB-14", two), "indien") == Severity.KRITIEK


def _flag(subject: str) -> Flag:
    return Flag("AMB-16", "Wgr", Severity.ZORG, 0.45, "Artikel 1", 0, 9, "uitleg", "Wgr art. 9", "vraag?",
                artikel="1", subject=subject)


def test_distinct_document_level_findings_have_distinct_keys():
    a, b = _flag("de toetreding"), _flag("de uittreding")
    assert a.key != b.key
    assert Flag.from_dict(a.to_dict()) == a
    assert a.to_dict()["subject"] == "de toetreding"


def test_old_flag_dicts_without_subject_load_with_their_old_key():
    old = _flag("").to_dict()
    del old["subject"]
    f = Flag.from_dict(old)
    assert f.subject == "" and f.key == old["key"]


# -- recall: a definition removed while the term is still used ---------------------------------
DEFS = "Artikel 1 Begripsbepalingen\nIn deze regeling wordt verstaan onder:\na. wet: de Archiefwet 1995;\n"


def _missing(text: str) -> list[str]:
    return [f.quote for f in run("AMB-09", text) if "vast begrip" in f.explanation]


def test_amb09_usual_term_used_but_not_defined():
    body = ("Artikel 2 Taken\n1. De archiefbescheiden worden bewaard in de archiefbewaarplaats.\n"
            "2. De minister en de gemeente kunnen de archiefbescheiden opvragen.")
    assert "archiefbescheiden" in " ".join(_missing(DEFS + body)).lower()
    defined = DEFS.replace("a. wet", "a. archiefbescheiden: archiefbescheiden als bedoeld in de Archiefwet 1995;\nb. wet")
    assert "archiefbescheiden" not in " ".join(_missing(defined + body)).lower()


def test_amb09_usual_term_named_on_the_spot_is_not_missing():
    body = ("Artikel 2 Taken\n1. De minister van Financiën ontvangt de begroting.\n"
            "2. De minister van Financiën ontvangt de jaarrekening.")
    assert not any("minister" in q.lower() for q in _missing(DEFS + body))
    bare = body.replace("minister van Financiën", "minister")
    assert any("minister" in q.lower() for q in _missing(DEFS + bare))


def test_amb09_capitalised_term_used_as_defined_term():
    body = ("Artikel 2 Taken\n1. Het algemeen bestuur van het Schap stelt de begroting vast.\n"
            "2. Het dagelijks bestuur van het Schap voert de begroting uit.")
    assert "het Schap" in _missing(DEFS + body)
    defined = DEFS + "b. Schap: het openbaar lichaam Recreatieschap Drechtsteden;\n"
    assert "het Schap" not in _missing(defined + body)
    # A place name is not a defined term.
    places = body.replace("van het Schap", "aan de Ringvaart")
    assert _missing(DEFS + places) == []


# -- parser: closing formula, signatures and toelichting after the last artikel -----------------
CLOSING_MD = """# Regeling Archief Noord

#### *Artikel 1*

1. Het algemeen bestuur stelt de begroting vast.

#### *Artikel 2*

Deze regeling wordt aangehaald als: Regeling Archief Noord.

Deze regeling zal met de toelichting door de Staatssecretaris in de Staatscourant worden geplaatst.  \
De Staatssecretaris van Onderwijs, M.C. van der Laan De Raad van de gemeente Assen De voorzitter De griffier

####Toelichting bij de Regeling Archief Noord

#### *Algemeen*

Het dagelijks bestuur kan zo nodig nadere regels stellen, enz.
"""


def test_signature_and_toelichting_are_not_in_the_last_artikel(tmp_path):
    import extract

    src = tmp_path / "regeling.md"
    src.write_text(CLOSING_MD, encoding="utf-8")
    doc = extract.parse(src)
    last = " ".join(p.text for p in doc.dispositief() if p.artikel == "2")
    assert "aangehaald als" in last  # the article text itself stays
    assert "van der Laan" not in last and "zo nodig" not in last
    assert any("zo nodig" in p.text for p in doc.passages if p.part == "toelichting")
    report = analyse(doc)
    assert not [f for f in report.flags if "zo nodig" in f.quote or "enz" in f.quote or "Laan" in f.quote]
    # The same sentence inside an artikel is still analysed.
    inside = CLOSING_MD.replace("Het algemeen bestuur stelt de begroting vast.",
                                "Het dagelijks bestuur kan zo nodig nadere regels stellen.")
    src.write_text(inside, encoding="utf-8")
    assert any(f.quote == "zo nodig" and f.artikel == "1" for f in analyse(extract.parse(src)).flags)


# -- recall: demo misses ------------------------------------------------------------------------
def test_amb06_rare_compound_organ_name_is_undefined():
    flags = run("AMB-06", lid("Het regiobestuur besluit over de dienstverleningsovereenkomsten."))
    assert "Het regiobestuur" in [f.quote for f in flags]
    # A common compound names a known institution.
    flags = run("AMB-06", lid("De gemeenteraad besluit over de dienstverleningsovereenkomsten."))
    assert not any("gemeenteraad" in f.quote for f in flags)


def test_amb14_circumstances_that_give_cause():
    text = lid("Het dagelijks bestuur doet een voorstel tot wijziging indien de omstandigheden daartoe "
               "aanleiding geven.")
    assert any("aanleiding" in f.quote for f in run("AMB-14", text))
    judged = lid("Het dagelijks bestuur doet een voorstel tot wijziging indien de omstandigheden naar het "
                 "oordeel van het algemeen bestuur daartoe aanleiding geven.")
    assert not any("aanleiding" in f.quote for f in run("AMB-14", judged))


def test_amb03_inconsistent_bindingness_is_shown_at_both_mentions():
    text = ("Artikel 5 Woonvisie\n1. Het algemeen bestuur stelt de woonvisie vast.\n"
            "2. De colleges houden rekening met de woonvisie.\n"
            "3. Besluiten van het dagelijks bestuur passen binnen de woonvisie.")
    flags = run("AMB-03", text)
    assert {f.lid for f in flags} >= {"2", "3"}
    assert max(f.severity for f in flags) == Severity.KRITIEK


def test_amb03_plan_drawn_up_by_an_organ_is_no_concern():
    drawn = lid("Het dagelijks bestuur stelt jaarlijks een beleidsplan op en zendt dit aan het algemeen bestuur.")
    assert all(f.severity <= Severity.SUGGESTIE for f in run("AMB-03", drawn))
    # Nobody draws it up or adopts it: still a concern.
    nobody = lid("Het beleidsplan bevat de doelen voor vier jaar. Het beleidsplan is openbaar.")
    assert any(f.severity >= Severity.ZORG for f in run("AMB-03", nobody))


def test_amb03_adopter_outside_the_regulation_is_an_adopter():
    text = lid("Het recreatiegebied ligt binnen het streekplan, door Provinciale Staten vastgesteld bij besluit "
               "van 18 december 1995. Het streekplan is leidend.")
    assert not any("vaststelt" in f.explanation for f in run("AMB-03", text))
    text = lid("Het recreatiegebied ligt binnen het streekplan. Het streekplan is leidend.")
    assert any("vaststelt" in f.explanation for f in run("AMB-03", text))


def test_amb07_instrument_in_a_fronted_prepositional_phrase_is_not_the_object():
    from tests.models.ambiguity.helpers import resources

    res = resources(lid("Na ontvangst van de jaarrekening stelt het algemeen bestuur de bijdragen vast."))
    objs = {c.object for c in res.competences if c.action_class == "adoption"}
    assert "jaarrekening" not in objs
    res = resources(lid("Het algemeen bestuur stelt de jaarrekening vast."))
    assert "jaarrekening" in {c.object for c in res.competences if c.action_class == "adoption"}


# -- severity: agents named as a decision, or recoverable from the same artikel (rounds 1-3) ----
def test_amb05_decision_of_named_organs_is_an_agent():
    named = lid("Deze regeling kan worden gewijzigd bij besluit van de raden en de minister gezamenlijk.")
    assert run("AMB-05", named) == []
    assert run("AMB-05", lid("Deze regeling kan worden gewijzigd."))


def test_passive_whose_agent_acts_in_the_same_artikel_is_a_suggestion():
    text = ("Artikel 4 Samenstelling\n1. De raden wijzen de leden van het algemeen bestuur aan.\n"
            "2. Een persoon wiens lidmaatschap is geëindigd, kan opnieuw worden aangewezen.")
    flags = run("AMB-02", text)
    assert flags and all(f.severity == Severity.SUGGESTIE for f in flags)
    # No organ appoints anywhere in the artikel: still a concern.
    alone = "Artikel 4 Samenstelling\n1. Een persoon wiens lidmaatschap is geëindigd, kan opnieuw worden aangewezen."
    assert any(f.severity == Severity.ZORG for f in run("AMB-02", alone))


def test_amb02_future_that_describes_is_no_duty():
    text = lid("De rechtspositieregeling van de provincie, zoals deze thans luidt en in de toekomst na wijziging "
               "zal luiden, is van overeenkomstige toepassing.")
    assert not any(f.quote == "zal" for f in run("AMB-02", text))
    assert any(f.quote == "zal" for f in run("AMB-02", lid("Het dagelijks bestuur zal de raden informeren.")))


def test_amb03_liquidatieplan_drawn_up_or_adopted_by_the_ab():
    drawn = lid("Het algemeen bestuur stelt een liquidatieplan op dat voorziet in de verdeling van de rechten.")
    assert all(f.severity <= Severity.SUGGESTIE for f in run("AMB-03", drawn))
    adopted = lid("Het algemeen bestuur besluit tot liquidatie en stelt daarvoor een liquidatieplan vast.")
    assert all(f.severity <= Severity.SUGGESTIE for f in run("AMB-03", adopted))
    nobody = lid("Het liquidatieplan voorziet in de verdeling van de rechten over de deelnemers.")
    assert any(f.severity >= Severity.ZORG for f in run("AMB-03", nobody))
