"""AMB-05 Missing actor: agentless passive and nominalised action.

Without a parser: a form of *worden* (or *zijn* with a decision verb) and a past
participle within the clause (up to 12 tokens after, or 2 before for verb-final order);
the participle must match the Dutch participle shapes, lemmatise to a different word
ending in -en, and not be a known noun (simplemma: leden → lijden). No "door" in the clause
→ flag when the participle is a competence verb (``data/verbs.tsv``). With POS (``caps.pos``) a token must also be tagged VERB/AUX. Copular "wordt lid",
"wordt verstaan onder", "als bedoeld in" and adjectival participles ("het vastgestelde
kader") do not match by construction. Nominalisations ("de vaststelling … geschiedt",
"besluitvorming vindt plaats") are caught by pattern. When one organ acts in the previous
lid of the same artikel, it is named as the probable agent and the confidence drops.

Severity (hand checks rounds 1–5: 1 true positive in 48 judged zorg flags on the GR texts; round 6
test samples). ZORG means a lawyer must find out who acts, so it needs all of: a competence verb of the
adoption, decision or delegation class; a *worden*-passive in a main clause (a stative "is vastgesteld"
or a passive inside a relative or temporal clause — "die nog niet is vastgesteld", "nadat … wordt
vastgesteld" — describes a state or moment, the act itself is regulated where it is conferred); no
organ named elsewhere in the same lid and none performing the same verb in the artikel ("wordt door het
algemeen bestuur aangewezen … kan alleen … worden aangewezen"); not a clause that regulates how rather
than who ("De bijdrage wordt verleend onder de voorwaarden, bedoeld in …"); and not a text whose only
organ is the college (a verordening: the college acts). An agent named through its instrument ("bij
algemene maatregel van bestuur", "bij ministeriële regeling", "bij wet") is no missing agent at all.
An object that no organ adopts anywhere (AMB-03/04) stays KRITIEK. Round 8 (1 true in 12 judged ZORG
flags on unseen text): ZORG also needs that the document gives this act (on the same object, when the
competence table knows it) to no organ anywhere — a passive restating a competence conferred elsewhere
("burgemeesters worden benoemd voor zes jaar" where the Crown appoints them) has a holder. Everything else is
SUGGESTIE (still shown): the agent can be read from the text. Without a modal (kan, mag, moet, dient) a passive
states a legal effect or a procedure ("wordt vrijstelling verleend", "De zittingsduur wordt verlengd tot …"):
ZORG then also needs an adoption or decision verb with a known object and no reference to where the act is
regulated ("het risicoprofiel, bedoeld in artikel 15, wordt … vastgesteld") and no date or number that fixes the
outcome ("wordt verlengd tot 1 januari"). A relative clause closed by its
verb cluster ("…, waarvan een ambtenaar op grond van het vierde lid, onderdeel b, wordt aangewezen.") is
subordinate even with commas inside, and so is a passive in a fronted "Indien …," clause. An organ the sentence
names outside the passive's subject (in a fronted clause, as "naar het oordeel van …", after the verb cluster)
makes the holder knowable; an organ that only receives ("ingeleverd bij het college") means a citizen acts; "Geen
machtiging wordt verleend" and "kan niet worden ingetrokken" forbid the act to all; in a national law a passive
without a modal states a legal effect whose executing organ follows from the system of the law; "Er wordt … ingesteld" establishes by the text itself.
A passive with "stilzwijgend"/"van rechtswege" describes an effect without an actor (INFO); a
"heeft/hebben" before the participle makes it an active perfect ("dat hem heeft aangewezen").
Nominalisations ("de vaststelling … geschiedt") are SUGGESTIE (no judged one was a missing actor).
Executive acts with financial or record-keeping effect (``acts.tsv``: verrekenen, vastleggen …)
are reported as SUGGESTIE.

Round 11: the holder may stand outside the sentence (holders.py, shared with AMB-02): an identified instrument or
the lid's lead-in ("Bij of krachtens algemene maatregel van bestuur:", "Hierbij kan worden bepaald") names the
agent (no flag); an earlier sentence giving one actor the power, a lid the subject refers to, the one actor or
instrument of the artikel, the same object under one named holder in the section, or a general ban the passive is
an exception to make the holder knowable (SUGGESTIE, the holder named). A restricted passive ("kan slechts worden
gemachtigd", "kan alleen gedeeltelijk worden goedgekeurd") limits a power held elsewhere (SUGGESTIE); withdrawing a
filed bezwaar, aanvraag or verklaring is the filer's act (no flag).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.amb05_passive.holders import (
    artikel_actor,
    ban_exception,
    instrument_before,
    lid_instrument,
    lid_subject,
    object_noun,
    referenced_holder,
    section_holder,
    withdraws_filing,
)
from models.ambiguity.common import AGENT_PHRASE_RE
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.lexicon import read_tsv
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import (
    AGENT_INSTRUMENT_RE,
    AMENDMENT_RE,
    DECIDES_OF_RE,
    NOUN_STOPLIST,
    NUMBER_RE,
    WORDEN,
    PassageInfo,
    Resources,
    Tok,
)

HERE = Path(__file__).resolve().parent
# Acts outside the competence lexicon whose agent matters (money, records): reported, never ZORG.
ACTS = {r["verb"]: r["class"] for r in read_tsv(HERE / "acts.tsv", ("verb", "class", "source"))}
# The clause regulates how the act is done, not who does it: "De bijdrage wordt verleend onder de voorwaarden …".
MANNER_RE = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:onder\s+de\s+voorwaarden?|met\s+inachtneming\s+van|overeenkomstig"
                       r"|op\s+basis\s+van|volgens|conform|met\s+toepassing\s+van|aan\s+de\s+hand\s+van"
                       r"|op\s+een\s+tijdstip|naar\s+rato\s+van|in\s+de\s+vorm\s+van)\b", re.I)
# Round 8. A power or duty is conferred by a modal: "kan/mag … worden ingetrokken", "moet … worden vastgesteld".
MODAL_RE = re.compile(r"\b(?:kan|kunnen|mag|mogen|moet|moeten|dient|dienen)\b", re.I)
# The act's object is identified by a reference ("het risicoprofiel, bedoeld in artikel 15", "het in het derde lid
# bedoelde ontslag"): the act is regulated where the reference points.
REFERENCED_RE = re.compile(r"\b(?:bedoeld|bedoelde|genoemd|genoemde)\b|\bop\s+grond\s+van\b", re.I)
# A relative or subordinate clause whose verb cluster closes the sentence ("…, waarvan een ambtenaar op grond van
# het vierde lid, onderdeel b, wordt aangewezen."): Dutch subordinate clauses are verb-final.
VERB_FINAL_SUB_RE = re.compile(r"\b(?:die|dat|welke|waar(?:in|bij|mee|op|voor|aan|door|over|uit|van|naar)|nadat"
                               r"|zodra|voordat|totdat|zolang|indien|wanneer|voor\s?zover)\b", re.I)
HEBBEN = {"heeft", "hebben", "had", "hadden"}
# No act of an organ: the effect follows from the text itself.
NO_ACTOR_RE = re.compile(r"\bstilzwijgend\b|\bvan rechtswege\b|\bautomatisch\b", re.I)
# The passive sits in a relative or adverbial clause: it describes a state or a moment.
SUBORDINATE_RE = re.compile(r"\b(?:die|dat|welke|waar(?:in|bij|mee|op|voor|aan|door|over|uit|van|naar)|nadat|zodra|voordat"
                            r"|totdat|zolang|indien|wanneer|voor\s?zover)\b[^,;:]*$", re.I)

PARTICIPLE_RE = re.compile(r"^(?:ge\w+[dt]|\w+ge\w+[dt]|(?:be|ver|ont|her|er)\w+[dt]|ge\w+en|\w+ge\w+en"
                           r"|(?:be|ver|ont|her)\w+en)$")
ZIJN = {"is", "zijn", "was", "waren"}
# "voor zover … niet aan <orgaan> is opgedragen": the regeling assigns; the passive names no missing actor.
RESIDUAL_VERBS = {"op_dragen", "toe_kennen", "voor_behouden", "over_dragen", "opdragen", "toekennen", "voorbehouden",
                  "overdragen"}
SELF_ACTING_RE = re.compile(r"^\s*Aan\s+(?:het|de)\s+[^,;:]{3,60}?\s+(?:worden|wordt|zijn|is)\s+[^;]*"
                            r"\b(?:toegekend|opgedragen|overgedragen)\b|\bis\s+ingesteld\s+met\s+het\s+doel\b"
                            # "Er wordt een … ingesteld", "wordt onder de naam zuiveringsheffing een heffing ingesteld":
                            # the regulation establishes the body or levy itself.
                            r"|^\s*Er\s+(?:wordt|worden)\s+[^;]{0,120}?\bingesteld\b"
                            r"|\b(?:wordt|worden)\s+onder\s+de\s+naam\b[^;]{0,120}?\bingesteld\b"
                            # "Almere wordt aangewezen als aankoopcentrale": the regulation designates by its own text
                            r"|^\s*(?-i:[A-Z][a-z][\w-]*)\s+(?:wordt|worden)\s+(?:hierbij\s+)?aangewezen\s+als\b", re.I)
# A repeal in the final provisions: the regulation being adopted withdraws the old one by its own adoption
# ("De Participatieverordening 2015 wordt ingetrokken", "De volgende wetten worden ingetrokken:").
REPEAL_RE = re.compile(r"^\s*(?:De|Het)\s+[^;:]{0,160}?\b(?:\w*verordening(?:en)?|\w*regeling(?:en)?|reglement|besluit(?:en)?"
                       r"|\w*wet(?:ten)?|beleidsregels?)\b[^;:]{0,400}?\b(?:wordt|worden)\s+(?:hierbij\s+)?ingetrokken\b",
                       re.I)
REMEDY_RE = re.compile(r"\b(?:beroep|bezwaar|beklag|klacht|verzoek|aanvraag|verzet|cassatie)\b[^.;]{0,40}$", re.I)
AMOUNT_RE = re.compile(r"^\s*(?:op|vastgesteld\s+op)\s+(?:respectievelijk\s+)?(?:f|€|EUR|fl\.?)\s*\d", re.I)
RESIDUAL_RE = re.compile(r"\bniet\b[^.;]{0,60}\baan\b|\baan\b[^.;]{0,60}\bniet\b[^.;]{0,30}\b(is|zijn)\b", re.I)
NOMINAL_RE = re.compile(
    r"\b(?:de\s+|het\s+)?(vaststelling|besluitvorming|benoeming|aanwijzing|goedkeuring|toekenning|verdeling"
    r"|bekendmaking|toezending|indiening|overdracht|delegatie|wijziging|opheffing|beslissing)\b[^.;]{0,80}?"
    r"\b(geschiedt|geschieden|vindt\s+plaats|vinden\s+plaats|plaatsvindt|plaatsvinden|gebeurt|gebeuren)\b", re.I)
NOT_PARTICIPLE = NOUN_STOPLIST | {"gemeenten", "gebieden", "beleid", "gevolgd", "verband", "bedrag", "belang",
                                  "gezond", "gereed", "betreffend", "bekend", "verstaan", "bedoeld", "genoemd",
                                  "begrepen", "behoeve", "gelet", "gezien", "gehouden", "verplicht", "bevoegd",
                                  "belast", "gebonden", "geacht", "betrokken", "gericht", "berekend", "bestemd",
                                  "aangehaald"}  # "kan worden aangehaald als" (citeertitel)


def _participle(t: Tok, res: Resources) -> bool:
    if t.lower in NOT_PARTICIPLE or not PARTICIPLE_RE.match(t.lower):
        return False
    if res.caps.pos and t.pos and t.pos not in ("VERB", "AUX"):
        return False
    return t.lemma != t.lower and t.lemma.endswith("en")


@detector("AMB-05", name="handelende instantie ontbreekt (lijdende vorm, nominalisatie)",
          requires={"lemmas", "organs", "competences", "verbs"}, default_severity=Severity.ZORG,
          rule="Ar 4.49 (actief formuleren)", context_adjust=False, binding_only=True)
def agentless(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        done: set[int] = set()
        toks = pi.tokens
        for i, t in enumerate(toks):
            aux_zijn = t.lower in ZIJN
            if t.lower not in WORDEN and not aux_zijn:
                continue
            s, e = pi.sentences[t.sent]
            cand = [toks[j] for j in range(max(0, i - 2), min(len(toks), i + 13))
                    if toks[j].sent == t.sent and j != i]
            # Stop the forward window at a clause boundary.
            window = []
            for c in cand:
                if c.start > t.start and (c.text in ",;:" and window or c.lower in CLAUSE_OPENERS):
                    break
                window.append(c)
            part = next((c for c in window if _participle(c, res)), None)
            if part is None or part.start in done:
                continue
            lo, hi = sorted((t.start, part.start))
            if any(c.lower in HEBBEN and lo <= c.start <= hi for c in window) or \
                    any(c.lower in HEBBEN and c.end <= part.start and part.start - c.end < 3 for c in toks):
                continue  # active perfect: "aan het bestuursorgaan dat hem heeft aangewezen"
            verb_class = res.verbs.get(part.lemma) or ACTS.get(part.lemma)
            if verb_class is None or aux_zijn and verb_class not in ("adoption", "decision", "delegation"):
                continue  # only competence verbs: "wordt geplaatst", "worden omgezet" are left alone
            if re.search(r"\bdoor\b", pi.text[s:e], re.I) or AGENT_PHRASE_RE.search(pi.text[s:e]) \
                    or AGENT_INSTRUMENT_RE.search(pi.text[s:e]):
                continue  # agent named, or named as its decision/rules/meeting ("bij besluit van de raden")
            if instrument_before(pi.text, s, part.end) or lid_instrument(res, pi, s):
                continue  # round 11: "kan bij het koninklijk besluit, bedoeld in dat artikel, … worden vastgesteld",
                # "In het vernietigingsbesluit kan worden bepaald", a lid led in by "Bij of krachtens algemene
                # maatregel van bestuur:", "Hierbij kan worden bepaald" after an AMvB sentence: the instrument acts
            lo = max(s, pi.text.rfind(",", s, min(t.start, part.start)) + 1)
            noun = object_noun(pi.text, lo, part.end) or object_noun(pi.text, s, part.end)
            if noun and withdraws_filing(pi.text, s, part.end, part.lemma, noun):
                continue  # round 11: "Het bezwaar kan schriftelijk worden ingetrokken": withdrawn by who filed it
            if re.search(r"\b(voorgesteld|bepaald)\s+(in|bij)\b", pi.text[part.start:e], re.I) and aux_zijn:
                continue  # "is bepaald in artikel 5": a reference, not an act
            if SELF_ACTING_RE.search(pi.text[s:e]) or (part.lemma in ("bepalen", "vast_stellen", "vaststellen")
                                                         and AMOUNT_RE.search(pi.text[part.end:e])):
                continue  # the regeling itself confers/establishes, or states an amount it fixes
            if re.search(r"\b(?:de|het|een|die|deze|dit)\s+$", pi.text[max(s, part.start - 8):part.start], re.I):
                continue  # attributive participle: "de ingetrokken verordening", no passive act
            if REPEAL_RE.search(pi.text[s:e]) or AMENDMENT_RE.search(pi.text[s:e]):
                continue
            if part.lemma in ("in_stellen", "instellen", "maken", "doen", "in_dienen", "indienen") and REMEDY_RE.search(
                    pi.text[max(s, part.start - 60):part.start]):
                # "waartegen beklag kan worden gedaan of beroep kan worden ingesteld": a remedy of whoever is
                # concerned, not an act of an organ
                continue  # "De Verordening X wordt ingetrokken": the regulation itself repeals (performative)
            if part.lemma in RESIDUAL_VERBS and RESIDUAL_RE.search(pi.text[s:e]):
                continue  # residual clause: "bevoegdheden die niet aan een ander orgaan zijn opgedragen"
            done.add(part.start)
            yield _flag(res, pi, min(t.start, part.start), max(t.end, part.end), part.lemma, verb_class, aux_zijn,
                        noun)
        for m in NOMINAL_RE.finditer(pi.text):
            s, e = pi.sentence_of(m.start())
            if re.search(r"\bdoor\b", pi.text[s:e], re.I):
                continue
            if AGENT_INSTRUMENT_RE.search(pi.text[s:e]):
                continue  # "Een wijziging van de provinciale indeling geschiedt bij wet": the legislator acts
            # A nominalised act names a procedure or a moment ("De benoeming van gedeputeerden vindt plaats in
            # een vergadering van provinciale staten"); in no hand check was one a missing actor: SUGGESTIE.
            open_agent = False
            yield make_flag("AMB-05", pi, m.start(1), m.end(), severity=Severity.ZORG if open_agent
                            else Severity.SUGGESTIE, confidence=0.6 if open_agent else 0.4,
                            explanation=f"'{m.group(1)}' is een handeling als zelfstandig naamwoord; de tekst zegt "
                                        "niet wie haar verricht."
                                        + ("" if open_agent else " Het artikel noemt wel organen, of de handeling "
                                           "staat in een bijzin; de handelende partij is af te leiden. (Verlaagd.)"),
                            question="Welk orgaan verricht deze handeling?",
                            suggestion="Schrijf actief met het orgaan als onderwerp.")


def _flag(res: Resources, pi: PassageInfo, start: int, end: int, lemma: str, verb_class: str | None,
          aux_zijn: bool, noun: str = "") -> Flag:
    s, e = pi.sentence_of(start)
    competence = verb_class in ("adoption", "decision", "delegation")
    conf = 0.7 if competence else 0.55
    if aux_zijn:
        conf -= 0.2
    # Object adopted by nobody anywhere in the text → KRITIEK (combined with AMB-03/04).
    orphan = [m for m in res.instruments if m.passage_id == pi.passage.id and s <= m.start < e
              and m.kind == "beleid" and not m.adopters]
    same = res.actor_of_action(pi, lemma)
    agent = same or _previous_agent(res, pi)
    named = res.organs_named_in_lid(pi, outside=(s, e))
    # One organ in the whole regulation besides this sentence (a verordening of the college): it is the agent.
    sole = res.organs_in_document() - {m.key for m in res.mentions_in(pi, s, e)}
    if len(sole) == 1 and not named:
        named = sole
    after = pi.text[end:e]
    subordinate = bool(SUBORDINATE_RE.search(pi.text[s:start])) or (
        bool(VERB_FINAL_SUB_RE.search(pi.text[s:start])) and re.match(r"\s*(?:[,;:.]|$)", after) is not None) or (
        # inside a fronted conditional or temporal clause: "Indien …, dan wel wordt benoemd tot …, benoemt de
        # voorzitter …" (the main clause follows the passive)
        FRONTED_SUB_RE.match(pi.text[s:start]) is not None and MAIN_AFTER_RE.search(after) is not None)
    # An organ the sentence names outside the passive's subject: in a fronted clause ("In het geval het college
    # … vaststelt, kan de bijstand … worden verlengd"), as a decider ("naar het oordeel van het college") or
    # after the verb cluster ("… wordt niet vastgesteld dan nadat de raad … heeft verklaard"); not a recipient
    # ("ingeleverd bij het college").
    if not named:
        named = _named_in_sentence(res, pi, s, e, start, end)
    recipient_only = not named and bool(RECIPIENT_RE.search(after[:60])) and verb_class not in ("adoption",
                                                                                                 "decision")
    modal = bool(MODAL_RE.search(pi.text[max(s, start - 80):start]))
    # "Een ingediend verzoek kan niet worden ingetrokken": a negated modal forbids the act to everyone.
    prohibition = re.match(r"\s*Geen\b", pi.text[s:start]) is not None or bool(
        re.search(r"\bnoch\b", pi.text[s:e], re.I)) or (
        modal and re.search(r"\b(?:kan|kunnen|mag|mogen)\s+(?:\w+\s+){0,4}?(?:niet|geen|alleen|slechts|uitsluitend)\b",
                            pi.text[max(s, start - 80):end]) is not None)
    # Without a modal the sentence states a legal effect or a procedure ("wordt vrijstelling verleend", "De
    # zittingsduur wordt verlengd tot …"); it only leaves a competence without holder when it adopts or decides
    # on a known object that the text gives to nobody, and does not point to where the act is regulated.
    # A national law states legal effects in the passive by design ("Voor het houden van referenda wordt
    # Nederland verdeeld in kieskringen"); the organs that carry it out follow from the system of the law
    # and the Awb. A GR or verordening must assign its competences explicitly (Wgr art. 10).
    plain_ok = modal or (verb_class in ("adoption", "decision") and bool(_object_of(res, pi, start, end))
                         and not REFERENCED_RE.search(pi.text[s:start]) and not re.search(r"\d", pi.text[end:e])
                         and not NUMBER_RE.search(pi.text[end:e]) and not res.is_national_law())
    hint = ""
    if NO_ACTOR_RE.search(pi.text[s:e]):
        sev = Severity.INFO
        hint = " De zin beschrijft een gevolg dat vanzelf intreedt ('stilzwijgend', 'van rechtswege'). (Verlaagd.)"
    elif orphan and verb_class == "adoption" and not aux_zijn:
        sev = Severity.KRITIEK
    elif competence and not aux_zijn and not subordinate and not named and not same \
            and not MANNER_RE.match(pi.text[end:e]) and (holders := _holders_elsewhere(res, pi, start, end, lemma)):
        sev = Severity.SUGGESTIE
        hint = (f" Elders in de regeling verricht {_names(holders)} deze handeling"
                + (" op hetzelfde onderwerp" if _object_of(res, pi, start, end) else "")
                + "; vermoedelijk is die bevoegdheid bedoeld, maar de zin zegt het niet. (Verlaagd.)")
    elif competence and not aux_zijn and not subordinate and not named and not same \
            and not MANNER_RE.match(pi.text[end:e]) and not prohibition \
            and (context := _context_holder(res, pi, s, e, start, end, lemma, noun)):
        sev = Severity.SUGGESTIE  # round 11: the holder is knowable from the lid, artikel or section
        hint = context
    elif competence and not aux_zijn and not subordinate and not named and not same \
            and not MANNER_RE.match(pi.text[end:e]) and plain_ok and not recipient_only and not prohibition:
        sev = Severity.ZORG
    else:
        sev = Severity.SUGGESTIE
        if MANNER_RE.match(pi.text[end:e]):
            hint = (" Het lid regelt hoe het gebeurt ('onder de voorwaarden …'), niet wie het doet; dat staat elders. "
                    "(Verlaagd.)")
        elif prohibition:
            hint = (" De zin verbiedt of beperkt de handeling ('Geen … wordt …', 'kan slechts …'), voor ieder orgaan; "
                    "wie haar verricht, volgt uit de bepaling die haar toekent. (Verlaagd.)")
        elif recipient_only:
            hint = (" Het genoemde orgaan ontvangt ('bij', 'aan'); de handeling is die van de aanvrager of "
                    "betrokkene. (Verlaagd.)")
        elif competence and not aux_zijn and not subordinate and not named and not plain_ok:
            hint = (" Zonder 'kan', 'mag' of 'moet' stelt de zin een rechtsgevolg of werkwijze vast, of verwijst hij "
                    "naar waar de handeling geregeld is. (Verlaagd.)")
        elif competence and not aux_zijn and not subordinate and named:
            hint = (f" Het lid noemt {_names(named)}; de handelende partij is daaruit af te leiden, maar staat "
                    "er niet. (Verlaagd.)")
        elif competence:
            hint = " De zin beschrijft een toestand of moment; de handeling zelf is elders geregeld. (Verlaagd.)"
        elif modal and not subordinate and not named:
            hint = _context_holder(res, pi, s, e, start, end, lemma, noun)  # an executive act: name its holder
    if same:
        conf -= 0.2
        hint += f" In dit artikel doet '{same}' dit elders; vermoedelijk is dat orgaan bedoeld."
    elif agent:
        conf -= 0.2
        hint += f" Vermoedelijk is '{agent}' bedoeld (handelt in het vorige lid), maar dat staat er niet."
    quote = pi.text[start:end]
    return make_flag("AMB-05", pi, start, end, severity=sev, confidence=conf,
                     explanation=f"'{quote}' staat in de lijdende vorm zonder 'door …': de tekst noemt niet wie "
                                 f"deze handeling ({lemma}) verricht.{hint}",
                     question="Welk orgaan is bevoegd of verplicht tot deze handeling?",
                     suggestion="Schrijf actief: '<orgaan> " + lemma + " …', of voeg 'door <orgaan>' toe.")


def _context_holder(res: Resources, pi: PassageInfo, s: int, e: int, start: int, end: int, lemma: str,
                    noun: str) -> str:
    """Round 11: the holder read from outside the sentence (holders.py): a general ban the passive permits an
    exception to, a lid its subject refers to, the one actor of the artikel, or the same act or object under a
    named holder in the section. The hint for the explanation, "" when none is found."""
    if where := ban_exception(res, pi, s):
        return (f" Een uitzondering op het verbod van {where}, dat voor een ieder geldt: wie aan het verbod gebonden "
                "is, mag dit. (Verlaagd.)")
    holder = (referenced_holder(res, pi, pi.text[s:start]) or lid_subject(res, pi, s)
              or artikel_actor(res, pi, (s, end)) or section_holder(res, pi, s, e, lemma, noun))
    return holder.note() if holder else ""


FRONTED_SUB_RE = re.compile(r"\s*(?:Indien|Wanneer|Nadat|Zodra|Als|Voor\s?zover|Zolang|Tenzij|Ingeval)\b")
MAIN_AFTER_RE = re.compile(r",\s+\w+\s+(?:de|het|hij|zij|een|Onze)\b")
RECIPIENT_RE = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:bij|aan)\s+(?:de|het)\s+\w+", re.I)
# Words that open a new clause: the participle of "wordt" is not searched beyond them ("wordt binnen 1 maand na
# de datum waarop de bijstand is toegekend … ingeleverd": "toegekend" belongs to the relative clause).
CLAUSE_OPENERS = {"waarop", "waarin", "waarbij", "waarmee", "waarvoor", "waaraan", "waardoor", "waarover", "waaruit",
                  "waarvan", "die", "dat", "welke", "nadat", "zodra", "voordat", "totdat", "indien", "wanneer"}


def _named_in_sentence(res: Resources, pi: PassageInfo, s: int, e: int, start: int, end: int) -> set[str]:
    out = set()
    for m in res.named_actors(pi, s, e):
        before = pi.text[max(s, m.start - 40):m.start]
        if DECIDES_OF_RE.search(before):
            out.add(m.key)  # "naar het oordeel van X", "op grond van een aanwijzing van X": X decides
        elif m.end <= start and "," in pi.text[m.end:start] or m.start >= end:
            out.add(m.key)  # in a fronted clause closed by a comma, or after the verb cluster (no recipient: see
            # named_actors)
    return out


def _object_of(res: Resources, pi: PassageInfo, start: int, end: int) -> str:
    """Head noun of what the passive act is done to, from the competence table ("" when unknown)."""
    for c in res.competences_in(pi):
        if c.passive and start <= c.start < end + 1 and c.object:
            return c.object
    return ""


def _holders_elsewhere(res: Resources, pi: PassageInfo, start: int, end: int, lemma: str) -> set[str]:
    """Organs the document gives this act elsewhere (actively or as the named agent of a passive): on the same
    object when the object is known, else any. A passive that restates an act the regulation assigns
    elsewhere ("De burgemeester wordt bij koninklijk besluit benoemd" … "worden benoemd voor zes jaar") leaves
    no competence without a holder."""
    want = lemma.replace("_", "")
    obj = _object_of(res, pi, start, end)
    out = set()
    for c in res.competences:
        if c.action.replace("_", "") != want or (obj and c.object != obj) or c.passage_id == pi.passage.id:
            continue
        if c.actor:
            out.add(c.actor)
        elif c.passive:
            # "De burgemeester wordt bij koninklijk besluit benoemd": the agent named through its instrument.
            q = res.by_id[c.passage_id]
            if (hit := AGENT_INSTRUMENT_RE.search(q.text, *c.sentence)) is not None:
                out.add(hit.group(0))
    return out


def _names(keys: set[str]) -> str:
    shown = sorted(keys)[:3]
    return ", ".join(f"'{k}'" for k in shown) + (" …" if len(keys) > 3 else "")


def _previous_agent(res: Resources, pi: PassageInfo) -> str | None:
    p = pi.passage
    if not p.lid or pi.index == 0:
        return None
    prev = res.passages[pi.index - 1].passage
    if prev.artikel != p.artikel:
        return None
    actors = {c.actor_text.lower() for c in res.competences_in(res.passages[pi.index - 1]) if c.actor}
    return actors.pop() if len(actors) == 1 else None
