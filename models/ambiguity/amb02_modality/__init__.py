"""AMB-02 Modality and normative force (research note §3 AMB-02).

Flags "dient/moet" (Ar 3.2 style), "zal/zullen" (future or duty?), aspiration and effort
verbs (no enforceable standard), weak-compliance verbs, a power in the passive without an
agent ("kan worden vastgesteld"), and inconsistent modality for the same (actor, action,
object) in the competence table ("stelt de begroting vast" vs "kan de begroting
vaststellen"). A bare "kan" is never flagged: without an organ subject and a competence
verb it is read as epistemic ("kan leiden tot").

Severity (hand checks rounds 1–5): "zal/zullen" stays ZORG (obligation or expectation, and on whom?)
unless the clause fixes the content by a named measure ("op basis van het prijsmutatiepercentage",
"overeenkomstig …"): then it is a style point (SUGGESTIE). A passive power "kan worden …" stays ZORG
unless its holder can be read from the text: an organ performs the same verb elsewhere in the artikel
(actively or as "door <orgaan>"), the agent is named as its decision ("bij dat besluit"), the
passive sits in a relative clause whose main clause gives an organ the power ("Het algemeen bestuur
kan een commissie instellen waaraan … kunnen worden overgedragen"), or the artikel names exactly one
organ or the whole text names exactly one (the only candidate). With two or more candidate organs (algemeen bestuur, raden, minister: "Een
batig saldo kan worden bestemd …") the holder is a real question. Aspiration and weak verbs are ZORG
only for a body of a gemeenschappelijke regeling ("Het openbaar lichaam bevordert …": the GR's tasks are
an aspiration); "Het college ondersteunt …" in a verordening describes a task (SUGGESTIE). "zal kunnen"
is a prediction ("te voorzien is dat hij niet zal kunnen betalen"), not flagged; nor is "zal/zullen" in a
subordinate clause ("indien aannemelijk is dat … tot stand zal worden gebracht", "welke voorschriften …
zullen gelden") or in an oath ("Ik zweer … dat ik … zal"). Inconsistent modality compares main-clause
competences only ("Indien provinciale staten … opdragen" is a condition, not a duty). A passive "kan worden …"
is a power only with a competence verb ("kan worden vastgesteld", not "kan worden verkregen") and not
when its agent is named through the instrument ("bij ministeriële regeling kunnen regels worden gesteld",
"In de regeling kan worden bepaald").

Round 7 (the round-6 test samples as development material): "zal/zullen" coordinated with a present-tense
fact ("heeft of zal aangaan"), in a sentence that reproduces an oath or promise, or verb-final after a
subordinator ("voor welke colleges …, zullen gelden.") is not flagged; a negated or restricted passive
power ("aan het bestuur kan niet de bevoegdheid worden overgedragen") limits a power held elsewhere and is
a SUGGESTIE.

Round 8: the modality conflict compares only grants on the same object (amb07_overlap/grammar.py: not "bij
koninklijk besluit", not "Alvorens de raad besluit", not "in de verordening de heffing lager vaststellen"). A
passive power is a SUGGESTIE when an instrument holds it ("In de belastingverordening kan worden bepaald", "bij
wettelijk voorschrift"), when an earlier sentence of the lid names the AMvB or regeling it belongs to, when it
undoes a besluit (its maker undoes it) or a grant of the text's only granting organ; it is no power at all in a
subordinate clause or verb-final ("dat … bepaald kan worden"). "zal" is a prediction with "kunnen" in its verb
cluster or a frequency adverb ("veelal", "in het algemeen"), in an item of a list of conditions ("… afgezien
als:"); a style point with "moeten" or a state ("zal bestaan uit", "nodig zijn"). An aspiration verb in a
purpose clause ("Om te bevorderen dat") sets no task.

Round 11 (the round-9 sample of national law): "zal/zullen" after a lead-in of belief or expectation ("indien een
gegronde reden bestaat om aan te nemen dat: | de aanvrager niet zal voldoen"), in a content clause ("vermeldt in
hoeverre de kosten … zullen worden gebracht"), as "te zullen" or in a definition is no duty question (no flag); a
clause that names who acts ("zal … plaatsvinden door de bewaarders", "in een zitting van het centraal stembureau")
makes "zal" a style point (SUGGESTIE). A passive power whose holder the text makes knowable is a SUGGESTIE that names
the holder (amb05_passive/holders.py): an identified instrument before it ("In het vernietigingsbesluit", "bij het
koninklijk besluit, bedoeld in …"; not "bij nadere regeling"), an earlier sentence giving one actor the power, a lid
the subject refers to ("De op grond van het eerste lid gestelde regels"), the one actor or instrument of the artikel,
the same object (or the act its name comes from: schorsing ← schorsen) under one named holder in the earlier leden
and the preceding artikelen of the same hoofdstuk/paragraaf, or a general ban of an earlier lid it is an exception
to. Withdrawing what a party filed ("Het bezwaar kan worden ingetrokken", "Een verklaring als bedoeld in …") and a
passive in a prepositional relative clause ("degene van wie kosten kunnen worden teruggevorderd") are not flagged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.amb05_passive.holders import (
    artikel_actor,
    ban_exception,
    instrument_before,
    lid_subject,
    object_noun,
    referenced_holder,
    section_holder,
    withdraws_filing,
)
from models.ambiguity.amb07_overlap.grammar import (
    PARTICIPLE_RE,
    SUBORDINATOR_RE,
    in_subordinate_clause,
    misread,
    object_site,
    same_object,
)
from models.ambiguity.common import TriggerSet, organ_subject_power
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import AGENT_INSTRUMENT_RE, DECIDES_OF_RE, GR_RE, Resources
from models.nlp import lemma

HERE = Path(__file__).resolve().parent
# "Deze regeling zal … in de Staatscourant worden geplaatst": the publication formula, no duty.
PUBLICATION_RE = re.compile(r"\b(Staatscourant|Staatsblad|Tractatenblad|[Gg]emeenteblad|[Pp]rovinciaal blad|[Ww]aterschapsblad|publicatieblad)\b"
                            r"[^.]*\b(geplaatst|bekendgemaakt|gepubliceerd)\b|\b(geplaatst|bekendgemaakt)\b[^.]*"
                            r"\b(Staatscourant|[Gg]emeenteblad)\b")
# "… op welke wijze de activiteiten zullen worden uitgevoerd": describes the content of a plan.
DESCRIPTIVE_RE = re.compile(r"\b(op welke wijze|welke|hoe|wat)\b[^,;.]*$", re.I)
# "zoals deze thans luidt en in de toekomst zal luiden" (dynamic reference), "waarover … zal worden
# beraadslaagd" (what a meeting will discuss): future tense that describes, no duty.
DESCRIPTIVE_FUTURE_RE = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:luiden|worden\s+beraadslaagd)\b", re.I)
TRIGGERS = TriggerSet(HERE, {"style_duty", "future", "aspiration", "weak"})
TRANSITIONAL_RE = re.compile(r"in werking|vervalt|vervallen|ingetrokken|wordt aangehaald|kan worden aangehaald"
                             r"|citeertitel", re.I)
# A measure that fixes what the future-tense clause will do ("op basis van het prijsmutatiepercentage").
MEASURE_RE = re.compile(r"\b(?:op basis van|overeenkomstig|conform|volgens|aan de hand van|met inachtneming van)\b",
                        re.I)
# Acts on money and rights outside the competence lexicon that are still powers ("kan worden bestemd").
MONEY_ACTS = {"bestemmen", "verdelen", "aanwenden", "uitkeren", "terugvorderen", "intrekken", "beëindigen",
              "beeindigen", "opschorten", "herzien", "verrekenen", "verhogen", "verlagen", "toevoegen"}
# A subordinate clause up to the modal: "dat …", "indien …", "welke …": the future describes, it does not oblige.
SUBCLAUSE_RE = re.compile(r"\b(?:dat|die|welke?|wat|of|indien|wanneer|als|voor ?zover|nadat|zodat|zodra|hoe|hoeverre|hoeveel"
                          r"|waarom|wie|wiens|tenzij|mits|totdat|voordat|alvorens|omdat|doordat|zolang|ingeval"
                          r"|waar(?:in|bij|mee|op|voor|aan|door|over|uit|van|naar))\b", re.I)
FIRST_PERSON_RE = re.compile(r"\b(?:ik|wij|Ik|Wij)\b")
AGENT_DECISION_RE = re.compile(r"\bbij\s+(?:dat|dit|het|hun|zijn|haar)\s+(?:\w+\s+)?besluit\b", re.I)
PASSIVE_POWER_RE = re.compile(r"\b(kan|kunnen|dient|dienen|moet|moeten)\b(?:\s+[\w,]+){0,8}?\s+(worden)\b", re.I)
QUOTES = "\"'‘’“”„"
# "is of zal", "deel uitmaakt of zal uitmaken", "zijn of zullen worden getroffen": the future coordinated with a
# present-tense fact describes a state of affairs (now or later), it imposes no duty.
COORDINATED_FUTURE_RE = re.compile(r"\b(?:is|zijn|heeft|hebben|wordt|worden|\w+(?:t|en))\s+of\s+$", re.I)
# An oath or promise reproduced in the text ("… de eed of belofte af dat zij de waarheid zullen spreken").
OATH_RE = re.compile(r"\b(?:eed|belofte|zweer|zweren|beloof|beloven|verklaar|verklaren)\b", re.I)
# A negated or restricted passive power ("aan het bestuur kan niet de bevoegdheid worden overgedragen", "met dien
# verstande dat niet kan worden bepaald"): it limits a power held elsewhere, it confers none.
NEGATED_RE = re.compile(r"(?<![\w-])(?:niet|geen|nimmer|noch|slechts|uitsluitend|alleen)(?![\w-])", re.I)  # not "niet-nakoming"


# The instrument that holds the power: "In de belastingverordening kan worden bepaald", "kan bij de verordening,
# bedoeld in …, worden bepaald": the organ that adopts the instrument decides (round 8).
INSTRUMENT_AGENT_RE = re.compile(r"\b(?:[Ii]n|[Bb]ij)\s+(?:de|het|een|die|deze|dat|dit)\s+(?:[\w-]+\s+)?[\w-]*"
                                 r"(?:verordening|regeling|reglement|statuten|beleidsregels?)\b"
                                 r"|\b[Bb]ij\s+(?:of\s+krachtens\s+)?(?:wettelijk\s+voorschrift|(?:de\s+)?wet|verordening)\b")
# "Een besluit kan worden ingetrokken": a decision is undone by the organ that took it (contrarius actus).
DECISION_SUBJECT_RE = re.compile(r"\b(?:een|het|de|dit|dat|deze|die|zijn|haar|hun)\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:besluit|beschikking|beslissing|vaststelling)(?:en)?\b", re.I)
# Undoing a grant: the organ that granted undoes it (Awb practice), when the text has only one granting organ.
REVERSAL_ACTS = {"terugvorderen", "intrekken", "herzien", "opschorten", "beëindigen", "beeindigen"}
GRANT_ACTS = {"verstrekken", "toekennen", "verlenen"}
# "zal bestaan uit", "zal zijn", "zal gelden": the future of a state describes, it orders no act (round 8).
STATE_VERB_RE = re.compile(r"^\s+(?:\w+\s+)?(?:bestaan|zijn|blijven|gelden|duren|bedragen)\b", re.I)
# The clause's verb cluster is a state, not an act: "zal een novelle nodig zijn", "zal variëren naar …" ("zijn" only
# clause-final: "zal zijn besluit bekendmaken" has the possessive).
STATE_INFINITIVE_RE = re.compile(r"\bzijn(?:\s+om\b.*)?\W*$|\b(?:blijven|bestaan|gelden|duren|bedragen|variëren|afhangen|voordoen|behoeven"
                                 r"|betreffen)\b", re.I)
# Frequency and likelihood adverbs make the future a prediction ("In het algemeen zal …", "Veelal zullen …").
HEDGE_ADVERB_RE = re.compile(r"\b(?:in\s+het\s+algemeen|over\s+het\s+algemeen|in\s+de\s+regel|veelal|meestal|doorgaans"
                             r"|soms|vaak|dikwijls|uiteraard|vermoedelijk|waarschijnlijk|in\s+veel\s+gevallen"
                             r"|in\s+sommige\s+gevallen|mogelijk(?:erwijs)?|wellicht|naar\s+verwachting|binnenkort)\b", re.I)
# A remedy or request filed in the passive ("kan beroep worden ingesteld", "kan een aanvraag worden ingediend"):
# a right of interested parties, not a power of an organ.
FILING_ACTS = {"instellen", "maken", "indienen", "aantekenen", "doen", "inbrengen", "brengen", "intrekken", "aanvullen"}
REMEDY_RE = re.compile(r"\b(?:(?:hoger\s+|administratief\s+)?beroep|bezwaar|bezwaarschrift|beroepschrift|verzet|cassatie"
                       r"|verzoek(?:en|schrift)?|aanvraag|aanvragen|zienswijzen?|klacht(?:en)?|bedenkingen|melding)\b",
                       re.I)
# The lead-in of a list of conditions: "… wordt afgezien als:", "indien:", "mits:".
# Not "dat:" ("draagt er zorg voor dat:" introduces duties).
CONDITION_LEADIN_RE = re.compile(r"\b(?:als|indien|wanneer|mits|tenzij|zodra|voor\s?zover|ingeval|in\s+geval)\s*:\s*$"
                                 # round 9: the content of a decision or statement ("Indien het bestuursorgaan …
                                 # beslist dat: a. … geen boete zal worden opgelegd"), no duty
                                 r"|\b(?:beslist|besluit|bepaalt|verklaart|vaststelt|stelt\s+vast|meedeelt)\s+dat\s*:\s*$",
                                 re.I)

# Round 11: the future clause names who acts ("zal verandering … plaatsvinden door de bewaarders", "zal de loting
# plaats hebben in een zitting van het centraal stembureau"): no question whose duty it is, only the tense.
FUTURE_AGENT_RE = re.compile(r"\bdoor\s+(?:de|het|Onze)\s+(?!wijze\b|middel\b)[\w-]+"
                             r"|\b(?:in|tijdens)\s+(?:een|de)\s+(?:openbare\s+)?(?:zitting|vergadering)\s+van\s+(?:de|het)\s+"
                             r"(?:[\w-]+\s+)?[\w-]+|\bten\s+overstaan\s+van\s+(?:de|het)\s+[\w-]+", re.I)
# A lead-in of expectation or belief ("indien een gegronde reden bestaat om aan te nemen dat:"): the list items that
# follow predict, they oblige no one.
BELIEF_LEADIN_RE = re.compile(r"\b(?:aan\s+te\s+nemen|aannemen|aangenomen|aannemelijk|verwacht\w*|te\s+verwachten"
                              r"|vermoed\w*|vrees\w*|waarschijnlijk|voorzienbaar|te\s+voorzien)\b[^.;:]{0,40}?\bdat\s*:\s*$",
                              re.I)

# A relative clause with a prepositional "wie/welke" ("degene van wie kosten … kunnen worden teruggevorderd"): it
# refers to a power conferred elsewhere.
RELATIVE_WHO_RE = re.compile(r"\b(?:van|op|aan|bij|door|met|voor|tot|jegens|tegen|te|ten\s+aanzien\s+van)\s+"
                             r"(?:wie|wiens|wier|welke)\b", re.I)

# The clause regulates the form, not the holder: "kan worden verleend in de vorm van een geldlening".
FORM_AFTER_RE = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:in\s+de\s+vorm\s+van|onder\s+de\s+voorwaarden?|met\s+inachtneming"
                           r"\s+van|overeenkomstig)\b", re.I)


def _lid_names_instrument(res: Resources, pi, s: int) -> bool:
    """An earlier sentence of the lid says by which instrument rules are made ("Bij of krachtens algemene maatregel
    van bestuur kunnen regels worden gesteld …"): a following passive power belongs to that instrument's maker."""
    return any(AGENT_INSTRUMENT_RE.search(pi.text[ps:pe]) for ps, pe in pi.sentences if pe <= s) or any(
        AGENT_INSTRUMENT_RE.search(q.text) for q in res.lid_passages_before(pi))


def _condition_list_item(res: Resources, pi, s: int) -> bool:
    """The sentence at ``s`` is an item of a list whose lead-in ends in a subordinator ("… afgezien als:")."""
    if pi.text[:s].strip():
        lead = pi.text[:s]
    else:
        lead = next((q.text for q in res.lid_passages_before(pi) if q.text.rstrip().endswith(":")), "")
    return bool(CONDITION_LEADIN_RE.search(lead.rstrip()) or BELIEF_LEADIN_RE.search(lead.rstrip()))


@detector("AMB-02", name="modaliteit / normatieve kracht", requires={"lemmas", "structure", "competences"},
          default_severity=Severity.SUGGESTIE, rule="Ar 3.2", context_adjust=False, binding_only=True)
def modality(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        text = pi.text
        task = res.structure.is_task_article(pi.passage.artikel)
        for hit in TRIGGERS.find(text):
            q = text[hit.start:hit.end]
            s, e = pi.sentence_of(hit.start)
            sent = text[s:e]
            sub = hit.trigger.subclass
            if text[:hit.start].count("\"") % 2 == 1 or any(c in text[max(0, hit.start - 2):hit.start] for c in QUOTES):
                continue  # inside a quotation
            if sub == "style_duty":
                if re.match(r"dien", q, re.I) and not re.search(r"\bte\b", sent[hit.end - s:hit.end - s + 80]):
                    continue  # "dienen" as "to serve" ("de begroting dient als …" is still flagged via "te")
                yield make_flag("AMB-02", pi, hit.start, hit.end, severity=Severity.SUGGESTIE, confidence=0.8,
                                explanation=f"'{q}' maakt niet duidelijk of dit een plicht, een bevoegdheid of "
                                            "een wens is; Ar 3.2 vraagt de tegenwoordige tijd voor een plicht.",
                                question="Is dit een verplichting? Zo ja, kan de zin in de tegenwoordige tijd?",
                                suggestion="Schrijf de plicht in de tegenwoordige tijd ('stelt … vast') of gebruik "
                                           "'kan' voor een bevoegdheid.")
            elif sub == "future":
                if DESCRIPTIVE_FUTURE_RE.match(text[hit.end:e]) or re.match(r"\s+kunnen\b", text[hit.end:e]):
                    continue  # "zal kunnen voortgaan": a prediction, no duty
                if re.search(r"\bte\s+$", text[max(s, hit.start - 4):hit.start], re.I) or res.is_definition_passage(pi):
                    continue  # round 11: "heeft medegedeeld de maatregelen te zullen nemen" reports a statement; a
                    # definition ("kind … voor wie kinderbijslag wordt betaald, zal worden betaald") states a meaning
                if SUBCLAUSE_RE.search(text[_clause_start(text, s, hit.start):hit.start]) or FIRST_PERSON_RE.search(sent):
                    continue  # "indien aannemelijk is dat … zal worden gebracht", an oath ("Ik zweer … zal"): no duty
                if COORDINATED_FUTURE_RE.search(text[max(s, hit.start - 40):hit.start]) or OATH_RE.search(sent):
                    continue  # "heeft of zal aangaan": a fact now or later; an oath's wording: no duty
                if len(text[hit.end:e].split()) <= 3 and SUBCLAUSE_RE.search(text[s:hit.start]):
                    continue  # verb-final "…, zullen gelden." after "voor welke …": a subordinate clause (Dutch
                    # main clauses put the finite verb second), so it describes, it does not oblige
                if TRANSITIONAL_RE.search(sent) or PUBLICATION_RE.search(sent) or DESCRIPTIVE_RE.search(
                        text[max(s, hit.start - 40):hit.start]):
                    continue
                after = text[hit.end:_clause_end(text, hit.end, e)]
                cluster = _until_subclause(text, hit.end, e)  # "zal …, …, moeten worden beoordeeld"
                if re.search(r"\bkunnen\b", cluster, re.I) or HEDGE_ADVERB_RE.search(text[_clause_start(text, s, hit.start):
                                                                                          hit.end] + after):
                    continue  # "zal … geen sprake kunnen zijn", "In het algemeen zal … beperkt blijven": a prediction
                if _condition_list_item(res, pi, s):
                    continue  # "… wordt afgezien als: | de vordering minstens zal worden voldaan …": a condition
                agent = FUTURE_AGENT_RE.search(text, _clause_start(text, s, hit.start), _clause_end(text, hit.end, e))
                # "zal bestaan uit het … te bepalen aantal leden": the future of a state describes, it orders no act.
                state = bool(STATE_VERB_RE.match(text[hit.end:e]) or STATE_INFINITIVE_RE.search(after)
                             and not re.search(r"\bworden\b", after, re.I))
                must = bool(re.search(r"\bmoeten\b", cluster, re.I))  # "zal … moeten worden afgewogen"
                measured = state or must or bool(agent) or bool(MEASURE_RE.search(text[hit.end:e]))
                lowered = (" De zin beschrijft een toestand, geen handeling; verlaagd." if state
                           else " De plicht staat er al ('moeten'); 'zal' is een stijlpunt. Verlaagd." if must
                           else (f" De zin noemt wie handelt ('{' '.join(agent.group(0).split())}'); 'zal' is een "
                                 "stijlpunt. Verlaagd.") if agent
                           else " De zin noemt wel de maatstaf; verlaagd." if measured else "")
                yield make_flag("AMB-02", pi, hit.start, hit.end,
                                severity=Severity.SUGGESTIE if measured else Severity.ZORG,
                                confidence=0.45 if measured else 0.7,
                                explanation=f"'{q}' kan een toekomstige gebeurtenis beschrijven of een plicht "
                                            "opleggen; het rechtsgevolg is daardoor onduidelijk."
                                            + lowered,
                                question="Is dit een verplichting, een verwachting of een toezegging?",
                                suggestion="Gebruik de tegenwoordige tijd voor een plicht of 'kan' voor een "
                                           "bevoegdheid.")
            else:
                if re.search(r"\bte\s+$", text[max(s, hit.start - 4):hit.start], re.I):
                    continue  # "Om te bevorderen dat …": a purpose clause, no task or duty
                organ = bool(res.mentions_in(pi, s, e))
                # An organ that "bevordert"/"ondersteunt" in its task article describes a task (round 6 test
                # sample): the concern is an aspiration that sets a GR's tasks or binds others.
                gr = res.is_gemeenschappelijke_regeling() or bool(GR_RE.search(sent))
                sev = Severity.ZORG if (task or sub == "aspiration") and organ and gr else Severity.SUGGESTIE
                what = ("een inspanning of streven zonder toetsbare norm" if sub == "aspiration"
                        else "een zwakke nalevingsplicht ('rekening houden') zonder duidelijke binding")
                yield make_flag("AMB-02", pi, hit.start, hit.end, severity=sev, confidence=0.55 + 0.2 * task,
                                explanation=f"'{q}' is {what}"
                                            + (" in een artikel over taken of bevoegdheden." if task else "."),
                                question="Wat moet het orgaan precies doen, en wanneer is aan deze bepaling voldaan?",
                                suggestion="Formuleer een concrete taak of plicht, of zet de doelstelling in de "
                                           "toelichting.")
        # "kan … worden vastgesteld" without "door": a power whose holder is not named.
        for m in PASSIVE_POWER_RE.finditer(text):
            s, e = pi.sentence_of(m.start())
            rest = text[m.start():e]
            if re.search(r"\bdoor\b", rest, re.I) or re.search(r"\bdoor\s+(?:de|het)\s+\w+", text[
                    _clause_start(text, s, m.start()):m.start()], re.I) or re.search(
                    r"\bbij\s+(?:[\w-]+\s+){0,3}?(?:besluit|besluiten|beslissing)\s+van\b", text[s:e], re.I) \
                    or not re.match(r"kan|kunnen", m.group(1), re.I) or AGENT_INSTRUMENT_RE.search(text[s:e]):
                continue  # agent named, or named through its instrument ("bij ministeriële regeling")
            part = re.match(r"\s+(\w+)", text[m.end():e])
            if part and part.group(1).lower() in ("aangehaald", "geciteerd"):
                continue  # "kan worden aangehaald als …": the citation title, no power
            if part and not {_infinitive(part.group(1)), lemma(part.group(1).lower())} & (set(res.verbs) | MONEY_ACTS):
                continue  # "kan worden verkregen/verschaft": a possibility, no power (research AMB-02 (d) 3)
            if (not part or not PARTICIPLE_RE.match(part.group(1).lower())) and PARTICIPLE_RE.match(
                    (re.findall(r"\w+", text[s:m.start()]) or [""])[-1].lower()) \
                    or in_subordinate_clause(text, s, m.start()):
                continue  # "dat dit aantal … bepaald kan worden", "indien … kan worden vastgesteld": the verb-final
                # order or the subordinator makes it a subordinate clause: a possibility, not a grant
            if part and _infinitive(part.group(1)) in FILING_ACTS - {"intrekken"} and REMEDY_RE.search(
                    text[s:m.end() + part.end()]):
                continue  # "Tegen het besluit kan beroep worden ingesteld", "kan een aanvraag worden ingediend": a
                # right of whoever is concerned (belanghebbende, aanvrager), not a power of an organ
            end = m.end() + part.end() if part else m.end()  # "kan worden gewijzigd"
            verb = _infinitive(part.group(1)) if part else ""
            noun = _subject_noun(text, s, m.start(), end)
            if noun and withdraws_filing(text, s, end, verb, noun):
                continue  # round 11: "Het bezwaar kan worden ingetrokken", "Een verklaring als bedoeld in … kan
                # worden ingetrokken": the party withdraws what it filed or declared; no organ's power
            if RELATIVE_WHO_RE.search(text[_clause_start(text, s, m.start()):m.start()]):
                continue  # "degene van wie kosten … kunnen worden teruggevorderd ingevolge paragraaf 4": a relative
                # clause that refers to a power conferred elsewhere, it confers none
            same = res.actor_of_action(pi, _infinitive(part.group(1))) if part else None
            note = (f" In dit artikel doet '{same}' dit elders; vermoedelijk is dat orgaan bedoeld. (Verlaagd.)"
                    if same else "")
            if not same and AGENT_DECISION_RE.search(text[s:m.start()]):
                same = "besluit"
                note = " De zin noemt het besluit waarbij dit gebeurt; de nemers daarvan zijn bevoegd. (Verlaagd.)"
            elif not same and organ_subject_power(res, pi, s, m.start()) and re.search(
                    r"\b(?:waar\w+|die|dat)\b[^,;]*$", text[s:m.start()], re.I):
                same = "hoofdzin"
                note = (" De lijdende vorm staat in een bijzin; de hoofdzin kent een orgaan de bevoegdheid toe. "
                        "(Verlaagd.)")
            elif not same and (len(named := res.organs_named_in_artikel(pi)) == 1
                               or len(named := res.organs_in_document()) == 1):
                same = next(iter(named))
                note = (f" Het artikel noemt alleen '{same}'; vermoedelijk is dat orgaan bevoegd, maar dat staat er "
                        "niet. (Verlaagd.)")
            if not same and (inst := INSTRUMENT_AGENT_RE.search(text[s:end])):
                same = "instrument"
                note = (f" De zin noemt het instrument ('{inst.group(0)}'); wie dat vaststelt, bepaalt dit. "
                        "(Verlaagd.)")
            elif not same and _lid_names_instrument(res, pi, s):
                same = "instrument"
                note = (" Een eerdere zin van dit lid noemt het instrument (algemene maatregel van bestuur, "
                        "regeling) waarin dit wordt bepaald. (Verlaagd.)")
            elif not same and part and _infinitive(part.group(1)) in REVERSAL_ACTS and DECISION_SUBJECT_RE.search(
                    text[_clause_start(text, s, m.start()):end]):
                same = "besluit"
                note = (" Een besluit wordt ingetrokken of herzien door het orgaan dat het nam; dat volgt uit de "
                        "bepaling die het besluit toekent. (Verlaagd.)")
            elif not same and part and _infinitive(part.group(1)) in REVERSAL_ACTS and len(
                    granters := {c.actor for c in res.competences if c.actor and c.action in GRANT_ACTS}) == 1:
                same = next(iter(granters))
                note = (f" Terugvorderen of intrekken doet het orgaan dat verstrekt of toekent; in deze tekst is dat "
                        f"alleen '{same}'. (Verlaagd.)")
            if not same and FORM_AFTER_RE.match(text[end:e]):
                same = "vorm"
                note = (" De zin regelt de vorm of voorwaarden, niet wie bevoegd is; dat volgt uit de bepaling die de "
                        "bevoegdheid toekent. (Verlaagd.)")
            if not same and (actor := next((a for a in res.named_actors(pi, s, e)
                                            if a.end <= m.start() and "," in text[a.end:m.start()]
                                            or DECIDES_OF_RE.search(text[max(s, a.start - 40):a.start])), None)):
                # Round 9: "Indien de Dienst Toeslagen … nodig acht, kan de termijn … worden verlengd": the actor
                # of the fronted clause, or the one whose judgement counts, holds the power.
                same = actor.key
                note = (f" De zin noemt '{actor.text}' in de voorwaarde of als beoordelaar; vermoedelijk is die "
                        "bevoegd, maar dat staat er niet. (Verlaagd.)")
            clause = text[_clause_start(text, s, m.start()):end]
            if not same:
                same, note = _holder_from_context(res, pi, s, e, m.start(), end, verb, noun)
            if not same and NEGATED_RE.search(clause):
                same = "beperking"
                note = (" De zin beperkt een bevoegdheid ('niet', 'geen', 'slechts'); wie haar heeft, volgt uit de "
                        "bepaling die haar toekent. (Verlaagd.)")
            yield make_flag("AMB-02", pi, m.start(), end, severity=Severity.SUGGESTIE if same else Severity.ZORG,
                            confidence=0.5 if same else 0.7,
                            explanation="Een bevoegdheid in de lijdende vorm zonder 'door': de tekst zegt niet wie "
                                        "de bevoegdheid heeft." + note,
                            question="Welk orgaan is bevoegd?",
                            suggestion="Schrijf actief: '<orgaan> kan …'.")
    yield from _inconsistent(res)


def _subject_noun(text: str, s: int, modal: int, end: int) -> str:
    """Head noun of the passive's subject: in the modal's own clause ("kan de vergunning worden ingetrokken"), else
    from the sentence start ("Een verklaring als bedoeld in het eerste lid, onder f, kan worden ingetrokken")."""
    return object_noun(text, _clause_start(text, s, modal), end) or object_noun(text, s, end)


def _holder_from_context(res: Resources, pi, s: int, e: int, modal: int, end: int, verb: str, noun: str
                         ) -> tuple[str, str]:
    """Round 11: the holder of a passive power read from outside the sentence (see amb05_passive/holders.py): an
    instrument named before the passive ("In het vernietigingsbesluit kan worden bepaald"), a general ban of an
    earlier lid that the permission is an exception to, a lid the subject refers to, the one actor of the artikel,
    or the same act or object under a named holder in the section. ("", "") when none is found."""
    text = pi.text
    if inst := instrument_before(text, s, end):
        return "instrument", (f" De zin noemt het instrument ('{inst}'); wie dat vaststelt, bepaalt dit. (Verlaagd.)")
    if where := ban_exception(res, pi, s):
        return "verbod", (f" Een uitzondering op het verbod van {where}, dat voor een ieder geldt: wie aan het verbod "
                          "gebonden is, mag dit. (Verlaagd.)")
    holder = (referenced_holder(res, pi, text[s:modal]) or lid_subject(res, pi, s)
              or artikel_actor(res, pi, (_clause_start(text, s, modal), end)) or section_holder(res, pi, s, e, verb, noun))
    if holder is not None:
        return holder.name, holder.note()
    return "", ""


def _until_subclause(text: str, pos: int, e: int) -> str:
    """The rest of the sentence from ``pos`` up to a subordinate clause that opens after it (where the verb cluster
    of a main clause with 'zal' ends, even across commas)."""
    m = SUBORDINATOR_RE.search(text, pos, e)
    return text[pos:m.start() if m else e]


def _clause_end(text: str, pos: int, e: int) -> int:
    """End of the clause that holds ``pos``: the next comma, semicolon or colon of its sentence."""
    cuts = [i for i in (text.find(c, pos, e) for c in ",;:") if i >= 0]
    return min(cuts) if cuts else e


def _clause_start(text: str, s: int, pos: int) -> int:
    """Start of the clause that holds ``pos``: after the last comma, semicolon or colon of its sentence."""
    cut = max(text.rfind(c, s, pos) for c in ",;:")
    return cut + 1 if cut >= s else s


def _main_clause(res: Resources, c) -> bool:
    """The competence's verb stands in a main clause (not "Indien provinciale staten … opdragen, …")."""
    text = res.by_id[c.passage_id].text
    return not SUBCLAUSE_RE.search(text[_clause_start(text, c.sentence[0], c.start):c.start])


def _infinitive(participle: str) -> str:
    """"aangewezen" → "aanwijzen" via the lemmatiser (separable verbs come back without the underscore)."""
    return lemma(participle.lower()).replace("_", "")


def _inconsistent(res: Resources) -> Iterator[Flag]:
    """Round 8: the same organ, the same act and the same object (head, position and qualifiers, see
    amb07_overlap/grammar.py) as a duty here and a power there. A noun ("bij koninklijk besluit"), a verb in a
    subordinate clause ("Alvorens de raad besluit …") or an object in a prepositional phrase ("in de verordening
    de heffing lager vaststellen") is no such competence."""
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    sites = {}
    for c in res.competences:
        if c.actor and c.object and not c.passive and c.modality in ("plicht", "bevoegdheid") and _main_clause(res, c) \
                and not misread(res, c):
            sites[id(c)] = site = object_site(res, c)
            if site.head:
                groups[(c.actor, c.action, site.head)].append(c)
    for (actor, action, obj), cs in groups.items():
        if len({c.modality for c in cs}) < 2:
            continue
        for i, c in enumerate(cs):
            first = next((f for f in cs[:i] if f.modality != c.modality and same_object(sites[id(f)], sites[id(c)])),
                         None)
            if first is None:
                continue
            pi = res.by_id[c.passage_id]
            yield make_flag(
                "AMB-02", pi, c.start, c.end, severity=Severity.KRITIEK, confidence=0.75,
                explanation=f"'{actor}' en '{action} {obj}': in artikel {first.artikel} als {first.modality}, hier "
                            f"als {c.modality}. Is het een plicht of een bevoegdheid?",
                question=f"Moet {actor} de {obj} {action}, of mag het dat?",
                suggestion="Gebruik voor dezelfde handeling overal dezelfde modaliteit.")
