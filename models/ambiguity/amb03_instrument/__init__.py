"""AMB-03 Policy instrument with undetermined status or bindingness (the woonvisie problem).

Reads the instrument mentions from the resources (each with its bindingness level L0–L3
from the verb phrase in its clause, whether it serves as a decision test, whether a
version or date follows) and the adopters from the competence table. Per instrument at
most one flag per problem: inconsistent bindingness (KRITIEK), no adopter (KRITIEK when
the instrument is used as a decision criterion, else ZORG), status unknown and no version
(ZORG), a consistent L1 "rekening houden met" (INFO, unless it is also a decision test).
Financial and regulatory instruments (begroting, verordening) have statutory status (the
Wgr names their adopter) and are only checked for inconsistent bindingness; drafts
("ontwerpbegroting") and the agenda of a meeting are skipped.

Severity (hand checks rounds 1–5: 1 true positive in 23 judged zorg flags). ZORG for "no adopter"
needs an instrument with neither an adopting organ nor a stated binding effect anywhere in the text
(or one the text says is adopted, "wordt vastgesteld", without saying by whom); with a stated level
("houdt rekening met", "is richtinggevend") only the adopter is open: SUGGESTIE. Not flagged for
status at all: an instrument a law defines once ("cultuurnota als bedoeld in artikel 3 van de Wet …"
makes every mention statutory) and a capitalised title of an outside publication ("het Centraal
Economisch Plan", "het Meerjarenprogramma Infrastructuur en Transport 1988–2002"), nor a bare plural
("de geldende kaders": frameworks in general; round 6 test sample). An organ that
"stelt het beleidsplan, het activiteitenplan en de meerjarenbegroting vast" adopts each listed object.

Round 9: "akkoord" as a predicate ("met de regeling akkoord zijn", "gaat akkoord") is no instrument; documents
attached to an application ("De aanvraag gaat vergezeld van: a. een activiteitenplan; …") are the applicant's, no
status question; a document the sentence's definite subject draws up or records ("De zorgaanbieder legt … vast in
een zorgplan") has its author named, registered organ or not (at most SUGGESTIE).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import LEVEL_NL, NON_SUBJECT_PREPS, InstrumentMention, Resources

# "een cultuurnota als bedoeld in artikel 3 van de Wet …", "een plan van aanpak als bedoeld in artikel 44a van de
# Participatiewet" (a short "van …" complement may sit between the instrument and the reference).
GENERIC_PLURALS = {"kaders", "plannen", "programma's", "visies", "agenda's", "nota's", "beleidsplannen",
                   "beleidskaders"}
STATUTORY_REF_RE = re.compile(r"\s*(?:van\s+\w+\s*)?,?\s*(?:als\s+)?bedoeld\s+in\s+[^.;]{0,80}?\b(?:van|der)\s+"
                              r"(?:de\s+)?[A-Z]")
# Round 8 --------------------------------------------------------------------------------------------------------
# "structuurvisies, bestemmingsplannen en exploitatieplannen als bedoeld in respectievelijk artikel 2.1, 3.1 en 6.12
# van de Wet ruimtelijke ordening": the reference after a list of nouns covers every item of the list.
LISTED_STATUTORY_RE = re.compile(r"(?:\s*(?:,|\ben\b|\bof\b)\s*(?:[\w-]+\s+){0,3}[\w-]+){1,6}\s*,?\s*(?:als\s+)?bedoeld\s+in\s+"
                                 r"(?:[^.;]|\.(?=\d)){0,100}?\b(?:van|der)\s+(?:de\s+)?[A-Z]")
# "de agenda, bedoeld in artikel 19": an instrument another artikel of the same text regulates; its status is
# settled (or flagged) there.
INTERNAL_REF_RE = re.compile(r"\s*,?\s*(?:als\s+)?bedoeld\s+in\s+(?:het\s+\w+\s+lid|artikel\s+\d+\w*)"
                             r"(?!(?:[^.;,]{0,60}?)\b(?:van|der)\s+(?:de\s+)?[A-Z])", re.I)
# A citation of an official publication after the mention: "de kabinetsnota over … (Kamerstukken II 2008/09, 31 700
# VI, nr. 69)", "het kader, opgenomen in Stcrt. 2019, 123": a fixed, outside document.
OFFICIAL_CITATION_RE = re.compile(r"\b(?:(?:Kamerstukken|Handelingen|Staatsblad|Staatscourant|Tractatenblad|Gemeenteblad"
                                  r"|Provinciaal\s+blad|Waterschapsblad)\b|(?:Stb|Stcrt|Trb)\.)")
# A bindingness phrase that ends in a preposition binds its own object: "in overeenstemming met de
# wetgevingsafdeling … een implementatieplan opgesteld" says nothing about the plan.
PREP_PHRASE_RE = re.compile(r"\b(?:met|van|aan|naar|door|bij)$", re.I)
# The statutory term for "whichever organ is competent" (Awb, Omgevingswet): a knowable actor.
AUTHORITY_RE = re.compile(r"\b(?:het\s+)?bevoegde?\s+gezag\b|\bhet\s+bestuursorgaan\b", re.I)
# What may stand between such a phrase and its object: a determiner and adjectives ("met het regionale …").
GAP_RE = re.compile(r"^\s*(?:(?:de|het|een|dit|deze|die|dat|zijn|haar|hun)\s+)?(?:[a-zà-ÿ-]+(?:e|en)\s+){0,3}$", re.I)
# "in dit kader", "in dat kader": in this context.
IN_THIS_CONTEXT_RE = re.compile(r"\bin\s+(?:dit|dat|dien|het\s+onderhavige)\s+$", re.I)
# "op de agenda": the agenda of a meeting.
MEETING_AGENDA_RE = re.compile(r"\b(?:op|van)\s+de\s+$", re.I)
# "X, Y en Z sluiten een convenant": an agreement concluded by the parties the sentence names.
CONCLUDED_RE = re.compile(r"\b(?:sluit|sluiten|gesloten|sloten|aangegaan|aangaan|gaan\s+\w+\s+aan|ondertekenen|"
                          r"ondertekend)\b", re.I)
# A compound whose modifier names an organ ("collegeprogramma", "raadsagenda", "directiejaarplan"): the owner is
# in the word itself.
ORGAN_MODIFIER_RE = re.compile(r"^(?:college|raads|directie|commissie|staten)[a-z]", re.I)
# Verb-final adoption in a subordinate clause: "waarvoor het bestuur een rampbestrijdingsplan vaststelt".
# Round 9 -------------------------------------------------------------------------------------------------------
# "akkoord" as a predicate ("met de regeling akkoord zijn", "gaat akkoord", "akkoord verklaren"): no document.
AKKOORD_PREDICATE_AFTER_RE = re.compile(r"^\s*(?:zijn|is|was|waren|gaan|gaat|ging|gingen|gegaan|te\s+gaan|te\s+zijn"
                                        r"|verklaart|verklaren|verklaard|te\s+verklaren|bevonden|bevindt|bevinden)\b",
                                        re.I)
AKKOORD_PREDICATE_BEFORE_RE = re.compile(r"\b(?:mee|ermee|daarmee|hiermee|niet|wel|langer|zich|gaat|gaan|ging"
                                         r"|gingen|gegaan|ga)\s+$", re.I)
# The documents an applicant supplies: "De aanvraag gaat vergezeld van: a. een activiteitenplan; b. een begroting",
# "Bij de aanvraag worden overgelegd: …", "De aanvrager voegt bij zijn verzoek een plan van aanpak".
ATTACHMENT_RE = re.compile(r"\b(?:gaat|gaan)\s+(?:\w+\s+){0,4}?vergezeld\s+van\b|\bvergezeld\s+(?:gaan|gaat)\s+van\b"
                           r"|\b(?:aanvraag|aanvragen|verzoek|verzoekschrift|melding|aanmelding|aanbieding|inschrijving)"
                           r"\b[^.;]{0,80}?\b(?:bevat|bevatten|bevat\s+ten\s+minste|omvat|vermeldt|(?:wordt|worden)"
                           r"\s+(?:\w+\s+){0,3}?(?:overgelegd|gevoegd|meegezonden|ingediend|bijgevoegd))\b"
                           r"|\b(?:aanvrager|verzoeker|indiener)\b[^.;]{0,60}?\b(?:voegt|legt|overlegt|verstrekt|zendt"
                           r"|dient)\b[^.;]{0,60}?\b(?:bij|over|in|mee)\b", re.I)
# A document the sentence's own subject draws up or records: "De zorgaanbieder legt … vast in een zorgplan",
# "Het bestuur van de school stelt een veiligheidsplan op". Any definite subject names its author.
SUBJECT_AUTHOR_RE = re.compile(r"^\s*(?:De|Het)\s+(?P<subj>(?:[a-zà-ÿ-]+\s+){0,3}?[a-zà-ÿ-]+)\s+(?P<verb>legt|leggen"
                               r"|stelt|stellen|maakt|maken|neemt|nemen|werkt|werken|schrijft|schrijven|vat|vatten)\b")
AUTHOR_PARTICLE_RE = re.compile(r"\b(?:vast|op|uit)\b(?!\s+te\b)")  # not "op te stellen" (another's act)
# Round 11 --------------------------------------------------------------------------------------------------------
# "een door de Kiesraad op te stellen controleprotocol", "het door het CAK opgestelde werkplan": the prenominal
# participle names the document's author.
PRENOMINAL_AUTHOR_RE = re.compile(r"\bdoor\s+(?P<who>(?:de|het|Onze)\s+[^,;.]{0,60}?)\s+(?:op\s+te\s+stellen|opgestelde"
                                  r"|op\s+te\s+maken|opgemaakte|uit\s+te\s+brengen|uitgebrachte|te\s+maken|gemaakte"
                                  r"|vast\s+te\s+stellen|vastgestelde|te\s+publiceren|gepubliceerde)\s+(?:[a-zà-ÿ-]+\s+){0,2}"
                                  r"(?:[a-zà-ÿ]+-)?$",
                                  re.I)
# "Het CAK zendt Onze Minister jaarlijks een werkprogramma", "Een zorgaanbieder … zendt … een nota aan het
# zorgkantoor": a document the sentence's subject sends or submits is its own (indefinite object of the verb).
SEND_VERB_RE = re.compile(r"\b(?:zendt|zenden|stuurt|sturen|verstrekt|verstrekken|levert|leveren|overlegt|overleggen"
                          r"|dient|dienen|legt|leggen|brengt|brengen|biedt|bieden)\b", re.I)
SENT_OBJECT_RE = re.compile(r"\b(?:een|jaarlijks\s+een)\s+(?:[a-zà-ÿ-]+\s+){0,2}$", re.I)
SENTENCE_SUBJECT_RE = re.compile(r"^\s*(?:De|Het|Een|Onze)\s+(?P<subj>[\w-]+(?:\s+[A-Z][\w-]*)*)")
# "Het werkprogramma behoeft de goedkeuring van Onze Minister": the approving body adopts it in effect.
APPROVAL_RE = re.compile(r"\b(?:behoeft|behoeven|vereist|vereisen)\s+(?:de\s+)?(?:voorafgaande\s+)?goedkeuring\s+van\s+"
                         r"(?P<who>(?:de|het|Onze)\s+[\w-]+(?:\s+[A-Z][\w-]*)*)", re.I)
# "de agenda van dit overleg", "onderwerpen voor de agenda": the agenda of a meeting, no policy instrument.
MEETING_NOUNS = r"(?:overleg|vergadering|bijeenkomst|zitting|beraad|conferentie|sessie)"
AGENDA_OF_MEETING_RE = re.compile(rf"^\s+(?:van|voor)\s+(?:de|het|dit|dat|deze|die|een|elke|iedere)\s+(?:[\w-]+\s+){{0,2}}?"
                                  rf"{MEETING_NOUNS}\w*\b", re.I)
AGENDA_TOPIC_RE = re.compile(r"\b(?:onderwerp(?:en)?|punt(?:en)?|agendapunt(?:en)?)\s+(?:\w+\s+){0,3}?(?:voor|op|aan)\s+de\s+$", re.I)
# "de nota naar aanleiding van het verslag", "een nota van wijziging/toelichting/antwoord/verbetering": parliamentary
# papers with a fixed genre name; "in de visie van de regering": an opinion.
PARLIAMENTARY_NOTA_RE = re.compile(r"^\s+(?:naar\s+aanleiding\s+van|van\s+(?:wijziging|toelichting|antwoord|verbetering"
                                   r"|verantwoording))\b", re.I)
OPINION_BEFORE_RE = re.compile(r"\b(?:in|naar|volgens)\s+de\s+$", re.I)
ADOPT_AFTER_RE = re.compile(r"^[^,;.]{0,60}?\b(?:vast(?:stelt|stellen|gesteld|\s+te\s+stellen)|op(?:stelt|stellen|"
                            r"\s+te\s+stellen))\b", re.I)


@detector("AMB-03", name="status of binding van beleidsinstrument onbepaald",
          requires={"instruments", "competences", "definitions"}, default_severity=Severity.ZORG,
          rule="Ar 3.47; STOP informatieobject", context_adjust=False, binding_only=True)
def instrument_status(res: Resources) -> Iterator[Flag]:
    groups: dict[str, list[InstrumentMention]] = defaultdict(list)
    defined = {d.term.lower() for d in res.definitions}
    def_passages = {d.passage_id for d in res.definitions}
    # An instrument a law defines once ("een cultuurnota als bedoeld in artikel 3 van de Wet …") keeps that
    # statutory status in every later mention ("de uit te brengen cultuurnota").
    statutory = {m.name for m in res.instruments
                 if STATUTORY_REF_RE.match(res.by_id[m.passage_id].text[m.end:m.end + 120])}
    for m in res.instruments:
        if m.name in statutory:
            continue
        if m.text.lower() in GENERIC_PLURALS:
            continue  # "de geldende kaders", "plannen": frameworks in general, not one instrument
        if _named_document(res, m):
            continue  # "het Centraal Economisch Plan", "Meerjarenprogramma Infrastructuur en Transport": a title
        if m.passage_id in def_passages or m.name.startswith("ontwerp"):
            continue  # drafts are not adopted; definitions are AMB-09's
        if m.name == "agenda" and re.search(r"vergader", res.by_id[m.passage_id].text, re.I):
            continue  # the agenda of a meeting
        text = res.by_id[m.passage_id].text
        if re.search(rf"\w{re.escape(m.name)}\b", text[:m.start], re.I):
            continue  # "het plan" after "het liquidatieplan": the same document, named in full before
        if _not_an_instrument(res, m):
            continue
        groups[m.name].append(_own_level(res, m))
    every: dict[str, list[InstrumentMention]] = defaultdict(list)
    for m in res.instruments:
        every[m.name].append(m)
    for name, ms in groups.items():
        if any(_concluded(res, m) for m in every[name]):
            continue  # "het bestuur, de korpschef en de officier sluiten een convenant": the parties are named
        if any(_supplied_with_application(res, m) for m in every[name]):
            continue  # "De aanvraag gaat vergezeld van een activiteitenplan": the applicant's document
        problems = list(_problems(res, name, ms, defined, every[name]))
        if all(_indefinite(res, m) for m in ms):
            # Only indefinite mentions ("een plan"): the text speaks of such documents in general, not of one
            # instrument whose status could be settled; at most a drafting point.
            problems = [(p[0], min(p[1], Severity.SUGGESTIE), *p[2:]) for p in problems]
        yield from _merge(res, problems)


def _own_level(res: Resources, m: InstrumentMention) -> InstrumentMention:
    """``m`` without its bindingness level when the level phrase is prepositional and its object is something
    else than the instrument (an organ, or a noun phrase more than a few words before the instrument)."""
    phrase = m.level_phrase
    if m.level == "L?" or "…" in phrase or not PREP_PHRASE_RE.search(phrase):
        return m
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    spots = [x for x in re.finditer(re.escape(phrase), pi.text[s:e], re.I)]
    if not spots:
        return m
    x = min(spots, key=lambda x: abs(s + x.end() - m.start))
    if s + x.start() <= m.start < s + x.end():
        return m  # inside the phrase: "betrekken de Woonvisie bij" binds the woonvisie itself
    gap = pi.text[s + x.end():m.start] if s + x.end() <= m.start else None
    if gap is not None and GAP_RE.match(gap) and not res.mentions_in(pi, s + x.end(), m.start):
        return m
    return replace(m, level="L?", level_phrase="")


def _not_an_instrument(res: Resources, m: InstrumentMention) -> bool:
    """Round 8: mentions that are no status question of a policy instrument of this text."""
    pi = res.by_id[m.passage_id]
    text = pi.text
    s, e = pi.sentence_of(m.start)
    before = text[max(0, m.start - 30):m.start]
    after = text[m.end:m.end + 160]
    if m.name == "kader" and IN_THIS_CONTEXT_RE.search(before):
        return True  # "in dit kader": in this context
    if m.name == "agenda" and MEETING_AGENDA_RE.search(before):
        return True  # "een onderwerp dat niet staat vermeld op de agenda"
    if m.name == "nota" and PARLIAMENTARY_NOTA_RE.match(after):
        return True  # "de nota naar aanleiding van het verslag", "een nota van wijziging": a parliamentary paper
    if m.name == "visie" and (OPINION_BEFORE_RE.search(before) and re.match(r"\s+van\b", after)
                              or re.search(r"\b(?:in|naar|volgens)\s+(?:zijn|haar|hun|mijn|onze)\s+$", before, re.I)):
        return True  # "in de visie van de regering", "naar hun visie": an opinion, no policy document
    if m.name == "agenda" and (AGENDA_OF_MEETING_RE.match(after) or AGENDA_TOPIC_RE.search(text[max(0, m.start - 60):m.start])):
        return True  # "onderwerpen voor de agenda van dit overleg": a meeting's agenda
    if m.name == "akkoord" and (AKKOORD_PREDICATE_AFTER_RE.match(after) or AKKOORD_PREDICATE_BEFORE_RE.search(before)):
        return True  # "met de gewijzigde regeling akkoord zijn": a predicate, not an agreement
    if LISTED_STATUTORY_RE.match(after) or INTERNAL_REF_RE.match(after):
        return True  # "structuurvisies, bestemmingsplannen … als bedoeld in … van de Wet ruimtelijke ordening"
    if m.text[:1].isupper() and m.start > s and re.match(r"\s+[A-Z][a-zà-ÿ]", after) and not any(
            o.name == m.name and o.text[:1].islower() for o in res.instruments):
        return True  # "het Programma Schoolmaaltijden": the title of an outside programme the text never discusses
    if OFFICIAL_CITATION_RE.search(text, m.end, e):
        return True  # "de kabinetsnota over … (Kamerstukken II 2008/09, 31 700 VI, nr. 69)": cited, fixed
    if ORGAN_MODIFIER_RE.match(m.name):
        return True  # "het collegeprogramma": the college's own programme
    # "het plan" after "het rampbestrijdingsplan" in an earlier lid of the same artikel: the same document.
    for other in res.artikel_passages(pi.passage.artikel):
        if other.index >= pi.index:
            break
        if re.search(rf"\w{re.escape(m.name)}\b", other.text, re.I):
            return True
    return False


def _adopter_in_clause(res: Resources, m: InstrumentMention) -> str | None:
    """"waarvoor het bestuur van de veiligheidsregio een rampbestrijdingsplan vaststelt": the organ before the
    instrument in a verb-final clause that adopts (or draws up) it."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    if not ADOPT_AFTER_RE.match(pi.text[m.end:e]):
        return None
    starts = [x.end() + s for x in re.finditer(r",", pi.text[s:m.start])]
    clause = starts[-1] if starts else s
    organs = [k for k in res.mentions_in(pi, clause, m.start) if k.end <= m.start]
    return organs[-1].key if organs else None


