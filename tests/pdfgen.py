"""Generate test PDFs with reportlab, with the defects real PDFs have.

The generator lays text out itself (no platypus) so tests control exactly what ends up in
the content stream:

* each word is drawn as a separate text object without space glyphs (as many report
  generators do), so extractors must find word gaps geometrically;
* ``two_column=True`` lays text out in two columns and draws them **row-wise** (left line
  i, right line i, ...), so content-stream order differs from reading order;
* a soft hyphen (U+00AD) in input text is a *forced* line break: the line ends there with a
  hyphen ("gemeen-" / "Hardinxveld-"), the rest of the word starts the next line;
* U+FB01/U+FB02 (ﬁ/ﬂ) are drawn as ligature glyphs; with ``ligature_gaps=True`` each is
  followed by a 3.2 pt advance gap, which makes extractors split "proﬁ teren";
* running header on every page and a "Pagina N van M" footer, drawn *after* the body;
* ruled tables, and image-only ("scanned") pages without a text layer.

Blocks for :func:`render_pdf` (a list):

* ``"text"``: a paragraph;
* ``("h", text)`` / ``("h2", text)``: bold heading (13 / 11 pt), within the column;
* ``("title", text)``: full-width bold heading; in two-column mode it ends the current
  column band and starts a new one below it;
* ``("item", label, text)``: hanging-indent list item ("1.", "a.");
* ``("table", rows)``: ruled table, rows of cell strings (full width);
* ``("scan", [lines])``: a page with the lines rendered into an image (no text layer);
* ``("pagebreak",)``.

:func:`expected_text` gives the text an ideal extractor returns for a paragraph (markers
removed, ligatures expanded). Engineer B and the demo corpus may reuse these functions.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = "DejaVuSerif"
FONT_BOLD = "DejaVuSerif-Bold"
SOFT_HYPHEN = "\u00ad"
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
LIGATURE_GAP = 3.2  # pt, emulates TJ-compensated ligatures (pdf-bench §1)

_registered = False


def _register_fonts() -> None:
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSerif-Bold.ttf")))
    _registered = True


def expected_text(text: str) -> str:
    """What a correct extractor returns for ``text`` (soft hyphens gone, ligatures expanded)."""
    text = text.replace(SOFT_HYPHEN, "")
    for lig, plain in LIGATURES.items():
        text = text.replace(lig, plain)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class _Layout:
    width: float
    height: float
    margin: float
    two_column: bool
    ligature_gaps: bool
    size: float = 10.0
    leading: float = 13.0
    gutter: float = 24.0
    pages: list[list[tuple]] = field(default_factory=list)  # draw ops per page
    # two-column band state
    band_ops: list[list[tuple]] = field(default_factory=lambda: [[], []])
    band_top: float = 0.0
    col: int = 0
    y: float = 0.0
    left_y: float = 0.0  # where the left column of the current band ended

    def __post_init__(self) -> None:
        self.new_page()

    # geometry -------------------------------------------------------------------------
    @property
    def top(self) -> float:
        return self.height - self.margin - 20  # leave room for the running header

    @property
    def bottom(self) -> float:
        return self.margin + 20  # room for the footer

    def col_x(self) -> tuple[float, float]:
        full = self.width - 2 * self.margin
        if not self.two_column:
            return self.margin, full
        w = (full - self.gutter) / 2
        return self.margin + self.col * (w + self.gutter), w

    def new_page(self) -> None:
        self.flush_band()
        self.pages.append([])
        self.band_top = self.top
        self.y = self.top
        self.col = 0

    def flush_band(self) -> None:
        """Draw buffered column lines row-wise: left i, right i, left i+1, ..."""
        left, right = self.band_ops
        for i in range(max(len(left), len(right))):
            for ops in (left, right):
                if i < len(ops):
                    self.pages[-1].extend(ops[i])
        self.band_ops = [[], []]

    def column_bottom(self) -> float:
        return self.y

    # text -----------------------------------------------------------------------------
    def word_width(self, word: str, font: str, size: float) -> float:
        w = pdfmetrics.stringWidth(word, font, size)
        if self.ligature_gaps:
            w += LIGATURE_GAP * sum(word.count(c) for c in ("\ufb01", "\ufb02"))
        return w

    def need(self, height: float) -> None:
        """Make room for ``height`` pt: next column or next page."""
        if self.y - height >= self.bottom:
            return
        if self.two_column and self.col == 0:
            self.col = 1
            self.left_y = self.y
            self.y = self.band_top
            return
        self.new_page()

    def emit_line(self, pieces: list[tuple[float, str, str, float]], height: float) -> None:
        """``pieces``: (x offset in column, text, font, size); one physical line."""
        self.need(height)
        x0, _ = self.col_x()
        baseline = self.y - height * 0.8
        ops = []
        for dx, text, font, size in pieces:
            ops.extend(self._word_ops(x0 + dx, baseline, text, font, size))
        if self.two_column:
            self.band_ops[self.col].append(ops)
        else:
            self.pages[-1].extend(ops)
        self.y -= height

    def _word_ops(self, x: float, y: float, word: str, font: str, size: float) -> list[tuple]:
        if not self.ligature_gaps:
            return [("text", x, y, word, font, size)]
        ops = []
        for part in re.split(r"([\ufb01\ufb02])", word):
            if not part:
                continue
            ops.append(("text", x, y, part, font, size))
            x += pdfmetrics.stringWidth(part, font, size)
            if part in ("\ufb01", "\ufb02"):
                x += LIGATURE_GAP
        return ops

    def paragraph(self, text: str, *, font: str = FONT, size: float | None = None,
                  indent: float = 0.0, label: str = "", gap_after: float = 6.0) -> None:
        size = size or self.size
        leading = size * 1.3
        _, col_w = self.col_x()
        avail = col_w - indent
        space = pdfmetrics.stringWidth(" ", font, size)
        words = text.split()
        line: list[str] = []
        line_w = 0.0
        first = True

        def flush() -> None:
            nonlocal line, line_w, first
            pieces = []
            if first and label:
                pieces.append((0.0, label, font, size))
            x = indent
            for w in line:
                pieces.append((x, w, font, size))
                x += self.word_width(w, font, size) + space
            self.emit_line(pieces, leading)
            line, line_w, first = [], 0.0, False

        queue = list(words)
        while queue:
            word = queue.pop(0)
            if SOFT_HYPHEN in word:  # forced break: "gemeen-" ends this line
                head, tail = word.split(SOFT_HYPHEN, 1)
                head = head if head.endswith("-") else head + "-"
                ww = self.word_width(head, font, size)
                if line and line_w + space + ww > avail:
                    flush()
                line.append(head)
                flush()
                queue.insert(0, tail)
                continue
            ww = self.word_width(word, font, size)
            if line and line_w + space + ww > avail:
                flush()
            line_w = (line_w + space + ww) if line else ww
            line.append(word)
        if line or (first and label):
            flush()
        self.y -= gap_after

    def title(self, text: str) -> None:
        """Full-width heading; ends the current two-column band."""
        if self.two_column:
            self.title_break()
            saved = self.two_column
            self.two_column = False
            self.paragraph(text, font=FONT_BOLD, size=13, gap_after=8)
            self.two_column = saved
            self.band_top = self.y
        else:
            self.paragraph(text, font=FONT_BOLD, size=13, gap_after=8)

    def _left_bottom(self) -> float:
        return self.left_y

    def table(self, rows: list[list[str]]) -> None:
        if self.two_column:
            self.title_break()
        x0 = self.margin
        full = self.width - 2 * self.margin
        ncol = max(len(r) for r in rows)
        cw = full / ncol
        rh = self.size * 1.8
        for r, row in enumerate(rows):
            self.need(rh)
            y_top = self.y
            ops = self.pages[-1]
            font = FONT_BOLD if r == 0 else FONT
            for c, cell in enumerate(row):
                ops.append(("text", x0 + c * cw + 3, y_top - rh + 4, cell, font, self.size))
            ops.append(("rect", x0, y_top - rh, full, rh))
            for c in range(1, ncol):
                ops.append(("line", x0 + c * cw, y_top, x0 + c * cw, y_top - rh))
            self.y -= rh
        self.y -= 10

    def title_break(self) -> None:
        lowest = self.y if self.col == 0 else min(self.y, self._left_bottom())
        self.flush_band()
        self.y = lowest
        self.col = 0
        self.band_top = self.y


def _scan_image(lines: list[str], width: float, height: float, dpi: int = 150) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    img = Image.new("L", (int(width * scale), int(height * scale)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), int(12 * scale))
    y = 80 * scale
    for line in lines:
        draw.text((72 * scale, y), line, fill=0, font=font)
        y += 20 * scale
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def render_pdf(blocks: list, path: str | Path, *, two_column: bool = False,
               header: str | None = "Gemeenteblad 2026 nr. 48213 — Regeling Drechtsteden",
               footer: bool = True, ligature_gaps: bool = False, title: str = "Testdocument") -> Path:
    """Render ``blocks`` (see module docstring) to ``path``; returns the path."""
    _register_fonts()
    width, height = A4
    lay = _Layout(width, height, 56.0, two_column, ligature_gaps)
    scans: dict[int, list[str]] = {}
    for block in blocks:
        if isinstance(block, str):
            lay.paragraph(block)
            continue
        kind = block[0]
        if kind == "h":
            lay.paragraph(block[1], font=FONT_BOLD, size=13, gap_after=4)
        elif kind == "h2":
            lay.paragraph(block[1], font=FONT_BOLD, size=11, gap_after=3)
        elif kind == "title":
            lay.title(block[1])
        elif kind == "item":
            lay.paragraph(block[2], indent=22.0, label=block[1], gap_after=3)
        elif kind == "table":
            lay.table(block[1])
        elif kind == "pagebreak":
            lay.new_page()
        elif kind == "scan":
            if lay.pages[-1] or any(lay.band_ops):
                lay.new_page()
            scans[len(lay.pages) - 1] = list(block[1])
            lay.new_page()
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    lay.flush_band()
    if not lay.pages[-1] and len(lay.pages) > 1 and (len(lay.pages) - 1) not in scans:
        lay.pages.pop()

    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle(title)
    total = len(lay.pages)
    for i, ops in enumerate(lay.pages):
        if i in scans:  # image only: no text layer at all, no header/footer text
            img = ImageReader(io.BytesIO(_scan_image(scans[i], width, height)))
            c.drawImage(img, 0, 0, width=width, height=height)
            c.showPage()
            continue
        c.setLineWidth(0.6)
        for op in ops:
            if op[0] == "text":
                _, x, y, text, font, size = op
                c.setFont(font, size)
                c.drawString(x, y, text)
            elif op[0] == "rect":
                c.rect(op[1], op[2], op[3], op[4], stroke=1, fill=0)
            elif op[0] == "line":
                c.line(op[1], op[2], op[3], op[4])
        if header:  # drawn after the body, as in real generators
            c.setFont(FONT, 8)
            c.drawString(lay.margin, height - lay.margin + 4, header)
        if footer:
            c.setFont(FONT, 8)
            c.drawCentredString(width / 2, lay.margin - 10, f"Pagina {i + 1} van {total}")
        c.showPage()
    c.save()
    return path


_INLINE_LID = re.compile(r"(?<=[.;:])\s+(\d{1,2})\.\s+(?=[A-Z])")


def _split_inline_leden(label: str, text: str, expect: int) -> list[tuple[str, str, str]]:
    """BWB Markdown sometimes flattens leden into one line ("1. ... Assen. 2. Het ...", or
    "d. ... lid. 4. Het ..."); a typeset PDF starts each lid on its own line. Split only
    at the next lid number ``expect``, then the one after, and so on."""
    out = [("item", label, text)]
    while True:
        _, lab, rest = out[-1]
        m = next((m for m in _INLINE_LID.finditer(rest) if int(m.group(1)) == expect), None)
        if m is None:
            return out
        out[-1] = ("item", lab, rest[: m.start()].strip())
        out.append(("item", f"{expect}.", rest[m.end():].strip()))
        expect += 1


_MD_ITEM = re.compile(r"^(\d{1,3}[a-z]?\.|[a-z]\.)\s+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|\*|__)(.+?)\1")


def markdown_plain(text: str) -> str:
    """Markdown inline markup → plain text (links keep their text, emphasis dropped)."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(r"\2", text)
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def markdown_blocks(md_text: str) -> list:
    """Turn (BWB-derived) Markdown into render blocks: headings bold, paragraphs, tables."""
    blocks: list = []
    para: list[str] = []
    table: list[list[str]] = []
    label: list[str] = []  # list-item label of the open paragraph ("1.", "a.")
    lid = [0]  # last lid number in the current article (0 = none yet)

    def end_para() -> None:
        if para:
            text = markdown_plain(" ".join(para))
            if label and label[0][:-1].isdigit():
                lid[0] = int(label[0][:-1])
            parts = _split_inline_leden(label[0] if label else "", text, lid[0] + 1) if lid[0] else [
                ("item", label[0] if label else "", text)]
            for _, lab, part in parts:
                if lab[:-1].isdigit():
                    lid[0] = int(lab[:-1])
                if lab:
                    blocks.append(("item", lab, part))
                elif part:
                    blocks.append(part)
            para.clear()
        label.clear()

    def end_table() -> None:
        rows = [r for r in table if not all(re.fullmatch(r":?-{2,}:?", c.strip()) for c in r if c.strip())]
        if rows:
            blocks.append(("table", [[markdown_plain(c) for c in r] for r in rows]))
        table.clear()

    for raw in md_text.splitlines():
        line = raw.strip()
        if line.startswith("<") and line.endswith(">"):  # html meta lines
            continue
        if line.startswith("|") and line.endswith("|"):
            end_para()
            table.append([c for c in line.strip("|").split("|")])
            continue
        if table:
            end_table()
        m = re.match(r"^(#{1,6})\s*(.*)$", line)
        if m:
            end_para()
            text = markdown_plain(m.group(2))
            lid[0] = 0  # a heading ends the article's lid sequence
            if text:
                blocks.append(("h" if len(m.group(1)) <= 3 else "h2", text))
            continue
        if not line:
            end_para()
            continue
        item = _MD_ITEM.match(line)
        if item:  # "1.  Het algemeen bestuur ..." starts a new lid / onderdeel
            end_para()
            label.append(item.group(1))
            line = line[item.end():]
        para.append(line)
    end_para()
    if table:
        end_table()
    return blocks


