"""Structure recognition: cleaned :class:`~extract.lines.Line` objects → :class:`Passage` list.

One entry point, :func:`build_passages`, with one recogniser per document kind:

* ``regeling``: hoofdstuk / paragraaf (afdeling) / artikel / lid / onderdeel / subonderdeel,
  with the aanhef, toelichting and bijlagen kept apart (``Passage.part``). A passage is one
  lid; when a lid enumerates onderdelen, its intro ("…, te weten:") is one passage and every
  onderdeel (and subonderdeel) its own passage whose path ends in that onderdeel.
* ``akkoord`` / ``overig``: headings (explicit levels, numbering, or font size / weight
  relative to the body text) and paragraphs, long paragraphs cut at sentence ends.
* ``agenda``: numbered agenda items (and sub-items) and, in a besluitenlijst, the decisions
  under them (``("besluit", n)``; a "Voorgesteld wordt:" proposal in a meeting bundle counts
  as one). In a bundle, everything after the closing item ("Sluiting") is ``part="bijlage"``.

Besides the passages, every recognised heading can be collected in an outline
(:class:`OutlineEntry`; ``parse_file`` stores it as ``Document.meta["outline"]``).

Numbers are only accepted in sequence (lid 3 after lid 2, onderdeel c after b, agendapunt
5 after 4): that one rule removes most false hits from running text and nested lists.
Tables (``Line.table``) become ``block="table"`` passages with one row per text line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extract.document import Passage, renumber
from extract.lines import Line

MAX_WORDS = 250  # agreement/report passages are cut at a sentence end past this length
# A besluit that attaches a regeling has only a few articles of its own (usually 2-4).
MAX_BESLUIT_ARTICLES = 5

_WS = re.compile(r"\s+")
_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u25e6\u2013\u2014\uf0b7\uf0a7\uf02d*•·▪o-]\s+")
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")


_HYPHEN_END = re.compile(r"[a-zà-ÿ]-$")


# --------------------------------------------------------------------------- helpers
@lru_cache(maxsize=1 << 14)
def clean(text: str) -> str:
    """Single spaces, no soft hyphens or zero-width characters.

    Cached: the recognisers look at each line several times (lookahead for titles, inline
    splits, the main loop)."""
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return _WS.sub(" ", text).strip()


def join_lines(parts: Iterable[str]) -> str:
    """Join the lines of one passage; repair a word hyphenated at a line end ("Koninkrijks-" + "relaties")."""
    out = ""
    for raw in parts:
        t = clean(raw)
        if not t:
            continue
        if not out:
            out = t
        elif out.endswith("-") and _HYPHEN_END.search(out, len(out) - 2) and t[:1].islower():
            out = out[:-1] + t
        else:
            out = f"{out} {t}"
    return out


def table_text(rows: Sequence[Sequence[str]]) -> str:
    """Row-wise text: cells joined by " | ", one row per line, empty rows dropped."""
    lines = []
    for row in rows:
        cells = [clean(c or "") for c in row]
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def slug(text: str, max_len: int = 48) -> str:
    s = re.sub(r"[^0-9a-zà-ÿ]+", "-", clean(text).lower()).strip("-")
    return s[:max_len].rstrip("-") or "sectie"


def split_long(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Cut ``text`` into chunks of at most ~max_words words, at sentence boundaries when possible."""
    if len(text.split()) <= max_words:
        return [text]
    chunks: list[str] = []
    cur: list[str] = []
    n = 0
    for sent in _SENT_END.split(text):
        w = len(sent.split())
        if cur and n + w > max_words:
            chunks.append(" ".join(cur))
            cur, n = [], 0
        if w > max_words:  # one enormous "sentence" (a long enumeration): cut at word boundaries
            words = sent.split()
            for i in range(0, len(words), max_words):
                chunks.append(" ".join(words[i:i + max_words]))
            continue
        cur.append(sent)
        n += w
    if cur:
        chunks.append(" ".join(cur))
    return chunks


def _words(text: str) -> int:
    return len(text.split())


