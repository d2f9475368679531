"""Text cleaning over a whole document's lines (pdf-bench §2.4, steps 4-6).

* running headers/footers and page numbers removed by digit-normalised repetition at the
  page edges;
* end-of-line hyphenation repaired with a lexicon (wordfreq Dutch + the document's own
  vocabulary), keeping real hyphens ("Hardinxveld-Giessendam", "ruimtelijk-economisch");
* ligature artefacts repaired ("profi teren" → "profiteren") when the joined form is a
  known word and one part is not;
* U+FB00-FB06, U+00AD, NBSP and pdfium's U+0002 normalised.

Repetition and vocabulary are document-wide, so the decisions run in the main process
after all pages are read. Everything page-local runs in the page workers first
(:func:`prepare_page`): text normalisation, the position/text signature of each page's
edge lines, page-number matching and the page's vocabulary. The main process then only
compares small signatures and unions word sets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from extract.lines import Line, PageLines
from extract.settings import ExtractSettings

_LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u00ad": None, "\x02": "-", "\u00a0": " ", "\u200b": None,
    # private-use bullets from Symbol/Wingdings fonts
    "\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "\uf02d": "-",
})
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_LIGATURES)).strip()


# -- lexicon -----------------------------------------------------------------------------

# zipf >= 1.0: the word occurs in wordfreq's Dutch data at all (e.g. "woningbouwprogramma"
# 1.03); >= 3.0: a common word on its own (fragments such as "profi" 2.2, "effi" 1.9 and
# "schappelijke" 2.0 stay below it; "ruimtelijk" 3.3 and "economisch" 4.4 pass).
KNOWN_ZIPF = 1.0
WORD_ZIPF = 3.0


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


@dataclass
class Lexicon:
    """wordfreq's Dutch list plus the words this document uses elsewhere."""

    doc_words: Collection[str] = field(default_factory=set)  # lower-case; only membership counts

    def known(self, word: str) -> bool:
        w = word.lower()
        return w in self.doc_words or _zipf(w) >= KNOWN_ZIPF

    def is_word(self, word: str) -> bool:
        """A common word on its own (stricter than :meth:`known`). wordfreq only: the
        document's own vocabulary contains the very fragments being repaired ("profi")."""
        return _zipf(word.lower()) >= WORD_ZIPF


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def line_words(lines: Iterable[Line]) -> set[str]:
    """Vocabulary of text lines (lower-case), leaving out the fragments at line ends and starts."""
    out: set[str] = set()
    findall = _WORD.findall
    for line in lines:
        if line.table is not None:
            continue
        words = findall(line.text)
        if len(words) <= 2:
            continue
        for w in words[1:-1]:  # first/last may be hyphenation fragments
            w = w.lower()
            if "-" in w:
                out.update(w.split("-"))
            out.add(w)
    return out


def build_lexicon(lines: list[Line]) -> Lexicon:
    """Document vocabulary, leaving out the fragments at line ends and starts."""
    return Lexicon(line_words(lines))


# -- running headers / footers -----------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:pagina|blz\.?|p\.|page)?\s*\d{1,4}(?:\s*(?:van|/|of)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _key(line: Line, height: float) -> tuple[int, str]:
    band = int(line.top / max(height, 1.0) * 24)  # ~35 pt bands on A4
    return band, _DIGITS.sub("#", line.text.lower()).strip()


@dataclass(slots=True)
class PagePrep:
    """Page-local cleaning results (:func:`prepare_page`, run in the page workers): what the
    document-wide steps need from a page, so the main process only compares signatures."""

    # (line index, (position band, digit-normalised text), looks like a page number) of the
    # page's edge lines, in the order remove_running has always visited them
    edges: list[tuple[int, tuple[int, str], bool]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)  # vocabulary of the non-edge text lines
    edge_words: dict[int, set[str]] = field(default_factory=dict)  # vocabulary per edge line
    dropped: set[int] = field(default_factory=set)  # edge lines remove_running dropped


