"""AMB-06 Organ designation undefined or inconsistent (orgaanaanduiding / aliasing).

Noun phrases headed by an organ noun (bestuur, raad, college, commissie, regio, …) that
are not in the organ registry (Wgr/municipal seeds + aliases learned from the
definitions) → undefined organ (KRITIEK as subject of a competence verb, else INFO).
Several names of one organ within one artikel (alias mixing, ZORG in a competence clause,
else SUGGESTIE). "de (deelnemende) gemeente(n)" as acting subject: which organ (raad,
college, burgemeester)? (ZORG). Singular "het college"/"de raad" without qualifier where
the regulation elsewhere speaks of the plural "colleges"/"raden" (number mismatch,
SUGGESTIE). "bestuur" inside a compound (Drechtstedenbestuur) is never split.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from wordfreq import zipf_frequency

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import NON_SUBJECT_PREPS, ORGAN_HEADS, Resources

# Determiner + up to two lower-case adjectives + organ head ("dat bestuur" is anaphoric: AMB-15's business).
NP_RE = re.compile(r"\b(?:het|de)\s+((?:(?-i:[a-zà-ÿ]+)\s+){0,2}?)(" + "|".join(ORGAN_HEADS) + r")\b"
                   r"(?!\s+van\b)(?![-\w])", re.I)
ADJ_RE = re.compile(r"^[a-zà-ÿ]+(e|al|aal|lijk|ijk|isch|s|end)$")  # "-end": "het uitvoerend bestuur"
# A lower-case compound on an organ head ("het regiobestuur", "de uitvoeringsraad"): a name of its own.
COMPOUND_RE = re.compile(r"\b(?:het|de|Het|De)\s+([a-zà-ÿ]{3,}(?:bestuur|raad|commissie|college|directie))\b"
                         r"(?!\s+van\b)")
GEMEENTE_SUBJ_RE = re.compile(r"\b(?:de|elke|iedere)\s+(?:deelnemende\s+)?gemeenten?\b", re.I)
PAYMENT_RE = re.compile(r"\b(voldoen|voldoet|betalen|betaalt|dragen\s+bij|draagt\s+bij)\b", re.I)
# "het college van elke gemeente", "de raad die hem heeft aangewezen": the singular is identified.
QUALIFIER_RE = re.compile(r"^\s*(van\s+(de|elke|iedere|een|die|betrokken|desbetreffende)|der\b"
                          r"|,?\s*(die|dat|welke|waarvan|waarin|waaruit|waartoe)\b)", re.I)


# Finite verbs after "de gemeenten" that state a property, a share or a receipt, not an act of an organ.
STATIVE = {"zijn", "is", "hebben", "heeft", "blijven", "blijft", "worden", "wordt", "ontvangen", "ontvangt", "krijgen",
           "krijgt", "behouden", "behoudt", "beschikken", "beschikt", "vallen", "valt", "liggen", "ligt", "staan",
           "staat", "delen", "deelt", "nemen", "neemt", "kennen", "kent", "tellen", "telt", "vormen", "vormt",
           "genieten", "geniet", "hoeven", "hoeft", "betalen", "betaalt", "voldoen", "voldoet"}
NOT_VERBS = {"en", "of", "binnen", "tegen", "zonder", "tussen", "boven", "beneden", "buiten", "ten", "open", "samen",
             "gezamenlijk", "zelf", "die", "welke", "alsmede", "benevens"}
MODALS = {"kan", "kunnen", "mag", "mogen", "moet", "moeten", "dient", "dienen", "zal", "zullen"}
# Money in the clause: "de gemeenten dragen bij in de kosten" is paying, not acting.
MONEY_RE = re.compile(r"\b(kosten|bijdragen?|bedrag(?:en)?|tekort(?:en)?|lasten|vergoeding(?:en)?|voorschot(?:ten)?"
                      r"|saldo|nadeel|exploitatie\w*|€|euro)\b", re.I)


def acting_subject_verb(text: str, s: int, e: int, m: re.Match) -> str:
    """The finite verb when "de (deelnemende) gemeente(n)" opens the clause and acts ("leveren", "dragen … bij
    aan"); "" for states, receipts and payments, and for a clause that names the deciding organ itself
    ("… bij besluit van haar raad")."""
    if text[s:m.start()].strip(" \t\n;:(") or MONEY_RE.search(text, s, e):
        return ""
    nxt = re.match(r"\s+([a-zà-ÿ]+)\b", text[m.end():e])
    if not nxt:
        return ""
    verb = nxt.group(1)
    plural = m.group(0).lower().endswith("gemeenten")
    finite = verb in MODALS or (verb.endswith("en") if plural else verb.endswith("t"))
    if not finite or verb in STATIVE or verb in NOT_VERBS:
        return ""
    if re.search(r"\b(?:door|van)\s+(?:de|het|haar|hun|zijn)\s+(?:raad|raden|college|colleges|burgemeester)\b",
                 text[m.end():e], re.I):
        return ""
    return verb


def coordinated_after_prep(before: str) -> bool:
    """True for "van de minister en | de gemeenten": the NP is the second conjunct of a prepositional object."""
    toks = re.findall(r"[\w-]+|,", before.lower())
    if not toks or toks[-1] not in ("en", "of", ","):
        return False
    return any(t in NON_SUBJECT_PREPS for t in toks[-5:-1])


def named_after(text: str, end: int) -> bool:
    """"de gemeenten Bennebroek, …": named municipalities, not an unclear organ."""
    return bool(re.match(r"\s+[A-Z]", text[end:end + 3]))


# Round 7: a generic organ noun restricted by a relative clause ("het orgaan dat het besluit heeft genomen",
# "het orgaan waaraan de bevoegdheid is overgedragen") is a description the clause fixes, not an unclear name.
RESTRICTIVE_RE = re.compile(r"^\s*,?\s*(?:dat|die|waaraan|waarvan|waarbij|waardoor|waarover|waarin|welke?)\b", re.I)
ANAPHORIC_RE = re.compile(r"\b(?:desbetreffende|betrokken|betreffende|bedoelde|genoemde)\b", re.I)


@detector("AMB-06", name="orgaanaanduiding ongedefinieerd of inconsistent", requires={"organs", "definitions",
          "competences"}, default_severity=Severity.ZORG, rule="Ar 4.49 (consistente terminologie); Wgr art. 12",
          context_adjust=False)
def organ_names(res: Resources) -> Iterator[Flag]:
    text_all = " ".join(pi.text.lower() for pi in res.passages)
    defined = {d.term.lower() for d in res.definitions}
    plural_used = bool(re.search(r"\b(colleges|raden)\b", text_all))
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        known = res.organ_mentions.get(pi.passage.id, [])
        for m in NP_RE.finditer(pi.text):
            start = m.start()
            np_start = m.start(1) if m.group(1) else m.start(2)
            if any(k.start <= np_start and k.end >= m.end(2) for k in known):
                continue  # a registered name ("het algemeen bestuur"); "het regionale college" is not
            adjs = m.group(1).split()
            if adjs and not all(ADJ_RE.match(a.lower()) for a in adjs):
                continue  # "de raad vergadert", "dat college" inside another phrase
            phrase = pi.text[start:m.end()]
            s, e = pi.sentence_of(start)
            before = pi.text[max(s, start - 15):start].lower().split()
            subject = not (before and before[-1] in NON_SUBJECT_PREPS)
            if RESTRICTIVE_RE.match(pi.text[m.end():e]):
                continue  # "het orgaan waaraan de bevoegdheid is overgedragen": a description fixed by its clause
            competence = res.competence_clause(pi, start)
            sev = Severity.KRITIEK if subject and competence else Severity.INFO
            note = ""
            if sev is Severity.KRITIEK and ANAPHORIC_RE.search(m.group(0)):
                # "het desbetreffende bestuur": it points back at the body the sentence is about; a reader can
                # resolve it, a drafter should still name it.
                sev, note = Severity.SUGGESTIE, " 'desbetreffende/betrokken' verwijst terug; verlaagd."
            yield make_flag("AMB-06", pi, start, m.end(), severity=sev, confidence=0.7 if subject else 0.45,
                            explanation=f"'{phrase}' is geen orgaan uit de Wgr of de begripsbepalingen; niet vast "
                                        "te stellen welk orgaan bedoeld is." + note,
                            question=f"Welk orgaan is met '{phrase}' bedoeld (algemeen bestuur, dagelijks bestuur, "
                                     "voorzitter, raden, colleges)?",
                            suggestion="Gebruik de naam uit de regeling of neem het begrip op in de "
                                       "begripsbepalingen.")
        yield from _compound_organs(res, pi, known, defined)
        # Number mismatch: "het college" where the regulation speaks of several colleges.
        if plural_used:
            for k in known:
                if k.key in ("college", "raad") and not QUALIFIER_RE.match(pi.text[k.end:k.end + 30]) \
                        and not re.search(r"\b(elk|iedere?|betrokken|desbetreffende)\s*$", pi.text[:k.start], re.I):
                    if re.match(r"(college|raad)$", k.text.split()[-1], re.I) and res.competence_clause(pi, k.start):
                        yield make_flag("AMB-06", pi, k.start, k.end, severity=Severity.SUGGESTIE, confidence=0.45,
                                        explanation=f"'{k.text}' (enkelvoud) terwijl de regeling elders van meerdere "
                                                    "colleges of raden spreekt: welk college of welke raad?",
                                        question="Gaat het om het orgaan van één gemeente (welke?) of van alle?",
                                        suggestion="Schrijf 'het college van elke deelnemende gemeente' of 'de "
                                                   "colleges'.")
        # "de gemeenten" acting: which organ?
        for m in GEMEENTE_SUBJ_RE.finditer(pi.text):
            s, e = pi.sentence_of(m.start())
            before = pi.text[max(s, m.start() - 15):m.start()].lower().split()
            if before and before[-1] in NON_SUBJECT_PREPS | {"voor"}:
                continue
            if coordinated_after_prep(pi.text[max(s, m.start() - 60):m.start()]) or named_after(pi.text, m.end()):
                continue  # "bijdragen van de minister en de gemeenten"; "de gemeenten Bennebroek, …"
            if m.group(0).lower().split()[-1] in defined and not m.group(0).lower().endswith("gemeenten"):
                continue  # "de gemeente" defined as a participant (Rijk, provincie, gemeente)
            near = [c for c in res.competences_in(pi, (s, e)) if not c.passive and c.start > m.start() - 40]
            if not any(c.action_class in ("adoption", "decision", "delegation", "executive", "procedural")
                       for c in near):
                verb = acting_subject_verb(pi.text, s, e, m)
                if verb:
                    # Outside the competence lexicon ("leveren … aan", "dragen … bij aan"): a duty put on
                    # "the municipalities" still needs an organ, but the verb may be a mere description.
                    yield make_flag("AMB-06", pi, m.start(), m.end(), severity=Severity.SUGGESTIE, confidence=0.45,
                                    explanation=f"'{m.group(0)}' is het onderwerp van '{verb}', maar een gemeente "
                                                "handelt via een orgaan: raad, college of burgemeester.",
                                    question="Welk gemeentelijk orgaan moet dit doen: de raad, het college of de "
                                             "burgemeester?",
                                    suggestion="Noem het orgaan: 'de colleges van de deelnemende gemeenten "
                                               f"{verb} …'.")
                continue
            if PAYMENT_RE.search(pi.text[s:e]) and not any(c.action_class in ("adoption", "decision", "delegation")
                                                           for c in near):
                continue  # "de gemeenten voldoen de bijdragen": paying is no competence that needs an organ
            yield make_flag("AMB-06", pi, m.start(), m.end(), severity=Severity.ZORG, confidence=0.6,
                            explanation=f"'{m.group(0)}' handelt hier, maar een gemeente handelt altijd via een "
                                        "orgaan: raad, college of burgemeester.",
                            question="Welk gemeentelijk orgaan is bedoeld: de raad, het college of de burgemeester?",
                            suggestion="Noem het orgaan: 'de raden van de deelnemende gemeenten' of 'de colleges'.")
    yield from _alias_mixing(res)


def _compound_organs(res: Resources, pi, known, defined: set[str]) -> Iterator[Flag]:
    """"Het regiobestuur besluit …": a compound organ name that is neither registered nor defined.

    Common compounds (gemeenteraad, gemeentebestuur, ondernemingsraad: wordfreq Zipf ≥ 3) name known
    institutions and are left alone; a rare one is a name the regulation should have introduced.
    """
    for m in COMPOUND_RE.finditer(pi.text):
        word = m.group(1).lower()
        if word in defined or word in res.organs or zipf_frequency(word, "nl") >= 3.0:
            continue
        if any(k.start <= m.start(1) and k.end >= m.end(1) for k in known):
            continue
        s, _e = pi.sentence_of(m.start())
        before = pi.text[max(s, m.start() - 15):m.start()].lower().split()
        subject = not (before and before[-1] in NON_SUBJECT_PREPS)
        competence = res.competence_clause(pi, m.start())
        yield make_flag("AMB-06", pi, m.start(), m.end(),
                        severity=Severity.KRITIEK if subject and competence else Severity.INFO,
                        confidence=0.7 if subject else 0.45,
                        explanation=f"'{m.group(0)}' is geen orgaan uit de Wgr of de begripsbepalingen; niet vast "
                                    "te stellen welk orgaan bedoeld is.",
                        question=f"Welk orgaan is met '{m.group(0)}' bedoeld (algemeen bestuur, dagelijks bestuur, "
                                 "voorzitter, raden, colleges)?",
                        suggestion="Gebruik de naam uit de regeling of neem het begrip op in de begripsbepalingen.")


def _part_of(res: Resources) -> set[str]:
    """Defined names that stand for a part of an organ, not the organ itself: "Servicecentrum: de
    organisatie-eenheid van het openbaar lichaam die …". The definiens opens with another noun than the organ."""
    names = set(res.organ_names)
    out = set()
    for d in res.definitions:
        term = d.term.lower().strip()
        if term not in {a.name for a in res.aliases}:
            continue
        body = re.sub(r"^(?:de|het|een)\s+", "", d.definiens.lower().strip())
        if not any(body.startswith(n) for n in names) and re.match(r"[\w-]+\s+(?:van|binnen|bij)\s", body):
            out.add(term)
    return out


def _alias_mixing(res: Resources) -> Iterator[Flag]:
    parts = _part_of(res)
    canon = {a.name: a.key for a in res.aliases if a.name not in parts}
    by_art: dict[str | None, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        for k in res.organ_mentions.get(pi.passage.id, []):
            surface = re.sub(r"^(de|het|dit|dat|deze|zijn|haar|hun)\s+", "", k.text.lower())
            surface = re.sub(r"\s+", " ", surface)
            if surface in parts:
                continue
            if surface in canon or any(a.key == k.key for a in res.aliases if a.name not in parts):
                by_art[pi.passage.artikel][k.key].append((surface, pi, k))
    for _art, keys in by_art.items():
        for key, uses in keys.items():
            forms = list(dict.fromkeys(u[0] for u in uses))
            if len(forms) < 2:
                continue
            seen = {uses[0][0]}
            for surface, pi, k in uses:
                if surface in seen:
                    continue
                seen.add(surface)
                competence = res.competence_clause(pi, k.start)
                yield make_flag("AMB-06", pi, k.start, k.end,
                                severity=Severity.ZORG if competence else Severity.SUGGESTIE, confidence=0.6,
                                explanation=f"In dit artikel heet hetzelfde orgaan ({key}) zowel "
                                            f"'{forms[0]}' als '{surface}'.",
                                question="Gaat het om hetzelfde orgaan? Zo ja, gebruik één naam.",
                                suggestion=f"Gebruik overal '{forms[0]}'.")
