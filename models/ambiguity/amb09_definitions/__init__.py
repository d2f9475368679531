"""AMB-09 Undefined, unused, circular or normative definitions (begripsbepalingen, Ar 5.1/5.3).

On the definitions table: a defined term never used elsewhere (SUGGESTIE); a circular
definition, whose definiens repeats the term and adds at most one content word
("woonvisie: de regionale woonvisie"; ZORG); a normative definition with a modal verb or
a condition (SUGGESTIE); a Wgr/Awb term defined without "als bedoeld in" (SUGGESTIE).
Undefined: policy instruments (and compounds on visie/agenda/programma/kader/plan/nota/
fonds/budget) that are domain-specific (wordfreq Zipf < 3.0) and used twice or in a
competence clause without a definition (ZORG in a competence clause, else SUGGESTIE).
Terms defined by reference ("als bedoeld in") or with a date/number are accepted.
Missing definitions of ordinary terms, only in a regulation that has a definitions list:
(a) a term such regulations usually define (``usual_terms.tsv``: "de minister",
"archiefbescheiden", "collecties") used at least twice, not defined and not named on the spot
("de minister van Financiën", "de gemeente Zwolle"); (b) a capitalised noun used with an article
as a defined term ("het Schap", "de Commissie") at least twice, neither defined nor a known organ
or public body. Both SUGGESTIE: the reader can often infer the referent, but the regulation does
not fix it.

Severity (hand checks rounds 1–5: 0 true positives in 6 judged zorg flags). An undefined instrument
is ZORG only when no organ adopts or draws it up anywhere in the text (then nothing fixes what it is);
when an organ does ("Het dagelijks bestuur stelt … een activiteitenplan op"), the article that regulates
it tells the reader what it is: SUGGESTIE. A definition that points at the text itself ("regeling: deze
gemeenschappelijke regeling") is not circular.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from wordfreq import zipf_frequency

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.lexicon import read_tsv
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import Resources

HERE = Path(__file__).resolve().parent
USUAL_TERMS = tuple(r["term"] for r in read_tsv(HERE / "usual_terms.tsv", ("term", "source")))
# A capitalised noun after an article, inside a sentence: "het Schap", "de Commissie".
CAPITAL_TERM_RE = re.compile(r"(?<=[a-zà-ÿ,;:)] )(?:het|de|Het|De)\s+([A-Z][a-zà-ÿ]{3,})\b(?!\s+[A-Z])")
# Proper names and institutions that need no definition.
KNOWN_NAMES = {"Staatscourant", "Rijk", "Kroon", "Staten", "Provinciale", "Gedeputeerde", "Raad", "Minister",
               "Wet", "Archiefwet", "Gemeentewet", "Provinciewet", "Ambtenarenwet", "Grondwet", "Nederlandse",
               "Europese", "Unie", "Koning", "Koningin", "Staat", "Tweede", "Eerste", "Kamer", "Rekenkamer"}

STOP = {"de", "het", "een", "van", "in", "op", "voor", "en", "of", "die", "dat", "door", "met", "aan", "bij", "als",
        "bedoeld", "artikel", "zijn", "is", "te", "tot", "om", "deze", "dit", "wordt", "worden", "onder", "over"}
NORMATIVE_RE = re.compile(r"\b(kan|kunnen|moet|moeten|dient|dienen|zal|zullen|mag|mogen|indien|mits|voor zover"
                          r"|is verplicht|is bevoegd)\b", re.I)
STATUTORY_TERMS = {"bestuursorgaan", "belanghebbende", "besluit", "openbaar lichaam", "bedrijfsvoeringsorganisatie",
                   "gemeenschappelijk orgaan", "beschikking", "mandaat", "delegatie"}
UNDEFINED_HEADS = ("visie", "agenda", "programma", "kader", "plan", "nota", "fonds", "budget", "strategie")
WORD_RE = re.compile(r"\b[a-zà-ÿ]+(?:" + "|".join(UNDEFINED_HEADS) + r")\b", re.I)


# Public bodies an organ belongs to: "<organ> van een/de <body>" says which organ is meant.
BODY_NOUNS = frozenset({"waterschap", "gemeente", "provincie", "lichaam", "schap", "rijk", "samenwerkingsverband",
                        "bedrijfsvoeringsorganisatie", "regio", "veiligheidsregio"})


@detector("AMB-09", name="begripsbepaling ontbreekt, ongebruikt, circulair of normatief",
          requires={"definitions", "instruments", "competences"}, default_severity=Severity.SUGGESTIE,
          rule="Ar 5.1, 5.3", context_adjust=False)
def definitions(res: Resources) -> Iterator[Flag]:
    def_passages = {d.passage_id for d in res.definitions if d.kind == "lijst"}
    body = [pi for pi in res.passages if pi.passage.id not in def_passages]
    for d in res.definitions:
        pi = res.by_id[d.passage_id]
        term_l = d.term.lower()
        definiens = d.definiens
        if d.kind == "lijst":
            forms = [f.strip() for f in re.split(r"[()]", term_l) if f.strip()]  # "Kernbeslissing (PKB)"
            rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?:s|en|n)?(?!\w)", re.I)
            used = any(rx.search(b.text) for b in body if not (b.passage.id == pi.passage.id))
            if not used:
                yield make_flag("AMB-09", pi, d.term_start, d.term_end, severity=Severity.SUGGESTIE, confidence=0.7,
                                explanation=f"Het begrip '{d.term}' is gedefinieerd maar wordt verder niet gebruikt.",
                                question="Is de definitie overbodig, of wordt het begrip elders onder een andere "
                                         "naam gebruikt?",
                                suggestion="Schrap de definitie of gebruik het gedefinieerde begrip.", rule="Ar 5.1")
            content = [w for w in re.findall(r"[a-zà-ÿ]+", definiens.lower()) if w not in STOP]
            head = term_l.split()[-1]
            named = re.search(r"\s[A-Z]\w+|\d", definiens)  # "gemeente: de gemeente Zwolle" names it
            # "regeling: deze gemeenschappelijke regeling" points at the text itself.
            named = named or re.match(r"\s*(?:deze|dit)\b", definiens, re.I)
            extra = [w for w in content if w not in term_l.split()]
            # "dagelijks bestuur: dagelijks bestuur van een waterschap" anchors an organ in its body: a definition.
            anchored = bool(extra) and set(extra) <= BODY_NOUNS
            if head in content and len(extra) <= 1 \
                    and "bedoeld" not in definiens.lower() and not named and not anchored:
                yield make_flag("AMB-09", pi, d.term_start, d.def_end, severity=Severity.ZORG, confidence=0.75,
                                explanation=f"De definitie van '{d.term}' herhaalt het begrip zelf en zegt niet "
                                            "wat het is (circulair).",
                                question=f"Welk stuk of orgaan is '{d.term}' precies (titel, datum, vaststeller)?",
                                suggestion=f"'{d.term}: <titel>, vastgesteld door <orgaan> op <datum>'.",
                                rule="Ar 5.3")
            nm = NORMATIVE_RE.search(definiens)
            if nm:
                yield make_flag("AMB-09", pi, d.def_start + nm.start(), d.def_start + nm.end(),
                                severity=Severity.SUGGESTIE, confidence=0.6,
                                explanation=f"De definitie van '{d.term}' bevat een norm of voorwaarde "
                                            f"('{nm.group(0)}'); Ar 5.1 wil geen materiële normen in definities.",
                                question="Hoort deze voorwaarde in een apart artikel?",
                                suggestion="Verplaats de norm naar het artikel waar het begrip wordt gebruikt.",
                                rule="Ar 5.1")
            if term_l in STATUTORY_TERMS and not re.search(r"bedoeld in|zoals omschreven in|in de zin van",
                                                           definiens, re.I):
                yield make_flag("AMB-09", pi, d.term_start, d.term_end, severity=Severity.SUGGESTIE, confidence=0.5,
                                explanation=f"'{d.term}' heeft een betekenis in de Wgr/Awb; hier staat een eigen "
                                            "definitie zonder verwijzing.",
                                question="Wijkt de betekenis af van die in de wet? Zo ja, is dat nodig?",
                                suggestion=f"'{d.term}: {d.term} als bedoeld in …'.", rule="Ar 5.1")
    yield from _undefined(res, body)
    if any(d.kind == "lijst" for d in res.definitions):
        yield from _usual_undefined(res, body)
        yield from _capitalised_undefined(res, body)


def _defined_forms(res: Resources) -> set[str]:
    out = set()
    for d in res.definitions:
        t = re.sub(r"^(de|het|een)\s+", "", d.term.lower()).strip()
        out |= {t, *(f.strip() for f in re.split(r"[()]", t) if f.strip())}
    return out


def _missing_flag(pi, m, term: str, n: int, why: str) -> Flag:
    return make_flag("AMB-09", pi, m.start(), m.end(), severity=Severity.SUGGESTIE, confidence=0.45,
                     explanation=f"'{m.group(0)}' wordt gebruikt als vast begrip ({n}× gebruikt), maar staat niet "
                                 f"in de begripsbepalingen{why}.",
                     question=f"Wie of wat is '{term}' precies? Is een definitie weggevallen?",
                     suggestion=f"Neem '{term}' op in de begripsbepalingen.", rule="Ar 5.1")


def _usual_undefined(res: Resources, body) -> Iterator[Flag]:
    defined = _defined_forms(res)
    for term in USUAL_TERMS:
        if term in defined or any(term in t.split() or t.startswith(term) for t in defined):
            continue
        rx = re.compile(rf"(?<!\w)(?:(?:de|het)\s+)?{re.escape(term)}(?!\w)", re.I)
        uses = []
        for pi in body:
            for m in rx.finditer(pi.text):
                after = pi.text[m.end():m.end() + 40]
                before = pi.text[max(0, m.start() - 12):m.start()]
                # Named on the spot ("de minister van Financiën", "de gemeente Zwolle", "Onze Minister").
                if re.match(r"\s+(?:van\b|[A-Z])", after) or re.search(r"\b(?:Onze|onze|elke|iedere|een)\s*$", before):
                    continue
                uses.append((pi, m))
        if len(uses) >= 2:
            pi, m = _anchor(res, uses)
            yield _missing_flag(pi, m, term, len(uses), ", terwijl regelingen van deze soort het meestal definiëren")


def _capitalised_undefined(res: Resources, body) -> Iterator[Flag]:
    defined = _defined_forms(res)
    organ_names = {w.lower() for o in res.organs.values() for w in re.findall(r"\w+", o.key)}
    seen: dict[str, list] = {}
    for pi in body:
        for m in CAPITAL_TERM_RE.finditer(pi.text):
            word = m.group(1)
            if word in KNOWN_NAMES or word.lower() in defined or word.lower() in organ_names \
                    or word.lower().endswith("wet") or zipf_frequency(word.lower(), "nl") < 3.3:
                continue  # a law, or a rare word: a place or institution name ("de Ringvaart"), not a term
            seen.setdefault(word, []).append((pi, m))
    for word, uses in seen.items():
        if len(uses) >= 2:
            pi, m = _anchor(res, uses)
            yield _missing_flag(pi, m, word, len(uses), " en is geen bekend orgaan")


def _anchor(res: Resources, uses: list) -> tuple:
    """The use where the missing definition matters most: the term acting (sentence subject or in a
    competence clause); else the first use."""
    for pi, m in uses:
        s, _e = pi.sentence_of(m.start())
        if not pi.text[s:m.start()].strip(" ("):
            return pi, m
    return next(((pi, m) for pi, m in uses if res.competence_clause(pi, m.start())), uses[0])


# Round 8: a term every use of which is followed by "(als) bedoeld in artikel …" is fixed by that reference; an organ
# that adopts the term in a subordinate clause ("waarvoor het bestuur een rampbestrijdingsplan vaststelt") regulates
# it just as "het bestuur stelt … vast" does.
REFERENCE_AFTER_RE = re.compile(r"^\s*,?\s*(?:als\s+)?(?:bedoeld|genoemd|omschreven)\s+in\s+(?:artikel|de\s+artikelen|het|de)\b",
                                re.I)
ADOPTED_AFTER_RE = re.compile(r"^(?:\s+[\w'’-]+){0,4}?\s+(?:vaststelt|vaststellen|opstelt|opstellen|vast\s+te\s+stellen"
                              r"|op\s+te\s+stellen|vastgesteld|opgesteld)\b", re.I)


def _adopted_in_clause(text: str, end: int) -> bool:
    return bool(ADOPTED_AFTER_RE.match(text[end:end + 60]))


def _undefined(res: Resources, body) -> Iterator[Flag]:
    defined = {d.term.lower() for d in res.definitions}
    defined |= {re.sub(r"^(de|het)\s+", "", d.term.lower()) for d in res.definitions}
    seen: dict[str, list] = {}
    for pi in body:
        for m in WORD_RE.finditer(pi.text):
            w = m.group(0).lower()
            if w in defined or any(w in t for t in defined):
                continue
            seen.setdefault(w, []).append((pi, m))
    for w, uses in seen.items():
        if zipf_frequency(w, "nl") >= 3.0:
            continue
        pi, m = uses[0]
        s, e = pi.sentence_of(m.start())
        if re.search(r"\b(19|20)\d\d\b|\bnr\.", pi.text[m.end():m.end() + 40]):
            continue  # a named document with a date or number
        competence = any(res.competence_clause(p, mm.start()) for p, mm in uses)
        if len(uses) < 2 and not competence:
            continue
        if all(REFERENCE_AFTER_RE.match(p.text[mm.end():mm.end() + 40]) for p, mm in uses):
            continue  # "Het organisatieplan, bedoeld in artikel 4a van de Brandweerwet": defined by the reference
        regulated = res.organ_acts_on(w) or any(_adopted_in_clause(p.text, mm.end()) for p, mm in uses)
        yield make_flag("AMB-09", pi, m.start(), m.end(),
                        severity=Severity.ZORG if competence and len(uses) >= 2 and not regulated
                        else Severity.SUGGESTIE,
                        confidence=0.55,
                        explanation=f"'{m.group(0)}' is een specifiek begrip ({len(uses)}× gebruikt) zonder "
                                    "begripsbepaling."
                                    + (" Een orgaan stelt het wel op of vast; het artikel daarover zegt wat het "
                                       "is. (Verlaagd.)" if regulated else ""),
                        question=f"Wat is '{m.group(0)}' precies: welk stuk, vastgesteld door wie en wanneer?",
                        suggestion=f"Neem '{m.group(0)}' op in de begripsbepalingen.", rule="Ar 5.1")
