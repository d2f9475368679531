"""PDF → cleaned lines on generated PDFs (exact expected text, both backends)."""

from __future__ import annotations

import pytest

from extract.pdf import PdfText, read_pdf
from tests.pdfgen import expected_text, render_pdf

BACKENDS = ["pdfium", "pdfplumber"]

SH = "\u00ad"  # forced line break with hyphen in the generator

PARTS = ["een", "twee", "drie"]
# different first lines per page: identical text at the same spot on every page would
# (rightly) count as a running header
TITLES = [
    "Gemeenschappelijke regeling Drechtsteden: begrippen en financiering van de gezamenlijke taken",
    "Tweede deel met afspraken over het bestuur",
    "Slotbepalingen van de regeling, met het overgangsrecht en de citeertitel voor alle deelnemers",
]


def regulation(k: int) -> list:
    """Part ``k`` of a test regulation (article numbers and title differ per part)."""
    a = 3 * k + 1
    return [
        ("title", TITLES[k]),
        ("h", f"Artikel {a}. Begripsbepalingen"),
        "In deze regeling wordt verstaan onder:",
        ("item", "a.", "algemeen bestuur: het algemeen bestuur van de gemeen" + SH + "schappelijke regeling;"),
        ("item", "b.", "deelnemers: de gemeenten Dordrecht, Zwijndrecht en Hardinxveld-" + SH + "Giessendam;"),
        ("item", "c.", "beleid: het ruimtelijk-" + SH + "economisch beleid van de regio."),
        ("h", f"Artikel {a + 1}. Financiering"),
        ("item", "1.", "De deelnemers pro\ufb01teren van een e\ufb03ciënte en \ufb02exibele \ufb01nanciering "
                       "van de gezamenlijke taken."),
        ("item", "2.", "Het algemeen bestuur stelt jaarlijks de begroting vast en legt verantwoor" + SH
                       + "ding af aan de raden van de deelnemende gemeenten."),
        ("table", [["Post", "Bedrag"], ["Personeel", "€ 1.250.000"], ["Huisvesting", f"€ {310 + k}.000"]]),
        ("h", f"Artikel {a + 2}. Inwerkingtreding"),
        f"Deze regeling (deel {PARTS[k]}) treedt in werking op de dag na bekendmaking in het gemeenteblad.",
    ]


REGULATION = regulation(0) + regulation(1) + regulation(2)


def paragraphs(result: PdfText) -> list[str]:
    """Lines joined into paragraphs at para_end; tables stay one paragraph."""
    out: list[str] = []
    buf: list[str] = []
    for page in result.pages:
        for ln in page.lines:
            if ln.table is not None:
                if buf:
                    out.append(" ".join(buf))
                    buf = []
                out.append(ln.text)
                continue
            buf.append(ln.text)
            if ln.para_end:
                out.append(" ".join(buf))
                buf = []
    if buf:
        out.append(" ".join(buf))
    return out


def expected_paragraphs(blocks: list) -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, str):
            out.append(expected_text(b))
        elif b[0] in ("h", "h2", "title"):
            out.append(expected_text(b[1]))
        elif b[0] == "item":
            out.append(expected_text(f"{b[1]} {b[2]}"))
        elif b[0] == "table":
            out.append("\n".join(" | ".join(r) for r in b[1]))
    return out


@pytest.fixture(scope="module")
def regulation_pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("pdf")
    blocks = regulation(0) + [("pagebreak",)] + regulation(1) + [("pagebreak",)] + regulation(2)
    plain = render_pdf(blocks, d / "regeling.pdf", ligature_gaps=True)
    return plain


