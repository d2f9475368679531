"""Shared resources on small hand-written regulations: definitions, aliases, competences, ledger."""

from models.ambiguity.resources import binding_level, infinitive_candidates
from tests.models.ambiguity.helpers import resources

REG = """Artikel 1 Begripsbepalingen
In deze regeling wordt verstaan onder:
a. Drechtraad: het algemeen bestuur van het openbaar lichaam;
b. Drechtstedenbestuur: het dagelijks bestuur van het openbaar lichaam;
c. woonvisie: de regionale woonvisie;
d. partners: de minister, de provincie en de gemeenten;
Artikel 2 Openbaar lichaam
1. Er is een openbaar lichaam Drechtsteden (hierna: GRD).
2. Het regionaal bureau (hierna: het bureau) ondersteunt het Drechtstedenbestuur.
Artikel 3 Taken
1. De Drechtraad stelt de woonvisie vast.
2. Het Drechtstedenbestuur kan de begroting wijzigen, indien dit past binnen het kader.
3. De begroting wordt door de Drechtraad vastgesteld.
4. Jaarlijks stelt het algemeen bestuur de jaarrekening vast, gehoord de raden.
5. Het dagelijks bestuur zendt de begroting aan de raden.
6. De colleges houden rekening met de woonvisie.
7. Het algemeen bestuur kan nadere regels stellen over de vergoeding.
8. Het dagelijks bestuur mandateert de secretaris.
"""


def test_structure_index():
    res = resources(REG)
    idx = res.structure
    assert idx.order == ["1", "2", "3"]
    assert idx.has("3", "8") and not idx.has("3", "9") and idx.has("1", None, "c") and not idx.has("1", None, "f")
    assert idx.is_task_article("3") and not idx.is_task_article("2")


def test_definitions_list_and_inline():
    res = resources(REG)
    terms = {d.term: d for d in res.definitions}
    assert {"Drechtraad", "Drechtstedenbestuur", "woonvisie", "partners", "GRD", "bureau"} <= set(terms)
    d = terms["woonvisie"]
    text = res.by_id[d.passage_id].text
    assert text[d.term_start:d.term_end] == "woonvisie" and text[d.def_start:d.def_end] == "de regionale woonvisie"
    assert terms["GRD"].kind == "inline" and terms["woonvisie"].kind == "lijst"


def test_aliases_learned_from_definitions():
    res = resources(REG)
    aliases = {a.name: a.key for a in res.aliases}
    assert aliases["drechtraad"] == "algemeen bestuur"
    assert aliases["drechtstedenbestuur"] == "dagelijks bestuur"
    assert "partners" not in aliases  # several organs: a collective, not an alias
    assert res.organs["algemeen bestuur"].defined and res.organs["algemeen bestuur"].level == "GR"
    assert res.organs["raden"].level == "gemeente" and res.organs["raden"].plural


def test_competence_extraction():
    res = resources(REG)
    by_lid = {(c.lid, c.action): c for c in res.competences if c.artikel == "3"}
    c = by_lid[("1", "vaststellen")]
    assert (c.actor, c.object, c.modality, c.passive) == ("algemeen bestuur", "woonvisie", "plicht", False)
    c = by_lid[("2", "wijzigen")]
    assert (c.actor, c.object, c.modality) == ("dagelijks bestuur", "begroting", "bevoegdheid")
    assert "indien" in c.conditions
    c = by_lid[("3", "vaststellen")]  # passive with a door-PP agent
    assert (c.actor, c.object, c.passive) == ("algemeen bestuur", "begroting", True)
    c = by_lid[("4", "vaststellen")]  # inversion: "Jaarlijks stelt het algemeen bestuur … vast"
    assert (c.actor, c.object, c.codecision) == ("algemeen bestuur", "jaarrekening", "advies")
    c = by_lid[("5", "zenden")]
    assert (c.actor, c.recipient) == ("dagelijks bestuur", "raden")


def test_instruments_and_bindingness():
    res = resources(REG)
    woon = [m for m in res.instruments if m.name == "woonvisie" and res.by_id[m.passage_id].passage.artikel == "3"]
    assert {m.level for m in woon} == {"L?", "L1"}
    assert all(m.adopters == ["algemeen bestuur"] for m in woon)
    kader = [m for m in res.instruments if m.name == "kader"]
    assert kader and kader[0].decision_test and kader[0].adopters == []
    assert binding_level("De colleges handelen overeenkomstig de visie.", 30)[0] == "L3"
    assert binding_level("De colleges nemen de visie in acht.", 15)[0] == "L2"  # separable phrase with a gap
    assert binding_level("De colleges houden zoveel mogelijk rekening met de visie.", 50)[0] == "L1"
    assert binding_level("De visie is openbaar.", 3)[0] == "L?"
    assert binding_level("met inachtneming van de visie", 20)[0] == "L2"


def test_delegation_ledger():
    res = resources(REG)
    kinds = {(d.kind, d.lid): d for d in res.delegations}
    d = kinds[("nadere regels", "7")]
    assert d.delegans == "algemeen bestuur" and d.subject.startswith("over de vergoeding")
    m = kinds[("mandaat/machtiging", "8")]
    assert m.delegans == "dagelijks bestuur" and m.recipient == "secretaris"


def test_infinitive_candidates_for_misread_finite_verbs():
    assert "wijzen" in infinitive_candidates("wijst")
    assert "stellen" in infinitive_candidates("stelt")
    assert "dragen" in infinitive_candidates("draagt")
    assert "besluiten" in infinitive_candidates("besluit")


def test_toelichting_and_aanhef_are_not_analysed():
    res = resources("Artikel 1 Taken\n1. Het algemeen bestuur stelt de begroting vast.\nToelichting\n"
                    "Het bestuur zal zo nodig de woonvisie vaststellen.")
    assert [pi.passage.part for pi in res.passages] == ["dispositief"]
