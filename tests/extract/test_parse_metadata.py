"""Kind, title, body and year inference (extract.metadata), on strings and on real Kamerstukken."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.lines import Line
from extract.metadata import detect_kind, infer_body, infer_title, infer_year, kamerstuk_title, regeling_title
from extract.reader import parse_file


def L(text: str, **kw: object) -> list[Line]:  # noqa: N802 - short helper name reads well in tables
    return [Line(text=t, page=1, para_end=True, **kw) for t in text.split("\n")]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "filename", "kind"), [
    ("Gemeenschappelijke regeling Drechtsteden\nGelet op artikel 51\nArtikel 1\nTekst.\nArtikel 2\nTekst.",
     "gr.pdf", "regeling"),
    ("De raad van de gemeente Dordrecht;\nbesluit vast te stellen de volgende verordening:\nArtikel 1 Begrippen",
     "x.pdf", "regeling"),
    ("Coalitieakkoord 2022-2026\nSamen bouwen aan Zwijndrecht\nWe investeren in wonen.", "doc.pdf", "akkoord"),
    ("Ons programma\nWe investeren in wonen.", "collegeakkoord-2022.pdf", "akkoord"),
    ("Agenda gemeenteraad 3 maart 2024\n1. Opening\n2. Vaststellen agenda\n3. Rondvraag\n4. Sluiting", "a.pdf",
     "agenda"),
    ("Besluitenlijst raadsvergadering\n1. Opening.\nDe raad besluit unaniem:", "b.pdf", "agenda"),
    ("Memorie van toelichting\nArtikel 1\nDit artikel regelt de begrippen.\nArtikel 2\nDit artikel regelt ...",
     "kst.pdf", "overig"),
    ("Nr. 10 VERSLAG\nArtikel 1\nDe leden vragen naar artikel 1.\nArtikel 2\nDe leden vragen ...", "kst.pdf", "overig"),
    ("De politieke agenda is vol.\nDe agenda van het kabinet is ambitieus.", "brief.pdf", "overig"),
    ("Een brief aan de raad over de stand van zaken.", "brief.txt", "overig"),
])
def test_detect_kind(text: str, filename: str, kind: str):
    assert detect_kind(L(text), filename) == kind


@pytest.mark.parametrize(("text", "filename", "body"), [
    ("Gemeenschappelijke regeling Drechtsteden 2024", "", "GR Drechtsteden"),
    ("Raadsvoorstel\nGemeente Papendrecht\nOnderwerp: begroting", "", "Gemeente Papendrecht"),
    ("Toelichting bestemmingsplan", "t_NL.IMRO.0505.BP199Stadswerven-3001.md", "Gemeente Dordrecht"),
    ("De raad van de gemeente Den Helder besluit", "", "Gemeente Den Helder"),
    ("Het is de gemeente De Ronde Venen die besluit", "", ""),
    ("Provinciale Staten van de provincie Flevoland", "", "Provincie Flevoland"),
    ("Staatsblad van het Koninkrijk der Nederlanden", "", "Rijk"),
    ("Een tekst zonder afzender.", "", ""),
])
def test_infer_body(text: str, filename: str, body: str):
    assert infer_body(L(text), filename) == body


@pytest.mark.parametrize(("text", "filename", "year"), [
    ("Staatsblad\nJaargang 2015\nWet van 30 september 2014", "", 2015),
    ("Besluitenlijst raadsvergadering 29 juni 2015 aanvang 17.00 uur", "", 2015),
    ("Coalitieakkoord", "coalitieakkoord-2022-2026.pdf", 2022),
    ("Plan uit 2019 met een vervolg in 2019 en 2030", "plan.pdf", 2019),
    ("Geen jaartal hier", "notitie.txt", None),
])
def test_infer_year(text: str, filename: str, year: int | None):
    assert infer_year(L(text), filename) == year


def test_infer_title_prefers_explicit_heading_then_largest_type():
    assert infer_title([Line("Inleiding", 1), Line("Regeling X", 1, heading_level=1)], "f.md") == "Regeling X"
    lines = [Line("Kenmerk 123", 1, size=9), Line("Omzien naar elkaar,", 1, size=40),
             Line("vooruitkijken", 1, size=40), Line("Tekst", 1, size=11)]
    assert infer_title(lines, "f.pdf") == "Omzien naar elkaar, vooruitkijken"
    assert infer_title([], "mijn_notitie-2024.txt") == "mijn notitie 2024"


def test_regeling_title_from_the_aanhef():
    assert regeling_title(["Staatsblad van het Koninkrijk", "122",
                           "Wet van 30 september 2014, houdende regels inzake het referendum (Wet x)",
                           "Wij Willem-Alexander"]) == "Wet van 30 september 2014, houdende regels inzake het referendum (Wet x)"
    assert regeling_title(["Gemeenteblad", "Verordening maatschappelijke ondersteuning Dordrecht 2024"]) == (
        "Verordening maatschappelijke ondersteuning Dordrecht 2024")
    assert regeling_title(["Besluit:", "De raad van de gemeente"]) == ""
    assert regeling_title(["Wet van 1 mei 2015, houdende regels", "inzake het referendum (Wet", "referendum)",
                           "Wij Willem-Alexander"]) == "Wet van 1 mei 2015, houdende regels inzake het referendum (Wet referendum)"


def test_kamerstuk_title_is_the_dossier_title_not_the_chamber():
    lines = ["Tweede Kamer der Staten-Generaal", "2", "Vergaderjaar 2013–2014", "33 934",
             "Voorstel van wet van de leden A en B tot", "wijziging van de Wet x, houdende opneming",
             "van een drempel", "Nr. 2", "VOORSTEL VAN WET", "Wij Willem-Alexander"]
    assert kamerstuk_title(lines) == ("Voorstel van wet van de leden A en B tot wijziging van de Wet x, "
                                      "houdende opneming van een drempel")
    # Passages keep the number and the title together, sometimes with the paper's number.
    assert kamerstuk_title(["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2005–2006",
                            "30 372 Voorstel van wet houdende regels inzake het referendum Nr. 2"]) == (
        "Voorstel van wet houdende regels inzake het referendum")
    # Eerste Kamer papers carry a letter, amended bills an all-caps line.
    assert kamerstuk_title(["Eerste Kamer der Staten-Generaal", "1", "Vergaderjaar 2012–2013", "30 174",
                            "Verklaring dat er grond bestaat", "A", "GEWIJZIGD VOORSTEL VAN WET"]) == (
        "Verklaring dat er grond bestaat")


def test_kamerstuk_title_needs_the_kamerstuk_opening():
    assert kamerstuk_title(["Gemeenteblad", "30 372 Verordening x"]) == ""
    assert kamerstuk_title(["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2005–2006", "Inleiding"]) == ""
    assert kamerstuk_title(["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2005–2006", "33 131", "Nr. 4"]) == ""
    assert kamerstuk_title([]) == ""


KST = "eerlijkeverkiezingen"


@pytest.mark.slow
@pytest.mark.parametrize(("rel", "title"), [
    ("Wet_raadgevend_referendum/kst-30372-2.pdf", "Voorstel van wet van de leden Dubbelboer, Duyvendak en Van der "
     "Ham, houdende regels inzake het raadgevend referendum (Wet raadgevend referendum)"),
    ("BES_invloed_op_EK/kst-33131-3.pdf", "Verklaring dat er grond bestaat een voorstel in overweging te nemen tot"),
])
def test_kamerstuk_documents_are_titled_by_their_dossier(shared_corpus: Path, rel: str, title: str):
    doc = parse_file(shared_corpus / KST / rel)
    assert doc.title.startswith(title)


@pytest.mark.slow
@pytest.mark.parametrize(("rel", "regeling"), [
    # MANIFEST.tsv kind "mvt": explanatory memoranda discuss articles but are not regulations.
    ("BES_invloed_op_EK/kst-33131-3.pdf", False),
    ("BES_invloed_op_EK/kst-33900-3.pdf", False),
    ("Wet_raadgevend_referendum/kst-33934-3.pdf", False),
    ("Wet_raadgevend_referendum/kst-30174-3.pdf", False),
    # MANIFEST_notes subtype "VOORSTEL VAN WET": the bill text itself.
    ("Wet_raadgevend_referendum/kst-30174-2.pdf", True),
    ("Wet_raadgevend_referendum/kst-33934-2.pdf", True),
    ("BES_invloed_op_EK/kst-33131-2.pdf", True),
])
def test_kamerstukken_kind(shared_corpus: Path, rel: str, regeling: bool):
    doc = parse_file(shared_corpus / KST / rel)
    assert (doc.kind == "regeling") is regeling
    assert doc.body == "Rijk"
    assert doc.year is not None and 2004 <= doc.year <= 2015
