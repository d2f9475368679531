"""Real-browser test: ``streamlit run app.py`` driven by headless Chromium (playwright).

Flow: upload a PDF → open the document (XSS payload must stay text in the DOM) → accept a
flag → code a passage → search → export CSV. Every page is screenshotted into
``test-artifacts/screenshots/`` (and into ``$DRECHTLENS_SCREENSHOTS`` when set, e.g.
``make screenshots`` → ``docs/screenshots``). First paint per page and search latency are
printed (not asserted). ``$DRECHTLENS_BROWSER_DB`` runs the same flow against a given
database (e.g. the 200-document bench store) instead of a generated one; it is copied, so
the flow's writes never touch the original.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.review import PRODUCER
from tests.app.conftest import XSS_SCRIPT, build_store, make_pdf

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("DRECHTLENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[dict]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"chromium ontbreekt ({CHROMIUM}): installeer het met `make system-deps`")
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "corpus.db"
    given = os.environ.get("DRECHTLENS_BROWSER_DB")
    if given:
        for f in Path(given).parent.glob(Path(given).name + "*"):  # the DB and its -wal/-shm
            shutil.copy(f, tmp / f.name.replace(Path(given).name, "corpus.db"))
        ids: dict[str, str] = {}
    else:
        ids = build_store(db)
        if os.environ.get("DRECHTLENS_SCREENSHOTS"):  # `make screenshots`: show the demo corpus too
            _add_demo(db)
    port = _free_port()
    env = {**os.environ, "DRECHTLENS_DB": str(db)}
    log = open(tmp / "streamlit.log", "w")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit startte niet binnen 90 s:\n" + (tmp / "streamlit.log").read_text()[-3000:])
        yield {"url": url, "db": db, "ids": ids, "tmp": tmp}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _add_demo(db: Path) -> None:
    """Demo corpus plus the ambiguity flags of its regulation (for documentation screenshots)."""
    from corpus.demo import load_demo
    from corpus.store import Store
    from models.ambiguity import analyse

    load_demo(str(db), if_empty=False)
    with Store(str(db)) as s:
        for d in s.documents(kind="regeling"):
            if not s.flags(doc_id=d.id):
                report = analyse(s.get_document(d.id))
                s.save_flags(d.id, [f.to_dict() for f in report.flags], producer=PRODUCER, version="1")


def _shot_dirs(artifacts_dir: Path) -> list[Path]:
    dirs = [artifacts_dir / "screenshots"]
    extra = os.environ.get("DRECHTLENS_SCREENSHOTS")
    if extra:
        dirs.append(Path(extra) if Path(extra).is_absolute() else ROOT / extra)
    for d in dirs:
        d.mkdir(parents=True, exist_ok=True)
    return dirs


def _idle(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished the script run an action started (its own e2e idiom)."""
    try:  # the run may start a moment after the click
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running']", timeout=1_000)
    except Exception:  # noqa: BLE001 - the run was already over (or never started)
        pass
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(100)


