"""Who holds an agentless act when the sentence does not say: read from the instrument, the lid, the artikel or
the section (round 11). Shared by AMB-05 (agentless passive) and AMB-02 (passive power "kan worden …").

A lawyer who meets "De schorsing kan eenmaal worden verlengd" reads the artikelen before it in the same
paragraaf: "kan een besluit door het … bevoegde bestuursorgaan worden geschorst". The holder is knowable, so
the finding is a drafting point (SUGGESTIE) that names the probable holder, not a competence without holder
(ZORG). The rules here are linguistic (an instrument phrase, an earlier sentence or lead-in of the lid, one actor
in the artikel, a reference in the subject, the same act or object in the preceding artikelen of the same
hoofdstuk/paragraaf), never keyed on a text or an article number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.ambiguity.amb07_overlap.grammar import SUBORDINATOR_RE, in_subordinate_clause
from models.ambiguity.resources import (
    ACTOR_HEADS,
    AGENT_INSTRUMENT_RE,
    ORD_NUM,
    ORDINALS,
    PassageInfo,
    Resources,
)
from models.nlp import lemma

KIND_HEAD = (r"(?:\w*wet|algemene\s+maatregel\s+van\s+bestuur|ministeriële\s+regeling|koninklijk\s+besluit"
             r"|\w*verordening|wettelijk\s+voorschrift)")
DEFINITE_HEAD = r"(?:\w*regeling|reglement|statuten|beleidsregels?|\w*besluit|\w*beschikking)"
# An instrument whose maker the reader knows: by its kind (a wet, an AMvB, a ministeriële regeling, a verordening) or
# as a definite, identified instrument ("In het vernietigingsbesluit", "bij het koninklijk besluit, bedoeld in dat
# artikel", "Bij het in artikel 3:21 bedoelde wettelijk voorschrift"). Not "bij nadere regeling": who makes that
# regeling is exactly the question.
INSTRUMENT_RE = re.compile(
    r"\b(?:[Bb]ij|[Ii]n)\s+(?:of\s+krachtens\s+)?(?:"
    r"(?:(?:de|het|een|dat|dit|die|deze)\s+)?(?:(?:in|bij)\s+(?:[^.;:]|(?<=\d):(?=\d)){0,80}?\s+(?:bedoelde|genoemde)\s+"
    r"|[\w-]+e\s+)?" + KIND_HEAD +
    r"|(?:de|het|dat|dit|die|deze)\s+(?:(?:in|bij)\s+(?:[^.;:]|(?<=\d):(?=\d)){0,80}?\s+(?:bedoelde|genoemde)\s+"
    r"|[\w-]+e\s+)?" + DEFINITE_HEAD + r")\b")
# "tenzij bij wettelijk voorschrift anders is bepaald": a reservation, no instrument that holds an act.
RESERVATION_RE = re.compile(r"^\s*(?:\w+\s+){0,3}?anders\b|^\s*(?:\w+\s+){0,2}?niet\s+anders\b", re.I)
# "Hierbij kan worden bepaald …" after "Bij algemene maatregel van bestuur kunnen regels worden gesteld": the
# pronominal adverb points back to the instrument of the sentence before.
ANAPHOR_RE = re.compile(r"^\W*(?:Hierbij|Daarbij|Hierin|Daarin|(?:Bij|In)\s+(?:die|deze|dat|dit)\s+(?:\w+\s+)?"
                        r"(?:regeling|regels|besluit|maatregel|verordening))\b", re.I)
# A general ban ("Het is een ieder verboden …", "Niemand mag …"): a later permission in the passive ("kunnen
# gegevens aan derden worden verstrekt") is an exception addressed to everyone the ban binds.
BAN_RE = re.compile(r"\b(?:een\s+ieder|iedereen|eenieder)\b[^.;]{0,40}\bverboden\b|\bverboden\b[^.;]{0,20}"
                    r"\b(?:een\s+ieder|iedereen|eenieder)\b|\b[Nn]iemand\s+(?:mag|is\s+bevoegd)\b", re.I)
# What a private party files and withdraws itself: "Het bezwaar kan worden ingetrokken", "Een verklaring als bedoeld
# in …, onder f, kan worden ingetrokken", "Een schriftelijke aanvraag … kan worden ingetrokken". Not an organ's
# statement ("verklaring van geen bezwaar", "verklaring omtrent het gedrag").
FILING_NOUN_RE = re.compile(r"\b(?:bezwaar(?:schrift)?|beroep(?:schrift)?|aanvraag|aanvragen|verzoek(?:schrift)?|klacht"
                            r"|zienswijzen?|aanmelding|opgave|kandidatenlijst|\w*verklaring(?!\s+(?:van|omtrent)\b))\b",
                            re.I)
# "door het tot vernietiging bevoegde bestuursorgaan": an agent phrase whose actor noun the actor pattern misses.
LOOSE_AGENT_RE = re.compile(rf"\bdoor\s+(?:de|het|Onze)\s+(?:[\w-]+\s+){{0,5}}?(?P<np>{ACTOR_HEADS})\b")
# "De op grond van het eerste lid gestelde regels", "de in het eerste lid genoemde subsidie", "bedoeld in het
# derde lid": the subject points to the lid that confers the act.
LID_REF_RE = re.compile(r"\b(?:in|van|op\s+grond\s+van|krachtens|ingevolge)\s+het\s+(" + "|".join(ORDINALS) + r")\b"
                        r"(?:[^.;:]{0,60}?)\blid\b", re.I)
DETERMINER_RE = re.compile(r"(?<![\w-])(?:de|het|een|deze|die|dit|dat|zijn|haar|hun)\s+", re.I)
WORD_AT_RE = re.compile(r"([a-zà-ÿ][\w-]*)(?:\s+([a-zà-ÿ][\w-]*))?")
PREPOSITIONS = {"van", "aan", "bij", "op", "in", "met", "voor", "tot", "over", "door", "uit", "onder", "tegen", "naar",
                "om", "na", "zonder", "jegens", "binnen", "tussen", "omtrent", "betreffende", "inzake"}
NOUN_STOP = {"worden", "wordt", "werd", "zijn", "kunnen", "moeten", "mogen", "zullen", "hebben", "niet", "geen",
             "ook", "echter", "wijze", "gevolg", "geval", "gevallen", "toepassing", "grond", "eerste", "tweede", "derde", "vierde",
             "vijfde", "artikel", "artikelen", "lid", "leden", "onderdeel", "zin", "volzin", "dag", "datum", "jaar",
             "termijn", "tijdstip", "periode", "hoogte", "kader", "mate", "bepaalde", "betrokkene", "betrokkenen"}
STATIVE = {"is", "zijn", "was", "waren"}
# An indirect question or w-relative before the verb ("aangegeven welke belangen het archief nastreeft en voor welke
# doelgroepen zij zijn bestemd"): the verb describes, the clause's actor does not perform the act.
QUESTION_RE = re.compile(r"\b(?:welke?|hoe|hoeveel|waar(?:in|bij|mee|op|voor|aan|over|uit|van|naar)?|wie|wat)\b", re.I)
FUNCTION_WORDS = {"kan", "kunnen", "mag", "mogen", "moet", "moeten", "zal", "zullen", "wordt", "worden", "is", "zijn",
                  "was", "waren", "heeft", "hebben", "terug", "vast", "aan", "op", "in", "uit", "toe", "af", "en", "of",
                  "ook", "niet", "nog", "wel", "dan", "als", "die", "dat"}
# How far back a reader searches the section for the holder.
SECTION_ARTIKELEN = 6


@dataclass(frozen=True, slots=True)
class Holder:
    """The probable holder of an agentless act and where the reader finds it (Dutch, for the explanation)."""

    name: str  # "het bestuursorgaan", "algemene maatregel van bestuur"
    where: str  # "artikel 10:43", "het eerste lid", "dit artikel"

    def note(self) -> str:
        return f" Vermoedelijk {self.name}, zie {self.where}; de houder is te kennen, maar staat er niet. (Verlaagd.)"


def instrument_before(text: str, s: int, end: int) -> str | None:
    """The instrument that opens the sentence or stands in the passive's own clause ("In het vernietigingsbesluit
    kan worden bepaald", "kan bij het koninklijk besluit, bedoeld in dat artikel, de dag … worden vastgesteld"); not
    one in a relative clause before it ("betrokken bij een gemeenschappelijke regeling die … wordt opgeheven")."""
    for m in INSTRUMENT_RE.finditer(text, s, end):
        if RESERVATION_RE.match(text, m.end()):
            continue
        if not text[s:m.start()].strip() or not SUBORDINATOR_RE.search(text, m.end(), end):
            return " ".join(m.group(0).split())
    return None


def lid_instrument(res: Resources, pi: PassageInfo, s: int) -> str | None:
    """The lid's lead-in ("Bij of krachtens algemene maatregel van bestuur:") or, for a sentence opening with a
    pronominal adverb ("Hierbij kan worden bepaald"), the sentence before it names the instrument."""
    lead = next((q for q in res.lid_passages_before(pi) if q.text.rstrip().endswith(":")), None)
    if lead is not None and (m := AGENT_INSTRUMENT_RE.search(lead.text) or INSTRUMENT_RE.search(lead.text)):
        return " ".join(m.group(0).split())
    if ANAPHOR_RE.match(pi.text[s:]):
        prev = [(ps, pe) for ps, pe in pi.sentences if pe <= s]
        if prev and (m := AGENT_INSTRUMENT_RE.search(pi.text[prev[-1][0]:prev[-1][1]])):
            return " ".join(m.group(0).split())
    return None


def withdraws_filing(text: str, s: int, end: int, verb: str, noun: str) -> bool:
    """"Het bezwaar kan schriftelijk worden ingetrokken": a party withdraws what it filed (the subject ``noun`` is a
    filing, read in ``text[s:end]`` so that "verklaring van geen bezwaar" is left out); no organ's power."""
    return verb.replace("_", "") == "intrekken" and any(m.group(0).lower() == noun
                                                          for m in FILING_NOUN_RE.finditer(text, s, end))


