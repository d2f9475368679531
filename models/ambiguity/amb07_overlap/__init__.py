"""AMB-07 Competence overlap and conflicting provisions (bevoegdheidsoverlap).

On the competence table: the same (action, object) with an adoption or decision verb
assigned to two or more different organs in different clauses. No precedence marker or
condition in either clause → KRITIEK; resolved only by "onverminderd" or a condition →
ZORG. Multi-organ acts in one clause (joint adoption) and the prepare → propose → adopt →
execute chain (different verbs) are not conflicts. Also checks the Wgr allocation: the
begroting and jaarrekening are adopted by the algemeen bestuur (Wgr art. 34).

Round 8 (12 of 12 judged zorg+ flags on national laws were false): only grants are compared (grammar.py: no
noun read as a verb, attributive participle, subordinate clause or excluded organ), grouped on the object head
and compared on its position and qualifiers (a head inside a prepositional phrase is no object; "een
verordening" or "een onderzoek" is one thing only through its subject matter). A power ("kan … vaststellen")
next to another organ's competence is an alternative route (SUGGESTIE); two organs that must both do the same
act on the same object conflict. The Wgr art. 34 check needs an openbaar lichaam (not a centrumregeling).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from models.ambiguity.amb07_overlap.grammar import (
    ObjectSite,
    case_restriction,
    cases_differ,
    misread,
    object_site,
    same_object,
)
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import CONDITION_RE, Competence, Resources

PRECEDENCE_RE = re.compile(r"\b(onverminderd|in afwijking van|met inachtneming van|onder voorbehoud van"
                           r"|met behoud van|voor zover niet|tenzij|behoudens|indien|voor ?zover|in geval)\b", re.I)
WGR_ADOPTER = {"begroting": "algemeen bestuur", "jaarrekening": "algemeen bestuur"}
# Wgr art. 34 binds the algemeen bestuur of an openbaar lichaam or the bestuur of a bedrijfsvoeringsorganisatie.
WGR_BODY_RE = re.compile(r"\b(?:openbaar\s+lichaam|algemeen\s+bestuur|dagelijks\s+bestuur|bedrijfsvoeringsorganisatie"
                         r"|gemeenschappelijk\s+orgaan)\b", re.I)
# Organs that adopt their own municipality's or province's begroting.
OWN_BUDGET_ORGANS = {"raad", "raden", "college", "colleges", "burgemeester", "provinciale staten", "gedeputeerde staten"}


# Objects that every organ or participant has its own of: no overlap when two of them act on "a lid".
PER_ORGAN_OBJECTS = {"lid", "leden", "nieuw", "nieuwe", "plaatsvervanger", "plaatsvervangers", "voorzitter"}
OWN_RE = re.compile(r"\b(?:zijn|haar|hun)\s+(?:eigen\s+)?(?:vergaderingen?|werkwijze|werkzaamheden)\b", re.I)


ATTRIBUTIVE_AGENT_RE = re.compile(r"\b(?:de|het|een|die|dat)\s+(?:bij\s+\w+\s+)?door\s+(?:de\s+|het\s+)?[\w\s]{2,50}$",
                                  re.I)


@detector("AMB-07", name="bevoegdheidsoverlap / strijdige bepalingen", requires={"competences", "organs"},
          default_severity=Severity.KRITIEK, rule="Wgr art. 33, 34; Ar 2.14", context_adjust=False)
def overlap(res: Resources) -> Iterator[Flag]:
    """Round 7: attributive participles with a named agent and causative "doen" are no grant of a competence;
    the Wgr art. 34 adopter check does not run on a national law."""
    groups: dict[tuple[str, str], list[Competence]] = defaultdict(list)
    sites: dict[int, ObjectSite] = {}
    for c in res.competences:
        if c.actor and c.object and c.action_class in ("adoption", "decision") and c.recipient != c.actor:
            if c.object in PER_ORGAN_OBJECTS or OWN_RE.search(res.by_id[c.passage_id].text, *c.sentence):
                continue  # each participant appoints its own members; each organ sets its own rules of order
            before = res.by_id[c.passage_id].text[max(c.sentence[0], c.start - 60):c.start]
            if ATTRIBUTIVE_AGENT_RE.search(before) or re.search(r"\bdoen\s+$", before, re.I):
                continue  # "de door provinciale staten vastgestelde begroting" (a reference to the act, its agent
                # named), "de onderzoeken die zij doen instellen" (causative: another act)
            # Round 8: only grants are compared (no noun, attributive participle, subordinate clause or excluded
            # organ), grouped on the object head as grammar.py reads it, and compared on its position and
            # qualifiers (same_object).
            if misread(res, c):
                continue
            sites[id(c)] = site = object_site(res, c)
            if site.head:
                groups[(c.action, site.head)].append(c)
    for (action, obj), grants in groups.items():
        if len({c.actor for c in grants}) < 2:
            continue
        for i, c in enumerate(grants):
            earlier = [f for f in grants[:i] if f.actor != c.actor
                       and not (f.sentence == c.sentence and f.passage_id == c.passage_id)
                       and same_object(sites[id(f)], sites[id(c)])]
            if not earlier:
                continue
            # Round 12: grants whose cases are told apart by different restrictive modifiers (lex specialis) do
            # not overlap; compare with an earlier grant that covers the same case when there is one.
            case = case_restriction(res, c, sites[id(c)])
            first = next((f for f in earlier if not cases_differ(case, case_restriction(res, f, sites[id(f)]))),
                         None)
            special = first is None
            first = first or earlier[0]
            pi = res.by_id[c.passage_id]
            markers = [m.group(0).lower() for cc in (first, c)
                       for m in PRECEDENCE_RE.finditer(res.by_id[cc.passage_id].text, *cc.sentence)]
            # A power ("kan … vaststellen") next to another organ's competence opens an alternative route, which
            # statutes do on purpose; two organs that must both do the same act on the same object conflict.
            power = next((cc for cc in (first, c) if cc.modality in ("bevoegdheid", "mag")), None)
            sev = Severity.SUGGESTIE if power or special else Severity.ZORG if markers else Severity.KRITIEK
            how = (" De bepalingen beperken hun geval elk op een eigen manier (een andere omschrijving of "
                   "verwijzing); vermoedelijk een bijzondere naast een algemene regeling. Controleer dat de "
                   "gevallen elkaar uitsluiten. (Verlaagd.)" if special else
                   f" '{power.actor_text}' krijgt een bevoegdheid ('kan'); mogelijk een bewuste tweede route. "
                   "(Verlaagd.)" if power else f" Alleen '{markers[0]}' regelt de verhouding." if markers else
                   " Geen voorrangsregel of voorwaarde verbindt de bepalingen.")
            yield make_flag("AMB-07", pi, c.start, c.end, severity=sev,
                            confidence=0.45 if power or special else 0.7,
                            explanation=f"'{action} {obj}' is toegekend aan {first.actor_text} (artikel "
                                        f"{first.artikel}{', lid ' + first.lid if first.lid else ''}) én aan "
                                        f"{c.actor_text} (hier).{how}",
                            question=f"Wie is bevoegd om de {obj} te {_inf(action)}, en wanneer de ander?",
                            suggestion="Wijs één orgaan aan, of leg de verhouding vast ('in afwijking van "
                                       "artikel …', 'op voorstel van …').")
            break
    yield from conditional_allocation(res)
    if res.is_national_law():
        return  # Wgr art. 34 binds the organs of a GR; a law (Provinciewet: provinciale staten) sets its own rules
    wgr_body = any(WGR_BODY_RE.search(pi.text) for pi in res.passages)
    for c in res.competences:
        want = WGR_ADOPTER.get(c.object)
        if want and c.action == "vaststellen" and c.actor and c.actor not in (want, "bestuur van het openbaar lichaam"):
            if not wgr_body and c.actor in OWN_BUDGET_ORGANS:
                continue  # a centrumregeling or regeling zonder meer creates no openbaar lichaam (Wgr art. 8): the
                # begroting is the centrumgemeente's own, adopted by its raad; art. 34 does not apply
            pi = res.by_id[c.passage_id]
            if ATTRIBUTIVE_AGENT_RE.search(pi.text[max(c.sentence[0], c.start - 60):c.start]) or misread(res, c) \
                    or not object_site(res, c).direct:
                continue  # "de door het algemeen bestuur vastgestelde begroting": the adopter is named; round 8:
                # no grant, or the begroting is no object ("stelt na ontvangst van de begroting … vast")
            yield make_flag("AMB-07", pi, c.start, c.end, severity=Severity.ZORG, confidence=0.6,
                            explanation=f"De {c.object} wordt hier vastgesteld door {c.actor_text}; de Wgr legt dat "
                                        f"bij het {want}.",
                            question="Is deze toedeling verenigbaar met de Wgr, of gaat het om een voorbereidende "
                                     "handeling?", suggestion="", rule="Wgr art. 34")


# The complementary case of a conditional allocation: "In andere gevallen …", "Zo niet, dan …".
COMPLEMENT_RE = re.compile(r"(?:^\s*|[;:]\s*|,\s*(?:en\s+)?)(?P<m>in\s+(?:alle\s+)?(?:andere|overige)\s+gevallen"
                           r"|in\s+het\s+andere\s+geval|zo\s+niet|anders(?!\s+(?:dan|bepaalt|bepalen|is\s+bepaald))"
                           r"|(?:indien|als|wanneer)\s+(?:dat|dit)\s+niet\s+het\s+geval\s+is|buiten\s+(?:die|deze)\s+gevallen"
                           r"|voor\s+het\s+overige)\b", re.I)
# Who judges whether the condition is met: "naar het oordeel van", "ter beoordeling van", "beslist of".
ASSESSOR_RE = re.compile(r"\b(naar\s+het\s+oordeel\s+van|ter\s+beoordeling\s+van|beoordeelt|beslist\s+of"
                         r"|stelt\s+vast\s+of|bepaalt\s+of)\b", re.I)
OBJECTIVE_RE = re.compile(r"\d|€|\bprocent\b|\bmeerderheid\b", re.I)


def conditional_allocation(res: Resources) -> Iterator[Flag]:
    """Research AMB-07 (d) 1: the competent organ depends on a condition with an open predicate and no
    named assessor ("besluit A, voor zover het past binnen het kader; in andere gevallen besluit B").

    The condition sits in a clause where an organ decides; the complement ("in andere gevallen", "zo niet")
    in the same or the next lid of the artikel hands the matter to another organ (as actor or recipient).
    A criterion with a number or amount decides itself and is left alone.
    """
    for pi in res.passages:
        conds = [c for c in res.competences_in(pi) if c.actor and c.action_class in ("adoption", "decision")
                 and CONDITION_RE.search(pi.text, *c.sentence)]
        if not conds:
            continue
        first = conds[0]
        cond = CONDITION_RE.search(pi.text, *first.sentence)
        clause = pi.text[cond.start():first.sentence[1]]
        if OBJECTIVE_RE.search(clause):
            continue
        nxt = res.passages[pi.index + 1] if pi.index + 1 < len(res.passages) else None
        scope = [pi] + ([nxt] if nxt and nxt.passage.artikel == pi.passage.artikel else [])
        if any(ASSESSOR_RE.search(x.text) for x in scope):
            continue
        for x in scope:
            found = next(((s, e, s + m.start("m")) for s, e in x.sentences for m in [COMPLEMENT_RE.search(x.text[s:e])]
                          if m and (x is not pi or s + m.start("m") > cond.start())), None)
            if found is None:
                continue
            s, e, start = found
            other = list(dict.fromkeys(_with_det(x.text, mm.start, mm.text) for mm in res.mentions_in(x, s, e)
                                       if mm.key != first.actor))
            if not other:
                continue
            yield make_flag("AMB-07", x, start, e, severity=Severity.ZORG, confidence=0.55,
                            explanation=f"Welk orgaan bevoegd is, hangt af van de voorwaarde '{clause.strip(' .')}'"
                                        f" ({loc(first)}), maar de regeling zegt niet wie beoordeelt of daaraan is "
                                        f"voldaan. In de andere gevallen gaat de zaak naar {' en '.join(other)}.",
                            question="Wie beoordeelt of de voorwaarde vervuld is, en dus of "
                                     f"{_with_det(pi.text, first_start(res, pi, first), first.actor_text)} zelf "
                                     "beslist of de zaak naar het andere orgaan gaat?",
                            suggestion="Noem wie toetst ('naar het oordeel van …') en met welke maatstaf, of leg "
                                       "de bevoegdheid bij één orgaan.")
            break


def _with_det(text: str, start: int, name: str) -> str:
    """"de Drechtraad" for a mention written "de Drechtraad" (the organ mention itself has no determiner)."""
    m = re.search(r"\b(de|het)\s+$", text[max(0, start - 6):start], re.I)
    return f"{m.group(1).lower()} {name}" if m and not name.lower().startswith(("de ", "het ")) else name


def first_start(res: Resources, pi, c: Competence) -> int:
    """Where the actor of ``c`` is mentioned in its sentence (for its determiner)."""
    s, e = c.sentence
    return next((m.start for m in res.mentions_in(pi, s, e) if m.key == c.actor), 0)


def loc(c: Competence) -> str:
    return f"artikel {c.artikel}" + (f", lid {c.lid}" if c.lid else "")


def _inf(action: str) -> str:
    for p in ("vast", "goed", "aan", "op", "in", "uit", "voor", "over", "toe"):
        if action.startswith(p) and len(action) > len(p) + 3:
            return action
    return action