def _supplied_with_application(res: Resources, m: InstrumentMention) -> bool:
    """The mention is a document attached to an application: its sentence, or the lead-in of the list it is an
    item of, says the application is accompanied by it. The applicant supplies it; no status question."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    if ATTACHMENT_RE.search(pi.text[s:e]):
        return True
    if not pi.passage.onderdeel:
        return False
    leadin = [t for t in res.artikel_passages(pi.passage.artikel)
              if t.passage.lid == pi.passage.lid and not t.passage.onderdeel and t.index < pi.index]
    return bool(leadin and leadin[-1].text.rstrip().endswith(":") and ATTACHMENT_RE.search(leadin[-1].text))


def _subject_author(res: Resources, m: InstrumentMention) -> str | None:
    """"De zorgaanbieder legt … de uitkomsten vast in een zorgplan": the definite subject that opens the sentence
    and draws up or records the document (a verb with its particle "vast", "op" or "uit" after the verb)."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    hit = SUBJECT_AUTHOR_RE.match(pi.text[s:m.start])
    if not hit or not AUTHOR_PARTICLE_RE.search(pi.text[s + hit.end():e]):
        return None
    return hit.group("subj").lower()


def _prenominal_author(res: Resources, m: InstrumentMention) -> str | None:
    """"een door de Kiesraad op te stellen controleprotocol": the body named in the prenominal participle phrase
    (registered organ or public actor of national law) draws the document up."""
    pi = res.by_id[m.passage_id]
    s, _e = pi.sentence_of(m.start)
    hit = PRENOMINAL_AUTHOR_RE.search(pi.text[max(s, m.start - 120):m.start])
    if not hit:
        return None
    return re.sub(r"^(?:de|het|onze)\s+", "", hit.group("who").strip().lower())


