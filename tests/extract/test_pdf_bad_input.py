"""Bad input: every case gives a Dutch ExtractError or a per-page warning, never a traceback."""

from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from extract.errors import ExtractError
from extract.pdf import read_pdf
from extract.settings import ExtractSettings, resolve
from tests.pdfgen import render_pdf


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from raw object bodies (object 1 = catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_page(parent: int, content: int, font: int) -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, content, font))


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def test_not_a_pdf(tmp_path):
    f = tmp_path / "notulen.pdf"
    f.write_text("Dit is platte tekst, geen PDF.", encoding="utf-8")
    with pytest.raises(ExtractError) as err:
        read_pdf(f)
    assert str(err.value).startswith("notulen.pdf: dit is geen PDF-bestand")
    assert "sla het document eerst op als PDF" in str(err.value)


def test_missing_and_empty_file(tmp_path):
    with pytest.raises(ExtractError, match="weg.pdf: bestand niet gevonden"):
        read_pdf(tmp_path / "weg.pdf")
    (tmp_path / "leeg.pdf").write_bytes(b"")
    with pytest.raises(ExtractError, match=r"leeg.pdf: het bestand is leeg \(0 bytes\)"):
        read_pdf(tmp_path / "leeg.pdf")


def test_truncated_pdf(tmp_path):
    data = render_pdf(["Tekst die afgebroken wordt."] * 30, tmp_path / "heel.pdf").read_bytes()
    f = tmp_path / "kapot.pdf"
    f.write_bytes(data[: len(data) // 2])
    with pytest.raises(ExtractError) as err:
        read_pdf(f)
    assert "kapot.pdf: de PDF is beschadigd of onvolledig" in str(err.value)
    assert "Download het bestand opnieuw" in str(err.value)


def test_encrypted_pdf(tmp_path):
    f = tmp_path / "geheim.pdf"
    c = canvas.Canvas(str(f), encrypt="wachtwoord")
    c.drawString(72, 700, "Vertrouwelijk stuk")
    c.showPage()
    c.save()
    with pytest.raises(ExtractError) as err:
        read_pdf(f)
    assert "geheim.pdf: de PDF is beveiligd met een wachtwoord" in str(err.value)
    assert "zonder wachtwoord" in str(err.value)


def test_zero_pages(tmp_path):
    f = tmp_path / "nul.pdf"
    f.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    with pytest.raises(ExtractError, match="nul.pdf: de PDF bevat geen pagina's"):
        read_pdf(f)


def three_pages_middle_broken(tmp_path):
    """Page 2 has a MediaBox that is a number: pdfminer raises on it, pdfium copes."""
    content = stream(b"BT /F1 12 Tf 72 700 Td (Artikel 1. Deze pagina is goed.) Tj ET")
    content2 = stream(b"BT /F1 12 Tf 72 700 Td (Artikel 2. Middenpagina.) Tj ET")
    content3 = stream(b"BT /F1 12 Tf 72 700 Td (Artikel 3. Deze ook.) Tj ET")
    broken = (b"<< /Type /Page /Parent 2 0 R /MediaBox 42 /Contents 9 0 R "
              b"/Resources << /Font << /F1 7 0 R >> >> >>")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
        text_page(2, 6, 7),
        broken,
        text_page(2, 8, 7),
        content,
        FONT,
        content3,
        content2,
    ]
    f = tmp_path / "eenkapot.pdf"
    f.write_bytes(raw_pdf(objects))
    return f


def test_page_pdfminer_cannot_read_becomes_warning(tmp_path):
    result = read_pdf(three_pages_middle_broken(tmp_path), {"backend": "pdfplumber"})
    assert result.page_count == 3
    assert [(w.code, w.page) for w in result.warnings] == [("page-error", 2)]
    assert result.warnings[0].message.startswith("Pagina 2 kon niet worden gelezen")
    assert "De rest van het document is wel gelezen; controleer deze pagina in het origineel." in result.warnings[0].message
    assert [ln.text for ln in result.pages[0].lines] == ["Artikel 1. Deze pagina is goed."]
    assert [ln.text for ln in result.pages[2].lines] == ["Artikel 3. Deze ook."]
    assert result.pages[1].error and result.pages[1].lines == []


def test_pdfium_reads_the_page_pdfminer_cannot(tmp_path):
    result = read_pdf(three_pages_middle_broken(tmp_path))
    assert not result.warnings
    assert [[ln.text for ln in p.lines] for p in result.pages] == [
        ["Artikel 1. Deze pagina is goed."], ["Artikel 2. Middenpagina."], ["Artikel 3. Deze ook."]]


def test_all_pages_unreadable(tmp_path):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"42"]
    f = tmp_path / "allesstuk.pdf"
    f.write_bytes(raw_pdf(objects))
    with pytest.raises(ExtractError) as err:
        read_pdf(f)
    assert "allesstuk.pdf, pagina 1: geen enkele pagina kon worden gelezen" in str(err.value)


def test_bad_settings_are_dutch_errors(tmp_path):
    with pytest.raises(ValueError, match=r"Ongeldige instelling x_tolerance_ratio=2.0: toegestaan is een getal"):
        ExtractSettings(x_tolerance_ratio=2.0)
    with pytest.raises(ValueError, match=r"Ongeldige instelling backend='pymupdf'"):
        resolve({"backend": "pymupdf"})
    with pytest.raises(ValueError, match="Onbekende instelling\\(en\\): kolommen"):
        resolve({"kolommen": True})
    f = render_pdf(["Tekst."], tmp_path / "a.pdf")
    with pytest.raises(ExtractError, match="a.pdf: Ongeldige instelling workers=0: toegestaan is 1 tot en met 64"):
        read_pdf(f, {"workers": 0})


def test_fingerprint_names_output_settings_only():
    a = ExtractSettings()
    assert a.fingerprint() == ExtractSettings(workers=1).fingerprint()  # speed only
    assert a.fingerprint() != ExtractSettings(x_tolerance_ratio=0.2).fingerprint()
    assert "backend=pdfium" in a.fingerprint() and "x_tolerance_ratio=0.15" in a.fingerprint()


@pytest.mark.slow
def test_2000_pages_parallel_and_bounded(tmp_path):
    """A 2,000-page PDF reads in worker processes; results equal the serial read."""
    import resource

    f = tmp_path / "lang.pdf"
    c = canvas.Canvas(str(f))
    for i in range(2000):
        c.drawString(72, 760, "Verslag van de vergadering")
        c.drawString(72, 700, f"Besluit {i + 1}: de raad stemt in met voorstel {i + 1}.")
        c.drawString(290, 40, f"{i + 1}")
        c.showPage()
    c.save()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = read_pdf(f, {"workers": 2})
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert result.page_count == 2000 and not result.warnings
    assert [ln.text for ln in result.pages[1999].lines] == ["Besluit 2000: de raad stemt in met voorstel 2000."]
    assert all(len(p.lines) == 1 for p in result.pages)  # running header and page numbers gone
    assert grown_mb < 200
    serial = read_pdf(f, {"workers": 1})
    assert [ln.text for p in serial.pages for ln in p.lines] == [ln.text for p in result.pages for ln in p.lines]