def body_size(lines: Sequence[Line]) -> float:
    """The body text font size: the median size over text lines, weighted by their length."""
    weights: dict[float, int] = {}  # size -> number of entries (a line of n chars counts n // 10, 1..20)
    for ln in lines:
        if ln.table is None and ln.size > 0:
            size = round(ln.size, 1)
            weights[size] = weights.get(size, 0) + max(1, min(20, len(ln.text) // 10))
    return weighted_median(weights) if weights else 0.0


def weighted_median(weights: dict[float, int]) -> float:
    """``statistics.median`` of a list holding each value ``weights[value]`` times."""
    n = sum(weights.values())
    lo, hi = (n - 1) // 2, n // 2  # the middle one or two positions (0-based)
    seen = 0
    a = b = 0.0
    for value in sorted(weights):
        nxt = seen + weights[value]
        if seen <= lo < nxt:
            a = value
        if seen <= hi < nxt:
            b = value
            break
        seen = nxt
    return a if n % 2 else (a + b) / 2


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "!", "?"))


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One heading of the document (chapter, article, section, agenda item): a table of contents.

    Passages only carry their nearest heading; the outline keeps every heading, also those
    directly followed by a deeper one ("1. Democratische rechtsorde" → "Media").
    """

    path: tuple[tuple[str, str], ...]
    heading: str
    page: int
    part: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"path": [list(s) for s in self.path], "heading": self.heading, "page": self.page, "part": self.part}


@dataclass(slots=True)
class _Builder:
    """Accumulates lines into passages; ``flush`` closes the current one."""

    passages: list[Passage] = field(default_factory=list)
    outline: list[OutlineEntry] = field(default_factory=list)
    buf: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    path: tuple[tuple[str, str], ...] = ()
    heading: str = ""
    part: str = ""

    def start(self, path: tuple[tuple[str, str], ...], heading: str, part: str) -> None:
        self.flush()
        self.path, self.heading, self.part = path, heading, part

    def mark(self, path: tuple[tuple[str, str], ...], heading: str, page: int, part: str = "") -> None:
        if heading:
            self.outline.append(OutlineEntry(path, heading, page, part))

    def add(self, text: str, page: int) -> None:
        self.buf.append(text)
        self.pages.append(page)

    def flush(self, max_words: int | None = None) -> None:
        text = join_lines(self.buf)
        if text:
            chunks = split_long(text, max_words) if max_words else [text]
            for chunk in chunks:
                self.passages.append(Passage(
                    id="", seq=0, text=chunk, page_start=min(self.pages), page_end=max(self.pages),
                    path=self.path, heading=self.heading, part=self.part))
        self.buf, self.pages = [], []

    def table(self, line: Line) -> None:
        self.flush()
        text = table_text(line.table or [])
        if text:
            self.passages.append(Passage(
                id="", seq=0, text=text, page_start=line.page, page_end=line.page,
                path=self.path, heading=self.heading, block="table", part=self.part))


# --------------------------------------------------------------------------- regeling
_ARTIKEL = re.compile(
    r"^(?:Artikel|ARTIKEL|Art\.)\s+((?:[A-Z]{1,2}\s?)?\d+(?:[.:]\d+)*[a-z]{0,3}|[IVXLC]+[a-z]?)"
    r"(?![\w.]\d)\s*[.:]?\s*(?:[-–—:]\s*)?(.*)$")
_HOOFDSTUK = re.compile(r"^(?:Hoofdstuk|HOOFDSTUK)\s+([0-9]+[A-Za-z]?|[IVXLC]+[a-z]?)\b\.?\s*(?:[-–—:]\s*)?(.*)$")
_PARAGRAAF = re.compile(
    r"^(?:Paragraaf|PARAGRAAF|§|Afdeling|AFDELING|Titel(?=\s+\d)|TITEL(?=\s+\d))\s*([0-9]+(?:\.[0-9]+)*[a-z]?|[IVXLC]+[a-z]?)\b\.?\s*"
    r"(?:[-–—:]\s*)?(.*)$")
# "2. Het bestuur …"; also a bare "3." that a PDF line break left at the end of the previous line.
_LID = re.compile(r"^(\d{1,2}[a-z]?)(?:(\.|\))\s*$|(\.|\))?\s+(\S.*)$)")
_ONDERDEEL = re.compile(r"^([a-z]{1,2}|[ivx]{1,4})[.)]\s*(\S.*)$")
_SUBONDERDEEL = re.compile(r"^(\d{1,2}°)\.?\s*(\S.*)$")
_TOELICHTING = re.compile(
    r"^(?:algemene |artikelsgewijze |artikelgewijze |memorie van |nota van )?toelichting\b", re.I)
_BIJLAGE = re.compile(r"^(?:[Bb]ijlage|BIJLAGE)(?:\s+([0-9]+[a-z]?|[IVXLC]+|[A-Z]))?\b[.:]?")
_SLOT = re.compile(r"^(?:Lasten en bevelen|Gegeven te|Aldus (?:besloten|vastgesteld))\b")
# The placement formula that closes a regulation ("Deze regeling zal met de toelichting in de Staatscourant
# worden geplaatst."): after it come the signatures and the toelichting, which are not part of the dispositief.
_PLACEMENT = re.compile(r"Deze (?:regeling|verordening|wijzigingsregeling|gemeenschappelijke regeling)\b[^.]{0,160}?"
                        r"\b(?:Staatscourant|Provinciaal [Bb]lad|Gemeenteblad|Waterschapsblad|[Pp]ublicatieblad)\b"
                        r"[^.]{0,80}?\bgeplaatst\.")
# "Toelichting bij de Regeling RHC Drents Archief": a long toelichting heading (only as a heading line).
_TOELICHTING_BIJ = re.compile(r"^toelichting (?:bij|op) (?:de|het)\b", re.I)
_REF_START = re.compile(r"^(?:van|en|of|tot|lid|leden|eerste|tweede|derde|vierde|vijfde|onder|,|bedoeld|is|wordt|"
                        r"zijn|worden|aanhef|juncto|jo\.)\b", re.I)
# Inline onderdelen ("… verstaan onder: a. de minister: …; b. de provincie: …") are split apart.
_INLINE_ONDERDEEL = re.compile(r"(?<=[:;])\s*(?=([a-z])[.)]\s?\S)")


def _next_letter(label: str | None) -> str:
    if not label:
        return "a"
    if len(label) == 1 and label < "z":
        return chr(ord(label) + 1)
    if label == "z":
        return "aa"
    if len(label) == 2 and label[0] == label[1] and label[0] < "z":
        c = chr(ord(label[0]) + 1)
        return c + c
    return ""


def _lid_value(label: str) -> tuple[int, str]:
    m = re.match(r"(\d+)([a-z]?)", label)
    return (int(m.group(1)), m.group(2)) if m else (0, "")


def _is_next_lid(label: str, current: str | None) -> bool:
    n, suffix = _lid_value(label)
    if current is None:
        return n == 1 and not suffix
    cn, csuffix = _lid_value(current)
    if suffix:  # "2a" after "2" or "2a" → "2b"
        return n == cn and (not csuffix and suffix == "a" or csuffix and suffix == _next_letter(csuffix))
    return n == cn + 1


def split_inline_onderdelen(text: str) -> list[str]:
    """Split "…onder: a. x; b. y; c. z" into its parts when the letters run a, b, c, …"""
    cuts = [(m.start(), m.group(1)) for m in _INLINE_ONDERDEEL.finditer(text)]
    accepted: list[int] = []
    expect = "a"
    for pos, letter in cuts:
        if letter == expect:
            accepted.append(pos)
            expect = _next_letter(letter)
    if len(accepted) < 2:
        return [text]
    out, prev = [], 0
    for pos in accepted:
        out.append(text[prev:pos])
        prev = pos
    out.append(text[prev:])
    return [clean(p) for p in out if clean(p)]


def _lid_punct(m: re.Match[str]) -> str:
    return m.group(2) or m.group(3) or ""


def _lid_text(m: re.Match[str]) -> str:
    return m.group(4) or ""


_INLINE_LID = re.compile(r"(?<=[.;:\"”’)])\s*(?=(\d{1,2})\.(?:\s*[A-Z]|\s*$))")
_DIGIT_DOT = re.compile(r"\d\.")  # cheap pre-check: every inline lid number is one


def _split_inline_leden(text: str, current: str | None) -> list[str]:
    """Split "… uit. 5. De minister …; 6. …" at lid numbers that continue the article's sequence."""
    m = _LID.match(text)
    cur = m.group(1) if m and _lid_punct(m) and _is_next_lid(m.group(1), current) else current
    cuts = []
    for c in _INLINE_LID.finditer(text) if _DIGIT_DOT.search(text) else ():
        if _is_next_lid(c.group(1), cur):
            cuts.append(c.start())
            cur = c.group(1)
    if not cuts:
        return [text]
    out, prev = [], 0
    for pos in cuts:
        out.append(text[prev:pos])
        prev = pos
    out.append(text[prev:])
    return [clean(t) for t in out if clean(t)]