def ban_exception(res: Resources, pi: PassageInfo, s: int) -> str | None:
    """An earlier lid or sentence of the artikel bans an act for everyone: the passive permission after it is an
    exception for whoever the ban binds. Returns where the ban stands."""
    for q in res.artikel_passages(pi.passage.artikel) if pi.passage.artikel else [pi]:
        if q.index > pi.index:
            break
        stop = s if q is pi else len(q.text)
        if BAN_RE.search(q.text[:stop]):
            return _where(pi, q)
    return None


def artikel_actor(res: Resources, pi: PassageInfo, outside: tuple[int, int]) -> Holder | None:
    """Exactly one organ or public actor named anywhere in the artikel (outside the passive's own clause): the
    only candidate holder ("Het bestuursorgaan kan …" in lid 1, "De subsidie kan lager worden vastgesteld" in lid 2)."""
    art = pi.passage.artikel
    if art is None:
        return None
    found: dict[str, str] = {}
    for q in res.artikel_passages(art):
        for m in res.named_actors(q, 0, len(q.text)):
            if q is pi and outside[0] <= m.start < outside[1]:
                continue
            found.setdefault(_norm(m.key), _display(q, m.start, m.end, m.text))
        for inst in AGENT_INSTRUMENT_RE.finditer(q.text):
            if _instrument_acts(q, inst.start(), inst.end()):
                found.setdefault(_norm(inst.group(0)), _instrument_name(inst.group(0)))  # its maker is a candidate
    if len(found) != 1:
        return None
    return Holder(_with_article(next(iter(found.values()))), "dit artikel")


