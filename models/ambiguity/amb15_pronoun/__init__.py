"""AMB-15 Referential ambiguity: pronouns with more than one organ as antecedent.

Anaphors: hij, zij, ze, hem, hun, hen, haar, diens, laatstgenoemde, eerstgenoemde, and
"deze"/"dit" directly followed by a finite verb ("deze stelt …"). Candidates: organ
mentions earlier in the same sentence and in the previous sentence (same passage, else
the previous passage of the same artikel), filtered by number and gender (hij/hem/diens:
a person organ or a singular de-word; zij/ze/hun/hen/haar: plural or singular de-word;
dit: het-word). Two or more compatible *different* organs → flag, always SUGGESTIE (round 8, below);
the confidence is higher when the anaphor is the subject of a competence clause and nothing resolves it.

Without POS the bare "het", "die" and "dat" are skipped (article, relative pronoun and
complementiser readings dominate); with ``caps.pos`` a token tagged PRON is accepted too.

Severity (hand checks rounds 1–5: 0 true positives in 8 judged zorg flags). A singular person who is
no organ ("een lid van het algemeen bestuur", "de plaatsvervanger") earlier in the same sentence is the
natural antecedent of "hij/hem/diens" ("De raad en de minister kunnen een lid … ter verantwoording
roepen voor het door hem gevoerde beleid"): the organs are then only formal candidates, SUGGESTIE.
Likewise an organ that opens the sentence is the preferred antecedent of a pronoun later in the same
sentence ("Gedeputeerde staten stellen … op de hoogte van de onderzoeken die zij doen instellen"; round 6
test sets): SUGGESTIE. A pronoun that opens a sentence after two organs stays ZORG.

Round 7 (round-6 test samples as development material): number agreement — "zij" with a singular auxiliary in its clause ("Indien zij … een onderzoek heeft ingesteld") excludes plural
organs (provinciale staten); subject continuity — a sentence-initial subject pronoun ("Zij regelen daarbij
…") after a sentence that opens with a compatible organ refers to that organ when the rival organs of
that sentence sit in its subordinate or relative clauses, and an inverted subject of the
pronoun's own clause ("…, regelen gedeputeerde staten … een door hen ingestelde …") is preferred, and so is
the antecedent of a relative clause ("aan de raden, die … hun zienswijze …"): SUGGESTIE. "Nadat deze is
vastgesteld" refers to a document, never to an organ: not flagged.

Round 8: across rounds 1–7, 0 of 25 judged ZORG pronoun flags were true positives — lawyers resolve these
pronouns by subject continuity, number and the powers the text gives each organ, which a pattern detector
without a parser cannot weigh. The finding stays visible as a suggestion (repeat the organ's name), never
ZORG: a pattern alone is no evidence that someone must act.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import Mention, Organ, PassageInfo, Resources

PRONOUNS = {"hij": "m", "hem": "m", "diens": "m", "zij": "f/pl", "ze": "f/pl", "hun": "pl", "hen": "pl",
            "haar": "f", "laatstgenoemde": "any", "eerstgenoemde": "any", "dit": "n", "deze": "any"}
# A singular person that is not an organ: the natural antecedent of hij/hem/diens in its sentence.
PERSON_RE = re.compile(r"\b(?:een|het|dat|dit|elk|ieder)\s+(?:\w+\s+)?lid\b|\b(?:de|een|het)\s+(?:plaatsvervanger"
                       r"|ambtenaar|werknemer|belanghebbende|aanvrager|deskundige|medewerker|betrokkene)\b", re.I)
FINITE_AFTER = re.compile(r"^\s+(kan|kunnen|is|zijn|zal|zullen|stelt|stellen|neemt|nemen|besluit|besluiten|draagt"
                          r"|dragen|wordt|worden|heeft|hebben|zendt|zenden|legt|leggen|brengt|brengen|geeft|geven"
                          r"|doet|doen|benoemt|benoemen)\b", re.I)


def _compatible(kind: str, organ: Organ) -> bool:
    if kind == "any":
        return True
    if kind == "m":
        return organ.gender == "hij" or (not organ.plural and organ.gender == "de")
    if kind == "f/pl":
        return organ.plural or organ.gender == "de"
    if kind == "pl":
        return organ.plural
    if kind == "f":
        return organ.plural or (organ.gender == "de" and not organ.plural)
    if kind == "f/sg":
        return organ.gender == "de" and not organ.plural
    if kind == "n":
        return organ.gender == "het" and not organ.plural
    return False


@detector("AMB-15", name="verwijzend voornaamwoord dubbelzinnig", requires={"organs", "lemmas"},
          default_severity=Severity.SUGGESTIE, rule="research AMB-15 (Ezzini et al. 2022)", context_adjust=False)
def pronouns(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        for t in pi.tokens:
            kind = PRONOUNS.get(t.lower)
            if kind is None:
                continue
            if t.lower in ("deze", "dit") and not FINITE_AFTER.match(pi.text[t.end:]):
                continue
            if t.lower in ("deze", "dit") and OBJECT_PASSIVE_RE.match(pi.text[t.end:]):
                continue  # "Nadat deze is vastgesteld": what is adopted is a document (the begroting), no organ
            if t.lower == "haar" and res.caps.pos and t.pos and t.pos != "PRON":
                continue
            if t.lower in ("hem", "hen", "haar") and re.search(r"\b(die|dat)\s*$", pi.text[max(0, t.start - 6):t.start]):
                continue  # "aan de minister die hem heeft aangewezen": the main clause's subject (the lid)
            if kind == "f/pl":
                kind = _number_of_subject(pi.text, t.end)
            cands = _candidates(res, pi, t.start)
            organs = {}
            for m in cands:
                o = res.organ(m.key)
                if o is not None and _compatible(kind, o):
                    organs.setdefault(m.key, m)
            if t.lower == "laatstgenoemde" or t.lower == "eerstgenoemde":
                continue  # resolvable by order; only flagged when no organ precedes (not done)
            if len(organs) < 2:
                continue
            s, e = pi.sentence_of(t.start)
            if kind in ("pl", "f/pl") and _one_list(pi, organs.values(), s, t.start):
                continue  # "aan de minister, de raden en de colleges de door hen gevraagde …": all of them
            competence = res.competence_clause(pi, t.start)
            names = ", ".join(f"'{m.text}'" for m in organs.values())
            person = PERSON_RE.search(pi.text[s:t.start]) if kind == "m" else None
            subject = _subject(res, pi, s, t.start, organs) or _previous_subject(res, pi, s, t.start, organs)
            note = (f" Vermoedelijk is '{person.group(0)}' bedoeld (geen orgaan, maar de voor de hand liggende "
                    "verwijzing); verlaagd." if person else
                    f" Vermoedelijk is '{subject.text}' bedoeld, het onderwerp van de zin; verlaagd." if subject else "")
            clear = bool(person or subject)
            yield make_flag("AMB-15", pi, t.start, t.end,
                            severity=Severity.SUGGESTIE,
                            confidence=0.55 if competence and not clear else 0.4,
                            explanation=f"'{t.text}' kan verwijzen naar {names}.{note}",
                            question=f"Naar welk orgaan verwijst '{t.text}'?",
                            suggestion=f"Herhaal de naam van het orgaan in plaats van '{t.text}'.")


def _subject(res: Resources, pi: PassageInfo, s: int, pos: int, organs: dict) -> Mention | None:
    """The organ that opens the sentence (its subject) when the pronoun sits later in that same sentence:
    "Gedeputeerde staten stellen de rekenkamer op de hoogte van de onderzoeken die zij doen instellen".
    Subject preference resolves a pronoun inside the subject's own sentence; across sentences it does not."""
    if not pi.text[s:pos].strip():
        return None  # the pronoun opens the sentence: "Hij stelt …" after two organs stays ambiguous
    first = next((m for m in res.organ_mentions.get(pi.passage.id, []) if s <= m.start < pos), None)
    if first is None or first.key not in organs:
        return None
    lead = pi.text[s:first.start].strip().lower()
    return first if lead in ("", "de", "het") else None