def _sent_by_subject(res: Resources, m: InstrumentMention) -> str | None:
    """"Het CAK zendt Onze Minister jaarlijks een werkprogramma": an indefinite document that the sentence's subject
    sends, submits or supplies is that subject's own; it names the author."""
    pi = res.by_id[m.passage_id]
    s, _e = pi.sentence_of(m.start)
    before = pi.text[s:m.start]
    if not SENT_OBJECT_RE.search(before[-60:]) or not SEND_VERB_RE.search(before):
        return None
    subj = SENTENCE_SUBJECT_RE.match(before)
    return subj.group("subj").lower() if subj else None


def _approved_by(res: Resources, m: InstrumentMention) -> str | None:
    """"Het werkprogramma behoeft de goedkeuring van Onze Minister": the approving body settles its status."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    hit = APPROVAL_RE.search(pi.text, m.end, e)
    if not hit or hit.start() - m.end > 40:
        return None
    return re.sub(r"^(?:de|het|onze)\s+", "", hit.group("who").lower())


def _concluded(res: Resources, m: InstrumentMention) -> bool:
    """An agreement ("convenant", "overeenkomst") whose sentence says it is concluded: the parties are its
    authors; a mention elsewhere ("Het convenant heeft betrekking op …") is the same agreement."""
    if m.kind != "afspraak":
        return False
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    return bool(CONCLUDED_RE.search(pi.text[s:e]))


def _passive_agent(res: Resources, m: InstrumentMention, participle: str) -> str | None:
    """"De begroting en het werkplan worden door het college van de centrumgemeente opgesteld": the organ after
    "door" in the passive clause that follows the instrument."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    hit = re.match(rf"[^.;]{{0,60}}?\b(?:wordt|worden|is|zijn)\b[^.;]{{0,20}}?\bdoor\s+([^.;]{{0,80}}?)\b{participle}\b",
                   pi.text[m.end:e], re.I)
    if not hit:
        return None
    organs = res.mentions_in(pi, m.end + hit.start(1), m.end + hit.end(1))
    return organs[0].key if organs else None


