"""DOCX → Lines with python-docx.

Body paragraphs and tables in document order. A heading style ("Heading 2", "Kop 2",
"Title"/"Titel") gives ``heading_level``; automatic numbering (``w:numPr``) is rendered
in front of the text ("1. ", "a. ", "1° ") because Word does not store it in the text, so
structure recognition sees "2. Het bestuur …" just as in a PDF. Every paragraph ends a
paragraph (``para_end``). Pages are counted from explicit and rendered page breaks.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from extract.errors import ExtractError
from extract.formats import ReadResult
from extract.lines import Line

EXTRACTOR = "docx/1"
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.I)


def _roman(n: int) -> str:
    vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


class _Numbering:
    """Renders Word list numbers: numId/ilvl → format and running counters."""

    def __init__(self, doc) -> None:  # noqa: ANN001 - python-docx Document
        self.formats: dict[tuple[str, int], tuple[str, str]] = {}  # (numId, ilvl) → (numFmt, lvlText)
        self.counters: dict[tuple[str, int], int] = {}
        try:
            numbering = doc.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str]]] = {}
        for an in numbering.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[str, str]] = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt = lvl.find(qn("w:numFmt"))
                txt = lvl.find(qn("w:lvlText"))
                levels[ilvl] = (fmt.get(qn("w:val")) if fmt is not None else "decimal",
                                txt.get(qn("w:val")) if txt is not None else f"%{ilvl + 1}.")
            abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), ilvl)] = spec

    def label(self, paragraph: Paragraph) -> str:
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is None and paragraph.style is not None:  # numbering from the style ("List Number")
            style_ppr = paragraph.style.element.pPr
            num_pr = style_ppr.numPr if style_ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        if num_id == "0":
            return ""
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, 0) + 1
        for k in list(self.counters):  # a higher level restarts the deeper ones
            if k[0] == num_id and k[1] > ilvl:
                del self.counters[k]
        fmt, text = self.formats.get(key, ("decimal", f"%{ilvl + 1}."))
        if fmt == "bullet":
            return "•"
        n = self.counters[key]
        value = {
            "decimal": str(n), "lowerLetter": chr(ord("a") + (n - 1) % 26), "upperLetter": chr(ord("A") + (n - 1) % 26),
            "lowerRoman": _roman(n), "upperRoman": _roman(n).upper(),
        }.get(fmt, str(n))
        return re.sub(rf"%{ilvl + 1}", value, re.sub(r"%\d", "", text) if f"%{ilvl + 1}" not in text else text)


def _style_level(paragraph: Paragraph) -> int:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name.lower() in ("title", "titel"):
        return 1
    m = _HEADING_STYLE.match(name.strip())
    return int(m.group(1)) if m else 0


def _bold_and_size(paragraph: Paragraph) -> tuple[bool, float]:
    runs = [r for r in paragraph.runs if r.text.strip()]
    style_font = paragraph.style.font if paragraph.style is not None else None
    bold = bool(runs) and all(
        r.bold or (r.bold is None and style_font is not None and style_font.bold) for r in runs)
    sizes = [r.font.size.pt for r in runs if r.font.size is not None]
    if not sizes and style_font is not None and style_font.size is not None:
        sizes = [style_font.size.pt]
    return bold, (max(sizes) if sizes else 0.0)


def _page_breaks(paragraph: Paragraph) -> int:
    p = paragraph._p
    n = len(p.findall(".//" + qn("w:lastRenderedPageBreak")))
    n += sum(1 for br in p.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
    return n


def read_docx(data: bytes, name: str = "") -> ReadResult:
    try:
        doc = open_docx(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ExtractError("is geen geldig Word-document (DOCX).", file=name,
                           hint="Sla het bestand opnieuw op als .docx of exporteer het als PDF.") from err
    except Exception as err:  # python-docx raises many types on a damaged package
        raise ExtractError(f"kon niet als Word-document worden gelezen ({type(err).__name__}).", file=name,
                           hint="Sla het bestand opnieuw op als .docx of exporteer het als PDF.") from err
    numbering = _Numbering(doc)
    lines: list[Line] = []
    page = 1
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            # Merged cells repeat in python-docx; drop exact neighbours so a row reads once.
            rows = [[c for k, c in enumerate(r) if k == 0 or c != r[k - 1]] for r in rows]
            lines.append(Line(text="", page=page, table=rows, para_end=True))
            continue
        page += _page_breaks(block)
        text = re.sub(r"\s+", " ", block.text).strip()
        if not text:
            if lines:
                lines[-1].para_end = True
            continue
        label = numbering.label(block)
        if label:
            text = f"{label} {text}"
        bold, size = _bold_and_size(block)
        lines.append(Line(text=text, page=page, size=size, bold=bold, heading_level=_style_level(block),
                          para_end=True))
    core = doc.core_properties
    return ReadResult(format="docx", extractor=EXTRACTOR, lines=lines, page_count=page,
                      title=(core.title or "").strip(),
                      meta={k: v for k, v in (("author", core.author), ("subject", core.subject)) if v})