def _instrument_acts(q: PassageInfo, start: int, end: int) -> bool:
    """The instrument holds an act in a main clause ("Bij algemene maatregel van bestuur kan … worden afgeweken",
    "Bij ministeriële regeling wordt bepaald"); not a condition or reservation ("Indien bij wettelijk voorschrift
    geen termijn is bepaald", "tenzij bij wettelijk voorschrift anders is bepaald")."""
    s, e = q.sentence_of(start)
    if in_subordinate_clause(q.text, s, start) or RESERVATION_RE.match(q.text, end):
        return False
    stop = SUBORDINATOR_RE.search(q.text, end, e)
    return bool(re.search(r"\b(?:kan|kunnen|wordt|worden|moet|moeten|mag|mogen)\b|^\s*(?:\w+\s+){0,2}?te\s+(?:stellen|bepalen"
                          r"|regelen)\b", q.text[end:stop.start() if stop else e], re.I))  # "bij … te stellen regels"


# An actor that opens its sentence, definite or not ("Een Wlz-uitvoerder kan …", "Het CIZ kan …").
OPENING_ACTOR_RE = re.compile(rf"^\W*(?:(?:[Ee]en|[Dd]e|[Hh]et|Onze)\s+)?(?P<np>(?:[A-Za-z]+e\s+)?{ACTOR_HEADS}\b"
                              r"|[A-Z][a-z]+-[a-z]+|[A-Z]{2,}[\w-]*|Minister\b)")
