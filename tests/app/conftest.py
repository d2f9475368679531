"""Fixtures for the workbench tests: a real store (SQLite and PostgreSQL) with a few generated documents.

The regulation's text contains script and ``onerror`` payloads on purpose: every page must
show them as text. Its original PDF is generated with reportlab so the reader can render
the page image.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from extract.document import Document, Passage, passage_id

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

REGELING_PASSAGES = [
    ("hoofdstuk", "1", "artikel", "1", "1",
     "Het dagelijks bestuur kan zo nodig nadere regels stellen over de uitvoering van de taken."),
    ("hoofdstuk", "1", "artikel", "1", "2",
     f"Het algemeen bestuur stelt de begroting vast. {XSS_SCRIPT} Daarna volgt {XSS_IMG} de verantwoording."),
    ("hoofdstuk", "2", "artikel", "2", "1",
     "De deelnemers dragen in redelijkheid bij aan de kosten van de gemeenschappelijke regeling."),
]
AKKOORD_PASSAGES = [
    "Wij bouwen de komende vier jaar tweeduizend woningen en versterken de bereikbaarheid van de binnenstad.",
    "De wijkteams en de jeugdhulp blijven lokaal georganiseerd, zodat inwoners maatwerk krijgen dicht bij huis.",
    "Samenwerking in de regio is nodig, maar de gemeenteraad houdt zelf de regie over de keuzes.",
]


def make_pdf(lines: list[str], pages: int = 2) -> bytes:
    """A small real PDF (reportlab) with the given lines spread over ``pages`` pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    per_page = max(1, -(-len(lines) // pages))
    for i in range(pages):
        y = 780
        for line in lines[i * per_page:(i + 1) * per_page]:
            c.drawString(60, y, line[:95])
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


def _flag(pas: Passage, quote: str, type_: str, severity: str, artikel: str, lid: str) -> dict:
    from models.ambiguity.flag import Flag, Severity

    start = pas.text.index(quote)
    return Flag(type=type_, name="vage kwalificatie / open norm" if type_ == "AMB-01" else "onbepaalde bijdrage",
                severity=Severity.parse(severity), confidence=0.8, quote=quote, start=start, end=start + len(quote),
                explanation="Een open norm zonder criterium laat de uitvoering aan het bestuur over.",
                rule="Aanwijzing 3.12", question="Welk criterium bepaalt wanneer dit nodig is?",
                suggestion="Noem het criterium in de regeling.", passage_id=pas.id, artikel=artikel, lid=lid,
                page=pas.page_start).to_dict()


def build_store(path: Path) -> dict[str, str]:
    """Fill a store at ``path``; returns ids: regeling, akkoord and a flagged passage."""
    from corpus.store import Store

    pdf = make_pdf([p[-1] for p in REGELING_PASSAGES])
    reg_id = hashlib.sha256(pdf).hexdigest()
    reg_passages = [
        Passage(id=passage_id(reg_id, i), seq=i, text=t, page_start=1 if i < 2 else 2, page_end=1 if i < 2 else 2,
                path=((h, hv), (a, av), ("lid", lv)), heading=f"Hoofdstuk {hv}")
        for i, (h, hv, a, av, lv, t) in enumerate(REGELING_PASSAGES)
    ]
    reg = Document(id=reg_id, title="Regeling Testschap 2024", kind="regeling", passages=reg_passages,
                   body="GR Drechtsteden", year=2024, page_count=2, source_file="testschap.pdf", format="pdf",
                   extractor="test")
    ak_bytes = "\n\n".join(AKKOORD_PASSAGES).encode()
    ak_id = hashlib.sha256(ak_bytes).hexdigest()
    ak = Document(id=ak_id, title="Coalitieakkoord Teststad 2022", kind="akkoord", body="Gemeente Dordrecht",
                  year=2022, page_count=1, source_file="akkoord.md", format="md", extractor="test",
                  passages=[Passage(id=passage_id(ak_id, i), seq=i, text=t, page_start=1, page_end=1,
                                    path=(("sectie", str(i + 1)),), heading=f"Sectie {i + 1}")
                            for i, t in enumerate(AKKOORD_PASSAGES)])
    with Store(str(path)) as s:
        s.add_document(reg, file_bytes=pdf)
        s.add_document(ak, file_bytes=ak_bytes)
        flags = [_flag(reg_passages[0], "zo nodig", "AMB-01", "kritiek", "1", "1"),
                 _flag(reg_passages[2], "in redelijkheid", "AMB-02", "zorg", "2", "1")]
        s.save_flags(reg_id, flags, producer="test-rules", version="1")
        s.save_labels(reg_id, [{"passage_id": p.id, "domains": ["bestuur"], "explanation": {"termen": ["bestuur"]}}
                               for p in reg_passages], producer="test-seed", version="1")
        s.save_labels(ak_id, [
            {"passage_id": ak.passages[0].id, "domains": ["ruimtelijk-economisch"],
             "tensions": {"verleden-toekomst": "B"}},
            {"passage_id": ak.passages[1].id, "domains": ["sociaal"], "tensions": {"vrijheid-afhankelijkheid": "A"}},
            {"passage_id": ak.passages[2].id, "domains": ["bestuur"],
             "tensions": {"vrijheid-afhankelijkheid": "A", "legitimiteit-resultaat": "A"}},
        ], producer="test-seed", version="1")
    return {"regeling": reg_id, "akkoord": ak_id, "flagged_passage": reg_passages[0].id,
            "xss_passage": reg_passages[1].id}


@pytest.fixture(autouse=True)
def _own_model_dir(tmp_path, monkeypatch) -> None:
    """Trained models from a test go to its temp folder, never into the checkout; no background
    warm-up thread importing modules while the test imports them."""
    monkeypatch.setenv("DRECHTLENS_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("DRECHTLENS_NO_WARMUP", "1")


def _db(target: str) -> Path | str:
    """A SQLite target as a Path (as the tests always had it), a PostgreSQL URL as is."""
    from corpus.store import is_database_url
    return target if is_database_url(target) else Path(target)


@pytest.fixture()
def empty_db(store_target, monkeypatch) -> Path | str:
    """An empty corpus on each backend (SQLite file / fresh PostgreSQL database) as $DRECHTLENS_DB."""
    db = _db(store_target("corpus.db"))
    monkeypatch.setenv("DRECHTLENS_DB", str(db))
    return db


@pytest.fixture()
def seeded_db(store_target, monkeypatch) -> tuple[Path | str, dict[str, str]]:
    """The seeded corpus (build_store) on each backend, as $DRECHTLENS_DB."""
    db = _db(store_target("corpus.db"))
    ids = build_store(db)
    monkeypatch.setenv("DRECHTLENS_DB", str(db))
    return db, ids
