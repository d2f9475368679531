"""Characters with boxes from a PDF page: the pypdfium2 fast path and the pdfplumber reference.

Both backends return the same compact records (:data:`Char`) in top-left coordinates, so
line building, column detection and cleaning (``extract.columns``, ``extract.cleaning``)
are shared and the backends can be compared on equal terms.

pdfium: one ``FPDFText_GetText`` call per page for the unicode, then per *word* (pdfium's
own generated spaces split words) the loose boxes of its first and last glyph plus font
size and weight: ~5 ctypes calls per word instead of a Python dict per glyph. pdfplumber
spends ~91% of its time building ``page.chars`` (pdf-bench §2.1).
"""

from __future__ import annotations

import ctypes
import re
import statistics
from dataclasses import dataclass, field
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page, pt
    bottom: float
    size: float
    bold: bool
    sep: bool = False  # a real space glyph precedes this span: never glue it to the previous one


@dataclass(slots=True)
class RawPage:
    """What a backend found on one page, before line building."""

    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    # Ruled tables (pdfplumber only): (bbox (x0, top, x1, bottom), rows of cells).
    tables: list[tuple[tuple[float, float, float, float], list[list[str]]]] = field(default_factory=list)
    rules: int = 0  # path objects that look like rules or cell borders
    image_cover: float = 0.0  # largest fraction of the page covered by one image
    # pdfium only: ruled grids (row ys, column xs); None = not looked for; a grid with
    # empty lists means "rules pdfium's grid finder cannot read": use pdfplumber
    grids: list[tuple[list[float], list[float]]] | None = None


_BOLD_WORDS = ("bold", "black", "semibold", "demibold", "heavy", "extrabold")


def is_bold_font(fontname: str, weight: int = 0) -> bool:
    name = fontname.lower()
    return weight >= 600 or any(w in name for w in _BOLD_WORDS)


def pdfium_page(doc: pdfium.PdfDocument, index: int, table_min_rules: int = 4) -> RawPage:
    """Characters (and ruled grids) of page ``index`` (0-based) via the raw pdfium API."""
    from extract.pdf_tables import find_grids, path_segments

    page = doc[index]
    try:
        width, height = page.get_size()
        raw = RawPage(number=index + 1, width=width, height=height)
        _page_objects(page, raw)
        if raw.rules >= table_min_rules:
            raw.grids = find_grids(path_segments(page.raw, height))
        textpage = page.get_textpage()
        try:
            raw.chars = _pdfium_chars(textpage.raw, height)
        finally:
            textpage.close()
        return raw
    finally:
        page.close()


def _pdfium_chars(tp, height: float) -> list[Char]:
    """Word spans: pdfium's text split at its own (generated) spaces and line breaks.

    Only the first and last character of each run are measured (2 ctypes calls instead of
    one per glyph); when they are not on one line (odd streams) every glyph is measured.
    Words are re-split geometrically later, so a missed pdfium space is harmless.
    """
    n = pdfium_c.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    buf = ctypes.create_string_buffer((n + 1) * 2)
    written = pdfium_c.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    if written - 1 == n:
        text = buf.raw[: n * 2].decode("utf-16-le", "replace")
    else:  # GetText skipped characters (e.g. unmapped glyphs): indexes must match the boxes
        get_unicode = pdfium_c.FPDFText_GetUnicode
        text = "".join(chr(get_unicode(tp, i) or 0xFFFD) for i in range(n))
    text = _fix_markers(text, tp)
    rect = pdfium_c.FS_RECTF()
    rect_p = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_size = pdfium_c.FPDFText_GetFontSize
    get_weight = pdfium_c.FPDFText_GetFontWeight  # falls back to the font program's weight
    out: list[Char] = []
    append = out.append

    matrix = pdfium_c.FS_MATRIX()
    matrix_p = ctypes.byref(matrix)

    def font(i: int) -> tuple[float, bool]:
        size = get_size(tp, i)
        if size < 3.0 and pdfium_c.FPDFText_GetMatrix(tp, i, matrix_p):
            # nominal size of a font scaled by the text matrix ("1 Tf" + Tm): apply the
            # matrix's vertical scale, as pdfplumber's size does
            size *= (matrix.c ** 2 + matrix.d ** 2) ** 0.5
        return (round(size, 2), get_weight(tp, i) >= 600)

    for m in _RUN.finditer(text):
        i, j = m.start(), m.end() - 1
        if not get_box(tp, i, rect_p):
            continue
        l0, t0, b0 = rect.left, rect.top, rect.bottom
        size, bold = font(i)
        # pdfium's spaces (drawn or generated for a gap) separate words; trusting them keeps
        # "het fundament" apart where a negative side bearing closes the geometric gap
        sep = i > 0 and text[i - 1] == " "
        if j == i:
            append(Char(m.group(), l0, rect.right, height - t0, height - b0, size, bold, sep))
            continue
        ok = j - i < _MAX_RUN and get_box(tp, j, rect_p)
        if ok and abs(rect.top - t0) < 2.0 and rect.right >= l0 and rect.right - l0 < 40 * max(size, 1.0):
            append(Char(m.group(), l0, rect.right, height - max(t0, rect.top), height - min(b0, rect.bottom),
                        size, bold, sep))
            continue
        for k in range(i, j + 1):  # not one line: measure each glyph
            if get_box(tp, k, rect_p):
                size, bold = font(k)
                append(Char(text[k], rect.left, rect.right, height - rect.top, height - rect.bottom, size, bold))
    return out


_MARKERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]")


def _fix_markers(text: str, tp) -> str:
    """pdfium reports a line-end hyphen as U+0002/U+FFFE (``FPDFText_IsHyphen``): keep it
    as "-" (cleaning decides whether to join). Other control codes are glyphs without a
    unicode mapping, in practice word spaces (seen in Handelingen PDFs): make them spaces.
    The length is preserved, so string indexes stay pdfium character indexes."""
    if not _MARKERS.search(text):
        return text
    is_hyphen = pdfium_c.FPDFText_IsHyphen
    chars = list(text)
    for m in _MARKERS.finditer(text):
        i = m.start()
        chars[i] = "-" if is_hyphen(tp, i) == 1 else " "
    return "".join(chars)


_RUN = re.compile(r"[^\s\uffff]+")
# Runs longer than this are measured glyph by glyph: PDFs whose space glyphs have no
# unicode mapping come out of pdfium as whole lines without spaces, and only the glyph
# gaps show where the words are. (Dutch words rarely exceed 30 letters.)
_MAX_RUN = 32


def _page_objects(page: pdfium.PdfPage, raw: RawPage) -> None:
    """Count rule-like path objects and find page-covering images (scans)."""
    n = pdfium_c.FPDFPage_CountObjects(page.raw)
    if n <= 0:
        return
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    area = max(raw.width * raw.height, 1.0)
    rules = 0
    cover = 0.0
    get_object, get_type, get_bounds = (pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType,
                                        pdfium_c.FPDFPageObj_GetBounds)
    wanted = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
    page_raw = page.raw
    for i in range(n):
        obj = get_object(page_raw, i)
        kind = get_type(obj)
        if kind not in wanted or not get_bounds(obj, *refs):
            continue
        w = right.value - left.value
        h = top.value - bottom.value
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            cover = max(cover, (w * h) / area)
        elif w > 8 or h > 8:
            # a rule, a cell border or a grid drawn as one path (count its segments)
            segs = pdfium_c.FPDFPath_CountSegments(obj)
            rules += 1 if segs < 8 else segs // 4
    raw.rules = rules
    raw.image_cover = cover


def plumber_page(page, number: int, *, find_tables: bool, min_rules: int,
                 x_tolerance: float, y_tolerance: float) -> RawPage:
    """Characters (and ruled tables) of a pdfplumber page; the reference backend."""
    width, height = float(page.width), float(page.height)
    raw = RawPage(number=number, width=width, height=height)
    raw.rules = len(page.rects) + len(page.lines) + len(page.curves)
    area = max(width * height, 1.0)
    for img in page.images:
        w = float(img["x1"]) - float(img["x0"])
        h = float(img["bottom"]) - float(img["top"])
        raw.image_cover = max(raw.image_cover, (w * h) / area)
    x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
    chars = []
    sep = False
    page_chars = page.chars
    for k, c in enumerate(page_chars):
        t = c["text"]
        if t in ("\x02", "\ufffe"):  # pdfium-style markers, see _fix_markers
            nxt = page_chars[k + 1] if k + 1 < len(page_chars) else None
            t = "-" if nxt is None or abs(float(nxt["top"]) - float(c["top"])) > 3 else " "
        elif t == "\uffff" or (len(t) == 1 and ord(t) < 32):
            t = " "  # glyph without a unicode mapping: in practice a word space
        if not t or t.isspace():
            sep = True
            continue
        chars.append(Char(t, float(c["x0"]) - x_off, float(c["x1"]) - x_off, float(c["top"]) - y_off,
                          float(c["bottom"]) - y_off, round(float(c["size"]), 2),
                          is_bold_font(c.get("fontname") or ""), sep))
        sep = False
    raw.chars = chars
    if find_tables and raw.rules >= min_rules:
        settings = {"text_x_tolerance": x_tolerance, "text_y_tolerance": y_tolerance}
        for table in page.find_tables(table_settings=settings):
            rows = [[_cell(c) for c in row] for row in table.extract(x_tolerance=x_tolerance,
                                                                       y_tolerance=y_tolerance)]
            rows = [r for r in rows if any(r)]
            # one-cell "tables" are boxes around text (frames), not tables
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                x0, top, x1, bottom = table.bbox
                raw.tables.append(((x0 - x_off, top - y_off, x1 - x_off, bottom - y_off), rows))
    return raw


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())


def median_size(chars: list[Char]) -> float:
    return round(statistics.median(c.size for c in chars), 2) if chars else 0.0
