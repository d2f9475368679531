"""PDF → cleaned lines on real documents from ../shared/corpus (skipped when absent)."""

from __future__ import annotations

import pytest

from extract.pdf import read_pdf

RUTTE = "national/coalitieakkoord-2021-2025_RutteIV.pdf"
HANDELINGEN_EK = "eerlijkeverkiezingen/BES_invloed_op_EK/h-ek-20122013-32-7.pdf"
SCANNED = "eerlijkeverkiezingen/BES_invloed_op_EK/blg-175414.pdf"


def _flat(result) -> str:
    return " ".join(ln.text for p in result.pages for ln in p.lines)


@pytest.fixture(scope="module")
def rutte(shared_corpus):
    return read_pdf(shared_corpus / RUTTE)


def test_rutte_no_page_numbers_and_every_line_has_a_page(rutte):
    assert rutte.page_count == 50 and not rutte.warnings
    for page in rutte.pages:
        assert all(ln.page == page.number for ln in page.lines)
        if page.number >= 4:  # the body is numbered from PDF page 4 on as "1", "2", ...
            printed = str(page.number - 3)
            assert not any(ln.text == printed and ln.size > 8 for ln in page.lines), page.number
    # the printed page numbers (one per page from page 2 on) were all recognised
    assert rutte.stats["running_removed"] >= 45
    text = _flat(rutte)
    assert "De democratische rechtsorde is het fundament van onze samenleving." in text
    assert "\uf0b7" not in text  # Symbol-font bullets normalised


@pytest.fixture(scope="module")
def handelingen(shared_corpus):
    return read_pdf(shared_corpus / HANDELINGEN_EK)


def test_two_column_handelingen_sentence_across_column_lines(handelingen):
    text = _flat(handelingen)
    # runs over four lines of the left column, with a line-end hyphen ("volgen-de")
    assert ("Het zou volgens mijn fractie daarom een goed idee zijn om bij een volgende verkiezing "
            "naast de OVSE ook eens de waarnemers van de Raad van Europa uit te nodigen om onze "
            "verkiezingen te komen waarnemen.") in text
    # runs from the bottom of the left column to the top of the right column
    assert ("Het is van tweeën één: óf de regering vindt de mogelijkheid om nationale "
            "waarnemingsmissies te kunnen organiseren belangrijk en doet er wat mee") in text


def test_handelingen_backends_agree(handelingen, shared_corpus):
    """The pdfium fast path gives exactly the reference (pdfplumber) lines on this PDF,
    whose word spaces are glyphs without a unicode mapping."""
    ref = read_pdf(shared_corpus / HANDELINGEN_EK, {"backend": "pdfplumber"})
    assert [(ln.page, ln.text, ln.para_end) for p in handelingen.pages for ln in p.lines] == [
        (ln.page, ln.text, ln.para_end) for p in ref.pages for ln in p.lines]


def test_handelingen_running_header_removed(handelingen):
    assert handelingen.page_count == 6
    for page in handelingen.pages:
        assert not any("EK 32" in ln.text for ln in page.lines), page.number


def test_scanned_pdf_reported_page_by_page(shared_corpus):
    result = read_pdf(shared_corpus / SCANNED, {"ocr": False})
    assert result.page_count == 3
    assert [(w.code, w.page) for w in result.warnings] == [("no-text-layer", n) for n in (1, 2, 3)]
    assert all(f"Pagina {w.page} heeft geen tekstlaag" in w.message for w in result.warnings)
    assert all(not p.has_text_layer and not p.lines for p in result.pages)


def test_scanned_pdf_ocr_one_page(shared_corpus):
    from extract.ocr import ocr_available

    if not ocr_available("nld"):
        pytest.skip("tesseract met 'nld' is niet geïnstalleerd")
    result = read_pdf(shared_corpus / SCANNED, {"ocr_max_pages": 1, "ocr_dpi": 200})
    assert ("ocr-used", 1) in [(w.code, w.page) for w in result.warnings]
    assert result.pages[0].ocr and not result.pages[1].ocr
    text = " ".join(ln.text for ln in result.pages[0].lines)
    for word in ("Bonaire", "Grondwet", "openbaar", "lichaam", "Koninkrijk"):
        assert word in text