# "Artikel 21 komt te luiden:", "wordt een artikel ingevoegd, luidende:": quoted articles follow.
_AMENDING = re.compile(r"(?:luiden|luidende|ingevoegd|toegevoegd|vervangen door|als volgt gewijzigd)\s*:\s*$", re.I)


_DEFINITIONS_INTRO = re.compile(r"\bverstaan (?:onder|als)\s*:\s*$", re.I)
_DEFINITION = re.compile(r"^([^\W\d][\w'’ -]{1,58}?)\s*:\s+\S")


def _continues_articles(label: str, current: str) -> bool:
    """While quoting, only a heading that continues the outer numbering (128 after 127) is real."""
    a, b = re.match(r"\d*", label).group(0), re.match(r"\d*", current).group(0)
    if not a or not b:
        return False
    return 0 < int(a) - int(b) <= 2


def _heading_like(line: Line, prev: Line | None, body: float) -> bool:
    """Layout says this line starts something: a heading style, bold/larger type, or a paragraph start."""
    if line.heading_level or line.bold or (body and line.size >= body * 1.08):
        return True
    if prev is None or prev.para_end or prev.heading_level or prev.table is not None:
        return True
    return _ends_sentence(prev.text) or prev.bold


def _part_heading(line: Line, text: str, prev: Line | None, body: float) -> bool:
    """"Toelichting" / "Bijlage 2" as a heading, not a sentence ("Bijlage 2 bevat de tarieven.")."""
    if text.endswith((",", ";")) or not _heading_like(line, prev, body):
        return False
    emphasised = line.heading_level > 0 or line.bold or text.isupper() or (body > 0 and line.size >= body * 1.08)
    return emphasised or not text.endswith(".") or _words(text) <= 2


