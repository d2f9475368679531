"""AMB-04 Decision locus / competent organ unclear (the duurzaamheidsagenda problem).

On the competence table: objects adopted by organs at two levels (GR organ and municipal
organ both "vaststellen" → KRITIEK); adoption acts whose subject is a collective ("de
regio", "de gemeenten", "partijen") or joint ("gezamenlijk vaststellen") (ZORG); "in
overleg met" on an adoption act (consultation, often misread as consent; ZORG); two-level
phrasing ("regionaal vastgesteld en lokaal uitgewerkt"; ZORG). Preparatory and advisory
verbs never count as competing adopters.

Round 11: "in overleg met" in a sentence whose decider is named before it ("Het college bepaalt … in overleg met de
persoon … wanneer de loonwaarde opnieuw wordt vastgesteld", "Na de verkiezing bepaalt de burgemeester in overleg
met …") is plain consultation (SUGGESTIE), whatever act the sentence goes on to name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.amb06_organ import coordinated_after_prep, named_after
from models.ambiguity.common import TriggerSet
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import AGENT_INSTRUMENT_RE, NON_SUBJECT_PREPS, Competence, Resources

HERE = Path(__file__).resolve().parent
TRIGGERS = TriggerSet(HERE, {"collective", "joint", "twolevel"})
OVERLEG_RE = re.compile(r"\b(in overleg met|in samenspraak met|na overleg met)\b", re.I)
# Round 8: "alleen of samen met andere gemeenten" says who holds or grants something, alone or with others; it
# allocates no joint decision.
ALONE_OR_TOGETHER_RE = re.compile(r"\b(?:alleen|al\s+dan\s+niet)\s+(?:of|dan\s+wel)\s+$", re.I)
# "de tijdbestedingsnorm van de gedeputeerden gezamenlijk" (in total), "de staten van de betrokken provincies
# gezamenlijk" (each named organ, jointly): "gezamenlijk" after a "van"-complement sums or names its members.
OF_MEMBERS_RE = re.compile(r"\bvan\s+(?:de|het|alle)\s+(?:[\w-]+\s+){0,2}[\w-]+\s+$", re.I)


# Nouns of a joint act: "bij gezamenlijk besluit", "een gezamenlijke voordracht". Before any other noun the
# attributive "gezamenlijke" sums or pools ("de gezamenlijke omzet", "het gezamenlijke archief").
ACT_NOUNS = {"besluit", "besluiten", "beslissing", "vaststelling", "voordracht", "voorstel", "aanwijzing",
             "aanwijzingen", "opdracht", "verzoek", "regeling", "regels", "standpunt", "beleid", "plan", "visie",
             "agenda", "programma", "strategie", "afspraak", "afspraken", "aanvraag", "benoeming", "keuze", "oordeel"}


def attributive_non_act(text: str, start: int, end: int) -> bool:
    """"de gezamenlijke omzet van de ondernemingen": an adjective before a noun that names no act."""
    if not re.search(r"\b(?:de|het|een|hun|haar|zijn|van)\s+$", text[max(0, start - 8):start], re.I):
        return False
    nxt = re.match(r"\s+(?:[a-zà-ÿ]+e\s+)?([a-zà-ÿ-]+)", text[end:end + 40])
    return bool(nxt) and nxt.group(1).lower() not in ACT_NOUNS


ORGAN_WORDS_RE = re.compile(r"\b(?:colleges?|raden|raad|besturen|bestuur|burgemeesters?|staten|minister|ministers)\b",
                            re.I)


def defined_as_organs(res: Resources, pi, s: int, start: int) -> bool:
    """"deelnemers: de colleges van burgemeester en wethouders van de deelnemende gemeenten" … "De deelnemers
    stellen gezamenlijk … vast": a defined term before the trigger that the definitions spell out as organs."""
    terms = [d.term.lower() for d in res.definitions if ORGAN_WORDS_RE.search(d.definiens)]
    if not terms:
        return False
    before = pi.text[s:start].lower()
    last = None
    for t in terms:
        for m in re.finditer(rf"\b{re.escape(t)}\b", before):
            if last is None or m.end() > last.end():
                last = m
    if last is None:
        return False
    words = before[:last.start()].split()
    words = words[:-1] if words and words[-1] in ("de", "het") else words
    if words and words[-1] in NON_SUBJECT_PREPS:
        return False
    # The defined term must be the whole subject: "De deelnemers stellen gezamenlijk"; not "de minister en de
    # gemeente gezamenlijk", where a non-organ is coordinated after it.
    between = before[last.end():]
    return len(between.split()) <= 2 and not re.search(r"\b(?:en|of)\b|,|\b(?:de|het)\b", between)


