"""HTML → a Document: CVDR pages (lokaleregelgeving.overheid.nl) structurally, other pages as text lines.

A saved CVDR page renders the CVDR XML of a regulation with its structure still in the markup::

    div.regeling
      div.aanhef                      p / ul.list-custom (bulleted considerans)
      div.regeling-tekst
        section > h2.docHoofdstuk     "Hoofdstuk 1: Algemene bepalingen"
          section > h3.docArtikel     "Artikel 1 – Begrippen"  (sometimes wrapped in div.artikel > container)
            p                         article text; or "1. …" paragraphs = leden
            ul.list-custom > li       span.list-custom__itembullet "a." + p  = onderdeel
            ul.list-custom > li > p.lid.labeled (bullet "1." inside the p) [+ ul onderdelen, p]  = lid
      section#regeling-sluiting       slotformulering / ondertekening
      section#nota-toelichting        h2.docToelichting + the explanatory notes
    div#noten > div.noot              footnotes, referenced by a.cvdr-nootnum

:func:`read_html` translates that markup into the CVDR XML vocabulary (``artikel``/``kop``/``lid``/
``lidnr``/``lijst``/``li nr=``/``al``) and hands it to the CVDR XML reader's walker, so passage paths,
headings ("Artikel 4 Taken"), parts and the outline follow exactly the conventions of
:mod:`extract.formats.xml`. The toelichting gets ``part="toelichting"`` and the ondertekening
``part=""``, as in the XML reader; footnotes are appended to the toelichting ("Noot 1: …"), so
neither counts as normative text (:meth:`Document.dispositief`).

Any other HTML (or a CVDR page without articles) is read generically: navigation, header, footer,
scripts and screen-reader-only text are dropped, and every block element becomes a
:class:`~extract.lines.Line` (h1–h6 with their heading level, ``li`` with a bullet or its number,
tables as table lines) for the normal structure recogniser, as for Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from extract.errors import ExtractError
from extract.formats import ReadResult, decode_text
from extract.formats.xml import _Walker
from extract.lines import Line
from extract.structure import _is_next_lid, _next_letter, clean

EXTRACTOR_CVDR = "html-cvdr/1"
EXTRACTOR_GENERIC = "html/1"

# Never text: scripts, styles, form controls, embedded media.
DROP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "form", "iframe", "object",
                       "canvas", "select", "input", "textarea", "head", "title", "meta", "link"})
# Page chrome around the content (generic reading only).
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
# Inline elements whose text is not part of the sentence: list bullets (read as labels), footnote
# reference numbers, screen-reader-only text, table-of-contents-only headings.
SKIP_CLASSES = ("itembullet", "cvdr-nootnum", "visually-hidden", "sr-only", "screen-reader", "nonvisual", "toc-only")
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "table",
                        "tr", "td", "th", "blockquote", "pre", "address", "figure", "figcaption", "container",
                        "br", "hr", *HEADING_TAGS})
# CVDR heading classes (h2.docHoofdstuk, h3.docArtikel, …), lower-cased.
DOC_HEADINGS = frozenset({"docartikel", "dochoofdstuk", "doctitel", "doctiteldeel", "docafdeling", "docparagraaf"})
BULLET_GLYPHS = frozenset({"•", "-", "–", "—", "·", "▪", "◦", "*", "o", "●", ""})

_ARTIKEL = re.compile(r"^(Artikel)\s+([0-9]+[a-zA-Z]*(?:[.:][0-9]+[a-zA-Z]*)*|[IVXLC]+|[A-Z])\.?"
                      r"(?:\s*[–—:-]\s*|\s+|$)(.*)$", re.I)
_SECTION = re.compile(r"^(Hoofdstuk|Titeldeel|Titel|Afdeling|Paragraaf|§)\s*"
                      r"([0-9]+[a-zA-Z]*(?:\.[0-9]+[a-zA-Z]*)*|[IVXLC]+|[A-Z])\.?(?:\s*[–—:.-]\s*|\s+|$)(.*)$", re.I)
_SECTION_ELEMENT = {"hoofdstuk": "hoofdstuk", "titeldeel": "hoofdstuk", "titel": "hoofdstuk",
                    "afdeling": "afdeling", "paragraaf": "paragraaf", "§": "paragraaf"}
_LID_P = re.compile(r"^(\d+[a-z]?)[.)]\s+(\S.*)$")
_OND_P = re.compile(r"^([a-z]{1,2})[.)]\s+(\S.*)$")
_LABEL_ONLY = re.compile(r"[•·▪◦●*–-]?\s*(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])?")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


# --------------------------------------------------------------------------- decoding and text
def _decode(data: bytes) -> str:
    """Text of the page: BOM, then the declared charset, then UTF-8, then Windows-1252."""
    m = _CHARSET.search(data[:4096])
    return decode_text(data, (m.group(1).decode("ascii").lower(),) if m else ())


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _classes(el: Any) -> list[str]:
    return (el.get("class") or "").split()


def _skipped(el: Any) -> bool:
    """True for elements whose text is never sentence text."""
    tag = _tag(el)
    if not tag or tag in DROP_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return any(s in c for c in _classes(el) for s in SKIP_CLASSES)


def _tidy(text: str) -> str:
    """Single spaces; no space before punctuation left by inline markup ("wet <a>1</a>;" → "wet;")."""
    return re.sub(r"\s+([,;.:)])", r"\1", clean(text))


def _raw(el: Any, exclude: frozenset[str] = frozenset()) -> str:
    """The text of ``el`` (not its tail) without bullets, footnote numbers, hidden text or ``exclude`` tags."""
    parts: list[str] = []

    def walk(e: Any, top: bool) -> None:
        tag = _tag(e)
        if not top and (_skipped(e) or tag in exclude):
            if e.tail:
                parts.append(e.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append(" ")
        if e.text:
            parts.append(e.text)
        for c in e:
            walk(c, False)
        if block:
            parts.append(" ")
        if not top and e.tail:
            parts.append(e.tail)

    walk(el, True)
    return "".join(parts)


def _inline(el: Any, exclude: frozenset[str] = frozenset()) -> str:
    """The whitespace-normalised text of ``el`` without bullets, footnote numbers or hidden text."""
    return _tidy(_raw(el, exclude))


def _bullet(li: Any) -> str:
    """The label a CVDR list item shows ("a.", "1.", "•"), from its bullet span; "" when it has none."""
    for e in li.iter():
        if e is not li and _tag(e) in ("ul", "ol"):
            break  # a nested list's bullets belong to the nested items
        if any("itembullet" in c for c in _classes(e)):
            return clean(e.text_content())
    return ""


def _heading_level(el: Any) -> int:
    return HEADING_TAGS.get(_tag(el), 0)


# --------------------------------------------------------------------------- CVDR → CVDR XML vocabulary
def _blocks(el: Any) -> Iterator[Any]:
    """Block elements under ``el`` in document order; wrappers (section, div, container) are opened."""
    for c in el:
        tag = _tag(c)
        if not tag or _skipped(c):
            continue
        if tag in HEADING_TAGS or tag in ("p", "ul", "ol", "table", "dl", "pre", "blockquote"):
            yield c
        elif any(_tag(d) in BLOCK_TAGS for d in c.iterdescendants()):
            yield from _blocks(c)
        elif _inline(c):
            yield c  # a leaf wrapper with text (a div without paragraphs) reads as a paragraph


def _kind_of_heading(el: Any) -> tuple[str, tuple[str, str, str]] | None:
    """("artikel" | "hoofdstuk" | "afdeling" | "paragraaf", (label word, nr, titel)) for a structural heading."""
    classes = " ".join(_classes(el)).lower()
    if not (_heading_level(el) or DOC_HEADINGS & set(classes.split())):
        return None
    text = _inline(el)
    m = _ARTIKEL.match(text)
    if m and ("docartikel" in classes or _heading_level(el)):
        return "artikel", (m.group(1).capitalize(), m.group(2), clean(m.group(3)))
    m = _SECTION.match(text)
    if m:
        word = m.group(1).lower()
        label = "Paragraaf" if word == "§" else m.group(1).capitalize()
        return _SECTION_ELEMENT[word], (label, m.group(2), clean(m.group(3)))
    if "dochoofdstuk" in classes:
        return "hoofdstuk", ("Hoofdstuk", "?", text)
    if "docparagraaf" in classes or "docafdeling" in classes:
        return "paragraaf", ("Paragraaf", "?", text)
    return None


def _sub(parent: Any, tag: str, text: str = "", **attrib: str) -> Any:
    el = etree.SubElement(parent, tag, **attrib)
    if text:
        el.text = text
    return el


def _kop(parent: Any, label: str, nr: str, titel: str) -> None:
    kop = _sub(parent, "kop")
    _sub(kop, "label", label)
    _sub(kop, "nr", nr)
    _sub(kop, "titel", titel)


def _table(parent: Any, table: Any) -> None:
    tabel = _sub(parent, "tabel")
    for tr in table.iter("tr"):
        row = _sub(tabel, "row")
        for cell in tr:
            if _tag(cell) in ("td", "th"):
                _sub(row, "entry", _inline(cell))


def _is_leden_list(ul: Any) -> bool:
    """A CVDR list whose items are leden: their text sits in ``p.lid``."""
    return any("lid" in _classes(p) for li in ul if _tag(li) == "li" for p in li if _tag(p) == "p")


def _lijst(parent: Any, ul: Any) -> None:
    lijst = _sub(parent, "lijst")
    for n, li in enumerate((c for c in ul if _tag(c) == "li"), start=1):
        label = _bullet(li)
        if not label and _tag(ul) == "ol":
            label = f"{n}."
        item = _sub(lijst, "li", nr=label or "•")
        _fill(item, li)


def _fill(parent: Any, el: Any) -> None:
    """The content of a lid or list item: paragraphs (``al``), nested lists and tables, in order.

    Inline content between block children (text straight in the ``li``, emphasis, links) is one ``al``."""
    run: list[str] = [el.text or ""]

    def flush() -> None:
        text = _tidy("".join(run))
        run.clear()
        if text:
            _sub(parent, "al", text)

    for c in el:
        tag = _tag(c)
        if tag in ("ul", "ol"):
            flush()
            _lijst(parent, c)
        elif tag == "table":
            flush()
            _table(parent, c)
        elif tag in BLOCK_TAGS and not _skipped(c):
            flush()
            if any(_tag(d) in BLOCK_TAGS for d in c.iterdescendants()):
                _fill(parent, c)
            else:
                run.append(_raw(c))
                flush()
        elif tag and not _skipped(c):
            run.append(_raw(c))
        run.append(c.tail or "")
    flush()


class _Article:
    """Builds one ``<artikel>`` from the blocks after its heading."""

    def __init__(self, parent: Any, kop: tuple[str, str, str]) -> None:
        self.el = _sub(parent, "artikel")
        _kop(self.el, *kop)
        self.lid: Any | None = None  # the lid that flat "1. …" paragraphs opened
        self.lid_label: str | None = None
        self.ond_label: str | None = None  # last flat "a. …" paragraph in the current lid/article

    def target(self) -> Any:
        return self.lid if self.lid is not None else self.el

    def add(self, block: Any) -> None:
        tag = _tag(block)
        if tag in ("ul", "ol"):
            if _is_leden_list(block):
                for li in (c for c in block if _tag(c) == "li"):
                    lid = _sub(self.el, "lid")
                    _sub(lid, "lidnr", _bullet(li))
                    _fill(lid, li)
                    self.lid_label = _bullet(li).rstrip(".)") or self.lid_label
                self.lid = None  # text after a list of leden belongs to the article
            else:
                _lijst(self.target(), block)
            self.ond_label = None
            return
        if tag == "table":
            _table(self.target(), block)
            return
        text = _inline(block)
        if not text:
            return
        bullet = _bullet(block)
        if "lid" in _classes(block) or (bullet and re.fullmatch(r"\d+[a-z]?[.)]?", bullet)):
            self._open_lid(bullet.rstrip(".)") or str(len(self.el.findall("lid")) + 1), text)
            return
        m = _LID_P.match(text)
        if m and _is_next_lid(m.group(1), self.lid_label):
            self._open_lid(m.group(1), m.group(2))
            return
        m = _OND_P.match(text)
        if m and m.group(1) == _next_letter(self.ond_label):
            target = self.target()
            last = target[-1] if len(target) else None
            lijst = last if last is not None and last.tag == "lijst" else _sub(target, "lijst")
            item = _sub(lijst, "li", nr=m.group(1))
            _sub(item, "al", m.group(2))
            self.ond_label = m.group(1)
            return
        _sub(self.target(), "al", text)

    def _open_lid(self, label: str, text: str) -> None:
        self.lid = _sub(self.el, "lid")
        _sub(self.lid, "lidnr", label)
        _sub(self.lid, "al", text)
        self.lid_label = label
        self.ond_label = None


def _regeling_tekst(root: Any, el: Any) -> None:
    tekst = _sub(root, "regeling-tekst")
    container: Any = tekst
    hoofdstuk: Any | None = None
    article: _Article | None = None
    for block in _blocks(el):
        found = _kind_of_heading(block)
        if found is None:
            if article is not None:
                article.add(block)
            # Text between a section heading and its first article has no place in the CVDR XML
            # vocabulary either (the XML reader skips it too).
            continue
        kind, kop = found
        if kind == "artikel":
            article = _Article(container, kop)
            continue
        article = None
        if kind == "hoofdstuk":
            hoofdstuk = container = _sub(tekst, "hoofdstuk")
        else:
            container = _sub(hoofdstuk if hoofdstuk is not None else tekst, kind)
        _kop(container, *kop)


def _flat(parent: Any, el: Any) -> None:
    """Every block of ``el`` as one ``al`` (aanhef, ondertekening, toelichting, bijlage).

    List items keep a numbering bullet ("1.4 Deelnemers"); bullet glyphs are dropped. Table rows
    become one ``al`` each (cells joined by " | ")."""
    for block in _blocks(el):
        tag = _tag(block)
        if tag in ("ul", "ol"):
            for li in block.iter("li"):
                text = _inline(li, exclude=frozenset({"ul", "ol"}))  # nested items come on their own
                bullet = _bullet(li)
                if text:
                    _sub(parent, "al", text if bullet in BULLET_GLYPHS else f"{bullet} {text}")
        elif tag == "table":
            for tr in block.iter("tr"):
                row = " | ".join(_inline(c) for c in tr if _tag(c) in ("td", "th"))
                if row.strip(" |"):
                    _sub(parent, "al", row)
        else:
            text = _inline(block)
            if text:
                _sub(parent, "al", text)


def _section_role(el: Any) -> str | None:
    """Which part of a CVDR regeling an element of ``div.regeling`` holds; None = a wrapper, look inside."""
    classes = {c.lower() for c in _classes(el)}
    ident = (el.get("id") or "").lower()
    if "aanhef" in classes:
        return "aanhef"
    if "regeling-tekst" in classes:
        return "regeling-tekst"
    if "toelichting" in ident or any("toelichting" in c for c in classes):
        return "toelichting"
    if ident.startswith("bijlage") or any("bijlage" in c for c in classes):
        return "bijlage"
    if ident == "regeling-sluiting" or classes & {"cvdr-regeling-sluiting", "slotformulering", "ondertekening"}:
        return "ondertekening"
    if any({"aanhef", "regeling-tekst"} & set(_classes(d)) for d in el.iterdescendants()):
        return None
    # A section known by its heading only: h2.docToelichting, h2.docBijlage.
    heading_classes = {c.lower() for d in el.iterdescendants() if _heading_level(d) for c in _classes(d)}
    if "doctoelichting" in heading_classes:
        return "toelichting"
    if "docbijlage" in heading_classes:
        return "bijlage"
    return ""


def _cvdr_tree(regeling: Any, notes: list[str]) -> Any:
    """``div.regeling`` → an element tree in the CVDR XML vocabulary."""
    root = etree.Element("regeling")
    seen_tekst = False
    toelichting: Any | None = None

    def visit(el: Any) -> None:
        nonlocal seen_tekst, toelichting
        for c in el:
            if not _tag(c) or _skipped(c):
                continue
            role = _section_role(c)
            if role is None:
                visit(c)
            elif role == "regeling-tekst":
                _regeling_tekst(root, c)
                seen_tekst = True
            elif role == "toelichting":
                toelichting = _sub(root, "nota-toelichting")
                _flat(toelichting, c)
            elif role in ("aanhef", "bijlage", "ondertekening"):
                _flat(_sub(root, role), c)
            elif _inline(c):  # loose text: before the articles it is aanhef, after them ondertekening
                _flat(_sub(root, "ondertekening" if seen_tekst else "aanhef"), c)

    visit(regeling)
    if notes:
        target = toelichting if toelichting is not None else _sub(root, "nota-toelichting")
        for text in notes:
            _sub(target, "al", text)
    return root


def _footnotes(tree: Any) -> list[str]:
    """CVDR footnotes ("Noot 1: MvT, …") in document order."""
    out = []
    for n, note in enumerate((e for e in tree.iter() if "noot" in _classes(e)), start=1):
        num = next((clean(e.text_content()) for e in note.iter() if "voetnootnum" in _classes(e)), "") or str(n)
        text = clean(" ".join(_inline(p) for p in note.iter("p")))
        if text:
            out.append(f"Noot {num}: {text}")
    return out


# --------------------------------------------------------------------------- metadata
def _meta(tree: Any, name: str) -> tuple[str, str]:
    """(content, scheme) of ``<meta name=…>`` (case-insensitive name), ("", "") when absent."""
    for m in tree.iter("meta"):
        if (m.get("name") or "").lower() == name.lower() and (m.get("content") or "").strip():
            return clean(m.get("content")), m.get("scheme") or ""
    return "", ""


def _title(tree: Any, *, cvdr: bool) -> str:
    """DCTERMS.title; else on a CVDR page its h1, elsewhere the page ``<title>`` (without " | site")."""
    title, _ = _meta(tree, "DCTERMS.title")
    if title:
        return title
    h1 = next((h for h in tree.iter("h1") if _inline(h)), None)
    if cvdr and h1 is not None:
        return _inline(h1)
    el = tree.find(".//title")
    return clean(el.text_content()).split(" | ")[0].strip() if el is not None else ""


def _body(tree: Any) -> str:
    """The issuer from ``DCTERMS.creator``, as the CVDR XML reader names it ("Gemeente Almere")."""
    creator, scheme = _meta(tree, "DCTERMS.creator")
    scheme = scheme.lower()
    if creator and "gemeente" in scheme and not creator.lower().startswith("gemeente"):
        return f"Gemeente {creator}"
    if creator and "provincie" in scheme and not creator.lower().startswith("provincie"):
        return f"Provincie {creator}"
    return creator


def _year(tree: Any, title: str, root: Any) -> int | None:
    """Year in the title, else the issue date, else the year the ondertekening names, else the last change."""
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    issued, _ = _meta(tree, "DCTERMS.issued")
    if _YEAR.match(issued):
        return int(issued[:4])
    for el in root.iter("ondertekening"):
        years = _YEAR.findall(" ".join(al.text or "" for al in el.iter("al")))
        if years:
            return int(years[-1])
    modified, _ = _meta(tree, "DCTERMS.modified")
    return int(modified[:4]) if _YEAR.match(modified) else None


# --------------------------------------------------------------------------- generic reading
def _lines(el: Any, *, chrome: bool) -> list[Line]:
    """Block elements → Lines (one paragraph each); headings keep their level, tables become table lines."""
    out: list[Line] = []
    buf: list[str] = []

    label_open = False  # out[-1] is a lone bullet or item number waiting for the block it labels

    def flush(level: int = 0, *, end: bool = True) -> None:
        """Close the text gathered so far as a Line; ``end=False`` (a <br>) keeps the paragraph open."""
        nonlocal label_open
        text = _tidy("".join(buf))
        buf.clear()
        if not text:
            if end and out and not label_open:
                out[-1].para_end = True
            return
        if label_open:
            # "•" + "3" + "Opening.": the list glyph would hide the item number from the recogniser.
            out[-1].text = re.sub(r"^[•·▪◦●]\s+(?=\d)", "", f"{out[-1].text} {text}")
            out[-1].heading_level = out[-1].heading_level or level
        else:
            out.append(Line(text=text, page=1, heading_level=level))
        # A block holding only a bullet or an item number ("•", "3", "4.") opens the next block's
        # paragraph, as in agendas that put the number and the title in separate elements.
        label_open = _LABEL_ONLY.fullmatch(out[-1].text) is not None
        out[-1].para_end = end and not label_open

    def walk(e: Any, ordinal: str = "") -> None:
        tag = _tag(e)
        if _skipped(e) or (not chrome and tag in CHROME_TAGS):
            if e.tail:
                buf.append(e.tail)
            return
        if tag == "table":
            flush()
            rows = [[_inline(c) for c in tr if _tag(c) in ("td", "th")] for tr in e.iter("tr")]
            rows = [r for r in rows if any(r)]
            if rows:
                out.append(Line(text="", page=1, table=rows, para_end=True))
        elif tag in HEADING_TAGS:
            flush()
            buf.append(_inline(e))
            flush(HEADING_TAGS[tag])
        else:
            block = tag in BLOCK_TAGS
            if tag == "br":
                flush(end=False)
            elif block:
                flush()
            if ordinal:
                buf.append(ordinal + " ")
            if e.text:
                buf.append(e.text)
            if tag in ("ul", "ol"):
                items = [c for c in e if _tag(c) == "li"]
                start = int(e.get("start")) if (e.get("start") or "").isdigit() else 1
                for c in e:
                    if c in items and tag == "ol":
                        walk(c, _ordinal(start + items.index(c), e.get("type") or "1"))
                    else:
                        walk(c, "•" if c in items else "")
            else:
                for c in e:
                    walk(c)
            if block and tag != "br":
                flush()
        if e.tail:
            buf.append(e.tail)

    walk(el)
    flush()
    return out


def _ordinal(n: int, kind: str) -> str:
    if kind == "a" and n <= 26:
        return f"{chr(ord('a') + n - 1)}."
    if kind == "A" and n <= 26:
        return f"{chr(ord('A') + n - 1)}."
    return f"{n}."


def _content_root(tree: Any) -> Any:
    """The page's main content when it marks one (main, article, role=main, #content), else the body."""
    for xpath in ("//main", "//*[@role='main']", "//article", "//*[@id='content']"):
        found = tree.xpath(xpath)
        if len(found) == 1 and _inline(found[0]):
            return found[0]
    body = tree.find(".//body")
    return body if body is not None else tree


