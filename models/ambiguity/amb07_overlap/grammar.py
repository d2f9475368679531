"""Clause-level checks on a competence of the competence table (round 8, AMB-02 and AMB-07).

The competence table is built per sentence with light heuristics: a verb form of the lexicon, the first organ
mention as actor, the first noun as object. Before two entries are compared as "the same act on the same
object" (an overlap between organs, or a modality conflict for one organ), these checks tell whether an entry
is a grant at all and what its object really is:

* ``misread`` — the verb form is no grant: a noun ("bij koninklijk besluit", "het verlenen van bijstand"), an
  attributive participle ("een bij verordening vastgestelde vergoeding", "het in de regeling bepaalde",
  ", ingesteld bij een regeling"), a verb in a subordinate clause ("Alvorens de raad besluit …", "hetgeen het
  reglement bepaalt"), or an actor named only to be excluded ("niet zijnde de griffier").
* ``object_site`` — where the object head stands: as a direct object or subject, or inside a prepositional
  phrase or a complement clause ("in de verordening", "van de bijzondere bijstand", "dat de kosten …"), where it
  is not what the act is done to; and the words that qualify it ("regionale", "met betrekking tot …").
* ``same_object`` — two heads name the same thing: equal lemma, both direct, and the qualifiers agree (a
  generic head like "verordening" or "onderzoek" is one thing only when the qualifiers say so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.ambiguity.resources import Competence, Resources
from models.nlp import lemma

# Subordinators that make the clause up to the verb a subordinate one (time, condition, relative clauses).
# "dat"/"die" are taken lower case only and not after a preposition ("in dat geval", "van die gemeente").
SUBORDINATOR_RE = re.compile(
    r"\b(?:[Ii]ndien|[Ww]anneer|[Aa]ls(?!\s+(?:bedoeld|zodanig|gevolg|voorzitter|lid|secretaris)\b)|[Vv]oor ?zover"
    r"|[Nn]adat|[Zz]odat|[Zz]odra|[Aa]lvorens|[Vv]oordat|[Tt]otdat|[Zz]olang|[Oo]mdat|[Tt]erwijl|[Oo]pdat|[Tt]enzij|[Mm]its|[Hh]etgeen|[Ww]elke?|[Ww]aar(?:in|bij|mee|op|voor"
    r"|aan|door|over|uit|van|naar|toe))\b|\b[Ii]n\s+(?:het\s+)?geval\b(?!\s+van)"
    r"|(?<!\bin )(?<!\bvan )(?<!\bop )(?<!\bbij )(?<!\bvoor )(?<!\bmet )(?<!\bna )\b(?:dat|die)\b")
PREPOSITIONS = {"aan", "bij", "binnen", "door", "in", "inzake", "met", "na", "naar", "namens", "omtrent", "onder",
                "op", "over", "per", "sinds", "te", "ten", "ter", "tegen", "tot", "tussen", "uit", "van", "volgens",
                "voor", "zonder", "krachtens", "betreffende", "overeenkomstig"}
# Words before a noun phrase that make it no direct object: prepositions and complementisers ("dat de kosten").
OBLIQUE_BEFORE = PREPOSITIONS | {"dat", "of", "indien", "als", "wanneer", "hetgeen"}
DETERMINERS = {"de", "het", "een", "deze", "dit", "die", "dat", "zijn", "haar", "hun", "elk", "elke", "ieder",
               "iedere", "geen", "alle", "welk", "welke"}
# Verb forms that continue a verb cluster after a participle ("vastgesteld is", "aangewezen worden").
CLUSTER = {"en", "of", "is", "zijn", "wordt", "worden", "werd", "werden", "heeft", "hebben", "kan", "kunnen", "mag",
           "mogen", "moet", "moeten", "zal", "zullen", "te", "dat", "als", "indien", "tenzij", "nadat", "voordat"}
EXCLUSION_RE = re.compile(r"(?:niet\s+zijnde|met\s+uitzondering\s+van|uitgezonderd|anders\s+dan|behalve|"
                          r"met\s+uitsluiting\s+van)\s+(?:de\s+|het\s+|een\s+)?$", re.I)
# Heads that name a kind of thing, not one thing: several verordeningen, onderzoeken, bijdragen exist side by side.
GENERIC_HEADS = {"verordening", "regeling", "reglement", "regel", "besluit", "onderzoek", "bijdrage", "vergoeding",
                 "voorschrift", "commissie", "ambtenaar", "informatie", "gegeven", "termijn", "bedrag", "kosten",
                 "plan", "advies", "maatregel", "opdracht", "mandaat", "bevoegdheid", "taak"}
# Words that open a qualifying phrase after the head ("de verordening met betrekking tot …").
QUALIFIER_OPEN_RE = re.compile(r"^\s*(?:met\s+betrekking\s+tot|ten\s+aanzien\s+van|inzake|omtrent|betreffende"
                               r"|voor|van|naar|over|ter|tot|waarin|waarbij|waarmee|die|dat)\b", re.I)
SUBJECT_MATTER_RE = re.compile(r"\b(?:met\s+betrekking\s+tot|ten\s+aanzien\s+van|inzake|omtrent|betreffende"
                               r"|ter\s+uitvoering\s+van|naar|voor\s+de\s+uitoefening\s+van)\b", re.I)
QUALIFIER_STOP = {"bedoeld", "bedoelde", "artikel", "artikelen", "eerste", "tweede", "derde", "vierde", "lid",
                  "onderdeel", "hoofdstuk", "betrekking", "aanzien", "worden", "wordt", "zijn", "deze", "welke",
                  "waarin", "waarbij", "omtrent", "inzake", "betreffende", "onder", "tussen", "tegen"}
WORD_RE = re.compile(r"\w+(?:-\w+)*")
VERB_PARTICLES = {"vast", "goed", "aan", "op", "in", "uit", "voor", "over", "toe", "bekend", "mee", "af", "na"}
PARTICIPLE_RE = re.compile(r"^(?:ge|\w+ge|be|ver|ont|her|er|over|toe)\w+[dtn]$")


def _words_before(text: str, lo: int, pos: int) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text[lo:pos])]


def clause_start(text: str, s: int, pos: int) -> int:
    """Start of the clause that holds ``pos``: after the last comma, semicolon or colon of its sentence."""
    cut = max(text.rfind(c, s, pos) for c in ",;:")
    return cut + 1 if cut >= s else s


def in_subordinate_clause(text: str, s: int, pos: int) -> bool:
    """The word at ``pos`` stands in a subordinate clause: a subordinator opens its clause before it."""
    clause = text[clause_start(text, s, pos):pos]
    for m in SUBORDINATOR_RE.finditer(clause):
        word = m.group(0).lower()
        if word == "als" and re.search(r"\bzowel\b", clause[:m.start()], re.I):
            continue  # "zowel de raad als het college": a coordination
        if word in ("dat", "die") and re.search(r"\b(?:kan|kunnen|mag|mogen|moet|moeten|zal|zullen|wordt|worden|is|zijn"
                                                 r"|heeft|hebben|ook|alleen|slechts)\s+$", clause[:m.start()], re.I):
            continue  # "De raad kan die verordening wijzigen": a determiner after the finite verb
        return True
    return False


def _organ_word(res: Resources, pi, start: int, end: int) -> bool:
    return any(m.start <= start < m.end or start <= m.start < end for m in res.mentions_in(pi, *pi.sentence_of(start)))


def misread(res: Resources, c: Competence) -> str:
    """Why the table entry ``c`` is no grant of a competence ("" when it is one)."""
    pi = res.by_id[c.passage_id]
    text = pi.text
    s, _e = c.sentence
    low = text[c.start:c.end].lower()
    before = text[s:c.start]
    if low in ("besluit", "besluiten"):
        m = re.search(r"\b(bij|het|een|dit|elk|ieder|zijn|haar|hun)\s+(?:(\w+)\s+)?$", before, re.I)
        if m and not (m.group(2) and _organ_word(res, pi, s + m.start(2), s + m.end(2))):
            return "zelfstandig naamwoord"  # "bij koninklijk besluit", "een besluit"
    if low.endswith("en") and re.search(r"\b(?:het|dit)\s+$", before, re.I):
        return "zelfstandig naamwoord"  # "uit het verlenen van bijstand": a nominalised infinitive
    if re.search(r"\w(?:d|t)e$", low) and not low.endswith(("ende", "ente")):
        return "bijvoeglijk deelwoord"  # "een bij verordening vastgestelde vergoeding", "het in de regeling bepaalde"
    tok = next((t for t in pi.tokens if t.start == c.start), None)
    participle = tok is not None and tok.lower != tok.lemma and bool(PARTICIPLE_RE.match(low))
    if participle:
        if re.search(r",\s*$", before):
            return "bijvoeglijk deelwoord"  # "Het algemeen bestuur, ingesteld bij een regeling …"
        nxt = re.match(r"\s+([a-z]\w*)", text[c.end:])
        if nxt and nxt.group(1) not in CLUSTER and nxt.group(1) not in PREPOSITIONS \
                and re.search(r"\bdoor\s+(?:de\s+|het\s+)?[\w ]{2,40}$", before, re.I):
            return "bijvoeglijk deelwoord"  # "door de burgemeester aangewezen groepen"
    if in_subordinate_clause(text, s, c.start):
        return "bijzin"  # "Alvorens de raad besluit …", "hetgeen het reglement bepaalt"
    if c.actor:
        for m in res.mentions_in(pi, s, c.sentence[1]):
            if m.key == c.actor and EXCLUSION_RE.search(text[max(s, m.start - 40):m.start]):
                return "uitgezonderd orgaan"  # "niet zijnde de griffier": the organ is excluded, not granted
    return ""


@dataclass(frozen=True)
class ObjectSite:
    head: str  # lemma of the head noun, "" when not found in the sentence
    direct: bool  # subject or direct object, not inside a prepositional phrase or a complement clause
    qualifiers: frozenset[str]  # content lemmas that qualify the head ("regionale", "rekenkamerfunctie")
    definite: bool = True  # "het reglement" (a known one), not "een verordening" (a new one)


def object_site(res: Resources, c: Competence) -> ObjectSite:
    """Where the object head of ``c`` stands in its sentence, and what qualifies it."""
    if not c.object:
        return ObjectSite("", False, frozenset())
    pi = res.by_id[c.passage_id]
    text = pi.text
    s, e = c.sentence
    obj = c.object
    hits = list(re.finditer(rf"\b{re.escape(obj)}\b", text[s:e], re.I))
    if not hits:
        return ObjectSite(_lemma(obj), False, frozenset())
    # Prefer the occurrence nearest after the verb (the object follows a finite verb in a main clause).
    after = [h for h in hits if s + h.start() > c.start]
    h = (after or hits)[0]
    a, b = s + h.start(), s + h.end()
    if obj.lower() in VERB_PARTICLES or _lemma(obj) == c.action or obj.lower() == c.action:
        # "de bijdrage vaststellen": the table took the noun for an adjective and the verb for the head.
        prev = re.search(r"(\w+)\s+$", text[s:a])
        if not prev or prev.group(1).lower() in DETERMINERS:
            return ObjectSite("", False, frozenset())
        a, b, obj = s + prev.start(1), s + prev.end(1), prev.group(1).lower()
    words = _words_before(text, max(s, a - 120), a)
    pre: list[str] = []
    direct = True
    det = ""
    for i in range(len(words) - 1, max(-1, len(words) - 10), -1):
        w = words[i]
        if w in DETERMINERS:
            det = w
            prev = words[i - 1] if i > 0 else ""
            direct = prev not in OBLIQUE_BEFORE
            break
        if w in OBLIQUE_BEFORE:
            direct = False
            break
        pre.append(w)
    else:
        prev = words[-1] if words else ""
        direct = prev not in OBLIQUE_BEFORE
    if not direct and re.match(r"^\s+(?:over|tot|omtrent|inzake|op)\s+(?:de\s+|het\s+|een\s+)?(?:[\w-]+\s+)?$",
                               text[c.end:a], re.I):
        direct = True  # "besluit over de subsidieplafonds": the prepositional object of the verb itself
    if c.actor and direct:
        # "regelt de raad, het college of de burgemeester …": an organ coordinated with the actor is a subject.
        for m in res.mentions_in(pi, s, e):
            if m.key == obj and re.match(r"^\s*(?:,|en|of)\s*(?:de\s+|het\s+)?$", text[_actor_end(res, c):m.start],
                                              re.I):
                direct = False
    quals = {w for w in pre if len(w) >= 4 and not w.isdigit()}
    tail = text[b:c.start if c.start > b else e]  # the qualifier ends at the verb ("… van uittreding worden geregeld")
    if QUALIFIER_OPEN_RE.match(tail):
        tail = re.split(r"[,;:.]", tail, maxsplit=1)[0]
        for w in WORD_RE.findall(tail)[:10]:
            if w.lower() in CLUSTER or w.lower() == "door":
                break
            if len(w) >= 5 and not w.isdigit():
                quals.add(w.lower())
    if _lemma(obj) in GENERIC_HEADS:
        # "De raad stelt met betrekking tot de ambtelijke bijstand een verordening vast", "een verordening …
        # waarin voorschriften worden gesteld met betrekking tot …": the subject matter may stand anywhere in the
        # clause; it is what tells one verordening from another.
        for m in SUBJECT_MATTER_RE.finditer(text[s:e]):
            rest = re.split(r"[,;:.]", text[s + m.end():e], maxsplit=1)[0]
            quals |= {w.lower() for w in WORD_RE.findall(rest)[:8] if len(w) >= 5 and not w.isdigit()}
    quals = {_lemma(w) for w in quals if w not in QUALIFIER_STOP}
    quals.discard(_lemma(obj))
    return ObjectSite(_lemma(obj), direct, frozenset(quals), det not in ("een", "geen", "elk", "elke", "ieder",
                                                                             "iedere", "alle", ""))


def _actor_end(res: Resources, c: Competence) -> int:
    pi = res.by_id[c.passage_id]
    return next((m.end for m in res.mentions_in(pi, *c.sentence) if m.key == c.actor), c.sentence[0])


def same_object(x: ObjectSite, y: ObjectSite) -> bool:
    """Both sites name the same thing: equal head, both direct, qualifiers that agree."""
    if not x.head or x.head != y.head or not (x.direct and y.direct):
        return False
    if x.qualifiers and y.qualifiers:
        return bool(x.qualifiers & y.qualifiers)
    # A generic head names one thing through its subject matter or a definite article ("het reglement"), not as
    # "een verordening" or "een onderzoek", of which there are many.
    return x.head not in GENERIC_HEADS or (x.definite and y.definite and not x.qualifiers and not y.qualifiers)


def _lemma(word: str) -> str:
    w = word.lower()
    out = lemma(w) or w
    return out.replace("_", "")


# Round 12: the case a grant covers. Two organs that do the same act on the same object may still cover different
# cases (lex specialis): "Voor de zittingen van het stembureau, bedoeld in artikel 17, wijst het college een ruimte
# aan" and "Voor de zittingen van het stembureau voor de verkiezing van het algemeen bestuur wijst het dagelijks
# bestuur een ruimte aan". The restrictive modifiers are a purpose or subject-matter phrase ("voor het houden van
# …", "ten behoeve van …", "met betrekking tot …"), a reference ("bedoeld in artikel …") and a relative clause on a
# noun of the setting ("de zittingen die … "). A time limit ("voor 1 juli", "voor het einde van het jaar") restricts
# when, not which case.
CASE_OPEN_RE = re.compile(r"\b(?:voor(?!\s+zover\b)|ten\s+behoeve\s+van|met\s+betrekking\s+tot|ten\s+aanzien\s+van|inzake"
                          r"|betreffende|in\s+het\s+kader\s+van)\s+(?=\w)", re.I)
REFERENCE_RE = re.compile(r"\b(?:bedoeld|genoemd|vermeld)\s+in\s+(?P<ref>[^,;:()]{2,80}?)(?=\s*(?:[,;:.()]|$"
                          r"|\b(?:wijst|wijzen|stelt|stellen|besluit|besluiten|benoemt|benoemen|verleent|verlenen"
                          r"|kan|kunnen|mag|mogen|is|zijn|wordt|worden)\b))", re.I)
RELATIVE_RE = re.compile(r",?\s*\b(?:die|dat|waarin|waarvoor|waarop|waarbij)\b", re.I)
TIME_WORDS = {"aanvang", "begin", "einde", "eind", "afloop", "datum", "tijdstip", "jaar", "maand", "week", "dag",
              "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december", "periode", "duur", "tijd", "termijn", "jaren", "maanden", "weken", "dagen",
              "zittingsperiode", "ambtstermijn"}
# Words before the head of a time phrase: "voor de duur van", "voor twee jaar", "voor onbepaalde tijd".
TIME_LEAD = {"de", "het", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "twaalf",
             "onbepaalde", "bepaalde", "korte", "langere", "lange", "hele", "volgende", "komende", "eerste"}
CASE_STOP = QUALIFIER_STOP | {"houden", "aan", "alle", "elke", "iedere", "geschikte", "geschikt"}


def _case_words(phrase: str) -> set[str]:
    return {_lemma(w) for w in WORD_RE.findall(phrase) if len(w) >= 4 and not w.isdigit()
            and w.lower() not in CASE_STOP}


def case_restriction(res: Resources, c: Competence, site: ObjectSite) -> frozenset[str]:
    """The restrictive modifiers in the sentence of ``c`` that say which case it covers: content lemmas of its
    purpose or subject-matter phrases and of relative clauses on them, and "ref:" items for the provisions it
    refers to ("bedoeld in de artikelen E 17 en E 19"). The actor, the verb and the object's own qualifiers are
    left out (same_object compares those)."""
    pi = res.by_id[c.passage_id]
    text = pi.text
    s, e = c.sentence
    # Stops for a phrase: the verb, the actor mention and the object head (a phrase runs up to the next of them).
    stops = sorted({c.start, _actor_end(res, c)} | {m.start for m in res.mentions_in(pi, s, e) if m.key == c.actor})
    if site.head:
        hit = next((h for h in re.finditer(rf"\b{re.escape(c.object)}\b", text[s:e], re.I)
                    if s + h.start() > c.start), None)
        if hit:
            stops.append(s + hit.start())
    out: set[str] = set()
    for m in REFERENCE_RE.finditer(text, s, e):
        out.add("ref:" + " ".join(m.group("ref").lower().split()))
    for m in CASE_OPEN_RE.finditer(text, s, e):
        end = min([x for x in stops if x > m.end()] + [e])
        phrase = re.split(r"[,;:.]|\b(?:bedoeld|genoemd|vermeld)\s+in\b", text[m.end():end], maxsplit=1)[0]
        words = [w.lower() for w in WORD_RE.findall(phrase)]
        head = next((w for w in words if w not in TIME_LEAD), "")
        if not head or head[0].isdigit() or head in TIME_WORDS:
            continue  # "voor 1 juli", "voor het einde van het jaar", "voor een periode van vier jaar": a time
        rel = RELATIVE_RE.search(phrase)
        out |= _case_words(phrase if rel is None else phrase[:rel.start()] + " " + phrase[rel.end():])
    return frozenset(out - site.qualifiers - {site.head})


def cases_differ(x: frozenset[str], y: frozenset[str]) -> bool:
    """Each grant is restricted by a modifier the other lacks: the provisions cover different cases. A general
    grant next to a restricted one (x empty or contained in y) still overlaps: the general one covers the special
    case too."""
    return bool(x - y) and bool(y - x)
