"""Corpus fixtures: a fresh store on disk and a small store with three documents, labels and flags."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from corpus.store import Store
from extract.document import Document, Passage, passage_id


def make_doc(title: str, texts: list[tuple[tuple, str, int]], *, kind: str = "regeling", body: str = "Gemeente Dordrecht",
             year: int | None = 2024, salt: str = "") -> Document:
    """A Document built in code: ``texts`` = [(path, text, page), ...]; id = sha256 of the content."""
    doc_id = hashlib.sha256((title + kind + body + salt + "".join(t for _, t, _ in texts)).encode()).hexdigest()
    passages = [Passage(id=passage_id(doc_id, i), seq=i, text=t, page_start=pg, page_end=pg, path=tuple(path),
                        heading=f"Artikel {dict(path).get('artikel', '')}".strip())
                for i, (path, t, pg) in enumerate(texts)]
    return Document(id=doc_id, title=title, kind=kind, body=body, year=year, passages=passages,
                    page_count=max((p.page_end for p in passages), default=0), format="md", extractor="test",
                    source_file=f"{title}.md")


REGELING = [
    ((("artikel", "1"), ("lid", "1")), "Het algemeen bestuur is bevoegd tot het nemen van besluiten over woningen.", 1),
    ((("artikel", "1"), ("lid", "2")), "De bevoegdheden van het dagelijks bestuur worden bij verordening geregeld.", 1),
    ((("artikel", "2"),), "Het algemeen bestuur heeft besloten de woning aan de Voorstraat te verkopen.", 2),
    ((("artikel", "3"), ("lid", "1"), ("onderdeel", "a")), "Zo spoedig mogelijk wordt een zienswijze gevraagd.", 3),
]
AKKOORD = [
    ((("sectie", "1"),), "Wij bouwen 2000 nieuwe woningen in Zwijndrecht en investeren in duurzaamheid.", 1),
    ((("sectie", "2"),), "De gemeenteraad krijgt meer bevoegdheid bij de begroting van de regio.", 2),
]
AGENDA = [
    ((("agendapunt", "1"),), "Opening en vaststelling van de agenda.", 1),
    ((("agendapunt", "2"),), "Besluit: de raad stemt in met de begroting 2025 van de GR Drechtsteden.", 1),
]


@pytest.fixture
def fresh_store(store_target, backend, request):
    """An empty store, on each backend (SQLite file, fresh PostgreSQL database)."""
    with Store(store_target("corpus.db")) as store:
        yield store


@pytest.fixture
def small_store(store_target, backend, request):
    """Three small documents (regeling 2019, akkoord 2022, agenda 2024), on each backend."""
    with Store(store_target("small.db")) as store:
        store.add_document(make_doc("Regeling GR Drechtsteden", REGELING, year=2019), file_bytes=b"regeling bytes")
        store.add_document(make_doc("Coalitieakkoord Zwijndrecht", AKKOORD, kind="akkoord",
                                    body="Gemeente Zwijndrecht", year=2022))
        store.add_document(make_doc("Besluitenlijst raad", AGENDA, kind="agenda", body="Gemeente Papendrecht",
                                    year=2024))
        yield store


WORDS = ("woning", "bestuur", "gemeente", "besluit", "regeling", "begroting", "zienswijze", "subsidie", "raad",
         "verordening", "college", "wethouder", "inwoners", "jeugdzorg", "veiligheid", "omgevingsvisie")


def write_pdf(path: Path, title: str, n_articles: int = 6, pages: int = 2, seed: int = 0) -> Path:
    """A simple regulation PDF (reportlab): title, "Artikel N" headings, numbered leden, n pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    per_page = max(1, n_articles // pages)
    y = 800
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, y, title)
    y -= 30
    for a in range(1, n_articles + 1):
        if a > 1 and (a - 1) % per_page == 0:
            c.showPage()
            y = 800
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, y, f"Artikel {a} Onderwerp {a}")
        y -= 18
        c.setFont("Helvetica", 10)
        for lid in (1, 2):
            w1, w2 = WORDS[(seed + a + lid) % len(WORDS)], WORDS[(seed * 3 + a * lid) % len(WORDS)]
            c.drawString(60, y, f"{lid}. Het {w1} van de {w2} wordt geregeld door het algemeen bestuur ({seed}).")
            y -= 16
        y -= 8
    c.showPage()
    c.save()
    return path