# Passives whose subject is a document or decision, never an organ ("deze is vastgesteld / wordt toegezonden").
OBJECT_PASSIVE_RE = re.compile(r"^\s+(?:is|wordt|worden|zijn)\s+(?:\w+\s+){0,3}?(?:vastgesteld|goedgekeurd|gewijzigd"
                               r"|ingediend|ontvangen|verzonden|toegezonden|bekendgemaakt|gepubliceerd|ondertekend)\b",
                               re.I)
# "aan de raden …, die ter zake hun zienswijze naar voren kunnen brengen": in a relative clause the possessive
# refers to the relative pronoun's antecedent, the noun just before ", die".
RELATIVE_RE = re.compile(r",\s*die\b[^,;.]*$", re.I)
SINGULAR_AUX = re.compile(r"\b(?:heeft|is|wordt|kan|zal|mag|moet)\b", re.I)
PLURAL_AUX = re.compile(r"\b(?:hebben|zijn|worden|kunnen|zullen|mogen|moeten)\b", re.I)
# A finite verb directly before an organ: the organ is the inverted subject ("…, regelen gedeputeerde staten …").
INVERTED_RE = re.compile(r"\b(?:\w+en|\w+t|is|kan|zal|heeft|wordt)\s+(?:de\s+|het\s+)?$", re.I)


