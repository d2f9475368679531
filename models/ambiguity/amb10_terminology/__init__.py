"""AMB-10 Terminology inconsistency and synonymy (terminologie-inconsistentie).

Clusters instrument mentions by compound (woonvisie) and their modifiers (a preceding
adjective "regionale", a following capitalised name "Drechtsteden", capitalisation).
Variants whose modifier sets are nested ({} ⊂ {regionale}) are one concept written in
several ways → flag the minority forms; disjoint modifiers (regionale vs lokale) are
distinct concepts and left alone. Also spelling variants used side by side (zoveel / zo
veel, voorzover / voor zover, ten minste / tenminste) and an abbreviation used next to its
full form without a definition (GRD vs Gemeenschappelijke Regeling Drechtsteden).
ZORG when the variant sits in a competence clause and the concept is defined or an
instrument, else SUGGESTIE.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.lexicon import read_tsv
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import Resources, instrument_heads
from models.nlp import lemma

HERE = Path(__file__).resolve().parent

ADJ_BEFORE_RE = re.compile(r"\b([a-zà-ÿ]+e)\s+$", re.I)
NAME_AFTER_RE = re.compile(r"^\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)")
SPELLING = [("zoveel", "zo veel"), ("voorzover", "voor zover"), ("tenminste", "ten minste"),
            ("zonodig", "zo nodig"), ("danwel", "dan wel"), ("c.q.", "casu quo")]
ADJ_STOP = {"de", "deze", "die", "elke", "iedere", "welke", "vorige", "volgende", "eerste", "tweede", "derde", "nieuwe",
            "betreffende", "desbetreffende", "bedoelde", "genoemde", "vastgestelde", "voorgestelde", "gewijzigde",
            "jaarlijkse", "ontwerp"}


# Round 8: a capitalised instrument word followed by title words and a year is a citeertitel.
CITEERTITEL_RE = re.compile(r"^\s+[a-zà-ÿ][^.;:,()]{2,80}?\b(?:19|20)\d\d\b")
# Round 12: a mention followed by an identifying number or citation names one specific document ("verordening (EG)
# nr. 883/2004", "Verordening (EU) 2016/679", "besluit nr. 12", "regeling 2019/3"): it is no variant name of the
# regulation's own stuk.
IDENTIFIER_RE = re.compile(r"^\s*(?:\((?:[A-Z][A-Za-z]{1,7}|[A-Z]{2,8}(?:/[A-Z]{2,8})?)\)\s*)?"
                           r"(?:(?:nr\.?|nummer|no\.)\s*[A-Z]{0,3}\s*\d+|\d+/\d+)", re.I)
# A title: a capitalised adjective in mid-sentence, the instrument word, then a lower-case name word ("de Algemene
# verordening gegevensbescherming", "de Nationale woonvisie huurbeleid").
TITLE_TAIL_RE = re.compile(r"^\s+([a-zà-ÿ][a-zà-ÿ-]{4,})\b")
TITLE_TAIL_STOP = {"wordt", "worden", "werd", "werden", "zijn", "heeft", "hebben", "moet", "moeten", "kunnen", "zullen",
                   "mogen", "bevat", "bevatten", "geldt", "gelden", "onder", "tegen", "zoals", "waarin", "waarbij",
                   "waarvan", "niet", "daarvan", "daarin", "uiterlijk", "binnen", "tussen", "jaarlijks", "tevens",
                   "eveneens", "echter", "slechts", "alleen", "bedoeld", "genoemd", "vastgesteld", "opgesteld",
                   "inzake", "omtrent", "betreffende", "krachtens", "overeenkomstig", "volgens", "zonder"}
NOUN_SUFFIX_RE = re.compile(r"(?:ing|heid|schap|teit|isme|ment|tuur|beleid|zorg|recht|bescherming)$")


@detector("AMB-10", name="terminologie-inconsistentie", requires={"instruments", "definitions", "competences"},
          default_severity=Severity.SUGGESTIE, rule="Ar 4.49 (consistente terminologie)", context_adjust=False)
def terminology(res: Resources) -> Iterator[Flag]:
    defined = {d.term.lower() for d in res.definitions}
    variants: dict[str, list] = defaultdict(list)
    for m in res.instruments:
        pi = res.by_id[m.passage_id]
        mods = set()
        adj = ADJ_BEFORE_RE.search(pi.text[max(0, m.start - 30):m.start])
        if adj and adj.group(1).lower() not in ADJ_STOP:
            mods.add(adj.group(1).lower())
        nm = NAME_AFTER_RE.match(pi.text[m.end:m.end + 60])
        if nm:
            mods.add(nm.group(1))
        start = m.start - (len(adj.group(0)) if adj and adj.group(1).lower() in mods else 0)
        end = m.end + (len(nm.group(0)) if nm else 0)
        cap = m.text[:1].isupper() and not _sentence_start(pi.text, m.start)
        if IDENTIFIER_RE.match(pi.text[m.end:m.end + 40]) or (adj and _is_title(pi.text, start, m.end, adj.group(1))):
            continue  # "verordening (EG) nr. 883/2004", "de Algemene verordening gegevensbescherming": an identified
            # document of its own, no variant name of this regulation's stuk
        if cap and CITEERTITEL_RE.match(pi.text[m.end:m.end + 100]):
            continue  # "De Verordening individuele inkomenstoeslag 2024 …": the title of another act, no variant
        variants[m.name].append((frozenset(mods | ({"<Hoofdletter>"} if cap else set())), pi, start, end))
    for name, uses in variants.items():
        forms = Counter(u[0] for u in uses)
        if len(forms) < 2:
            continue
        sets = list(forms)
        # Only nested modifier sets describe one concept written differently.
        adjs = [frozenset(x for x in a if x.islower() and x != "<hoofdletter>") for a in sets]
        nested = all(a <= b or b <= a for a in adjs for b in adjs)
        if not nested:
            continue
        major = forms.most_common(1)[0][0]
        flagged = set()
        for mods, pi, start, end in uses:
            if mods == major or mods in flagged:
                continue
            flagged.add(mods)
            competence = res.competence_clause(pi, start)
            sev = Severity.ZORG if competence else Severity.SUGGESTIE
            yield make_flag("AMB-10", pi, start, end, severity=sev, confidence=0.55,
                            explanation="Hetzelfde stuk heet in de regeling op verschillende manieren: "
                                        + ", ".join(sorted({_label(name, f) for f in forms})) + ".",
                            question=f"Gaat het steeds om dezelfde {name}? Zo ja, welke benaming is de juiste?",
                            suggestion=f"Gebruik één benaming (bij voorkeur de gedefinieerde) voor de {name}.")
    yield from _prefix_synonyms(res)
    yield from _spelling(res)
    yield from _abbreviations(res, defined)


# Compound prefixes (or "het … van de" forms) that name the same stage of one document: a regulation that
# writes "ontwerpbegroting" in one lid and "conceptbegroting" in the next leaves open whether it is one stuk.
PREFIX_TABLE = read_tsv(HERE / "prefixes.tsv", ("prefix", "class", "source", "note"))
PREFIX_CLASS = {r["prefix"]: r["class"] for r in PREFIX_TABLE}
PREFIX_RE = re.compile(r"\b(?:het\s+|een\s+)?(" + "|".join(sorted(map(re.escape, PREFIX_CLASS), key=len, reverse=True))
                       + r")\s+van\s+(?:de|het)\s+$", re.I)


def _prefix_synonyms(res: Resources) -> Iterator[Flag]:
    """Instruments with the same head and synonymous prefixes (ontwerp-/concept-, "het concept van de …")."""
    heads = sorted(instrument_heads(), key=len, reverse=True)
    uses: dict[tuple[str, str], list] = defaultdict(list)  # (class, head) → (prefix, pi, start, end)
    for m in res.instruments:
        pi = res.by_id[m.passage_id]
        head = next((h for h in heads if m.name.endswith(h)), "")
        prefix = m.name[:len(m.name) - len(head)].rstrip("-")
        start = m.start
        if not prefix:
            pm = PREFIX_RE.search(pi.text[max(0, m.start - 40):m.start])
            if pm:
                prefix, start = pm.group(1).lower(), m.start - (len(pi.text[max(0, m.start - 40):m.start])
                                                                - pm.start(1))
        if head and prefix in PREFIX_CLASS:
            uses[(PREFIX_CLASS[prefix], head)].append((prefix, pi, start, m.end))
    for (_cls, head), items in uses.items():
        forms = Counter(u[0] for u in items)
        if len(forms) < 2:
            continue
        major = forms.most_common(1)[0][0]
        prefix, pi, start, end = next(u for u in items if u[0] != major)
        competence = res.competence_clause(pi, start)
        names = ", ".join(f"'{f}{head}'" for f in forms)
        yield make_flag("AMB-10", pi, start, end, severity=Severity.SUGGESTIE, confidence=0.55,
                        explanation=f"De regeling noemt hetzelfde stadium van de {head} op verschillende manieren "
                                    f"({names}); een lezer kan denken dat het om verschillende stukken gaat."
                                    + (" Aan het stuk hangt een termijn of bevoegdheid." if competence else ""),
                        question=f"Is '{prefix}{head}' hetzelfde stuk als '{major}{head}'?",
                        suggestion=f"Gebruik overal '{major}{head}'.")


def _is_title(text: str, start: int, end: int, adj: str) -> bool:
    """A capitalised adjective in mid-sentence, the instrument word and a lower-case name word: a document title."""
    if not adj[:1].isupper() or _sentence_start(text, start):
        return False
    tail = TITLE_TAIL_RE.match(text[end:end + 60])
    if tail is None or tail.group(1) in TITLE_TAIL_STOP:
        return False
    word = tail.group(1)
    return lemma(word) == word or NOUN_SUFFIX_RE.search(word) is not None  # a noun, not a verb form ("regelt")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".:;!?" or re.search(r"(^|\n)\s*(?:[a-z]\.|\d+\.)?\s*$", text[:pos]) is not None


def _label(name: str, mods: frozenset[str]) -> str:
    adj = [m for m in mods if m.islower()]
    names = [m for m in mods if not m.islower() and m != "<Hoofdletter>"]
    base = name.capitalize() if "<Hoofdletter>" in mods else name
    return "'" + " ".join(adj + [base] + names) + "'"


SPELLING_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for pair in SPELLING for f in pair) + r")(?!\w)", re.I)
CANON = {f: a for a, b in SPELLING for f in (a, b)}


def _spelling(res: Resources) -> Iterator[Flag]:
    counts: dict[str, list] = defaultdict(list)
    for pi in res.passages:
        for m in SPELLING_RE.finditer(pi.text):
            form = " ".join(m.group(1).lower().split())
            if form in CANON:
                counts[CANON[form]].append((form, pi, m))
    for a, uses in counts.items():
        forms = Counter(u[0] for u in uses)
        if len(forms) < 2:
            continue
        major = forms.most_common(1)[0][0]
        form, pi, m = next(u for u in uses if u[0] != major)
        yield make_flag("AMB-10", pi, m.start(), m.end(), severity=Severity.SUGGESTIE, confidence=0.5,
                        explanation=f"Zowel '{a}' als '{dict(SPELLING)[a]}' komen voor in de regeling.",
                        question="Is er een betekenisverschil bedoeld?", suggestion=f"Schrijf overal '{major}'.")


def _abbreviations(res: Resources, defined: set[str]) -> Iterator[Flag]:
    text = "\n".join(pi.text for pi in res.passages)
    for abbr in sorted(set(re.findall(r"\b[A-Z]{2,6}\b", text))):
        if abbr.lower() in defined:
            continue
        letters = r"[ \t]+".join(rf"{c}[\w-]*" for c in abbr)
        # Round 12: the full form stands on one line and has different words ("Vervallen\nVervallen", two
        # repealed-article headings, is no spelled-out "VV").
        full = next((f for f in re.finditer(rf"\b{letters}\b", text)
                     if len({w.lower() for w in f.group(0).split()}) > 1), None)
        if not full:
            continue
        for pi in res.passages:
            m = re.search(rf"\b{abbr}\b", pi.text)
            if m:
                yield make_flag("AMB-10", pi, m.start(), m.end(), severity=Severity.SUGGESTIE, confidence=0.5,
                                explanation=f"'{abbr}' en '{full.group(0)}' worden allebei gebruikt zonder dat de "
                                            "afkorting is gedefinieerd.",
                                question=f"Staat '{abbr}' voor '{full.group(0)}'?",
                                suggestion=f"Definieer de afkorting: '{full.group(0)} (hierna: {abbr})'.")
                break