def _artikel_heading(line: Line, prev: Line | None, body: float) -> tuple[str, str] | None:
    """("5a", "Taken") when the line is an article heading, None for a reference in running text."""
    text = clean(line.text)
    m = _ARTIKEL.match(text)
    if not m:
        return None
    label, rest = m.group(1).replace(" ", " "), m.group(2).strip()
    if _words(text) > 16 or (rest and (rest[0].islower() or _REF_START.match(rest))):
        return None
    if rest and rest[0] in ",;(":
        return None
    if not _heading_like(line, prev, body):
        return None
    return label, rest.rstrip(".").strip()


def _short_title(line: Line) -> bool:
    """A line that can be the title of the article heading above it."""
    t = clean(line.text)
    if not t or line.table is not None or _words(t) > 12:
        return False
    if _LID.match(t) or _ONDERDEEL.match(t) or _ARTIKEL.match(t) or _HOOFDSTUK.match(t) or _PARAGRAAF.match(t):
        return False
    if _TOELICHTING.match(t) or _BIJLAGE.match(t):
        return False
    if t.endswith((".", ";", ",", ":")):
        return False
    if line.heading_level or line.bold:
        return True
    return line.para_end and t[:1].isupper()


def _regeling(lines: Sequence[Line]) -> _Builder:
    body = body_size(lines)
    b = _Builder(part="aanhef")
    hoofdstuk: tuple[str, str] | None = None  # (label, heading)
    paragraaf: tuple[str, str] | None = None
    artikel: str | None = None
    art_heading = ""
    lid: str | None = None
    onderdeel: str | None = None
    sub: str | None = None
    part = "aanhef"
    seen_articles: set[str] = set()
    section_since_article = False
    quoting = False  # inside text quoted by an amending provision
    definitions = False  # after "… wordt verstaan onder:" in the current article
    ond_x0 = 0.0  # left edge of the current onderdeel's first line (PDF indentation)
    prev: Line | None = None

    def base() -> tuple[tuple[str, str], ...]:
        p: list[tuple[str, str]] = []
        if hoofdstuk:
            p.append(("hoofdstuk", hoofdstuk[0]))
        if paragraaf:
            p.append(("paragraaf", paragraaf[0]))
        return tuple(p)

    def art_path() -> tuple[tuple[str, str], ...]:
        p = list(base())
        if artikel is not None:
            p.append(("artikel", artikel))
        if lid is not None:
            p.append(("lid", lid))
        if onderdeel is not None:
            p.append(("onderdeel", onderdeel))
        if sub is not None:
            p.append(("subonderdeel", sub))
        return tuple(p)

    def section_heading() -> str:
        if paragraaf:
            return paragraaf[1]
        return hoofdstuk[1] if hoofdstuk else ""

    # Expand inline enumerations first so each onderdeel starts its own line.
    expanded: list[Line] = []
    for ln in lines:
        m_pl = _PLACEMENT.search(clean(ln.text)) if ln.table is None else None
        if m_pl and (m_pl.start() > 0 or m_pl.end() < len(clean(ln.text))):
            # Formula and signatures on one line with article text: give the formula its own line.
            t = clean(ln.text)
            pieces = [x for x in (t[:m_pl.start()].strip(), t[m_pl.start():m_pl.end()], t[m_pl.end():].strip()) if x]
            for k, ptxt in enumerate(pieces):
                expanded.append(Line(text=ptxt, page=ln.page, size=ln.size, bold=ln.bold, x0=ln.x0, top=ln.top,
                                     para_end=ln.para_end if k == len(pieces) - 1 else True))
            continue
        if ln.table is None and ":" in ln.text:
            parts = split_inline_onderdelen(clean(ln.text))
            if len(parts) > 1:
                for i, ptxt in enumerate(parts):
                    expanded.append(Line(text=ptxt, page=ln.page, size=ln.size, bold=ln.bold, x0=ln.x0,
                                         top=ln.top, para_end=ln.para_end if i == len(parts) - 1 else True))
                continue
        expanded.append(ln)

    i = 0
    n = len(expanded)
    while i < n:
        ln = expanded[i]
        nxt = expanded[i + 1] if i + 1 < n else None
        text = clean(ln.text)
        if ln.table is not None:
            b.table(ln)
            prev = ln
            i += 1
            continue
        if not text:
            i += 1
            continue
        short = _words(text) <= 6

        # Part switches: toelichting, bijlage, slotformulering.
        long_toelichting = _TOELICHTING_BIJ.match(text) and _words(text) <= 14 and (ln.heading_level or ln.bold)
        new_part = None
        if (short or long_toelichting) and _TOELICHTING.match(text) and _part_heading(ln, text, prev, body):
            new_part = "toelichting"
        elif short and _BIJLAGE.match(text) and _part_heading(ln, text, prev, body) and part != "aanhef":
            new_part = "bijlage"
        if new_part:
            part = new_part
            hoofdstuk = paragraaf = None
            artikel, lid, onderdeel, sub = None, None, None, None
            b.start((), text, part)
            b.mark((), text, ln.page, part)
            prev = ln
            i += 1
            continue
        placement = part == "dispositief" and _PLACEMENT.match(text) and artikel is not None and b.buf
        if placement or part == "dispositief" and _SLOT.match(text) and _heading_like(ln, prev, body):
            part = ""
            hoofdstuk = paragraaf = None
            artikel, lid, onderdeel, sub = None, None, None, None
            b.start((), "", "")
            b.add(text, ln.page)
            prev = ln
            i += 1
            continue

        m_h = _HOOFDSTUK.match(text)
        m_p = _PARAGRAAF.match(text)
        if (m_h or m_p) and _words(text) <= 14 and _heading_like(ln, prev, body) and part != "bijlage":
            m = m_h or m_p
            assert m is not None
            title = m.group(2).strip()
            label = m.group(1)
            # Titles continue on following heading-style lines (markdown "####Titel", bold, capitals).
            j = i + 1
            while j < n and _words(title) < 20:
                t2 = clean(expanded[j].text)
                if not t2 or expanded[j].table is not None:
                    break
                if _ARTIKEL.match(t2) or _HOOFDSTUK.match(t2) or _PARAGRAAF.match(t2):
                    break
                if expanded[j].heading_level or expanded[j].bold or (t2.isupper() and _words(t2) <= 10):
                    title = f"{title} {t2}".strip()
                    j += 1
                    continue
                break
            heading = clean(f"{'Hoofdstuk' if m_h else text.split()[0].capitalize()} {label} {title}")
            if part not in ("toelichting",):
                part = "dispositief"
            section_since_article = True
            if m_h:
                hoofdstuk, paragraaf = (label, heading), None
            else:
                paragraaf = (label, heading)
            artikel, lid, onderdeel, sub = None, None, None, None
            b.start(base(), section_heading(), part)
            b.mark(base(), heading, ln.page, part)
            prev = expanded[j - 1]
            i = j
            continue

        art = _artikel_heading(ln, prev, body)
        if art is not None and quoting and artikel is not None and not _continues_articles(art[0], artikel):
            art = None  # an article quoted in an amending provision ("Artikel 21 komt te luiden:")
        if art is not None:
            quoting = False
            label, title = art
            j = i + 1
            if not title and nxt is not None and nxt.table is None and _short_title(nxt):
                title = clean(nxt.text)
                j = i + 2
            if part == "aanhef":
                part = "dispositief"
            restart = label in seen_articles or (part == "bijlage" and label in ("1", "I"))
            if restart and 0 < len(seen_articles) <= MAX_BESLUIT_ARTICLES and part in ("dispositief", "bijlage"):
                # Numbering restarts after a short besluit: the regeling itself is attached (common
                # for GRs, also under a "Bijlage" heading). The besluit's articles become the aanhef
                # and the attached regeling is the dispositief.
                b.flush()
                for p in b.passages:
                    if p.part == "dispositief":
                        p.part = "aanhef"
                b.outline = [replace(e, part="aanhef") if e.part == "dispositief" else e for e in b.outline]
                seen_articles.clear()
                part = "dispositief"
                if not section_since_article:
                    hoofdstuk = paragraaf = None
            elif restart and part == "dispositief":
                part = "bijlage"  # a second numbering in a long text: an attached regulation
            if part == "dispositief":
                seen_articles.add(label)
            artikel, lid, onderdeel, sub = label, None, None, None
            section_since_article = False
            definitions, ond_x0 = False, 0.0
            art_heading = clean(f"Artikel {label} {title}")
            b.start(art_path(), art_heading, part)
            b.mark(art_path(), art_heading, ln.page, part)
            prev = expanded[j - 1]
            i = j
            continue

        if artikel is not None and part in ("dispositief", "bijlage"):
            pieces = _split_inline_leden(text, lid)
            if len(pieces) > 1:
                # "… mede uit. 5. De minister …" on one line: each lid becomes its own line.
                expanded[i:i + 1] = [Line(text=t, page=ln.page, size=ln.size, bold=ln.bold, x0=ln.x0, top=ln.top,
                                          para_end=ln.para_end if k == len(pieces) - 1 else True)
                                     for k, t in enumerate(pieces)]
                n = len(expanded)
                continue
            m_lid = _LID.match(text)
            m_ond = _ONDERDEEL.match(text)
            m_sub = _SUBONDERDEEL.match(text)
            if (m_lid and _lid_punct(m_lid) and onderdeel is not None and ond_x0 > 0 and ln.x0 > ond_x0 + 4
                    and (prev is None or ln.x0 >= prev.x0 - 1 or prev.para_end)):
                # "1." indented under an onderdeel is a subonderdeel, not the next lid.
                sub = m_lid.group(1)
                b.start(art_path(), art_heading, part)
                b.add(_lid_text(m_lid), ln.page)
                prev, i = ln, i + 1
                continue
            if m_lid and not m_sub and _is_next_lid(m_lid.group(1), lid) and (
                    _lid_punct(m_lid) or _heading_like(ln, prev, body)):
                lid, onderdeel, sub = m_lid.group(1), None, None
                b.start(art_path(), art_heading, part)
                b.add(_lid_text(m_lid), ln.page)  # the number lives in the path
                prev, i = ln, i + 1
                continue
            if m_ond and m_ond.group(1) == _next_letter(onderdeel) and _heading_like(ln, prev, body):
                onderdeel, sub = m_ond.group(1), None
                ond_x0 = ln.x0
                definitions = False
                b.start(art_path(), art_heading, part)
                b.add(m_ond.group(2), ln.page)
                prev, i = ln, i + 1
                continue
            m_def = _DEFINITION.match(text) if definitions else None
            if (definitions and m_def and prev is not None and prev.para_end and not m_ond
                    and (onderdeel is None or len(onderdeel) > 2)):  # not after lettered onderdelen
                # Unlettered definitions ("bestuursorgaan: …") after "wordt verstaan onder:".
                onderdeel, sub = clean(m_def.group(1)).lower()[:60], None
                b.start(art_path(), art_heading, part)
                b.add(text, ln.page)
                prev, i = ln, i + 1
                continue
            if m_sub and onderdeel is not None:
                sub = m_sub.group(1)
                b.start(art_path(), art_heading, part)
                b.add(m_sub.group(2), ln.page)
                prev, i = ln, i + 1
                continue

        # both patterns end in a colon; the search itself tries every position of the line
        if text.endswith(":") and _AMENDING.search(text):
            quoting = True
        if artikel is not None and text.endswith(":") and _DEFINITIONS_INTRO.search(text):
            definitions = True
        # In the aanhef, toelichting and bijlagen each paragraph is its own passage; in an
        # article a lid or onderdeel runs on until the next one.
        if part != "dispositief" and b.buf and prev is not None and prev.para_end:
            b.start(b.path, b.heading, part)
        b.add(text, ln.page)
        prev = ln
        i += 1
    b.flush()
    return b


