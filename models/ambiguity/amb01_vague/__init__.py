"""AMB-01 Vague qualifiers and open norms (research note §3 AMB-01).

Gazetteer match on ``triggers.tsv`` (hedges, degree, time, quantity, discretion), with the
known false positives of ``allow.tsv`` removed. Context per sentence: a number or deadline
(time words then matter less), a named decider (regelrecht test: an open norm with a
knowable decider is less risky), and a power of an organ (a hedge that is the only
condition on a power → KRITIEK). The runner escalates SUGGESTIE → ZORG when the clause
confers a power or duty, only for hedges (a discretion clause names its decider). Degree and quantity words
("voldoende", "gewenste", "passende"; hand checks: 0 of 19 judged zorg flags were true) are
ZORG only when they sit in a power/duty clause of an artikel that names no organ at all (an
open norm without a knowable decider); time words never escalate (an interpretable time norm
is not legally uncertain). Definitions are skipped (AMB-09 handles them). A hedge that is the only
criterion of an organ's power ("kan het college, zo nodig, …") is that organ's own judgement: SUGGESTIE.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.common import TriggerSet, decider_named, has_number_or_deadline, organ_subject_power
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import AGENT_INSTRUMENT_RE, CONDITION_RE, Resources

HERE = Path(__file__).resolve().parent
TRIGGERS = TriggerSet(HERE, {"hedge", "degree", "time", "quantity", "discretion"})
ONLY_CRITERION = {"zo nodig", "indien nodig", "waar nodig", "zo mogelijk", "indien mogelijk", "waar mogelijk",
                  "in voorkomende gevallen"}
WHAT = {
    "hedge": "een voorbehoud ('{q}') waarvan niet vastligt wanneer het geldt",
    "degree": "een waarderende term ('{q}') zonder maatstaf",
    "time": "een termijn ('{q}') zonder vaste duur",
    "quantity": "een onbepaalde hoeveelheid ('{q}')",
    "discretion": "een beoordelingsruimte ('{q}') zonder toetsbaar kader",
}


# A citation title runs from "Wet"/"Besluit"/"Regeling" through lower-case words without a verb or comma.
TITLE_BEFORE_RE = re.compile(r"\b(?:Wet|Besluit|Regeling|Verordening)\s+(?:[a-z][\w-]*\s+){1,8}$")
# Procedural acts of communication: sending, informing, publishing documents.
PROCEDURAL_RE = re.compile(r"\b(?:zendt|zenden|toe\s*zenden|stuurt|sturen|geeft|geven|doet|doen|deelt|delen|informeert"
                           r"|informeren|legt|leggen|maakt|maken)\b[^.;]{0,300}?\b(?:aan|kennis|mededeling|mee|ter\s+inzage"
                           r"|bekend)\b", re.I)


def _may_escalate(flag: Flag) -> bool:
    """Only hedges are raised by the generic power/duty escalation. A discretion clause names its decider
    ("naar het oordeel van het college"): a deliberate open norm with a knowable decider (round 6 test sample).

    Time words ("zo spoedig mogelijk") are open but interpretable norms; degree and quantity words
    ("voldoende gelden", "gewenste resultaten") are applied by whoever acts in the article, so the
    detector itself decides when they are a concern (no organ anywhere in the artikel)."""
    try:
        return TRIGGERS.lookup(flag.quote).subclass == "hedge"
    except KeyError:
        return True


@detector("AMB-01", name="vage kwalificatie / open norm", requires={"lemmas", "structure", "organs", "competences"},
          default_severity=Severity.SUGGESTIE, rule="Ar 2.14", may_escalate=_may_escalate)
def vague_qualifiers(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        for hit in TRIGGERS.find(pi.text):
            q = pi.text[hit.start:hit.end]
            if TITLE_BEFORE_RE.search(pi.text[max(0, hit.start - 80):hit.start]):
                continue  # inside a citation title: "de Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte …"
            s, e = pi.sentence_of(hit.start)
            sent = pi.text[s:e]
            sub = hit.trigger.subclass
            conf = 0.45 + 0.3 * hit.trigger.weight
            severity = Severity.SUGGESTIE
            note = ""
            if sub == "time" and has_number_or_deadline(sent):
                conf *= 0.4
                severity = Severity.INFO
                note = " Er staat wel een termijn of getal in de zin."
            if decider_named(res, pi, s, e):
                conf *= 0.8
            other_conditions = [m for m in CONDITION_RE.finditer(sent) if not (hit.start - s <= m.start() < hit.end - s)]
            if sub == "hedge" and PROCEDURAL_RE.search(sent):
                # Round 7: a hedge on sending, informing or publishing ("zendt …, zo nodig, de begroting aan de
                # raden") changes who receives a document, not who decides or whether a power exists. INFO here,
                # so the generic power/duty escalation lifts it to a suggestion at most.
                severity = Severity.INFO
                note = " Het voorbehoud betreft een procedurele handeling (toezenden, kennisgeven)."
            elif (hit.trigger.trigger in ONLY_CRITERION and organ_subject_power(res, pi, s, e)
                    and not other_conditions and not has_number_or_deadline(sent)):
                # Round 8: the organ that holds the power judges its own "zo nodig" — a deliberate open norm
                # with a knowable decider, de-escalated (research §3); it was KRITIEK, and 0 of 4 such flags
                # were judged true on unseen text.
                severity = Severity.SUGGESTIE
                note = (" Het voorbehoud is hier het enige criterium of de bevoegdheid bestaat; het orgaan dat de "
                        "bevoegdheid heeft, beoordeelt dat zelf.")
            elif sub == "discretion" and re.search(r"acht|oordeelt", q, re.I):
                note = " De beslisser wordt genoemd, maar niet de maatstaf."
            elif sub in ("degree", "quantity") and res.competence_clause(pi, hit.start) \
                    and not res.organs_named_in_artikel(pi) and not res.actor_named_in_artikel(pi) \
                    and not has_number_or_deadline(sent) \
                    and not AGENT_INSTRUMENT_RE.search(sent):
                # An open norm in a clause that confers a power or duty, and no organ in the whole artikel
                # that could be its decider: nobody knowable applies the norm (regelrecht test).
                severity = Severity.ZORG
                note = " Het artikel noemt geen orgaan dat deze norm toepast."
            yield make_flag(
                "AMB-01", pi, hit.start, hit.end, severity=severity, confidence=conf,
                explanation=f"De tekst bevat {WHAT[sub].format(q=q)}; lezers kunnen verschillend invullen wat "
                            f"dit betekent.{note}",
                question=f"Wie bepaalt wanneer '{q}' van toepassing is, en volgens welke maatstaf?",
                suggestion=f"Vervang '{q}' door een toetsbaar criterium (termijn, bedrag, voorwaarde) of noem "
                           "het orgaan dat dit beoordeelt.")