def _eventually(check, timeout: float = 30.0) -> bool:  # noqa: ANN001 - a zero-argument predicate
    """Poll ``check()`` until it is true (writes land in the DB after the script run)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def _db(server):  # noqa: ANN001, ANN202
    from corpus.store import Store

    return Store(str(server["db"]))


def test_workbench_in_browser(server, artifacts_dir):
    from playwright.sync_api import expect, sync_playwright

    shots = _shot_dirs(artifacts_dir)
    timings: dict[str, float] = {}
    dialogs: list[str] = []

    def screenshot(name: str) -> None:
        for d in shots:
            page.screenshot(path=str(d / f"{name}.png"), full_page=True)

    def nav(title: str) -> float:
        """Click a page in the sidebar; return seconds until its title is painted and the run ends."""
        t0 = time.perf_counter()
        page.locator('[data-testid="stSidebarNavLink"]', has_text=title).first.click()
        expect(page.locator("h1", has_text=title).first).to_be_visible(timeout=60_000)
        _idle(page)
        return time.perf_counter() - t0

    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(server["tmp"] / "chromium-profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        try:
            page = ctx.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            t0 = time.perf_counter()
            page.goto(server["url"] + "/", wait_until="domcontentloaded")
            expect(page.locator("h1", has_text="Corpus").first).to_be_visible(timeout=90_000)
            _idle(page)
            timings["Corpus (koude start)"] = time.perf_counter() - t0
            page.get_by_role("textbox", name="Uw naam (voor toetsing en codering)").fill("Browser Test")
            page.keyboard.press("Enter")
            _idle(page)

            # 1. upload a PDF
            page.get_by_text("Documenten toevoegen").click()
            pdf = make_pdf(["Artikel 1 Taken", "1. Het dagelijks bestuur kan zo nodig regels stellen.",
                            f"2. Tekst met {XSS_SCRIPT} erin."], pages=1)
            page.locator('input[type="file"]').set_input_files(
                files=[{"name": "browser-upload.pdf", "mimeType": "application/pdf", "buffer": pdf}])
            page.wait_for_timeout(500)
            page.get_by_role("button", name="Toevoegen aan corpus").click()
            expect(page.get_by_text("browser-upload.pdf: toegevoegd").first).to_be_visible(timeout=120_000)
            _idle(page)
            screenshot("1-corpus")
            assert _eventually(lambda: any(d.source_file.endswith("browser-upload.pdf")
                                           for d in _db(server).documents()))

            # 2. open the regulation in the reader: the payload is text, not markup
            timings["Document"] = nav("Document")
            if server["ids"]:
                page.locator('[data-testid="stSelectbox"]').first.click()
                page.get_by_role("option", name="Regeling Testschap 2024").first.click()
                _idle(page)
                expect(page.get_by_text(XSS_SCRIPT, exact=False).first).to_be_visible()
                assert page.locator("img[src='x']").count() == 0
                scripts = page.eval_on_selector_all("script", "els => els.map(e => e.textContent)")
                assert not any("alert(1)" in (s or "") for s in scripts)
                assert page.locator("mark", has_text="zo nodig").count() >= 1
                expect(page.locator('[data-testid="stImage"] img').first).to_be_visible()
            screenshot("2-document")

            # 3. accept a flag
            timings["Toetsing"] = nav("Toetsing")
            if server["ids"]:
                page.locator('[data-testid="stSelectbox"]').first.click()
                page.get_by_role("option", name="Regeling Testschap 2024").first.click()
                _idle(page)
            accept = page.get_by_role("button", name="Accepteren")
            if accept.count():
                accept.first.click()
                _idle(page)
                assert _eventually(lambda: [d.decision for d in _db(server).decisions(reviewer="Browser Test")]
                                   == ["accept"])
            screenshot("3-toetsing")
            page.get_by_role("tab", name="Rapport exporteren").click()
            with page.expect_download() as dl:
                page.get_by_role("button", name="Rapport (Word)").click()
            assert Path(dl.value.path()).read_bytes()[:2] == b"PK"  # a .docx is a zip

            # 4. code a passage
            timings["Coderen"] = nav("Coderen")
            first_box = page.locator('[data-testid="stCheckbox"] input').first
            before = first_box.is_checked()
            page.locator("h1", has_text="Coderen").first.click()  # focus the page, not an input
            page.keyboard.press("1")  # shortcut: toggles the first domain
            _idle(page)
            expect(first_box).to_be_checked(checked=not before)
            if not first_box.is_checked():
                page.locator('[data-testid="stCheckbox"]').first.click()
            page.get_by_role("button", name="Opslaan en volgende").click()
            _idle(page)
            assert _eventually(lambda: len(_db(server).codings(coder="Browser Test")) == 1)
            screenshot("4-coderen")

            # 5. search (latency: Enter → hits painted) and 6. export
            timings["Zoeken"] = nav("Zoeken")
            box = page.get_by_role("textbox", name="Zoekvraag")
            query = os.environ.get("DRECHTLENS_BROWSER_QUERY", "begroting")  # a word the given store holds
            box.fill(query)
            t0 = time.perf_counter()
            box.press("Enter")
            expect(page.locator("mark").first).to_be_visible(timeout=60_000)
            timings[f"zoekopdracht '{query}'"] = time.perf_counter() - t0
            screenshot("5-zoeken")
            expect(page.get_by_text(re.compile(r"^\d+ treffers? ·")).first).to_be_visible()
            assert page.locator("img[src='x']").count() == 0
            with page.expect_download() as dl:
                page.get_by_role("button", name="Exporteer CSV").click()
            exported = Path(dl.value.path()).read_text(encoding="utf-8-sig")
            assert exported.startswith("document,") and query.lower() in exported.lower()

            # the hit's title opens the reader on that passage (a plain link: works in a new tab too)
            page.locator("a[href*='document?doc=']").first.click()
            expect(page.locator("h1", has_text="Document").first).to_be_visible(timeout=60_000)
            _idle(page)
            assert "passage=" in page.url
            focused = page.locator("div[id^='p-'][style*='outline']").first  # the browser normalises the style
            expect(focused).to_contain_text(query, ignore_case=True)

            timings["Vergelijken"] = nav("Vergelijken")
            screenshot("6-vergelijken")
            timings["Over deze analyse"] = nav("Over deze analyse")
            screenshot("7-over")
            timings["Corpus"] = nav("Corpus")
        finally:
            ctx.close()

    assert not dialogs, f"a script ran in the page: {dialogs}"
    print("\nEerste weergave per pagina en zoeklatentie (s):")
    for name, sec in timings.items():
        print(f"  {name:28s} {sec:6.2f}")