ORGAN_PLURAL_RE = re.compile(r"\b(?:colleges|raden|besturen|burgemeesters|staten|deelnemers|ministers?)\b", re.I)


def _adopter_named_around(res: Resources, m: InstrumentMention) -> str | None:
    """"het door de colleges vastgestelde beleidskader" (attributive participle) and "legt het beleidsplan ter
    vaststelling voor aan de raden" (submitted for adoption): the adopter the sentence names."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    attr = re.search(r"\bdoor\s+((?:de|het)\s+[^,;.]{0,60}?)\s+(?:vastgestelde|goedgekeurde|vast\s+te\s+stellen)\s+"
                     r"(?:[a-zà-ÿ]+\s+){0,2}$", pi.text[s:m.start], re.I)
    span = (s + attr.start(1), s + attr.end(1)) if attr else None
    if span is None:
        sub = re.search(r"\bter\s+vaststelling\b[^.;]{0,60}?\baan\s+((?:de|het)\s+[^,;.]{0,60})", pi.text[m.end:e], re.I)
        span = (m.end + sub.start(1), m.end + sub.end(1)) if sub else None
    if span is None:
        return None
    organs = res.mentions_in(pi, *span)
    if organs:
        return organs[0].key
    word = ORGAN_PLURAL_RE.search(pi.text, *span)
    return word.group(0).lower() if word else None


def _possessed_by_subject(res: Resources, m: InstrumentMention) -> str | None:
    """"De raden betrekken … bij de vaststelling van hun omgevingsvisie": "hun/zijn/haar" + instrument is the own
    document of the sentence's subject organ, who adopts it."""
    pi = res.by_id[m.passage_id]
    if not re.search(r"\b(?:hun|zijn|haar)\s+(?:[a-zà-ÿ-]+\s+){0,2}$", pi.text[max(0, m.start - 40):m.start], re.I):
        return None
    s, _e = pi.sentence_of(m.start)
    organs = [k for k in res.mentions_in(pi, s, m.start) if k.end <= m.start]
    return organs[0].key if organs else None