# --------------------------------------------------------------------------- entry point
def read_html(data: bytes, name: str = "") -> ReadResult:
    """Read an HTML page: a CVDR regulation page structurally, anything else as text lines."""
    text = _decode(data)
    # lxml refuses str input that carries an XML encoding declaration (saved XHTML).
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as err:
        raise _empty(name) from err

    regeling = next((el for el in tree.iter() if "regeling" in _classes(el)
                     and any("regeling-tekst" in _classes(d) for d in el.iterdescendants())), None)
    title = _title(tree, cvdr=regeling is not None)
    if regeling is not None:
        root = _cvdr_tree(regeling, _footnotes(tree))
        walker = _Walker()
        walker.walk(root, (), "dispositief")
        if any(p.artikel for p in walker.passages):
            meta: dict[str, Any] = {"outline": [entry.to_dict() for entry in walker.outline]}
            ident, _ = _meta(tree, "DCTERMS.identifier")
            if ident:
                meta["cvdr-id"] = ident
            if walker.status:
                meta["artikel_status"] = walker.status
            return ReadResult(format="html", extractor=EXTRACTOR_CVDR, lines=[], page_count=1, title=title,
                              meta=meta, passages=walker.passages, kind="regeling", body=_body(tree),
                              year=_year(tree, title, root))
    # Generic page (or a CVDR page without articles: a beleidsregel in plain paragraphs).
    scope = regeling if regeling is not None else _content_root(tree)
    lines = _lines(scope, chrome=False) or _lines(scope, chrome=True)
    if not lines and scope is not tree:
        lines = _lines(tree, chrome=True)
    if not lines:
        raise _empty(name)
    return ReadResult(format="html", extractor=EXTRACTOR_GENERIC, lines=lines, page_count=1,
                      title=title, body=_body(tree))


def _empty(name: str) -> ExtractError:
    return ExtractError("is een HTML-pagina zonder tekst.", file=name,
                        hint="Sla de pagina opnieuw op als volledige webpagina, of gebruik de PDF-versie.")
