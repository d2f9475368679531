"""Inject known drafting defects into a real regulation (Markdown) and record where they are.

Used by the seeded-defect test and by ``bench/ambiguity_quality.py``. Each injection edits
the Markdown source at a spot found through the parsed original (artikel/lid of a
dispositief passage), so the expected location is known before the modified text is
parsed again. Sites are chosen with a seeded RNG among leden that carry no flag of the
expected type in the unmodified text, so a hit cannot be a pre-existing finding.

Defect kinds and the detector type that should report them:

* ``crossref``   AMB-11  an internal "artikel N" / "het N-de lid" now points nowhere
* ``definition`` AMB-09  a definition in the begripsbepalingen removed while the term is still used
                  (also credited: AMB-06, the organ detector, for organ-like terms)
* ``organ``      AMB-06  one mention of an organ renamed ("dagelijks bestuur" → "uitvoerend bestuur")
* ``passive``    AMB-05  "Het algemeen bestuur stelt X vast" → "X wordt vastgesteld"
* ``zo_nodig``   AMB-01  "zo nodig" inserted after the finite verb of a competence clause
* ``en_of``      AMB-13  one "of"/"en" between two words replaced by "en/of"
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.document import Document, Passage

EXPECTED_TYPES: dict[str, tuple[str, ...]] = {
    "crossref": ("AMB-11",),
    "definition": ("AMB-09", "AMB-06"),
    "organ": ("AMB-06",),
    "passive": ("AMB-05",),
    "zo_nodig": ("AMB-01",),
    "en_of": ("AMB-13",),
}
KINDS = tuple(EXPECTED_TYPES)
ORDINALS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
            "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende"]
ORGANS = ("dagelijks bestuur", "algemeen bestuur", "bestuur", "directeur", "voorzitter")
RENAMES = {"dagelijks bestuur": "uitvoerend bestuur", "algemeen bestuur": "regionaal bestuur",
           "bestuur": "regiobestuur", "directeur": "bestuurder", "voorzitter": "regievoerder"}
# finite verb (+ particle) → participle for the active→passive rewrite
ACTIVE_VERBS = {("stelt", "vast"): "vastgesteld", ("stellen", "vast"): "vastgesteld",
                ("wijst", "aan"): "aangewezen", ("wijzen", "aan"): "aangewezen",
                ("zendt", "toe"): "toegezonden", ("zenden", "toe"): "toegezonden",
                ("benoemt", ""): "benoemd", ("benoemen", ""): "benoemd", ("ontslaat", ""): "ontslagen",
                ("regelt", ""): "geregeld", ("bepaalt", ""): "bepaald", ("verleent", ""): "verleend"}
# A reference into another act: a law name right after it, or "van de/die <wet>" later in the clause.
EXTERNAL_TAIL_RE = re.compile(r"^\s*(?:,\s*\w+\s+lid\s*)?,?\s*(?:[A-Z][a-z]+wet\b|Wet\b)"
                              r"|\b(?:van|der)\s+(?:de|het|die)\s+(?:[A-Z]|wet\b)")
COMPETENCE_FINITE = ("stelt", "stellen", "wijst", "wijzen", "benoemt", "benoemen", "regelt", "bepaalt", "besluit",
                     "besluiten", "neemt", "nemen", "zendt", "zenden", "geeft", "geven", "verleent", "draagt",
                     "dragen", "brengt", "brengen", "kan", "kunnen")


@dataclass(frozen=True, slots=True)
class Injection:
    kind: str
    artikel: str
    lid: str | None
    before: str  # the Markdown snippet replaced
    after: str
    types: tuple[str, ...]
    # Other acceptable locations (the definition case: every lid that still uses the term).
    also: tuple[tuple[str, str | None], ...] = ()

    def locations(self) -> set[tuple[str, str | None]]:
        return {(self.artikel, self.lid), *self.also}


@dataclass
class Seeded:
    text: str
    injections: list[Injection] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # kinds without a usable site (with reason)


def _units(doc: Document) -> dict[tuple[str, str | None], list[Passage]]:
    """(artikel, lid) → passages, only for locations that form one contiguous run (unique labels)."""
    runs: dict[tuple[str, str | None], list[list[Passage]]] = {}
    last = None
    for p in doc.dispositief():
        if not p.artikel:
            last = None
            continue
        loc = (p.artikel, p.lid)
        if loc != last:
            runs.setdefault(loc, []).append([])
        runs[loc][-1].append(p)
        last = loc
    return {loc: r[0] for loc, r in runs.items() if len(r) == 1}


def _unique_window(md: str, text: str, start: int, end: int, pad: int = 30) -> tuple[str, int, int] | None:
    """A snippet around text[start:end] that occurs exactly once in ``md``; (snippet, rel_start, rel_end)."""
    for left, right in ((pad, pad), (pad * 2, pad * 2), (12, 12)):
        a, b = max(0, start - left), min(len(text), end + right)
        snippet = text[a:b]
        if "\n" in snippet or md.count(snippet) != 1:
            continue
        return snippet, start - a, end - a
    return None


class Injector:
    def __init__(self, md: str, doc: Document, baseline: Iterable, seed: int = 0):
        self.md = md
        self.doc = doc
        self.units = _units(doc)
        self.rng = random.Random(seed)
        self.flagged = {(f.type, f.artikel, f.lid) for f in baseline}
        self.used: set[tuple[str, str | None]] = set()
        self.out = Seeded(md)
        arts = [int(m.group()) for a, _ in self.units if (m := re.match(r"\d+", a))]
        self.max_art = max(arts, default=0)

    # -- helpers -------------------------------------------------------------------------
    def _free(self, loc: tuple[str, str | None], types: tuple[str, ...]) -> bool:
        if loc in self.used or any((t, *loc) in self.flagged for t in types):
            return False
        return not any(self.units[loc][0].artikel == "1" and t != "AMB-09" for t in types)

    def _sites(self, kind: str, pattern: re.Pattern[str]) -> list[tuple[tuple[str, str | None], Passage, re.Match]]:
        types = EXPECTED_TYPES[kind]
        sites = []
        for loc, ps in self.units.items():
            if not self._free(loc, types):
                continue
            for p in ps:
                sites += [(loc, p, m) for m in pattern.finditer(p.text)]
        self.rng.shuffle(sites)
        return sites

    def _apply(self, kind: str, loc: tuple[str, str | None], p: Passage, start: int, end: int, new: str,
               also: tuple = ()) -> bool:
        win = _unique_window(self.out.text, p.text, start, end)
        if win is None:
            return False
        snippet, a, b = win
        replaced = snippet[:a] + new + snippet[b:]
        self.out.text = self.out.text.replace(snippet, replaced, 1)
        self.used.add(loc)
        self.out.injections.append(Injection(kind, loc[0], loc[1], snippet, replaced, EXPECTED_TYPES[kind], also))
        return True

    # -- the defects ---------------------------------------------------------------------
    def crossref(self) -> bool:
        ref = re.compile(r"\bartikel (\d+)(?![\d.\-:])(?!\s*(?:,\s*)?(?:van|der)\b)(?![^\s]*\])")
        for loc, p, m in self._sites("crossref", ref):
            tail = p.text[m.end():m.end() + 200].split(";")[0]
            if EXTERNAL_TAIL_RE.search(tail):
                continue  # "artikel 16, zesde lid, Wet gemeenschappelijke regelingen": another act
            if (m.group(1), None) in self.units or any(a == m.group(1) for a, _ in self.units):
                if self._apply("crossref", loc, p, m.start(1), m.end(1), str(self.max_art + 11)):
                    return True
        local = re.compile(r"\bhet (" + "|".join(ORDINALS[:6]) + r") lid\b")
        for loc, p, m in self._sites("crossref", local):
            leden = {lid for a, lid in self.units if a == loc[0]}
            if str(len(leden) + 3) in leden or len(leden) + 3 > len(ORDINALS):
                continue
            if self._apply("crossref", loc, p, m.start(1), m.end(1), ORDINALS[len(leden) + 2]):
                return True
        return False

    def definition(self) -> bool:
        """Remove one onderdeel of the begripsbepalingen whose term is used in at least two other leden."""
        defs = [p for p in self.doc.dispositief() if p.artikel == "1"]
        text1 = "\n".join(p.text for p in defs)
        if "verstaan onder" not in text1:
            return False
        # "a.*de minister:* de minister van …;" in the Markdown source
        entries = list(re.finditer(r"(?:^|(?<=[;:.]))\s*([a-z])\.\s*\*([^*:]{2,60}):?\*:?([^;\n]*);", self.md, re.M))
        if not entries:
            entries = list(re.finditer(r"^\s*([a-z])\.\s+\*?([^*:\n]{2,60}?):?\*?:\s*([^\n;]*);?$", self.md, re.M))
        self.rng.shuffle(entries)
        for m in entries:
            term = m.group(2).strip().rstrip(":").strip()
            bare = re.sub(r"^(de|het|een)\s+", "", term, flags=re.I)
            if len(bare) < 4:
                continue
            pat = re.compile(rf"\b{re.escape(bare)}\b", re.I)
            uses = [loc for loc, ps in self.units.items() if loc[0] != "1" and any(pat.search(p.text) for p in ps)
                    and not any((t, *loc) in self.flagged for t in EXPECTED_TYPES["definition"])]
            if len(uses) < 2 or self.md.count(m.group(0)) != 1:
                continue
            self.out.text = self.out.text.replace(m.group(0), "", 1)
            self.out.injections.append(Injection("definition", uses[0][0], uses[0][1], m.group(0), "",
                                                 EXPECTED_TYPES["definition"], tuple(uses[1:])))
            return True
        return False

    def organ(self) -> bool:
        for name in ORGANS:
            pat = re.compile(rf"\b(?:[Hh]et|[Dd]e)\s+({name})\b(?!\s+van\b)")
            total = sum(len(pat.findall(p.text)) for ps in self.units.values() for p in ps)
            if total < 3:
                continue
            for loc, p, m in self._sites("organ", pat):
                if self._apply("organ", loc, p, m.start(1), m.end(1), RENAMES[name]):
                    return True
        return False

    def passive(self) -> bool:
        organ = "|".join(ORGANS + ("minister", "colleges?", "raden?"))
        pat = re.compile(rf"(?:^|(?<=\. ))(?:Het|De) (?:{organ})(?: van [a-z ]+?)? (\w+) ([^.;:,]{{3,80}}?)(?: (vast|aan|toe))?(?=[.;])")
        for loc, p, m in self._sites("passive", pat):
            key = (m.group(1), m.group(3) or "")
            if key not in ACTIVE_VERBS:
                continue
            obj = m.group(2).strip()
            if not re.match(r"(de|het|een|nadere|regels|\w+)\b", obj) or " door " in obj:
                continue
            aux = "worden" if re.search(r"(en|s)$", obj.split()[-1]) and not obj.startswith("het ") else "wordt"
            new = f"{obj[0].upper()}{obj[1:]} {aux} {ACTIVE_VERBS[key]}"
            if self._apply("passive", loc, p, m.start(), m.end(), new):
                return True
        return False

    def zo_nodig(self) -> bool:
        pat = re.compile(r"(?:Het|De) [a-z ]{3,40}? (" + "|".join(COMPETENCE_FINITE) + r") (?=[a-z])")
        for loc, p, m in self._sites("zo_nodig", pat):
            if "nodig" in p.text:
                continue
            if self._apply("zo_nodig", loc, p, m.end(1), m.end(1), " zo nodig"):
                return True
        return False

    def en_of(self) -> bool:
        pat = re.compile(r"(?<=[a-z]) (of|en) (?=[a-z])")
        for loc, p, m in self._sites("en_of", pat):
            if "en/of" in p.text:
                continue
            if self._apply("en_of", loc, p, m.start(1), m.end(1), "en/of"):
                return True
        return False


def inject(md: str, doc: Document, baseline: Iterable, kinds: Iterable[str] = KINDS, seed: int = 0) -> Seeded:
    """Apply one defect of each kind to ``md`` (parsed as ``doc``; ``baseline`` = its flags)."""
    inj = Injector(md, doc, list(baseline), seed)
    for kind in kinds:
        if not getattr(inj, kind)():
            inj.out.skipped.append(kind)
    return inj.out


def score(injections: Iterable[Injection], flags: Iterable) -> list[tuple[Injection, bool]]:
    """Each injection with whether a flag of an expected type sits at one of its locations."""
    at = {(f.type, f.artikel, f.lid) for f in flags}
    return [(i, any((t, a, lid) in at for t in i.types for a, lid in i.locations())) for i in injections]