# --------------------------------------------------------------------------- akkoord / overig
_NUM_HEADING = re.compile(r"^((?:\d{1,2}\.)*\d{1,2})\.?\s+(\S.{0,120})$")


def _is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def _heading_rank(ln: Line, text: str, prev: Line | None, body: float) -> float | None:
    """None for body text; otherwise a nesting rank (lower = outer).

    Explicit levels (Markdown, DOCX styles) rank by level. With font information, larger
    type is outer and a bold line in body size is just inside that size; numbering depth
    breaks ties. Without layout, only a short numbered line standing alone is a heading.
    """
    if _words(text) > 18 or _is_bullet(text) or len(re.findall(r"[A-Za-zÀ-ÿ]", text)) < 2:
        return None
    if len(re.findall(r"\b\d[\d.,%-]*\b", text)) > 3:  # a row of figures, not a heading
        return None
    num = _NUM_HEADING.match(text)
    depth = num.group(1).count(".") if num else 0
    if ln.heading_level:
        return float(ln.heading_level) + depth * 0.01
    terminal = text.endswith((".", ",", ";", ":")) and not re.fullmatch(r"[\d.]+", text)
    if body > 0 and ln.size > 0:
        size = round(ln.size * 2) / 2
        if ln.size >= body * 1.12 and _words(text) <= 15 and (
                not text.endswith((",", ";")) or ln.size >= body * 1.5):
            return -size + depth * 0.01
        if ln.bold and _words(text) <= 12 and not terminal and (
                prev is None or prev.para_end or prev.bold or _ends_sentence(prev.text)):
            return -size + 0.5 + depth * 0.01
        return None
    if num and ln.para_end and _words(text) <= 10 and not terminal and num.group(2)[:1].isupper():
        return 10.0 + depth
    return None


