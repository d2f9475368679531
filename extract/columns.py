"""Spans → physical lines → reading order (two-column unweaving) → :class:`Line` objects.

Backends deliver :class:`extract.pdf_chars.Char` spans (single glyphs from pdfplumber,
whole pdfium words from the fast path). This module is shared by both backends, so they
produce the same lines from the same geometry.

Column detection follows pdf-bench §2.4: a gutter x in the middle 30-70% of the page that
lies inside an inter-word gap of >= 8 pt on several lines; lines are classified as
crossing / split / left / right; runs of non-crossing lines with enough text on both
sides of the gutter become two-column segments, read left column first, then right.
Lines that cross the gutter (full-width headings, table rows) keep their place.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np

from extract.lines import Line
from extract.pdf_chars import Char, RawPage
from extract.settings import ExtractSettings


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    size: float
    bold_chars: int
    chars: int
    top: float = 0.0
    bottom: float = 0.0


@dataclass(slots=True)
class _PhysLine:
    top: float
    bottom: float
    words: list[_Word] = field(default_factory=list)
    table: list[list[str]] | None = None
    shift: float = 0.0  # subtracted from x0 in the Line: right-column lines share the left frame
    segs: list[tuple[float, float]] | None = None  # _solid(self, gutter_min_gap), kept by _find_gutter

    @property
    def x0(self) -> float:
        return self.words[0].x0 if self.words else 0.0

    @property
    def x1(self) -> float:
        return self.words[-1].x1 if self.words else 0.0


def _group_lines(chars: list[Char], y_tol: float) -> list[list[Char]]:
    """Cluster spans into physical lines by vertical centre (row-wise streams included)."""
    if not chars:
        return []
    mids = [(c.top + c.bottom) / 2 for c in chars]
    order = sorted(range(len(chars)), key=mids.__getitem__)  # stable, like sorting the spans
    lines: list[list[Char]] = []
    first = order[0]
    current: list[Char] = [chars[first]]
    centre = mids[first]
    for k in order[1:]:
        mid = mids[k]
        if mid - centre <= y_tol:
            current.append(chars[k])
            # running centre of the line's first spans keeps long lines from drifting
            centre = (centre * (len(current) - 1) + mid) / len(current)
        else:
            lines.append(current)
            current = [chars[k]]
            centre = mid
    lines.append(current)
    return lines


_X0 = attrgetter("x0")
_TOP = attrgetter("top")
_BOTTOM = attrgetter("bottom")


def _words(spans: list[Char], s: ExtractSettings) -> list[_Word]:
    """Join spans left to right; a gap wider than the tolerance separates words."""
    spans = sorted(spans, key=_X0)
    words: list[_Word] = []
    prev: Char | None = None
    x_tol, x_ratio = s.x_tolerance, s.x_tolerance_ratio
    for c in spans:
        n = len(c.text)
        if prev is not None and words:
            # overlapping duplicate glyphs (fake bold) are drawn twice at the same spot
            if n == 1 and len(prev.text) == 1 and c.text == prev.text and abs(c.x0 - prev.x0) < 0.5:
                continue
            # a gap within max(x_tolerance, ratio x size) joins; pdfium's own spaces never do
            gap = c.x0 - prev.x1
            if not c.sep and (gap <= x_tol or gap <= x_ratio * max(c.size, prev.size)):
                w = words[-1]
                w.text += c.text
                w.x1 = max(w.x1, c.x1)
                w.bold_chars += n if c.bold else 0
                w.chars += n
                w.top, w.bottom = min(w.top, c.top), max(w.bottom, c.bottom)
                prev = c
                continue
        words.append(_Word(c.text, c.x0, c.x1, c.size, n if c.bold else 0, n, c.top, c.bottom))
        prev = c
    return words


def _phys_lines(raw: RawPage, s: ExtractSettings) -> list[_PhysLine]:
    chars = raw.chars
    if raw.tables:
        boxes = [b for b, _ in raw.tables]

        def in_table(c: Char) -> bool:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)

        chars = [c for c in chars if not in_table(c)]
    out = []
    for group in _group_lines(chars, s.y_tolerance):
        top = min(map(_TOP, group))
        bottom = max(map(_BOTTOM, group))
        words = _words(group, s)
        if words:
            out.append(_PhysLine(top, bottom, words))
    for (x0, top, x1, bottom), rows in raw.tables:
        w = _Word("", x0, x1, 0.0, 0, 0)
        out.append(_PhysLine(top, bottom, [w], table=rows))
    out.sort(key=lambda ln: ln.top)
    return out


# -- columns -----------------------------------------------------------------------------

_CROSS, _SPLIT, _LEFT, _RIGHT = "cross", "split", "left", "right"


def _classify(line: _PhysLine, gx: float, min_gap: float) -> str:
    if line.table is not None:
        return _CROSS
    segs = line.segs if line.segs is not None else _solid(line, min_gap)
    if any(a < gx < b for a, b in segs):
        return _CROSS
    if segs[-1][1] <= gx:
        return _LEFT
    if segs[0][0] >= gx:
        return _RIGHT
    return _SPLIT


def _solid(line: _PhysLine, min_gap: float) -> list[tuple[float, float]]:
    """The line's text as segments: words joined across gaps narrower than ``min_gap``."""
    segs: list[tuple[float, float]] = []
    for w in line.words:
        if segs and w.x0 - segs[-1][1] < min_gap:
            segs[-1] = (segs[-1][0], max(segs[-1][1], w.x1))
        else:
            segs.append((w.x0, w.x1))
    return segs


