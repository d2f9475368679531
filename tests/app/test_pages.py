"""AppTest tests: every page renders (empty and filled store) and its main action works."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from corpus import review
from tests.app.conftest import XSS_SCRIPT, make_pdf

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = ["views/corpus_page.py", "views/document.py", "views/review.py", "views/coding.py",
         "views/search.py", "views/compare.py", "views/about.py"]


def open_page(page: str, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for k, v in state.items():
        at.session_state[k] = v
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def rendered_html(at: AppTest) -> str:
    """Everything the page sent as markdown / html / captions (what the browser would render)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(str(p) for p in parts)


def assert_no_live_markup(text: str) -> None:
    assert "<script" not in text.lower()
    assert "<img src=x" not in text.lower()
    assert "onerror=alert" not in text.replace("&#x27;", "'") or "&lt;img" in text


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_empty_store(empty_db, page):
    at = open_page(page)
    assert at.title, "page has no title"


def test_corpus_page_lists_documents_with_counts(seeded_db):
    # (Every other page has its own test on the filled store below.)
    at = open_page("views/corpus_page.py")
    table = at.dataframe[0].value
    assert set(table["Titel"]) == {"Regeling Testschap 2024", "Coalitieakkoord Teststad 2022"}
    row = table[table["Titel"] == "Regeling Testschap 2024"].iloc[0]
    assert (row["Passages"], row["Signalen"], row["Open signalen"]) == (3, 2, 2)


def test_sidebar_counts_documents(seeded_db):
    at = open_page("views/about.py")
    assert any("2 documenten" in c.value for c in at.sidebar.caption)


def test_reader_escapes_document_text(seeded_db):
    _, ids = seeded_db
    at = open_page("views/document.py", doc_id=ids["regeling"])
    html_out = rendered_html(at)
    # The payload is shown as text (escaped), never as live markup.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_out
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_out
    assert_no_live_markup(html_out)
    # The flag is highlighted and the original PDF page is rendered next to the text.
    assert "<mark" in html_out and ">zo nodig</mark>" in html_out
    assert len(at.image) == 1, "no page image rendered"


def test_reader_outline_jumps_to_passage(seeded_db):
    _, ids = seeded_db
    at = open_page("views/document.py", doc_id=ids["regeling"])
    radio = at.radio[0]
    labels = list(radio.options)  # formatted labels; the values are their positions
    assert any("hoofdstuk 1" in x for x in labels) and any("artikel 2" in x for x in labels), labels
    radio.set_value(next(i for i, x in enumerate(labels) if "artikel 2" in x)).run()
    assert not at.exception
    # The chosen passage is outlined and the page image follows it (artikel 2 is on page 2).
    focused = next(m.value for m in at.markdown if "outline:2px" in m.value)
    assert "in redelijkheid" in focused
    assert at.number_input[0].value == 2


def test_review_accept_and_dismiss(seeded_db):
    from corpus.store import Store

    db, ids = seeded_db
    at = open_page("views/review.py", doc_id=ids["regeling"], user_name="Jurist A")
    html_out = rendered_html(at)
    assert "Welk criterium bepaalt" in html_out
    assert_no_live_markup(html_out)
    accept = [b for b in at.button if b.label == "Accepteren"]
    assert len(accept) == 2
    accept[0].click().run()
    assert not at.exception
    with Store(str(db)) as s:
        decided = s.flags(doc_id=ids["regeling"], status="accept")
    assert len(decided) == 1 and decided[0].type == "AMB-01"  # kritiek ranks first

    # Dismiss needs a reason: without one nothing is stored.
    dismiss = next(b for b in at.button if b.label == "Afwijzen")
    dismiss.click().run()
    assert any("reden" in e.value for e in at.error)
    reason = next(t for t in at.text_input if t.label == "Reden van afwijzen")
    reason.input("vaste term in deze regeling").run()
    next(b for b in at.button if b.label == "Afwijzen").click().run()
    with Store(str(db)) as s:
        dismissed = s.flags(doc_id=ids["regeling"], status="dismiss")
        reasons = [d.reason for d in s.decisions(doc_id=ids["regeling"])]
    assert len(dismissed) == 1 and "vaste term in deze regeling" in reasons