@pytest.mark.parametrize("backend", BACKENDS)
def test_exact_text_hyphens_ligatures_footers_tables(regulation_pdfs, backend):
    result = read_pdf(regulation_pdfs, {"backend": backend})
    assert result.page_count >= 3
    assert paragraphs(result) == expected_paragraphs(REGULATION)
    text = result.text()
    # the repairs the expected text relies on, spelled out
    assert "gemeenschappelijke" in text and "gemeen-" not in text
    assert "Hardinxveld-Giessendam" in text and "ruimtelijk-economisch" in text
    assert "profiteren" in text and "efficiënte" in text and "flexibele financiering" in text
    assert "Pagina" not in text and "Gemeenteblad 2026" not in text
    tables = [ln for p in result.pages for ln in p.lines if ln.table is not None]
    assert len(tables) == 3
    assert tables[1].table == [["Post", "Bedrag"], ["Personeel", "€ 1.250.000"], ["Huisvesting", "€ 311.000"]]
    assert result.stats["running_removed"] >= 2 * result.page_count


def test_backends_agree_line_by_line(regulation_pdfs):
    a = read_pdf(regulation_pdfs, {"backend": "pdfium"})
    b = read_pdf(regulation_pdfs, {"backend": "pdfplumber"})
    la = [(ln.page, ln.text, ln.bold, ln.para_end, round(ln.size)) for p in a.pages for ln in p.lines]
    lb = [(ln.page, ln.text, ln.bold, ln.para_end, round(ln.size)) for p in b.pages for ln in p.lines]
    assert la == lb
    assert a.extractor.startswith("pypdfium2-") and b.extractor.startswith("pdfplumber-")
    assert "x_tolerance_ratio=0.15" in a.extractor


def test_line_attributes(regulation_pdfs):
    result = read_pdf(regulation_pdfs)
    lines = [ln for ln in result.pages[0].lines]
    heading = next(ln for ln in lines if ln.text.startswith("Artikel 1."))
    body = next(ln for ln in lines if ln.text.startswith("In deze regeling"))
    assert heading.bold and not body.bold
    assert heading.size == pytest.approx(13, abs=0.2) and body.size == pytest.approx(10, abs=0.2)
    assert heading.para_end and body.para_end
    assert all(ln.page == 1 for ln in lines)
    item = next(ln for ln in lines if ln.text.startswith("a. algemeen"))
    assert item.x0 == pytest.approx(56, abs=1.5)
    tops = [ln.top for ln in lines]
    assert tops == sorted(tops)  # single column: reading order is top to bottom


TOPICS = ["wonen", "bereikbaarheid", "financiën", "jeugdzorg", "energie", "veiligheid", "cultuur",
          "onderwijs", "werk", "zorg", "groen", "water", "sport", "bestuur"]


def column_text() -> list:
    """Enough text to fill the left column and run on into the right one."""
    blocks: list = [("title", "Coalitieakkoord Drechtsteden 2026-2030: samen werken aan een sterke regio "
                              "voor alle inwoners en ondernemers")]
    for i, topic in enumerate(TOPICS):
        blocks.append(f"Over {topic} spreken de partijen af dat de gemeenten binnen vier jaar samen "
                      f"een plan uitvoeren, met {i + 3} concrete doelen per gemeente, en dat zij de raad "
                      f"twee keer per jaar informeren over de voortgang van de afspraken over {topic}.")
    blocks.append(("title", "Tweede deel van het akkoord over de uitvoering en de verantwoording aan de "
                            "gemeenteraden"))
    blocks.append("De rekenkamer onderzoekt halverwege de periode of de afspraken zijn nagekomen en brengt "
                  "daarover openbaar verslag uit aan alle raden.")
    return blocks


LEFT_RIGHT = column_text()


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_column_row_wise_reading_order(tmp_path, backend):
    pdf = render_pdf(LEFT_RIGHT, tmp_path / "kolommen.pdf", two_column=True, header=None)
    result = read_pdf(pdf, {"backend": backend})
    assert paragraphs(result) == expected_paragraphs(LEFT_RIGHT)


def test_two_column_detection_can_be_switched_off(tmp_path):
    """Proves the column code does the work: without it the row-wise stream interleaves."""
    pdf = render_pdf(LEFT_RIGHT, tmp_path / "kolommen.pdf", two_column=True, header=None)
    result = read_pdf(pdf, {"columns": False})
    assert paragraphs(result) != expected_paragraphs(LEFT_RIGHT)