SUBORDINATOR_RE = re.compile(r"\b(?:indien|nadat|voordat|wanneer|zodra|tenzij|mits|omdat|zodat|waarna|terwijl|"
                             r"als(?!\s+bedoeld)|dat|die|waarbij|waarin)\b", re.I)


def _clause_span(text: str, s: int, e: int, pos: int) -> tuple[int, int] | None:
    """The subordinate clause around ``pos`` (from its subordinator to the next comma or semicolon), or None when
    ``pos`` lies in the main clause."""
    best = None
    for m in SUBORDINATOR_RE.finditer(text, s, e):
        if m.start() > pos:
            break
        end = re.search(r"[,;]", text[m.end():e])
        stop = m.end() + end.start() if end else e
        if pos < stop:
            best = (m.start(), stop)
    return best


def same_clause_adoption(res: Resources, pi, s: int, e: int, pos: int) -> bool:
    """True when an adoption verb of the sentence stands in the same clause as the collective at ``pos``: "Partijen
    stellen … vast", "tenzij de gemeenten … vaststellen"; not "Indien partijen het eens zijn, stelt de rechter …
    vast" or "De rechter stelt … vast nadat partijen zijn gehoord"."""
    mine = _clause_span(pi.text, s, e, pos)
    return any(_clause_span(pi.text, s, e, c.start) == mine for c in res.competences_in(pi, (s, e))
               if c.action_class == "adoption")


def royal_we(text: str, start: int, end: int, national: bool) -> bool:
    """"Alzo Wij in overweging genomen hebben", "Wij Willem-Alexander": the Crown, not a collective."""
    word = text[start:end]
    return word == "Wij" and (national or start > 0 and not re.search(r"[.:;]\s*$", text[:start]))


def passive_adoption_without_agent(res: Resources, pi, s: int, e: int, start: int) -> bool:
    """"dat de betrokkenen de gelegenheid hebben …" in a sentence whose adoption is passive ("moet worden
    vastgesteld") with no "door": the collective is not who adopts."""
    cs = [c for c in res.competences_in(pi, (s, e)) if c.action_class == "adoption"]
    return bool(cs) and all(c.passive for c in cs) and not re.search(r"\bdoor\s+(?:de\s+|het\s+)?$",
                                                                      pi.text[max(s, start - 12):start], re.I)


PLURAL_ORGAN_SUBJECT_RE = re.compile(
    r"^\s*(?:de|het)\s+(?:[a-zà-ÿ]+e\s+)?(?:colleges|raden|burgemeesters|besturen|staten|ministers|gedeputeerden"
    r"|wethouders)\b(?:\s+van\s+[^,;]{0,80}?)?\s+[a-zà-ÿ]+\s*$", re.I)


