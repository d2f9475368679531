"""Ruled tables from pdfium path objects, so table pages stay on the fast path.

pdfplumber's ``find_tables`` needs ``page.chars`` and ``page.edges`` (~90 ms a page, the
cost the fast path avoids). Here the rules come straight from the page's path objects:
axis-aligned line segments (from ``re``/``l`` operators) are snapped into horizontal and
vertical rules, connected rules form a grid, and the grid's rows x columns are the cells.
This covers fully ruled grids (the common case in government PDFs); tables with merged
cells or rules on only some sides go to pdfplumber (``extract.pdf`` decides).
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

SNAP = 2.0  # pt: rules this close are one rule
MIN_RULE = 5.0  # pt: shorter segments are glyph-like decoration, not rules

Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in top-left page coordinates


def path_segments(page_raw, height: float) -> list[Segment]:
    """Axis-aligned straight segments of every path object on the page."""
    out: list[Segment] = []
    n = pdfium_c.FPDFPage_CountObjects(page_raw)
    m = pdfium_c.FS_MATRIX()
    x = ctypes.c_float()
    y = ctypes.c_float()
    for i in range(n):
        obj = pdfium_c.FPDFPage_GetObject(page_raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
            continue
        nseg = pdfium_c.FPDFPath_CountSegments(obj)
        if nseg <= 1 or nseg > 2000:
            continue
        start = prev = None
        for k in range(nseg):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
                continue
            px = m.a * x.value + m.c * y.value + m.e
            py = height - (m.b * x.value + m.d * y.value + m.f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = prev = (px, py)
                continue
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
                out.append((prev[0], prev[1], px, py))
            prev = (px, py)
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                out.append((px, py, start[0], start[1]))
                prev = start
    return out


def _rules(segments: list[Segment]) -> tuple[list[list[float]], list[list[float]]]:
    """Horizontal rules [y, x0, x1] and vertical rules [x, y0, y1], snapped and merged."""
    hs: list[list[float]] = []
    vs: list[list[float]] = []
    for x0, y0, x1, y1 in segments:
        if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= MIN_RULE:
            hs.append([(y0 + y1) / 2, min(x0, x1), max(x0, x1)])
        elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= MIN_RULE:
            vs.append([(x0 + x1) / 2, min(y0, y1), max(y0, y1)])
    return _merge(hs), _merge(vs)


def _merge(rules: list[list[float]]) -> list[list[float]]:
    """Join collinear rules that touch or overlap (the same border drawn by two cells)."""
    rules.sort()
    out: list[list[float]] = []
    for pos, a, b in rules:
        for r in out[::-1][:8]:
            if abs(r[0] - pos) <= SNAP and a <= r[2] + SNAP and b >= r[1] - SNAP:
                r[1], r[2] = min(r[1], a), max(r[2], b)
                break
        else:
            out.append([pos, a, b])
    return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def find_grids(segments: list[Segment]) -> list[tuple[list[float], list[float]]]:
    """Fully ruled grids as (row boundaries ys, column boundaries xs), top to bottom.

    A grid needs >= 3 horizontal and >= 3 vertical rules that all span it (so >= 2 rows
    and >= 2 columns of real cells); anything less is a box or an underline.
    """
    hs, vs = _rules(segments)
    if len(hs) < 3 or len(vs) < 3:
        return []
    # connected components of crossing rules
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, hx0, hx1) in enumerate(hs):
        for j, (x, vy0, vy1) in enumerate(vs):
            if hx0 - SNAP <= x <= hx1 + SNAP and vy0 - SNAP <= y <= vy1 + SNAP:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids = []
    for gh, gv in groups.values():
        if len(gh) < 3 or len(gv) < 3:
            continue
        ys = _cluster([h[0] for h in gh])
        xs = _cluster([v[0] for v in gv])
        if len(ys) < 3 or len(xs) < 3:
            continue
        left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
        full_h = all(h[1] <= left + SNAP and h[2] >= right - SNAP for h in gh)
        full_v = all(v[1] <= top + SNAP and v[2] >= bottom - SNAP for v in gv)
        if not (full_h and full_v):
            return [([], [])]  # partial grid (merged cells): signal "ask pdfplumber"
        grids.append((ys, xs))
    grids.sort(key=lambda g: g[0][0])
    return grids
