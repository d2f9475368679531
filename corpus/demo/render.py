"""Render the demo sources (our own Markdown-like text) to PDF with reportlab.

The sources use a tiny subset of Markdown, chosen so the same file also reads well as
text and through ``extract``'s Markdown reader:

* ``# Title`` (first line), ``## Heading`` (hoofdstuk, section, agenda item),
  ``### Heading`` (artikel); a heading keeps its number or label as written.
* Paragraphs separated by blank lines. A paragraph starting with ``1.``/``4a.`` is a lid
  or numbered item (hanging indent), one starting with ``a.`` an onderdeel (indented).
* Pipe tables (``| a | b |`` with a ``| --- |`` separator after the header row).

The PDFs look like a municipal print: A4, DejaVu Serif body with DejaVu Sans headings
(Helvetica/Times when DejaVu is missing), a running header with the short title and a
footer "Pagina N van M" on every page (so header/footer removal is exercised), bordered
tables. Nothing is hyphenated, so every phrase of the source survives text extraction
with at most a line break in place of a space. Output is byte-for-byte reproducible
(reportlab's invariant mode): re-rendering gives the same document ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

_LID = re.compile(r"^\d+[a-z]?\.\s")
_ONDERDEEL = re.compile(r"^[a-z]\.\s")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{3,}")


@dataclass(slots=True)
class Block:
    """One unit of the source: a heading, a paragraph or a table."""

    kind: str  # "title" | "h2" | "h3" | "para" | "lid" | "onderdeel" | "note" | "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


def parse_source(text: str) -> list[Block]:
    """Split a demo source into blocks. Lines within a paragraph are joined with a space."""
    blocks: list[Block] = []
    para: list[str] = []
    table: list[list[str]] = []

    def flush_para() -> None:
        if para:
            t = " ".join(s.strip() for s in para)
            kind = "lid" if _LID.match(t) else "onderdeel" if _ONDERDEEL.match(t) else "para"
            if kind == "para" and blocks and blocks[-1].kind == "title" and t.startswith("Fictie"):
                kind = "note"
            blocks.append(Block(kind, t))
            para.clear()

    def flush_table() -> None:
        if table:
            blocks.append(Block("table", rows=[r[:] for r in table]))
            table.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            flush_para()
            if not _TABLE_SEP.match(line):
                table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush_table()
        if not line.strip():
            flush_para()
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", line)
        if m:
            flush_para()
            blocks.append(Block({1: "title", 2: "h2", 3: "h3"}[len(m.group(1))], m.group(2).strip()))
            continue
        para.append(line)
    flush_para()
    flush_table()
    return blocks


def source_title(text: str) -> str:
    for b in parse_source(text):
        if b.kind == "title":
            return b.text
    return ""


# --------------------------------------------------------------------------- fonts and styles
@dataclass(frozen=True, slots=True)
class Fonts:
    serif: str
    serif_bold: str
    sans: str
    sans_bold: str


@lru_cache(maxsize=4)
def fonts(font_dir: Path = FONT_DIR) -> Fonts:
    """Register DejaVu from ``font_dir`` once; fall back to the PDF base fonts when it is missing."""
    files = {
        "DejaVuSerif": "DejaVuSerif.ttf", "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
        "DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    }
    base14 = Fonts("Times-Roman", "Times-Bold", "Helvetica", "Helvetica-Bold")
    if not all((font_dir / file).is_file() for file in files.values()):
        return base14
    try:
        for name, file in files.items():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(font_dir / file)))
    except Exception:  # unreadable font file: the base-14 fonts still give a valid PDF
        return base14
    return Fonts("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSans", "DejaVuSans-Bold")


def _styles(f: Fonts) -> dict[str, ParagraphStyle]:
    # hyphenationLang "" and embeddedHyphenation 0: never break inside a word.
    base = ParagraphStyle("body", fontName=f.serif, fontSize=11, leading=15, alignment=TA_LEFT,
                          spaceAfter=6, hyphenationLang="", embeddedHyphenation=0, splitLongWords=0)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=f.sans_bold, fontSize=16, leading=20,
                                spaceAfter=10, keepWithNext=1),
        # Not italic: pdfplumber loses the space after an italic "f" ("Fictief fragment").
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=12,
                               spaceAfter=12, textColor=colors.HexColor("#444444")),
        "h2": ParagraphStyle("h2", parent=base, fontName=f.sans_bold, fontSize=13, leading=17,
                             spaceBefore=12, spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=base, fontName=f.sans_bold, fontSize=11, leading=15,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "para": base,
        "lid": ParagraphStyle("lid", parent=base, leftIndent=18, firstLineIndent=-18),
        "onderdeel": ParagraphStyle("onderdeel", parent=base, leftIndent=36, firstLineIndent=-18, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=10, leading=12, spaceAfter=0),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontName=f.sans_bold, fontSize=10, leading=12,
                                    spaceAfter=0),
    }


def _numbered_canvas(header: str, f: Fonts) -> type[rl_canvas.Canvas]:
    """A canvas that draws the running header and "Pagina N van M" once the page count is known."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont(f.sans, 8)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(2.5 * cm, height - 1.5 * cm, header)
            self.setStrokeColor(colors.HexColor("#999999"))
            self.setLineWidth(0.4)
            self.line(2.5 * cm, height - 1.65 * cm, width - 2.5 * cm, height - 1.65 * cm)
            self.drawRightString(width - 2.5 * cm, 1.3 * cm, f"Pagina {self._pageNumber} van {total}")
            self.restoreState()

    return NumberedCanvas


def _table(rows: list[list[str]], st: dict[str, ParagraphStyle]) -> Table:
    data = [[Paragraph(escape(c), st["cell_head" if i == 0 else "cell"]) for c in row]
            for i, row in enumerate(rows)]
    t = Table(data, hAlign="LEFT", repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def render_pdf(source: Path, out: Path, header: str | None = None, font_dir: Path = FONT_DIR) -> Path:
    """Render one demo source file to ``out`` (A4 PDF) and return ``out``.

    ``header`` is the running header; by default "<title> · fictief demodocument" (not the
    bare title, so a reader cannot mistake the header on page 1 for the title itself).
    """
    text = source.read_text(encoding="utf-8")
    blocks = parse_source(text)
    title = source_title(text) or source.stem
    f = fonts(font_dir)
    st = _styles(f)
    story: list = []
    for b in blocks:
        if b.kind == "table":
            story += [_table(b.rows, st), Spacer(1, 8)]
        else:
            story.append(Paragraph(escape(b.text), st[b.kind]))
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.5 * cm,
        bottomMargin=2.2 * cm, title=title, author="Drechtlens (demo)", subject="Fictief demodocument",
        creator="Drechtlens corpus.demo.render", invariant=1,
    )
    doc.build(story, canvasmaker=_numbered_canvas(header or f"{title} · fictief demodocument", f))
    return out