POWER_RE = re.compile(r"\b(?:kan|kunnen|mag|mogen|is\s+bevoegd|zijn\s+bevoegd)\b", re.I)


def lid_subject(res: Resources, pi: PassageInfo, s: int) -> Holder | None:
    """An earlier sentence of the same passage gives one actor a power ("Een Wlz-uitvoerder kan … het bedrag
    vorderen. … kan deze worden vastgesteld op een geschat bedrag."): the passive continues that power."""
    for ps, pe in reversed([(a, b) for a, b in pi.sentences if b <= s]):
        sent = pi.text[ps:pe]
        if not POWER_RE.search(sent):
            continue
        actors = {_norm(k): t for k, t in _acting(res, pi, ps, pe)}
        if not actors and (m := OPENING_ACTOR_RE.match(sent)):
            actors = {_norm(m.group("np")): m.group("np")}
        if len(actors) == 1:
            return Holder(_with_article(next(iter(actors.values()))), "de vorige zin")
        return None
    return None


def referenced_holder(res: Resources, pi: PassageInfo, subject: str) -> Holder | None:
    """The subject points to a lid of the same artikel ("De op grond van het eerste lid gestelde regels", "de in
    het eerste lid genoemde subsidie") that names the instrument or the one actor that makes it."""
    m = LID_REF_RE.search(subject)
    if m is None or not pi.passage.artikel:
        return None
    lid = ORD_NUM[m.group(1).lower()]
    scope = [q for q in res.artikel_passages(pi.passage.artikel) if q.passage.lid == lid and q is not pi]
    for q in scope:
        for rx in (AGENT_INSTRUMENT_RE, INSTRUMENT_RE):
            if inst := next((i for i in rx.finditer(q.text) if _instrument_acts(q, i.start(), i.end())), None):
                return Holder(_instrument_name(inst.group(0)), f"het {m.group(1).lower()} lid")
    actors = {_norm(a.key): a.text for q in scope for a in res.named_actors(q, 0, len(q.text))}
    if len(actors) == 1:
        return Holder(_with_article(next(iter(actors.values()))), f"het {m.group(1).lower()} lid")
    return None


def object_noun(text: str, lo: int, hi: int) -> str:
    """Head noun of the passive's subject or object in ``text[lo:hi]``: the first determiner phrase not inside a
    prepositional phrase ("De schorsing van een besluit" → schorsing); "" when there is none ("kan deze worden
    vastgesteld": a pronoun)."""
    for word, _start, in_pp in _noun_phrases(text, lo, hi):
        if not in_pp and word not in NOUN_STOP and not word.endswith(("lijk", "ijk")):
            return word
    return ""


def _noun_phrases(text: str, lo: int, hi: int) -> list[tuple[str, int, bool]]:
    """(head noun, offset, inside a prepositional phrase) of each determiner phrase in ``text[lo:hi]``. A word in
    -e/-ig/-isch after the determiner is an adjective only when a content word follows ("de nieuwe regeling"), not
    in "vordert de subsidie terug" or "De bijdrage wordt"."""
    out = []
    for d in DETERMINER_RE.finditer(text, lo, hi):
        m = WORD_AT_RE.match(text, d.end(), hi)
        if m is None:
            continue
        w1, w2 = m.group(1).lower(), (m.group(2) or "").lower()
        adjective = w2 and re.search(r"(?:e|ig|isch)$", w1) and w2 not in FUNCTION_WORDS | PREPOSITIONS | NOUN_STOP
        word, start = (w2, m.start(2)) if adjective else (w1, m.start(1))
        if len(word) < 4 or word in FUNCTION_WORDS:
            continue
        before = text[lo:d.start()].split()
        out.append((word, start, bool(before) and before[-1].lower() in PREPOSITIONS))
    return out