def test_headers_need_repetition(tmp_path):
    """A line at the top of only one page is content, not a running header."""
    blocks = ["Eerste pagina met gewone tekst.", ("pagebreak",), "Tweede pagina.", ("pagebreak",),
              "Derde pagina."]
    result = read_pdf(render_pdf(blocks, tmp_path / "drie.pdf"))
    assert paragraphs(result) == ["Eerste pagina met gewone tekst.", "Tweede pagina.", "Derde pagina."]
    # with two pages there is no repetition evidence: the header stays, the page numbers go
    two = read_pdf(render_pdf(blocks[:3], tmp_path / "twee.pdf"))
    assert [p for p in paragraphs(two) if "Gemeenteblad" in p]
    assert not [p for p in paragraphs(two) if p.startswith("Pagina")]


def test_scanned_page_reported_without_ocr(tmp_path):
    blocks = ["Een pagina met tekst.", ("scan", ["Gescande brief van de gemeente Dordrecht."])]
    result = read_pdf(render_pdf(blocks, tmp_path / "scan.pdf"), {"ocr": False})
    assert [(w.code, w.page) for w in result.warnings] == [("no-text-layer", 2)]
    assert "Pagina 2" in result.warnings[0].message and "tesseract" in result.warnings[0].message
    assert not result.pages[1].has_text_layer and result.pages[1].lines == []
    assert result.pages[0].has_text_layer


def test_scanned_page_ocr(tmp_path):
    from extract.ocr import ocr_available

    if not ocr_available("nld"):
        pytest.skip("tesseract met 'nld' is niet geïnstalleerd")
    blocks = ["Een pagina met tekst.", ("scan", ["Het college van burgemeester en wethouders",
                                                 "besluit de begroting vast te stellen."])]
    result = read_pdf(render_pdf(blocks, tmp_path / "scan.pdf", header=None, footer=False), {"ocr_dpi": 200})
    codes = {(w.code, w.page) for w in result.warnings}
    assert codes == {("no-text-layer", 2), ("ocr-used", 2)}
    assert result.pages[1].ocr
    text = " ".join(ln.text for ln in result.pages[1].lines)
    for word in ("college", "burgemeester", "wethouders", "begroting", "stellen"):
        assert word in text


def test_label_value_list_is_not_unwoven(tmp_path):
    """Lines with a wide tab gap ("Datum:      12 mei 2026") are not a two-column layout."""
    from reportlab.pdfgen import canvas

    f = tmp_path / "lijst.pdf"
    c = canvas.Canvas(str(f))
    pairs = [("Vergadering:", "algemeen bestuur"), ("Datum:", "12 mei 2026"), ("Plaats:", "Stadskantoor Dordrecht"),
             ("Voorzitter:", "mevrouw De Vries"), ("Secretaris:", "de heer Jansen"), ("Onderwerp:", "begroting 2027")]
    for i, (key, value) in enumerate(pairs):
        c.drawString(72, 760 - 16 * i, key)
        c.drawString(320, 760 - 16 * i, value)
    c.showPage()
    c.save()
    result = read_pdf(f)
    assert [ln.text for ln in result.pages[0].lines] == [f"{k} {v}" for k, v in pairs]


def test_partial_grid_goes_to_pdfplumber():
    """Fully ruled grids are read from pdfium's paths; a grid with a missing rule (merged
    cells) is marked for pdfplumber's table finder instead of being guessed."""
    from extract.pdf_tables import find_grids

    def grid(skip_inner_vertical_in_row0: bool) -> list[tuple[float, float, float, float]]:
        segs = [(50, y, 250, y) for y in (100, 120, 140)]
        for x in (50, 150, 250):
            if x == 150 and skip_inner_vertical_in_row0:
                segs.append((x, 120, x, 140))  # the first row spans both columns
            else:
                segs.append((x, 100, x, 140))
        return segs

    assert find_grids(grid(False)) == [([100, 120, 140], [50, 150, 250])]
    assert find_grids(grid(True)) == [([], [])]
    assert find_grids([(50, 100, 250, 100), (50, 120, 250, 120)]) == []  # two underlines, no table
