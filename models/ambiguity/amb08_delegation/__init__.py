"""AMB-08 Delegation, mandate or further rules without bounds (lege delegatie).

Reads the delegation ledger from the resources (every "nadere regels", "nader te
bepalen", delegeert/draagt over/mandateert/machtigt, "kan … opdragen", "bij of
krachtens"), then checks slots in the sentence: delegans, recipient, subject-matter
limiter (or one in the previous lid). Missing limiter or recipient → ZORG; regulatory
power to an official (Ar 2.30) → KRITIEK; "bij of krachtens" → SUGGESTIE (sub-delegation
allowed: intended? Ar 2.26). Bounded clauses are not flagged but stay in the ledger,
where a reviewer ticks off whether the further rules exist. Round 7: in a national law, to an
AMvB/ministeriële regeling/bij wet, or with a bound in the sentence ("tenzij de aard …") an
unbounded-looking delegation is a SUGGESTIE, not ZORG; references to a delegation made
elsewhere ("de krachtens artikel 152 gedelegeerde …") and the verb used as a noun are skipped.
Round 8: a transfer whose sentence announces the list that follows ("zijn de navolgende taken … overgedragen:")
is the regeling itself transferring named powers, and "in door hen nader te bepalen termijnen" lets the subject
of the clause settle its own obligation: neither is an open delegation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import LIMITER_RE, Resources

# "de aan het openbaar lichaam overgedragen …" (the participle is attributive: no act of delegation here)
ATTRIBUTIVE_RE = re.compile(r"\b(?:de|het|die)\s+aan\s+[^,;.]{1,50}\s*$", re.I)
# "de in artikel 9 genoemde bevoegdheden": the subject matter is named by reference
NAMED_POWERS_RE = re.compile(r"\b(?:in|bij)\s+artikel\s+\d+\w*[^.;]{0,30}?\b(?:genoemde|bedoelde)\b", re.I)
OFFICIAL_RE = re.compile(r"ambtena|directeur|secretaris|medewerker|functionaris", re.I)
# Rules made by the Crown or a minister: the rule-maker and the instrument are named, and the delegation is bounded
# by the statute that allows it (Ar 2.24-2.26). Nothing for a reviewer of the regulation to resolve.
CROWN_RE = re.compile(r"\b(?:algemene\s+maatregel\s+van\s+bestuur|ministeri[eë]le\s+regeling|koninklijk\s+besluit"
                      r"|bij\s+(?:of\s+krachtens\s+)?(?:de\s+)?wet)\b", re.I)
# A bound stated in the sentence itself: the nature of the power, a statutory limit or an explicit scope.
BOUND_RE = re.compile(r"\btenzij\s+(?:de\s+)?(?:aard|regeling|wet)\b|\bvoor\s+zover\s+(?:de|het|dit|deze)\b"
                      r"|\bmet\s+uitzondering\s+van\b|\bbehoudens\b|\bbinnen\s+de\s+grenzen\b"
                      # round 9: bounded by the regulation's purpose or listed in a mandate/delegation instrument
                      r"|\bter\s+verwezenlijking\s+van\s+het\s+doel\b|\b(?:mandaat|delegatie|machtigings)(?:regeling|besluit)\b",
                      re.I)
# Mentions of a delegation made elsewhere: "de krachtens artikel 152 gedelegeerde bevoegdheid", "de bevoegdheid,
# bedoeld in artikel 33, die is overgedragen" — a reference, not an act of delegation.
MADE_ELSEWHERE_RE = re.compile(r"\b(?:krachtens|ingevolge|op\s+grond\s+van)\s+(?:artikel|het\s+\w+\s+lid)\b[^.;]{0,60}$"
                               r"|\b(?:bedoeld|genoemd)\s+in\s+(?:artikel|het\s+\w+\s+lid)\b[^.;]{0,40}$", re.I)
# The sentence announces the list of what is transferred ("de navolgende werkzaamheden, taken en bevoegdheden").
LISTED_RE = re.compile(r"\b(?:de|het)\s+(?:na)?volgende\b[^.;]*:\s*$", re.I)
# "door hen / door hemzelf nader te bepalen": the clause's own subject decides.
SELF_RE = re.compile(r"\bdoor\s+(?:hen|hem|haar|henzelf|hemzelf|haarzelf|zichzelf)\s*$", re.I)
# A person, not an organ, authorises someone: a proxy under private law, no public-law mandate (Awb 10:1).
PRIVATE_PROXY_RE = re.compile(r"\b(?:degene|hij|zij)\s+die\b|\been\s+ander\b|\b(?:de|een)\s+(?:kiezer|belanghebbende"
                              r"|aanvrager|huurder|verhuurder|eigenaar)\b", re.I)
# The verb used as a plain noun in a list ("het overdragen van eigenaarschap"): no organ delegates anything.
NOUN_USE_RE = re.compile(r"\bhet\s+$", re.I)


@detector("AMB-08", name="delegatie/mandaat zonder begrenzing", requires={"delegations", "organs"},
          default_severity=Severity.ZORG, rule="Ar 2.14, 2.26, 2.30; Awb 10:14-10:15", context_adjust=False)
def delegation(res: Resources) -> Iterator[Flag]:
    yield from residual_tasks(res)
    for d in res.delegations:
        pi = res.by_id[d.passage_id]
        s, e = pi.sentence_of(d.start)
        sent = pi.text[s:e]
        problems: list[str] = []
        sev = Severity.ZORG
        rule = None
        if re.search(r"\bin werking\b|\binwerkingtreding\b", sent, re.I):
            continue  # "treedt in werking op een nader te bepalen tijdstip": commencement, not delegation
        if d.quote.lower().startswith("bij of krachtens"):
            yield make_flag("AMB-08", pi, d.start, d.end, severity=Severity.SUGGESTIE, confidence=0.5,
                            explanation="'bij of krachtens' staat subdelegatie toe; de regeling zegt niet aan wie.",
                            question="Is het de bedoeling dat de bevoegdheid verder gedelegeerd kan worden?",
                            suggestion="Schrijf 'bij' als subdelegatie niet bedoeld is.", rule="Ar 2.26")
            continue
        if ATTRIBUTIVE_RE.search(pi.text[s:d.start]):
            continue  # "de aan het openbaar lichaam overgedragen bevoegdheden": a transfer made elsewhere
        if MADE_ELSEWHERE_RE.search(pi.text[s:d.start]) or (
                d.kind != "nadere regels" and NOUN_USE_RE.search(pi.text[max(s, d.start - 6):d.start])):
            continue  # a reference to a delegation made elsewhere, or the verb as a noun: no act of delegation
        if LISTED_RE.search(sent) or re.match(r"^[^.;:]{0,40}:\s*$", pi.text[d.end:e]):
            continue  # "zijn de navolgende taken … overgedragen:": the regeling itself transfers the listed powers
        if d.kind == "nader te bepalen" and SELF_RE.search(pi.text[max(s, d.start - 25):d.start]):
            continue  # "voldoen … in door hen nader te bepalen termijnen": the subject settles its own obligation
        if d.kind == "mandaat/machtiging" and not res.mentions_in(pi, s, e) and PRIVATE_PROXY_RE.search(sent):
            continue  # "Degene die … een ander heeft gemachtigd voor hem te stemmen": a private proxy, no mandate
        subject = d.subject or _previous_lid_limiter(res, pi) or (NAMED_POWERS_RE.search(sent) or [""])[0]
        regulatory = d.kind in ("nadere regels", "nader te bepalen")
        if not subject and not re.search(r"\b(ter uitvoering|omtrent|over|inzake|betreffende|zorg voor|ten aanzien van"
                                         r"|met betrekking tot)\b", sent, re.I):
            problems.append("het onderwerp of de grenzen van de " + ("nadere regels" if regulatory else "overdracht")
                            + " staan er niet bij")
        if d.kind in ("delegatie/overdracht", "mandaat/machtiging", "opdragen") and not d.recipient \
                and not re.search(r"\baan\s+\w+|\bwaaraan\b", sent, re.I):
            problems.append("de ontvanger (aan welk orgaan) ontbreekt")
        if not d.delegans and not re.search(r"\b(kan|kunnen|stelt|stellen|is bevoegd|zijn bevoegd)\b", sent, re.I) \
                and not _maker_named(res, pi, d.end):
            problems.append("niet genoemd is wie delegeert of de regels stelt")
        if d.recipient and OFFICIAL_RE.search(d.recipient) and (regulatory or re.search(r"\bregels\b", sent, re.I)):
            problems.append("regelgevende bevoegdheid gaat naar een ambtenaar of functionaris (Ar 2.30)")
            sev, rule = Severity.KRITIEK, "Ar 2.30"
        if not problems:
            continue
        if problems and _named_in_previous_lid(res, pi, d):
            # "… kunnen de colleges aan het college van Almere … bevoegdheden mandateren" (lid 1); "De bevoegdheden
            # die … worden gemandateerd, worden in een mandaatregeling opgenomen" (lid 2): the same mandate.
            problems = [p for p in problems if not p.startswith(("de ontvanger", "niet genoemd is wie"))]
            if not problems:
                continue
        note = ""
        if sev is not Severity.KRITIEK:
            # Round 7: a lawyer acts on an unbounded delegation in the regulation under review, not on the
            # standard delegation of a statute to an AMvB or ministeriële regeling, nor on one whose bounds
            # the sentence states ("tenzij de aard van de bevoegdheid zich daartegen verzet").
            if res.is_national_law():
                sev, note = Severity.SUGGESTIE, " Dit is een wettelijke delegatie: de wet zelf begrenst haar."
            elif CROWN_RE.search(sent):
                sev, note = Severity.SUGGESTIE, " De regels worden bij of krachtens wet of AMvB gesteld."
            elif BOUND_RE.search(sent):
                sev, note = Severity.SUGGESTIE, " De zin noemt wel een begrenzing; ga na of die volstaat."
        yield make_flag("AMB-08", pi, d.start, d.end, severity=sev, confidence=0.6,
                        explanation=f"{d.kind.capitalize()}: " + "; ".join(problems) + "." + note,
                        question="Wie mag hier wat regelen of besluiten, binnen welke grenzen, en bestaat de "
                                 "uitwerking al?",
                        suggestion="Noem het onderwerp ('nadere regels over …'), het ontvangende orgaan en de "
                                   "grenzen.", rule=rule)


def _named_in_previous_lid(res: Resources, pi, d) -> bool:
    """The previous lid of the artikel grants the same kind of transfer with its giver and recipient named."""
    if not pi.passage.lid or not pi.passage.lid.isdigit() or pi.passage.lid == "1":
        return False
    prev = str(int(pi.passage.lid) - 1)
    return any(o.kind == d.kind and o.recipient and res.by_id[o.passage_id].passage.artikel == pi.passage.artikel
               and res.by_id[o.passage_id].passage.lid == prev for o in res.delegations)


def _maker_named(res: Resources, pi, end: int) -> bool:
    """"bij nadere regeling van het algemeen bestuur": the organ that makes the rules follows the trigger."""
    return any(re.fullmatch(r"\s+(?:vast\s+te\s+stellen\s+)?(?:van|door)\s+(?:de|het)?\s*", pi.text[end:m.start])
               for m in res.organ_mentions.get(pi.passage.id, []) if 0 <= m.start - end <= 40)


# A residual clause that lets an organ add tasks or powers by decision: "andere taken die het algemeen bestuur
# aan het openbaar lichaam opdraagt". Widening the field of work needs an amendment of the regulation within
# its belang (Wgr art. 10), so such a clause is unbounded unless it names that limit.
RESIDUAL_RE = re.compile(
    r"\b(?:andere|overige|verdere|nieuwe|aanvullende|nader\s+te\s+bepalen)\s+(?:\w+\s+)?(?:taken|taak|bevoegdheden"
    r"|werkzaamheden|activiteiten)\s+(?:(?:uit|op|aan|over|toe)\s+)?(?:die|welke|waarmee)\b[^.;]{0,120}?\b(?P<verb>opdraagt|opdragen|overdraagt"
    r"|overdragen|toekent|toekennen|toewijst|toewijzen|belast|belasten|opgedragen|overgedragen|toegekend|toegewezen)\b",
    re.I)
RESIDUAL_LIMIT_RE = re.compile(r"\b(?:binnen|ter\s+behartiging\s+van|passend\s+binnen|passen\s+binnen|vallen\s+binnen"
                               r"|valt\s+binnen|in\s+het\s+kader\s+van)\s+(?:het|de|dit|deze)\s+(?:\w+\s+)?"
                               r"(?:belang|belangen|doel|doelen|doelstelling|terrein|terreinen|werkterrein)\b"
                               r"|\bbehartiging\s+van\s+(?:de|het)\s+belang"
                               r"|\bbedoeld\s+in\s+(?:artikel|het\s+\w+\s+lid)|\bop\s+het\s+(?:gebied|terrein)\s+van\b", re.I)


def residual_tasks(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        for m in RESIDUAL_RE.finditer(pi.text):
            s, e = pi.sentence_of(m.start())
            if RESIDUAL_LIMIT_RE.search(pi.text, s, e):
                continue
            if not any(not re.search(r"\baan\s+(?:de|het)?\s*$", pi.text[max(s, mm.start - 8):mm.start], re.I)
                       for mm in res.mentions_in(pi, m.start(), m.end())):
                continue  # no organ assigns ("taken die de wet aan het openbaar lichaam opdraagt"): given elsewhere
            yield make_flag("AMB-08", pi, m.start(), m.end(),
                            severity=Severity.SUGGESTIE if res.is_national_law() else Severity.ZORG, confidence=0.55,
                            explanation="Restbepaling: een orgaan kan bij besluit taken of bevoegdheden toevoegen, "
                                        "zonder begrenzing tot het belang dat de regeling behartigt. Uitbreiding "
                                        "van het werkterrein vraagt een wijziging van de regeling (Wgr art. 10).",
                            question="Welke taken mogen zo worden opgedragen, en binnen welk belang; beslissen de "
                                     "deelnemers daarover mee?",
                            suggestion="Beperk de bepaling tot taken 'binnen het belang, bedoeld in artikel …', of "
                                       "regel nieuwe taken door wijziging van de regeling.", rule="Wgr art. 10; Ar 2.14")


def _previous_lid_limiter(res: Resources, pi) -> str:
    if pi.index == 0:
        return ""
    prev = res.passages[pi.index - 1]
    if prev.passage.artikel != pi.passage.artikel:
        return ""
    m = LIMITER_RE.search(prev.text)
    if m:
        return prev.text[m.start():m.start() + 40]
    # Research AMB-08 (e): the subject matter is often the previous lid itself.
    return "(vorig lid) " + " ".join(prev.text.split()[:6]) if len(prev.text.split()) >= 4 else ""
