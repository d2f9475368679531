"""Real documents from ../shared/corpus: XML element counts, markdown GR texts, three PDFs.

Expected values are derived independently of the parser (lxml element counts, pdftotext
output, the paragraph CSV that ships with Rutte IV) or written by hand from the source.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from extract.reader import parse_file

pytestmark = pytest.mark.slow

BWB_FILES = [
    "BWBR0015703_2026-01-01_0.xml", "regelrecht_awir_content.xml", "regelrecht_kieswet_content.xml",
    "regelrecht_participatiewet_content.xml", "regelrecht_wlz_content.xml", "regelrecht_zorgtoeslag_content.xml",
]
GR_MARKDOWN = [
    "BWBR0009989_gemeenschappelijke_regeling_schadeschap_luchthaven_schiphol.md",
    "BWBR0011304_regeling_deelname_rijk_aan_de_regeling_het_zeeuws_archief.md",
    "BWBR0011484_regeling_historisch_centrum_overijssel.md",
    "BWBR0012374_regeling_regionaal_historisch_centrum__groninger_archieven_.md",
    "BWBR0013738_gemeenschappelijke_regeling_letterhoeke.md",
    "BWBR0013884_regeling_regionaal_historisch_centrum__gelders_archief_.md",
    "BWBR0015843_regeling_erfgoedcentrum_nieuw_land.md",
    "BWBR0016477_besluit_regeling_brabants_historisch_centrum.md",
    "BWBR0016929_besluit_regeling_regionaal_historisch_centrum_limburg.md",
    "BWBR0017935_regeling_regionaal_historisch_centrum_in_noord-holland.md",
    "BWBR0018068_besluit_deelname_rijk_aan_regeling_rhc_drents_archief.md",
]
STAATSBLAD = "eerlijkeverkiezingen/Wet_raadgevend_referendum/stb-2015-122.pdf"
RUTTE = "national/coalitieakkoord-2021-2025_RutteIV.pdf"
AGENDA = "agendas/ori_Besluitenlijst-raadsvergadering-29-juni-2015.pdf"


@pytest.mark.parametrize("name", BWB_FILES)
def test_bwb_xml_counts_match_elements(shared_corpus: Path, name: str):
    path = shared_corpus / "bwb-xml" / name
    xml = etree.parse(str(path))
    # Every <artikel> counts, vervallen and not-yet-in-force ones included: the parser keeps
    # them (their text says "Vervallen") so counts and labels stay comparable with the source.
    # In these files every <lid> sits directly in an <artikel> and labels are unique (checked here).
    artikelen = xml.findall(".//artikel")
    expected = {}
    for a in artikelen:
        nr = (a.findtext("kop/nr") or "").strip()
        expected[nr] = [(lid.findtext("lidnr") or "").strip().rstrip(".") for lid in a.findall("lid")]
    assert len(expected) == len(artikelen)
    assert sum(len(v) for v in expected.values()) == len(xml.findall(".//lid"))

    doc = parse_file(path)
    assert doc.kind == "regeling" and doc.format == "xml"
    assert doc.tree() == expected
    assert all(p.text and p.page_start == 1 for p in doc.passages)
    onderdelen = sum(1 for li in xml.iter("li") if li.getparent().getparent().tag in ("lid", "artikel"))
    assert sum(1 for p in doc.passages if p.get("onderdeel") and not p.get("subonderdeel")) >= onderdelen * 0.95


@pytest.mark.parametrize("name", GR_MARKDOWN)
def test_gr_markdown_parses_to_plausible_tree(shared_corpus: Path, name: str):
    path = shared_corpus / "laws-markdown" / name
    source = path.read_text(encoding="utf-8")
    doc = parse_file(path)
    tree = doc.tree()
    assert doc.kind == "regeling"
    assert doc.format == "markdown"
    # The regeling (after the short deelname-besluit, kept as aanhef) has article 1..N in order.
    labels = list(tree)
    assert labels[0] == "1" and len(labels) >= 25
    numbers = [int(re.match(r"\d+", a).group(0)) for a in labels]
    assert numbers == sorted(numbers)
    # Leden are numbered 1..n without gaps in every article.
    for leden in tree.values():
        assert leden == [str(i) for i in range(1, len(leden) + 1)]
    assert sum(len(v) for v in tree.values()) >= 60
    # Article headings in the source (markdown "#…Artikel N" lines) all reach the document.
    heads = set(re.findall(r"^#+\s*\*?Artikel\s+(\d+\w*)", source, re.M))
    found = {p.artikel for p in doc.passages if p.artikel}
    assert heads <= found
    # Definitions in article 1 are onderdelen.
    assert any(p.get("onderdeel") == "a" for p in doc.artikel("1"))


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _staatsblad_articles(text: str) -> list[str]:
    """Article headings from pdftotext, minus articles quoted in amending provisions.

    A quoted article ("Artikel 21 komt te luiden: Artikel 21 …") never continues the
    numbering, so the real ones are exactly the headings whose number exceeds all before.
    """
    out: list[str] = []
    best = 0
    for m in re.finditer(r"^\s*Artikel (\d+)([a-z]?)\s*$", text, re.M):
        if int(m.group(1)) > best:
            best = int(m.group(1))
            out.append(m.group(1) + m.group(2))
    return out


# Leden written out by hand from the Staatsblad text.
STAATSBLAD_LEDEN = {"1": [], "2": [], "5": [], "6": ["1", "2", "3"], "7": ["1", "2"], "8": ["1", "2", "3"],
                    "12": ["1", "2", "3", "4"], "21": ["1", "2", "3", "4", "5", "6"], "128": [], "129": []}


def test_staatsblad_articles_and_leden(shared_corpus: Path):
    path = shared_corpus / STAATSBLAD
    expected = _staatsblad_articles(_pdftotext(path))
    assert len(expected) == 129
    # Default PDF settings: running-header removal must not eat "Artikel N" lines that open a page.
    doc = parse_file(path)
    assert doc.kind == "regeling" and doc.year == 2015
    assert doc.title.startswith("Wet van 30 september 2014, houdende regels inzake het raadgevend referendum")
    tree = doc.tree()
    assert list(tree) == expected
    for art, leden in STAATSBLAD_LEDEN.items():
        assert tree[art] == leden, art
    assert [p.get("onderdeel") for p in doc.artikel("1")] == [None, "a", "b", "c"]
    assert all(1 <= p.page_start <= p.page_end <= doc.page_count for p in doc.passages)


def test_rutte_iv_headings_pages_and_kind(shared_corpus: Path):
    path = shared_corpus / RUTTE
    with open(shared_corpus / "national" / "coalitieakkoord2021_paragraphs.csv", encoding="utf-8") as fh:
        chapters = list(dict.fromkeys(r["chapter"] for r in csv.DictReader(fh)))
    numbered = [c for c in chapters if re.match(r"\d+\. ", c)]
    assert len(numbered) == 7
    doc = parse_file(path)
    assert doc.kind == "akkoord"
    assert doc.title.startswith("Omzien naar elkaar")
    assert doc.year == 2021
    top = [p.path[0][1] for p in doc.passages if p.path and p.page_start > 3]
    for chapter in numbered:  # "1. Democratische rechtsorde" → sectie "1" after the table of contents
        assert chapter.split(".")[0] in top, chapter
    headings = {p.heading for p in doc.passages}
    for sub in ("Klimaat en energie", "Migratie", "Digitalisering", "Financieel overzicht"):
        assert sub in headings
    assert any(p.path[:1] == (("sectie", "bijlage-financiën"),) for p in doc.passages)
    # The outline keeps chapter titles that passages only carry as a path label.
    outline = [(tuple(tuple(s) for s in e["path"]), e["heading"]) for e in doc.meta["outline"]]
    for chapter in numbered:
        assert ((("sectie", chapter.split(".")[0]),), chapter) in outline, chapter
    assert all(1 <= p.page_start <= p.page_end <= doc.page_count for p in doc.passages)
    assert max(len(p.text.split()) for p in doc.passages if p.block == "text") <= 250

    # Against the paragraph CSV: its text paragraphs are in the document, and the passage that
    # starts with a paragraph sits in that paragraph's chapter (measured 453/469 and 365/365).
    def norm(s: str) -> str:
        return re.sub(r"[^0-9a-zà-ÿ]+", "", s.lower())

    with open(shared_corpus / "national" / "coalitieakkoord2021_paragraphs.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["type"] == "txt"]
    full = norm(" ".join(p.text for p in doc.passages))
    found = sum(1 for r in rows if norm(r["txt"])[:60] in full)
    assert found >= 0.93 * len(rows), (found, len(rows))
    body = [p for p in doc.passages if p.page_start > 3]  # after the table of contents
    agree = total = 0
    for r in rows:
        m = re.match(r"(\d)\. ", r["chapter"])
        key = norm(r["txt"])[:40]
        starts = [p for p in body if norm(p.text).startswith(key)] if m and len(key) == 40 else []
        if len(starts) == 1:
            total += 1
            agree += starts[0].path[:1] == (("sectie", m.group(1)),)
    assert total >= 300 and agree >= 0.97 * total, (agree, total)


def test_besluitenlijst_items_and_decisions(shared_corpus: Path):
    path = shared_corpus / AGENDA
    doc = parse_file(path)
    assert doc.kind == "agenda" and doc.year == 2015
    items = list(dict.fromkeys(p.get("agendapunt") for p in doc.passages if p.get("agendapunt")))
    assert items == [str(i) for i in range(1, 18)]
    heading = {p.get("agendapunt"): p.heading for p in doc.passages if p.get("agendapunt")}
    assert heading["1"] == "1. Opening"
    assert heading["5"] == "5. Vaststelling agenda"
    assert heading["7"] == "7. Voorstel tot het vaststellen van de Verordening voor de kamerverhuurpanden 2015"
    assert heading["17"] == "17. Sluiting"
    decisions = {(p.get("agendapunt"), p.get("besluit")) for p in doc.passages if p.get("besluit")}
    assert {("6", "1"), ("7", "1"), ("8", "1"), ("8", "2"), ("9", "1"), ("14", "1"), ("16", "1")} <= decisions
    d7 = " ".join(p.text for p in doc.passages if p.get("agendapunt") == "7" and p.get("besluit") == "1")
    assert "Verordening op de kamerverhuurpanden 2015" in d7
    # "4. In het onder punt drie …" inside item 9's amendment is not agenda item 4.
    assert not any("onder punt drie" in p.text and p.get("agendapunt") != "9" for p in doc.passages)
