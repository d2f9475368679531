"""Ingest: folders of real files (Markdown, text, PDF), duplicates, versions, manifests, errors, crash-resume."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.analysis import Analyser
from corpus.cli import main
from corpus.ingest import ingest_paths
from corpus.search import search
from corpus.store import Store
from tests.corpus.conftest import write_pdf

DRECHTLENS = str(Path(sys.executable).parent / "drechtlens")

REGELING_MD = """# Regeling {name}

## Artikel 1 Begrippen

1. Het algemeen bestuur is bevoegd tot het nemen van besluiten over woningen.
2. De bevoegdheden van het dagelijks bestuur worden bij verordening geregeld.

## Artikel 2 Verkoop

Het algemeen bestuur heeft besloten de woning te verkopen{extra}.
"""


def _md(folder: Path, name: str, extra: str = "") -> Path:
    p = folder / f"{name.lower().replace(' ', '-')}.md"
    p.write_text(REGELING_MD.format(name=name, extra=extra), encoding="utf-8")
    return p


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    _md(d, "Gemeenschappelijke regeling Drechtsteden")
    (d / "sub" / "notitie.txt").write_text("Notitie woningbouw\n\nDe raad van Zwijndrecht bespreekt de woningbouw.\n",
                                           encoding="utf-8")
    write_pdf(d / "sub" / "verordening.pdf", "Verordening jeugdzorg Papendrecht 2023", 4, 2, seed=1)
    (d / "plaatje.png").write_bytes(b"\x89PNG not really")
    return d


def test_ingest_folder_then_duplicates(fresh_store: Store, folder: Path):
    events = []
    rep = ingest_paths(fresh_store, [folder], workers=1, progress=events.append)
    assert [i.error for i in rep.errors] == []
    assert rep.count("new") == 3 and rep.skipped == [str(folder / "plaatje.png")]
    assert [e.done for e in events] == [1, 2, 3] and events[-1].total == 3
    pdf = next(i for i in rep.items if i.path.endswith(".pdf"))
    assert pdf.pages == 2 and pdf.passages >= 8 and pdf.kind == "regeling"
    stored = fresh_store.get_document(pdf.doc_id)
    assert stored.body == "Gemeente Papendrecht" and stored.year == 2023
    assert fresh_store.file_bytes(pdf.doc_id) == (folder / "sub" / "verordening.pdf").read_bytes()
    # page numbers survive into search hits
    hit = next(h for h in search(fresh_store, "jeugdzorg").hits
               if h.doc_id == pdf.doc_id)
    assert hit.page_start in (1, 2)
    again = ingest_paths(fresh_store, [folder], workers=2)
    assert again.count("duplicate") == 3 and again.count("new") == 0
    assert fresh_store.stats().documents == 3


def test_new_version_is_linked(fresh_store: Store, tmp_path: Path):
    v1 = _md(tmp_path, "Regeling Sociaal Domein")
    r1 = ingest_paths(fresh_store, [v1], workers=1)
    v1.write_text(REGELING_MD.format(name="Regeling Sociaal Domein", extra=" aan de gemeente"), encoding="utf-8")
    r2 = ingest_paths(fresh_store, [v1], workers=1)
    assert r2.items[0].status == "new_version" and r2.items[0].previous_id == r1.items[0].doc_id
    assert len(fresh_store.documents()) == 2 and len(fresh_store.documents(latest_only=True)) == 1


def test_manifest_and_overrides(fresh_store: Store, tmp_path: Path):
    d = tmp_path / "m"
    d.mkdir()
    _md(d, "Regeling Een")
    _md(d, "Regeling Twee")
    (d / "MANIFEST.tsv").write_text(
        "file\tkind\tmunicipality_or_body\tyear\tformat\n"
        "regeling-een.md\tcoalitieakkoord\tGemeente Sliedrecht\t2018\tmarkdown\n"
        "regeling-twee.md\tother-gov\tunknown municipality\t\tmarkdown\n", encoding="utf-8")
    rep = ingest_paths(fresh_store, [d], workers=1)
    docs = {Path(i.path).name: fresh_store.get_document(i.doc_id, with_passages=False) for i in rep.items}
    een, twee = docs["regeling-een.md"], docs["regeling-twee.md"]
    assert (een.kind, een.body, een.year) == ("akkoord", "Gemeente Sliedrecht", 2018)
    assert een.meta["manifest"]["format"] == "markdown"
    assert twee.kind == "regeling" and twee.year is None  # other-gov and unknown body left to extraction
    # command-line flags win over the manifest
    with Store(tmp_path / "b.db") as s2:
        ingest_paths(s2, [d], overrides={"body": "Gemeente Dordrecht", "year": 2020}, workers=1)
        assert {(x.body, x.year) for x in s2.documents()} == {("Gemeente Dordrecht", 2020)}


def test_corrupt_file_among_good_ones_exit_code_2(tmp_path: Path, folder: Path, capsys):
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    (folder / "leeg.docx").write_bytes(b"")
    db = tmp_path / "c.db"
    code = main(["--db", str(db), "ingest", str(folder)])
    out = capsys.readouterr()
    assert code == 2
    assert "kapot.pdf" in out.err and "leeg.docx" in out.err and "Traceback" not in out.err + out.out
    assert "Fouten: 2" in out.out
    with Store(db) as s:
        assert s.stats().documents == 3


def test_missing_path_is_an_error_not_a_crash(fresh_store: Store, tmp_path: Path):
    rep = ingest_paths(fresh_store, [tmp_path / "bestaat-niet.pdf"])
    assert rep.errors and "bestaat niet" in rep.errors[0].error


def _broken(doc):
    raise RuntimeError("model ontbreekt")


def _first_flag(doc):
    p = doc.passages[1]
    return [{"key": "k1", "type": "AMB-01", "severity": "zorg", "passage_id": p.id, "quote": p.text[:5]}]


@pytest.mark.parametrize("workers", [1, 2])
def test_analysis_failure_is_a_warning(fresh_store: Store, tmp_path: Path, workers: int):
    # an analyser that raises: the document is stored, the failure recorded as a warning
    analysers = (Analyser("kapot", "0", "labels", _broken), Analyser("regels", "1", "flags", _first_flag))
    files = [_md(tmp_path, "Regeling Drie"), _md(tmp_path, "Regeling Vier")]
    rep = ingest_paths(fresh_store, files, workers=workers, analysers=analysers)
    doc = fresh_store.get_document(rep.items[0].doc_id)
    assert [w.code for w in doc.warnings] == ["analysis-error"] and "model ontbreekt" in doc.warnings[0].message
    assert [f.key for f in fresh_store.flags(doc_id=doc.id)] == ["k1"]


def _count(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0], con.execute(
            "SELECT count(*) FROM passages").fetchone()[0]
    finally:
        con.close()


def test_crash_and_resume(tmp_path: Path):
    # --zonder-analyse: model loading is not what is tested here and costs seconds per process
    src = tmp_path / "twintig"
    src.mkdir()
    for i in range(20):
        write_pdf(src / f"regeling-{i:02d}.pdf", f"Verordening nummer {i} Dordrecht", 6, 2, seed=i)
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"
    assert subprocess.run([DRECHTLENS, "--db", str(clean_db), "ingest", str(src), "--workers", "2", "--zonder-analyse"],
                          capture_output=True, timeout=300).returncode == 0
    clean = _count(clean_db)
    assert clean[0] == 20

    proc = subprocess.Popen([DRECHTLENS, "--db", str(crash_db), "ingest", str(src), "--workers", "2", "--zonder-analyse"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    seen = 0
    for line in proc.stderr:
        if line.startswith("["):
            seen += 1
            if seen == 4:
                os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its worker processes
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = _count(crash_db)
    assert 4 <= partial[0] < 20, partial  # really killed mid-run
    con = sqlite3.connect(crash_db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()

    rerun = subprocess.run([DRECHTLENS, "--db", str(crash_db), "ingest", str(src), "--workers", "2", "--zonder-analyse"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"Al aanwezig: {partial[0]}" in rerun.stdout
    assert _count(crash_db) == clean
    with Store(crash_db) as s:
        ids = [d.id for d in s.documents()]
        assert len(ids) == len(set(ids)) == 20
        assert s.read("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'norm:woning'")[0][0] > 0


def test_pdf_hit_points_to_its_page(fresh_store: Store, tmp_path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "veer.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    for page, (art, text) in enumerate([("1", "Deze regeling geldt voor het openbaar vervoer over water."),
                                         ("2", "Het college stelt de dienstregeling vast."),
                                         ("3", "De exploitatie van de veerdienst naar Sliedrecht wordt aanbesteed.")],
                                        start=1):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(60, 800, "Verordening veerverbindingen" if page == 1 else "")
        # headings at different heights: identical lines at one spot on every page count as running headers
        y = 760 - 60 * page
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, y, f"Artikel {art} {('Toepassing', 'Dienstregeling', 'Exploitatie')[page - 1]}")
        c.setFont("Helvetica", 10)
        c.drawString(60, y - 20, text)
        c.showPage()
    c.save()
    rep = ingest_paths(fresh_store, [pdf], workers=1, analyse=False, overrides={"kind": "regeling"})
    assert rep.items[0].status == "new" and rep.items[0].pages == 3
    hits = search(fresh_store, "veerdiensten").hits
    assert len(hits) == 1
    h = hits[0]
    assert (h.page_start, h.location) == (3, "artikel 3")
    assert [h.snippet[s:e] for s, e in h.highlights] == ["veerdienst"]


def test_folder_ingest_picks_up_saved_html_pages(tmp_path):
    from corpus.ingest import collect_files
    from tests.extract.test_html import CVDR_PAGE

    (tmp_path / "regeling.html").write_text(CVDR_PAGE, encoding="utf-8")
    (tmp_path / "plaatje.png").write_bytes(b"\x89PNG")
    files, _, _ = collect_files([tmp_path])
    assert [f.name for f in files] == ["regeling.html"]
