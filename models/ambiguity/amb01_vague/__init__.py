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

Round 11 (national-law sample: open norms settled in law and case law, applied by a named body):
* a degree or quantity word is ZORG only when no public body is named anywhere in the artikel, in any role
  (``Resources.public_body_named``: "beroep bij de bestuursrechter", "aan een toezichthouder", "de … bedoelde
  ambtenaren zijn bevoegd" name who applies the norm);
* the reasonable-person standard ("redelijkerwijs moet vermoeden / kan worden verweten / is te achten") and a term
  the text uses in several artikelen ("noodzakelijke kosten van het bestaan") are settled: SUGGESTIE;
* "redelijke termijn" is a time norm (never raised), "zo nodig in afwijking van <bepaling>" confines a deviation
  from a named provision to what that provision makes necessary (INFO), and partial action under a stated
  condition ("kan gedeeltelijk worden goedgekeurd, indien …") is INFO;
* text outside any artikel (a toelichting, a document that is no regeling, a loose PDF fragment) has no article in
  which to look for the applier and confers no power in the regulation's structure: never ZORG;
* misreads are not produced: "de/het enkele X" (= the mere X), a quantity whose bound the clause states ("een
  aantal … dat ten hoogste tachtig bedraagt", "groter dan of gelijk aan de kiesdeler"), a superlative count with a
  tie rule in the lid ("de lijst die geldt voor de meeste provincies. Bij een gelijk aantal … beslist het lot").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.common import TriggerSet, decider_named, has_number_or_deadline, organ_subject_power
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import AGENT_INSTRUMENT_RE, CONDITION_RE, PassageInfo, Resources

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


# Round 11 misreads and settled constructions (see the module docstring).
# "de enkele last", "het enkele feit dat …": 'enkel' after a definite article means 'mere', not 'a few'.
MERE_BEFORE_RE = re.compile(r"\b(?:de|het)\s+$", re.I)
# A bound stated for the quantity itself: in a relative clause on the neuter 'aantal' ("een aantal namen … dat ten
# hoogste tachtig bedraagt"), in apposition ("een aantal stemmen …, groter dan of gelijk aan de kiesdeler") or as its
# complement ("een aantal leden van niet meer dan vijf"). Not "een aantal leden die ten minste drie jaar lid zijn"
# (the bound is on the members) and not across ';' or '.'.
BOUND_AFTER_RE = re.compile(r"^(?:\s+(?!die\b|welke\b|wie\b)[\w-]+){0,6}?(?:(?:\s+dat(?:\s+[\w-]+){0,3}?\s+|\s*,\s*"
                            r"|\s+van\s+)(?:ten\s+hoogste|ten\s+minste|tenminste|hoogstens|maximaal|minimaal)"
                            r"|(?:\s+dat(?:\s+[\w-]+){0,3}?\s+|\s*,\s*|\s+van\s+|\s+)(?:niet\s+)?(?:meer|minder|groter"
                            r"|kleiner|hoger|lager)\s+dan|(?:\s+dat\s+|\s*,\s*|\s+)gelijk\s+(?:is\s+)?aan)\b", re.I)
COUNTABLE = {"een aantal", "enkele", "diverse", "verscheidene", "meerdere", "het merendeel"}
SUPERLATIVE_COUNT = {"de meeste", "het merendeel"}
# A tie rule in the lid makes "de meeste …" a count: "Bij een gelijk aantal … beslist het lot".
TIE_RULE_RE = re.compile(r"\bbij\s+(?:een\s+)?gelijk(?:e|heid)?\b|\bbeslist\s+(?:zo\s+nodig\s+)?het\s+lot\b"
                         r"|\bbij\s+staking\s+van\b|\b(?:zijn|is)\s+(?:de\s+)?\w+\s+gelijk\b", re.I)
# "zo nodig in afwijking van artikel 4:25": the hedge confines a deviation from a named provision to what this
# clause makes necessary (a conflict rule), not an open condition.
DEVIATION_AFTER_RE = re.compile(r"^\s*,?\s*(?:in|met)\s+afwijking\s+van\b", re.I)
NEED_HEDGES = {"zo nodig", "indien nodig", "waar nodig"}
# The reasonable-person standard: "redelijkerwijs moet vermoeden", "redelijkerwijs kan worden verweten", "die deze
# redelijkerwijs kan vorderen", "redelijkerwijs bevoegd is te achten" — settled in civil and administrative law.
REASONABLE_PERSON_RE = re.compile(r"^\s+(?:niet\s+|wel\s+)?(?:kan|kunnen|moet|moeten|mag|mogen|had|hadden|zou|zouden"
                                  r"|(?:\w+\s+){0,2}?(?:is|zijn|valt|vallen)\s+te\s+\w+)\b", re.I)
MODAL_BEFORE_RE = re.compile(r"\b(?:kan|kunnen|kon|konden|moet|moeten|mag|mogen|had|hadden|zou|zouden)\s+(?:\w+\s+)?$",
                             re.I)
PARTIAL_RE = re.compile(r"^gedeeltelijk$", re.I)
POWER_RE = re.compile(r"\b(?:kan|kunnen|mag|mogen|is\s+bevoegd|zijn\s+bevoegd)\b", re.I)
TERM_MIN_ARTIKELEN = 3  # a phrase in this many artikelen is a term of the text


def _partial_power(before: str) -> bool:
    """'gedeeltelijk' qualifies the act of a power: a modal of power before it in the sentence, and no condition
    word between the two ("kan alleen dan gedeeltelijk worden goedgekeurd", not "kan …, indien hij de kosten
    gedeeltelijk draagt")."""
    modals = list(POWER_RE.finditer(before))
    return bool(modals) and not CONDITION_RE.search(before[modals[-1].end():])


def _term_of_text(res: Resources, pi: PassageInfo, quote: str, end: int) -> bool:
    """The trigger plus its next two words recur in at least ``TERM_MIN_ARTIKELEN`` artikelen ("noodzakelijke kosten
    van het bestaan"): a notion the whole text uses, whose meaning is settled once, not in this clause."""
    words = pi.text[end:end + 60].split()[:2]
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return False
    phrase = re.compile(r"\b" + r"\s+".join(map(re.escape, [*quote.split(), *words])) + r"\b", re.I)
    arts = {q.passage.artikel for q in res.passages if q.passage.artikel and phrase.search(q.text)}
    return len(arts) >= TERM_MIN_ARTIKELEN


def _misread(res: Resources, pi: PassageInfo, start: int, end: int, trigger: str, sub: str) -> bool:
    """A trigger that is no vague quantity here (module docstring, round 11)."""
    if sub != "quantity":
        return False
    if trigger == "enkele" and MERE_BEFORE_RE.search(pi.text[max(0, start - 12):start]):
        return True
    if trigger in COUNTABLE and BOUND_AFTER_RE.search(pi.text[end:end + 200]):
        return True
    if trigger in SUPERLATIVE_COUNT:
        p = pi.passage
        lid = [q for q in res.artikel_passages(p.artikel) if q.passage.lid == p.lid] if p.lid else [pi]
        return any(TIE_RULE_RE.search(q.text) for q in lid or [pi])
    return False


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
            if _misread(res, pi, hit.start, hit.end, hit.trigger.trigger, sub):
                continue
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
            if hit.trigger.trigger in NEED_HEDGES and DEVIATION_AFTER_RE.search(pi.text[hit.end:]):
                # Round 11: "zo nodig in afwijking van artikel 4:25" deviates from a named provision as far as this
                # clause requires; whoever applies the clause applies it. INFO, never raised.
                severity = Severity.INFO
                note = " Het voorbehoud beperkt een afwijking van een genoemde bepaling tot wat deze bepaling vergt."
            elif sub == "hedge" and PROCEDURAL_RE.search(sent):
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
            elif hit.trigger.trigger == "redelijkerwijs" and (REASONABLE_PERSON_RE.search(pi.text[hit.end:])
                                                            or MODAL_BEFORE_RE.search(pi.text[s:hit.start])):
                # Round 11: the reasonable-person standard, settled in law and case law; the court applies it.
                note = (" Het gaat om de vaste maatstaf van wat redelijkerwijs verwacht mag worden; die is in de "
                        "rechtspraak uitgewerkt.")
            elif PARTIAL_RE.match(q) and _partial_power(pi.text[s:hit.start]) and other_conditions:
                # Round 11: "kan alleen dan gedeeltelijk worden goedgekeurd, indien …": the power to act on part,
                # under a stated condition; the organ that acts chooses the part.
                severity = Severity.INFO
                note = " De bevoegdheid om gedeeltelijk te handelen is aan een genoemde voorwaarde gebonden."
            elif sub in ("degree", "quantity") and pi.passage.artikel and res.competence_clause(pi, hit.start) \
                    and not res.organs_named_in_artikel(pi) and not res.actor_named_in_artikel(pi) \
                    and not has_number_or_deadline(sent) \
                    and not AGENT_INSTRUMENT_RE.search(sent):
                if res.public_body_named(pi, "artikel"):
                    # Round 11: a body the artikel names in another role (forum, addressee, holder of the power
                    # the clause qualifies) applies the norm: a deliberate open norm with a knowable decider.
                    note = " Het artikel noemt wel een instantie die deze norm toepast."
                elif _term_of_text(res, pi, q, hit.end):
                    note = " De term komt in meerdere artikelen terug: een begrip van de hele tekst."
                else:
                    # An open norm in a clause that confers a power or duty, and no body in the whole artikel
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