def joint_is_explicit(res: Resources, pi, s: int, start: int) -> bool:
    """True for a joint trigger whose subject is spelled out: right after a named organ ("door provinciale staten
    gezamenlijk"), after a "van"-complement naming the members, in "alleen of samen met", or "samen met" beside a named
    organ or agent."""
    before = pi.text[max(s, start - 60):start]
    if ALONE_OR_TOGETHER_RE.search(before) or OF_MEMBERS_RE.search(before):
        return True
    if re.match(r"samen\s+met\b", pi.text[start:start + 12], re.I) and (
            res.mentions_in(pi, s, start) or re.search(r"\bdoor\s+(?:of\s+[^,;]{0,40}?)?(?:de|het)\s+", pi.text[s:start],
                                                       re.I)):
        return True  # "het college stelt samen met …", "wordt door de afdeling, samen met …, opgesteld": actor named
    last = [k for k in res.mentions_in(pi, s, start) if k.end <= start]
    if last and not pi.text[last[-1].end:start].strip():
        return True
    # "De colleges (van de deelnemende gemeenten) stellen gezamenlijk …", "De burgemeesters kunnen gezamenlijk …":
    # the subject is a plural organ noun and only the finite verb stands between it and the trigger.
    return bool(PLURAL_ORGAN_SUBJECT_RE.match(pi.text[s:start]))


@detector("AMB-04", name="besluitniveau of bevoegd orgaan onduidelijk", requires={"organs", "competences"},
          default_severity=Severity.ZORG, rule="Wgr art. 1, 10, 30", context_adjust=False)