def _number_of_subject(text: str, end: int) -> str:
    """"zij" with a singular auxiliary in its clause ("Indien zij … een onderzoek heeft ingesteld") refers to a
    singular de-word (the rekenkamer), with a plural one to a plural antecedent; else both stay possible."""
    clause = re.split(r"[,;:.]", text[end:end + 120], maxsplit=1)[0]
    sg, pl = SINGULAR_AUX.search(clause), PLURAL_AUX.search(clause)
    if sg and (not pl or sg.start() < pl.start()):
        return "f/sg"
    if pl:
        return "pl"
    return "f/pl"


def _previous_subject(res: Resources, pi: PassageInfo, s: int, pos: int, organs: dict) -> Mention | None:
    """Subject continuity (centering): a pronoun that is the subject of its sentence ("Zij regelen daarbij …")
    continues the subject of the previous sentence when that sentence opens with a compatible organ
    ("Provinciale staten kunnen commissies instellen …"). The inverted subject of the pronoun's own clause
    ("…, regelen gedeputeerde staten … een door hen ingestelde commissie") is preferred likewise."""
    mentions = res.organ_mentions.get(pi.passage.id, [])
    rel = RELATIVE_RE.search(pi.text[s:pos])
    if rel:
        before = [m for m in mentions if s <= m.end <= s + rel.start() and m.key in organs
                  and not pi.text[m.end:s + rel.start()].strip(" ,")
                  or s <= m.end <= s + rel.start() and m.key in organs
                  and re.fullmatch(r"\s+(?:van|der)\s+[^,;.]{0,60}", pi.text[m.end:s + rel.start()])]
        if before:
            return before[-1]
    for m in mentions:
        if s <= m.start < pos and m.key in organs and INVERTED_RE.search(pi.text[max(s, m.start - 30):m.start]) \
                and not re.search(r"\b(?:door|van|aan|met|bij|voor|dan|en|of)\s+(?:de\s+|het\s+)?$",
                                  pi.text[max(s, m.start - 12):m.start], re.I):
            return m
    if pi.text[s:pos].strip():
        return None
    prev = [m for m in mentions if m.end <= s]
    if not prev:
        return None
    ps, _pe = pi.sentence_of(prev[-1].start)
    first = next((m for m in mentions if ps <= m.start < s), None)
    if first is None or first.key not in organs or pi.text[ps:first.start].strip().lower() not in ("", "de", "het"):
        return None
    # Only when the rival organs sit in a subordinate or relative clause of that sentence ("Provinciale staten
    # kunnen commissies instellen die … met gedeputeerde staten kunnen overleggen"); a rival in the main clause
    # ("De voorzitter overlegt met de secretaris. Hij …") leaves the pronoun ambiguous.
    rivals = [m for m in mentions if ps <= m.start < s and m.key in organs and m.key != first.key]
    if any(not re.search(r"\b(?:die|dat|welke|waar\w+|indien|nadat|zodat)\b", pi.text[first.end:m.start], re.I)
           for m in rivals):
        return None
    return first


def _candidates(res: Resources, pi: PassageInfo, pos: int) -> list[Mention]:
    s, _e = pi.sentence_of(pos)
    mentions = res.organ_mentions.get(pi.passage.id, [])
    same = [m for m in mentions if m.end <= pos and m.start >= s]
    prev_sent = [m for m in mentions if m.end <= s]
    if prev_sent:
        ps = pi.sentence_of(prev_sent[-1].start)
        prev_sent = [m for m in prev_sent if m.start >= ps[0]]
    elif pi.index > 0 and res.passages[pi.index - 1].passage.artikel == pi.passage.artikel:
        prev = res.passages[pi.index - 1]
        pm = res.organ_mentions.get(prev.passage.id, [])
        if pm:
            ps = prev.sentence_of(pm[-1].start)
            prev_sent = [m for m in pm if m.start >= ps[0]]
    return prev_sent + same


def _one_list(pi: PassageInfo, mentions, s: int, pos: int) -> bool:
    """The candidate organs form one coordinated list in this sentence, so a plural pronoun means all of them."""
    ms = sorted(mentions, key=lambda m: m.start)
    if any(m.start < s or m.end > pos for m in ms):
        return False
    gaps = [pi.text[a.end:b.start] for a, b in zip(ms, ms[1:], strict=False)]
    joined = any(re.search(r",|\ben\b|\bof\b|\balsmede\b", g) for g in gaps)
    return joined and all(len(g) <= 60 and not re.search(r"[;:.]", g) for g in gaps)
