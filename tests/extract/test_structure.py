"""Structure recognition on Lines built from strings: one table per document kind."""

from __future__ import annotations

import pytest

from extract.lines import Line
from extract.structure import build_passages, split_inline_onderdelen, split_long


def lines_from(text: str, *, para_every_line: bool = True, **style: object) -> list[Line]:
    """One Line per text line; "¶" at the end of a line marks a paragraph end when not every line ends one."""
    out = []
    for i, raw in enumerate(text.strip("\n").split("\n")):
        para = para_every_line or raw.endswith("¶")
        out.append(Line(text=raw.rstrip("¶").strip(), page=1 + i // 10, para_end=para, **style))  # type: ignore[arg-type]
    return out


REGELING = """\
Gemeenschappelijke regeling Drechtsteden 2024
De raden van de gemeenten Dordrecht en Zwijndrecht,
Gelet op artikel 51 van de Wet gemeenschappelijke regelingen;
besluiten vast te stellen de volgende regeling:
Hoofdstuk 1 Algemene bepalingen
Artikel 1 Begripsbepalingen
In deze regeling wordt verstaan onder:
a. gemeenten: de deelnemende gemeenten;
b. bestuur: het algemeen bestuur, bestaande uit:
1° de leden;
2° de voorzitter;
c. regio: het gebied van de gemeenten.
Hoofdstuk 2 Taken
Paragraaf 2.1 Uitvoering
Artikel 2
Taken en bevoegdheden
1. Het openbaar lichaam heeft de volgende taken:
a. beleid;
b. uitvoering van de taken als bedoeld in¶
artikel 5 van de wet.
2. Het bestuur kan besluiten nemen als bedoeld in¶
Artikel 5.
3. Het bestuur stelt regels.
Artikel 2a Kosten
De kosten worden verdeeld naar inwonertal, als bedoeld in artikel 3.
Toelichting
Algemeen
Deze regeling vervangt de oude regeling.
Artikel 2
Het tweede artikel regelt de taken.
Bijlage 1
Lijst van taken."""


def _regeling():
    lines = lines_from(REGELING, para_every_line=False)
    # Every line ends a paragraph except those marked as running on ("¶" is absent on them).
    for ln, raw in zip(lines, REGELING.split("\n"), strict=True):
        ln.para_end = not raw.endswith("in¶") and not raw.endswith("in")
    return build_passages("d" * 64, lines, "regeling")


@pytest.mark.parametrize(("path", "part", "text_start"), [
    ((), "aanhef", "Gemeenschappelijke regeling Drechtsteden 2024"),
    ((), "aanhef", "Gelet op artikel 51"),
    ((("hoofdstuk", "1"), ("artikel", "1")), "dispositief", "In deze regeling wordt verstaan onder:"),
    ((("hoofdstuk", "1"), ("artikel", "1"), ("onderdeel", "a")), "dispositief", "gemeenten: de deelnemende"),
    ((("hoofdstuk", "1"), ("artikel", "1"), ("onderdeel", "b")), "dispositief", "bestuur: het algemeen bestuur"),
    ((("hoofdstuk", "1"), ("artikel", "1"), ("onderdeel", "b"), ("subonderdeel", "2°")), "dispositief",
     "de voorzitter"),
    ((("hoofdstuk", "1"), ("artikel", "1"), ("onderdeel", "c")), "dispositief", "regio:"),
    ((("hoofdstuk", "2"), ("paragraaf", "2.1"), ("artikel", "2"), ("lid", "1")), "dispositief",
     "Het openbaar lichaam heeft de volgende taken:"),
    ((("hoofdstuk", "2"), ("paragraaf", "2.1"), ("artikel", "2"), ("lid", "1"), ("onderdeel", "b")), "dispositief",
     "uitvoering van de taken als bedoeld in artikel 5 van de wet."),
    ((("hoofdstuk", "2"), ("paragraaf", "2.1"), ("artikel", "2"), ("lid", "2")), "dispositief",
     "Het bestuur kan besluiten nemen als bedoeld in Artikel 5."),
    ((("hoofdstuk", "2"), ("paragraaf", "2.1"), ("artikel", "2a")), "dispositief", "De kosten worden verdeeld"),
    ((), "toelichting", "Deze regeling vervangt"),
    ((("artikel", "2"),), "toelichting", "Het tweede artikel regelt"),
    ((), "bijlage", "Lijst van taken."),
])
def test_regeling_passages(path, part, text_start):
    found = [p for p in _regeling() if p.path == path and p.part == part and p.text.startswith(text_start)]
    assert len(found) == 1, [(p.path, p.part, p.text[:40]) for p in _regeling()]


def test_regeling_tree_headings_and_false_references():
    passages = _regeling()
    from extract.document import Document

    doc = Document(id="d" * 64, title="t", kind="regeling", passages=passages)
    # "Artikel 5." after "als bedoeld in" (no paragraph end) is a reference, not an article.
    assert doc.tree() == {"1": [], "2": ["1", "2", "3"], "2a": []}
    assert doc.artikel("2")[0].heading == "Artikel 2 Taken en bevoegdheden"
    assert doc.artikel("2a")[0].heading == "Artikel 2a Kosten"
    assert all(p.page_start >= 1 and p.page_end >= p.page_start for p in passages)
    assert [p.seq for p in passages] == list(range(len(passages)))
    assert len({p.id for p in passages}) == len(passages)


@pytest.mark.parametrize(("text", "kind_of_line"), [
    ("Artikel 12 Inwerkingtreding", "heading"),
    ("Artikel 4:8", "heading"),
    ("ARTIKEL 3", "heading"),
    ("Artikel 5 van de Gemeentewet is van toepassing.", "text"),
    ("Artikel 5, tweede lid, is van overeenkomstige toepassing.", "text"),
    ("Artikel 7 eerste lid geldt niet.", "text"),
])
def test_article_heading_versus_sentence(text, kind_of_line):
    lines = [Line(text="Artikel 1", page=1, para_end=True), Line(text="De regels gelden.", page=1, para_end=True),
             Line(text=text, page=1, para_end=True), Line(text="Slottekst.", page=1, para_end=True)]
    passages = build_passages("x" * 64, lines, "regeling")
    artikelen = {p.artikel for p in passages}
    assert (len(artikelen) == 2) == (kind_of_line == "heading"), [(p.path, p.text) for p in passages]


def test_lid_numbers_only_in_sequence():
    lines = lines_from("""Artikel 3
1. Het bestuur besluit over de begroting van
2025 en volgende jaren.
3. Dit lid komt na lid 1 en is dus geen lid.
2. Tweede lid.""")
    lines[1].para_end = False
    passages = build_passages("x" * 64, lines, "regeling")
    assert [p.lid for p in passages] == ["1", "2"]
    assert "2025 en volgende jaren. 3. Dit lid" in passages[0].text


def test_inline_definitions_and_leden_are_split():
    assert split_inline_onderdelen("verstaan onder: a. de minister: X; b. de provincie: Y; c. stichting: Z.") == [
        "verstaan onder:", "a. de minister: X;", "b. de provincie: Y;", "c. stichting: Z."]
    assert split_inline_onderdelen("als bedoeld in: artikel a. en verder") == ["als bedoeld in: artikel a. en verder"]
    lines = [Line(text="Artikel 2", page=1, para_end=True),
             Line(text="1. Er is een lichaam.2. Het doel is archief. 3. Het lichaam voert beleid uit.", page=1,
                  para_end=True)]
    passages = build_passages("x" * 64, lines, "regeling")
    assert [(p.lid, p.text) for p in passages] == [
        ("1", "Er is een lichaam."), ("2", "Het doel is archief."), ("3", "Het lichaam voert beleid uit.")]


def test_outline_lists_every_heading():
    from extract.structure import OutlineEntry

    outline: list[OutlineEntry] = []
    lines = lines_from(REGELING, para_every_line=True)
    build_passages("d" * 64, lines, "regeling", outline)
    headings = [(e.heading, e.part) for e in outline]
    assert headings[:4] == [("Hoofdstuk 1 Algemene bepalingen", "dispositief"),
                            ("Artikel 1 Begripsbepalingen", "dispositief"),
                            ("Hoofdstuk 2 Taken", "dispositief"), ("Paragraaf 2.1 Uitvoering", "dispositief")]
    assert ("Toelichting", "toelichting") in headings and ("Bijlage 1", "bijlage") in headings
    outline.clear()
    build_passages("a" * 64, _akkoord_lines(), "akkoord", outline)
    # The 14 pt subtitle is smaller than the 16 pt chapters, so it is a (passage-less) heading of its own.
    assert [e.heading for e in outline] == [
        "Coalitieakkoord 2022-2026", "1. Wonen", "Betaalbaarheid", "1.1 Starters", "2. Zorg"]


def test_besluit_with_attached_regeling_restarts_numbering():
    text = """Besluit deelname
Artikel 1
Het Rijk neemt deel.
Artikel 2
Dit besluit treedt in werking.
Regeling Archief
Artikel 1
1. Er is een openbaar lichaam.
2. Het is gevestigd in Assen.
Artikel 2
Het bestuur bestaat uit vijf leden."""
    passages = build_passages("x" * 64, lines_from(text), "regeling")
    from extract.document import Document

    doc = Document(id="x" * 64, title="t", kind="regeling", passages=passages)
    assert doc.tree() == {"1": ["1", "2"], "2": []}
    besluit = [p.text for p in passages if p.part == "aanhef" and p.artikel]
    assert besluit[0] == "Het Rijk neemt deel." and besluit[1].startswith("Dit besluit treedt in werking.")


def test_toelichting_and_bijlage_sentences_do_not_switch_part():
    lines = lines_from("""Artikel 1
Bijlage 2 bevat de tarieven.
Toelichting volgt later.
Artikel 2
Tekst.
BIJLAGE 1
Tarieven.""")
    passages = build_passages("x" * 64, lines, "regeling")
    assert [(p.part, p.artikel) for p in passages] == [
        ("dispositief", "1"), ("dispositief", "2"), ("bijlage", None)]


def test_tables_become_table_passages():
    lines = [Line(text="Artikel 4", page=2, para_end=True), Line(text="De verdeelsleutel is:", page=2, para_end=True),
             Line(text="", page=3, table=[["Gemeente", "Aandeel"], ["Dordrecht", "40%"], ["", ""]], para_end=True)]
    passages = build_passages("x" * 64, lines, "regeling")
    table = [p for p in passages if p.block == "table"]
    assert len(table) == 1 and table[0].text == "Gemeente | Aandeel\nDordrecht | 40%"
    assert table[0].artikel == "4" and table[0].page_start == 3


# ----------------------------------------------------------------------------- akkoord
def _akkoord_lines() -> list[Line]:
    spec = [
        ("Samen verder", 20, True, True),
        ("Coalitieakkoord 2022-2026", 14, True, True),
        ("1. Wonen", 16, True, True),
        ("We bouwen 5.000 woningen in de regio Drechtsteden en zorgen voor betaalbare", 11, False, False),
        ("huur- en koopwoningen voor starters.", 11, False, True),
        ("Betaalbaarheid", 13, True, True),
        ("• We verlagen de OZB niet.", 11, False, True),
        ("• We investeren in sociale huur.", 11, False, True),
        ("1.1 Starters", 13, True, True),
        ("Starters krijgen voorrang bij nieuwbouw.", 11, False, True),
        ("2. Zorg", 16, True, True),
        ("De wijkteams blijven.", 11, False, True),
        ("1. Een genummerde zin die geen kop is omdat ze niet vet is.", 11, False, True),
    ]
    return [Line(text=t, page=1 + i // 5, size=s, bold=b, para_end=p) for i, (t, s, b, p) in enumerate(spec)]


@pytest.mark.parametrize(("text_start", "path", "heading"), [
    ("We bouwen 5.000 woningen", (("sectie", "1"),), "1. Wonen"),
    ("We verlagen de OZB niet.", (("sectie", "1"), ("sectie", "betaalbaarheid")), "Betaalbaarheid"),
    ("We investeren in sociale huur.", (("sectie", "1"), ("sectie", "betaalbaarheid")), "Betaalbaarheid"),
    ("Starters krijgen voorrang", (("sectie", "1.1"),), "1.1 Starters"),
    ("De wijkteams blijven.", (("sectie", "2"),), "2. Zorg"),
    ("1. Een genummerde zin", (("sectie", "2"),), "2. Zorg"),
])
def test_akkoord_headings_by_font_size(text_start, path, heading):
    passages = build_passages("a" * 64, _akkoord_lines(), "akkoord")
    found = [p for p in passages if p.text.startswith(text_start)]
    assert len(found) == 1, [(p.path, p.text) for p in passages]
    assert found[0].path == path and found[0].heading == heading


def test_akkoord_paragraph_merge_and_long_split():
    passages = build_passages("a" * 64, _akkoord_lines(), "akkoord")
    first = next(p for p in passages if p.text.startswith("We bouwen"))
    assert first.text.endswith("betaalbare huur- en koopwoningen voor starters.")
    assert (first.page_start, first.page_end) == (1, 1)
    long = " ".join(f"Zin nummer {i} gaat over woningbouw in de regio." for i in range(80))
    chunks = split_long(long, 250)
    assert len(chunks) == 3 and all(len(c.split()) <= 250 for c in chunks)
    assert all(c.endswith(".") for c in chunks) and " ".join(chunks) == long


def test_overig_without_layout_uses_numbering_and_paragraphs():
    lines = lines_from("""Inleiding van het rapport.
2. Bevindingen
De gemeente heeft 12 projecten onderzocht.
2.1 Financien
Het budget is overschreden.""")
    passages = build_passages("o" * 64, lines, "overig")
    assert [(p.path, p.text) for p in passages] == [
        ((), "Inleiding van het rapport."),
        ((("sectie", "2"),), "De gemeente heeft 12 projecten onderzocht."),
        ((("sectie", "2.1"),), "Het budget is overschreden."),
    ]


# ----------------------------------------------------------------------------- agenda
AGENDA = [
    ("Besluitenlijst raadsvergadering 29 juni 2015", True),
    ("1. Opening.", True),
    ("De voorzitter opent de vergadering.", False),
    ("2. Vaststelling agenda.", True),
    ("De agenda wordt vastgesteld.", False),
    ("4a. Voorstel tot het vaststellen van de Verordening", True),
    ("kamerverhuurpanden 2015.", True),
    ("De raad besluit unaniem:", False),
    ("1. de verordening vast te stellen;", False),
    ("2. het college te vragen te evalueren.", False),
    ("De raad besluit in meerderheid:", False),
    ("het amendement te aanvaarden.", False),
    ("4b. Rondvraag.", True),
    ("3. Dit is geen agendapunt.", False),
    ("5. Sluiting.", True),
]


def _agenda(bold: bool):
    lines = [Line(text=t, page=1, size=10.0 if bold else 0.0, bold=b and bold, para_end=not t.startswith("4a."))
             for t, b in AGENDA]
    return build_passages("g" * 64, lines, "agenda")


@pytest.mark.parametrize("with_layout", [True, False])
def test_agenda_items_and_decisions(with_layout):
    passages = _agenda(with_layout)
    items = list(dict.fromkeys(p.get("agendapunt") for p in passages if p.get("agendapunt")))
    assert items == ["1", "2", "4a", "4b", "5"]
    heading_4a = next(p.heading for p in passages if p.get("agendapunt") == "4a")
    assert heading_4a == "4a. Voorstel tot het vaststellen van de Verordening kamerverhuurpanden 2015"
    decisions = [p for p in passages if p.get("besluit")]
    assert [(p.get("agendapunt"), p.get("besluit")) for p in decisions][0] == ("4a", "1")
    d1 = " ".join(p.text for p in decisions if p.get("besluit") == "1")
    assert "de verordening vast te stellen" in d1 and "te evalueren" in d1
    d2 = " ".join(p.text for p in decisions if p.get("besluit") == "2")
    assert "het amendement te aanvaarden" in d2
    assert any("Dit is geen agendapunt" in p.text and p.get("agendapunt") == "4b" for p in passages)


def test_agenda_bundle_index_subitems_proposals_and_attachments():
    spec = [  # (text, page, size, bold, para_end)
        ("Bundel - Algemeen Bestuur", 1, 10, True, True),
        ("1 Opening", 1, 9, False, False),  # the bundle's index page: body type, no full stops
        ("1.3 Actualiteitenmemo", 1, 9, False, True),
        ("2 Rondvraag", 1, 9, False, True),
        ("1. Opening (bijlagen)", 2, 13, False, False),
        ("1.1. Vaststellen agenda", 2, 9, False, False),
        ("1.2. Ingekomen stukken", 2, 9, False, True),
        ("2. Begroting 2025 (bijlage 2.1)", 2, 13, False, False),
        ("Voorgesteld wordt:", 2, 9, True, False),
        ("1. De begroting 2025 vast te stellen.", 2, 9, False, True),
        ("3. Rondvraag en sluiting", 3, 13, False, True),
        ("Eerstvolgend overleg: 4 december.", 3, 9, False, True),
        ("Actualiteitenmemo", 4, 14, True, True),
        ("1. Dit is geen agendapunt meer.", 4, 9, False, True),
        ("De raad besluit: niets, dit is een bijlage.", 4, 9, False, True),
    ]
    lines = [Line(text=t, page=p, size=s, bold=b, para_end=e) for t, p, s, b, e in spec]
    passages = build_passages("g" * 64, lines, "agenda")
    items = list(dict.fromkeys(p.get("agendapunt") for p in passages if p.get("agendapunt")))
    assert items == ["1", "1.1", "1.2", "2", "3"]
    proposal = [p for p in passages if p.get("besluit")]
    assert len(proposal) == 1 and proposal[0].path == (("agendapunt", "2"), ("besluit", "1"))
    assert "De begroting 2025 vast te stellen." in proposal[0].text
    after = [p for p in passages if p.page_start == 4]
    assert after and all(p.part == "bijlage" and p.path == () for p in after)


def test_unlettered_definitions_become_onderdelen():
    lines = lines_from("""Artikel 1 Begripsbepalingen
In deze verordening wordt verstaan onder:
college: het college van burgemeester en wethouders;
mantelzorger: degene die gebruikelijke zorg verleent
aan een naaste;
wet: de Wet maatschappelijke ondersteuning 2015.
Artikel 2 Toepassing
Deze verordening geldt voor de gemeente.""")
    lines[3].para_end = False
    passages = build_passages("x" * 64, lines, "regeling")
    got = [(p.artikel, p.onderdeel, p.text) for p in passages]
    assert got == [
        ("1", None, "In deze verordening wordt verstaan onder:"),
        ("1", "college", "college: het college van burgemeester en wethouders;"),
        ("1", "mantelzorger", "mantelzorger: degene die gebruikelijke zorg verleent aan een naaste;"),
        ("1", "wet", "wet: de Wet maatschappelijke ondersteuning 2015."),
        ("2", None, "Deze verordening geldt voor de gemeente."),
    ]


def test_indented_numbers_under_an_onderdeel_are_subonderdelen():
    spec = [("Artikel 4", 56), ("1. Het bestuur kan:", 56), ("a. regels stellen over:", 70),
            ("1. de begroting;", 84), ("2. de rekening;", 84), ("b. besluiten nemen.", 70),
            ("2. Het bestuur vergadert.", 56)]
    lines = [Line(text=t, page=1, x0=x, para_end=True) for t, x in spec]
    passages = build_passages("x" * 64, lines, "regeling")
    assert [(p.lid, p.onderdeel, p.get("subonderdeel")) for p in passages] == [
        ("1", None, None), ("1", "a", None), ("1", "a", "1"), ("1", "a", "2"), ("1", "b", None), ("2", None, None)]


TRICKY = [
    "Artikel 1", "Artikel 2a Taken", "ARTIKEL 3", "Artikel 4:8", "Artikel I", "artikel 5 van de wet", "Hoofdstuk 2",
    "HOOFDSTUK IV. SLOT", "Paragraaf 1.2 Begrippen", "§ 3", "Afdeling 2.1", "1.", "1. Eerste lid.", "2 Tweede lid",
    "a.", "a. onderdeel;", "b) onderdeel", "1° sub;", "Toelichting", "Bijlage 2", "Lasten en bevelen",
    "Artikel 21 komt te luiden:", "In deze wet wordt verstaan onder:", "begrip: definitie;", "", " ", "•", "- punt",
    "1. Opening", "2a. Mededelingen", "4.1 Subpunt", "De raad besluit:", "Voorgesteld wordt:", "Sluiting",
    "Inhoudsopgave", "12", "15 december 2021", "€ 1.000 2.000 3.000 4.000", "x" * 400, "Zin. " * 300,
]


@pytest.mark.parametrize("kind", ["regeling", "akkoord", "agenda", "overig"])
def test_random_line_soup_never_crashes(kind: str):
    import random

    rng = random.Random(20261127)
    for _ in range(150):
        lines = []
        for k in range(rng.randint(0, 40)):
            table = [["a", "b"], ["", "c"]] if rng.random() < 0.05 else None
            lines.append(Line(text=rng.choice(TRICKY), page=1 + k // 12, size=rng.choice([0.0, 9.0, 11.0, 16.0]),
                              bold=rng.random() < 0.3, x0=rng.choice([0.0, 56.0, 70.0]), table=table,
                              heading_level=rng.choice([0, 0, 0, 1, 2]), para_end=rng.random() < 0.5))
        passages = build_passages("r" * 64, lines, kind)
        assert [p.seq for p in passages] == list(range(len(passages)))
        for p in passages:
            assert p.text and p.text == p.text.strip()
            assert p.block == "table" or "  " not in p.text
            assert 1 <= p.page_start <= p.page_end
            assert p.part in ("", "aanhef", "dispositief", "toelichting", "bijlage")
