"""Readers through parse_file: DOCX round trip, Markdown/text, and bad input with Dutch errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from docx import Document as new_docx

from corpus.cli import main as cli_main
from extract.errors import ExtractError
from extract.reader import parse_file


def _regeling_docx(path: Path) -> Path:
    d = new_docx()
    d.core_properties.title = "Gemeenschappelijke regeling Drechtsteden"
    d.add_heading("Gemeenschappelijke regeling Drechtsteden", level=0)
    d.add_paragraph("De raden van de gemeenten Dordrecht, Papendrecht en Zwijndrecht;")
    d.add_paragraph("Gelet op artikel 51 van de Wet gemeenschappelijke regelingen;")
    d.add_paragraph("besluiten vast te stellen de volgende regeling:")
    d.add_heading("Hoofdstuk 1 Algemene bepalingen", level=1)
    d.add_heading("Artikel 1 Begripsbepalingen", level=2)
    d.add_paragraph("In deze regeling wordt verstaan onder:")
    d.add_paragraph("a. openbaar lichaam: de Drechtsteden;")
    d.add_paragraph("b. algemeen bestuur: het algemeen bestuur van het openbaar lichaam.")
    d.add_heading("Artikel 2 Taken", level=2)
    # Word's automatic numbering: the numbers are not in the paragraph text.
    d.add_paragraph("Het openbaar lichaam behartigt de belangen van de gemeenten.", style="List Number")
    d.add_paragraph("Het algemeen bestuur stelt de begroting vast.", style="List Number")
    d.add_heading("Artikel 3 Kostenverdeling", level=2)
    d.add_paragraph("De kosten worden als volgt verdeeld:")
    t = d.add_table(rows=3, cols=2)
    for r, row in enumerate([("Gemeente", "Aandeel"), ("Dordrecht", "60%"), ("Zwijndrecht", "40%")]):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    d.add_page_break()
    d.add_heading("Toelichting", level=1)
    d.add_paragraph("Deze regeling vervangt de regeling uit 2015.")
    d.save(path)
    return path


def test_docx_round_trip(tmp_path: Path):
    path = _regeling_docx(tmp_path / "regeling.docx")
    doc = parse_file(path)
    assert doc.format == "docx" and doc.kind == "regeling"
    assert doc.id == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.title == "Gemeenschappelijke regeling Drechtsteden"
    assert doc.body == "GR Drechtsteden"
    assert doc.tree() == {"1": [], "2": ["1", "2"], "3": []}
    assert [p.get("onderdeel") for p in doc.artikel("1")] == [None, "a", "b"]
    assert doc.lid("2", 2)[0].text == "Het algemeen bestuur stelt de begroting vast."
    assert doc.artikel("2")[0].heading == "Artikel 2 Taken"
    table = [p for p in doc.passages if p.block == "table"]
    assert len(table) == 1 and table[0].artikel == "3"
    assert table[0].text.splitlines() == ["Gemeente | Aandeel", "Dordrecht | 60%", "Zwijndrecht | 40%"]
    toel = [p for p in doc.passages if p.part == "toelichting"]
    assert toel and toel[0].page_start == 2 and doc.page_count == 2
    assert {p.part for p in doc.passages if p.artikel} == {"dispositief"}
    assert doc.passages[0].part == "aanhef"


def test_markdown_headings_tables_and_paragraphs(tmp_path: Path):
    md = tmp_path / "akkoord.md"
    md.write_text("""# Coalitieakkoord Zwijndrecht 2022-2026

## 1. Wonen

