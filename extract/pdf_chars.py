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
import struct
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
    """Characters (and ruled grids) of page ``index`` (0-based) via the raw pdfium API.

    Pages and text pages are opened and closed with the raw calls that pypdfium2's
    ``doc[i]`` / ``get_textpage()`` make (the document has no form environment), without
    the wrapper objects and their finalizers."""
    from extract.pdf_tables import find_grids, path_segments

    page = pdfium_c.FPDF_LoadPage(doc.raw, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
        raw = RawPage(number=index + 1, width=width, height=height)
        _page_objects(page, raw)
        if raw.rules >= table_min_rules:
            raw.grids = find_grids(path_segments(page, height))
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            raw.chars = _pdfium_chars(textpage, height)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
        return raw
    finally:
        pdfium_c.FPDF_ClosePage(page)


def _bare(fn, restype, *argtypes):  # noqa: ANN001, ANN202 - ctypes function objects
    """The same C function as pypdfium2's binding ``fn``, with plain ``c_void_p``/int
    arguments: pypdfium2's typed pointer arguments cost ~3 us of argument checking per
    call, more than the call itself, and the per-word loop makes ~4 calls per word."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


class _TextApi(NamedTuple):
    box: object  # FPDFText_GetLooseCharBox(textpage, index, FS_RECTF*) -> ok
    size: object  # FPDFText_GetFontSize(textpage, index) -> double
    weight: object  # FPDFText_GetFontWeight(textpage, index) -> int
    text_object: object  # FPDFText_GetTextObject(textpage, index) -> page object address
    matrix: object  # FPDFText_GetMatrix(textpage, index, FS_MATRIX*) -> ok


_API: _TextApi | None = None
_FLOAT4 = struct.Struct("4f").unpack_from  # four C floats -> Python floats (as ctypes converts)


def _text_api() -> _TextApi:
    global _API
    if _API is None:
        vp, c_int = ctypes.c_void_p, ctypes.c_int
        _API = _TextApi(
            box=_bare(pdfium_c.FPDFText_GetLooseCharBox, c_int, vp, c_int, vp),
            size=_bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, vp, c_int),
            weight=_bare(pdfium_c.FPDFText_GetFontWeight, c_int, vp, c_int),
            text_object=_bare(pdfium_c.FPDFText_GetTextObject, vp, vp, c_int),
            matrix=_bare(pdfium_c.FPDFText_GetMatrix, c_int, vp, c_int, vp),
        )
    return _API


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
    api = _text_api()
    h = ctypes.cast(tp, ctypes.c_void_p).value
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    rect_p = ctypes.addressof(rect)
    floats = _FLOAT4  # unpacking the buffer in one call beats four ctypes field reads
    get_box, get_size, get_weight, get_object = api.box, api.size, api.weight, api.text_object
    out: list[Char] = []
    append = out.append

    matrix = pdfium_c.FS_MATRIX()
    matrix_p = ctypes.addressof(matrix)
    # size, weight and matrix belong to the text object (pdfium's CPDF_TextPage copies the
    # object's font size and text matrix into each of its chars; checked on 2.5 M chars of
    # ../shared/corpus): one call and a lookup per word instead of two or three calls
    fonts: dict[int, tuple[float, bool]] = {}

    def font(i: int) -> tuple[float, bool]:
        obj = get_object(h, i)
        hit = fonts.get(obj) if obj else None
        if hit is not None:
            return hit
        size = get_size(h, i)
        if size < 3.0 and api.matrix(h, i, matrix_p):
            # nominal size of a font scaled by the text matrix ("1 Tf" + Tm): apply the
            # matrix's vertical scale, as pdfplumber's size does
            size *= (matrix.c ** 2 + matrix.d ** 2) ** 0.5
        hit = (round(size, 2), get_weight(h, i) >= 600)
        if obj:
            fonts[obj] = hit
        return hit

    for m in _RUN.finditer(text):
        i, j = m.span()
        j -= 1
        if not get_box(h, i, rect_p):
            continue
        l0, t0, r0, b0 = floats(rect)
        size, bold = font(i)
        # pdfium's spaces (drawn or generated for a gap) separate words; trusting them keeps
        # "het fundament" apart where a negative side bearing closes the geometric gap
        sep = i > 0 and text[i - 1] == " "
        if j == i:
            append(Char(text[i], l0, r0, height - t0, height - b0, size, bold, sep))
            continue
        if j - i < _MAX_RUN and get_box(h, j, rect_p):
            l1, t1, r1, b1 = floats(rect)
            if abs(t1 - t0) < 2.0 and r1 >= l0 and r1 - l0 < 40 * max(size, 1.0):
                append(Char(text[i:j + 1], l0, r1, height - max(t0, t1), height - min(b0, b1), size, bold, sep))
                continue
        for k in range(i, j + 1):  # not one line: measure each glyph
            if get_box(h, k, rect_p):
                size, bold = font(k)
                left, top, right, bottom = floats(rect)
                append(Char(text[k], left, right, height - top, height - bottom, size, bold))
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


def _page_objects(page, raw: RawPage) -> None:  # noqa: ANN001 - a raw FPDF_PAGE handle
    """Count rule-like path objects and find page-covering images (scans)."""
    n = pdfium_c.FPDFPage_CountObjects(page)
    if n <= 0:
        return
    api = _object_api()
    bounds = (ctypes.c_float * 4)()  # left, bottom, right, top
    b = ctypes.addressof(bounds)
    refs = (b, b + 4, b + 8, b + 12)
    area = max(raw.width * raw.height, 1.0)
    rules = 0
    cover = 0.0
    get_object, get_type, get_bounds = api.get_object, api.get_type, api.get_bounds
    path, image = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE
    page_raw = ctypes.cast(page, ctypes.c_void_p).value
    for i in range(n):
        obj = get_object(page_raw, i)
        kind = get_type(obj)
        if (kind != path and kind != image) or not get_bounds(obj, *refs):
            continue
        left, bottom, right, top = _FLOAT4(bounds)
        w = right - left
        h = top - bottom
        if kind == image:
            cover = max(cover, (w * h) / area)
        elif w > 8 or h > 8:
            # a rule, a cell border or a grid drawn as one path (count its segments)
            segs = api.count_segments(obj)
            rules += 1 if segs < 8 else segs // 4
    raw.rules = rules
    raw.image_cover = cover


class _ObjectApi(NamedTuple):
    get_object: object  # FPDFPage_GetObject(page, index) -> page object address
    get_type: object  # FPDFPageObj_GetType(object) -> int
    get_bounds: object  # FPDFPageObj_GetBounds(object, float* x4) -> ok
    count_segments: object  # FPDFPath_CountSegments(object) -> int


_OBJECT_API: _ObjectApi | None = None


def _object_api() -> _ObjectApi:
    global _OBJECT_API
    if _OBJECT_API is None:
        vp, c_int = ctypes.c_void_p, ctypes.c_int
        _OBJECT_API = _ObjectApi(
            get_object=_bare(pdfium_c.FPDFPage_GetObject, vp, vp, c_int),
            get_type=_bare(pdfium_c.FPDFPageObj_GetType, c_int, vp),
            get_bounds=_bare(pdfium_c.FPDFPageObj_GetBounds, c_int, vp, vp, vp, vp, vp),
            count_segments=_bare(pdfium_c.FPDFPath_CountSegments, c_int, vp),
        )
    return _OBJECT_API


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