def test_review_conflict_between_two_reviewers_is_refused_not_overwritten(seeded_db):
    """Reviewer A has the page open; reviewer B (another browser) dismisses the same flag; A's
    accept is then refused with a Dutch message, and only after seeing B's decision can A act."""
    from corpus.store import Store
    from views import backend

    db, ids = seeded_db
    at = open_page("views/review.py", doc_id=ids["regeling"], user_name="Jurist A")
    at.multiselect(key="rv_status").set_value(list(backend.STATUS_NL.values())).run()  # keep decided cards
    with Store(str(db)) as s:
        first = s.flags(doc_id=ids["regeling"])[0]
        assert first.type == "AMB-01"  # the card shown first (kritiek ranks first)
        s.add_decision(first.key, ids["regeling"], "Jurist B", "dismiss", reason="bewust open norm",
                       expected_version=first.version)
    next(b for b in at.button if b.label == "Accepteren").click().run()
    assert not at.exception
    assert any("intussen gewijzigd" in e.value and "Jurist B" in e.value for e in at.error), [e.value for e in at.error]
    with Store(str(db)) as s:
        assert [(d.reviewer, d.decision) for d in s.decisions(doc_id=ids["regeling"])] == [("Jurist B", "dismiss")]
        assert s.flags(doc_id=ids["regeling"])[0].status == "dismiss"
    # A has now seen B's decision: overruling it is a deliberate act and is stored.
    next(b for b in at.button if b.label == "Accepteren").click().run()
    with Store(str(db)) as s:
        assert [d.reviewer for d in s.decisions(doc_id=ids["regeling"])] == ["Jurist B", "Jurist A"]
        assert s.flags(doc_id=ids["regeling"])[0].status == "accept"


def test_review_needs_a_name(seeded_db):
    _, ids = seeded_db
    at = open_page("views/review.py", doc_id=ids["regeling"])
    assert any("uw naam" in w.value for w in at.warning)
    assert all(b.disabled for b in at.button if b.label == "Accepteren")


def test_review_report_export(seeded_db):
    from views import backend

    _, ids = seeded_db
    at = open_page("views/review.py", doc_id=ids["regeling"], user_name="Jurist A")
    labels = [b.label for b in at.get("download_button")]
    assert "Rapport (Word)" in str(labels) and "Tabel (CSV)" in str(labels)
    docx = backend.flag_report(ids["regeling"], "docx")
    assert docx[:2] == b"PK"
    csv_text = backend.flag_report(ids["regeling"], "csv").decode("utf-8-sig")
    assert "AMB-01" in csv_text and "zo nodig" in csv_text


def test_coding_saves_a_coding(seeded_db):
    from corpus.store import Store

    db, _ = seeded_db
    at = open_page("views/coding.py", user_name="Onderzoeker B")
    boxes = {c.label: c for c in at.checkbox}
    assert boxes, "no domain checkboxes"
    # The suggestion pre-fills the boxes; the coder changes them.
    first = next(iter(boxes.values()))
    first.check().run()
    at.segmented_control[0].set_value("A").run()
    next(b for b in at.button if b.label == "Opslaan en volgende").click().run()
    assert not at.exception
    with Store(str(db)) as s:
        codings = s.codings(coder="Onderzoeker B")
    assert len(codings) == 1
    assert codings[0].domains and list(codings[0].tensions.values()) == ["A"]
    # The next passage in the queue is a different one.
    html_out = rendered_html(at)
    assert codings[0].text_snapshot[:40] not in html_out.split("te coderen")[-1][:400]


def test_coding_saved_meanwhile_in_another_tab_is_not_overwritten(seeded_db):
    from corpus.store import Store

    db, _ = seeded_db
    at = open_page("views/coding.py", user_name="Onderzoeker B")
    passage_text = rendered_html(at).split("te coderen")[-1][:2000]
    with Store(str(db)) as s:
        pid, text = next((p.id, p.text) for d in s.documents() for p in s.passages(d.id) if p.text[:30] in passage_text)
        s.add_coding(pid, "Onderzoeker B", ["bestuur"], {}, note="andere tab", expected_version=0)
    next(b for b in at.button if b.label == "Opslaan en volgende").click().run()
    assert not at.exception
    assert any("intussen in een ander venster" in w.value for w in at.warning), [w.value for w in at.warning]
    with Store(str(db)) as s:  # the other tab's coding stands; the click saved nothing on another passage
        assert [c.note for c in s.codings(coder="Onderzoeker B")] == ["andere tab"]
    assert text[:30] not in rendered_html(at).split("te coderen")[-1][:400]  # the queue moved on