def _indefinite(res: Resources, m: InstrumentMention) -> bool:
    """"een plan" (what the Rijk may demand in general), "een plan van aanpak", "zonder voorontwerp of beleidsnota":
    not one identifiable document. The nearest determiner in the six words before the mention decides; none at all
    is a bare noun (documents in general); "het jaarlijks op te stellen programma" is definite."""
    text = res.by_id[m.passage_id].text
    words = re.findall(r"[\w'-]+", text[max(0, m.start - 80):m.start].lower())[-6:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w in INDEFINITE_DETS:
            return True
        if w in DEFINITE_DETS:
            return False
        if w in NON_SUBJECT_PREPS and (i + 1 == len(words) or words[i + 1] != "te"):
            return True  # "werkt met uitvoeringsprogramma's": a preposition before any determiner ("op te stellen" is a particle)
    return True


INDEFINITE_DETS = {"een", "geen", "enig", "enige", "elk", "elke", "ieder", "iedere"}
DEFINITE_DETS = {"de", "het", "deze", "dit", "die", "dat", "zijn", "haar", "hun", "bedoelde", "genoemde", "desbetreffende"}


def _problems(res: Resources, name: str, ms: list[InstrumentMention], defined: set[str],
              every: list[InstrumentMention] | None = None) -> Iterator[tuple]:
    # Adopters and drafters are read from every mention of the name, also the ones not reported on ("het
    # beleidsplan" in the lid that adopts it after "het ontwerpbeleidsplan" in lid 1).
    every = [*ms, *(m for m in every or [] if m not in ms)]
    if True:
        policy = ms[0].kind in ("beleid", "afspraak")
        levels = {m.level for m in ms if m.level != "L?"}
        test = [m for m in ms if m.decision_test]
        adopters = ms[0].adopters or sorted({a for m in every if (a := _drawn_up_by(res, m, "vast"))}
                                            | {a for m in every if (a := _adopter_in_clause(res, m))}
                                            | {a for m in every if (a := _passive_agent(res, m, "vastgesteld"))}
                                            | {a for m in every if (a := _adopter_named_around(res, m))}
                                            | {a for m in every if (a := _possessed_by_subject(res, m))}
                                            | {a for m in every if (a := _approved_by(res, m))})
        preparers = sorted({c.actor for c in res.competences
                            if c.action_class == "preparatory" and c.object == name and c.actor}
                           | {a for m in every if (a := _drawn_up_by(res, m))}
                           | {a for m in every if (a := _subject_author(res, m))}
                           | {a for m in every if (a := _passive_agent(res, m, "opgesteld"))}
                           | {a for m in every if (a := _prenominal_author(res, m))}
                           | {a for m in every if (a := _sent_by_subject(res, m))})
        if policy and len(levels) >= 2:
            first_level = next(m.level for m in ms if m.level != "L?")
            odd = next(m for m in ms if m.level not in ("L?", first_level))
            yield (odd, Severity.KRITIEK, 0.75,
                        f"De {name} is niet overal even bindend: "
                        + ", ".join(sorted({f"{LEVEL_NL[m.level]} ('{m.level_phrase}')" for m in ms
                                            if m.level != 'L?'})) + ".",
                        f"Hoe bindend is de {name}, en voor wie (algemeen bestuur, dagelijks bestuur, raden)?",
                        "Leg de status één keer vast, bij voorkeur in de begripsbepaling of het artikel dat de "
                        f"{name} regelt.")
            # The other side of the conflict, so the reviewer sees both places (the finding itself is above).
            first = next(m for m in ms if m.level == first_level)
            if first is not odd:
                yield (first, Severity.SUGGESTIE, 0.6,
                       f"Hier is de {name} {LEVEL_NL[first_level]} ('{first.level_phrase}'); elders "
                       f"{LEVEL_NL[odd.level]} ('{odd.level_phrase}'): zie de melding daar.",
                       f"Welke binding van de {name} is bedoeld?", "")
        external = any(_external_adopter(res, m) for m in ms)
        if not adopters and policy and not external:
            target = test[0] if test else ms[0]
            sev = Severity.KRITIEK if test else Severity.ZORG
            why = " en wordt gebruikt als toets voor besluiten" if test else ""
            adopted_passively = any(re.search(r"\b(?:wordt|worden|is|zijn)\b[^.;]{0,40}\b(?:vastgesteld|goedgekeurd)\b",
                                              res.by_id[m.passage_id].text) for m in ms)
            if levels and not test and not adopted_passively:
                # The text says how strongly the stuk binds ("houdt rekening met", "is richtinggevend"), so its
                # effect is settled; only who adopts it is open: a drafting point (research AMB-03 (f)).
                sev = Severity.SUGGESTIE
                why = " (de tekst zegt wel hoe bindend het is)"
            elif preparers and not test:
                # A named organ draws the plan up ("het dagelijks bestuur stelt het beleidsplan op"): the
                # author is known and the route is traceable; who adopts it is a drafting point, no concern.
                sev = Severity.SUGGESTIE
                why = f" (het wordt wel opgesteld door: {', '.join(preparers)})"
            yield (target, sev, 0.7 if policy else 0.5,
                        f"De tekst regelt niet wie '{name}' vaststelt{why}.",
                        f"Wie stelt '{name}' vast, en is het een besluit van de GR of van elke gemeente?",
                        f"Voeg toe: '<orgaan> stelt de {name} vast.'")
        if not policy:
            return
        # Round 8: a document used as the test for decisions ("handelt binnen het … beleidskader") binds by that
        # very construction; its status is stated (its adopter is checked above).
        if not levels and not test and not any(m.versioned for m in ms) and not external:  # "door PS vastgesteld bij besluit van …"
            # A plan the GR's own organ draws up is its working document: its status is a drafting point.
            # Likewise a plan a named organ adopts: its status is that of the organ's decision.
            yield (ms[0], Severity.SUGGESTIE if (preparers or adopters) and not test else Severity.ZORG, 0.6,
                        f"De status van '{name}' staat nergens: geen werkwoord zegt hoe bindend het stuk is en "
                        "er is geen versie of datum genoemd (statische verwijzing, Ar 3.47)."
                        + ("" if name in defined else " Het begrip is ook niet gedefinieerd."),
                        f"Is de {name} bindend, richtinggevend of alleen informatief, en welke versie is bedoeld?",
                        f"Noem de versie (datum, vaststellingsbesluit) en de binding: '… handelt overeenkomstig de "
                        f"{name}' of '… houdt rekening met de {name}'.")
        elif levels == {"L1"}:
            sev = Severity.ZORG if test or "kader" in name else Severity.INFO
            yield (next(m for m in ms if m.level == "L1"), sev, 0.5,
                        f"De {name} hoeft alleen te worden meegewogen ('{ms[0].level_phrase or 'rekening houden'}')"
                        + ("; toch dient het stuk als toets voor besluiten." if sev == Severity.ZORG else "."),
                        f"Is het de bedoeling dat de {name} alleen richtinggevend is?",
                        "")


ADOPTED_BY_RE = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?(?:[A-Z][\w-]*\s+){1,4}(?:\w+\s+){0,2}"
                           r"(?:vastgesteld|goedgekeurd)\b|\b(?:vastgesteld|goedgekeurd)\s+door\s+(?:de\s+|het\s+)?[A-Z]")