We bouwen **meer** woningen voor [starters](https://example.org)
en ouderen.

- We verlagen de huur niet.
- We bouwen in de kernen.

| Jaar | Woningen |
|------|----------|
| 2023 | 200 |

## 2. Zorg

De wijkteams blijven.
""", encoding="utf-8")
    doc = parse_file(md)
    assert doc.format == "markdown" and doc.kind == "akkoord" and doc.year == 2022
    assert doc.title == "Coalitieakkoord Zwijndrecht 2022-2026"
    assert doc.body == "Gemeente Zwijndrecht"
    scores = doc.meta["kind_scores"]
    assert doc.meta["kind_detected"] and scores["akkoord"] == max(scores.values())
    got = [(p.path, p.block, p.text) for p in doc.passages]
    assert got == [
        ((), "text", "Coalitieakkoord Zwijndrecht 2022-2026"),  # the title line stays readable as a passage
        ((("sectie", "1"),), "text", "We bouwen meer woningen voor starters en ouderen."),
        ((("sectie", "1"),), "text", "We verlagen de huur niet."),
        ((("sectie", "1"),), "text", "We bouwen in de kernen."),
        ((("sectie", "1"),), "table", "Jaar | Woningen\n2023 | 200"),
        ((("sectie", "2"),), "text", "De wijkteams blijven."),
    ]


def test_markdown_setext_headings_and_rules(tmp_path: Path):
    md = tmp_path / "notitie.md"
    md.write_text("Evaluatie wijkteams\n===================\n\n1. Inleiding\n-------------\n\nDe wijkteams werken."
                  "\n\n---\n\nEinde.\n", encoding="utf-8")
    doc = parse_file(md)
    assert doc.title == "Evaluatie wijkteams"
    assert [(p.path, p.text) for p in doc.passages] == [
        ((), "Evaluatie wijkteams"), ((("sectie", "1"),), "De wijkteams werken."), ((("sectie", "1"),), "Einde.")]


def test_regulation_cues_without_articles_fall_back(tmp_path: Path):
    txt = tmp_path / "memo.txt"
    txt.write_text("Memo over de verordening\n\nGelet op de Gemeentewet besluit het college vast te stellen dat de "
                   "verordening wordt herzien.\n\nDe herziening volgt in 2025.\n", encoding="utf-8")
    doc = parse_file(txt)
    assert doc.meta["kind_scores"]["regeling"] >= 3.0  # the cues alone point at a regulation …
    assert doc.kind == "overig" and doc.meta["kind_fallback"] == "regeling zonder artikelen"  # … the text has none
    assert parse_file(txt, kind="regeling").kind == "regeling"  # an explicit kind is kept


def test_plain_text_kind_override_and_explicit_metadata(tmp_path: Path):
    txt = tmp_path / "notitie.txt"
    txt.write_text("Notitie over de regio\n\nDe regio werkt samen.\n\nArtikel 1\n\nDit is geen regeling.\n",
                   encoding="cp1252")
    doc = parse_file(txt, kind="overig", title="Mijn titel", body="Gemeente Sliedrecht", year=2020)
    assert (doc.kind, doc.title, doc.body, doc.year, doc.format) == (
        "overig", "Mijn titel", "Gemeente Sliedrecht", 2020, "text")
    assert [p.text for p in doc.passages] == [
        "Notitie over de regio", "De regio werkt samen.", "Artikel 1", "Dit is geen regeling."]


@pytest.mark.parametrize(("name", "content", "phrase"), [
    ("leeg.pdf", b"", "is leeg"),
    ("spaties.txt", b"   \n\n ", "is leeg"),
    ("kapot.pdf", b"\x00\x01garbage" * 20, "geen PDF-bestand"),
    ("kapot.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "geen Word-document"),
    ("kapot.xml", b"\x00\xff\xfe garbage", "bevat geen XML"),
    ("half.xml", b"<?xml version='1.0'?><toestand><artikel>", "geen geldig XML-bestand"),
    ("geen-artikelen.xml", b"<?xml version='1.0'?><rss><item>x</item></rss>", "zonder artikelen"),
    ("archief.docx", b"PK\x03\x04" + b"\x00" * 100, "ZIP-archief"),
    ("programma.exe", b"MZ\x90\x00" + bytes(range(256)) * 4, "geen PDF, DOCX, XML, HTML, Markdown of tekstbestand"),
    ("pagina.html", b"<!DOCTYPE html><html><body><script>x()</script></body></html>", "HTML-pagina zonder tekst"),
    ("binair.txt", bytes(range(256)) * 8, "geen leesbare tekst"),
])
def test_bad_input_gives_dutch_error(tmp_path: Path, name: str, content: bytes, phrase: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractError) as err:
        parse_file(path)
    assert phrase in str(err.value)
    assert name in str(err.value)


def test_missing_file_and_unknown_kind(tmp_path: Path):
    with pytest.raises(ExtractError, match="bestaat niet"):
        parse_file(tmp_path / "weg.pdf")
    (tmp_path / "a.txt").write_text("Tekst.", encoding="utf-8")
    with pytest.raises(ExtractError, match="onbekende documentsoort"):
        parse_file(tmp_path / "a.txt", kind="roman")


def test_cli_parse_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = _regeling_docx(tmp_path / "regeling.docx")
    assert cli_main(["parse", str(path), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "## Artikel 2 Taken" in out and "artikel 2, lid 2" in out
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"niet echt een pdf")
    assert cli_main(["parse", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "geen PDF-bestand" in captured.err and "Traceback" not in captured.err


# CVDR (lokaleregelgeving.overheid.nl) vocabulary as used by the CVDR schema: a default namespace,
# Dublin Core metadata, <regeling-tekst> with <hoofdstuk>/<artikel>/<lid>/<al>/<lijst>/<li nr="…">.
# Written for this test (no CVDR XML file is in ../shared); element names checked against the
# CVDR HTML rendering in regional-cooperation/ (classes "regeling-tekst", "artikel", "lid").
CVDR_XML = """<?xml version="1.0" encoding="UTF-8"?>
<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/"
      xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">
  <meta><owmskern>
    <dcterms:identifier>CVDR000001_1</dcterms:identifier>
    <dcterms:title>Verordening sociaal domein Dordrecht 2024</dcterms:title>
    <dcterms:creator scheme="overheid:Gemeente">Dordrecht</dcterms:creator>
    <dcterms:issued>2024-03-12</dcterms:issued>
  </owmskern></meta>
  <body><regeling><aanhef><considerans><al>De raad van de gemeente Dordrecht;</al></considerans></aanhef>
  <regeling-tekst>
    <hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemeen</titel></kop>
      <artikel><kop><label>Artikel</label><nr>1</nr><titel>Begrippen</titel></kop>
        <al>In deze verordening wordt verstaan onder:</al>
        <lijst><li nr="a."><al>college: het college van burgemeester en wethouders;</al></li>
               <li nr="b."><al>wet: de Wmo 2015.</al></li></lijst>
      </artikel>
      <artikel><kop><label>Artikel</label><nr>2</nr><titel>Taken</titel></kop>
        <lid><lidnr>1.</lidnr><al>Het college voert de wet uit.</al></lid>
        <lid><lidnr>2.</lidnr><al>Het college stelt regels over:</al>
          <lijst><li nr="a."><al>de toegang;</al></li><li nr="b."><al>de kwaliteit.</al></li></lijst></lid>
      </artikel>
    </hoofdstuk>
  </regeling-tekst></regeling></body>
</cvdr>"""


def test_cvdr_style_xml(tmp_path: Path):
    path = tmp_path / "CVDR000001.xml"
    path.write_text(CVDR_XML, encoding="utf-8")
    doc = parse_file(path)
    assert (doc.kind, doc.format, doc.year, doc.body) == ("regeling", "xml", 2024, "Gemeente Dordrecht")
    assert doc.title == "Verordening sociaal domein Dordrecht 2024"
    assert doc.tree() == {"1": [], "2": ["1", "2"]}
    got = [(p.part, p.path, p.text) for p in doc.passages]
    assert got == [
        ("aanhef", (), "De raad van de gemeente Dordrecht;"),
        ("dispositief", (("hoofdstuk", "1"), ("artikel", "1")), "In deze verordening wordt verstaan onder:"),
        ("dispositief", (("hoofdstuk", "1"), ("artikel", "1"), ("onderdeel", "a")),
         "college: het college van burgemeester en wethouders;"),
        ("dispositief", (("hoofdstuk", "1"), ("artikel", "1"), ("onderdeel", "b")), "wet: de Wmo 2015."),
        ("dispositief", (("hoofdstuk", "1"), ("artikel", "2"), ("lid", "1")), "Het college voert de wet uit."),
        ("dispositief", (("hoofdstuk", "1"), ("artikel", "2"), ("lid", "2")), "Het college stelt regels over:"),
        ("dispositief", (("hoofdstuk", "1"), ("artikel", "2"), ("lid", "2"), ("onderdeel", "a")), "de toegang;"),
        ("dispositief", (("hoofdstuk", "1"), ("artikel", "2"), ("lid", "2"), ("onderdeel", "b")), "de kwaliteit."),
    ]
    assert doc.artikel("2")[0].heading == "Artikel 2 Taken"