def render_markdown_regulation(md_text: str, path: str | Path, two_column: bool = False,
                               running_header: str | None = None) -> Path:
    """Render a Markdown regulation (e.g. ../shared/corpus/laws-markdown/*.md) to PDF."""
    return render_pdf(markdown_blocks(md_text), path, two_column=two_column, header=running_header,
                      footer=running_header is not None)


def filler_blocks(pages: int, seed: int = 7) -> list:
    """Regulation-like blocks for about ``pages`` A4 pages (benchmarks): chapters, articles
    with leden and onderdelen, forced hyphenation, ligature words and a ruled table
    every ~4 pages. Seeded, so every machine renders the same PDF."""
    import random

    rng = random.Random(seed)
    words = ("de gemeenschappelijke regeling het algemeen bestuur dagelijks bestuur deelnemende "
             "gemeenten begroting verantwoordelijkheid jaarrekening besluit raad college burgemeester "
             "wethouders bevoegdheid uitvoering taken toezicht openbaar lichaam bijdrage kosten verdeling "
             "zienswijze kadernota weerstandsvermogen uitvoeringsprogramma dienstverlening").split()
    places = ["Dordrecht", "Zwijndrecht", "Papendrecht", "Sliedrecht", "Alblasserdam",
              "Hendrik-Ido-Ambacht", "Hardinxveld-" + SOFT_HYPHEN + "Giessendam"]
    special = ["\ufb01nanciering", "pro\ufb01teren", "e\ufb03ciënte", "\ufb02exibele", "gemeen" + SOFT_HYPHEN
               + "schappelijke", "ruimtelijk-" + SOFT_HYPHEN + "economisch", "verantwoor" + SOFT_HYPHEN + "ding"]

    def sentence(n: int) -> str:
        ws = [rng.choice(words) for _ in range(n)]
        ws.insert(rng.randrange(len(ws)), rng.choice(places))
        if rng.random() < 0.5:
            ws.insert(rng.randrange(len(ws)), rng.choice(special))
        text = " ".join(ws)
        return text[0].upper() + text[1:] + "."

    blocks: list = []
    art = 0
    chapter = 0
    # ~12.5 blocks fill a page at this density (calibrated on the rendered output)
    while len(blocks) < pages * 12.5:
        if art % 8 == 0:
            chapter += 1
            blocks.append(("h", f"Hoofdstuk {chapter}. {sentence(3)[:-1]}"))
        art += 1
        blocks.append(("h", f"Artikel {art}. {sentence(2)[:-1]}"))
        for lid in range(1, rng.randint(2, 4)):
            blocks.append(("item", f"{lid}.", sentence(rng.randint(18, 40))))
        if rng.random() < 0.3:
            for letter in "abc":
                blocks.append(("item", f"{letter}.", sentence(rng.randint(6, 14))[:-1] + ";"))
        if art % 10 == 0:
            blocks.append(("table", [["Deelnemer", "Bijdrage", "Aandeel"]] +
                           [[p.replace(SOFT_HYPHEN, ""), f"€ {rng.randint(100, 999)}.000", f"{rng.randint(2, 40)}%"]
                            for p in places[:5]]))
        blocks.append(sentence(rng.randint(25, 50)))
    return blocks


def render_filler_pdf(path: str | Path, pages: int, *, two_column: bool = False, seed: int = 7) -> Path:
    """A long regulation-like PDF (for benchmarks) of roughly ``pages`` pages."""
    return render_pdf(filler_blocks(pages, seed), path, two_column=two_column, ligature_gaps=True)
