"""The demo corpus: sources, seeded ambiguities, rendering, and what extraction makes of it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from corpus.demo import (
    DEMO_DIR,
    GR_FILE,
    demo_sources,
    read_ambiguities,
    read_traps,
    render_demo,
)
from corpus.demo.render import parse_source, render_pdf
from extract.document import Document
from extract.reader import parse_file

ALL_TYPES = {f"AMB-{i:02d}" for i in range(1, 17)}
_WS = re.compile(r"\s+")


def ws(text: str) -> str:
    return _WS.sub(" ", text).strip()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("demo")
    return {p.name: p for p in render_demo(out)}


@pytest.fixture(scope="module")
def parsed(rendered: dict[str, Path]) -> dict[str, Document]:
    return {name: parse_file(path) for name, path in rendered.items()}


def source_units() -> dict[tuple[str, str, str], str]:
    """(artikel, lid, onderdeel) → text, read straight from the GR source (no PDF involved)."""
    units: dict[tuple[str, str, str], str] = {}
    artikel = lid = onderdeel = ""
    for b in parse_source((DEMO_DIR / "gr-drechtsteden-2026.md").read_text(encoding="utf-8")):
        if b.kind == "h2" and b.text == "Toelichting":
            break
        if b.kind == "h3" and (m := re.match(r"Artikel (\d+[a-z]?) ", b.text)):
            artikel, lid, onderdeel = m.group(1), "", ""
            continue
        if not artikel or b.kind not in ("para", "lid", "onderdeel"):
            continue
        if b.kind == "lid":
            lid, onderdeel = b.text.split(".", 1)[0], ""
        elif b.kind == "onderdeel":
            onderdeel = b.text.split(".", 1)[0]
        key = (artikel, lid, onderdeel)
        units[key] = f"{units.get(key, '')} {b.text}".strip()
    return units


# -- the sources ------------------------------------------------------------------------------
def test_manifest_lists_every_source_with_shared_columns() -> None:
    header = (DEMO_DIR / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == ["file", "kind", "municipality_or_body", "year", "format", "pages", "source", "license_note"]
    sources = demo_sources()
    assert Counter(s.kind for s in sources) == {"gr-text": 1, "coalitieakkoord": 3, "agenda": 2}
    for s in sources:
        assert s.source.is_file(), s.source
        assert s.year == 2026 and s.body
    # Three different municipalities for the agreements.
    assert len({s.body for s in sources if s.kind == "coalitieakkoord"}) == 3


@pytest.mark.parametrize("name", ["dordrecht", "alblasserdam", "papendrecht"])
def test_agreements_have_numbered_sections_of_two_to_four_paragraphs(name: str) -> None:
    blocks = parse_source((DEMO_DIR / f"akkoord-{name}-2026.md").read_text(encoding="utf-8"))
    sections: dict[str, int] = {}
    current = None
    for b in blocks:
        if b.kind == "h2":
            assert re.match(r"\d+\. \S", b.text), b.text
            current = b.text
            sections[current] = 0
        elif current and b.kind == "para":
            sections[current] += 1
    assert 8 <= len(sections) <= 12
    assert all(2 <= n <= 4 for n in sections.values()), sections
    assert name.capitalize() in (DEMO_DIR / "positions.md").read_text(encoding="utf-8")


def test_every_ambiguity_type_is_seeded_and_quotes_match_the_source() -> None:
    rows = read_ambiguities()
    assert {r.type for r in rows} == ALL_TYPES
    counts = Counter(r.type for r in rows)
    for central in ("AMB-01", "AMB-02", "AMB-03", "AMB-04", "AMB-05", "AMB-06"):
        assert counts[central] >= 3, central  # several for the central types
    units = source_units()
    assert len({a for a, _, _ in units}) == 26
    for r in rows:
        if r.artikel is None:  # document-level finding (missing Wgr content): nothing to quote
            assert r.type == "AMB-16" and r.quote == ""
            continue
        text = units.get((r.artikel, r.lid or "", r.onderdeel or ""))
        assert text is not None, f"{r.type}: artikel {r.artikel} lid {r.lid} onder {r.onderdeel} bestaat niet"
        assert r.quote in text, f"{r.type}: {r.quote!r} staat niet in artikel {r.artikel} lid {r.lid}"
        assert r.note


def test_traps_sit_in_lids_without_a_seeded_ambiguity_on_the_same_words() -> None:
    units = source_units()
    seeded = read_ambiguities()
    traps = read_traps()
    assert len(traps) >= 5
    for t in traps:
        text = units[(t.artikel, t.lid or "", "")]
        assert t.quote in text
        for r in seeded:
            if (r.artikel, r.lid) == (t.artikel, t.lid) and r.quote:
                assert r.quote not in t.quote and t.quote not in r.quote, (t.quote, r.quote)


def test_undefined_and_unused_terms_are_really_so() -> None:
    gr = (DEMO_DIR / "gr-drechtsteden-2026.md").read_text(encoding="utf-8")
    dispositief = gr.split("## Toelichting")[0]
    assert dispositief.count("bestuurscommissie") == 1  # defined in artikel 1, never used
    assert "regiobestuur" not in dispositief.split("### Artikel 2 ")[0]  # never defined
    assert "artikel 31" in dispositief and "### Artikel 31 " not in dispositief
    assert "inlichtingen" not in dispositief  # the missing Wgr art. 16/17 content


def test_cost_allocation_key_is_arithmetically_right() -> None:
    gr = parse_source((DEMO_DIR / "gr-drechtsteden-2026.md").read_text(encoding="utf-8"))
    (table,) = [b.rows for b in gr if b.kind == "table"]
    body = {r[0]: (int(r[1].replace(".", "")), float(r[2].rstrip("%").replace(",", "."))) for r in table[1:]}
    total_inw, total_pct = body.pop("Totaal")
    assert len(body) == 7 and sum(n for n, _ in body.values()) == total_inw and total_pct == 100.0
    for name, (n, pct) in body.items():
        assert round(100 * n / total_inw, 1) == pct, name


# -- rendering --------------------------------------------------------------------------------
def test_render_is_reproducible(tmp_path: Path) -> None:
    src = DEMO_DIR / "akkoord-papendrecht-2026.md"
    a = render_pdf(src, tmp_path / "a.pdf").read_bytes()
    b = render_pdf(src, tmp_path / "b.pdf").read_bytes()
    assert a == b and a.startswith(b"%PDF-")


def test_without_dejavu_the_base_fonts_keep_every_quote(tmp_path: Path) -> None:
    pdf_path = render_pdf(DEMO_DIR / "gr-drechtsteden-2026.md", tmp_path / "gr.pdf", font_dir=tmp_path / "geen-fonts")
    with pdfplumber.open(pdf_path) as pdf:
        fontnames = {c["fontname"] for c in pdf.pages[0].chars}
        text = ws(" ".join(p.extract_text() or "" for p in pdf.pages))
    assert fontnames <= {"Times-Roman", "Times-Bold", "Helvetica", "Helvetica-Bold"}
    assert "continuïteit" in text
    for r in read_ambiguities():
        assert r.quote in text, r.quote


def test_rendered_pdfs_have_header_footer_and_tables(rendered: dict[str, Path]) -> None:
    assert set(rendered) == {s.file for s in demo_sources()}
    manifest = (next(iter(rendered.values())).parent / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    pages_col = {line.split("\t")[0]: line.split("\t")[5] for line in manifest[1:]}
    for name, path in rendered.items():
        pdf = pdfium.PdfDocument(str(path))
        try:
            n = len(pdf)
            assert n >= 3, f"{name}: te weinig pagina's om kop/voet te herkennen"
            assert pages_col[name] == str(n)
            for i in range(n):
                text = pdf[i].get_textpage().get_text_range()
                assert text.count("fictief demodocument") == 1, (name, i + 1)
                assert f"Pagina {i + 1} van {n}" in text, (name, i + 1)
        finally:
            pdf.close()
    with pdfplumber.open(rendered[GR_FILE]) as pdf:
        assert any(c["fontname"].endswith("DejaVuSerif") for c in pdf.pages[0].chars)
        table_pages = [p for p in pdf.pages if "Hardinxveld-Giessendam | 18.870" in
                       " | ".join(" | ".join(c or "" for c in row) for t in p.extract_tables() for row in t)]
    assert len(table_pages) == 1  # the cost-allocation key of artikel 14 is a real, ruled table


# -- what extraction makes of it -----------------------------------------------------------------
def test_gr_parses_as_regeling_with_26_articles(parsed: dict[str, Document]) -> None:
    doc = parsed[GR_FILE]
    assert doc.kind == "regeling"
    tree = doc.tree()
    assert list(tree) == [str(i) for i in range(1, 27)]
    assert tree["17"] == ["1", "2", "3"]  # so "het vierde lid" in artikel 17 dangles
    assert any(p.block == "table" and "Dordrecht" in p.text and p.artikel == "14" for p in doc.passages)
    assert any(p.part == "toelichting" for p in doc.passages)


def test_markdown_source_and_pdf_give_the_same_structure(parsed: dict[str, Document]) -> None:
    from_md = parse_file(DEMO_DIR / "gr-drechtsteden-2026.md", kind="regeling")
    assert from_md.tree() == parsed[GR_FILE].tree()


def test_every_seeded_quote_survives_extraction_at_its_location(parsed: dict[str, Document]) -> None:
    doc = parsed[GR_FILE]
    tree = doc.tree()
    for r in read_ambiguities():
        if r.artikel is None:
            continue
        assert r.artikel in tree, r
        if r.lid:
            assert r.lid in tree[r.artikel], r
        passages = [p for p in doc.artikel(r.artikel) if p.lid == r.lid
                    and (r.onderdeel is None or p.onderdeel == r.onderdeel)]
        assert any(r.quote in ws(p.text) for p in passages), \
            f"{r.type}: {r.quote!r} niet gevonden in artikel {r.artikel} lid {r.lid} onder {r.onderdeel}"
    for t in read_traps():
        assert any(t.quote in ws(p.text) for p in doc.artikel(t.artikel) if p.lid == t.lid), t


def test_all_documents_parse_without_running_headers(parsed: dict[str, Document]) -> None:
    kinds = {s.file: s.kind for s in demo_sources()}
    expected = {"gr-text": "regeling", "coalitieakkoord": "akkoord", "agenda": "agenda"}
    for name, doc in parsed.items():
        assert doc.kind == expected[kinds[name]], name
        assert not doc.warnings, (name, doc.warnings)
        leaks = [p.text for p in doc.passages if "demodocument" in p.text or re.search(r"Pagina \d+ van", p.text)]
        assert not leaks, (name, leaks[:2])
    agenda = parsed["agenda-drechtraad-2026-06-16.pdf"]
    assert {"1", "4a", "4b", "8", "9"} <= {p.get("agendapunt") for p in agenda.passages}
    besluiten = parsed["besluitenlijst-zwijndrecht-2026-06-02.pdf"]
    assert sum(1 for p in besluiten.passages if p.get("besluit")) >= 10
    dordrecht = parsed["akkoord-dordrecht-2026.pdf"]
    assert len({p.get("sectie") for p in dordrecht.passages if p.path}) >= 8
    assert any(p.block == "table" and "Energiefonds" in p.text for p in dordrecht.passages)