def _section_path(stack: Sequence[tuple[float, str, str]]) -> tuple[tuple[str, str], ...]:
    """("sectie", label) per open heading; a number that its child's number repeats is dropped:
    "2.3" under "2" gives (("sectie", "2.3"),), "Media" under "1." gives (("sectie", "1"), ("sectie", "media"))."""
    labels = [lab for _, lab, _ in stack]
    kept = [lab for k, lab in enumerate(labels)
            if not any(other.startswith(lab + ".") for other in labels[k + 1:])]
    return tuple(("sectie", lab) for lab in kept)


def _sections(lines: Sequence[Line], max_words: int = MAX_WORDS) -> _Builder:
    body = body_size(lines)
    texts = [clean(ln.text) if ln.table is None else "" for ln in lines]
    ranks: list[float | None] = []
    for k, ln in enumerate(lines):
        ranks.append(_heading_rank(ln, texts[k], lines[k - 1] if k else None, body) if texts[k] else None)
    # Leading headings that are outer to every later heading are the document title
    # (cover page), not a section that would wrap the whole document.
    first_body = next((k for k, ln in enumerate(lines) if texts[k] and ranks[k] is None), len(lines))
    later = [r for r in ranks[first_body:] if r is not None]
    leading = [ranks[k] for k in range(first_body) if ranks[k] is not None]
    bound = min(later) if later else (min(leading) + 0.001 if leading else 0.0)
    title_lines = {k for k in range(first_body) if ranks[k] is not None and ranks[k] < bound}
    # A cover page (nothing in body size on the first page) is title material as a whole.
    if body > 0 and lines:
        first_page = [k for k, ln in enumerate(lines) if ln.page == lines[0].page and texts[k]]
        if first_page and all(lines[k].size >= body * 1.12 for k in first_page):
            title_lines |= set(first_page)
    # Table of contents: the entries under an "Inhoud(sopgave)" heading on its page are not headings.
    toc_page = None
    for k, ln in enumerate(lines):
        if ranks[k] is not None and re.fullmatch(r"(?i)inhoud(?:sopgave|stafel)?", texts[k]):
            toc_page = ln.page
        elif toc_page is not None and ln.page == toc_page:
            ranks[k] = None

    b = _Builder()
    stack: list[tuple[float, str, str]] = []  # (rank, label, heading)
    prev: Line | None = None
    for k, ln in enumerate(lines):
        text = texts[k]
        if ln.table is not None:
            b.table(ln)
            prev = ln
            continue
        if not text:
            continue
        rank = ranks[k]
        if k in title_lines:
            if prev is not None and not prev.para_end and b.buf:
                b.add(text, ln.page)
            else:
                b.start((), "", "")
                b.add(text, ln.page)
            prev = ln
            continue
        if rank is not None:
            # A heading wrapped over two lines of the same style is one heading.
            if (prev is not None and not b.buf and stack and k - 1 >= 0 and ranks[k - 1] == rank
                    and not prev.para_end and abs(prev.size - ln.size) < 0.5 and stack[-1][2].endswith(texts[k - 1])):
                r, label, head = stack[-1]
                head = f"{head} {text}"
                if not _NUM_HEADING.match(head):
                    label = slug(head)
                stack[-1] = (r, label, head)
                b.start(_section_path(stack), head, "")
                if b.outline:
                    b.outline[-1] = OutlineEntry(b.path, head, b.outline[-1].page)
                prev = ln
                continue
            b.flush(max_words)
            num = _NUM_HEADING.match(text)
            label = num.group(1) if num else slug(text)
            # Pop deeper and equal headings; a numbered heading also closes an unnumbered one in the same style.
            while stack and (stack[-1][0] >= rank or (num and not _NUM_HEADING.match(stack[-1][2])
                                                      and abs(stack[-1][0] - rank) < 0.1)):
                stack.pop()
            stack.append((rank, label, text))
            b.start(_section_path(stack), text, "")
            b.mark(b.path, text, ln.page)
            prev = ln
            continue
        new_par = _is_bullet(text) or (prev is not None and (prev.para_end or prev.table is not None))
        if new_par and b.buf:
            b.flush(max_words)
        if _is_bullet(text):
            text = _BULLET.sub("", text)
        b.add(text, ln.page)
        prev = ln
    b.flush(max_words)
    return b


