"""PDF extraction speed: our pipeline against ``pdftotext`` (subprocess, whole process) and
bare pypdfium2 ``get_text_bounded`` on the same PDFs, in the same run.

Two of our variants, each with 1 and 2 page workers:

* reading: ``extract.pdf.read_pdf`` (characters, lines, columns, tables, headers/footers,
  hyphenation, ligatures);
* full pipeline: ``extract.parse`` (= ``drechtlens parse`` without printing): reading plus
  kind detection, structure recognition and metadata.

Runs are interleaved (pdftotext, then every variant, repeated) so that all of them see the
same load on the shared machine; medians are reported with the load average. Inputs:
regulation-like PDFs generated with ``tests.pdfgen`` (10/100/500 pages, one two-column
variant) and the real PDFs in ../shared/corpus when present. Target: the full pipeline with
both cores at >= 25% of pdftotext's pages/s on the 100-page PDFs. The pdfplumber reference
backend is timed on the smaller inputs so the fast path's gain shows.

``python -m bench.extract [--smoke]`` prints a Markdown table; ``run(smoke)`` returns
rows for ``bench.run``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Row, time_call

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "test-artifacts" / "bench-pdfs"
SHARED = Path(os.environ.get("DRECHTLENS_SHARED", ROOT.parent / "shared")) / "corpus"
REAL = [
    "national/coalitieakkoord-2021-2025_RutteIV.pdf",
    "eerlijkeverkiezingen/Wet_raadgevend_referendum/h-tk-20082009-4445-4480.pdf",
    "eerlijkeverkiezingen/Wet_raadgevend_referendum/h-tk-20092010-68-5887.pdf",
]
TARGET = 0.25


def generated(pages: int, two_column: bool = False) -> Path:
    """A cached generated PDF (same seed → same file on every machine)."""
    sys.path.insert(0, str(ROOT))
    from tests.pdfgen import render_filler_pdf

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"gen{pages}{'_2col' if two_column else ''}.pdf"
    if not path.exists():  # render aside and rename: other runs may read the cache meanwhile
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
        render_filler_pdf(tmp, pages, two_column=two_column)
        os.replace(tmp, path)
    return path


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def bare_pdfium(path: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        tp.get_text_bounded()
        tp.close()
        page.close()
    doc.close()


def cpu_seconds() -> float:
    """CPU time of this process and its children, including live ones: the page-reading
    pool's workers stay alive between files, so ``RUSAGE_CHILDREN`` (which counts children
    once they are reaped) misses them; their time is read from /proc."""
    import multiprocessing

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for child in multiprocessing.active_children():
        try:
            with open(f"/proc/{child.pid}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall s, CPU s incl. workers) of one call."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, cpu_seconds() - c0


def _pdftotext(path: Path) -> Callable[[], object]:
    return lambda: subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), os.devnull], check=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure(label: str, path: Path, *, runs: int, plumber: bool, target: bool) -> list[Row]:
    import extract
    from extract.pdf import read_pdf

    n = page_count(path)
    case = f"{label} ({n} p.)"
    variants: dict[str, Callable[[], object]] = {
        "parse2": lambda: extract.parse(path, settings={"workers": 2}),
        "parse1": lambda: extract.parse(path, settings={"workers": 1}),
        "read2": lambda: read_pdf(path, {"workers": 2}),
        "read1": lambda: read_pdf(path, {"workers": 1}),
    }
    have_ref = shutil.which("pdftotext") is not None
    if have_ref:
        variants = {"pdftotext": _pdftotext(path), **variants}
    result = read_pdf(path)  # warm-up: imports, wordfreq's Dutch list, the worker pool
    extract.parse(path)
    if have_ref:
        variants["pdftotext"]()
    load0 = os.getloadavg()[0]
    wall: dict[str, list[float]] = {k: [] for k in variants}
    cpu: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(runs):  # interleaved, so every variant sees the same machine load
        for key, fn in variants.items():
            w, c = _timed(fn)
            wall[key].append(w)
            cpu[key].append(c)
    load1 = os.getloadavg()[0]
    med = {k: statistics.median(v) for k, v in wall.items()}
    cpu_med = {k: statistics.median(v) for k, v in cpu.items()}
    lines = sum(len(p.lines) for p in result.pages)
    load = f"load average {load0:.1f} → {load1:.1f} on {os.cpu_count()} cores"
    from extract.settings import DEFAULT_PARALLEL_MIN_PAGES

    if n < DEFAULT_PARALLEL_MIN_PAGES:
        load += f"; under {DEFAULT_PARALLEL_MIN_PAGES} pages '2 workers' reads in one process"
    rows: list[Row] = []
    names = {"parse2": "full pipeline (extract.parse), 2 workers", "parse1": "full pipeline, 1 worker",
             "read2": "reading only (read_pdf), 2 workers", "read1": "reading only, 1 worker"}
    ref_name = "pdftotext (subprocess)" if have_ref else "pdftotext (missing)"
    ref_ps = n / med["pdftotext"] if have_ref else None
    for key, name in names.items():
        ours_ps = n / med[key]
        is_target = target and key == "parse2" and have_ref
        rows.append(Row(
            "extraction", case, f"pages/s: {name}", ours_ps, ref_ps, ref_name,
            target=f">= {TARGET:.2f}x pdftotext" if is_target else "",
            passed=(ours_ps >= TARGET * ref_ps) if is_target and ref_ps else None,
            notes=(f"{name}: median of {runs} interleaved runs, {med[key]:.3f} s wall "
                   f"(pdftotext {med['pdftotext']:.3f} s), {cpu_med[key]:.3f} s CPU incl. workers; {load}"
                   if have_ref else f"{name}: poppler-utils not installed, no pdftotext reference"),
            extra={"wall_s": med[key], "cpu_s": cpu_med[key], "runs": runs, "load": [load0, load1],
                   "pdftotext_s": med.get("pdftotext")}))
    if have_ref:
        # CPU time depends less on what else runs on the shared machine than wall time
        rows.append(Row("extraction", case, "pages/CPU-s: full pipeline, 2 workers", n / cpu_med["parse2"],
                        n / max(cpu_med["pdftotext"], 1e-6), "pdftotext (subprocess)",
                        notes=f"CPU time incl. worker processes; with 2 cores the ideal wall ratio is 2x this "
                              f"= {2 * cpu_med['pdftotext'] / cpu_med['parse2']:.2f}; {lines} lines; "
                              f"cleaning: {result.stats}",
                        extra={"cpu_s": cpu_med["parse2"], "pdftotext_cpu_s": cpu_med["pdftotext"]}))
    ours_ps = n / med["parse2"]
    bare = time_call(lambda: bare_pdfium(path), runs=runs, warmup=1)
    rows.append(Row("extraction", case, "pages/s: full pipeline, 2 workers", ours_ps, n / bare.median,
                    "pypdfium2 get_text_bounded (raw)",
                    notes="raw text only: no reading order, columns, headers, hyphens, tables or structure"))
    if plumber:
        pl = time_call(lambda: read_pdf(path, {"backend": "pdfplumber"}), runs=1, warmup=0)
        ref_result = read_pdf(path, {"backend": "pdfplumber"}) if n <= 20 else None
        same = ""
        if ref_result is not None:
            a = [ln.text for p in result.pages for ln in p.lines]
            b = [ln.text for p in ref_result.pages for ln in p.lines]
            same = f"; lines identical to pdfplumber backend: {a == b}"
        rows.append(Row("extraction", case, "pages/s: reading only, 2 workers", n / med["read2"], n / pl.median,
                        "read_pdf backend=pdfplumber", notes=f"reference backend, same pipeline, 1 run{same}"))
    return rows


def run(smoke: bool) -> list[Row]:
    rows: list[Row] = []
    if smoke:
        rows += measure("generated", generated(10), runs=1, plumber=True, target=False)
        return rows
    rows += measure("generated", generated(10), runs=3, plumber=True, target=False)
    rows += measure("generated", generated(100), runs=7, plumber=True, target=True)
    rows += measure("generated 2-col", generated(100, two_column=True), runs=7, plumber=False, target=True)
    rows += measure("generated", generated(500), runs=1, plumber=False, target=False)
    for rel in REAL:
        path = SHARED / rel
        if path.exists():
            rows += measure(Path(rel).name, path, runs=3, plumber=False, target=False)
    return rows


def main(argv: list[str] | None = None) -> int:
    from bench.common import machine
    from bench.run import to_markdown

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--smoke", action="store_true", help="10-page PDF only (< 30 s)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    rows = run(args.smoke)
    info = machine() | {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "smoke": args.smoke,
                        "seconds": time.perf_counter() - t0}
    print(to_markdown(rows, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
