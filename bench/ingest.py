"""Ingest end to end: a folder of generated PDFs → a fresh store, with 1 and 2 worker processes.

The folder (200 documents of 1–6 pages; regulations, agreements and agendas with headings,
numbered lids, some two-column pages, ruled tables and ligatures) is rendered once with
``tests.pdfgen`` from seeded synthetic text and cached in ``/tmp/drechtlens-bench`` under a
hash of the generator code. Every ingest runs in its own subprocess
(``python -m bench.ingest --folder … --workers …``) so that its peak RSS is its own.

Rows: pages/s and documents/s of ``corpus.ingest.ingest_paths`` (extraction, the registered
analysers and the store) with 1 and 2 workers, parallel efficiency t1 / (2·t2), extraction
alone (``extract.reader.parse_file`` in one process) and ``pdftotext`` on the same folder as
the reference, and a scaling table (10 → 100 → 1,000 documents, 2 workers: seconds,
documents/s and the ingest child's peak RSS, plus the linearity t1000 / t100 ÷ 10). The scaling
folder holds 1,000 small generated documents (1–3 pages), rendered once over 2 processes and
cached under a hash of the generator code, like the 200-document folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Row, load_note, num
from bench.synth import BODIES, Generator

CACHE = Path(os.environ.get("DRECHTLENS_BENCH_CACHE", "/tmp/drechtlens-bench"))
ROOT = Path(__file__).resolve().parent.parent
SPEC_VERSION = "1"


def _doc_blocks(gen: Generator, i: int) -> tuple[list, bool, str]:
    r = gen.rng
    kind = ("regeling", "akkoord", "agenda")[i % 3]
    body = r.choice(BODIES)
    blocks: list = [("title", f"{kind.capitalize()} {body} {2015 + i % 12} nr. {i}")]
    n_articles = r.randint(2, 16)
    for a in range(1, n_articles + 1):
        blocks.append(("h", f"Artikel {a}. {r.choice(('Begripsbepalingen', 'Taken', 'Bevoegdheden', 'Financiën', 'Toezicht', 'Overgangsbepaling'))}"))
        for lid in range(1, r.randint(2, 5)):
            text = gen.passage(kind)
            if r.random() < 0.1:
                text = text.replace("fi", "\ufb01", 1)
            blocks.append(("item", f"{lid}.", text))
        if r.random() < 0.08:
            blocks.append(("table", [["Gemeente", "Bijdrage", "Aandeel"]]
                           + [[b, f"€ {r.randint(100, 9000)}.000", f"{r.randint(1, 40)}%"] for b in BODIES[:5]]))
    return blocks, i % 7 == 3, f"Gemeenteblad {2026} nr. {1000 + i} — {body}"


def corpus_folder(n: int = 200) -> Path:
    """``n`` generated PDFs, rendered once per generator version and cached."""
    from tests import pdfgen

    key = hashlib.sha256((SPEC_VERSION + Path(pdfgen.__file__).read_text(encoding="utf-8")
                          + Path(__file__).read_text(encoding="utf-8").split("def corpus_folder")[0]).encode())
    folder = CACHE / f"ingest-pdfs-{n}-{key.hexdigest()[:12]}"
    if (folder / "DONE").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    gen = Generator(23)
    for i in range(n):
        blocks, two_col, header = _doc_blocks(gen, i)
        pdfgen.render_pdf(blocks, folder / f"doc-{i:04d}.pdf", two_column=two_col, header=header,
                          title=f"Benchmarkdocument {i}")
    (folder / "DONE").write_text("ok\n", encoding="utf-8")
    return folder


SCALE_SIZES = (10, 100, 1000)


def _small_chunk(args: tuple[Path, int, int]) -> None:
    """Render documents ``start`` … ``stop - 1`` of the scaling folder (one pool task).
    Each document has its own seed, so the result does not depend on how the work is split."""
    from tests import pdfgen

    folder, start, stop = args
    for i in range(start, stop):
        gen = Generator(10_000 + i)
        blocks, two_col, header = _doc_blocks(gen, i)
        # keep it small (1–3 pages): the title and at most six articles
        cut = [k for k, b in enumerate(blocks) if b[0] == "h"]
        if len(cut) > 6:
            blocks = blocks[:cut[6]]
        pdfgen.render_pdf(blocks, folder / f"small-{i:04d}.pdf", two_column=two_col, header=header,
                          title=f"Schaaldocument {i}")


def scaling_folder(n: int = 1000) -> Path:
    """``n`` small generated PDFs for the scaling table, rendered once (2 processes) and cached."""
    import inspect
    from multiprocessing import get_context

    from tests import pdfgen

    code = (SPEC_VERSION + Path(pdfgen.__file__).read_text(encoding="utf-8") + inspect.getsource(_doc_blocks)
            + inspect.getsource(_small_chunk) + Path(__file__).with_name("synth.py").read_text(encoding="utf-8"))
    folder = CACHE / f"ingest-small-{n}-{hashlib.sha256(code.encode()).hexdigest()[:12]}"
    if (folder / "DONE").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    step = 50
    chunks = [(folder, a, min(n, a + step)) for a in range(0, n, step)]
    with get_context("fork").Pool(2) as pool:
        pool.map(_small_chunk, chunks)
    (folder / "DONE").write_text("ok\n", encoding="utf-8")
    return folder


def long_pdf(pages: int) -> Path:
    """A ``pages``-page regulation-like PDF (``tests.pdfgen.render_filler_pdf``), cached."""
    from tests import pdfgen

    CACHE.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(Path(pdfgen.__file__).read_bytes()).hexdigest()[:12]
    path = CACHE / f"filler-{pages}-{key}.pdf"
    if not path.exists():
        tmp = path.with_suffix(".tmp.pdf")
        pdfgen.render_filler_pdf(tmp, pages)
        tmp.rename(path)
    return path


def _ingest_subprocess(files: list[Path], workers: int) -> dict:
    """Ingest ``files`` into a fresh store in a child process; its timing, pages and peak RSS."""
    with tempfile.TemporaryDirectory(prefix="dl-bench-ingest-") as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, files)), encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "bench.ingest", "--files", str(listing), "--workers",
                              str(workers), "--db", str(Path(tmp) / "bench.db")],
                             check=True, capture_output=True, text=True, cwd=ROOT)
        return json.loads(out.stdout.strip().splitlines()[-1])


def vm_hwm_mb() -> float:
    """Peak RSS of this process from /proc (VmHWM). ``ru_maxrss`` is unusable in a child
    started by ``subprocess``: Linux carries the parent's high-water mark across exec."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(files_list: Path, workers: int, db: Path) -> None:
    from corpus.analysis import registered
    from corpus.ingest import ingest_paths
    from corpus.store import Store

    files = [Path(p) for p in files_list.read_text(encoding="utf-8").splitlines() if p]
    analysers = [a.name for a in registered()]
    with Store(db) as store:
        t0 = time.perf_counter()
        rep = ingest_paths(store, files, workers=workers)
        dt = time.perf_counter() - t0
    errors = [i.error for i in rep.items if i.status == "error"]
    print(json.dumps({
        "seconds": dt, "docs": sum(1 for i in rep.items if i.status == "new"),
        "pages": sum(i.pages for i in rep.items if i.status == "new"),
        "passages": sum(i.passages for i in rep.items if i.status == "new"),
        "errors": len(errors), "first_error": errors[0] if errors else "",
        "rss_main_mb": vm_hwm_mb(),
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "analysers": analysers, "db_mb": db.stat().st_size / 1e6}))


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def run(smoke: bool) -> list[Row]:
    from extract.reader import parse_file

    load = load_note()

    folder = corpus_folder(3 if smoke else 200)
    files = sorted(folder.glob("*.pdf"))
    pages = sum(_pages(f) for f in files)
    n = len(files)
    label = f"{n} generated PDFs, {pages} p."

    w1 = _ingest_subprocess(files, 1)
    w2 = _ingest_subprocess(files, 2)
    for res in (w1, w2):
        if res["errors"]:
            raise RuntimeError(f"ingest reported {res['errors']} errors: {res['first_error']}")
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for f in files:
        parse_file(f)
    extract_s = time.perf_counter() - t0
    extract_cpu = time.process_time() - cpu0

    ref_s = None
    if shutil.which("pdftotext"):
        t0 = time.perf_counter()
        for f in files:
            subprocess.run(["pdftotext", "-q", str(f), "-"], check=True, stdout=subprocess.DEVNULL)
        ref_s = time.perf_counter() - t0
    ref_pps = pages / ref_s if ref_s else None
    ref_name = "pdftotext (one process per file)" if ref_s else "pdftotext missing"
    analysers = ", ".join(w1["analysers"]) or "none registered"
    rows = [
        Row("ingest", f"{label}, 1 worker", "pages/s", pages / w1["seconds"], ref_pps, ref_name,
            notes=f"{n / w1['seconds']:.2f} documents/s; {w1['passages']} passages; analysers: {analysers}; "
                  f"peak RSS {w1['rss_main_mb']:.0f} MB"),
        Row("ingest", f"{label}, 2 workers", "pages/s", pages / w2["seconds"], ref_pps, ref_name,
            notes=f"{n / w2['seconds']:.2f} documents/s; peak RSS main {w2['rss_main_mb']:.0f} MB, "
                  f"largest worker {w2['rss_worker_mb']:.0f} MB"),
        Row("ingest", f"{label}, parallel efficiency", "t1 / (2·t2)", w1["seconds"] / (2 * w2["seconds"]),
            notes="1.0 = perfect use of the 2 cores; the machine is shared, so this is a lower bound"),
        Row("ingest", f"{label}, extraction alone (parse_file, 1 process)", "pages/s", pages / extract_s,
            ref_pps, ref_name,
            notes=f"{n / extract_s:.2f} documents/s; CPU {extract_cpu:.1f} s of {extract_s:.1f} s wall"),
    ]
    if not smoke:
        rows += scaling_rows(SCALE_SIZES)
    else:
        rows[0].notes += f"; smoke: {num(n)} documents"
    rows[0].notes = "; ".join(x for x in (rows[0].notes, load) if x)
    return rows