def test_agreement_and_adjudication(seeded_db):
    from corpus.store import Store

    db, ids = seeded_db
    with Store(str(db)) as s:
        pid = s.passages(ids["akkoord"])[0].id
        s.add_coding(pid, "A", ["ruimtelijk-economisch"], {})
        s.add_coding(pid, "B", ["sociaal"], {})
    at = open_page("views/coding.py", user_name="Beslechter")
    assert any("meningsverschil" in m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Vastleggen").click().run()
    with Store(str(db)) as s:
        adj = s.codings(adjudicated=True)
    assert len(adj) == 1 and adj[0].domains == ["ruimtelijk-economisch"]


def test_retrain_reports_metrics_and_curve(seeded_db):
    from corpus.store import Store
    from extract.document import Document, Passage, passage_id

    db, _ = seeded_db
    topics = [("De gemeente bouwt nieuwe woningen en verbetert de bereikbaarheid van het bedrijventerrein nummer {}.",
               ["ruimtelijk-economisch"]),
              ("Het wijkteam helpt inwoners met jeugdhulp, schulden en armoede in wijk nummer {}.", ["sociaal"])]
    texts = [(t.format(i), doms) for i in range(8) for t, doms in topics]
    doc = Document(id="f" * 64, title="Trainingsdocument", kind="akkoord", body="Gemeente Sliedrecht", year=2023,
                   passages=[Passage(id=passage_id("f" * 64, i), seq=i, text=t, page_start=1, page_end=1)
                             for i, (t, _) in enumerate(texts)])
    with Store(str(db)) as s:
        s.add_document(doc)
        for p, (_, doms) in zip(doc.passages, texts, strict=True):
            s.add_coding(p.id, "Onderzoeker B", doms, {})
    at = open_page("views/coding.py", user_name="Onderzoeker B")
    at.button(key="retrain").click().run()
    assert not at.exception, at.exception
    assert any("Getraind op 16 passages" in m.value for m in at.success), [e.value for e in at.error]
    metrics = at.dataframe[-1].value
    assert "basislijn: seed-lexicon" in list(metrics["model"])
    assert (Path(os.environ["DRECHTLENS_DATA"]) / "trained" / "LATEST").exists()


def test_retrain_with_too_few_codings_says_so(seeded_db):
    at = open_page("views/coding.py", user_name="Onderzoeker B")
    at.button(key="retrain").click().run()
    assert not at.exception
    assert any("Trainen lukt nog niet" in e.value for e in at.error)


def test_search_with_filter_and_escaped_snippets(seeded_db):
    at = open_page("views/search.py")
    at.text_input(key="q").input("begroting").run()
    assert not at.exception
    html_out = rendered_html(at)
    assert "Regeling Testschap 2024" in html_out
    assert "&lt;script&gt;" in html_out
    assert_no_live_markup(html_out)
    assert "<mark" in html_out  # keyword in context
    assert any(c.value.startswith("1 treffer ·") for c in at.caption)
    # A filter that excludes the regulation leaves no hits.
    at.selectbox(key="f_kind").set_value("akkoord").run()
    assert any(c.value.startswith("0 treffers") for c in at.caption)


def test_search_export_and_saved_search(seeded_db):
    from corpus.store import Store
    from views import backend

    db, _ = seeded_db
    at = open_page("views/search.py")
    at.text_input(key="q").input("woningen").run()
    assert [d.label for d in at.get("download_button")] == ["Exporteer CSV", "Exporteer Excel"]
    res = backend.search("woningen", {})
    csv_text = backend.hits_csv(res.hits).decode("utf-8-sig")
    assert "Coalitieakkoord Teststad 2022" in csv_text
    assert backend.hits_xlsx(res.hits, "woningen")[:2] == b"PK"
    at.text_input(key="save_name").input("wonen").run()
    next(b for b in at.button if b.label == "Opslaan").click().run()
    with Store(str(db)) as s:
        assert [x.name for x in s.saved_searches()] == ["wonen"]


def test_upload_pdf(seeded_db):
    from corpus.store import Store

    db, _ = seeded_db
    at = open_page("views/corpus_page.py")
    pdf = make_pdf(["Artikel 1 Begripsbepalingen", "1. Het bestuur besluit over de begroting.",
                    f"2. De tekst {XSS_SCRIPT} blijft tekst."], pages=1)
    at.file_uploader(key="upload_files").upload("nieuw.pdf", pdf, "application/pdf").upload(
        "kapot.pdf", b"%PDF-1.4 dit is geen pdf", "application/pdf")
    next(b for b in at.button if b.label == "Toevoegen aan corpus").click().run()
    assert not at.exception, at.exception
    ok = [m.value for m in at.success]
    errors = [e.value for e in at.error]
    assert any(m.startswith("nieuw.pdf: toegevoegd") for m in ok), (ok, errors)
    assert any(e.startswith("kapot.pdf:") for e in errors), errors  # a per-file error, in Dutch
    assert not any("Traceback" in e for e in errors)
    with Store(str(db)) as s:
        assert len(s.documents()) == 3
    assert_no_live_markup(rendered_html(at))


def test_upload_rejects_bad_files(empty_db):
    from views import backend

    big = backend.ingest_upload("groot.pdf", b"%PDF" + b"0" * (backend.MAX_UPLOAD_MB * 1_000_000 + 10))
    assert not big.ok and "grens" in big.message
    assert "wordt niet ondersteund" in backend.ingest_upload("virus.exe", b"MZ").message
    assert "leeg" in backend.ingest_upload("leeg.pdf", b"").message


def test_delete_keeps_user_data(seeded_db):
    import json

    from corpus.store import Store
    from views import backend

    db, ids = seeded_db
    with Store(str(db)) as s:
        pid = s.passages(ids["regeling"])[0].id
        s.add_coding(pid, "C", ["bestuur"], {})
    exported = json.loads(backend.export_user_data(ids["regeling"]))
    assert len(exported["codings"]) == 1
    backend.delete_document(ids["regeling"])
    with Store(str(db)) as s:
        assert not s.has_document(ids["regeling"])
        assert len(s.codings(coder="C")) == 1


def test_compare_page_has_chart_and_table(seeded_db):
    at = open_page("views/compare.py")
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(at.dataframe) >= 2


def test_about_page_lists_pipeline(seeded_db):
    at = open_page("views/about.py")
    text = rendered_html(at)
    assert "Pijplijn in gebruik" in text
    assert "Codeboek" in text and "Classificatie: **seed-lexicon" in text
    components = next(d.value for d in at.dataframe if "module" in d.value.columns)
    assert "extract.reader" in set(components["module"])
    assert set(components["status"]) <= {"beschikbaar", "niet geïnstalleerd"}


def test_review_runs_the_detectors_on_request(seeded_db):
    from corpus.store import Store

    db, ids = seeded_db
    with Store(str(db)) as s:
        s.save_flags(ids["regeling"], [], producer="test-rules", version="1")  # no flags stored
    at = open_page("views/review.py", doc_id=ids["regeling"], user_name="Jurist A")
    at.button(key="run_review").click().run()
    assert not at.exception, at.exception
    with Store(str(db)) as s:
        flags = s.flags(doc_id=ids["regeling"])
    assert flags and {f.producer for f in flags} == {review.PRODUCER}
    assert any(f.quote == "zo nodig" for f in flags), [f.quote for f in flags]
    assert any(b.label == "Accepteren" for b in at.button)


def test_reader_link_from_search_opens_the_passage(seeded_db):
    """``document?doc=…&passage=…`` (the link on every search hit) focuses that passage."""
    from views.components import reader_link

    _, ids = seeded_db
    link = reader_link(ids["regeling"], ids["xss_passage"])
    assert link.startswith("document?doc=")
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["doc"] = ids["regeling"]
    at.query_params["passage"] = ids["xss_passage"]
    at.run()
    at.switch_page("views/document.py").run()
    assert not at.exception
    focused = next(m.value for m in at.markdown if "outline:2px" in m.value)
    assert "begroting" in focused and "&lt;script&gt;" in focused


def test_review_comment_is_stored_without_changing_status(seeded_db):
    from corpus.store import Store

    db, ids = seeded_db
    at = open_page("views/review.py", doc_id=ids["regeling"], user_name="Jurist A")
    next(t for t in at.text_input if t.label == "Commentaar").input("navragen bij griffie").run()
    next(b for b in at.button if b.label == "Commentaar opslaan").click().run()
    with Store(str(db)) as s:
        decisions = s.decisions(doc_id=ids["regeling"])
        assert [(d.decision, d.comment) for d in decisions] == [("comment", "navragen bij griffie")]
        assert all(f.status == "open" for f in s.flags(doc_id=ids["regeling"]))


def test_unreadable_database_gives_a_dutch_message(tmp_path, monkeypatch):
    db = tmp_path / "kapot.db"
    db.write_bytes(b"dit is geen sqlite-bestand" * 100)
    monkeypatch.setenv("DRECHTLENS_DB", str(db))
    for page in PAGES:
        at = AppTest.from_file(APP, default_timeout=30).run()
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        shown = [e.value for e in at.sidebar.error] + [i.value for i in at.info] + [e.value for e in at.error]
        assert any("kan niet geopend worden" in m for m in shown) or page.endswith("about.py"), (page, shown)


def test_upload_accepts_a_saved_cvdr_page(empty_db):
    """A regulation saved from lokaleregelgeving.overheid.nl (HTML) is accepted and stored with its artikelen."""
    from corpus.store import Store
    from tests.extract.test_html import CVDR_PAGE
    from views import backend

    out = backend.ingest_upload("regeling.html", CVDR_PAGE.encode("utf-8"))
    assert out.ok, out.message
    with Store(str(empty_db)) as s:
        (doc,) = s.documents()
        assert doc.kind == "regeling"
        assert any(p.artikel for p in s.passages(doc.id))