# --------------------------------------------------------------------------- agenda
_ITEM = re.compile(r"^(?:(?:agenda)?punt\s+)?(\d{1,2})([a-z]|\.\d{1,2}[a-z]?)?[.)]?\s+(\S.*)$", re.I)
_DECISION = re.compile(
    r"^(?:(?:De|Het)\s+(?:raad|gemeenteraad|college|commissie|algemeen bestuur|dagelijks bestuur|"
    r"vergadering)\b.{0,60}\bbe(?:sluit|sloten|sluiten)\b.*|Besluit(?:en)?\b.*|Besloten\b.*|"
    r"(?:Voorgesteld wordt|Voorstel|Beslispunten|Ontwerpbesluit)\s*:.*)$", re.I)


def _is_next_item(major: int, minor: str, cur: tuple[int, str] | None) -> bool:
    """Agenda numbers only move forward: 4 → 5 (or 6: one item may be missing), 4 → 4a → 4b, 4 → 4.1 → 4.2."""
    if cur is None:
        return major <= 3
    cmaj, cmin = cur
    if not minor:
        return cmaj < major <= cmaj + 2
    if minor.startswith("."):
        sub = int(re.sub(r"\D", "", minor) or 0)
        if major == cmaj:
            csub = int(re.sub(r"\D", "", cmin) or 0) if cmin.startswith(".") else 0
            return sub == csub + 1
        return cmaj < major <= cmaj + 2 and sub == 1
    if major == cmaj:
        return minor == _next_letter(cmin if cmin and not cmin.startswith(".") else None)
    return cmaj < major <= cmaj + 2 and minor == "a"