def _drawn_up_by(res: Resources, m: InstrumentMention, particle: str = "op") -> str | None:
    """"Het algemeen bestuur stelt een liquidatieplan op dat …": the organ before "stelt … op" around the
    mention (the competence table misses the particle when a relative clause or a list follows); with
    ``particle="vast"`` the adopter of a listed object ("stelt het beleidsplan, het activiteitenplan en
    de meerjarenbegroting vast")."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    verbs = list(re.finditer(r"\b(?:stelt|stellen)\b", pi.text[s:m.start]))
    verb = verbs[-1] if verbs else None
    if verb is None or not re.search(rf"\b{particle}\b", pi.text[m.end:e]):
        return None
    if re.search(r"\b(?:van|voor|bij|uit)\s+(?:de|het|een|deze|dit)?\s*$", pi.text[s:m.start]):
        return None  # "stelt de uitvoeringsprogramma's van de duurzaamheidsagenda vast": not the object
    organs = [k for k in res.mentions_in(pi, s, s + verb.start())]
    if not organs and AUTHORITY_RE.search(pi.text[s:s + verb.start()]):
        return "bevoegd gezag"  # "Het bevoegd gezag stelt een participatieplan op": the organ competent for the case
    return organs[-1].key if organs else None


def _named_document(res: Resources, m: InstrumentMention) -> bool:
    """A capitalised title of an outside publication inside a sentence: "het Centraal Economisch Plan"
    (a capitalised word before the head) or "het Meerjarenprogramma Infrastructuur en Transport 1988–2002"
    (capitalised words and a year after it). Its status is its own, not the regulation's."""
    pi = res.by_id[m.passage_id]
    s, _e = pi.sentence_of(m.start)
    before = pi.text[s:m.start]
    if re.search(r"(?<![.:;] )\b[A-Z][a-zà-ÿ]+\s+$", before) and before.strip() and \
            not re.search(r"^\s*\S+\s+$", before) and not re.search(r"\b(?:De|Het|Een)\s+$", before):
        return True
    return m.text[:1].isupper() and bool(re.match(r"(?:\s+(?:[A-Z][\w-]*|en|van|de))+\s+(?:19|20)\d\d\b",
                                                  pi.text[m.end:m.end + 80]))


def _external_adopter(res: Resources, m: InstrumentMention) -> bool:
    """"het streekplan, door Provinciale Staten vastgesteld bij besluit van …": an adopter outside the GR."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    return bool(ADOPTED_BY_RE.search(pi.text[m.end:e]))


def _merge(res: Resources, problems: list[tuple]) -> Iterator[Flag]:
    """One flag per mention: the worst severity, the explanations joined."""
    by_mention: dict[int, list[tuple]] = defaultdict(list)
    for p in problems:
        by_mention[id(p[0])].append(p)
    for ps in by_mention.values():
        m = ps[0][0]
        sev = max(p[1] for p in ps)
        conf = max(p[2] for p in ps)
        yield make_flag("AMB-03", res.by_id[m.passage_id], m.start, m.end, severity=sev, confidence=conf,
                        explanation=" ".join(p[3] for p in ps),
                        question=" ".join(dict.fromkeys(p[4] for p in ps)),
                        suggestion=" ".join(p[5] for p in ps if p[5]))