def section_holder(res: Resources, pi: PassageInfo, s: int, e: int, verb: str, noun: str) -> Holder | None:
    """The holder of the act from its section: the nearest sentence, in the earlier leden of the artikel, in the
    preceding artikelen of the same hoofdstuk/paragraaf, or in the later leden of the artikel, where one named
    organ or public actor, as subject or "door"-agent, acts on the same object noun (lemma) or performs the act
    whose result the object names ("schorsing" ← "schorsen"), or, for a passive without a nameable object, performs
    the same act; or where an instrument ("bij algemene maatregel van bestuur") governs such a sentence."""
    # With a known object only that object counts (an act on it, or the act its name is formed from): "De
    # werkbegroting wordt vastgesteld" is not held by whoever "stelt de begroting vast". Without one, the same act.
    verbs = {_verb_of(noun)} - {""} if noun else {verb.replace("_", "")}
    noun_lemma = lemma(noun) if noun else ""
    for q in _section_scope(res, pi):
        own = q.passage.artikel == pi.passage.artikel
        for qs, qe in q.sentences:
            if q is pi and qs <= s < qe:
                continue
            verb_at = min((p for v in verbs if (p := _verb_pos(q, qs, qe, v)) is not None), default=None)
            if not noun and not own and verb_at is not None and not re.search(r"\bhet\s+$", q.text[qs:verb_at], re.I):
                verb_at = None  # without a known object, outside the artikel only the act as the section's topic
                # counts ("Het horen geschiedt door de bezwaarcommissie"), not any "stelt … vast"
            noun_at = _noun_pos(q, qs, qe, noun, noun_lemma) if noun else None
            if verb_at is None and noun_at is None:
                continue
            inst = next((m for m in AGENT_INSTRUMENT_RE.finditer(q.text, qs, qe)
                         if _instrument_acts(q, m.start(), m.end())), None)
            if inst is not None:
                return Holder(_instrument_name(inst.group(0)), _where(pi, q))
            if verb_at is None and (noun_at is None or noun_at[1] or not (
                    res.competences_in(q, (qs, qe)) or _verb_pos(q, qs, qe, verb.replace("_", "")) is not None)):
                continue  # the object only in a prepositional phrase, or no act on it in this sentence
            actors = {_norm(k): t for k, t in _acting(res, q, qs, qe)}
            if len(actors) == 1:
                return Holder(_with_article(next(iter(actors.values()))), _where(pi, q))
            if actors:
                return None  # several actors on the same act: which one holds it is a real question
    return None


def _acting(res: Resources, q: PassageInfo, s: int, e: int) -> list[tuple[str, str]]:
    """Actors of the sentence in an acting role: the subject at the start of its clause ("Het college … vordert …
    terug", "Indien …, kan het bestuursorgaan …"), the subject of a coordinated clause ("… op en het algemeen bestuur
    stelt … vast") or a "door"-agent ("door het … bevoegde bestuursorgaan")."""
    text = q.text
    out = []
    for a in res.named_actors(q, s, e):
        before = text[max(s, a.start - 16):a.start]
        cut = max(text.rfind(c, s, a.start) for c in ",;:")
        words = [w for w in re.findall(r"[\w-]+", text[(cut + 1 if cut >= s else s):a.start])
                 if w.lower() not in ("de", "het", "onze", "een")]
        if len(words) <= 1 or re.search(r"\b(?:door|en|maar|terwijl)\s+(?:de|het|Onze)?\s*$", before):
            out.append((a.key, _display(q, a.start, a.end, a.text)))
    if not out and (m := LOOSE_AGENT_RE.search(text, s, e)):
        out.append((m.group("np"), m.group(0)[4:].strip()))  # "het tot vernietiging bevoegde bestuursorgaan"
    return out


def _display(q: PassageInfo, start: int, end: int, text: str) -> str:
    """The actor as the reader knows it: with its determiner ("het bestuursorgaan") and "Burgemeester en
    wethouders", not the registry's "Burgemeester"."""
    m = re.match(r"\s+en\s+wethouders\b", q.text[end:end + 20], re.I)
    det = re.search(r"\b(de|het|Onze)\s+$", q.text[max(0, start - 6):start], re.I)
    out = text + m.group(0) if m else text
    return f"{det.group(1).lower() if det.group(1) != 'Onze' else 'Onze'} {out}" if det and not re.match(
        r"(?:de|het|Onze)\b", out, re.I) else out


