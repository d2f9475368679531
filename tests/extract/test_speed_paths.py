"""The fast paths of the extractor give what the straightforward code gives.

Each speed-up replaced a simple formulation by a cheaper one that must be equal, not
close: per-word pdfium calls through plain-pointer prototypes with one font lookup per
text object, the vectorised gutter search, weighted medians without a per-character
list, and the page-reading pool kept between files. The simple formulations live here as
references and are compared on generated and real pages.
"""

from __future__ import annotations

import ctypes
import random
import statistics
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

import extract.pdf as pdf_mod
from extract.columns import _char_median, _find_gutter, _phys_lines, _solid, _Word
from extract.pdf import read_pdf
from extract.pdf_chars import _MAX_RUN, _RUN, Char, _fix_markers, _pdfium_chars
from extract.settings import ExtractSettings
from extract.structure import weighted_median
from tests.pdfgen import render_filler_pdf

HANDELINGEN = "eerlijkeverkiezingen/Wet_raadgevend_referendum/h-tk-20082009-4445-4480.pdf"


@pytest.fixture(scope="module")
def filler_pdfs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("speed")
    return {"one": render_filler_pdf(d / "one.pdf", 20), "two": render_filler_pdf(d / "two.pdf", 20, two_column=True)}


# -- references: the code before the speed-ups ------------------------------------------


def reference_chars(tp, height: float) -> list[Char]:
    """Word spans with pypdfium2's typed bindings, font size and weight asked per word."""
    n = pdfium_c.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    buf = ctypes.create_string_buffer((n + 1) * 2)
    written = pdfium_c.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    if written - 1 == n:
        text = buf.raw[: n * 2].decode("utf-16-le", "replace")
    else:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
    text = _fix_markers(text, tp)
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()

    def font(i: int) -> tuple[float, bool]:
        size = pdfium_c.FPDFText_GetFontSize(tp, i)
        if size < 3.0 and pdfium_c.FPDFText_GetMatrix(tp, i, ctypes.byref(matrix)):
            size *= (matrix.c ** 2 + matrix.d ** 2) ** 0.5
        return round(size, 2), pdfium_c.FPDFText_GetFontWeight(tp, i) >= 600

    out: list[Char] = []
    for m in _RUN.finditer(text):
        i, j = m.start(), m.end() - 1
        if not pdfium_c.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(rect)):
            continue
        l0, t0, b0 = rect.left, rect.top, rect.bottom
        size, bold = font(i)
        sep = i > 0 and text[i - 1] == " "
        if j == i:
            out.append(Char(m.group(), l0, rect.right, height - t0, height - b0, size, bold, sep))
            continue
        ok = j - i < _MAX_RUN and pdfium_c.FPDFText_GetLooseCharBox(tp, j, ctypes.byref(rect))
        if ok and abs(rect.top - t0) < 2.0 and rect.right >= l0 and rect.right - l0 < 40 * max(size, 1.0):
            out.append(Char(m.group(), l0, rect.right, height - max(t0, rect.top), height - min(b0, rect.bottom),
                            size, bold, sep))
            continue
        for k in range(i, j + 1):
            if pdfium_c.FPDFText_GetLooseCharBox(tp, k, ctypes.byref(rect)):
                size, bold = font(k)
                out.append(Char(text[k], rect.left, rect.right, height - rect.top, height - rect.bottom, size, bold))
    return out