def scaling_rows(sizes: tuple[int, ...]) -> list[Row]:
    """Ingest the first k documents of the scaling folder for each k (2 workers, fresh store)."""
    t0 = time.perf_counter()
    cached = any(CACHE.glob(f"ingest-small-{max(sizes)}-*/DONE"))
    folder = scaling_folder(max(sizes))
    gen_s = time.perf_counter() - t0
    files = sorted(folder.glob("*.pdf"))
    rows: list[Row] = []
    results: dict[int, dict] = {}
    for k in sizes:
        res = _ingest_subprocess(files[:k], 2)
        if res["errors"]:
            raise RuntimeError(f"ingest reported {res['errors']} errors: {res['first_error']}")
        results[k] = res
        rows.append(Row("ingest scaling", f"{k} documents ({res['pages']} p.), 2 workers", "seconds",
                        res["seconds"], higher_is_better=False,
                        notes=f"{k / res['seconds']:.2f} documents/s, {res['pages'] / res['seconds']:.1f} pages/s; "
                              f"peak RSS of the ingest process {res['rss_main_mb']:.0f} MB (VmHWM), largest worker "
                              f"{res['rss_worker_mb']:.0f} MB; {res['passages']} passages; store {res['db_mb']:.1f} MB",
                        extra=res))
    made = "cached from an earlier run" if cached else f"rendered in {gen_s:.0f} s over 2 processes in this run"
    rows[0].notes = (f"the first k of {len(files)} small generated documents (1–3 pages; {made}); "
                     "analysers as in the real ingest; " + rows[0].notes)
    lo, hi = sorted(sizes)[-2:]
    lin = (results[hi]["seconds"] / results[lo]["seconds"]) / (hi / lo)
    rows.append(Row("ingest scaling", f"linearity {lo} → {hi} documents", f"(t{hi} / t{lo}) ÷ {hi // lo}", lin,
                    higher_is_better=False,
                    notes="1.0 = time grows linearly with the number of documents; below 1 the fixed cost "
                          "(pool start-up, model loading) is still being amortised, above 1 the per-document "
                          f"cost grows; per-page: {results[hi]['pages'] / results[hi]['seconds']:.1f} vs "
                          f"{results[lo]['pages'] / results[lo]['seconds']:.1f} pages/s"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ingest child process for the benchmark")
    ap.add_argument("--files", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db", type=Path, required=True)
    args = ap.parse_args(argv)
    _child(args.files, args.workers, args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
