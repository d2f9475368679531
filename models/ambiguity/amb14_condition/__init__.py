"""AMB-14 Conditions and exceptions without a criterion or assessor.

Condition markers (indien, als, wanneer, voor zover, tenzij, behoudens, mits; "binnen het
kader van") followed, within the condition clause, by a vague predicate ("past binnen",
"noodzakelijk", "van regionaal belang", …) and no assessor ("naar het oordeel van", an
organ that "acht"/"oordeelt"/"stelt vast dat"). Objective criteria (numbers, dates,
majorities) clear the condition. When the main clause confers a competence and the
sentence names two organs, the condition allocates competence between organs → KRITIEK
(the GR-D "past binnen het kader" pattern); otherwise ZORG. Also double negation (two or
more of niet/geen/nooit/tenzij/behoudens/zonder in one sentence; ZORG) and "onverminderd"
(precedence left implicit; SUGGESTIE). A deliberate open norm ("voor zover redelijkerwijs nodig") in a
sentence that names an organ is a SUGGESTIE: the norm is reviewable and its decider knowable.

Severity (hand checks rounds 1–5: 1 true positive in 13 judged zorg flags; round 6 test sets).
Reasonableness ("voor zover dat redelijkerwijs nodig is") is a standard a court applies, whoever is
named: SUGGESTIE. A best-efforts hedge ("voor zover mogelijk worden de voorwaarden … gerespecteerd")
binds nobody to a result and is AMB-01's subject: SUGGESTIE. A double negation is a readability point
(SUGGESTIE; "om niet" is no negation). A condition on a power or duty of the organ that is the subject
of the main clause ("Het college kan … indien dat noodzakelijk is", "Voor zover zulks nodig is,
regelen gedeputeerde staten …"), of the one organ named in the sentence, or in a text whose only organ
is the college, is applied by that organ: SUGGESTIE. What stays ZORG is an open condition or exception
that decides whether a rule applies with no organ to judge it ("De stukken worden … toegezonden,
behoudens bijzondere omstandigheden"), and KRITIEK when it allocates competence between two organs
("indien dit past binnen het kader, …; anders …").
Round 8 (round-6/7 samples as development material: 1 true in 12 judged ZORG flags): an organ that acts in
the sentence outside the condition (the actor of a competence there; a mere recipient does not count), or a decider named through its instrument ("bij koninklijk besluit"),
judges the condition: SUGGESTIE. ZORG is left for conditions in sentences that name nobody.

Round 11 (round-9 sample: 5 AMB-14 false alarms, all with a knowable judge or no open norm at all). Misreads, no
flag: "als" naming a role ("als niet noodzakelijk worden aangemerkt", "blijven als partners aangemerkt"); "zo spoedig
mogelijk" (manner, not a condition); "voldoende zetels" (a count against a number the text fixes). An elliptic
condition ("voor zover nodig", "voor zover noodzakelijk kan het CIZ …") ends after its adjective: the main clause's
actor judges it, and "voor zover nodig van overeenkomstige toepassing" is the standard analogy technique. SUGGESTIE,
the judge being knowable: a condition that is someone's declaration ("voor zover de geadresseerde kenbaar heeft
gemaakt dat …": the declarant decides); an impossibility with its cause named ("niet langer mogelijk is als gevolg
van opname …": a fact); in a sentence about data, necessity measured against a named purpose ("gebruiken het
burgerservicenummer slechts voor zover dat noodzakelijk is voor het verrichten van werkzaamheden …": the
data-protection purpose limitation, applied by whoever processes), or bounding a legal status ("blijft … voortbestaan
voorzover dit tot vereffening van zijn vermogen nodig is"); an exception to another provision of the same artikel ("Het
derde lid geldt niet, indien …", "Van het eerste lid kan worden afgeweken, voor zover …") or an urgency condition,
when an earlier lid of the artikel names the body that applies it; an organ that is the subject after a fronted
clause ("…, herroept het bestuursorgaan …"); an elliptic condition in a sentence that names its actor; an open
norm followed by the criteria it is weighed by ("voldoende betrouwbaar is, gelet op de aard …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.ambiguity.common import organ_subject_power
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import AGENT_INSTRUMENT_RE, NUMBER_RE, PUBLIC_BODY_RE, Resources

MARKER_RE = re.compile(r"\b(indien|wanneer|voor ?zover|tenzij|behoudens|mits|ingeval|in geval|als(?!\s+bedoeld"
                       r"|\s+genoemd|\s+omschreven|\s+vermeld|\s+lid|\s+voorzitter|\s+secretaris|\s+gevolg)"
                       r"|binnen (?:het|de) kader(?:s)? van)\b", re.I)
VAGUE_PRED_RE = re.compile(
    r"\b(past|passen|passend)\s+binnen\b|\bin overeenstemming (?:is|zijn) met\b|\bvan regionaal belang\b"
    r"|\bnoodzakelijk\b|\bnodig\b|\bwenselijk\b|\bgewenst\b|\bin strijd (?:is|zijn)? ?met het belang\b|\bmogelijk\b"
    r"|\bredelijkerwijs\b|\bbijzondere omstandigheden\b|\bdringend\b|\bspoedeisend\b|\bzwaarwegend|\bonevenredig"
    r"|\baanleiding\s+(?:toe\s+)?geven\b|\bomstandigheden\b.{0,30}\baanleiding\b"
    r"|\bvoldoende\b|\bpassend\b|\bin het belang van\b|\bregionale betekenis\b|\bbelang\b.{0,25}\bvereist\b", re.I)
ASSESSOR_RE = re.compile(r"\bnaar het oordeel van\b|\bter beoordeling van\b|\bacht(?:en)?\b|\boordeelt\b"
                         r"|\boordelen\b|\bstelt vast dat\b|\bbeoordeelt\b|\bbeoordelen\b|\bbeslist\b"
                         r"|\bbeslissen\b", re.I)
BOUND_RE = re.compile(r"\bniet\s+(meer|minder|later|eerder|langer|korter)\s+dan\b", re.I)
# Deliberate open norms: reasonableness is a standard a court can apply ("voor zover dat redelijkerwijs nodig
# is"). With an organ in the sentence the decider is knowable, so the finding is a suggestion (research §3).
# Open standards a court applies whoever is named: reasonableness, fairness and proportionality.
DELIBERATE_RE = re.compile(r"\bredelijkerwijs\b|\bredelijk(?:e)?\b|\bbillijk(?:e|heid)?\b|\bonevenredig(?:e)?\b"
                           r"|\bevenredig(?:e|heid)?\b", re.I)
BEST_EFFORTS_RE = re.compile(r"(?:voor ?zover|indien|wanneer|als)\s+(?:[\w ]{0,40}?\s+)?(?:niet\s+)?"
                             r"(?:enigszins\s+)?mogelijk\b", re.I)
# The other branch of a conditional allocation: "indien dit past binnen het kader, …; anders …".
ALTERNATIVE_RE = re.compile(r"\banders\b|\bzo niet\b|\bin (?:alle )?andere gevallen\b|\bin het andere geval\b", re.I)
# Round 11 ------------------------------------------------------------------------------------------------------
# "zo spoedig mogelijk", "zoveel mogelijk": a manner adverbial, no condition.
MANNER_RE = re.compile(r"\bzo\s+(?!nodig\b)\w+\s+mogelijk\b|\bzoveel\s+mogelijk\b", re.I)
# "als" naming a role or a classification: "als (niet) noodzakelijk worden aangemerkt", "als partners aangemerkt".
ROLE_ALS_AFTER_RE = re.compile(r"\s+(?:niet\s+)?(?:(?!(?:de|het|een|hij|zij|dit|dat|er|deze|die)\b)\w+\s+){1,2}"
                               r"(?:(?:kan|kunnen|mag|mogen|wordt|worden|is|zijn|blijft|blijven)\s+){0,2}"
                               r"(?:aangemerkt|beschouwd|aangewezen|erkend|gekwalificeerd|aanvaard|aangeduid)\b", re.I)
# "voldoende zetels": a count measured against a number the text itself fixes.
COUNT_RE = re.compile(r"\bvoldoende\s+(?:zetels|stemmen|handtekeningen|ondersteuningsverklaringen|kandidaten|leden"
                      r"|deelnemers|exemplaren|punten)\b", re.I)
# An elliptic condition ("voor zover nodig", "indien noodzakelijk"): no clause of its own; it ends after its adjective.
ELLIPTIC_RE = re.compile(r"\s+(?:dat\s+|dit\s+|zulks\s+)?(?:nodig|noodzakelijk|gewenst|wenselijk)\b"
                         r"(?!\s+(?:is|zijn|blijkt|blijken|wordt|worden|acht|achten|maakt|maken|was|waren)\b)", re.I)
ANALOGY_RE = re.compile(r"\bvan\s+(?:overeenkomstige\s+)?toepassing\b|\bovereenkomstig\s+(?:worden\s+)?toegepast\b",
                        re.I)
# A condition that is someone's declaration: whoever declares decides what the declaration says.
DECLARATION_RE = re.compile(r"\b(?:kenbaar\s+(?:heeft|hebben)\s+gemaakt|kenbaar\s+maakt|kenbaar\s+maken|te\s+kennen\s+"
                            r"(?:heeft\s+|hebben\s+)?ge(?:geven|eft)|(?:heeft|hebben)\s+(?:verklaard|aangegeven|laten\s+weten"
                            r"|meegedeeld|medegedeeld|verzocht|gekozen|ingestemd)|verklaart|verklaren)\b[^,;]{0,40}?\bdat\b",
                            re.I)
# An impossibility with its cause named ("niet langer mogelijk is als gevolg van opname …"): a fact.
CAUSE = r"(?:als\s+gevolg\s+van|ten\s+gevolge\s+van|wegens|vanwege|door)"
CAUSED_IMPOSSIBLE_RE = re.compile(rf"\bniet\s+(?:langer\s+|meer\s+)?mogelijk\s+(?:is|zijn|was|blijkt)\s+{CAUSE}\b"
                                  rf"|\b{CAUSE}\b[^,;]{{0,80}}\bniet\s+(?:langer\s+|meer\s+)?mogelijk\b", re.I)
# Necessity measured against a named purpose: "noodzakelijk is voor het verrichten van …", "tot vereffening … nodig".
PURPOSE_RE = re.compile(r"\b(?:noodzakelijk|nodig)\s+(?:is\s+|zijn\s+)?(?:voor|tot|ten\s+behoeve\s+van)\s+"
                        r"(?:de\s+|het\s+|hun\s+|zijn\s+|haar\s+|een\s+)?\w{4,}"
                        r"|(?<!\w)(?:voor(?!\s*zover)|tot|ten\s+behoeve\s+van)\s+(?:de\s+|het\s+|hun\s+|zijn\s+|haar\s+)?"
                        r"\w{4,}[^,;]{0,80}?\b(?:noodzakelijk|nodig)\s+(?:is|zijn)\b", re.I)
# The sentence is about processing data: the necessity test is the data-protection purpose limitation.
DATA_RE = re.compile(r"\bgegevens\b|\bpersoonsgegevens\b|\bburgerservicenummer\b|\bBSN\b|\binlichtingen\b"
                     r"|\binformatie\b|\bverwerk\w*|\bverwerking\b", re.I)
# A main clause that states a legal status, no act ("blijft … voortbestaan", "blijft … bestaan", "blijft … gelden").
STATUS_RE = re.compile(r"\b(?:blijft|blijven)\b[^,;]{0,60}\b(?:voortbestaan|bestaan|gelden|van\s+kracht|in\s+stand|"
                       r"van\s+toepassing|gehandhaafd)\b", re.I)
# A main clause that sets aside another provision of the artikel: its exception is judged by whoever applies it.
EXCEPTION_TO_RE = re.compile(r"\b(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|vorige|voorgaande)\s+"
                             r"(?:lid|volzin|zin)\b[^.;]{0,40}?\b(?:geldt|gelden)\s+niet\b"
                             r"|\b(?:lid|volzin|zin)\b[^.;]{0,40}?\bniet\s+van\s+toepassing\b"
                             r"|\bvan\s+(?:het|de)\s+(?:eerste|tweede|derde|vierde|vijfde|zesde|vorige)\s+(?:lid|volzin|zin)\s+"
                             r"(?:kan|mag|wordt)\s+(?:worden\s+)?afgeweken\b"
                             # the act is the power of another lid ("onderbreking op grond van het eerste lid"); not
                             # a mere reference to its object ("de stukken, bedoeld in het eerste lid")
                             r"|\b(?:op\s+grond\s+van|krachtens)\s+het\s+(?:eerste|tweede|derde|vierde|vijfde"
                             r"|zesde|vorige|voorgaande)\s+lid\b", re.I)
# The open norm names the criteria it is weighed by ("voldoende betrouwbaar is, gelet op de aard en de inhoud …").
CRITERIA_RE = re.compile(r"\s*,?\s*(?:gelet\s+op|rekening\s+houdend\s+met|in\s+het\s+licht\s+van|afgezet\s+tegen)\b",
                         re.I)
URGENT_RE = re.compile(r"\bspoed\w*|\bdringend\w*|\bonverwijld\b", re.I)
# After a fronted clause the finite verb precedes the subject: "…, herroept het bestuursorgaan …".
NOT_VERB = {"indien", "als", "wanneer", "dat", "die", "tenzij", "mits", "zodra", "nadat", "omdat", "doordat", "waarbij",
            "aan", "bij", "van", "voor", "door", "tot", "met", "naar", "op", "onder", "over", "om", "en", "of", "zover",
            "behoudens", "namens", "jegens", "zonder", "tegen", "binnen", "na", "vanwege", "wegens", "ten", "ter", "per",
            "via", "zoals", "alsmede", "dan", "uit", "in", "te", "noch", "maar", "doch", "welke", "wie", "wat"}


def _first_vague(cond: str) -> re.Match | None:
    """The first open predicate of the condition that is no manner adverbial ("zo spoedig mogelijk") or count."""
    skip = [(x.start(), x.end()) for x in (*MANNER_RE.finditer(cond), *COUNT_RE.finditer(cond))]
    return next((v for v in VAGUE_PRED_RE.finditer(cond) if not any(a <= v.start() < b for a, b in skip)), None)


def _earlier_body(res: Resources, pi) -> str | None:
    """A public body named in an earlier passage of the same artikel (a lid before, or this lid's lead-in)."""
    if not pi.passage.artikel:
        return None
    for q in res.artikel_passages(pi.passage.artikel):
        if q.index >= pi.index:
            break
        if b := PUBLIC_BODY_RE.search(q.text):
            return b.group(0)
    return None


NEGATORS_RE = re.compile(r"(?<![\w-])(niet|geen|nooit|tenzij|behoudens|zonder)(?![\w-])", re.I)


def _subject_organ(res: Resources, pi, s: int, e: int, cstart: int, cend: int) -> str | None:
    """The organ that is the subject of the main clause around the condition: it opens the sentence ("Het
    college kan …, indien …") or follows the finite verb right after a fronted condition ("Voor zover …,
    regelen gedeputeerde staten …")."""
    text = pi.text
    for mm in res.mentions_in(pi, s, e):
        if cstart <= mm.start < cend:
            continue  # inside the condition itself
        before = text[s:mm.start] if mm.start < cstart else text[cend:mm.start]
        if re.fullmatch(r"\s*,?\s*(?:(?:de|het|De|Het)\s+)?", before) or \
                (mm.start > cend and re.fullmatch(r"\s*,?\s*\w+\s+(?:(?:de|het)\s+)?", before)):
            return mm.key
    return None


# An organ in subject position: opening the sentence, or right after a finite verb ("…, kan de burgemeester").
FINITE_BEFORE_RE = re.compile(r"\b(?:kan|kunnen|mag|mogen|moet|moeten|zal|zullen|is|zijn|wordt|worden|heeft|hebben"
                              r"|neemt|nemen|stelt|stellen|geeft|geven|treft|treffen|besluit|besluiten|beslist|beslissen"
                              r"|bepaalt|bepalen|maakt|maken|doet|doen)\s+(?:de\s+|het\s+|Onze\s+)?$", re.I)


# The start of a sentence up to an actor in a coordinated subject ("Wlz-uitvoerders, zorgaanbieders, het CAK en het ").
SUBJECT_LIST_RE = re.compile(r"\s*(?:(?:[Dd]e|[Hh]et|[Ee]en)?\s*[\w-]+\s*(?:,|\ben\b)\s*)*(?:[Dd]e|[Hh]et|[Ee]en)?\s*")


def _acting_organs(res: Resources, pi, s: int, e: int, cstart: int, cend: int) -> list[str]:
    """Organs that act on the clause: actors of the competences in its lid (the one who acts judges the
    condition on its own act: "De eerste volzin is niet van toepassing, indien …" after "De burgemeester maakt
    … bekend"), and organs in subject position in the sentence outside the condition. A recipient ("gezonden
    aan de leden en aan gedeputeerde staten") does not act."""
    lid = pi.passage.lid
    scope = [q for q in res.artikel_passages(pi.passage.artikel) if q.passage.lid == lid] \
        if lid and pi.passage.artikel else [pi]
    out = [c.actor_text for q in scope for c in res.competences_in(q) if c.actor
           and not (q is pi and cstart <= c.start < cend)]
    for mm in res.named_actors(pi, s, e):
        if cstart <= mm.start < cend:
            continue
        lead = pi.text[s:mm.start]
        v2_subject = re.search(r"[,;]\s*(\w+)\s+(?:de\s+|het\s+)?$", lead[-40:])
        if v2_subject and v2_subject.group(1).lower() not in NOT_VERB:
            out.append(mm.text)  # round 11: "…, herroept het bestuursorgaan …": subject after a fronted clause
            continue
        if SUBJECT_LIST_RE.fullmatch(lead) or FINITE_BEFORE_RE.search(lead[-30:]) \
                or re.search(r"\bdoor\s+(?:de\s+|het\s+)?$", lead[-20:]) \
                or mm.start > cend and re.fullmatch(r"\s*,?\s*\w+\s+(?:de\s+|het\s+)?", pi.text[cend:mm.start]):
            out.append(mm.text)  # subject, agent ("door de voorzitter") or inverted subject after the condition
    # "Indien …, dient de indiener zorg te dragen …": after a fronted condition the finite verb is followed by the
    # main clause's subject; whoever that is acts and judges (not a passive's subject: "…, wordt de termijn …").
    v2 = re.match(r"\s*,\s*(\w+)\s+(?:de|het)\s+(\w+)", pi.text[cend:e])
    if v2 and cstart == s and v2.group(1).lower() not in ("wordt", "worden", "is", "zijn", "blijft", "blijven"):
        out.append(v2.group(2))
    # A list item whose lead-in opens with its actors ("Een Wlz-uitvoerder, het CAK en het CIZ verstrekken … aan:").
    if pi.passage.onderdeel and (lead := next((q for q in res.lid_passages_before(pi) if not q.passage.onderdeel),
                                              None)):
        out += [a.text for a in res.named_actors(lead, 0, len(lead.text))
                if SUBJECT_LIST_RE.fullmatch(lead.text[:a.start])]
    # "Indien …, zorgen zij alsnog …": the subject pronoun after the condition takes up the organs named in it.
    if re.match(r"\s*,?\s*\w+\s+(?:hij|zij)\b", pi.text[cend:e]):
        out += [mm.text for mm in res.mentions_in(pi, cstart, cend)]
    return out


def _settled(res: Resources, pi, s: int, e: int, cstart: int, cend: int, cond: str, vp: re.Match,
             elliptic: bool) -> str | None:
    """Round 11: why an open condition has a knowable judge or is no open norm (its explanation), or None."""
    text = pi.text
    if elliptic and ANALOGY_RE.search(text[cend:e]):
        return (" 'Voor zover nodig van (overeenkomstige) toepassing' is de gangbare verwijzingstechniek: wie de "
                "bepaling toepast, past haar aan; verlaagd.")
    if (d := DECLARATION_RE.search(cond)) and d.start() < vp.start():
        return " De voorwaarde is een verklaring van de betrokkene zelf: wie verklaart, beslist; verlaagd."
    if CAUSED_IMPOSSIBLE_RE.search(cond):
        return " De voorwaarde stelt een feit vast (onmogelijk door een genoemde oorzaak); verlaagd."
    if PURPOSE_RE.search(cond) and DATA_RE.search(text[s:e]):
        return (" De noodzaak van de gegevensverwerking wordt gemeten aan een genoemd doel (doelbinding, AVG); wie "
                "de gegevens gebruikt, toetst haar en de rechter kan dat nagaan; verlaagd.")
    if PURPOSE_RE.search(cond) and STATUS_RE.search(text[s:cstart]) and not res.competence_clause(pi, cstart):
        # "Het openbaar lichaam blijft na zijn ontbinding voortbestaan voorzover dit tot vereffening nodig is": a
        # legal status bounded by its purpose; nobody decides it, a court can apply it.
        return " Een rechtstoestand begrensd door een genoemd doel; de rechter kan dat toepassen; verlaagd."
    if CRITERIA_RE.match(text, cend):
        return " De open norm noemt de maatstaven waaraan zij wordt gewogen ('gelet op …'); verlaagd."
    if elliptic and (actor := next((a for a in res.named_actors(pi, s, e) if not cstart <= a.start < cend), None)):
        # "Voor zover het beroepsorgaan …, vernietigt het … en neemt het voor zover nodig …": the elliptic condition
        # modifies the main clause's act, and the actor the sentence names performs it.
        return f" De korte voorwaarde hoort bij de handeling van '{actor.text}', dat haar toepast; verlaagd."
    body = _earlier_body(res, pi)
    if body and EXCEPTION_TO_RE.search(text[s:e]):
        return (f" De uitzondering geldt op een andere bepaling van dit artikel; wie die toepast ('{body}') "
                "beoordeelt ook de uitzondering; verlaagd.")
    if body and URGENT_RE.search(cond):
        return f" Over de spoed oordeelt het orgaan dat in dit artikel handelt ('{body}'); verlaagd."
    return None


@detector("AMB-14", name="voorwaarde zonder toetsingsmaatstaf of beoordelaar",
          requires={"organs", "competences"}, default_severity=Severity.ZORG, rule="Ar 2.14; regelrecht",
          context_adjust=False)
def conditions(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        text = pi.text
        for m in MARKER_RE.finditer(text):
            s, e = pi.sentence_of(m.start())
            if m.group(1).lower() == "als" and re.search(r"\bzowel\b", text[max(s, m.start() - 80):m.start()], re.I):
                continue  # "zowel in als buiten rechte"
            if m.group(1).lower() == "als" and ROLE_ALS_AFTER_RE.match(text, m.end()):
                continue  # "als niet noodzakelijk worden aangemerkt": a role or class, no condition
            # The condition clause: up to the next comma (or 140 characters); an elliptic one ("voor zover nodig")
            # ends after its adjective, the rest of the sentence is the main clause.
            stop = text.find(",", m.end(), e)
            cend = stop if stop != -1 else min(e, m.end() + 140)
            elliptic = ELLIPTIC_RE.match(text, m.end(), cend)
            if elliptic:
                cend = elliptic.end()
            cond = text[m.start():cend]
            vp = _first_vague(cond)
            if not vp or ASSESSOR_RE.search(cond) or NUMBER_RE.search(cond):
                continue
            organs = {mm.key for mm in res.mentions_in(pi, s, e)}
            competence = res.competence_clause(pi, m.start())
            settled = _settled(res, pi, s, e, m.start(), cend, cond, vp, bool(elliptic))
            if settled:
                sev, why = Severity.SUGGESTIE, settled
            elif DELIBERATE_RE.search(cond):
                sev, why = Severity.SUGGESTIE, (" Het is een bewust open norm (redelijkheid) die de rechter kan "
                                                "toetsen" + (" en het orgaan dat haar toepast staat in de zin"
                                                             if organs else "") + "; verlaagd.")
            elif BEST_EFFORTS_RE.match(cond):
                sev, why = Severity.SUGGESTIE, (" Het is een inspanningsformule ('voor zover mogelijk'): zij "
                                                "verplicht niet tot een resultaat; verlaagd.")
            elif competence and len(organs) >= 2 and ALTERNATIVE_RE.search(text[s:e]):
                sev, why = Severity.KRITIEK, " De voorwaarde bepaalt welk orgaan bevoegd is, maar niemand toetst haar."
            elif (subj := _subject_organ(res, pi, s, e, m.start(), cend)) and competence or \
                    len(organs) == 1 and organ_subject_power(res, pi, s, e) or len(res.organs_in_document()) == 1:
                # "Het college kan afzien van … indien dat noodzakelijk is", "Voor zover zulks … nodig is, regelen
                # gedeputeerde staten …": the organ that holds the power applies the condition; an open norm with
                # a knowable decider (research §3).
                who = subj or next(iter(organs or res.organs_in_document()))
                sev, why = Severity.SUGGESTIE, (f" Het orgaan dat de bevoegdheid heeft ('{who}') beoordeelt dit "
                                                "vermoedelijk zelf; verlaagd.")
            elif outside := _acting_organs(res, pi, s, e, m.start(), cend):
                # Round 8: an organ acts in the sentence outside the condition ("…, indien de situatie dermate
                # spoedeisend is, kan de commissaris …"): the acting organ judges whether its condition is met.
                sev, why = Severity.SUGGESTIE, (f" In de zin handelt '{outside[0]}', dat de voorwaarde "
                                                "vermoedelijk zelf beoordeelt; verlaagd.")
            elif AGENT_INSTRUMENT_RE.search(text[s:e]):
                # "ingeval buitengewone omstandigheden dit noodzakelijk maken, kan bij koninklijk besluit …": the
                # Crown (or the legislator) decides, and so judges the condition.
                sev, why = Severity.SUGGESTIE, (" De beslisser staat in de zin (bij koninklijk besluit, wet of "
                                                "regeling) en beoordeelt de voorwaarde; verlaagd.")
            else:
                sev, why = Severity.ZORG, ""
            yield make_flag("AMB-14", pi, m.start(), cend, severity=sev, confidence=0.65 if competence else 0.5,
                            explanation=f"De voorwaarde '{cond.strip()}' heeft een open maatstaf "
                                        f"('{vp.group(0)}') en geen orgaan dat beoordeelt of eraan is voldaan.{why}",
                            question="Wie beoordeelt of aan de voorwaarde is voldaan, en aan de hand waarvan?",
                            suggestion="Noem de beoordelaar ('naar het oordeel van …') en een toetsbaar criterium.")
        for s, e in pi.sentences:
            bounds = [(b.start(), b.end()) for b in BOUND_RE.finditer(text, s, e)]
            negs = [n for n in NEGATORS_RE.finditer(text, s, e) if not any(a <= n.start() < b for a, b in bounds)
                    and not re.search(r"\bom\s+$", text[max(s, n.start() - 4):n.start()], re.I)]  # "om niet" = free
            if len(negs) >= 2 and any(n.group(1).lower() in ("tenzij", "behoudens", "zonder") for n in negs) \
                    and any(n.group(1).lower() in ("niet", "geen", "nooit") for n in negs):
                yield make_flag("AMB-14", pi, negs[0].start(), negs[-1].end(), severity=Severity.SUGGESTIE,
                                confidence=0.45,
                                explanation="Dubbele ontkenning met uitzondering: wat is de hoofdregel, wat de "
                                            "uitzondering?",
                                question="Kan de bepaling positief worden geformuleerd?",
                                suggestion="Formuleer eerst de hoofdregel positief, dan de uitzondering.")
        for m in re.finditer(r"\bonverminderd\b", text, re.I):
            yield make_flag("AMB-14", pi, m.start(), m.end(), severity=Severity.SUGGESTIE, confidence=0.35,
                            explanation="'onverminderd' laat in het midden welke bepaling voorgaat als beide "
                                        "botsen.", question="Welke bepaling gaat voor bij strijd?",
                            suggestion="Schrijf de voorrang uit ('in afwijking van', 'met voorrang boven').",
                            rule="Vlaamse aanwijzingen (onverminderd)")