def _find_gutter(lines: list[_PhysLine], width: float, s: ExtractSettings) -> float | None:
    """x in the middle 30-70% where most lines have a wide gap or text on one side only.

    Candidate x positions are 1-pt bins; per line a bin is "cross" (inside text), "split"
    (inside a wide gap), "left" (right of the line's end) or "right" (left of its start).
    """
    text_lines = [ln for ln in lines if ln.table is None and ln.words]
    if len(text_lines) < s.gutter_min_lines:
        return None
    lo, hi = int(0.3 * width), int(0.7 * width) + 1
    xs = np.arange(lo, hi, dtype=float)
    # every line's solid segments at once: one row per segment
    seg_a: list[float] = []
    seg_b: list[float] = []
    seg_line: list[int] = []
    starts_l: list[float] = []
    ends_l: list[float] = []
    for i, ln in enumerate(text_lines):
        ln.segs = segs = _solid(ln, s.gutter_min_gap)
        starts_l.append(segs[0][0])
        ends_l.append(segs[-1][1])
        for a, b in segs:
            seg_a.append(a)
            seg_b.append(b)
            seg_line.append(i)
    n = len(text_lines)
    starts, ends = np.array(starts_l), np.array(ends_l)
    a_, b_, line_of = np.array(seg_a), np.array(seg_b), np.array(seg_line)
    # x bins inside a segment, as a +1/-1 difference array per line: a line crosses x when
    # one of its segments covers it (ceil(a) <= x <= floor(b): the bins are whole numbers)
    ia = np.maximum(np.ceil(a_).astype(np.int64) - lo, 0)
    ib = np.minimum(np.floor(b_).astype(np.int64) - lo + 1, xs.size)
    hit = ib > ia
    diff = np.zeros((n, xs.size + 1), dtype=np.int32)
    np.add.at(diff, (line_of[hit], ia[hit]), 1)
    np.add.at(diff, (line_of[hit], ib[hit]), -1)
    cross = np.cumsum(diff[:, :-1], axis=1) > 0
    left = (ends[:, None] <= xs[None, :]) & ~cross
    right = (starts[:, None] >= xs[None, :]) & ~cross
    split = ~cross & ~left & ~right
    n_split, n_left, n_right = split.sum(0), left.sum(0), right.sum(0)
    # short centred lines (page numbers, "Pagina 6 van 9") cross every gutter; only
    # lines of real width count against a candidate
    wide = (ends - starts) >= 0.25 * width
    n_cross = cross[wide].sum(0)
    if wide.any():
        # distance from each x to the nearest text of any wide line
        wa, wb = a_[wide[line_of]][:, None], b_[wide[line_of]][:, None]
        clearance = np.minimum(np.maximum(np.maximum(wa - xs, xs - wb), 0.0).min(0), 50.0)
    else:
        clearance = np.zeros(xs.size)
    ok = ((n_split + n_right) >= s.gutter_min_lines) & ((n_split + n_left) >= s.gutter_min_lines)
    if not ok.any():
        return None
    # the gutter is crossed by the fewest lines (full-width headings only), then it is the
    # middle of the widest empty band: an indent inside a column (list labels) is narrower
    score = np.where(ok, -n_cross * 1_000_000 + np.round(clearance * 10) * 1_000 + np.minimum(n_split, 999),
                     -(10**12))
    best = np.flatnonzero(score == score.max())
    return float(xs[best[len(best) // 2]])  # middle of the widest equally good gap


def _order(lines: list[_PhysLine], width: float, s: ExtractSettings) -> list[tuple[_PhysLine, int]]:
    """Reading order; returns (line, column) with column 0 = full width/left, 1 = right."""
    if not s.columns:
        return [(ln, 0) for ln in lines]
    gx = _find_gutter(lines, width, s)
    if gx is None:
        return [(ln, 0) for ln in lines]
    kinds = [_classify(ln, gx, s.gutter_min_gap) for ln in lines]
    heights = [ln.bottom - ln.top for ln in lines if ln.table is None] or [10.0]
    big_gap = 3.0 * statistics.median(heights)
    out: list[tuple[_PhysLine, int]] = []
    i = 0
    while i < len(lines):
        if kinds[i] == _CROSS:
            out.append((lines[i], 0))
            i += 1
            continue
        j = i + 1  # a run of non-crossing lines, broken by large vertical gaps
        while j < len(lines) and kinds[j] != _CROSS and lines[j].top - lines[j - 1].bottom < big_gap:
            j += 1
        run = range(i, j)
        n_right = sum(kinds[k] in (_SPLIT, _RIGHT) for k in run)
        n_left = sum(kinds[k] in (_SPLIT, _LEFT) for k in run)
        n_split = sum(kinds[k] == _SPLIT for k in run)
        two_col = (n_right >= s.column_min_split_lines and n_left >= s.column_min_split_lines
                   and (n_split >= s.column_min_split_lines or n_right >= 2 * s.column_min_split_lines)
                   and _column_like(lines, run, gx, width))
        if not two_col:
            out.extend((lines[k], 0) for k in run)
        else:
            lefts, rights = [], []
            for k in run:
                ln = lines[k]
                lw = [w for w in ln.words if w.x1 <= gx]
                rw = [w for w in ln.words if w.x0 >= gx]
                # each side keeps its own vertical extent: misaligned columns share a
                # physical line, and paragraph gaps are measured per column
                if lw:
                    lefts.append((_PhysLine(min(w.top for w in lw), max(w.bottom for w in lw), lw), 0))
                if rw:
                    rights.append((_PhysLine(min(w.top for w in rw), max(w.bottom for w in rw), rw), 1))
            # report indentation in one frame for both columns: shift the right column so its
            # left edge coincides with the left column's (structure compares x0 across lines)
            if lefts and rights:
                shift = min(ln.x0 for ln, _ in rights) - min(ln.x0 for ln, _ in lefts)
                for ln, _ in rights:
                    ln.shift = shift
            out.extend(lefts)
            out.extend(rights)
        i = j
    return out


def _column_like(lines: list[_PhysLine], run: range, gx: float, width: float) -> bool:
    """Both sides hold text of column width, not a label/value list with a tab gap."""
    lefts: list[float] = []
    rights: list[float] = []
    for k in run:
        lw = [w for w in lines[k].words if w.x1 <= gx]
        rw = [w for w in lines[k].words if w.x0 >= gx]
        if lw:
            lefts.append(lw[-1].x1 - lw[0].x0)
        if rw:
            rights.append(rw[-1].x1 - rw[0].x0)
    if not lefts or not rights:
        return False
    # left parts of a two-column band are running text; the right column may end in short
    # lines (signatures), so one wide right line is enough there
    return statistics.median(lefts) >= 0.2 * width and max(rights) >= 0.25 * width


def _to_line(ln: _PhysLine, page: int) -> Line:
    if ln.table is not None:
        text = "\n".join(" | ".join(r) for r in ln.table)
        return Line(text=text, page=page, x0=round(ln.x0, 1), top=round(ln.top, 1), table=ln.table,
                    para_end=True)
    words = ln.words
    first = words[0].size
    chars = bold_chars = 0
    uniform = True
    texts = []
    for w in words:  # one pass: this runs for every line of every page
        chars += w.chars
        bold_chars += w.bold_chars
        texts.append(w.text)
        if w.size != first:
            uniform = False
    size = first if uniform else _char_median(words, chars)
    return Line(text=" ".join(texts), page=page, size=round(size, 2), bold=bold_chars * 2 > chars,
                x0=round(ln.x0 - ln.shift, 1), top=round(ln.top, 1))


def _char_median(words: list[_Word], n: int) -> float:
    """``statistics.median`` of the font size of every character, without the list of
    one entry per character: sizes with their counts, walked in order."""
    counts: dict[float, int] = {}
    for w in words:
        counts[w.size] = counts.get(w.size, 0) + w.chars
    lo, hi = (n - 1) // 2, n // 2  # the middle one or two positions (0-based)
    seen = 0
    a = b = 0.0
    for size in sorted(counts):
        nxt = seen + counts[size]
        if seen <= lo < nxt:
            a = size
        if seen <= hi < nxt:
            b = size
            break
        seen = nxt
    return a if n % 2 else (a + b) / 2


def _mark_paragraphs(ordered: list[tuple[_PhysLine, int]], lines: list[Line], s: ExtractSettings) -> None:
    """para_end: large vertical pitch to the next line of the same column, or a short line
    followed by an indentation change."""
    # line pitch relative to font size; the common value is a low percentile, so pages of
    # one-line items still show the ordinary leading
    ratios = []
    for (a, ca), (b, cb), la in zip(ordered, ordered[1:], lines, strict=False):
        if ca == cb and a.table is None and b.table is None and b.top > a.top and la.size:
            ratios.append((b.top - a.top) / la.size)
    typical = sorted(ratios)[len(ratios) // 4] if ratios else 1.2
    col_right: dict[int, float] = {}
    for ln, col in ordered:
        col_right[col] = max(col_right.get(col, 0.0), ln.x1)
    for k, ((a, ca), line) in enumerate(zip(ordered, lines, strict=True)):
        if line.table is not None:
            line.para_end = True
            continue
        if k + 1 >= len(ordered):
            line.para_end = _ends_sentence(line.text)  # text may run on to the next page
            continue
        b, cb = ordered[k + 1]
        if b.table is not None or cb != ca or b.top <= a.top:
            line.para_end = True  # column change or table next: a paragraph boundary in layout
            if cb != ca and b.table is None:
                line.para_end = _ends_sentence(line.text)  # text may flow on into the next column
            continue
        size = line.size or (a.bottom - a.top) or 1.0
        r = (b.top - a.top) / size
        if r > max(s.para_gap_ratio, 1.15 * typical) or (r > 1.5 and r > typical + 0.2):
            line.para_end = True
        elif (a.x1 < col_right[ca] - 4 * size and abs(b.x0 - a.x0) > 0.5 * size
              and _ends_sentence(line.text)):
            line.para_end = True


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "!", "?"))


def apply_grids(raw: RawPage, s: ExtractSettings) -> None:
    """Fill ``raw.tables`` from pdfium's ruled grids: spans go to the cell holding their
    centre; a cell's text is its lines joined with spaces (as pdfplumber's cells)."""
    import bisect

    for ys, xs in raw.grids or []:
        cells: dict[tuple[int, int], list[Char]] = {}
        for c in raw.chars:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            if not (xs[0] < cx < xs[-1] and ys[0] < cy < ys[-1]):
                continue
            cells.setdefault((bisect.bisect(ys, cy) - 1, bisect.bisect(xs, cx) - 1), []).append(c)
        rows = []
        for r in range(len(ys) - 1):
            row = []
            for k in range(len(xs) - 1):
                spans = cells.get((r, k), [])
                text = " ".join(" ".join(w.text for w in _words(line, s))
                                for line in _group_lines(spans, s.y_tolerance))
                row.append(text)
            if any(row):
                rows.append(row)
        if len(rows) >= 2:
            raw.tables.append(((xs[0], ys[0], xs[-1], ys[-1]), rows))


def page_lines(raw: RawPage, s: ExtractSettings) -> list[Line]:
    """Cleaned-geometry lines of one page in reading order (text cleaning comes later)."""
    phys = _phys_lines(raw, s)
    ordered = _order(phys, raw.width, s)
    lines = [_to_line(ln, raw.number) for ln, _ in ordered]
    _mark_paragraphs(ordered, lines, s)
    return lines
