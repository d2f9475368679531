"""Official regulation XML (BWB "toestand", CVDR) → passages straight from the elements.

The structure is explicit, so no recognition is needed: every ``<artikel>`` becomes an
article (label from ``<kop>/<nr>``, title from ``<kop>/<titel>``), every ``<lid>`` a lid
(label from ``<lidnr>``), every ``<li>`` in a ``<lijst>`` an onderdeel (label from
``<li.nr>`` without the closing dot) and a ``<li>`` in a nested list a subonderdeel.
``<hoofdstuk>``, ``<titeldeel>`` and ``<afdeling>``/``<paragraaf>`` give the outer path
levels. Vervallen and not-yet-in-force articles are kept (their text says so, and
``Document.meta["artikel_status"]`` lists them) so article counts match the source.

Element names are matched without namespace, which covers both the BWB toestand schema
and the CVDR schema (same vocabulary: ``regeling-tekst``, ``artikel``, ``lid``, ``al``).
``<meta-data>`` and other bookkeeping elements are skipped.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from extract.document import Passage
from extract.errors import ExtractError
from extract.formats import ReadResult
from extract.structure import OutlineEntry, clean

EXTRACTOR = "xml-bwb-cvdr/1"

SKIP = {"meta-data", "meta", "jcis", "jci", "brondata", "kenmerk", "redactionele-correcties", "bwb-wijzigingen",
        "bwb-inputbestand", "plaatje", "illustratie", "colspec", "opmerkingen-inhoud", "notes"}
SECTION = {"hoofdstuk": "hoofdstuk", "titeldeel": "hoofdstuk", "boek": "hoofdstuk",
           "afdeling": "paragraaf", "paragraaf": "paragraaf", "sub-paragraaf": "paragraaf"}


def _local(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _text(el: Any) -> str:
    """All text under ``el`` except bookkeeping elements, whitespace-normalised."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        name = _local(e)
        if name in SKIP or not name:
            if e.tail:
                parts.append(e.tail)
            return
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
        if e.tail and e is not el:
            parts.append(e.tail)

    walk(el)
    # Inline elements (intref, extref, nadruk) leave a space before punctuation: "wet ;" → "wet;".
    return re.sub(r"\s+([,;.:)])", r"\1", clean(" ".join(parts)))


def _child(el: Any, name: str) -> Any | None:
    for c in el:
        if _local(c) == name:
            return c
    return None


def _kop(el: Any) -> tuple[str, str, str]:
    """(label, nr, titel) of an element's ``<kop>``."""
    kop = _child(el, "kop")
    if kop is None:
        return "", "", ""
    label = _child(kop, "label")
    nr = _child(kop, "nr")
    titel = _child(kop, "titel")
    return (_text(label) if label is not None else "", _text(nr) if nr is not None else "",
            _text(titel) if titel is not None else "")


