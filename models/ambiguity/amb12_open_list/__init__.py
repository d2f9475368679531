"""AMB-12 Open-ended enumeration (open opsomming; Wgr art. 10/30).

Gazetteer match ("onder meer", "waaronder", "zoals", "en dergelijke", "in ieder geval",
…; "zoals bedoeld in" is allowed). In an artikel about tasks, powers or the belang, or in a
sentence with taak/bevoegdheid/belang/behartigt → ZORG (the scope of transferred powers is
open), elsewhere SUGGESTIE; minimum lists ("in ieder geval") outside those articles →
INFO. Residual task clauses ("en alle overige taken die …") → ZORG, linked to AMB-08.

Severity (hand checks rounds 1–5: 0 true positives in 6 judged zorg flags). Only a trigger that
*introduces* examples of the tasks or powers ("onder meer", "waaronder", "bijvoorbeeld", "zoals")
leaves their scope open: ZORG in task scope. A trailing "en dergelijke", "enz.", "en andere …" closes a
list of named items, which bound what else may fall under it (ejusdem generis): SUGGESTIE. "zoals"
followed, in its clause, by a participle of reference ("zoals in het besluit … aangegeven",
"zoals dit door de minister wordt vastgesteld") identifies a document or a value: no enumeration.

Round 8: "waaronder" is a relative adverb: its antecedent noun phrase ("inwoners onder de pensioengerechtigde
leeftijd, waaronder: …", "werkzaamheden ten behoeve van de veiligheidsregio's, waaronder …") already fixes the
scope and the items are examples within it: SUGGESTIE. "waaronder (mede) wordt/worden verstaan" extends a
definition with a closed list: not an enumeration at all.

Round 11: "zoals" opening a comparative clause with its own subject ("zoals deze door het centraal stembureau is
geregistreerd", "zoals die … luidt") means "as", not "for example": only "zoals" introducing a list of examples
(noun phrases) opens an enumeration. "in het bijzonder"/"met name" followed by one word that closes the clause
("die zij … in het bijzonder behartigen.") grades that verb: no enumeration.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.common import TriggerSet
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import Resources

HERE = Path(__file__).resolve().parent
TRIGGERS = TriggerSet(HERE, {"open", "minimum", "residual"})
SCOPE_RE = re.compile(r"\btaak|\btaken\b|bevoegdhe|\bbelang|behartig", re.I)
TRAILING = {"en dergelijke", "e.d.", "enzovoort", "enz.", "etc.", "en andere", "of andere", "alsmede overige"}
# "zoals in het besluit van … aangegeven", "zoals dit … wordt vastgesteld": a reference, not an example.
REFERENCE_RE = re.compile(r"^(?:(?!\.\s)[^;:()]){0,140}?\b(?:aangegeven|opgenomen|bedoeld|vastgesteld|vastgelegd|goedgekeurd"
                          r"|gewijzigd|omschreven|vermeld|genoemd|gehanteerd|bepaald|beschreven|weergegeven"
                          r"|luidt|luiden|luidde|luidden|geldt|gelden|gold|golden)\b", re.I)


# Round 11: "zoals" + a pronoun subject and a clause that ends in its finite verb ("zoals deze door het centraal
# stembureau is geregistreerd", "zoals die luidt") is a comparative clause: "as", no examples. Not "zoals het heffen
# van rechten" (an article before a noun: an example).
COMPARATIVE_RE = re.compile(r"^\s+(?:deze|die|dit|dat|het|hij|zij|ze|men|er|zulks)\b(?:(?!\.\s)[^;:(),]){0,100}?"
                            r"\b(?:is|zijn|wordt|worden|was|waren|luidt|luiden|geldt|gelden|heeft|hebben|staat|staan"
                            r"|blijkt|blijken)(?:\s+[a-zà-ÿ]+)?\s*(?:[.;,:]|$)", re.I)
# "… die zij … in het bijzonder behartigen.": in a subordinate clause, one verb form, then the clause ends: a degree
# adverb on that (verb-final) verb.
CLAUSE_END_VERB_RE = re.compile(r"^\s+[a-zà-ÿ-]+(?:en|t)\s*(?:[.;,]|$)")
SUBORDINATE_RE = re.compile(r"\b(?:die|dat|welke|waar\w+|omdat|indien|voor\s*zover)\b", re.I)
DEGREE = {"in het bijzonder", "met name"}


# "in het bijzonder" / "met name" before a participle or predicative adjective grades it; it opens no enumeration.
ADVERBIAL_RE = re.compile(r"^\s+(?:aangewezen|geschikt|gericht|bestemd|bedoeld|noodzakelijk|nodig|van\s+belang"
                          r"|gewenst|ge\w+d|ge\w+en)\b", re.I)

# "waaronder (mede) wordt/worden verstaan": the list extends a definition.
DEFINITION_EXTENSION_RE = re.compile(r"^\s*(?:in\s+\w+\s+\w+\s+)?(?:mede\s+|ook\s+|tevens\s+)?(?:wordt|worden)\s+"
                                     r"(?:mede\s+|ook\s+|tevens\s+)?verstaan\b", re.I)


@detector("AMB-12", name="open opsomming", requires={"structure"}, default_severity=Severity.SUGGESTIE,
          rule="Wgr art. 10, 30", context_adjust=False)
def open_lists(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        task_art = res.structure.is_task_article(pi.passage.artikel)
        for hit in TRIGGERS.find(pi.text):
            q = pi.text[hit.start:hit.end]
            s, e = pi.sentence_of(hit.start)
            scope = task_art or bool(SCOPE_RE.search(pi.text[s:e]))
            sub = hit.trigger.subclass
            if sub == "residual":
                yield make_flag("AMB-12", pi, hit.start, hit.end, severity=Severity.ZORG, confidence=0.75,
                                explanation=f"'{q}' maakt het takenpakket open: welke taken nog kunnen volgen en wie "
                                            "ze opdraagt, staat niet vast (zie ook AMB-08).",
                                question="Welke taken vallen hieronder, en moet uitbreiding niet via wijziging van "
                                         "de regeling (Wgr art. 10)?",
                                suggestion="Som de taken uitputtend op of regel de procedure voor uitbreiding.")
                continue
            if hit.trigger.trigger == "zoals" and (REFERENCE_RE.match(pi.text[hit.end:e])
                                                   or COMPARATIVE_RE.match(pi.text[hit.end:e])):
                continue
            if q.lower() == "waaronder" and DEFINITION_EXTENSION_RE.match(pi.text[hit.end:e]):
                continue  # "natuurterreinen, waaronder mede worden verstaan duinen, …": a definition, closed
            if ADVERBIAL_RE.match(pi.text[hit.end:e]) or q.lower() in DEGREE \
                    and CLAUSE_END_VERB_RE.match(pi.text[hit.end:e]) and SUBORDINATE_RE.search(pi.text[s:hit.start]):
                continue  # "dat in het bijzonder aangewezen moet worden geacht": a degree adverb, no list
            if sub == "minimum":
                sev = Severity.SUGGESTIE if scope else Severity.INFO
            elif hit.trigger.trigger in TRAILING:
                sev = Severity.SUGGESTIE  # the named items bound the rest
            elif q.lower() == "waaronder":
                sev = Severity.SUGGESTIE  # the antecedent of the relative adverb bounds the examples
            else:
                sev = Severity.ZORG if scope else Severity.SUGGESTIE
            conf = 0.4 + 0.35 * hit.trigger.weight + (0.1 if scope else 0)
            yield make_flag("AMB-12", pi, hit.start, hit.end, severity=sev, confidence=conf,
                            explanation=f"'{q}' maakt de opsomming open"
                                        + (" in een bepaling over taken, bevoegdheden of belang: de reikwijdte "
                                           "van de overgedragen bevoegdheden ligt niet vast." if scope else "."),
                            question="Is de opsomming uitputtend bedoeld? Zo niet, wie bepaalt wat er nog onder valt?",
                            suggestion="Maak de opsomming uitputtend of noem het criterium voor wat eronder valt.")