def prepare_page(p: PageLines, s: ExtractSettings) -> PagePrep:
    """Normalise the page's text and compute its :class:`PagePrep` (stored as ``p.prep``).

    Idempotent text-wise; call it again whenever ``p.lines`` is replaced (OCR)."""
    for ln in p.lines:
        if ln.table is not None:
            ln.table = [[normalize(c) for c in row] for row in ln.table]
            ln.text = "\n".join(" | ".join(r) for r in ln.table)
        else:
            ln.text = normalize(ln.text)
    p.lines = lines = [ln for ln in p.lines if ln.text or ln.table is not None]
    prep = PagePrep()
    idx = _edge_indexes(p, s.edge_lines)
    height = p.height
    for i in idx:  # set order: the order of the original whole-document loop
        ln = lines[i]
        prep.edges.append((i, _key(ln, height), ln.table is None and _PAGE_NUMBER.match(ln.text) is not None))
    if s.dehyphenate or s.repair_ligatures:
        prep.words = line_words(ln for i, ln in enumerate(lines) if i not in idx)
        prep.edge_words = {i: line_words((lines[i],)) for i in idx}
    p.prep = prep
    return prep


def remove_running(pages: list[PageLines], s: ExtractSettings) -> int:
    """Drop repeating edge lines and page numbers; returns how many lines were removed."""
    for p in pages:
        if p.prep is None:
            prepare_page(p, s)
    text_pages = [p for p in pages if p.lines and not p.ocr]
    seen: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for p in text_pages:
        lines = p.lines
        # one entry per signature and page (the last line with it wins, as before)
        for key, text in {key: lines[i].text for i, key, _ in p.prep.edges}.items():
            seen.setdefault(key, []).append((p.number, text))
    need = max(s.repeat_min_pages, int(s.repeat_fraction * len(text_pages) + 0.999))
    repeating = set()
    if len(text_pages) >= s.repeat_min_pages:
        repeating = {k for k, occ in seen.items() if len(occ) >= need and _running(k[0], occ, need)}
    removed = 0
    for p in pages:
        if not p.lines:
            continue
        lines = p.lines
        drop = {i for i, key, page_number in p.prep.edges
                if lines[i].table is None and (page_number or key in repeating)}
        if drop:
            removed += len(drop)
            p.prep.dropped = drop
            p.lines = [ln for i, ln in enumerate(lines) if i not in drop]
    return removed


def _running(band: int, occurrences: list[tuple[int, str]], need: int) -> bool:
    """Same text on enough pages, or - in the page margins (outer ~1/8) - text whose
    numbers follow the page number ("Pagina 7 van 30", "EK 32 32-7-19"). Lines that only
    share a shape ("Artikel 4", "Artikel 9" at the top of pages) are content."""
    if Counter(t for _, t in occurrences).most_common(1)[0][1] >= need:
        return True
    if 3 <= band <= 20:
        return False
    offsets: Counter = Counter()
    for page, text in occurrences:
        offsets.update({int(d) - page for d in _DIGITS.findall(text) if len(d) <= 5})
    return bool(offsets) and offsets.most_common(1)[0][1] >= max(need, 0.8 * len(occurrences))


def _edge_indexes(p: PageLines, edge: int) -> set[int]:
    """Indexes of the first/last ``edge`` lines by vertical position (not reading order)."""
    by_top = sorted(range(len(p.lines)), key=lambda i: p.lines[i].top)
    return set(by_top[:edge]) | set(by_top[-edge:]) if edge else set()


# -- hyphenation ---------------------------------------------------------------------------

_END_HYPHEN = re.compile(r"([^\W\d_]+)-$")
_START_WORD = re.compile(r"^([^\W\d_]+)(.*)$", re.DOTALL)
_CONJUNCTIONS = {"en", "of", "tot", "and", "en/of"}


def join_hyphen(head: str, tail: str, lex: Lexicon) -> str:
    """How "head-" at a line end and "tail" at the next line start are joined."""
    if tail.lower() in _CONJUNCTIONS:
        return f"{head}- {tail}"  # "gemeente- en provinciewet"
    joined = head + tail
    if tail[:1].islower() and lex.known(joined):
        return joined
    if tail[:1].isupper() or (lex.is_word(head) and lex.is_word(tail)):
        return f"{head}-{tail}"  # Hardinxveld-Giessendam, ruimtelijk-economisch
    return joined


