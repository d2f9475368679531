"""Structure recognition on real PDF lines: a regulation rendered with reportlab (tests/pdfgen.py)."""

from __future__ import annotations

from pathlib import Path

from extract.reader import parse_file
from tests.pdfgen import render_pdf

LONG_LID_2 = ("Het algemeen bestuur besluit bij meerderheid van stemmen over de begroting, de jaarrekening en "
              "de verdeling van de kosten over de deelnemende gemeenten, met inachtneming van het bepaalde in")


def _blocks() -> list:
    return [
        ("title", "Gemeenschappelijke regeling Drechtsteden 2026"),
        "De raden van de gemeenten Dordrecht, Papendrecht en Zwijndrecht, ieder voor zover het zijn "
        "bevoegdheden betreft;",
        "Gelet op artikel 51 van de Wet gemeenschappelijke regelingen;",
        "besluiten vast te stellen de volgende regeling:",
        ("h", "Hoofdstuk 1 Algemene bepalingen"),
        ("h", "Artikel 1 Begripsbepalingen"),
        "In deze regeling wordt verstaan onder:",
        ("item", "a.", "openbaar lichaam: het openbaar lichaam Drechtsteden;"),
        ("item", "b.", "algemeen bestuur: het algemeen bestuur van het openbaar lichaam, als bedoeld in "
                       "artikel 12 van de Wet gemeenschappelijke regelingen."),
        ("h", "Artikel 2 Besluitvorming"),
        # Leden flattened into one paragraph, as BWB-derived texts and some PDFs have them: the
        # numbers sit mid-line or at a line end after the PDF wraps the paragraph.
        "1. Het algemeen bestuur vergadert ten minste tweemaal per jaar en voorts zo dikwijls de voorzitter "
        "dit nodig oordeelt of ten minste drie leden daarom verzoeken. 2. " + LONG_LID_2 + " artikel 5. "
        "3. Staken de stemmen, dan is het voorstel niet aangenomen.",
        ("h", "Artikel 3 Inwerkingtreding"),
        ("item", "1.", "Deze regeling treedt in werking op 1 januari 2026."),
        ("item", "2.", "Zij wordt aangehaald als: Regeling Drechtsteden 2026."),
        ("pagebreak",),
        ("h", "Toelichting"),
        "De regeling vervangt de regeling uit 2015 en volgt de gewijzigde Wet gemeenschappelijke regelingen.",
        ("table", [["Gemeente", "Aandeel"], ["Dordrecht", "60%"], ["Zwijndrecht", "40%"]]),
    ]


def test_regulation_pdf_tree_parts_and_pages(tmp_path: Path):
    pdf = render_pdf(_blocks(), tmp_path / "gr-drechtsteden.pdf", header=None, footer=True)
    doc = parse_file(pdf)
    assert doc.format == "pdf" and doc.kind == "regeling" and doc.page_count == 2
    assert doc.body == "GR Drechtsteden" and doc.year == 2026
    assert doc.title == "Gemeenschappelijke regeling Drechtsteden 2026"
    assert doc.tree() == {"1": [], "2": ["1", "2", "3"], "3": ["1", "2"]}
    assert [p.onderdeel for p in doc.artikel("1")] == [None, "a", "b"]
    lid2 = doc.lid("2", 2)[0].text
    assert lid2.startswith("Het algemeen bestuur besluit") and lid2.endswith("het bepaalde in artikel 5.")
    assert doc.artikel("3")[0].heading == "Artikel 3 Inwerkingtreding"
    toelichting = [p for p in doc.passages if p.part == "toelichting"]
    assert toelichting and all(p.page_start == 2 for p in toelichting)
    assert any(p.block == "table" and "Dordrecht | 60%" in p.text for p in toelichting)
    assert all(1 <= p.page_start <= p.page_end <= 2 for p in doc.passages)
    assert not any("Pagina" in p.text for p in doc.passages)