def _agenda(lines: Sequence[Line]) -> _Builder:
    body = body_size(lines)

    def emphasised(ln: Line) -> bool:
        return ln.bold or ln.heading_level > 0 or (body > 0 and ln.size >= body * 1.12)

    has_layout = body > 0 and any(emphasised(ln) for ln in lines)
    b = _Builder()
    cur: tuple[int, str] | None = None
    closed_page = 0  # page of the closing item ("Sluiting"); later pages are attachments
    item_label = ""
    item_heading = ""
    decision = 0
    prev: Line | None = None
    in_list = False  # inside a decision: a numbered list under "…besluit:" has no agenda items
    decision_lines = 0
    list_last = 0
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        text = clean(ln.text)
        if ln.table is not None:
            b.table(ln)
            prev, i = ln, i + 1
            continue
        if not text:
            i += 1
            continue
        if closed_page and ln.page > closed_page and b.part != "bijlage":
            # Everything after the agenda proper (a meeting bundle) is attachments.
            b.start((), "", "bijlage")
        m = _ITEM.match(text)
        accepted = False
        if m and _words(text) <= 40 and not closed_page:
            major, minor = int(m.group(1)), (m.group(2) or "").lower()
            ok = _is_next_item(major, minor, cur)
            if ok and has_layout:
                # Sub-items ("1.1 Vaststellen agenda") are often set in body type under an emphasised item.
                ok = emphasised(ln) or (bool(minor) and cur is not None and major == cur[0] and _words(text) <= 15
                                        and not in_list)
            elif ok:
                starts_par = prev is None or prev.para_end or prev.heading_level > 0 or _ends_sentence(prev.text)
                after_colon = prev is not None and clean(prev.text).endswith(":")
                continues_list = in_list and not minor and major == list_last + 1
                ok = (starts_par or ln.heading_level > 0) and not after_colon and not continues_list
            accepted = ok
        if accepted and m is not None:
            major, minor = int(m.group(1)), (m.group(2) or "").lower()
            cur = (major, minor)
            item_label = f"{major}{minor}"
            title = m.group(3).strip()
            j = i + 1
            # The title runs on over following bold lines (with layout) or until it ends with a full stop.
            while j < n and not title.endswith((".", ":")) and _words(title) < 40:
                nl = lines[j]
                t2 = clean(nl.text)
                if not t2 or nl.table is not None or _ITEM.match(t2) and (nl.bold or not has_layout):
                    break
                if has_layout and not (emphasised(nl) and nl.bold == ln.bold and abs(nl.size - ln.size) < 0.5):
                    break
                if not has_layout and (ln.para_end or lines[j - 1].para_end):
                    break
                title = f"{title} {t2}"
                j += 1
            title = join_lines([title]).rstrip(".").strip()
            item_heading = f"{item_label}. {title}"
            if re.search(r"\bsluiting\b", title, re.I):
                closed_page = ln.page
            decision = 0
            in_list = False
            b.start((("agendapunt", item_label),), item_heading, "")
            b.mark(b.path, item_heading, ln.page)
            b.add(title, ln.page)
            b.flush()
            b.start((("agendapunt", item_label),), item_heading, "")
            prev, i = lines[j - 1], j
            continue
        if cur is not None and b.part != "bijlage" and _DECISION.match(text) and _words(text) <= 40:
            decision += 1
            b.start((("agendapunt", item_label), ("besluit", str(decision))), item_heading, "")
            b.add(text, ln.page)
            in_list = True
            decision_lines = 0
            list_last = 0
            prev, i = ln, i + 1
            continue
        if (in_list and decision_lines and prev is not None and prev.para_end
                and not re.match(r"^(\d+|[a-zA-Z])[.)]\s", text)):
            # A new paragraph after the decision text (e.g. who voted against) closes the decision.
            in_list = False
            b.start((("agendapunt", item_label),), item_heading, "")
        elif in_list:
            decision_lines += 1
            m_num = re.match(r"^(\d+)[.)]\s", text)
            if m_num:
                list_last = int(m_num.group(1))
        elif b.buf and prev is not None and prev.para_end and not in_list:
            b.start(b.path, b.heading, b.part)
        b.add(text, ln.page)
        prev, i = ln, i + 1
    b.flush()
    return b


# --------------------------------------------------------------------------- entry point
def build_passages(doc_id: str, lines: Sequence[Line], kind: str,
                   outline: list[OutlineEntry] | None = None) -> list[Passage]:
    """Recognise the structure of ``lines`` for a document of ``kind``; passages get stable ids.

    When ``outline`` is given, every recognised heading is appended to it (in document order).
    """
    if kind == "regeling":
        b = _regeling(lines)
    elif kind == "agenda":
        b = _agenda(lines)
    else:
        b = _sections(lines)
    if outline is not None:
        outline.extend(b.outline)
    return renumber(doc_id, b.passages)