def dehyphenate(lines: list[Line], lex: Lexicon) -> int:
    """Repair hyphenation between consecutive text lines; returns the number of joins."""
    joins = 0
    for k in range(len(lines) - 1):
        a = lines[k]
        if a.table is not None:
            continue
        m = _END_HYPHEN.search(a.text) if a.text.endswith("-") else None
        if not m or (m.start() > 0 and a.text[m.start() - 1] not in " ([\"'‘“"):
            continue  # "Noord-Holland-" style chains and non-words are left alone
        b = next((ln for ln in lines[k + 1:k + 3] if ln.text), None)
        if b is None or b.table is not None:
            continue
        mb = _START_WORD.match(b.text)
        if not mb:
            continue
        tail, rest = mb.group(1), mb.group(2)
        head = m.group(1)
        word = join_hyphen(head, tail, lex)
        if " " in word:  # conjunction: keep the line break as a space
            continue
        a.text = a.text[: m.start()] + word + _lead_punct(rest)
        b.text = _drop_lead_punct(rest).strip()
        joins += 1
    return joins


_LEAD_PUNCT = re.compile(r"^[,.;:!?)\]'\"’”]+")


def _lead_punct(rest: str) -> str:
    m = _LEAD_PUNCT.match(rest)
    return m.group() if m else ""


def _drop_lead_punct(rest: str) -> str:
    m = _LEAD_PUNCT.match(rest)
    return rest[m.end():] if m else rest


# -- ligatures -----------------------------------------------------------------------------

_LIG_SPLIT = re.compile(r"\b([^\W\d_]*(?:ffi|ffl|ff|fi|fl))\s([^\W\d_]+)")


def repair_ligatures(text: str, lex: Lexicon) -> str:
    """Join "profi teren" → "profiteren" when the joined form is known and a part is not."""
    if "fi " not in text and "fl " not in text and "ff " not in text:
        return text

    def fix(m: re.Match) -> str:
        a, b = m.group(1), m.group(2)
        if b[:1].isupper() and a[:1].islower():
            return m.group()
        joined = a + b
        if lex.known(joined) and (not lex.is_word(a) or not lex.is_word(b)):
            return joined
        return m.group()

    return _LIG_SPLIT.sub(fix, text)


# -- whole document ------------------------------------------------------------------------


def clean_document(pages: list[PageLines], s: ExtractSettings) -> dict[str, int]:
    """All text cleaning, in place; returns counts of what was done (for the bench/report).

    Pages whose ``prep`` is set were normalised by :func:`prepare_page` in a worker; the
    rest (OCR pages, callers without workers) are prepared here."""
    for p in pages:
        if p.prep is None:
            prepare_page(p, s)
    stats = {"running_removed": 0, "hyphen_joins": 0, "ligature_repairs": 0}
    if s.remove_headers:
        stats["running_removed"] = remove_running(pages, s)
    flat = [ln for p in pages for ln in p.lines]
    lex = Lexicon()
    if s.dehyphenate or s.repair_ligatures:
        # the vocabulary of every line still present: the pages' own words plus kept edge lines
        words: set[str] = set()
        for p in pages:
            words |= p.prep.words
            for i, ws in p.prep.edge_words.items():
                if i not in p.prep.dropped:
                    words |= ws
        lex = Lexicon(words)
    if s.dehyphenate:
        stats["hyphen_joins"] = dehyphenate(flat, lex)
    if s.repair_ligatures:
        for ln in flat:
            if ln.table is None:
                fixed = repair_ligatures(ln.text, lex)
                if fixed != ln.text:
                    stats["ligature_repairs"] += 1
                    ln.text = fixed
    for p in pages:  # lines emptied by dehyphenation pass their paragraph end on
        if all(ln.text for ln in p.lines):
            continue
        kept: list[Line] = []
        for ln in p.lines:
            if ln.text or ln.table is not None:
                kept.append(ln)
            elif kept and ln.para_end:
                kept[-1].para_end = True
        p.lines = kept
    return stats