def _verb_pos(q: PassageInfo, s: int, e: int, inf: str) -> int | None:
    """Offset of a form of the verb ``inf`` that names the act in the sentence: "vaststellen", "stelt … vast",
    "het horen", "geschorst"; not a state ("voor welke doelgroepen zij zijn bestemd": a participle after "zijn", or
    a verb inside an indirect question). None when absent."""
    toks = [t for t in q.tokens if s <= t.start < e]
    for i, t in enumerate(toks):
        if t.lemma.replace("_", "") == inf or t.lower == inf:
            if i and toks[i - 1].lower in STATIVE or QUESTION_RE.search(q.text, s, t.start):
                continue
            return t.start
    for particle in ("terug", "vast", "aan", "op", "in", "uit", "toe", "over", "af", "goed", "mee", "na", "bij"):
        if inf.startswith(particle) and len(inf) > len(particle) + 3:
            base = inf[len(particle):]
            hit = next((t for t in toks if t.lemma == base), None)
            if hit is not None and any(t.lower == particle for t in toks):  # "vordert … terug", "terug te vorderen"
                return hit.start
    return None


def _noun_pos(q: PassageInfo, s: int, e: int, noun: str, noun_lemma: str) -> tuple[int, bool] | None:
    """(offset, inside a prepositional phrase) of the noun in the sentence, preferring a determiner phrase outside a
    prepositional phrase; None when absent."""
    found = None
    for word, start, in_pp in _noun_phrases(q.text, s, e):
        if word == noun or lemma(word) == noun_lemma:
            if not in_pp:
                return start, False
            found = found or (start, True)
    if found is None and (m := re.search(rf"\b{re.escape(noun)}\b", q.text[s:e], re.I)):
        found = (s + m.start(), True)
    return found


def _section_scope(res: Resources, pi: PassageInfo) -> list[PassageInfo]:
    """The passages a reader searches for the holder, in order: the earlier passages of the artikel (nearest first)
    and ``pi`` itself (its other sentences), the passages of up to ``SECTION_ARTIKELEN`` preceding artikelen in the
    same hoofdstuk/paragraaf (nearest first), then the later passages of the artikel."""
    art = pi.passage.artikel
    if art is None:
        return []
    own = res.artikel_passages(art)
    earlier = [q for q in reversed(own) if q.index <= pi.index]
    later = [q for q in own if q.index > pi.index]
    unit = _unit(pi)
    out, seen = [], {art}
    for q in reversed(res.passages[:own[0].index if own else pi.index]):
        qa = q.passage.artikel
        if qa is None or _unit(q) != unit:
            break
        if qa not in seen:
            if len(seen) > SECTION_ARTIKELEN:
                break
            seen.add(qa)
        out.append(q)
    return earlier + out + later


def _unit(pi: PassageInfo) -> tuple:
    """The structural unit above the artikel: its hoofdstuk/afdeling/paragraaf path."""
    out = []
    for lvl, label in pi.passage.path:
        if lvl == "artikel":
            break
        out.append((lvl, label))
    return tuple(out)


def _verb_of(noun: str) -> str:
    """The verb a result noun is formed from: schorsing → schorsen, registratie → registreren."""
    if noun.endswith("ing") and len(noun) > 5:
        return noun[:-3] + "en"
    if noun.endswith("atie") and len(noun) > 6:
        return noun[:-4] + "eren"
    return ""


def _where(pi: PassageInfo, q: PassageInfo) -> str:
    if q.passage.artikel == pi.passage.artikel:
        if q.passage.lid and q.passage.lid != pi.passage.lid:
            return f"lid {q.passage.lid} van dit artikel"
        return "dit artikel"
    return f"artikel {q.passage.artikel}"


def _norm(key: str) -> str:
    return " ".join(key.lower().split())


def _with_article(name: str) -> str:
    return name if re.match(r"(?:de|het|Onze|een|bij|in)\b", name, re.I) else f"'{name}'"


def _instrument_name(phrase: str) -> str:
    """"Bij algemene maatregel van bestuur" → "bij algemene maatregel van bestuur" (it follows "Vermoedelijk")."""
    phrase = " ".join(phrase.split())
    return phrase[:1].lower() + phrase[1:]