def decision_locus(res: Resources) -> Iterator[Flag]:
    adoption = [c for c in res.competences if c.action_class == "adoption"]
    # 1. Adopters at two levels for the same object.
    by_obj: dict[tuple[str, str], list[Competence]] = defaultdict(list)
    for c in adoption:
        if c.actor and c.object and c.level in ("GR", "gemeente"):
            by_obj[(c.action, c.object)].append(c)
    for (_action, obj), cs in by_obj.items():
        levels = {c.level for c in cs}
        if len(levels) < 2:
            continue
        first = cs[0]
        other = next(c for c in cs if c.level != first.level)
        if object_owner(res, first) != object_owner(res, other):
            continue  # "de begroting" (of the GR) and "de begroting van de gemeente": two different documents
        pi = res.by_id[other.passage_id]
        yield make_flag("AMB-04", pi, other.start, other.end, severity=Severity.KRITIEK, confidence=0.8,
                        explanation=f"De {obj} wordt zowel door een orgaan van de GR als door een gemeentelijk "
                                    f"orgaan vastgesteld ({first.actor_text}, artikel {first.artikel}; "
                                    f"{other.actor_text}, artikel {other.artikel}).",
                        question=f"Wie stelt de {obj} vast, en is het besluit van de GR of van elke gemeente?",
                        suggestion="Wijs één orgaan aan dat vaststelt; geef de ander een adviserende of "
                                   "uitvoerende rol.")
    # 2. Collective / joint subjects and two-level phrasing.
    adopt_sents = {(c.passage_id, c.sentence) for c in adoption}
    # Drawing up an instrument that no organ adopts anywhere in the regulation: the one who drafts it is
    # the only actor the text names for it, so a collective there leaves the decision level open.
    unadopted = {(c.passage_id, c.sentence) for c in res.competences
                 if c.action_class == "preparatory" and not c.actor and _without_adopter(res, c.object)}
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        hits = list(TRIGGERS.find(pi.text))
        absorbed: set[int] = set()  # joint hits reported with the collective subject just before them
        for hit in hits:
            if hit.start in absorbed:
                continue
            s, e = pi.sentence_of(hit.start)
            q = pi.text[hit.start:hit.end]
            sub = hit.trigger.subclass
            in_adoption = (pi.passage.id, (s, e)) in adopt_sents | unadopted
            if sub == "twolevel":
                yield make_flag("AMB-04", pi, hit.start, hit.end, severity=Severity.ZORG, confidence=0.7,
                                explanation=f"'{q}' verdeelt een besluit over twee niveaus zonder te zeggen welk "
                                            "besluit waar valt.",
                                question="Welk deel besluit de GR en welk deel besluit elke gemeente zelf?",
                                suggestion="Noem per niveau het orgaan en het besluit.")
                continue
            if not in_adoption:
                continue
            before = pi.text[max(s, hit.start - 20):hit.start].lower().split()
            if sub == "collective" and before and before[-1] in NON_SUBJECT_PREPS:
                continue  # "in de gemeenten" (territory), "aan de gemeenten" (recipient)
            if sub == "collective" and (coordinated_after_prep(pi.text[max(s, hit.start - 60):hit.start])
                                        or named_after(pi.text, hit.end)):
                continue  # "bijdragen van de minister en de gemeenten"
            if sub == "collective" and re.match(r"\s*(van|en)\s+(burgemeester|de deelnemende)", pi.text[hit.end:],
                                                re.I):
                continue
            if sub == "joint" and len({mm.key for mm in res.mentions_in(pi, s, e)}) >= 2:
                continue  # named organs acting jointly: the allocation is explicit
            if sub == "joint" and defined_as_organs(res, pi, s, hit.start):
                continue  # "De deelnemers (defined: de colleges …) stellen gezamenlijk … vast"
            if sub == "collective" and defined_as_organs(res, pi, s, hit.end):
                continue  # "partijen" defined as "de colleges van …": the organs are known
            if sub == "joint" and attributive_non_act(pi.text, hit.start, hit.end):
                continue  # "de gezamenlijke omzet": a sum, no joint decision
            if sub == "collective" and (pi.passage.id, (s, e)) in adopt_sents and not same_clause_adoption(
                    res, pi, s, e, hit.start):
                continue  # "Indien partijen het eens zijn, stelt de rechter … vast": another clause adopts
            if sub == "collective" and (royal_we(pi.text, hit.start, hit.end, res.is_national_law())
                                        or passive_adoption_without_agent(res, pi, s, e, hit.start)):
                continue  # the royal "Wij"; a collective beside a passive adoption that names no agent
            if sub == "joint" and joint_is_explicit(res, pi, s, hit.start):
                continue  # "alleen of samen met andere gemeenten", "van de gedeputeerden gezamenlijk"
            what = "een verzamelnaam" if sub == "collective" else "een gezamenlijke handeling"
            joint = next((h for h in hits if sub == "collective" and h.trigger.subclass == "joint"
                          and 0 <= h.start - hit.end <= 40 and h.start < e), None)
            if joint is not None:
                # "De gemeenten stellen gezamenlijk …": one subject, one finding.
                absorbed.add(joint.start)
                what += f" die gezamenlijk handelt ('{pi.text[joint.start:joint.end]}')"
            drafted = (pi.passage.id, (s, e)) not in adopt_sents
            act = ("Het opstellen van een stuk dat geen orgaan in de regeling vaststelt" if drafted
                   else "Het besluit")
            yield make_flag("AMB-04", pi, hit.start, hit.end, severity=Severity.ZORG, confidence=0.6 if drafted else 0.65,
                            explanation=f"{act} wordt toegekend aan {what} ('{q}'), niet aan een orgaan "
                                        "(raad, college, algemeen of dagelijks bestuur).",
                            question=("Welk orgaan stelt het stuk op, wie stelt het vast, en op welk niveau (GR of "
                                      "gemeente)?") if drafted else
                            "Welk orgaan neemt dit besluit, en op welk niveau (GR of gemeente)?",
                            suggestion="Noem het orgaan: 'het algemeen bestuur stelt … vast' of 'de raden stellen "
                                       "… vast'.")
    # 3. "in overleg met" on an adoption act.
    for c in adoption:
        pi = res.by_id[c.passage_id]
        s, e = c.sentence
        m = OVERLEG_RE.search(pi.text, s, e)
        if m:
            # Round 8: the consultation itself is no defect when the deciding organ is named ("het bestuur stelt …
            # vast na overleg met de raden") or when it is "na overleg" (after consulting: never consent). Only
            # "in overleg met" on an act without a named decider leaves open who decides; "bij ministeriële
            # regeling" or "bij algemene maatregel van bestuur" names the decider through its instrument.
            plain = m.group(0).lower().startswith("na ") or bool(c.actor) or bool(
                AGENT_INSTRUMENT_RE.search(pi.text[s:e]) or AGENT_INSTRUMENT_RE.search(pi.text[s:e].lstrip())) \
                or decider_in_sentence(res, pi, s, m.start())
            yield make_flag("AMB-04", pi, m.start(), m.end(), severity=Severity.SUGGESTIE if plain else Severity.ZORG,
                            confidence=0.45 if plain else 0.6,
                            explanation=f"'{m.group(0)}' bij een vaststellingsbesluit betekent alleen overleg, geen "
                                        "instemming; lezers lezen het vaak als medebeslissing."
                                        + (" Wie besluit staat er wel; verlaagd." if plain else ""),
                            question="Is overleg genoeg, of is instemming van de ander nodig?",
                            suggestion="Schrijf 'na instemming van' als de ander moet instemmen, of 'gehoord' "
                                       "als alleen advies bedoeld is.")