class _Walker:
    def __init__(self) -> None:
        self.passages: list[Passage] = []
        self.status: dict[str, str] = {}
        self.outline: list[OutlineEntry] = []

    def emit(self, text: str, path: tuple[tuple[str, str], ...], heading: str, part: str,
             block: str = "text") -> None:
        if text:
            self.passages.append(Passage(id="", seq=0, text=text, page_start=1, page_end=1, path=path,
                                         heading=heading, part=part, block=block))

    def table(self, el: Any, path: tuple[tuple[str, str], ...], heading: str, part: str) -> None:
        rows = []
        for row in el.iter():
            if _local(row) == "row":
                cells = [_text(c) for c in row if _local(c) == "entry"]
                if any(cells):
                    rows.append(" | ".join(cells))
        self.emit("\n".join(rows), path, heading, part, block="table")

    def lijst(self, el: Any, path: tuple[tuple[str, str], ...], heading: str, part: str, depth: int) -> None:
        level = "onderdeel" if depth == 0 else "subonderdeel"
        for n, li in enumerate((c for c in el if _local(c) == "li"), start=1):
            nr_el = _child(li, "li.nr")
            label = _text(nr_el) if nr_el is not None else (li.get("nr") or "")  # CVDR: <li nr="a.">
            label = label.rstrip(".)").strip() or str(n)
            if label in ("-", "•", "—", "–"):
                label = str(n)  # unnumbered (dash) lists: position in the list
            sub_path = path + ((level, label),) if depth < 2 else path
            self.content(li, sub_path, heading, part, depth + 1, skip={"li.nr"})

    def content(self, el: Any, path: tuple[tuple[str, str], ...], heading: str, part: str, depth: int,
                skip: set[str] | None = None) -> None:
        """Paragraph text of ``el`` as one passage per run of ``<al>``; lists and tables split it."""
        buf: list[str] = []

        def flush() -> None:
            if buf:
                self.emit(clean(" ".join(buf)), path, heading, part)
                buf.clear()

        for c in el:
            name = _local(c)
            if not name or name in SKIP or (skip and name in skip):
                continue
            if name == "lijst":
                flush()
                self.lijst(c, path, heading, part, depth)
            elif name in ("table", "tgroup", "tabel"):
                flush()
                self.table(c, path, heading, part)
            elif name in ("kop", "lidnr"):
                continue
            else:
                t = _text(c)
                if t:
                    buf.append(t)
        flush()

    def artikel(self, el: Any, base: tuple[tuple[str, str], ...], part: str) -> None:
        label_word, nr, titel = _kop(el)
        nr = nr or (el.get("label", "").replace("Artikel", "").strip())
        heading = clean(f"{label_word or 'Artikel'} {nr} {titel}")
        status = el.get("status", "")
        if status and status != "goed":
            self.status[nr] = status
        path = base + (("artikel", nr),)
        self.outline.append(OutlineEntry(path, heading, 1, part))
        leden = [c for c in el if _local(c) == "lid"]
        if not leden:
            before = len(self.passages)
            self.content(el, path, heading, part, 0)
            if len(self.passages) == before:  # keep every article visible, even an empty one
                self.emit(f"[{status or 'leeg'}]", path, heading, part)
            return
        # Text outside the leden (rare) stays at article level, in document order.
        for c in el:
            name = _local(c)
            if name == "lid":
                nr_el = _child(c, "lidnr")
                lid = (_text(nr_el) if nr_el is not None else "").rstrip(".").strip() or str(leden.index(c) + 1)
                lid_path = path + (("lid", lid),)
                before = len(self.passages)
                self.content(c, lid_path, heading, part, 0)
                if len(self.passages) == before:
                    self.emit(f"[{c.get('status') or 'leeg'}]", lid_path, heading, part)
            elif name == "lijst":
                self.lijst(c, path, heading, part, 0)
            elif name == "al":
                self.emit(_text(c), path, heading, part)

    def walk(self, el: Any, base: tuple[tuple[str, str], ...], part: str) -> None:
        for c in el:
            name = _local(c)
            if not name or name in SKIP:
                continue
            if name == "artikel":
                self.artikel(c, base, part)
            elif name in SECTION:
                nr = _kop(c)[1] or "?"
                if SECTION[name] == "hoofdstuk":
                    new_base: tuple[tuple[str, str], ...] = (("hoofdstuk", nr),)
                else:  # a paragraaf/afdeling keeps the hoofdstuk above it and replaces a sibling level
                    new_base = tuple(s for s in base if s[0] == "hoofdstuk") + (("paragraaf", nr),)
                label_word, _, titel = _kop(c)
                self.outline.append(OutlineEntry(new_base, clean(f"{label_word or name.capitalize()} {nr} {titel}"),
                                                 1, part))
                self.walk(c, new_base, part)
            elif name in ("aanhef", "considerans", "afkondiging", "wij", "intitule", "citeertitel"):
                if name in ("intitule", "citeertitel"):
                    continue
                for al in c.iter():
                    if _local(al) in ("al", "considerans.al", "wij", "afkondiging") and not len(
                            [x for x in al if _local(x) in ("al", "considerans.al")]):
                        self.emit(_text(al), (), "", "aanhef")
            elif name in ("bijlage", "bijlagen"):
                self.walk_text(c, "bijlage")
            elif name in ("wetsluiting", "slotformulering", "ondertekening", "nota-toelichting", "toelichting"):
                self.walk_text(c, "toelichting" if "toelichting" in name else "")
            else:
                self.walk(c, base, part)

    def walk_text(self, el: Any, part: str) -> None:
        for al in el.iter():
            if _local(al) in ("al", "titel") and _text(al):
                self.emit(_text(al), (), "", part)


def read_xml(data: bytes, name: str = "") -> ReadResult:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=False)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise ExtractError(f"is geen geldig XML-bestand ({err.msg}).", file=name,
                           hint="Controleer of het bestand volledig is gedownload.") from err
    if not any(_local(e) == "artikel" for e in root.iter()):
        raise ExtractError("is een XML-bestand zonder artikelen; alleen regelingen in BWB- of CVDR-XML "
                           "worden ondersteund.", file=name,
                           hint="Gebruik de PDF- of tekstversie van het document.")
    walker = _Walker()
    walker.walk(root, (), "dispositief")
    meta: dict[str, Any] = {}
    for key in ("bwb-id", "inwerkingtreding"):
        if root.get(key):
            meta[key] = root.get(key)
    if walker.status:
        meta["artikel_status"] = walker.status
    meta["outline"] = [entry.to_dict() for entry in walker.outline]
    def first(*names: str) -> Any | None:
        return next((e for e in root.iter() if _local(e) in names and _text(e)), None)

    # BWB: <citeertitel>/<intitule>; CVDR: Dublin Core metadata (dcterms:title, creator, issued).
    # (lxml elements without children are falsy, so no "or"-chaining here.)
    title_el = next((e for e in (first(n) for n in ("citeertitel", "officiele-titel", "title", "intitule"))
                     if e is not None), None)
    title = _text(title_el) if title_el is not None else ""
    year = None
    intitule = first("intitule")
    if intitule is not None:
        m = re.search(r"\b(?:19|20)\d{2}\b", _text(intitule))
        year = int(m.group(0)) if m else None
    dated = first("issued", "inwerkingtredingDatum", "modified")
    if year is None and dated is not None and re.match(r"(?:19|20)\d{2}", _text(dated)):
        year = int(_text(dated)[:4])
    if year is None and meta.get("inwerkingtreding"):
        year = int(str(meta["inwerkingtreding"])[:4])
    body = ""
    creator = first("creator")
    if _local(root) == "toestand" or root.get("bwb-id"):
        body = "Rijk"
    elif creator is not None:
        scheme = " ".join(str(v) for v in creator.attrib.values()).lower()
        name = _text(creator)
        if "gemeente" in scheme and not name.lower().startswith("gemeente"):
            body = f"Gemeente {name}"
        elif "provincie" in scheme and not name.lower().startswith("provincie"):
            body = f"Provincie {name}"
        else:
            body = name
    return ReadResult(format="xml", extractor=EXTRACTOR, lines=[], page_count=1, title=title, meta=meta,
                      passages=walker.passages, kind="regeling", body=body, year=year)