def reference_gutter(lines, width: float, s: ExtractSettings) -> float | None:
    """The gutter search as a loop of numpy calls per line."""
    text_lines = [ln for ln in lines if ln.table is None and ln.words]
    if len(text_lines) < s.gutter_min_lines:
        return None
    lo, hi = int(0.3 * width), int(0.7 * width) + 1
    xs = np.arange(lo, hi, dtype=float)
    n = len(text_lines)
    cross = np.zeros((n, xs.size), dtype=bool)
    starts, ends = np.empty(n), np.empty(n)
    clear = np.full((n, xs.size), 1e6)
    for i, ln in enumerate(text_lines):
        segs = _solid(ln, s.gutter_min_gap)
        starts[i], ends[i] = segs[0][0], segs[-1][1]
        for a, b in segs:
            ia, ib = max(int(np.ceil(a)) - lo, 0), min(int(np.floor(b)) - lo + 1, xs.size)
            if ib > ia:
                cross[i, ia:ib] = True
            np.minimum(clear[i], np.maximum(np.maximum(a - xs, xs - b), 0.0), out=clear[i])
    left = (ends[:, None] <= xs[None, :]) & ~cross
    right = (starts[:, None] >= xs[None, :]) & ~cross
    split = ~cross & ~left & ~right
    n_split, n_left, n_right = split.sum(0), left.sum(0), right.sum(0)
    wide = (ends - starts) >= 0.25 * width
    n_cross = cross[wide].sum(0)
    clearance = np.minimum(clear[wide].min(0), 50.0) if wide.any() else np.zeros(xs.size)
    ok = ((n_split + n_right) >= s.gutter_min_lines) & ((n_split + n_left) >= s.gutter_min_lines)
    if not ok.any():
        return None
    score = np.where(ok, -n_cross * 1_000_000 + np.round(clearance * 10) * 1_000 + np.minimum(n_split, 999),
                     -(10**12))
    best = np.flatnonzero(score == score.max())
    return float(xs[best[len(best) // 2]])


# -- comparisons ----------------------------------------------------------------------------


def _pages(path: Path, limit: int = 1000):
    doc = pdfium.PdfDocument(str(path))
    try:
        for i in range(min(len(doc), limit)):
            page = doc[i]
            tp = page.get_textpage()
            try:
                yield tp.raw, page.get_height()
            finally:
                tp.close()
                page.close()
    finally:
        doc.close()


def _assert_chars_equal(path: Path, limit: int = 1000) -> int:
    words = 0
    for tp, height in _pages(path, limit):
        fast = _pdfium_chars(tp, height)
        assert fast == reference_chars(tp, height)
        words += len(fast)
    return words


def test_chars_equal_typed_bindings_generated(filler_pdfs):
    assert _assert_chars_equal(filler_pdfs["one"]) > 5000
    assert _assert_chars_equal(filler_pdfs["two"]) > 5000


def test_chars_equal_typed_bindings_scaled_fonts(shared_corpus):
    # Handelingen set their text in "1 Tf" scaled by the text matrix: the size < 3 path
    scaled = words = 0
    for tp, height in _pages(shared_corpus / HANDELINGEN, limit=4):
        fast = _pdfium_chars(tp, height)
        assert fast == reference_chars(tp, height)
        words += len(fast)
        scaled += sum(pdfium_c.FPDFText_GetFontSize(tp, i) < 3.0 for i in range(pdfium_c.FPDFText_CountChars(tp)))
        assert all(c.size > 3.0 for c in fast)  # the matrix scale was applied
    assert words > 1000 and scaled > 1000


def test_gutter_equals_per_line_loop(filler_pdfs):
    s = ExtractSettings()
    found = {"one": 0, "two": 0}
    for key, path in filler_pdfs.items():
        doc = pdfium.PdfDocument(str(path))
        try:
            from extract.pdf_chars import pdfium_page

            for i in range(len(doc)):
                raw = pdfium_page(doc, i)
                lines = _phys_lines(raw, s)
                gx = _find_gutter(lines, raw.width, s)
                assert gx == reference_gutter(lines, raw.width, s)
                found[key] += gx is not None
        finally:
            doc.close()
    assert found["two"] >= 16  # the two-column pages do have a gutter


def test_weighted_medians_equal_statistics_median():
    rng = random.Random(5)
    for _ in range(300):
        values = [rng.choice([8.0, 9.5, 10.0, 10.02, 11.0, 12.5, 14.0]) for _ in range(rng.randint(1, 40))]
        weights: dict[float, int] = {}
        for v in values:
            weights[v] = weights.get(v, 0) + 1
        assert weighted_median(weights) == statistics.median(values)
        words = [_Word("x" * rng.randint(1, 9), 0.0, 1.0, v, 0, 0) for v in values]
        for w in words:
            w.chars = len(w.text)
        per_char = [w.size for w in words for _ in range(w.chars)]
        assert _char_median(words, len(per_char)) == statistics.median(per_char)


def test_pool_kept_between_files_and_same_text_as_serial(filler_pdfs):
    texts = {}
    for key, path in filler_pdfs.items():
        parallel = read_pdf(path, {"workers": 2, "parallel_min_pages": 2})
        pool = pdf_mod._POOL
        assert pool is not None
        again = read_pdf(path, {"workers": 2, "parallel_min_pages": 2})
        assert pdf_mod._POOL is pool  # the second file reuses the workers
        serial = read_pdf(path, {"workers": 1})
        texts[key] = [ln.text for p in serial.pages for ln in p.lines]
        assert [ln.text for p in parallel.pages for ln in p.lines] == texts[key]
        assert [ln.text for p in again.pages for ln in p.lines] == texts[key]
        assert parallel.stats == serial.stats and parallel.stats["running_removed"] > 0
    assert texts["one"] != texts["two"]


def test_pool_starts_no_threads_and_survives_a_dead_worker(filler_pdfs):
    import os
    import signal
    import threading

    path = filler_pdfs["one"]
    settings = {"workers": 2, "parallel_min_pages": 2}
    threads = threading.active_count()
    first = read_pdf(path, settings)
    # no helper thread: callers that fork only in a single-threaded process still can
    assert threading.active_count() == threads
    pool = pdf_mod._POOL
    os.kill(pool.procs[0].pid, signal.SIGKILL)
    pool.procs[0].join(timeout=5)
    second = read_pdf(path, settings)  # read in this process; the broken pool is dropped
    assert pdf_mod._POOL is None
    third = read_pdf(path, settings)  # a fresh pool
    assert pdf_mod._POOL is not None and pdf_mod._POOL is not pool
    text = [ln.text for p in first.pages for ln in p.lines]
    assert [ln.text for p in second.pages for ln in p.lines] == text
    assert [ln.text for p in third.pages for ln in p.lines] == text