def decider_in_sentence(res: Resources, pi, s: int, pos: int) -> bool:
    """Round 11: the sentence names who decides before the consultation phrase at ``pos``: an organ or public actor
    that is the subject of a competence of the sentence ("Het college bepaalt … in overleg met de persoon … wanneer
    de loonwaarde opnieuw wordt vastgesteld"), or a named actor that opens the main clause. Consultation then is no
    shared decision, whatever act the sentence goes on to name."""
    if any(c.actor and not c.passive and c.start < pos for c in res.competences_in(pi, pi.sentence_of(s))):
        return True
    text = pi.text
    for a in res.named_actors(pi, s, pos):
        cut = max(text.rfind(ch, s, a.start) for ch in ",;:")
        lead = [w for w in re.findall(r"[\w-]+", text[cut + 1 if cut >= s else s:a.start])
                if w.lower() not in ("de", "het", "onze")]
        if len(lead) <= 1:  # "Het bestuursorgaan stelt …", "…, stelt de Wlz-uitvoerder …"
            return True
        if lead[-1].islower() and lead[-1] not in NON_SUBJECT_PREPS | {"en", "of", "dan", "als"} \
                and not SUBORDINATOR_RE.search(text, cut + 1 if cut >= s else s, a.start):
            return True  # inverted after a fronted phrase: "Na de verkiezing bepaalt de burgemeester …"
    return False


OWN_ADJ = {"eigen", "gemeentelijke", "provinciale", "regionale", "lokale"}


def object_owner(res: Resources, c: Competence) -> str:
    """Whose object: "de begroting van de gemeente" → "van de gemeente", "haar eigen begroting" → "eigen"; "" when
    the object stands alone."""
    if not c.object:
        return ""
    pi = res.by_id[c.passage_id]
    s, e = c.sentence
    m = re.search(rf"(\w+)\s+{re.escape(c.object)}\b(\s+van\s+(?:de|het|haar|zijn|hun)\s+[\w-]+)?", pi.text[s:e], re.I)
    if not m:
        return ""
    if m.group(2):
        return " ".join(m.group(2).lower().split())
    return m.group(1).lower() if m.group(1).lower() in OWN_ADJ | {"haar", "zijn", "hun"} else ""


def _without_adopter(res: Resources, obj: str) -> bool:
    """True for a policy instrument that no named organ adopts anywhere in the regulation."""
    if not obj:
        return False
    kinds = {m.kind for m in res.instruments if m.name == obj}
    return bool(kinds) and kinds <= {"beleid", "afspraak"} and not any(
        c.actor and c.object == obj and c.action_class == "adoption" for c in res.competences)
