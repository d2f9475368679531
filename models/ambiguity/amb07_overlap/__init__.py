"""AMB-07 Competence overlap and conflicting provisions (bevoegdheidsoverlap).

On the competence table: the same (action, object) with an adoption or decision verb
assigned to two or more different organs in different clauses. No precedence marker or
condition in either clause → KRITIEK; resolved only by "onverminderd" or a condition →
ZORG. Multi-organ acts in one clause (joint adoption) and the prepare → propose → adopt →
execute chain (different verbs) are not conflicts. Also checks the Wgr allocation: the
begroting and jaarrekening are adopted by the algemeen bestuur (Wgr art. 34).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import Competence, Resources

PRECEDENCE_RE = re.compile(r"\b(onverminderd|in afwijking van|met inachtneming van|onder voorbehoud van"
                           r"|met behoud van|voor zover niet|tenzij|behoudens|indien|voor ?zover|in geval)\b", re.I)
WGR_ADOPTER = {"begroting": "algemeen bestuur", "jaarrekening": "algemeen bestuur"}


# Objects that every organ or participant has its own of: no overlap when two of them act on "a lid".
PER_ORGAN_OBJECTS = {"lid", "leden", "nieuw", "nieuwe", "plaatsvervanger", "plaatsvervangers", "voorzitter"}
OWN_RE = re.compile(r"\b(?:zijn|haar|hun)\s+(?:eigen\s+)?(?:vergaderingen?|werkwijze|werkzaamheden)\b", re.I)


@detector("AMB-07", name="bevoegdheidsoverlap / strijdige bepalingen", requires={"competences", "organs"},
          default_severity=Severity.KRITIEK, rule="Wgr art. 33, 34; Ar 2.14", context_adjust=False)
def overlap(res: Resources) -> Iterator[Flag]:
    groups: dict[tuple[str, str], list[Competence]] = defaultdict(list)
    for c in res.competences:
        if c.actor and c.object and c.action_class in ("adoption", "decision") and c.recipient != c.actor:
            if c.object in PER_ORGAN_OBJECTS or OWN_RE.search(res.by_id[c.passage_id].text, *c.sentence):
                continue  # each participant appoints its own members; each organ sets its own rules of order
            groups[(c.action, c.object)].append(c)
    for (action, obj), cs in groups.items():
        actors = list(dict.fromkeys(c.actor for c in cs))
        if len(actors) < 2:
            continue
        first = cs[0]
        for c in cs[1:]:
            if c.actor == first.actor or c.sentence == first.sentence and c.passage_id == first.passage_id:
                continue
            pi = res.by_id[c.passage_id]
            markers = [m.group(0).lower() for cc in (first, c)
                       for m in PRECEDENCE_RE.finditer(res.by_id[cc.passage_id].text, *cc.sentence)]
            sev = Severity.ZORG if markers else Severity.KRITIEK
            how = (f" Alleen '{markers[0]}' regelt de verhouding." if markers else
                   " Geen voorrangsregel of voorwaarde verbindt de bepalingen.")
            yield make_flag("AMB-07", pi, c.start, c.end, severity=sev, confidence=0.7,
                            explanation=f"'{action} {obj}' is toegekend aan {first.actor_text} (artikel "
                                        f"{first.artikel}{', lid ' + first.lid if first.lid else ''}) én aan "
                                        f"{c.actor_text} (hier).{how}",
                            question=f"Wie is bevoegd om de {obj} te {_inf(action)}, en wanneer de ander?",
                            suggestion="Wijs één orgaan aan, of leg de verhouding vast ('in afwijking van "
                                       "artikel …', 'op voorstel van …').")
            break
    for c in res.competences:
        want = WGR_ADOPTER.get(c.object)
        if want and c.action == "vaststellen" and c.actor and c.actor not in (want, "bestuur van het openbaar lichaam"):
            pi = res.by_id[c.passage_id]
            yield make_flag("AMB-07", pi, c.start, c.end, severity=Severity.ZORG, confidence=0.6,
                            explanation=f"De {c.object} wordt hier vastgesteld door {c.actor_text}; de Wgr legt dat "
                                        f"bij het {want}.",
                            question="Is deze toedeling verenigbaar met de Wgr, of gaat het om een voorbereidende "
                                     "handeling?", suggestion="", rule="Wgr art. 34")


def _inf(action: str) -> str:
    for p in ("vast", "goed", "aan", "op", "in", "uit", "voor", "over", "toe"):
        if action.startswith(p) and len(action) > len(p) + 3:
            return action
    return action
