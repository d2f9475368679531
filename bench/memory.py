"""Memory: peak RSS of ingesting one 500-page PDF, and of the app serving a 50k-passage store.
Each runs in its own process so the peak is its own.

* 500-page PDF: ``tests.pdfgen.render_filler_pdf`` (``bench.ingest.long_pdf``, cached),
  ingested with ``corpus.ingest.ingest_paths`` into a fresh store (one file: the ingest runs
  in-process and the PDF reader uses its own page-parallel pool). Reported: the main
  process's peak RSS and the largest page worker's.
* 50k passages, real server: ``streamlit run app.py`` with ``DRECHTLENS_DB`` on a copy of the
  synthetic corpus of ``bench.search``, driven by headless Chromium (playwright) through the
  pages Corpus, Document, Zoeken (a search for a word the store holds) and Vergelijken; then
  the server's peak RSS (``VmHWM`` from ``/proc/<pid>/status``, plus that of any child
  processes still alive). Skipped with a note when chromium or playwright is missing; in
  ``--smoke`` mode it runs on the 2,000-passage store.
* 50k passages, plain process: a fresh Python process that runs what the pages run
  (``stats()``, ``documents()``, 20 ``search()`` calls with facets, 20 ``get_document()``),
  without Streamlit: the store and query share of the server's memory.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Row, load_note, num

CACHE = Path(os.environ.get("DRECHTLENS_BENCH_CACHE", "/tmp/drechtlens-bench"))
ROOT = Path(__file__).resolve().parent.parent


def _child_serve(db: Path) -> None:
    from bench.ingest import vm_hwm_mb
    from corpus.search import search
    from corpus.store import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        stats = store.stats()
        docs = store.documents(latest_only=True)
        qs = ["gemeente", "woningen", "begroting", '"algemeen bestuur"', "jeugdzorg Dordrecht", "zienswijze",
              "subsidie", "bevoegdheden", "Molenstraat", "duurzaamheid"]
        for i in range(20):
            search(store, qs[i % len(qs)], {"kind": "regeling"} if i % 2 else None, limit=50)
        for d in docs[:20]:
            store.get_document(d.id)
    print(json.dumps({"seconds": time.perf_counter() - t0, "documents": len(docs), "passages": stats.passages,
                      "rss_mb": vm_hwm_mb()}))


CHROMIUM = os.environ.get("DRECHTLENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
SEARCH_WORD = "gemeenteraad"  # frequent in the synthetic corpus of bench.search


def _status_kb(pid: int, field: str) -> int:
    """A ``kB`` field (VmHWM, VmRSS) of /proc/<pid>/status; 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    """Living descendants of ``pid`` (from the ppid field of /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _streamlit_peak(db: Path, tmp: Path) -> dict:
    """Start the real Streamlit server on ``db``, browse the main pages, return its peak RSS."""
    import urllib.request

    from playwright.sync_api import expect, sync_playwright

    env = {**os.environ, "DRECHTLENS_DB": str(db)}
    port = _free_port()
    log_path = tmp / "streamlit.log"
    timings: dict[str, float] = {}
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 90
            while True:
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError("streamlit did not start:\n" + log_path.read_text()[-2000:]) from None
                    time.sleep(0.5)
            idle_kb = _status_kb(proc.pid, "VmRSS")

            def idle(page) -> None:  # noqa: ANN001 - a playwright Page
                try:
                    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running']", timeout=1_000)
                except Exception:  # noqa: BLE001 - the run was already over
                    pass
                page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=120_000)

            with sync_playwright() as p:
                ctx = p.chromium.launch_persistent_context(
                    str(tmp / "chromium-profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                    viewport={"width": 1440, "height": 1000})
                try:
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(url + "/", wait_until="domcontentloaded")
                    expect(page.locator("h1", has_text="Corpus").first).to_be_visible(timeout=120_000)
                    idle(page)
                    timings["Corpus"] = time.perf_counter() - t0
                    for title in ("Document", "Zoeken", "Vergelijken"):
                        t0 = time.perf_counter()
                        page.locator('[data-testid="stSidebarNavLink"]', has_text=title).first.click()
                        expect(page.locator("h1", has_text=title).first).to_be_visible(timeout=120_000)
                        idle(page)
                        if title == "Zoeken":
                            box = page.get_by_role("textbox", name="Zoekvraag")
                            box.fill(SEARCH_WORD)
                            box.press("Enter")
                            expect(page.locator("mark").first).to_be_visible(timeout=120_000)
                            idle(page)
                        timings[title] = time.perf_counter() - t0
                finally:
                    ctx.close()
            pids = [proc.pid, *_descendants(proc.pid)]
            peaks = {pid: _status_kb(pid, "VmHWM") for pid in pids}
            return {"rss_mb": sum(peaks.values()) / 1024, "server_mb": peaks[proc.pid] / 1024,
                    "children": len(pids) - 1, "idle_mb": idle_kb / 1024, "pages_s": timings}
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _run_child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _browser_missing() -> str:
    """Why the browser measurement cannot run here ("" when it can)."""
    if not Path(CHROMIUM).exists():
        return f"chromium missing at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright not installed"
    return ""


def run(smoke: bool) -> list[Row]:
    load = load_note()
    from bench.ingest import _ingest_subprocess, _pages, long_pdf
    from bench.search import build

    rows: list[Row] = []
    n_pages = 6 if smoke else 500
    pdf = long_pdf(n_pages)
    pages = _pages(pdf)
    res = _ingest_subprocess([pdf], 2)
    if res["errors"]:
        raise RuntimeError(f"ingest of {pdf} failed: {res['first_error']}")
    rows.append(Row("memory", f"ingest one {pages}-page PDF", "peak RSS MB", res["rss_main_mb"],
                    higher_is_better=False,
                    notes=f"main process (VmHWM); largest page worker {res['rss_worker_mb']:.0f} MB (ru_maxrss, counts "
                          f"pages shared with the main process at fork); "
                          f"{res['seconds']:.1f} s ({pages / res['seconds']:.1f} pages/s), {res['passages']} passages",
                    extra=res))

    n_passages = 2_000 if smoke else 50_000
    db, _ = build(n_passages)
    with tempfile.TemporaryDirectory(prefix="dl-bench-mem-") as tmp:
        # private copies: WAL mode writes -wal/-shm next to the file, keep the cache pristine
        copy = Path(tmp) / "corpus.db"
        copy.write_bytes(db.read_bytes())
        serve = _run_child(["bench.memory", "--serve", str(copy)])
        browser = None
        missing = _browser_missing()
        if not missing:
            app_db = Path(tmp) / "app.db"
            app_db.write_bytes(db.read_bytes())
            browser = _streamlit_peak(app_db, Path(tmp))
    label = f"{num(serve['passages'])} passages"
    if browser:
        t = browser["pages_s"]
        rows.append(Row("memory", f"Streamlit server on {label}", "peak RSS MB", browser["rss_mb"],
                        higher_is_better=False,
                        notes=f"`streamlit run app.py`, headless Chromium through Corpus ({t['Corpus']:.1f} s, cold), "
                              f"Document ({t['Document']:.1f} s), Zoeken + search '{SEARCH_WORD}' "
                              f"({t['Zoeken']:.1f} s), Vergelijken ({t['Vergelijken']:.1f} s); VmHWM of the server "
                              f"{browser['server_mb']:.0f} MB + {browser['children']} child processes; "
                              f"{browser['idle_mb']:.0f} MB RSS before the first session",
                        extra=browser))
    else:
        rows.append(Row("memory", f"Streamlit server on {label}", "peak RSS MB", serve["rss_mb"],
                        higher_is_better=False,
                        notes=f"not measured ({missing}); value is the plain-process row below"))
    rows.append(Row("memory", f"plain process running the app's queries on {label}", "peak RSS MB",
                    serve["rss_mb"], higher_is_better=False,
                    notes=f"{serve['documents']} documents; stats + document list + 20 searches with facets "
                          f"+ 20 documents in {serve['seconds']:.1f} s, no Streamlit (the store's share)",
                    extra=serve))
    rows[0].notes = "; ".join(x for x in (rows[0].notes, load) if x)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="memory child process for the benchmark")
    ap.add_argument("--serve", type=Path, required=True, help="store to open and query")
    _child_serve(ap.parse_args(argv).serve)
    return 0


if __name__ == "__main__":
    sys.exit(main())
